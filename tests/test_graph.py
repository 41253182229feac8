"""The content graph: back-links, orphans and coverage."""

from __future__ import annotations

from pathlib import Path

from generator import graph as graphs
from generator.loader import load
from generator.validators import validate


def test_graph_links_both_ways(mini: Path) -> None:
    content = load(mini)
    graph = graphs.build(content)
    assert graphs.mentioned_by(graph, ("interventies", "adresonderzoek"), "signalen") == ["hv-veel-mensen"]
    assert graphs.mentions(graph, ("signalen", "hv-veel-mensen"), "interventies") == ["adresonderzoek"]
    assert graphs.mentions(graph, ("interventies", "adresonderzoek"), "barrieres") == ["huisvesting"]
    assert graphs.mentioned_by(graph, ("partners", "aandachtsfunctionaris"), "signalen") == ["hv-jongere-hotel"]
    assert set(graphs.mentioned_by(graph, ("bronnen", "bron-b"), "signalen")) == {"hv-jongere-hotel"}


def test_no_orphans_in_valid_corpus(mini: Path) -> None:
    assert [p for p in validate(load(mini)) if p.ernst == "fout"] == []


def test_intervention_named_by_no_signal_is_an_orphan(mini: Path) -> None:
    source = mini / "barriers" / "huisvesting.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("interventies: [adresonderzoek]", "partners: [aandachtsfunctionaris]"), encoding="utf-8")
    problems = [p for p in validate(load(mini)) if p.ernst == "fout"]
    assert [(p.path, p.line, p.regel) for p in problems] == [
        ("interventions/adresonderzoek.yaml", 1, "interventie-niet-genoemd")
    ]


def test_coverage_counts_each_form_of_a_signal(mini: Path) -> None:
    content = load(mini)
    dekking = graphs.coverage(content)
    assert dekking.tellingen == {
        ("huisvesting", "seksuele-uitbuiting"): 1,
        ("huisvesting", "arbeidsuitbuiting"): 1,
        ("huisvesting", "criminele-uitbuiting"): 1,
        ("identiteit", "seksuele-uitbuiting"): 1,
        ("identiteit", "arbeidsuitbuiting"): 1,
        ("identiteit", "criminele-uitbuiting"): 1,
    }
    assert len(dekking.dun(minimum=2)) == 6 and dekking.dun(minimum=1) == []
    report = graphs.coverage_report(content)
    assert "huisvesting" in report and "3 signalen" in report
