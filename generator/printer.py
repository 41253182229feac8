"""Card decks as print PDFs (WeasyPrint): A6 front/back in duplex order, and A4 sheets of four.

Each card side is one A6 page. A front is laid out whole, from its own piece of HTML. A back is a stack of
bands: the blocks that differ per gemeente (its meldroute, its local regulation) are a band of their own,
the rest one band before and one after; each band is laid out alone on an A6 page and the back is made by
placing the bands one under the other (pdfpages.stack), which draws the same as laying the back out in one
flow (test_cards compares the pixels). A page or band laid out before in this process is reused
(Layouts), so an edition lays out only what differs from the editions before it: in practice its
gemeente's meldroute band, once for all its signal cards. Each deck is then put together from those pages
(pdfpages): the A6 PDF card by card, the A4 PDF with the same pages placed four to a sheet side, with crop
marks. Text that does not fit a card side fails with the card id and side; never clipped.
"""

from __future__ import annotations

import functools
import hashlib
import io
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pikepdf
from markupsafe import Markup

from . import pdfpages, phrases
from .cards import Blok, Deck, Kaart, Kant, sheets
from .model import Gemeente

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "kaarten" / "kaarten.css"
FORMULIER_CSS = TEMPLATES / "vastleggen" / "formulier.css"
A4 = (210.0, 297.0)  # mm
A6 = (105.0, 148.0)  # mm, as WeasyPrint lays it out
PX_PER_MM = 96 / 25.4  # CSS pixels
CELLS = ((0.0, 0.0), (105.0, 0.0), (0.0, 148.5), (105.0, 148.5))  # where the four A6 cards sit on an A4 sheet (left, top; mm)
# Crop marks (x0, y0, x1, y1; mm from the top left) on the two cut lines, x = 105 and y = 148.5; the sheet edges are the
# cards' edges. Each mark starts 5 mm in from the sheet edge (an office printer does not print closer to the edge); the
# cross in the middle marks the second cut after the first. All lie in the cards' padding, on the cut line itself.
SNIJTEKENS = ((105.0, 5.0, 105.0, 11.0), (105.0, 286.0, 105.0, 292.0), (105.0, 145.5, 105.0, 151.5),
              (5.0, 148.5, 11.0, 148.5), (199.0, 148.5, 205.0, 148.5), (102.0, 148.5, 108.0, 148.5))
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}  # tagged, fonts embedded


class CardError(Exception):
    """Card sides that do not fit; the message names every card id and side."""


def url_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    # Rendering may read local files and data: URIs only; never the network.
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


@functools.cache
def _code() -> str:
    """The hash of the code that puts the pages together and places them on sheets (part of every cache key)."""
    return hashlib.sha256(b"".join(Path(module).read_bytes() for module in (pdfpages.__file__, __file__))).hexdigest()


