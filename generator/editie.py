"""The target of a build: which gemeente, which audience, which language, where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Publiek = Literal["publiek", "intern"]


@dataclass(frozen=True)
class Editie:
    """Created once by the command line and passed down; nothing below the CLI reads the environment."""

    out_dir: Path  # where the finished site (or Markdown, for `docs`) is swapped into place
    gemeente: str = "landelijk"
    publiek: Publiek = "publiek"  # a public edition leaves every intern item out
    taal: str = "nl"
    basis_url: str | None = None  # where the edition will be hosted, for QR codes on cards
    strikt: bool = False  # warnings fail the build too

    @property
    def naam(self) -> str:
        return f"{self.gemeente}-{self.publiek}"
