"""Swedish words for what the model holds: dates, clock times, titles and outcomes."""

from __future__ import annotations

import datetime as dt

from ..config import Config
from ..model import DateValue, Meeting, Outcome, Precision
from ..vocabulary import MONTH_NAMES

OUTCOME_TEXT = {
    Outcome.APPROVED: "godkänt",
    Outcome.NOTED: "noterat",
    Outcome.TABLED: "bordlagt",
    Outcome.REJECTED: "avslaget",
    Outcome.REFERRED_BACK: "återremitterat",
    Outcome.ELECTED: "val",
}
"""Decision outcomes as the register shows them."""

NAMELESS = "utan namn"
"""Shown for an organisation the minutes list without naming anyone from it."""


def format_date(date: dt.date) -> str:
    """``19 april 2016``."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def format_date_value(value: DateValue) -> str:
    """A resolved date phrase at its own precision: ``30 september 2016``, ``vecka 42 2016``."""
    start, end = value.start, value.end
    if value.precision is Precision.DAY:
        return format_date(start)
    if value.precision is Precision.WEEK:
        year, week, _ = start.isocalendar()
        return f"vecka {week} {year}"
    if value.precision is Precision.MONTH:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if value.precision is Precision.YEAR:
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]}–{format_date(end)}"
    return f"{format_date(start)}–{format_date(end)}"


def format_time(time: dt.time) -> str:
    """``15.00``, the Swedish way of writing the clock."""
    return f"{time.hour:02d}.{time.minute:02d}"


def meeting_title(meeting: Meeting) -> str:
    """``Kommundirektörmöte 19 april 2016``: unique, and readable out of context."""
    if meeting.date is None:
        return f"{meeting.body} ({meeting.id})"
    return f"{meeting.body} {format_date(meeting.date)}"


def site_name(config: Config) -> str:
    """``MalmöLundregionens mötesarkiv``, unless configured otherwise."""
    return config.site_name or f"{genitive(config.organisation)} mötesarkiv"


def genitive(name: str) -> str:
    """``MalmöLundregionen`` → ``MalmöLundregionens``; a name that ends in s, x or z
    already is one (Swedish adds no second s)."""
    return name if name[-1:].casefold() in ("s", "x", "z") else f"{name}s"


def enumeration(names: tuple[str, ...] | list[str]) -> str:
    """``Burlöv, Eslöv och Höör``."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"
