"""Tagged PDFs put together from the pages of other tagged PDFs (pikepdf), keeping their tags.

WeasyPrint draws every page again for each PDF it writes. A card side that is in four decks (by barrier
and by role, A6 and A4) would be drawn four times per edition, and the card fronts, which no gemeente
changes, in every edition. So each page is written once, into a source PDF, and every deck is put
together from the pages of its sources, as they are.

The pages keep their tags (PDF/UA): WeasyPrint tags each page as one or more parts (/Sect, /Div) directly
under the /Document element, and the page's /StructParents points to its entry in the /ParentTree.
A new PDF gets a new /Document with those parts in page order and a /ParentTree renumbered to match;
language, title, XMP metadata (with the PDF/UA mark) and display settings come from the first source.
Pages placed on a larger sheet (impose: four A6 cards on A4) become part of that sheet's own content,
so the sheet is an ordinary tagged page too.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

MM = 72 / 25.4  # PDF points per millimetre
# Operators that name a resource of the page, and which operand is that name (scn/SCN: a pattern, when named).
NAMED = {"Tf": 0, "Do": 0, "gs": 0, "cs": 0, "CS": 0, "sh": 0, "scn": -1, "SCN": -1, "BDC": 1, "DP": 1}


@dataclass(frozen=True)
class Source:
    """A tagged PDF as written by WeasyPrint, read once, with the tag parts of each page."""

    pdf: pikepdf.Pdf
    parts: list[list[Any]]  # per page: its parts under /Document (struct elements), in order
    marked: list[Any]  # per page: its /ParentTree entry (the struct element of each marked-content id)
    placed: dict[tuple[int, str, int], bytes] = field(default_factory=dict)  # content of a page as placed on a sheet, by (page, prefix, offset)
    version: str = ""  # the PDF version its pages need (a stacked source is not read from a file)

    @classmethod
    def read(cls, data: bytes) -> Source:
        pdf = pikepdf.open(io.BytesIO(data))
        tree = pdf.Root.StructTreeRoot
        document = tree.K[0] if isinstance(tree.K, Array) else tree.K
        numbers: dict[tuple[int, int], int] = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        parts: list[list[Any]] = [[] for _ in pdf.pages]
        for part in document.K:
            parts[numbers[part.Pg.objgen]].append(part)
            del part["/P"]  # else copying a part copies the whole tag tree of the source (dropped again on save)
        nums = tree.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        marked = []
        for page in pdf.pages:
            page.obj.Resources = _own_resources(pdf, page)
            if "/Annots" in page.obj:
                raise ValueError("een pagina met links of annotaties kan niet worden overgenomen")
            marked.append(by_key[int(page.obj.StructParents)])
        known = {part.objgen for part in document.K}
        for number, elements in enumerate(marked):
            for element in elements:
                top = element
                while isinstance(top, Dictionary) and top.get("/P") is not None and top.P.objgen != document.objgen:
                    top = top.P
                if isinstance(top, Dictionary) and top.get("/P") is not None and top.objgen not in known:
                    # WeasyPrint tags the running footer of a page (an @page margin box) as a part whose parent is the
                    # /Document, but leaves it out of the /Document's kids: the footer would be in no tag tree.
                    known.add(top.objgen)
                    del top["/P"]
                    parts[number].append(top)
        return cls(pdf, parts, marked, version=pdf.pdf_version)


def _own_resources(pdf: pikepdf.Pdf, page: pikepdf.Page) -> Dictionary:
    """The resources this page's content names, and no others, each its own object (so it can be copied to a sheet).

    WeasyPrint gives all pages of a document one resource dictionary. A page copied with that dictionary
    would carry every other page's images along: a QR code of an intern card in a public deck, when the
    two were laid out in one pass. So each page gets a dictionary of its own.
    """
    used, whole = set(), set()
    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            whole.add("/ColorSpace")  # an inline image may name a colour space of the page
            continue
        position = NAMED.get(str(instruction.operator))
        if position is not None and len(instruction.operands) and isinstance(instruction.operands[position], Name):
            used.add(str(instruction.operands[position]))
    own = Dictionary()
    for category, entries in page.obj.get("/Resources", Dictionary()).items():
        if not isinstance(entries, Dictionary):
            own[category] = entries  # /ProcSet
            continue
        kept = {name: value if value.is_indirect else pdf.make_indirect(value) for name, value in entries.items() if name in used or category in whole}
        if kept:
            own[category] = Dictionary(kept)
    return own


def assemble(pages: list[tuple[Source, int]], title: str, target: Path, bookmarks: Sequence[tuple[str, int]] = ()) -> None:
    """Write these pages (source, page number) as one tagged PDF with this title; bookmarks: (title, page number)."""
    if len({(id(source), number) for source, number in pages}) != len(pages):
        raise ValueError("een pagina staat twee keer in dezelfde pdf")
    out = pikepdf.new()
    document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    nums = Array()
    for key, (source, number) in enumerate(pages):
        out.pages.append(source.pdf.pages[number])
        out.pages[-1].obj.StructParents = key
        for part in source.parts[number]:
            copied = out.copy_foreign(part)  # its /Pg becomes the page just copied (one copy per source and target)
            copied.P = document
            document.K.append(copied)
        nums.append(key)
        nums.append(_copied_marks(out, source, number))
    _finish(out, pages[0][0], document, nums, title, target, bookmarks)


def impose(sheets: list[list[tuple[Source, int, float, float]]], size: tuple[float, float], lines: Sequence[tuple[float, float, float, float]],
           title: str, target: Path, bookmarks: Sequence[tuple[str, int]] = ()) -> None:
    """Sheets of this size (mm) with pages placed on them, as they are: each (source, page number, left, top) in mm
    from the sheet's top left corner, in reading order; lines (x0, y0, x1, y1, mm) drawn on every sheet as
    decoration (crop marks: a PDF artifact, nothing for a screen reader). The sheets are made by stack and
    written by assemble, as printer.py does with sheets it keeps."""
    source = stack([(size, placed) for placed in sheets], marks(size, lines))
    assemble([(source, number) for number in range(len(sheets))], title, target, bookmarks)


def marks(size: tuple[float, float], lines: Sequence[tuple[float, float, float, float]]) -> bytes:
    """Lines (x0, y0, x1, y1, mm from the top left) as page content marked as an artifact: decoration such as crop marks."""
    drawn = b"".join(b"%.2f %.2f m %.2f %.2f l S\n" % (x0 * MM, (size[1] - y0) * MM, x1 * MM, (size[1] - y1) * MM)
                     for x0, y0, x1, y1 in lines)
    return b"/Artifact BMC q 0 G %.3f w\n" % (0.2 * MM) + drawn + b"Q EMC\n" if lines else b""


def stack(pages: list[tuple[tuple[float, float], list[tuple[Source, int, float, float]]]], decoration: bytes = b"") -> Source:
    """Pages made of other pages placed on them: each (its size in mm, what is placed on it: (source, page number, left,
    top), mm from the top left corner, in reading order), kept in memory as a source for assemble; decoration
    (marks()) is drawn on every page.

    A placed page's content becomes part of the new page's own content, moved into place and clipped to its
    size, with its resources renamed and its marked-content ids numbered on from the pages before it; its tags
    then point at the new page. So the new page is an ordinary tagged page, as its pages were. A card back is
    made this way from its bands, and an A4 sheet from four cards (layouts.py).
    """
    out = pikepdf.new()
    first = pages[0][1][0][0].pdf
    out.Root.Lang = first.Root.Lang
    out.Root.Metadata = out.copy_foreign(first.Root.Metadata)
    parts, marked_per_page = [], []
    for number, (size, placed) in enumerate(pages):
        page, own_parts, marked = _compose(out, size, placed, decoration)
        page.obj.StructParents = number
        parts.append(own_parts)
        marked_per_page.append(Array(marked))
    return Source(out, parts, marked_per_page, version=first.pdf_version)


def _compose(out: pikepdf.Pdf, size: tuple[float, float], placed: list[tuple[Source, int, float, float]],
             decoration: bytes = b"") -> tuple[pikepdf.Page, list[Any], list[Any]]:
    """One new page of this size (mm) in out with these pages placed on it; its parts (tags, without a parent yet) and the
    struct element of each of its marked-content ids. Each placement gets tags of its own (a band sits on many backs,
    a card on sheets of two decks)."""
    width, height = size
    sheet = out.add_blank_page(page_size=(width * MM, height * MM))
    sheet.obj.Tabs = Name.S
    content = [decoration]
    resources: dict[str, Dictionary] = {}
    marked: list[Any] = []
    parts: list[Any] = []
    for number, (source, page, left, top) in enumerate(placed):
        prefix, offset = f"c{number}", len(marked)
        box = source.pdf.pages[page].mediabox
        page_width, page_height = float(box[2]), float(box[3])
        bottom = (height - top) * MM - page_height
        content.append(b"q 1 0 0 1 %.3f %.3f cm 0 0 %.3f %.3f re W n\n" % (left * MM, bottom, page_width, page_height))
        if (page, prefix, offset) not in source.placed:  # the same card front sits in the same place on every edition's sheet
            source.placed[(page, prefix, offset)] = pikepdf.unparse_content_stream(_moved(source, page, prefix, offset))
        content.append(source.placed[(page, prefix, offset)])
        content.append(b"\nQ\n")
        for category, entries in source.pdf.pages[page].obj.get("/Resources", Dictionary()).items():
            if isinstance(entries, Dictionary):
                for name, value in entries.items():
                    resources.setdefault(category, Dictionary())[f"/{prefix}{name[1:]}"] = out.copy_foreign(value)
        copies: dict[tuple[int, int], Any] = {}
        parts += [_fresh(out, out.copy_foreign(part), sheet.obj, offset, copies) for part in source.parts[page]]
        marked += [copies[element.objgen] if isinstance(element, Dictionary) else element for element in _copied_marks(out, source, page)]
    sheet.obj.Resources = Dictionary(resources)
    sheet.obj.Contents = out.make_stream(b"".join(content))
    return sheet, parts, marked


def _moved(source: Source, page: int, prefix: str, offset: int) -> list[Any]:
    """The page's content with its resource names prefixed and its marked-content ids moved up by offset."""
    own = {name for entries in source.pdf.pages[page].obj.get("/Resources", Dictionary()).values()
           if isinstance(entries, Dictionary) for name in entries.keys()}
    result = []
    for instruction in pikepdf.parse_content_stream(source.pdf.pages[page]):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            raise ValueError("een pagina met een inline afbeelding kan niet op een vel worden geplaatst")
        operands: Any = instruction.operands
        operator = instruction.operator
        position = NAMED.get(str(operator))
        if position is not None and len(operands):
            changed: list[Any] = list(operands)
            value = changed[position]
            if isinstance(value, Name) and str(value) in own:
                changed[position] = Name(f"/{prefix}{str(value)[1:]}")
            elif isinstance(value, Dictionary) and "/MCID" in value:
                changed[position] = Dictionary({**dict(value.items()), "/MCID": int(value.MCID) + offset})
            operands = changed
        result.append(pikepdf.ContentStreamInstruction(operands, operator))
    return result


