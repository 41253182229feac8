"""What an edition may show: a public edition leaves every intern item out, before the graph is built."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .editie import Editie
from .loader import Content
from .model import COLLECTIE
from .problems import ContentError, Problem, Problems


def for_edition(content: Content, editie: Editie) -> Content:
    """The content this edition shows; a public item that needs an intern one is an error."""
    if editie.gemeente not in content.gemeenten:
        raise ContentError(Problems([Problem("content/gemeenten", 0, 0,
                                             f"gemeente '{editie.gemeente}' bestaat niet; kies uit: {', '.join(sorted(content.gemeenten))}",
                                             "onbekende-gemeente")]))
    if editie.publiek == "intern":
        return content
    weg = {(c, i) for c, i, record in content.all_records() if _intern(record)}
    kept = content.without(weg).replacing(_without_intern_blocks)
    problems = []
    for collection, ident, verwijzing in kept.references():
        target = (verwijzing.ref.collection, verwijzing.ident)
        if target in weg and not verwijzing.ref.optional:
            path, line, column = kept.where(collection, ident, *verwijzing.loc)
            noun = COLLECTIE[verwijzing.ref.collection].noun
            problems.append(Problem(path, line, column, f"verwijst naar {noun} '{verwijzing.ident}', die intern is: "
                                    "maak de verwijzing optioneel of het item publiek", "verwijzing-naar-intern"))
    if problems:
        raise ContentError(Problems(problems))
    return kept


def _intern(item: object) -> bool:
    return getattr(item, "zichtbaarheid", "publiek") == "intern"


def _without_intern_blocks(record: BaseModel) -> BaseModel:
    """The record without intern entries in its lists (a gemeente's intern contacts, steps, regulations)."""
    update: dict[str, Any] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, list) and any(isinstance(item, BaseModel) for item in value):
            kept = [_without_intern_blocks(item) if isinstance(item, BaseModel) else item
                    for item in value if not _intern(item)]
            if kept != value:
                update[name] = kept
        elif isinstance(value, BaseModel):
            update[name] = _without_intern_blocks(value)
    return record.model_copy(update=update) if update else record
