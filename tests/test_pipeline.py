"""The build's stages: rules with ids and places, the site check, editions, builds side by side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from generator.build import BuildError, build, check
from generator.editie import Editie
from generator.loader import load
from generator.problems import ContentError
from generator.validators import VALIDATORS, validate


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, text: str) -> int:
    """The line where text starts in the file: expected places come from the input, not the code."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _found(root: Path) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.regel, p.ernst) for p in validate(load(root))]


def test_every_validator_has_a_unique_id_severity_and_description() -> None:
    ids = [v.id for v in VALIDATORS]
    assert len(ids) == len(set(ids))
    assert all(v.ernst in ("fout", "waarschuwing") and v.beschrijving for v in VALIDATORS)


def test_local_regulation_must_be_named(mini: Path) -> None:
    source = mini / "interventions" / "adresonderzoek.yaml"
    _replace(source, "vereist_lokale_regeling: false", "vereist_lokale_regeling: true")
    assert ("interventions/adresonderzoek.yaml", _line(source, "vereist_lokale"), "lokale-regeling-ontbreekt", "fout") in _found(mini)


def test_intervention_in_preparation_needs_a_date(mini: Path) -> None:
    source = mini / "interventions" / "adresonderzoek.yaml"
    _replace(source, "status: geldend\ngeldig_vanaf: 2014-01-06", "status: in-voorbereiding")
    assert ("interventions/adresonderzoek.yaml", _line(source, "status:"), "geldig-vanaf-ontbreekt", "fout") in _found(mini)


def test_unverified_legal_basis_is_a_warning_and_strict_mode_fails_on_it(mini: Path) -> None:
    found = _found(mini)
    line = _line(mini / "interventions" / "adresonderzoek.yaml", "regeling:")
    assert ("interventions/adresonderzoek.yaml", line, "grondslag-niet-gecontroleerd", "waarschuwing") in found
    check(mini)  # warnings alone do not stop a build
    with pytest.raises(ContentError) as raised:
        check(mini, strikt=True)
    assert "grondslag-niet-gecontroleerd" in {p.regel for p in raised.value.problems.items}


def test_editorial_note_in_a_rendered_field_is_an_error(mini: Path) -> None:
    _replace(mini / "barriers" / "huisvesting.yaml", "waarneming: Verblijft", "waarneming: Eerlijk gezegd verblijft")
    assert [f for f in _found(mini) if f[2] == "redactie-in-tekst"]


def test_reserved_id_is_an_error(mini: Path) -> None:
    target = mini / "interventions" / "index.yaml"
    (mini / "interventions" / "adresonderzoek.yaml").rename(target)
    _replace(target, "id: adresonderzoek", "id: index")
    for path in (mini / "barriers" / "huisvesting.yaml",):
        _replace(path, "interventies: [adresonderzoek]", "interventies: [index]")
    assert ("interventions/index.yaml", 1, "gereserveerde-id", "fout") in _found(mini)


def test_intern_item_is_left_out_of_the_public_edition_and_check_says_so(mini: Path, tmp_path: Path) -> None:
    _replace(mini / "barriers" / "huisvesting.yaml", "  - id: hv-jongere-hotel\n", "  - id: hv-jongere-hotel\n    zichtbaarheid: intern\n")
    assert [f for f in _found(mini) if f[2] == "intern-niet-gepubliceerd" and f[3] == "waarschuwing"]
    tree = mini / "content" / "beslisbomen" / "jongere.yaml"
    with pytest.raises(ContentError) as raised:  # a public tree may not lean on an intern signal
        build(mini, Editie(out_dir=tmp_path / "uit"), stage="docs", say=lambda line: None)
    assert {(p.path, p.regel) for p in raised.value.problems.items} == {("content/beslisbomen/jongere.yaml", "verwijzing-naar-intern")}
    tree.write_text(tree.read_text(encoding="utf-8").replace("[hv-jongere-hotel]", "[]"), encoding="utf-8")
    build(mini, Editie(out_dir=tmp_path / "uit"), stage="docs", say=lambda line: None)
    docs = tmp_path / "uit" / "docs"
    assert not (docs / "signalen" / "hv-jongere-hotel.md").exists()
    assert "hv-jongere-hotel" not in "".join(p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))


def test_site_check_stops_a_dead_link_in_a_markdown_field(mini: Path, tmp_path: Path) -> None:
    _replace(mini / "barriers" / "huisvesting.yaml", "Tekst met", "Zie de [lijst](nergens.md). Tekst met")
    with pytest.raises(ContentError) as raised:
        build(mini, Editie(out_dir=tmp_path / "site"), say=lambda line: None)
    problems = raised.value.problems.items
    assert [(p.path, p.regel) for p in problems] == [("barrieres/huisvesting.html", "dode-link")]
    assert "barriers/huisvesting.yaml" in problems[0].message  # points back to the YAML it came from
    assert not (tmp_path / "site").exists()


