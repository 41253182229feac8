"""The doors of the start page: a block that answers in one phone screen, then the rest, grouped.

A door shows, per role behind it, the signals that matter most (the role's `top_signalen`), what
to write down, the role's decision trees and card PDFs; and, once for the door, whom to call:
the edition's meldroute up to the first stop (or, for a role that is itself a stop in the
meldroute, what comes after it).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import phrases, urls
from .cards import Deck, DeckLink
from .model import MAX_TOP_SIGNALEN
from .views import Group, Index, PartnerView, View, tel_url

# The doors of the start page: title and one line under it. "aandachtsfunctionaris" is the door of
# the colleague who receives signals; "signaal" and "training" have templates of their own.
DEUREN = {
    "balie": ("Ik werk aan de balie", "Signalen die je aan de balie kunt opvangen, en wat je dan doet."),
    "toezicht": ("Ik doe toezicht of handhaving",
                 "Signalen bij toezicht en controles, en de interventies die je kunt inzetten."),
    "client": ("Ik werk met cliënten of jongeren",
               "Signalen bij cliënten en jongeren. Denk bij strafbare feiten ook aan de vraag: dader of slachtoffer?"),
    "aandachtsfunctionaris": ("Ik ben aandachtsfunctionaris",
                              "Signalen van collega's aannemen, verrijken en doorzetten naar de juiste partner."),
}
# Doors whose readers need the overview pages (matrices, all interventions and partners).
MET_OVERZICHTEN = {"toezicht", "aandachtsfunctionaris"}


@dataclass(frozen=True)
class Nummer:
    """One party to call: name, number as printed, a tel: link when the number is known."""

    naam: str
    telefoon: str
    tel: Markup | None
    pad: Markup


@dataclass(frozen=True)
class Belstap:
    titel: str
    nummers: list[Nummer]


@dataclass(frozen=True)
class RolBlok:
    rol: View
    signalen: list[View]
    vastleggen: tuple[str, ...]
    bomen: list[View]
    kaarten: DeckLink | None
    groepen: list[Group]  # all of the role's signals, per barrier, for below the block


@dataclass(frozen=True)
class Deur:
    id: str
    titel: str
    inleiding: str
    pad: Markup
    rollen: list[RolBlok]
    bellen: list[Belstap]
    overzichten: bool

    @property
    def met_tabs(self) -> bool:
        return len(self.rollen) > 1


def door(index: Index, deur: str, decks: list[Deck]) -> Deur:
    titel, inleiding = DEUREN.get(deur, ("", ""))
    rollen = [r for r in index.all("rollen") if r.record.deur == deur]
    per_id = {d.id: d for d in decks}
    blokken = [_rol_blok(index, r, per_id.get(f"rol-{r.id}")) for r in rollen]
    return Deur(deur, titel, inleiding, urls.door(deur), blokken, bellen(index, {r.id for r in rollen}),
                deur in MET_OVERZICHTEN)


def _rol_blok(index: Index, rol: View, deck: Deck | None) -> RolBlok:
    signalen = rol.top_signalen or [s for s in index.all("signalen") if rol.id in s.record.rollen][:MAX_TOP_SIGNALEN]
    vastleggen = tuple(rol.record.vastleggen) or phrases.VASTLEGGEN
    kaarten = DeckLink(deck.id, deck.titel) if deck is not None else None
    return RolBlok(rol, signalen, vastleggen, rol.genoemd_door("beslisbomen"), kaarten, rol.groepen)


def bellen_voor(index: Index, deur: str) -> list[Belstap]:
    """Whom to call, for the roles behind this door."""
    return bellen(index, {r.id for r in index.all("rollen") if r.record.deur == deur})


def bellen(index: Index, rollen: set[str]) -> list[Belstap]:
    """Whom to call, from the edition's meldroute.

    Acute steps always; then the first stop (usually the aandachtsfunctionaris). A door whose role
    is itself a stop in the route gets the steps after it instead: where the signal goes next.
    """
    stappen = index.view("gemeenten", index.gemeente.id).meldroute  # type: ignore[union-attr]
    acuut = [s for s in stappen if s.partners and all(p.record.acuut for p in s.partners)]
    eigen = next((i for i, s in enumerate(stappen) if rollen & {p.id for p in s.partners}), None)
    if eigen is not None:
        gekozen = acuut + [s for s in stappen[eigen + 1:] if s not in acuut]
    else:
        eerste = next((s for s in stappen if s not in acuut), None)
        gekozen = acuut + ([eerste] if eerste is not None else [])
    return [Belstap(s.titel, [_nummer(p) for p in s.partners]) for s in gekozen]


def _nummer(partner: PartnerView) -> Nummer:
    """The gemeente's own contact when it has one (with a number first), else the partner itself."""
    contact = partner.te_bellen
    naam = contact.naam if contact is not None else partner.naam
    if contact is not None and contact.persoon:
        naam += f" ({contact.persoon})"
    nummer = partner.nummer
    if nummer:
        return Nummer(naam, nummer, Markup(tel_url(nummer)), partner.pad)
    return Nummer(naam, "nummer nog niet ingevuld" if partner.niet_ingevuld else "", None, partner.pad)
