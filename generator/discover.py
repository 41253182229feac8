"""Which files in a content folder are read: regular YAML files only."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem


def yaml_files(root: Path, folder: str) -> tuple[list[str], list[Problem]]:
    """Sorted relative paths of the YAML files in folder, and problems for what is skipped."""
    base = root / folder
    if not base.is_dir():
        return [], []
    files = sorted(p for p in base.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [p.relative_to(root).as_posix() for p in files], []
