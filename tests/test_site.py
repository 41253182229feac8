"""Checks on the built handbook of the real content: links, privacy, structure, size."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from sitepages import ids, internal_target, pages, parse

OUTSIDE = re.compile(r"^(https?:)?//", re.I)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    for page in pages(built_site):
        for element, _attribute, link, _ in parse(page).iterlinks():
            if element.tag == "a" and element.get("href") is None:
                continue
            resolved = internal_target(page, link)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {link} (bestand ontbreekt)")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append(f"{page.relative_to(built_site)} -> {link} (anker ontbreekt)")
    assert broken == []


def test_nothing_is_loaded_from_outside(built_site: Path) -> None:
    """Scripts, styles, images, fonts and frames all come from the site folder."""
    outside = []
    for page in pages(built_site):
        tree = parse(page)
        for element in tree.iter("script", "link", "img", "iframe", "source", "audio", "video", "embed", "object"):
            for attribute in ("src", "href", "data"):
                value = element.get(attribute)
                if value and OUTSIDE.match(value) and not (element.tag == "link" and element.get("rel") in ("canonical",)):
                    outside.append(f"{page.relative_to(built_site)}: <{element.tag} {attribute}={value}>")
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"(@import|url\()\s*['\"]?(https?:)?//", text):
            outside.append(f"{css.relative_to(built_site)}: {match.group(0)}")
    assert outside == []
    assert "unpkg.com" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_pages_are_dutch_with_one_h1_and_unique_titles(built_site: Path) -> None:
    titles = Counter()
    for page in pages(built_site):
        tree = parse(page)
        assert tree.get("lang") == "nl", page
        assert len(tree.findall(".//h1")) == 1, page
        titles[tree.findtext(".//title")] += 1
    assert [t for t, n in titles.items() if n > 1] == []


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