def _copied_marks(out: pikepdf.Pdf, source: Source, number: int) -> Array:
    """The page's /ParentTree entry in out: the struct element of each marked-content id."""
    return Array([out.copy_foreign(element) if element.is_indirect else element for element in source.marked[number]])


def _fresh(out: pikepdf.Pdf, element: Any, sheet: Any, offset: int, copies: dict[tuple[int, int], Any]) -> Any:
    """A new copy, in out, of a struct element (copied into out before) and its descendants: on the sheet, its
    marked-content ids moved up by offset. copies records each new element by the one it copies.

    A copy of its own, because copy_foreign gives one copy per source object and target: a band placed on many card
    backs of one source would otherwise share its tags (and its moved ids) with all of them."""
    new = out.make_indirect(Dictionary({key: value for key, value in element.items() if key not in ("/K", "/P")}))
    new.Pg = sheet
    copies[element.objgen] = new
    kids = element.get("/K")
    if kids is None:
        return new
    moved = []
    for kid in (list(kids) if isinstance(kids, Array) else [kids]):
        if isinstance(kid, int):
            kid = kid + offset
        elif isinstance(kid, Dictionary) and kid.get("/Type") in ("/MCR", "/OBJR"):
            raise ValueError("een pagina met verwijzingen naar andere inhoud kan niet op een vel worden geplaatst")
        elif isinstance(kid, Dictionary):
            kid = _fresh(out, kid, sheet, offset, copies)
            kid.P = new
        moved.append(kid)
    new.K = Array(moved) if isinstance(kids, Array) else moved[0]
    return new


