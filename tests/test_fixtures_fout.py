"""Every malformed input in tests/fixtures/fout gets exactly the expected Dutch messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, content_tree
from generator.build import check
from generator.problems import ContentError

CASES = sorted(p for p in (FIXTURES / "fout").iterdir() if p.is_dir())


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported(case: Path, tmp_path: Path) -> None:
    root = content_tree(tmp_path / "inhoud", case)
    with pytest.raises(ContentError) as raised:
        check(root)
    expected = (case / "verwacht.txt").read_text(encoding="utf-8").splitlines()
    actual = [str(p) for p in raised.value.problems.sorted()]
    assert actual == [line for line in expected if line.strip()]
