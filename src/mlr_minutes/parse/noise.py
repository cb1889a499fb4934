"""Lines that are page furniture, not minutes: page numbers, repeated page headers,
digital-signature stamps, a table of contents.

Minutes converted from PDF or Word carry what the printed page needed: every
page repeats the body's name, *SAMMANTRÄDESPROTOKOLL*, the date and ``2 (5)``;
a signing service stamps *Signerat av …* lines; a long protocol opens with an
*Innehåll* list whose dotted leaders end in page numbers.  Read as text they
become agenda items, attendees or a second meeting date.  Each rule here names
one such shape; the lines it claims stay in the page (nothing the file holds
is dropped) but every extraction rule passes over them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..vocabulary import (
    DOCUMENT_TYPES,
    PAGE_FURNITURE,
    PAGE_OF_WORDS,
    PAGE_WORDS,
    SIGNATURE_PHRASES,
    TABLE_OF_CONTENTS_HEADINGS,
)
from .dates import find_dates
from .ruler import Ruler
from .text import alternation


@dataclass
class NoiseState:
    """The lines being judged, and what is known about them so far."""

    lines: list[str]
    """The source lines (0-based list; rules speak of 1-based line numbers)."""
    title: str | None
    """The first heading's text, which page headers tend to repeat."""
    counts: Counter[str] = field(default_factory=Counter)
    """How often each stripped, case-folded line occurs in the file."""
    seen: set[str] = field(default_factory=set)
    """Header-like lines met once already: their next occurrences are furniture."""
    in_contents: bool = False
    """Whether the lines run inside a table of contents."""
    noise: set[int] = field(default_factory=set)
    """The 1-based numbers of the lines claimed so far."""


NoiseRule = Callable[[NoiseState, int, str], bool]
"""A rule gets the state, the 1-based line number and the stripped line; True claims it."""


@cache
def _page_number() -> re.Pattern[str]:
    words, of = alternation(PAGE_WORDS), alternation(PAGE_OF_WORDS)
    return re.compile(
        rf"\b\d{{1,3}}\s*\(\s*\d{{1,3}}\s*\)"
        rf"|(?<!\w)(?:{words})\s*\d{{1,3}}(?:\s*(?:{of})\s*\d{{1,3}})?",
        re.IGNORECASE,
    )


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _key(line: str) -> str:
    # A header repeats with its page number changing: ``Sammanträdesdatum 6(9)``.
    text = _page_number().sub("#", line) if _DIGIT.search(line) else line
    return " ".join(text.strip().strip("#*_ ").split()).casefold()


@cache
def _page_marker() -> re.Pattern[str]:
    words, of = alternation(PAGE_WORDS), alternation(PAGE_OF_WORDS)
    return re.compile(
        rf"^(?:(?:{words})\.?\s*)?\d{{1,3}}\s*(?:\(\s*\d{{1,3}}\s*\)|(?:{of})\s*\d{{1,3}})$"
        rf"|^(?:{words})\.?\s*\d{{1,3}}$"
        r"|^[-–]\s*\d{1,3}\s*[-–]$",
        re.IGNORECASE,
    )


def page_marker(state: NoiseState, number: int, line: str) -> bool:
    """A page number on its own line: ``2 (5)``, ``Sida 2 av 5``, ``- 3 -``."""
    return bool(_page_marker().match(line))


@cache
def _signature() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(SIGNATURE_PHRASES)})(?!\w)", re.IGNORECASE)


def signature_stamp(state: NoiseState, number: int, line: str) -> bool:
    """A signing service's stamp: ``Signerat av Anna Berg 2023-03-20 10:14 (BankID)``,
    ``Justerandes signatur``, ``Utdragsbestyrkande``."""
    return bool(_signature().match(_key(line)))


_FILE_PATH = re.compile(r"^(?:\\\\[\w.$-]+|[A-Za-z]:)\\\S(?:[^\\]*\\)*[^\\]*$")


