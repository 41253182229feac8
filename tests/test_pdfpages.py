"""Deck PDFs put together from pages of other tagged PDFs keep a sound tag tree, their text and their title."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdf
import pytest

from generator import pdfpages
from generator.printer import PDF_OPTIONS
from pdftags import tag_problems


def _source(words: list[str]) -> pdfpages.Source:
    from weasyprint import HTML

    sections = "".join(f'<section style="break-after: page"><h2>{w}</h2><p>Tekst {w}.</p><ul><li>{w} een</li></ul></section>'
                       for w in words)
    written = io.BytesIO()
    HTML(string=f'<html lang="nl"><head><title>bron</title></head><body>{sections}</body></html>').write_pdf(written, **PDF_OPTIONS)
    return pdfpages.Source.read(written.getvalue())


def test_pages_of_two_sources_interleaved_keep_text_tags_and_title(tmp_path: Path) -> None:
    voor, achter = _source(["Alfa", "Bravo", "Charlie"]), _source(["Delta", "Echo", "Foxtrot"])
    target = tmp_path / "stapel.pdf"
    pdfpages.assemble([(voor, 2), (achter, 0), (voor, 0), (achter, 1)], "Kaarten: een stapel", target, [("Charlie", 0), ("Alfa", 2)])
    reader = pypdf.PdfReader(target)
    assert [page.extract_text().split()[0] for page in reader.pages] == ["Charlie", "Delta", "Alfa", "Echo"]
    assert reader.metadata.title == "Kaarten: een stapel"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl" and root["/MarkInfo"]["/Marked"] and root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid" in xmp and b"Kaarten: een stapel" in xmp
    assert [(o.title, reader.get_destination_page_number(o)) for o in reader.outline] == [("Charlie", 0), ("Alfa", 2)]
    assert tag_problems(target) == []


def test_one_page_takes_only_its_own_objects_along(tmp_path: Path) -> None:
    source = _source(["Alfa", "Bravo", "Charlie", "Delta"])
    pdfpages.assemble([(source, 1)], "Een", tmp_path / "een.pdf")
    pdfpages.assemble([(source, n) for n in range(4)], "Alle", tmp_path / "alle.pdf")
    one, every = pikepdf.open(tmp_path / "een.pdf"), pikepdf.open(tmp_path / "alle.pdf")
    assert len(one.pages) == 1 and len(one.Root.StructTreeRoot.K.K) == 1
    assert len(one.objects) < len(every.objects)  # not the whole tag tree of the source, with its other pages


def test_the_tag_check_finds_a_page_whose_tags_point_elsewhere(tmp_path: Path) -> None:
    source = _source(["Alfa", "Bravo"])
    target = tmp_path / "goed.pdf"
    pdfpages.assemble([(source, 0), (source, 1)], "Twee", target)
    assert tag_problems(target) == []
    broken = pikepdf.open(target)
    broken.pages[0].obj.StructParents = 1  # the first page now claims the tags of the second
    broken.save(tmp_path / "fout.pdf")
    assert tag_problems(tmp_path / "fout.pdf")


def test_a_page_twice_in_one_pdf_is_refused(tmp_path: Path) -> None:
    source = _source(["Alfa"])
    with pytest.raises(ValueError):
        pdfpages.assemble([(source, 0), (source, 0)], "Dubbel", tmp_path / "dubbel.pdf")


def test_pages_placed_on_a_sheet_make_one_ordinary_tagged_page(tmp_path: Path) -> None:
    voor, achter = _source(["Alfa", "Bravo"]), _source(["Charlie"])
    target = tmp_path / "vel.pdf"
    cells = [(0, 0), (105, 0), (0, 148.5)]
    pdfpages.impose([[(voor, 0, *cells[0]), (achter, 0, *cells[1]), (voor, 1, *cells[2])]], (210, 297),
                    [(105, 5, 105, 11)], "Een vel", target)
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 1 and reader.metadata.title == "Een vel"
    text = reader.pages[0].extract_text()
    assert all(word in text for word in ("Alfa", "Bravo", "Charlie"))
    assert tag_problems(target) == []
    placed = pikepdf.open(target)
    assert len(placed.Root.StructTreeRoot.K.K) == 3  # the three pages' parts, in the order they were placed
    assert "/XObject" not in placed.pages[0].obj.Resources  # the pages' content is the sheet's own, not painted forms
    placed.pages[0].obj.StructParents = 7  # a sheet that claims tags it does not have
    placed.save(tmp_path / "fout.pdf")
    assert tag_problems(tmp_path / "fout.pdf")


def test_a_page_takes_no_image_of_another_page_from_its_pass_along(tmp_path: Path) -> None:
    """WeasyPrint gives all pages of one pass one resource dictionary. A public card laid out in one pass with an
    intern card must not carry the intern card's image (here a QR code as PNG, with its address) into a public
    deck, on A6 or on a sheet. (The cards' own QR codes are SVG, drawn into the page itself.)"""
    import segno
    from weasyprint import HTML

    qr = {name: segno.make(f"https://voorbeeld.nl/kaarten/{name}.html", error="m").png_data_uri(scale=4) for name in ("publiek", "geheim")}
    sections = "".join(f'<section style="break-after: page"><p>Kaart {name}</p><img src="{uri}" alt="QR-code" style="width: 20mm"></section>'
                       for name, uri in qr.items())
    written = io.BytesIO()
    HTML(string=f'<html lang="nl"><head><title>bron</title></head><body>{sections}</body></html>').write_pdf(written, **PDF_OPTIONS)
    source = pdfpages.Source.read(written.getvalue())
    pdfpages.assemble([(source, 0)], "Alleen publiek", tmp_path / "a6.pdf")
    pdfpages.impose([[(source, 0, 0, 0)]], (210, 297), [], "Alleen publiek", tmp_path / "a4.pdf")
    pdfpages.assemble([(source, 0), (source, 1)], "Beide", tmp_path / "beide.pdf")

    def drawings(path: Path) -> int:  # images and forms in the file
        pdf = pikepdf.open(path)
        return sum(1 for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") in ("/Image", "/Form"))

    assert drawings(tmp_path / "beide.pdf") > drawings(tmp_path / "a6.pdf") > 0
    assert drawings(tmp_path / "a4.pdf") == drawings(tmp_path / "a6.pdf")
    assert tag_problems(tmp_path / "a6.pdf") == [] and tag_problems(tmp_path / "a4.pdf") == []
