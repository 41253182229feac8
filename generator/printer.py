"""Card decks as print PDFs (WeasyPrint): A6 front/back in duplex order, and A4 sheets of four.

Text that does not fit a card side fails with the card id and side; never clipped.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import phrases
from .cards import Blok, Deck, sheets
from .model import Gemeente

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "kaarten" / "kaarten.css"
FORMULIER_CSS = TEMPLATES / "vastleggen" / "formulier.css"
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}  # tagged, fonts embedded


class CardError(Exception):
    """Card sides that do not fit; the message names every card id and side."""


def url_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    # Rendering may read local files and data: URIs only; never the network.
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class PdfCache:
    """Deck PDFs by the hash of their HTML: a deck that reads the same as one printed before is copied.

    Editions of different gemeenten share most decks (an intervention deck differs only where a
    gemeente has its own regulations), so the second and later editions print only what differs.
    The HTML holds everything the PDF shows (CSS inlined, images as data: URIs), and the key includes
    the WeasyPrint version and the PDF options, so a hit is the same PDF. Safe to delete at any time.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def key(self, *parts: str) -> str:
        import weasyprint

        digest = hashlib.sha256(f"{weasyprint.__version__}|{sorted(PDF_OPTIONS.items())}".encode())
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


class Printer:
    def __init__(self, gemeente: Gemeente, versie: str, cache: PdfCache | None = None):
        self.gemeente = gemeente
        self.versie = versie
        self.cache = cache
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals["phrases"] = phrases
        self.css = Markup(CSS.read_text(encoding="utf-8"))

    def html(self, deck: Deck, sheet: str) -> str:
        context: dict[str, Any] = {"deck": deck, "gemeente": self.gemeente, "versie": self.versie, "css": self.css}
        if sheet == "a4":
            context["vellen"] = sheets(deck.kaarten)
        return self.env.get_template(f"kaarten/deck-{sheet}.html.j2").render(**context)

    def render(self, deck: Deck, target: Path) -> int:
        """Write both PDFs of a deck into target; return the number of A6 pages. Raise CardError on overflow."""
        from weasyprint import HTML

        a6, a4 = self.html(deck, "a6"), self.html(deck, "a4")
        names = (Path(deck.a6).name, Path(deck.a4).name)
        target.mkdir(parents=True, exist_ok=True)
        key = self.cache.key(a6, a4) if self.cache else ""
        if self.cache and (pages := self.cache.get(key, target, names)) is not None:
            return pages
        document = HTML(string=a6, base_url=str(TEMPLATES), url_fetcher=url_fetcher()).render()
        overflow = overflowing_sides(document)
        if overflow:
            raise CardError("; ".join(f"kaart '{kaart}' {kant} past niet op A6" for kaart, kant in overflow))
        document.write_pdf(target / names[0], **PDF_OPTIONS)
        HTML(string=a4, base_url=str(TEMPLATES), url_fetcher=url_fetcher()).write_pdf(target / names[1], **PDF_OPTIONS)
        if self.cache:
            self.cache.put(key, target, names, len(document.pages))
        return len(document.pages)


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
    """Render every deck, reporting progress; collect all overflows before failing."""
    started = time.perf_counter()
    pages, problems = 0, []
    for number, deck in enumerate(decks, start=1):
        deck_started = time.perf_counter()
        try:
            count = printer.render(deck, target)
        except CardError as exc:
            problems.extend(str(exc).split("; "))
            say(f"[{number}/{len(decks)}] {deck.id}: past niet")
            continue
        pages += count
        say(f"[{number}/{len(decks)}] {deck.id}: {len(deck.kaarten)} kaarten, {count} pagina's A6 ({time.perf_counter() - deck_started:.1f} s)")
    if problems:
        raise CardError("; ".join(dict.fromkeys(problems)))
    return pages, time.perf_counter() - started
