"""The one loader: YAML files in, typed records out, or every problem at once."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from . import model, trees
from .discover import yaml_files
from .problems import ContentError, Problems, suggestion
from .yamlsource import Document, Loc, read

# Which files hold which kind of record, relative to the project root.
SINGLE_FILES = {
    "content/bronnen.yaml": "bronnen",
    "content/vormen.yaml": "vormen",
    "content/rollen.yaml": "rollen",
    "content/partners.yaml": "partners",
    "content/begrippen.yaml": "begrippen",
}
FOLDERS = {
    "barriers": "barriere",
    "interventions": "interventie",
    "content/gemeenten": "gemeente",
    "content/beslisbomen": "beslisboom",
}

# Reference fields: YAML key -> (collection it points into, Dutch noun).
REFERENCES = {
    "bronnen": ("bronnen", "bron"),
    "partners": ("partners", "partner"),
    "partner": ("partners", "partner"),
    "rollen": ("rollen", "rol"),
    "interventies": ("interventies", "interventie"),
    "interventie": ("interventies", "interventie"),
    "barrieres": ("barrieres", "barrière"),
    "signalen": ("signalen", "signaal"),
}
NEUTER = {"signaal"}  # 'het' words: "onbekend signaal", not "onbekende signaal"
# The noun for a record, by the list key that holds it (root records use their file kind).
RECORD_NOUNS = {
    "signalen": "signaal",
    "bronnen": "bron",
    "vormen": "vorm",
    "rollen": "rol",
    "partners": "partner",
    "begrippen": "begrip",
    "contacten": "contact",
    "meldroute": "meldstap",
    "lokale_regelingen": "lokale regeling",
    "vragen": "vraag",
    "uitkomsten": "uitkomst",
}
KIND_NOUNS = {"barriere": "barrière", "interventie": "interventie", "gemeente": "gemeente", "beslisboom": "beslisboom"}

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


@dataclass
class Content:
    """All records, resolved by id, in a stable order."""

    barrieres: dict[str, model.Barriere] = field(default_factory=dict)
    signalen: dict[str, model.Signaal] = field(default_factory=dict)
    interventies: dict[str, model.Interventie] = field(default_factory=dict)
    bronnen: dict[str, model.Bron] = field(default_factory=dict)
    vormen: dict[str, model.Vormdefinitie] = field(default_factory=dict)
    rollen: dict[str, model.Rol] = field(default_factory=dict)
    partners: dict[str, model.Partner] = field(default_factory=dict)
    begrippen: dict[str, model.Begrip] = field(default_factory=dict)
    gemeenten: dict[str, model.Gemeente] = field(default_factory=dict)
    beslisbomen: dict[str, model.Beslisboom] = field(default_factory=dict)
    barriere_van: dict[str, str] = field(default_factory=dict)  # signal id -> barrier id
    plaatsen: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)  # (collection, id) -> where


def load(root: Path) -> Content:
    """Load and check all content under root; raise ContentError with every problem."""
    problems = Problems()
    documents: list[tuple[str, Document, BaseModel]] = []
    unreadable: set[tuple[str, str]] = set()  # (collection, id or "*") of files that failed
    for kind, path in _files(root, problems, unreadable):
        doc = read(root / path, path)
        problems.extend(doc.problems)
        record = None if doc.problems else _validate(kind, doc, problems)
        if record is None:
            unreadable.update(_collections_of(kind, path))
            continue
        documents.append((kind, doc, record))
        _check_html(doc, problems)
    content = _collect(documents, problems)
    _check_references(documents, content, problems, unreadable)
    partners = None if ("partners", "*") in unreadable else content.partners
    for kind, doc, record in documents:
        if kind == "beslisboom":
            problems.extend(trees.validate(doc, record, partners))
    if problems:
        raise ContentError(problems)
    return content


COLLECTIONS = {"barriere": "barrieres", "interventie": "interventies", "gemeente": "gemeenten", "beslisboom": "beslisbomen"}


def _collections_of(kind: str, path: str) -> set[tuple[str, str]]:
    """What a file that failed to load would have provided, to avoid follow-up noise."""
    if kind == "barriere":  # its signals are unknown too
        return {(COLLECTIONS[kind], Path(path).stem), ("signalen", "*")}
    if kind in COLLECTIONS:
        return {(COLLECTIONS[kind], Path(path).stem)}
    return {(kind, "*")}


def _files(root: Path, problems: Problems, unreadable: set[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for path, kind in SINGLE_FILES.items():
        if (root / path).is_file():
            yield kind, path
        else:
            problems.add(path, 0, 0, "bestand ontbreekt")
            unreadable.add((kind, "*"))
    for folder, kind in FOLDERS.items():
        files, skipped = yaml_files(root, folder)
        problems.extend(p for p in skipped if p.ernst == "fout")
        for warning in (p for p in skipped if p.ernst != "fout"):  # not fatal; the loader rewrite may collect these
            print(f"waarschuwing: {warning}", file=sys.stderr)
        if not files:
            problems.add(folder, 0, 0, "map bevat geen YAML-bestanden")
        for file in files:
            yield kind, file


def _validate(kind: str, doc: Document, problems: Problems) -> BaseModel | None:
    cls = model.FILE_KINDS[kind]
    if not isinstance(doc.data, dict):
        problems.add(doc.path, 1, 1, "het bestand moet beginnen met velden (sleutel: waarde), niet met een lijst of losse tekst")
        return None
    try:
        record = cls.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            at_key = error["type"] == "extra_forbidden"
            line, column = doc.position(loc, key=at_key) if error["type"] != "missing" else doc.position(loc[:-1])
            problems.add(doc.path, line, column, _dutch(error, cls))
        return None
    stem = Path(doc.path).stem
    if kind in FOLDERS.values() and record.id != stem:
        line, column = doc.position(("id",))
        problems.add(doc.path, line, column, f"id '{record.id}' moet gelijk zijn aan de bestandsnaam '{stem}'")
    return record


def _field(loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "bestand"


def _dutch(error: dict[str, Any], cls: type[BaseModel]) -> str:
    """Translate one pydantic error into a Dutch message for editors."""
    kind = error["type"]
    loc = tuple(error["loc"])
    name = _field(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"verplicht veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        return f"onbekend veld '{name}'{suggestion(name, _allowed_keys(cls, loc))}"
    if kind == "string_type":
        hint = ""
        if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
            hint = "; zet de waarde tussen aanhalingstekens"
        elif isinstance(value, dict):
            hint = "; staat er ': ' in de tekst? Zet de tekst dan tussen aanhalingstekens"
        return f"'{name}' moet tekst zijn{hint}"
    if kind == "list_type":
        return f"'{name}' moet een lijst zijn (regels die beginnen met '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' moet een blok met velden zijn"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' moet true of false zijn"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{name}' moet een geheel getal zijn"
    if kind.startswith("date"):
        return f"'{name}' moet een datum zijn in de vorm JJJJ-MM-DD"
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"ongeldige waarde '{value}' voor '{name}'; kies uit: {choices}"
    if kind == "string_pattern_mismatch":
        if name in ("url", "website"):
            return f"'{name}' moet een webadres zijn dat begint met https://"
        if name == "datum":
            return f"'{name}' moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben"
        return f"'{value}' is geen geldige id; gebruik kleine letters, cijfers en '-'"
    if kind == "string_too_short":
        return f"'{name}' mag niet leeg zijn"
    if kind == "string_too_long":
        return f"'{name}' is te lang (maximaal {ctx.get('max_length')} tekens)"
    if kind == "too_short":
        return f"'{name}' moet minstens {ctx.get('min_length')} item(s) bevatten"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"'{name}' moet {'minstens' if kind == 'greater_than_equal' else 'hoogstens'} {bound} zijn"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"ongeldige waarde voor '{name}': {error['msg']}"


def _allowed_keys(cls: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at loc's parent, for 'bedoelde je' suggestions."""
    current: Any = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
        if current is None:
            return []
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _walk(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    yield loc, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, loc + (index,))