def _merge_fonts(out: pikepdf.Pdf) -> None:
    """One copy of each font: pages that come from different sources (a front from one pass, a back stacked from bands)
    bring their own copies of the same embedded font; the pages then share the first, and the rest is not written."""
    first: dict[str, Any] = {}
    memo: dict[tuple[int, int], str] = {}
    for page in out.pages:
        fonts = page.obj.get("/Resources", Dictionary()).get("/Font")
        if not isinstance(fonts, Dictionary):
            continue
        for name, font in list(fonts.items()):
            same = first.setdefault(_digest(font, memo), font)
            if same.objgen != font.objgen:
                fonts[name] = same


def _digest(value: Any, memo: dict[tuple[int, int], str]) -> str:
    """A hash of an object and everything it refers to (the streams by their bytes as stored)."""
    key = value.objgen if isinstance(value, pikepdf.Object) and value.is_indirect else None
    if key is not None and key in memo:
        return memo[key]
    digest = hashlib.sha256()
    if isinstance(value, pikepdf.Stream):
        digest.update(b"stream" + value.read_raw_bytes())
    if isinstance(value, Dictionary | pikepdf.Stream):
        for name in sorted(value.keys()):
            if name != "/Length":
                digest.update(f"{name}={_digest(value[name], memo)};".encode())
    elif isinstance(value, Array):
        written = value.unparse()
        if b" R" not in written:  # no references (a font's widths): as written, at once
            digest.update(b"array" + written)
        else:
            for item in value:
                digest.update(f"{_digest(item, memo)},".encode())
    else:
        digest.update(repr(value).encode())
    result = digest.hexdigest()
    if key is not None:
        memo[key] = result
    return result


def _finish(out: pikepdf.Pdf, first: Source, document: Any, nums: Array, title: str, target: Path,
            bookmarks: Sequence[tuple[str, int]]) -> None:
    """The tag tree, language, title and metadata (from the first source), bookmarks; then write."""
    _merge_fonts(out)
    tree = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=document, ParentTreeNextKey=len(nums) // 2,
                                        ParentTree=out.make_indirect(Dictionary(Nums=nums))))
    document.P = tree
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.Lang = first.pdf.Root.Lang
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out.Root.Metadata = out.copy_foreign(first.pdf.Root.Metadata)
    with out.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
    if bookmarks:
        with out.open_outline() as outline:
            outline.root.extend(pikepdf.OutlineItem(text, number) for text, number in bookmarks)
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(target, min_version=first.version or first.pdf.pdf_version, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             stream_decode_level=pikepdf.StreamDecodeLevel.none,  # compressed streams stay as they are (faster)
             deterministic_id=True)
