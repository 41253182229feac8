"""Benchmark: how long each stage of the build takes, and how big the pages are.

Run with `make bench`. Not a test: it measures and prints. Stages: reading and checking the content;
the shared template (Markdown, MkDocs and the site check, once per audience); filling it in for one
edition (its vakken and its PDFs), with an empty and then with a warm PDF cache.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build as build_module  # noqa: E402
from generator.build import build_sjabloon, check, fill  # noqa: E402
from generator.editie import Editie  # noqa: E402
from generator.workspace import Workspace  # noqa: E402


def main() -> None:
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        build_module.CACHE = tmp / "cache"
        started = time.perf_counter()
        content = check(ROOT)
        times["inhoud laden en controleren"] = time.perf_counter() - started
        (tmp / "sjabloon").mkdir()
        started = time.perf_counter()
        sjabloon = build_sjabloon(ROOT, content, "publiek", Workspace(tmp / "sjabloon"), say=lambda line: None)
        times["sjabloon (Markdown, MkDocs, controle)"] = time.perf_counter() - started
        for label, gemeente in (("invullen, lege PDF-cache", "groningen"), ("invullen, andere gemeente", "breda")):
            started = time.perf_counter()
            fill(sjabloon, content, Editie(out_dir=tmp / gemeente, gemeente=gemeente), say=lambda line: None)
            times[f"{label} ({gemeente})"] = time.perf_counter() - started
        for name_, seconds in times.items():
            print(f"{name_:45s} {seconds:6.2f} s")
        site = tmp / "groningen"
        html = list(site.rglob("*.html"))
        sizes = sorted(p.stat().st_size for p in html)
        index = site / "search" / "search_index.js"
        print(f"{sjabloon.pages} pagina's Markdown, {len(sjabloon.keys)} vakken per editie")
        print(f"HTML-pagina's: {len(html)}; grootte mediaan {sizes[len(sizes) // 2] / 1024:.1f} kB, "
              f"grootste {sizes[-1] / 1024:.1f} kB; zoekindex {index.stat().st_size / 1024:.0f} kB")
        print(f"totale site: {sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
