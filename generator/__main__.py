"""Command line: python -m generator {check,docs,html,site,schemas} [--gemeente ID].

The Makefile is the entry point; this module is what it calls.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from . import graph as graphs
from .build import BuildError, check, html, print_cards, write_docs
from .model import FILE_KINDS
from .problems import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generator", description="Barrièrewijzer: controleren en bouwen")
    parser.add_argument("command", choices=["check", "docs", "cards", "html", "site", "schemas"])
    parser.add_argument("--gemeente", default=os.environ.get("GEMEENTE") or "landelijk")
    parser.add_argument("--inhoud", type=Path, default=ROOT, help="map met barriers/, interventions/ en content/")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="waar de gebouwde site komt")
    args = parser.parse_args(argv)
    try:
        return _run(args.command, args.inhoud.resolve(), args.gemeente, args.site.resolve())
    except ContentError as exc:
        print(exc.problems.report(), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Bouwen mislukt: {exc}\nDe vorige site is niet aangeraakt.", file=sys.stderr)
        return 1
    except Exception:  # noqa: BLE001 - last line of defence: a Dutch message, details only on request
        if os.environ.get("BW_DEBUG"):
            traceback.print_exc()
        print("Interne fout in de generator. Draai opnieuw met BW_DEBUG=1 voor details en meld het aan het ontwikkelteam.", file=sys.stderr)
        return 2


def _run(command: str, inhoud: Path, gemeente: str, site: Path) -> int:
    root = ROOT
    if command == "schemas":
        target = root / "build" / "schemas"
        target.mkdir(parents=True, exist_ok=True)
        for kind, cls in FILE_KINDS.items():
            (target / f"{kind}.schema.json").write_text(json.dumps(cls.model_json_schema(), indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"JSON Schema's geschreven naar {target.relative_to(root)}/")
        return 0
    if command == "html":
        seconds = html(root, site)
        print(f"MkDocs: site gebouwd in {seconds:.1f} s")
        return 0
    started = time.perf_counter()
    checked = check(inhoud)
    checked_at = time.perf_counter()
    if command == "check":
        print(graphs.coverage_report(checked.content))
        print(f"Inhoud in orde ({checked_at - started:.2f} s).")
        return 0
    docs = root / "build" / "docs"
    result = write_docs(root, checked, gemeente, docs)
    generated = time.perf_counter() - started
    print(f"Generator: {len(result.written)} pagina's geschreven in {generated:.2f} s (gemeente: {gemeente})")
    if command in ("cards", "site"):
        pages, seconds = print_cards(result, docs)
        print(f"Kaarten: {len(result.decks)} pakketten, {pages} kaartpagina's A6 (plus A4-vellen) in {seconds:.1f} s")
    if command == "site":
        seconds = html(root, site)
        print(f"MkDocs: site gebouwd in {seconds:.1f} s")
        index = site / "index.html"
        print(f"Klaar. Open offline: {index.as_uri()}  (of dubbelklik site/index.html; werkt ook vanaf een USB-stick)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
