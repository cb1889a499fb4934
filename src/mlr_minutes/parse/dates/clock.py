"""Clock times: ``kl. 15:00-17:30``, ``09.00–12.00``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...vocabulary import (
    TIME_SPAN_WORDS,
    TIME_WORDS,
)
from ..gates import WordGate
from ..text import alternation
from .patterns import DASH, FLAGS, NUMBER_END

# --- Clock times --------------------------------------------------------------

_TIME_JOIN = rf"(?:{DASH}|\s+(?:{alternation(TIME_SPAN_WORDS)})\s+)"
_TIME_END = rf"(?:{_TIME_JOIN}(?P<end_hour>\d{{1,2}})(?:[:.](?P<end_minute>\d{{2}}))?)?"
_TIME_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?<!\w)(?:{alternation(TIME_WORDS)})\s*"
        rf"(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?{_TIME_END}{NUMBER_END}",
        FLAGS,
    ),
    # Without ``kl`` only hours-and-minutes are a time: ``13-15`` may well be days.
    re.compile(
        rf"(?<![\w.,:/–—-])(?P<hour>\d{{1,2}})(?P<separator>[:.])(?P<minute>\d{{2}})"
        rf"{_TIME_END}{NUMBER_END}",
        FLAGS,
    ),
)


def _clock(hour: str, minute: str | None) -> dt.time | None:
    hours, minutes = int(hour), int(minute or 0)
    if hours > 23 or minutes > 59:
        return None
    return dt.time(hours, minutes)


@dataclass(frozen=True, slots=True)
class _TimeMatch:
    start: int
    end: int
    begins: dt.time | None
    ends: dt.time | None
    valid: bool


_TIME_WORD = WordGate(TIME_WORDS)
"""Before the first pattern: a text without ``kl`` or its kin holds none of its times."""


def time_matches(text: str) -> Iterator[_TimeMatch]:
    # The first pattern needs a word for the clock, the second a ``:`` or a ``.``.
    worth = (_TIME_WORD(text), ":" in text or "." in text)
    for pattern, worth_trying in zip(_TIME_PATTERNS, worth, strict=True):
        if not worth_trying:
            continue
        for match in pattern.finditer(text):
            separator = match.groupdict().get("separator")
            if separator == "." and len(match["hour"]) == 1 and match["end_hour"] is None:
                # A lone ``3.10`` is an agenda item number far more often than ten past three.
                continue
            begins = _clock(match["hour"], match["minute"])
            ends = None
            if match["end_hour"] is not None:
                ends = _clock(match["end_hour"], match["end_minute"])
            valid = begins is not None and (ends is not None or match["end_hour"] is None)
            yield _TimeMatch(match.start(), match.end(), begins, ends, valid)


def parse_time_span(text: str) -> tuple[dt.time | None, dt.time | None, int, int] | None:
    """The first clock time or span in ``text`` (``kl. 15:00-17:30``, ``09.00–11.30``,
    ``kl 13-15``): start, end (or None) and the offsets of the phrase.

    Hours run 0–23 and minutes 0–59; a bare ``13-15`` without *kl* is not a time, but
    ``13:00`` or ``13.00`` is.  Returns None when the text holds no valid time.
    """
    found = sorted(
        (match for match in time_matches(text) if match.valid),
        key=lambda match: (match.start, -match.end),
    )
    if not found:
        return None
    first = found[0]
    return first.begins, first.ends, first.start, first.end
