"""Atom feeds (RFC 4287): new meetings, and each focus area's new entries.

Entry ids are ``tag:`` URIs built from meeting ids, so they never change when
the site moves; ``updated`` is the meeting date, so a rebuild of the same
minutes gives the same bytes.  Links are absolute when the site's full URL is
known (``--base-url https://…/``); otherwise root-relative with ``xml:base``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..archive import Archive, FocusArea
from ..config import Config
from ..model import Meeting
from ..views.text import format_date, meeting_title
from ..views.urls import Urls

ATOM = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TAG_AUTHORITY = "mlr-minutes,2016"


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry."""

    id: str
    title: str
    updated: dt.date
    url: str
    summary: str


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def meeting_summary(meeting: Meeting) -> str:
    """Plain text: where and when, and the decisions taken."""
    parts = [f"{meeting_title(meeting)}."]
    if meeting.location:
        parts.append(f"Plats: {meeting.location}.")
    if meeting.decisions:
        parts.append("Beslut:")
        parts.extend(f"– {d.text}" for d in meeting.decisions)
    else:
        parts.append("Inga beslut.")
    return "\n".join(parts)


def absolute(site_url: str | None, path: str) -> str:
    """``path`` (root-relative) on the site's own host when that is known."""
    if not site_url:
        return path
    origin = site_url.split("/", 3)
    return "/".join(origin[:3]) + path


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", rel=rel, href=href, type=media_type)


def _feed(
    author: str,
    feed_id: str,
    title: str,
    self_url: str,
    page_url: str,
    updated: dt.date | None,
    entries: Sequence[Entry],
    site_url: str | None,
    base: str,
) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    if not site_url:
        root.set(f"{{{XML_NS}}}base", base)
    root.set(f"{{{XML_NS}}}lang", "sv")
    ET.SubElement(root, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(root, f"{{{ATOM}}}title").text = title
    ET.SubElement(root, f"{{{ATOM}}}updated").text = _timestamp(updated or dt.date(2016, 1, 1))
    ET.SubElement(ET.SubElement(root, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    _link(root, "self", absolute(site_url, self_url), "application/atom+xml")
    _link(root, "alternate", absolute(site_url, page_url), "text/html")
    ET.SubElement(root, f"{{{ATOM}}}generator").text = "mlr-minutes"
    for entry in entries:
        element = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(element, f"{{{ATOM}}}id").text = entry.id
        ET.SubElement(element, f"{{{ATOM}}}title").text = entry.title
        ET.SubElement(element, f"{{{ATOM}}}updated").text = _timestamp(entry.updated)
        _link(element, "alternate", absolute(site_url, entry.url), "text/html")
        ET.SubElement(element, f"{{{ATOM}}}summary", type="text").text = entry.summary
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def _newest(entries: Iterable[Entry], config: Config) -> list[Entry]:
    newest = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    return newest[: config.lists.feed_entries]


def meetings_feed(archive: Archive, urls: Urls, site_url: str | None, config: Config) -> bytes:
    """``/feed.xml``: the latest meetings, newest first, each summarising its decisions."""
    entries = _newest(
        (
            Entry(
                f"tag:{TAG_AUTHORITY}:moten/{m.id}",
                meeting_title(m),
                m.date,
                urls.meeting(m.id),
                meeting_summary(m),
            )
            for m in archive.meetings
            if m.date is not None
        ),
        config,
    )
    return _feed(
        config.organisation,
        f"tag:{TAG_AUTHORITY}:moten",
        f"{config.organisation} – nya möten",
        urls.feed(),
        urls.meetings(),
        entries[0].updated if entries else None,
        entries,
        site_url,
        urls.base,
    )


def focus_area_feed(area: FocusArea, urls: Urls, site_url: str | None, config: Config) -> bytes:
    """``/fokusomraden/<slug>/feed.xml``: each meeting that dealt with the area."""
    entries: list[Entry] = []
    for entry in area.entries:
        meeting = entry.meeting
        if meeting.date is None:
            continue
        lines = [f"{area.name}, {meeting_title(meeting)}."]
        lines.extend(status.status for status in entry.statuses)
        lines.extend(f"Beslut: {d.text}" for d in entry.decisions)
        lines.extend(f"Åtgärd: {a.text}" for a in entry.actions)
        item = next((s.item for s in entry.statuses if s.item), None)
        anchor = "#punkt-" + item.replace(".", "-") if item else ""
        entries.append(
            Entry(
                f"tag:{TAG_AUTHORITY}:fokusomraden/{area.slug}/{meeting.id}",
                f"{area.name} – {meeting.body} {format_date(meeting.date)}",
                meeting.date,
                urls.meeting(meeting.id) + anchor,
                "\n".join(lines),
            )
        )
    newest = _newest(entries, config)
    return _feed(
        config.organisation,
        f"tag:{TAG_AUTHORITY}:fokusomraden/{area.slug}",
        f"Fokusfråga: {area.name}",
        urls.focus_area_feed(area.slug),
        urls.focus_area(area.slug),
        newest[0].updated if newest else None,
        newest,
        site_url,
        urls.base,
    )


def feed_files(
    archive: Archive, urls: Urls, site_url: str | None, config: Config
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for every feed."""
    yield urls.file(urls.feed()), meetings_feed(archive, urls, site_url, config)
    for area in archive.focus_areas:
        yield (
            urls.file(urls.focus_area_feed(area.slug)),
            focus_area_feed(area, urls, site_url, config),
        )
