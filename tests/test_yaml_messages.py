"""Every class of YAML mistake gets a located Dutch message with a rule id (issue 8, sections 2 and 3).

Each case feeds a real input through libyaml, so a new libyaml wording that slips past the
translation shows up here as English text or a wrong place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import yamlsource
from generator.yamlsource import read

ENGLISH = re.compile(
    r"\b(while|scanning|parsing|expected|found|could|not|allowed|mapping|character|token|stream|"
    r"context|indicator|cannot|undefined|duplicate|position|unicode string|control characters)\b",
    re.IGNORECASE,
)


def _read(tmp_path: Path, text: str | bytes):
    file = tmp_path / "x.yaml"
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read(file, "x.yaml")


def _assert_dutch(problem) -> None:
    assert problem.regel, problem
    assert problem.ernst in ("fout", "waarschuwing")
    assert not ENGLISH.search(problem.message), problem.message
    assert problem.line >= 1 and problem.column >= 1, problem


# (id, input, (line, column), rule, words the Dutch message must contain)
CASES = [
    # section 2: syntax
    ("dubbele-punt-in-tekst", "id: a\ntitel: Wonen: slapen\n", (2, 13), "yaml-syntax",
     ["aanhalingstekens", 'titel: "Wonen: slapen"']),
    ("dubbele-punt-in-lijstregel", "lijst:\n  - Wonen: slapen: nu\n", (2, 18), "yaml-syntax",
     ["aanhalingstekens", '- Wonen: "slapen: nu"']),
    ("dubbele-punt-met-aanhalingsteken-in-tekst", 'titel: Het "huis": wonen\n', (1, 18), "yaml-syntax",
     ["'Het \"huis\": wonen'"]),
    ("gekrulde-aanhalingstekens", "titel: \u201cWonen: slapen\u201d\n", (1, 14), "yaml-syntax",
     ["gekrulde aanhalingstekens", "rechte", 'titel: "Wonen: slapen"']),
    ("vierkant-haakje-niet-gesloten", "a: [b, c\nd: e\n", (1, 4), "yaml-syntax", ["'['", "niet afgesloten", "']'"]),
    ("vierkant-haakje-tot-het-eind", "a: [b, c", (1, 4), "yaml-syntax", ["'['", "niet afgesloten"]),
    ("komma-ontbreekt-in-lijst", "a: [b: c: d]\n", (1, 9), "yaml-syntax", ["komma", "aanhalingstekens"]),
    ("accolade-niet-gesloten", "a: {b: c\nd: e\n", (1, 4), "yaml-syntax", ["het blok dat hier begint", "'}'"]),
    ("onbekende-escape", 'pad: "G:\\Beleid"\n', (1, 9), "yaml-syntax", ["'\\B'", "enkele aanhalingstekens"]),
    ("ongeldige-tekencode", 'a: "\\uZZZZ"\n', (1, 5), "yaml-syntax", ["'\\u'", "tekencode"]),
    ("aanhalingsteken-nergens-gesloten", 'a: b\nc: "de tekst\n', (2, 4), "yaml-syntax", ["nergens gesloten"]),
    ("enkel-aanhalingsteken-nergens-gesloten", "a: b\nc: 'de tekst\n", (2, 4), "yaml-syntax", ["(')", "nergens gesloten"]),
    ("aanhalingsteken-loopt-door", 'id: a\ntitel: "Adres\nsoort: b\nx: "c"\n', (2, 8), "yaml-syntax",
     ["niet gesloten", "tot regel 4"]),
    ("aanhalingsteken-voor-document-regel", 'a: "b\n---\nc"\n', (1, 4), "yaml-syntax", ["---"]),
    ("tekst-na-aanhalingsteken", 'samenvatting: "Een" en "twee"\n', (1, 21), "yaml-syntax",
     ["na het sluitende aanhalingsteken", "enkele aanhalingstekens"]),
    ("inspringen-te-ver", "id: a\nsamenvatting: \"Een: twee\"\n  fout: ingesprongen\n", (3, 3), "yaml-syntax",
     ["inspringen", "kolom 3", "kolom 1"]),
    ("inspringen-te-weinig", "a:\n  b: c\n d: e\n", (3, 2), "yaml-syntax", ["inspringen", "kolom 2"]),
    ("regel-springt-in-onder-waarde", "a: b\n  c: d\n", (2, 4), "yaml-syntax", ["past", "regel 1", "inspringen"]),
    ("tekst-zonder-sleutel", "a: b\nlosse tekst\nd: e\n", (2, 1), "yaml-syntax", ["zonder 'sleutel:'", "spring"]),
    ("lijstregel-waar-sleutel-hoort", "a: b\n- c\n", (2, 1), "yaml-syntax", ["lijstregel", "sleutel"]),
    ("sleutel-waar-lijstregel-hoort", "- a\nb: c\n", (2, 1), "yaml-syntax", ["lijstregel '- '", "regel 1"]),
    ("lijst-achter-sleutel-op-zelfde-regel", "a: - b\n", (1, 4), "yaml-syntax", ["lijstregel", "nieuwe regel"]),
    ("tekst-begint-met-apenstaart", "a: @gemeente\n", (1, 4), "yaml-syntax", ["'@'", "aanhalingstekens"]),
    ("tekst-begint-met-backtick", "a: `code`\n", (1, 4), "yaml-syntax", ["'`'"]),
    ("tekst-achter-blokteken", "a: | tekst\n  meer\n", (1, 6), "yaml-syntax", ["na | of >", "volgende regel"]),
    ("nul-als-inspringcijfer", "a: |0\n  b\n", (1, 5), "yaml-syntax", ["na | of >"]),
    ("haakje-sluiten-zonder-openen", "a: ]\n", (1, 4), "yaml-syntax", ["']'", "'['"]),
    ("lege-sleutel-in-blok", "a: {: b}\n", (1, 5), "yaml-syntax", ["ontbreekt een waarde"]),
    ("dubbele-punt-zonder-sleutel", ": a\n", (1, 1), "yaml-syntax", ["geen sleutel"]),
    ("tekst-na-document-einde", "a: 1\n...\nb: 2\n", (3, 1), "meerdere-documenten", ["..."]),
    ("tweede-document", "a: 1\n---\nb: 2\n", (2, 1), "meerdere-documenten", ["tweede document", "---"]),
    ("ankers-dubbel", "a: &x 1\nb: &x 2\n", (1, 4), "alias", ["ankers", "nog 1 keer"]),
    ("onbekende-verwijzing", "a: *x\n", (1, 4), "alias", ["verwijzingen"]),
    ("markdown-nadruk-vooraan", "a: *nadruk* tekst\n", (1, 4), "alias", ["*nadruk*", "aanhalingstekens"]),
    ("anker-zonder-naam", "a: & b\n", (1, 4), "alias", ["ankers"]),
    ("tag-python", "a: !!python/name:os.system b\n", (1, 4), "tag", ["tags", "niet toegestaan"]),
    ("tag-als-tekst", "titel: !Belangrijk\n", (1, 8), "tag", ["begint een tekst met !"]),
    ("tag-kapot", "a: !<x b\n", (1, 4), "tag", ["tags"]),
    ("tag-onbekende-handle", "a: !x!y b\n", (1, 4), "tag", ["tags"]),
    ("procent-instructie", "%YAML 1.1\n---\na: b\n", (1, 1), "yaml-instructie", ["%"]),
    ("procent-regel-in-tekst", "a: b\n%c\n", (2, 1), "yaml-instructie", ["%", "aanhalingstekens"]),
    # control characters and invisible characters (section 2 and 3)
    ("nul-teken", "a: b\nc: d\x00e\n", (2, 5), "controleteken", ["NUL", "U+0000"]),
    ("nul-teken-na-accent", "é: ca\x00\n", (1, 6), "controleteken", ["NUL"]),
    ("verticale-tab-uit-word", "a: b\nc: d\x0be\n", (2, 5), "controleteken", ["verticale tab", "Enter"]),
    ("pagina-einde", "a: b\x0c\n", (1, 5), "controleteken", ["pagina-einde"]),
    ("escape-teken", "a: \x1b[0m\n", (1, 4), "controleteken", ["escape"]),
    ("del-teken", "a: b\x7f\n", (1, 5), "controleteken", ["DEL"]),
    ("c1-stuurteken", "a: b\x9dc\n", (1, 5), "controleteken", ["U+009D"]),
    ("nel-regeleinde", "a: b\x85c\n", (1, 5), "controleteken", ["regeleinde", "U+0085"]),
    ("line-separator", "a: b\u2028c\n", (1, 5), "controleteken", ["U+2028"]),
    ("bom-midden-in-bestand", "a: b\n\ufeffc: d\n", (2, 1), "controleteken", ["BOM"]),
    ("ongeldig-teken-ffff", "a: b\uffff\n", (1, 5), "controleteken", ["U+FFFF"]),
    ("vaste-spatie-inspringen", "a:\n\u00a0\u00a0b: c\n", (2, 1), "vaste-spatie", ["vaste spatie", "inspringen"]),
    ("vaste-spatie-inspringen-na-spaties", "a:\n  b: c\n \u00a0d: e\n", (3, 2), "vaste-spatie", ["inspringen"]),
    ("vaste-spatie-na-dubbele-punt", "a:\u00a0b\n", (1, 3), "vaste-spatie", ["na de dubbele punt"]),
    ("vaste-spatie-na-streepje", "a:\n  -\u00a0b\n", (2, 4), "vaste-spatie", ["na het streepje"]),
    ("vaste-spatie-in-sleutel", "titel\u00a0: a\n", (1, 1), "sleutel-ongeldig", ["vaste spatie"]),
    ("onzichtbaar-teken-in-sleutel", "titel\u200b: a\n", (1, 1), "sleutel-ongeldig", ["U+200B"]),
    # section 3: keys and values that used to crash or mislead
    ("samenvoeg-sleutel", "<<: {a: 1}\nb: 2\n", (1, 1), "sleutel-ongeldig", ["'<<'", "voluit"]),
    ("onmogelijke-datum-als-sleutel", "2027-13-45: a\n", (1, 1), "sleutel-ongeldig", ["'2027-13-45'", "datum"]),
    ("datum-als-sleutel", "2027-01-01: a\n", (1, 1), "sleutel-ongeldig", ["datum"]),
    ("tag-op-sleutel", "!!str a: 1\n", (1, 1), "tag", ["tags"]),
    ("lijst-als-sleutel", "? [a, b]\n: c\n", (1, 3), "sleutel-ongeldig", ["woord"]),
    ("waar-als-sleutel", "true: a\n", (1, 1), "sleutel-ongeldig", ["ja/nee"]),
    ("nan", "a: .nan\n", (1, 4), "waarde-ongeldig", ["'.nan'", "geen getal", "aanhalingstekens"]),
    ("inf", "a: -.inf\n", (1, 4), "waarde-ongeldig", ["oneindig"]),
    ("onmogelijke-datum", "a: 2014-13-45\n", (1, 4), "waarde-ongeldig", ["JJJJ-MM-DD"]),
    ("getal-van-5000-cijfers", "a: " + "9" * 5000 + "\n", (1, 4), "waarde-ongeldig", ["5000 tekens", "te lang"]),
    ("tab", "a:\n\t- b\n", (2, 1), "tab", ["tab", "spaties"]),
]


@pytest.mark.parametrize("text, position, regel, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mistake_gets_located_dutch_message(tmp_path: Path, text: str, position, regel: str, words: list[str]) -> None:
    doc = _read(tmp_path, text)
    assert doc.problems, "expected a problem"
    for problem in doc.problems:
        _assert_dutch(problem)
    first = min(doc.problems, key=lambda p: (p.line, p.column))
    assert (first.line, first.column) == position, str(first)
    assert first.regel == regel, str(first)
    for word in words:
        assert word in first.message, first.message
    assert "datum" not in first.message or regel in ("sleutel-ongeldig", "waarde-ongeldig")


def test_each_case_has_its_own_id() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


def test_tag_is_not_mistaken_for_a_date(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: !!python/name:os.system ''\n")
    assert [p.regel for p in doc.problems] == ["tag"]
    assert "datum" not in doc.problems[0].message


def test_values_that_look_special_stay_text(tmp_path: Path) -> None:
    """'=' and '<<' as values, '=' as key and 12:30 (base 60 in YAML 1.1) are plain text."""
    doc = _read(tmp_path, "a: <<\nb: =\n=: c\ntijd: 12:30\nduur: 1:30.5\ngetal: 12\n")
    assert doc.problems == []
    assert doc.data == {"a": "<<", "b": "=", "=": "c", "tijd": "12:30", "duur": "1:30.5", "getal": 12}


def test_every_problem_of_the_token_scan_at_once(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: !!str b\nc: &x d\ne: *x\n---\nf: g\n")
    assert sorted(p.regel for p in doc.problems) == ["alias", "meerdere-documenten", "tag"]
    assert doc.data is None


def test_many_equal_problems_are_summarised(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: b\x00\n" * 100)
    assert len(doc.problems) == yamlsource.MAX_SAME + 1
    assert "nog 80 keer" in doc.problems[-1].message and doc.problems[-1].line == yamlsource.MAX_SAME + 1
    assert all(p.regel == "controleteken" for p in doc.problems)


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: b\r\nc: d\r\ntitel: Wonen: slapen\r\n")
    assert [(p.line, p.column) for p in doc.problems] == [(3, 13)]


def test_reader_error_from_libyaml_is_translated() -> None:
    """libyaml reports control characters with a byte offset ('position 27'); that becomes line:column."""
    text = "é: b\nc: d\x00\n"
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.compose(text, Loader=yamlsource._Loader)
    line, column, message, regel = yamlsource._translate(raised.value, text, yamlsource._Lines(text), yamlsource._Scan())
    assert (line, column, regel) == (2, 5, "controleteken")
    assert "NUL" in message and not ENGLISH.search(message)


# Every problem and context string in libyaml 0.2.5 and PyYAML's composer/constructor (from the
# compiled _yaml module). Inputs above reach the common ones; this makes sure none of the
# rest can ever reach an editor in English, whatever position it comes with.
LIBYAML_STRINGS = [
    "block sequence entries are not allowed in this context",
    "control characters are not allowed",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected '!'",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexdecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "expected a single document in the stream",
    "but found another document",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found duplicate anchor; first occurrence",
    "second occurrence",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined alias",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unexpected non-alphabetical character",
    "found unknown directive name",
    "found unknown escape character",
    "incompatible %YAML directive",
    "input is too long",
    "invalid Unicode character",
    "invalid leading UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "invalid trailing UTF-8 octet",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
    "could not determine a constructor for the tag '!x'",
    "expected <block end>, but found '<block mapping start>'",
    "something libyaml may say in a future version",
]
CONTEXTS = [
    None,
    "while parsing a %TAG directive",
    "while parsing a block collection",
    "while parsing a block mapping",
    "while parsing a block node",
    "while parsing a flow mapping",
    "while parsing a flow node",
    "while parsing a flow sequence",
    "while parsing a node",
    "while parsing a quoted scalar",
    "while parsing a tag",
    "while scanning a %TAG directive",
    "while scanning a %YAML directive",
    "while scanning a block scalar",
    "while scanning a directive",
    "while scanning a plain scalar",
    "while scanning a quoted scalar",
    "while scanning a simple key",
    "while scanning a tag",
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning for the next token",
    "while constructing a Python object",
]


@pytest.mark.parametrize("problem", LIBYAML_STRINGS)
def test_no_libyaml_wording_reaches_the_editor(problem: str) -> None:
    text = "a: b\n  c: 'd\ne: [f\n"
    lines = yamlsource._Lines(text)
    for context in CONTEXTS:
        for problem_mark, context_mark in (((1, 3), (0, 0)), ((2, 0), None), ((0, 0), (2, 3))):
            marks = [yaml.Mark("x", 0, *m, None, None) if m else None for m in (problem_mark, context_mark)]
            exc = yaml.MarkedYAMLError(context, marks[1], problem, marks[0])
            line, column, message, regel = yamlsource._translate(exc, text, lines, yamlsource._Scan())
            assert line >= 1 and column >= 1 and regel
            assert not ENGLISH.search(message), (problem, context, message)


@pytest.mark.parametrize("text, position, regel", [c[1:4] for c in CASES], ids=[c[0] for c in CASES])
def test_whole_check_reports_it_without_internal_error(tmp_path: Path, text: str, position, regel: str) -> None:
    """Through the loader: a located problem for the file, never another exception ('Interne fout')."""
    from conftest import content_tree
    from generator.build import check
    from generator.problems import ContentError

    root = content_tree(tmp_path / "inhoud")
    (root / "barriers" / "huisvesting.yaml").write_bytes(text.encode("utf-8"))
    with pytest.raises(ContentError) as raised:
        check(root)
    found = [(p.line, p.column, p.regel) for p in raised.value.problems.items if p.path == "barriers/huisvesting.yaml"]
    assert (*position, regel) in found, found
