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
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import DateValue, Precision
from ..vocabulary import (
    DATE_FILLER_WORDS,
    DAY_ARTICLES,
    DAYS_AHEAD,
    DEADLINE_WORDS,
    FRACTION_WORDS,
    METADATA_KEYS,
    MONTH_NAMES,
    MONTH_PREPOSITIONS,
    MONTH_WORDS,
    MONTHS,
    NEXT_MEETING_PHRASES,
    NEXT_MEETING_VALUES,
    NEXT_WEEK_WORDS,
    NEXT_WORDS,
    NUMBER_WORDS,
    ORDINAL_SUFFIXES,
    RELATIVE_DAY_PREPOSITIONS,
    SPAN_UNITS,
    THIS_WEEK_WORDS,
    TIME_SPAN_WORDS,
    TIME_WORDS,
    WEEK_WORDS,
    WEEKDAY_FORMS,
    WITHIN_WORDS,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date phrase found inside a longer text."""

    start: int
    """Offset of the phrase's first character in the searched text."""
    end: int
    """Offset just past the phrase."""
    value: DateValue
    """The resolved date."""


# --- Building blocks ----------------------------------------------------------

_HALF_YEAR_DAYS = 183
"""A year-less date further than this before the meeting is taken to be next year's."""

_MAX_RANGE_DAYS = 183
"""A range without years longer than this is more likely a typo than a plan."""

_MAX_EXTRA_WORDS = 5
"""How many other words ``parse_date`` tolerates around its date before calling it prose."""


def _alternation(words: Iterable[str]) -> str:
    """A regex alternative of ``words``, longest first so that ``juni`` beats ``jun``;
    the spaces inside multi-word entries match any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)


_FLAGS = re.IGNORECASE
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?:19|20)\d{2}"
# A year or number that runs on into more digits, a time or a decimal is something else.
_NUMBER_END = r"(?!\d|[.,:]\d)"
# Dates do not start inside a word, a number, a decimal, a fraction or a dashed code.
_START = r"(?<![\w.,:/–—-])"

_FULL_MONTHS = _alternation(MONTH_NAMES)
_ABBREVIATED_MONTHS = _alternation(name for name in MONTHS if name not in MONTH_NAMES)
_ORDINAL = _alternation(ORDINAL_SUFFIXES)
_PREFIX = (
    rf"(?:(?:{_alternation(WEEKDAY_FORMS)}),?\s+)?"
    rf"(?:(?:{_alternation(DAY_ARTICLES)})\s+)?"
)


def _month(group: str) -> str:
    # An abbreviation may carry its full stop; a full name's following stop ends the sentence.
    return (
        rf"(?P<{group}>(?:{_FULL_MONTHS})(?!\w)"
        rf"|(?:{_ABBREVIATED_MONTHS})(?!\w)\.?)"
    )


def _day(group: str) -> str:
    return rf"(?P<{group}>\d{{1,2}})(?:{_ORDINAL})?"


def _optional_year(group: str) -> str:
    return rf"(?:\s+(?P<{group}>{_YEAR}){_NUMBER_END})?"


def _month_number(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _int(match: re.Match[str], group: str) -> int | None:
    value = match.group(group)
    return int(value) if value is not None else None


# --- Year resolution ----------------------------------------------------------


def _roll_year(meeting: dt.date, probe: dt.date) -> int:
    """The year a year-less date probed in the meeting's year belongs to."""
    if (meeting - probe).days > _HALF_YEAR_DAYS:
        return meeting.year + 1
    return meeting.year


def _day_year(meeting: dt.date, month: int, day: int) -> int:
    # The probe may overflow into the next month (29/2 in a common year); the
    # distance is still right, and the real date is checked afterwards.
    probe = dt.date(meeting.year, month, 1) + dt.timedelta(days=day - 1)
    return _roll_year(meeting, probe)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_value(
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


def _range_value(
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


def _monday(year: int, week: int) -> dt.date | None:
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


_Resolve = Callable[[re.Match[str], Anchor], DateValue | None]
_Accept = Callable[[re.Match[str]], bool]


def _always(_match: re.Match[str]) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class _Form:
    """One way of writing a date: its pattern, whether a match really is one, and its value."""

    pattern: re.Pattern[str]
    resolve: _Resolve
    accept: _Accept = _always
    needs: str = "digit"
    """What the text must hold for the pattern to be worth running: ``digit``, ``month``
    (a month's name) or ``relative`` (a weekday, *i morgon*, *nästa …*)."""


def _resolve_day_month(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return _day_value(
        meeting,
        _int(match, "year"),
        _month_number(match["month"]),
        int(match["day"]),
        match["phrase"],
    )


def _resolve_day_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    month = _month_number(match["month"])
    year = _int(match, "year")
    return _range_value(
        meeting,
        (year, month, int(match["day1"])),
        (year, month, int(match["day2"])),
        match["phrase"],
    )


def _resolve_month_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return _range_value(
        meeting,
        (_int(match, "year1"), _month_number(match["month1"]), int(match["day1"])),
        (_int(match, "year2"), _month_number(match["month2"]), int(match["day2"])),
        match["phrase"],
    )


def _numeric_year(match: re.Match[str]) -> int | None:
    short = _int(match, "short_year")
    return 2000 + short if short is not None else _int(match, "year")


def _resolve_numeric(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return _day_value(
        meeting, _numeric_year(match), int(match["month"]), int(match["day"]), match["phrase"]
    )


_FRACTION_FOLLOWER = re.compile(rf"[\s-]*(?:{_alternation(FRACTION_WORDS)})(?!\w)", _FLAGS)


def _accept_numeric(match: re.Match[str]) -> bool:
    day, month = int(match["day"]), int(match["month"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    # ``1/2 dag`` and ``2/3 av kommunerna`` are proper fractions followed by what they divide.
    is_fraction = day < month and _FRACTION_FOLLOWER.match(match.string, match.end()) is not None
    return not is_fraction


def _resolve_numeric_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    year = _int(match, "year")
    end_month = int(match["month2"])
    start_month = _int(match, "month1") or end_month
    return _range_value(
        meeting,
        (None, start_month, int(match["day1"])),
        (year, end_month, int(match["day2"])),
        match["phrase"],
    )


def _accept_numeric_range(match: re.Match[str]) -> bool:
    months = [int(m) for m in (match["month1"], match["month2"]) if m is not None]
    days = (int(match["day1"]), int(match["day2"]))
    return all(1 <= m <= 12 for m in months) and all(1 <= d <= 31 for d in days)


def _resolve_iso(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return _day_value(
        meeting, int(match["year"]), int(match["month"]), int(match["day"]), match["phrase"]
    )


def _resolve_week(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    first = int(match["week1"])
    last = _int(match, "week2")
    year = _int(match, "year")
    if year is None:
        if meeting is None:
            return None
        probe = dt.date.fromisocalendar(meeting.year, 1, 1) + dt.timedelta(weeks=first - 1)
        year = _roll_year(meeting, probe)
    monday = _monday(year, first)
    if monday is None:
        return None
    if last is None:
        return DateValue(monday, monday + dt.timedelta(days=6), Precision.WEEK, match["phrase"])
    # ``vecka 52–2`` runs into the next year.
    last_monday = _monday(year + 1 if last < first else year, last)
    if last_monday is None or last == first:
        return None
    return DateValue(monday, last_monday + dt.timedelta(days=6), Precision.RANGE, match["phrase"])


def _accept_week(match: re.Match[str]) -> bool:
    weeks = [int(w) for w in (match["week1"], match["week2"]) if w is not None]
    return all(1 <= w <= 53 for w in weeks)


def _resolve_month(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    month = _month_number(match["month"])
    year = _int(match, "year")
    if year is None:
        if meeting is None:
            return None
        year = _roll_year(meeting, dt.date(meeting.year, month, 1))
    last_day = calendar.monthrange(year, month)[1]
    return DateValue(
        dt.date(year, month, 1), dt.date(year, month, last_day), Precision.MONTH, match["phrase"]
    )


def _accept_month(match: re.Match[str]) -> bool:
    if match["year"] is not None or match["word"] is not None:
        return True
    if match["preposition"] is None:
        return False
    token = match["month"]
    # Only full lower-case names: ``till jul`` is Christmas and ``till Maj`` is a person.
    return token.lower() in MONTH_NAMES and not token.istitle()


_FORMS: tuple[_Form, ...] = (
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}{_day('day')}\s+{_month('month')}"
            rf"{_optional_year('year')})",
            _FLAGS,
        ),
        _resolve_day_month,
        needs="month",
    ),
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}{_day('day1')}{_DASH}{_day('day2')}\s+"
            rf"{_month('month')}{_optional_year('year')})",
            _FLAGS,
        ),
        _resolve_day_range,
        needs="month",
    ),
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}{_day('day1')}\s+{_month('month1')}"
            rf"{_optional_year('year1')}{_DASH}{_day('day2')}\s+{_month('month2')}"
            rf"{_optional_year('year2')})",
            _FLAGS,
        ),
        _resolve_month_range,
        needs="month",
    ),
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})"
            rf"(?:(?:\s+|-|/)(?P<year>{_YEAR})|-(?P<short_year>\d{{2}}))?)"
            r"(?![\d/]|[.,:]\d)",
            _FLAGS,
        ),
        _resolve_numeric,
        _accept_numeric,
        needs="digit",
    ),
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}(?P<day1>\d{{1,2}})(?:/(?P<month1>\d{{1,2}}))?"
            rf"{_DASH}(?P<day2>\d{{1,2}})/(?P<month2>\d{{1,2}})"
            rf"(?:\s+(?P<year>{_YEAR}))?)"
            r"(?![\d/]|[.,:]\d)",
            _FLAGS,
        ),
        _resolve_numeric_range,
        _accept_numeric_range,
        needs="digit",
    ),
    _Form(
        re.compile(
            rf"{_START}(?P<phrase>{_PREFIX}(?P<year>{_YEAR})-(?P<month>\d{{1,2}})"
            r"-(?P<day>\d{1,2}))(?!\d|[-/.:]\d)",
            _FLAGS,
        ),
        _resolve_iso,
        needs="digit",
    ),
    _Form(
        re.compile(
            rf"(?<![\w.])(?P<phrase>(?:{_alternation(WEEK_WORDS)})\s*(?P<week1>\d{{1,2}})"
            rf"(?:{_DASH}(?P<week2>\d{{1,2}}))?{_optional_year('year')})"
            r"(?!\w|[.,:]\d)",
            _FLAGS,
        ),
        _resolve_week,
        _accept_week,
        needs="digit",
    ),
    _Form(
        re.compile(
            rf"(?<!\w)(?:(?P<preposition>{_alternation(MONTH_PREPOSITIONS)})\s+)?"
            rf"(?P<phrase>{_month('month')}"
            rf"(?:\s+(?P<word>{_alternation(MONTH_WORDS)})(?!\w))?{_optional_year('year')})",
            _FLAGS,
        ),
        _resolve_month,
        _accept_month,
        needs="month",
    ),
)


