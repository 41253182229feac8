"""Sentences that recur on pages and cards, written once (the 112 line, the combination rule)."""

from __future__ import annotations

from .model import Grondslag

ACUUT = "Acuut gevaar? Bel 112."
EEN_SIGNAAL = "Eén signaal zegt weinig; een combinatie telt."
NIET_PLUIS = "Neem je niet-pluisgevoel serieus."
WAT_DOE_JE = (
    "Blijf rustig. Confronteer niemand die je verdenkt.",
    "Schrijf op wat je zag en hoorde: feiten apart van je interpretatie.",
    "Meld het bij de aandachtsfunctionaris.",
)


def grondslag(g: Grondslag) -> str:
    """'Wet BRP, art. 2.34' or just the regeling when no article applies."""
    return f"{g.regeling}, {g.aanduiding}" if g.aanduiding else g.regeling

# What a worker writes down after a signal: facts apart from interpretation (handouts and slides).
VASTLEGGEN = (
    "Datum, tijd en plaats, en wie erbij was.",
    "Wat je zag en hoorde, zo letterlijk mogelijk.",
    "Apart daarvan: wat je ervan denkt, en waarom.",
)
