"""The pieces every date form is built of, and how a year-less date gets its year."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model import DateValue, Precision
from ...vocabulary import (
    DAY_ARTICLES,
    DAYS_AHEAD,
    MONTH_NAMES,
    MONTHS,
    NEXT_MEETING_PHRASES,
    NEXT_MEETING_VALUES,
    NEXT_WEEK_WORDS,
    ORDINAL_SUFFIXES,
    THIS_WEEK_WORDS,
    WEEK_WORDS,
    WEEKDAY_FORMS,
    WITHIN_WORDS,
)
from ..text import alternation

# --- Building blocks ----------------------------------------------------------

_HALF_YEAR_DAYS = 183
"""A year-less date further than this before the meeting is taken to be next year's."""

_MAX_RANGE_DAYS = 183
"""A range without years longer than this is more likely a typo than a plan."""

MAX_EXTRA_WORDS = 5
"""How many other words ``parse_date`` tolerates around its date before calling it prose."""


FLAGS = re.IGNORECASE

RELATIVE_KINDS: dict[str, tuple[str, ...]] = {
    "weekday": tuple(WEEKDAY_FORMS),
    "days_ahead": tuple(DAYS_AHEAD),
    "this_week": tuple(THIS_WEEK_WORDS),
    "next_week": tuple(NEXT_WEEK_WORDS),
    "within": tuple(WITHIN_WORDS),
    "next_meeting": tuple(NEXT_MEETING_PHRASES),
    "next_meeting_value": tuple(NEXT_MEETING_VALUES),
}
"""The words of the relative forms, by kind: a form whose ``needs`` is a kind runs only on
a text that holds one of its words (``dates._holds``)."""
DASH = r"\s*[-–—]\s*"
YEAR = r"(?:19|20)\d{2}"
# A year or number that runs on into more digits, a time or a decimal is something else.
NUMBER_END = r"(?!\d|[.,:]\d)"
# Dates do not start inside a word, a number, a decimal, a fraction, a dashed code or
# after ``#`` (*Möte #7 – 30 september*).
START = r"(?<![\w.,:/–—#-])"

_FULL_MONTHS = alternation(MONTH_NAMES)
_ABBREVIATED_MONTHS = alternation(name for name in MONTHS if name not in MONTH_NAMES)
_ORDINAL = alternation(ORDINAL_SUFFIXES)
PREFIX = (
    rf"(?:(?:{alternation(WEEKDAY_FORMS)}),?\s+)?"
    rf"(?:(?:{alternation(DAY_ARTICLES)})\s+)?"
)


WEEK_NUMBER = re.compile(rf"(?:{alternation(WEEK_WORDS)})\s*\d", FLAGS)
"""What every form with a week's number holds (``v. 42``): the forms whose ``needs`` is
``week_number`` run only where it stands."""


def month_group(group: str) -> str:
    # An abbreviation may carry its full stop; a full name's following stop ends the sentence.
    return (
        rf"(?P<{group}>(?:{_FULL_MONTHS})(?!\w)"
        rf"|(?:{_ABBREVIATED_MONTHS})(?!\w)\.?)"
    )


def day_group(group: str) -> str:
    # ``11. juni 2025``: Danish and Norwegian write the day with a full stop (before a
    # month in lower case, so that a numbered line ``3. Juni-mötet`` stays a number).
    return rf"(?P<{group}>\d{{1,2}})(?:{_ORDINAL}|\.(?=\s+[a-zåäö]))?"


DAY_MONTH = re.compile(
    rf"{day_group('day')}\s+(?:{_FULL_MONTHS}|{_ABBREVIATED_MONTHS})(?!\w)", FLAGS
)
"""What every form of a day before its month's name holds (``24 maj``, ``30 maj–2 juni``,
``11. juni``), written with :func:`day_group` as the forms are: the forms whose ``needs``
is ``day_month`` run only where it stands."""


