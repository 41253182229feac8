"""The trainer's kit in Chromium from file://: axe on the new page types, the slides by keyboard."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page
from test_browser import axe_reports, browser, page, too_wide  # noqa: F401 - the shared Chromium fixtures

SESSIE = "balie-60"  # the plan a trainer for counter staff picks
SLIDES = f"training/presentatie/{SESSIE}.html"
NEW_PAGE_TYPES = ["training/index.html", "training/casussen/rijtjeshuis.html", "training/oefeningen/combinaties-balie.html",
                  f"training/sessies/{SESSIE}.html", SLIDES]


def _visible(tab: Page) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('section.dia')].filter(s => s.offsetParent !== null).map(s => s.id)")


def test_new_page_types_pass_axe_and_stay_inside(built_site: Path, page: Page) -> None:  # noqa: F811
    assert axe_reports(page, built_site, NEW_PAGE_TYPES) == []
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_model_answer_opens_without_javascript(built_site: Path, browser) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto((built_site / "training/casussen/rijtjeshuis.html").as_uri())
    answer = tab.locator("details.bw-antwoord")
    assert not answer.locator("h3").first.is_visible()
    answer.locator("summary").focus()
    tab.keyboard.press("Enter")
    assert answer.locator("h3").first.is_visible()
    context.close()


def test_slides_step_by_arrow_keys_with_javascript(built_site: Path, page: Page) -> None:  # noqa: F811
    page.goto((built_site / SLIDES).as_uri())
    count = page.locator("section.dia").count()
    assert count >= 10
    assert _visible(page) == ["dia-1"]
    for number in range(2, count + 1):
        page.keyboard.press("ArrowRight")
        assert _visible(page) == [f"dia-{number}"]
        assert page.evaluate("location.hash") == f"#dia-{number}"
    page.keyboard.press("ArrowRight")  # past the last slide: stays there
    assert _visible(page) == [f"dia-{count}"]
    page.keyboard.press("ArrowLeft")
    assert _visible(page) == [f"dia-{count - 1}"]
    page.keyboard.press("Home")
    assert _visible(page) == ["dia-1"]
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_slides_step_by_links_without_javascript_and_print_one_per_page(built_site: Path, browser) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto((built_site / SLIDES).as_uri())
    count = tab.locator("section.dia").count()
    assert len(_visible(tab)) == count  # every slide is a screen of its own
    for number in range(2, count + 1):
        wanted = f"#dia-{number}"
        for _ in range(8):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.getAttribute('href')") == wanted:
                break
        else:
            pytest.fail(f"'Volgende' naar {wanted} niet met Tab bereikbaar")
        tab.keyboard.press("Enter")
        assert tab.evaluate("location.hash") == wanted
        top = tab.evaluate(f"document.getElementById('dia-{number}').getBoundingClientRect().top")
        assert abs(top) < 2, (number, top)  # the slide fills the screen
    tab.emulate_media(media="print")
    assert not tab.locator(".dia-nav").first.is_visible()
    printed = pypdf.PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True)))
    assert len(printed.pages) == count  # one slide per tab
    context.close()


def test_training_pages_and_slides_reflow_at_320_pixels(built_site: Path, browser) -> None:  # noqa: F811
    """WCAG 1.4.10: nothing on the new page types makes the page scroll sideways at 320 px."""
    assert too_wide(browser, built_site, NEW_PAGE_TYPES) == []
