"""One graph of every record, built once from the references declared on the model.

Nodes are (collection, id) tuples for every record of every collection. An edge points from
the record that mentions to the record mentioned, with the field that mentions it (`veld`);
a record that holds others (a barrier and its signals) points to them with that list field.
Back-links on pages are the predecessors of a node.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .loader import Content
from .model import VORMEN

Node = tuple[str, str]


def build(content: Content) -> nx.DiGraph:
    graph = nx.DiGraph()
    for collection, ident, record in content.all_records():
        graph.add_node((collection, ident), record=record)
    for child, parent in content.ouder.items():
        graph.add_edge(parent, child, velden={child[0]})
    for collection, ident, verwijzing in content.references():
        target = (verwijzing.ref.collection, verwijzing.ident)
        if target not in graph:  # a reference to what an edition left out (optional links vanish)
            continue
        source = (collection, ident)
        if graph.has_edge(source, target):
            graph.edges[source, target]["velden"].add(verwijzing.veld)
        else:
            graph.add_edge(source, target, velden={verwijzing.veld})
    return graph


def mentioned_by(graph: nx.DiGraph, node: Node, collection: str) -> list[str]:
    """Ids in collection that point to node (the back-links), sorted."""
    return sorted(ident for kind, ident in graph.predecessors(node) if kind == collection)


def mentions(graph: nx.DiGraph, node: Node, collection: str) -> list[str]:
    return sorted(ident for kind, ident in graph.successors(node) if kind == collection)


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
            if (content.barriere_van(ident), vorm) in tellingen:
                tellingen[(content.barriere_van(ident), vorm)] += 1
    return Dekking(list(content.barrieres), VORMEN, tellingen)


def coverage_report(content: Content) -> str:
    dekking = coverage(content)
    width = max([len(b) for b in dekking.barrieres] + [10]) + 2
    header = "barrière".ljust(width) + "".join(v.split("-")[0][:10].rjust(12) for v in dekking.vormen) + "   totaal"
    lines = ["Dekking: aantal signalen per barrière en vorm", header]
    for barriere in dekking.barrieres:
        counts = [dekking.tellingen[(barriere, v)] for v in dekking.vormen]
        total = len(content.barrieres[barriere].signalen)
        lines.append(barriere.ljust(width) + "".join(str(c).rjust(12) for c in counts) + str(total).rjust(9))
    lines.append(
        f"{len(content.signalen)} signalen, {len(content.interventies)} interventies, "
        f"{len(content.partners)} partners, {len(content.bronnen)} bronnen, {len(content.beslisbomen)} beslisbomen"
    )
    return "\n".join(lines)