def test_two_editions_build_side_by_side(mini: Path, tmp_path: Path) -> None:
    def start(out: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "generator", "site", "--inhoud", str(mini), "--uit", str(tmp_path / out)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    runs = [start("a"), start("b"), start("a2")]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    for out in ("a", "b", "a2"):
        assert (tmp_path / out / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "a2", "b", "inhoud"]  # no work folders left


def test_a_leftover_from_a_crashed_build_does_not_block_the_next(mini: Path, tmp_path: Path) -> None:
    (tmp_path / ".site.bouw-oud").mkdir()
    (tmp_path / "site.nieuw").mkdir()
    (tmp_path / "site.oud").mkdir()
    build(mini, Editie(out_dir=tmp_path / "site"), say=lambda line: None)
    assert (tmp_path / "site" / "index.html").exists()


def test_a_broken_gemeente_name_is_a_clear_error(mini: Path, tmp_path: Path) -> None:
    with pytest.raises(ContentError) as raised:
        build(mini, Editie(out_dir=tmp_path / "site", gemeente="atlantis"), say=lambda line: None)
    assert [p.regel for p in raised.value.problems.items] == ["onbekende-gemeente"]
    with pytest.raises((ContentError, BuildError)):
        build(mini, Editie(out_dir=tmp_path / "site", gemeente="Atlantis!"), say=lambda line: None)


def test_site_check_finds_script_outside_resources_and_broken_structure(mini: Path, tmp_path: Path) -> None:
    from generator.build import prepare
    from generator.sitecheck import check_site

    site = prepare(mini, Editie(out_dir=tmp_path / "site"))
    folder = tmp_path / "gebouwd"
    folder.mkdir()
    page = '<html lang="nl"><head><title>{t}</title></head><body>{b}</body></html>'
    (folder / "index.html").write_text(page.format(t="Start", b='<h1>Start</h1><a href="a.html">a</a> <a href="b.html#weg">b</a>'))
    (folder / "a.html").write_text(page.format(t="A", b='<h1>A</h1><img src="https://cdn.example/x.png" alt="">'
                                                     '<a href="javascript:alert(1)">x</a><p onclick="x()">p</p>'))
    (folder / "b.html").write_text(page.format(t="A", b="<h1>B</h1><h1>Nog een</h1>"))
    (folder / "los.html").write_text(page.format(t="Los", b="<h1>Los</h1>"))
    found = {(p.path, p.regel) for p in check_site(folder, site)}
    assert found == {
        ("a.html", "extern-bestand"), ("a.html", "script-uit-inhoud"),
        ("b.html", "een-h1"), ("b.html", "titel-dubbel"), ("index.html", "dode-link"), ("los.html", "wees-pagina"),
    }


def test_a_new_reference_field_is_checked_linked_and_shown_both_ways(mini: Path, tmp_path: Path) -> None:
    """`samen_met` is one field in model.py (a Ref inside a block) plus the partial that shows it."""
    source = mini / "barriers" / "huisvesting.yaml"
    _replace(source, "  - id: hv-jongere-hotel\n",
             "  - id: hv-jongere-hotel\n    samen_met:\n      - {signaal: hv-veel-mensn, waarom: Samen wijst het op uitbuiting.}\n")
    problems = [p for p in validate(load(mini)) if p.regel == "onbekende-verwijzing"]
    assert [(p.line, "bedoelde je 'hv-veel-mensen'" in p.message) for p in problems] == [(_line(source, "hv-veel-mensn"), True)]
    _replace(source, "signaal: hv-veel-mensn", "signaal: hv-veel-mensen")
    build(mini, Editie(out_dir=tmp_path / "uit"), stage="docs", say=lambda line: None)
    docs = tmp_path / "uit" / "docs" / "signalen"
    assert "(../signalen/hv-veel-mensen.md)" in (docs / "hv-jongere-hotel.md").read_text(encoding="utf-8")
    assert "(../signalen/hv-jongere-hotel.md)" in (docs / "hv-veel-mensen.md").read_text(encoding="utf-8")  # the back-link


def test_a_pasted_wall_of_text_is_refused_quickly(mini: Path) -> None:
    """The Markdown parser is quadratic on '['; a field over the limit is an error, not a hang."""
    from generator.model import MAX_TEKST

    source = mini / "barriers" / "huisvesting.yaml"
    _replace(source, "waarneming: Verblijft in wisselende hotelkamers.", 'waarneming: "' + "[" * (MAX_TEKST + 1) + '"')
    assert ("barriers/huisvesting.yaml", _line(source, 'waarneming: "[['), "ongeldige-waarde", "fout") in _found(mini)


def test_an_internal_edition_is_marked_on_every_page_and_a_public_one_is_not(mini: Path, tmp_path: Path) -> None:
    build(mini, Editie(out_dir=tmp_path / "intern", publiek="intern"), say=lambda line: None)
    build(mini, Editie(out_dir=tmp_path / "publiek"), say=lambda line: None)
    marker = "Interne editie"
    intern_pages = list((tmp_path / "intern").rglob("*.html"))
    assert intern_pages and all(marker in p.read_text(encoding="utf-8") for p in intern_pages)
    assert not any(marker in p.read_text(encoding="utf-8") for p in (tmp_path / "publiek").rglob("*.html"))


def test_two_pages_at_one_path_are_refused_at_their_records(mini: Path) -> None:
    """Ids that run together (card 'sk-' + barrière + '-' + rol) or a future page type must not overwrite a page."""
    from generator.resolve import Page, _fail_on_overwrites

    content = load(mini)
    pages = (Page("a.md", "x", bron=("signalen", "hv-veel-mensen")), Page("b.md", "x"),
             Page("a.md", "x", bron=("interventies", "adresonderzoek")), Page("b.md", "x"))
    with pytest.raises(ContentError) as raised:
        _fail_on_overwrites(pages, content)
    found = {(p.path, p.line, p.regel) for p in raised.value.problems.items}
    assert found == {("b.md", 0, "pagina-dubbel"),
                     ("barriers/huisvesting.yaml", _line(mini / "barriers" / "huisvesting.yaml", "id: hv-veel-mensen"), "pagina-dubbel"),
                     ("interventions/adresonderzoek.yaml", 1, "pagina-dubbel")}
    _fail_on_overwrites(pages[:2], content)  # distinct paths pass
