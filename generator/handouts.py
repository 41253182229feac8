"""Training handouts as print PDFs (WeasyPrint): A4 sheets per case and session, and the A3 poster.

What each handout holds is decided here (Handout); the templates in templates/handouts/ only lay
it out. All handouts of one paper size are laid out in one WeasyPrint pass (fonts and styles are
loaded once) and written as separate PDFs, each a copy of its own pages. A handout that needs more
pages than it may have fails the build with its id, as a card that does not fit does.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import cards, phrases, urls
from .printer import PDF_OPTIONS, url_fetcher
from .resolve import Site

TEMPLATES = Path(__file__).parent / "templates"
CSS = TEMPLATES / "handouts" / "handouts.css"


class HandoutError(Exception):
    """Handouts that need more pages than they may have; the message names every one."""


@dataclass(frozen=True)
class Handout:
    id: str  # "casus-x-deelnemer": in messages and on the page
    titel: str  # the PDF's title
    pad: Markup  # where the PDF goes, relative to the docs folder
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    max_paginas: int = 1
    poster: bool = False  # A3 instead of A4


def handouts(site: Site) -> list[Handout]:
    """Every handout of this edition, with what it shows; nothing rendered yet."""
    index = site.index
    result = []
    for c in index.all("casussen"):
        result.append(Handout(f"casus-{c.id}-deelnemer", f"Casus {c.titel}: deelnemersblad", c.deelnemer_pdf,
                              "handouts/casus-deelnemer.html.j2", {"c": c}))
        result.append(Handout(f"casus-{c.id}-trainer", f"Casus {c.titel}: trainersblad", c.trainer_pdf,
                              "handouts/casus-trainer.html.j2", {"c": c}, max_paginas=2))
    meldroute = cards.meldroute(index)
    for s in index.all("sessies"):
        sheets = len(s.casussen) + len(s.oefeningen)
        if sheets:
            result.append(Handout(f"sessie-{s.id}-oefenbladen", f"{s.titel}: oefenbladen", s.oefeningen_pdf,
                                  "handouts/sessie-oefenbladen.html.j2", {"s": s}, max_paginas=sheets))
        result.append(Handout(f"sessie-{s.id}-samenvatting", f"{s.titel}: samenvatting", s.samenvatting_pdf,
                              "handouts/sessie-samenvatting.html.j2",
                              {"s": s, "barrieres": index.all("barrieres"), "meldroute": meldroute}))
    result.append(Handout("poster-barrieremodel", "Poster: het barrièremodel", urls.poster(), "handouts/poster.html.j2",
                          {"barrieres": index.all("barrieres")}, poster=True))
    return result


class HandoutPrinter:
    def __init__(self, site: Site):
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.shared = {"versie": site.versie, "gemeente": site.gemeente, "phrases": phrases}
        self.css = Markup(CSS.read_text(encoding="utf-8"))

    def html(self, batch: list[Handout]) -> str:
        teksten = [Markup(self.env.get_template(h.template).render(h=h, **h.context, **self.shared)) for h in batch]
        return self.env.get_template("handouts/handout.html.j2").render(css=self.css, teksten=teksten)

    def render(self, batch: list[Handout], docs: Path) -> int:
        """Lay out a batch in one pass, then write each handout's pages as its own PDF; return the page count."""
        from weasyprint import HTML

        document = HTML(string=self.html(batch), base_url=str(TEMPLATES), url_fetcher=url_fetcher()).render()
        pages = pages_per_handout(document)
        too_long = [f"'{h.id}' heeft {len(pages.get(h.id, []))} pagina's (hoogstens {h.max_paginas})"
                    for h in batch if len(pages.get(h.id, [])) > h.max_paginas]
        if too_long:
            raise HandoutError("; ".join(too_long))
        for h in batch:
            part = document.copy([document.pages[n] for n in pages[h.id]])
            part.metadata = copy.copy(document.metadata)
            part.metadata.title = h.titel
            target = docs / h.pad
            target.parent.mkdir(parents=True, exist_ok=True)
            part.write_pdf(target, **PDF_OPTIONS)
        return len(document.pages)


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


def print_all(site: Site, docs: Path, say: Callable[[str], None]) -> tuple[int, int, float]:
    """Every handout and the poster; return (files, pages, seconds)."""
    started = time.perf_counter()
    items = handouts(site)
    printer = HandoutPrinter(site)
    pages = 0
    for batch in ([h for h in items if not h.poster], [h for h in items if h.poster]):
        if batch:
            pages += printer.render(batch, docs)
    return len(items), pages, time.perf_counter() - started
