"""Rules on text fields: no HTML, no editorial notes on pages, and the facts still to fill in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..loader import Content
from ..model import IN_TE_VULLEN
from ..problems import Problem
from ..yamlsource import Loc
from .base import Validator

# A '<' that starts a tag, comment or declaration, closed or not; Markdown autolinks are allowed.
# One character of look-ahead: linear in the length of the text.
HTML_START = re.compile(r"<(?!https?://|mailto:)[/!?A-Za-z]")
# Nesting in Markdown: list items and quotes at the start of a line, and every four spaces of indentation.
NESTING = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?")
# Far above real content (at most 1), far below where the Markdown parser (~250) and lxml (~255) give up.
MAX_NESTING = 12
# Fields for editors only: never rendered, so anything goes there.
NOT_RENDERED = {"redactie", "eigenaar"}
# Phrases that belong in `redactie`, not on a page or a card (issue 7).
EDITORIAL = re.compile(r"staat niet in onze bronnen|controleer welk|eerlijk gezegd|nog uitzoeken|\bTODO\b", re.IGNORECASE)


def _strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_RENDERED:
                yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def _field(loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "bestand"


class _DocumentRule(Validator):
    """A rule over the raw text of every file that parsed, also files with schema errors."""

    def check(self, content: Content) -> Iterator[Problem]:
        for doc in content.documents:
            for loc, value in _strings(doc.data):
                message = self.message(loc, value)
                if message:
                    line, column = doc.position(loc)
                    yield Problem(doc.path, line, column, message, self.id, self.ernst)

    def message(self, loc: Loc, value: str) -> str | None:
        raise NotImplementedError


class HtmlInTekst(_DocumentRule):
    id = "html"
    beschrijving = "HTML in een tekstveld; schrijf gewone tekst of Markdown."

    def message(self, loc: Loc, value: str) -> str | None:
        if HTML_START.search(value):
            return f"HTML is niet toegestaan in '{_field(loc)}'; schrijf gewone tekst (of Markdown waar dat mag)"
        return None


def nesting(value: str) -> int:
    """How deep Markdown would nest lists and quotes in this text: a linear estimate, never lower."""
    deepest = 0
    for line in value.splitlines():
        stripped = line.lstrip(" ")
        depth, position = (len(line) - len(stripped)) // 4, 0
        while match := NESTING.match(stripped, position):
            depth, position = depth + 1, match.end()
        deepest = max(deepest, depth)
    return deepest


class MarkdownTeDiep(_DocumentRule):
    id = "markdown-te-diep"
    beschrijving = "Lijsten of citaten zo diep in elkaar dat de pagina niet te maken of te lezen is."

    def message(self, loc: Loc, value: str) -> str | None:
        depth = nesting(value)
        if depth > MAX_NESTING:
            return (f"'{_field(loc)}' heeft lijsten of citaten {depth} lagen diep in elkaar (maximaal {MAX_NESTING}); "
                    "maak de opbouw platter")
        return None


class RedactieInTekst(_DocumentRule):
    id = "redactie-in-tekst"
    beschrijving = "Een notitie voor redacteuren in een veld dat op de pagina komt."

    def message(self, loc: Loc, value: str) -> str | None:
        found = EDITORIAL.search(value)
        if found:
            return f"'{found.group(0)}' is een notitie voor redacteuren en komt zo op de pagina; zet het in 'redactie'"
        return None


class InTeVullen(Validator):
    id = "in-te-vullen"
    ernst = "waarschuwing"
    beschrijving = ("Een artikel dat nog 'in te vullen' is: een waarschuwing zonder reden in 'redactie', "
                    "met reden een melding (die de bouw niet stopt).")

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, index, grondslag in content.grondslagen():
            if grondslag.artikel != IN_TE_VULLEN:
                continue
            if grondslag.redactie:
                problem = self.at(content, "interventies", ident, "grondslag", index, "artikel",
                                  message=f"interventie '{ident}': artikel van '{grondslag.regeling}' is nog in te vullen "
                                  "(de reden staat in 'redactie')")
                yield replace(problem, ernst="melding")
            else:
                yield self.at(content, "interventies", ident, "grondslag", index, "artikel",
                              message=f"interventie '{ident}': artikel van '{grondslag.regeling}' is nog in te vullen; "
                              "vul het in, of zet de reden in 'redactie'")
