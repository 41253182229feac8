"""Signaalkaarten and interventiekaarten: what is on each side, once, for the web page and the PDF.

A signaalkaart exists for every barrier and role where that role meets at least MIN_SIGNALEN
signals of that barrier; it shows at most MAX_SIGNALEN of them, in the editors' order. An
interventiekaart exists for every intervention. The content of both sides is one structure
(Kant → Blok → Regel); the web template and the PDF template only lay it out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import segno
from markupsafe import Markup

from . import phrases, urls
from .views import Index, PartnerView, View, tel_url

MIN_SIGNALEN = 5
MAX_SIGNALEN = 8


@dataclass(frozen=True)
class Deel:
    """A piece of a line; a phone number carries its tel: link for the web card."""

    tekst: str
    tel: str | None = None


@dataclass(frozen=True)
class Regel:
    tekst: str
    label: str = ""  # bold lead ("Bevoegd"), or empty
    pad: Markup | None = None  # the web page it links to; the PDF prints the text only
    delen: tuple[Deel, ...] = ()  # when set, the line is these pieces (text and phone numbers)
    vak: tuple[str, ...] = ()  # on the web card, this gemeente-dependent line is this vak (vakken.py)


@dataclass(frozen=True)
class Blok:
    regels: tuple[Regel, ...]
    kop: str = ""
    soort: str = "lijst"  # lijst | genummerd | tekst | velden
    klasse: str = ""  # a layout hint for the CSS ("signalen", "route", "regel")
    lokaal: bool = False  # differs per gemeente (its meldroute, its local regulation): a band of its own on the print card


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
    intern: bool = False  # shows an intern item: marked "Intern – niet delen buiten de gemeente"
    intern_inhoud: bool = False  # intern by its own signals or intervention, whatever the gemeente (web card)


@dataclass(frozen=True)
class Deck(DeckLink):
    kaarten: list[Kaart] = field(default_factory=list)


def build_cards(index: Index, website: str | None) -> tuple[list[Kaart], list[Deck]]:
    """All cards and decks of an edition, with the content of every side; nothing rendered yet."""
    meldroute, meldroute_intern = route(index)
    signaalkaarten: list[Kaart] = []
    for barriere in index.all("barrieres"):
        for rol in index.all("rollen"):
            signalen = [s for s in barriere.signalen if rol.id in s.record.rollen]
            if len(signalen) < MIN_SIGNALEN:
                continue
            # More than fit on one card: a second card, never a signal left out.
            count = math.ceil(len(signalen) / MAX_SIGNALEN)
            size = math.ceil(len(signalen) / count)  # evenly: 9 signals make cards of 5 and 4, not 8 and 1
            parts = [signalen[start:start + size] for start in range(0, len(signalen), size)]
            for number, part in enumerate(parts, start=1):
                deel = (number, len(parts)) if len(parts) > 1 else None
                signaalkaarten.append(_signaalkaart(index, barriere, rol, part, meldroute, meldroute_intern, website, deel))
    interventiekaarten = [_interventiekaart(index, v, website) for v in index.all("interventies")]
    decks = [Deck(f"barriere-{b.id}", f"Signaalkaarten {b.titel}", [k for k in signaalkaarten if k.barriere is b])
             for b in index.all("barrieres")]
    decks += [Deck(f"rol-{r.id}", f"Signaalkaarten {r.titel}", [k for k in signaalkaarten if k.rol is r]) for r in index.all("rollen")]
    decks.append(Deck("interventies", "Alle interventiekaarten", interventiekaarten))
    return signaalkaarten + interventiekaarten, [d for d in decks if d.kaarten]


def _where(ident: str, website: str | None, titel: str) -> dict[str, Any]:
    if not website:  # no web address to point a QR code at: say where to find it in the handbook
        return {"pad": urls.card(ident), "adres": f"In de Barrièrewijzer: Kaarten › {titel}", "qr": None}
    url = f"{website.rstrip('/')}/{urls.html(urls.card(ident))}"
    return {"pad": urls.card(ident), "adres": url, "qr": segno.make(url, error="m").svg_data_uri(scale=4, border=0)}


def _signaalkaart(index: Index, barriere: View, rol: View, signalen: list[View], meldroute: Blok, meldroute_intern: bool,
                  website: str | None, deel: tuple[int, int] | None = None) -> Kaart:
    ident = f"sk-{barriere.id}-{rol.id}" + (f"-{deel[0]}" if deel and deel[0] > 1 else "")
    van = f" ({deel[0]}/{deel[1]})" if deel else ""
    voorkant = Kant("voorkant", f"Signaalkaart · {barriere.titel}{van}", rol.titel, (
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
    titel = f"Signaalkaart {barriere.titel}: {rol.titel}{van}"
    eigen_intern = any(s.zichtbaarheid == "intern" for s in signalen)
    return Kaart(ident, "signaalkaart", titel, voorkant=voorkant, achterkant=achterkant,
                 decks=decks, barriere=barriere, rol=rol, signalen=tuple(signalen),
                 intern=meldroute_intern or eigen_intern, intern_inhoud=eigen_intern, **_where(ident, website, titel))


def _interventiekaart(index: Index, interventie: View, website: str | None) -> Kaart:
    ident = f"ik-{interventie.id}"
    voorkant = Kant("voorkant", f"Interventiekaart · {interventie.soort_titel}", interventie.titel, (
        Blok((Regel(interventie.wanneer),), kop="Wanneer", soort="tekst"),
        Blok(tuple(Regel(stap) for stap in interventie.hoe), kop="Hoe", soort="genummerd"),
    ))
    velden = [Regel(interventie.bevoegd_orgaan, label="Bevoegd"), Regel(interventie.uitvoerder, label="Uitvoerder")]
    if interventie.partners:
        velden.append(Regel(", ".join(p.naam for p in interventie.partners), label="Partners"))
    lokaal = interventie.lokaal
    velden.append(Regel(lokaal.tekst if lokaal else "niet nodig", label="Lokale regeling", vak=("lokaal", interventie.id) if lokaal else ()))
    status = interventie.status_titel + (f" vanaf {interventie.geldig_vanaf_tekst}" if interventie.geldig_vanaf_tekst else "")
    velden.append(Regel(status, label="Status"))
    achterkant = Kant("achterkant", "Interventiekaart · grondslag en wie", "Grondslag", (
        Blok(tuple(Regel(phrases.grondslag(g)) for g in interventie.grondslagen)),
        Blok(tuple(velden), soort="velden", lokaal=bool(lokaal)),
        *([Blok((Regel(phrases.GEEN_OPSPORING),), soort="tekst", klasse="regel")] if interventie.is_toezicht else []),
    ))
    intern = interventie.zichtbaarheid == "intern" or bool(lokaal and lokaal.regeling and lokaal.regeling.zichtbaarheid == "intern")
    return Kaart(ident, "interventiekaart", f"Interventiekaart: {interventie.titel}", voorkant=voorkant, achterkant=achterkant,
                 decks=(DeckLink("interventies", "Alle interventiekaarten"),), interventie=interventie, intern=intern,
                 intern_inhoud=interventie.zichtbaarheid == "intern",
                 **_where(ident, website, f"Interventiekaart: {interventie.titel}"))


def meldroute(index: Index) -> Blok:
    """The gemeente's route as a block (also on the blank 'Leg vast' form)."""
    return route(index)[0]


