"""One graph of barriers, signals, interventions, partners and sources, built once.

Nodes are (kind, id) tuples. Edges point from the item that mentions to the item
mentioned: barrière -> signaal -> interventie/partner, interventie -> barrière/partner,
and every item -> the bronnen it cites.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .loader import Content
from .model import VORMEN
from .problems import Problem

Node = tuple[str, str]


def build(content: Content) -> nx.DiGraph:
    graph = nx.DiGraph()
    for collection in ("barrieres", "signalen", "interventies", "partners", "bronnen"):
        for ident, record in getattr(content, collection).items():
            graph.add_node((collection, ident), record=record)
    for barriere in content.barrieres.values():
        _cite(graph, ("barrieres", barriere.id), barriere.bronnen)
        _link(graph, ("barrieres", barriere.id), "partners", barriere.partners)
        _link(graph, ("barrieres", barriere.id), "signalen", [s.id for s in barriere.signalen])
    for signaal in content.signalen.values():
        node = ("signalen", signaal.id)
        _link(graph, node, "interventies", signaal.interventies)
        _link(graph, node, "partners", signaal.partners)
        _cite(graph, node, signaal.bronnen)
    for interventie in content.interventies.values():
        node = ("interventies", interventie.id)
        _link(graph, node, "barrieres", interventie.barrieres)
        _link(graph, node, "partners", interventie.partners)
        _cite(graph, node, interventie.bronnen)
    for partner in content.partners.values():
        _cite(graph, ("partners", partner.id), partner.bronnen)
    return graph


def _link(graph: nx.DiGraph, source: Node, collection: str, idents: list[str]) -> None:
    for ident in idents:
        graph.add_edge(source, (collection, ident))


def _cite(graph: nx.DiGraph, source: Node, idents: list[str]) -> None:
    _link(graph, source, "bronnen", idents)


def mentioned_by(graph: nx.DiGraph, node: Node, collection: str) -> list[str]:
    """Ids in collection that point to node (the back-links), sorted."""
    return sorted(ident for kind, ident in graph.predecessors(node) if kind == collection)


def mentions(graph: nx.DiGraph, node: Node, collection: str) -> list[str]:
    return sorted(ident for kind, ident in graph.successors(node) if kind == collection)


def orphans(content: Content, graph: nx.DiGraph) -> list[Problem]:
    """Signals that lead nowhere, interventions that hang loose, sources nobody cites."""
    problems = []

    def at(collection: str, ident: str, message: str) -> None:
        path, line, column = content.plaatsen[(collection, ident)]
        problems.append(Problem(path, line, column, message))

    for ident in content.signalen:
        node = ("signalen", ident)
        if not mentions(graph, node, "interventies") and not mentions(graph, node, "partners"):
            at("signalen", ident, f"signaal '{ident}' leidt nergens heen: noem minstens één interventie of partner (meldroute)")
    for ident in content.interventies:
        node = ("interventies", ident)
        if not mentions(graph, node, "barrieres"):
            at("interventies", ident, f"interventie '{ident}' hoort bij geen enkele barrière")
        if not mentioned_by(graph, node, "signalen"):
            at("interventies", ident, f"interventie '{ident}' wordt door geen enkel signaal genoemd")
    return problems


@dataclass(frozen=True)
class Dekking:
    """Coverage: number of signals per barrier and form."""

    barrieres: list[str]
    vormen: tuple[str, ...]
    tellingen: dict[tuple[str, str], int]

    def dun(self, minimum: int = 3) -> list[tuple[str, str, int]]:
        return [(b, v, self.tellingen[(b, v)]) for b in self.barrieres for v in self.vormen if self.tellingen[(b, v)] < minimum]


def coverage(content: Content) -> Dekking:
    tellingen = {(b, v): 0 for b in content.barrieres for v in VORMEN}
    for ident, signaal in content.signalen.items():
        for vorm in signaal.vormen:
            tellingen[(content.barriere_van[ident], vorm)] += 1
    return Dekking(list(content.barrieres), VORMEN, tellingen)


def coverage_report(content: Content) -> str:
    dekking = coverage(content)
    width = max(len(b) for b in dekking.barrieres) + 2
    header = "barrière".ljust(width) + "".join(v.split("-")[0][:10].rjust(12) for v in dekking.vormen) + "   totaal"
    lines = ["Dekking: aantal signalen per barrière en vorm", header]
    for barriere in dekking.barrieres:
        counts = [dekking.tellingen[(barriere, v)] for v in dekking.vormen]
        total = len(content.barrieres[barriere].signalen)
        lines.append(barriere.ljust(width) + "".join(str(c).rjust(12) for c in counts) + str(total).rjust(9))
    lines.append(
        f"{len(content.signalen)} signalen, {len(content.interventies)} interventies, "
        f"{len(content.partners)} partners, {len(content.bronnen)} bronnen"
    )
    thin = dekking.dun()
    if thin:
        lines.append("Cellen met minder dan 3 signalen: " + ", ".join(f"{b} × {v} ({n})" for b, v, n in thin))
    else:
        lines.append("Elke cel barrière × vorm heeft minstens 3 signalen.")
    return "\n".join(lines)
