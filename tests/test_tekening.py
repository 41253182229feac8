"""A decision tree too large to draw (issue 8 §3): a located Dutch problem, never "Interne fout".

A tree just over the size limit is refused by the check, at its 'vragen'. Should Graphviz still
fail on a tree (its limits, or over its time), the build reports that as a problem at the tree's
YAML file, every such tree at once, and the previous output stays in place.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator import diagram, trees
from generator.__main__ import main
from generator.build import build, check
from generator.editie import Editie
from generator.loader import load
from generator.problems import ContentError
from generator.validators import validate

TREE = "content/beslisbomen/jongere.yaml"


def _large_tree(knopen: int) -> str:
    """A valid tree with this many questions and outcomes: the acute question, then a chain of
    questions that each lead to their own outcome on 'Ja' (plus one closing outcome when odd)."""
    chain, closing = (knopen - 2) // 2, knopen % 2 == 1
    vragen = ["  - id: acuut\n    vraag: Is er nu gevaar?\n    soort: acuut\n    antwoorden:\n"
              "      - {tekst: 'Ja', naar: bel-112}\n      - {tekst: 'Nee', naar: v1}\n"]
    uitkomsten = ["  - id: bel-112\n    titel: Bel 112\n    urgentie: acuut\n    doen: [Bel 112.]\n    partners: [noodnummer-112]\n"]
    outcome = "    urgentie: deze-week\n    doen: [Meld intern.]\n    partners: [aandachtsfunctionaris]\n"
    for i in range(1, chain + 1):
        nee = f"v{i + 1}" if i < chain else ("slot" if closing else "u1")
        vragen.append(f"  - id: v{i}\n    vraag: Vraag {i}?\n    antwoorden:\n"
                      f"      - {{tekst: 'Ja', naar: u{i}}}\n      - {{tekst: 'Nee', naar: {nee}}}\n")
        uitkomsten.append(f"  - id: u{i}\n    titel: Uitkomst {i}\n{outcome}")
    if closing:
        uitkomsten.append(f"  - id: slot\n    titel: Slot\n{outcome}")
    return ("id: jongere\ntitel: Jongere met signalen\ninleiding: Voor wie met jongeren werkt.\nrollen: [wijkteam]\n"
            "barrieres: [huisvesting]\nsignalen: [hv-jongere-hotel]\nstrafbare_feiten: false\nstart: acuut\n"
            "vragen:\n" + "".join(vragen) + "uitkomsten:\n" + "".join(uitkomsten) + "bronnen: [bron-b]\n")


@pytest.mark.parametrize("knopen", [trees.MAX_KNOPEN - 1, trees.MAX_KNOPEN, trees.MAX_KNOPEN + 1, trees.MAX_KNOPEN + 2])
def test_tree_size_limit(mini: Path, knopen: int) -> None:
    text = _large_tree(knopen)
    (mini / TREE).write_text(text, encoding="utf-8")
    content = load(mini)
    boom = content.beslisbomen["jongere"]
    assert len(boom.vragen) + len(boom.uitkomsten) == knopen
    found = [(p.path, p.line, p.regel) for p in validate(content) if p.ernst == "fout"]
    first_question = text.splitlines().index("  - id: acuut") + 1  # where the value of 'vragen' starts
    assert found == ([] if knopen <= trees.MAX_KNOPEN else [(TREE, first_question, "boom-te-groot")])


def _graphviz_fails(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    """Graphviz fails on the trees (drawn top to bottom), not on the barrier chain (left to right)."""
    real = subprocess.run

    def run(args, *rest, **kwargs):
        if args[0] == "dot" and "rankdir=TB" in kwargs.get("input", ""):
            raise exc
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(diagram.subprocess, "run", run)
    diagram.render_svg.cache_clear()  # drawings are cached per process


@pytest.fixture(autouse=True)
def fresh_drawings():
    """Drawings are cached per process: start and end without them."""
    diagram.render_svg.cache_clear()
    yield
    diagram.render_svg.cache_clear()


@pytest.mark.parametrize("exc", [
    subprocess.CalledProcessError(1, ["dot"], output="", stderr="Error: trouble in init_rank\n"),
    subprocess.TimeoutExpired(["dot"], 60),
], ids=["graphviz-fout", "graphviz-te-traag"])
def test_graphviz_failure_is_a_problem_at_the_tree(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    exc: Exception) -> None:
    out = tmp_path / "uit"
    build(mini, Editie(out_dir=out), stage="docs", say=lambda line: None)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    _graphviz_fails(monkeypatch, exc)
    with pytest.raises(ContentError) as raised:
        build(mini, Editie(out_dir=out), stage="docs", say=lambda line: None)
    problems = raised.value.problems.items
    path, line, column = check(mini).where("beslisbomen", "jongere")
    assert [(p.path, p.line, p.column, p.regel) for p in problems] == [(TREE, line, column, "boom-tekening")]
    assert (path, line) == (TREE, 1)
    assert "Graphviz" in problems[0].message and "splits" in problems[0].message
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_graphviz_failure_on_the_command_line(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _graphviz_fails(monkeypatch, subprocess.CalledProcessError(1, ["dot"], output="", stderr="Error: trouble in init_rank"))
    code = main(["docs", "--inhoud", str(mini), "--uit", str(tmp_path / "uit")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Interne fout" not in err
    assert f"{TREE}:1:1: " in err
