"""Dates only a meeting date gives: ``senast torsdag``, ``i morgon``, ``nästa vecka``,
``inom två veckor``, ``till nästa möte``."""

from __future__ import annotations

import datetime as dt
import re

from ...model import DateValue, Precision
from ...vocabulary import (
    DAYS_AHEAD,
    NEXT_MEETING_PHRASES,
    NEXT_WEEK_WORDS,
    NEXT_WORDS,
    NUMBER_WORDS,
    RELATIVE_DAY_PREPOSITIONS,
    SPAN_UNITS,
    THIS_WEEK_WORDS,
    WEEKDAY_FORMS,
    WITHIN_WORDS,
)
from ..text import alternation
from .patterns import FLAGS, Anchor, Form

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


def resolve_next_meeting(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    if anchor.next_meeting is not None:
        day = anchor.next_meeting
        return DateValue(day, day, Precision.DAY, match["phrase"])
    if anchor.meeting is None:
        return None
    # Open-ended: never overdue, until the archive finds the next meeting.
    return DateValue(
        anchor.meeting + dt.timedelta(days=1), dt.date.max, Precision.NEXT_MEETING, match["phrase"]
    )


RELATIVE_FORMS: tuple[Form, ...] = (
    Form(
        re.compile(
            rf"(?<!\w)(?:{alternation(RELATIVE_DAY_PREPOSITIONS)})\s+"
            rf"(?P<phrase>(?:(?:{alternation(NEXT_WORDS)})\s+)?"
            rf"(?P<weekday>{alternation(WEEKDAY_FORMS)}))(?!\w)"
            rf"|(?<!\w)(?P<phrase2>(?:{alternation(NEXT_WORDS)})\s+"
            rf"(?P<weekday2>{alternation(WEEKDAY_FORMS)}))(?!\w)",
            FLAGS,
        ),
        lambda match, anchor: _resolve_weekday(_Either(match), anchor),  # type: ignore[arg-type]
        needs="weekday",
    ),
    Form(
        re.compile(rf"(?<!\w)(?P<phrase>{alternation(DAYS_AHEAD)})(?!\w)", FLAGS),
        _resolve_days_ahead,
        needs="days_ahead",
    ),
    Form(
        re.compile(rf"(?<!\w)(?P<phrase>{alternation(THIS_WEEK_WORDS)})(?!\w)", FLAGS),
        _resolve_this_week,
        needs="this_week",
    ),
    Form(
        re.compile(rf"(?<!\w)(?P<phrase>{alternation(NEXT_WEEK_WORDS)})(?!\w)", FLAGS),
        _resolve_next_week,
        needs="next_week",
    ),
    Form(
        re.compile(
            rf"(?<!\w)(?P<phrase>(?:{alternation(WITHIN_WORDS)})\s+"
            rf"(?P<count>\d{{1,2}}|{alternation(NUMBER_WORDS)})\s+"
            rf"(?P<unit>{alternation(SPAN_UNITS)}))(?!\w)",
            FLAGS,
        ),
        _resolve_within,
        needs="within",
    ),
    Form(
        re.compile(rf"(?<!\w)(?P<phrase>{alternation(NEXT_MEETING_PHRASES)})(?!\w)", FLAGS),
        resolve_next_meeting,
        needs="next_meeting",
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
