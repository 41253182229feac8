"""Limits of the YAML reader (issue 8, sections 3 and 4): depth, size, aliases, non-regular files.

Limits are tested just over the limit with small generated inputs; the pathological sizes
from the issue (50,000 deep, /dev/zero) are only used where the guard rejects them before
any work proportional to their size is done.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, SequenceNode

from generator import yamlsource
from generator.yamlsource import MAX_BYTES, MAX_DEPTH, read

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> Path:
    file = tmp_path / name
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return file


def _read(tmp_path: Path, text: str | bytes):
    return read(_write(tmp_path, text), "x.yaml")


@pytest.fixture
def no_hang():
    """Fail instead of hanging: a read that blocks (a pipe) is interrupted after 5 seconds."""
    def alarm(signum, frame):
        raise TimeoutError("read() hing")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --- nesting depth -----------------------------------------------------------------------------

def _flow(depth: int) -> str:
    return "a: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"  # the outer mapping is level 1


def _block(depth: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"  # depth+1 mappings


def _indentless(depth: int) -> str:
    # a0:\n- a1:\n  - a2: ...  every level is a mapping plus a list without its own indentation
    lines = []
    for i in range(depth):
        lines.append("  " * i + ("- " if i else "") + f"a{i}:")
    lines.append("  " * depth + "- x")
    return "\n".join(lines) + "\n"


def _dashes(depth: int) -> str:
    return "- " * depth + "x\n"


def _flow_pairs(depth: int) -> str:
    return "a: " + "[k: " * (depth // 2) + "x" + "]" * (depth // 2) + "\n"  # [k: x] is a list holding a mapping


def _flow_mappings(depth: int) -> str:
    return "{a: " * depth + "x" + "}" * depth + "\n"


def _mixed(depth: int) -> str:
    # block mapping > block list, in turn, ending in a flow mapping > flow list > pair: depth or depth - 1 levels
    pairs = max(1, (depth - 3) // 2)
    text = "".join("    " * i + f"k{i}:\n" + "    " * i + "  -" + ("\n" if i < pairs - 1 else " ") for i in range(pairs))
    return text + "{a: [b: x]}\n"


def _true_depth(text: str) -> int:
    """Nesting depth as the composer sees it, without recursion."""
    deepest = 0
    stack = [(yaml.compose(text, Loader=yamlsource._Loader), 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, MappingNode):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for pair in node.value for child in pair)
        elif isinstance(node, SequenceNode):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in node.value)
    return deepest


@pytest.mark.parametrize("shape", [_flow, _block, _indentless, _dashes, _flow_pairs, _flow_mappings, _mixed],
                         ids=["flow", "block", "indentless", "dashes", "flow-pairs", "flow-mappings", "mixed"])
def test_depth_limit_matches_the_real_depth(tmp_path: Path, shape) -> None:
    """Just under the limit is accepted, just over it is rejected, for every way of nesting."""
    verdicts = set()
    for depth in range(MAX_DEPTH - 25, MAX_DEPTH + 3):
        text = shape(depth)
        real = _true_depth(text)
        verdicts.add(real > MAX_DEPTH)
        doc = _read(tmp_path, text)
        too_deep = [p for p in doc.problems if p.regel == "te-diep"]
        assert bool(too_deep) == (real > MAX_DEPTH), (shape.__name__, depth, real, doc.problems)
        if too_deep:
            assert "te diep genest" in too_deep[0].message and too_deep[0].line >= 1
            assert doc.data is None
        else:
            assert doc.problems == [] and doc.data is not None
    assert verdicts == {True, False}  # both sides of the limit were tried


def test_real_content_depth_is_far_below_the_limit() -> None:
    for path in sorted(ROOT.glob("*/**/*.yaml")):
        if ".venv" in path.parts or "fixtures" in path.parts:
            continue
        assert _true_depth(path.read_text(encoding="utf-8")) <= 12, path


def test_5000_deep_is_rejected_without_recursion_error(tmp_path: Path) -> None:
    doc = _read(tmp_path, _flow(5000))
    assert [(p.line, p.column, p.regel) for p in doc.problems] == [(1, 3 + MAX_DEPTH, "te-diep")]


def test_50000_deep_never_reaches_the_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's parser/composer segfault at this depth; the token scan must stop before them."""
    def parser_must_not_run(*args, **kwargs):
        raise AssertionError("compose called on too deep input")
    monkeypatch.setattr(yamlsource.yaml, "compose", parser_must_not_run)
    for text in ("a: " + "[" * 50_000, "{a: " * 50_000, "- " * 50_000 + "x"):
        started = time.perf_counter()
        doc = _read(tmp_path, text)
        assert [p.regel for p in doc.problems] == ["te-diep"]
        assert time.perf_counter() - started < 1


