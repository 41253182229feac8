"""Vakken: the places on a page that differ per gemeente, so the rest is built once for all editions.

Most of a page reads the same in every gemeente's edition; what differs is whom to call, the
meldroute, local regulations, the Stand van zaken and the gemeente's name. A template calls
`vak(kind, *ids)` at such a place, and every kind is a macro in templates/_vakken.md.j2.

- Directly (`make docs`), `vak` renders the macro for the edition's gemeente on the spot.
- For the shared template of all editions (build.py), `vak` writes a token instead and remembers
  the call; the gemeente's name, toelichting and "vraag het" become tokens too, through a stand-in
  gemeente (`sjabloon_content`). Each edition then renders only its own vakken (`render`) and
  fills them into the template's HTML (invullen.py).

A vak takes ids (and, for links, `root=` the page's root), never views, so the same call can be
made again in every edition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup

from . import cards, doors
from .loader import Content
from .views import Index, stand_van_zaken

PREFIX = "BWVAK"
TOKEN = PREFIX + "{:04d}Q"
# Plain-text fields of the gemeente, as tokens in the stand-in gemeente of the template.
NAAM, TOELICHTING, VRAAG_HET, SITE = (f"{PREFIX}{name}Q" for name in ("NAAM", "TOELICHTING", "VRAAGHET", "SITE"))
ANY_TOKEN = re.compile(PREFIX + r"(?:\d{4}|NAAM|TOELICHTING|VRAAGHET|SITE)Q")
SJABLOON = "sjabloon"  # id of the stand-in gemeente
Key = tuple[str | None, ...]  # (kind, root or None, *ids)


def _view(collection: str) -> Callable[[Index, str], tuple[Any, ...]]:
    return lambda index, ident: (index.view(collection, ident),)


def _gemeente(index: Index) -> tuple[Any, ...]:
    return (index.view("gemeenten", index.gemeente.id),)


def _stand(index: Index, onderdeel: str) -> tuple[Any, ...]:
    return (next(rij for rij in stand_van_zaken(index) if rij.onderdeel.id == onderdeel),)


# kind (a macro in _vakken.md.j2) → how its ids become the macro's arguments in this edition.
# The page's root, when the call gives one, is passed on after these.
ARGUMENTS: dict[str, Callable[..., tuple[Any, ...]]] = {
    "partner": _view("partners"),
    "partner_contacten": _view("partners"),
    "partner_nummer": _view("partners"),
    "lokaal": _view("interventies"),
    "bellen": lambda index, deur: (doors.bellen_voor(index, deur),),
    "meldroute": _gemeente,
    "meldroute_kort": _gemeente,
    "gemeente_bronnen": _gemeente,
    "stand_tabel": lambda index: (stand_van_zaken(index),),
    "stand": _stand,
    "kaart_route": lambda index: cards.route(index),
}


@dataclass
class Vakken:
    """The `vak` function of one Jinja environment: renders (directly) or writes tokens (template)."""

    env: jinja2.Environment
    index: Index
    sjabloon: bool = False
    calls: dict[Key, int] = field(default_factory=dict)

    def __call__(self, kind: str, *ids: str, root: str | None = None) -> Markup:
        if kind not in ARGUMENTS:
            raise KeyError(f"onbekend vak '{kind}'")
        key: Key = (kind, None if root is None else str(root), *(str(i) for i in ids))
        if self.sjabloon:
            return Markup(TOKEN.format(self.calls.setdefault(key, len(self.calls))))
        return self.render(key)

    def render(self, key: Key) -> Markup:
        """The Markdown of one vak for this edition's gemeente."""
        kind, root, *ids = key
        macro = getattr(self._module, str(kind))
        return Markup(macro(*ARGUMENTS[str(kind)](self.index, *ids), *(() if root is None else (root,))))

    @cached_property
    def _module(self) -> Any:
        return self.env.get_template("_vakken.md.j2").make_module()

    @property
    def keys(self) -> list[Key]:
        """The calls in token order (token n is keys[n])."""
        return sorted(self.calls, key=self.calls.__getitem__)


def sjabloon_content(content: Content) -> Content:
    """The content with a stand-in gemeente whose texts are tokens and whose lists are empty.

    Whatever a page shows of this gemeente outside a vak is a token (filled per edition) or
    nothing: a place that was missed shows no gemeente's data in another gemeente's edition.
    """
    some = next(iter(content.gemeenten.values()))
    sjabloon = some.model_copy(update={
        "id": SJABLOON, "naam": NAAM, "toelichting": TOELICHTING, "vraag_het": VRAAG_HET, "website": None,
        "contacten": [], "meldroute": [], "lokale_regelingen": [], "stand_van_zaken": [], "huisstijl": None, "bronnen": [],
    })
    return replace(content, records={**content.records, "gemeenten": {SJABLOON: sjabloon}})
