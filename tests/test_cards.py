"""Signaalkaarten and interventiekaarten: the print PDFs, measured."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pypdf
import pytest

from conftest import ROOT
from generator import cards, phrases, printer
from generator.build import BuildError, build, check, prepare
from generator.editie import Editie
from pdftags import tag_problems

MM = 72 / 25.4


def _size_mm(page) -> tuple[float, float]:
    box = page.mediabox
    return (round(float(box.width) / MM, 1), round(float(box.height) / MM, 1))


def _text(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module")
def prepared():
    return prepare(ROOT, Editie(out_dir=ROOT / "site"))


@pytest.fixture(scope="module")
def decks(prepared):
    return list(prepared.decks)


def test_cards_exist_per_barrier_role_and_intervention(decks) -> None:
    content = check(ROOT)
    all_cards = {k.id: k for d in decks for k in d.kaarten}
    signal_cards = [k for k in all_cards.values() if k.soort == "signaalkaart"]
    assert len([k for k in all_cards.values() if k.soort == "interventiekaart"]) == len(content.interventies)
    assert signal_cards
    for kaart in signal_cards:
        assert 1 <= len(kaart.signalen) <= cards.MAX_SIGNALEN
        assert all(kaart.rol.id in s.record.rollen and s.barriere is kaart.barriere for s in kaart.signalen)
        front = [r.tekst for blok in kaart.voorkant.blokken for r in blok.regels]
        assert all(s.titel in front for s in kaart.signalen)  # the web page and the PDF show this one structure
    for barriere in content.barrieres.values():
        for rol in content.rollen.values():
            signalen = [s.id for s in barriere.signalen if rol.id in s.rollen]
            assert (f"sk-{barriere.id}-{rol.id}" in all_cards) == (len(signalen) >= cards.MIN_SIGNALEN)
            on_cards = [s.id for k in signal_cards if k.barriere.id == barriere.id and k.rol.id == rol.id for s in k.signalen]
            # No signal is left off silently: all of them, each once, spread over as many cards as needed.
            assert sorted(on_cards) == (sorted(signalen) if len(signalen) >= cards.MIN_SIGNALEN else [])
    # Balie and toezicht staff get a card at the barriers they meet most.
    assert "sk-identiteit-balie-burgerzaken" in all_cards and "sk-huisvesting-toezicht-wonen" in all_cards


def test_a6_and_a4_pdfs(built_site: Path, decks) -> None:
    for deck in decks:
        a6 = pypdf.PdfReader(built_site / deck.a6)
        a4 = pypdf.PdfReader(built_site / deck.a4)
        assert len(a6.pages) == 2 * len(deck.kaarten), deck.id
        assert len(a4.pages) == 2 * math.ceil(len(deck.kaarten) / 4), deck.id
        assert {_size_mm(p) for p in a6.pages} == {(105.0, 148.0)}
        assert {_size_mm(p) for p in a4.pages} == {(210.0, 297.0)}
        text = " ".join(_text(a6).split())
        for kaart in deck.kaarten:
            assert f"Kaart {kaart.id}" in text, (deck.id, kaart.id)
            for signaal in kaart.signalen:
                assert " ".join(signaal.titel.split()) in text, (deck.id, signaal.id)
            if kaart.interventie:
                assert " ".join(kaart.interventie.grondslagen[0].regeling.split()) in text


def test_pdfs_are_tagged_dutch_and_embed_their_fonts(built_site: Path, decks) -> None:
    for path in [built_site / d.a6 for d in decks[:3] + decks[-1:]] + [built_site / decks[0].a4]:  # A4: with crop marks
        reader = pypdf.PdfReader(path)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, path.name
        assert root.get("/Lang") in ("nl", "nl-NL"), path.name
        assert root["/MarkInfo"]["/Marked"]
        assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), path.name


def test_a4_backs_are_mirrored_for_long_edge_duplex(built_site: Path, decks) -> None:
    deck = next(d for d in decks if len(d.kaarten) >= 2)
    reader = pypdf.PdfReader(built_site / deck.a4)
    positions: dict[str, float] = {}

    def visitor(text, cm, tm, font_dict, font_size):
        match = re.search(r"Kaart ([a-z0-9-]+)", text)
        if match:
            positions[match.group(1)] = tm[4] * cm[0] + cm[4]

    reader.pages[1].extract_text(visitor_text=visitor)
    first, second = deck.kaarten[0].id, deck.kaarten[1].id
    assert positions[second] < positions[first]  # card 2's back sits left, under card 1's front
    assert cards.sheets(deck.kaarten[:3])[0]["achter"][:2] == [deck.kaarten[1], deck.kaarten[0]]


def test_text_that_does_not_fit_fails_the_build_with_card_and_side(mini: Path, tmp_path: Path) -> None:
    source = mini / "interventions" / "adresonderzoek.yaml"
    long_steps = "\n".join(f"  - Stap {i} is " + "een lange zin over wat de toezichthouder precies moet doen " * 3 for i in range(12))
    source.write_text(source.read_text(encoding="utf-8").replace("hoe: [Vooronderzoek, Huisbezoek]", "hoe:\n" + long_steps),
                      encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build(mini, Editie(out_dir=tmp_path / "site"), say=lambda line: None)
    assert "kaart 'ik-adresonderzoek' voorkant past niet op A6" in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inhoud"]  # no site, no work folder left behind


def test_gemeente_contacts_and_qr_on_the_cards(tmp_path: Path) -> None:
    editie = Editie(out_dir=tmp_path / "site", gemeente="groningen", basis_url="https://intranet.voorbeeld.nl/barrierewijzer")
    site = prepare(ROOT, editie)
    full = next(d for d in site.decks if d.id == "rol-balie-burgerzaken")
    deck = cards.Deck(full.id, full.titel, full.kaarten[:1])
    printer.Printer(site.gemeente, site.versie).render(deck, tmp_path / "kaarten" / "pdf")
    reader = pypdf.PdfReader(tmp_path / deck.a6)
    back = " ".join(reader.pages[1].extract_text().split())
    assert "Aandachtsfunctionaris mensenhandel: " + phrases.SCHRIJFLIJN in back  # not filled in: a line to write on
    assert f"https://intranet.voorbeeld.nl/barrierewijzer/kaarten/{deck.kaarten[0].id}.html" in "".join(back.split())
    assert "/XObject" in reader.pages[1]["/Resources"] or "/Image" in str(reader.pages[1]["/Resources"])  # the QR code


def test_card_type_is_never_below_8pt() -> None:
    css = printer.CSS.read_text(encoding="utf-8")
    sizes = re.findall(r"font-size:\s*([0-9.]+)(\w+)", css)
    assert sizes
    assert all(unit == "pt" and float(value) >= 8 for value, unit in sizes), sizes


@pytest.fixture(scope="module")
def a4_pages(prepared, decks):
    """The laid-out A4 sheets (fronts, then backs) of a deck with at least four cards."""
    from weasyprint import HTML

    deck = next(d for d in decks if len(d.kaarten) >= 4)
    cards_printer = printer.Printer(prepared.gemeente, prepared.versie)
    return HTML(string=cards_printer.html(deck, "a4"), base_url=str(printer.TEMPLATES)).render().pages


PX_MM = 25.4 / 96


def _boxes(page, test) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) in mm of the border boxes on a page whose element passes test."""
    return [(b.border_box_x() * PX_MM, b.border_box_y() * PX_MM,
             (b.border_box_x() + b.border_width()) * PX_MM, (b.border_box_y() + b.border_height()) * PX_MM)
            for b in page._page_box.descendants() if getattr(b, "element", None) is not None and test(b)]


