"""The barrier chain as an SVG, drawn by Graphviz at build time."""

from __future__ import annotations

import re
import subprocess

from markupsafe import Markup



class DiagramError(Exception):
    pass


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def chain_dot(barrieres: list[tuple[str, str, str, bool]]) -> str:
    """DOT source for the chain: (id, title, href, is_extension) in order."""
    lines = [
        "digraph barrieremodel {",
        '  graph [rankdir=LR, bgcolor="transparent", pad="0.1", nodesep="0.3", ranksep="0.35"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#e8f0f8", color="#1f4e79", fontcolor="#111111", fontname="DejaVu Sans", fontsize=13, margin="0.15,0.1"];',
        '  edge [color="#1f4e79", arrowsize=0.8];',
    ]
    for ident, title, href, extension in barrieres:
        style = ', style="rounded,filled,dashed"' if extension else ""
        label = f"{title} (uitbreiding)" if extension else title
        lines.append(f"  {_quote(ident)} [label={_quote(label)}, href={_quote(href)}, tooltip={_quote(title)}{style}];")
    for (a, *_), (b, *_) in zip(barrieres, barrieres[1:]):
        lines.append(f"  {_quote(a)} -> {_quote(b)};")
    lines.append("}")
    return "\n".join(lines)


def render_svg(dot_source: str, label: str) -> Markup:
    """Run dot and return inline SVG without prolog, comments or blank lines."""
    try:
        result = subprocess.run(["dot", "-Tsvg"], input=dot_source, capture_output=True, text=True, timeout=60, check=True)
    except FileNotFoundError as exc:
        raise DiagramError("Graphviz ('dot') is niet geïnstalleerd; draai 'make site' of installeer het pakket graphviz") from exc
    except subprocess.CalledProcessError as exc:
        raise DiagramError(f"Graphviz kon de tekening niet maken: {exc.stderr.strip()}") from exc
    svg = result.stdout
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    # A group, not an image: the links inside must stay reachable for screen readers.
    svg = re.sub(r'<svg ', '<svg role="group" aria-labelledby="keten-titel" ', svg, count=1)
    title = f'<title id="keten-titel">{Markup.escape(label)}</title>'
    svg = re.sub(r"(<svg[^>]*>)", lambda match: match.group(1) + title, svg, count=1)
    # Graphviz adds a <title> per node and graph; keep only ours for a clean accessible name.
    svg = re.sub(r"<g id=\"graph0\" class=\"graph\"([^>]*)>\s*<title>[^<]*</title>", r'<g id="graph0" class="graph"\1>', svg)
    svg = re.sub(r"(<g id=\"node\d+\" class=\"node\">)\s*<title>[^<]*</title>", r"\1", svg)
    svg = re.sub(r"(<g id=\"edge\d+\" class=\"edge\">)\s*<title>[^<]*</title>", r"\1", svg)
    return Markup("\n".join(line for line in svg.splitlines() if line.strip()))
