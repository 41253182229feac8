"""Command line: python -m generator {check,docs,site,edities,schemas} [options].

The Makefile is the entry point; this module is what it calls. It is the only place that reads
the command line and the environment: everything below gets an Editie.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from . import edities
from . import graph as graphs
from .build import PROJECT, BuildError, build, check
from .editie import Editie
from .model import schema_models
from .problems import ContentError, Problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generator", description="Barrièrewijzer: controleren en bouwen")
    parser.add_argument("command", choices=["check", "docs", "site", "edities", "schemas"])
    parser.add_argument("--gemeente", default="landelijk")
    parser.add_argument("--editie", choices=["publiek", "intern"], default="publiek")
    parser.add_argument("--inhoud", type=Path, default=PROJECT, help="map met barriers/, interventions/ en content/")
    parser.add_argument("--uit", type=Path, help="waar het resultaat komt (standaard site/, bij docs build/docs/)")
    parser.add_argument("--basis-url", default=None, help="webadres van de editie, voor QR-codes op de kaarten")
    parser.add_argument("--strikt", action="store_true", help="waarschuwingen tellen als fouten")
    parser.add_argument("--gemeenten", default="", help="edities: alleen deze gemeenten (komma's ertussen); standaard alle")
    parser.add_argument("--taken", type=int, default=None, help="edities: zoveel tegelijk (standaard: aantal processorkernen)")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except ContentError as exc:
        print(exc.problems.report(exc.kop), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Bouwen mislukt: {exc}\nDe vorige site is niet aangeraakt.", file=sys.stderr)
        return 1
    except Exception:  # noqa: BLE001 - last line of defence: a Dutch message, details only on request
        if os.environ.get("BW_DEBUG"):
            traceback.print_exc()
        print("Interne fout in de generator. Draai opnieuw met BW_DEBUG=1 voor details en meld het aan het ontwikkelteam.", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    inhoud = args.inhoud.resolve()
    if args.command == "schemas":
        target = PROJECT / "build" / "schemas"
        target.mkdir(parents=True, exist_ok=True)
        for kind, cls in schema_models().items():
            (target / f"{kind}.schema.json").write_text(json.dumps(cls.model_json_schema(), indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"JSON Schema's geschreven naar {target.relative_to(PROJECT)}/")
        return 0
    started = time.perf_counter()
    if args.command == "check":
        content = check(inhoud, args.strikt)
        print(graphs.coverage_report(content))
        if content.problems:
            print(Problems(content.problems).report().replace("; er is niets gebouwd.", "."))
        print(f"Inhoud in orde ({time.perf_counter() - started:.2f} s).")
        return 0
    if args.command == "edities":
        return _edities(inhoud, args, started)
    default = PROJECT / ("build/docs" if args.command == "docs" else "site")
    editie = Editie(out_dir=(args.uit or default).resolve(), gemeente=args.gemeente, publiek=args.editie,
                    basis_url=args.basis_url, strikt=args.strikt)
    result = build(inhoud, editie, stage=args.command)
    seconds = time.perf_counter() - started
    if args.command == "site":
        print(f"Klaar in {seconds:.1f} s. Open offline: {(editie.out_dir / 'index.html').as_uri()}  "
              f"(werkt ook vanaf een USB-stick)")
    else:
        print(f"Markdown ({result.pages} pagina's) staat in {editie.out_dir / 'docs'}")
    return 0


def _edities(inhoud: Path, args: argparse.Namespace, started: float) -> int:
    dist = (args.uit or PROJECT / "dist").resolve()
    gemeenten = [g.strip() for g in args.gemeenten.split(",") if g.strip()] or None
    results = edities.build_many(inhoud, dist, gemeenten=gemeenten, jobs=args.taken, basis_url=args.basis_url)
    counts = {status: sum(1 for r in results if r.status == status) for status in ("gebouwd", "ongewijzigd", "mislukt")}
    print(f"{len(results)} edities in {time.perf_counter() - started:.1f} s: {counts['gebouwd']} gebouwd, "
          f"{counts['ongewijzigd']} ongewijzigd, {counts['mislukt']} mislukt. Zips en sites staan in {dist}/")
    return 1 if counts["mislukt"] else 0


if __name__ == "__main__":
    sys.exit(main())
