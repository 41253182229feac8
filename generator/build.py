"""The build, in one function: every stage one line, everything gathered before anything is written.

Where things go: a new page type is a Page in resolve.py plus its template; a new rule is a
Validator in validators/; a new reference field is one field with Ref(...) in model.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import cards, compounds, handouts, invullen, mkdocs_run, pages, presentatie, printer, text, urls, vakken
from . import graph as graphs
from .diagram import DiagramError
from .editie import Editie, Publiek
from .editions import for_edition
from .loader import Content, load
from .problems import ContentError, Problem, Problems
from .resolve import Site, resolve
from .sitecheck import check_site
from .validators import validate
from .workspace import Workspace, WorkspaceError, swap, workspace

PROJECT = Path(__file__).resolve().parent.parent
Say = Callable[[str], None]


class BuildError(Exception):
    pass


@dataclass(frozen=True)
class Result:
    site: Site
    pages: int
    card_pages: int


def check(root: Path, strikt: bool = False) -> Content:
    """Load and validate all content; raise ContentError with every error (and warnings when strikt)."""
    content = load(root)
    problems = validate(content)
    fatal = [p for p in problems if p.ernst == "fout" or (strikt and p.ernst == "waarschuwing")]
    if fatal:
        raise ContentError(Problems(fatal))
    content.problems = problems  # the warnings, for `make check` to print
    return content


def prepare(root: Path, editie: Editie) -> Site:
    """Stages 1–4 of the build without writing anything: for tests, the benchmark and previews."""
    content = for_edition(check(root, editie.strikt), editie)
    return resolve(content, graphs.build(content), editie, content_version(root))


def build(root: Path, editie: Editie, *, stage: str = "site", say: Say = print, checked: Content | None = None) -> Result:
    """Build one edition into editie.out_dir; the previous output stays until every stage succeeded.

    `checked` is content already read and validated (by `build_many`, once for all editions).
    The site is built as the template every edition shares (`build_sjabloon`), then filled in for
    this edition (`fill`): one way for one edition and for many.
    """
    content = checked or check(root, editie.strikt)               # 1. read every file, run every rule; stop on errors
    try:
        if stage == "docs":                                       #    Markdown and config only, for reading and `make serve`
            return _docs(root, content, editie, say)
        with workspace(editie.out_dir) as work:
            sjabloon = build_sjabloon(root, content, editie.publiek, work, say)
            return fill(sjabloon, content, editie, say)
    except WorkspaceError as exc:
        raise BuildError(str(exc)) from exc


@dataclass(frozen=True)
class Sjabloon:
    """The site every edition of one audience shares: MkDocs output with a token in every vak."""

    site_dir: Path
    keys: list[vakken.Key]  # the vakken, in token order
    pages: int
    versie: str  # the content version, the same on the shared pages and on every edition's PDFs


def build_sjabloon(root: Path, content: Content, publiek: Publiek, work: Workspace, say: Say = print) -> Sjabloon:
    """Stages 2–10 for a stand-in gemeente whose every vak is a token (vakken.py); into work.site."""
    some = next(iter(content.gemeenten))
    content = vakken.sjabloon_content(for_edition(content, Editie(out_dir=work.root, gemeente=some, publiek=publiek)))  # 2.
    editie = Editie(out_dir=work.root, gemeente=vakken.SJABLOON, publiek=publiek)
    graph = graphs.build(content)                                 # 3. one graph of every record and reference
    site = resolve(content, graph, editie, content_version(root))  # 4. everything to render, read-only
    try:
        env = pages.environment(site, sjabloon=True)
        tokens: vakken.Vakken = env.globals["vak"]  # type: ignore[assignment]
        written = pages.write_markdown(site, work.docs, work.includes, PROJECT / "vendor", env)  # 6. Markdown pages
        written += presentatie.write(site, work.docs)             #    the slides (written again per edition)
        write_placeholders(site, work.docs)                            #    every PDF an edition prints, empty for now
        say(f"Generator: {len(written)} pagina's geschreven (sjabloon voor de editie {publiek})")
        mkdocs_run.write_config(PROJECT / "mkdocs.yml", site, work, sjabloon=True)  # 7. the MkDocs config
        mkdocs_run.run(work)                                      # 9. MkDocs renders the HTML
    except DiagramError as exc:
        raise BuildError(str(exc)) from exc
    except mkdocs_run.MkDocsError as exc:
        raise BuildError(f"MkDocs kon de site niet bouwen:\n{exc}") from exc
    except compounds.WordListMissing as exc:
        raise BuildError(str(exc)) from exc
    _fail_on(check_site(work.site, site))                         # 10. links, titles, nothing from outside
    return Sjabloon(work.site, tokens.keys, len(written), site.versie)


def fill(sjabloon: Sjabloon, content: Content, editie: Editie, say: Say = print) -> Result:
    """One edition from the template: its vakken, its PDFs and slides, checked, then swapped into place."""
    content = for_edition(content, editie)                        # 2. leave out what this edition may not show
    site = resolve(content, graphs.build(content), editie, sjabloon.versie)  # 3–4.
    found = invullen.render(site, pages.environment(site), sjabloon.keys, PROJECT / "mkdocs.yml")
    with workspace(editie.out_dir) as work:
        logo = bool(site.gemeente.huisstijl and site.gemeente.huisstijl.logo)
        placed = invullen.fill(sjabloon.site_dir, work.site, found, logo)  # 11. the template with this gemeente's vakken
        card_pages = _print_cards(site, work.site, say)           # 8. card PDFs
        _print_handouts(site, work.site, say)                     #    training handouts (A4) and the poster (A3)
        presentatie.write(site, work.site)                        #    the slides of every session (static HTML)
        pages.write_huisstijl(site, work.site)                    #    the gemeente's colours and logo
        _fail_on(invullen.check(work.site, found, placed))       # 12. nothing left unfilled, every PDF made
        say(f"Editie {editie.naam}: ingevuld")
        _swap(work.site, editie.out_dir, say)                     # 13. only now replace the previous site
        return Result(site, sjabloon.pages, card_pages)


def _docs(root: Path, content: Content, editie: Editie, say: Say) -> Result:
    """Markdown and this edition's MkDocs config (vakken filled in directly), for reading or `make serve`."""
    content = for_edition(content, editie)
    site = resolve(content, graphs.build(content), editie, content_version(root))
    with workspace(editie.out_dir) as work:
        written = pages.write_markdown(site, work.docs, work.includes, PROJECT / "vendor")
        written += presentatie.write(site, work.docs)
        mkdocs_run.write_config(PROJECT / "mkdocs.yml", site, work)
        say(f"Generator: {len(written)} pagina's geschreven (gemeente: {editie.gemeente}, {editie.publiek})")
        _swap(work.root, editie.out_dir, say)
        return Result(site, len(written), 0)


