"""The resolve step: checked content and an edition in, everything to render out, before anything is written.

The result (Site) is read-only: the Markdown writer, the card printer and the diagram code only
read it. A new page type is one entry in `_pages` plus its template.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx

from . import az, combinatiewijzer, diagram, doors, text, urls
from .cards import Deck, DeckLink, Kaart, build_cards
from .combinatiekaarten import combination_decks
from .editie import Editie
from .loader import Content, Key
from .problems import ContentError, Problem, Problems
from .views import DOELGROEP_TITELS, Group, Index, View, group_by_soort, stand_van_zaken


@dataclass(frozen=True)
class Page:
    pad: str  # where it goes in docs/, e.g. "signalen/hv-x.md"
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    bron: Key | None = None  # the record it shows, to point a site-check problem back to its YAML
    intern: bool = False  # shows an intern record: marked on the page (only in an internal edition)
    diagram: diagram.Diagram | None = None  # drawn by the writer, passed to the template as `svg`


@dataclass(frozen=True)
class Site:
    editie: Editie
    versie: str
    index: Index
    kaarten: tuple[Kaart, ...]
    decks: tuple[Deck, ...]
    pages: tuple[Page, ...]
    afkortingen: tuple[tuple[str, str], ...]  # (afkorting, "term: what it is") for the abbreviation file
    logo: Path | None = None  # the gemeente's own logo file, when its profile names one

    @property
    def gemeente(self) -> Any:
        return self.index.gemeente


def resolve(content: Content, graph: nx.DiGraph, editie: Editie, versie: str) -> Site:
    gemeente = content.gemeenten[editie.gemeente]
    index = Index(content, graph, gemeente)
    kaarten, decks = build_cards(index, editie.basis_url or gemeente.website)
    decks += combination_decks(index)  # the exercise sets as cards for the table; printed like every deck
    # An abbreviation explains itself: the words it stands for and what it is, not just the letters.
    afkortingen = tuple(sorted((b.afkorting, f"{' '.join(b.term.split())}: {text.first_sentence(b.uitleg)}")
                               for b in content.begrippen.values() if b.afkorting))
    pages = tuple(_marked(page, content) for page in _pages(index, kaarten, decks))
    _fail_on_overwrites(pages, content)
    logo = None
    if gemeente.huisstijl and gemeente.huisstijl.logo and content.root is not None:
        logo = content.root / content.where("gemeenten", gemeente.id)[0].rsplit("/", 1)[0] / gemeente.huisstijl.logo
    return Site(editie, versie, index, tuple(kaarten), tuple(decks), pages, afkortingen, logo)


def _pages(index: Index, kaarten: list[Kaart], decks: list[Deck]) -> Iterator[Page]:
    content = index.content
    barrieres = index.all("barrieres")
    yield Page(urls.PAGES["start"], "index.md.j2", {"aantallen": {
        "signalen": len(content.signalen), "barrieres": len(content.barrieres), "interventies": len(content.interventies)}})
    chain, tekening = _chain(barrieres), urls.drawing(urls.PAGES["barrieremodel"])
    yield Page(urls.PAGES["barrieremodel"], "barrieremodel.md.j2", {"barrieres": barrieres, "tekening": tekening}, diagram=chain)
    yield Page(tekening, "tekening.svg.j2", {"diagram": chain})
    for b in barrieres:
        yield Page(b.pad, "barriere.md.j2", {"b": b, "kaarten": [k for k in kaarten if k.barriere is b]}, bron=("barrieres", b.id))
    for s in index.all("signalen"):
        yield Page(s.pad, "signaal.md.j2", {"s": s}, bron=("signalen", s.id))
    for v in index.all("interventies"):
        kaart = next(k for k in kaarten if k.interventie is v)
        yield Page(v.pad, "interventie.md.j2", {"v": v, "kaart": kaart}, bron=("interventies", v.id))
    yield Page(urls.PAGES["interventies"], "interventies.md.j2", {"groepen": group_by_soort(index.all("interventies"))})
    for p in index.all("partners"):
        yield Page(p.pad, "partner.md.j2", {"p": p}, bron=("partners", p.id))
    yield Page(urls.PAGES["partners"], "partners.md.j2", {"partners": index.all("partners")})
    yield Page(urls.PAGES["matrix_vormen"], "matrix_vormen.md.j2", {"vormen": index.all("vormen"), "rijen": _matrix_vormen(index)})
    yield Page(urls.PAGES["matrix_interventies"], "matrix_interventies.md.j2",
               {"barrieres": barrieres, "rijen": _matrix_interventies(index)})
    gemeente = index.view("gemeenten", index.gemeente.id)
    landelijk = [p for p in index.all("partners") if p.soort == "landelijk" and p.telefoon]
    yield Page(urls.PAGES["meldroute"], "meldroute.md.j2", {"g": gemeente, "landelijk": landelijk},
               bron=("gemeenten", index.gemeente.id))
    yield Page(urls.PAGES["stand_van_zaken"], "stand_van_zaken.md.j2", {"g": gemeente, "rijen": stand_van_zaken(index)},
               bron=("gemeenten", index.gemeente.id))
    begrippen = sorted(index.all("begrippen"), key=lambda b: b.term.lower())
    yield Page(urls.PAGES["begrippen"], "begrippen.md.j2", {"vormen": index.all("vormen"), "begrippen": begrippen})
    yield Page(urls.PAGES["a_z"], "a_z.md.j2", {"letters": az.letters(index)})
    yield Page(urls.PAGES["bronnen"], "bronnen.md.j2", {"bronnen": sorted(index.all("bronnen"), key=lambda b: b.titel.lower())})
    for deur in doors.DEUREN:
        interventies = group_by_soort(index.all("interventies")) if deur == "toezicht" else []
        yield Page(str(urls.door(deur)), "ingang.md.j2", {"deur": doors.door(index, deur, decks), "interventies": interventies})
    yield Page(urls.PAGES["signaal"], "signaal_wat_nu.md.j2", {"deur": doors.door(index, "signaal", decks),
                                                               "rollen": [r for r in index.all("rollen") if r.deur in (None, "signaal")]})
    yield from _training_pages(index, barrieres, doors.door(index, "training", decks))
    yield from _combinatiewijzer(index)
    yield Page(urls.PAGES["beslisbomen"], "beslisbomen.md.j2", {"bomen": index.all("beslisbomen")})
    for kaart in kaarten:
        yield Page(kaart.pad, "kaart.md.j2", {"k": kaart})
    yield Page(urls.PAGES["kaarten"], "kaarten.md.j2", {
        "per_rol": [d for d in decks if d.id.startswith("rol-")],
        "per_barriere": [d for d in decks if d.id.startswith("barriere-")],
        "interventies": next(d for d in decks if d.id == "interventies")})
    for boom in index.all("beslisbomen"):
        yield from _tree_pages(boom)


def _training_pages(index: Index, barrieres: list[View], deur: Any) -> Iterator[Page]:
    """The trainer's door, the overview, and a page per case, exercise set and session plan."""
    sessies = sorted(index.all("sessies"), key=lambda s: (list(DOELGROEP_TITELS).index(s.doelgroep), s.duur_minuten, s.id))
    groepen = [Group(d, titel, [s for s in sessies if s.doelgroep == d]) for d, titel in DOELGROEP_TITELS.items()]
    yield Page(urls.PAGES["training"], "training.md.j2", {"barrieres": barrieres, "groepen": [g for g in groepen if g.items],
                                                          "deur": deur})
    yield Page(urls.PAGES["training_overzicht"], "training_overzicht.md.j2", {
        "sessies": sessies, "casussen": index.all("casussen"), "oefeningen": index.all("oefeningen"), "poster": urls.poster()})
    for c in index.all("casussen"):
        yield Page(c.pad, "casus.md.j2", {"c": c}, bron=("casussen", c.id))
    for o in index.all("oefeningen"):
        kaarten = DeckLink(o.deck, f"Combinatiekaarten {o.titel}")
        yield Page(o.pad, "oefening.md.j2", {"o": o, "kaarten": kaarten}, bron=("oefeningen", o.id))
    for s in sessies:
        yield Page(s.pad, "sessie.md.j2", {"s": s}, bron=("sessies", s.id))


