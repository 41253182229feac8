"""Read one YAML file safely and remember where every value stands.

Returns plain Python data plus a map from a path of keys/indexes to (line, column),
so that schema errors can name the line. Every mistake becomes a located Dutch
problem with a rule id; nothing here raises, hangs or grows with more than the
size of the file.

The file goes through four stages; a stage only runs when the ones before found
nothing, so that one mistake does not cause a cascade of confusing follow-ups:

1. bytes: only a regular file, at most MAX_BYTES, UTF-8;
2. characters: control characters, odd line breaks and tabs (all of them, located);
3. tokens: libyaml's scanner, without parsing: nesting depth (checked before the
   parser or composer ever sees the text, which crash on very deep input), anchors
   and aliases (never expanded), tags, directives, a second document, non-breaking
   spaces where YAML expects a space;
4. compose and build: libyaml's parser, then plain data with positions; keys and
   values that YAML would turn into dates, numbers or nothing are checked here.

libyaml's English error messages are translated in `_translate`.
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_BYTES = 1_000_000  # the largest real file is about 60 kB
MAX_DEPTH = 40  # lists and blocks inside each other; real content stays below 10
MAX_SAME = 20  # per rule and file; further occurrences are summarised in one line
Position = tuple[int, int]
Loc = tuple[Any, ...]

YAML_SYNTAX = "yaml-syntax"


@dataclass
class Document:
    path: str
    data: Any = None
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, key: bool = False) -> Position:
        """Best known position for loc: the value, else the key, else the nearest parent."""
        table = (self.key_positions, self.positions) if key else (self.positions, self.key_positions)
        loc = tuple(loc)
        while True:
            for positions in table:
                if loc in positions:
                    return positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when present: same marks, faster
    """SafeLoader that keeps plain YAML 1.2-like scalars: 'no'/'yes' and '12:30' stay text."""


def _yaml12_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = []
        for tag, regexp in entries:
            if tag == "tag:yaml.org,2002:bool":
                continue  # see below: only true/false
            if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                # YAML 1.1 reads 12:30 as 750 (base 60); YAML 1.2 and people read it as text.
                regexp = re.compile(regexp.pattern.replace(r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+", "").replace(
                    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*", ""), regexp.flags)
            kept.append((tag, regexp))
        resolvers[first] = kept
    return resolvers


# Keep YAML booleans strict (true/false only), so 'nee' or 'no' are not silently booleans.
_Loader.yaml_implicit_resolvers = _yaml12_resolvers()
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_TAG = "tag:yaml.org,2002:"


# --------------------------------------------------------------------------- reading


def read(path: Path, display: str) -> Document:
    """Read one YAML file; every problem found is in the returned Document."""
    doc = Document(display)
    report = _Reporter(doc)
    try:
        _read(path, doc, report)
    except Exception as exc:  # noqa: BLE001 - one bad file must not hide the problems of the others
        if os.environ.get("BW_DEBUG"):
            raise
        doc.data = None
        report.add(1, 1, f"dit bestand kon door een interne fout niet gelezen worden ({type(exc).__name__}); "
                   "meld het aan het ontwikkelteam", "interne-fout")
    report.finish()
    return doc


class _Reporter:
    """Adds problems to a document; at most MAX_SAME per rule, then one summary line."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.counts: dict[str, int] = {}
        self.first_skipped: dict[str, Position] = {}

    def add(self, line: int, column: int, message: str, regel: str, ernst: str = "fout") -> None:
        count = self.counts.get(regel, 0) + 1
        self.counts[regel] = count
        if count <= MAX_SAME:
            self.doc.problems.append(Problem(self.doc.path, line, column, message, regel, ernst))
        elif count == MAX_SAME + 1:
            self.first_skipped[regel] = (line, column)

    def finish(self) -> None:
        for regel, (line, column) in self.first_skipped.items():
            more = self.counts[regel] - MAX_SAME
            self.doc.problems.append(Problem(
                self.doc.path, line, column,
                f"nog {more} keer hetzelfde probleem ({regel}) vanaf hier; alleen de eerste {MAX_SAME} zijn genoemd",
                regel))


