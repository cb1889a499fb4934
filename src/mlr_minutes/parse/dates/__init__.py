"""Swedish date and time phrases, resolved against the meeting date.

Minutes rarely write a full date: ``24 maj``, ``30/9``, ``vecka 42`` and ``i juni``
all leave the year to the reader, who takes it from the meeting.  The rule used
here is the reader's: the meeting's year, unless that puts the date more than
half a year before the meeting, in which case the next year is meant (a meeting
in November that says ``24/1`` is planning for January).

Every phrase form is a regular expression built from the tables in
``vocabulary``; the expressions all run over the text and the earliest, then
longest, match wins, so that ``30 maj–2 juni`` is one range rather than two days
and ``kl. 15:00-17:30`` is a clock time rather than anything else.

The forms live by kind: :mod:`.forms` (written out), :mod:`.relative` (counted from
the meeting), :mod:`.compact` (only in titles and labels), :mod:`.clock` (times);
:mod:`.patterns` holds the pieces they share.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ...model import DateValue, Precision
from ...vocabulary import (
    DATE_FILLER_WORDS,
    DEADLINE_WORDS,
    METADATA_KEYS,
    MONTHS,
    WEEKDAY_FORMS,
)
from ..text import alternation
from .clock import parse_time_span, time_matches
from .compact import STRICT_FORMS
from .forms import FORMS
from .patterns import DAY_MONTH, MAX_EXTRA_WORDS, RELATIVE_KINDS, WEEK_NUMBER, YEAR, Anchor, Form
from .relative import RELATIVE_FORMS

__all__ = ["Anchor", "DateMatch", "find_dates", "parse_date", "parse_time_span"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date phrase found inside a longer text."""

    start: int
    """Offset of the phrase's first character in the searched text."""
    end: int
    """Offset just past the phrase."""
    value: DateValue
    """The resolved date."""


# --- Dates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: DateValue | None
    is_date: bool
    """False for a clock time, which only keeps dates from being read inside it."""


def _candidates(text: str, anchor: Anchor, strict: bool = False) -> list[_Candidate]:
    """Every phrase any form matches (overlapping), plus clock times as blockers."""
    phrases, clocks = _scan(text, strict)
    found = [
        _Candidate(start, end, form.resolve(match, anchor), True)
        for form, match, start, end in phrases
    ]
    found.extend(_Candidate(start, end, None, False) for start, end in clocks)
    return found


_Phrase = tuple[Form, re.Match[str], int, int]


@lru_cache(maxsize=8192)
def _scan(text: str, strict: bool) -> tuple[tuple[_Phrase, ...], tuple[tuple[int, int], ...]]:
    """The phrases of :func:`_candidates` before they are resolved (form, match, span), and
    the clock times' spans.  A text is asked about against several anchors (the meeting's
    date once known, the next meeting's), and the scan does not depend on the anchor."""
    holds = _holds(text)
    phrases: list[_Phrase] = []
    for form in _forms(holds, strict):
        if form.holds not in text:
            continue
        for match in form.pattern.finditer(text):
            if not form.accept(match):
                continue
            group = "phrase" if match.groupdict().get("phrase") is not None else "phrase2"
            phrases.append((form, match, match.start(group), match.end(group)))
    clocks: tuple[tuple[int, int], ...] = ()
    if "digit" in holds:  # a clock time is digits
        clocks = tuple((t.start, t.end) for t in time_matches(text))
    return tuple(phrases), clocks