def optional_year(group: str) -> str:
    # ``4 mars 2025``, and ``4 mars -25`` / ``4 mars '25`` (a year in two digits).
    return (
        rf"(?:\s+(?P<{group}>{YEAR}){NUMBER_END}|\s?[-–'’](?P<{group}_short>\d\d)"
        rf"(?!\d|\s*(?:{_FULL_MONTHS}|{_ABBREVIATED_MONTHS})(?!\w)))?"
    )


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def group_int(match: re.Match[str], group: str) -> int | None:
    value = match.group(group)
    if value is not None:
        return int(value)
    short = match.groupdict().get(f"{group}_short")
    return 2000 + int(short) if short is not None else None


# --- Year resolution ----------------------------------------------------------


def roll_year(meeting: dt.date, probe: dt.date) -> int:
    """The year a year-less date probed in the meeting's year belongs to."""
    if (meeting - probe).days > _HALF_YEAR_DAYS:
        return meeting.year + 1
    return meeting.year


def _day_year(meeting: dt.date, month: int, day: int) -> int:
    # The probe may overflow into the next month (29/2 in a common year); the
    # distance is still right, and the real date is checked afterwards.
    probe = dt.date(meeting.year, month, 1) + dt.timedelta(days=day - 1)
    return roll_year(meeting, probe)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_value(
    meeting: dt.date | None, year: int | None, month: int, day: int, text: str
) -> DateValue | None:
    if year is None:
        if meeting is None:
            return None
        year = _day_year(meeting, month, day)
    date = _date(year, month, day)
    if date is None:
        return None
    return DateValue(date, date, Precision.DAY, text)


def range_value(
    meeting: dt.date | None,
    first: tuple[int | None, int, int],
    last: tuple[int | None, int, int],
    text: str,
) -> DateValue | None:
    """A span of days from two (year or None, month, day) ends, years filled in."""
    start_year, start_month, start_day = first
    end_year, end_month, end_day = last
    if start_year is None and end_year is not None:
        # ``30 dec–2 jan 2017`` starts in the year before the one written.
        wraps = (start_month, start_day) > (end_month, end_day)
        start_year = end_year - 1 if wraps else end_year
    if start_year is None:
        if meeting is None:
            return None
        start_year = _day_year(meeting, start_month, start_day)
    start = _date(start_year, start_month, start_day)
    if start is None:
        return None
    if end_year is None:
        wraps = (end_month, end_day) < (start_month, start_day)
        end_year = start_year + 1 if wraps else start_year
        written = False
    else:
        written = True
    end = _date(end_year, end_month, end_day)
    if end is None or end <= start:
        return None
    if not written and (end - start).days > _MAX_RANGE_DAYS:
        return None
    return DateValue(start, end, Precision.RANGE, text)


def week_monday(year: int, week: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


# --- Phrase forms ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a phrase is resolved against."""

    meeting: dt.date | None
    """The meeting date: the year of ``24 maj``, the day after of ``i morgon``."""
    next_meeting: dt.date | None = None
    """The next meeting's date when the minutes give it, for ``till nästa möte``."""


Resolve = Callable[[re.Match[str], Anchor], DateValue | None]
Accept = Callable[[re.Match[str]], bool]


def always(_match: re.Match[str]) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Form:
    """One way of writing a date: its pattern, whether a match really is one, and its value."""

    pattern: re.Pattern[str]
    resolve: Resolve
    accept: Accept = always
    needs: str = "digit"
    """What the text must hold for the pattern to be worth running: ``digit``, ``month``
    (a month's name), ``week_number`` (:data:`WEEK_NUMBER`), ``day_month``
    (:data:`DAY_MONTH`) or a kind of relative word (a key of :data:`RELATIVE_KINDS`: a
    weekday, *i morgon*, *nästa vecka* …) that every match of the pattern holds as a whole
    word."""
    holds: str = ""
    """A character every match of the pattern holds (``/`` of ``30/9``): on a text without
    it the pattern is not run."""
