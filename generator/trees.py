"""Decision trees (beslisbomen) as graphs, and the walks through them.

A tree is a directed graph of vragen and uitkomsten. The rules it must follow (acyclic,
reachable, safety first) are validators in validators/trees.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from .model import Beslisboom

MAX_ROUTES = 200  # more routes than anyone can read on the overview page
MAX_KNOPEN = 60  # questions and outcomes: the largest tree has 22; far more cannot be drawn on one page

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


Keuzes = tuple[int, ...]  # a route: the index of the answer chosen at each question, from the start


def prefixes(boom: Beslisboom) -> dict[str, list[Keuzes]]:
    """Every route from the start to every node, per node, in the order of the answers.

    A route is the answers chosen, not the nodes passed: two answers may lead to the same node.
    A node reached along two routes gets a page per route, so a page can show the route taken.
    The tree is acyclic and has at most MAX_ROUTES routes (BoomRoutes), so this stays small.
    """
    answers = {v.id: [a.naar for a in v.antwoorden] for v in boom.vragen}
    found: dict[str, list[Keuzes]] = {}

    def walk(node: str, keuzes: Keuzes, passed: frozenset[str]) -> None:
        found.setdefault(node, []).append(keuzes)
        for i, there in enumerate(answers.get(node, [])):
            if there not in passed:  # a loop is reported by BoomLus; never follow one
                walk(there, keuzes + (i,), passed | {there})

    walk(boom.start, (), frozenset({boom.start}))
    return found


def count_paths(boom: Beslisboom) -> int:
    """Number of routes from the start to an uitkomst, counted without listing them (linear)."""
    graph = graph_of(boom)
    counts: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(graph))):
        successors = list(graph.successors(node))
        counts[node] = sum(counts[s] for s in successors) if successors else (1 if "uitkomst" in graph.nodes[node] else 0)
    return counts.get(boom.start, 0)
