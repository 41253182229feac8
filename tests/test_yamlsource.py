"""Reading YAML safely: positions, and what editors and attackers get wrong."""

from __future__ import annotations

from pathlib import Path

from generator.yamlsource import read


def _read(tmp_path: Path, text: str | bytes):
    file = tmp_path / "x.yaml"
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read(file, "x.yaml")


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    doc = _read(tmp_path, "id: a\nlijst:\n  - een\n  - twee: 2\n")
    assert doc.problems == []
    assert doc.data == {"id": "a", "lijst": ["een", {"twee": 2}]}
    assert doc.position(("lijst", 1, "twee")) == (4, 11)
    assert doc.position(("lijst", 1, "twee"), key=True) == (4, 5)
    assert doc.position(("lijst", 0)) == (3, 5)
    # Unknown paths fall back to the nearest known parent.
    assert doc.position(("lijst", 1, "bestaat-niet")) == (4, 5)


def test_yes_and_no_stay_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: no\nb: yes\nc: true\n")
    assert doc.data == {"a": "no", "b": "yes", "c": True}


def test_bom_is_ignored(tmp_path: Path) -> None:
    doc = _read(tmp_path, "\ufeffid: a\n")
    assert doc.problems == [] and doc.data == {"id": "a"}


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefghijklmnop"):
        previous = "abcdefghijklmnop"[i]
        lines.append(f"{name}: &{name} [" + ",".join(f"*{previous}" for _ in range(10)) + "]")
    doc = _read(tmp_path, "\n".join(lines))
    assert [p.line for p in doc.problems] == [1]
    assert "ankers" in doc.problems[0].message
    assert doc.data is None  # rejected while parsing, before anything was built from it


def test_every_tab_is_reported(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a:\n\t- b\nc: d\t\n")
    assert [(p.line, p.column) for p in doc.problems] == [(2, 1), (3, 5)]


def test_too_large_file(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: " + "x" * 1_000_001)
    assert len(doc.problems) == 1 and "te groot" in doc.problems[0].message


def test_bad_byte_position(tmp_path: Path) -> None:
    doc = _read(tmp_path, b"a: b\nc: caf\xe9\n")
    assert [(p.line, p.column) for p in doc.problems] == [(2, 7)]


def test_non_string_key(tmp_path: Path) -> None:
    doc = _read(tmp_path, "? [a, b]\n: c\n")
    assert [p.message for p in doc.problems] == ["een sleutel moet een woord zijn"]


def test_only_a_document_marker_is_empty(tmp_path: Path) -> None:
    doc = _read(tmp_path, "---\n# alleen commentaar\n")
    assert [(p.line, p.regel, p.message) for p in doc.problems] == [(1, "leeg-bestand", "bestand is leeg")]


def test_every_problem_has_a_rule_id(tmp_path: Path) -> None:
    for text in ("a:\n\t- b\n", b"a: caf\xe9\n", "", "a: 1\na: 2\n", "? [a, b]\n: c\n", "a: 2014-13-45\n", "a: " + "x" * 1_000_001):
        doc = _read(tmp_path, text)
        assert doc.problems and all(p.regel and p.ernst == "fout" for p in doc.problems), doc.problems
