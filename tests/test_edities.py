"""Editions: a public edition holds no intern item in any file it writes; an internal one holds all.

The canary content (tests/fixtures/kanarie) gives every kind of intern item its own word
'zq7kanarie<soort>'. Both editions of the test gemeente are built and every file is searched:
HTML, JSON, JS, XML, CSS, SVG, text, the gunzipped sitemap and the text of every PDF.
"""

from __future__ import annotations

import gzip
import re
import shutil
import zipfile
from pathlib import Path

import pypdf
import pytest

from conftest import FIXTURES, ROOT, content_tree
from generator import cards, phrases, printer
from generator.build import build, check, prepare
from generator.editie import Editie

CANARY = re.compile(r"zq7kanarie[a-z]+")
KINDS = {"signaal", "interventie", "partner", "begrip", "bron", "boom",
         "contact", "contactorg", "meldstap", "regeling", "stand", "casus"}


def _texts(site: Path) -> dict[str, str]:
    """The searchable text of every file in a built site, by relative path."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            raw = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
            texts[relative] = re.sub(r"[\s\u00ad-]", "", raw)  # words broken over lines come together again
        elif path.suffix == ".gz":
            texts[relative] = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        elif path.suffix in (".png", ".jpg", ".woff", ".woff2", ".ico"):
            texts[relative] = path.read_bytes().decode("latin-1")
        else:
            texts[relative] = path.read_text(encoding="utf-8", errors="replace")
    return texts


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    base = tmp_path_factory.mktemp("kanarie")
    root = content_tree(base / "inhoud", FIXTURES / "kanarie")
    result = {}
    for publiek in ("publiek", "intern"):
        out = base / publiek
        build(root, Editie(out_dir=out, gemeente="kanariestad", publiek=publiek), say=lambda line: None)
        result[publiek] = _texts(out)
    return result


def test_public_edition_holds_no_intern_item_in_any_file(editions: dict[str, dict[str, str]]) -> None:
    texts = editions["publiek"]
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".js", ".json", ".xml", ".gz", ".pdf"} <= kinds  # every artefact type was searched
    leaks = {name: sorted(set(CANARY.findall(text))) for name, text in texts.items() if CANARY.search(text)}
    assert leaks == {}


def test_internal_edition_holds_every_intern_item(editions: dict[str, dict[str, str]]) -> None:
    found = {m[len("zq7kanarie"):] for text in editions["intern"].values() for m in CANARY.findall(text)}
    assert KINDS <= found, KINDS - found
    pdf_text = " ".join(t for name, t in editions["intern"].items() if name.endswith(".pdf"))
    for kind in ("signaal", "contact", "meldstap", "casus"):  # cards: signals and route; handouts: the case
        assert f"zq7kanarie{kind}" in pdf_text, kind
    search = " ".join(t for name, t in editions["intern"].items() if name.startswith("search/"))
    assert "zq7kanariesignaal" in search


def test_an_optional_link_to_an_intern_item_vanishes_from_the_public_edition(editions: dict[str, dict[str, str]]) -> None:
    # hv-publiek-een names the intern hv-kanarie in samen_met (an optional reference): no error, no link.
    assert "hv-kanarie.html" in editions["intern"]["signalen/hv-publiek-een.html"]
    assert "hv-kanarie" not in editions["publiek"]["signalen/hv-publiek-een.html"]


def test_internal_edition_marks_intern_items(editions: dict[str, dict[str, str]]) -> None:
    texts = editions["intern"]
    assert phrases.INTERN in texts["signalen/hv-kanarie.html"]
    assert phrases.INTERN not in texts["signalen/hv-publiek-een.html"].replace("Interne editie", "")
    assert re.sub(r"\s", "", phrases.INTERN) in texts["kaarten/pdf/rol-balie-burgerzaken-a6.pdf"]
    assert phrases.INTERN not in " ".join(t for n, t in editions["publiek"].items() if n.endswith(".html"))


def _real_content(target: Path) -> Path:
    for folder in ("barriers", "interventions", "content"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def _card_text(site, deck_id: str, kaart_id: str, target: Path) -> str:
    full = next(d for d in site.decks if d.id == deck_id)
    deck = cards.Deck(full.id, full.titel, [k for k in full.kaarten if k.id == kaart_id])
    printer.Printer(site.gemeente, site.versie).render(deck, target)
    reader = pypdf.PdfReader(target / Path(deck.a6).name)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_groningen_cards_internal_with_contacts_public_with_write_in_lines(tmp_path: Path) -> None:
    root = _real_content(tmp_path / "inhoud")
    profile = root / "content" / "gemeenten" / "groningen.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("contacten:\n", (
        "contacten:\n  - partner: aandachtsfunctionaris\n    naam: Directe lijn\n"
        "    persoon: Testpersoon Zq\n    telefoon: 0000 000 042\n"), 1), encoding="utf-8")
    texts = {}
    for publiek in ("publiek", "intern"):
        site = prepare(root, Editie(out_dir=tmp_path / publiek, gemeente="groningen", publiek=publiek))
        texts[publiek] = (_card_text(site, "rol-balie-burgerzaken", "sk-entree-balie-burgerzaken", tmp_path / publiek / "a"),
                          _card_text(site, "interventies", "ik-exploitatievergunning-seksbedrijf", tmp_path / publiek / "b"))
    signaal, interventie = texts["intern"]
    assert "Testpersoon Zq" in signaal and "0000 000 042" in signaal
    assert "Algemene Plaatselijke Verordening Groningen" in interventie
    signaal, interventie = texts["publiek"]
    assert "Testpersoon" not in signaal and "0000 000 042" not in signaal
    assert phrases.SCHRIJFLIJN in signaal  # a line to write the aandachtsfunctionaris's number on
    assert "Algemene Plaatselijke Verordening Groningen" in interventie  # a public regulation stays


def test_build_many_builds_every_edition_zips_it_and_skips_unchanged_ones(tmp_path: Path) -> None:
    from generator.edities import build_many

    root = content_tree(tmp_path / "inhoud", FIXTURES / "kanarie")
    dist = tmp_path / "dist"
    lines: list[str] = []
    first = build_many(root, dist, jobs=2, say=lines.append)
    expected = {(g, e) for g in ("landelijk", "kanariestad") for e in ("publiek", "intern")}
    assert {(r.editie.gemeente, r.editie.publiek) for r in first} == expected
    assert all(r.status == "gebouwd" for r in first)
    # One progress line per edition; the shared site is built once per audience, not per edition.
    assert len([line for line in lines if line.startswith("[")]) == 4
    assert len([line for line in lines if line.startswith("Sjabloon")]) == 2
    for gemeente, publiek in expected:
        assert (dist / gemeente / publiek / "index.html").is_file()
        with zipfile.ZipFile(dist / gemeente / f"barrierewijzer-{gemeente}-{publiek}.zip") as archive:
            names = archive.namelist()
            assert archive.testzip() is None  # every file reads back with its checksum
            index = archive.read(f"barrierewijzer-{gemeente}-{publiek}/index.html")
        assert index == (dist / gemeente / publiek / "index.html").read_bytes()
        assert f"barrierewijzer-{gemeente}-{publiek}/index.html" in names
        assert len(names) == sum(1 for p in (dist / gemeente / publiek).rglob("*") if p.is_file())
    # Nothing changed: nothing is built again. One profile changed: only its two editions are.
    assert {r.status for r in build_many(root, dist, jobs=2, say=lambda line: None)} == {"ongewijzigd"}
    profile = root / "content" / "gemeenten" / "kanariestad.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Een verzonnen gemeente", "Een andere gemeente"), encoding="utf-8")
    again = build_many(root, dist, jobs=2, say=lambda line: None)
    assert {(r.editie.gemeente, r.status) for r in again} == {("landelijk", "ongewijzigd"), ("kanariestad", "gebouwd")}


def test_edition_key_follows_the_shared_content_and_its_own_profile_only(tmp_path: Path) -> None:
    from generator.edities import edition_key, shared_key, targets

    root = content_tree(tmp_path / "inhoud", FIXTURES / "kanarie")

    def keys() -> dict[str, str]:
        content = check(root)
        shared = shared_key(root)
        return {e.naam: edition_key(root, shared, content, e) for e in targets(content, tmp_path / "dist")}

    before = keys()
    assert len(set(before.values())) == len(before) == 4
    profile = root / "content" / "gemeenten" / "kanariestad.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Een verzonnen gemeente", "Een andere gemeente"), encoding="utf-8")
    after_profile = keys()
    assert {n for n in before if before[n] != after_profile[n]} == {"kanariestad-publiek", "kanariestad-intern"}
    barrier = next((root / "barriers").glob("*.yaml"))
    barrier.write_text(barrier.read_text(encoding="utf-8") + "\n# een regel erbij\n", encoding="utf-8")
    after_shared = keys()
    assert all(after_shared[n] != after_profile[n] for n in before)
