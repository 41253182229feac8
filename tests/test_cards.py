"""Signaalkaarten and interventiekaarten: the print PDFs, measured."""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

import pypdf
import pytest

from conftest import ROOT
from generator import cards, layouts, phrases, printer
from generator.build import BuildError, build, check, prepare
from generator.editie import Editie
from pdfpixels import differing, rasters
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
            resources = [page["/Resources"]]  # an A4 sheet paints its cards as forms, each with its own fonts
            resources += [form.get_object()["/Resources"] for form in page["/Resources"].get("/XObject", {}).values()
                          if form.get_object()["/Subtype"] == "/Form"]
            fonts = [font.get_object() for r in resources for font in r.get_object().get("/Font", {}).values()]
            assert fonts, path.name
            for font in fonts:
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), path.name
        assert tag_problems(path) == [], path.name


def test_a4_backs_are_mirrored_for_long_edge_duplex(built_site: Path, decks) -> None:
    deck = next(d for d in decks if len(d.kaarten) >= 2)
    backs = {card: (left, top) for card, left, top in _placed(built_site / deck.a4, 1)}
    first, second = deck.kaarten[0].id, deck.kaarten[1].id
    assert backs[second] == (0, 0) and backs[first] == (105, 0)  # card 2's back sits left, under card 1's front
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
    # The QR code: drawn on the back (SVG, into the page itself) and tagged as a figure with its text alternative.
    # (This used to look for an /XObject key in the page resources, which every page had, empty, so it could not fail.)
    import pikepdf

    pdf = pikepdf.open(tmp_path / deck.a6)
    back_page = pdf.pages[1].obj.objgen

    def figures(element):
        if not isinstance(element, pikepdf.Dictionary):
            return []
        kids = element.get("/K")
        found = [element] if element.get("/S") == "/Figure" else []
        return found + [f for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) for f in figures(kid)]

    qr = [f for f in figures(pdf.Root.StructTreeRoot.K) if f.Pg.objgen == back_page]
    assert len(qr) == 1 and str(qr[0].get("/Alt", "")).strip()


def test_card_type_is_never_below_8pt() -> None:
    css = printer.CSS.read_text(encoding="utf-8")
    sizes = re.findall(r"font-size:\s*([0-9.]+)(\w+)", css)
    assert sizes
    assert all(unit == "pt" and float(value) >= 8 for value, unit in sizes), sizes


def _placed(path: Path, number: int) -> list[tuple[str | None, float, float]]:
    """Where each card sits on side `number` of an A4 sheet PDF: (card id, left, top) in mm from the top left corner.

    A card's content is moved into place (`1 0 0 1 x y cm`) and clipped to its A6 size (`0 0 w h re W n`); its id
    is the "Kaart …" text that lies inside that box (a back shows it, a front does not: None). Only the sheet's own
    placements count, not those inside a card (a back is itself made of bands placed on it).
    """
    import pikepdf

    pdf = pikepdf.open(path)
    sheet = pdf.pages[number]
    height = float(sheet.mediabox[3])
    boxes, last_cm, depth = [], None, 0
    for operands, operator in pikepdf.parse_content_stream(sheet):
        depth += {"q": 1, "Q": -1}.get(str(operator), 0)
        if operator == pikepdf.Operator("cm") and depth == 1:
            last_cm = [float(v) for v in operands]
        elif operator == pikepdf.Operator("re") and last_cm and last_cm[:4] == [1, 0, 0, 1] and [float(v) for v in operands[:2]] == [0, 0]:
            w, h = float(operands[2]), float(operands[3])
            if (round(w / MM), round(h / MM)) == (105, 148):
                boxes.append((last_cm[4], last_cm[5], w, h))
            last_cm = None
    ids: dict[int, str] = {}

    def visitor(text, cm, tm, font_dict, font_size):
        match = re.search(r"Kaart ([a-z0-9-]+)", text)
        if match:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            for index, (bx, by, w, h) in enumerate(boxes):
                if bx <= x <= bx + w and by <= y <= by + h:
                    ids[index] = match.group(1)

    pypdf.PdfReader(path).pages[number].extract_text(visitor_text=visitor)
    return [(ids.get(index), round(bx / MM, 1), round((height - by - h) / MM, 1)) for index, (bx, by, w, h) in enumerate(boxes)]