def test_a4_sheet_holds_four_a6_cells_in_a_two_by_two_grid(a4_pages) -> None:
    for page in a4_pages[:2]:  # the fronts, then the backs
        cells = [tuple(round(v, 1) for v in box) for box in _boxes(page, lambda b: b.element.get("class") == "cel")]
        assert cells == [(0, 0, 105, 148.5), (105, 0, 210, 148.5), (0, 148.5, 105, 297), (105, 148.5, 210, 297)]


def test_a4_sheets_have_crop_marks_at_every_cut_line_inside_the_printable_area(a4_pages) -> None:
    from weasyprint.formatting_structure.boxes import LineBox

    width, height, margin = 210, 297, 5  # an office printer prints from about 5 mm in from the edge
    for number, page in enumerate(a4_pages):
        cells = _boxes(page, lambda b: b.element.get("class") == "cel")
        cuts_x = {round(x, 1) for c in cells for x in (c[0], c[2])} - {0, width}
        cuts_y = {round(y, 1) for c in cells for y in (c[1], c[3])} - {0, height}
        assert cuts_x and cuts_y
        marks = _boxes(page, lambda b: "snijteken" in (b.element.get("class") or ""))
        eps = 0.2
        for x0, y0, x1, y1 in marks:
            assert x0 >= margin - eps and y0 >= margin - eps and x1 <= width - margin + eps and y1 <= height - margin + eps
        for x in cuts_x:  # a vertical cut: marks on the line near the top edge, the bottom edge and at every crossing cut
            on_line = [(y0, y1) for x0, y0, x1, y1 in marks if x0 - eps <= x <= x1 + eps and y1 - y0 > x1 - x0]
            assert any(y0 <= 15 for y0, _ in on_line) and any(y1 >= height - 15 for _, y1 in on_line), (number, x)
            assert all(any(y0 <= y <= y1 for y0, y1 in on_line) for y in cuts_y), (number, x)
        for y in cuts_y:
            on_line = [(x0, x1) for x0, y0, x1, y1 in marks if y0 - eps <= y <= y1 + eps and x1 - x0 > y1 - y0]
            assert any(x0 <= 15 for x0, _ in on_line) and any(x1 >= width - 15 for _, x1 in on_line), (number, y)
            assert all(any(x0 <= x <= x1 for x0, x1 in on_line) for x in cuts_x), (number, y)
        text = _boxes(page, lambda b: isinstance(b, LineBox) and b.width > 0)
        assert text
        for mx0, my0, mx1, my1 in marks:  # a mark never runs through text
            assert not any(mx0 < tx1 and tx0 < mx1 and my0 < ty1 and ty0 < my1 for tx0, ty0, tx1, ty1 in text), (number, mx0, my0)


