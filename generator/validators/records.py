"""Rules on single records that the schema cannot express."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..loader import Content
from ..model import COLLECTIE, IN_TE_VULLEN
from ..problems import Problem
from .base import Validator

# Page names the handbook already uses in the folders where records get a page of their own.
RESERVED_IDS = {"index", "overzicht", "pdf", "assets", "search"}


class LokaleRegelingOntbreekt(Validator):
    id = "lokale-regeling-ontbreekt"
    beschrijving = "Een interventie die een lokale regeling vereist, zegt niet welke."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, interventie in content.interventies.items():
            if interventie.vereist_lokale_regeling and not interventie.lokale_regeling:
                yield self.at(content, "interventies", ident, "vereist_lokale_regeling",
                              message=f"interventie '{ident}' vereist een lokale regeling: noem welke in 'lokale_regeling'")


class GeldigVanafOntbreekt(Validator):
    id = "geldig-vanaf-ontbreekt"
    beschrijving = "Een interventie in voorbereiding zonder datum van inwerkingtreding."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, interventie in content.interventies.items():
            if interventie.status == "in-voorbereiding" and not interventie.geldig_vanaf:
                yield self.at(content, "interventies", ident, "status",
                              message=f"interventie '{ident}' is in voorbereiding: zet in 'geldig_vanaf' vanaf wanneer")


class GrondslagNietGecontroleerd(Validator):
    id = "grondslag-niet-gecontroleerd"
    ernst = "waarschuwing"
    beschrijving = "Een grondslag zonder bron en datum van controle."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, index, grondslag in content.grondslagen():
            if grondslag.artikel == IN_TE_VULLEN and grondslag.redactie:
                continue  # an article still to be found, with the reason written down: rule in-te-vullen lists it
            if not (grondslag.bron and grondslag.gecontroleerd):
                yield self.at(content, "interventies", ident, "grondslag", index,
                              message=f"interventie '{ident}': grondslag '{grondslag.regeling}' mist 'bron' en 'gecontroleerd' "
                              "(tegen welke wettekst en wanneer is het gecontroleerd?)")


class OnmogelijkeDatum(Validator):
    id = "onmogelijke-datum"
    beschrijving = "Een datum die niet kan kloppen (geen echte dag, te vroeg, of een bron of controle in de toekomst)."

    def check(self, content: Content) -> Iterator[Problem]:
        today = dt.date.today()
        for collection, ident, record in content.all_records():
            for name in ("herzien_op", "geldig_vanaf"):
                value = getattr(record, name, None)
                if isinstance(value, dt.date) and value.year < 1900:
                    yield self.at(content, collection, ident, name, message=f"datum '{value.isoformat()}' in '{name}' kan niet kloppen")
        for ident, bron in content.bronnen.items():
            if not _possible(bron.datum, today):
                yield self.at(content, "bronnen", ident, "datum", message=f"datum '{bron.datum}' van bron '{ident}' kan niet kloppen")
        for ident, index, grondslag in content.grondslagen():
            when = grondslag.gecontroleerd
            if when and (when.year < 1900 or when > today):
                yield self.at(content, "interventies", ident, "grondslag", index, "gecontroleerd",
                              message=f"datum '{when.isoformat()}' in 'gecontroleerd' kan niet kloppen")


def _possible(datum: str, today: dt.date) -> bool:
    """A source's date (JJJJ, JJJJ-MM or JJJJ-MM-DD): a real day, month or year up to today, and not before
    1800 (the oldest sources are laws from the nineteenth century, such as the Wetboek van Strafrecht)."""
    parts = [int(part) for part in datum.split("-")]
    try:
        day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return 1800 <= day.year and day <= today


class GereserveerdeId(Validator):
    id = "gereserveerde-id"
    beschrijving = "Een id dat een vaste pagina zou overschrijven."

    def check(self, content: Content) -> Iterator[Problem]:
        for collection, ident, _record in content.all_records():
            if ident in RESERVED_IDS:
                yield self.at(content, collection, ident, "id",
                              message=f"{COLLECTIE[collection].noun} '{ident}': dit id is gereserveerd voor een vaste pagina; kies een ander")


class BegripIsVorm(Validator):
    id = "begrip-is-vorm"
    beschrijving = "Een begrip met het id van een vorm: beide staan op de pagina Begrippen, met dat id als anker."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident in content.begrippen:
            if ident in content.vormen:
                yield self.at(content, "begrippen", ident, "id",
                              message=f"begrip '{ident}': een vorm van uitbuiting heeft al dit id, en beide staan op de "
                              "pagina Begrippen; kies een ander id")


class InternNietGepubliceerd(Validator):
    id = "intern-niet-gepubliceerd"
    ernst = "waarschuwing"
    beschrijving = "Een item met zichtbaarheid intern: het komt niet in de publieke editie."

    def check(self, content: Content) -> Iterator[Problem]:
        for collection, ident, record in content.all_records():
            if getattr(record, "zichtbaarheid", "publiek") == "intern":
                yield self.at(content, collection, ident, "zichtbaarheid",
                              message=f"{COLLECTIE[collection].noun} '{ident}' is intern en wordt niet gepubliceerd in de publieke editie")
