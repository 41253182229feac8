"""The one loader: YAML files in, typed records by collection out, with every problem located.

Loading never raises on bad content: it returns the records it could read plus the problems it
found (reader, schema, duplicate ids), so the validators can add theirs and the build reports
everything at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from . import model, refs
from .discover import yaml_files
from .model import COLLECTIES, Collectie
from .problems import Problem
from .schema_messages import dutch, rule_of
from .yamlsource import Document, Loc, read

Key = tuple[str, str]  # (collection, id)


@dataclass(frozen=True)
class Plaats:
    """Where a record stands: its file and its path inside the file."""

    doc: Document
    loc: Loc

    def position(self, *sub: Any) -> tuple[str, int, int]:
        line, column = self.doc.position(self.loc + sub)
        return self.doc.path, line, column


@dataclass
class Content:
    """All records by collection and id, in a stable order, with where each one stands."""

    records: dict[str, dict[str, BaseModel]] = field(default_factory=lambda: {c.naam: {} for c in COLLECTIES})
    plaatsen: dict[Key, Plaats] = field(default_factory=dict)
    ouder: dict[Key, Key] = field(default_factory=dict)  # a nested record -> the record that holds it
    onleesbaar: set[Key] = field(default_factory=set)  # what failed to load; (collection, "*") = all of it
    problems: list[Problem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # every file that parsed, even with schema errors
    root: Path | None = None  # the content folder, for files a record names (a gemeente's logo)

    # Typed access for the code that needs one collection.
    @property
    def barrieres(self) -> dict[str, model.Barriere]:
        return cast(dict[str, model.Barriere], self.records["barrieres"])

    @property
    def signalen(self) -> dict[str, model.Signaal]:
        return cast(dict[str, model.Signaal], self.records["signalen"])

    @property
    def interventies(self) -> dict[str, model.Interventie]:
        return cast(dict[str, model.Interventie], self.records["interventies"])

    @property
    def bronnen(self) -> dict[str, model.Bron]:
        return cast(dict[str, model.Bron], self.records["bronnen"])

    @property
    def vormen(self) -> dict[str, model.Vormdefinitie]:
        return cast(dict[str, model.Vormdefinitie], self.records["vormen"])

    @property
    def rollen(self) -> dict[str, model.Rol]:
        return cast(dict[str, model.Rol], self.records["rollen"])

    @property
    def partners(self) -> dict[str, model.Partner]:
        return cast(dict[str, model.Partner], self.records["partners"])

    @property
    def begrippen(self) -> dict[str, model.Begrip]:
        return cast(dict[str, model.Begrip], self.records["begrippen"])

    @property
    def gemeenten(self) -> dict[str, model.Gemeente]:
        return cast(dict[str, model.Gemeente], self.records["gemeenten"])

    @property
    def beslisbomen(self) -> dict[str, model.Beslisboom]:
        return cast(dict[str, model.Beslisboom], self.records["beslisbomen"])

    @property
    def casussen(self) -> dict[str, model.Casus]:
        return cast(dict[str, model.Casus], self.records["casussen"])

    @property
    def oefeningen(self) -> dict[str, model.Oefening]:
        return cast(dict[str, model.Oefening], self.records["oefeningen"])

    @property
    def sessies(self) -> dict[str, model.Sessie]:
        return cast(dict[str, model.Sessie], self.records["sessies"])

    def barriere_van(self, signaal: str) -> str:
        return self.ouder[("signalen", signaal)][1]

    def where(self, collection: str, ident: str, *sub: Any) -> tuple[str, int, int]:
        return self.plaatsen[(collection, ident)].position(*sub)

    def all_records(self) -> Iterator[tuple[str, str, BaseModel]]:
        for collection, records in self.records.items():
            for ident, record in records.items():
                yield collection, ident, record

    def grondslagen(self) -> Iterator[tuple[str, int, model.Grondslag]]:
        """Every legal basis: (interventie id, its index in 'grondslag', the grondslag)."""
        for ident, interventie in self.interventies.items():
            for index, grondslag in enumerate(interventie.grondslag):
                yield ident, index, grondslag

    def references(self) -> Iterator[tuple[str, str, refs.Verwijzing]]:
        """Every reference of every record, with the record that holds it (nested records count as their own)."""
        for collection, ident, record in self.all_records():
            skip = {c.in_record[1] for c in COLLECTIES if c.in_record and c.in_record[0] == collection}
            for verwijzing in refs.references(record, skip=skip):
                yield collection, ident, verwijzing

    def known(self, collection: str, ident: str) -> bool:
        """True if ident exists, or if it may exist but its file failed to load (no follow-up noise)."""
        return ident in self.records[collection] or bool({(collection, ident), (collection, "*")} & self.onleesbaar)

    def without(self, weg: set[Key]) -> Content:
        """A copy without the records in weg (and what they hold); parents keep only what remains."""
        gone = set(weg) | {child for child, parent in self.ouder.items() if parent in weg}
        records: dict[str, dict[str, BaseModel]] = {}
        for collection, items in self.records.items():
            records[collection] = {i: r for i, r in items.items() if (collection, i) not in gone}
        for c in COLLECTIES:
            if c.in_record is None:
                continue
            parent_collection, list_field = c.in_record
            for ident, parent in list(records[parent_collection].items()):
                kept = [r for r in getattr(parent, list_field) if (c.naam, r.id) not in gone]
                records[parent_collection][ident] = parent.model_copy(update={list_field: kept})
        return replace(self, records=records, plaatsen={k: v for k, v in self.plaatsen.items() if k not in gone},
                       ouder={k: v for k, v in self.ouder.items() if k not in gone}, problems=[])


    def replacing(self, change: Callable[[BaseModel], BaseModel]) -> Content:
        """A copy with every record passed through change (which returns it, or a changed copy)."""
        records = {collection: {i: change(r) for i, r in items.items()} for collection, items in self.records.items()}
        return replace(self, records=records)


def load(root: Path) -> Content:
    """Read and schema-check every content file under root; collect records and problems."""
    content = Content(root=root)
    for collectie, path in _files(root, content):
        doc = read(root / path, path)
        content.problems.extend(doc.problems)
        if not doc.problems:
            content.documents.append(doc)
        record = None if doc.problems else _validate(collectie, doc, content.problems)
        if record is None:
            _mark_unreadable(content, collectie, path)
            continue
        _register_file(content, collectie, doc, record)
    barrieres = sorted(content.barrieres.items(), key=lambda kv: kv[1].volgorde)
    interventies = sorted(content.interventies.items(), key=lambda kv: kv[1].titel.lower())
    content.records["barrieres"], content.records["interventies"] = dict(barrieres), dict(interventies)
    return content


def _files(root: Path, content: Content) -> Iterator[tuple[Collectie, str]]:
    for collectie in COLLECTIES:
        if collectie.bestand:
            if (root / collectie.bestand).is_file():
                yield collectie, collectie.bestand
            else:
                content.problems.append(Problem(collectie.bestand, 0, 0, "bestand ontbreekt", "bestand-ontbreekt"))
                content.onleesbaar.add((collectie.naam, "*"))
        elif collectie.folder:
            files, problems = yaml_files(root, collectie.folder)
            content.problems.extend(problems)
            if not files:
                content.problems.append(Problem(collectie.folder, 0, 0, "map bevat geen YAML-bestanden", "map-leeg"))
            for path in files:
                yield collectie, path


def _mark_unreadable(content: Content, collectie: Collectie, path: str) -> None:
    """What a file that failed to load would have provided, so references to it are not reported too."""
    if collectie.bestand:
        content.onleesbaar.add((collectie.naam, "*"))
        return
    content.onleesbaar.add((collectie.naam, Path(path).stem))
    for nested in COLLECTIES:  # a barrier's signals are unknown too
        if nested.in_record and nested.in_record[0] == collectie.naam:
            content.onleesbaar.add((nested.naam, "*"))


def _validate(collectie: Collectie, doc: Document, problems: list[Problem]) -> BaseModel | None:
    cls = collectie.bestand_model or collectie.model
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.path, 1, 1, "het bestand moet beginnen met velden (sleutel: waarde), niet met een lijst of losse tekst",
                                "geen-velden"))
        return None
    try:
        record = cls.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "missing":
                line, column = doc.position(loc[:-1])
            else:
                line, column = doc.position(loc, key=error["type"] == "extra_forbidden")
            problems.append(Problem(doc.path, line, column, dutch(error, cls), rule_of(error)))
        return None
    stem = Path(doc.path).stem
    if collectie.folder and getattr(record, "id") != stem:
        line, column = doc.position(("id",))
        problems.append(Problem(doc.path, line, column, f"id '{getattr(record, 'id')}' moet gelijk zijn aan de bestandsnaam '{stem}'",
                                "id-bestandsnaam"))
    return record


def _register_file(content: Content, collectie: Collectie, doc: Document, record: BaseModel) -> None:
    if collectie.bestand:
        for index, item in enumerate(getattr(record, collectie.naam)):
            _register(content, collectie, item, doc, (collectie.naam, index))
        return
    key = _register(content, collectie, record, doc, ())
    for nested in COLLECTIES:
        if key and nested.in_record and nested.in_record[0] == collectie.naam:
            for index, item in enumerate(getattr(record, nested.in_record[1])):
                child = _register(content, nested, item, doc, (nested.in_record[1], index))
                if child:
                    content.ouder[child] = key


def _register(content: Content, collectie: Collectie, item: BaseModel, doc: Document, loc: Loc) -> Key | None:
    ident = getattr(item, "id")
    key = (collectie.naam, ident)
    if key in content.plaatsen:
        first_path, first_line, _ = content.plaatsen[key].position("id")
        line, column = doc.position(loc + ("id",))
        content.problems.append(Problem(doc.path, line, column, f"{collectie.noun} '{ident}' bestaat al (in {first_path}:{first_line})",
                                        "dubbele-id"))
        return None
    content.plaatsen[key] = Plaats(doc, loc)
    content.records[collectie.naam][ident] = item
    return key
