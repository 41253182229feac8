"""Filling in: one edition's site from the shared template, by putting its gemeente's vakken in place.

The template is a finished MkDocs site in which every vak (vakken.py) is a token. For an edition
each vak is rendered once from Markdown to HTML, with the same Markdown extensions as MkDocs, and
put in place of its token in every page, in the search index (as plain text) and in the header.
Files without a token are linked or copied as they are. What is left is checked: no token may
remain, and every link inside a vak must point to a file of the site.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown
import yaml
from lxml import html as lxml_html
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .mkdocs_run import site_suffix
from .problems import Problem
from .resolve import Site
from .sitecheck import SCRIPT_URL, internal_target
from .vakken import ANY_TOKEN, NAAM, PREFIX, SITE, TOELICHTING, TOKEN, VRAAG_HET, Key, Vakken

TEXT_FILES = (".html", ".js", ".json")
# A token alone in a paragraph is a block vak; anywhere else, inline. (An alternation, not an optional "<p>":
# the search then skips ahead to a "<" or the token's first letter, about twice as fast on a page.)
BLOCK_OR_INLINE = re.compile(r"<p>(" + PREFIX + r"\d{4}Q)</p>|(" + PREFIX + r"\d{4}Q)")
LOGO = re.compile(r"<!--BWVAKLOGO (\S+)-->(.*?)<!--/BWVAKLOGO-->", re.S)
BLOCK_OR_INLINE_TOKEN = re.compile(PREFIX + r"\d{4}Q")
ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


@dataclass(frozen=True)
class Vak:
    html: str  # as a block (paragraphs, lists, tables)
    text: str  # plain text, for the search index

    @property
    def inline(self) -> str:
        """Inside a sentence, a list item or a table cell: without its one paragraph."""
        match = ONE_PARAGRAPH.match(self.html)
        return match.group(1) if match and "<p>" not in match.group(1) else self.html


class _Links(Treeprocessor):
    def run(self, root: Any) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            path, hash_, fragment = href.partition("#")
            if path.endswith(".md") and "://" not in path and not path.startswith("/"):
                a.set("href", path[:-3] + ".html" + hash_ + fragment)


class _MkDocsLinks(Extension):
    """Links to .md pages become links to their .html pages, as MkDocs makes them (use_directory_urls: false)."""

    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Links(md), "bw_links", 0)


def _converter(mkdocs_yml: Path) -> markdown.Markdown:
    """Python-Markdown with the extensions of the site (mkdocs.yml), except the file includes."""
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    names: list[Any] = []
    options: dict[str, Any] = {}
    for extension in config["markdown_extensions"]:
        name, settings = next(iter(extension.items())) if isinstance(extension, dict) else (extension, None)
        if name == "pymdownx.snippets":
            continue
        names.append(name)
        if settings:
            options[name] = settings
    return markdown.Markdown(extensions=[*names, _MkDocsLinks()], extension_configs=options)


def render(site: Site, env: jinja2.Environment, keys: list[Key], mkdocs_yml: Path) -> dict[str, Vak]:
    """Every vak of the template, for this edition: token → its HTML and text."""
    vakken = Vakken(env, site.index)
    converter = _converter(mkdocs_yml)
    result: dict[str, Vak] = {}
    for number, key in enumerate(keys):
        converter.reset()
        source = str(vakken.render(key))
        # The site's abbreviations, as on every page; only those in the text, since the others cannot match (faster).
        afkortingen = "\n".join(f"*[{short}]: {long}" for short, long in site.afkortingen if short in source)
        body = converter.convert(source + "\n\n" + afkortingen)
        result[TOKEN.format(number)] = Vak(body, _text(body))
    gemeente = site.gemeente
    for token, value in ((NAAM, gemeente.naam), (TOELICHTING, gemeente.toelichting), (VRAAG_HET, gemeente.vraag_het),
                         (SITE, site_suffix(gemeente))):
        result[token] = Vak(html.escape(str(value)), str(value))
    return result


def _text(body: str) -> str:
    if not body.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(body, create_parent="div").text_content().split())


def fill(template: Path, target: Path, vakken: dict[str, Vak], logo: bool) -> dict[str, set[Path]]:
    """The edition's site in target: the template with every token replaced; where each vak went (its folders)."""
    placed: dict[str, set[Path]] = {}
    for source in sorted(template.rglob("*")):
        relative = source.relative_to(template)
        destination = target / relative
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in TEXT_FILES:
            content = source.read_text(encoding="utf-8")
            if PREFIX in content:
                if source.suffix == ".html":
                    for token in set(BLOCK_OR_INLINE_TOKEN.findall(content)):
                        placed.setdefault(token, set()).add(destination.parent)
                filled = _fill_html(content, vakken, logo) if source.suffix == ".html" else _fill_data(content, vakken)
                destination.write_text(filled, encoding="utf-8")
                continue
        _link_or_copy(source, destination)
    return placed


def _fill_html(page: str, vakken: dict[str, Vak], logo: bool) -> str:
    def vak(match: re.Match[str]) -> str:
        block, inline = match.group(1), match.group(2)
        return vakken[block].html if block else vakken[inline].inline

    page = LOGO.sub(lambda m: f'<img src="{m.group(1)}" alt="logo">' if logo else m.group(2), page)
    page = BLOCK_OR_INLINE.sub(vak, page)
    for token in (NAAM, TOELICHTING, VRAAG_HET, SITE):
        page = page.replace(token, vakken[token].html)
    return page


def _fill_data(content: str, vakken: dict[str, Vak]) -> str:
    """JSON and JavaScript (the search index): the plain text, escaped as in a JSON string."""
    return ANY_TOKEN.sub(lambda m: json.dumps(vakken[m.group(0)].text, ensure_ascii=False)[1:-1]
                         if m.group(0) in vakken else m.group(0), content)


def _link_or_copy(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def check(site_dir: Path, vakken: dict[str, Vak], placed: dict[str, set[Path]]) -> list[Problem]:
    """What the filling left wrong: a token left over, an empty placeholder, a link in a vak to nowhere."""
    problems = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.suffix in TEXT_FILES and PREFIX in path.read_text(encoding="utf-8"):
            problems.append(Problem(relative, 0, 0, "bevat nog een niet ingevuld vak van de gemeente", "vak-niet-ingevuld"))
        elif path.suffix == ".pdf" and path.stat().st_size == 0:
            problems.append(Problem(relative, 0, 0, "dit pdf-bestand is niet gemaakt", "pdf-ontbreekt"))
    for token, folders in placed.items():
        vak = vakken[token]
        if "<a " not in vak.html:
            continue
        fragment = lxml_html.fragment_fromstring(vak.html, create_parent="div")
        for element, _attribute, link, _ in fragment.iterlinks():
            if SCRIPT_URL.match(link.strip()):
                problems.append(Problem("(vak)", 0, 0, f"<{element.tag}> linkt naar javascript:", "script-uit-inhoud"))
            if link.startswith("#"):
                continue  # an anchor on the page itself (the Stand van zaken table)
            for folder in folders:
                target = internal_target(folder / "x.html", link)
                if target is not None and not target[0].exists():
                    problems.append(Problem(folder.relative_to(site_dir).as_posix() or ".", 0, 0,
                                            f"link in een vak van de gemeente naar '{link}': dat bestand bestaat niet", "dode-link"))
    return problems
