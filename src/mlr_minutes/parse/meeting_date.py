"""The meeting date (and start time) when no label gives it: in the title, in the first
headings, in the first lines before the agenda, and last in the file name.

Minutes often write the date only where a reader sees it first: ``# Anteckningar
2022-03-14``, ``# Möte 20220314``, ``## 14 mars 2022``, a ``2021-09-13`` line under
the protocol number, or *Protokoll fört vid styrelsemöte torsdagen den 3:e december
2009 klockan 19*.  Each place is a rule of :data:`DATE_RULES`, tried in order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from ..model import DateValue, Precision
from ..vocabulary import HELD_WORDS, MEETING_HEADING_STEMS, MONTHS, OTHER_DATE_WORDS
from .dates import find_dates, parse_time_span
from .labels import match_metadata
from .outline import Outline
from .ruler import Ruler
from .text import alternation, sentences

_OPENING_LINES = 40
"""How many lines before the first agenda item may hold the date."""

_FIRST_HEADINGS = 3
"""How many headings from the top may hold the date."""


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A meeting date read from the text, with where and (maybe) when it starts."""

    value: DateValue
    line: int
    start: dt.time | None = None
    end: dt.time | None = None


@dataclass(frozen=True, slots=True)
class DateSources:
    """What the date rules read."""

    outline: Outline
    lines: list[str]
    noise: frozenset[int]


DateRule = Callable[[DateSources], FoundDate | None]


@cache
def _other_date() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(OTHER_DATE_WORDS)})(?!\w)", re.IGNORECASE)


def is_another_date(text: str, start: int) -> bool:
    """Whether the words just before ``start`` (in its clause) make the date another one
    than the meeting's: *Föregående protokoll (höstmötet 2024-10-15)*, *Uppdaterad …*."""
    before = re.split(r"[.;!?]\s", text[max(0, start - 45) : start])[-1]
    # ``$page_updated = "2027-01-08 21:14"``: a page's variable, its words joined by "_".
    return _other_date().search(before.replace("_", " ")) is not None


_MEETING_DAYS = 4
"""A meeting over this many days or fewer (*arbetsgruppens möte 28–29 augusti 2025*) has
the first as its date; a longer span is a period, not a meeting."""


def _a_day_or_days(value: DateValue) -> bool:
    if value.precision is Precision.RANGE:
        return (value.end - value.start).days < _MEETING_DAYS
    return value.precision is Precision.DAY


def _first_day(
    text: str, line: int, anchor: dt.date | None = None, lead: str = ""
) -> FoundDate | None:
    """The first day ``text`` names that is not another date; ``lead`` is the line above,
    whose last words may say which date follows (*Föregående* / *protokoll (… 2024-10-08)*)."""
    for match in find_dates(text, anchor, strict=True):
        other = is_another_date(f"{lead} {text}", len(lead) + 1 + match.start)
        if _a_day_or_days(match.value) and not other:
            time = parse_time_span(text[match.end :])
            return FoundDate(
                match.value, line, time[0] if time else None, time[1] if time else None
            )
    return None


def in_headings(sources: DateSources) -> FoundDate | None:
    """The title or one of the first headings: ``# Anteckningar 2022-03-14``, ``# Möte
    20220314``, ``## 14 mars 2022``, ``# Protokoll fört vid styrelsemöte torsdagen den
    3:e december 2009 klockan 19``."""
    first_item = min((i.line for i in sources.outline.items), default=len(sources.lines) + 1)
    before = [(line, text) for line, text in sources.outline.headings if line <= first_item]
    for line, text in before[:_FIRST_HEADINGS]:
        found = _first_day(text, line)
        if found is not None:
            return found
    return None


def in_opening_lines(sources: DateSources) -> FoundDate | None:
    """A line before the agenda: ``2021-09-13`` under the protocol number, *Sammanträde
    torsdagen den 3:e december 2009 i Folkets hus*.  Labelled dates that are not the
    meeting's (*Justeringens plats och tid*) and page furniture are passed over."""
    first_item = min((i.line for i in sources.outline.items), default=len(sources.lines) + 1)
    last = min(first_item - 1, _OPENING_LINES, len(sources.lines))
    for number in range(1, last + 1):
        text = sources.lines[number - 1]
        if number in sources.noise or not text.strip():
            continue
        labelled = match_metadata(text, loose=True)
        if labelled is not None and labelled[0] not in ("date", "body"):
            continue  # ``Möte 2026-11-25``: the meeting, then its date
        lead = sources.lines[number - 2] if number > 1 else ""
        found = _first_day(text, number, lead=lead) or _wrapped_day(sources, number)
        if found is not None:
            return found
    return None


def _wrapped_day(sources: DateSources, number: int) -> FoundDate | None:
    """A date that a hard wrap splits over line ``number`` and the next: *… höstmöte,
    onsdagen den 26:e* / *november 2025 klockan 19:00*."""
    text = sources.lines[number - 1].rstrip()
    following = sources.lines[number].strip() if number < len(sources.lines) else ""
    if not following or number + 1 in sources.noise or following.startswith(("#", "|")):
        return None
    found = _first_day(f"{text} {following}", number)
    if found is None or not found.value.text or found.value.text in following:
        return None
    return found