def _fail_on_overwrites(pages: tuple[Page, ...], content: Content) -> None:
    """Two pages at one path would silently overwrite each other (ids that run together, such as
    card 'sk-' + barrière + '-' + rol): a problem at each record involved, before anything is written."""
    first: dict[str, Page] = {}
    problems = []
    for page in pages:
        earlier = first.setdefault(page.pad, page)
        if earlier is page:
            continue
        for same in (earlier, page):
            path, line, column = content.where(*same.bron) if same.bron else (page.pad, 0, 0)
            problems.append(Problem(path, line, column, f"de pagina '{page.pad}' zou twee keer gemaakt worden en "
                                    "zichzelf overschrijven; kies een ander id", "pagina-dubbel"))
    if problems:
        raise ContentError(Problems(problems))


def _marked(page: Page, content: Content) -> Page:
    if page.bron is None or page.bron[0] == "gemeenten":
        return page
    record = content.records[page.bron[0]].get(page.bron[1])
    return replace(page, intern=True) if getattr(record, "zichtbaarheid", "publiek") == "intern" else page


def _tree_pages(boom: View) -> Iterator[Page]:
    """One page per question and outcome, plus an overview with the whole tree drawn."""
    bron = ("beslisbomen", boom.id)
    for bezoek in boom.bezoeken.values():  # a page per node and route to it: the page shows the route taken
        knoop = bezoek.knoop
        titel = f"{boom.titel}: {knoop.vraag if knoop.is_vraag else knoop.titel}"
        if bezoek.route_nummer:
            titel += f" (route {bezoek.route_nummer})"
        template = "beslisboom_vraag.md.j2" if knoop.is_vraag else "beslisboom_uitkomst.md.j2"
        yield Page(str(bezoek.pad), template, {"boom": boom, "knoop": knoop, "bezoek": bezoek, "titel": titel}, bron=bron)
        if not knoop.is_vraag and bezoek.route_nummer <= 1:  # one Leg vast page per outcome, whatever the route
            yield Page(str(knoop.leg_vast), "leg_vast.md.j2",
                       {"boom": boom, "knoop": knoop, "titel": f"Leg vast: {boom.titel}: {knoop.titel}"}, bron=bron)
    knopen = [diagram.Knoop(k.id, k.vraag if k.is_vraag else k.titel, urls.html(str(k.pad)).rsplit("/", 1)[-1],
                            "vraag" if k.is_vraag else ("acuut" if k.urgentie == "acuut" else "uitkomst"))
              for k in boom.knopen.values()]
    pijlen = [(k.id, a.knoop.id, a.tekst) for k in boom.knopen.values() if k.is_vraag for a in k.antwoorden]
    drawing = diagram.Diagram(knopen, pijlen, "TB", f"Schema van de beslisboom {boom.titel}", "boom-titel")
    tekening = urls.drawing(str(boom.overzicht))
    yield Page(str(boom.overzicht), "beslisboom_overzicht.md.j2", {"boom": boom, "titel": f"Overzicht: {boom.titel}", "tekening": tekening},
               bron=bron, diagram=drawing)
    yield Page(tekening, "tekening.svg.j2", {"diagram": drawing})  # drawn after its page, which reports a failure


