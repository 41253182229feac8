"""The build: load, check, write Markdown, run MkDocs, swap the new site into place.

Everything is built in build/ first; site/ is replaced only when every step succeeded,
so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import cards, text
from . import graph as graphs
from .diagram import DiagramError
from .loader import Content, load
from .pages import Writer
from .problems import ContentError, Problems
from .views import Views

THEME = Path(__file__).parent / "theme"
VENDOR_SHIM = "vendor/iframe-worker-shim.js"


class BuildError(Exception):
    pass


@dataclass
class Checked:
    content: Content
    graph: object


def check(root: Path) -> Checked:
    """Load and validate all content; raise ContentError with every problem."""
    content = load(root)
    graph = graphs.build(content)
    problems = Problems()
    problems.extend(graphs.orphans(content, graph))
    if problems:
        raise ContentError(problems)
    return Checked(content, graph)


def content_version(root: Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "ontwikkelversie"
    parts = out.stdout.split()
    if len(parts) != 2:
        return "ontwikkelversie"
    commit, day = parts
    return f"{commit} ({text.datum(dt.date.fromisoformat(day))})"


@dataclass
class Docs:
    """What write_docs produced: the pages, and what the printer needs for the cards."""

    written: list[str]
    views: Views
    decks: list[cards.Deck]
    versie: str


def write_docs(root: Path, checked: Checked, gemeente_id: str, docs: Path) -> Docs:
    content = checked.content
    if gemeente_id not in content.gemeenten:
        raise BuildError(f"gemeente '{gemeente_id}' bestaat niet; kies uit: {', '.join(sorted(content.gemeenten))}")
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    gemeente = content.gemeenten[gemeente_id]
    views = Views(content, checked.graph, gemeente)
    kaarten, decks = cards.build_cards(views, os.environ.get("BASIS_URL") or gemeente.website)
    versie = content_version(root)
    try:
        written = Writer(views, versie, kaarten, decks).write(docs)
    except DiagramError as exc:
        raise BuildError(str(exc)) from exc
    assets = docs / "assets"
    shutil.copytree(THEME / "assets", assets, dirs_exist_ok=True)
    (assets / "js").mkdir(parents=True, exist_ok=True)
    shutil.copy(root / VENDOR_SHIM, assets / "js" / "iframe-worker-shim.js")
    return Docs(written, views, decks, versie)


def print_cards(result: Docs, docs: Path, say=print) -> tuple[int, float]:
    """Render every deck into docs/kaarten/pdf, so MkDocs copies them into the site."""
    printer = cards.Printer(result.views, result.versie)
    try:
        return cards.print_all(printer, result.decks, docs / "kaarten" / "pdf", say)
    except cards.CardError as exc:
        raise BuildError(f"kaarten passen niet: {exc}. Maak de tekst korter; de letter wordt niet kleiner dan 8 pt.") from exc


def run_mkdocs(root: Path, site_dir: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, capture_output=True, text=True, env=env,
    )
    if result.returncode != 0:
        raise BuildError("MkDocs kon de site niet bouwen:\n" + (result.stderr or result.stdout).strip())


def swap(new_site: Path, site: Path) -> None:
    """Put new_site in place of site in two renames; the old site survives until the last step."""
    old = site.with_name(site.name + ".oud")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    if old.exists():
        shutil.rmtree(old)


def html(root: Path, site: Path) -> float:
    """Run MkDocs on build/docs and swap the result into site."""
    new_site = site.with_name(site.name + ".nieuw")
    if new_site.exists():
        shutil.rmtree(new_site)
    started = time.perf_counter()
    run_mkdocs(root, new_site)
    # Opened from file:// there is no server to show a 404 page, and MkDocs gives it absolute
    # paths that break offline; leave it out rather than ship a broken page.
    (new_site / "404.html").unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    swap(new_site, site)
    return seconds
