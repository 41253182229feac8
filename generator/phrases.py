"""Sentences that recur on pages and cards, written once (the 112 line, the combination rule)."""

from __future__ import annotations

from .model import Grondslag

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
