"""Combination cards: the sets of an exercise as A6 cards a group lays out on a table.

Each set is one card through the card pipeline (cards.Kaart, printed by printer.Printer): the front
holds the situation and its signals, the back whether together they count and why. The card has
no web page of its own; it points to the exercise by its title.
"""

from __future__ import annotations

from . import phrases
from .cards import Blok, Deck, DeckLink, Kaart, Kant, Regel
from .views import Block, Index, View

SOORT_KOP = {"combinatie": "Samen telt het: melden", "afleider": "Dit blijft onschuldig"}


def combination_decks(index: Index) -> list[Deck]:
    """One deck per exercise set, one card per set of signals."""
    decks = []
    for oefening in index.all("oefeningen"):
        link = DeckLink(oefening.deck, f"Combinatiekaarten {oefening.titel}")
        kaarten = [_kaart(oefening, opgave, number, link) for number, opgave in enumerate(oefening.opgaven, start=1)]
        decks.append(Deck(link.id, link.titel, kaarten))
    return decks


def _kaart(oefening: View, opgave: Block, number: int, deck: DeckLink) -> Kaart:
    signalen = tuple(opgave.signalen)
    voorkant = Kant("voorkant", f"Combinatiekaart · {oefening.titel}", f"Opgave {number}", (
        Blok((Regel(opgave.situatie),), soort="tekst", klasse="intro"),
        Blok(tuple(Regel(s.titel, label=s.barriere.titel, pad=s.pad) for s in signalen), klasse="signalen"),
        Blok((Regel("Samen melden, of blijft het onschuldig?", label=phrases.EEN_SIGNAAL),), soort="tekst", klasse="regel"),
    ))
    achterkant = Kant("achterkant", f"Combinatiekaart · opgave {number}", SOORT_KOP[opgave.soort], (
        Blok((Regel(opgave.uitleg),), soort="tekst"),
    ))
    return Kaart(f"ck-{oefening.id}-{number}", "combinatiekaart", f"Combinatiekaart {oefening.titel}: opgave {number}",
                 pad=oefening.pad, adres=f"In de Barrièrewijzer: Training › {oefening.titel}", qr=None,
                 voorkant=voorkant, achterkant=achterkant, decks=(deck,), signalen=signalen)
