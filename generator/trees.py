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


def count_paths(boom: Beslisboom) -> int:
    """Number of routes from the start to an uitkomst, counted without listing them (linear)."""
    graph = graph_of(boom)
    counts: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(graph))):
        successors = list(graph.successors(node))
        counts[node] = sum(counts[s] for s in successors) if successors else (1 if "uitkomst" in graph.nodes[node] else 0)
    return counts.get(boom.start, 0)
