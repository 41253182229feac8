"""Generated Markdown: a small golden test, and structure checks on the tiny corpus."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator.build import build
from generator.editie import Editie

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture
def docs(mini: Path, tmp_path: Path) -> Path:
    build(mini, Editie(out_dir=tmp_path / "uit"), stage="docs", say=lambda line: None)
    return tmp_path / "uit" / "docs"


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.md")), ids=lambda p: p.stem)
def test_golden_markdown(docs: Path, golden: Path) -> None:
    """The tiny corpus renders to the reviewed Markdown. BW_GOLDEN_UPDATE=1 rewrites after review."""
    page = docs / golden.stem.replace("-", "/", 1)
    page = page.with_suffix(".md")
    actual = page.read_text(encoding="utf-8")
    if os.environ.get("BW_GOLDEN_UPDATE"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_every_page_has_one_h1_and_the_expected_pages_exist(docs: Path) -> None:
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    expected = {
        "index.md", "barrieremodel.md", "meldroute.md", "stand-van-zaken.md", "begrippen.md", "bronnen.md",
        "barrieres/huisvesting.md", "signalen/hv-veel-mensen.md", "signalen/hv-jongere-hotel.md",
        "interventies/adresonderzoek.md", "interventies/index.md", "partners/index.md",
        "partners/aandachtsfunctionaris.md", "partners/noodnummer-112.md", "matrix/vormen.md", "matrix/interventies.md",
        "ingang/balie.md", "ingang/toezicht.md", "ingang/client.md", "ingang/training.md", "ingang/signaal.md",
        "ingang/aandachtsfunctionaris.md", "a-z.md",
        "partners/zorgcoordinator.md", "beslisbomen/index.md", "beslisbomen/jongere/index.md",
        "beslisbomen/jongere/overzicht.md", "beslisbomen/jongere/strafbaar.md", "beslisbomen/jongere/bel-112.md",
        "beslisbomen/jongere/zorg.md", "beslisbomen/jongere/melden.md",
        "kaarten/index.md", "kaarten/ik-adresonderzoek.md", "combinatiewijzer.md",
        "beslisbomen/jongere/leg-vast/bel-112.md", "beslisbomen/jongere/leg-vast/zorg.md", "beslisbomen/jongere/leg-vast/melden.md",
        "barrieres/identiteit.md", "signalen/id-paspoort-bij-ander.md",
        "training/index.md", "training/casussen/volle-woning.md", "training/oefeningen/samen.md", "training/sessies/balie-kort.md",
    }
    assert pages == expected
    for page in pages:
        text = (docs / page).read_text(encoding="utf-8")
        assert len(re.findall(r"^# ", text, flags=re.M)) == 1, page


def test_tree_pages_answer_with_links_and_show_the_route(docs: Path) -> None:
    start = (docs / "beslisbomen/jongere/index.md").read_text(encoding="utf-8")
    assert start.startswith("---\ntitle: ")  # front matter first, or MkDocs ignores it
    assert "search" not in start.split("---")[1]  # the start page is findable
    assert "[Ja](../../beslisbomen/jongere/bel-112.md){ .antwoord }" in start
    assert "[Nee](../../beslisbomen/jongere/strafbaar.md){ .antwoord }" in start
    question = (docs / "beslisbomen/jongere/strafbaar.md").read_text(encoding="utf-8")
    assert "exclude: true" in question.split("---")[1]
    route = re.findall(r"^1\. (.*)$", question, flags=re.M)
    assert route == ["Is er nu gevaar? **Nee**"]
    outcome = (docs / "beslisbomen/jongere/zorg.md").read_text(encoding="utf-8")
    assert "(../../partners/zorgcoordinator.md)" in outcome and "{ .antwoord }" not in outcome
    overview = (docs / "beslisbomen/jongere/overzicht.md").read_text(encoding="utf-8")
    assert overview.count("<svg") == 1 and 'href="strafbaar.html"' in overview


def test_links_between_pages_point_both_ways(docs: Path) -> None:
    signal = (docs / "signalen/hv-veel-mensen.md").read_text(encoding="utf-8")
    intervention = (docs / "interventies/adresonderzoek.md").read_text(encoding="utf-8")
    barrier = (docs / "barrieres/huisvesting.md").read_text(encoding="utf-8")
    assert "(../interventies/adresonderzoek.md)" in signal
    assert "(../signalen/hv-veel-mensen.md)" in intervention
    assert "(../barrieres/huisvesting.md)" in signal and "(../signalen/hv-veel-mensen.md)" in barrier


def test_criminal_exploitation_signal_asks_dader_of_slachtoffer(docs: Path) -> None:
    criminal = (docs / "signalen/hv-jongere-hotel.md").read_text(encoding="utf-8")
    labour = (docs / "signalen/hv-veel-mensen.md").read_text(encoding="utf-8")
    assert "begrippen.md#non-punishmentbeginsel" in criminal
    assert "begrippen.md#non-punishmentbeginsel" not in labour


def test_search_terms_and_ids_are_on_the_page(docs: Path) -> None:
    signal = (docs / "signalen/hv-veel-mensen.md").read_text(encoding="utf-8")
    assert "overbewoning, matrasverhuur" in signal
    assert "ID: hv\\-veel\\-mensen" in signal


def test_abbreviations_file_for_every_page(docs: Path) -> None:
    abbreviations = (docs.parent / "includes" / "afkortingen.md").read_text(encoding="utf-8")
    # The words it stands for and what it is (the first sentence of the begrip), not just the letters.
    assert abbreviations.strip() == "*[BRP]: Basisregistratie Personen: De registratie van inwoners."


def test_the_chosen_gemeente_fills_the_contacts(mini: Path, tmp_path: Path) -> None:
    profile = mini / "content" / "gemeenten" / "proefstad.yaml"
    profile.write_text(
        (mini / "content" / "gemeenten" / "landelijk.yaml").read_text(encoding="utf-8")
        .replace("id: landelijk", "id: proefstad").replace("naam: Landelijke standaard", "naam: Gemeente Proefstad")
        .replace("naam: Aandachtsfunctionaris van je gemeente", "naam: Team Veiligheid Proefstad\n    telefoon: 050-1234567"),
        encoding="utf-8",
    )
    # A contact with a direct number is intern by default: only the internal edition shows it.
    for publiek, shown in (("intern", True), ("publiek", False)):
        build(mini, Editie(out_dir=tmp_path / publiek, gemeente="proefstad", publiek=publiek), stage="docs", say=lambda line: None)
        meldroute = (tmp_path / publiek / "docs" / "meldroute.md").read_text(encoding="utf-8")
        assert "Gemeente Proefstad" in meldroute
        assert ("[050\\-1234567](tel:0501234567)" in meldroute) is shown, publiek
