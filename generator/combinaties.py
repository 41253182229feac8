"""Curated combinations of signals ("1+1=2"): the pairs editors declare under `samen_met`.

A pair is declared once, on either of its two signals, and holds in both directions. This module
reads the pairs from the content; the validator, the signal pages and the combinatiewijzer use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .loader import Content


@dataclass(frozen=True)
class Paar:
    """One declared pair: on signal `van` (entry `index` of its samen_met), with signal `met`."""

    van: str
    index: int
    met: str
    waarom: str

    @property
    def sleutel(self) -> frozenset[str]:
        """The pair without direction: a-b and b-a are the same pair."""
        return frozenset((self.van, self.met))


def paren(content: Content) -> Iterator[Paar]:
    """Every declared pair, in file order (also pairs to unknown or the same signal: the validators judge those)."""
    for ident, signaal in content.signalen.items():
        for index, entry in enumerate(signaal.samen_met):
            yield Paar(ident, index, entry.signaal, entry.waarom)


def geldige_paren(content: Content) -> list[Paar]:
    """The pairs to show: between two different, known signals, each pair once."""
    seen: set[frozenset[str]] = set()
    result = []
    for paar in paren(content):
        if paar.van == paar.met or paar.met not in content.signalen or paar.sleutel in seen:
            continue
        seen.add(paar.sleutel)
        result.append(paar)
    return result


def gekoppeld(content: Content) -> set[str]:
    """Signals that take part in at least one pair, counting both directions."""
    return {ident for paar in geldige_paren(content) for ident in (paar.van, paar.met)}
