"""Where every page lives: the one place that turns a record or a fixed page into a path.

Paths are relative to the docs folder and end in .md (MkDocs turns them into .html links).
Ids are validated ([a-z0-9-]), so they are safe inside a path or an anchor as they are.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

# A page per record, or an anchor on a shared page.
RECORD_PAGES = {
    "barrieres": "barrieres/{id}.md",
    "signalen": "signalen/{id}.md",
    "interventies": "interventies/{id}.md",
    "partners": "partners/{id}.md",
    "bronnen": "bronnen.md#{id}",
    "begrippen": "begrippen.md#{id}",
    "vormen": "begrippen.md#{id}",
    "gemeenten": "meldroute.md",
    "basisniveau": "stand-van-zaken.md#{id}",
    "beslisbomen": "beslisbomen/{id}/index.md",
    "casussen": "training/casussen/{id}.md",
    "oefeningen": "training/oefeningen/{id}.md",
    "sessies": "training/sessies/{id}.md",
}

# Pages that exist once per edition.
PAGES = {
    "start": "index.md",
    "barrieremodel": "barrieremodel.md",
    "meldroute": "meldroute.md",
    "stand_van_zaken": "stand-van-zaken.md",
    "begrippen": "begrippen.md",
    "bronnen": "bronnen.md",
    "interventies": "interventies/index.md",
    "partners": "partners/index.md",
    "matrix_vormen": "matrix/vormen.md",
    "matrix_interventies": "matrix/interventies.md",
    "beslisbomen": "beslisbomen/index.md",
    "kaarten": "kaarten/index.md",
    "signaal": "ingang/signaal.md",
    "training": "ingang/training.md",
    "training_overzicht": "training/index.md",
    "balie": "ingang/balie.md",
    "toezicht": "ingang/toezicht.md",
    "client": "ingang/client.md",
    "combinatiewijzer": "combinatiewijzer.md",
    "aandachtsfunctionaris": "ingang/aandachtsfunctionaris.md",
    "a_z": "a-z.md",
}

# Files beside the pages: the combinatiewijzer's script and its data, the blank form to print.
SCRIPTS = {
    "combinaties": "assets/js/combinatiewijzer.js",
    "combinaties_data": "assets/js/combinatiewijzer-data.js",
}
FORMULIER_PDF = "kaarten/pdf/vastleggen-a4.pdf"


def url_for(collection: str, record: Any) -> Markup:
    """The page (or anchor) of a record."""
    if collection == "rollen":  # a role lives on the page of its door, or on "Ik heb een signaal"
        door = PAGES[record.deur] if record.deur else PAGES["signaal"]
        return Markup(f"{door}#{record.id}")
    return Markup(RECORD_PAGES[collection].format(id=record.id))


def door(deur: str) -> Markup:
    return Markup(PAGES[deur])


def tree_node(boom: str, node: str, is_start: bool, route: int = 0) -> Markup:
    """A question or outcome; reached along more than one route, a page per route ('node--2.md').

    Ids never contain '--', so a route page cannot clash with another node's page.
    """
    if route:
        return Markup(f"beslisbomen/{boom}/{node}--{route + 1}.md")
    return Markup(f"beslisbomen/{boom}/{'index' if is_start else node}.md")


def tree_leg_vast(boom: str, node: str) -> Markup:
    """The 'Leg vast' form of a tree outcome (in its own folder: a node id never collides with it)."""
    return Markup(f"beslisbomen/{boom}/leg-vast/{node}.md")


def tree_overview(boom: str) -> Markup:
    return Markup(f"beslisbomen/{boom}/overzicht.md")


def drawing(page: str) -> Markup:
    """A page's diagram as a file of its own, beside the page so its links work from there, to open full size on a phone.

    'beslisbomen/x/overzicht.md' -> 'beslisbomen/x/overzicht-tekening.svg' (a node id never ends in '.svg').
    """
    return Markup(page.removesuffix(".md") + "-tekening.svg")


def card(ident: str) -> Markup:
    return Markup(f"kaarten/{ident}.md")


def deck_pdf(ident: str, sheet: str) -> Markup:
    return Markup(f"kaarten/pdf/{ident}-{sheet}.pdf")


# Training material that is not a Markdown page: handouts (PDF) and the slide sequences (static HTML).
SLIDES = "training/presentatie"
HANDOUTS = "training/pdf"


def slides(sessie: str) -> Markup:
    return Markup(f"{SLIDES}/{sessie}.html")


def handout(soort: str, ident: str, vel: str) -> Markup:
    """One A4 handout: ('casus', 'x', 'deelnemer') -> training/pdf/casus-x-deelnemer.pdf."""
    return Markup(f"{HANDOUTS}/{soort}-{ident}-{vel}.pdf")


def poster() -> Markup:
    return Markup(f"{HANDOUTS}/poster-barrieremodel-a3.pdf")


def html(path: str) -> str:
    """The built page for a docs path: 'signalen/x.md#a' -> 'signalen/x.html#a'."""
    page, _, anchor = path.partition("#")
    page = page[:-3] + ".html" if page.endswith(".md") else page
    return f"{page}#{anchor}" if anchor else page


def relative_root(path: str) -> Markup:
    """The prefix that leads from a page back to the docs root."""
    return Markup("../" * path.count("/"))
