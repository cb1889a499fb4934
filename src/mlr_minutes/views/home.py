"""The start page: the latest meetings, the nearest open tasks and every focus area."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context
from .types import ActionRow, Alternate, FocusSummary, MeetingRow, Page


@dataclass(frozen=True, slots=True)
class HomeView:
    """The start page."""

    latest: tuple[MeetingRow, ...]
    """The most recent meetings, newest first."""
    actions: tuple[ActionRow, ...]
    """Open action items with the nearest due dates."""
    focus: tuple[FocusSummary, ...]
    """Every focus area with its latest status."""
    meeting_count: int
    """Meetings in the archive."""
    open_count: int
    """Open action items."""


def pages(ctx: Context) -> Iterator[Page]:
    """``index.html``."""
    archive, urls, lists = ctx.archive, ctx.urls, ctx.config.lists
    latest = archive.meetings[-lists.latest_meetings :]
    yield Page(
        urls.file(urls.home()), "index.html", f"Mötesarkiv för {ctx.config.organisation}",
        "home",
        HomeView(
            latest=tuple(ctx.meeting_row(m) for m in reversed(latest)),
            actions=tuple(ctx.action_row(t) for t in ctx.open_tracks[: lists.nearest_actions]),
            focus=tuple(ctx.focus_summary(area) for area in archive.focus_areas),
            meeting_count=len(archive.meetings),
            open_count=len(ctx.open_tracks),
        ),
        description=(
            f"Minnesanteckningar från {ctx.of_organisation} möten: beslut, åtgärder och hur "
            "fokusfrågorna utvecklas från möte till möte."
        ),
        alternates=(
            *ctx.archive_alternates(),
            Alternate(urls.meetings_data(), "application/json",
                      "Alla möten som öppna data (JSON)", advertise=False),
        ),
    )  # fmt: skip
