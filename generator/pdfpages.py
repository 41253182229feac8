"""Tagged PDFs put together from the pages of other tagged PDFs (pikepdf), keeping their tags.

WeasyPrint draws every page again for each PDF it writes. A card side that is in four decks (by barrier
and by role, A6 and A4) would be drawn four times per edition, and the card fronts, which no gemeente
changes, in every edition. So each page is written once, into a source PDF, and every deck is put
together from the pages of its sources, as they are.

The pages keep their tags (PDF/UA): WeasyPrint tags each page as one or more parts (/Sect, /Div) directly
under the /Document element, and the page's /StructParents points to its entry in the /ParentTree.
A new PDF gets a new /Document with those parts in page order and a /ParentTree renumbered to match;
language, title, XMP metadata (with the PDF/UA mark) and display settings come from the first source.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name


@dataclass(frozen=True)
class Source:
    """A tagged PDF as written by WeasyPrint, read once, with the tag parts of each page."""

    pdf: pikepdf.Pdf
    parts: list[list[Any]]  # per page: its parts under /Document (struct elements), in order
    marked: list[Any]  # per page: its /ParentTree entry (the struct element of each marked-content id)

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
            if "/Annots" in page.obj:
                raise ValueError("een pagina met links of annotaties kan niet worden overgenomen")
            marked.append(by_key[int(page.obj.StructParents)])
        return cls(pdf, parts, marked)


def assemble(pages: list[tuple[Source, int]], title: str, target: Path, bookmarks: Sequence[tuple[str, int]] = ()) -> None:
    """Write these pages (source, page number) as one tagged PDF with this title; bookmarks: (title, page number)."""
    if len({(id(source), number) for source, number in pages}) != len(pages):
        raise ValueError("een pagina staat twee keer in dezelfde pdf")
    first = pages[0][0].pdf
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
        nums.append(Array([out.copy_foreign(element) if element.is_indirect else element for element in source.marked[number]]))
    tree = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=document, ParentTreeNextKey=len(pages),
                                        ParentTree=out.make_indirect(Dictionary(Nums=nums))))
    document.P = tree
    out.Root.StructTreeRoot = tree
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.Lang = first.Root.Lang
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out.Root.Metadata = out.copy_foreign(first.Root.Metadata)
    with out.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
    if bookmarks:
        with out.open_outline() as outline:
            outline.root.extend(pikepdf.OutlineItem(text, number) for text, number in bookmarks)
    target.parent.mkdir(parents=True, exist_ok=True)
    out.save(target, min_version=first.pdf_version, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             deterministic_id=True)
