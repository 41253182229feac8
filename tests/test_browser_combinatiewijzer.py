"""The combinatiewijzer in Debian's Chromium from file://: ticked signals give the right barriers, nothing kept or sent."""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from test_browser import WCAG, browser, page

from conftest import ROOT
from generator import urls
from generator.build import check
from generator.combinaties import geldige_paren

FIXTURES = (browser, page)  # the browser fixtures of test_browser.py, shared here
PAGE = urls.html(urls.PAGES["combinatiewijzer"])


def _three_signals() -> tuple[list[str], tuple[str, str]]:
    """A curated pair across two barriers plus a signal of a third barrier: chosen from the content."""
    content = check(ROOT)
    paar = next(p for p in geldige_paren(content) if content.barriere_van(p.van) != content.barriere_van(p.met))
    used = {content.barriere_van(paar.van), content.barriere_van(paar.met)}
    third = next(i for i in content.signalen if content.barriere_van(i) not in used)
    return [paar.van, paar.met, third], (paar.van, paar.met)


def _tick(page: Page, ident: str) -> None:
    page.check(f"input[type=checkbox][name=signaal][value={ident}]")


def _texts(page: Page, selector: str, attribute: str) -> set[str]:
    return set(page.eval_on_selector_all(selector, f"els => els.map(e => e.getAttribute('{attribute}'))"))


def test_three_ticked_signals_show_their_barriers_pairs_and_interventions(built_site: Path, page: Page) -> None:
    content = check(ROOT)
    signalen, paar = _three_signals()
    page.goto((built_site / PAGE).as_uri())
    assert page.locator("input[type=checkbox][name=signaal]").count() == len(content.signalen)
    for ident in signalen:
        _tick(page, ident)
    assert _texts(page, "#bw-cw-barrieres li", "data-barriere") == {content.barriere_van(i) for i in signalen}
    assert _texts(page, "#bw-cw-vormen li", "data-vorm") == {v for i in signalen for v in content.signalen[i].vormen}
    assert f"{paar[0]} {paar[1]}" in _texts(page, "#bw-cw-paren li", "data-paar")
    # With a role chosen, the interventions are split, not lost: together they are those of the ticked signals.
    page.select_option("#bw-cw-rol", index=1)
    shown = _texts(page, "#bw-cw-interventies li, #bw-cw-interventies-anderen li", "data-interventie")
    assert shown == {v for i in signalen for v in content.signalen[i].interventies}
    # The 'Leg vast' form asks about every ticked signal, and only those.
    asked = _texts(page, "#legvast-signalen [data-signaal]", "data-signaal")
    assert asked == set(signalen)
    page.uncheck(f"input[name=signaal][value={signalen[2]}]")
    assert _texts(page, "#legvast-signalen [data-signaal]", "data-signaal") == set(signalen[:2])
    # Nothing kept, nothing sent.
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_an_acute_signal_puts_112_first(built_site: Path, page: Page) -> None:
    content = check(ROOT)
    acuut = next(s for b in content.beslisbomen.values() for u in b.uitkomsten if u.urgentie == "acuut" for s in u.signalen)
    page.goto((built_site / PAGE).as_uri())
    _tick(page, acuut)
    first = page.evaluate("document.querySelector('#bw-cw-uitkomst .bw-cw-blok, #bw-cw-uitkomst #bw-cw-acuut').id")
    assert first == "bw-cw-acuut"
    assert "112" in page.locator("#bw-cw-acuut").inner_text()


def test_typing_filters_the_list(built_site: Path, page: Page) -> None:
    content = check(ROOT)
    ident, signaal = next((i, s) for i, s in content.signalen.items() if s.zoektermen)
    word = signaal.zoektermen[0].split()[0]
    page.goto((built_site / PAGE).as_uri())
    page.fill("#bw-cw-filter", word)
    visible = set(page.eval_on_selector_all("li[data-signaal]:not([hidden]) input", "els => els.map(e => e.value)"))
    assert ident in visible and 0 < len(visible) < len(content.signalen)


def test_without_javascript_a_static_list_per_barrier(built_site: Path, browser) -> None:
    content = check(ROOT)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / PAGE).as_uri())
    assert page.locator("input[name=signaal]").count() == 0
    hrefs = page.eval_on_selector_all("#bw-cw-lijst li a", "els => els.map(e => e.getAttribute('href'))")
    assert {h.rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs} == set(content.signalen)
    assert page.locator("#bw-cw-lijst h3").count() == len(content.barrieres)
    context.close()


def test_new_pages_pass_axe(built_site: Path, page: Page) -> None:
    content = check(ROOT)
    signalen, _ = _three_signals()
    boom = next(iter(content.beslisbomen.values()))
    uitkomst = next(u for u in boom.uitkomsten if u.signalen)
    axe = Axe()
    reports = []
    page.goto((built_site / PAGE).as_uri())
    for ident in signalen:
        _tick(page, ident)
    page.select_option("#bw-cw-rol", index=1)
    for relative in [None, urls.html(str(urls.tree_leg_vast(boom.id, uitkomst.id)))]:
        if relative:
            page.goto((built_site / relative).as_uri())
        result = axe.run(page, options=WCAG)
        if result.violations_count:
            reports.append(f"{relative or PAGE}:\n{result.generate_report()}")
    assert reports == []
    assert page.outside_requests == []  # type: ignore[attr-defined]
