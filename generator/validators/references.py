"""References between records: every id must exist, and is named once per field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..loader import Content
from ..model import BLOK_NOUNS, COLLECTIE
from ..problems import Problem, suggestion
from .base import Validator


def owner(content: Content, collection: str, ident: str, loc: tuple[Any, ...]) -> str:
    """"signaal 'hv-x'" or, inside a record, "uitkomst 'melden'": who makes the reference."""
    noun, name = COLLECTIE[collection].noun, ident
    data: Any = content.records[collection][ident]
    for index, part in enumerate(loc):
        data = data[part] if isinstance(part, int) else getattr(data, part, None)
        if isinstance(part, int) and isinstance(data, BaseModel) and getattr(data, "id", None):
            noun, name = BLOK_NOUNS.get(str(loc[index - 1]), noun), getattr(data, "id")
    return f"{noun} '{name}'"


class OnbekendeVerwijzing(Validator):
    id = "onbekende-verwijzing"
    beschrijving = "Een verwijzing naar een id dat niet bestaat."

    def check(self, content: Content) -> Iterator[Problem]:
        for collection, ident, v in content.references():
            if content.known(v.ref.collection, v.ident):
                continue
            target = COLLECTIE[v.ref.collection]
            article = "onbekend" if target.onzijdig else "onbekende"
            hint = suggestion(v.ident, content.records[v.ref.collection])
            yield self.at(content, collection, ident, *v.loc,
                          message=f"{owner(content, collection, ident, v.loc)} verwijst naar {article} {target.noun} '{v.ident}'{hint}")


class DubbeleVerwijzing(Validator):
    id = "dubbele-verwijzing"
    beschrijving = "Hetzelfde id twee keer in één lijst."

    def check(self, content: Content) -> Iterator[Problem]:
        seen: set[tuple[str, str, tuple[Any, ...], str]] = set()
        for collection, ident, v in content.references():
            key = (collection, ident, v.loc[:-1], v.ident)
            if key in seen:
                noun = COLLECTIE[v.ref.collection].noun
                yield self.at(content, collection, ident, *v.loc,
                              message=f"{owner(content, collection, ident, v.loc)} noemt {noun} '{v.ident}' twee keer")
            seen.add(key)
