"""The build's own folders (issue 8 §3): a full disk, a file that cannot be removed, a failed swap.

Each gives a Dutch message (never "Interne fout"), leaves the previous output in place or
recoverable, and the next build works. The failures are simulated (as root, chmod stops nothing);
the builds stop after the Markdown stage, which goes through the same work folder and swap as a site.
"""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import mkdocs_run, workspace
from generator.__main__ import main
from generator.build import BuildError, build
from generator.editie import Editie
from generator.workspace import Workspace, WorkspaceError, swap

ENGLISH = ("No space", "Permission denied", "Errno", "Traceback")


def _docs(root: Path, out: Path, said: list[str] | None = None) -> None:
    build(root, Editie(out_dir=out), stage="docs", say=(said.append if said is not None else lambda line: None))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def _full_disk_in_work_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pathlib.Path.write_text

    def write_text(self: Path, *args, **kwargs) -> int:
        if ".bouw-" in str(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", write_text)


def test_full_disk_keeps_the_previous_output_and_the_next_build_works(mini: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uit"
    _docs(mini, out)
    before = _snapshot(out)
    (mini / "barriers" / "huisvesting.yaml").write_text(
        (mini / "barriers" / "huisvesting.yaml").read_text(encoding="utf-8").replace("titel: Huisvesting", "titel: Wonen"),
        encoding="utf-8")
    with monkeypatch.context() as patch:
        _full_disk_in_work_folders(patch)
        with pytest.raises(BuildError) as raised:
            _docs(mini, out)
    message = str(raised.value)
    assert "de schijf is vol" in message and "De vorige versie staat er nog" in message
    assert not any(word in message for word in ENGLISH), message
    assert _snapshot(out) == before  # untouched
    assert _leftovers(tmp_path) == []  # the work folder is gone
    _docs(mini, out)  # the disk has room again
    assert _snapshot(out) != before


def test_full_disk_on_the_command_line_is_not_an_internal_error(mini: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _full_disk_in_work_folders(monkeypatch)
    code = main(["docs", "--inhoud", str(mini), "--uit", str(tmp_path / "uit")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Interne fout" not in err and "de schijf is vol" in err
    assert not (tmp_path / "uit").exists()


def test_full_disk_while_mkdocs_writes_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs runs in its own process: its traceback for a full disk becomes the same Dutch reason."""
    stderr = ("INFO    -  Building documentation...\nTraceback (most recent call last):\n  File \"x\", line 1\n"
              f"OSError: [Errno 28] No space left on device: '{tmp_path}/site/index.html'\n")
    monkeypatch.setattr(mkdocs_run.subprocess, "run",
                        lambda *args, **kwargs: subprocess.CompletedProcess(args, 1, stdout="", stderr=stderr))
    with pytest.raises(mkdocs_run.MkDocsError) as raised:
        mkdocs_run.run(Workspace(tmp_path))
    assert str(raised.value) == f"de schijf is vol; maak ruimte vrij en bouw opnieuw ({tmp_path}/site/index.html)"


def test_an_old_output_that_cannot_be_removed_is_reported_and_cleaned_up_later(mini: Path, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "uit"
    _docs(mini, out)
    real = shutil.rmtree

    def rmtree(path, *args, **kwargs) -> None:
        if ".uit.oud-" in str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        real(path, *args, **kwargs)

    said: list[str] = []
    with monkeypatch.context() as patch:
        patch.setattr(workspace.shutil, "rmtree", rmtree)
        _docs(mini, out, said)  # the new output goes in; the old one cannot be removed
    left = _leftovers(tmp_path)
    assert len(left) == 1 and left[0].startswith(".uit.oud-")
    notes = [line for line in said if line.startswith("Let op:")]
    assert len(notes) == 1 and left[0] in notes[0] and "geen schrijfrechten" in notes[0]
    assert not any(word in notes[0] for word in ENGLISH)
    assert (out / "docs" / "index.md").exists()
    _docs(mini, out)  # the next build removes it
    assert _leftovers(tmp_path) == []


def test_leftovers_of_ended_builds_are_removed_those_of_running_ones_kept(mini: Path, tmp_path: Path) -> None:
    ended = 2**22 + 1  # above Linux's highest process id: no such process
    running = os.getppid()
    for name in (f".uit.bouw-{ended}-abc", f".uit.oud-{ended}-1", f".uit.bouw-{running}-abc", f".uit.oud-{running}-1",
                 f".ander.bouw-{ended}-abc", ".uit.bouw-oud"):
        (tmp_path / name / "docs").mkdir(parents=True)
    _docs(mini, tmp_path / "uit")
    assert _leftovers(tmp_path) == sorted([f".uit.bouw-{running}-abc", f".uit.oud-{running}-1",
                                           f".ander.bouw-{ended}-abc", ".uit.bouw-oud"])


def test_a_failed_swap_puts_the_previous_output_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, new = tmp_path / "uit", tmp_path / "nieuw"
    out.mkdir()
    (out / "a.txt").write_text("oud")
    new.mkdir()
    (new / "a.txt").write_text("nieuw")
    real = pathlib.Path.rename

    def rename(self: Path, target):
        if self == new:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))
        return real(self, target)

    monkeypatch.setattr(pathlib.Path, "rename", rename)
    with pytest.raises(WorkspaceError) as raised:
        swap(new, out)
    assert "in gebruik" in str(raised.value) and "De vorige versie staat er nog" in str(raised.value)
    assert (out / "a.txt").read_text() == "oud"
    assert _leftovers(tmp_path) == []
