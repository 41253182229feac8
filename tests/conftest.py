"""Shared test helpers: the project root and building small content trees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"


def content_tree(target: Path, overlay: Path | None = None) -> Path:
    """Copy the tiny valid corpus to target and lay the files of overlay over it.

    An overlay file named '<name>.verwijderd' deletes '<name>'.
    """
    shutil.copytree(MINI, target)
    if overlay is not None:
        for file in overlay.rglob("*"):
            if not file.is_file() or file.name == "verwacht.txt":
                continue
            relative = file.relative_to(overlay)
            if file.suffix == ".verwijderd":
                (target / relative.with_suffix("")).unlink()
            else:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(file, target / relative)
    return target


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return content_tree(tmp_path / "inhoud")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built once per test run into a temporary site folder."""
    import subprocess
    import sys

    site = tmp_path_factory.mktemp("gebouwd") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "site", "--uit", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
