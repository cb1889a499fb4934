"""Dates written compactly, read only where a date is expected (a title, a label)."""

from __future__ import annotations

import re

from ...model import DateValue
from ...vocabulary import (
    NEXT_MEETING_VALUES,
)
from ..text import alternation
from .forms import resolve_day_month
from .patterns import FLAGS, NUMBER_END, YEAR, Anchor, Form, day_value, month_group
from .relative import resolve_next_meeting

# --- Dates written compactly, read only where a date is expected (a title, a label) ----------

_COMPACT_END = r"(?![\w/.:-]\d|\d)"


def _resolve_compact(match: re.Match[str], anchor: Anchor) -> DateValue | None:
    year = match["year"]
    full = int(year) if len(year) == 4 else 2000 + int(year)
    return day_value(None, full, int(match["month"]), int(match["day"]), match["phrase"])


def _accept_compact(match: re.Match[str]) -> bool:
    return 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31


STRICT_FORMS: tuple[Form, ...] = (
    # 20220314, 2022.03.14, 2022/03/14, 2022 03 14
    Form(
        re.compile(
            rf"(?<![\w.,:/-])(?P<phrase>(?P<year>{YEAR})(?P<sep>[./ ]?)(?P<month>\d{{2}})"
            rf"(?P=sep)(?P<day>\d{{2}})){_COMPACT_END}",
            FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    # 22-03-14, 22.03.14, 220314
    Form(
        re.compile(
            r"(?<![\w.,:/-])(?P<phrase>(?P<year>[0-3]\d)(?P<sep>[-.]?)(?P<month>[01]\d)"
            rf"(?P=sep)(?P<day>[0-3]\d)){_COMPACT_END}",
            FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    # 14.03.2022, 14.3.2022
    Form(
        re.compile(
            rf"(?<![\w.,:/-])(?P<phrase>(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>{YEAR}))"
            rf"{_COMPACT_END}",
            FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    # 27.3.25: a month without its zero is not the middle of 25.03.27 (YY.MM.DD)
    Form(
        re.compile(
            r"(?<![\w.,:/-])(?P<phrase>(?P<day>\d{1,2})\.(?P<month>[1-9])\.(?P<year>\d{2}))"
            rf"{_COMPACT_END}",
            FLAGS,
        ),
        _resolve_compact,
        _accept_compact,
        needs="digit",
    ),
    Form(
        re.compile(rf"(?<!\w)(?P<phrase>{alternation(NEXT_MEETING_VALUES)})(?!\w)", FLAGS),
        resolve_next_meeting,
        needs="next_meeting_value",
    ),
    # March 14, 2022
    Form(
        re.compile(
            rf"(?<!\w)(?P<phrase>{month_group('month')}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
            rf"(?P<year>{YEAR})){NUMBER_END}",
            FLAGS,
        ),
        resolve_day_month,
        needs="month",
    ),
)
"""Dates a title or a label writes compactly (``# Möte 20220314``, ``22-03-14``,
``14.03.2022``, ``March 14, 2022``); in running text such digits are too often
something else."""
