"""The doors of the start page: the block on top (signals, what to record, whom to call), by role."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from generator import urls
from generator.build import check, prepare
from generator.editie import Editie
from generator.model import MAX_TOP_SIGNALEN
from generator.views import tel_url
from sitepages import parse

DOORS = ("balie", "toezicht", "client", "training", "signaal", "aandachtsfunctionaris")


@pytest.fixture(scope="module")
def doors(tmp_path_factory: pytest.TempPathFactory) -> dict:
    site = prepare(ROOT, Editie(out_dir=tmp_path_factory.mktemp("uit")))
    return {page.context["deur"].id: page.context["deur"] for page in site.pages if "deur" in page.context}


def test_every_door_has_a_block_with_the_chosen_signals(doors: dict) -> None:
    content = check(ROOT)
    assert set(doors) == set(DOORS)
    for deur in doors.values():
        assert deur.rollen, deur.id
        for blok in deur.rollen:
            chosen = content.rollen[blok.rol.id].top_signalen
            assert [s.id for s in blok.signalen] == chosen, blok.rol.id  # the editors' choice, in their order
            assert 1 <= len(blok.signalen) <= MAX_TOP_SIGNALEN
            assert blok.vastleggen


def test_whom_to_call_follows_the_meldroute(doors: dict) -> None:
    """A frontline door: 112 and the first stop. The aandachtsfunctionaris: 112 and where it goes next."""
    def called(deur: str) -> list[str]:
        return [str(n.pad) for stap in doors[deur].bellen for n in stap.nummers]

    balie = called("balie")
    assert balie[0] == "partners/noodnummer-112.md" and balie[-1] == "partners/aandachtsfunctionaris.md"
    af = called("aandachtsfunctionaris")
    assert af[0] == "partners/noodnummer-112.md"
    assert "partners/aandachtsfunctionaris.md" not in af
    assert {"partners/zorgcoordinator.md", "partners/politie.md", "partners/arbeidsinspectie.md", "partners/veilig-thuis.md"} <= set(af)


def test_tel_links_keep_only_digits_and_a_leading_plus() -> None:
    assert tel_url("0800-5151") == "tel:08005151"
    assert tel_url("+31 70 333 44 44") == "tel:+31703334444"


def test_a_door_role_without_top_signals_gets_a_warning(mini: Path) -> None:
    rollen = mini / "content" / "rollen.yaml"
    rollen.write_text(rollen.read_text(encoding="utf-8").replace("    top_signalen: [hv-veel-mensen]\n", ""), encoding="utf-8")
    found = [(p.path, p.regel, p.ernst) for p in check(mini).problems if p.regel == "top-signalen-ontbreken"]
    assert found == [("content/rollen.yaml", "top-signalen-ontbreken", "waarschuwing")]


def test_built_doors_open_with_the_block(built_site: Path) -> None:
    for deur in DOORS:
        page = built_site / urls.html(urls.PAGES[deur])
        blocks = parse(page).find_class("bw-deurblok")
        assert len(blocks) == 1, page
        block = blocks[0]
        hrefs = [a.get("href") or "" for a in block.iter("a")]
        assert any(h.startswith("tel:") for h in hrefs), page
        assert any(h.endswith("meldroute.html") for h in hrefs), page
        lists = block.xpath(".//ol")  # one list of top signals per role (a tab each when a door has several roles)
        assert lists and all(1 <= len(ol.xpath("./li/a[contains(@href, 'signalen/')]")) <= MAX_TOP_SIGNALEN for ol in lists), page
        # The block comes first: nothing but the title and one line stand before it.
        assert [e.tag for e in block.xpath("preceding-sibling::*")] == ["h1", "p"], page


def test_a_to_z_lists_every_signal_intervention_and_begrip(built_site: Path) -> None:
    content = check(ROOT)
    page = built_site / urls.html(urls.PAGES["a_z"])
    tree = parse(page)
    hrefs = {a.get("href") for a in tree.iter("a")}
    expected = {f"signalen/{i}.html" for i in content.signalen} | {f"interventies/{i}.html" for i in content.interventies}
    expected |= {f"begrippen.html#{i}" for i in content.begrippen}
    assert expected <= hrefs
    letters = tree.xpath("//nav[contains(@class, 'bw-az-letters')]//a/@href")
    headings = set(tree.xpath("//h2/@id"))
    assert letters and all(h.startswith("#") and h[1:] in headings for h in letters)


def test_matrix_cells_show_the_signals_not_bare_counts(built_site: Path) -> None:
    content = check(ROOT)
    tree = parse(built_site / "matrix" / "vormen.html")
    links = [a.get("href") for a in tree.xpath("//div[contains(@class, 'bw-matrix')]//td//a")]
    for ident, signaal in content.signalen.items():  # a signal stands in the cell of each of its forms
        assert links.count(f"../signalen/{ident}.html") == len(signaal.vormen), ident
    tree = parse(built_site / "matrix" / "interventies.html")
    links = [a.get("href") for a in tree.xpath("//div[contains(@class, 'bw-matrix')]//td//a")]
    for ident, signaal in content.signalen.items():  # and in the row of each intervention it leads to
        assert links.count(f"../signalen/{ident}.html") == len(signaal.interventies), ident