def test_50000_deep_in_a_separate_process(tmp_path: Path) -> None:
    """The same through the command line's code path, in its own process: a segfault would show as a crash."""
    file = _write(tmp_path, "a: " + "[" * 50_000 + "]" * 50_000 + "\n")
    code = "import sys; from generator.yamlsource import read; print(*read(__import__('pathlib').Path(sys.argv[1]), 'x.yaml').problems, sep='\\n')"
    result = subprocess.run([sys.executable, "-c", code, str(file)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "te diep genest" in result.stdout and "x.yaml:1:" in result.stdout


# --- size ---------------------------------------------------------------------------------------

def test_just_over_the_size_limit(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: " + "x" * (MAX_BYTES - 2))
    assert [(p.regel, p.line) for p in doc.problems] == [("te-groot", 1)]
    assert str(MAX_BYTES) in doc.problems[0].message


def test_just_under_the_size_limit(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: " + "x" * (MAX_BYTES - 4) + "\n")
    assert doc.problems == [] and len(doc.data["a"]) == MAX_BYTES - 4


def test_limits_are_far_above_real_content() -> None:
    largest = max(p.stat().st_size for p in ROOT.glob("*/**/*.yaml") if ".venv" not in p.parts)
    assert largest * 10 < MAX_BYTES


# --- aliases ------------------------------------------------------------------------------------

def test_aliases_to_plain_values_are_rejected_before_expansion(tmp_path: Path) -> None:
    """The 0.9 MB -> 24 GB case: aliases to a long plain value, many times over."""
    text = "a: &a " + "x" * 1000 + "\n" + "".join(f"b{i}: [" + ", ".join(["*a"] * 100) + "]\n" for i in range(50))
    started = time.perf_counter()
    doc = _read(tmp_path, text)
    assert time.perf_counter() - started < 1
    assert [(p.line, p.column, p.regel) for p in doc.problems] == [(1, 4, "alias")]
    assert "nog 5000 keer" in doc.problems[0].message
    assert doc.data is None


def test_alias_alone_is_rejected(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: x\nb: *a\n")
    assert [(p.line, p.column, p.regel) for p in doc.problems] == [(2, 4, "alias")]


# --- only regular files -------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_does_not_hang(tmp_path: Path, no_hang) -> None:
    os.mkfifo(tmp_path / "x.yaml")
    doc = read(tmp_path / "x.yaml", "x.yaml")
    assert [p.regel for p in doc.problems] == ["geen-bestand"]
    assert "named pipe" in doc.problems[0].message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_refused(tmp_path: Path, no_hang) -> None:
    (tmp_path / "x.yaml").symlink_to("/dev/zero")
    doc = read(tmp_path / "x.yaml", "x.yaml")
    assert [p.regel for p in doc.problems] == ["geen-bestand"]
    assert "symlink" in doc.problems[0].message and "apparaat" in doc.problems[0].message


def test_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    _write(tmp_path, "a: b\n", "echt.yaml")
    (tmp_path / "x.yaml").symlink_to(tmp_path / "echt.yaml")
    doc = read(tmp_path / "x.yaml", "x.yaml")
    assert doc.problems == [] and doc.data == {"a": "b"}


def test_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").symlink_to(tmp_path / "weg.yaml")
    doc = read(tmp_path / "x.yaml", "x.yaml")
    assert [p.regel for p in doc.problems] == ["onleesbaar"]
    assert "bestaat niet" in doc.problems[0].message


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    doc = read(tmp_path / "x.yaml", "x.yaml")
    assert [p.regel for p in doc.problems] == ["geen-bestand"]
    assert "map" in doc.problems[0].message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read everything")
def test_unreadable_file(tmp_path: Path) -> None:
    file = _write(tmp_path, "a: b\n")
    file.chmod(0)
    doc = read(file, "x.yaml")
    assert [p.regel for p in doc.problems] == ["onleesbaar"]
    assert "leesrechten" in doc.problems[0].message


# --- linear time --------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [
    lambda n: "a: [" + "a, " * (n // 3) + "]\n",
    lambda n: "a: " + "[" * MAX_DEPTH + "a, " * (n // 3) + "]" * MAX_DEPTH + "\n",
    lambda n: "a: 1\n" * (n // 5),
    lambda n: "\x00" * n,
    lambda n: "lijst:\n" + "  - a\n" * (n // 6),
], ids=["flow", "flow-op-maximale-diepte", "dubbele-sleutels", "nul-tekens", "lijst"])
def test_time_grows_linearly(tmp_path: Path, shape) -> None:
    """Four times the input may take about four times as long, not sixteen.

    Best of five runs each, and a bound of 11 (between linear 4 and quadratic 16), so a loaded
    machine does not make it fail while a quadratic reader still does.
    """
    def seconds(size: int) -> float:
        file = _write(tmp_path, shape(size))
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            read(file, "x.yaml")
            best = min(best, time.perf_counter() - started)
        return best
    small, large = seconds(50_000), seconds(200_000)
    assert large < max(small, 0.01) * 11, (small, large)