class PdfCache:
    """Deck PDFs by the hash of their HTML: a deck that reads the same as one printed before is copied.

    Editions of different gemeenten share most decks (an intervention deck differs only where a
    gemeente has its own regulations), so the second and later editions print only what differs.
    The HTML holds everything the PDF shows (CSS inlined, images as data: URIs), and the key includes
    the WeasyPrint and pikepdf versions, the PDF options and the code that puts the pages together
    (pdfpages.py, printer.py), so a hit is the same PDF. Safe to delete at any time.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def key(self, *parts: str) -> str:
        import weasyprint

        digest = hashlib.sha256(f"{weasyprint.__version__}|{pikepdf.__version__}|{sorted(PDF_OPTIONS.items())}|{_code()}".encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str, target: Path, names: tuple[str, ...]) -> int | None:
        """Copy a cached deck into target; its number of A6 pages, or None when not cached."""
        entry = self.folder / key
        if not (entry / "pages").is_file():
            return None
        for name, cached in zip(names, ("a6.pdf", "a4.pdf")):
            shutil.copyfile(entry / cached, target / name)
        return int((entry / "pages").read_text())

    def put(self, key: str, target: Path, names: tuple[str, ...], pages: int) -> None:
        """Store a printed deck; written in a temporary folder and renamed, so a reader never sees half of it.

        The cache only saves time: when it cannot be written (disk full, read-only), the build goes on without.
        """
        if (self.folder / key).exists():
            return
        staging = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=self.folder))
            for name, cached in zip(names, ("a6.pdf", "a4.pdf")):
                shutil.copyfile(target / name, staging / cached)
            (staging / "pages").write_text(str(pages))
            staging.rename(self.folder / key)
        except OSError:  # not writable, or another build stored the same deck first
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class Zijde:
    """One A6 page of a deck: a card side.

    key is the side's whole HTML: what the page shows, so the page is reused wherever that HTML comes back.
    A front is laid out whole. A back is a stack of bands (banden: the HTML of each band on an A6 page of
    its own): the band that differs per gemeente (its meldroute, its local regulation) is laid out once per
    gemeente, the others once for all, and Layouts stacks them into the page the whole HTML makes.
    """

    kaart: str
    kant: str
    key: str
    banden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pagina:
    source: pdfpages.Source
    number: int
    top: float = 0.0  # a band: where it starts on its A6 page, mm from the top
    hoogte: float = 0.0  # a band: its height, mm (its block formatting context keeps its margins inside)


class Layouts:
    """Pages laid out and written before, by the HTML that makes them: an edition lays out only the pages it has not seen.

    Card fronts read the same in every edition, and so do the bands most card backs are made of; in
    `make edities` a worker lays them out for its first edition and reuses them for every next one, so an
    edition lays out little more than its gemeente's meldroute band. Each pass is written once as a tagged
    PDF; the backs are stacked from their bands and the decks put together from the pages (pdfpages.py), so
    no page is drawn twice. The least recently used go first when more than `limit` are kept. One
    FontConfiguration for all, so fonts load once.
    """

    def __init__(self, limit: int = 1500):
        from weasyprint.text.fonts import FontConfiguration

        self.limit = limit
        self.fonts = FontConfiguration()
        self._pages: OrderedDict[str, Pagina] = OrderedDict()  # HTML of a side or band -> where it was written
        self.passes = 0  # pages WeasyPrint laid out (sides and bands), for the tests and the benchmark

    def lay_out(self, zijden: list[Zijde], document: Callable[[list[str]], str]) -> int:
        """Make every side not made before: lay out, in one pass, the fronts and bands not laid out before, then
        stack the backs from their bands. Return how many sides were made.

        A side that does not fit on A6 (a front that runs onto a second page, a back whose bands are together
        taller than the card) raises one CardError that names them all; nothing is clipped.
        """
        wanted = {z.key: z for z in zijden}
        keep = set(wanted) | {band for z in zijden for band in z.banden}
        for key in keep:
            if key in self._pages:
                self._pages.move_to_end(key)
        missing = [z for z in wanted.values() if z.key not in self._pages]
        if not missing:
            return 0
        stukken = [z.key for z in missing if not z.banden]
        stukken += dict.fromkeys(band for z in missing for band in z.banden if band not in self._pages)
        measured = self._pass(stukken, missing, document) if stukken else {}
        stacked = [z for z in missing if z.banden]
        if stacked:
            sides, too_tall = [], []
            for z in stacked:
                bands = [measured.get(band) or self._pages[band] for band in z.banden]
                placed, top = [], bands[0].top
                for band in bands:  # each band where the one before it ends
                    placed.append((band.source, band.number, 0.0, top - band.top))
                    top += band.hoogte
                if top > A6[1] + 0.01:
                    too_tall.append(f"kaart '{z.kaart}' {z.kant} past niet op A6")
                sides.append(placed)
            if too_tall:
                raise CardError("; ".join(too_tall))
            source = pdfpages.stack(sides, A6)
            for number, z in enumerate(stacked):
                self._pages[z.key] = Pagina(source, number)
        while len(self._pages) > self.limit and next(iter(self._pages)) not in keep:
            self._pages.popitem(last=False)
        return len(missing)

    def _pass(self, stukken: list[str], missing: list[Zijde], document: Callable[[list[str]], str]) -> dict[str, Pagina]:
        """Lay out these fronts and bands in one pass, one page each, write it once and keep its pages; the bands measured."""
        from weasyprint import HTML

        laid_out = HTML(string=document(stukken), base_url=str(TEMPLATES), url_fetcher=url_fetcher()).render(font_config=self.fonts)
        spans = pages_per_piece(laid_out)
        if len(spans) != len(stukken):
            raise CardError(f"{len(stukken)} kaartzijden werden {len(laid_out.pages)} pagina's")
        too_long = {stuk for stuk, (pages, _) in zip(stukken, spans) if len(pages) > 1}
        if too_long:  # a band that runs over is named by every side it belongs to
            named = [f"kaart '{z.kaart}' {z.kant} past niet op A6" for z in missing if z.key in too_long or too_long & set(z.banden)]
            raise CardError("; ".join(named))
        written = io.BytesIO()
        laid_out.write_pdf(written, **PDF_OPTIONS)
        source = pdfpages.Source.read(written.getvalue())
        self.passes += len(stukken)
        measured = {}
        for stuk, (pages, box) in zip(stukken, spans):
            band = box.element.get("data-band") is not None
            page = Pagina(source, pages[0], box.position_y / PX_PER_MM, box.margin_height() / PX_PER_MM) if band else Pagina(source, pages[0])
            self._pages[stuk] = page
            measured[stuk] = page
        return measured

    def get(self, zijden: list[Zijde]) -> list[tuple[pdfpages.Source, int]]:
        """(the PDF it was written in, its page number) for each side, made before by lay_out."""
        return [(self._pages[z.key].source, self._pages[z.key].number) for z in zijden]


SHARED = Layouts()  # for this process: every edition it builds reuses the pages laid out before


def banden(kant: Kant) -> list[tuple[Blok, ...]]:
    """A back's blocks in bands: each block that differs per gemeente (Blok.lokaal) a band of its own, the blocks before,
    between and after them together. The first band carries the heading and the last the footer, so those bands are
    never a gemeente's own (an empty one if need be)."""
    result: list[tuple[Blok, ...]] = [()]
    for blok in kant.blokken:
        if blok.lokaal:
            result += [(blok,), ()]
        else:
            result[-1] += (blok,)
    return [band for number, band in enumerate(result) if band or number in (0, len(result) - 1)]


