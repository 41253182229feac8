"""Read-only views of the records for the templates: references resolved, back-links from the graph.

A view shows a record's YAML fields by their YAML names. A reference field (declared with Ref
in model.py) always gives the views it points to, never ids; a nested block gives a block view.
What a page needs beyond the fields (the barrier of a signal, the contact of a partner in this
edition) is a typed property of the view class for that collection. Views are built from an
immutable index and never change after construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
from markupsafe import Markup
from pydantic import BaseModel

from . import phrases, refs, text, trees, urls
from .loader import Content
from .model import COLLECTIES, Contact, Gemeente, Grondslag, LokaleRegeling

SOORT_TITELS = {
    "bestuurlijk": "Bestuurlijke interventies",
    "strafrechtelijk": "Strafrechtelijke route",
    "fiscaal": "Fiscale interventies",
    "zorg": "Zorg en bescherming",
    "melden": "Melden",
}
STATUS_TITELS = {"geldend": "Geldend", "in-voorbereiding": "In voorbereiding", "vervallen": "Vervallen"}
URGENTIE_TITELS = {"acuut": "Acuut: nu handelen", "vandaag": "Vandaag", "deze-week": "Deze week"}
DOELGROEP_TITELS = {"balie": "Baliemedewerkers", "toezicht": "Toezicht en handhaving",
                    "client": "Wijkteam, zorg en jongerenwerk", "iedereen": "Alle medewerkers"}
AFLOOP_TITELS = {"uitbuiting": "Signalen van uitbuiting", "onschuldig": "De signalen blijken onschuldig"}
NON_PUNISHMENT = "non-punishmentbeginsel"  # the begrip that explains "dader of slachtoffer?"


class Index:
    """Everything a view may look up: content, graph, the edition's gemeente. Built once, never changed."""

    def __init__(self, content: Content, graph: nx.DiGraph, gemeente: Gemeente):
        self.content = content
        self.graph = graph
        self.gemeente = gemeente
        self.contacts: dict[str, list[Contact]] = {}
        for contact in gemeente.contacten:
            self.contacts.setdefault(contact.partner, []).append(contact)
        self.lokaal = {r.interventie: r for r in gemeente.lokale_regelingen}
        self.views: dict[tuple[str, str], View] = {}
        for collection, ident, record in content.all_records():
            cls = VIEW_CLASSES.get(collection, View)
            self.views[(collection, ident)] = cls(self, collection, record)

    def view(self, collection: str, ident: str) -> View | None:
        return self.views.get((collection, ident))

    def all(self, collection: str) -> list[View]:
        return [self.views[(collection, i)] for i in self.content.records[collection]]

    def back(self, collection: str, ident: str, source: str) -> list[View]:
        """Records of collection `source` that mention this one, in their collection's order."""
        node = (collection, ident)
        if node not in self.graph:
            return []
        mentioning = {i for kind, i in self.graph.predecessors(node) if kind == source}
        return [self.views[(source, i)] for i in self.content.records[source] if i in mentioning]


