"""The trainer's kit in the real content: the counts issue 11 asks for, and cases that hang together."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from generator import refs
from generator.build import check
from generator.model import VORMEN

SEED_CASES = {"diepvries-vier-euro", "bijna-drie-jaar", "rijtjeshuis", "zakkenroller-dagquotum"}
SEED_SOURCE = "groningen-actieprogramma"  # the seed that tells all four stories


@pytest.fixture(scope="module")
def content():
    return check(ROOT)


def test_enough_cases_covering_forms_barriers_and_roles(content) -> None:
    cases = content.casussen.values()
    assert len(cases) >= 10
    assert {v for c in cases for v in c.vormen} == set(VORMEN)
    per_barrier = Counter(b for c in cases for b in c.barrieres)
    assert {b: per_barrier[b] for b in content.barrieres if per_barrier[b] < 2} == {}
    # The trainer's door is for the one who uses the cases, not a role that meets the signals in them.
    with_door = {r.id for r in content.rollen.values() if r.deur and r.deur != "training"}
    assert with_door - {r for c in cases for r in c.rollen} == set()


def test_offender_and_victim_and_innocent_cases(content) -> None:
    cases = list(content.casussen.values())
    assert sum(1 for c in cases if c.modelantwoord.dader_of_slachtoffer) >= 2
    innocent = [c for c in cases if c.afloop == "onschuldig"]
    assert len(innocent) >= 2
    for case in cases:  # an innocent case names no combination to report; a case of exploitation does
        assert bool(case.modelantwoord.combinatie) == (case.afloop == "uitbuiting"), case.id


def test_the_seed_stories_are_there_and_cite_the_seed(content) -> None:
    assert SEED_CASES <= set(content.casussen)
    for ident in SEED_CASES:
        case = content.casussen[ident]
        assert SEED_SOURCE in case.bronnen and case.herkomst.startswith("Naar "), ident
    for case in content.casussen.values():
        if case.id not in SEED_CASES:
            assert case.herkomst.startswith(("Fictief, samengesteld uit", "Naar ")), case.id


def test_every_case_reference_resolves_and_fits_the_story(content) -> None:
    for case in content.casussen.values():
        found = list(refs.references(case))
        assert {v.veld for v in found} >= {"rollen", "vormen", "barrieres", "signalen", "bellen"}, case.id
        for verwijzing in found:
            assert verwijzing.ident in content.records[verwijzing.ref.collection], (case.id, verwijzing)
        in_scenes = {s for scene in case.scenes for s in scene.signalen}
        assert {content.barriere_van(s) for s in in_scenes} <= set(case.barrieres), case.id
        assert set(case.modelantwoord.combinatie) <= in_scenes, case.id
        assert not {o.signaal for o in case.onschuldig} & in_scenes, case.id
        assert set(case.modelantwoord.barrieres) <= set(case.barrieres), case.id


def test_exercise_sets_hold_combinations_and_distractors(content) -> None:
    sets = content.oefeningen.values()
    assert len(sets) >= 3
    for oefening in sets:
        soorten = Counter(o.soort for o in oefening.opgaven)
        assert soorten["combinatie"] >= 2 and soorten["afleider"] >= 1, oefening.id
        for opgave in oefening.opgaven:
            assert 2 <= len(opgave.signalen) <= 4, opgave.id
            if opgave.soort == "combinatie":
                assert len({content.barriere_van(s) for s in opgave.signalen}) >= 2, opgave.id


def test_sessions_for_every_audience_and_length(content) -> None:
    sessies = list(content.sessies.values())
    grid = {(d, m) for d in ("balie", "toezicht", "client", "iedereen") for m in (30, 60, 90)}
    assert grid <= {(s.doelgroep, s.duur_minuten) for s in sessies}  # 30, 60 and 90 minutes for every audience
    for sessie in sessies:
        assert sum(b.minuten for b in sessie.blokken) == sessie.duur_minuten, sessie.id
        assert any(b.casus for b in sessie.blokken), sessie.id
