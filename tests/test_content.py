"""The real content meets what the handbook promises its users."""

from __future__ import annotations

import pytest

from conftest import ROOT
from generator import graph as graphs
from generator.build import check
from generator.model import IN_TE_VULLEN, VORMEN

BARRIERES = ["werving", "entree", "huisvesting", "identiteit", "vervoer", "arbeid", "financien"]


@pytest.fixture(scope="module")
def content():
    return check(ROOT)


def test_seven_barriers_in_order_and_vervoer_marked_as_extension(content) -> None:
    assert list(content.barrieres) == BARRIERES
    assert [b.volgorde for b in content.barrieres.values()] == sorted(b.volgorde for b in content.barrieres.values())
    assert content.barrieres["vervoer"].uitbreiding
    assert [b for b in BARRIERES if content.barrieres[b].uitbreiding] == ["vervoer"]


def test_enough_signals_in_every_barrier_and_form(content) -> None:
    assert len(content.signalen) >= 70
    assert graphs.coverage(content).dun(minimum=3) == []
    assert set(VORMEN) == set(content.vormen)


def test_enough_interventions_each_complete(content) -> None:
    assert len(content.interventies) >= 25
    for interventie in content.interventies.values():
        assert interventie.grondslag and all(g.regeling for g in interventie.grondslag), interventie.id
        assert interventie.hoe and interventie.wanneer and interventie.bevoegd_orgaan and interventie.uitvoerder
        if interventie.vereist_lokale_regeling:
            assert interventie.lokale_regeling, f"{interventie.id}: welke lokale regeling is nodig?"
        if interventie.status == "in-voorbereiding":
            assert interventie.geldig_vanaf, f"{interventie.id}: vanaf wanneer?"


def test_known_legal_anchors_are_present(content) -> None:
    """The instruments the sources name, with the article they name."""
    bases = {(g.regeling, g.artikel) for v in content.interventies.values() for g in v.grondslag}
    for expected in [("Gemeentewet", "151d"), ("Gemeentewet", "174a"), ("Opiumwet", "13b")]:
        assert expected in bases
    wtta = content.interventies["wtta-toelating"]
    assert wtta.status == "in-voorbereiding" and wtta.geldig_vanaf.isoformat() == "2027-01-01"
    assert content.interventies["woonoverlast-151d"].vereist_lokale_regeling is True


def test_national_numbers_are_in_the_partner_data(content) -> None:
    phones = {p.id: p.telefoon for p in content.partners.values()}
    assert phones["noodnummer-112"] == "112"
    assert phones["politie"] == "0900-8844"
    assert phones["meld-misdaad-anoniem"] == "0800-7000"
    assert phones["veilig-thuis"] == "0800-2000"
    assert phones["arbeidsinspectie"] == "0800-5151"
    assert "comensha" in phones and phones["comensha"] is None  # not verified in the sources: left out, not invented
    assert content.partners["noodnummer-112"].acuut


def test_gemeente_profiles(content) -> None:
    assert {"landelijk", "groningen", "breda", "voorbeeld"} <= set(content.gemeenten)
    national = {p.telefoon for p in content.partners.values() if p.soort == "landelijk" and p.telefoon}
    for gemeente in content.gemeenten.values():
        first = gemeente.meldroute[0]
        assert first.partners == ["noodnummer-112"], f"{gemeente.id}: acuut gevaar gaat voor"
        assert "aandachtsfunctionaris" in gemeente.meldroute[1].partners, f"{gemeente.id}: eerst intern melden"
        if gemeente.id == "voorbeeld":  # the fictional profile: its people and numbers are made up, and intern
            assert all(c.zichtbaarheid == "intern" for c in gemeente.contacten if c.persoon)
            continue
        for contact in gemeente.contacten:
            # A real profile names no person and invents no number: only national numbers from partners.yaml.
            assert contact.persoon is None and contact.email is None, (gemeente.id, contact.naam)
            assert contact.telefoon is None or contact.telefoon in national, (gemeente.id, contact.telefoon)


def test_criminal_exploitation_signals_route_to_care(content) -> None:
    care = {"dader-of-slachtoffer-zorgroute"}
    routes = {"veilig-thuis", "zorgcoordinator"}
    youth = [s for s in content.signalen.values() if "criminele-uitbuiting" in s.vormen and "jeugd-onderwijs" in s.rollen]
    assert youth
    for signaal in youth:
        assert care & set(signaal.interventies) or routes & set(signaal.partners), signaal.id


def test_every_signal_is_met_by_some_role_and_door(content) -> None:
    with_door = {r.id for r in content.rollen.values() if r.deur}
    for signaal in content.signalen.values():
        assert set(signaal.rollen) & with_door or "aandachtsfunctionaris" in signaal.rollen, signaal.id


def test_at_most_three_articles_are_still_to_be_found_each_with_its_reason(content) -> None:
    open_articles = [(ident, g) for ident, _, g in content.grondslagen() if g.artikel == IN_TE_VULLEN]
    assert len(open_articles) <= 3
    assert all(g.redactie for _, g in open_articles), [ident for ident, g in open_articles if not g.redactie]