# --- Dates counted from the meeting ---------------------------------------------------------


def _next_weekday(meeting: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` (0 = Monday) after ``meeting``."""
    ahead = (weekday - meeting.weekday() - 1) % 7 + 1
    return meeting + dt.timedelta(days=ahead)


def _resolve_weekday(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.meeting is None:
        return None
    weekday = WEEKDAY_FORMS[match["weekday"].casefold()]
    day = _next_weekday(anchor.meeting, weekday)
    return DateValue(day, day, Precision.DAY, match["phrase"])


def _resolve_days_ahead(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.meeting is None:
        return None
    ahead = DAYS_AHEAD[" ".join(match["phrase"].casefold().split())]
    day = anchor.meeting + dt.timedelta(days=ahead)
    return DateValue(day, day, Precision.DAY, match["phrase"])


def _week_of(day: dt.date, text: str) -> DateValue:
    monday = day - dt.timedelta(days=day.weekday())
    return DateValue(monday, monday + dt.timedelta(days=6), Precision.WEEK, text)


def _resolve_this_week(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    return _week_of(anchor.meeting, match["phrase"]) if anchor.meeting else None


def _resolve_next_week(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.meeting is None:
        return None
    return _week_of(anchor.meeting + dt.timedelta(days=7), match["phrase"])


def _resolve_within(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.meeting is None:
        return None
    count_text = match["count"].casefold()
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS[count_text]
    day = anchor.meeting + dt.timedelta(days=count * SPAN_UNITS[match["unit"].casefold()])
    return DateValue(day, day, Precision.DAY, match["phrase"])


def _resolve_next_meeting(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.next_meeting is not None:
        day = anchor.next_meeting
        return DateValue(day, day, Precision.DAY, match["phrase"])
    if anchor.meeting is None:
        return None
    # Open-ended: never overdue, until the archive finds the next meeting.
    return DateValue(
        anchor.meeting + dt.timedelta(days=1), dt.date.max, Precision.NEXT_MEETING, match["phrase"]
    )


_RELATIVE_FORMS: tuple[_Form, ...] = (
    _Form(
        re.compile(
            rf"(?<!\w)(?:{_alternation(RELATIVE_DAY_PREPOSITIONS)})\s+"
            rf"(?P<phrase>(?:(?:{_alternation(NEXT_WORDS)})\s+)?"
            rf"(?P<weekday>{_alternation(WEEKDAY_FORMS)}))(?!\w)"
            rf"|(?<!\w)(?P<phrase2>(?:{_alternation(NEXT_WORDS)})\s+"
            rf"(?P<weekday2>{_alternation(WEEKDAY_FORMS)}))(?!\w)",
            _FLAGS,
        ),
        lambda match, anchor: _resolve_weekday(_Either(match), anchor),  # type: ignore[arg-type]
        needs="relative",
    ),
    _Form(
        re.compile(rf"(?<!\w)(?P<phrase>{_alternation(DAYS_AHEAD)})(?!\w)", _FLAGS),
        _resolve_days_ahead,
        needs="relative",
    ),
    _Form(
        re.compile(rf"(?<!\w)(?P<phrase>{_alternation(THIS_WEEK_WORDS)})(?!\w)", _FLAGS),
        _resolve_this_week,
        needs="relative",
    ),
    _Form(
        re.compile(rf"(?<!\w)(?P<phrase>{_alternation(NEXT_WEEK_WORDS)})(?!\w)", _FLAGS),
        _resolve_next_week,
        needs="relative",
    ),
    _Form(
        re.compile(
            rf"(?<!\w)(?P<phrase>(?:{_alternation(WITHIN_WORDS)})\s+"
            rf"(?P<count>\d{{1,2}}|{_alternation(NUMBER_WORDS)})\s+"
            rf"(?P<unit>{_alternation(SPAN_UNITS)}))(?!\w)",
            _FLAGS,
        ),
        _resolve_within,
        needs="relative",
    ),
    _Form(
        re.compile(rf"(?<!\w)(?P<phrase>{_alternation(NEXT_MEETING_PHRASES)})(?!\w)", _FLAGS),
        _resolve_next_meeting,
        needs="relative",
    ),
)
"""Dates only a meeting date gives: ``senast torsdag``, ``i morgon``, ``nästa vecka``,
``inom två veckor``, ``till nästa möte``."""


class _Either:
    """A match of a two-branch pattern, read as if the branch that matched were the only one."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, group: str) -> str:
        value = self._match[group]
        return value if value is not None else self._match[group + "2"]


# --- Dates written compactly, read only where a date is expected (a title, a label) ----------

_COMPACT_END = r"(?![\w/.:-]\d|\d)"


def _resolve_compact(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    year = match["year"]
    full = int(year) if len(year) == 4 else 2000 + int(year)
    return _day_value(None, full, int(match["month"]), int(match["day"]), match["phrase"])


def _accept_compact(match: re.Match[str]) -> bool:
    return 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31


_STRICT_FORMS: tuple[_Form, ...] = (
    # 20220314, 2022.03.14, 2022/03/14
    _Form(
        re.compile(
            rf"(?<![\w.,:/-])(?P<phrase>(?P<year>{_YEAR})(?P<sep>[./]?)(?P<month>\d{{2}})"
            rf"(?P=sep)(?P<day>\d{{2}})){_COMPACT_END}",
            _FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    # 22-03-14, 22.03.14, 220314
    _Form(
        re.compile(
            r"(?<![\w.,:/-])(?P<phrase>(?P<year>[0-3]\d)(?P<sep>[-.]?)(?P<month>[01]\d)"
            rf"(?P=sep)(?P<day>[0-3]\d)){_COMPACT_END}",
            _FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    # 14.03.2022, 14.3.2022
    _Form(
        re.compile(
            rf"(?<![\w.,:/-])(?P<phrase>(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>{_YEAR}))"
            rf"{_COMPACT_END}",
            _FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    _Form(
        re.compile(rf"(?<!\w)(?P<phrase>{_alternation(NEXT_MEETING_VALUES)})(?!\w)", _FLAGS),
        _resolve_next_meeting,
        needs="relative",
    ),
    # March 14, 2022
    _Form(
        re.compile(
            rf"(?<!\w)(?P<phrase>{_month('month')}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<year>{_YEAR})){_NUMBER_END}",
            _FLAGS,
        ),
        _resolve_day_month,
        needs="month",
    ),
)
"""Dates a title or a label writes compactly (``# Möte 20220314``, ``22-03-14``,
``14.03.2022``, ``March 14, 2022``); in running text such digits are too often
something else."""


# --- Clock times --------------------------------------------------------------

_TIME_JOIN = rf"(?:{_DASH}|\s+(?:{_alternation(TIME_SPAN_WORDS)})\s+)"
_TIME_END = rf"(?:{_TIME_JOIN}(?P<end_hour>\d{{1,2}})(?:[:.](?P<end_minute>\d{{2}}))?)?"
_TIME_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?<!\w)(?:{_alternation(TIME_WORDS)})\s*"
        rf"(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?{_TIME_END}{_NUMBER_END}",
        _FLAGS,
    ),
    # Without ``kl`` only hours-and-minutes are a time: ``13-15`` may well be days.
    re.compile(
        rf"(?<![\w.,:/–—-])(?P<hour>\d{{1,2}})(?P<separator>[:.])(?P<minute>\d{{2}})"
        rf"{_TIME_END}{_NUMBER_END}",
        _FLAGS,
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


def _time_matches(text: str) -> Iterator[_TimeMatch]:
    for pattern in _TIME_PATTERNS:
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
        (match for match in _time_matches(text) if match.valid),
        key=lambda match: (match.start, -match.end),
    )
    if not found:
        return None
    first = found[0]
    return first.begins, first.ends, first.start, first.end


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
    found: list[_Candidate] = []
    forms = (*_FORMS, *_RELATIVE_FORMS, *(_STRICT_FORMS if strict else ()))
    holds = _holds(text)
    for form in forms:
        if form.needs not in holds:
            continue
        for match in form.pattern.finditer(text):
            if not form.accept(match):
                continue
            group = "phrase" if match.groupdict().get("phrase") is not None else "phrase2"
            found.append(
                _Candidate(match.start(group), match.end(group), form.resolve(match, anchor), True)
            )
    found.extend(_Candidate(time.start, time.end, None, False) for time in _time_matches(text))
    return found


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
    found = _find_dates(text, Anchor(meeting_date), strict)
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
def _find_dates(text: str, anchor: Anchor, strict: bool) -> tuple[DateMatch, ...]:
    # The rules ask about the same sentence several times (action? reference? due?),
    # and most sentences hold no digit, no month, no weekday and no *nästa* at all.
    if not _holds(text):
        return ()
    return tuple(
        DateMatch(candidate.start, candidate.end, candidate.value)
        for candidate in _select(_candidates(text, anchor, strict))
        if candidate.value is not None
    )


@cache
def _gate() -> re.Pattern[str]:
    relative = [*WEEKDAY_FORMS, *DAYS_AHEAD, *THIS_WEEK_WORDS, *NEXT_WEEK_WORDS]
    relative += [*NEXT_MEETING_PHRASES, *NEXT_MEETING_VALUES, *WITHIN_WORDS]
    return re.compile(
        rf"(?P<digit>\d)|(?<!\w)(?:(?P<month>{_alternation(MONTHS)})"
        rf"|(?P<relative>{_alternation(relative)}))(?!\w)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8192)
def _holds(text: str) -> frozenset[str]:
    """Which kinds of date phrase ``text`` may hold (``digit``, ``month``, ``relative``),
    found by one scan."""
    kinds: set[str] = set()
    for match in _gate().finditer(text):
        kind = match.lastgroup
        if kind is not None:
            kinds.add(kind)
        if len(kinds) == 3:
            break
    return frozenset(kinds)


_FILLERS: frozenset[str] = frozenset(
    word
    for phrase in (*DATE_FILLER_WORDS, *DEADLINE_WORDS, *METADATA_KEYS["date"], *WEEKDAY_FORMS)
    for word in phrase.split()
)
_WORD = re.compile(r"[^\W\d_]+")
_LONE_YEAR = re.compile(rf"(?<![\w.,:/–—-])(?P<year>{_YEAR})(?![\w/–—-]|[.,:]\d)")


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
) -> DateValue | None:
    """``text`` as a single date phrase (surrounding words such as *den*, *senast* allowed).

    The first date phrase is returned when the words around it, other than filler words,
    clock times and metadata labels such as *Datum*, are few; it is None when the phrase
    names no real day, or needs a year that ``meeting_date`` cannot give.  A four-digit
    year with nothing else around it is read as that year.  ``strict`` adds the compact
    forms of :func:`find_dates`.
    """
    chosen = _select(_candidates(text, Anchor(meeting_date, next_meeting), strict))
    times = [(c.start, c.end) for c in chosen if not c.is_date]
    first = next((c for c in chosen if c.is_date), None)
    if first is None:
        return _parse_year(text, times)
    if first.value is None:
        return None
    if _extra_words(text, [*times, (first.start, first.end)]) > _MAX_EXTRA_WORDS:
        return None
    return first.value


def _parse_year(text: str, times: list[tuple[int, int]]) -> DateValue | None:
    years = list(_LONE_YEAR.finditer(text))
    if len(years) != 1 or _extra_words(text, [*times, years[0].span()]) > 0:
        return None
    match = years[0]
    year = int(match["year"])
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, match["year"])
