"""The command line as editors and the Makefile use it: exit codes, messages, an untouched site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT, content_tree


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_check_prints_coverage_for_valid_content(mini: Path) -> None:
    result = run("check", "--inhoud", str(mini))
    assert result.returncode == 0, result.stderr
    assert "Dekking" in result.stdout and "huisvesting" in result.stdout


def test_bad_content_fails_with_all_problems_and_no_traceback(tmp_path: Path) -> None:
    root = content_tree(tmp_path / "inhoud", FIXTURES / "fout" / "30-alle-problemen-tegelijk")
    result = run("check", "--inhoud", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (FIXTURES / "fout" / "30-alle-problemen-tegelijk" / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    lines = result.stderr.strip().splitlines()
    assert lines[:-1] == expected
    assert lines[-1].startswith(f"{len(expected)} problemen gevonden")


def test_failed_build_leaves_previous_site_untouched(mini: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = run("site", "--inhoud", str(mini), "--uit", str(site))
    assert first.returncode == 0, first.stderr
    marker = site / "index.html"
    before = marker.read_bytes()
    broken = content_tree(tmp_path / "kapot", FIXTURES / "fout" / "01-tab")
    second = run("site", "--inhoud", str(broken), "--uit", str(site))
    assert second.returncode == 1
    assert "tab gevonden" in second.stderr
    assert marker.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inhoud", "kapot", "site"]


def test_unknown_gemeente_is_a_clear_error(mini: Path, tmp_path: Path) -> None:
    result = run("docs", "--inhoud", str(mini), "--gemeente", "atlantis")
    assert result.returncode == 1
    assert "gemeente 'atlantis' bestaat niet; kies uit: landelijk" in result.stderr


def test_schemas_are_exported_from_the_model(tmp_path: Path) -> None:
    result = run("schemas")
    assert result.returncode == 0, result.stderr
    import json

    schema = json.loads((ROOT / "build" / "schemas" / "barriere.schema.json").read_text(encoding="utf-8"))
    assert {"id", "titel", "signalen", "bronnen"} <= set(schema["required"])
    assert schema["additionalProperties"] is False


def test_version_reads_as_a_release_and_a_date(tmp_path) -> None:
    import re
    import subprocess

    from generator.build import content_version

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path, check=True,
                       capture_output=True, env={"GIT_COMMITTER_DATE": "2026-03-05T12:00:00", "PATH": "/usr/bin:/bin"})

    assert content_version(tmp_path) == "ontwikkelversie"  # not a git checkout
    git("init", "-q")
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    git("add", "x.yaml")
    git("commit", "-qm", "x")
    assert content_version(tmp_path) == "2026.03 (5 maart 2026)"
    git("tag", "v1.4")
    assert content_version(tmp_path) == "1.4 (5 maart 2026)"
    assert not re.search(r"\b[0-9a-f]{7,40}\b", content_version(tmp_path))
