"""Compound words split for search, and what the search index holds."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT
from generator.build import check
from generator.compounds import extra_terms, hidden_terms, split, word_list

WORDS = frozenset({"kamer", "verhuur", "huisjes", "melker", "melkers", "arbeid", "uitbuiting", "mensen", "handel", "niet"})


def test_split_into_known_parts_with_a_linking_s() -> None:
    assert split("kamerverhuur", WORDS) == ["kamer", "verhuur"]
    assert split("Huisjesmelkers", WORDS) == ["huisjes", "melkers"]
    assert split("arbeidsuitbuiting", WORDS) == ["arbeid", "uitbuiting"]
    assert split("mensenhandelaar", WORDS) == []  # 'aar' is no word: no guess
    assert split("kamer", WORDS) == []  # short words stay whole


def test_parts_not_already_on_the_page_become_hidden_terms() -> None:
    markdown = "# Titel\n\nKamerverhuur en [mensenhandel](../x/kamer-handel.md).\n\n## Meer\n\nverhuur\n"
    assert extra_terms(markdown, WORDS) == ["handel", "kamer", "mensen"]  # 'verhuur' is there, link targets are not text
    out = hidden_terms(markdown, WORDS)
    assert out.index('<p class="bw-zoekdelen" hidden>handel kamer mensen</p>') < out.index("## Meer")


def test_the_debian_word_list_splits_the_words_workers_type() -> None:
    words = word_list()
    assert split("kamerverhuur", words) == ["kamer", "verhuur"]
    assert split("huisjesmelkers", words)[-1] == "melkers"
    assert split("uitzendkracht", words) == ["uitzend", "kracht"]


def test_index_starts_with_the_summary_and_leaves_out_drawings_and_sources(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    content = check(ROOT)
    for ident, signaal in list(content.signalen.items())[:10]:
        first = docs[f"signalen/{ident}.html"]["text"]
        assert first.startswith("<p>" + " ".join(signaal.waarneming.split())[:30]), ident
    # The drawings (tree overviews, the barrier chain) are left out: their label is only in the drawing.
    everything = " ".join(d["text"] for d in index["docs"])
    assert "Schema van de beslisboom" not in everything and "De keten van barrières" not in everything
    sources = [d for loc, d in docs.items() if loc.startswith("bronnen.html")]
    assert sources and all(d.get("boost", 1) < 1 for d in sources)
