"""Dutch compound words split into their parts, so search finds 'verhuur' in 'kamerverhuur'.

Material's search (Lunr) matches the start of a word only: 'melker' never finds 'huisjesmelker'.
At build time every long word of a page is split with a maintained Dutch word list (Debian
`wdutch`, /usr/share/dict/dutch) and the parts are added to the page as extra, invisible index
terms. Synonyms, street words and English stay in the editors' `zoektermen`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

WORD_LIST = Path("/usr/share/dict/dutch")
MIN_WORD = 8  # shorter words are rarely compounds worth splitting
MIN_PART = 4  # shorter parts ('ver', 'uit') are prefixes more often than words
MIN_HEAD = 5  # the last part carries the meaning; a short one is mostly a suffix ('verdien-sten')
LINKS = ("", "s", "-")  # what may stand between two parts: 'arbeid-s-uitbuiting'
_WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*")
_NOT_TEXT = re.compile(r"<svg.*?</svg>|\]\([^)]*\)|<[^>]*>|\{[^}\n]*\}", re.S)  # drawings, link targets, tags, attributes


def hidden_terms(markdown: str, words: frozenset[str]) -> str:
    """A page's Markdown with the parts of its compounds as a hidden paragraph at the end of its first
    section (where Material's search puts the page itself, after the summary its result shows)."""
    terms = extra_terms(markdown, words)
    if not terms:
        return markdown
    block = f'<p class="bw-zoekdelen" hidden>{" ".join(terms)}</p>\n\n'
    heading = re.search(r"^## ", markdown, flags=re.M)
    at = heading.start() if heading else len(markdown)
    return markdown[:at] + ("" if at == len(markdown) or markdown[:at].endswith("\n\n") else "\n") + block + markdown[at:]


class WordListMissing(Exception):
    pass


@cache
def word_list(path: Path = WORD_LIST) -> frozenset[str]:
    """The Dutch words (lower case) of the Debian word list; installed by `make site`."""
    if not path.exists():
        raise WordListMissing(f"de Nederlandse woordenlijst ontbreekt ({path}); installeer het Debian-pakket wdutch "
                              "(make site doet dat)")
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def split(word: str, words: frozenset[str]) -> list[str]:
    """The parts of a compound, fewest parts first (then the longest shortest part); [] if it is not one."""
    word = word.lower()
    if len(word) < MIN_WORD:
        return []
    best: dict[int, tuple[int, int, list[str]]] = {0: (0, 0, [])}  # end -> (parts, -shortest, parts)
    for end in range(MIN_PART, len(word) + 1):
        for start, (count, shortest, parts) in list(best.items()):
            for link in LINKS:
                begin = start + len(link) if start else start
                if start and not word.startswith(link, start):
                    continue
                part = word[begin:end]
                if len(part) < MIN_PART or not part.isalpha() or part not in words or (begin == 0 and end == len(word)):
                    continue
                candidate = (count + 1, max(shortest, -len(part)) if parts else -len(part), parts + [part])
                if end not in best or candidate[:2] < best[end][:2]:
                    best[end] = candidate
    found = best.get(len(word))
    return found[2] if found and len(found[2]) > 1 and len(found[2][-1]) >= MIN_HEAD else []


def extra_terms(text: str, words: frozenset[str]) -> list[str]:
    """Parts of the compounds in a text that the text does not already contain as words, sorted."""
    text = _NOT_TEXT.sub(" ", text)
    present = set(_WORD.findall(text.lower()))
    parts = {p for w in present for p in split(w, words)}
    return sorted(parts - present)