def test_card_backs_give_112_once_and_supervision_is_not_investigation(decks) -> None:
    all_cards = {k.id: k for d in decks for k in d.kaarten}
    for kaart in all_cards.values():
        back = " ".join([kaart.achterkant.titel] + [r.tekst for blok in kaart.achterkant.blokken for r in blok.regels])
        if kaart.soort == "signaalkaart":
            assert back.count("112") == 1, kaart.id
        elif kaart.soort == "interventiekaart":
            assert (phrases.GEEN_OPSPORING in back) == kaart.interventie.is_toezicht, kaart.id
        assert not kaart.adres.endswith(".html")  # no web address known: a findable title, not a file path
    assert any(k.interventie.is_toezicht for k in all_cards.values() if k.interventie)
    assert any(not k.interventie.is_toezicht for k in all_cards.values() if k.interventie)


def test_signal_card_fronts_use_their_height(prepared, decks) -> None:
    """No half-empty front: the text runs to near the bottom, and no empty band is more than a fifth of the card.

    Fill is where the lowest line of text ends, as a share of the height inside the padding. Before the
    front spread its signals, fronts filled 46 % (minimum) to 63 % (median), with empty bands of up to half
    the card; a front that reaches 85 % and has no gap above 20 % reads as a full card, while a card that
    has to grow (more signals) still has room.
    """
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import LineBox

    cards_printer = printer.Printer(prepared.gemeente, prepared.versie)
    fronts: dict[str, tuple[float, float]] = {}
    for deck in decks:
        if not any(k.soort == "signaalkaart" for k in deck.kaarten) or not deck.id.startswith("barriere-"):
            continue  # the role decks hold the same cards
        document = HTML(string=cards_printer.html(deck, "a6"), base_url=str(printer.TEMPLATES)).render()
        assert not printer.overflowing_sides(document)
        for page in document.pages:
            side = next(b for b in page._page_box.descendants()
                        if getattr(b, "element", None) is not None and b.element.get("data-kant") and b.element_tag == "section")
            if side.element.get("data-kant") != "voorkant":
                continue
            usable = page.height - side.padding_top - side.padding_bottom
            lines = sorted((line.position_y, line.position_y + line.height) for line in side.descendants() if isinstance(line, LineBox))
            fill = (lines[-1][1] - side.content_box_y()) / usable
            gap = max([lines[0][0] - side.content_box_y()] + [b[0] - a[1] for a, b in zip(lines, lines[1:])]) / usable
            fronts[side.element.get("data-kaart")] = (fill, gap)
    signal_cards = {k.id for d in decks for k in d.kaarten if k.soort == "signaalkaart"}
    assert set(fronts) == signal_cards
    too_empty = {kaart: (round(fill, 2), round(gap, 2)) for kaart, (fill, gap) in fronts.items() if fill < 0.85 or gap > 0.2}
    assert not too_empty



