"""schema.org JSON-LD for a meeting page: the meeting as an ``Event``, its minutes as a
``CreativeWork``, so that search engines know its date, place, organiser and attendees.

The addresses are root-relative, as every link of the site is: JSON-LD resolves them
against the page's own address.  The template writes the data with Jinja's ``tojson``,
which escapes ``<``, ``>`` and ``&``, so that no text of the minutes (a ``</script>``
typed into a title) can end the script block.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from ..model import Meeting, Person
from .text import meeting_title
from .urls import Urls

TIME_ZONE = ZoneInfo("Europe/Stockholm")
SCHEMA_ORG = "https://schema.org"


def _moment(date: dt.date, time: dt.time | None) -> str:
    """``2016-04-19T15:00:00+02:00`` with a time, else the date alone."""
    if time is None:
        return date.isoformat()
    return dt.datetime.combine(date, time, TIME_ZONE).isoformat()


def _attendee(person: Person) -> dict[str, Any]:
    """A named person (with the organisation they came from), or an organisation listed
    without anyone named."""
    organisation = {"@type": "Organization", "name": person.organisation}
    if person.name is None:
        return organisation
    found: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.role:
        found["jobTitle"] = person.role
    if person.organisation:
        found["affiliation"] = organisation
    return found


def meeting_structured_data(meeting: Meeting, urls: Urls, organisation: str) -> dict[str, Any]:
    """The meeting as a schema.org ``Event`` with its minutes as a ``CreativeWork``."""
    page = urls.meeting(meeting.id)
    title = meeting_title(meeting)
    event: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "@id": f"{page}#motet",
        "name": title,
        "url": page,
        "inLanguage": "sv",
        "organizer": {
            "@type": "Organization",
            "name": meeting.organisation or organisation,
            "url": urls.home(),
        },
    }
    if meeting.date is not None:
        event["startDate"] = _moment(meeting.date, meeting.start)
        event["endDate"] = _moment(meeting.date, meeting.end or meeting.start)
    if meeting.location:
        event["location"] = {"@type": "Place", "name": meeting.location}
    present = [p for p in (*meeting.attendees, *meeting.guests) if p.name or p.organisation]
    if present:
        event["attendee"] = [_attendee(person) for person in present]
    minutes: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": f"{meeting.document_type or 'Minnesanteckningar'}: {title}",
        "url": page,
        "inLanguage": "sv",
        "author": {"@type": "Organization", "name": meeting.organisation or organisation},
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": urls.source(meeting.id),
            "encodingFormat": "text/markdown",
        },
    }
    if meeting.date is not None:
        minutes["datePublished"] = meeting.date.isoformat()
    event["subjectOf"] = minutes
    return event
