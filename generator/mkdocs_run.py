"""This edition's MkDocs config, and the MkDocs run itself.

mkdocs.yml in the project holds the site settings (theme, navigation, Markdown extensions);
each build writes its own copy with its own folders, so builds never share a path.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .pages import HUISSTIJL_CSS, HUISSTIJL_LOGO
from .resolve import Site
from .vakken import SITE
from .workspace import Workspace, reason

THEME = Path(__file__).parent / "theme"
# The last line of Python's traceback for a file system error: "OSError: [Errno 28] No space left on device: 'x'".
SYSTEM_ERROR = re.compile(r"\[Errno (?P<code>\d+)\] (?P<text>[^:\n]*)(?:: '(?P<file>[^'\n]*)')?")


class MkDocsError(Exception):
    pass


def write_config(base: Path, site: Site, work: Workspace, sjabloon: bool = False) -> None:
    """`sjabloon`: the shared template of all editions; its site name ends in a token filled per edition."""
    config = yaml.safe_load(base.read_text(encoding="utf-8"))
    # Relative to the work folder (MkDocs reads them relative to the config file), so the folder can move.
    config["docs_dir"] = work.docs.name
    config["site_dir"] = work.site.name
    config["theme"]["custom_dir"] = str(THEME / "overrides")
    config.setdefault("extra", {})["editie"] = site.editie.publiek  # the theme marks an internal edition on every page
    if sjabloon:
        config["site_name"] += SITE
    elif site.gemeente.id != "landelijk":
        config["site_name"] += site_suffix(site.gemeente)
    config["extra_css"] = [*config.get("extra_css", []), HUISSTIJL_CSS]
    if not sjabloon and site.gemeente.huisstijl is not None and site.gemeente.huisstijl.logo:
        config["theme"]["logo"] = HUISSTIJL_LOGO
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [work.includes.name]
    work.config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def site_suffix(gemeente: Any) -> str:
    """What follows the site name in a gemeente's edition (nothing in the national one)."""
    return "" if gemeente.id == "landelijk" else f" · {gemeente.naam}"


def run(work: Workspace) -> None:
    """mkdocs build --strict; every warning it logs is shown, and any warning fails the build."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work.config)],
                            cwd=work.root, capture_output=True, text=True, env=env)
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    system = SYSTEM_ERROR.search(result.stderr)
    if result.returncode != 0 and system:  # MkDocs crashed on the file system: a full disk, no permission
        raise MkDocsError(reason(OSError(int(system["code"]), system["text"], system["file"])))
    if result.returncode != 0 or warnings:
        raise MkDocsError("\n".join(warnings) or (result.stderr or result.stdout).strip()[-2000:])
    # Opened from file:// there is no server to show a 404 page, and MkDocs gives it absolute
    # paths that break offline; leave it out rather than ship a broken page.
    (work.site / "404.html").unlink(missing_ok=True)