def _read(path: Path, doc: Document, report: _Reporter) -> None:
    raw = _read_bytes(Path(path), report)
    if raw is None:
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        report.add(line, column, "bestand is geen UTF-8; sla het op als UTF-8 (bijvoorbeeld in Kladblok: Opslaan als, codering UTF-8)", "geen-utf8")
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _Lines(text)
    _check_characters(text, lines, report)
    if doc.problems:
        return
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines.iter_lines()):
        report.add(1, 1, "bestand is leeg", "leeg-bestand")
        return
    scan = _scan_tokens(text, lines, report)
    if doc.problems:
        return
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        report.add(*_translate(exc, text, lines, scan))
        return
    if node is None or (isinstance(node, ScalarNode) and node.tag == _TAG + "null" and not node.value):
        report.add(1, 1, "bestand is leeg", "leeg-bestand")
        return
    loader = _Loader("")
    try:
        doc.data = _build(node, (), doc, report, loader, set())
    except _AliasFound as found:  # pragma: no cover - the token scan rejects aliases before this
        doc.data = None
        report.add(*found.position, _ALIAS_MESSAGE.replace("{meer}", ""), "alias")
    finally:
        loader.dispose()


# --------------------------------------------------------------------------- stage 1: bytes

_KINDS = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een named pipe"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
    (stat.S_ISSOCK, "een socket"),
)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "geen gewoon bestand"


def _os_error(exc: OSError) -> str:
    reasons = {
        errno.ENOENT: "het bestand bestaat niet (meer), of het is een verwijzing (symlink) naar een bestand dat niet bestaat",
        errno.EACCES: "je hebt geen leesrechten op dit bestand",
        errno.EPERM: "je hebt geen leesrechten op dit bestand",
        errno.ELOOP: "het is een verwijzing (symlink) die naar zichzelf terugverwijst",
        errno.EISDIR: "het is een map",
        errno.ENXIO: "het is geen gewoon bestand",
    }
    return reasons.get(exc.errno or 0, f"het besturingssysteem meldt foutcode {errno.errorcode.get(exc.errno or 0, exc.errno)}")


def _read_bytes(path: Path, report: _Reporter) -> bytes | None:
    """The file's bytes: only from a regular file (also behind a symlink), never more than MAX_BYTES + 1."""
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        report.add(0, 0, f"bestand kan niet gelezen worden: {_os_error(exc)}", "onleesbaar")
        return None
    try:
        info = os.fstat(fd)  # of what was actually opened, so a swap after the check cannot fool us
        if not stat.S_ISREG(info.st_mode):
            what = _kind(info.st_mode)
            via = f"een verwijzing (symlink) naar {what}" if is_link else what
            report.add(0, 0, f"dit is geen gewoon bestand maar {via}; alleen gewone YAML-bestanden worden gelezen", "geen-bestand")
            return None
        if info.st_size > MAX_BYTES:
            report.add(1, 1, f"bestand is te groot ({info.st_size} bytes, maximaal {MAX_BYTES})", "te-groot")
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        report.add(0, 0, f"bestand kan niet gelezen worden: {_os_error(exc)}", "onleesbaar")
        return None
    finally:
        os.close(fd)
    if size > MAX_BYTES:  # the file grew while we read it
        report.add(1, 1, f"bestand is te groot (meer dan {MAX_BYTES} bytes)", "te-groot")
        return None
    return b"".join(chunks)


# --------------------------------------------------------------------------- stage 2: characters


class _Lines:
    """Line starts as an editor counts them (\\r\\n, \\r or \\n), for offsets to line:column."""

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in self._BREAK.finditer(text)]

    def where(self, offset: int) -> Position:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        """Text of line number (1-based), without its line break; '' outside the file."""
        if not 1 <= number <= len(self.starts):
            return ""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def iter_lines(self) -> Any:
        return (self.line(n) for n in range(1, len(self.starts) + 1))


# What libyaml accepts (YAML 1.1 'printable'), minus line breaks an editor does not show.
_BAD_CHARACTER = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_CHARACTER_NAMES = {
    0x00: "een NUL-teken (U+0000)",
    0x08: "een backspace-teken (U+0008)",
    0x0B: "een verticale tab (U+000B, in Word een regeleinde met Shift+Enter)",
    0x0C: "een pagina-einde (U+000C)",
    0x1B: "een escape-teken (U+001B)",
    0x7F: "een DEL-teken (U+007F)",
    0x85: "een onzichtbaar regeleinde (U+0085, NEL)",
    0x2028: "een onzichtbaar regeleinde (U+2028, LINE SEPARATOR)",
    0x2029: "een onzichtbaar alinea-einde (U+2029, PARAGRAPH SEPARATOR)",
    0xFEFF: "een onzichtbaar BOM-teken (U+FEFF) midden in het bestand",
    0xFFFE: "een ongeldig teken (U+FFFE)",
    0xFFFF: "een ongeldig teken (U+FFFF)",
}


def _character_name(char: str) -> str:
    code = ord(char)
    if code in _CHARACTER_NAMES:
        return _CHARACTER_NAMES[code]
    name = unicodedata.name(char, "")
    return f"een onzichtbaar stuurteken (U+{code:04X}{', ' + name if name else ''})"


