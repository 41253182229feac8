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
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pikepdf
from markupsafe import Markup

from . import pages, pdfpages, phrases
from .cards import Blok, Deck, Kaart, Kant, sheets
from .layouts import PDF_OPTIONS, Layouts, PageOverflow, Stuk, stamp, url_fetcher
from .model import Gemeente

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "kaarten" / "kaarten.css"
FORMULIER_CSS = TEMPLATES / "vastleggen" / "formulier.css"
A4 = (210.0, 297.0)  # mm
CELLS = ((0.0, 0.0), (105.0, 0.0), (0.0, 148.5), (105.0, 148.5))  # where the four A6 cards sit on an A4 sheet (left, top; mm)
# Crop marks (x0, y0, x1, y1; mm from the top left) on the two cut lines, x = 105 and y = 148.5; the sheet edges are the
# cards' edges. Each mark starts 5 mm in from the sheet edge (an office printer does not print closer to the edge); the
# cross in the middle marks the second cut after the first. All lie in the cards' padding, on the cut line itself.
SNIJTEKENS = ((105.0, 5.0, 105.0, 11.0), (105.0, 286.0, 105.0, 292.0), (105.0, 145.5, 105.0, 151.5),
              (5.0, 148.5, 11.0, 148.5), (199.0, 148.5, 205.0, 148.5), (102.0, 148.5, 108.0, 148.5))
CROP_MARKS = pdfpages.marks(A4, SNIJTEKENS)  # the same on every sheet side


class CardError(Exception):
    """Card sides that do not fit; the message names every card id and side."""


@functools.cache
def _code() -> str:
    """The hash of the code that lays out, stacks, puts together and places the pages on sheets (part of every cache key)."""
    modules = [Path(pdfpages.__file__), Path(__file__)] + [Path(__file__).with_name(name) for name in ("layouts.py", "handouts.py")]
    return hashlib.sha256(b"".join(module.read_bytes() for module in modules)).hexdigest()


class PdfCache:
    """Deck PDFs by the hash of their HTML: a deck that reads the same as one printed before is copied.

    Editions of different gemeenten share most decks (an intervention deck differs only where a
    gemeente has its own regulations), so the second and later editions print only what differs.
    The HTML holds everything the PDF shows (CSS inlined, images as data: URIs), and the key includes
    the WeasyPrint and pikepdf versions, the PDF options and the code that puts the pages together
    (pdfpages.py, layouts.py, printer.py, handouts.py), so a hit is the same PDF. Safe to delete at any time.
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


SHARED = Layouts(TEMPLATES)  # for this process: every edition it builds reuses the pages laid out before


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
        self.env = pages.html_environment()
        self.css = Markup(CSS.read_text(encoding="utf-8"))
        self.stamp = stamp(self.css)
        self.laid_out = 0  # sides this printer had to make (the rest were made before)
        self._sides: dict[int, tuple[Stuk, Stuk]] = {}  # by id of the card: a card is in two decks

    def pieces(self, deck: Deck) -> list[Stuk]:
        """Each A6 page of the deck: the front and back of every card.

        Each piece of HTML starts with a stamp of the CSS, so a page laid out with other CSS is never taken for this one.
        """
        return [side for k in deck.kaarten for side in self._card(k)]

    def _card(self, k: Kaart) -> tuple[Stuk, Stuk]:
        if id(k) not in self._sides:
            zijde, band, band_a6 = (self.env.get_template(f"kaarten/{name}.html.j2") for name in ("zijde-a6", "band", "band-a6"))
            groups = banden(k.achterkant)
            inner = [Markup(band.render(k=k, side=k.achterkant, blokken=group, eerste=number == 0, laatste=number == len(groups) - 1,
                                        versie=self.versie)) for number, group in enumerate(groups)]
            front = Stuk(f"kaart '{k.id}' voorkant", self.stamp + zijde.render(k=k, side=k.voorkant, banden=[]))
            back = Stuk(f"kaart '{k.id}' achterkant", self.stamp + zijde.render(k=k, side=k.achterkant, banden=inner),
                        tuple(self.stamp + band_a6.render(band=b) for b in inner))
            self._sides[id(k)] = (front, back)
        return self._sides[id(k)]

    def html(self, deck: Deck) -> str:
        """The deck as one HTML document (what its A6 PDF shows; the A4 sheets place those pages four to a side)."""
        return self.document(deck.titel, [z.key for z in self.pieces(deck)])

    def document(self, titel: str, stukken: list[str]) -> str:
        return self.env.get_template("kaarten/document.html.j2").render(titel=titel, css=self.css, stukken=[Markup(s) for s in stukken])

    @staticmethod
    def _sheet(kaarten: list[Kaart | None], side: dict[Kaart, Stuk]) -> tuple[str, list[tuple[str, float, float]]]:
        """One side of an A4 sheet: its key, and (the page, left, top) of each card on it."""
        placed = [(side[k].key, *cell) for cell, k in zip(CELLS, kaarten) if k]
        return "A4\0" + "\0".join(f"{left},{top}\0{piece}" for piece, left, top in placed), placed

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
        try:
            self.laid_out += self.layouts.lay_out([p for *_, pieces, _ in todo for p in pieces], functools.partial(self.document, ""))
        except PageOverflow as exc:
            raise CardError("; ".join(f"{name} past niet op A6" for name in exc.names)) from None
        # The A4 sheets: each side four pages placed in their cells, the backs mirrored; a sheet side made before (four
        # card fronts, in every edition the same) is not made again.
        sheet_sides = [[self._sheet(group[which], dict(zip(deck.kaarten, pieces[side::2]))) for group in sheets(deck.kaarten)
                        for side, which in ((0, "voor"), (1, "achter"))] for deck, _, pieces, _ in todo]
        made = self.layouts.place([side for sides in sheet_sides for side in sides], A4, CROP_MARKS)
        for (deck, names, pieces, key), sides in zip(todo, sheet_sides):
            pdfpages.assemble(self.layouts.get(pieces), self.title(deck, "a6"), target / names[0],
                              [(k.titel, 2 * n) for n, k in enumerate(deck.kaarten)])
            own, made = made[:len(sides)], made[len(sides):]
            pdfpages.assemble(own, self.title(deck, "a4"), target / names[1],
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