def _marks(path: Path, number: int) -> tuple[list[tuple[float, float, float, float]], bool]:
    """The lines drawn on side `number` of an A4 sheet itself, not inside a card (x0, y0, x1, y1 in mm from the top
    left), and whether all of them are drawn as an artifact (outside the tagged content)."""
    import pikepdf

    pdf = pikepdf.open(path)
    sheet = pdf.pages[number]
    height = float(sheet.mediabox[3])
    lines, start, artifact, all_artifact = [], (0.0, 0.0), 0, True
    moved = [False]  # per graphics state level: whether a transformation moved it (into a card)
    for operands, operator in pikepdf.parse_content_stream(sheet):
        op = str(operator)
        if op == "q":
            moved.append(moved[-1])
        elif op == "Q":
            moved.pop()
        elif op == "cm":
            moved[-1] = True
        elif op in ("BMC", "BDC"):
            artifact = artifact + 1 if str(operands[0]) == "/Artifact" or artifact else 0
        elif op == "EMC":
            artifact = max(0, artifact - 1)
        elif op == "m" and not moved[-1]:
            start = (float(operands[0]) / MM, (height - float(operands[1])) / MM)
        elif op == "l" and not moved[-1]:
            lines.append((start[0], start[1], float(operands[0]) / MM, (height - float(operands[1])) / MM))
            all_artifact = all_artifact and artifact > 0
    return lines, all_artifact


@pytest.fixture(scope="module")
def a4_deck(built_site: Path, decks):
    """The A4 PDF of a deck with at least four cards, and the deck."""
    deck = next(d for d in decks if len(d.kaarten) >= 4)
    return built_site / deck.a4, deck


def test_a4_sheet_holds_four_a6_cells_in_a_two_by_two_grid(a4_deck) -> None:
    path, deck = a4_deck
    for number in (0, 1):  # the fronts, then the backs
        cells = sorted((left, top) for _, left, top in _placed(path, number))
        assert cells == [(0, 0), (0, 148.5), (105, 0), (105, 148.5)]
    assert {_size_mm(page) for page in pypdf.PdfReader(path).pages} == {(210.0, 297.0)}


def test_a4_sheets_have_crop_marks_at_every_cut_line_inside_the_printable_area(a4_deck) -> None:
    path, deck = a4_deck
    width, height, margin = 210, 297, 5  # an office printer prints from about 5 mm in from the edge
    for number in range(len(pypdf.PdfReader(path).pages)):
        cells = [(left, top) for _, left, top in _placed(path, number)]
        cuts_x = {round(left + edge, 1) for left, _ in cells for edge in (0, 105)} - {0, width}
        cuts_y = {round(top + edge, 1) for _, top in cells for edge in (0, 148.5)} - {0, height}
        assert cuts_x == {105} and cuts_y == {148.5}
        marks, artifact = _marks(path, number)
        assert marks and artifact  # decoration: nothing for a screen reader to read
        eps = 0.2
        for x0, y0, x1, y1 in marks:
            assert min(x0, x1) >= margin - eps and min(y0, y1) >= margin - eps
            assert max(x0, x1) <= width - margin + eps and max(y0, y1) <= height - margin + eps
            assert any(abs(x0 - x) < eps and abs(x1 - x) < eps for x in cuts_x) or any(abs(y0 - y) < eps and abs(y1 - y) < eps for y in cuts_y)
        for x in cuts_x:  # a vertical cut: marks on the line near the top edge, the bottom edge and at every crossing cut
            on_line = [(min(y0, y1), max(y0, y1)) for x0, y0, x1, y1 in marks if abs(x0 - x) < eps and abs(x1 - x) < eps]
            assert any(y0 <= 15 for y0, _ in on_line) and any(y1 >= height - 15 for _, y1 in on_line), (number, x)
            assert all(any(y0 <= y <= y1 for y0, y1 in on_line) for y in cuts_y), (number, x)
        for y in cuts_y:
            on_line = [(min(x0, x1), max(x0, x1)) for x0, y0, x1, y1 in marks if abs(y0 - y) < eps and abs(y1 - y) < eps]
            assert any(x0 <= 15 for x0, _ in on_line) and any(x1 >= width - 15 for _, x1 in on_line), (number, y)
            assert all(any(x0 <= x <= x1 for x0, x1 in on_line) for x in cuts_x), (number, y)
    # A mark never runs through text: the marks lie on the cut lines, and every card keeps its text at least
    # 6 mm from its edges (its padding), which the A4 sheet shows as it is.
    assert re.search(r"\.kant \{[^}]*padding: 6mm 7mm", printer.CSS.read_text(encoding="utf-8"))


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
        document = HTML(string=cards_printer.html(deck), base_url=str(printer.TEMPLATES)).render()
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



