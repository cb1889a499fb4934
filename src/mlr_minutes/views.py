"""View models: the plain data each page template shows, in Swedish, with URLs resolved.

Templates never see the core model.  Every page becomes a :class:`Page` whose
``view`` is a frozen dataclass of strings, numbers, tuples and links, built
from the :class:`~mlr_minutes.archive.Archive` by looking up only what that
page shows, so that pages could be rendered independently (and in parallel).
Markdown stays Markdown here (:class:`MarkdownText`); turning it into HTML is
the renderer's job.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar
from urllib.parse import urlsplit

from .archive import (
    ActionTrack,
    Archive,
    Attendance,
    FocusArea,
    Municipality,
    PersonRecord,
    slugify,
)
from .model import ActionItem, DateValue, Decision, Meeting, Outcome, Person, Precision, SegmentKind
from .vocabulary import MONTH_NAMES

SITE_NAME = "MalmöLundregionens mötesarkiv"
"""The site's name, in the header and every page title."""

LATEST_MEETINGS = 8
"""How many meetings the start page lists."""

MEETING_YEARS_ON_LIST = 3
"""How many of the newest years the meeting lists show (a meeting row is small, and one
year alone looks empty in January); every year also has a page of its own."""

OPEN_ACTIONS_ON_LIST = 200
"""Open tasks the action list shows, nearest due date first; the rest are on year pages."""

DONE_ACTIONS_ON_LIST = 20
"""Most recently closed tasks the action list shows; every closed task is on a year page."""

PASSED_SHOWN = 6
"""Meetings that carried a task linked from its row; a task carried at every meeting for
years would otherwise make its row, and the action list, grow with the archive."""

CHART_MAX_BARS = 40
"""Most bars in a focus area's chart: beyond this many quarters it counts years (or spans
of years), so that the chart stays the same size however long the archive gets."""

UNDATED = "utan-datum"
"""The year path segment of things without a date."""

NEAREST_ACTIONS = 6
"""How many open action items the start page lists."""

OUTCOME_TEXT = {
    Outcome.APPROVED: "godkänt",
    Outcome.NOTED: "noterat",
    Outcome.TABLED: "bordlagt",
    Outcome.REJECTED: "avslaget",
    Outcome.REFERRED_BACK: "återremitterat",
    Outcome.ELECTED: "val",
}
"""Decision outcomes as the register shows them."""


# --- Swedish dates ------------------------------------------------------------


def format_date(date: dt.date) -> str:
    """``19 april 2016``."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def format_date_value(value: DateValue) -> str:
    """A resolved date phrase at its own precision: ``30 september 2016``, ``vecka 42 2016``."""
    start, end = value.start, value.end
    if value.precision is Precision.DAY:
        return format_date(start)
    if value.precision is Precision.WEEK:
        year, week, _ = start.isocalendar()
        return f"vecka {week} {year}"
    if value.precision is Precision.MONTH:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if value.precision is Precision.YEAR:
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]}–{format_date(end)}"
    return f"{format_date(start)}–{format_date(end)}"


def format_time(time: dt.time) -> str:
    """``15.00``, the Swedish way of writing the clock."""
    return f"{time.hour:02d}.{time.minute:02d}"


def meeting_title(meeting: Meeting) -> str:
    """``Kommundirektörmöte 19 april 2016``: unique, and readable out of context."""
    if meeting.date is None:
        return f"{meeting.body} ({meeting.id})"
    return f"{meeting.body} {format_date(meeting.date)}"


# --- URLs -------------------------------------------------------------------


def normalise_base_url(base_url: str) -> str:
    """``mlr-arkiv`` or ``https://host/mlr-arkiv`` → ``/mlr-arkiv/``: root-relative, one slash
    at each end (pages link root-relative, so the site also works behind another host)."""
    inner = urlsplit(base_url.strip()).path.strip("/") if "://" in base_url else base_url
    inner = inner.strip().strip("/")
    return f"/{inner}/" if inner else "/"


def site_origin(base_url: str) -> str | None:
    """``https://host`` when the base URL is absolute; None for a plain path."""
    if "://" not in base_url:
        return None
    parts = urlsplit(base_url.strip())
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class Urls:
    """Every URL of the site, root-relative under the base URL, so sub-paths work."""

    base: str
    """The normalised base URL (``/`` or ``/mlr-arkiv/``)."""

    def home(self) -> str:
        """Start page."""
        return self.base

    def meetings(self) -> str:
        """All meetings."""
        return f"{self.base}moten/"

    def body(self, slug: str) -> str:
        """The meetings of one body."""
        return f"{self.base}moten/{slug}/"

    def meeting(self, meeting_id: str) -> str:
        """One meeting's page."""
        return f"{self.base}moten/{meeting_id}/"

    def source(self, meeting_id: str) -> str:
        """The Markdown source copied next to the meeting page."""
        return f"{self.meeting(meeting_id)}{meeting_id}.md"

    def decisions(self) -> str:
        """The decision register."""
        return f"{self.base}beslut/"

    def actions(self) -> str:
        """The action list."""
        return f"{self.base}atgarder/"

    def focus_areas(self) -> str:
        """All focus areas."""
        return f"{self.base}fokusomraden/"

    def focus_area(self, slug: str) -> str:
        """One focus area's timeline."""
        return f"{self.base}fokusomraden/{slug}/"

    def municipalities(self) -> str:
        """All municipalities."""
        return f"{self.base}kommuner/"

    def municipality(self, slug: str) -> str:
        """One municipality."""
        return f"{self.base}kommuner/{slug}/"

    def people(self) -> str:
        """All people."""
        return f"{self.base}personer/"

    def person(self, slug: str) -> str:
        """One person."""
        return f"{self.base}personer/{slug}/"

    # Year pages of the archive-wide lists.  A year is always a path segment of its own
    # below the list it splits (``utan-datum`` for what has no date), so it cannot collide
    # with anything else there.  Meeting ids and body slugs share ``moten/`` and either
    # could be any word, so meeting years go one level further down, under ``ar/``
    # (``moten/ar/2016/``, ``moten/styrelsemote/ar/2016/``): meeting and body pages are
    # always exactly one level below ``moten/``, so no file of theirs can be written there.

    def meetings_year(self, year: str) -> str:
        """All meetings of one year."""
        return f"{self.meetings()}ar/{year}/"

    def body_year(self, slug: str, year: str) -> str:
        """One body's meetings of one year."""
        return f"{self.body(slug)}ar/{year}/"

    def decisions_year(self, year: str) -> str:
        """The decisions of one year."""
        return f"{self.decisions()}{year}/"

    def open_actions_year(self, year: str) -> str:
        """Open actions beyond the action list's own, by the year they are due."""
        return f"{self.actions()}oppna/{year}/"

    def done_actions_year(self, year: str) -> str:
        """Actions ticked off in one year."""
        return f"{self.actions()}avklarade/{year}/"

    def focus_area_year(self, slug: str, year: str) -> str:
        """One year of a focus area's timeline."""
        return f"{self.focus_area(slug)}{year}/"

    def municipality_year(self, slug: str, year: str) -> str:
        """One year of a municipality's attendance and mentions."""
        return f"{self.municipality(slug)}{year}/"

    def person_year(self, slug: str, year: str) -> str:
        """One year of a person's attendance."""
        return f"{self.person(slug)}{year}/"

    def accessibility(self) -> str:
        """The accessibility statement."""
        return f"{self.base}tillganglighet/"

    def search(self) -> str:
        """The site search (the header's search box submits here)."""
        return f"{self.base}sok/"

    def static(self, name: str) -> str:
        """A file from the templates' ``static`` folder."""
        return f"{self.base}static/{name}"


def output_path(url: str, urls: Urls) -> str:
    """The file a page URL is served from, relative to the site folder."""
    relative = url[len(urls.base) :]
    return f"{relative}index.html" if relative.endswith("/") or not relative else relative


