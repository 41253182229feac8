"""Shared test helpers: the project root and building small content trees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"


def content_tree(target: Path, overlay: Path | None = None) -> Path:
    """Copy the tiny valid corpus to target and apply a case's small changes to it.

    `wijzigingen.yaml` lists changes: {bestand, vervang, door} replaces text that occurs exactly
    once, {bestand, inhoud} writes a whole (small) file, {bestand, verwijder: true} deletes one.
    Any other file in the case (e.g. one that is not UTF-8) is copied over as it is.
    """
    shutil.copytree(MINI, target)
    if overlay is not None:
        changes = overlay / "wijzigingen.yaml"
        for change in yaml.safe_load(changes.read_text(encoding="utf-8")) if changes.exists() else []:
            path = target / change["bestand"]
            if change.get("verwijder"):
                path.unlink()
            elif "inhoud" in change:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(change["inhoud"], encoding="utf-8")
            else:
                text = path.read_text(encoding="utf-8")
                assert text.count(change["vervang"]) == 1, f"{overlay.name}: tekst niet precies één keer gevonden"
                path.write_text(text.replace(change["vervang"], change["door"]), encoding="utf-8")
        for file in overlay.rglob("*"):
            if not file.is_file() or file.name in ("verwacht.txt", "wijzigingen.yaml"):
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
