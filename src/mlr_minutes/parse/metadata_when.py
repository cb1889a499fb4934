"""When and where a label says the meeting was: a date, a time span, a place, and a
label that gives more than one of them (``Tid och plats: Måndagen den 22 maj 2023 kl.
18.30, Kommunhuset``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ..model import DateValue, Precision
from ..vocabulary import TIME_WORDS
from .dates import find_dates, parse_date, parse_time_span

if TYPE_CHECKING:
    from .metadata import Metadata


def dated(value: Any) -> str | None:
    """``value`` from its date on when it opens with a whole date (a weekday of any
    language before it left out: *tirsdag 9. september 2025, Kastrup*), else None."""
    text = str(value)
    parsed = parse_date(text, None, strict=True)
    if parsed is None or parsed.precision is not Precision.DAY:
        return None
    at = text.casefold().find(parsed.text.casefold())
    return text[at:] if at >= 0 and len(text[:at].split()) <= 1 else None


_LONGEST_MEETING = dt.timedelta(days=31)
"""A meeting over days (``28–29 augusti``, a forum's annual meeting ``2 – 16 februari``)
is dated by its first day; a longer span is a period, not a meeting's date.  Longer than
:data:`.meeting_date._MEETING_DAYS` for a title or a line of text: a label such as *Tid:*
says the span is the meeting's own."""


def _first_day(value: DateValue | None) -> DateValue | None:
    """A day, or the first day of a meeting held over a few days; None otherwise."""
    if value is None:
        return None
    if value.precision is Precision.DAY:
        return value
    if value.precision is Precision.RANGE and value.end - value.start <= _LONGEST_MEETING:
        return DateValue(value.start, value.start, Precision.DAY, value.text)
    return None


def apply_date(meta: Metadata, value: Any, line: int) -> None:
    if meta.date is not None:
        return
    if isinstance(value, dt.datetime):
        meta.date_is_timestamp = True
        value = value.date()
    elif isinstance(value, str) and re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", value):
        meta.date_is_timestamp = True
    if isinstance(value, dt.date):
        meta.date = DateValue(value, value, Precision.DAY, value.isoformat())
    else:
        parsed = _first_day(parse_date(str(value), None, strict=True))
        if parsed is not None:
            meta.date = parsed
        time = parse_time_span(str(value))
        if time and meta.start is None:
            meta.start, meta.end = time[0], time[1]
    if meta.date is not None:
        meta.date_line = line


def apply_time_place(meta: Metadata, name: str, value: Any, line: int) -> None:
    text = str(value).strip()
    if meta.date is None and name in ("time", "place_and_time") and isinstance(value, str):
        # ``Tid: Måndagen den 22 maj 2023 kl. 18.30``: the date stands with the time.
        for found in find_dates(text, None, strict=True):
            first = _first_day(found.value)
            if first is not None:
                meta.date, meta.date_line = first, line
                break
    if isinstance(value, int) and name in ("start", "end", "time"):
        # YAML reads 15:00 as sexagesimal 900.
        text = f"{value // 60:02d}:{value % 60:02d}"
    span = parse_time_span(text)
    if span is None and name != "location":
        # ``Tid: 13.00``: the value of a time label is a time even without *kl*.
        span = parse_time_span(f"{TIME_WORDS[-1]} {text}")
    if name == "start" and span:
        meta.start = meta.start or span[0]
        return
    if name == "end" and span:
        meta.end = meta.end or span[0]
        return
    if span and meta.start is None:
        meta.start, meta.end = span[0], span[1]
    if name in ("place_and_time", "location"):
        place = text
        if span and parse_time_span(text):
            place = (text[: span[2]] + text[span[3] :]).strip()
        date_in_place = parse_date(place, None)
        if date_in_place and name == "place_and_time":
            place = place.replace(date_in_place.text, "")
        place = re.sub(r"[\s,;–-]+$", "", re.sub(r"^[\s,;–-]+", "", place))
        place = re.sub(r"\s*,\s*,\s*", ", ", place)
        if place and meta.location is None:
            meta.location = place
