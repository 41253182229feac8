"""The A–Z index: every signal, intervention and begrip under its first letter, plain links, no JavaScript."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from .views import Index

SOORTEN = {"signalen": "signaal", "interventies": "interventie", "begrippen": "begrip"}


@dataclass(frozen=True)
class Ingang:
    titel: str
    soort: str
    pad: Markup


@dataclass(frozen=True)
class Letter:
    letter: str  # "A" … "Z", or "0–9" for what starts with a digit or sign
    anker: Markup  # "letter-a": letters only, safe in an attribute
    ingangen: list[Ingang]


def sort_key(text: str) -> str:
    """'Één werkgever' sorts under E: accents and quotes do not decide the letter."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in plain if c.isalnum() or c == " ").strip()


def letters(index: Index) -> list[Letter]:
    ingangen = []
    for collection, soort in SOORTEN.items():
        for view in index.all(collection):
            titel = view.term if collection == "begrippen" else view.titel
            if collection == "begrippen" and view.afkorting:
                ingangen.append(Ingang(f"{view.afkorting} ({titel})", soort, view.pad))
            ingangen.append(Ingang(titel, soort, view.pad))
    ingangen.sort(key=lambda i: (sort_key(i.titel), i.soort))
    groups: dict[str, list[Ingang]] = {}
    for ingang in ingangen:
        first = sort_key(ingang.titel)[:1].upper()
        groups.setdefault(first if first.isalpha() else "0–9", []).append(ingang)
    return [Letter(letter, Markup("letter-" + ("overig" if letter == "0–9" else letter.lower())), items) for letter, items in groups.items()]