# --- Shared view data --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """A link with descriptive text."""

    href: str
    """Root-relative URL, or a fragment."""
    text: str
    """What the link says."""


@dataclass(frozen=True, slots=True)
class NavItem:
    """An entry in the main navigation."""

    href: str
    """URL."""
    text: str
    """Label."""
    key: str
    """Section key, to mark the current section (``aria-current``)."""


@dataclass(frozen=True, slots=True)
class Alternate:
    """Another form of a page's content: a feed, a calendar, data to download."""

    href: str
    """URL."""
    type: str
    """Media type (``application/atom+xml``, ``text/calendar``, ``text/csv``, …)."""
    title: str
    """What it is, in Swedish."""
    advertise: bool = True
    """Whether to announce it with ``<link rel="alternate">``, not only link to it."""


@dataclass(frozen=True, slots=True)
class SiteView:
    """What every page shows around its content."""

    name: str
    """Site name."""
    base_url: str
    """Normalised base URL."""
    home: str
    """Start page URL."""
    stylesheet: str
    """Stylesheet URL."""
    nav: tuple[NavItem, ...]
    """Main navigation."""
    accessibility: str
    """Accessibility statement URL (in every footer)."""
    build_date: str
    """The date the build regards as today, written in Swedish."""
    canonical_root: str = ""
    """``https://host`` when the site's full address is known, else empty (canonical links
    are then root-relative)."""
    alternates: tuple[Alternate, ...] = ()
    """Feeds and calendars of the whole archive, announced on every page."""
    contact_email: str | None = None
    """The accessibility statement's contact address, when configured."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page to render: which template, where to write it, and what it shows."""

    path: str
    """Output file relative to the site folder (``moten/…/index.html``)."""
    template: str
    """Template name."""
    title: str
    """The page's own title (the ``h1``); the site name is added in ``<title>``."""
    section: str
    """Navigation key of the section the page belongs to."""
    view: object
    """The page's view model."""
    breadcrumbs: tuple[Link, ...] = ()
    """Links from the start page down to the page's parent."""
    description: str = ""
    """The meta description: what a search engine or a link preview shows."""
    alternates: tuple[Alternate, ...] = ()
    """This page's content as feeds, calendars or data files."""

    @property
    def url_path(self) -> str:
        """The page's path as linked: ``moten/x/`` for ``moten/x/index.html``."""
        return self.path.removesuffix("index.html")


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to mark where it is written in a stretch of Markdown."""

    line: int
    """1-based source line it is written on."""
    kind: str
    """``beslut``, ``atgard`` or ``fokus`` (CSS class and meaning)."""
    id: str
    """Fragment id to give the marked block."""
    label: str
    """Visible label put before the text (``Beslut 1``)."""
    notes: tuple[str, ...] = ()
    """Short texts put after it (due date, *försenad*, *tolkad ur löptext*)."""
    links: tuple[Link, ...] = ()
    """Links put after it (agenda item, timeline, where closed)."""
    state: str = ""
    """Extra CSS state: ``open``, ``done``, ``overdue``."""


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """Markdown as written, with what to mark in it; the renderer makes it HTML."""

    markdown: str
    """The source text."""
    marks: tuple[Mark, ...] = ()
    """Decisions, actions and statuses to mark, by line."""
    heading_level: int = 3
    """Level for headings written inside the text (they are kept below the page's)."""
    line: int = 1
    """1-based source line of the text's first line, which its marks' lines count from."""


@dataclass(frozen=True, slots=True)
class Tag:
    """A focus-area tag on a decision or action."""

    href: str
    """The focus area's timeline."""
    text: str
    """Its name."""


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A meeting in a list."""

    href: str
    """Its page."""
    title: str
    """``Kommundirektörmöte 19 april 2016``."""
    body: str
    """The meeting series."""
    date: str
    """Swedish date."""
    date_iso: str
    """ISO date for ``<time datetime>``."""
    location: str
    """Where (empty when unknown)."""
    decisions: int
    """How many decisions."""
    actions: int
    """How many action items."""


@dataclass(frozen=True, slots=True)
class ActionRow:
    """A task in the action list (one row per task followed across meetings)."""

    key: str
    """Fragment id in lists: ``<meeting id>-<action id>`` of its origin."""
    text: str
    """The task as last written."""
    owners: str
    """Who is responsible, comma separated, or ``–``."""
    due: str
    """Due date in Swedish, or empty."""
    due_iso: str
    """Due date ISO (at its precision), or empty."""
    overdue: bool
    """Open and past its due date as of the build date."""
    done: bool
    """Ticked off in some meeting."""
    inferred: bool
    """Read out of prose rather than written as a task."""
    origin: Link
    """The meeting (and item) where it was set."""
    passed: tuple[Link, ...]
    """Later meetings whose minutes carried it (the latest :data:`PASSED_SHOWN`)."""
    closed_in: Link | None
    """Where it was ticked off."""
    tags: tuple[Tag, ...]
    """Focus areas it concerns."""
    passed_earlier: int = 0
    """Meetings that carried it before those in ``passed`` (counted, not linked)."""


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """A decision in the register or on a timeline."""

    id: str
    """Anchor id on its meeting page (``beslut-1``)."""
    href: str
    """Permanent link: meeting page plus anchor."""
    text: str
    """The decision."""
    points: tuple[str, ...]
    """Its sub-points."""
    outcome: str
    """Outcome in Swedish, or empty."""
    meeting: Link
    """The meeting."""
    date: str
    """Meeting date in Swedish."""
    date_iso: str
    """Meeting date ISO."""
    item: Link | None
    """The agenda item on the meeting page."""
    tags: tuple[Tag, ...]
    """Focus areas it concerns."""


# --- Helpers over the archive ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    archive: Archive
    urls: Urls
    today: dt.date
    named: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    """Meeting id → fragment id → municipalities named there (for the search filters)."""

    def meeting_link(self, meeting: Meeting, fragment: str = "") -> Link:
        href = self.urls.meeting(meeting.id) + (f"#{fragment}" if fragment else "")
        return Link(href, meeting_title(meeting))

    def item_link(self, meeting: Meeting, number: str | None) -> Link | None:
        if number is None:
            return None
        item = meeting.item(number)
        if item is None:
            return None
        return Link(
            f"{self.urls.meeting(meeting.id)}#{item.anchor}", f"punkt {number} {item.title}"
        )

    def tags(self, names: Sequence[str]) -> tuple[Tag, ...]:
        return tuple(Tag(self.urls.focus_area(slugify(name)), name) for name in names)

    def meeting_row(self, meeting: Meeting) -> MeetingRow:
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

    def overdue(self, action: ActionItem, done: bool) -> bool:
        return not done and action.due is not None and action.due.end < self.today

    def action_row(self, track: ActionTrack, brief: bool = False) -> ActionRow:
        """The task's row; ``brief`` leaves out the meetings it passed through, for lists
        that show it once per meeting (their size must not grow with the square)."""
        origin, latest = track.origin, track.latest
        action = latest.action
        due = effective_due(track)
        key = f"{origin.meeting.id}-{origin.action.id}"
        item = self.item_link(origin.meeting, origin.action.item)
        origin_link = self.meeting_link(origin.meeting, origin.action.id)
        if item is not None:
            origin_link = Link(origin_link.href, f"{origin_link.text}, {item.text}")
        closed = track.closed_in
        return ActionRow(
            key=key,
            text=action.text,
            owners=", ".join(action.owners) or "–",
            due=format_date_value(due) if due else "",
            due_iso=due.iso if due else "",
            overdue=not track.done and due is not None and due.end < self.today,
            done=track.done,
            inferred=origin.action.inferred,
            origin=origin_link,
            passed=(
                ()
                if brief
                else tuple(
                    self.meeting_link(a.meeting, a.action.id)
                    for a in track.appearances[1:][-PASSED_SHOWN:]
                )
            ),
            passed_earlier=0 if brief else max(0, len(track.appearances) - 1 - PASSED_SHOWN),
            closed_in=(self.meeting_link(closed, _closed_id(track)) if closed else None),
            tags=self.tags(
                self.archive.action_focus.get((origin.meeting.id, origin.action.id), ())
            ),
        )

    def decision_row(self, meeting: Meeting, decision: Decision) -> DecisionRow:
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


def _closed_id(track: ActionTrack) -> str:
    return track.closed_action.id if track.closed_action else ""


# --- Meeting page ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person on a meeting page or in a record."""

    name: str
    """Name."""
    href: str
    """Their page."""
    detail: str
    """Role and, where useful, organisation, as a short phrase (may be empty)."""


@dataclass(frozen=True, slots=True)
class Group:
    """People of one municipality or organisation."""

    name: str
    """Municipality or organisation (``Övriga`` when none is given)."""
    href: str
    """The municipality's page, or empty for other organisations."""
    people: tuple[PersonView, ...]
    """Its people in source order."""


@dataclass(frozen=True, slots=True)
class SegmentView:
    """A stretch of the minutes, in source order."""

    kind: str
    """The segment kind (``item``, ``section``, ``decisions``, …)."""
    heading: str
    """Heading as written (inline Markdown), or empty."""
    level: int
    """Heading level."""
    anchor: str
    """Fragment id of the heading, or empty."""
    text: MarkdownText
    """The body."""
    attachments: tuple[str, ...]
    """Attachment notes of an item."""
    related: tuple[Link, ...]
    """Decisions and actions belonging to the item but written elsewhere in the minutes."""
    focus: tuple[Link, ...]
    """Timelines of focus areas reported in the item."""


@dataclass(frozen=True, slots=True)
class FocusStatusView:
    """A focus area's status at a meeting."""

    name: str
    """Canonical name."""
    timeline: Link
    """The area's timeline."""
    status: str
    """Status text."""
    where: Link | None
    """Where in the minutes (agenda item)."""
    anchor: str
    """Fragment id of the status where it is written (``fokus-<slug>``)."""


@dataclass(frozen=True, slots=True)
class ReferenceView:
    """A mention of another meeting."""

    text: str
    """The words as written."""
    description: str
    """``Kommundirektörmöte 22 mars 2016``."""
    link: Link | None
    """The meeting's page when it is in the archive."""


@dataclass(frozen=True, slots=True)
class AttachmentView:
    """An attachment note of an agenda item."""

    note: str
    """As written (``bilaga bifogas``)."""
    item: Link
    """The item."""


@dataclass(frozen=True, slots=True)
class MeetingView:
    """Everything a meeting page shows."""

    id: str
    """Meeting id."""
    title: str
    """Page heading."""
    body: Link
    """The meeting series' list."""
    date: str
    """Swedish date, or empty."""
    date_iso: str
    """ISO date, or empty."""
    time: str
    """``kl. 15.00–17.30``, or empty."""
    location: str
    """Where, or empty."""
    document_type: str
    """``Minnesanteckningar``, or empty."""
    organisation: str
    """Whose meeting, or empty."""
    chair: PersonView | None
    """The chair."""
    secretary: PersonView | None
    """Who wrote the minutes."""
    adjusters: tuple[PersonView, ...]
    """Who checks them."""
    attendees: tuple[Group, ...]
    """Members present, by municipality."""
    guests: tuple[Group, ...]
    """Others present, by municipality or organisation."""
    absent: tuple[Group, ...]
    """Members absent."""
    segments: tuple[SegmentView, ...]
    """The minutes, in order."""
    unplaced: tuple[Mark, ...]
    """Decisions or actions the text could not show at their line (shown in a list)."""
    focus: tuple[FocusStatusView, ...]
    """Focus-area statuses."""
    references: tuple[ReferenceView, ...]
    """Other meetings mentioned."""
    cited_by: tuple[Link, ...]
    """Meetings whose minutes mention this one."""
    attachments: tuple[AttachmentView, ...]
    """Attachments listed in the agenda."""
    previous: Link | None
    """Previous meeting of the same body."""
    next: Link | None
    """Next meeting of the same body."""
    source: Link
    """The Markdown source file."""
    decision_count: int
    """How many decisions."""
    action_count: int
    """How many action items."""
    search: SearchFacets | None = None
    """What the site search files the page under."""


def _people(persons: Sequence[Person], ctx: _Context, show_org: bool) -> tuple[PersonView, ...]:
    views = []
    for person in persons:
        parts = [person.role] if person.role else []
        if show_org and person.organisation:
            parts.append(person.organisation)
        views.append(
            PersonView(person.name, ctx.urls.person(slugify(person.name)), ", ".join(parts))
        )
    return tuple(views)


def _groups(persons: Sequence[Person], ctx: _Context) -> tuple[Group, ...]:
    """People grouped by organisation: configured municipalities in order, then others."""
    municipalities = {m.name.casefold(): m for m in ctx.archive.municipalities}
    grouped: dict[str, list[Person]] = defaultdict(list)
    for person in persons:
        grouped[person.organisation or ""].append(person)
    order = sorted(
        grouped,
        key=lambda name: (
            name.casefold() not in municipalities,
            name == "",
            [m.casefold() for m in municipalities].index(name.casefold())
            if name.casefold() in municipalities
            else 0,
            name,
        ),
    )
    groups = []
    for name in order:
        municipality = municipalities.get(name.casefold())
        href = ctx.urls.municipality(municipality.slug) if municipality else ""
        groups.append(Group(name or "Övriga", href, _people(grouped[name], ctx, False)))
    return tuple(groups)


def _segment_of(meeting: Meeting, line: int) -> int | None:
    """Index of the segment whose text contains 1-based source ``line``."""
    found = None
    for index, segment in enumerate(meeting.segments):
        if segment.line <= line:
            found = index
        else:
            break
    return found


def _action_mark(ctx: _Context, meeting: Meeting, action: ActionItem, line: int) -> Mark:
    track = ctx.archive.track_of.get((meeting.id, action.id))
    notes: list[str] = []
    links: list[Link] = []
    done = action.done
    if action.owners and action.inferred:
        # A task written as a task names its owner itself; prose rarely says it plainly.
        notes.append("ansvarig: " + ", ".join(action.owners))
    if action.due is not None:
        notes.append("klart senast " + format_date_value(action.due))
    if track is not None and track.origin.meeting is not meeting:
        links.append(
            Link(
                ctx.meeting_link(track.origin.meeting, track.origin.action.id).href,
                "från " + meeting_title(track.origin.meeting),
            )
        )
    closed = track.closed_in if track is not None else None
    if (
        track is not None
        and closed is not None
        and not done
        and closed.date
        and meeting.date
        and closed.date > meeting.date
    ):
        closed_href = ctx.meeting_link(closed, _closed_id(track))
        links.append(Link(closed_href.href, "avklarad vid " + meeting_title(closed)))
    if done:
        state = "done"
        notes.append("klar")
    elif ctx.overdue(action, False) and not (track is not None and track.done):
        state = "overdue"
        notes.append("försenad")
    else:
        state = "open"
    if action.inferred:
        notes.append("tolkad ur löptext")
    return Mark(
        line, "atgard", action.id, f"Åtgärd {action.number}", tuple(notes), tuple(links), state
    )


def _meeting_view(ctx: _Context, meeting: Meeting) -> MeetingView:
    urls = ctx.urls
    segments = meeting.segments
    starts = [segment.body_line for segment in segments]
    marks: dict[int, list[Mark]] = defaultdict(list)
    unplaced: list[Mark] = []
    placed_in: dict[str, int] = {}

    used: set[str] = set()

    def place(line: int, make: Mark) -> None:
        mark_id, count = make.id, 1
        while mark_id in used:
            count += 1
            mark_id = f"{make.id}-{count}"
        used.add(mark_id)
        make = replace(make, id=mark_id)
        index = _segment_of(meeting, line)
        if index is None or segments[index].kind is SegmentKind.METADATA:
            unplaced.append(make)
            return
        # A mark written on the heading itself goes at the start of the text.
        marks[index].append(replace(make, line=max(line, starts[index])))
        placed_in[make.id] = index

    for decision in meeting.decisions:
        links = []
        item = ctx.item_link(meeting, decision.item)
        if item is not None:
            links.append(Link("#" + item.href.rsplit("#", 1)[1], item.text))
        outcome = OUTCOME_TEXT.get(decision.outcome, "") if decision.outcome else ""
        place(
            decision.line,
            Mark(0, "beslut", decision.id, f"Beslut {decision.number}",
                 (outcome,) if outcome else (), tuple(links)),
        )  # fmt: skip
    for action in meeting.action_items:
        place(action.line, _action_mark(ctx, meeting, action, 0))
    for status in meeting.focus_areas:
        slug = slugify(status.name)
        place(
            status.line,
            Mark(0, "fokus", f"fokus-{slug}", "Fokusfråga", (),
                 (Link(urls.focus_area(slug), f"tidslinje: {status.name}"),)),
        )  # fmt: skip

    has_sections = any(s.kind is SegmentKind.SECTION for s in segments)
    views: list[SegmentView] = []
    for index, segment in enumerate(segments):
        if segment.kind is SegmentKind.METADATA:
            continue
        level = 3 if segment.kind is SegmentKind.ITEM and has_sections else 2
        anchor = ""
        attachments: tuple[str, ...] = ()
        related: list[Link] = []
        focus: list[Link] = []
        if segment.kind is SegmentKind.ITEM and segment.item is not None:
            agenda_item = meeting.item(segment.item)
            anchor = (
                agenda_item.anchor if agenda_item else "punkt-" + segment.item.replace(".", "-")
            )
            attachments = agenda_item.attachments if agenda_item else ()
            for decision in meeting.decisions:
                if decision.item == segment.item and placed_in.get(decision.id) != index:
                    related.append(Link(f"#{decision.id}", f"Beslut: {decision.text}"))
            for action in meeting.action_items:
                if action.item == segment.item and placed_in.get(action.id) != index:
                    related.append(Link(f"#{action.id}", f"Åtgärd: {action.text}"))
            for status in meeting.focus_areas:
                placed = placed_in.get(f"fokus-{slugify(status.name)}") == index
                if status.item == segment.item and not placed:
                    focus.append(
                        Link(urls.focus_area(slugify(status.name)), f"Tidslinje: {status.name}")
                    )
        elif segment.kind is SegmentKind.SECTION and segment.heading:
            anchor = "del-" + slugify(segment.heading)
        elif segment.kind is SegmentKind.DECISIONS:
            anchor = "beslutslista"
        elif segment.kind is SegmentKind.ACTIONS:
            anchor = "atgardslista"
        views.append(
            SegmentView(
                kind=segment.kind.value,
                heading=segment.heading or "",
                level=level,
                anchor=anchor,
                text=MarkdownText(
                    segment.markdown,
                    tuple(sorted(marks.get(index, ()), key=lambda m: (m.line, m.id))),
                    min(6, level + 1),
                    segment.body_line,
                ),
                attachments=attachments,
                related=tuple(related),
                focus=tuple(dict.fromkeys(focus)),
            )
        )
    _ensure_unique_anchors(views)

    references = []
    for index, reference in enumerate(meeting.references):
        target = ctx.archive.resolved.get((meeting.id, index))
        description = f"{reference.body} {format_date_value(reference.date)}"
        references.append(
            ReferenceView(reference.text, description,
                          ctx.meeting_link(target) if target else None)
        )  # fmt: skip
    previous, following = ctx.archive.neighbours.get(meeting.id, (None, None))
    body_slug = slugify(meeting.body)
    time = ""
    if meeting.start is not None:
        time = "kl. " + format_time(meeting.start)
        if meeting.end is not None:
            time += "–" + format_time(meeting.end)
    return MeetingView(
        id=meeting.id,
        title=meeting_title(meeting),
        body=Link(urls.body(body_slug), f"Alla möten: {meeting.body}"),
        date=format_date(meeting.date) if meeting.date else "",
        date_iso=meeting.date.isoformat() if meeting.date else "",
        time=time,
        location=meeting.location or "",
        document_type=meeting.document_type or "",
        organisation=meeting.organisation or "",
        chair=_people((meeting.chair,), ctx, True)[0] if meeting.chair else None,
        secretary=_people((meeting.secretary,), ctx, True)[0] if meeting.secretary else None,
        adjusters=_people(meeting.adjusters, ctx, True),
        attendees=_groups(meeting.attendees, ctx),
        guests=_groups(meeting.guests, ctx),
        absent=_groups(meeting.absent, ctx),
        segments=tuple(views),
        unplaced=tuple(unplaced),
        focus=tuple(
            FocusStatusView(
                s.name,
                Link(urls.focus_area(slugify(s.name)), f"Tidslinje för {s.name}"),
                s.status,
                ctx.item_link(meeting, s.item),
                f"fokus-{slugify(s.name)}",
            )
            for s in meeting.focus_areas
        ),
        references=tuple(references),
        cited_by=tuple(ctx.meeting_link(m) for m in ctx.archive.cited_by.get(meeting.id, ())),
        attachments=tuple(
            AttachmentView(note, Link(f"#{item.anchor}", f"punkt {item.number} {item.title}"))
            for item in meeting.items
            for note in item.attachments
        ),
        previous=(
            Link(urls.meeting(previous.id), f"Föregående: {meeting_title(previous)}")
            if previous
            else None
        ),
        next=(
            Link(urls.meeting(following.id), f"Nästa: {meeting_title(following)}")
            if following
            else None
        ),
        source=Link(urls.source(meeting.id), f"Källfilen i Markdown ({meeting.id}.md)"),
        decision_count=len(meeting.decisions),
        action_count=len(meeting.action_items),
        search=meeting_facets(ctx.archive, meeting, ctx.named.get(meeting.id, {})),
    )


def _ensure_unique_anchors(views: list[SegmentView]) -> None:
    """Give a repeated heading anchor a numbered suffix; an id must be unique on the page.

    The suffix has a double dash, which no item number or decision id produces."""
    seen: dict[str, int] = {}
    for index, view in enumerate(views):
        if not view.anchor:
            continue
        count = seen.get(view.anchor, 0)
        seen[view.anchor] = count + 1
        if count:
            views[index] = SegmentView(
                view.kind, view.heading, view.level, f"{view.anchor}--{count + 1}", view.text,
                view.attachments, view.related, view.focus,
            )  # fmt: skip


# --- List pages ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FocusSummary:
    """A focus area and where it stands."""

    name: str
    """Canonical name."""
    href: str
    """Its timeline."""
    latest_status: str
    """The latest status text, or empty."""
    latest: Link | None
    """The meeting of the latest status."""
    latest_date: str
    """Its date in Swedish."""
    latest_date_iso: str
    """Its date ISO."""
    meetings: int
    """How many meetings dealt with it."""


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


@dataclass(frozen=True, slots=True)
class FilterLink:
    """A body to filter the meeting list by."""

    href: str
    """The body's list."""
    text: str
    """The body."""
    count: int
    """Its meetings."""
    current: bool
    """Whether this list is the one shown."""


@dataclass(frozen=True, slots=True)
class YearLink:
    """A year in a year navigation (``<nav aria-label="År">``)."""

    href: str
    """The year's page, or its place on the main page."""
    text: str
    """The year, or ``Utan datum``."""
    count: int
    """What the year holds (meetings, decisions, …)."""
    current: bool
    """Whether the page shown is this year's."""


@dataclass(frozen=True, slots=True)
class YearGroup:
    """Meetings of one year, newest first."""

    year: str
    """The year, or ``Utan datum``."""
    anchor: str
    """Fragment id (``ar-2016``)."""
    meetings: tuple[MeetingRow, ...]
    """The meetings."""


@dataclass(frozen=True, slots=True)
class MeetingsView:
    """All meetings, or the meetings of one body."""

    filters: tuple[FilterLink, ...]
    """Every body, then *all*."""
    years: tuple[YearGroup, ...]
    """Meetings by year, newest first."""
    body: str
    """The body shown, or empty for all."""
    count: int
    """Meetings of the list as a whole (every year)."""
    nav: tuple[YearLink, ...] = ()
    """Every year of the list."""
    main: bool = True
    """The list's main page (newest years), not a year page."""


@dataclass(frozen=True, slots=True)
class DecisionYear:
    """Decisions of one year."""

    year: str
    """The year."""
    anchor: str
    """Fragment id."""
    decisions: tuple[DecisionRow, ...]
    """Newest first."""


@dataclass(frozen=True, slots=True)
class DecisionsView:
    """The decision register."""

    years: tuple[DecisionYear, ...]
    """The year shown (the newest on the main page)."""
    count: int
    """All decisions of the archive."""
    nav: tuple[YearLink, ...] = ()
    """Every year of the register."""
    main: bool = True
    """The register's main page, not a year page."""


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


@dataclass(frozen=True, slots=True)
class Bar:
    """A bar of the activity chart (SVG coordinates precomputed)."""

    x: int
    """Left edge."""
    y: int
    """Top edge."""
    width: int
    """Width."""
    height: int
    """Height."""
    label: str
    """Period (``2016 kv. 2``)."""
    value: int
    """Activity count."""


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """A text label on the chart."""

    x: int
    """Anchor x."""
    y: int
    """Baseline y."""
    text: str
    """The label."""


@dataclass(frozen=True, slots=True)
class ChartRow:
    """A period in the chart's table equivalent."""

    period: str
    """``2016 kv. 2``."""
    meetings: int
    """Meetings that dealt with the area."""
    decisions: int
    """Decisions on it."""
    actions: int
    """Action items on it."""
    total: int
    """The bar's value."""


@dataclass(frozen=True, slots=True)
class Chart:
    """An inline SVG bar chart of activity per quarter, with its table equivalent."""

    width: int
    """SVG width."""
    height: int
    """SVG height."""
    title: str
    """Accessible title."""
    description: str
    """Accessible description summarising the data."""
    bars: tuple[Bar, ...]
    """Bars."""
    x_labels: tuple[AxisLabel, ...]
    """Year labels under the bars."""
    y_labels: tuple[AxisLabel, ...]
    """Value labels."""
    gridlines: tuple[int, ...]
    """y of horizontal gridlines."""
    baseline: int
    """y of the x axis."""
    rows: tuple[ChartRow, ...]
    """The table equivalent."""
    period: str = "kvartal"
    """What a bar counts: ``kvartal``, ``år`` or ``period`` (spans of years)."""


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


@dataclass(frozen=True, slots=True)
class EmptyView:
    """For pages whose template says everything (accessibility statement, 404)."""


# --- Years ----------------------------------------------------------------------

_T = TypeVar("_T")


def year_key(date: dt.date | None) -> str:
    """The year path segment of a date: ``2016``, or ``utan-datum``."""
    return str(date.year) if date else UNDATED


def year_text(key: str) -> str:
    """How a year key is shown: ``2016``, ``Utan datum``."""
    return "Utan datum" if key == UNDATED else key


def year_title(title: str, key: str) -> str:
    """A year page's title: ``Beslut 2016``, ``Beslut utan datum``."""
    return f"{title} utan datum" if key == UNDATED else f"{title} {key}"


def by_year(items: Iterable[tuple[str, _T]]) -> dict[str, list[_T]]:
    """Items grouped by year key in one pass, newest year first and undated last; within a
    year the items keep the order they came in."""
    groups: dict[str, list[_T]] = defaultdict(list)
    for key, item in items:
        groups[key].append(item)
    order = sorted(groups, key=lambda k: (k == UNDATED, -int(k) if k != UNDATED else 0))
    return {key: groups[key] for key in order}


def year_nav(
    counts: Mapping[str, int], year_url: Callable[[str], str], current: str | None = None
) -> tuple[YearLink, ...]:
    """Links to the page of every year of ``counts`` (newest first); ``current`` is the year
    of the page shown (None on a list's main page, which is no year's page)."""
    return tuple(
        YearLink(year_url(key), year_text(key), count, key == current)
        for key, count in counts.items()
    )


def _chart(area: FocusArea) -> Chart | None:
    if not area.entries or any(e.meeting.date is None for e in area.entries):
        dated = [e for e in area.entries if e.meeting.date is not None]
    else:
        dated = list(area.entries)
    if not dated:
        return None
    periods: dict[tuple[int, int], list[int]] = {}
    first = dated[0].meeting.date
    last = dated[-1].meeting.date
    assert first is not None and last is not None
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        periods[(year, quarter)] = [0, 0, 0]
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    for entry in dated:
        date = entry.meeting.date
        assert date is not None
        counts = periods[(date.year, (date.month - 1) // 3 + 1)]
        counts[0] += 1
        counts[1] += len(entry.decisions)
        counts[2] += len(entry.actions)
    period = "kvartal"
    if len(periods) > CHART_MAX_BARS:
        # Years, or spans of years when even those would be too many bars.
        span = -(-(last.year - first.year + 1) // CHART_MAX_BARS)
        period = "år" if span == 1 else "period"
        merged: dict[tuple[int, int], list[int]] = {}
        for (y, _), counts in periods.items():
            start = first.year + (y - first.year) // span * span
            total = merged.setdefault((start, 1), [0, 0, 0])
            for index, value in enumerate(counts):
                total[index] += value
        periods = merged

    def label(y: int, q: int) -> str:
        if period == "kvartal":
            return f"{y} kv. {q}"
        return str(y) if period == "år" else f"{y}–{min(y + span - 1, last.year)}"

    rows = tuple(ChartRow(label(y, q), c[0], c[1], c[2], sum(c)) for (y, q), c in periods.items())
    peak = max(r.total for r in rows) or 1
    # Wide enough to read on a desktop, a fixed slot per quarter beyond that (the SVG scales
    # down on a phone; the table below carries the exact numbers).
    left, top, plot_height = 40, 20, 160
    slot = max(24, min(90, 600 // len(rows)))
    width = left + slot * len(rows) + 10
    baseline = top + plot_height
    bars = []
    x_labels = []
    for index, ((y, q), row) in enumerate(zip(periods, rows, strict=True)):
        height = round(plot_height * row.total / peak)
        x = left + index * slot + slot // 6
        bar_width = slot - 2 * (slot // 6)
        bars.append(Bar(x, baseline - height, bar_width, height, row.period, row.total))
        if period == "kvartal" and slot >= 40:
            x_labels.append(AxisLabel(x, baseline + 16, f"kv. {q}"))
        if period == "kvartal" and (q == 1 or index == 0):
            x_labels.append(AxisLabel(x, baseline + 34, str(y)))
        elif period != "kvartal" and (index % 5 == 0 or slot >= 40):
            # Every fifth year under narrow bars: the labels must not overlap.
            x_labels.append(AxisLabel(x, baseline + 34, str(y)))
    steps = sorted({0, peak, peak // 2} if peak > 1 else {0, 1})
    y_labels = tuple(
        AxisLabel(left - 6, baseline - round(plot_height * s / peak) + 4, str(s)) for s in steps
    )
    busiest = max(rows, key=lambda r: r.total)
    description = (
        f"Stapeldiagram med aktivitet per {period if period != 'period' else 'flerårsperiod'} "
        f"från {rows[0].period} till {rows[-1].period}: "
        f"möten, beslut och åtgärder om {area.name} sammanlagt. "
        f"Mest aktivitet {busiest.period} ({busiest.total})."
    )
    return Chart(
        width=width,
        height=baseline + 42,
        title=f"Aktivitet över tid: {area.name}",
        description=description,
        bars=tuple(bars),
        x_labels=tuple(x_labels),
        y_labels=y_labels,
        gridlines=tuple(baseline - round(plot_height * s / peak) for s in steps),
        baseline=baseline,
        rows=rows,
        period=period,
    )


def _summary(ctx: _Context, area: FocusArea) -> FocusSummary:
    with_status = [e for e in area.entries if e.statuses]
    latest = with_status[-1] if with_status else None
    return FocusSummary(
        name=area.name,
        href=ctx.urls.focus_area(area.slug),
        latest_status=" ".join(s.status for s in latest.statuses) if latest else "",
        latest=ctx.meeting_link(latest.meeting) if latest else None,
        latest_date=format_date(latest.meeting.date) if latest and latest.meeting.date else "",
        latest_date_iso=latest.meeting.date.isoformat() if latest and latest.meeting.date else "",
        meetings=len(area.entries),
    )


def effective_due(track: ActionTrack) -> DateValue | None:
    """The due date as last written; the same words carried on keep the date first set,
    even though a later meeting date resolves a day and month differently."""
    due = track.latest.action.due
    first = track.origin.action.due
    if due is not None and first is not None and due.text == first.text:
        return first
    return due


def _open_sort_key(track: ActionTrack) -> tuple[bool, dt.date, str, str]:
    due = effective_due(track)
    origin = track.origin
    return (due is None, due.end if due else dt.date.min, origin.meeting.id, origin.action.id)


def _attendance_row(
    ctx: _Context, record: Attendance, people: tuple[PersonView, ...]
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


# --- Site search ----------------------------------------------------------------

KIND_MEETING = "Möte"
KIND_DECISION = "Beslut"
KIND_ACTION = "Åtgärd"
"""Values of the search filter ``typ``: what a search result is."""


@dataclass(frozen=True, slots=True)
class SearchFacets:
    """What the site search (Pagefind) files a record under: its filters and sort key."""

    kind: str
    """``Möte``, ``Beslut`` or ``Åtgärd`` (filter ``typ``)."""
    year: str
    """The meeting's year (filter ``år``)."""
    body: str
    """The meeting series (filter ``organ``)."""
    date_iso: str
    """The meeting date, ISO (sort ``datum``)."""
    focus: tuple[str, ...]
    """Focus areas it concerns (filter ``fokusfråga``)."""
    municipalities: tuple[str, ...]
    """Municipalities its text names (filter ``kommun``)."""


@dataclass(frozen=True, slots=True)
class SearchView:
    """The search page: where Pagefind's files are and where to go without JavaScript."""

    bundle: str
    """URL of the folder Pagefind writes its index and UI into."""
    script: str
    """Our small script that carries ``?q=`` into the search box."""
    meetings: Link
    """All meetings, for browsing without search."""
    decisions: Link
    """The decision register, likewise."""


def named_municipalities(archive: Archive) -> dict[str, dict[str, tuple[str, ...]]]:
    """Meeting id → fragment id → the municipalities named there, in configured order."""
    named: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for municipality in archive.municipalities:
        for mention in municipality.mentions:
            named[mention.meeting.id][mention.anchor].append(municipality.name)
    return {
        meeting: {anchor: tuple(names) for anchor, names in anchors.items()}
        for meeting, anchors in named.items()
    }


def search_facets(
    archive: Archive, meeting: Meeting, kind: str, focus: Sequence[str], named: Sequence[str]
) -> SearchFacets:
    """Facets of something from ``meeting``; focus areas and municipalities deduplicated,
    municipalities in configured order so that output does not depend on the text's order."""
    wanted = set(named)
    return SearchFacets(
        kind=kind,
        year=str(meeting.date.year) if meeting.date else "",
        body=meeting.body,
        date_iso=meeting.date.isoformat() if meeting.date else "",
        focus=tuple(dict.fromkeys(focus)),
        municipalities=tuple(m.name for m in archive.municipalities if m.name in wanted),
    )


def meeting_facets(
    archive: Archive, meeting: Meeting, named: Mapping[str, tuple[str, ...]]
) -> SearchFacets:
    """A meeting page's facets: every focus area reported or touched, every municipality
    named anywhere in its minutes."""
    focus = [s.name for s in meeting.focus_areas]
    for decision in meeting.decisions:
        focus += archive.decision_focus.get((meeting.id, decision.id), ())
    for action in meeting.action_items:
        focus += archive.action_focus.get((meeting.id, action.id), ())
    names = [name for names in named.values() for name in names]
    return search_facets(archive, meeting, KIND_MEETING, focus, names)


# --- The site -------------------------------------------------------------------


NAV = (
    ("home", "Start"),
    ("moten", "Möten"),
    ("beslut", "Beslut"),
    ("atgarder", "Åtgärder"),
    ("fokusomraden", "Fokusområden"),
    ("kommuner", "Kommuner"),
    ("personer", "Personer"),
)


def archive_alternates(urls: Urls) -> tuple[Alternate, ...]:
    """The archive-wide feed and calendar."""
    return (
        Alternate(f"{urls.base}feed.xml", "application/atom+xml", "Nya möten (Atom-flöde)"),
        Alternate(f"{urls.base}kalender.ics", "text/calendar",
                  "Kalender med möten och åtgärders slutdatum (iCalendar)"),
    )  # fmt: skip


def site_view(
    urls: Urls, today: dt.date, origin: str | None = None, contact_email: str | None = None
) -> SiteView:
    """The frame shared by every page."""
    hrefs = {
        "home": urls.home(),
        "moten": urls.meetings(),
        "beslut": urls.decisions(),
        "atgarder": urls.actions(),
        "fokusomraden": urls.focus_areas(),
        "kommuner": urls.municipalities(),
        "personer": urls.people(),
    }
    return SiteView(
        name=SITE_NAME,
        base_url=urls.base,
        home=urls.home(),
        stylesheet=urls.static("style.css"),
        nav=tuple(NavItem(hrefs[key], text, key) for key, text in NAV),
        accessibility=urls.accessibility(),
        build_date=format_date(today),
        canonical_root=origin or "",
        alternates=archive_alternates(urls),
        contact_email=contact_email,
    )


def _meeting_description(meeting: Meeting) -> str:
    parts = [f"Minnesanteckningar från {meeting_title(meeting)}"]
    if meeting.location:
        parts[0] += f", {meeting.location}"
    counts = [f"{len(meeting.decisions)} beslut", f"{len(meeting.action_items)} åtgärder"]
    if meeting.focus_areas:
        names = dict.fromkeys(f.name for f in meeting.focus_areas)
        counts.append("fokusfrågor: " + ", ".join(names))
    return f"{parts[0]}: " + "; ".join(counts) + "."


def _meeting_lists(
    ctx: _Context,
    meetings: Sequence[Meeting],
    title: str,
    body: str,
    filters: tuple[FilterLink, ...],
    main: str,
    year_url: Callable[[str], str],
    breadcrumbs: tuple[Link, ...],
    year_filters: Callable[[str], tuple[FilterLink, ...]],
) -> Iterator[Page]:
    """A meeting list: the newest years on its main page, and every year on a page of its own
    (``…/ar/<år>/``), the newest too, so that a year's address never changes."""
    urls = ctx.urls
    grouped = by_year((year_key(m.date), ctx.meeting_row(m)) for m in reversed(meetings))
    counts = {key: len(rows) for key, rows in grouped.items()}
    groups = [YearGroup(year_text(key), f"ar-{key}", tuple(rows)) for key, rows in grouped.items()]
    shown = MEETING_YEARS_ON_LIST
    yield Page(
        output_path(main, urls), "meetings.html", title, "moten",
        MeetingsView(filters, tuple(groups[:shown]), body, len(meetings),
                     year_nav(counts, year_url)),
        breadcrumbs,
    )  # fmt: skip
    for key, group in zip(grouped, groups, strict=True):
        yield Page(
            output_path(year_url(key), urls), "meetings.html", year_title(title, key), "moten",
            MeetingsView(year_filters(key), (group,), body, len(meetings),
                         year_nav(counts, year_url, key), main=False),
            (*breadcrumbs, Link(main, title)),
            description=(
                f"{title} {group.year}: {len(group.meetings)} möten i MalmöLundregionens "
                "mötesarkiv, nyast först."
            ),
        )  # fmt: skip


def _closed_date(track: ActionTrack) -> dt.date | None:
    """When a task was ticked off: the date of that meeting, else of the meeting that set it."""
    closed = track.closed_in
    return closed.date if closed is not None and closed.date else track.origin.meeting.date


def _open_year(track: ActionTrack) -> str:
    """The year page of an open task the action list has no room for: the year of its due
    date (its last day, the date the list sorts by), else the year it was set, so that no
    year page collects every undated task of the archive."""
    due = effective_due(track)
    return year_key(due.end if due else track.origin.meeting.date)


def _action_pages(
    ctx: _Context, open_tracks: Sequence[ActionTrack], open_rows: Sequence[ActionRow], home: Link
) -> Iterator[Page]:
    """The action list (the nearest open tasks and the latest closed ones) and year pages of
    the open tasks beyond it and of every closed task."""
    urls, today = ctx.urls, ctx.today
    shown = OPEN_ACTIONS_ON_LIST
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
        output_path(urls.actions(), urls), "actions.html", "Åtgärder", "atgarder",
        ActionsView(
            tuple(open_rows[:shown]), tuple(done_rows[:DONE_ACTIONS_ON_LIST]), format_date(today),
            overdue, len(open_rows), len(done_rows),
            year_nav(open_counts, urls.open_actions_year),
            year_nav(done_counts, urls.done_actions_year),
        ),
        (home,),
        description=(
            f"Åtgärdslista: {len(open_rows)} öppna och {len(done_rows)} avslutade åtgärder "
            "från MalmöLundregionens möten, med ansvariga och slutdatum."
        ),
        alternates=(
            Alternate(f"{urls.base}kalender.ics", "text/calendar",
                      "Slutdatum för öppna åtgärder i din kalender (iCalendar)"),
            Alternate(f"{urls.base}atgarder.csv", "text/csv", "Åtgärdslistan som kalkylblad (CSV)",
                      advertise=False),
            Alternate(f"{urls.base}api/action-items.json", "application/json",
                      "Åtgärdslistan som öppna data (JSON)", advertise=False),
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
                output_path(year_url(key), urls), "actions_year.html", year_title(title, key),
                "atgarder",
                ActionsYearView(tuple(rows), is_done, text, format_date(today),
                                year_nav(counts, year_url, key), back),
                (home, back),
                description=(
                    f"{year_title(title, key)}: {len(rows)} åtgärder från MalmöLundregionens möten "
                    + ("som avklarades det året." if is_done else f"{what} det året.")
                ),
            )  # fmt: skip


def _focus_area_pages(
    ctx: _Context, area: FocusArea, breadcrumbs: tuple[Link, ...]
) -> Iterator[Page]:
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
        output_path(main, urls), "focus_area.html", area.name, "fokusomraden",
        FocusAreaView(
            area.name, tuple(entries.get(newest, ())), _chart(area), len(area.entries),
            year_text(newest) if newest else "",
            year_nav(counts, year_url),
        ),
        breadcrumbs,
        description=(
            f"Fokusfrågan {area.name}: status, beslut och åtgärder vid "
            f"{len(area.entries)} möten, i tidsordning."
        ),
        alternates=(
            Alternate(f"{main}feed.xml", "application/atom+xml",
                      f"Nytt om {area.name} (Atom-flöde)"),
            Alternate(f"{main}kalender.ics", "text/calendar",
                      f"Möten och slutdatum om {area.name} (iCalendar)"),
        ),
    )  # fmt: skip
    for key in keys:
        text = year_text(key)
        yield Page(
            output_path(year_url(key), urls), "focus_area.html", year_title(area.name, key),
            "fokusomraden",
            FocusAreaView(area.name, tuple(entries[key]), None, len(area.entries), text,
                          year_nav(counts, year_url, key), main=False),
            (*breadcrumbs, Link(main, area.name)),
            description=(
                f"Fokusfrågan {year_title(area.name, key)}: status, beslut och åtgärder vid "
                f"{counts[key]} möten, i tidsordning."
            ),
        )  # fmt: skip


def _municipality_pages(
    ctx: _Context, municipality: Municipality, breadcrumbs: tuple[Link, ...]
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
            PersonView(r.person.name, urls.person(slugify(r.person.name)),
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
    keys = list(counts)
    represented = sum(r.capacity == "representerad" for _, r in rows)
    main = urls.municipality(municipality.slug)

    def year_url(year: str) -> str:
        return urls.municipality_year(municipality.slug, year)

    # (the page's own year, the year it shows): the main page shows the newest year.
    for year, shown in (("", keys[0] if keys else ""), *((key, key) for key in keys)):
        text = year_text(shown) if shown else ""
        yield Page(
            output_path(year_url(year) if year else main, urls), "municipality.html",
            year_title(municipality.name, year) if year else municipality.name, "kommuner",
            MunicipalityView(
                municipality.name, tuple(attendance.get(shown, ())),
                tuple(mentions.get(shown, ())), represented, len(ctx.archive.meetings),
                len(municipality.mentions), text, year_nav(counts, year_url, year or None),
                main=not year,
            ),
            (*breadcrumbs, Link(main, municipality.name)) if year else breadcrumbs,
            description=(
                f"{year_title(municipality.name, year)}: närvaro vid MalmöLundregionens möten "
                "och var kommunen nämns i minnesanteckningarna." if year else ""
            ),
        )  # fmt: skip


def _person_pages(
    ctx: _Context, person: PersonRecord, breadcrumbs: tuple[Link, ...]
) -> Iterator[Page]:
    """A person's attendance in their newest year, and a page for every year."""
    urls = ctx.urls
    roles = tuple(dict.fromkeys(a.person.role for a in person.attendance if a.person.role))
    rows = by_year(
        (year_key(a.meeting.date), _attendance_row(ctx, a, ())) for a in reversed(person.attendance)
    )
    counts = {key: len(year) for key, year in rows.items()}
    keys = list(rows)
    main = urls.person(person.slug)

    def year_url(year: str) -> str:
        return urls.person_year(person.slug, year)

    # (the page's own year, the year it shows): the main page shows the newest year.
    for year, shown in (("", keys[0] if keys else ""), *((key, key) for key in keys)):
        text = year_text(shown) if shown else ""
        yield Page(
            output_path(year_url(year) if year else main, urls), "person.html",
            year_title(person.name, year) if year else person.name, "personer",
            PersonPageView(
                person.name, tuple(rows.get(shown, ())), roles, len(person.attendance), text,
                year_nav(counts, year_url, year or None), main=not year,
            ),
            (*breadcrumbs, Link(main, person.name)) if year else breadcrumbs,
            description=(
                f"{year_title(person.name, year)}: närvaro och roller vid MalmöLundregionens möten."
                if year else ""
            ),
        )  # fmt: skip


def site_pages(archive: Archive, urls: Urls, today: dt.date) -> Iterator[Page]:
    """Every page of the site, each with its view, one at a time."""
    ctx = _Context(archive, urls, today, named_municipalities(archive))
    home = Link(urls.home(), "Start")
    meetings_link = Link(urls.meetings(), "Möten")
    open_tracks = sorted((t for t in archive.tracks if not t.done), key=_open_sort_key)
    open_rows = [ctx.action_row(t) for t in open_tracks]
    focus = tuple(_summary(ctx, area) for area in archive.focus_areas)

    yield Page(
        "index.html", "index.html", "Mötesarkiv för MalmöLundregionen", "home",
        HomeView(
            latest=tuple(ctx.meeting_row(m) for m in reversed(archive.meetings[-LATEST_MEETINGS:])),
            actions=tuple(open_rows[:NEAREST_ACTIONS]),
            focus=focus,
            meeting_count=len(archive.meetings),
            open_count=len(open_rows),
        ),
        description=(
            "Minnesanteckningar från MalmöLundregionens möten: beslut, åtgärder och hur "
            "fokusfrågorna utvecklas från möte till möte."
        ),
        alternates=(
            *archive_alternates(urls),
            Alternate(f"{urls.base}api/meetings.json", "application/json",
                      "Alla möten som öppna data (JSON)", advertise=False),
        ),
    )  # fmt: skip

    filters = [
        FilterLink(urls.body(b.slug), b.name, len(b.meetings), False) for b in archive.bodies
    ]
    all_filter = FilterLink(urls.meetings(), "Alla möten", len(archive.meetings), False)
    # A year page's filters lead to the same year of every body that met that year.
    year_counts = Counter(year_key(m.date) for m in archive.meetings)
    body_counts = {b.slug: Counter(year_key(m.date) for m in b.meetings) for b in archive.bodies}

    def year_filters(year: str, current: str = "") -> tuple[FilterLink, ...]:
        return (
            FilterLink(urls.meetings_year(year), "Alla möten", year_counts[year], not current),
            *(
                FilterLink(urls.body_year(b.slug, year), b.name, body_counts[b.slug][year],
                           b.slug == current)
                for b in archive.bodies
                if body_counts[b.slug][year]
            ),
        )  # fmt: skip

    yield from _meeting_lists(
        ctx, archive.meetings, "Möten", "",
        (FilterLink(all_filter.href, all_filter.text, all_filter.count, True), *filters),
        urls.meetings(), urls.meetings_year, (home,), year_filters,
    )  # fmt: skip
    for body in archive.bodies:
        current = tuple(FilterLink(f.href, f.text, f.count, f.text == body.name) for f in filters)
        yield from _meeting_lists(
            ctx, body.meetings, f"Möten: {body.name}", body.name, (all_filter, *current),
            urls.body(body.slug), functools.partial(urls.body_year, body.slug),
            (home, meetings_link), functools.partial(year_filters, current=body.slug),
        )  # fmt: skip

    for meeting in archive.meetings:
        view = _meeting_view(ctx, meeting)
        yield Page(
            output_path(urls.meeting(meeting.id), urls), "meeting.html", view.title, "moten",
            view, (home, meetings_link, Link(urls.body(slugify(meeting.body)), meeting.body)),
            description=_meeting_description(meeting),
            alternates=(
                Alternate(f"{urls.base}api/meetings/{meeting.id}.json", "application/json",
                          "Mötet som öppna data (JSON)", advertise=False),
                Alternate(urls.source(meeting.id), "text/markdown",
                          "Minnesanteckningarna i Markdown", advertise=False),
            ),
        )  # fmt: skip

    # The register by year, grouped in one pass: every year has its page (so that its address
    # never changes) and the main page shows the newest year again.
    decisions = by_year(
        (year_key(meeting.date), ctx.decision_row(meeting, decision))
        for meeting in reversed(archive.meetings)
        for decision in meeting.decisions
    )
    total = sum(len(rows) for rows in decisions.values())
    counts = {key: len(rows) for key, rows in decisions.items()}
    keys = list(decisions)
    newest = keys[0] if keys else None

    def decision_year(key: str) -> DecisionYear:
        return DecisionYear(year_text(key), f"ar-{key}", tuple(decisions[key]))

    def decisions_nav(current: str | None) -> tuple[YearLink, ...]:
        return year_nav(counts, urls.decisions_year, current)

    yield Page(
        output_path(urls.decisions(), urls), "decisions.html", "Beslut", "beslut",
        DecisionsView(
            (decision_year(newest),) if newest else (), total,
            decisions_nav(None),
        ),
        (home,),
        description=(
            f"Beslutsregister: {total} beslut från MalmöLundregionens möten"
            + (f", här de från {year_text(newest)}" if newest else "")
            + ", nyast först."
        ),
        alternates=(
            Alternate(f"{urls.base}beslut.csv", "text/csv", "Beslutsregistret som kalkylblad (CSV)",
                      advertise=False),
            Alternate(f"{urls.base}api/decisions.json", "application/json",
                      "Beslutsregistret som öppna data (JSON)", advertise=False),
        ),
    )  # fmt: skip
    decisions_link = Link(urls.decisions(), "Beslut")
    for key in keys:
        yield Page(
            output_path(urls.decisions_year(key), urls), "decisions.html",
            year_title("Beslut", key), "beslut",
            DecisionsView((decision_year(key),), total, decisions_nav(key), main=False),
            (home, decisions_link),
            description=(
                f"{year_title('Beslutsregister', key)}: {counts[key]} beslut från "
                "MalmöLundregionens möten, nyast först."
            ),
        )  # fmt: skip

    yield from _action_pages(ctx, open_tracks, open_rows, home)

    focus_link = Link(urls.focus_areas(), "Fokusområden")
    yield Page(
        output_path(urls.focus_areas(), urls), "focus_areas.html", "Fokusområden",
        "fokusomraden", FocusAreasView(focus), (home,),
        description="MalmöLundregionens fokusfrågor och hur var och en har utvecklats över tid.",
    )  # fmt: skip
    for area in archive.focus_areas:
        yield from _focus_area_pages(ctx, area, (home, focus_link))

    municipalities_link = Link(urls.municipalities(), "Kommuner")
    yield Page(
        output_path(urls.municipalities(), urls), "index_list.html", "Kommuner", "kommuner",
        IndexView(tuple(
            IndexRow(urls.municipality(m.slug), m.name,
                     len({a.meeting.id for a in m.attendance if a.capacity != "frånvarande"}),
                     f"{len(m.mentions)} omnämnanden")
            for m in archive.municipalities
        )),
        (home,),
    )  # fmt: skip
    for municipality in archive.municipalities:
        yield from _municipality_pages(ctx, municipality, (home, municipalities_link))

    people_link = Link(urls.people(), "Personer")
    yield Page(
        output_path(urls.people(), urls), "index_list.html", "Personer", "personer",
        IndexView(tuple(
            IndexRow(urls.person(p.slug), p.name, len({a.meeting.id for a in p.attendance}),
                     p.attendance[-1].person.organisation or "")
            for p in sorted(archive.people, key=lambda p: (p.name.casefold(), p.slug))
        )),
        (home,),
    )  # fmt: skip
    for person in archive.people:
        yield from _person_pages(ctx, person, (home, people_link))

    yield Page(
        output_path(urls.accessibility(), urls), "accessibility.html",
        "Tillgänglighetsredogörelse", "tillganglighet", EmptyView(), (home,),
    )  # fmt: skip
    yield Page(
        output_path(urls.search(), urls), "search.html", "Sök i arkivet", "sok",
        SearchView(f"{urls.base}pagefind/", urls.static("sok.js"),
                   Link(urls.meetings(), "Alla möten"), Link(urls.decisions(), "Beslutsregistret")),
        (home,),
        description=(
            "Sök bland minnesanteckningar, beslut och åtgärder från MalmöLundregionens möten."
        ),
    )  # fmt: skip
    yield Page("404.html", "404.html", "Sidan finns inte", "", EmptyView(), (home,))
