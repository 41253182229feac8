"""Escaping plain text and sanitising Markdown fields."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest
from lxml import html as lxml_html

from generator.text import datum, escape, extern_link, plain, render_markdown


def _render(markdown_source: str) -> str:
    return markdown.markdown(markdown_source, extensions=["attr_list", "tables"])


def test_plain_text_cannot_become_markup() -> None:
    hostile = '<script>alert(1)</script> *vet* [link](javascript:alert(1)) {: onclick="x" } # kop | cel'
    html = _render(f"Tekst: {escape(hostile)}")
    assert "<script" not in html and "<em>" not in html and "<a " not in html and "onclick=" not in html.replace("onclick=&quot;", "")
    assert "&lt;script&gt;" in html
    assert "*vet*" in html  # shown literally
    assert "<h1" not in html


def test_plain_text_keeps_its_characters() -> None:
    text = "Art. 2.34 Wet BRP (1-1-2027) & 50% * 2 - ok!"
    html = _render(escape(text))
    assert html == "<p>Art. 2.34 Wet BRP (1-1-2027) &amp; 50% * 2 - ok!</p>"


def test_markdown_field_is_sanitised() -> None:
    source = "**vet** en <script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=y>\n\n- een\n- twee"
    html = str(render_markdown(source, {}))
    assert "<strong>vet</strong>" in html
    assert "<li>een</li>" in html
    assert "<script" not in html and "javascript:" not in html and "<img" not in html and "onerror" not in html


def test_markdown_field_has_no_blank_lines_and_explains_abbreviations() -> None:
    html = str(render_markdown("De BRP.\n\nTweede alinea.", {"BRP": "Basisregistratie Personen"}))
    assert "\n\n" not in html
    assert '<abbr title="Basisregistratie Personen">BRP</abbr>' in html


def test_outside_link_cannot_smuggle_markdown() -> None:
    """The text between the tags is Markdown again, and link patterns run before raw HTML in the href."""
    url = 'https://example.org/[k](javascript:alert(1))**x**{: onmouseover=alert(1)}![i](https://example.org/i.png)"x'
    html = _render(f"Website: {extern_link(url)}")
    elements = [(e.tag, sorted(e.attrib)) for e in lxml_html.fromstring(html).iter()]
    assert elements == [("p", []), ("a", ["href"])]
    assert 'href="https://example.org/%5Bk%5D(javascript:alert(1))' in html  # one URL on example.org, not a script URL
    assert ">https://example.org/[k](javascript:alert(1))**x**" in html  # shown as written


def test_abbreviation_term_is_one_line_of_plain_text() -> None:
    term = "Basisregistratie &lt;img src=x onerror=alert(1)&gt; <b>\n*[wzxhzdk]: x"
    html = markdown.markdown(f"De BRP.\n\n*[BRP]: {plain(term)}", extensions=["abbr"])
    assert html.count("<abbr") == 1 and "<b>" not in html
    assert 'title="Basisregistratie &amp;lt;img src=x onerror=alert(1)&amp;gt; &lt;b&gt; *[wzxhzdk]: x"' in html


def test_dutch_date() -> None:
    assert datum(dt.date(2027, 1, 1)) == "1 januari 2027"
    assert datum(None) == ""


NESTED = {
    "streepjes": lambda depth: "- " * depth + "x",
    "citaten": lambda depth: "> " * depth + "x",
    "nummers": lambda depth: "1. " * depth + "x",
    "inspringen": lambda depth: "".join("    " * level + "- x\n" for level in range(depth)),
}


@pytest.mark.parametrize("shape", NESTED.values(), ids=NESTED.keys())
def test_markdown_nesting_limit(shape) -> None:
    """Just over the limit is refused by the check; up to the limit the field renders (the parser recurses per level)."""
    from generator.validators.text import MAX_NESTING, MarkdownTeDiep

    rule = MarkdownTeDiep()
    assert rule.message(("toelichting",), shape(MAX_NESTING)) is None
    render_markdown(shape(MAX_NESTING), {})
    message = rule.message(("toelichting",), shape(MAX_NESTING + 1))
    assert message is not None and f"{MAX_NESTING + 1} lagen" in message


def test_autolink_is_not_html_but_any_tag_start_is() -> None:
    """'<https://…>' is Markdown (it used to be refused as HTML); a tag without '>' or a comment is HTML."""
    from generator.validators.text import HtmlInTekst

    rule = HtmlInTekst()
    assert rule.message(("toelichting",), "Zie <https://example.org/x> of <mailto:a@example.org>.") is None
    assert 'href="https://example.org/x"' in render_markdown("Zie <https://example.org/x>.", {})
    for hostile in ("<b>x</b>", "vraag? <img src=x onerror=alert(1)", "titel <!-- rest", "<javascript:alert(1)>", "</p"):
        assert rule.message(("vraag",), hostile) is not None, hostile
