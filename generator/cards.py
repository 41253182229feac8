"""Signaalkaarten and interventiekaarten: which cards exist, and their print PDFs (WeasyPrint).

A signaalkaart exists for every barrier and role where that role meets at least
MIN_SIGNALEN signals of that barrier; it shows at most MAX_SIGNALEN of them, in the
order the editors put them. An interventiekaart exists for every intervention.
Text that does not fit a card side fails the build with the card id and side.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
import segno
from markupsafe import Markup

from . import text
from .model import IN_TE_VULLEN
from .views import Item, Views

MIN_SIGNALEN = 5
MAX_SIGNALEN = 8
TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "kaarten" / "kaarten.css"


@dataclass
class Kaart:
    id: str
    soort: str  # signaalkaart | interventiekaart
    titel: str
    pad: Markup  # the card's web page, relative to docs/
    url: str  # short address printed on the card
    qr: str | None  # data: URI of the QR code, only when the handbook's website is known
    barriere: Item | None = None
    rol: Item | None = None
    signalen: list[Item] = field(default_factory=list)
    interventie: Item | None = None
    beslisbomen: list[Item] = field(default_factory=list)
    meldroute: list[dict[str, str]] = field(default_factory=list)  # the gemeente's route, one line per step
    geldig_vanaf: str = ""
    decks: list["Deck"] = field(default_factory=list)


@dataclass
class Deck:
    id: str
    titel: str
    kaarten: list[Kaart]

    @property
    def a6(self) -> Markup:
        return Markup(f"kaarten/pdf/{self.id}-a6.pdf")

    @property
    def a4(self) -> Markup:
        return Markup(f"kaarten/pdf/{self.id}-a4.pdf")


class CardError(Exception):
    """Card sides that do not fit; the message names every card id and side."""


def build_cards(views: Views, website: str | None) -> tuple[list[Kaart], list[Deck]]:
    """All cards and decks, resolved; nothing rendered yet."""
    meldroute = _meldroute(views)
    kaarten: list[Kaart] = []
    per_barriere: dict[str, list[Kaart]] = {}
    per_rol: dict[str, list[Kaart]] = {}
    for barriere in views.barrieres.values():
        for rol in views.rollen.values():
            signalen = [s for s in barriere.signalen if rol.id in s.record.rollen]
            if len(signalen) < MIN_SIGNALEN:
                continue
            shown = signalen[:MAX_SIGNALEN]
            ident = f"sk-{barriere.id}-{rol.id}"
            trees = [b for b in views.beslisbomen.values() if set(b.record.signalen) & {s.id for s in shown}]
            kaart = Kaart(ident, "signaalkaart", f"Signaalkaart {barriere.titel}: {rol.titel}", *_where(ident, website),
                          barriere=barriere, rol=rol, signalen=shown, beslisbomen=trees, meldroute=meldroute)
            kaarten.append(kaart)
            per_barriere.setdefault(barriere.id, []).append(kaart)
            per_rol.setdefault(rol.id, []).append(kaart)
    interventiekaarten = []
    for interventie in views.interventies.values():
        ident = f"ik-{interventie.id}"
        kaart = Kaart(ident, "interventiekaart", f"Interventiekaart: {interventie.titel}", *_where(ident, website),
                      interventie=interventie, geldig_vanaf=text.datum(interventie.geldig_vanaf))
        interventiekaarten.append(kaart)
    kaarten.extend(interventiekaarten)

    decks = [Deck(f"barriere-{b}", f"Signaalkaarten {views.barrieres[b].titel}", k) for b, k in per_barriere.items()]
    decks += [Deck(f"rol-{r}", f"Signaalkaarten {views.rollen[r].titel}", k) for r, k in per_rol.items()]
    decks.append(Deck("interventies", "Alle interventiekaarten", interventiekaarten))
    for deck in decks:
        for kaart in deck.kaarten:
            kaart.decks.append(deck)
    return kaarten, decks


def _where(ident: str, website: str | None) -> tuple[Markup, str, str | None]:
    pad = Markup(f"kaarten/{ident}.md")
    if not website:
        return pad, f"kaarten/{ident}.html", None
    url = f"{website.rstrip('/')}/kaarten/{ident}.html"
    return pad, url, segno.make(url, error="m").svg_data_uri(scale=4, border=0)


def _meldroute(views: Views) -> list[dict[str, str]]:
    """The gemeente's route, compressed to one line per step for the back of a card."""
    lines = []
    for stap in views.meldroute:
        parts = []
        for partner in stap.partners:
            naam = partner.contact.naam if partner.contact else partner.naam
            telefoon = partner.telefoon_tekst
            if telefoon == IN_TE_VULLEN:
                telefoon = "(nummer in te vullen)"
            parts.append(naam if not telefoon or telefoon in naam else f"{naam} {telefoon}")
        lines.append({"label": stap.titel, "naam": "; ".join(parts)})
    return lines


def _url_fetcher():
    from weasyprint.urls import URLFetcher

    # Rendering may read local files and data: URIs only; never the network.
    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


class Printer:
    """Renders decks to PDF: A6 front/back in duplex order, and A4 sheets of four with mirrored backs."""

    def __init__(self, views: Views, versie: str):
        self.views = views
        self.versie = versie
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.css = Markup(CSS.read_text(encoding="utf-8"))

    def html(self, deck: Deck, sheet: str) -> str:
        context: dict[str, Any] = {"deck": deck, "gemeente": self.views.gemeente, "versie": self.versie, "css": self.css}
        if sheet == "a4":
            context["vellen"] = sheets(deck.kaarten)
        return self.env.get_template(f"kaarten/deck-{sheet}.html.j2").render(**context)

    def render(self, deck: Deck, target: Path) -> int:
        """Write both PDFs of a deck; return the number of card pages. Raise CardError on overflow."""
        from weasyprint import HTML

        document = HTML(string=self.html(deck, "a6"), base_url=str(TEMPLATES), url_fetcher=_url_fetcher()).render()
        overflow = overflowing_sides(document)
        if overflow:
            raise CardError("; ".join(f"kaart '{kaart}' {kant} past niet op A6" for kaart, kant in overflow))
        target.mkdir(parents=True, exist_ok=True)
        options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
        document.write_pdf(target / Path(deck.a6).name, **options)
        sheet = HTML(string=self.html(deck, "a4"), base_url=str(TEMPLATES), url_fetcher=_url_fetcher())
        sheet.write_pdf(target / Path(deck.a4).name, **options)
        return len(document.pages)


def sheets(kaarten: list[Kaart]) -> list[dict[str, list[Kaart | None]]]:
    """Groups of four: fronts in reading order, backs with the columns swapped (long-edge duplex)."""
    result = []
    for start in range(0, len(kaarten), 4):
        group: list[Kaart | None] = list(kaarten[start:start + 4])
        group += [None] * (4 - len(group))
        result.append({"voor": group, "achter": [group[1], group[0], group[3], group[2]]})
    return result


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
            problems.append(str(exc))
            say(f"[{number}/{len(decks)}] {deck.id}: past niet")
            continue
        pages += count
        say(f"[{number}/{len(decks)}] {deck.id}: {len(deck.kaarten)} kaarten, {count} pagina's A6 ({time.perf_counter() - deck_started:.1f} s)")
    if problems:
        raise CardError("; ".join(dict.fromkeys(problems)))
    return pages, time.perf_counter() - started
