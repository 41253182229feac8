"""Every rule the content must follow, one small class each, run in this order.

A new rule: write a Validator subclass (id, ernst, beschrijving, check) in the module that fits,
and add it to VALIDATORS. `make check` prints what they find; STRIKT=1 fails on warnings too.
"""

from __future__ import annotations

from ..loader import Content
from ..problems import Problem
from .base import Validator
from .combinaties import SamenMetDubbel, SamenMetZichzelf
from .gemeenten import Huisstijl, StandDubbel
from .graph import Dekking, InterventieNietGenoemd, SignaalLeidtNergens
from .records import (
    BegripIsVorm,
    GeldigVanafOntbreekt,
    GereserveerdeId,
    GrondslagNietGecontroleerd,
    InternNietGepubliceerd,
    LokaleRegelingOntbreekt,
    OnmogelijkeDatum,
    TopSignalenOntbreken,
)
from .references import DubbeleVerwijzing, OnbekendeVerwijzing
from .text import HtmlInTekst, InTeVullen, MarkdownTeDiep, RedactieInTekst
from .training import CasusHerkomst, CasusZonderModelantwoord, OpgaveAantalSignalen, OpgaveZelfdeBarriere, SessieDuur
from .trees import (
    BoomAcuut,
    BoomAntwoord,
    BoomDaderOfSlachtoffer,
    BoomGrootte,
    BoomKnoop,
    BoomLus,
    BoomOnbereikbaar,
    BoomRoutes,
    BoomStart,
)

VALIDATORS: tuple[type[Validator], ...] = (
    HtmlInTekst, MarkdownTeDiep, RedactieInTekst,
    OnbekendeVerwijzing, DubbeleVerwijzing, SamenMetZichzelf, SamenMetDubbel,
    GereserveerdeId, BegripIsVorm, LokaleRegelingOntbreekt, Huisstijl, StandDubbel, GeldigVanafOntbreekt, OnmogelijkeDatum,
    TopSignalenOntbreken,
    BoomKnoop, BoomStart, BoomAntwoord, BoomLus, BoomOnbereikbaar, BoomRoutes, BoomGrootte, BoomAcuut, BoomDaderOfSlachtoffer,
    SignaalLeidtNergens, InterventieNietGenoemd,
    CasusZonderModelantwoord, CasusHerkomst, SessieDuur, OpgaveAantalSignalen, OpgaveZelfdeBarriere,
    GrondslagNietGecontroleerd, InTeVullen, Dekking, InternNietGepubliceerd,
)


def validate(content: Content) -> list[Problem]:
    """Every problem: what loading found, then what each rule finds."""
    problems = list(content.problems)
    for validator in VALIDATORS:
        if validator.alleen_zonder_fouten and any(p.ernst == "fout" for p in problems):
            continue
        problems.extend(validator().check(content))
    return sorted(set(problems))


__all__ = ["VALIDATORS", "Validator", "validate"]
