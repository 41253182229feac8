"""Rules on curated combinations (`samen_met`): a pair joins two different signals, and is declared once."""

from __future__ import annotations

from collections.abc import Iterator

from ..combinaties import Paar, paren
from ..loader import Content
from ..problems import Problem
from .base import Validator


class SamenMetZichzelf(Validator):
    id = "samen-met-zichzelf"
    beschrijving = "Een signaal dat in samen_met naar zichzelf verwijst."

    def check(self, content: Content) -> Iterator[Problem]:
        for paar in paren(content):
            if paar.van == paar.met:
                yield self.at(content, "signalen", paar.van, "samen_met", paar.index, "signaal",
                              message=f"signaal '{paar.van}' noemt zichzelf in samen_met; een combinatie heeft twee verschillende signalen")


class SamenMetDubbel(Validator):
    id = "samen-met-dubbel"
    beschrijving = "Een combinatie die twee keer is vastgelegd (ook als het in beide richtingen staat)."

    def check(self, content: Content) -> Iterator[Problem]:
        first: dict[frozenset[str], Paar] = {}
        for paar in paren(content):
            if paar.van == paar.met:
                continue
            earlier = first.setdefault(paar.sleutel, paar)
            if earlier is paar:
                continue
            path, line, _ = content.where("signalen", earlier.van, "samen_met", earlier.index, "signaal")
            yield self.at(content, "signalen", paar.van, "samen_met", paar.index, "signaal",
                          message=f"de combinatie '{paar.van}' + '{paar.met}' staat er al ({path}:{line}); "
                          "een combinatie geldt in beide richtingen, leg hem één keer vast")
