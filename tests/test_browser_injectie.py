"""Script from content never runs (issue 8 §1): injection payloads built into a site and opened in Chromium.

tests/fixtures/injectie holds the payloads that pass validation (entities in titles, glossary terms,
link titles and field-local abbreviations; Markdown headings, attr_list, images and links with
javascript:; payloads in url: and website:; a multi-line glossary term). The ones validation
rejects have a located error in tests/fixtures/fout/ (40-43). Every page is loaded; on every page
a payload reached, every link, abbreviation and title-carrying element is hovered and clicked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import browser

from conftest import FIXTURES, content_tree
from generator.build import build
from generator.editie import Editie

SHARED = (browser,)  # the browser fixture of test_browser.py
MARKER = "alert(1)"  # every payload calls it: where the text shows up, a payload reached the page
# Clicks must not leave the page: cancelling the default action stops link navigation (a javascript:
# URL is caught by the attribute scan instead), but an element's own on* handler still runs.
NO_NAVIGATION = "window.addEventListener('click', event => event.preventDefault(), true)"
# Everything content reaches that a reader can point at: the page body, the page title in the header, the menu.
TARGETS = ".md-content a, .md-content abbr, .md-content [title], .md-header__topic, .md-nav__link"
SCAN = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
          && /^(javascript|vbscript):/.test(value)) found.push(`${element.tagName} ${name}=${value}`);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("injectie")
    root = content_tree(folder / "inhoud", FIXTURES / "injectie")
    build(root, Editie(out_dir=folder / "site"), say=lambda line: None)
    return folder / "site"


def _watched(browser, site: Path) -> tuple[Page, list[str], list[str]]:
    """A page that records every dialog and every request that leaves the site folder."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    inside = site.resolve().as_uri() + "/"

    def on_dialog(dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    def on_request(request) -> None:
        if not request.url.startswith((inside, "data:", "blob:", "about:")):
            outside.append(request.url)

    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.add_init_script(NO_NAVIGATION)
    return page, dialogs, outside


def _hover_and_click_all(page: Page, seen: set[str]) -> int:
    """Hover over and click every target a payload reached (its text or an attribute holds the marker)
    and that was not met on an earlier page (the same element behaves the same on every page);
    return how many that were."""
    elements = page.locator(TARGETS)
    carrying = page.evaluate(f"() => [...document.querySelectorAll('{TARGETS}')]"
                             f".map(e => e.outerHTML.includes('{MARKER}') ? e.outerHTML : '')")
    reached = 0
    for index, html in enumerate(carrying):
        element = elements.nth(index)
        if not html or html in seen or not element.is_visible():
            continue  # in a closed menu section: a reader cannot point at it either
        seen.add(html)
        try:
            element.hover(timeout=200)
            element.click(timeout=200, no_wait_after=True)
        except PlaywrightTimeout:  # covered (the page title in the header shows only after scrolling)
            for event in ("mouseover", "mouseenter", "click"):
                element.dispatch_event(event)
        reached += 1
    return reached


def test_payloads_reached_the_pages(injected_site: Path) -> None:
    """The fixture is meant to test something: payloads from each kind of field are on the pages."""
    reached = {p.relative_to(injected_site).as_posix() for p in injected_site.rglob("*.html")
               if MARKER in p.read_text(encoding="utf-8")}
    for page in ("barrieres/huisvesting.html", "signalen/hv-veel-mensen.html", "begrippen.html", "bronnen.html",
                 "partners/aandachtsfunctionaris.html", "interventies/adresonderzoek.html",
                 "beslisbomen/jongere/index.html", "beslisbomen/jongere/overzicht.html"):
        assert page in reached, page


def test_no_payload_runs_or_loads_anything(injected_site: Path, browser) -> None:
    page, dialogs, outside = _watched(browser, injected_site)
    pages = sorted(injected_site.rglob("*.html"))
    assert len(pages) > 20
    attributes: dict[str, list[str]] = {}
    touched = 0
    seen: set[str] = set()
    for file in pages:
        relative = file.relative_to(injected_site).as_posix()
        page.goto(file.as_uri())
        page.wait_for_load_state("load")
        found = page.evaluate(SCAN)
        if found:
            attributes[relative] = found
        if MARKER in file.read_text(encoding="utf-8"):
            touched += _hover_and_click_all(page, seen)
    page.context.close()
    assert touched > 10  # links, abbreviations and titles a payload reached
    assert attributes == {}
    assert dialogs == []
    assert outside == []


def test_the_watch_itself_catches_a_payload(tmp_path: Path, browser) -> None:
    """The same watch on a page that does carry script: it must notice each kind (so the test above can fail)."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "x.html").write_text(
        '<html><body><div class="md-content"><a href="#" onmouseover="alert(1)">a</a>'
        '<abbr title="t" onclick="alert(1)">B</abbr><a href="javascript:alert(1)">c</a>'
        '<img src="https://example.org/x.png" alt=""></div></body></html>', encoding="utf-8")
    page, dialogs, outside = _watched(browser, tmp_path / "site")
    page.goto((tmp_path / "site" / "x.html").as_uri())
    found = page.evaluate(SCAN)
    _hover_and_click_all(page, set())
    page.context.close()
    assert sorted(found) == ["A href=javascript:alert(1)", "A onmouseover", "ABBR onclick"]
    assert len(dialogs) == 2
    assert outside == ["https://example.org/x.png"]
