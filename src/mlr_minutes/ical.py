"""Calendars (RFC 5545): meetings and the due dates of open action items.

icalendar writes the format (folding, escaping, time zones); this module only
decides what goes in.  A due date written as a week or a month becomes an
all-day span over that week or month.  ``DTSTAMP`` is the meeting date, not
the build time, so that a rebuild of the same minutes gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .archive import ActionTrack, Archive
from .feeds import absolute, meeting_summary
from .model import Meeting
from .views import Urls, effective_due, meeting_title

TIME_ZONE = ZoneInfo("Europe/Stockholm")
PRODUCT = "-//MalmöLundregionen//mlr-minutes//SV"
UID_DOMAIN = "mlr-minutes"
SUMMARY_LENGTH = 90


def _stamp(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


def meeting_event(meeting: Meeting, urls: Urls, site_url: str | None) -> Event | None:
    """The meeting as an event: timed when the minutes give times, else all day."""
    if meeting.date is None:
        return None
    event = Event()
    event.add("uid", f"{meeting.id}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(meeting.date))
    event.add("summary", meeting_title(meeting))
    if meeting.start is not None:
        start = dt.datetime.combine(meeting.date, meeting.start, TIME_ZONE)
        end_time = meeting.end or (start + dt.timedelta(hours=2)).time()
        end = dt.datetime.combine(meeting.date, end_time, TIME_ZONE)
        event.add("dtstart", start)
        event.add("dtend", end if end > start else start + dt.timedelta(hours=2))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    if meeting.location:
        event.add("location", meeting.location)
    event.add("description", meeting_summary(meeting))
    event.add("url", absolute(site_url, urls.meeting(meeting.id)))
    return event


def action_event(track: ActionTrack, urls: Urls, site_url: str | None) -> Event | None:
    """An open action item's due date (or span) as an all-day event."""
    due = effective_due(track)
    if due is None or track.done:
        return None
    origin, latest = track.origin, track.latest
    text = latest.action.text
    short = text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"
    event = Event()
    event.add("uid", f"{origin.meeting.id}-{origin.action.id}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(latest.meeting.date or due.start))
    event.add("summary", f"Åtgärd: {short}")
    event.add("dtstart", due.start)
    event.add("dtend", due.end + dt.timedelta(days=1))
    owners = ", ".join(latest.action.owners) or "ej angivet"
    event.add(
        "description",
        f"{text}\nAnsvarig: {owners}\nKlart: {due.text}\nFrån: {meeting_title(origin.meeting)}",
    )
    event.add("url", absolute(site_url, f"{urls.meeting(origin.meeting.id)}#{origin.action.id}"))
    return event


def calendar(name: str, events: Iterable[Event | None]) -> bytes:
    """A calendar of ``events`` (None skipped), with the time zone it needs."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    for event in events:
        if event is not None:
            cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def calendar_files(
    archive: Archive, urls: Urls, site_url: str | None
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for the whole calendar and one per focus area."""
    yield (
        "kalender.ics",
        calendar(
            "MalmöLundregionen – möten och åtgärder",
            [
                *(meeting_event(m, urls, site_url) for m in archive.meetings),
                *(action_event(t, urls, site_url) for t in archive.tracks),
            ],
        ),
    )
    for area in archive.focus_areas:
        meetings = [entry.meeting for entry in area.entries]
        actions = {
            (entry.meeting.id, action.id) for entry in area.entries for action in entry.actions
        }
        tracks = [archive.track_of[key] for key in sorted(actions) if key in archive.track_of]
        unique = list({id(t): t for t in tracks}.values())
        yield (
            f"fokusomraden/{area.slug}/kalender.ics",
            calendar(
                f"Fokusfråga: {area.name}",
                [
                    *(meeting_event(m, urls, site_url) for m in meetings),
                    *(action_event(t, urls, site_url) for t in unique),
                ],
            ),
        )