class Block:
    """A nested block of a record (a grondslag, a meldstap, a tree node): fields with references resolved."""

    def __init__(self, index: Index, record: BaseModel):
        self._index = index
        self.record: Any = record  # the YAML record; typed per collection in model.py
        self._refs = refs.ref_fields(type(record))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "record":
            raise AttributeError(name)
        if name not in type(self.record).model_fields:
            raise AttributeError(f"{type(self.record).__name__} heeft geen veld '{name}'")
        value = getattr(self.record, name)
        if name in self._refs:
            return self._resolve(self._refs[name].collection, value)
        return self._wrap(value)

    def _resolve(self, collection: str, value: Any) -> Any:
        if isinstance(value, list):
            found = [self._index.view(collection, ident) for ident in value]
            return [v for v in found if v is not None]  # optional links to what this edition left out vanish
        return None if value is None else self._index.view(collection, value)

    def _wrap(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return self._block(value)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            return [self._block(item) for item in value]
        return value

    def _block(self, record: BaseModel) -> Any:
        for c in COLLECTIES:  # a nested record of its own collection (a barrier's signals) is that record's view
            if isinstance(record, c.model) and c.in_record:
                return self._index.view(c.naam, getattr(record, "id"))
        return Block(self._index, record)


class View(Block):
    """A record with a page (or an anchor) of its own."""

    def __init__(self, index: Index, collection: str, record: BaseModel):
        super().__init__(index, record)
        self.collection = collection
        self.pad = urls.url_for(collection, record)

    @property
    def id(self) -> str:
        return str(self.record.id)

    def genoemd_door(self, source: str) -> list[View]:
        return self._index.back(self.collection, self.id, source)

    @property
    def beslisbomen(self) -> list[View]:
        """Trees that start from, or lead to, this record."""
        return self.genoemd_door("beslisbomen")


@dataclass(frozen=True)
class Group:
    id: str
    titel: str
    items: list[Any]
    pad: str = ""


@dataclass(frozen=True)
class Combinatie:
    """Another signal that often comes with this one, and why the combination counts."""

    signaal: View
    waarom: str


class SignaalView(View):
    @cached_property
    def samen(self) -> list[Combinatie]:
        """The curated combinations of this signal in both directions: its own samen_met, then those naming it."""
        eigen = [Combinatie(ander, entry.waarom) for entry in self.record.samen_met
                 if entry.signaal != self.id and (ander := self._index.view("signalen", entry.signaal)) is not None]
        result = {c.signaal.id: c for c in eigen}
        for ander in self.genoemd_door("signalen"):
            for entry in ander.record.samen_met:
                if entry.signaal == self.id and ander.id not in result:
                    result[ander.id] = Combinatie(ander, entry.waarom)
        return list(result.values())

    @cached_property
    def acuut(self) -> bool:
        """A decision tree sends this signal to an acute outcome (112 first)."""
        return any(u.urgentie == "acuut" and self.id in u.signalen
                   for boom in self._index.content.beslisbomen.values() for u in boom.uitkomsten)

    @cached_property
    def barriere(self) -> View:
        parent = self._index.content.ouder[(self.collection, self.id)]
        return self._index.views[parent]

    @property
    def dader_of_slachtoffer(self) -> bool:
        return "criminele-uitbuiting" in self.record.vormen

    @property
    def non_punishment(self) -> View | None:
        return self._index.view("begrippen", NON_PUNISHMENT)

    @property
    def casussen(self) -> list[View]:
        """Training cases with this signal in one of their scenes (not where it is an innocent reading)."""
        return [c for c in self.genoemd_door("casussen") if any(self.id in scene.signalen for scene in c.record.scenes)]


class InterventieView(View):
    @property
    def soort_titel(self) -> str:
        return SOORT_TITELS[self.record.soort]

    @property
    def status_titel(self) -> str:
        return STATUS_TITELS[self.record.status]

    @property
    def geldig_vanaf_tekst(self) -> str:
        return text.datum(self.record.geldig_vanaf)

    @property
    def signalen(self) -> list[View]:
        return self.genoemd_door("signalen")

    @property
    def is_toezicht(self) -> bool:
        """Carried out by a toezichthouder (administrative supervision): the card says it is not criminal investigation."""
        return self.record.soort == "bestuurlijk" and "toezicht" in self.record.uitvoerder.lower()

    @property
    def lokaal(self) -> Lokaal | None:
        """Whether this edition's gemeente has the local regulation this intervention needs (None: not needed)."""
        if not self.record.vereist_lokale_regeling:
            return None
        return lokaal(self._index.gemeente, self._index.lokaal.get(self.id))

    @property
    def grondslagen(self) -> list[Grondslag]:
        return list(self.record.grondslag)


class PartnerView(View):
    @property
    def contacten(self) -> list[Contact]:
        """This edition's gemeente's own contacts for this partner (intern ones only in an internal edition)."""
        return self._index.contacts.get(self.id, [])

    @property
    def te_bellen(self) -> Contact | None:
        """The gemeente's contact to print for this partner: the first with a number, else the first."""
        return next((c for c in self.contacten if c.telefoon), self.contacten[0] if self.contacten else None)

    @property
    def van_gemeente(self) -> bool:
        """The number comes from the gemeente's profile, not from a national list."""
        return self.record.soort != "landelijk"

    @property
    def nummer(self) -> str | None:
        """The one number to print: the national one, else the gemeente's first."""
        if self.record.telefoon:
            return str(self.record.telefoon)
        return next((c.telefoon for c in self.contacten if c.telefoon), None)

    @property
    def niet_ingevuld(self) -> bool:
        """A gemeente partner for whom this edition has no number or e-mail address."""
        return self.van_gemeente and not any(c.telefoon or c.email for c in self.contacten)

    @property
    def vraag_het(self) -> str:
        return self._index.gemeente.vraag_het

    @property
    def signalen(self) -> list[View]:
        return self.genoemd_door("signalen")

    @property
    def interventies(self) -> list[View]:
        return self.genoemd_door("interventies")


class BarriereView(View):
    @property
    def per_vorm(self) -> list[Group]:
        signalen = self.signalen
        return [Group(v.id, v.titel, [s for s in signalen if v.id in s.record.vormen]) for v in self._index.all("vormen")]

    @property
    def interventie_lijst(self) -> list[View]:
        """Interventions of this barrier, or named by its signals, in title order."""
        linked = {v.id for s in self.signalen for v in s.interventies} | {v.id for v in self.genoemd_door("interventies")}
        return [v for v in self._index.all("interventies") if v.id in linked]

    @property
    def per_soort(self) -> list[Group]:
        return group_by_soort(self.interventie_lijst)


class BoomView(View):
    """A decision tree with a view per node: questions lead to nodes, outcomes to partners."""

    @cached_property
    def knopen(self) -> dict[str, Knoop]:
        boom = self.record
        nodes: dict[str, Knoop] = {}
        for vraag in boom.vragen:
            nodes[vraag.id] = Knoop(self._index, vraag, self, is_vraag=True)
        for uitkomst in boom.uitkomsten:
            nodes[uitkomst.id] = Knoop(self._index, uitkomst, self, is_vraag=False)
        return nodes

    @property
    def start_knoop(self) -> Knoop:
        return self.knopen[self.record.start]

    @property
    def overzicht(self) -> Markup:
        return urls.tree_overview(self.id)

    @cached_property
    def graph(self) -> nx.DiGraph:
        return trees.graph_of(self.record)

    @cached_property
    def bezoeken(self) -> dict[trees.Keuzes, Bezoek]:
        """Every node along every route to it: a page each, so a page shows the route actually taken."""
        per_node = trees.prefixes(self.record)
        pads = {keuzes: urls.tree_node(self.id, node, node == self.record.start, i)
                for node, routes in per_node.items() for i, keuzes in enumerate(routes)}
        result = {}
        for node, routes in per_node.items():
            knoop = self.knopen[node]
            for i, keuzes in enumerate(routes):
                antwoorden = knoop.record.antwoorden if knoop.is_vraag else []
                verder = [Keuze(a.tekst, pads[keuzes + (j,)]) for j, a in enumerate(antwoorden) if keuzes + (j,) in pads]
                result[keuzes] = Bezoek(knoop, pads[keuzes], self.stappen(keuzes), verder, i + 1 if len(routes) > 1 else 0)
        return result

    def stappen(self, keuzes: trees.Keuzes) -> list[Stap]:
        """The answers of a route, each with the question it answers."""
        steps, here = [], self.knopen[self.record.start]
        for i in keuzes:
            answer = here.record.antwoorden[i]
            steps.append(Stap(answer.tekst, here))
            here = self.knopen[answer.naar]
        return steps

    @property
    def routes(self) -> list[Route]:
        """Every route from the start to an outcome, each linking to that outcome's page for that route."""
        return [Route(b.stappen, b.knoop, b.pad) for b in self.bezoeken.values() if not b.knoop.is_vraag]


@dataclass(frozen=True)
class Stap:
    """One answer on a route: the answer text and the node it belongs to or leads to."""

    tekst: str
    knoop: Knoop


@dataclass(frozen=True)
class Route:
    stappen: list[Stap]
    uitkomst: Knoop
    pad: Markup  # the outcome's page for this route


@dataclass(frozen=True)
class Keuze:
    """An answer on a question page: its text and the page of the next node along this route."""

    tekst: str
    pad: Markup


@dataclass(frozen=True)
class Bezoek:
    """A node reached along one route: its page, the answers given to get here, the answers from here."""

    knoop: Knoop
    pad: Markup
    stappen: list[Stap]
    antwoorden: list[Keuze]
    route_nummer: int  # 1, 2, … when the node has a page per route; 0 when there is one route to it


class Knoop(Block):
    """A question or outcome of a tree, on its own page."""

    def __init__(self, index: Index, record: BaseModel, boom: BoomView, is_vraag: bool):
        super().__init__(index, record)
        self.boom = boom
        self.is_vraag = is_vraag
        self.id = str(getattr(record, "id"))
        self.is_start = self.id == boom.record.start
        self.pad = urls.tree_node(boom.id, self.id, self.is_start)

    @property
    def leg_vast(self) -> Markup:
        """The page with the 'Leg vast' form for this outcome."""
        return urls.tree_leg_vast(self.boom.id, self.id)

    @property
    def urgentie_titel(self) -> str:
        return URGENTIE_TITELS[self.record.urgentie]

    @property
    def antwoorden(self) -> list[Stap]:
        return [Stap(a.tekst, self.boom.knopen[a.naar]) for a in self.record.antwoorden]


class RolView(View):
    @property
    def groepen(self) -> list[Group]:
        """This role's signals, grouped by barrier."""
        groups = [Group(b.id, b.titel, [s for s in b.signalen if self.id in s.record.rollen], b.pad) for b in self._index.all("barrieres")]
        return [g for g in groups if g.items]


class CasusView(View):
    @property
    def signalen(self) -> list[View]:
        """Every signal in the scenes, once, in the order of the story."""
        seen = dict.fromkeys(s for scene in self.record.scenes for s in scene.signalen)
        return [v for v in (self._index.view("signalen", s) for s in seen) if v is not None]

    @property
    def afloop_titel(self) -> str:
        return AFLOOP_TITELS[self.record.afloop]

    @property
    def deelnemer_pdf(self) -> Markup:
        return urls.handout("casus", self.id, "deelnemer")

    @property
    def trainer_pdf(self) -> Markup:
        return urls.handout("casus", self.id, "trainer")


class OefeningView(View):
    @property
    def combinaties(self) -> list[Block]:
        return [o for o in self.opgaven if o.soort == "combinatie"]

    @property
    def afleiders(self) -> list[Block]:
        return [o for o in self.opgaven if o.soort == "afleider"]

    @property
    def deck(self) -> str:
        """The id of the deck of combination cards made from this set."""
        return f"oefening-{self.id}"

    @property
    def blad_pdf(self) -> Markup:
        return urls.handout("oefening", self.id, "blad")


class SessieView(View):
    @property
    def doelgroep_titel(self) -> str:
        return DOELGROEP_TITELS[self.record.doelgroep]

    @property
    def casussen(self) -> list[View]:
        return [b.casus for b in self.blokken if b.casus]

    @property
    def oefeningen(self) -> list[View]:
        return [b.oefening for b in self.blokken if b.oefening]

    @property
    def presentatie(self) -> Markup:
        return urls.slides(self.id)

    @property
    def samenvatting_pdf(self) -> Markup:
        return urls.handout("sessie", self.id, "samenvatting")

    @property
    def oefeningen_pdf(self) -> Markup:
        return urls.handout("sessie", self.id, "oefenbladen")


VIEW_CLASSES: dict[str, type[View]] = {
    "signalen": SignaalView,
    "interventies": InterventieView,
    "partners": PartnerView,
    "barrieres": BarriereView,
    "beslisbomen": BoomView,
    "rollen": RolView,
    "casussen": CasusView,
    "oefeningen": OefeningView,
    "sessies": SessieView,
}


def group_by_soort(items: list[View]) -> list[Group]:
    return [
        Group(soort, titel, [i for i in items if i.record.soort == soort])
        for soort, titel in SOORT_TITELS.items()
        if any(i.record.soort == soort for i in items)
    ]


@dataclass(frozen=True)
class Lokaal:
    """What a page or card says about a local regulation in this edition's gemeente."""

    stand: str  # aanwezig | geen | onbekend
    tekst: str
    regeling: LokaleRegeling | None = None


def lokaal(gemeente: Gemeente, regeling: LokaleRegeling | None) -> Lokaal:
    if regeling is None:
        return Lokaal("onbekend", phrases.lokaal_onbekend(gemeente))
    if regeling.stand == "geen":
        return Lokaal("geen", phrases.lokaal_geen(gemeente), regeling)
    return Lokaal("aanwezig", phrases.lokaal_aanwezig(gemeente, str(regeling.regeling)), regeling)


@dataclass(frozen=True)
class StandRij:
    """One element of the basisniveau and what this gemeente has in place for it."""

    onderdeel: View
    stand: Block | None  # the profile's Stand entry, or None: not filled in
    status: str  # "Ja", "Deels", "Gepland", "Nee" or "niet ingevuld"
    regelingen: tuple[tuple[View, Lokaal], ...] = ()  # for the local-regulations element: each one needed
    contacten: tuple[Contact, ...] = ()  # for the aandachtsfunctionaris element: who it is in this edition


STAND_TITELS = {"ja": "Ja", "deels": "Deels", "gepland": "Gepland", "nee": "Nee"}


def stand_van_zaken(index: Index) -> list[StandRij]:
    """The Stand van zaken of this edition's gemeente, element by element, with what the profile adds."""
    standen = {s.onderdeel: s for s in index.gemeente.stand_van_zaken}
    rows = []
    for onderdeel in index.all("basisniveau"):
        regelingen: tuple[tuple[View, Lokaal], ...] = ()
        contacten: tuple[Contact, ...] = ()
        if onderdeel.id == "lokale-regelingen":
            regelingen = tuple((v, v.lokaal) for v in index.all("interventies") if v.lokaal is not None)
        if onderdeel.id == "aandachtsfunctionaris":
            contacten = tuple(index.contacts.get("aandachtsfunctionaris", []))
        stand = standen.get(onderdeel.id)
        status = STAND_TITELS[stand.status] if stand else "niet ingevuld"
        rows.append(StandRij(onderdeel, Block(index, stand) if stand else None, status, regelingen, contacten))
    return rows


def tel_url(nummer: str) -> str:
    """The tel: link of a phone number as written ('0800-2000' -> 'tel:08002000')."""
    return "tel:" + "".join(ch for ch in nummer if ch.isdigit() or ch == "+")


__all__ = ["Index", "View", "Block", "Group", "group_by_soort"]