def file_path(state: NoiseState, number: int, line: str) -> bool:
    """A Word footer's path of the document: ``\\\\tallmo-fs01\\profiles$\\sn\\prot
    2027\\sn 0223.doc``, ``G:\\Nämnder\\BN\\Protokoll\\bn 2024-03-12.docx``."""
    return bool(_FILE_PATH.match(line))


_PAGE_AT_END = re.compile(r"(?<!\d)\d{1,3}\s*$")
_LEADER_MARKS = ".…·_"
_LEADER_LENGTH = 4


def _has_leader(line: str) -> bool:
    """Whether ``line`` ends in a page number after a leader: four or more dots (``…``,
    ``·``, ``_``; a space allowed after each), a tab, or three spaces.  Read backwards
    from the number, a few characters at most: a pattern searched from every mark of a
    pasted run of dots or underscores rescanned the run once per mark."""
    if not line.rstrip()[-1:].isdecimal():
        return False  # the cheap look first: most lines end in no number
    number = _PAGE_AT_END.search(line)
    if number is None:
        return False
    before = line[: number.start()]
    stripped = before.rstrip()
    gap = before[len(stripped) :]
    if len(gap) >= 3 or "\t" in gap:
        return True
    marks = 0
    end = len(stripped)
    while end > 0 and stripped[end - 1] in _LEADER_MARKS:
        marks += 1
        if marks >= _LEADER_LENGTH:
            return True
        end -= 1
        if end > 1 and stripped[end - 1].isspace() and stripped[end - 2] in _LEADER_MARKS:
            end -= 1
    return False


_CONTENTS_ENTRY = re.compile(r"^(?:§\s*\d|\d{1,3}[.)]?\s).*\s\d{1,3}\s*$")


def table_of_contents(state: NoiseState, number: int, line: str) -> bool:
    """An *Innehåll* list: entries with dotted leaders or a page number at the end
    (``§ 12 Budget 2024 ........ 4``), and, below an *Innehåll* heading, numbered entries
    ending in a page number (``§ 13 Val av justerare 5``) until the first line that is not
    one."""
    key = _key(line)
    if key in TABLE_OF_CONTENTS_HEADINGS:
        state.in_contents = True
        return False  # the heading itself stays a heading
    if _has_leader(line):
        return True
    if state.in_contents:
        if _CONTENTS_ENTRY.match(line):
            return True
        state.in_contents = False
    return False


@cache
def _furniture() -> re.Pattern[str]:
    words = alternation((*PAGE_FURNITURE, *DOCUMENT_TYPES))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _header_like(state: NoiseState, line: str) -> bool:
    if len(line) > 80 or line.startswith(("-", "*", "+")):
        return False
    if state.title is not None and _key(line) == _key(state.title):
        return True
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    return bool(_furniture().search(line) or find_dates(line, None))


def repeated_header(state: NoiseState, number: int, line: str) -> bool:
    """A page header printed again on every page: the body's name, *Sammanträdes-
    protokoll*, the date.  Its first occurrence is the real one (a title, the date
    label); every later one is furniture."""
    key = _key(line)
    if state.counts[key] < 2 or not _header_like(state, line):
        return False
    if key in state.seen:
        return True
    state.seen.add(key)
    return False


NOISE: Ruler[NoiseRule] = Ruler(
    [
        ("page_marker", page_marker),
        ("signature_stamp", signature_stamp),
        ("file_path", file_path),
        ("table_of_contents", table_of_contents),
        ("repeated_header", repeated_header),
    ]
)
"""The shapes of page furniture, tried in order on every non-blank line."""


def find_noise(lines: list[str], title: str | None) -> frozenset[int]:
    """The 1-based numbers of the lines that are page furniture."""
    state = NoiseState(lines, title)
    # Each line stripped once: the rules read it stripped, and a key ignores the spaces
    # around a line, so that the counts and the rules share one cached key a line.
    stripped = [line.strip() for line in lines]
    state.counts.update(_key(line) for line in stripped if line)
    rules = NOISE.rules()
    for index, line in enumerate(stripped):
        if not line:
            continue
        for rule in rules:
            if rule(state, index + 1, line):
                state.noise.add(index + 1)
                break
    return frozenset(state.noise)
