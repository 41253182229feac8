"""Decision trees (beslisbomen): checks on their shape, and the walks through them.

A tree is a directed graph of vragen and uitkomsten. It must be acyclic, every node
must be reachable from the start, every path must end in an uitkomst, and safety comes
first: the start question offers the way to 112, and trees about offences by the
person themselves ask "dader of slachtoffer?" and lead to care.
"""

from __future__ import annotations

from typing import Iterator

import networkx as nx

from .model import Beslisboom, Partner
from .problems import Problem, suggestion
from .yamlsource import Document


RESERVED = {"index", "overzicht"}  # page names every tree already has


def graph_of(boom: Beslisboom) -> nx.DiGraph:
    graph = nx.DiGraph()
    for vraag in boom.vragen:
        graph.add_node(vraag.id, vraag=vraag)
    for uitkomst in boom.uitkomsten:
        graph.add_node(uitkomst.id, uitkomst=uitkomst)
    for vraag in boom.vragen:
        for antwoord in vraag.antwoorden:
            if antwoord.naar in graph:
                graph.add_edge(vraag.id, antwoord.naar)
    return graph


def paths(boom: Beslisboom) -> Iterator[list[str]]:
    """Every route from the start to an uitkomst (the tree is small and acyclic)."""
    graph = graph_of(boom)
    ends = [u.id for u in boom.uitkomsten]
    for end in ends:
        yield from nx.all_simple_paths(graph, boom.start, end) if end != boom.start else [[end]]


def validate(doc: Document, boom: Beslisboom, partners: dict[str, Partner] | None) -> list[Problem]:
    """Shape and safety checks; the safety checks need the partners (None when they failed to load)."""
    problems: list[Problem] = []

    def at(loc: tuple, message: str) -> None:
        line, column = doc.position(loc)
        problems.append(Problem(doc.path, line, column, f"beslisboom '{boom.id}': {message}"))

    where: dict[str, tuple] = {}
    for kind, nodes in (("vragen", boom.vragen), ("uitkomsten", boom.uitkomsten)):
        for index, node in enumerate(nodes):
            if node.id in RESERVED:
                at((kind, index, "id"), f"'{node.id}' is gereserveerd voor een vaste pagina; kies een andere id")
            elif node.id in where:
                at((kind, index, "id"), f"knoop '{node.id}' bestaat al in deze boom")
            else:
                where[node.id] = (kind, index, "id")
    if boom.start not in where:
        at(("start",), f"start '{boom.start}' bestaat niet{suggestion(boom.start, where)}")
        return problems
    for index, vraag in enumerate(boom.vragen):
        for number, antwoord in enumerate(vraag.antwoorden):
            if antwoord.naar not in where:
                at(("vragen", index, "antwoorden", number, "naar"),
                   f"antwoord '{antwoord.tekst}' gaat naar onbekende knoop '{antwoord.naar}'{suggestion(antwoord.naar, where)}")
    if problems:
        return problems

    graph = graph_of(boom)
    try:
        cycle = nx.find_cycle(graph, source=boom.start)
    except nx.NetworkXNoCycle:
        cycle = []
    if cycle:
        route = " → ".join([edge[0] for edge in cycle] + [cycle[0][0]])
        at(where[cycle[-1][0]], f"bevat een lus: {route}")
        return problems
    reachable = nx.descendants(graph, boom.start) | {boom.start}
    for node in graph:
        if node not in reachable:
            at(where[node], f"knoop '{node}' is niet bereikbaar vanaf de start '{boom.start}'")
    for node in reachable:
        if graph.out_degree(node) == 0 and "uitkomst" not in graph.nodes[node]:
            at(where[node], f"vraag '{node}' heeft geen vervolg; elk pad moet eindigen in een uitkomst")

    if partners is None:
        return problems
    start = graph.nodes[boom.start].get("vraag")
    acute_exit = start is not None and start.soort == "acuut" and any(
        any(partners[p].acuut for p in graph.nodes[a.naar].get("uitkomst").partners if p in partners)
        for a in start.antwoorden if "uitkomst" in graph.nodes[a.naar]
    )
    if not acute_exit:
        at(("start",), "de eerste vraag moet gaan over acuut gevaar (soort: acuut) en een antwoord moet direct naar een uitkomst met 112 leiden")

    if boom.strafbare_feiten:
        checks = [graph.nodes[n]["vraag"] for n in reachable if graph.nodes[n].get("vraag") and graph.nodes[n]["vraag"].soort == "dader-of-slachtoffer"]
        if not checks:
            at(("strafbare_feiten",), "bij strafbare feiten hoort een vraag 'dader of slachtoffer?' (soort: dader-of-slachtoffer)")
        else:
            after = set().union(*(nx.descendants(graph, v.id) for v in checks))
            care = [n for n in after if "uitkomst" in graph.nodes[n]
                    and any(partners[p].zorg for p in graph.nodes[n]["uitkomst"].partners if p in partners)]
            if not care:
                at(("strafbare_feiten",), "na de vraag 'dader of slachtoffer?' moet een uitkomst naar zorg leiden (zorgcoördinator, Veilig Thuis)")
    return problems