def _combinatiewijzer(index: Index) -> Iterator[Page]:
    """The page where a worker ticks what they saw, and the data its script reads (written at build time)."""
    gemeente = index.view("gemeenten", index.gemeente.id)
    yield Page(urls.PAGES["combinatiewijzer"], "combinatiewijzer.md.j2",
               {"barrieres": index.all("barrieres"), "g": gemeente})
    yield Page(urls.SCRIPTS["combinaties_data"], "combinatiewijzer-data.js.j2", {"data": combinatiewijzer.data(index)})


def _chain(barrieres: list[View]) -> diagram.Diagram:
    chain = [diagram.Knoop(b.id, f"{b.titel} (uitbreiding)" if b.uitbreiding else b.titel, urls.html(str(b.pad)),
                           "uitbreiding" if b.uitbreiding else "stap") for b in barrieres]
    arrows = [(a.id, b.id, "") for a, b in zip(chain, chain[1:])]
    return diagram.Diagram(chain, arrows, "LR", "De keten van barrières: " + ", ".join(b.titel for b in barrieres), "keten-titel")


def _matrix_vormen(index: Index) -> list[dict[str, Any]]:
    vormen = index.all("vormen")
    rows = []
    for b in index.all("barrieres"):
        cells = [([s for s in b.signalen if v.id in s.record.vormen], f"{b.pad}#{v.id}") for v in vormen]
        rows.append({"barriere": b, "cellen": cells})
    return rows


def _matrix_interventies(index: Index) -> list[dict[str, Any]]:
    rows = []
    for v in index.all("interventies"):
        cells = []
        for b in index.all("barrieres"):
            cells.append(([s for s in v.signalen if s.barriere is b], b in v.barrieres, f"{b.pad}#interventies"))
        rows.append({"interventie": v, "cellen": cells})
    return rows
