"""Curated combinations on the built signal pages, the 'Leg vast' pages and the blank form PDF."""

from __future__ import annotations

from pathlib import Path

import pypdf

from conftest import ROOT
from generator import urls
from generator.build import check
from generator.combinaties import geldige_paren
from sitepages import internal_target, parse

MM = 72 / 25.4


def _combined_with(site: Path, ident: str) -> set[str]:
    """The signal ids the 'Komt vaak samen voor met' list on a signal page links to."""
    page = site / "signalen" / f"{ident}.html"
    heading = parse(page).xpath("//h2[@id='samen-met']")
    if not heading:
        return set()
    found = set()
    for a in heading[0].xpath("following-sibling::ul[1]//a[@href]"):
        target = internal_target(page, a.get("href"))
        if target and target[0].parent.name == "signalen":
            found.add(target[0].stem)
    return found


def test_at_least_80_percent_of_signals_link_to_another(built_site: Path) -> None:
    content = check(ROOT)
    linked = {ident for ident in content.signalen if _combined_with(built_site, ident) - {ident}}
    assert len(linked) >= 0.8 * len(content.signalen), f"{len(linked)} van {len(content.signalen)}"


def test_every_curated_pair_shows_on_both_signal_pages(built_site: Path) -> None:
    content = check(ROOT)
    paren = geldige_paren(content)
    assert paren
    missing = [(p.van, p.met) for p in paren
               if p.met not in _combined_with(built_site, p.van) or p.van not in _combined_with(built_site, p.met)]
    assert missing == []
    # Most pairs join two barriers: a combination across steps of the model says more.
    across = [p for p in paren if content.barriere_van(p.van) != content.barriere_van(p.met)]
    assert len(across) >= 0.8 * len(paren)


def test_every_tree_outcome_links_to_its_leg_vast_form(built_site: Path) -> None:
    content = check(ROOT)
    for boom in content.beslisbomen.values():
        for uitkomst in boom.uitkomsten:
            outcome = built_site / urls.html(str(urls.tree_node(boom.id, uitkomst.id, False)))
            form = built_site / urls.html(str(urls.tree_leg_vast(boom.id, uitkomst.id)))
            targets = {internal_target(outcome, a.get("href")) for a in parse(outcome).xpath("//article//a[@href]")}
            assert (form.resolve(), "") in targets, outcome
            tree = parse(form)
            assert not tree.xpath("//article//form")  # nothing to submit: the page sends nothing
            # One observation box per signal of the outcome, plus the boxes for facts and interpretation.
            boxes = {t.get("id") for t in tree.xpath("//textarea")}
            assert {f"legvast-s-{s}" for s in uitkomst.signalen} | {"legvast-feiten", "legvast-interpretatie"} <= boxes


def test_blank_form_pdf_is_a4_tagged_and_has_text(built_site: Path) -> None:
    reader = pypdf.PdfReader(built_site / urls.FORMULIER_PDF)
    assert reader.pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Feiten" in text and "interpretatie" in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA)
    assert all(_embedded(font) for page in reader.pages for font in page["/Resources"]["/Font"].values())


def _embedded(font) -> bool:
    font = font.get_object()
    descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
