"""Problems found in the content: a location and a Dutch message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int = 0
    column: int = 0
    message: str = ""
    regel: str = ""  # id of the rule that found it, e.g. "yaml-syntax"; tests compare on it
    ernst: str = "fout"  # fout | waarschuwing | melding (listed by `make check`, never fails a build, not even strict)

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{self.path}: {self.message}"


@dataclass
class Problems:
    """Collects every problem of a run, so all of them can be reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, column: int, message: str) -> None:
        self.items.append(Problem(path, line, column, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def report(self, kop: str = "") -> str:
        problems = self.sorted()
        lines = [kop] if kop else []
        lines += [str(p) + (f" ({p.ernst})" if p.ernst != "fout" else "") for p in problems]
        errors = sum(1 for p in problems if p.ernst == "fout")
        warnings = sum(1 for p in problems if p.ernst == "waarschuwing")
        notices = len(problems) - errors - warnings
        summary = f"{errors} {'probleem' if errors == 1 else 'problemen'} gevonden"
        if warnings:
            summary += f" en {warnings} waarschuwing{'' if warnings == 1 else 'en'}"
        if notices:
            summary += f" ({notices} melding{'' if notices == 1 else 'en'})"
        lines.append(summary + "; er is niets gebouwd.")
        return "\n".join(lines)


class ContentError(Exception):
    """Raised when content has problems; carries all of them."""

    def __init__(self, problems: Problems, kop: str = ""):
        super().__init__(problems.report(kop))
        self.problems = problems
        self.kop = kop


def suggestion(wrong: str, known: Iterable[str]) -> str:
    """A Dutch 'did you mean' suffix, or an empty string."""
    match = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.6)
    return f" (bedoelde je '{match[0]}'?)" if match else ""
