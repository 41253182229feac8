"""Sentences that recur on pages and cards, written once (the 112 line, the combination rule)."""

from __future__ import annotations

from .model import Gemeente, Grondslag

ACUUT = "Acuut gevaar? Bel 112."
EEN_SIGNAAL = "Eén signaal zegt weinig; een combinatie telt."
NIET_PLUIS = "Neem je niet-pluisgevoel serieus."
VASTLEGGEN = (
    "Wat je zag en hoorde, met datum, tijd en plaats: de feiten.",
    "Wie erbij was en wie het woord deed.",
    "Apart daarvan, kort: wat je ervan denkt.",
)
WAT_DOE_JE = (
    "Blijf rustig. Confronteer niemand die je verdenkt.",
    "Schrijf op wat je zag en hoorde: feiten apart van je interpretatie.",
    "Meld het bij de aandachtsfunctionaris.",
)


def grondslag(g: Grondslag) -> str:
    """'Wet BRP, art. 2.34' or just the regeling when no article applies."""
    return f"{g.regeling}, {g.aanduiding}" if g.aanduiding else g.regeling


def lokaal_aanwezig(gemeente: Gemeente, regeling: str) -> str:
    return f"In {gemeente.naam}: {regeling}"


def lokaal_geen(gemeente: Gemeente) -> str:
    return f"{gemeente.naam} heeft hiervoor (nog) geen regeling."


def lokaal_onbekend(gemeente: Gemeente) -> str:
    """The same words in every edition, so an intervention card without local news is shared by all of them."""
    return "Niet bekend of je gemeente deze regeling heeft; vraag het de aandachtsfunctionaris."


def niet_ingevuld(gemeente: Gemeente) -> str:
    """A page's line for a contact the gemeente has not filled in."""
    return f"Je gemeente heeft dit nog niet ingevuld; vraag het {gemeente.vraag_het}."


GEEN_OPSPORING = "Toezicht is geen opsporing: zie je een strafbaar feit, geef het door aan de politie."
INTERN = "Intern – niet delen buiten de gemeente"
SCHRIJFLIJN = "……………………"

# What a worker writes down after a signal: facts apart from interpretation (handouts and slides).
VASTLEGGEN = (
    "Datum, tijd en plaats, en wie erbij was.",
    "Wat je zag en hoorde, zo letterlijk mogelijk.",
    "Apart daarvan: wat je ervan denkt, en waarom.",
)
