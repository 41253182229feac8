"""The Markdown writer: every page of the resolved site into a docs folder, plus the theme assets."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import compounds, diagram, phrases, text, urls
from .loader import Key
from .problems import ContentError, Problem, Problems
from .resolve import Site
from .vakken import Vakken
from .views import tel_url

TEMPLATES = Path(__file__).parent / "templates"
THEME = Path(__file__).parent / "theme"


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the process: each edition gets an environment of its own (its gemeente,
    its abbreviations), and without this it would compile every template again (about 0.1 s an edition)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])  # checked against the template's source by Jinja

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()  # only for environment() below: compiled code depends on the environment's settings


@functools.cache
def html_environment() -> jinja2.Environment:
    """The environment of the HTML templates for print and slides (cards, handouts, presentatie), one per process so
    that each template compiles once."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["phrases"] = phrases
    return env


def environment(site: Site, sjabloon: bool = False) -> jinja2.Environment:
    """The page templates' environment; `sjabloon`: gemeente vakken become tokens (vakken.py)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_COMPILED,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=text.escape,  # every value from YAML is escaped for Markdown and HTML, once, here
    )
    env.filters["extern"] = text.extern_link
    env.filters["anker"] = text.anchor
    env.filters["markdown"] = lambda source: text.render_markdown(source, dict(site.afkortingen))
    env.filters["yaml_tekst"] = text.front_matter
    env.filters["tel"] = tel_url
    env.globals.update(pagina={k: Markup(v) for k, v in urls.PAGES.items()}, phrases=phrases,
                       gemeente=site.gemeente, versie=site.versie,
                       scripts={k: Markup(v) for k, v in urls.SCRIPTS.items()}, formulier_pdf=Markup(urls.FORMULIER_PDF))
    env.globals["vak"] = Vakken(env, site.index, sjabloon)
    return env


def write_markdown(site: Site, docs: Path, includes: Path, vendor: Path, env: jinja2.Environment | None = None) -> list[str]:
    """Write every page; return their paths. Diagrams are drawn here, from the resolved structure."""
    env = env or environment(site)
    words = compounds.word_list()
    written = []
    failed: list[Problem] = []
    for page in site.pages:
        context = dict(page.context, root=urls.relative_root(page.pad))
        if page.diagram is not None:
            try:
                context["svg"] = diagram.render(page.diagram)
            except diagram.DrawingFailed as exc:
                if page.bron is None:
                    raise
                failed.append(_drawing_problem(site, page.bron, exc))
                continue
        target = docs / page.pad
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown = env.get_template(page.template).render(**context)
        if page.pad.endswith(".md") and not _excluded_from_search(markdown):
            markdown = compounds.hidden_terms(markdown, words)  # search finds the parts of compound words
        target.write_text(_mark_intern(markdown) if page.intern else markdown, encoding="utf-8")
        written.append(page.pad)
    if failed:  # every tree that could not be drawn, at once
        raise ContentError(Problems(failed), kop="Een tekening kon niet gemaakt worden; de vorige site blijft staan.")
    shutil.copytree(THEME / "assets", docs / "assets", dirs_exist_ok=True)
    (docs / "assets" / "js").mkdir(parents=True, exist_ok=True)
    shutil.copy(vendor / "iframe-worker-shim.js", docs / "assets" / "js" / "iframe-worker-shim.js")
    _abbreviations(site, includes / "afkortingen.md")
    write_huisstijl(site, docs)
    return written


def _drawing_problem(site: Site, bron: Key, exc: diagram.DrawingFailed) -> Problem:
    """A drawing that failed, as a problem at the record it draws (a tree: the start of its file)."""
    path, line, column = site.index.content.where(*bron)
    return Problem(path, line, column, f"{exc}. Maak de boom kleiner of splits hem in twee bomen", "boom-tekening")


HUISSTIJL_CSS = "assets/stylesheets/gemeente.css"
HUISSTIJL_LOGO = "assets/images/gemeente-logo.png"


def write_huisstijl(site: Site, docs: Path) -> None:
    """The gemeente's own colours and logo, when its profile has them (validated: PNG, readable contrast).

    Every edition has the stylesheet (empty without a house style), so all editions share one template.
    """
    stijl = site.gemeente.huisstijl
    (docs / HUISSTIJL_CSS).parent.mkdir(parents=True, exist_ok=True)
    if stijl is None:
        (docs / HUISSTIJL_CSS).write_text("/* geen eigen huisstijl */\n", encoding="utf-8")
        return
    css = (f":root, [data-md-color-primary] {{ --md-primary-fg-color: {stijl.kleur}; "
           f"--md-primary-fg-color--dark: {stijl.kleur}; --md-primary-bg-color: #ffffff; }}\n"
           f":root, [data-md-color-accent] {{ --md-accent-fg-color: {stijl.accent}; "
           f"--md-typeset-a-color: {stijl.accent}; }}\n")
    (docs / HUISSTIJL_CSS).parent.mkdir(parents=True, exist_ok=True)
    (docs / HUISSTIJL_CSS).write_text(css, encoding="utf-8")
    if stijl.logo and site.logo is not None:
        (docs / HUISSTIJL_LOGO).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site.logo, docs / HUISSTIJL_LOGO)


def _mark_intern(markdown: str) -> str:
    """The page of an intern record says so right under its title (internal editions only have these)."""
    lines = markdown.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    mark = ["", f'!!! warning "{phrases.INTERN}"', "    Dit onderdeel staat alleen in de interne editie.", ""]
    return "\n".join(lines[:title + 1] + mark + lines[title + 1:])


def _excluded_from_search(markdown: str) -> bool:
    if not markdown.startswith("---"):
        return False
    front = markdown.split("---", 2)[1]
    return "exclude: true" in front


def _abbreviations(site: Site, target: Path) -> None:
    """Definitions that pymdownx.snippets appends to every page, so abbreviations explain themselves."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"*[{short}]: {text.plain(long)}" for short, long in site.afkortingen]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
