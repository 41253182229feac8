"""The shared template filled in for one edition reads the same as that edition rendered directly.

The direct way (`make docs`, then MkDocs) renders every vak on the spot for the gemeente; the build
fills the vakken into a site built once for a stand-in gemeente. If a page showed anything of the
gemeente outside a vak, the two would differ on that page. Compared per page: the title and the
text of the article (without the hidden compound-word terms for search, which are computed from
the page text and so differ where a vak stands).
"""

from __future__ import annotations

from pathlib import Path

from lxml import html

from generator import mkdocs_run
from generator.build import build, write_placeholders
from generator.editie import Editie
from generator.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def _read(page: Path) -> tuple[str, str, str]:
    tree = html.fromstring(page.read_bytes())
    for hidden in tree.xpath("//*[contains(@class, 'bw-zoekdelen')]"):
        hidden.getparent().remove(hidden)
    article = tree.find(".//article")
    header = tree.find(".//header")
    text = "".join((article.text_content() if article is not None else "").split())
    logo = " ".join(e.get("src", "svg") for e in tree.xpath("//header//a[contains(@class, 'md-logo')]/*"))
    return (tree.findtext(".//title") or "").strip(), text, logo + "".join((header.text_content() if header is not None else "").split())


def test_filled_template_reads_as_the_directly_rendered_edition(tmp_path: Path) -> None:
    editie = dict(gemeente="voorbeeld", publiek="intern")  # contacts, an intern route step, regulations, a logo
    direct_build = build(ROOT, Editie(out_dir=tmp_path / "direct", **editie), stage="docs", say=lambda line: None)  # type: ignore[arg-type]
    write_placeholders(direct_build.site, tmp_path / "direct" / "docs")  # the PDFs are not made for a preview
    mkdocs_run.run(Workspace(tmp_path / "direct"))
    build(ROOT, Editie(out_dir=tmp_path / "site", **editie), say=lambda line: None)  # type: ignore[arg-type]
    direct = tmp_path / "direct" / "site"
    pages = sorted(p.relative_to(direct) for p in direct.rglob("*.html"))
    assert len(pages) > 500
    different = [str(p) for p in pages if _read(direct / p) != _read(tmp_path / "site" / p)]
    assert different == []
    # The gemeente's own logo is in the header of the filled site, as in the direct one.
    assert "gemeente-logo.png" in _read(tmp_path / "site" / "index.html")[2]
