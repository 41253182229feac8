"""Signaalkaarten and interventiekaarten: what is on each side, once, for the web page and the PDF.

A signaalkaart exists for every barrier and role where that role meets at least MIN_SIGNALEN
signals of that barrier; it shows at most MAX_SIGNALEN of them, in the editors' order. An
interventiekaart exists for every intervention. The content of both sides is one structure
(Kant → Blok → Regel); the web template and the PDF template only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import segno
from markupsafe import Markup

from . import phrases, urls
from .views import Index, View, telefoon

MIN_SIGNALEN = 5
MAX_SIGNALEN = 8


@dataclass(frozen=True)
class Regel:
    tekst: str
    label: str = ""  # bold lead ("Bevoegd"), or empty
    pad: Markup | None = None  # the web page it links to; the PDF prints the text only


@dataclass(frozen=True)
class Blok:
    regels: tuple[Regel, ...]
    kop: str = ""
    soort: str = "lijst"  # lijst | genummerd | tekst | velden
    klasse: str = ""  # a layout hint for the CSS ("signalen", "route", "regel")


@dataclass(frozen=True)
class Kant:
    naam: str  # voorkant | achterkant
    kop: str  # the small line above the title
    titel: str
    blokken: tuple[Blok, ...]


@dataclass(frozen=True)
class DeckLink:
    id: str
    titel: str

    @property
    def a6(self) -> Markup:
        return urls.deck_pdf(self.id, "a6")

    @property
    def a4(self) -> Markup:
        return urls.deck_pdf(self.id, "a4")


@dataclass(frozen=True)
class Kaart:
    id: str
    soort: str  # signaalkaart | interventiekaart
    titel: str
    pad: Markup  # the card's web page
    adres: str  # short address printed on the card
    qr: str | None  # data: URI of the QR code, only when the edition's web address is known
    voorkant: Kant
    achterkant: Kant
    decks: tuple[DeckLink, ...]
    barriere: View | None = None
    rol: View | None = None
    signalen: tuple[View, ...] = ()
    interventie: View | None = None


@dataclass(frozen=True)
class Deck(DeckLink):
    kaarten: list[Kaart] = field(default_factory=list)


def build_cards(index: Index, website: str | None) -> tuple[list[Kaart], list[Deck]]:
    """All cards and decks of an edition, with the content of every side; nothing rendered yet."""
    meldroute = meldroute_blok(index)
    signaalkaarten: list[Kaart] = []
    for barriere in index.all("barrieres"):
        for rol in index.all("rollen"):
            signalen = [s for s in barriere.signalen if rol.id in s.record.rollen]
            if len(signalen) >= MIN_SIGNALEN:
                signaalkaarten.append(_signaalkaart(index, barriere, rol, signalen[:MAX_SIGNALEN], meldroute, website))
    interventiekaarten = [_interventiekaart(index, v, website) for v in index.all("interventies")]
    decks = [Deck(f"barriere-{b.id}", f"Signaalkaarten {b.titel}", [k for k in signaalkaarten if k.barriere is b])
             for b in index.all("barrieres")]
    decks += [Deck(f"rol-{r.id}", f"Signaalkaarten {r.titel}", [k for k in signaalkaarten if k.rol is r]) for r in index.all("rollen")]
    decks.append(Deck("interventies", "Alle interventiekaarten", interventiekaarten))
    return signaalkaarten + interventiekaarten, [d for d in decks if d.kaarten]


def _where(ident: str, website: str | None) -> dict[str, Any]:
    if not website:
        return {"pad": urls.card(ident), "adres": urls.html(urls.card(ident)), "qr": None}
    url = f"{website.rstrip('/')}/{urls.html(urls.card(ident))}"
    return {"pad": urls.card(ident), "adres": url, "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=0)}


def _signaalkaart(index: Index, barriere: View, rol: View, signalen: list[View], meldroute: Blok, website: str | None) -> Kaart:
    ident = f"sk-{barriere.id}-{rol.id}"
    voorkant = Kant("voorkant", f"Signaalkaart · {barriere.titel}", rol.titel, (
        Blok((Regel(f"Signalen bij de barrière {barriere.titel.lower()}:"),), soort="tekst", klasse="intro"),
        Blok(tuple(Regel(s.titel, pad=s.pad) for s in signalen), klasse="signalen"),
        Blok((Regel(phrases.NIET_PLUIS, label=phrases.EEN_SIGNAAL),), soort="tekst", klasse="regel"),
    ))
    bomen = [b for b in index.all("beslisbomen") if {s.id for s in b.signalen} & {s.id for s in signalen}]
    achterkant = Kant("achterkant", "Signaalkaart · wat doe je?", phrases.ACUUT, (
        Blok(tuple(Regel(t) for t in phrases.WAT_DOE_JE)),
        meldroute,
        *([Blok((Regel("; ".join(b.titel for b in bomen), label="Beslisboom:"),), soort="tekst", klasse="boom")] if bomen else []),
    ))
    decks = (DeckLink(f"barriere-{barriere.id}", f"Signaalkaarten {barriere.titel}"), DeckLink(f"rol-{rol.id}", f"Signaalkaarten {rol.titel}"))
    return Kaart(ident, "signaalkaart", f"Signaalkaart {barriere.titel}: {rol.titel}", voorkant=voorkant, achterkant=achterkant,
                 decks=decks, barriere=barriere, rol=rol, signalen=tuple(signalen), **_where(ident, website))


def _interventiekaart(index: Index, interventie: View, website: str | None) -> Kaart:
    ident = f"ik-{interventie.id}"
    voorkant = Kant("voorkant", f"Interventiekaart · {interventie.soort_titel}", interventie.titel, (
        Blok((Regel(interventie.wanneer),), kop="Wanneer", soort="tekst"),
        Blok(tuple(Regel(stap) for stap in interventie.hoe), kop="Hoe", soort="genummerd"),
    ))
    velden = [Regel(interventie.bevoegd_orgaan, label="Bevoegd"), Regel(interventie.uitvoerder, label="Uitvoerder")]
    if interventie.partners:
        velden.append(Regel(", ".join(p.naam for p in interventie.partners), label="Partners"))
    velden.append(Regel(_lokale_regeling(index, interventie), label="Lokale regeling"))
    status = interventie.status_titel + (f" vanaf {interventie.geldig_vanaf_tekst}" if interventie.geldig_vanaf_tekst else "")
    velden.append(Regel(status, label="Status"))
    achterkant = Kant("achterkant", "Interventiekaart · grondslag en wie", "Grondslag", (
        Blok(tuple(Regel(phrases.grondslag(g)) for g in interventie.grondslagen)),
        Blok(tuple(velden), soort="velden"),
    ))
    return Kaart(ident, "interventiekaart", f"Interventiekaart: {interventie.titel}", voorkant=voorkant, achterkant=achterkant,
                 decks=(DeckLink("interventies", "Alle interventiekaarten"),), interventie=interventie, **_where(ident, website))


def _lokale_regeling(index: Index, interventie: View) -> str:
    if not interventie.vereist_lokale_regeling:
        return "niet nodig"
    hier = interventie.lokale_regeling_hier
    if hier:
        return f"nodig; in {index.gemeente.naam}: {hier}"
    return f"nodig: {interventie.lokale_regeling}" if interventie.lokale_regeling else "nodig"


def meldroute_blok(index: Index) -> Blok:
    """The gemeente's route, one line per step, for the back of a card."""
    regels = []
    for stap in index.gemeente.meldroute:
        parts = []
        for ident in stap.partners:
            partner = index.view("partners", ident)
            if partner is None:
                continue
            naam = partner.contact.naam if partner.contact else partner.naam
            nummer = telefoon(partner.telefoon_tekst)
            parts.append(naam if not nummer or nummer in naam else f"{naam} {nummer}")
        regels.append(Regel("; ".join(parts), label=stap.titel))
    return Blok(tuple(regels), kop="Melden", klasse="route")


def sheets(kaarten: list[Kaart]) -> list[dict[str, list[Kaart | None]]]:
    """Groups of four: fronts in reading order, backs with the columns swapped (long-edge duplex)."""
    result = []
    for start in range(0, len(kaarten), 4):
        group: list[Kaart | None] = list(kaarten[start:start + 4])
        group += [None] * (4 - len(group))
        result.append({"voor": group, "achter": [group[1], group[0], group[3], group[2]]})
    return result
