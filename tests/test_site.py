"""Checks on the built handbook of the real content: links, privacy, structure, size."""

from __future__ import annotations

import re
from pathlib import Path

from sitepages import pages, parse

OUTSIDE = re.compile(r"^(https?:)?//", re.I)


def test_pages_are_dutch(built_site: Path) -> None:
    """Links, anchors, titles and outside resources are checked by the build's site check (sitecheck.py)."""
    assert all(parse(page).get("lang") == "nl" for page in pages(built_site))


def test_sidebar_does_not_list_signals_and_pages_stay_small(built_site: Path) -> None:
    signal_pages = list((built_site / "signalen").glob("*.html"))
    assert len(signal_pages) >= 70
    for page in pages(built_site):
        nav = parse(page).find_class("md-nav--primary")
        assert nav, page
        # The page's own table of contents sits inside the primary nav on small screens; leave it out.
        links = [a.get("href") for a in nav[0].iter("a") if not a.xpath("ancestor::nav[contains(@class, 'md-nav--secondary')]")]
        assert not any("signalen/" in (href or "") for href in links), page
        assert len(links) < 40, page
    # The largest signal page is a fraction of what listing all signals in the navigation would cost.
    assert max(p.stat().st_size for p in signal_pages) < 60_000


def test_search_index_holds_search_terms(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index")
    assert "matrasverhuur" in index.lower()


def test_abbreviations_are_explained_where_they_occur(built_site: Path) -> None:
    page = built_site / "barrieres" / "identiteit.html"
    titles = {a.text: a.get("title") for a in parse(page).iter("abbr")}
    assert titles.get("BRP"), titles


def test_barrier_chain_is_a_linked_svg(built_site: Path) -> None:
    tree = parse(built_site / "barrieremodel.html")
    svg = tree.find(".//div[@class='bw-keten']/svg")
    assert svg is not None
    hrefs = {a.get("xlink:href") or a.get("href") for a in svg.iter("a")}
    barrier_pages = {f"barrieres/{p.name}" for p in (built_site / "barrieres").glob("*.html")}
    assert barrier_pages <= hrefs
