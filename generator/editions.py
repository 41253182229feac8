"""What an edition may show: a public edition leaves every intern item out, before the graph is built."""

from __future__ import annotations

from .editie import Editie
from .loader import Content
from .model import COLLECTIE
from .problems import ContentError, Problem, Problems


def for_edition(content: Content, editie: Editie) -> Content:
    """The content this edition shows; a public item that needs an intern one is an error."""
    if editie.gemeente not in content.gemeenten:
        raise ContentError(Problems([Problem("content/gemeenten", 0, 0,
                                             f"gemeente '{editie.gemeente}' bestaat niet; kies uit: {', '.join(sorted(content.gemeenten))}",
                                             "onbekende-gemeente")]))
    if editie.publiek == "intern":
        return content
    weg = {(c, i) for c, i, record in content.all_records() if getattr(record, "zichtbaarheid", "publiek") == "intern"}
    kept = content.without(weg)
    problems = []
    for collection, ident, verwijzing in kept.references():
        target = (verwijzing.ref.collection, verwijzing.ident)
        if target in weg and not verwijzing.ref.optional:
            path, line, column = kept.where(collection, ident, *verwijzing.loc)
            noun = COLLECTIE[verwijzing.ref.collection].noun
            problems.append(Problem(path, line, column, f"verwijst naar {noun} '{verwijzing.ident}', die intern is: "
                                    "maak de verwijzing optioneel of het item publiek", "verwijzing-naar-intern"))
    if problems:
        raise ContentError(Problems(problems))
    return kept
