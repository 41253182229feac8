"""Pages laid out once per process and reused, and pages stacked from bands: for card sides and one-page handouts.

A page is laid out from a piece of HTML by WeasyPrint. A piece laid out before in this process is not
laid out again (Layouts keeps its page, by its HTML), so in `make edities` a worker lays out a card front
once for all editions. A page can also be a stack of bands: each band is laid out alone, on a page of the
same paper and margins where it sits at the top, and the page is made by placing the bands one under the
other (pdfpages.stack). Only the band that differs per gemeente (a meldroute) is then laid out per gemeente;
the bands around it once for all. A band keeps its margins inside (CSS `.band { display: flow-root }`), so it
is as tall alone as in one flow, and the stack draws the same as the page laid out in one flow (the tests
compare the pixels).
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import pdfpages

PX_PER_MM = 96 / 25.4  # CSS pixels
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}  # tagged, fonts embedded


class PageOverflow(Exception):
    """Pages that do not fit: names every piece (Stuk.naam) that runs over."""

    def __init__(self, names: list[str]):
        super().__init__("; ".join(names))
        self.names = names


@dataclass(frozen=True)
class Stuk:
    """One page to make: key is its whole HTML (what the page shows, so the page is reused wherever that HTML comes
    back); banden, when given, the HTML of each of its bands, each a page of its own, stacked to make it."""

    naam: str  # in messages: "kaart 'x' achterkant", "'sessie-x-samenvatting'"
    key: str
    banden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pagina:
    source: pdfpages.Source
    number: int
    top: float = 0.0  # a band: where it starts on its page, mm from the top
    hoogte: float = 0.0  # a band: its height, mm
    bodem: float = 0.0  # a band: how low the page lets content go (the bottom of its content area), mm
    breedte: float = 0.0  # the page's size, mm
    lengte: float = 0.0


def stamp(css: str) -> str:
    """A comment that starts every piece of HTML laid out with this CSS: a page laid out with other CSS is another page."""
    return f"<!-- {hashlib.sha256(css.encode()).hexdigest()[:16]} -->"


def url_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    # Rendering may read local files and data: URIs only; never the network.
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class Layouts:
    """Pages laid out and written before, by the HTML that makes them: each call lays out only what it has not seen.

    Each pass is written once as a tagged PDF (pdfpages.Source); pages are put together from it, so no page is
    drawn twice. The least recently used go first when more than `limit` are kept. One FontConfiguration for
    all, so fonts load once.
    """

    def __init__(self, base_url: Path, limit: int = 1500):
        from weasyprint.text.fonts import FontConfiguration

        self.base_url = base_url
        self.limit = limit
        self.fonts = FontConfiguration()
        self._pages: OrderedDict[str, Pagina] = OrderedDict()  # HTML of a page or band -> where it was written
        self.passes = 0  # pages WeasyPrint laid out (pages and bands), for the tests and the benchmark

    def lay_out(self, stukken: list[Stuk], document: Callable[[list[str]], str]) -> int:
        """Make every page not made before: lay out, in one pass, the pages and bands not laid out before (document:
        the HTML of a pass from the pieces, each of which must start a new page), then stack the pages made of bands.
        Return how many pages were made.

        Pages that do not fit (a page that runs onto a second, bands that together reach below the page's content
        area) raise one PageOverflow that names them all; nothing is clipped.
        """
        wanted = {s.key: s for s in stukken}
        keep = set(wanted) | {band for s in stukken for band in s.banden}
        for key in keep:
            if key in self._pages:
                self._pages.move_to_end(key)
        missing = [s for s in wanted.values() if s.key not in self._pages]
        if not missing:
            return 0
        pieces = [s.key for s in missing if not s.banden]
        pieces += dict.fromkeys(band for s in missing for band in s.banden if band not in self._pages)
        if pieces:
            self._pass(pieces, missing, document)
        stacked = [s for s in missing if s.banden]
        if stacked:
            sides, too_tall = [], []
            for s in stacked:
                bands = [self._pages[band] for band in s.banden]
                placed, top = [], bands[0].top
                for band in bands:  # each band where the one before it ends
                    placed.append((band.source, band.number, 0.0, top - band.top))
                    top += band.hoogte
                sides.append(((bands[0].breedte, bands[0].lengte), placed))
                if top > bands[-1].bodem + 0.01:
                    too_tall.append(s.naam)
            if too_tall:
                raise PageOverflow(too_tall)
            source = pdfpages.stack(sides)
            for number, s in enumerate(stacked):
                self._pages[s.key] = Pagina(source, number)
        self._evict(keep)
        return len(missing)

    def place(self, wanted: list[tuple[str, list[tuple[str, float, float]]]], size: tuple[float, float],
              decoration: bytes = b"") -> list[tuple[pdfpages.Source, int]]:
        """Pages made by placing pages made before (by lay_out, named by their keys) at (left, top), mm, on a page of
        this size, such as four cards on an A4 sheet: each (its key, what is placed on it). A page made before is
        not made again: the sheet of four card fronts is the same in every edition. decoration: pdfpages.marks()."""
        keys = [key for key, _ in wanted]
        keep = set(keys) | {piece for _, placed in wanted for piece, *_ in placed}
        for key in keep:
            if key in self._pages:
                self._pages.move_to_end(key)
        missing = {key: placed for key, placed in wanted if key not in self._pages}
        if missing:
            pages = [(size, [(self._pages[piece].source, self._pages[piece].number, left, top) for piece, left, top in placed])
                     for placed in missing.values()]
            source = pdfpages.stack(pages, decoration)
            for number, key in enumerate(missing):
                self._pages[key] = Pagina(source, number)
        result = [(self._pages[key].source, self._pages[key].number) for key in keys]
        self._evict(keep)
        return result

    def _evict(self, keep: set[str]) -> None:
        while len(self._pages) > self.limit and next(iter(self._pages)) not in keep:
            self._pages.popitem(last=False)

    def _pass(self, pieces: list[str], missing: list[Stuk], document: Callable[[list[str]], str]) -> None:
        """Lay out these pages and bands in one pass, one page each, write it once and keep its pages, the bands measured."""
        from weasyprint import HTML

        laid_out = HTML(string=document(pieces), base_url=str(self.base_url), url_fetcher=url_fetcher()).render(font_config=self.fonts)
        spans = pages_per_piece(laid_out)
        if len(spans) != len(pieces):  # every piece is an element with data-stuk or data-band
            raise RuntimeError(f"{len(pieces)} stukken, {len(spans)} gevonden in de opmaak")
        too_long = {piece for piece, (pages, _) in zip(pieces, spans) if len(pages) > 1}
        if too_long:  # a band that runs over is named by every page it belongs to
            raise PageOverflow([s.naam for s in missing if s.key in too_long or too_long & set(s.banden)])
        written = io.BytesIO()
        laid_out.write_pdf(written, **PDF_OPTIONS)
        source = pdfpages.Source.read(written.getvalue())
        self.passes += len(pieces)
        for piece, (pages, box) in zip(pieces, spans):
            page = laid_out.pages[pages[0]]
            if box.element.get("data-band") is None:
                self._pages[piece] = Pagina(source, pages[0])
                continue
            area = page._page_box
            self._pages[piece] = Pagina(source, pages[0], box.position_y / PX_PER_MM, box.margin_height() / PX_PER_MM,
                                        (area.content_box_y() + area.height) / PX_PER_MM, page.width / PX_PER_MM, page.height / PX_PER_MM)

    def get(self, stukken: list[Stuk]) -> list[tuple[pdfpages.Source, int]]:
        """(the PDF it was written in, its page number) for each page, made before by lay_out."""
        return [(self._pages[s.key].source, self._pages[s.key].number) for s in stukken]

    def band(self, html: str) -> Pagina:
        """A band laid out before (for the tests)."""
        return self._pages[html]


def pages_per_piece(document: Any) -> list[tuple[list[int], Any]]:
    """For each piece of a pass, in order (an element with data-stuk or data-band): the pages it stands on, and its
    box on the first of them."""
    found: dict[int, tuple[list[int], Any]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and ("data-stuk" in element.attrib or "data-band" in element.attrib):
                pages, _ = found.setdefault(id(element), ([], box))
                if number not in pages:
                    pages.append(number)
    return list(found.values())
