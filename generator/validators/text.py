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