def _check_characters(text: str, lines: _Lines, report: _Reporter) -> None:
    for match in _BAD_CHARACTER.finditer(text):
        char = match.group()
        line, column = lines.where(match.start())
        if ord(char) in (0x85, 0x2028, 0x2029, 0x0B):
            hint = "vervang het door een gewone Enter of een spatie"
        else:
            hint = "verwijder het (het komt vaak mee bij kopiëren uit Word, pdf of e-mail)"
        report.add(line, column, f"{_character_name(char)} gevonden; dat mag niet in een YAML-bestand staan: {hint}", "controleteken")
    for number, start in enumerate(lines.starts, start=1):
        tab = text.find("\t", start, lines.starts[number] if number < len(lines.starts) else len(text))
        if tab >= 0:
            report.add(number, tab - start + 1, "tab gevonden; gebruik spaties om in te springen", "tab")


# --------------------------------------------------------------------------- stage 3: tokens

# '{meer}' becomes ' (hier en nog N keer in dit bestand)' when the token scan found more than one.
_ALIAS_MESSAGE = ("ankers en verwijzingen (& en *) zijn niet toegestaan{meer}; schrijf de tekst voluit. "
                  "Begint een tekst met & of * (zoals *nadruk*), zet hem dan tussen aanhalingstekens")
_TAG_MESSAGE = ("tags (een woord met ! ervoor, zoals !!str of !!python/...) zijn niet toegestaan{meer}; "
                "begint een tekst met !, zet hem dan tussen aanhalingstekens")
_DIRECTIVE_MESSAGE = ("een regel die begint met % is een YAML-instructie en die is niet toegestaan{meer}; "
                      "begint een tekst met %, zet hem dan tussen aanhalingstekens")
_SECOND_DOCUMENT = ("het bestand bevat een tweede document (een regel met alleen ---){meer}; "
                    "haal die regel weg, of zet het tweede deel in een eigen bestand")