def write_placeholders(site: Site, docs: Path) -> None:
    """Empty files where each edition's PDFs will go, so the template's links can be checked."""
    paths = [urls.FORMULIER_PDF, *(d.a6 for d in site.decks), *(d.a4 for d in site.decks),
             *(h.pad for h in handouts.handouts(site))]
    for path in paths:
        target = docs / str(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")


def _swap(new: Path, out_dir: Path, say: Say) -> None:
    note = swap(new, out_dir)
    if note:
        say(f"Let op: {note}")


CACHE = PROJECT / "build" / "cache"  # printed card decks by the hash of their HTML (printer.PdfCache)


def _print_cards(site: Site, folder: Path, say: Say) -> int:
    cards_printer = printer.Printer(site.gemeente, site.versie, printer.PdfCache(CACHE / "kaarten"))
    try:
        count, seconds = printer.print_all(cards_printer, list(site.decks), folder / "kaarten" / "pdf", say)
    except printer.CardError as exc:
        raise BuildError(f"kaarten passen niet: {exc}. Maak de tekst korter; de letter wordt niet kleiner dan 8 pt.") from exc
    say(f"Kaarten: {len(site.decks)} pakketten, {count} kaartpagina's A6 (plus A4-vellen), "
        f"waarvan {cards_printer.laid_out} pagina's opgemaakt (de rest eerder opgemaakt of uit de cache), in {seconds:.1f} s")
    printer.print_form(cards_printer, cards.meldroute(site.index), folder / urls.FORMULIER_PDF)  # the blank form, for paper
    return count


def _print_handouts(site: Site, folder: Path, say: Say) -> None:
    try:
        files, count, seconds = handouts.print_all(site, folder, say, printer.PdfCache(CACHE / "bladen"))
    except handouts.HandoutError as exc:
        raise BuildError(f"trainingsbladen passen niet: {exc}. Maak de tekst korter.") from exc
    say(f"Trainingsbladen: {files} PDF's, {count} pagina's opgemaakt (de rest uit de cache) in {seconds:.1f} s")


def _fail_on(problems: list[Problem]) -> None:
    if problems:
        raise ContentError(Problems(problems), kop="De gebouwde site klopt niet; de vorige site blijft staan.")


def content_version(root: Path) -> str:
    """'2026.11 (24 november 2026)': the release (the last git tag, or year.month) and the date of the content.

    Readers see a release and a date, not a commit hash.
    """
    day = _git(root, "log", "-1", "--format=%cs")
    try:
        date = dt.date.fromisoformat(day or "")
    except ValueError:
        return "ontwikkelversie"
    tag = _git(root, "describe", "--tags", "--abbrev=0")
    release = tag.removeprefix("v") if tag else f"{date.year}.{date.month:02d}"
    return f"{release} ({text.datum(date)})"


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None
