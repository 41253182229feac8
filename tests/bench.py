"""Benchmark: how long each stage of the build takes, and how big the pages are.

Run with `make bench`. Not a test: it measures and prints.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import graph as graphs  # noqa: E402
from generator import mkdocs_run, pages, printer  # noqa: E402
from generator.build import PROJECT, check, content_version  # noqa: E402
from generator.editie import Editie  # noqa: E402
from generator.editions import for_edition  # noqa: E402
from generator.resolve import resolve  # noqa: E402
from generator.sitecheck import check_site  # noqa: E402
from generator.workspace import workspace  # noqa: E402


def main() -> None:
    times: dict[str, float] = {}

    def timed(name: str, started: float) -> None:
        times[name] = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        editie = Editie(out_dir=Path(tmp) / "site")
        t = time.perf_counter()
        content = for_edition(check(ROOT), editie)
        timed("inhoud laden en controleren", t)
        t = time.perf_counter()
        site = resolve(content, graphs.build(content), editie, content_version(ROOT))
        timed("graaf en resolve", t)
        with workspace(editie.out_dir) as work:
            t = time.perf_counter()
            written = pages.write_markdown(site, work.docs, work.includes, PROJECT / "vendor")
            timed("Markdown en diagrammen", t)
            t = time.perf_counter()
            card_pages, _ = printer.print_all(printer.Printer(site.gemeente, site.versie), list(site.decks),
                                              work.docs / "kaarten" / "pdf", lambda line: None)
            timed("kaarten (WeasyPrint)", t)
            t = time.perf_counter()
            mkdocs_run.write_config(PROJECT / "mkdocs.yml", site, work)
            mkdocs_run.run(work)
            timed("MkDocs", t)
            t = time.perf_counter()
            problems = check_site(work.site, site)
            timed("sitecontrole", t)
            html = list(work.site.rglob("*.html"))
            sizes = sorted(p.stat().st_size for p in html)
            index = work.site / "search" / "search_index.js"
            for name, seconds in times.items():
                print(f"{name:30s} {seconds:6.2f} s")
            print(f"{len(written)} pagina's Markdown, {len(site.decks)} kaartpakketten ({card_pages} pagina's A6), "
                  f"{len(problems)} problemen in de sitecontrole")
            print(f"HTML-pagina's: {len(html)}; grootte mediaan {sizes[len(sizes) // 2] / 1024:.1f} kB, "
                  f"grootste {sizes[-1] / 1024:.1f} kB; zoekindex {index.stat().st_size / 1024:.0f} kB")
            print(f"totale site: {sum(p.stat().st_size for p in work.site.rglob('*') if p.is_file()) / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