def route(index: Index) -> tuple[Blok, bool]:
    """The gemeente's route, one line per step, for the back of a card; and whether it shows an intern item."""
    regels, intern = [], False
    for stap in index.gemeente.meldroute:
        if all(getattr(index.view("partners", p), "acuut", False) for p in stap.partners):
            continue  # the card's title already says "Acuut gevaar? Bel 112."; once is clearer
        delen: list[Deel] = []
        for ident in stap.partners:
            partner = index.view("partners", ident)
            if not isinstance(partner, PartnerView):
                continue
            if delen:
                delen.append(Deel("; "))
            delen.extend(_wie(partner))
            intern = intern or any(c.zichtbaarheid == "intern" for c in partner.contacten)
        intern = intern or stap.zichtbaarheid == "intern"
        regels.append(Regel("".join(d.tekst for d in delen), label=stap.titel, delen=tuple(delen)))
    return Blok(tuple(regels), kop="Melden", klasse="route", lokaal=True), intern


def _wie(partner: PartnerView) -> list[Deel]:
    """Whom to call: the name and number, or a line to write them on when the gemeente has not filled them in."""
    contact = partner.te_bellen
    naam = partner.naam + (f" ({contact.persoon})" if contact and contact.persoon else "")
    nummer = partner.nummer
    if nummer:
        return [Deel(naam if nummer in naam else f"{naam} "), *([] if nummer in naam else [Deel(nummer, tel_url(nummer))])]
    if partner.van_gemeente:
        return [Deel(f"{partner.naam}: {phrases.SCHRIJFLIJN} tel. {phrases.SCHRIJFLIJN}")]
    return [Deel(partner.naam)]


def sheets(kaarten: list[Kaart]) -> list[dict[str, list[Kaart | None]]]:
    """Groups of four: fronts in reading order, backs with the columns swapped (long-edge duplex)."""
    result = []
    for start in range(0, len(kaarten), 4):
        group: list[Kaart | None] = list(kaarten[start:start + 4])
        group += [None] * (4 - len(group))
        result.append({"voor": group, "achter": [group[1], group[0], group[3], group[2]]})
    return result