_ID_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])"
)


def in_document_id(sources: DateSources) -> FoundDate | None:
    """A date written into the document's id or file name before the agenda, where the
    date patterns do not look inside a word: ``Dokument-id: EA-SG-20220314``,
    ``protokoll_20231101.pdf``."""
    first_item = min((i.line for i in sources.outline.items), default=len(sources.lines) + 1)
    last = min(first_item - 1, _OPENING_LINES, len(sources.lines))
    for number in range(1, last + 1):
        if number in sources.noise:
            continue
        for match in _ID_DATE.finditer(sources.lines[number - 1]):
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            return FoundDate(DateValue(day, day, Precision.DAY, match.group()), number)
    return None


_CTIME = re.compile(
    r"(?<!\w)[A-Z][a-z]{2}\s+(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
)


def in_timestamp(sources: DateSources) -> FoundDate | None:
    """A log's time stamp in the opening lines, as a meeting bot writes it: ``Meeting
    started Wed Oct  8 18:00:13 2025 UTC.`` (the C library's form: weekday, month, day,
    time, year)."""
    for number in range(1, min(_OPENING_LINES, len(sources.lines)) + 1):
        text = sources.lines[number - 1]
        if number in sources.noise or ":" not in text:
            continue
        match = _CTIME.search(text)
        month = MONTHS.get(match["month"].casefold()) if match else None
        if match is None or month is None:
            continue
        try:
            day = dt.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
        return FoundDate(DateValue(day, day, Precision.DAY, match.group()), number)
    return None


@cache
def _held() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(HELD_WORDS)})(?!\w)", re.IGNORECASE)


def in_held_sentence(sources: DateSources) -> FoundDate | None:
    """*Mötet hölls den 14 mars 2023 i Folkets hus*, *Vi träffades 2023-03-14*: a sentence
    anywhere that says when the meeting was held (the year may stand in the title)."""
    first_item = min((i.line for i in sources.outline.items), default=len(sources.lines) + 1)
    years = _year_of_the_top(sources, min(first_item - 1, _OPENING_LINES, len(sources.lines)))
    for number, text in enumerate(sources.lines, start=1):
        if number in sources.noise or not _held().search(text):
            continue
        for sentence in sentences(text):
            if _held().search(sentence.text):
                found = _first_day(sentence.text, number) or (
                    # *Mötet hölls tisdagen den 4:e mars*, the year in the title.
                    _first_day(sentence.text, number, dt.date(years[0], 7, 1)) if years else None
                )
                if found is not None:
                    return found
    return None


_YEAR = re.compile(
    r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-])"
    # ``styrelseprotokoll nr 5/2025``: the number of the minutes in their year.
    r"|(?<![\d/.-])\d{1,3}/(?P<numbered>(?:19|20)\d\d)(?![\d/.-])"
    # ``verksamhetsåret 2025/26``: an operating year from autumn to summer.
    r"|(?<![\d/.-])(?P<first>(?:19|20)\d\d)/(?P<second>\d\d|(?:19|20)\d\d)(?![\d/.-])"
)

Years = tuple[int, int]
"""The year a date near the top falls in, or the two years of an operating year."""


def _years(found: re.Match[str]) -> Years | None:
    if found["first"] is None:
        year = int(found["year"] or found["numbered"])
        return year, year
    first = int(found["first"])
    if int(found["second"][-2:]) != (first + 1) % 100:
        return None  # ``2024/2027``: no operating year
    return first, first + 1


def _year_of_the_top(sources: DateSources, last: int) -> Years | None:
    """A year written alone near the top: ``# Arbetsgrupp Cykelplan Norrvika 2025``,
    ``Verksamhetsåret 2025``, ``Styrelsen, verksamhetsåret 2025/26``."""
    for number in range(1, last + 1):
        text = sources.lines[number - 1]
        if number in sources.noise:
            continue
        found = _YEAR.search(text)
        years = _years(found) if found is not None else None
        if years is not None and not find_dates(text, None, strict=True):
            return years
    # No year alone: the year of another date up there (*opened this discussion on Apr 2,
    # 2025* above *Samtalet hölls tisdag 1 april*).
    for number in range(1, last + 1):
        dates = find_dates(sources.lines[number - 1], None, strict=True)
        if dates and number not in sources.noise:
            return dates[0].value.start.year, dates[0].value.start.year
    return None


def with_the_year_above(sources: DateSources) -> FoundDate | None:
    """A day and month before the agenda (``Tisdag 4/3, kl 13.00``, ``v. 41 (8 oktober)``)
    and the year written alone above or beside it (the title's *… 2025*)."""
    year = _year_of_the_top(sources, _last_opening_line(sources))
    return _day_in_opening_lines(sources, year) if year is not None else None


def _last_opening_line(sources: DateSources) -> int:
    first_item = min((i.line for i in sources.outline.items), default=len(sources.lines) + 1)
    return min(first_item - 1, _OPENING_LINES, len(sources.lines))


