"""Calendars (RFC 5545): meetings and the due dates of open action items.

icalendar writes the format (folding, escaping, time zones); this module only
decides what goes in.  A due date written as a week or a month becomes an
all-day span over that week or month.  ``DTSTAMP`` is the meeting date, not
the build time, so that a rebuild of the same minutes gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from ..archive import ActionTrack, Archive
from ..config import Config
from ..model import Meeting
from ..views.text import meeting_title
from ..views.urls import Urls
from .feeds import absolute, meeting_summary

TIME_ZONE = ZoneInfo("Europe/Stockholm")
UID_DOMAIN = "mlr-minutes"
SUMMARY_LENGTH = 90
REFRESH = dt.timedelta(days=1)
"""How often a subscribed calendar is fetched again: the archive changes by the day."""


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
    page = absolute(site_url, urls.meeting(meeting.id))
    event.add("description", f"{meeting_summary(meeting)}\n\nMinnesanteckningarna: {page}")
    event.add("url", page)
    return event


def action_event(track: ActionTrack, urls: Urls, site_url: str | None) -> Event | None:
    """An open action item's due date (or span) as an all-day event."""
    due = track.due
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
    page = absolute(site_url, f"{urls.meeting(origin.meeting.id)}#{origin.action.id}")
    event.add(
        "description",
        f"{text}\nAnsvarig: {owners}\nKlart: {due.text}\nFrån: {meeting_title(origin.meeting)}"
        f"\n\nÅtgärden: {page}",
    )
    event.add("url", page)
    return event


class CalendarWriter:
    """Assembles calendars from events serialised once each.

    The same meeting stands in the archive calendar and in each of its focus areas'
    calendars; icalendar's serialisation (line folding, escaping) is the costly part,
    so each event is written once and the bytes reused.
    """

    def __init__(self, organisation: str) -> None:
        self._product = f"-//{organisation}//mlr-minutes//SV"
        self._events: dict[str, bytes] = {}
        zone = Calendar()
        zone.add_component(Timezone.from_tzid("Europe/Stockholm"))
        self._zone = _components(zone.to_ical())

    def event(self, event: Event) -> bytes:
        uid = str(event["uid"])
        if uid not in self._events:
            data: bytes = event.to_ical()
            self._events[uid] = data
        return self._events[uid]

    def calendar(self, about: CalendarInfo, events: Iterable[Event | None]) -> bytes:
        """A calendar of ``events`` (None skipped), with the time zone it needs.

        Its name, description, address and page are given both as RFC 7986 properties
        and as the ``X-WR-`` ones that some calendar apps read instead; a subscribed
        calendar is fetched again daily (``REFRESH-INTERVAL``)."""
        cal = Calendar()
        cal.add("prodid", self._product)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("name", about.name)
        cal.add("description", about.description)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("source", about.source, parameters={"VALUE": "URI"})
        cal.add("url", about.page)
        cal.add("x-wr-calname", about.name)
        cal.add("x-wr-caldesc", about.description)
        cal.add("x-wr-timezone", "Europe/Stockholm")
        cal.add("x-published-ttl", "P1D")
        whole: bytes = cal.to_ical()
        head = whole.removesuffix(b"END:VCALENDAR\r\n")
        body = [self.event(event) for event in events if event is not None]
        zone = self._zone if any(b"TZID=" in event for event in body) else b""
        return head + zone + b"".join(body) + b"END:VCALENDAR\r\n"


@dataclass(frozen=True, slots=True)
class CalendarInfo:
    """What a calendar says about itself."""

    name: str
    """Its name in the calendar app."""
    description: str
    """What it holds."""
    source: str
    """Its own address, where a subscription fetches it again."""
    page: str
    """The page of the site it belongs to."""


def _components(calendar: bytes) -> bytes:
    """The components inside a serialised VCALENDAR (its own lines stripped)."""
    start = calendar.index(b"BEGIN:VTIMEZONE")
    return calendar[start:].removesuffix(b"END:VCALENDAR\r\n")


def _recent(meetings: Iterable[Meeting], newest: dt.date | None, years: int) -> list[Meeting]:
    """The meetings of the archive's last ``years`` years: a subscribed calendar is for what
    is current, and must not grow with the archive."""
    if newest is None:
        return []
    since = newest.replace(year=newest.year - years, day=min(newest.day, 28))
    return [m for m in meetings if m.date is not None and m.date >= since]


def calendar_files(
    archive: Archive, urls: Urls, site_url: str | None, config: Config
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for the whole calendar and one per focus area: the meetings of the
    last years (as configured) and every open due date."""
    writer = CalendarWriter(config.organisation)
    years = config.lists.calendar_years
    dated = [m.date for m in archive.meetings if m.date is not None]
    newest = max(dated) if dated else None
    recent = _recent(archive.meetings, newest, years)
    yield (
        urls.file(urls.calendar()),
        writer.calendar(
            CalendarInfo(
                f"{config.organisation} – möten och åtgärder",
                f"{config.organisation}s möten de senaste {years} åren och sista dag för "
                "varje öppen åtgärd, med länkar till minnesanteckningarna.",
                absolute(site_url, urls.calendar()),
                absolute(site_url, urls.home()),
            ),
            [
                *(meeting_event(m, urls, site_url) for m in recent),
                *(action_event(t, urls, site_url) for t in archive.tracks),
            ],
        ),
    )
    for area in archive.focus_areas:
        meetings = _recent((entry.meeting for entry in area.entries), newest, years)
        actions = {
            (entry.meeting.id, action.id) for entry in area.entries for action in entry.actions
        }
        tracks = [archive.track_of[key] for key in sorted(actions) if key in archive.track_of]
        unique = list({id(t): t for t in tracks}.values())
        yield (
            urls.file(urls.focus_area_calendar(area.slug)),
            writer.calendar(
                CalendarInfo(
                    f"Fokusfråga: {area.name}",
                    f"Möten om fokusfrågan {area.name} och sista dag för dess öppna åtgärder.",
                    absolute(site_url, urls.focus_area_calendar(area.slug)),
                    absolute(site_url, urls.focus_area(area.slug)),
                ),
                [
                    *(meeting_event(m, urls, site_url) for m in meetings),
                    *(action_event(t, urls, site_url) for t in unique),
                ],
            ),
        )
