"""Municipalities and people: who attended for whom, and where a municipality is named.

A municipality's and a person's record are the same kind of page family: an index of
them all, and for each one a main page showing its newest year and a page for every year.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from ..archive import Attendance, Municipality, PersonRecord, slugify
from ..model import Meeting
from .context import Context
from .text import NAMELESS, format_date
from .types import Link, Page, PageGroup, PersonView, meeting_key
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """A meeting on a municipality's or person's record."""

    meeting: Link
    """The meeting."""
    date: str
    """Swedish date."""
    date_iso: str
    """ISO date."""
    capacity: str
    """``närvarande``, ``övrig deltagare``, …"""
    people: tuple[PersonView, ...]
    """Who (for a municipality), or the person's organisation/role (for a person)."""
    detail: str
    """Organisation and role as written (for a person)."""


@dataclass(frozen=True, slots=True)
class MentionRow:
    """Where a municipality is named."""

    meeting: Link
    """The meeting."""
    date: str
    """Swedish date."""
    date_iso: str
    """ISO date."""
    where: Link
    """The agenda item (or decisions)."""


@dataclass(frozen=True, slots=True)
class MunicipalityView:
    """A municipality's page."""

    name: str
    """Name."""
    attendance: tuple[AttendanceRow, ...]
    """Meetings it attended (or sent apologies to), newest first."""
    mentions: tuple[MentionRow, ...]
    """Where it is named, newest first."""
    represented: int
    """Meetings where someone attended for it."""
    meetings: int
    """Meetings in the archive."""
    mention_count: int = 0
    """Points naming it, every year."""
    year: str = ""
    """The year shown."""
    nav: tuple[YearLink, ...] = ()
    """Every year of its record."""
    main: bool = True
    """The municipality's main page, not a year page."""


@dataclass(frozen=True, slots=True)
class IndexRow:
    """An entry in an index of municipalities or people."""

    href: str
    """Its page."""
    text: str
    """Its name."""
    count: int
    """Meetings."""
    detail: str
    """Extra (latest organisation)."""


@dataclass(frozen=True, slots=True)
class IndexView:
    """A list of municipalities or people."""

    rows: tuple[IndexRow, ...]
    """Alphabetical."""


@dataclass(frozen=True, slots=True)
class PersonPageView:
    """A person's record."""

    name: str
    """Name."""
    rows: tuple[AttendanceRow, ...]
    """The year shown, newest first."""
    roles: tuple[str, ...]
    """Every role they were listed with."""
    count: int = 0
    """Meetings on their record, every year."""
    year: str = ""
    """The year shown."""
    nav: tuple[YearLink, ...] = ()
    """Every year of their record."""
    main: bool = True
    """The person's main page, not a year page."""


def pages(ctx: Context) -> Iterator[Page]:
    """``kommuner/`` and every municipality, then ``personer/`` and every person."""
    for group in groups(ctx):
        yield from group.pages()


def groups(ctx: Context) -> Iterator[PageGroup]:
    """The pages of :func:`pages` in groups: each index on its own (built every time), and
    each municipality's and each person's pages, keyed by the meetings on its record."""
    archive, urls, home = ctx.archive, ctx.urls, ctx.home
    municipalities_link = Link(urls.municipalities(), "Kommuner")

    def municipality_index() -> Iterator[Page]:
        yield Page(
            urls.file(urls.municipalities()), "index_list.html", "Kommuner", "kommuner",
            IndexView(tuple(
                IndexRow(urls.municipality(m.slug), m.name,
                         len({a.meeting.id for a in m.attendance if a.capacity != "frånvarande"}),
                         f"{len(m.mentions)} omnämnanden")
                for m in archive.municipalities
            )),
            (home,),
        )  # fmt: skip

    yield PageGroup("kommuner/", None, municipality_index)
    count = str(len(archive.meetings))  # every municipality's page shows it
    for municipality in archive.municipalities:
        inputs = "\x1f".join((
            municipality.name, count,
            *_meetings_of(a.meeting for a in municipality.attendance), "",
            *_meetings_of(m.meeting for m in municipality.mentions),
        ))  # fmt: skip
        yield PageGroup(
            f"kommuner/{municipality.slug}", inputs,
            functools.partial(_municipality_pages, ctx, municipality, (home, municipalities_link)),
        )  # fmt: skip

    people_link = Link(urls.people(), "Personer")

    def people_index() -> Iterator[Page]:
        yield Page(
            urls.file(urls.people()), "index_list.html", "Personer", "personer",
            IndexView(tuple(
                IndexRow(urls.person(p.slug), p.name, len({a.meeting.id for a in p.attendance}),
                         p.attendance[-1].person.organisation or "")
                for p in sorted(archive.people, key=lambda p: (p.name.casefold(), p.slug))
            )),
            (home,),
        )  # fmt: skip

    yield PageGroup("personer/", None, people_index)
    for person in archive.people:
        yield PageGroup(
            f"personer/{person.slug}",
            "\x1f".join(_meetings_of(a.meeting for a in person.attendance)),
            functools.partial(_person_pages, ctx, person, (home, people_link)),
        )  # fmt: skip


def _meetings_of(meetings: Iterable[Meeting]) -> list[str]:
    """The meetings a record lists, each once (a meeting lists the same municipality for
    several people): which of a meeting's records are on it follows from the meeting."""
    keys: list[str] = []
    last = None
    for meeting in meetings:
        if meeting is not last:
            keys.append(meeting_key(meeting))
            last = meeting
    return keys


