"""What the combinatiewijzer page needs in the browser: the content as one JSON-ready structure.

The page works without a server: this data goes into a JavaScript file written at build time next
to the page (assets/js/), never fetched from outside. Texts are plain; the script inserts them as
text, never as HTML. Paths are relative to the site root, where the page lives.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .combinaties import geldige_paren
from .views import Index, View

# Kinds of intervention every role can start: a report or a route to care.
VOOR_IEDEREEN = ("melden", "zorg")


def _html(view: View) -> str:
    return urls.html(str(view.pad))


def interventies_voor_rol(index: Index, rol: str) -> list[str] | None:
    """Interventions the decision trees for this role lead to, plus reports and care routes.

    None when no tree is meant for this role (the aandachtsfunctionaris): then every intervention fits.
    """
    bomen = [b for b in index.content.beslisbomen.values() if rol in b.rollen]
    if not bomen:
        return None
    genoemd = {i for boom in bomen for uitkomst in boom.uitkomsten for i in uitkomst.interventies}
    return [i for i, v in index.content.interventies.items() if i in genoemd or v.soort in VOOR_IEDEREEN]


def data(index: Index) -> dict[str, Any]:
    signalen = index.all("signalen")
    return {
        "barrieres": [{"id": b.id, "titel": b.titel, "pad": _html(b)} for b in index.all("barrieres")],
        "vormen": [{"id": v.id, "titel": v.titel} for v in index.all("vormen")],
        "signalen": {s.id: {
            "titel": s.titel,
            "barriere": s.barriere.id,
            "vormen": list(s.record.vormen),
            "interventies": [v.id for v in s.interventies],
            "bomen": [b.id for b in s.beslisbomen],
            "acuut": s.acuut,
            "waarneming": s.waarneming,
            "zoek": " ".join([s.titel, *s.record.zoektermen]).lower(),
            "pad": _html(s),
        } for s in signalen},
        "interventies": {v.id: {"titel": v.titel, "pad": _html(v)}
                         for v in index.all("interventies")},
        "rollen": [{"id": r.id, "titel": r.titel, "interventies": interventies_voor_rol(index, r.id)}
                   for r in index.all("rollen")],
        "bomen": {b.id: {"titel": b.titel, "pad": _html(b)} for b in index.all("beslisbomen")},
        "paren": [[p.van, p.met, p.waarom] for p in geldige_paren(index.content)],
    }
