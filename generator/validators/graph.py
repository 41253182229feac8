"""Rules over the whole content graph: nothing hangs loose, every cell is covered."""

from __future__ import annotations

from collections.abc import Iterator

from .. import graph as graphs
from ..loader import Content
from ..problems import Problem
from .base import Validator


class SignaalLeidtNergens(Validator):
    id = "signaal-leidt-nergens"
    beschrijving = "Een signaal noemt geen interventie en geen partner."
    alleen_zonder_fouten = True

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, signaal in content.signalen.items():
            if not signaal.interventies and not signaal.partners:
                yield self.at(content, "signalen", ident, "id",
                              message=f"signaal '{ident}' leidt nergens heen: noem minstens één interventie of partner (meldroute)")


class InterventieNietGenoemd(Validator):
    id = "interventie-niet-genoemd"
    beschrijving = "Een interventie die door geen enkel signaal wordt genoemd."
    alleen_zonder_fouten = True

    def check(self, content: Content) -> Iterator[Problem]:
        named = {i for s in content.signalen.values() for i in s.interventies}
        if ("signalen", "*") in content.onleesbaar:
            return
        for ident in content.interventies:
            if ident not in named:
                yield self.at(content, "interventies", ident, "id", message=f"interventie '{ident}' wordt door geen enkel signaal genoemd")


class Dekking(Validator):
    id = "dekking"
    ernst = "waarschuwing"
    beschrijving = "Een cel barrière × vorm met minder dan 3 signalen."
    alleen_zonder_fouten = True

    def check(self, content: Content) -> Iterator[Problem]:
        for barriere, vorm, count in graphs.coverage(content).dun(minimum=3):
            yield self.at(content, "barrieres", barriere, "signalen",
                          message=f"barrière '{barriere}' heeft {count} signa{'al' if count == 1 else 'len'} voor {vorm} (minstens 3)")
