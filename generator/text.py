"""Turning YAML text into safe page text: one rendering path per kind of value.

Plain text fields are escaped for both HTML and Markdown, so nothing an editor types becomes
markup. Markdown fields are rendered once here, sanitised once with nh3 (an allow-list), and
emitted as one raw HTML block that MkDocs does not parse again. Links keep only http(s),
mailto and tel (or a relative target the site check verifies); images never pass.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import markdown
import nh3
from markupsafe import Markup

# Characters Python-Markdown (and attr_list, tables) give meaning to.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "|": "&#124;"}

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "code", "br", "abbr", "h3", "h4", "blockquote", "pre"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
_URL_SCHEMES = {"https", "http", "mailto", "tel"}
_URL_ENCODE = {char: f"%{ord(char):02X}" for char in "[]`\\|<> "}
_ANCHOR = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def plain(value: object) -> str:
    """A term for an abbreviation definition: one line (a pasted line break would start a new
    definition), with '&', '<' and '>' escaped so the tooltip shows exactly what the editor typed
    (Markdown puts it in a title attribute, escaping only what is not an entity already)."""
    return html.escape(" ".join(str(value).split()), quote=False)


def escape(value: object) -> Markup:
    """Escape a plain text value for a Markdown page: no markup survives."""
    if isinstance(value, Markup):
        return value
    out = []
    for char in " ".join(str(value).split()):
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _MARKDOWN_SPECIAL:
            out.append("\\" + char)
        else:
            out.append(char)
    return Markup("".join(out))


def render_markdown(source: str, abbreviations: dict[str, str]) -> Markup:
    """An editor's Markdown field as sanitised HTML in one raw block MkDocs leaves alone."""
    definitions = "\n".join(f"*[{short}]: {plain(long)}" for short, long in abbreviations.items())
    rendered = markdown.markdown(f"{source}\n\n{definitions}", extensions=["abbr", "sane_lists"])
    rendered = re.sub(r"<(/?)h[12]\b", r"<\1h3", rendered)  # a field's headings sit below the page's own
    clean = nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_URL_SCHEMES)
    # One block without blank lines: Markdown treats it as raw HTML and does not parse its inside.
    body = "\n".join(line for line in clean.splitlines() if line.strip())
    return Markup(f'<div class="bw-tekst">\n{body}\n</div>')


def extern_link(url: str) -> Markup:
    """An outside link (never loaded by the site itself; only followed when clicked).

    The tag is raw HTML that Markdown leaves alone, but the text between the tags is Markdown
    again: it is escaped like any plain text, so a URL cannot smuggle in a link, image or attribute.
    Markdown's link and image patterns run before its raw HTML one and would find '[x](y)' even
    inside the href, so the characters they need are percent-encoded there (none is valid in a URL).
    """
    href = html.escape("".join(_URL_ENCODE.get(char, char) for char in url), quote=True)
    return Markup(f'<a href="{href}">{escape(url)}</a>')


def anchor(value: str) -> Markup:
    """An id used as anchor or path part; ids are validated, this keeps it that way."""
    if not _ANCHOR.fullmatch(value):
        raise ValueError(f"ongeldig anker: {value!r}")
    return Markup(value)


def front_matter(value: object) -> Markup:
    """A value for YAML front matter: HTML-escaped (themes print titles raw), then JSON-quoted."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=True), ensure_ascii=False))


def datum(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