def _attendance_row(
    ctx: Context, record: Attendance, people: tuple[PersonView, ...]
) -> AttendanceRow:
    person = record.person
    detail = ", ".join(p for p in (person.organisation, person.role) if p)
    meeting = record.meeting
    return AttendanceRow(
        meeting=ctx.meeting_link(meeting),
        date=format_date(meeting.date) if meeting.date else "",
        date_iso=meeting.date.isoformat() if meeting.date else "",
        capacity=record.capacity,
        people=people,
        detail=detail,
    )


def _municipality_pages(
    ctx: Context, municipality: Municipality, breadcrumbs: tuple[Link, ...]
) -> Iterator[Page]:
    """A municipality's attendance and mentions of its newest year, and a page for every
    year."""
    urls = ctx.urls
    by_meeting: dict[str, list[Attendance]] = defaultdict(list)
    for record in municipality.attendance:
        by_meeting[record.meeting.id].append(record)
    rows = []
    for records in reversed(by_meeting.values()):
        present = [r for r in records if r.capacity != "frånvarande"]
        capacity = "representerad" if present else "frånvarande"
        people = tuple(
            PersonView(r.person.name or NAMELESS,
                       urls.person(slugify(r.person.name)) if r.person.name else None,
                       ", ".join(p for p in (r.capacity, r.person.role) if p))
            for r in records
        )  # fmt: skip
        row = replace(_attendance_row(ctx, records[0], people), capacity=capacity)
        rows.append((year_key(records[0].meeting.date), row))
    attendance = by_year(rows)
    mentions = by_year(
        (
            year_key(m.meeting.date),
            MentionRow(
                ctx.meeting_link(m.meeting),
                format_date(m.meeting.date) if m.meeting.date else "",
                m.meeting.date.isoformat() if m.meeting.date else "",
                Link(f"{urls.meeting(m.meeting.id)}#{m.anchor}",
                     f"punkt {m.item_number} {m.item_title}" if m.item_number
                     else m.item_title),
            ),
        )
        for m in reversed(municipality.mentions)
    )  # fmt: skip
    # A year's count is its meetings: attended, or naming the municipality, or both.
    meetings: dict[str, set[str]] = defaultdict(set)
    for key, attended in attendance.items():
        meetings[key].update(r.meeting.href for r in attended)
    for key, named in mentions.items():
        meetings[key].update(r.meeting.href for r in named)
    counts = {key: len(meetings[key]) for key in by_year((key, 0) for key in meetings)}
    represented = sum(r.capacity == "representerad" for _, r in rows)

    def view(shown: str, nav: tuple[YearLink, ...], main: bool) -> MunicipalityView:
        return MunicipalityView(
            municipality.name, tuple(attendance.get(shown, ())), tuple(mentions.get(shown, ())),
            represented, len(ctx.archive.meetings), len(municipality.mentions),
            year_text(shown) if shown else "", nav, main,
        )  # fmt: skip

    yield from _record_pages(
        ctx, municipality.name, urls.municipality(municipality.slug),
        lambda year: urls.municipality_year(municipality.slug, year), counts, breadcrumbs,
        "municipality.html", "kommuner", view,
        f"närvaro vid {ctx.of_organisation} möten och var kommunen nämns i "
        "minnesanteckningarna.",
    )  # fmt: skip


def _person_pages(
    ctx: Context, person: PersonRecord, breadcrumbs: tuple[Link, ...]
) -> Iterator[Page]:
    """A person's attendance in their newest year, and a page for every year."""
    urls = ctx.urls
    roles = tuple(dict.fromkeys(a.person.role for a in person.attendance if a.person.role))
    rows = by_year(
        (year_key(a.meeting.date), _attendance_row(ctx, a, ())) for a in reversed(person.attendance)
    )
    counts = {key: len(year) for key, year in rows.items()}

    def view(shown: str, nav: tuple[YearLink, ...], main: bool) -> PersonPageView:
        return PersonPageView(
            person.name, tuple(rows.get(shown, ())), roles, len(person.attendance),
            year_text(shown) if shown else "", nav, main,
        )  # fmt: skip

    yield from _record_pages(
        ctx, person.name, urls.person(person.slug),
        lambda year: urls.person_year(person.slug, year), counts, breadcrumbs,
        "person.html", "personer", view,
        f"närvaro och roller vid {ctx.of_organisation} möten.",
    )  # fmt: skip


def _record_pages(
    ctx: Context,
    name: str,
    main: str,
    year_url: Callable[[str], str],
    counts: Mapping[str, int],
    breadcrumbs: tuple[Link, ...],
    template: str,
    section: str,
    view: Callable[[str, tuple[YearLink, ...], bool], object],
    about: str,
) -> Iterator[Page]:
    """A record's main page and a page for each year of ``counts`` (newest first); ``view``
    makes the view of the year it shows, with the year navigation and whether it is the main
    page.  The main page shows the newest year, so that a year's address never changes."""
    keys = list(counts)
    for year, shown in (("", keys[0] if keys else ""), *((key, key) for key in keys)):
        yield Page(
            ctx.urls.file(year_url(year) if year else main), template,
            year_title(name, year) if year else name, section,
            view(shown, year_nav(counts, year_url, year or None), not year),
            (*breadcrumbs, Link(main, name)) if year else breadcrumbs,
            description=f"{year_title(name, year)}: {about}" if year else "",
        )  # fmt: skip
