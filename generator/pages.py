"""The Markdown writer: every page of the resolved site into a docs folder, plus the theme assets."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import compounds, diagram, phrases, text, urls
from .resolve import Site

TEMPLATES = Path(__file__).parent / "templates"
THEME = Path(__file__).parent / "theme"


def environment(site: Site) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
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
    env.globals.update(pagina={k: Markup(v) for k, v in urls.PAGES.items()}, phrases=phrases,
                       gemeente=site.gemeente, versie=site.versie)
    return env


def write_markdown(site: Site, docs: Path, includes: Path, vendor: Path) -> list[str]:
    """Write every page; return their paths. Diagrams are drawn here, from the resolved structure."""
    env = environment(site)
    words = compounds.word_list()
    written = []
    for page in site.pages:
        context = dict(page.context, root=urls.relative_root(page.pad))
        if page.diagram is not None:
            context["svg"] = diagram.render(page.diagram)
        target = docs / page.pad
        target.parent.mkdir(parents=True, exist_ok=True)
        markdown = env.get_template(page.template).render(**context)
        if not _excluded_from_search(markdown):
            markdown = compounds.hidden_terms(markdown, words)  # search finds the parts of compound words
        target.write_text(markdown, encoding="utf-8")
        written.append(page.pad)
    shutil.copytree(THEME / "assets", docs / "assets", dirs_exist_ok=True)
    (docs / "assets" / "js").mkdir(parents=True, exist_ok=True)
    shutil.copy(vendor / "iframe-worker-shim.js", docs / "assets" / "js" / "iframe-worker-shim.js")
    _abbreviations(site, includes / "afkortingen.md")
    return written


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