def with_a_year_elsewhere(sources: DateSources) -> FoundDate | None:
    """A day and month at the top (``tis 17/6``, *den 12 mars d.å.*) and the year only
    further down: in the dates the minutes write in full (*Protokollet justerat den 18
    mars 2025*, *Västerhamra den 14 mars 2025*; the most common year of them) or alone in
    a footer (``team Lodjur · 2025``)."""
    years: list[int] = []
    for number, text in enumerate(sources.lines, start=1):
        if number in sources.noise or not any(c.isdigit() for c in text):
            continue
        years.extend(
            m.value.start.year
            for m in find_dates(text, None, strict=True)
            if m.value.precision is Precision.DAY
        )
    if not years:
        tail = range(max(1, len(sources.lines) - 5), len(sources.lines) + 1)
        years = [
            int(found["year"] or found["numbered"])
            for number in tail
            if (found := _YEAR.search(sources.lines[number - 1])) is not None
            and found["first"] is None
        ]
    if not years:
        return None
    year = max(sorted(set(years)), key=years.count)
    return _day_in_opening_lines(sources, (year, year))


def _day_in_opening_lines(sources: DateSources, years: Years) -> FoundDate | None:
    """The first day and month before the agenda that falls in ``years``."""
    last = _last_opening_line(sources)
    anchor = dt.date(years[0], 7, 1)
    for number in range(1, last + 1):
        text = sources.lines[number - 1]
        if number in sources.noise or not text.strip():
            continue
        labelled = match_metadata(text, loose=True)
        if labelled is not None and labelled[0] not in ("date", "time", "place_and_time"):
            continue
        lead = sources.lines[number - 2] if number > 1 else ""
        for match in find_dates(text, anchor):
            if is_another_date(f"{lead} {text}", len(lead) + 1 + match.start):
                continue  # ``Skickat: den 15 januari 2025``: when the notes were sent
            value = match.value
            if years[0] != years[1] and value.start.month < 7 and value.start.year == years[0]:
                # ``4 mars`` in the operating year 2025/26: the spring is in its second year.
                try:
                    start = value.start.replace(year=years[1])
                except ValueError:  # 29 February
                    continue
                value = replace(value, start=start, end=start)
            if value.precision is Precision.DAY and value.start.year in years:
                time = parse_time_span(text[match.end :])
                return FoundDate(
                    value, number, time[0] if time else None, time[1] if time else None
                )
    return None


_DATE_HEADINGS = 8
"""How many headings from the top may be a date of their own."""


def in_date_heading(sources: DateSources) -> FoundDate | None:
    """A heading that is a date and nothing else (``# 📅 Måndag 2024-10-14`` over the
    day's notes), even below the first item's heading."""
    for line, text in sources.outline.headings[:_DATE_HEADINGS]:
        for match in find_dates(text, None, strict=True):
            rest = text[: match.start] + text[match.end :]
            if match.value.precision is Precision.DAY and not re.search(r"\w{3,}", rest):
                return FoundDate(match.value, line)
    return None


def in_meeting_heading(sources: DateSources) -> FoundDate | None:
    """A heading further down that names a meeting and its day (``## Veckomöte 4 – tisdag
    16/9 2025`` below a roles section): the meeting's own heading."""
    for line, text in sources.outline.headings[:_DATE_HEADINGS]:
        if any(stem in text.casefold() for stem in MEETING_HEADING_STEMS):
            found = _first_day(text, line)
            if found is not None:
                return found
    return None


_FIRST_LINES = 12
"""How far down the last resort looks for a full date inside the first items."""


def in_first_lines(sources: DateSources) -> FoundDate | None:
    """A full date in the first lines even inside an item, when nothing before the agenda
    gives one: a pasted attendance report as item 1 (``Starttid  5/20/25, 1:00:12 PM``)."""
    for number in range(1, min(_FIRST_LINES, len(sources.lines)) + 1):
        text = sources.lines[number - 1]
        if number in sources.noise or not any(c.isdigit() for c in text):
            continue
        lead = sources.lines[number - 2] if number > 1 else ""
        found = _first_day(text, number, lead=lead)
        if found is not None:
            return found
    return None


DATE_RULES: Ruler[DateRule] = Ruler(
    [
        ("in_headings", in_headings),
        ("in_date_heading", in_date_heading),
        ("in_timestamp", in_timestamp),
        ("in_opening_lines", in_opening_lines),
        ("in_document_id", in_document_id),
        ("in_held_sentence", in_held_sentence),
        ("with_the_year_above", with_the_year_above),
        ("with_a_year_elsewhere", with_a_year_elsewhere),
        ("in_meeting_heading", in_meeting_heading),
        ("in_first_lines", in_first_lines),
    ]
)
"""Where the date is looked for when no label gives it, in order."""


def date_in_text(outline: Outline, lines: list[str], noise: frozenset[int]) -> FoundDate | None:
    """The first date a rule finds, or None."""
    sources = DateSources(outline, lines, noise)
    for rule in DATE_RULES.rules():
        found = rule(sources)
        if found is not None:
            return found
    return None
