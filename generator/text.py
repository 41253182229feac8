"""Turning YAML text into safe page text.

Plain text fields are escaped for both HTML and Markdown, so nothing an editor types
becomes markup. Markdown fields are rendered here and sanitised with nh3 (an
allow-list), so raw HTML, scripts and javascript: links never reach a page.
"""

from __future__ import annotations

import datetime as dt

import markdown
import nh3
from markupsafe import Markup

# Characters Python-Markdown (and attr_list, tables) give meaning to.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "|": "&#124;"}

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "code", "br", "abbr"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def escape(value: object) -> Markup:
    """Escape a plain text value for a Markdown page: no markup survives."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    out = []
    for char in text:
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _MARKDOWN_SPECIAL:
            out.append("\\" + char)
        else:
            out.append(char)
    return Markup("".join(out))


def render_markdown(source: str, abbreviations: dict[str, str]) -> Markup:
    """Render an editor's Markdown field to sanitised HTML, with abbreviations explained."""
    definitions = "\n".join(f"*[{short}]: {long}" for short, long in abbreviations.items())
    html = markdown.markdown(f"{source}\n\n{definitions}", extensions=["abbr", "sane_lists"])
    clean = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes={"https", "http", "mailto"})
    # Raw HTML blocks must not contain blank lines, or Markdown would parse their inside.
    return Markup("\n".join(line for line in clean.splitlines() if line.strip()))


def datum(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
