"""Dates written out: ``24 maj``, ``30/9``, ``2016-04-19``, ``vecka 42``, ``i juni``."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ...model import DateValue, Precision
from ...vocabulary import (
    DAY_WORDS,
    FRACTION_WORDS,
    MONTH_NAMES,
    MONTH_PREPOSITIONS,
    MONTH_WORDS,
    ROMAN_MONTHS,
    WEEK_WORDS,
    WEEKDAY_FORMS,
)
from ..text import alternation
from .patterns import (
    DASH,
    FLAGS,
    PREFIX,
    START,
    YEAR,
    Anchor,
    Form,
    day_group,
    day_value,
    group_int,
    month_group,
    month_number,
    optional_year,
    range_value,
    roll_year,
    week_monday,
)


def resolve_day_month(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return day_value(
        meeting,
        group_int(match, "year"),
        month_number(match["month"]),
        int(match["day"]),
        match["phrase"],
    )


def _resolve_day_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    month = month_number(match["month"])
    year = group_int(match, "year")
    return range_value(
        meeting,
        (year, month, int(match["day1"])),
        (year, month, int(match["day2"])),
        match["phrase"],
    )


def _resolve_month_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return range_value(
        meeting,
        (group_int(match, "year1"), month_number(match["month1"]), int(match["day1"])),
        (group_int(match, "year2"), month_number(match["month2"]), int(match["day2"])),
        match["phrase"],
    )


def _numeric_year(match: re.Match[str]) -> int | None:
    short = group_int(match, "short_year")
    return 2000 + short if short is not None else group_int(match, "year")


def _resolve_numeric(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    return day_value(
        meeting, _numeric_year(match), int(match["month"]), int(match["day"]), match["phrase"]
    )


_FRACTION_FOLLOWER = re.compile(rf"[\s-]*(?:{alternation(FRACTION_WORDS)})(?!\w)", FLAGS)


def _accept_numeric(match: re.Match[str]) -> bool:
    day, month = int(match["day"]), int(match["month"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    # ``1/2 dag`` and ``2/3 av kommunerna`` are proper fractions followed by what they divide.
    is_fraction = day < month and _FRACTION_FOLLOWER.match(match.string, match.end()) is not None
    return not is_fraction


def _resolve_numeric_range(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    year = group_int(match, "year")
    end_month = int(match["month2"])
    start_month = group_int(match, "month1") or end_month
    return range_value(
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
    return day_value(
        meeting, int(match["year"]), int(match["month"]), int(match["day"]), match["phrase"]
    )


def _resolve_week(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    first = int(match["week1"])
    last = group_int(match, "week2") if match.groupdict().get("week2") else None
    year = group_int(match, "year")
    if year is None:
        if meeting is None:
            return None
        probe = dt.date.fromisocalendar(meeting.year, 1, 1) + dt.timedelta(weeks=first - 1)
        year = roll_year(meeting, probe)
    monday = week_monday(year, first)
    if monday is None:
        return None
    if last is None:
        return DateValue(monday, monday + dt.timedelta(days=6), Precision.WEEK, match["phrase"])
    # ``vecka 52–2`` runs into the next year.
    last_monday = week_monday(year + 1 if last < first else year, last)
    if last_monday is None or last == first:
        return None
    return DateValue(monday, last_monday + dt.timedelta(days=6), Precision.RANGE, match["phrase"])


def _resolve_day_word(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    """*den fjärde februari 2025*."""
    day = DAY_WORDS[match["day"].casefold()]
    month = month_number(match["month"])
    return day_value(anchor.meeting, group_int(match, "year"), month, day, match["phrase"])


def _resolve_roman(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    """``23/II 2025``, ``5/IV``."""
    month = ROMAN_MONTHS[match["month"]]
    return day_value(
        anchor.meeting, group_int(match, "year"), month, int(match["day"]), match["phrase"]
    )


def _resolve_week_day(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    """``Onsdag v.11 2025``: that weekday of that week."""
    week = _resolve_week(match, anchor)
    if week is None or week.precision is not Precision.WEEK:
        return None
    day = week.start + dt.timedelta(days=WEEKDAY_FORMS[match["weekday"].casefold()])
    return DateValue(day, day, Precision.DAY, match["phrase"])


def _accept_week(match: re.Match[str]) -> bool:
    weeks = [int(w) for w in (match["week1"], match.groupdict().get("week2")) if w]
    return all(1 <= w <= 53 for w in weeks)


def _resolve_month(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    meeting = anchor.meeting
    month = month_number(match["month"])
    year = group_int(match, "year")
    if year is None:
        if meeting is None:
            return None
        year = roll_year(meeting, dt.date(meeting.year, month, 1))
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


FORMS: tuple[Form, ...] = (
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}(?P<day>{alternation(DAY_WORDS)})\s+"
            rf"{month_group('month')}{optional_year('year')})",
            FLAGS,
        ),
        _resolve_day_word,
        needs="month",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}(?P<day>\d{{1,2}})/"
            rf"(?P<month>{alternation(ROMAN_MONTHS)})(?![\w/])(?:\s+(?P<year>{YEAR}))?)"
            r"(?![\d/]|[.,:]\d)",
        ),
        _resolve_roman,
        needs="digit",
        holds="/",
    ),
    Form(
        re.compile(
            rf"(?<!\w)(?P<phrase>(?P<weekday>{alternation(WEEKDAY_FORMS)}),?\s+"
            rf"(?:{alternation(WEEK_WORDS)})\s*(?P<week1>\d{{1,2}})"
            rf"{optional_year('year')})(?!\w|[.,:/]\d)",
            FLAGS,
        ),
        _resolve_week_day,
        _accept_week,
        needs="week_number",
    ),
    Form(
        # ``5/20/25, 1:00:12 PM`` in an English client's attendance report: the month
        # first, known by the twelve-hour clock after it.
        re.compile(
            r"(?<![\w/.])(?P<phrase>(?P<month>\d{1,2})/(?P<day>\d{1,2})/"
            r"(?:(?P<year>(?:19|20)\d\d)|(?P<short_year>\d\d)))"
            r",?\s+\d{1,2}:\d\d(?::\d\d)?\s*[AP]M(?!\w)",
        ),
        _resolve_numeric,
        _accept_numeric,
        needs="digit",
        holds="M",
    ),
    Form(
        # ``v. 7 2025, tisdag``: the week first, then its day.
        re.compile(
            rf"(?<![\w.])(?P<phrase>(?:{alternation(WEEK_WORDS)})\s*(?P<week1>\d{{1,2}})"
            rf"{optional_year('year')},?\s+(?P<weekday>{alternation(WEEKDAY_FORMS)}))(?!\w)",
            FLAGS,
        ),
        _resolve_week_day,
        _accept_week,
        needs="week_number",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}{day_group('day')}\s+{month_group('month')}"
            rf"{optional_year('year')})",
            FLAGS,
        ),
        resolve_day_month,
        needs="day_month",
    ),
    Form(
        # ``Jan-19-2028``, ``January 19, 2028``: the month first, as English writes it (a
        # stand-up bot's heading); the year is needed to tell the day from a count.
        re.compile(
            rf"(?<![\w-])(?P<phrase>{month_group('month')}(?:\s+|-)(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:,\s*|\s+|-)(?P<year>{YEAR}))(?![\w-])",
            FLAGS,
        ),
        resolve_day_month,
        needs="month",
    ),
    Form(
        # ``19-Jan-2028``: day, month and year joined by hyphens.
        re.compile(
            rf"(?<![\w-])(?P<phrase>(?P<day>\d{{1,2}})-{month_group('month')}-(?P<year>{YEAR}))"
            r"(?![\w-])",
            FLAGS,
        ),
        resolve_day_month,
        needs="month",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}{day_group('day1')}{DASH}{day_group('day2')}\s+"
            rf"{month_group('month')}{optional_year('year')})",
            FLAGS,
        ),
        _resolve_day_range,
        needs="day_month",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}{day_group('day1')}\s+{month_group('month1')}"
            rf"{optional_year('year1')}{DASH}{day_group('day2')}\s+{month_group('month2')}"
            rf"{optional_year('year2')})",
            FLAGS,
        ),
        _resolve_month_range,
        needs="day_month",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})"
            rf"(?:(?:\s+|-|/)(?P<year>{YEAR})|-(?P<short_year>\d{{2}}))?)"
            r"(?![\d/]|[.,:]\d)",
            FLAGS,
        ),
        _resolve_numeric,
        _accept_numeric,
        needs="digit",
        holds="/",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}(?P<day1>\d{{1,2}})(?:/(?P<month1>\d{{1,2}}))?"
            rf"{DASH}(?P<day2>\d{{1,2}})/(?P<month2>\d{{1,2}})"
            rf"(?:\s+(?P<year>{YEAR}))?)"
            r"(?![\d/]|[.,:]\d)",
            FLAGS,
        ),
        _resolve_numeric_range,
        _accept_numeric_range,
        needs="digit",
        holds="/",
    ),
    Form(
        re.compile(
            rf"{START}(?P<phrase>{PREFIX}(?P<year>{YEAR})-(?P<month>\d{{1,2}})"
            r"-(?P<day>\d{1,2}))(?!\d|[-/.:]\d)",
            FLAGS,
        ),
        _resolve_iso,
        needs="digit",
        holds="-",
    ),
    Form(
        re.compile(
            rf"(?<![\w.])(?P<phrase>(?:{alternation(WEEK_WORDS)})\s*(?P<week1>\d{{1,2}})"
            rf"(?:{DASH}(?P<week2>\d{{1,2}}))?{optional_year('year')})"
            r"(?!\w|[.,:]\d)",
            FLAGS,
        ),
        _resolve_week,
        _accept_week,
        needs="week_number",
    ),
    Form(
        re.compile(
            rf"(?<!\w)(?:(?P<preposition>{alternation(MONTH_PREPOSITIONS)})\s+)?"
            rf"(?P<phrase>{month_group('month')}"
            rf"(?:\s+(?P<word>{alternation(MONTH_WORDS)})(?!\w))?{optional_year('year')})",
            FLAGS,
        ),
        _resolve_month,
        _accept_month,
        needs="month",
    ),
)
