"""Calendars (RFC 5545): meetings and the due dates of open action items.

icalendar writes the format (folding, escaping, time zones); this module only
decides what goes in.  A due date written as a week or a month becomes an
all-day span over that week or month.  ``DTSTAMP`` is the meeting date, not
the build time, so that a rebuild of the same minutes gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from ..archive import ActionTrack, Archive
from ..config import Config
from ..model import Meeting
from ..views.text import meeting_title
from ..views.urls import Urls
from .feeds import absolute, meeting_summary
from .memo import OutputMemo

TIME_ZONE = ZoneInfo("Europe/Stockholm")
UID_DOMAIN = "mlr-minutes"
SUMMARY_LENGTH = 90
REFRESH = dt.timedelta(days=1)
"""How often a subscribed calendar is fetched again: the archive changes by the day."""


def _stamp(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


Properties = tuple[tuple[str, Any], ...]
"""An event's properties in order, ``uid`` first: what decides its bytes."""


def meeting_event(meeting: Meeting, urls: Urls, site_url: str | None) -> Properties | None:
    """The meeting as an event: timed when the minutes give times, else all day."""
    if meeting.date is None:
        return None
    props: list[tuple[str, Any]] = [
        ("uid", f"{meeting.id}@{UID_DOMAIN}"),
        ("dtstamp", _stamp(meeting.date)),
        ("summary", meeting_title(meeting)),
    ]
    if meeting.start is not None:
        start = dt.datetime.combine(meeting.date, meeting.start, TIME_ZONE)
        end_time = meeting.end or (start + dt.timedelta(hours=2)).time()
        end = dt.datetime.combine(meeting.date, end_time, TIME_ZONE)
        props.append(("dtstart", start))
        props.append(("dtend", end if end > start else start + dt.timedelta(hours=2)))
    else:
        props.append(("dtstart", meeting.date))
        props.append(("dtend", meeting.date + dt.timedelta(days=1)))
    if meeting.location:
        props.append(("location", meeting.location))
    page = absolute(site_url, urls.meeting(meeting.id))
    props.append(("description", f"{meeting_summary(meeting)}\n\nMinnesanteckningarna: {page}"))
    props.append(("url", page))
    return tuple(props)


def action_event(track: ActionTrack, urls: Urls, site_url: str | None) -> Properties | None:
    """An open action item's due date (or span) as an all-day event."""
    due = track.due
    if due is None or track.done or due.end == dt.date.max:
        return None  # (``till nästa möte`` with no next meeting in the archive: no day yet)
    origin, latest = track.origin, track.latest
    text = latest.action.text
    short = text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"
    owners = ", ".join(latest.action.owners) or "ej angivet"
    page = absolute(site_url, f"{urls.meeting(origin.meeting.id)}#{origin.action.id}")
    return (
        ("uid", f"{origin.meeting.id}-{origin.action.id}@{UID_DOMAIN}"),
        ("dtstamp", _stamp(latest.meeting.date or due.start)),
        ("summary", f"Åtgärd: {short}"),
        ("dtstart", due.start),
        ("dtend", due.end + dt.timedelta(days=1)),
        ("description",
         f"{text}\nAnsvarig: {owners}\nKlart: {due.text}\nFrån: {meeting_title(origin.meeting)}"
         f"\n\nÅtgärden: {page}"),
        ("url", page),
    )  # fmt: skip


FOLD_AT = 75
"""Octets a folded line must stay below (RFC 5545: 75 at most, line break excluded)."""

ESCAPES = frozenset(b"\\^")
"""The first bytes of TEXT (``\\``) and parameter (``^``) escapes."""


def fold(line: str) -> bytes:
    """A content line folded as icalendar folds it, as UTF-8: each part as long as it can be
    below 75 octets without splitting a character, and never ending in an escape's first
    character (that character begins the next part instead); the parts joined by a line
    break and a space."""
    data = line.encode("utf-8")
    if len(data) < FOLD_AT:
        return data
    parts: list[bytes] = []
    start = 0
    while len(data) - start >= FOLD_AT:
        end = start + FOLD_AT - 1
        while data[end] & 0xC0 == 0x80:  # inside a character: it goes to the next part
            end -= 1
        if data[end - 1] in ESCAPES:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


_VERSION = f"icalendar {importlib.metadata.version('icalendar')}\0"


class CalendarWriter:
    """Assembles calendars from events serialised once each.

    The same meeting stands in the archive calendar and in each of its focus areas'
    calendars; icalendar's serialisation (line folding, escaping) is the costly part,
    so each event is written once and the bytes reused, within a build and – through
    ``memo``, kept by the build cache – from one build to the next: an event's bytes
    follow from its properties (and icalendar's version), which are its key.
    """

    def __init__(self, organisation: str, memo: OutputMemo | None = None) -> None:
        self._product = f"-//{organisation}//mlr-minutes//SV"
        self._events: dict[str, bytes] = {}
        self._memo = memo if memo is not None else OutputMemo()
        zone = Calendar()
        zone.add_component(Timezone.from_tzid("Europe/Stockholm"))
        self._zone = _components(zone.to_ical())

    def event(self, props: Properties) -> bytes:
        uid = str(props[0][1])
        found = self._events.get(uid)
        if found is not None:
            return found
        key = (
            "ics:" + hashlib.blake2b((_VERSION + repr(props)).encode(), digest_size=20).hexdigest()
        )
        data = self._memo.get(key)
        if data is None:
            event = Event()
            for name, value in props:
                event.add(name, value)
            # What Event.to_ical() returns, folded here (icalendar folds a character at a time).
            data = b"".join(fold(line) + b"\r\n" for line in event.content_lines() if line)
            self._memo.put(key, data)
        self._events[uid] = data
        return data

    def calendar(self, about: CalendarInfo, events: Iterable[Properties | None]) -> bytes:
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
    archive: Archive,
    urls: Urls,
    site_url: str | None,
    config: Config,
    memo: OutputMemo | None = None,
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for the whole calendar and one per focus area: the meetings of the
    last years (as configured) and every open due date."""
    writer = CalendarWriter(config.organisation, memo)
    years = config.lists.calendar_years
    dated = [m.date for m in archive.meetings if m.date is not None]
    newest = max(dated) if dated else None
    recent = _recent(archive.meetings, newest, years)
    # Each meeting and action stands in several calendars: its properties are found once.
    meeting_events: dict[str, Properties | None] = {}
    action_events: dict[int, Properties | None] = {}

    def of_meeting(meeting: Meeting) -> Properties | None:
        if meeting.id not in meeting_events:
            meeting_events[meeting.id] = meeting_event(meeting, urls, site_url)
        return meeting_events[meeting.id]

    def of_track(track: ActionTrack) -> Properties | None:
        if id(track) not in action_events:
            action_events[id(track)] = action_event(track, urls, site_url)
        return action_events[id(track)]

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
                *(of_meeting(m) for m in recent),
                *(of_track(t) for t in archive.tracks),
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
                    *(of_meeting(m) for m in meetings),
                    *(of_track(t) for t in unique),
                ],
            ),
        )
