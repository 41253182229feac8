"""A build's own folders: a private work folder beside the output, and the swap into place.

Every build works in a fresh folder with a unique name next to its output folder, so two
builds never share a folder, and the rename that puts the result in place stays on one disk.
Leftovers of a crashed build have unique names too: they never block the next build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class WorkspaceError(Exception):
    pass


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def includes(self) -> Path:
        return self.root / "includes"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


@contextmanager
def workspace(out_dir: Path) -> Iterator[Workspace]:
    """A fresh work folder beside out_dir, removed afterwards whatever happens."""
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.bouw-", dir=parent))
    except OSError as exc:
        raise WorkspaceError(f"kan geen werkmap maken naast {out_dir}: {exc.strerror}") from exc
    try:
        yield Workspace(root)
    finally:
        _remove(root)


def swap(new: Path, out_dir: Path) -> None:
    """Put new in place of out_dir; the previous output survives until the new one is in place."""
    old = out_dir.with_name(f".{out_dir.name}.oud-{os.getpid()}-{time.monotonic_ns()}")
    try:
        if out_dir.exists():
            out_dir.rename(old)
        new.rename(out_dir)
    except OSError as exc:
        if old.exists() and not out_dir.exists():
            old.rename(out_dir)  # put the previous output back
        raise WorkspaceError(f"kan {out_dir} niet vervangen: {exc.strerror}. De vorige versie staat er nog.") from exc
    _remove(old)


def _remove(path: Path) -> None:
    """Remove a folder of ours; read-only files included. A leftover is harmless (unique name)."""
    if not path.exists():
        return

    def make_writable(function: object, target: str, _exc: object) -> None:
        os.chmod(target, 0o700)
        if os.path.isdir(target):
            shutil.rmtree(target, ignore_errors=True)
        else:
            os.unlink(target)

    try:
        for folder in [path, *path.rglob("*")]:
            if folder.is_dir() and not folder.is_symlink():
                os.chmod(folder, 0o700)
        shutil.rmtree(path, onerror=make_writable)
    except OSError:
        pass
