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
from collections import OrderedDict
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
    filled_vakken: dict[tuple[str, str], str] = {}
    for source in sorted(template.rglob("*")):
        relative = source.relative_to(template)
        destination = target / relative
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in TEXT_FILES:
            pieces = _pieces(template, source)
            if pieces is not None:
                for token in pieces.vakken:
                    placed.setdefault(token, set()).add(destination.parent)
                destination.write_text("".join(_fill(pieces.delen, vakken, logo, filled_vakken)), encoding="utf-8")
                continue
        _link_or_copy(source, destination)
    return placed


@dataclass(frozen=True)
class _Stukken:
    """A text file of the template cut at its tokens, once per process: every edition only joins the pieces."""

    delen: tuple[Any, ...]  # text, or (kind, token or logo source, fallback pieces)
    vakken: frozenset[str]  # the block and inline vakken on an HTML page (where each vak goes, for the link check)


# A template page in one scan, left to right: the logo placeholder, a vak alone in a paragraph (a block), any other token.
# The same as the replacements one after the other (logo, vakken, then the gemeente's name and the like, also inside a
# vak), as test_vakken checks on every page.
_SCAN_HTML = re.compile(LOGO.pattern + r"|<p>(" + PREFIX + r"\d{4}Q)</p>|(" + ANY_TOKEN.pattern + ")", re.S)
_cut: OrderedDict[Path, dict[tuple[str, int, int, int], _Stukken | None]] = OrderedDict()  # per template folder, by file
TEMPLATES_KEPT = 2  # a worker fills from one template per audience; older templates (other builds) are let go


def _pieces(template: Path, source: Path) -> _Stukken | None:
    """The file cut at its tokens (None: it has none), cut once per process; by path, inode, time and size, so a
    template built again in the same folder is cut again."""
    if template not in _cut:
        _cut[template] = {}
        while len(_cut) > TEMPLATES_KEPT:
            _cut.popitem(last=False)
    _cut.move_to_end(template)
    cut = _cut[template]
    stat = source.stat()
    key = (str(source), stat.st_ino, stat.st_mtime_ns, stat.st_size)
    if key not in cut:
        content = source.read_text(encoding="utf-8")
        if PREFIX not in content:
            cut[key] = None
        elif source.suffix == ".html":
            cut[key] = _Stukken(_scan(content), frozenset(BLOCK_OR_INLINE_TOKEN.findall(content)))
        else:  # JSON and JavaScript (the search index): a token becomes the vak's plain text
            data: list[Any] = [piece for match, text in _between(ANY_TOKEN, content) for piece in (text, ("data", match.group(0), ()) if match else "")]
            cut[key] = _Stukken(tuple(d for d in data if d), frozenset())
    return cut[key]


def _between(pattern: re.Pattern[str], content: str) -> list[tuple[re.Match[str] | None, str]]:
    """(a match, the text before it) for every match, then (None, the text after the last)."""
    result: list[tuple[re.Match[str] | None, str]] = []
    position = 0
    for match in pattern.finditer(content):
        result.append((match, content[position:match.start()]))
        position = match.end()
    result.append((None, content[position:]))
    return result


def _scan(page: str) -> tuple[Any, ...]:
    delen: list[Any] = []
    for match, text in _between(_SCAN_HTML, page):
        delen.append(text)
        if match is None:
            continue
        source, fallback, block, token = match.group(1), match.group(2), match.group(3), match.group(4)
        if source is not None:
            delen.append(("logo", source, _scan(fallback)))
        elif block is not None:
            delen.append(("blok", block, ()))
        else:
            delen.append(("vak", token, ()))
    return tuple(d for d in delen if d)


def _fill(delen: tuple[Any, ...], vakken: dict[str, Vak], logo: bool, filled: dict[tuple[str, str], str]) -> list[str]:
    result: list[str] = []
    for deel in delen:
        if isinstance(deel, str):
            result.append(deel)
            continue
        kind, value, fallback = deel
        if kind == "logo":
            result += [f'<img src="{value}" alt="logo">'] if logo else _fill(fallback, vakken, logo, filled)
        elif kind == "data":
            result.append(json.dumps(vakken[value].text, ensure_ascii=False)[1:-1] if value in vakken else value)
        else:
            if (kind, value) not in filled:
                vak = vakken[value].html if kind == "blok" or value in FIXED else vakken[value].inline
                filled[(kind, value)] = _with_names(vak, vakken)
            result.append(filled[(kind, value)])
    return result


FIXED = (NAAM, TOELICHTING, VRAAG_HET, SITE)  # the gemeente's name and the like: the same text inline and as a block


def _with_names(html_text: str, vakken: dict[str, Vak]) -> str:
    """A vak's HTML with the gemeente's name and the like filled in (a vak may hold them too)."""
    for token in FIXED:
        html_text = html_text.replace(token, vakken[token].html)
    return html_text


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
