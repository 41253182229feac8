"""Benchmark: many editions. Not a test: it measures and prints (run with `make bench`).

For N synthetic gemeenten (default 2, 10 and 50), each with its own contacts (some intern) and
meldroute, it builds every gemeente in both audiences with `build_many`, starting each run with an
empty card cache, and reports: the first full build, the cost of each extra edition, whether the
time grows linearly, the extrapolation to all 342 gemeenten × 2 audiences on this machine, and the
disk per edition (unzipped and zipped). The cost of an extra edition is the slope between two runs
(time more per edition more), so the fixed costs (the templates, each worker's first edition) do not
hide in it.

Usage: python tests/bench_edities.py [N ...]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build as build_module  # noqa: E402
from generator.build import build  # noqa: E402
from generator.editie import Editie  # noqa: E402
from generator.edities import build_many  # noqa: E402

GEMEENTEN_NL = 342


def synthetic_profile(number: int) -> str:
    """A made-up gemeente shaped like a real profile: a public number of its own (so its cards differ from
    every other gemeente's), intern people and numbers, and a local regulation."""
    return f"""id: synth-{number:03d}
naam: Synthetische gemeente {number}
toelichting: Verzonnen profiel {number} voor de benchmark.
contacten:
  - partner: aandachtsfunctionaris
    naam: Aandachtsfunctionaris mensenhandel gemeente {number}
    telefoon: 14 0{number % 1000:03d}
    zichtbaarheid: publiek
  - partner: aandachtsfunctionaris
    naam: Directe lijn
    persoon: Medewerker {number}
    telefoon: 0000 000 {number:03d}
  - partner: zorgcoordinator
    naam: Zorgcoördinator regio {number % 25}
meldroute:
  - titel: Acuut gevaar
    wanneer: Bel 112.
    partners: [noodnummer-112]
  - titel: Intern melden
    wanneer: Meld het bij de aandachtsfunctionaris van gemeente {number}.
    partners: [aandachtsfunctionaris]
  - titel: Zorg
    wanneer: Voor hulp en opvang.
    partners: [zorgcoordinator, veilig-thuis]
lokale_regelingen:
  - interventie: exploitatievergunning-seksbedrijf
    stand: aanwezig
    regeling: APV gemeente {number}, afdeling seksbedrijven
    bron: voorbeeldprofiel
bronnen: [voorbeeldprofiel]
"""


def content_with(tmp: Path, count: int) -> Path:
    root = tmp / f"inhoud-{count}"
    for folder in ("barriers", "interventions", "content"):
        shutil.copytree(ROOT / folder, root / folder)
    gemeenten = root / "content" / "gemeenten"
    for profile in gemeenten.iterdir():
        if profile.name != "landelijk.yaml":
            profile.unlink()
    for number in range(1, count + 1):
        (gemeenten / f"synth-{number:03d}.yaml").write_text(synthetic_profile(number), encoding="utf-8")
    return root


def run(tmp: Path, count: int) -> dict[str, float]:
    root = content_with(tmp, count)
    build_module.CACHE = tmp / f"cache-{count}"  # every run starts without printed cards
    dist = tmp / f"dist-{count}"
    chosen = [f"synth-{n:03d}" for n in range(1, count + 1)]
    started = time.perf_counter()
    results = build_many(root, dist, gemeenten=chosen, jobs=os.cpu_count(), say=lambda line: None)
    seconds = time.perf_counter() - started
    failed = [r for r in results if r.status != "gebouwd"]
    if failed:
        raise SystemExit(f"{len(failed)} edities mislukt: {failed[0].message}")
    built = [r for r in results if r.status == "gebouwd"]
    return {"editions": len(built), "seconds": seconds,
            "zip": sum(r.zip_bytes for r in built) / len(built), "site": sum(r.site_bytes for r in built) / len(built)}


def main(counts: list[int]) -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        root = content_with(tmp, 1)
        build_module.CACHE = tmp / "cache-first"
        started = time.perf_counter()
        build(root, Editie(out_dir=tmp / "first" / "site", gemeente="synth-001"), say=lambda line: None)
        first_full = time.perf_counter() - started
        print(f"machine: {cores} kernen; eerste volledige build (1 editie, lege kaartcache): {first_full:.1f} s")
        rows = []
        for count in counts:
            result = run(tmp, count)
            rows.append((count, result))
            print(f"{count:3d} gemeenten = {int(result['editions']):3d} edities: {result['seconds']:7.1f} s totaal, "
                  f"{result['seconds'] / result['editions']:5.2f} s per editie; "
                  f"per editie {result['site'] / 1e6:.1f} MB, zip {result['zip'] / 1e6:.1f} MB")
        if len(rows) < 2:
            print("geef minstens twee aantallen gemeenten om de kosten van een extra editie te meten")
            return
        # The cost of an extra edition is the slope between two runs: what the later run took more, per
        # edition more. The fixed costs (templates, a worker's first edition) fall out of it.
        slopes = []
        for (c1, r1), (c2, r2) in zip(rows, rows[1:]):
            slope = (r2["seconds"] - r1["seconds"]) / (r2["editions"] - r1["editions"])
            slopes.append(slope)
            print(f"van {c1} naar {c2} gemeenten: elke extra editie {slope:.2f} s "
                  f"({slope / first_full:.0%} van de eerste volledige build)")
        if len(slopes) >= 2:
            print(f"groei: een extra editie kost bij de laatste stap {slopes[-1] / slopes[0]:.2f}× die bij de eerste "
                  f"(1,00 = precies lineair)")
        count, result = rows[-1]
        total = result["seconds"] + (2 * GEMEENTEN_NL - result["editions"]) * slopes[-1]
        print(f"extrapolatie naar {GEMEENTEN_NL} gemeenten × 2 = {2 * GEMEENTEN_NL} edities op deze machine: "
              f"{total / 60:.1f} minuten (doel: onder 15); schijf: {2 * GEMEENTEN_NL * result['site'] / 1e9:.1f} GB uitgepakt, "
              f"{2 * GEMEENTEN_NL * result['zip'] / 1e9:.1f} GB als zip")

if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2, 10, 50])
