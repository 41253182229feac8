"""The trainer's kit in the built site: pages, handouts (PDF) and combination cards."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from conftest import ROOT
from generator import handouts, layouts
from generator.build import check, prepare
from generator.editie import Editie
from generator.urls import html
from pdfpixels import differing, rasters
from pdftags import tag_problems
from sitepages import parse

MM = 72 / 25.4


def _flat(value: str) -> str:
    """One line, and a word broken at its hyphen at a line end joined again ('non- punishment')."""
    return re.sub(r"-\s+", "-", " ".join(value.split()))


def _text(path: Path) -> str:
    return _flat(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


@pytest.fixture(scope="module")
def site():
    return prepare(ROOT, Editie(out_dir=ROOT / "site"))


@pytest.fixture(scope="module")
def content():
    return check(ROOT)


def test_every_handout_exists_fits_its_pages_and_is_tagged_dutch(built_site: Path, site) -> None:
    items = handouts.handouts(site)
    cases = site.index.all("casussen")
    assert {h.id for h in items} >= {f"casus-{c.id}-{vel}" for c in cases for vel in ("deelnemer", "trainer")}
    assert {h.id for h in items} >= {f"sessie-{s.id}-samenvatting" for s in site.index.all("sessies")}
    for h in items:
        reader = pypdf.PdfReader(built_site / h.pad)
        assert 1 <= len(reader.pages) <= h.max_paginas, h.id
        size = {(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM)) for p in reader.pages}
        assert size == ({(420, 297)} if h.poster else {(210, 297)}), h.id
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root.get("/Lang") in ("nl", "nl-NL"), h.id
        assert reader.metadata.title == h.titel
        # Every marked text in the tag tree, the running footer too (WeasyPrint leaves it out; pdfpages puts it in).
        assert tag_problems(built_site / h.pad) == [], h.id
        assert reader.outline and all(reader.get_destination_page_number(b) < len(reader.pages) for b in reader.outline), h.id
    fonts = pypdf.PdfReader(built_site / items[0].pad).pages[0]["/Resources"]["/Font"].values()
    for font in fonts:
        font = font.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_participant_sheets_hold_the_story_but_no_answers(built_site: Path, content) -> None:
    for case in content.casussen.values():
        a = case.modelantwoord
        answers = [a.waarom, *a.vastleggen, *(o.waarom for o in case.onschuldig)] + ([a.dader_of_slachtoffer] if a.dader_of_slachtoffer else [])
        answers += [content.signalen[s].titel for scene in case.scenes for s in scene.signalen]
        for sheet, shown in (("deelnemer", False), ("trainer", True)):
            text = _text(built_site / "training" / "pdf" / f"casus-{case.id}-{sheet}.pdf")
            assert _flat(case.titel) in text
            if not shown:
                assert all(_flat(scene.tekst) in text for scene in case.scenes), case.id
            leaked = [answer for answer in answers if _flat(answer) in text]
            assert (leaked == answers) if shown else (leaked == []), (case.id, sheet, leaked[:1])


def test_session_sheets_leave_out_explanations_and_the_summary_has_the_route(built_site: Path, site, content) -> None:
    for sessie in site.index.all("sessies"):
        oefenbladen = _text(built_site / sessie.oefeningen_pdf)
        for oefening in sessie.oefeningen:
            for opgave in oefening.record.opgaven:
                assert _flat(opgave.situatie) in oefenbladen and _flat(opgave.uitleg) not in oefenbladen, opgave.id
        for case in sessie.casussen:
            assert _flat(case.record.modelantwoord.waarom) not in oefenbladen, case.id
        summary = _text(built_site / sessie.samenvatting_pdf)
        assert all(b.titel in summary for b in content.barrieres.values())
        assert all(_flat(stap.titel) in summary for stap in site.gemeente.meldroute), sessie.id


def test_combination_cards_one_per_set(site, content) -> None:
    decks = {d.id: d for d in site.decks}
    for oefening in content.oefeningen.values():
        deck = decks[f"oefening-{oefening.id}"]
        assert [tuple(s.id for s in k.signalen) for k in deck.kaarten] == [tuple(o.signalen) for o in oefening.opgaven]


def test_handout_that_does_not_fit_fails_with_its_id(mini: Path, tmp_path: Path) -> None:
    case = mini / "content" / "casussen" / "volle-woning.yaml"
    long_scene = "    tekst: " + "Een lange zin over wat de medewerker aan de balie allemaal ziet en hoort. " * 70
    case.write_text(case.read_text(encoding="utf-8").replace("    tekst: Een man schrijft de tiende persoon in op een klein adres.",
                                                            long_scene), encoding="utf-8")
    site = prepare(mini, Editie(out_dir=tmp_path / "site"))
    with pytest.raises(handouts.HandoutError) as raised:
        handouts.print_all(site, tmp_path / "docs", lambda line: None)
    assert "'casus-volle-woning-deelnemer'" in str(raised.value)


def test_case_pages_fold_the_answer_away_and_signal_pages_link_back(built_site: Path, content) -> None:
    for case in content.casussen.values():
        page = built_site / html(f"training/casussen/{case.id}.md")
        tree = parse(page)
        details = tree.findall(".//details")
        assert len(details) == 1 and details[0].get("open") is None, case.id
        folded = {a.get("href", "").rsplit("/", 1)[-1] for a in details[0].iter("a")}
        assert {f"{s}.html" for s in case.modelantwoord.combinatie} <= folded, case.id
        before = tree.xpath("//details/preceding::a/@href")
        assert not any(f"signalen/{s}.html" in href for s in case.modelantwoord.combinatie for href in before), case.id
        for signaal in {s for scene in case.scenes for s in scene.signalen}:
            signal_page = parse(built_site / "signalen" / f"{signaal}.html")
            hrefs = signal_page.xpath("//h2[@id='komt-voor-in-casus']/following-sibling::ul[1]//a/@href")
            assert f"../training/casussen/{case.id}.html" in hrefs, (signaal, case.id)


def test_trainer_door_leads_to_the_kit(built_site: Path, content) -> None:
    door = parse(built_site / "ingang" / "training.html")
    hrefs = set(door.xpath("//article//a/@href"))
    assert "../training/index.html" in hrefs
    assert {f"../training/sessies/{s}.html" for s in content.sessies} <= hrefs
    overview = set(parse(built_site / "training" / "index.html").xpath("//article//a/@href"))
    assert {f"casussen/{c}.html" for c in content.casussen} <= overview
    assert {f"presentatie/{s}.html" for s in content.sessies} <= overview


def test_session_sheets_reuse_laid_out_pages_and_editions_share_the_cache(mini: Path, tmp_path: Path) -> None:
    from generator.printer import PdfCache

    site = prepare(mini, Editie(out_dir=tmp_path / "site"))
    cache = PdfCache(tmp_path / "cache")
    files, laid_out, _ = handouts.print_all(site, tmp_path / "een", lambda line: None, cache)
    session = tmp_path / "een" / "training" / "pdf" / "sessie-balie-kort-oefenbladen.pdf"
    assert len(pypdf.PdfReader(session).pages) == 2  # the case's participant sheet, then the exercise sheet
    own = [p for p in (tmp_path / "een").rglob("*.pdf") if p != session]
    assert files == len(own) + 1
    assert laid_out == sum(len(pypdf.PdfReader(p).pages) for p in own)  # the session sheets were not laid out again
    _, again, _ = handouts.print_all(site, tmp_path / "twee", lambda line: None, cache)
    assert again == 0
    first = {p.relative_to(tmp_path / "een"): p.read_bytes() for p in (tmp_path / "een").rglob("*.pdf")}
    assert first == {p.relative_to(tmp_path / "twee"): p.read_bytes() for p in (tmp_path / "twee").rglob("*.pdf")}


def test_a_stacked_summary_looks_like_the_summary_laid_out_whole_and_the_next_gemeente_lays_out_one_band(tmp_path: Path) -> None:
    """A session summary is stacked from three bands; only the middle one, the meldroute, differs per gemeente, and it
    is the same in every session. Drawn, the stacked page is the page laid out in one flow; and after one gemeente's
    summaries, the next gemeente's are made by laying out its meldroute band alone."""
    from weasyprint import HTML

    shared = layouts.Layouts(handouts.TEMPLATES)
    made = []
    for gemeente in ("voorbeeld", "breda"):
        site = prepare(ROOT, Editie(out_dir=tmp_path / gemeente, gemeente=gemeente, publiek="intern"))
        items = [h for h in handouts.handouts(site) if h.banden]
        assert len(items) == len(site.index.all("sessies")) >= 2
        printer = handouts.HandoutPrinter(site, layouts=shared)
        before = shared.passes
        printer.print(items, tmp_path / gemeente / "docs")
        made.append((shared.passes - before, {band for h in items for band in printer._band_pages[h.id]}))
        assert len({printer._band_pages[h.id][1] for h in items}) == 1  # one meldroute band for all sessions
        for h in items:
            whole = HTML(string=printer.html([printer.body(h)]), base_url=str(handouts.TEMPLATES)).write_pdf(**layouts.PDF_OPTIONS)
            stacked, direct = rasters(tmp_path / gemeente / "docs" / h.pad), rasters(whole)
            assert len(stacked) == len(direct) == 1, h.id
            assert differing(stacked[0], direct[0]) < 0.0005, h.id
            assert _flat(site.gemeente.naam) in _text(tmp_path / gemeente / "docs" / h.pad)
    (first, first_bands), (second, second_bands) = made
    assert first == len(first_bands)  # every band laid out once (sessions may share a last band)
    assert len(second_bands - first_bands) == 1 and second == 1


