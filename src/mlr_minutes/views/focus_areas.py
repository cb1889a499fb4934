"""The focus areas: the list of them, and each area's timeline with its activity chart."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from ..archive import FocusArea
from .chart import Chart, activity_chart
from .context import Context, closed_id
from .text import format_date, meeting_title
from .types import (
    ActionRow,
    Alternate,
    DecisionRow,
    FocusSummary,
    Link,
    Page,
    PageGroup,
    meeting_key,
)
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One meeting on a focus area's timeline."""

    meeting: Link
    """The meeting."""
    date: str
    """Swedish date."""
    date_iso: str
    """ISO date."""
    statuses: tuple[str, ...]
    """Status texts."""
    where: Link | None
    """Where the status is in the minutes."""
    decisions: tuple[DecisionRow, ...]
    """Decisions on the area."""
    actions: tuple[ActionRow, ...]
    """Action items on the area."""


@dataclass(frozen=True, slots=True)
class FocusAreaView:
    """A focus area's timeline page."""

    name: str
    """Canonical name."""
    entries: tuple[TimelineEntry, ...]
    """The year shown (the newest on the main page), oldest first."""
    chart: Chart | None
    """Activity chart (main page only), None when nothing happened yet."""
    count: int = 0
    """Meetings on the whole timeline."""
    year: str = ""
    """The year shown."""
    nav: tuple[YearLink, ...] = ()
    """Every year of the timeline."""
    main: bool = True
    """The area's main page, not a year page."""


@dataclass(frozen=True, slots=True)
class FocusAreasView:
    """All focus areas."""

    areas: tuple[FocusSummary, ...]
    """In configured order."""


def pages(ctx: Context) -> Iterator[Page]:
    """``fokusomraden/``, then each area's timeline and its year pages."""
    for group in groups(ctx):
        yield from group.pages()


def groups(ctx: Context) -> Iterator[PageGroup]:
    """The pages of :func:`pages` in groups: the list of areas on its own (built every
    time), and each area's pages, keyed by its meetings and the tasks its rows show."""
    urls = ctx.urls

    def index() -> Iterator[Page]:
        focus = tuple(ctx.focus_summary(area) for area in ctx.archive.focus_areas)
        yield Page(
            urls.file(urls.focus_areas()), "focus_areas.html", "Fokusområden",
            "fokusomraden", FocusAreasView(focus), (ctx.home,),
            description=(
                f"{ctx.of_organisation} fokusfrågor och hur var och en har utvecklats över tid."
            ),
        )  # fmt: skip

    yield PageGroup("fokusomraden/", None, index)
    focus_link = Link(urls.focus_areas(), "Fokusområden")
    for area in ctx.archive.focus_areas:
        yield PageGroup(
            f"fokusomraden/{area.slug}", _area_inputs(ctx, area),
            functools.partial(_area_pages, ctx, area, (ctx.home, focus_link)),
        )  # fmt: skip


def _area_inputs(ctx: Context, area: FocusArea) -> str:
    """What an area's pages show, besides its entries' own meetings: for each task, where
    it was set, last written and closed (its row, in brief, shows no more of its track)."""
    parts = [area.name]
    for entry in area.entries:
        parts.append(meeting_key(entry.meeting))
        for action in entry.actions:
            track = ctx.archive.track_of[(entry.meeting.id, action.id)]
            origin, latest, closed = track.origin, track.latest, track.closed_in
            parts += (
                meeting_key(origin.meeting), origin.action.id,
                meeting_key(latest.meeting), latest.action.id,
                meeting_key(closed) if closed is not None else "", closed_id(track),
            )  # fmt: skip
    return "\x1f".join(parts)


def _area_pages(ctx: Context, area: FocusArea, breadcrumbs: tuple[Link, ...]) -> Iterator[Page]:
    """A focus area's chart and newest year, and a page for every year (the newest too, so
    that a year's address never changes)."""
    urls, archive = ctx.urls, ctx.archive
    entries = by_year(
        (
            year_key(entry.meeting.date),
            TimelineEntry(
                meeting=ctx.meeting_link(entry.meeting),
                date=format_date(entry.meeting.date) if entry.meeting.date else "",
                date_iso=entry.meeting.date.isoformat() if entry.meeting.date else "",
                statuses=tuple(s.status for s in entry.statuses),
                where=(
                    Link(
                        f"{urls.meeting(entry.meeting.id)}#fokus-{area.slug}",
                        f"Statusen i minnesanteckningarna från {meeting_title(entry.meeting)}",
                    )
                    if entry.statuses
                    else None
                ),
                decisions=tuple(ctx.decision_row(entry.meeting, d) for d in entry.decisions),
                actions=tuple(
                    ctx.action_row(archive.track_of[(entry.meeting.id, a.id)], brief=True)
                    for a in entry.actions
                ),
            ),
        )
        for entry in area.entries
    )
    counts = {key: len(rows) for key, rows in entries.items()}
    keys = list(entries)
    newest = keys[0] if keys else ""
    main = urls.focus_area(area.slug)

    def year_url(year: str) -> str:
        return urls.focus_area_year(area.slug, year)

    yield Page(
        urls.file(main), "focus_area.html", area.name, "fokusomraden",
        FocusAreaView(
            area.name, tuple(entries.get(newest, ())), activity_chart(area), len(area.entries),
            year_text(newest) if newest else "",
            year_nav(counts, year_url),
        ),
        breadcrumbs,
        description=(
            f"Fokusfrågan {area.name}: status, beslut och åtgärder vid "
            f"{len(area.entries)} möten, i tidsordning."
        ),
        alternates=(
            Alternate(urls.focus_area_feed(area.slug), "application/atom+xml",
                      f"Nytt om {area.name} (Atom-flöde)"),
            Alternate(urls.focus_area_calendar(area.slug), "text/calendar",
                      f"Möten och slutdatum om {area.name} (iCalendar)"),
        ),
    )  # fmt: skip
    for key in keys:
        text = year_text(key)
        yield Page(
            urls.file(year_url(key)), "focus_area.html", year_title(area.name, key),
            "fokusomraden",
            FocusAreaView(area.name, tuple(entries[key]), None, len(area.entries), text,
                          year_nav(counts, year_url, key), main=False),
            (*breadcrumbs, Link(main, area.name)),
            description=(
                f"Fokusfrågan {year_title(area.name, key)}: status, beslut och åtgärder vid "
                f"{counts[key]} möten, i tidsordning."
            ),
        )  # fmt: skip
