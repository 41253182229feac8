"""Rules on decision trees: their shape, and safety first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from .. import trees
from ..loader import Content
from ..model import Beslisboom
from ..problems import Problem, suggestion
from .base import Validator


def _where(boom: Beslisboom) -> dict[str, tuple[Any, ...]]:
    """Node id -> its place in the file (first occurrence)."""
    where: dict[str, tuple[Any, ...]] = {}
    for kind, nodes in (("vragen", list[Any](boom.vragen)), ("uitkomsten", list[Any](boom.uitkomsten))):
        for index, node in enumerate(nodes):
            where.setdefault(node.id, (kind, index, "id"))
    return where


def well_formed(boom: Beslisboom) -> bool:
    """Unique node ids, a start that exists and answers that lead to nodes: the other rules need this."""
    where = _where(boom)
    count = len(boom.vragen) + len(boom.uitkomsten)
    answers_ok = all(a.naar in where for v in boom.vragen for a in v.antwoorden)
    return len(where) == count and boom.start in where and answers_ok and not (set(where) & trees.RESERVED)


def acyclic(boom: Beslisboom) -> bool:
    return well_formed(boom) and nx.is_directed_acyclic_graph(trees.graph_of(boom))


def reachable(graph: nx.DiGraph, boom: Beslisboom) -> set[str]:
    return nx.descendants(graph, boom.start) | {boom.start}


class _TreeRule(Validator):
    def check(self, content: Content) -> Iterator[Problem]:
        for ident, boom in content.beslisbomen.items():
            for loc, message in self.problems(boom, content):
                yield self.at(content, "beslisbomen", ident, *loc, message=f"beslisboom '{ident}': {message}")

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        raise NotImplementedError


class BoomKnoop(_TreeRule):
    id = "boom-knoop"
    beschrijving = "Elke knoop heeft een eigen id dat geen vaste pagina is."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        seen: set[str] = set()
        for kind, nodes in (("vragen", list[Any](boom.vragen)), ("uitkomsten", list[Any](boom.uitkomsten))):
            for index, node in enumerate(nodes):
                if node.id in trees.RESERVED:
                    yield (kind, index, "id"), f"'{node.id}' is gereserveerd voor een vaste pagina; kies een andere id"
                elif node.id in seen:
                    yield (kind, index, "id"), f"knoop '{node.id}' bestaat al in deze boom"
                seen.add(node.id)


class BoomStart(_TreeRule):
    id = "boom-start"
    beschrijving = "De start is een bestaande knoop."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        where = _where(boom)
        if boom.start not in where:
            yield ("start",), f"start '{boom.start}' bestaat niet{suggestion(boom.start, where)}"


class BoomAntwoord(_TreeRule):
    id = "boom-antwoord"
    beschrijving = "Elk antwoord leidt naar een bestaande knoop."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        where = _where(boom)
        for index, vraag in enumerate(boom.vragen):
            for number, antwoord in enumerate(vraag.antwoorden):
                if antwoord.naar not in where:
                    yield (("vragen", index, "antwoorden", number, "naar"),
                           f"antwoord '{antwoord.tekst}' gaat naar onbekende knoop '{antwoord.naar}'{suggestion(antwoord.naar, where)}")


class BoomLus(_TreeRule):
    id = "boom-lus"
    beschrijving = "Een beslisboom heeft geen lussen."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        if not well_formed(boom):
            return
        try:
            cycle = nx.find_cycle(trees.graph_of(boom), source=boom.start)
        except nx.NetworkXNoCycle:
            return
        route = " → ".join([edge[0] for edge in cycle] + [cycle[0][0]])
        yield _where(boom)[cycle[-1][0]], f"bevat een lus: {route}"


class BoomOnbereikbaar(_TreeRule):
    id = "boom-onbereikbaar"
    beschrijving = "Elke knoop is bereikbaar vanaf de start."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        if not acyclic(boom):
            return
        graph = trees.graph_of(boom)
        reach = reachable(graph, boom)
        for node in (n for n in graph if n not in reach):
            yield _where(boom)[node], f"knoop '{node}' is niet bereikbaar vanaf de start '{boom.start}'"


class BoomRoutes(_TreeRule):
    id = "boom-routes"
    beschrijving = "Een beslisboom heeft niet meer routes dan een mens kan overzien."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        if not acyclic(boom):
            return
        count = trees.count_paths(boom)
        if count > trees.MAX_ROUTES:
            yield ("start",), f"heeft {count} routes (maximaal {trees.MAX_ROUTES}); splits de boom of voeg takken samen"


class BoomGrootte(_TreeRule):
    id = "boom-te-groot"
    beschrijving = "Een beslisboom heeft niet meer vragen en uitkomsten dan op één tekening passen."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        count = len(boom.vragen) + len(boom.uitkomsten)
        if count > trees.MAX_KNOPEN:
            yield ("vragen",), (f"heeft {count} vragen en uitkomsten (maximaal {trees.MAX_KNOPEN}); "
                                "zo'n boom past niet op één tekening. Splits hem in twee bomen")


class BoomAcuut(_TreeRule):
    id = "boom-acuut"
    beschrijving = "De eerste vraag gaat over acuut gevaar en leidt direct naar 112."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        if not well_formed(boom) or ("partners", "*") in content.onleesbaar:
            return
        graph = trees.graph_of(boom)
        start = graph.nodes[boom.start].get("vraag")
        acute_exit = start is not None and start.soort == "acuut" and any(
            any(content.partners[p].acuut for p in graph.nodes[a.naar]["uitkomst"].partners if p in content.partners)
            for a in start.antwoorden if "uitkomst" in graph.nodes[a.naar]
        )
        if not acute_exit:
            yield ("start",), ("de eerste vraag moet gaan over acuut gevaar (soort: acuut) en een antwoord moet direct naar "
                               "een uitkomst met 112 leiden")


class BoomDaderOfSlachtoffer(_TreeRule):
    id = "boom-dader-of-slachtoffer"
    beschrijving = "Bij strafbare feiten vraagt de boom 'dader of slachtoffer?' en leidt hij naar zorg."

    def problems(self, boom: Beslisboom, content: Content) -> Iterator[tuple[tuple[Any, ...], str]]:
        if not boom.strafbare_feiten or not acyclic(boom) or ("partners", "*") in content.onleesbaar:
            return
        graph = trees.graph_of(boom)
        checks = [n for n in reachable(graph, boom) if graph.nodes[n].get("vraag") and graph.nodes[n]["vraag"].soort == "dader-of-slachtoffer"]
        if not checks:
            yield ("strafbare_feiten",), "bij strafbare feiten hoort een vraag 'dader of slachtoffer?' (soort: dader-of-slachtoffer)"
            return
        after = set().union(*(nx.descendants(graph, n) for n in checks))
        care = [n for n in after if "uitkomst" in graph.nodes[n]
                and any(content.partners[p].zorg for p in graph.nodes[n]["uitkomst"].partners if p in content.partners)]
        if not care:
            yield ("strafbare_feiten",), "na de vraag 'dader of slachtoffer?' moet een uitkomst naar zorg leiden (zorgcoördinator, Veilig Thuis)"
