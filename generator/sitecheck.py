"""The site check: the built HTML is checked before it replaces the previous site.

Internal links and anchors (also those written inside Markdown fields), orphan pages, one h1 and
a unique title per page, nothing loaded from outside the site folder, no script from content
(no on* attribute, no javascript: URL). A problem names the page and, where known, the YAML
record it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from .problems import Problem
from .resolve import Site
from .urls import html as html_path

OUTSIDE = re.compile(r"^\s*(https?:)?//", re.I)
CSS_OUTSIDE = re.compile(r"(@import|url\()\s*['\"]?\s*(https?:)?//", re.I)
# A script URL as a browser reads it: control characters and spaces anywhere are dropped first.
SCRIPT_URL = re.compile(r"(javascript|vbscript):", re.I)
CONTROL = re.compile(r"[\x00-\x20]+")
URL_ATTRIBUTES = ("href", "src", "action", "xlink:href", "formaction", "data", "poster")
RESOURCE_TAGS = ("script", "link", "img", "iframe", "source", "audio", "video", "embed", "object", "image", "track", "input")
# Pages MkDocs and Material make themselves, not linked from content.
NOT_ORPHANS = {"index.html", "search.html"}


def check_site(site_dir: Path, site: Site) -> list[Problem]:
    """Every problem in the built site; an empty list means it may replace the previous one."""
    site_dir = site_dir.resolve()
    sources = {html_path(page.pad): page.bron for page in site.pages}
    pages = sorted(p for p in site_dir.rglob("*.html"))
    trees = {p: lxml_html.fromstring(p.read_bytes()) for p in pages}
    ids = {p: {e.get("id") for e in t.iter() if isinstance(e.tag, str) and e.get("id")} for p, t in trees.items()}
    found: list[Problem] = []

    def problem(page: Path, rule: str, message: str) -> None:
        relative = page.relative_to(site_dir).as_posix()
        bron = sources.get(relative)
        where = ""
        if bron and bron in site.index.content.plaatsen:
            path, line, column = site.index.content.where(*bron)
            where = f" (uit {path}:{line}:{column})"
        found.append(Problem(relative, 0, 0, message + where, rule))

    linked: set[Path] = set()
    titles: dict[str, list[Path]] = defaultdict(list)
    for page, tree in trees.items():
        for rule, message in _page_problems(page, tree, ids, linked):
            problem(page, rule, message)
        titles[(tree.findtext(".//title") or "").strip()].append(page)
    for title, same in titles.items():
        for page in same[1:] if len(same) > 1 else []:
            problem(page, "titel-dubbel", f"titel '{title}' staat ook op {same[0].relative_to(site_dir).as_posix()}")
    for page in pages:
        if page not in linked and page.relative_to(site_dir).as_posix() not in NOT_ORPHANS:
            problem(page, "wees-pagina", "geen enkele pagina linkt hierheen")
    for css in site_dir.rglob("*.css"):
        for match in CSS_OUTSIDE.finditer(css.read_text(encoding="utf-8", errors="replace")):
            found.append(Problem(css.relative_to(site_dir).as_posix(), 0, 0, f"laadt iets van buiten de site: {match.group(0)}",
                                 "extern-bestand"))
    return found


def _page_problems(page: Path, tree: etree._Element, ids: dict[Path, set[str]], linked: set[Path]) -> Iterator[tuple[str, str]]:
    h1 = tree.findall(".//h1")
    if len(h1) != 1:
        yield "een-h1", f"heeft {len(h1)} koppen h1 (precies 1 verwacht)"
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                yield "script-uit-inhoud", f"<{element.tag}> heeft een attribuut '{name}'"
            if name.lower() in URL_ATTRIBUTES and SCRIPT_URL.match(CONTROL.sub("", value)):
                yield "script-uit-inhoud", f"<{element.tag}> linkt naar javascript:"
        if element.tag in RESOURCE_TAGS:
            for name in ("src", "href", "data", "xlink:href", "poster"):
                value = element.get(name)
                if value and OUTSIDE.match(value) and not (element.tag == "link" and element.get("rel") == "canonical"):
                    yield "extern-bestand", f"<{element.tag} {name}='{value}'> laadt iets van buiten de site"
        style = element.get("style")
        if style and CSS_OUTSIDE.search(style):
            yield "extern-bestand", f"<{element.tag}> laadt in style iets van buiten de site"
    for element, _attribute, link, _ in tree.iterlinks():
        if element.tag == "a" and element.get("href") is None:
            continue
        target = internal_target(page, link)
        if target is None:
            continue
        path, fragment = target
        if not path.exists():
            yield "dode-link", f"link naar '{link}': dat bestand bestaat niet"
            continue
        if path != page:  # a link to itself (the skip link, an anchor) does not make a page reachable
            linked.add(path)
        if fragment and path.suffix == ".html" and path in ids and fragment not in ids[path]:
            yield "dode-link", f"link naar '{link}': dat anker bestaat niet"


def internal_target(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for outside or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)