def _page_texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_a_worker_reuses_the_card_fronts_and_lays_out_only_the_next_gemeentes_backs(tmp_path: Path) -> None:
    """`make edities`: a worker keeps the pages it laid out. The next gemeente's deck lays out only its backs (its
    meldroute differs), and its PDFs read page by page as the same deck printed from scratch, with sound tags."""
    groningen = prepare(ROOT, Editie(out_dir=tmp_path / "g", gemeente="groningen"))
    breda = prepare(ROOT, Editie(out_dir=tmp_path / "b", gemeente="breda"))
    deck_id = "rol-balie-burgerzaken"
    first, second = (next(d for d in site.decks if d.id == deck_id) for site in (groningen, breda))
    assert [k.voorkant for k in first.kaarten] == [k.voorkant for k in second.kaarten]
    assert [k.achterkant for k in first.kaarten] != [k.achterkant for k in second.kaarten]
    shared = printer.Layouts()
    printer.Printer(groningen.gemeente, groningen.versie, layouts=shared).render(first, tmp_path / "eerst")
    reusing = printer.Printer(breda.gemeente, breda.versie, layouts=shared)
    reusing.render(second, tmp_path / "daarna")
    fresh = printer.Printer(breda.gemeente, breda.versie, layouts=printer.Layouts())
    fresh.render(second, tmp_path / "vers")
    sheets = math.ceil(len(second.kaarten) / 4)
    assert fresh.laid_out == 2 * len(second.kaarten) + 2 * sheets
    assert reusing.laid_out == len(second.kaarten) + sheets  # the backs, and the A4 sheets of backs
    for pdf in (Path(second.a6).name, Path(second.a4).name):
        assert _page_texts(tmp_path / "daarna" / pdf) == _page_texts(tmp_path / "vers" / pdf), pdf
        before, after = _page_texts(tmp_path / "eerst" / pdf), _page_texts(tmp_path / "daarna" / pdf)
        assert [a == b for a, b in zip(before, after)] == [n % 2 == 0 for n in range(len(after))]  # fronts alike, backs not
        reader = pypdf.PdfReader(tmp_path / "daarna" / pdf)
        assert reader.metadata.title == printer.Printer.title(second, pdf[-6:-4])
        assert tag_problems(tmp_path / "daarna" / pdf) == []  # the tags of pages from two passes, sound and in page order
