"""Benchmark: how long the generator and MkDocs take, and how big the pages are.

Run with `make bench`. Not a test: it measures and prints.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import check, print_cards, run_mkdocs, write_docs  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    checked = check(ROOT)
    loaded = time.perf_counter()
    result = write_docs(ROOT, checked, "landelijk", ROOT / "build" / "docs")
    written = result.written
    generated = time.perf_counter()
    card_pages, card_seconds = print_cards(result, ROOT / "build" / "docs", say=lambda line: None)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        mkdocs_started = time.perf_counter()
        run_mkdocs(ROOT, site)
        mkdocs_seconds = time.perf_counter() - mkdocs_started
        html = [p for p in site.rglob("*.html")]
        sizes = sorted(p.stat().st_size for p in html)
        index = site / "search" / "search_index.js"
        print(f"inhoud laden en controleren: {loaded - started:6.2f} s")
        print(f"Markdown genereren:          {generated - loaded:6.2f} s  ({len(written)} pagina's)")
        print(f"kaarten (WeasyPrint):        {card_seconds:6.2f} s  ({len(result.decks)} pakketten, {card_pages} pagina's A6)")
        print(f"MkDocs bouwen:               {mkdocs_seconds:6.2f} s")
        print(f"HTML-pagina's: {len(html)}; grootte mediaan {sizes[len(sizes) // 2] / 1024:.1f} kB, "
              f"grootste {sizes[-1] / 1024:.1f} kB; zoekindex {index.stat().st_size / 1024:.0f} kB")
        print(f"totale site: {sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
