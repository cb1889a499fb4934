"""The view data several page families show: links, the page and its frame, rows of lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Meeting


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
    organisation: str
    """Whose minutes these are (``MalmöLundregionen``)."""
    organisation_genitive: str
    """The same as a Swedish genitive (``MalmöLundregionens``), for *…s möten*."""
    base_url: str
    """Normalised base URL."""
    home: str
    """Start page URL."""
    stylesheet: str
    """Stylesheet URL."""
    favicon: str
    """The site icon's URL."""
    search: str
    """The search page, where the header's search box submits to."""
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
    opensearch: str = ""
    """The OpenSearch description every page links to (``rel="search"``)."""


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
class PageGroup:
    """Pages of a family that are built from the same inputs (a person's main page and
    year pages): when those inputs are the last build's, the pages are linked from the
    previous site without building their views (:meth:`mlr_minutes.reuse.PageReuse.group`)."""

    key: str
    """Names the group across builds (``personer/anna-berg``)."""
    inputs: str | None
    """Everything its pages are built from besides the page frame and the settings
    (configuration, build date), as a string; None when that is not cheaper to say than
    the views themselves (an index of all people): the pages are then built, and each
    linked only when its view is unchanged."""
    pages: Callable[[], Iterator[Page]]
    """Builds the pages, in the order a cold build writes them."""


@dataclass(frozen=True, slots=True)
class Kept:
    """Rows of a page that the renderer may keep, as rendered, from one build to the next
    (``keep`` in the templates, :class:`mlr_minutes.render.Renderer`): the rows are built
    only when they must be rendered.  ``key`` names everything they show (their meetings'
    files and bytes, the configuration, the site's address), so the view's ``repr``, which
    decides whether a page changed, shows the key and not the rows."""

    key: str
    """Everything the rows show, as a digest."""
    count: int
    """How many rows."""
    make: Callable[[], tuple[Any, ...]] = field(repr=False, compare=False)
    """Builds the rows (once)."""


def meeting_key(meeting: Meeting) -> str:
    """What decides everything a page shows of ``meeting``: its file and bytes (as for the
    parse cache; the configuration is in the settings every page is keyed with)."""
    return f"{meeting.source}\0{meeting.digest}"


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
    """Later meetings whose minutes carried it (the latest, as many as configured)."""
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


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person on a meeting page or in a record."""

    name: str
    """Name, or the organisation (or *utan namn*) when the minutes name no person."""
    href: str | None
    """Their page; None for an organisation listed without a person."""
    detail: str


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