def _embedded_fonts(path: Path) -> list[bytes]:
    """The bytes of every embedded font file in the PDF, one entry per font object."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        descriptors = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"]
        return [d[key].read_raw_bytes() for d in descriptors for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in d]


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
    shared = printer.Layouts(printer.TEMPLATES)
    printer.Printer(groningen.gemeente, groningen.versie, layouts=shared).render(first, tmp_path / "eerst")
    reusing = printer.Printer(breda.gemeente, breda.versie, layouts=shared)
    before = shared.passes
    reusing.render(second, tmp_path / "daarna")
    fresh = printer.Printer(breda.gemeente, breda.versie, layouts=printer.Layouts(printer.TEMPLATES))
    fresh.render(second, tmp_path / "vers")
    assert fresh.laid_out == 2 * len(second.kaarten)
    assert reusing.laid_out == len(second.kaarten)  # only the backs are made again; the A4 sheets place the same pages
    # ...and of those backs WeasyPrint lays out only the band that differs: Breda's meldroute, once for all its cards.
    bands = [{band for z in p.pieces(deck) for band in z.banden} for p, deck in ((reusing, first), (reusing, second))]
    assert len(bands[1] - bands[0]) == 1
    assert shared.passes - before == 1
    for pdf in (Path(second.a6).name, Path(second.a4).name):
        assert _page_texts(tmp_path / "daarna" / pdf) == _page_texts(tmp_path / "vers" / pdf), pdf
        before, after = _page_texts(tmp_path / "eerst" / pdf), _page_texts(tmp_path / "daarna" / pdf)
        assert [a == b for a, b in zip(before, after)] == [n % 2 == 0 for n in range(len(after))]  # fronts alike, backs not
        reader = pypdf.PdfReader(tmp_path / "daarna" / pdf)
        assert reader.metadata.title == printer.Printer.title(second, pdf[-6:-4])
        assert tag_problems(tmp_path / "daarna" / pdf) == []  # the tags of pages from two passes, sound and in page order
        # Pages from two passes and stacks bring their own copies of the same fonts; the PDF keeps one of each.
        embedded = _embedded_fonts(tmp_path / "daarna" / pdf)
        assert embedded and len(embedded) == len(set(embedded)), pdf


def test_every_card_fits_with_a_web_address_and_its_qr_code(tmp_path: Path) -> None:
    """With BASIS_URL every back carries a QR code; the fullest backs must still fit on A6 (they did not at 18 mm)."""
    site = prepare(ROOT, Editie(out_dir=tmp_path / "site", gemeente="groningen", basis_url="https://intranet.voorbeeld.nl/barrierewijzer"))
    assert all(k.qr for d in site.decks for k in d.kaarten if k.soort != "combinatiekaart")
    cards_printer = printer.Printer(site.gemeente, site.versie, layouts=printer.Layouts(printer.TEMPLATES))
    written = sum(1 for _ in cards_printer.print_decks(list(site.decks), tmp_path / "pdf"))  # raises CardError when a side does not fit
    assert written == len(site.decks)


def test_a_back_stacked_from_its_bands_looks_like_the_back_laid_out_whole(tmp_path: Path) -> None:
    """A card back is stacked from bands laid out apart (the gemeente's meldroute or regulation is a band of its own).
    Drawn, every page of the stacked decks is the page WeasyPrint makes of the whole side in one flow; a band moved
    half a millimetre is not."""
    from weasyprint import HTML

    editie = Editie(out_dir=tmp_path / "site", gemeente="voorbeeld", publiek="intern", basis_url="https://intranet.voorbeeld.nl/bw")
    site = prepare(ROOT, editie)
    cards_printer = printer.Printer(site.gemeente, site.versie, layouts=printer.Layouts(printer.TEMPLATES))
    chosen = [d for d in site.decks if d.id in ("rol-wijkteam", "interventies")]
    several = [z for d in chosen for z in cards_printer.pieces(d) if len(z.banden) > 1]
    assert {z.naam[7:10] for z in several} == {"sk-", "ik-"}  # signal backs and backs with a local regulation
    for deck in chosen:
        cards_printer.render(deck, tmp_path / "kaarten" / "pdf")
        whole = HTML(string=cards_printer.html(deck), base_url=str(printer.TEMPLATES)).write_pdf(**printer.PDF_OPTIONS)
        stacked, direct = rasters(tmp_path / deck.a6), rasters(whole)
        assert len(stacked) == len(direct) == 2 * len(deck.kaarten)
        worst = max(differing(a, b) for a, b in zip(stacked, direct))
        assert worst < 0.0005, (deck.id, worst)  # measured: 0.0, the same pixels
    # Negative control: the same back with its second band placed 0.5 mm lower differs visibly.
    back = several[0]
    bands = [cards_printer.layouts.band(band) for band in back.banden]
    placed, top = [], bands[0].top
    for number, band in enumerate(bands):
        placed.append((band.source, band.number, 0.0, top - band.top + (0.5 if number == 1 else 0)))
        top += band.hoogte
    moved = printer.pdfpages.stack([((bands[0].breedte, bands[0].lengte), placed)])
    printer.pdfpages.assemble([(moved, 0)], "verschoven", tmp_path / "verschoven.pdf")
    page = next(n for n, z in enumerate(cards_printer.pieces(chosen[0])) if z.key == back.key)
    assert differing(rasters(tmp_path / "verschoven.pdf")[0], rasters(tmp_path / chosen[0].a6)[page]) > 0.002  # measured: 0.04


def test_a_stacked_back_fits_exactly_when_the_whole_back_would(prepared, decks) -> None:
    """Walk a meldroute from short to too long, a line at a time: the stacked back is refused exactly when the back
    laid out in one flow runs onto a second page, and the message names the card and side."""
    import dataclasses

    from weasyprint import HTML

    kaart = next(k for d in decks for k in d.kaarten if k.soort == "signaalkaart")
    route = next(b for b in kaart.achterkant.blokken if b.lokaal)
    seen = set()
    for steps in range(len(route.regels), 40):
        regels = tuple(cards.Regel(f"bel {n}", label=f"Stap {n}") for n in range(steps))
        blokken = tuple(dataclasses.replace(b, regels=regels) if b.lokaal else b for b in kaart.achterkant.blokken)
        long_route = dataclasses.replace(kaart, achterkant=dataclasses.replace(kaart.achterkant, blokken=blokken))
        cards_printer = printer.Printer(prepared.gemeente, prepared.versie, layouts=printer.Layouts(printer.TEMPLATES))
        deck = cards.Deck("proef", "Proef", [long_route])
        whole = HTML(string=cards_printer.html(deck), base_url=str(printer.TEMPLATES)).render()
        fits_whole = len(whole.pages) == 2  # the front and the back
        try:
            cards_printer.layouts.lay_out(cards_printer.pieces(deck), functools.partial(cards_printer.document, ""))
            fits_stacked = True
        except layouts.PageOverflow as exc:
            assert exc.names == [f"kaart '{kaart.id}' achterkant"]
            fits_stacked = False
        assert fits_stacked == fits_whole, steps
        seen.add(fits_whole)
        if not fits_whole:
            break
    assert seen == {True, False}  # walked over the edge
