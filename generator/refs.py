"""References between records, declared once on the model field.

A field annotated with `Ref("interventies")` holds ids (one, or a list) of records in the
collection `interventies`. From that one declaration the build derives the reference check
(with path:line:col and "bedoelde je"), the edges of the content graph and the back-links
on pages. Adding a reference field is one edit in model.py.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Ref:
    """Marker: this field points into `collection`. `optional` links may vanish in an edition."""

    collection: str
    optional: bool = False


@dataclass(frozen=True)
class Verwijzing:
    """One reference found in a record: where it stands, what it points to."""

    loc: Loc  # path of keys/indexes inside the file, for the location of problems
    veld: str  # the field name, e.g. "interventies"
    ref: Ref
    ident: str


def _ref_of(annotation: Any) -> Ref | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta
    for arg in typing.get_args(annotation):  # Annotated[Id, Ref(...)] | None
        found = _ref_of(arg)
        if found is not None:
            return found
    return None


def ref_fields(cls: type[BaseModel]) -> dict[str, Ref]:
    """The reference fields of one model class, by field name."""
    result = {}
    for name, info in cls.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None) or _ref_of(info.annotation)
        if ref is not None:
            result[name] = ref
    return result


def references(record: BaseModel, loc: Loc = (), skip: set[str] | frozenset[str] = frozenset()) -> Iterator[Verwijzing]:
    """Every reference in a record and the blocks nested in it, in file order; fields in skip are not entered."""
    declared = ref_fields(type(record))
    for name in type(record).model_fields:
        if name in skip:
            continue
        value = getattr(record, name)
        if name in declared:
            ref = declared[name]
            if isinstance(value, str):
                yield Verwijzing(loc + (name,), name, ref, value)
            elif isinstance(value, list):
                for index, ident in enumerate(value):
                    yield Verwijzing(loc + (name, index), name, ref, ident)
            continue
        if isinstance(value, BaseModel):
            yield from references(value, loc + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from references(item, loc + (name, index))
