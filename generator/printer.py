"""Card decks as print PDFs (WeasyPrint): A6 front/back in duplex order, and A4 sheets of four.

Text that does not fit a card side fails with the card id and side; never clipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .cards import Deck, sheets
from .model import Gemeente

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "kaarten" / "kaarten.css"


class CardError(Exception):
    """Card sides that do not fit; the message names every card id and side."""


def url_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    # Rendering may read local files and data: URIs only; never the network.
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class Printer:
    def __init__(self, gemeente: Gemeente, versie: str):
        self.gemeente = gemeente
        self.versie = versie
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.css = Markup(CSS.read_text(encoding="utf-8"))

    def html(self, deck: Deck, sheet: str) -> str:
        context: dict[str, Any] = {"deck": deck, "gemeente": self.gemeente, "versie": self.versie, "css": self.css}
        if sheet == "a4":
            context["vellen"] = sheets(deck.kaarten)
        return self.env.get_template(f"kaarten/deck-{sheet}.html.j2").render(**context)

    def render(self, deck: Deck, target: Path) -> int:
        """Write both PDFs of a deck into target; return the number of A6 pages. Raise CardError on overflow."""
        from weasyprint import HTML

        document = HTML(string=self.html(deck, "a6"), base_url=str(TEMPLATES), url_fetcher=url_fetcher()).render()
        overflow = overflowing_sides(document)
        if overflow:
            raise CardError("; ".join(f"kaart '{kaart}' {kant} past niet op A6" for kaart, kant in overflow))
        target.mkdir(parents=True, exist_ok=True)
        options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
        document.write_pdf(target / Path(deck.a6).name, **options)
        sheet = HTML(string=self.html(deck, "a4"), base_url=str(TEMPLATES), url_fetcher=url_fetcher())
        sheet.write_pdf(target / Path(deck.a4).name, **options)
        return len(document.pages)


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
