"""What every page family builds from, and the rows and links several of them show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..archive import ActionTrack, Archive, FocusArea, slugify
from ..config import Config
from ..model import Decision, Meeting
from .facets import named_municipalities
from .text import (
    OUTCOME_TEXT,
    format_date,
    format_date_value,
    genitive,
    meeting_title,
    site_name,
)
from .types import ActionRow, Alternate, DecisionRow, FocusSummary, Link, MeetingRow, Tag
from .urls import Urls


@dataclass(frozen=True, slots=True)
class Context:
    """The archive, its addresses, the day the build regards as today and the configuration,
    with what is computed once for every family (use :meth:`of`)."""

    archive: Archive
    """Every meeting and the indexes across them."""
    urls: Urls
    """Every address of the site."""
    today: dt.date
    """The build date, which overdue is judged against."""
    config: Config
    """The site's name, its organisation and how much the lists show."""
    named: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Meeting id → fragment id → municipalities named there (for the search filters)."""
    open_tracks: tuple[ActionTrack, ...]
    """Open tasks, nearest due date first, undated last (the start page and the action list
    show them in this order)."""

    @classmethod
    def of(cls, archive: Archive, urls: Urls, today: dt.date, config: Config) -> Context:
        """The context of one build."""
        open_tracks = sorted((t for t in archive.tracks if not t.done), key=_open_sort_key)
        return cls(archive, urls, today, config, named_municipalities(archive), tuple(open_tracks))

    @property
    def site_name(self) -> str:
        """``MalmöLundregionens mötesarkiv``, unless configured otherwise."""
        return site_name(self.config)

    @property
    def of_organisation(self) -> str:
        """The organisation as a genitive, for *MalmöLundregionens möten*."""
        return genitive(self.config.organisation)

    @property
    def home(self) -> Link:
        """The start page, first of every trail of breadcrumbs."""
        return Link(self.urls.home(), "Start")

    def meeting_link(self, meeting: Meeting, fragment: str = "") -> Link:
        """The meeting's page (or a place on it), named by the meeting's title."""
        href = self.urls.meeting(meeting.id) + (f"#{fragment}" if fragment else "")
        return Link(href, meeting_title(meeting))

    def item_link(self, meeting: Meeting, number: str | None) -> Link | None:
        """The agenda item on its meeting page; None when there is no such item."""
        if number is None:
            return None
        item = meeting.item(number)
        if item is None:
            return None
        return Link(
            f"{self.urls.meeting(meeting.id)}#{item.anchor}", f"punkt {number} {item.title}"
        )

    def tags(self, names: Sequence[str]) -> tuple[Tag, ...]:
        """Focus-area tags linking each area's timeline."""
        return tuple(Tag(self.urls.focus_area(slugify(name)), name) for name in names)

    def meeting_row(self, meeting: Meeting) -> MeetingRow:
        """The meeting in a list."""
        return MeetingRow(
            href=self.urls.meeting(meeting.id),
            title=meeting_title(meeting),
            body=meeting.body,
            date=format_date(meeting.date) if meeting.date else "datum saknas",
            date_iso=meeting.date.isoformat() if meeting.date else "",
            location=meeting.location or "",
            decisions=len(meeting.decisions),
            actions=len(meeting.action_items),
        )

    def action_row(self, track: ActionTrack, brief: bool = False) -> ActionRow:
        """The task's row; ``brief`` leaves out the meetings it passed through, for lists
        that show it once per meeting (their size must not grow with the square)."""
        origin, latest = track.origin, track.latest
        action = latest.action
        due = track.due
        item = self.item_link(origin.meeting, origin.action.item)
        origin_link = self.meeting_link(origin.meeting, origin.action.id)
        if item is not None:
            origin_link = Link(origin_link.href, f"{origin_link.text}, {item.text}")
        closed = track.closed_in
        shown = self.config.lists.carried_links
        return ActionRow(
            key=f"{origin.meeting.id}-{origin.action.id}",
            text=action.text,
            owners=", ".join(action.owners) or "–",
            due=format_date_value(due) if due else "",
            due_iso=due.iso if due else "",
            overdue=track.overdue(self.today),
            done=track.done,
            inferred=origin.action.inferred,
            origin=origin_link,
            passed=(
                ()
                if brief
                else tuple(
                    self.meeting_link(a.meeting, a.action.id)
                    for a in track.appearances[1:][-shown:]
                )
            ),
            passed_earlier=0 if brief else max(0, len(track.appearances) - 1 - shown),
            closed_in=(self.meeting_link(closed, closed_id(track)) if closed else None),
            tags=self.tags(
                self.archive.action_focus.get((origin.meeting.id, origin.action.id), ())
            ),
        )

    def decision_row(self, meeting: Meeting, decision: Decision) -> DecisionRow:
        """The decision in the register or on a timeline."""
        return DecisionRow(
            id=decision.id,
            href=f"{self.urls.meeting(meeting.id)}#{decision.id}",
            text=decision.text,
            points=decision.points,
            outcome=OUTCOME_TEXT.get(decision.outcome, "") if decision.outcome else "",
            meeting=self.meeting_link(meeting),
            date=format_date(meeting.date) if meeting.date else "",
            date_iso=meeting.date.isoformat() if meeting.date else "",
            item=self.item_link(meeting, decision.item),
            tags=self.tags(self.archive.decision_focus.get((meeting.id, decision.id), ())),
        )

    def focus_summary(self, area: FocusArea) -> FocusSummary:
        """The area and where it stands (the start page and the list of areas)."""
        with_status = [e for e in area.entries if e.statuses]
        latest = with_status[-1] if with_status else None
        date = latest.meeting.date if latest else None
        return FocusSummary(
            name=area.name,
            href=self.urls.focus_area(area.slug),
            latest_status=" ".join(s.status for s in latest.statuses) if latest else "",
            latest=self.meeting_link(latest.meeting) if latest else None,
            latest_date=format_date(date) if date else "",
            latest_date_iso=date.isoformat() if date else "",
            meetings=len(area.entries),
        )

    def archive_alternates(self) -> tuple[Alternate, ...]:
        """The archive-wide feed and calendar, announced on every page."""
        return (
            Alternate(self.urls.feed(), "application/atom+xml", "Nya möten (Atom-flöde)"),
            Alternate(self.urls.calendar(), "text/calendar",
                      "Kalender med möten och åtgärders slutdatum (iCalendar)"),
        )  # fmt: skip

    def data_alternates(self, csv: str, json: str, name: str) -> tuple[Alternate, ...]:
        """A register as a spreadsheet and as open data (linked, not announced)."""
        return (
            Alternate(csv, "text/csv", f"{name} som kalkylblad (CSV)", advertise=False),
            Alternate(json, "application/json", f"{name} som öppna data (JSON)", advertise=False),
        )


def closed_id(track: ActionTrack) -> str:
    """The fragment id of the ticked item where a task was closed (empty while open)."""
    return track.closed_action.id if track.closed_action else ""


def _open_sort_key(track: ActionTrack) -> tuple[bool, dt.date, str, str]:
    due = track.due
    origin = track.origin
    return (due is None, due.end if due else dt.date.min, origin.meeting.id, origin.action.id)
