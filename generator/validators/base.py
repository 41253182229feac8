"""What every validator is: a rule id, a severity, a one-line description and a check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..loader import Content
from ..problems import Problem


class Validator:
    """One rule. Subclasses set the class variables and implement check()."""

    id: ClassVar[str]
    ernst: ClassVar[str] = "fout"  # fout | waarschuwing
    beschrijving: ClassVar[str]
    alleen_zonder_fouten: ClassVar[bool] = False  # a rule over the whole; its findings would only echo earlier errors

    def check(self, content: Content) -> Iterator[Problem]:
        raise NotImplementedError

    def at(self, content: Content, collection: str, ident: str, *sub: Any, message: str) -> Problem:
        """A problem at a record (or a field inside it), carrying this rule's id and severity."""
        path, line, column = content.where(collection, ident, *sub)
        return Problem(path, line, column, message, self.id, self.ernst)
