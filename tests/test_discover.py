"""Which files in a content folder are read, and what is skipped with a reason (issue 8, sections 3-5)."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from conftest import content_tree
from generator.build import check
from generator.discover import yaml_files
from generator.problems import ContentError


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "barriers"
    folder.mkdir()
    (folder / "b.yaml").write_text("id: b\n")
    (folder / "a.yml").write_text("id: a\n")
    return folder


def _skipped(problems) -> dict[str, tuple[str, str, str]]:
    return {p.path: (p.ernst, p.regel, p.message) for p in problems}


def test_regular_files_sorted(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "README.md").write_text("uitleg")
    (folder / ".gitkeep").write_text("")
    (folder / "archief").mkdir()
    files, problems = yaml_files(tmp_path, "barriers")
    assert files == ["barriers/a.yml", "barriers/b.yaml"]
    assert problems == []  # files that do not look like YAML are left alone silently


def test_missing_folder(tmp_path: Path) -> None:
    assert yaml_files(tmp_path, "barriers") == ([], [])


@pytest.mark.parametrize("name, ernst, words", [
    ("nieuw.YAML", "waarschuwing", ["kleine letters", "hernoem het dan naar nieuw.yaml"]),
    ("nieuw.Yml", "waarschuwing", ["kleine letters", "nieuw.yml"]),
    ("x.yaml.txt", "waarschuwing", [".txt", "Kladblok", "hernoem het dan naar x.yaml"]),
    ("x.yaml ", "waarschuwing", ["alleen namen die op .yaml of .yml eindigen", "x.yaml"]),
    (".#x.yaml", "waarschuwing", ["vergrendel"]),
    (".~lock.x.yaml#", "waarschuwing", ["vergrendel"]),
    ("#x.yaml#", "waarschuwing", ["vergrendel"]),
    ("~x.yaml", "waarschuwing", ["reservekopie"]),
    ("x.yaml~", "waarschuwing", ["reservekopie"]),
    ("x.yaml.bak", "waarschuwing", ["reservekopie"]),
    (".x.yaml.swp", "waarschuwing", ["tijdelijk"]),
    (".verborgen.yaml", "waarschuwing", ["verborgen", "verborgen.yaml"]),
])
def test_skipped_with_reason(tmp_path: Path, name: str, ernst: str, words: list[str]) -> None:
    folder = _folder(tmp_path)
    (folder / name).write_text("id: x\n")
    files, problems = yaml_files(tmp_path, "barriers")
    assert files == ["barriers/a.yml", "barriers/b.yaml"]
    assert [(p.path, p.ernst, p.regel, p.line) for p in problems] == [(f"barriers/{name}", ernst, "genegeerd-bestand", 0)]
    for word in words:
        assert word in problems[0].message, problems[0].message


def test_emacs_lock_file_is_a_dangling_symlink(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".#b.yaml").symlink_to("gebruiker@laptop.12345:1700000000")
    files, problems = yaml_files(tmp_path, "barriers")
    assert files == ["barriers/a.yml", "barriers/b.yaml"]
    assert [(p.ernst, p.regel) for p in problems] == [("waarschuwing", "genegeerd-bestand")]


def test_folder_named_like_yaml(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "oud.yaml").mkdir()
    (folder / "oud.yaml" / "c.yaml").write_text("id: c\n")
    files, problems = yaml_files(tmp_path, "barriers")
    assert files == ["barriers/a.yml", "barriers/b.yaml"]
    assert _skipped(problems)["barriers/oud.yaml"][:2] == ("waarschuwing", "genegeerd-bestand")
    assert "is een map" in problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_is_an_error_and_never_opened(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pijp.yaml")
    signal.alarm(5)
    try:
        files, problems = yaml_files(tmp_path, "barriers")
    finally:
        signal.alarm(0)
    assert "barriers/pijp.yaml" not in files
    assert _skipped(problems)["barriers/pijp.yaml"][:2] == ("fout", "geen-bestand")
    assert "named pipe" in problems[0].message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "nul.yaml").symlink_to("/dev/zero")
    files, problems = yaml_files(tmp_path, "barriers")
    assert "barriers/nul.yaml" not in files
    assert _skipped(problems)["barriers/nul.yaml"][:2] == ("fout", "geen-bestand")
    assert "symlink" in problems[0].message and "apparaat" in problems[0].message


def test_symlinks_to_files_count_dangling_ones_are_errors(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (tmp_path / "elders.yaml").write_text("id: c\n")
    (folder / "c.yaml").symlink_to(tmp_path / "elders.yaml")
    (folder / "weg.yaml").symlink_to(tmp_path / "bestaat-niet.yaml")
    files, problems = yaml_files(tmp_path, "barriers")
    assert files == ["barriers/a.yml", "barriers/b.yaml", "barriers/c.yaml"]
    assert _skipped(problems)["barriers/weg.yaml"][:2] == ("fout", "geen-bestand")


def test_loader_uses_discovery(tmp_path: Path) -> None:
    """A lock file, an old folder and Notepad's name no longer crash the check; a pipe is a located error."""
    root = content_tree(tmp_path / "inhoud")
    barriers = root / "barriers"
    some = sorted(barriers.glob("*.yaml"))[0]
    (barriers / f".#{some.name}").symlink_to("gebruiker@laptop.12345:1700000000")
    (barriers / "oud.yaml").mkdir()
    shutil.copy(some, barriers / "oud.yaml" / some.name)
    (barriers / "nieuw.yaml.txt").write_text("id: nieuw\n")
    warnings = {p.path: p for p in check(root).problems if p.ernst == "waarschuwing" and p.regel == "genegeerd-bestand"}
    assert "is een map" in warnings["barriers/oud.yaml"].message  # warnings only: the check passes
    assert "wordt genegeerd" in warnings["barriers/nieuw.yaml.txt"].message
    assert f"barriers/.#{some.name}" in warnings
    if hasattr(os, "mkfifo"):
        os.mkfifo(barriers / "pijp.yaml")
        with pytest.raises(ContentError) as raised:
            check(root)
        assert [str(p) for p in raised.value.problems.sorted()] == [
            "barriers/pijp.yaml: is een named pipe, geen gewoon bestand; wordt niet gelezen"]