@lru_cache(maxsize=256)
def _forms(holds: frozenset[str], strict: bool) -> tuple[Form, ...]:
    """The forms worth running on a text that holds ``holds``, in their order."""
    forms = (*FORMS, *RELATIVE_FORMS, *(STRICT_FORMS if strict else ()))
    return tuple(form for form in forms if form.needs in holds)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The earliest, then longest, candidates that do not overlap, left to right.

    Candidates whose date does not exist (``31 april``) still take their place, so that
    no shorter reading (``april`` alone) is made of them.
    """
    chosen: list[_Candidate] = []
    position = 0
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end, not c.is_date)):
        if candidate.start >= position:
            chosen.append(candidate)
            position = candidate.end
    return chosen


def find_dates(
    text: str,
    meeting_date: dt.date | None,
    next_meeting: dt.date | None = None,
    *,
    strict: bool = False,
) -> list[DateMatch]:
    """Every date phrase in ``text``, left to right, resolved against ``meeting_date``
    (and ``next_meeting`` for *till nästa möte*).

    Phrases that name no real day (``31 april``) and year-less phrases when
    ``meeting_date`` is None are left out; a four-digit year alone is never a match.
    ``strict`` adds the compact forms a title or label writes (``20220314``, ``22-03-14``).
    """
    found = _find_dates(text, meeting_date, strict)
    if next_meeting is None:
        return list(found)
    # One cached scan serves every caller; the next meeting's date is filled in after.
    return [
        DateMatch(
            m.start, m.end, DateValue(next_meeting, next_meeting, Precision.DAY, m.value.text)
        )
        if m.value.precision is Precision.NEXT_MEETING
        else m
        for m in found
    ]


@lru_cache(maxsize=8192)
def _find_dates(text: str, meeting_date: dt.date | None, strict: bool) -> tuple[DateMatch, ...]:
    # The rules ask about the same sentence several times (action? reference? due?),
    # and most sentences hold no digit, no month, no weekday and no *nästa* at all.
    if not _holds(text):
        return ()
    return tuple(
        DateMatch(candidate.start, candidate.end, candidate.value)
        for candidate in _select(_candidates(text, Anchor(meeting_date), strict))
        if candidate.value is not None
    )


@cache
def _gate() -> re.Pattern[str]:
    relative = [word for words in RELATIVE_KINDS.values() for word in words]
    return re.compile(
        rf"(?P<digit>\d)|(?<!\w)(?:(?P<month>{alternation(MONTHS)})"
        rf"|(?P<relative>{alternation(relative)}))(?!\w)",
        re.IGNORECASE,
    )


@cache
def _words_gate() -> re.Pattern[str] | None:
    """:func:`_gate` without its digit: the words alone, when every word is letters (and
    spaces), so that no word can start at a digit and a digit's match hides none; else
    None (the one scan of :func:`_gate` then)."""
    relative = [word for words in RELATIVE_KINDS.values() for word in words]
    if not all(char.isalpha() or char == " " for word in (*MONTHS, *relative) for char in word):
        return None
    return re.compile(
        rf"(?<!\w)(?:(?P<month>{alternation(MONTHS)})|(?P<relative>{alternation(relative)}))(?!\w)",
        re.IGNORECASE,
    )


_DIGIT = re.compile(r"\d")


@cache
def _relative_starts() -> re.Pattern[str]:
    """Where any relative word starts (zero-width, so that no word hides another)."""
    relative = [word for words in RELATIVE_KINDS.values() for word in words]
    return re.compile(rf"(?<!\w)(?=(?:{alternation(relative)})(?!\w))", re.IGNORECASE)


@cache
def _relative_kinds() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (kind, re.compile(rf"(?:{alternation(words)})(?!\w)", re.IGNORECASE))
        for kind, words in RELATIVE_KINDS.items()
    )


@lru_cache(maxsize=8192)
def _holds(text: str) -> frozenset[str]:
    """Which kinds of date phrase ``text`` may hold (``digit``, ``month``, ``relative``),
    found by one scan; with a digit, whether a week's number (``week_number``) or a day
    before a month (``day_month``) may stand in it; with ``relative``, which kinds of
    relative word it holds (the keys of :data:`~.patterns.RELATIVE_KINDS`), so that each
    relative form runs only where its own words stand."""
    kinds: set[str] = set()
    words = _words_gate()
    if words is not None and _DIGIT.search(text) is not None:
        kinds.add("digit")  # found once, not at every digit of a text full of numbers
    for match in (_gate() if words is None else words).finditer(text):
        kind = match.lastgroup
        if kind is not None:
            kinds.add(kind)
        if len(kinds) == 3 or (words is not None and len(kinds - {"digit"}) == 2):
            break
    if "digit" in kinds:
        # Kinds of a digit's own, each needed by several forms: one search for them all.
        if WEEK_NUMBER.search(text):
            kinds.add("week_number")
        if "month" in kinds and DAY_MONTH.search(text):
            kinds.add("day_month")
    if "relative" in kinds:
        for start in _relative_starts().finditer(text):
            kinds.update(
                kind for kind, words in _relative_kinds() if words.match(text, start.start())
            )
    return frozenset(kinds)


_FILLERS: frozenset[str] = frozenset(
    word
    for phrase in (*DATE_FILLER_WORDS, *DEADLINE_WORDS, *METADATA_KEYS["date"], *WEEKDAY_FORMS)
    for word in phrase.split()
)
_WORD = re.compile(r"[^\W\d_]+")
_LONE_YEAR = re.compile(rf"(?<![\w.,:/–—-])(?P<year>{YEAR})(?![\w/–—-]|[.,:]\d)")


def _extra_words(text: str, spans: Iterable[tuple[int, int]]) -> int:
    """How many words outside ``spans`` are neither filler nor numbers."""
    kept = list(text)
    for start, end in spans:
        kept[start:end] = [" "] * (end - start)
    words = _WORD.findall("".join(kept))
    return sum(1 for word in words if word.lower() not in _FILLERS)


def parse_date(
    text: str,
    meeting_date: dt.date | None,
    next_meeting: dt.date | None = None,
    *,
    strict: bool = False,
    max_extra_words: int = MAX_EXTRA_WORDS,
) -> DateValue | None:
    """``text`` as a single date phrase (surrounding words such as *den*, *senast* allowed).

    The first date phrase is returned when the words around it, other than filler words,
    clock times and metadata labels such as *Datum*, are few; it is None when the phrase
    names no real day, or needs a year that ``meeting_date`` cannot give.  A four-digit
    year with nothing else around it is read as that year.  ``strict`` adds the compact
    forms of :func:`find_dates`; ``max_extra_words=0`` asks for the date and nothing else.
    """
    chosen = _select(_candidates(text, Anchor(meeting_date, next_meeting), strict))
    times = [(c.start, c.end) for c in chosen if not c.is_date]
    first = next((c for c in chosen if c.is_date), None)
    if first is None:
        return _parse_year(text, times)
    if first.value is None:
        return None
    if _extra_words(text, [*times, (first.start, first.end)]) > max_extra_words:
        return None
    return first.value


def _parse_year(text: str, times: list[tuple[int, int]]) -> DateValue | None:
    years = list(_LONE_YEAR.finditer(text))
    if len(years) != 1 or _extra_words(text, [*times, years[0].span()]) > 0:
        return None
    match = years[0]
    year = int(match["year"])
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, match["year"])
