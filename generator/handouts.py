"""Training handouts as print PDFs (WeasyPrint): A4 sheets per case, exercise set and session, and the A3 poster.

What each handout holds is decided here (Handout); the templates in templates/handouts/ only lay
it out. A session's exercise sheets are made of the pages of its cases' participant sheets and its
exercise sets, laid out once. Everything that must be laid out is laid out in one WeasyPrint pass
per paper size (fonts and styles loaded once) and written once; each handout is a PDF of its own put
together from its pages (pdfpages), with its headings as bookmarks. A session summary is a stack of
bands (layouts.py): its meldroute, the only part that differs per gemeente and the same in every
session, is one band, laid out once per gemeente; the bands around it once per process. A handout
that reads the same as one printed before (in another edition) is copied from the cache
(printer.PdfCache). A handout that needs more pages than it may have fails the build with its id, as
a card that does not fit does.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from markupsafe import Markup

from . import cards, pages, pdfpages, phrases, urls
from .layouts import PDF_OPTIONS, Layouts, PageOverflow, Stuk, stamp, url_fetcher
from .printer import PdfCache
from .resolve import Site

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "handouts" / "handouts.css"
Pages = list[tuple[pdfpages.Source, int]]  # pages of a pass written once, (source, page number)


class HandoutError(Exception):
    """Handouts that need more pages than they may have; the message names every one."""


@dataclass(frozen=True)
class Handout:
    id: str  # "casus-x-deelnemer": in messages and on the page
    titel: str  # the PDF's title
    pad: Markup  # where the PDF goes, relative to the docs folder
    template: str | None  # None: made of the pages of other handouts (onderdelen)
    context: dict[str, Any] = field(default_factory=dict)
    max_paginas: int = 1
    poster: bool = False  # A3 instead of A4
    onderdelen: tuple[str, ...] = ()  # ids of the handouts whose pages this one reuses, in order
    banden: tuple[str, ...] = ()  # a one-page handout stacked from bands: their templates (layouts.py), in order


def handouts(site: Site) -> list[Handout]:
    """Every handout of this edition, with what it shows; nothing rendered yet."""
    index = site.index
    result = []
    for c in index.all("casussen"):
        result.append(Handout(f"casus-{c.id}-deelnemer", f"Casus {c.titel}: deelnemersblad", c.deelnemer_pdf,
                              "handouts/casus-deelnemer.html.j2", {"c": c}))
        result.append(Handout(f"casus-{c.id}-trainer", f"Casus {c.titel}: trainersblad", c.trainer_pdf,
                              "handouts/casus-trainer.html.j2", {"c": c}, max_paginas=2))
    for o in index.all("oefeningen"):
        result.append(Handout(f"oefening-{o.id}-blad", f"Oefening {o.titel}: oefenblad", o.blad_pdf, "handouts/oefenblad.html.j2", {"o": o}))
    meldroute = cards.meldroute(index)
    for s in index.all("sessies"):
        onderdelen = tuple(f"casus-{c.id}-deelnemer" for c in s.casussen) + tuple(f"oefening-{o.id}-blad" for o in s.oefeningen)
        if onderdelen:
            result.append(Handout(f"sessie-{s.id}-oefenbladen", f"{s.titel}: oefenbladen", s.oefeningen_pdf, None,
                                  max_paginas=len(onderdelen), onderdelen=tuple(dict.fromkeys(onderdelen))))
        # Bands: only the meldroute differs per gemeente, and it is the same in every session; so an edition lays out
        # that one band, not twelve pages.
        result.append(Handout(f"sessie-{s.id}-samenvatting", f"{s.titel}: samenvatting", s.samenvatting_pdf,
                              "handouts/sessie-samenvatting.html.j2",
                              {"s": s, "barrieres": index.all("barrieres"), "meldroute": meldroute},
                              banden=tuple(f"handouts/samenvatting-{band}.html.j2" for band in ("kop", "route", "mee"))))
    result.append(Handout("poster-barrieremodel", "Poster: het barrièremodel", urls.poster(), "handouts/poster.html.j2",
                          {"barrieres": index.all("barrieres")}, poster=True))
    return result


SHARED = Layouts(TEMPLATES)  # for this process: the bands of stacked handouts, laid out once for every edition it builds


class HandoutPrinter:
    def __init__(self, site: Site, cache: PdfCache | None = None, layouts: Layouts | None = None):
        self.env = pages.html_environment()
        self.shared = {"versie": site.versie, "gemeente": site.gemeente, "phrases": phrases}
        self.css = Markup(CSS.read_text(encoding="utf-8"))
        self.cache = cache
        self.layouts = layouts or SHARED
        self.stamp = stamp(self.css)
        self._band_pages: dict[str, tuple[str, ...]] = {}  # handout id -> the HTML of each of its bands on a page of its own
        self._pages_of: dict[str, Pages] = {}  # handout id -> its pages (laid out in this run)
        self._bookmarks: dict[str, list[tuple[str, int]]] = {}  # handout id -> its headings (text, its own page number)

    def body(self, h: Handout) -> str:
        assert h.template is not None
        if not h.banden:
            return self.env.get_template(h.template).render(h=h, **h.context, **self.shared)
        inner = [Markup(self.env.get_template(band).render(h=h, **h.context, **self.shared)) for band in h.banden]
        page = self.env.get_template("handouts/band.html.j2")
        self._band_pages[h.id] = tuple(self.stamp + page.render(band=band, klasse="blad" if number == 0 else "blad vervolg")
                                       for number, band in enumerate(inner))
        return self.env.get_template(h.template).render(h=h, banden=inner, **h.context, **self.shared)

    def html(self, bodies: list[str]) -> str:
        teksten = [Markup(body) for body in bodies]
        return self.env.get_template("handouts/handout.html.j2").render(css=self.css, teksten=teksten)

    def print(self, items: list[Handout], docs: Path) -> int:
        """Write every handout into docs; return the number of pages laid out (0 when all came from the cache)."""
        bodies = {h.id: self.body(h) for h in items if h.template}
        keys = {h.id: self._key(h.titel, self.html([bodies[h.id]])) for h in items if h.template}
        for h in items:
            if not h.template:
                keys[h.id] = self._key(h.titel, *(keys[part] for part in h.onderdelen))
        todo = [h for h in items if not self._from_cache(keys[h.id], docs / h.pad)]
        needed = {h.id for h in todo if h.template} | {part for h in todo for part in h.onderdelen}
        laid_out = 0
        pages = self._pages_of
        for poster in (False, True):
            batch = [h for h in items if h.id in needed and h.poster == poster and not h.banden]
            if batch:
                laid_out += self._lay_out(batch, [bodies[h.id] for h in batch], pages)
        stacked = [h for h in items if h.id in needed and h.banden]
        if stacked:
            laid_out += self._stack(stacked, bodies, pages)
        for h in todo:
            parts = [h.id] if h.template else list(h.onderdelen)
            self._write(h, [page for part in parts for page in pages[part]], parts, docs, keys[h.id])
        return laid_out

    def _lay_out(self, batch: list[Handout], bodies: list[str], pages: dict[str, Pages]) -> int:
        from weasyprint import HTML

        document = HTML(string=self.html(bodies), base_url=str(TEMPLATES), url_fetcher=url_fetcher()).render()
        numbers = pages_per_handout(document)
        too_long = [f"'{h.id}' heeft {len(numbers.get(h.id, []))} pagina's (hoogstens {h.max_paginas})"
                    for h in batch if len(numbers.get(h.id, [])) > h.max_paginas]
        if too_long:
            raise HandoutError("; ".join(too_long))
        written = io.BytesIO()
        document.write_pdf(written, **PDF_OPTIONS)  # drawn once; each handout is a copy of its pages (pdfpages)
        source = pdfpages.Source.read(written.getvalue())
        headings = _headings(document.make_bookmark_tree())
        for h in batch:
            pages[h.id] = [(source, n) for n in numbers[h.id]]
            self._bookmarks[h.id] = [(label, numbers[h.id].index(n)) for label, n in headings if n in numbers[h.id]]
        return len(document.pages)

    def _stack(self, stacked: list[Handout], bodies: dict[str, str], pages: dict[str, Pages]) -> int:
        """One-page handouts made of bands: a band laid out before in this process is not laid out again."""
        stukken = [Stuk(f"'{h.id}'", self.stamp + bodies[h.id], self._band_pages[h.id]) for h in stacked]
        try:
            self.layouts.lay_out(stukken, self.html)
        except PageOverflow as exc:
            raise HandoutError("; ".join(f"{name} past niet op één pagina" for name in exc.names)) from None
        for h, page in zip(stacked, self.layouts.get(stukken)):
            pages[h.id] = [page]
            self._bookmarks[h.id] = [(heading, 0) for heading in _headings_in(bodies[h.id])]
        return len(stacked)

    def _write(self, h: Handout, own: Pages, parts: list[str], docs: Path, key: str) -> None:
        """The handout's pages as a PDF of its own, with its own title and its headings as bookmarks."""
        target = docs / h.pad
        bookmarks, start = [], 0
        for part in parts:
            bookmarks += [(label, start + n) for label, n in self._bookmarks[part]]
            start += len(self._pages_of[part])
        pdfpages.assemble(own, h.titel, target, bookmarks)
        if self.cache:
            self.cache.put(key, target.parent, (target.name,), len(own))

    def _key(self, *parts: str) -> str:
        return self.cache.key(*parts) if self.cache else ""

    def _from_cache(self, key: str, target: Path) -> bool:
        if not self.cache:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        return self.cache.get(key, target.parent, (target.name,)) is not None


def _headings_in(body: str) -> list[str]:
    """The headings of a one-page handout, in order, from its HTML (as WeasyPrint makes bookmarks of them)."""
    fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    return [" ".join(h.text_content().split()) for h in fragment.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def _headings(tree: list[Any], result: list[tuple[str, int]] | None = None) -> list[tuple[str, int]]:
    """WeasyPrint's bookmark tree (the headings), flat and in order: (text, page number)."""
    result = [] if result is None else result
    for label, (page, *_), children, *_ in tree:
        result.append((label, page))
        _headings(children, result)
    return result


def pages_per_handout(document: Any) -> dict[str, list[int]]:
    """Page numbers on which each handout (an element with data-handout) stands."""
    result: dict[str, list[int]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            ident = element.get("data-handout") if element is not None else None
            if ident and number not in result.setdefault(ident, []):
                result[ident].append(number)
    return result


def print_all(site: Site, docs: Path, say: Callable[[str], None], cache: PdfCache | None = None) -> tuple[int, int, float]:
    """Every handout and the poster; return (files, pages laid out, seconds)."""
    started = time.perf_counter()
    items = handouts(site)
    laid_out = HandoutPrinter(site, cache).print(items, docs)
    return len(items), laid_out, time.perf_counter() - started
