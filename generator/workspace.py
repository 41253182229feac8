"""A build's own folders: a private work folder beside the output, and the swap into place.

Every build works in a fresh folder with a unique name next to its output folder, so two
builds never share a folder, and the rename that puts the result in place stays on one disk.
Leftovers of a crashed build have unique names too: they never block the next build, and the
next build removes those whose process has ended. A full disk or a file that cannot be written
or removed gives a Dutch message; the previous output stays in place.
"""

from __future__ import annotations

import errno
import os
import re
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


_REASONS = {
    errno.ENOSPC: "de schijf is vol; maak ruimte vrij en bouw opnieuw",
    errno.EDQUOT: "je schijfruimte (quotum) is op; maak ruimte vrij en bouw opnieuw",
    errno.EACCES: "je hebt daar geen schrijfrechten",
    errno.EPERM: "het besturingssysteem staat dat niet toe (alleen-lezen of beveiligd bestand)",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EBUSY: "de map is in gebruik; sluit vensters en programma's die erin kijken",
    errno.EIO: "de schijf gaf een lees- of schrijffout",
    errno.ENAMETOOLONG: "een bestandsnaam of pad is te lang",
}


def reason(exc: OSError) -> str:
    """Why the system refused, in Dutch, with the file it is about when known."""
    code = exc.errno or 0
    text = _REASONS.get(code, f"het besturingssysteem meldt foutcode {errno.errorcode.get(code, code)}")
    return f"{text} ({exc.filename})" if exc.filename else text


@contextmanager
def workspace(out_dir: Path) -> Iterator[Workspace]:
    """A fresh work folder beside out_dir, removed afterwards whatever happens.

    A file system error inside (a full disk, no write permission) becomes a WorkspaceError.
    """
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(out_dir)
        root = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.bouw-{os.getpid()}-", dir=parent))
    except OSError as exc:
        raise WorkspaceError(f"kan geen werkmap maken naast {out_dir}: {reason(exc)}") from exc
    try:
        yield Workspace(root)
    except OSError as exc:
        raise WorkspaceError(f"kan de nieuwe versie niet schrijven: {reason(exc)}. De vorige versie staat er nog.") from exc
    finally:
        _remove(root)


def swap(new: Path, out_dir: Path) -> str:
    """Put new in place of out_dir; the previous output survives until the new one is in place.

    Returns a note when the previous output could not be removed afterwards (else ""): the new
    output is in place, the old one stays beside it under a unique name until a later build
    manages to remove it.
    """
    old = out_dir.with_name(f".{out_dir.name}.oud-{os.getpid()}-{time.monotonic_ns()}")
    try:
        if out_dir.exists():
            out_dir.rename(old)
        new.rename(out_dir)
    except OSError as exc:
        if old.exists() and not out_dir.exists():
            old.rename(out_dir)  # put the previous output back
        raise WorkspaceError(f"kan {out_dir} niet vervangen: {reason(exc)}. De vorige versie staat er nog.") from exc
    failed = _remove(old)
    if failed is None:
        return ""
    return (f"de vorige versie kon niet helemaal worden opgeruimd ({reason(failed)}); de map {old} blijft staan. "
            "Dat is onschadelijk: de volgende bouw probeert het opnieuw, of verwijder de map zelf.")


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<soort>oud|bouw)-(?P<pid>\d+)-.+")


def _clean_leftovers(out_dir: Path) -> None:
    """Remove work folders and old outputs of out_dir left by builds that have ended (or by this process)."""
    for entry in out_dir.parent.iterdir():
        match = _LEFTOVER.fullmatch(entry.name)
        if not match or match["name"] != out_dir.name or not entry.is_dir() or entry.is_symlink():
            continue
        pid = int(match["pid"])
        # A work folder of this process may be in use (another build in a thread); an old output never is.
        if _running(pid) and not (pid == os.getpid() and match["soort"] == "oud"):
            continue
        _remove(entry)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


def _remove(path: Path) -> OSError | None:
    """Remove a folder of ours, read-only files included; the error when something stays behind."""
    if not path.exists():
        return None

    def make_writable(function: object, target: str, _exc: object) -> None:
        os.chmod(target, 0o700)
        if os.path.isdir(target):
            shutil.rmtree(target)
        else:
            os.unlink(target)

    try:
        for folder in [path, *path.rglob("*")]:
            if folder.is_dir() and not folder.is_symlink():
                os.chmod(folder, 0o700)
        shutil.rmtree(path, onerror=make_writable)
    except OSError as exc:
        return exc
    return None
