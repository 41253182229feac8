"""Which files in a content folder are YAML content, and what is skipped, said out loud.

Only names ending in lowercase '.yaml' or '.yml' that are regular files (or symlinks to
one) are content. Everything that looks like YAML but is skipped gets a problem with the
reason: editor lock and backup files, hidden files, folders named like a YAML file, files
whose name has the wrong case or an extra extension (Notepad's 'x.yaml.txt'), and named
pipes, devices or dangling symlinks. Files that do not look like YAML at all (README.md,
.gitkeep) are left alone silently. Nothing here opens a file, so nothing here can hang.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problems import Problem

SUFFIXES = (".yaml", ".yml")
RULE = "genegeerd-bestand"
_LOOKS_LIKE_YAML = re.compile(r"\.ya?ml", re.IGNORECASE)


def yaml_files(root: Path, folder: str) -> tuple[list[str], list[Problem]]:
    """Sorted relative posix paths of the YAML files in root/folder, and problems for what is skipped."""
    base = root / folder
    try:
        names = sorted(entry.name for entry in os.scandir(base))
    except (FileNotFoundError, NotADirectoryError):
        return [], []  # the caller says the folder is missing or empty
    except OSError:
        return [], [Problem(folder, 0, 0, "map kan niet gelezen worden (geen leesrechten?)", "onleesbaar")]
    files: list[str] = []
    problems: list[Problem] = []
    for name in names:
        relative = f"{folder}/{name}"
        skipped = _skip_reason(base / name, name)
        if skipped is None:
            files.append(relative)
        elif skipped:
            message, ernst = skipped
            problems.append(Problem(relative, 0, 0, message, RULE if ernst == "waarschuwing" else "geen-bestand", ernst))
    return files, problems


def _skip_reason(path: Path, name: str) -> tuple[str, str] | tuple[()] | None:
    """None: content. (): not YAML, skip silently. (message, ernst): skipped, with the reason."""
    if not _LOOKS_LIKE_YAML.search(name):
        return ()
    warn = "waarschuwing"
    if name.startswith(".#") or name.startswith(".~lock.") or (name.startswith("#") and name.endswith("#")):
        return ("vergrendel- of herstelbestand van een teksteditor; wordt overgeslagen (het verdwijnt als je de editor sluit)", warn)
    if name.startswith("~") or name.endswith("~") or name.endswith((".swp", ".swo", ".bak", ".orig", ".tmp")):
        return ("reservekopie of tijdelijk bestand van een teksteditor; wordt overgeslagen", warn)
    if name.startswith("."):
        return (f"verborgen bestand (de naam begint met een punt); wordt overgeslagen. Moet het meedoen, "
                f"hernoem het dan naar {_proper_name(name.lstrip('.'))}", warn)
    try:
        own = os.lstat(path)
    except OSError:
        return ("kan niet gelezen worden; wordt overgeslagen", "fout")
    lowered = name.lower()
    if not name.endswith(SUFFIXES):
        if lowered.endswith(SUFFIXES):
            reason = "de extensie moet in kleine letters"
        elif lowered.endswith(tuple(s + ".txt" for s in SUFFIXES)):
            reason = "de naam eindigt op .txt (Kladblok voegt dat soms toe; zet in Verkenner 'Bestandsnamen met extensies' aan)"
        else:
            reason = "alleen namen die op .yaml of .yml eindigen worden gelezen"
        if stat.S_ISDIR(own.st_mode):
            return ()  # a folder like 'oud.yaml.bak' is clearly not meant as content
        return (f"wordt genegeerd: {reason}. Moet het meedoen, hernoem het dan naar {_proper_name(name)}", warn)
    if stat.S_ISDIR(own.st_mode):
        return ("is een map, geen YAML-bestand; de map en wat erin staat worden overgeslagen. Is het een archief, "
                "geef de map dan een naam zonder .yaml (bijvoorbeeld 'oud')", warn)
    if stat.S_ISLNK(own.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            return ("is een verwijzing (symlink) naar een bestand dat niet bestaat; wordt niet gelezen", "fout")
        if stat.S_ISREG(target.st_mode):
            return None
        return (f"is een verwijzing (symlink) naar {_kind(target.st_mode)}, niet naar een gewoon bestand; wordt niet gelezen", "fout")
    if stat.S_ISREG(own.st_mode):
        return None
    return (f"is {_kind(own.st_mode)}, geen gewoon bestand; wordt niet gelezen", "fout")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "iets anders dan een bestand"


def _proper_name(name: str) -> str:
    """'nieuw.YAML' -> 'nieuw.yaml', 'x.yaml.txt' -> 'x.yaml', 'x.yaml ' -> 'x.yaml'."""
    matches = list(_LOOKS_LIKE_YAML.finditer(name))
    match = matches[-1] if matches else None
    if match is None:  # pragma: no cover - only called for names that look like YAML
        return name
    return name[: match.start()] + match.group().lower()
