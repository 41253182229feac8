"""Pydantic's schema errors, translated into Dutch messages for editors, each with a rule id."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .problems import suggestion

Loc = tuple[Any, ...]
MAX_ECHO = 60  # longest value echoed back in a message


def rule_of(error: Any) -> str:
    """The rule id of a schema error: what tests compare on."""
    return {"missing": "veld-ontbreekt", "extra_forbidden": "onbekend-veld"}.get(error["type"], "ongeldige-waarde")


def _echo(value: Any) -> str:
    text = str(value)
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…"


def _field(loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "bestand"


def dutch(error: Any, cls: type[BaseModel]) -> str:
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
        return f"ongeldige waarde '{_echo(value)}' voor '{name}'; kies uit: {choices}"
    if kind == "string_pattern_mismatch":
        if name in ("url", "website"):
            return f"'{name}' moet een webadres zijn dat begint met https://"
        if name == "datum":
            return f"'{name}' moet de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD hebben"
        if name == "afkorting":
            return (f"afkorting '{_echo(value)}' is ongeldig; een afkorting is één woord van hoogstens 15 tekens "
                    "(letters, cijfers, '&', '/' of '-'). Zet de volledige naam in 'term'")
        return f"'{_echo(value)}' is geen geldige id; gebruik kleine letters, cijfers en '-'"
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


