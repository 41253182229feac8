"""Resolved objects for the templates: records with their links filled in.

Templates never see ids to look up; every reference is already the object it
points to, with the page path it lives on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from markupsafe import Markup

from . import graph as graphs
from . import trees
from .loader import Content
from .model import IN_TE_VULLEN, Beslisboom, Contact, Gemeente

SOORT_TITELS = {
    "bestuurlijk": "Bestuurlijke interventies",
    "strafrechtelijk": "Strafrechtelijke route",
    "fiscaal": "Fiscale interventies",
    "zorg": "Zorg en bescherming",
    "melden": "Melden",
}
STATUS_TITELS = {"geldend": "Geldend", "in-voorbereiding": "In voorbereiding", "vervallen": "Vervallen"}
URGENTIE_TITELS = {"acuut": "Acuut: nu handelen", "vandaag": "Vandaag", "deze-week": "Deze week"}
DEUR_TITELS = {
    "balie": "Ik werk aan de balie",
    "toezicht": "Ik doe toezicht of handhaving",
    "client": "Ik werk met cliënten of jongeren",
}


@dataclass
class Item:
    """A record plus the page it lives on; attribute access falls through to the record."""

    record: Any
    pad: str
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Page paths are built from validated ids: safe to put in a link as they are.
        self.pad = Markup(self.pad)

    def __getattr__(self, name: str) -> Any:
        if name in ("record", "pad", "extra"):
            raise AttributeError(name)
        if name in self.extra:
            return self.extra[name]
        return getattr(self.record, name)


@dataclass
class Stap:
    """One answer on a route: the answer text and the node it belongs to or leads to."""

    tekst: str
    knoop: Item


@dataclass
class Group:
    id: str
    titel: str
    items: list[Any]


class Views:
    """Builds every view once from the content and the graph."""

    def __init__(self, content: Content, graph: nx.DiGraph, gemeente: Gemeente):
        self.content = content
        self.graph = graph
        self.gemeente = gemeente
        contacts = {c.partner: c for c in gemeente.contacten}
        self.bronnen = {i: Item(b, f"bronnen.md#{i}") for i, b in content.bronnen.items()}
        self.rollen = {i: Item(r, f"ingang/{r.deur}.md#{i}" if r.deur else f"ingang/signaal.md#{i}") for i, r in content.rollen.items()}
        self.vormen = {i: Item(v, f"begrippen.md#{i}") for i, v in content.vormen.items()}
        self.partners = {
            i: Item(p, f"partners/{i}.md", {"contact": contacts.get(i), "telefoon_tekst": _telefoon(p.telefoon, contacts.get(i))})
            for i, p in content.partners.items()
        }
        self.barrieres = {i: Item(b, f"barrieres/{i}.md") for i, b in content.barrieres.items()}
        self.interventies = {i: Item(v, f"interventies/{i}.md") for i, v in content.interventies.items()}
        self.signalen = {i: Item(s, f"signalen/{i}.md") for i, s in content.signalen.items()}
        lokaal = {r.interventie: r.regeling for r in gemeente.lokale_regelingen}
        for ident, item in self.signalen.items():
            s = item.record
            item.extra.update(
                barriere=self.barrieres[content.barriere_van[ident]],
                vormen=[self.vormen[v] for v in s.vormen],
                rollen=[self.rollen[r] for r in s.rollen],
                interventies=[self.interventies[v] for v in s.interventies],
                partners=[self.partners[p] for p in s.partners],
                bronnen=[self.bronnen[b] for b in s.bronnen],
                dader_of_slachtoffer="criminele-uitbuiting" in s.vormen,
            )
        for ident, item in self.interventies.items():
            v = item.record
            node = ("interventies", ident)
            item.extra.update(
                soort_titel=SOORT_TITELS[v.soort],
                status_titel=STATUS_TITELS[v.status],
                barrieres=[self.barrieres[b] for b in v.barrieres],
                vormen=[self.vormen[f] for f in v.vormen],
                partners=[self.partners[p] for p in v.partners],
                bronnen=[self.bronnen[b] for b in v.bronnen],
                signalen=[self.signalen[s] for s in graphs.mentioned_by(graph, node, "signalen")],
                lokale_regeling_hier=lokaal.get(ident),
            )
        for ident, item in self.barrieres.items():
            b = item.record
            signalen = [self.signalen[s.id] for s in b.signalen]
            linked = {v.id for s in signalen for v in s.interventies} | {
                i for i, v in content.interventies.items() if ident in v.barrieres
            }
            interventies = [self.interventies[i] for i in content.interventies if i in linked]
            item.extra.update(
                signalen=signalen,
                per_vorm=[Group(v, self.vormen[v].titel, [s for s in signalen if v in s.record.vormen]) for v in content.vormen],
                per_soort=_group_by_soort(interventies),
                partners=[self.partners[p] for p in b.partners],
                bronnen=[self.bronnen[x] for x in b.bronnen],
            )
        for ident, item in self.partners.items():
            node = ("partners", ident)
            item.extra.update(
                bronnen=[self.bronnen[b] for b in item.record.bronnen],
                signalen=[self.signalen[s] for s in graphs.mentioned_by(graph, node, "signalen")],
                interventies=[self.interventies[v] for v in graphs.mentioned_by(graph, node, "interventies")],
            )
        self.beslisbomen = {i: self._boom(b) for i, b in content.beslisbomen.items()}
        for item in self.signalen.values():
            item.extra["beslisbomen"] = [b for b in self.beslisbomen.values() if item.id in b.record.signalen]
        for item in self.barrieres.values():
            item.extra["beslisbomen"] = [b for b in self.beslisbomen.values() if item.id in b.record.barrieres]
        self.meldroute = [
            Item(stap, "meldroute.md", {"partners": [self.partners[p] for p in stap.partners]}) for stap in gemeente.meldroute
        ]

    def _boom(self, boom: Beslisboom) -> Item:
        """A decision tree with every node resolved: answers lead to node items, outcomes to partners."""
        folder = f"beslisbomen/{boom.id}/"
        graph = trees.graph_of(boom)
        nodes: dict[str, Item] = {}
        for vraag in boom.vragen:
            nodes[vraag.id] = Item(vraag, folder + ("index.md" if vraag.id == boom.start else f"{vraag.id}.md"), {"is_vraag": True})
        for uitkomst in boom.uitkomsten:
            nodes[uitkomst.id] = Item(uitkomst, folder + f"{uitkomst.id}.md", {
                "is_vraag": False,
                "urgentie_titel": URGENTIE_TITELS[uitkomst.urgentie],
                "partners": [self.partners[p] for p in uitkomst.partners],
                "interventies": [self.interventies[i] for i in uitkomst.interventies],
                "signalen": [self.signalen[s] for s in uitkomst.signalen],
            })
        for vraag in boom.vragen:
            nodes[vraag.id].extra["antwoorden"] = [Stap(a.tekst, nodes[a.naar]) for a in vraag.antwoorden]

        def route(path: list[str]) -> list[Stap]:
            steps = []
            for here, there in zip(path, path[1:]):
                answer = next(a.tekst for a in nodes[here].record.antwoorden if a.naar == there)
                steps.append(Stap(answer, nodes[here]))
            return steps

        for ident, node in nodes.items():
            node.extra["route"] = route(nx.shortest_path(graph, boom.start, ident))
            node.extra["meerdere_routes"] = graph.in_degree(ident) > 1
        routes = [Item(nodes[path[-1]].record, nodes[path[-1]].pad, {"stappen": route(path), "uitkomst": nodes[path[-1]]})
                  for path in trees.paths(boom)]
        return Item(boom, folder + "index.md", {
            "overzicht": Markup(folder + "overzicht.md"),
            "knopen": nodes,
            "start_knoop": nodes[boom.start],
            "routes": routes,
            "signalen": [self.signalen[s] for s in boom.signalen],
            "barrieres": [self.barrieres[b] for b in boom.barrieres],
            "rollen": [self.rollen[r] for r in boom.rollen],
            "bronnen": [self.bronnen[b] for b in boom.bronnen],
        })

    def door(self, deur: str) -> list[Item]:
        """Roles behind a start-page door, each with its signals grouped by barrier."""
        result = []
        for rol in self.rollen.values():
            if rol.record.deur != deur:
                continue
            groups = [
                Group(b.id, b.titel, [s for s in b.signalen if rol.record.id in s.record.rollen]) for b in self.barrieres.values()
            ]
            result.append(Item(rol.record, rol.pad, {"groepen": [g for g in groups if g.items]}))
        return result

    def interventies_per_soort(self) -> list[Group]:
        return _group_by_soort(list(self.interventies.values()))

    def matrix_vormen(self) -> list[dict[str, Any]]:
        dekking = graphs.coverage(self.content)
        return [
            {"barriere": b, "cellen": [(dekking.tellingen[(b.id, v)], b.pad + Markup("#") + v) for v in dekking.vormen]}
            for b in self.barrieres.values()
        ]

    def matrix_interventies(self) -> list[dict[str, Any]]:
        rows = []
        for v in self.interventies.values():
            cells = []
            for b in self.barrieres.values():
                count = sum(1 for s in v.signalen if s.barriere.id == b.id)
                cells.append((count, b.id in v.record.barrieres, b.pad + Markup("#interventies")))
            rows.append({"interventie": v, "cellen": cells})
        return rows


def _group_by_soort(items: list[Item]) -> list[Group]:
    return [
        Group(soort, titel, [i for i in items if i.record.soort == soort])
        for soort, titel in SOORT_TITELS.items()
        if any(i.record.soort == soort for i in items)
    ]


def _telefoon(algemeen: str | None, contact: Contact | None) -> str:
    if contact is not None:
        return contact.telefoon
    return algemeen or ""


__all__ = ["Views", "Item", "Group", "IN_TE_VULLEN", "DEUR_TITELS"]