def test_a_stacked_summary_is_refused_exactly_when_the_whole_summary_runs_over(site, tmp_path: Path) -> None:
    """Walk the meldroute from short to too long, a line at a time: the stacked summary fails, with its id, exactly
    when the summary laid out in one flow needs a second page."""
    import dataclasses

    from weasyprint import HTML

    from generator import cards

    summary = next(h for h in handouts.handouts(site) if h.banden)
    seen = set()
    for steps in range(1, 80):
        route = cards.Blok(tuple(cards.Regel(f"bel {n}", label=f"Stap {n}") for n in range(steps)))
        long_route = dataclasses.replace(summary, context={**summary.context, "meldroute": route})
        printer = handouts.HandoutPrinter(site, layouts=layouts.Layouts(handouts.TEMPLATES))
        whole = HTML(string=printer.html([printer.body(long_route)]), base_url=str(handouts.TEMPLATES)).render()
        try:
            printer.print([long_route], tmp_path / str(steps))
            fits_stacked = True
        except handouts.HandoutError as exc:
            assert f"'{summary.id}' past niet op één pagina" in str(exc)
            fits_stacked = False
        assert fits_stacked == (len(whole.pages) == 1), steps
        seen.add(fits_stacked)
        if not fits_stacked:
            break
    assert seen == {True, False}  # walked over the edge
