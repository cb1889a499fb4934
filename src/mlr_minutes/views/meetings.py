"""The meeting lists: all meetings and each body's, by year, filterable by body without
JavaScript (each filter is a page of its own)."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..model import Meeting
from .context import Context
from .types import Link, MeetingRow, Page
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class FilterLink:
    """A body to filter the meeting list by."""

    href: str
    """The body's list."""
    text: str
    """The body."""
    count: int
    """Its meetings."""
    current: bool
    """Whether this list is the one shown."""


@dataclass(frozen=True, slots=True)
class YearGroup:
    """Meetings of one year, newest first."""

    year: str
    """The year, or ``Utan datum``."""
    anchor: str
    """Fragment id (``ar-2016``)."""
    meetings: tuple[MeetingRow, ...]
    """The meetings."""


@dataclass(frozen=True, slots=True)
class MeetingsView:
    """All meetings, or the meetings of one body."""

    filters: tuple[FilterLink, ...]
    """Every body, then *all*."""
    years: tuple[YearGroup, ...]
    """Meetings by year, newest first."""
    body: str
    """The body shown, or empty for all."""
    count: int
    """Meetings of the list as a whole (every year)."""
    nav: tuple[YearLink, ...] = ()
    """Every year of the list."""
    main: bool = True
    """The list's main page (newest years), not a year page."""


def pages(ctx: Context) -> Iterator[Page]:
    """Every meeting list: the whole archive's, then each body's, each with its year pages."""
    archive, urls = ctx.archive, ctx.urls
    home = ctx.home
    meetings_link = Link(urls.meetings(), "Möten")
    filters = [
        FilterLink(urls.body(b.slug), b.name, len(b.meetings), False) for b in archive.bodies
    ]
    all_filter = FilterLink(urls.meetings(), "Alla möten", len(archive.meetings), False)
    # A year page's filters lead to the same year of every body that met that year.
    year_counts = Counter(year_key(m.date) for m in archive.meetings)
    body_counts = {b.slug: Counter(year_key(m.date) for m in b.meetings) for b in archive.bodies}

    def year_filters(year: str, current: str = "") -> tuple[FilterLink, ...]:
        return (
            FilterLink(urls.meetings_year(year), "Alla möten", year_counts[year], not current),
            *(
                FilterLink(urls.body_year(b.slug, year), b.name, body_counts[b.slug][year],
                           b.slug == current)
                for b in archive.bodies
                if body_counts[b.slug][year]
            ),
        )  # fmt: skip

    yield from _lists(
        ctx, archive.meetings, "Möten", "",
        (FilterLink(all_filter.href, all_filter.text, all_filter.count, True), *filters),
        urls.meetings(), urls.meetings_year, (home,), year_filters,
    )  # fmt: skip
    for body in archive.bodies:
        current = tuple(FilterLink(f.href, f.text, f.count, f.text == body.name) for f in filters)
        yield from _lists(
            ctx, body.meetings, f"Möten: {body.name}", body.name, (all_filter, *current),
            urls.body(body.slug), functools.partial(urls.body_year, body.slug),
            (home, meetings_link), functools.partial(year_filters, current=body.slug),
        )  # fmt: skip


def _lists(
    ctx: Context,
    meetings: Sequence[Meeting],
    title: str,
    body: str,
    filters: tuple[FilterLink, ...],
    main: str,
    year_url: Callable[[str], str],
    breadcrumbs: tuple[Link, ...],
    year_filters: Callable[[str], tuple[FilterLink, ...]],
) -> Iterator[Page]:
    """A meeting list: the newest years on its main page, and every year on a page of its own
    (``…/ar/<år>/``), the newest too, so that a year's address never changes."""
    urls = ctx.urls
    grouped = by_year((year_key(m.date), ctx.meeting_row(m)) for m in reversed(meetings))
    counts = {key: len(rows) for key, rows in grouped.items()}
    groups = [YearGroup(year_text(key), f"ar-{key}", tuple(rows)) for key, rows in grouped.items()]
    shown = ctx.config.lists.meeting_years
    yield Page(
        urls.file(main), "meetings.html", title, "moten",
        MeetingsView(filters, tuple(groups[:shown]), body, len(meetings),
                     year_nav(counts, year_url)),
        breadcrumbs,
    )  # fmt: skip
    for key, group in zip(grouped, groups, strict=True):
        yield Page(
            urls.file(year_url(key)), "meetings.html", year_title(title, key), "moten",
            MeetingsView(year_filters(key), (group,), body, len(meetings),
                         year_nav(counts, year_url, key), main=False),
            (*breadcrumbs, Link(main, title)),
            description=(
                f"{title} {group.year}: {len(group.meetings)} möten i {ctx.site_name}, "
                "nyast först."
            ),
        )  # fmt: skip