class Printer:
    def __init__(self, gemeente: Gemeente, versie: str, cache: PdfCache | None = None, layouts: Layouts | None = None):
        self.gemeente = gemeente
        self.versie = versie
        self.cache = cache
        self.layouts = layouts or SHARED
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals["phrases"] = phrases
        self.css = Markup(CSS.read_text(encoding="utf-8"))
        self.stamp = f"<!-- {hashlib.sha256(self.css.encode()).hexdigest()[:16]} -->"
        self.laid_out = 0  # sides this printer had to make (the rest were made before)
        self._sides: dict[int, tuple[Zijde, Zijde]] = {}  # by id of the card: a card is in two decks

    def pieces(self, deck: Deck) -> list[Zijde]:
        """Each A6 page of the deck: the front and back of every card.

        Each piece of HTML starts with a stamp of the CSS, so a page laid out with other CSS is never taken for this one.
        """
        return [side for k in deck.kaarten for side in self._card(k)]

    def _card(self, k: Kaart) -> tuple[Zijde, Zijde]:
        if id(k) not in self._sides:
            zijde, band, band_a6 = (self.env.get_template(f"kaarten/{name}.html.j2") for name in ("zijde-a6", "band", "band-a6"))
            groups = banden(k.achterkant)
            inner = [Markup(band.render(k=k, side=k.achterkant, blokken=group, eerste=number == 0, laatste=number == len(groups) - 1,
                                        versie=self.versie)) for number, group in enumerate(groups)]
            front = Zijde(k.id, "voorkant", self.stamp + zijde.render(k=k, side=k.voorkant, banden=[]))
            back = Zijde(k.id, "achterkant", self.stamp + zijde.render(k=k, side=k.achterkant, banden=inner),
                         tuple(self.stamp + band_a6.render(band=b) for b in inner))
            self._sides[id(k)] = (front, back)
        return self._sides[id(k)]

    def html(self, deck: Deck) -> str:
        """The deck as one HTML document (what its A6 PDF shows; the A4 sheets place those pages four to a side)."""
        return self.document(deck.titel, [z.key for z in self.pieces(deck)])

    def document(self, titel: str, stukken: list[str]) -> str:
        return self.env.get_template("kaarten/document.html.j2").render(titel=titel, css=self.css, stukken=[Markup(s) for s in stukken])

    @staticmethod
    def title(deck: Deck, sheet: str) -> str:
        return deck.titel if sheet == "a6" else f"{deck.titel} (A4, vier per vel)"

    def render(self, deck: Deck, target: Path) -> int:
        """Write both PDFs of one deck into target; return the number of A6 pages. Raise CardError on overflow."""
        return sum(count for _, count in self.print_decks([deck], target))

    def print_decks(self, decks: list[Deck], target: Path) -> Iterator[tuple[Deck, int]]:
        """Write both PDFs of every deck into target, yielding each deck and its number of A6 pages when written.

        A deck that reads the same as one printed before is copied from the cache. The card sides of the
        others are made first, in one pass, and only those not made before in this process (so every side
        that does not fit is named at once). Then each deck is put together from those pages: the A6 PDF
        card by card, the A4 PDF four to a sheet side, the backs mirrored for long-edge duplex.
        """
        target.mkdir(parents=True, exist_ok=True)
        todo = []
        for deck in decks:
            names = (Path(deck.a6).name, Path(deck.a4).name)
            pieces = self.pieces(deck)
            # The sheet layout (A4, CELLS, SNIJTEKENS) is in the key through the code of this module (_code).
            key = self.cache.key(self.document(deck.titel, [z.key for z in pieces]), self.title(deck, "a4")) if self.cache else ""
            if self.cache and (count := self.cache.get(key, target, names)) is not None:
                yield deck, count
            else:
                todo.append((deck, names, pieces, key))
        self.laid_out += self.layouts.lay_out([p for *_, pieces, _ in todo for p in pieces], functools.partial(self.document, ""))
        for deck, names, pieces, key in todo:
            pages = self.layouts.get(pieces)
            fronts, backs = dict(zip(deck.kaarten, pages[0::2])), dict(zip(deck.kaarten, pages[1::2]))
            pdfpages.assemble(pages, self.title(deck, "a6"), target / names[0], [(k.titel, 2 * n) for n, k in enumerate(deck.kaarten)])
            sheet_sides = [[(*side[k], *cell) for cell, k in zip(CELLS, group[which]) if k]
                           for group in sheets(deck.kaarten) for which, side in (("voor", fronts), ("achter", backs))]
            pdfpages.impose(sheet_sides, A4, SNIJTEKENS, self.title(deck, "a4"), target / names[1],
                            [(k.titel, 2 * (n // 4)) for n, k in enumerate(deck.kaarten)])  # a card's front is on sheet n // 4
            if self.cache:
                self.cache.put(key, target, names, len(pieces))
            yield deck, len(pieces)


def print_form(printer: Printer, meldroute: Blok, target: Path) -> Path:
    """The blank 'Leg vast' form on A4, to fill in by hand (the same fields as the web form)."""
    from weasyprint import HTML

    context = {"gemeente": printer.gemeente, "versie": printer.versie, "meldroute": meldroute, "acuut": phrases.ACUUT,
               "css": Markup(FORMULIER_CSS.read_text(encoding="utf-8"))}
    html = printer.env.get_template("vastleggen/formulier-a4.html.j2").render(**context)
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=str(TEMPLATES), url_fetcher=url_fetcher()).write_pdf(target, **PDF_OPTIONS)
    return target


def pages_per_piece(document: Any) -> list[tuple[list[int], Any]]:
    """For each piece of a pass, in order (a section with data-kant, or a band with data-band): the pages it stands on,
    and its box on the first of them."""
    found: dict[int, tuple[list[int], Any]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and ("data-kant" in element.attrib or "data-band" in element.attrib):
                pages, _ = found.setdefault(id(element), ([], box))
                if number not in pages:
                    pages.append(number)
    return list(found.values())


def overflowing_sides(document: Any) -> list[tuple[str, str]]:
    """Card sides that run onto more than one page of the A6 deck."""
    pages_of: dict[tuple[str, str], set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and element.get("data-kant"):
                pages_of.setdefault((element.get("data-kaart"), element.get("data-kant")), set()).add(number)
    return sorted(side for side, pages in pages_of.items() if len(pages) > 1)


def print_all(printer: Printer, decks: list[Deck], target: Path, say: Callable[[str], None]) -> tuple[int, float]:
    """Print every deck, reporting progress; return (A6 pages, seconds)."""
    started = time.perf_counter()
    pages = 0
    for number, (deck, count) in enumerate(printer.print_decks(decks, target), start=1):
        pages += count
        say(f"[{number}/{len(decks)}] {deck.id}: {len(deck.kaarten)} kaarten, {count} pagina's A6")
    return pages, time.perf_counter() - started
