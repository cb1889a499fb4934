"""Lists split by year: every archive-wide list shows its newest year(s) on its main page
and every year on a page of its own, so that no page grows with the archive and a year's
address never changes."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

UNDATED = "utan-datum"
"""The year path segment of things without a date."""


@dataclass(frozen=True, slots=True)
class YearLink:
    """A year in a year navigation (``<nav aria-label="År">``)."""

    href: str
    """The year's page, or its place on the main page."""
    text: str
    """The year, or ``Utan datum``."""
    count: int
    """What the year holds (meetings, decisions, …)."""
    current: bool
    """Whether the page shown is this year's."""


_T = TypeVar("_T")


def year_key(date: dt.date | None) -> str:
    """The year path segment of a date: ``2016``, or ``utan-datum``."""
    return str(date.year) if date else UNDATED


def year_text(key: str) -> str:
    """How a year key is shown: ``2016``, ``Utan datum``."""
    return "Utan datum" if key == UNDATED else key


def year_title(title: str, key: str) -> str:
    """A year page's title: ``Beslut 2016``, ``Beslut utan datum``."""
    return f"{title} utan datum" if key == UNDATED else f"{title} {key}"


def by_year(items: Iterable[tuple[str, _T]]) -> dict[str, list[_T]]:
    """Items grouped by year key in one pass, newest year first and undated last; within a
    year the items keep the order they came in."""
    groups: dict[str, list[_T]] = defaultdict(list)
    for key, item in items:
        groups[key].append(item)
    order = sorted(groups, key=lambda k: (k == UNDATED, -int(k) if k != UNDATED else 0))
    return {key: groups[key] for key in order}


def year_nav(
    counts: Mapping[str, int], year_url: Callable[[str], str], current: str | None = None
) -> tuple[YearLink, ...]:
    """Links to the page of every year of ``counts`` (newest first); ``current`` is the year
    of the page shown (None on a list's main page, which is no year's page)."""
    return tuple(
        YearLink(year_url(key), year_text(key), count, key == current)
        for key, count in counts.items()
    )
