"""Render the Markdown pages of the handbook from the resolved views."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import diagram, text
from .cards import Deck, Kaart
from .views import DEUR_TITELS, Item, Views

TEMPLATES = Path(__file__).parent / "templates"
ANCHOR = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

DEUR_INLEIDING = {
    "balie": "Signalen die je aan de balie kunt opvangen, per rol en per barrière.",
    "toezicht": "Signalen die je bij toezicht en controles tegenkomt, en de interventies die je kunt inzetten.",
    "client": "Signalen bij cliënten en jongeren. Denk bij strafbare feiten ook aan de vraag: dader of slachtoffer?",
}


def _extern(url: str) -> Markup:
    """An outside link (never loaded by the site itself; only followed when clicked)."""
    safe = html.escape(url, quote=True)
    return Markup(f'<a href="{safe}">{safe}</a>')


def _anker(value: str) -> Markup:
    """An id used as anchor or path part; ids are validated, this keeps it that way."""
    if not ANCHOR.fullmatch(value):
        raise ValueError(f"ongeldig anker: {value!r}")
    return Markup(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=text.escape,
    )
    env.filters["extern"] = _extern
    env.filters["anker"] = _anker
    env.filters["yaml_tekst"] = lambda value: Markup(json.dumps(" ".join(str(value).split()), ensure_ascii=False))
    return env


class Writer:
    """Writes every page of the handbook into a docs folder."""

    def __init__(self, views: Views, versie: str, kaarten: list[Kaart], decks: list[Deck]):
        self.views = views
        self.versie = versie
        self.kaarten = kaarten
        self.decks = decks
        for barriere in views.barrieres.values():
            barriere.extra["kaarten"] = [k for k in kaarten if k.barriere is barriere]
        for interventie in views.interventies.values():
            interventie.extra["kaart"] = next(k for k in kaarten if k.interventie is interventie)
        self.env = environment()
        self.abbreviations = {
            b.afkorting: b.term for b in views.content.begrippen.values() if b.afkorting
        }
        self.written: list[str] = []

    def page(self, docs: Path, pad: str, template: str, **context: Any) -> None:
        root = Markup("../" * pad.count("/"))
        body = self.env.get_template(template).render(root=root, gemeente=self.views.gemeente, versie=self.versie, **context)
        target = docs / pad
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        self.written.append(pad)

    def markdown(self, source: str) -> Markup:
        return text.render_markdown(source, self.abbreviations)

    def write(self, docs: Path) -> list[str]:
        v = self.views
        content = v.content
        self.page(docs, "index.md", "index.md.j2", aantallen={
            "signalen": len(content.signalen), "barrieres": len(content.barrieres), "interventies": len(content.interventies),
        })
        chain = [
            diagram.Knoop(b.id, f"{b.titel} (uitbreiding)" if b.uitbreiding else b.titel, f"{b.pad[:-3]}.html",
                          "uitbreiding" if b.uitbreiding else "stap")
            for b in v.barrieres.values()
        ]
        arrows = [(a.id, b.id, "") for a, b in zip(chain, chain[1:])]
        svg = diagram.render_svg(diagram.dot(chain, arrows), "De keten van barrières: " + ", ".join(b.titel for b in v.barrieres.values()), "keten-titel")
        self.page(docs, "barrieremodel.md", "barrieremodel.md.j2", svg=svg, barrieres=list(v.barrieres.values()))
        for b in v.barrieres.values():
            self.page(docs, b.pad, "barriere.md.j2", b=b, beschrijving=self.markdown(b.beschrijving))
        for s in v.signalen.values():
            self.page(docs, s.pad, "signaal.md.j2", s=s, toelichting=self.markdown(s.toelichting))
        for i in v.interventies.values():
            self.page(docs, i.pad, "interventie.md.j2", v=i, geldig_vanaf=text.datum(i.geldig_vanaf))
        self.page(docs, "interventies/index.md", "interventies.md.j2", groepen=v.interventies_per_soort())
        for p in v.partners.values():
            self.page(docs, p.pad, "partner.md.j2", p=p)
        self.page(docs, "partners/index.md", "partners.md.j2", partners=list(v.partners.values()))
        self.page(docs, "matrix/vormen.md", "matrix_vormen.md.j2", vormen=list(v.vormen.values()), rijen=v.matrix_vormen())
        self.page(docs, "matrix/interventies.md", "matrix_interventies.md.j2",
                  barrieres=list(v.barrieres.values()), rijen=v.matrix_interventies())
        landelijk = [p for p in v.partners.values() if p.soort == "landelijk" and p.telefoon]
        self.page(docs, "meldroute.md", "meldroute.md.j2", stappen=v.meldroute, landelijk=landelijk,
                  bronnen=[v.bronnen[b] for b in v.gemeente.bronnen])
        self.page(docs, "begrippen.md", "begrippen.md.j2", vormen=list(v.vormen.values()), begrippen=[
            _with_sources(b, v) for b in sorted(content.begrippen.values(), key=lambda b: b.term.lower())
        ])
        self.page(docs, "bronnen.md", "bronnen.md.j2", bronnen=sorted(content.bronnen.values(), key=lambda b: b.titel.lower()))
        for deur, titel in DEUR_TITELS.items():
            self.page(docs, f"ingang/{deur}.md", "ingang.md.j2", titel=titel, inleiding=DEUR_INLEIDING[deur],
                      rollen=v.door(deur), interventies=v.interventies_per_soort() if deur == "toezicht" else [])
        self.page(docs, "ingang/signaal.md", "signaal_wat_nu.md.j2",
                  rollen=[r for r in v.rollen.values() if not r.record.deur])
        self.page(docs, "ingang/training.md", "training.md.j2", barrieres=list(v.barrieres.values()))
        self.page(docs, "beslisbomen/index.md", "beslisbomen.md.j2", bomen=list(v.beslisbomen.values()))
        for kaart in self.kaarten:
            self.page(docs, kaart.pad, "kaart.md.j2", k=kaart)
        self.page(docs, "kaarten/index.md", "kaarten.md.j2",
                  per_rol=[d for d in self.decks if d.id.startswith("rol-")],
                  per_barriere=[d for d in self.decks if d.id.startswith("barriere-")],
                  interventies=next(d for d in self.decks if d.id == "interventies"))
        for boom in v.beslisbomen.values():
            self.tree(docs, boom)
        self.abbreviation_file(docs.parent / "includes" / "afkortingen.md")
        return self.written

    def tree(self, docs: Path, boom: Any) -> None:
        """One page per question and outcome, plus an overview with the whole tree drawn."""
        for knoop in boom.knopen.values():
            titel = f"{boom.titel}: {knoop.vraag if knoop.is_vraag else knoop.titel}"
            template = "beslisboom_vraag.md.j2" if knoop.is_vraag else "beslisboom_uitkomst.md.j2"
            self.page(docs, knoop.pad, template, boom=boom, knoop=knoop, titel=titel, is_start=knoop is boom.start_knoop)
        knopen = [
            diagram.Knoop(k.id, k.vraag if k.is_vraag else k.titel, f"{k.pad.rsplit('/', 1)[-1][:-3]}.html",
                          "vraag" if k.is_vraag else ("acuut" if k.urgentie == "acuut" else "uitkomst"))
            for k in boom.knopen.values()
        ]
        pijlen = [(k.id, a.knoop.id, a.tekst) for k in boom.knopen.values() if k.is_vraag for a in k.antwoorden]
        svg = diagram.render_svg(diagram.dot(knopen, pijlen, richting="TB"), f"Schema van de beslisboom {boom.titel}", "boom-titel")
        self.page(docs, boom.overzicht, "beslisboom_overzicht.md.j2", boom=boom, svg=svg, titel=f"Overzicht: {boom.titel}")

    def abbreviation_file(self, target: Path) -> None:
        """Definitions that pymdownx.snippets appends to every page, so abbreviations explain themselves."""
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"*[{short}]: {' '.join(long.split())}" for short, long in sorted(self.abbreviations.items())]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _with_sources(begrip: Any, views: Views) -> Item:
    return Item(begrip, "begrippen.md#" + begrip.id, {"bronnen": [views.bronnen[b] for b in begrip.bronnen]})
