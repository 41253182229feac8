"""Reading the built site: its pages, links and ids (shared by the site and browser tests)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from generator.urls import SLIDES


def pages(site: Path) -> list[Path]:
    """The handbook's MkDocs pages (the slide sequences are pages of their own, tested apart)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and not p.relative_to(site).as_posix().startswith(SLIDES + "/"))


@cache
def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def ids(path: Path) -> set[str]:
    return {e.get("id") for e in parse(path).iter() if isinstance(e.tag, str) and e.get("id")}


def internal_target(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for outside/special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)
