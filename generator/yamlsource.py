"""Read one YAML file safely and remember where every value stands.

Returns plain Python data plus a map from a path of keys/indexes to (line, column),
so that schema errors can name the line. Rejects what editors get wrong and what
attackers try: tabs, duplicate keys, aliases (no alias bombs), files that are not
UTF-8, empty files, and files that are too large.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_BYTES = 1_000_000
Position = tuple[int, int]
Loc = tuple[Any, ...]


@dataclass
class Document:
    path: str
    data: Any = None
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, key: bool = False) -> Position:
        """Best known position for loc: the value, else the key, else the nearest parent."""
        table = (self.key_positions, self.positions) if key else (self.positions, self.key_positions)
        loc = tuple(loc)
        while True:
            for positions in table:
                if loc in positions:
                    return positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: same marks, faster
    """SafeLoader that keeps plain YAML 1.2-like scalars: 'no'/'yes' stay text."""


# Keep YAML booleans strict (true/false only), so 'nee' or 'no' are not silently booleans.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _mark(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def read(path: Path, display: str) -> Document:
    doc = Document(display)

    def problem(line: int, column: int, message: str) -> Document:
        doc.problems.append(Problem(display, line, column, message))
        return doc

    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return problem(1, 1, f"bestand is te groot ({len(raw)} bytes, maximaal {MAX_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return problem(line, column, "bestand is geen UTF-8; sla het op als UTF-8 (bijvoorbeeld in Kladblok: Opslaan als, codering UTF-8)")
    if text.startswith("\ufeff"):
        text = text[1:]
    for number, content in enumerate(text.splitlines(), start=1):
        if "\t" in content:
            problem(number, content.index("\t") + 1, "tab gevonden; gebruik spaties om in te springen")
    if doc.problems:
        return doc
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        return problem(1, 1, "bestand is leeg")

    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return problem(line, column, f"YAML-fout: {_dutch_yaml_error(exc)}")
    except yaml.YAMLError as exc:  # pragma: no cover - defensive, PyYAML marks its errors
        return problem(1, 1, f"YAML-fout: {exc}")
    if node is None:
        return problem(1, 1, "bestand is leeg")

    loader = _Loader("")
    try:
        doc.data = _build(node, (), doc, loader, set())
    except _AliasFound as found:
        doc.data = None
        return problem(*found.position, "ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de tekst voluit")
    return doc


class _AliasFound(Exception):
    def __init__(self, position: Position):
        self.position = position


def _build(node: Node, loc: Loc, doc: Document, loader: _Loader, seen: set[int]) -> Any:
    # An alias makes the composer hand out the same node twice; stop at the second sight,
    # so that nested aliases (an 'alias bomb') are never expanded.
    if not isinstance(node, ScalarNode) and id(node) in seen:
        raise _AliasFound(_mark(node))
    seen.add(id(node))
    doc.positions[loc] = _mark(node)
    if isinstance(node, ScalarNode):
        try:
            return loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError):
            line, column = _mark(node)
            doc.problems.append(Problem(doc.path, line, column, f"ongeldige waarde '{node.value}' (is dit een datum? gebruik JJJJ-MM-DD)"))
            return node.value
    if isinstance(node, SequenceNode):
        return [_build(item, loc + (index,), doc, loader, seen) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                line, column = _mark(key_node)
                doc.problems.append(Problem(doc.path, line, column, "een sleutel moet een woord zijn"))
                continue
            key = str(key)
            if key in result:
                line, column = _mark(key_node)
                first = doc.key_positions[loc + (key,)][0]
                doc.problems.append(Problem(doc.path, line, column, f"sleutel '{key}' staat twee keer in dit blok (eerder op regel {first})"))
                continue
            doc.key_positions[loc + (key,)] = _mark(key_node)
            result[key] = _build(value_node, loc + (key,), doc, loader, seen)
        return result
    raise TypeError(node)  # pragma: no cover


_YAML_PHRASES = {
    "mapping values are not allowed here": "hier mag geen ':' staan; zet tekst met ': ' tussen aanhalingstekens",
    "could not find expected ':'": "verwachtte een ':' na de sleutel",
    "found unexpected end of stream": "het bestand houdt onverwacht op (mist er een aanhalingsteken?)",
    "did not find expected key": "onverwachte regel; controleer het inspringen en of elk aanhalingsteken gesloten is",
    "did not find expected '-' indicator": "verwachtte een lijstregel met '-'; controleer het inspringen",
    "found character that cannot start any token": "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens",
    "expected <block end>, but found": "onverwachte regel; controleer het inspringen en of elk aanhalingsteken gesloten is",
    "found undefined alias": "verwijzing (*) naar een onbekend anker",
    "while scanning a quoted scalar": "aanhalingsteken wordt niet gesloten",
}


def _dutch_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for english, dutch in _YAML_PHRASES.items():
        if english in text:
            return dutch
    return (exc.problem or exc.context or "onbekende fout").strip()
