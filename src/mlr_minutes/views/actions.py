"""The action list: the nearest open tasks and the latest closed ones, and year pages of the
open tasks beyond it and of every closed task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..archive import ActionTrack
from .context import Context
from .text import format_date
from .types import ActionRow, Alternate, Link, Page
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class ActionsView:
    """The action list."""

    open: tuple[ActionRow, ...]
    """Open tasks shown, nearest due date first (undated last)."""
    done: tuple[ActionRow, ...]
    """Tasks ticked off shown, most recently closed first."""
    today: str
    """The date overdue is judged against."""
    overdue_count: int
    """Open tasks past their due date (all of them)."""
    open_count: int = 0
    """Open tasks (all of them)."""
    done_count: int = 0
    """Tasks ticked off (all of them)."""
    open_years: tuple[YearLink, ...] = ()
    """Year pages of the open tasks the list has no room for."""
    done_years: tuple[YearLink, ...] = ()
    """Year pages of the tasks ticked off."""


@dataclass(frozen=True, slots=True)
class ActionsYearView:
    """Open tasks due in a year, or tasks ticked off in a year."""

    actions: tuple[ActionRow, ...]
    """The tasks."""
    done: bool
    """Ticked off (else open)."""
    year: str
    """The year, or ``Utan datum``."""
    today: str
    """The date overdue is judged against."""
    nav: tuple[YearLink, ...]
    """The other years of the same kind."""
    back: Link
    """The action list."""


def _closed_date(track: ActionTrack) -> dt.date | None:
    """When a task was ticked off: the date of that meeting, else of the meeting that set it."""
    closed = track.closed_in
    return closed.date if closed is not None and closed.date else track.origin.meeting.date


def _open_year(track: ActionTrack) -> str:
    """The year page of an open task the action list has no room for: the year of its due
    date (its last day, the date the list sorts by), else the year it was set, so that no
    year page collects every undated task of the archive."""
    due = track.due
    return year_key(due.end if due else track.origin.meeting.date)


def pages(ctx: Context) -> Iterator[Page]:
    """``atgarder/``, ``atgarder/oppna/<år>/`` and ``atgarder/avklarade/<år>/``."""
    urls, today, lists = ctx.urls, ctx.today, ctx.config.lists
    home = ctx.home
    open_tracks = ctx.open_tracks
    open_rows = [ctx.action_row(t) for t in open_tracks]
    shown = lists.open_actions
    more_open = by_year(
        (_open_year(track), row)
        for track, row in zip(open_tracks[shown:], open_rows[shown:], strict=True)
    )
    open_counts = {key: len(rows) for key, rows in more_open.items()}
    # Most recently closed first; among tasks closed the same day, the latest set first.
    ordered = sorted(
        enumerate(t for t in ctx.archive.tracks if t.done),
        key=lambda pair: (_closed_date(pair[1]) or dt.date.min, pair[0]),
        reverse=True,
    )
    done_tracks = [track for _, track in ordered]
    done_rows = [ctx.action_row(t) for t in done_tracks]
    done = by_year(
        (year_key(_closed_date(t)), row) for t, row in zip(done_tracks, done_rows, strict=True)
    )
    done_counts = {key: len(rows) for key, rows in done.items()}
    overdue = sum(r.overdue for r in open_rows)
    yield Page(
        urls.file(urls.actions()), "actions.html", "Åtgärder", "atgarder",
        ActionsView(
            tuple(open_rows[:shown]), tuple(done_rows[: lists.done_actions]), format_date(today),
            overdue, len(open_rows), len(done_rows),
            year_nav(open_counts, urls.open_actions_year),
            year_nav(done_counts, urls.done_actions_year),
        ),
        (home,),
        description=(
            f"Åtgärdslista: {len(open_rows)} öppna och {len(done_rows)} avslutade åtgärder "
            f"från {ctx.of_organisation} möten, med ansvariga och slutdatum."
        ),
        alternates=(
            Alternate(urls.calendar(), "text/calendar",
                      "Slutdatum för öppna åtgärder i din kalender (iCalendar)"),
            *ctx.data_alternates(urls.actions_csv(), urls.actions_data(), "Åtgärdslistan"),
        ),
    )  # fmt: skip
    back = Link(urls.actions(), "Åtgärder")
    kinds = (
        (False, more_open, open_counts, urls.open_actions_year, "Öppna åtgärder"),
        (True, done, done_counts, urls.done_actions_year, "Avklarade åtgärder"),
    )
    for is_done, groups, counts, year_url, title in kinds:
        for key, rows in groups.items():
            text = year_text(key)
            what = "avklarade" if is_done else "öppna med sista dag"
            yield Page(
                urls.file(year_url(key)), "actions_year.html", year_title(title, key),
                "atgarder",
                ActionsYearView(tuple(rows), is_done, text, format_date(today),
                                year_nav(counts, year_url, key), back),
                (home, back),
                description=(
                    f"{year_title(title, key)}: {len(rows)} åtgärder från {ctx.of_organisation} "
                    "möten "
                    + ("som avklarades det året." if is_done else f"{what} det året.")
                ),
            )  # fmt: skip
