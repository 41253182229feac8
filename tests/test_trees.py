"""Decision trees: every path walked, from the YAML and through the built pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from generator import trees
from generator.build import check
from sitepages import internal_target, parse

REQUIRED = {"balie-burgerzaken", "huisbezoek", "controle-seksbranche", "arbeidsmigrant", "jongere", "financiele-signalen"}


@pytest.fixture(scope="module")
def content():
    return check(ROOT)


def test_the_six_trees_exist(content) -> None:
    assert REQUIRED <= set(content.beslisbomen)


def test_every_path_of_every_tree(content) -> None:
    """Walk every route: each node is on some route, each route ends in an uitkomst that names a route to call."""
    for boom in content.beslisbomen.values():
        nodes = {v.id for v in boom.vragen} | {u.id for u in boom.uitkomsten}
        uitkomsten = {u.id: u for u in boom.uitkomsten}
        vragen = {v.id: v for v in boom.vragen}
        seen: set[str] = set()
        walked = 0
        for path in trees.paths(boom):
            walked += 1
            assert path[0] == boom.start
            seen.update(path)
            end = uitkomsten[path[-1]]
            assert end.partners, f"{boom.id}: uitkomst {end.id} noemt niemand om te bellen"
            assert all(p in content.partners for p in end.partners)
            for here, there in zip(path, path[1:]):
                assert there in {a.naar for a in vragen[here].antwoorden}
        assert seen == nodes, f"{boom.id}: niet bereikt: {nodes - seen}"
        assert walked >= len(uitkomsten)


def test_safety_first_in_every_tree(content) -> None:
    for boom in content.beslisbomen.values():
        start = next(v for v in boom.vragen if v.id == boom.start)
        assert start.soort == "acuut", boom.id
        direct = {a.naar for a in start.antwoorden}
        assert any(u.id in direct and "noodnummer-112" in u.partners for u in boom.uitkomsten), boom.id


def test_trees_about_offences_route_to_care(content) -> None:
    for ident in ("jongere", "financiele-signalen"):
        assert content.beslisbomen[ident].strafbare_feiten
    for boom in content.beslisbomen.values():
        if not boom.strafbare_feiten:
            continue
        assert any(v.soort == "dader-of-slachtoffer" for v in boom.vragen), boom.id
        care = {p.id for p in content.partners.values() if p.zorg}
        assert any(set(u.partners) & care for u in boom.uitkomsten), boom.id


def answer_routes(boom) -> list[list[tuple[str, str]]]:
    """Every route as the (question, answer) pairs a user clicks, straight from the YAML."""
    vragen = {v.id: v for v in boom.vragen}

    def walk(node: str, given: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
        if node not in vragen:
            return [given]
        return [r for a in vragen[node].antwoorden for r in walk(a.naar, given + [(vragen[node].vraag, a.tekst)])]

    return walk(boom.start, [])


def shown_route(page: Path) -> list[str]:
    """The answers a page says were given: the list under 'Jouw antwoorden tot nu toe'."""
    items = parse(page).xpath("//p[contains(@class, 'bw-route-kop')]/following-sibling::ol[1]/li")
    return [" ".join(li.text_content().split()) for li in items]


def test_every_route_has_pages_that_show_the_answers_given(built_site: Path, content) -> None:
    """From each tree's index.html follow only a.antwoord links, every route to its end: each page
    shows exactly the answers clicked to get there, and no page is reached by two routes."""
    for boom in content.beslisbomen.values():
        folder = built_site / "beslisbomen" / boom.id
        todo: list[tuple[Path, list[str]]] = [(folder / "index.html", [])]
        seen: set[Path] = set()
        ends = 0
        while todo:
            page, given = todo.pop()
            assert page not in seen, f"{page} is reached by two routes"
            seen.add(page)
            assert shown_route(page) == given, page
            answers = parse(page).xpath("//a[contains(concat(' ', @class, ' '), ' antwoord ')]")
            question = " ".join(parse(page).find(".//h1").text_content().split())
            if not answers:
                ends += 1
                assert any("partners/" in (a.get("href") or "") for a in parse(page).iter("a")), page
            for a in answers:
                target, _ = internal_target(page, a.get("href"))
                assert target.exists(), (page, a.get("href"))
                todo.append((target, given + [f"{question} {' '.join(a.text_content().split())}"]))
            assert any((a.text or "").strip() == "Opnieuw beginnen" for a in parse(page).iter("a")), page
        assert ends == len(answer_routes(boom)), boom.id
        overview = parse(folder / "overzicht.html")
        assert overview.find(".//svg") is not None
        assert len(overview.xpath("//h2[contains(., 'Alle routes')]/following-sibling::ol[1]/li")) == ends


def test_signal_pages_link_to_their_trees(built_site: Path, content) -> None:
    for boom in content.beslisbomen.values():
        for signaal in boom.signalen:
            links = [a.get("href") or "" for a in parse(built_site / "signalen" / f"{signaal}.html").iter("a")]
            assert f"../beslisbomen/{boom.id}/index.html" in links, (boom.id, signaal)
