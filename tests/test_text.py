"""Escaping plain text and sanitising Markdown fields."""

from __future__ import annotations

import datetime as dt

import markdown

from generator.text import datum, escape, render_markdown


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


def test_dutch_date() -> None:
    assert datum(dt.date(2027, 1, 1)) == "1 januari 2027"
    assert datum(None) == ""