def _check_html(doc: Document, problems: Problems) -> None:
    for loc, value in _walk(doc.data):
        if isinstance(value, str) and HTML_TAG.search(value):
            line, column = doc.position(loc)
            problems.add(doc.path, line, column, f"HTML is niet toegestaan in '{_field(loc)}'; schrijf gewone tekst (of Markdown waar dat mag)")


def _owner(doc: Document, kind: str, loc: Loc) -> str:
    """'signaal 'hv-x'' for the record that holds loc."""
    noun, ident = KIND_NOUNS.get(kind, kind), doc.data.get("id") if isinstance(doc.data, dict) else None
    data: Any = doc.data
    for index, part in enumerate(loc):
        if isinstance(part, int) and isinstance(data, list) and isinstance(data[part], dict) and "id" in data[part]:
            noun, ident = RECORD_NOUNS.get(str(loc[index - 1]), noun), data[part]["id"]
        data = data[part]
        if not isinstance(data, (dict, list)):
            break
    return f"{noun} '{ident}'" if ident else noun


def _collect(documents: list[tuple[str, Document, BaseModel]], problems: Problems) -> Content:
    content = Content()
    places = content.plaatsen

    def register(collection: str, noun: str, item: Any, doc: Document, loc: Loc) -> None:
        key = (collection, item.id)
        target = getattr(content, collection)
        line, column = doc.position(loc + ("id",))
        if key in places:
            first_path, first_line, _ = places[key]
            problems.add(doc.path, line, column, f"{noun} '{item.id}' bestaat al (in {first_path}:{first_line})")
            return
        places[key] = (doc.path, line, column)
        target[item.id] = item

    for kind, doc, record in documents:
        if kind == "barriere":
            register("barrieres", "barrière", record, doc, ())
            for index, signaal in enumerate(record.signalen):
                register("signalen", "signaal", signaal, doc, ("signalen", index))
                content.barriere_van.setdefault(signaal.id, record.id)
        elif kind == "interventie":
            register("interventies", "interventie", record, doc, ())
        elif kind in COLLECTIONS:
            register(COLLECTIONS[kind], KIND_NOUNS[kind], record, doc, ())
        else:
            items = getattr(record, kind)
            for index, item in enumerate(items):
                register(kind, RECORD_NOUNS[kind], item, doc, (kind, index))
    content.barrieres = dict(sorted(content.barrieres.items(), key=lambda kv: kv[1].volgorde))
    content.interventies = dict(sorted(content.interventies.items(), key=lambda kv: kv[1].titel.lower()))
    return content


def _check_references(
    documents: list[tuple[str, Document, BaseModel]], content: Content, problems: Problems, unreadable: set[tuple[str, str]]
) -> None:
    for kind, doc, _record in documents:
        for loc, value in _walk(doc.data):
            if not loc or loc[-1] not in REFERENCES:
                continue
            collection, noun = REFERENCES[loc[-1]]
            known = getattr(content, collection)
            values = [(loc, value)] if isinstance(value, str) else [
                (loc + (i,), v) for i, v in enumerate(value) if isinstance(v, str)
            ] if isinstance(value, list) else []
            seen: set[str] = set()
            for item_loc, ident in values:
                line, column = doc.position(item_loc)
                if ident in seen:
                    problems.add(doc.path, line, column, f"{_owner(doc, kind, loc)} noemt {noun} '{ident}' twee keer")
                seen.add(ident)
                if ident not in known and not {(collection, ident), (collection, "*")} & unreadable:
                    problems.add(
                        doc.path, line, column,
                        f"{_owner(doc, kind, loc)} verwijst naar {'onbekend' if noun in NEUTER else 'onbekende'} {noun} "
                        f"'{ident}'{suggestion(ident, known)}",
                    )