_NBSP = "een vaste spatie (U+00A0, vaak uit Word)"
_OPEN = {
    yaml.BlockMappingStartToken: "M",
    yaml.BlockSequenceStartToken: "S",
    yaml.FlowMappingStartToken: "FM",
    yaml.FlowSequenceStartToken: "FS",
}
_CLOSE_FLOW = (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


@dataclass
class _Quoted:
    start: Position  # 1-based, of the opening quote
    end: Position  # 1-based, just after the closing quote
    style: str


@dataclass
class _Scan:
    """What the token scan learned, for better messages about parser errors."""

    quoted: list[_Quoted] = field(default_factory=list)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _scan_tokens(text: str, lines: _Lines, report: _Reporter) -> _Scan:
    """One linear pass over libyaml's tokens; stops as soon as the nesting is too deep.

    The scanner keeps its state on the heap (no recursion), so this is safe for input
    that would crash the parser or composer. The depth counted here is the depth of
    lists and mappings the composer would build, including the ones without a token of
    their own: a list whose '- ' stands at the column of its key, and a 'key: value'
    pair inside [ ].
    """
    scan = _Scan()
    # 'M' block mapping, 'S' block sequence, 'I' indentless sequence, 'FM' flow mapping,
    # 'FS' flow sequence, 'P' single-pair mapping inside a flow sequence
    stack: list[str] = []
    firsts: dict[str, tuple[Position, int]] = {}  # rule -> first position, count
    content_seen = False

    def once(regel: str, position: Position) -> None:
        first, count = firsts.get(regel, (position, 0))
        firsts[regel] = (first, count + 1)

    tokens = yaml.scan(text, Loader=_Loader)
    try:
        for token in tokens:
            kind = type(token)
            opened = None
            if kind in _OPEN:
                opened = _OPEN[kind]
            elif kind is yaml.BlockEndToken:
                if stack and stack[-1] == "I":
                    stack.pop()
                if stack:
                    stack.pop()
            elif kind is yaml.FlowEntryToken:
                if stack and stack[-1] == "P":
                    stack.pop()
            elif kind in _CLOSE_FLOW:
                if stack and stack[-1] == "P":
                    stack.pop()
                if stack and stack[-1] in ("FM", "FS"):
                    stack.pop()
            elif kind is yaml.BlockEntryToken:
                if stack and stack[-1] == "M":  # '- ' at the column of a mapping's keys
                    opened = "I"
            elif kind in (yaml.KeyToken, yaml.ValueToken):
                if stack and stack[-1] == "I" and kind is yaml.KeyToken:
                    stack.pop()
                elif stack and stack[-1] == "FS":  # [a: b] holds a mapping {a: b}
                    opened = "P"
            elif kind in (yaml.AnchorToken, yaml.AliasToken):
                once("alias", _pos(token.start_mark))
            elif kind is yaml.TagToken:
                once("tag", _pos(token.start_mark))
            elif kind is yaml.DirectiveToken:
                once("yaml-instructie", _pos(token.start_mark))
            elif kind is yaml.DocumentStartToken:
                if content_seen:
                    once("meerdere-documenten", _pos(token.start_mark))
            elif kind is yaml.ScalarToken:
                _check_scalar_token(token, lines, report, scan)
            if opened:
                stack.append(opened)
                if len(stack) > MAX_DEPTH:
                    line, column = _pos(token.start_mark)
                    report.add(line, column, f"te diep genest: hier zitten meer dan {MAX_DEPTH} lijsten en blokken in elkaar; "
                               "controleer het inspringen en de haakjes [ ] { }", "te-diep")
                    break  # stop before the parser sees it: it crashes on very deep input
            if kind not in (yaml.StreamStartToken, yaml.DirectiveToken, yaml.DocumentStartToken, yaml.StreamEndToken):
                content_seen = True
    except yaml.YAMLError as exc:
        report.add(*_translate(exc, text, lines, scan))
    finally:
        tokens.close()  # type: ignore[attr-defined]
    messages = {
        "alias": _ALIAS_MESSAGE,
        "tag": _TAG_MESSAGE,
        "yaml-instructie": _DIRECTIVE_MESSAGE,
        "meerdere-documenten": _SECOND_DOCUMENT,
    }
    for regel, ((line, column), count) in firsts.items():
        more = f" (hier en nog {count - 1} keer in dit bestand)" if count > 1 else ""
        report.add(line, column, messages[regel].replace("{meer}", more), regel)
    return scan


_KEY_NBSP = re.compile(r"[A-Za-z_][\w-]*:\xa0")


def _check_scalar_token(token: Any, lines: _Lines, report: _Reporter, scan: _Scan) -> None:
    line, column = _pos(token.start_mark)
    if token.style in ('"', "'"):
        scan.quoted.append(_Quoted((line, column), _pos(token.end_mark), token.style))
        return
    if not token.plain:
        return
    value = token.value
    if value.startswith("\xa0") and not lines.line(line)[: column - 1].strip(" "):
        report.add(line, column, f"{_NBSP} in het inspringen; vervang die door gewone spaties", "vaste-spatie")
    elif _KEY_NBSP.match(value):
        offset = value.index(":") + 1
        report.add(line, column + offset, f"na de dubbele punt staat {_NBSP}; vervang die door een gewone spatie", "vaste-spatie")
    elif value.startswith("-\xa0"):
        report.add(line, column + 1, f"na het streepje staat {_NBSP}; vervang die door een gewone spatie", "vaste-spatie")


# --------------------------------------------------------------------------- stage 4: building


class _AliasFound(Exception):
    def __init__(self, position: Position):
        self.position = position


def _mark(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _short(value: str, limit: int = 40) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


_INVISIBLE = re.compile("[\xa0\u00ad\u200b-\u200f\u2060\ufeff]")


def _key(node: Node, doc: Document, report: _Reporter, loader: _Loader) -> str | None:
    """The key as text, or None after reporting why it cannot be one."""
    line, column = _mark(node)
    if not isinstance(node, ScalarNode):
        report.add(line, column, "een sleutel moet een woord zijn", "sleutel-ongeldig")
        return None
    tag = node.tag
    if tag == _TAG + "merge":
        report.add(line, column, "'<<' (blokken samenvoegen) wordt niet ondersteund; schrijf de velden voluit", "sleutel-ongeldig")
        return None
    if tag == _TAG + "int":
        try:
            key = str(loader.construct_object(node, deep=True))
        except (ValueError, OverflowError, yaml.YAMLError):
            report.add(line, column, f"'{_short(node.value)}' kan geen sleutel zijn; een sleutel moet een woord zijn", "sleutel-ongeldig")
            return None
    elif tag in (_TAG + "str", _TAG + "value"):  # 'value' is '=': YAML 1.1 gives it a tag nothing constructs
        key = node.value
    else:
        soort = {"timestamp": "een datum", "float": "een getal", "bool": "een ja/nee-waarde", "null": "leeg"}.get(tag[len(_TAG):], "geen woord")
        shown = f"'{_short(node.value)}' is {soort}" if node.value else "de sleutel is leeg"
        report.add(line, column, f"een sleutel moet een woord zijn; {shown}", "sleutel-ongeldig")
        return None
    invisible = _INVISIBLE.search(key)
    if invisible:
        name = "een vaste spatie (U+00A0)" if invisible.group() == "\xa0" else f"een onzichtbaar teken (U+{ord(invisible.group()):04X})"
        report.add(line, column, f"sleutel '{_short(key.strip())}' bevat {name}, vaak uit Word; typ de sleutel opnieuw", "sleutel-ongeldig")
        return None
    return key


def _scalar(node: ScalarNode, doc: Document, report: _Reporter, loader: _Loader) -> Any:
    tag = node.tag
    if tag == _TAG + "str" or tag in (_TAG + "merge", _TAG + "value"):  # '<<' and '=' as a value are just text
        return node.value
    line, column = _mark(node)
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.YAMLError):
        if tag == _TAG + "timestamp":
            report.add(line, column, f"ongeldige waarde '{_short(node.value)}' (is dit een datum? gebruik JJJJ-MM-DD)", "waarde-ongeldig")
        elif tag == _TAG + "int":
            report.add(line, column, f"getal van {len(node.value)} tekens is te lang; bedoel je tekst, zet die dan tussen aanhalingstekens", "waarde-ongeldig")
        else:
            report.add(line, column, f"ongeldige waarde '{_short(node.value)}'", "waarde-ongeldig")
        return node.value
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        betekenis = "'geen getal'" if value != value else "'oneindig'"
        report.add(line, column, f"'{_short(node.value)}' betekent in YAML {betekenis}; bedoel je tekst, zet die dan tussen aanhalingstekens", "waarde-ongeldig")
        return node.value
    return value


def _build(node: Node, loc: Loc, doc: Document, report: _Reporter, loader: _Loader, seen: set[int]) -> Any:
    # An alias makes the composer hand out the same node twice; stop at the second sight,
    # so that nested aliases (an 'alias bomb') are never expanded. (The token scan already
    # rejects every alias; this stays as a second line of defence.)
    if not isinstance(node, ScalarNode) and id(node) in seen:
        raise _AliasFound(_mark(node))
    seen.add(id(node))
    doc.positions[loc] = _mark(node)
    if isinstance(node, ScalarNode):
        return _scalar(node, doc, report, loader)
    if isinstance(node, SequenceNode):
        return [_build(item, loc + (index,), doc, report, loader, seen) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node, doc, report, loader)
            if key is None:
                continue
            if key in result:
                line, column = _mark(key_node)
                first = doc.key_positions[loc + (key,)][0]
                report.add(line, column, f"sleutel '{_short(key)}' staat twee keer in dit blok (eerder op regel {first})", "dubbele-sleutel")
                continue
            doc.key_positions[loc + (key,)] = _mark(key_node)
            result[key] = _build(value_node, loc + (key,), doc, report, loader, seen)
        return result
    raise TypeError(node)  # pragma: no cover


# --------------------------------------------------------------------------- libyaml's errors in Dutch


def _translate(exc: yaml.YAMLError, text: str, lines: _Lines, scan: _Scan) -> tuple[int, int, str, str]:
    """(line, column, Dutch message, rule id) for any error PyYAML/libyaml raises."""
    if isinstance(exc, yaml.reader.ReaderError):  # libyaml counts this position in UTF-8 bytes
        offset = len(text.encode("utf-8")[: max(exc.position, 0)].decode("utf-8", "ignore"))
        line, column = lines.where(offset)
        char = text[offset] if offset < len(text) else ""
        name = _character_name(char) if char else "een ongeldig teken"
        return line, column, f"{name} gevonden; dat mag niet in een YAML-bestand staan: verwijder het", "controleteken"
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 1, 1, "YAML-fout: het bestand kan niet gelezen worden; controleer het inspringen, de dubbele punten en de aanhalingstekens", YAML_SYNTAX
    problem = exc.problem or ""
    context = exc.context or ""
    problem_at = _pos(exc.problem_mark) if exc.problem_mark else None
    context_at = _pos(exc.context_mark) if exc.context_mark else None
    at = problem_at or context_at or (1, 1)
    regel = YAML_SYNTAX
    message = None
    for needle, handler in _HANDLERS:
        if needle in problem or (needle and needle in context):
            result = handler(problem, context, at, context_at, lines, scan)
            if result is not None:
                at, message, *rest = result
                if rest:
                    regel = rest[0]
                break
    if message is None:
        message = "de opbouw klopt hier niet; controleer het inspringen, de dubbele punten en de aanhalingstekens"
    message += _hints(at, lines)
    return at[0], at[1], (f"YAML-fout: {message}" if regel == YAML_SYNTAX else message), regel


def _hints(at: Position, lines: _Lines) -> str:
    """Extra hints for causes libyaml cannot see: curly quotes and non-breaking spaces near the error."""
    hints = []
    here = lines.line(at[0])
    if re.search("[\u201c\u201d\u201e\u2018\u2019\u201a]", here):
        hints.append("op deze regel staan gekrulde aanhalingstekens (“ ” ‘ ’) die YAML niet als aanhalingsteken herkent; "
                     "gebruik rechte: \" of '")
    for number in range(max(1, at[0] - 2), at[0] + 1):
        line = lines.line(number)
        if re.match(r"[ -]*\xa0", line) or re.search(r":\xa0", line):
            hints.append(f"op regel {number} staat {_NBSP} waar een gewone spatie hoort")
            break
    return "".join(f". Let op: {hint}" for hint in hints)


def _first_colon(line: str) -> int | None:
    """Column (1-based) of the first ': ' (or ':' at the end) on a line, outside quotes; None if none."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and (index == 0 or line[index - 1] in " [{,:-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] == " "):
            return None
        elif char == ":" and (index + 1 == len(line) or line[index + 1] in " \xa0"):
            return index + 1
    return None


def _quoted_example(line: str) -> str:
    """'titel: Wonen: slapen' -> 'titel: "Wonen: slapen"'; '' when no simple example can be made."""
    match = re.match(r"^(\s*(?:- )*)([^\s:#\"'][^:#]*?):[ \xa0]+(.+?)\s*$", line)
    if not match or len(match.group(3)) > 80:
        return ""
    prefix, key, rest = match.groups()
    rest = re.sub(r"\s+#.*$", "", rest)  # a comment stays outside the quotes
    rest = rest.strip("\u201c\u201d\u201e\u2018\u2019\u201a")
    if '"' not in rest and "\\" not in rest:
        quoted = f'"{rest}"'
    else:
        quoted = "'" + rest.replace("'", "''") + "'"
    return f"{prefix.strip()} {key}: {quoted}".strip()


def _colon(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    line = lines.line(at[0])
    first = _first_colon(line)
    if first is not None and first < at[1]:
        example = _quoted_example(line)
        return at, ("deze tekst bevat een dubbele punt met een spatie erna, en dan denkt YAML dat er een nieuwe sleutel begint; "
                    "zet de tekst tussen aanhalingstekens" + (f", bijvoorbeeld: {example}" if example else ""))
    above = _previous_content_line(lines, at[0])
    return at, ("hier begint een 'sleutel: waarde' die niet past"
                + (f" bij regel {above} erboven; controleer het inspringen van beide regels, en of regel {above} een sleutel heeft"
                   if above else "; controleer het inspringen")
                + ". Staat er een dubbele punt in een tekst, zet die tekst dan tussen aanhalingstekens")


def _previous_content_line(lines: _Lines, number: int) -> int | None:
    for previous in range(number - 1, max(0, number - 50), -1):
        content = lines.line(previous).strip()
        if content and not content.startswith("#"):
            return previous
    return None


def _unclosed_quote(at: Position, scan: _Scan, lines: _Lines) -> Any:
    """A quoted text that runs over several lines just before a parser error: most likely an unclosed quote."""
    index = bisect.bisect_right([q.end for q in scan.quoted], at) - 1
    if index < 0:
        return None
    quoted = scan.quoted[index]
    if quoted.start[0] != quoted.end[0] and quoted.end[0] == at[0] and _looks_like_keys(quoted, lines):
        mark = quoted.style
        return quoted.start, (f"het aanhalingsteken ({mark}) dat hier opent, wordt op deze regel niet gesloten; "
                              f"YAML leest daardoor door tot regel {quoted.end[0]}. Zet een {mark} aan het eind van de tekst")
    if quoted.end[0] == at[0] and quoted.end[1] <= at[1]:
        example = _quoted_example(lines.line(at[0]))
        return at, ("na het sluitende aanhalingsteken staat nog tekst; staan er aanhalingstekens in de tekst zelf, "
                    "zet de hele tekst dan tussen enkele aanhalingstekens" + (f", bijvoorbeeld: {example}" if example and example.count("'") >= 2 and '"' in example else ""))
    return None


def _looks_like_keys(quoted: _Quoted, lines: _Lines) -> bool:
    """Do the lines the quoted text runs over look like 'sleutel: waarde' lines of their own?"""
    for number in range(quoted.start[0] + 1, quoted.end[0] + 1):
        if re.match(r"\s*(- )?[\w-]+:(\s|$)", lines.line(number)):
            return True
    return False


def _indentation(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    found = _unclosed_quote(at, scan, lines)
    if found:
        return found
    here = lines.line(at[0])[at[1] - 1:]
    if "'-' indicator" in problem:
        where = f" (die begint op regel {context_at[0]}, kolom {context_at[1]})" if context_at else ""
        return at, f"hier verwachtte YAML een nieuwe lijstregel '- ' van de lijst erboven{where}; controleer het inspringen"
    if here.startswith(":"):
        return at, "voor deze dubbele punt staat geen sleutel; schrijf 'sleutel: waarde', of zet tekst die met ':' begint tussen aanhalingstekens"
    if here.startswith("-"):
        return at, ("hier staat een lijstregel ('- ') waar een sleutel verwacht wordt; hoort de lijst bij de sleutel erboven, "
                    "zet daar dan niets achter de dubbele punt en spring de lijstregels in")
    if context_at and at[1] != context_at[1] and at[0] != context_at[0]:
        return at, (f"het inspringen klopt niet: deze regel begint in kolom {at[1]}, maar de sleutels van dit blok "
                    f"(vanaf regel {context_at[0]}) beginnen in kolom {context_at[1]}; gebruik evenveel spaties")
    return at, "onverwachte tekst; controleer het inspringen en of elk aanhalingsteken gesloten is"


def _flow(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    opening, closing, noun = ("[", "]", "lijst") if "sequence" in context else ("{", "}", "blok")
    if context_at and context_at[0] != at[0]:
        return context_at, (f"{'de' if noun == 'lijst' else 'het'} {noun} {'die' if noun == 'lijst' else 'dat'} hier begint met '{opening}' wordt niet afgesloten met '{closing}' "
                            f"(YAML zocht door tot regel {at[0]}); voeg '{closing}' toe of zet tekst met haakjes tussen aanhalingstekens")
    return at, (f"in deze {noun} tussen '{opening}' en '{closing}' ontbreekt een komma of '{closing}', of er staat een "
                f"dubbele punt in een tekst; zet zulke tekst tussen aanhalingstekens")


def _quote_eof(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    start = context_at or at
    mark = lines.line(start[0])[start[1] - 1: start[1]] or '"'
    if "document indicator" in problem:
        return start, (f"het aanhalingsteken ({mark}) dat hier opent, wordt niet gesloten vóór de regel met --- of ... "
                       f"op regel {at[0]}; zet een {mark} aan het eind van de tekst")
    return start, f"het aanhalingsteken ({mark}) dat hier opent, wordt nergens gesloten; zet een {mark} aan het eind van de tekst"


def _backslash(at: Position, lines: _Lines) -> tuple[Position, str]:
    """Where the backslash before `at` stands, and the escape it starts ('\\B')."""
    line = lines.line(at[0])
    backslash = line.rfind("\\", 0, at[1])
    column = backslash + 1 if backslash >= 0 else at[1]
    return (at[0], column), (line[column - 1: column + 1] if backslash >= 0 else "\\")


def _escape(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    where, code = _backslash(at, lines)
    return where, (f"tussen dubbele aanhalingstekens heeft een backslash een speciale betekenis en '{code}' bestaat niet; "
                             f"gebruik enkele aanhalingstekens (bijvoorbeeld 'G:\\Beleid') of laat de aanhalingstekens weg")


def _code(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    where, code = _backslash(at, lines)
    return where, (f"tussen dubbele aanhalingstekens moet na '{code}' een geldige tekencode staan; "
                             f"bedoel je een gewone backslash, gebruik dan enkele aanhalingstekens of laat de aanhalingstekens weg")


def _character(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    char = lines.line(at[0])[at[1] - 1: at[1]]
    if char in ("@", "`"):
        return at, f"een tekst mag niet beginnen met '{char}'; zet de tekst tussen aanhalingstekens"
    if char in ("\u201c", "\u201d", "\u2018", "\u2019"):
        return at, "gekrulde aanhalingstekens (“ ” ‘ ’) herkent YAML niet; gebruik rechte: \" of '"
    shown = f"het teken '{char}'" if char.strip() else "dit teken"
    return at, f"{shown} kan hier niet staan; zet de tekst tussen aanhalingstekens"


def _block_scalar(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    return at, ("na | of > mag op dezelfde regel alleen een - of + (of een cijfer 1-9) staan; begin de tekst op de volgende regel, "
                "ingesprongen. Begint je tekst met | of >, zet hem dan tussen aanhalingstekens"), YAML_SYNTAX


def _simple_key(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    start = context_at or at
    return start, ("hier staat tekst zonder 'sleutel:' ervoor; hoort de tekst bij de regel erboven, spring hem dan in met spaties, "
                   "of zet de hele tekst tussen aanhalingstekens")


def _node_content(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
    char = lines.line(at[0])[at[1] - 1: at[1]]
    if char in "]}":
        return at, f"hier staat '{char}' zonder bijbehorend '{'[' if char == ']' else '{'}'; zet tekst met haakjes tussen aanhalingstekens"
    if char == ",":
        return at, "hier staat een komma zonder waarde ervoor; zet tekst met komma's tussen aanhalingstekens"
    if char in ("-", "."):
        return at, "een regel met alleen --- of ... markeert een nieuw document en kan hier niet staan; haal de regel weg"
    return at, "hier ontbreekt een waarde; controleer de haakjes [ ] { }, de komma's en het inspringen"


def _fixed(message: str, use_context: bool = False, regel: str = YAML_SYNTAX) -> Any:
    def handler(problem: str, context: str, at: Position, context_at: Position | None, lines: _Lines, scan: _Scan) -> Any:
        return (context_at if use_context and context_at else at), message.replace("{meer}", ""), regel
    return handler


_HANDLERS: list[tuple[str, Any]] = [
    # scanner
    ("mapping values are not allowed", _colon),
    ("found unexpected ':'", _colon),
    ("block sequence entries are not allowed", _fixed(
        "hier mag geen lijstregel ('- ') beginnen; zet een lijst op een nieuwe regel onder de sleutel, ingesprongen, "
        "of zet tekst die met '- ' begint tussen aanhalingstekens")),
    ("mapping keys are not allowed", _fixed("een '?' aan het begin van een regel kan hier niet; zet de tekst tussen aanhalingstekens")),
    ("found character that cannot start any token", _character),
    ("found unknown escape character", _escape),
    ("did not find expected hexdecimal number", _code),
    ("found invalid Unicode character escape code", _code),
    ("found unexpected document indicator", _quote_eof),
    ("while scanning a quoted scalar", _quote_eof),
    ("could not find expected ':'", _simple_key),
    ("while scanning a block scalar", _block_scalar),
    ("found a tab character", _fixed("tab gevonden; gebruik spaties om in te springen", regel="tab")),
    ("while scanning an anchor", _fixed(_ALIAS_MESSAGE, True, "alias")),
    ("while scanning an alias", _fixed(_ALIAS_MESSAGE, True, "alias")),
    ("while scanning a tag", _fixed(_TAG_MESSAGE, True, "tag")),
    ("while parsing a tag", _fixed(_TAG_MESSAGE, True, "tag")),
    ("found undefined tag handle", _fixed(_TAG_MESSAGE, True, "tag")),
    ("directive", _fixed(_DIRECTIVE_MESSAGE, True, "yaml-instructie")),
    ("incompatible YAML document", _fixed(_DIRECTIVE_MESSAGE, False, "yaml-instructie")),
    ("version number", _fixed(_DIRECTIVE_MESSAGE, True, "yaml-instructie")),
    ("found unexpected end of stream", _fixed("het bestand houdt onverwacht op; mist er een aanhalingsteken of haakje?")),
    ("while scanning for the next token", _character),
    # parser
    ("did not find expected key", _indentation),
    ("did not find expected '-' indicator", _indentation),
    ("did not find expected ',' or ']'", _flow),
    ("did not find expected ',' or '}'", _flow),
    ("did not find expected node content", _node_content),
    ("did not find expected <document start>", _fixed(
        "na een regel met ... (einde van het document) staat nog tekst; haal de regel met ... weg", regel="meerdere-documenten")),
    ("expected <block end>", _indentation),
    # composer
    ("found duplicate anchor", _fixed(_ALIAS_MESSAGE, False, "alias")),
    ("found undefined alias", _fixed(_ALIAS_MESSAGE, False, "alias")),
    ("expected a single document", _fixed(_SECOND_DOCUMENT, regel="meerdere-documenten")),
    # constructor (only reachable through tags, which the token scan rejects first)
    ("could not determine a constructor", _fixed(_TAG_MESSAGE, False, "tag")),
    # reader, for the case the text did not go through _check_characters
    ("control characters are not allowed", _fixed("dit bestand bevat een onzichtbaar stuurteken; verwijder het", regel="controleteken")),
    ("UTF-8", _fixed("bestand is geen UTF-8; sla het op als UTF-8", regel="geen-utf8")),
    ("invalid Unicode character", _fixed("dit bestand bevat een ongeldig teken; verwijder het", regel="controleteken")),
    ("input is too long", _fixed(f"bestand is te groot (maximaal {MAX_BYTES} bytes)", regel="te-groot")),
]
