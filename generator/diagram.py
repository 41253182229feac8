"""Diagrams drawn by Graphviz at build time: the barrier chain and the decision trees."""

from __future__ import annotations

import functools
import re
import subprocess
from dataclasses import dataclass

from markupsafe import Markup


class DiagramError(Exception):
    pass


class DrawingFailed(DiagramError):
    """Graphviz is there but could not draw this diagram (too large, or over its time)."""


@dataclass(frozen=True)
class Knoop:
    id: str
    label: str
    href: str
    vorm: str = "stap"  # stap | uitbreiding | vraag | uitkomst | acuut


_STYLES = {
    "stap": 'shape=box, style="rounded,filled", fillcolor="#e8f0f8"',
    "uitbreiding": 'shape=box, style="rounded,filled,dashed", fillcolor="#e8f0f8"',
    "vraag": 'shape=box, style="filled", fillcolor="#fff8e1"',
    "uitkomst": 'shape=box, style="rounded,filled,bold", fillcolor="#e8f5e9"',
    "acuut": 'shape=box, style="rounded,filled,bold", fillcolor="#fde0dc"',
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


@dataclass(frozen=True)
class Diagram:
    """What to draw: nodes with links, edges (from, to, label), direction, and the accessible name."""

    knopen: list[Knoop]
    pijlen: list[tuple[str, str, str]]
    richting: str
    label: str
    label_id: str

    @property
    def svg(self) -> Markup:
        """Drawn, for the file of its own beside its page ('open groot').

        Empty when it cannot be drawn: the page that shows it reports that, once, at its record, and the build stops.
        """
        try:
            return render(self)
        except DrawingFailed:
            return Markup("")


def render(drawing: Diagram) -> Markup:
    return render_svg(dot(drawing.knopen, drawing.pijlen, drawing.richting), drawing.label, drawing.label_id)


def dot(knopen: list[Knoop], pijlen: list[tuple[str, str, str]], richting: str = "LR") -> str:
    """DOT source: nodes with links, edges (from, to, label)."""
    lines = [
        "digraph g {",
        f'  graph [rankdir={richting}, bgcolor="transparent", pad="0.1", nodesep="0.3", ranksep="0.35"];',
        '  node [color="#1f4e79", fontcolor="#111111", fontname="DejaVu Sans", fontsize=12, margin="0.15,0.08"];',
        '  edge [color="#1f4e79", fontname="DejaVu Sans", fontsize=11, fontcolor="#111111", arrowsize=0.8];',
    ]
    for knoop in knopen:
        lines.append(f'  {_quote(knoop.id)} [label="{_wrap(knoop.label)}", href={_quote(knoop.href)}, {_STYLES[knoop.vorm]}];')
    for source, target, label in pijlen:
        attributes = f' [label="{_wrap(label, 18)}"]' if label else ""
        lines.append(f"  {_quote(source)} -> {_quote(target)}{attributes};")
    lines.append("}")
    return "\n".join(lines)


@functools.lru_cache(maxsize=256)  # editions built in one process draw the same trees once
def render_svg(dot_source: str, label: str, label_id: str) -> Markup:
    """Run dot and return inline SVG: no prolog, comments or blank lines, one accessible name."""
    try:
        result = subprocess.run(["dot", "-Tsvg"], input=dot_source, capture_output=True, text=True, timeout=60, check=True)
    except FileNotFoundError as exc:
        raise DiagramError("Graphviz ('dot') is niet geïnstalleerd; draai 'make site' of installeer het pakket graphviz") from exc
    except subprocess.CalledProcessError as exc:
        detail = " ".join((exc.stderr or "").split())[:200]
        raise DrawingFailed(f"Graphviz kon de tekening niet maken (melding van Graphviz: '{detail}')") from exc
    except subprocess.TimeoutExpired as exc:
        raise DrawingFailed(f"Graphviz was na {exc.timeout:.0f} seconden nog niet klaar met de tekening") from exc
    svg = result.stdout
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    # Graphviz adds a <title> per graph, node and edge; keep only ours for one clean accessible name.
    svg = re.sub(r"<title>[^<]*</title>", "", svg)
    # A group, not an image: the links inside must stay reachable for screen readers.
    svg = svg.replace("<svg ", f'<svg role="group" aria-labelledby="{label_id}" ', 1)
    title = f'<title id="{label_id}">{Markup.escape(label)}</title>'
    svg = re.sub(r"(<svg[^>]*>)", lambda match: match.group(1) + title, svg, count=1)
    return Markup("\n".join(line for line in svg.splitlines() if line.strip()))
