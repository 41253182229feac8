"""PDF pages as pixels (pdfium), to compare two ways of making the same page: stacked from bands, or laid out whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def rasters(pdf: bytes | Path, scale: float = 2.0) -> list[Any]:
    """Each page as a greyscale image (pdfium draws it; about 144 dpi)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    return [page.render(scale=scale, grayscale=True).to_pil().convert("L") for page in document]


def differing(a: Any, b: Any) -> float:
    """The share of pixels that differ by more than a quarter of the grey scale."""
    from PIL import ImageChops

    assert a.size == b.size
    histogram = ImageChops.difference(a, b).histogram()
    return sum(histogram[64:]) / (a.size[0] * a.size[1])
