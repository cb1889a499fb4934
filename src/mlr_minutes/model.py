"""The core data model: what one minutes file says, located in its source.

Every object that the parser extracts carries the line it was found on, so
that a diagnostic, a page anchor or an API consumer can point back at the
Markdown the coordinator wrote.  Everything here is immutable; the parser
builds these once and every later stage only reads them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum


class Level(StrEnum):
    """How serious a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in a minutes file, reported rather than raised."""

    level: Level
    """Error (the file cannot be trusted) or warning (something is guessed)."""
    path: str
    """The file the problem is in, as given on the command line."""
    line: int | None
    """1-based line of the problem, or None when it concerns the whole file."""
    code: str
    """A stable English identifier such as ``missing-date``, documented in the writing guide."""
    message: str
    """What is wrong, in Swedish, for the coordinator."""
    hint: str | None = None
    """How to fix it, in Swedish; None when the message says it all."""

    def format(self) -> str:
        """Render as ``path:line: level: message`` (plus the hint), like a compiler."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        text = f"{where}: {self.level.value}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hjälp: {self.hint}"
        return text


@dataclass(frozen=True, slots=True)
class Tally:
    """How many of some diagnostics are errors and how many are warnings: every command
    counts, reports and decides its exit status from this one count."""

    errors: int
    """Error diagnostics."""
    warnings: int
    """Warning diagnostics."""

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic]) -> Tally:
        """Count ``diagnostics``."""
        levels = Counter(d.level for d in diagnostics)
        return cls(levels[Level.ERROR], levels[Level.WARNING])

    def fails(self, strict: bool = False) -> bool:
        """Whether they fail a run: any error, or under ``--strict`` any warning too."""
        return self.errors > 0 or (strict and self.warnings > 0)

    def __str__(self) -> str:
        return f"{self.errors} fel, {self.warnings} varningar"


class Precision(StrEnum):
    """How precisely a written date pins down a day."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"
    YEAR = "year"
    NEXT_MEETING = "next-meeting"
    """Due at the next meeting, whose date this file does not give (the archive may)."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as Swedish minutes write it (``24 maj``, ``vecka 42``, ``i juni``), resolved."""

    start: dt.date
    """The first day the phrase covers."""
    end: dt.date
    """The last day the phrase covers (equal to start for a single day)."""
    precision: Precision
    """Whether the phrase named a day, an ISO week, a month, a span of days or a year."""
    text: str
    """The phrase as it was written."""

    @property
    def iso(self) -> str:
        """ISO 8601 at the phrase's own precision: ``2016-05-03``, ``2016-W42``, ``2016-06``,
        ``2016-09-08/2016-09-09``, ``2016``; ``next-meeting`` when due at a meeting whose
        date is not known here."""
        if self.precision is Precision.DAY:
            return self.start.isoformat()
        if self.precision is Precision.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision is Precision.YEAR:
            return f"{self.start.year:04d}"
        if self.precision is Precision.NEXT_MEETING:
            return "next-meeting"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named in the minutes: an attendee, guest, chair, secretary, owner."""

    name: str | None
    """The name as written, whitespace normalised; None for an organisation listed as
    present without a person (*Närvarande: Skatteverket, Bolagsverket*)."""
    organisation: str | None
    """The municipality or body they represent (``Malmö``, ``Region Skåne``)."""
    role: str | None
    """Their role at the meeting or in the organisation (``ordförande``, ``koordinator``)."""
    line: int
    """1-based source line where they are listed."""
    party: str | None = None
    """The party code written after a politician's name (``S``, ``M``, ``SD``)."""
    note: str | None = None
    """An attendance note as written (``§§ 131-136``, ``deltar ej § 5 p.g.a. jäv``)."""

    @property
    def label(self) -> str:
        """The name, or the organisation when no person is named."""
        return self.name or self.organisation or ""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """A numbered point on the agenda (*dagordningspunkt*) and its text."""

    number: str
    """The number as written, without decoration: ``3``, ``22`` (from ``§ 22``), ``3.1``."""
    title: str
    """The heading text without the number and without an attachment note."""
    section: str | None
    """The section heading above it (*Besluts- och diskussionspunkter*, *Informationspunkter*)."""
    attachments: tuple[str, ...]
    """Attachment notes as written (``bilaga bifogas``, ``Bilaga 2``)."""
    line: int
    """1-based line of the item's heading."""
    body: str
    """The item's Markdown text below its heading, as written."""
    body_line: int
    """1-based line where ``body`` starts."""
    diary_number: str | None = None
    """The matter's diary number (*diarienummer*, ``Dnr KS 2023/145`` → ``KS 2023/145``)."""
    numbered: bool = True
    """False for a heading made an item because the file numbers none: its number is
    its place in the file, not something the minutes wrote."""

    @property
    def anchor(self) -> str:
        """The HTML fragment id of the item on its meeting page (``punkt-3``, ``punkt-3-1``)."""
        return "punkt-" + self.number.replace(".", "-")


class Outcome(StrEnum):
    """What a decision did with the matter, where the minutes say so."""

    APPROVED = "approved"
    NOTED = "noted"
    TABLED = "tabled"
    REJECTED = "rejected"
    REFERRED_BACK = "referred_back"
    ELECTED = "elected"


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision (*beslut*) taken at the meeting."""

    id: str
    """Stable within the meeting and usable as an HTML anchor: ``beslut-1``."""
    text: str
    """The decision in plain text (inline Markdown removed)."""
    points: tuple[str, ...]
    """Sub-points written nested under the decision, kept with it in order."""
    item: str | None
    """Number of the agenda item it belongs to, or None when it could not be tied to one."""
    outcome: Outcome | None
    """Approved, noted, tabled, … where the wording says so."""
    line: int
    """1-based source line."""
    number: int
    """Its number within the meeting, counted from 1 in source order (``Beslut 1``)."""


@dataclass(frozen=True, slots=True)
class ActionItem:
    """Something someone is to do (*åtgärd*, *uppdrag*), with an owner and a due date when known."""

    id: str
    """Stable within the meeting and usable as an HTML anchor: ``atgard-1``."""
    text: str
    """The task in plain text."""
    owners: tuple[str, ...]
    """Who is responsible: a role (``koordinatorn``), a person, a municipality or a group."""
    due: DateValue | None
    """When it is due, resolved against the meeting date."""
    done: bool
    """True when ticked off (``- [x]``) or marked done."""
    inferred: bool
    """True when read out of prose rather than written with explicit markup."""
    item: str | None
    """Number of the agenda item it belongs to, or None."""
    line: int
    """1-based source line."""
    number: int
    """Its number within the meeting, counted from 1 in source order (``Åtgärd 1``)."""


@dataclass(frozen=True, slots=True)
class FocusAreaStatus:
    """What the meeting said about one focus area (*fokusfråga*)."""

    name: str
    """The canonical name of the focus area (aliases resolved)."""
    written_name: str
    """The name as the minutes wrote it."""
    status: str
    """The status text for this meeting, plain text, sub-points included."""
    item: str | None
    """Number of the agenda item it was reported under."""
    line: int
    """1-based source line."""
    end_line: int = 0
    """1-based line just past the status text, so that a decision or action written inside
    it can be told apart from its neighbours' (0 when unknown)."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention of another meeting (*kommundirektörmötet 22 mars*, *styrelsen 24 maj*)."""

    body: str
    """The meeting body referred to, canonical (``Kommundirektörmöte``, ``Styrelsemöte``)."""
    date: DateValue
    """The referred meeting's date, resolved against this meeting's date."""
    text: str
    """The words of the mention as written."""
    line: int
    """1-based source line of the first mention."""


class SegmentKind(StrEnum):
    """What part of the minutes a segment of the source is."""

    TITLE = "title"
    METADATA = "metadata"
    DECISIONS = "decisions"
    ACTIONS = "actions"
    SECTION = "section"
    ITEM = "item"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Segment:
    """A consecutive stretch of the source, so that pages can show every word in order."""

    kind: SegmentKind
    """What the stretch is."""
    heading: str | None
    """Its heading's text (inline Markdown kept), or None for text without a heading."""
    markdown: str
    """The Markdown below the heading, as written."""
    line: int
    """1-based line of the heading, or of the first line when there is none."""
    body_line: int
    """1-based line where ``markdown`` starts."""
    item: str | None = None
    """For an ITEM segment: the agenda item number."""


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting, as its minutes file describes it."""

    id: str
    """``2016-04-19-kommundirektormote``: the date and a slug of the body."""
    source: str
    """Path of the minutes file as read."""
    title: str | None
    """The title heading (``Kommundirektörmöte MalmöLundregionen``)."""
    body: str
    """The meeting series: ``Kommundirektörmöte``, ``Styrelsemöte``, …"""
    organisation: str | None
    """Whose meeting it is (``MalmöLundregionen``)."""
    document_type: str | None
    """``Minnesanteckningar``, ``Protokoll``, …"""
    date: dt.date | None
    """The meeting date; None only when no source gave one (an error is reported)."""
    start: dt.time | None
    """Start time."""
    end: dt.time | None
    """End time."""
    location: str | None
    """Where the meeting was held."""
    chair: Person | None
    """The chair (*ordförande*)."""
    secretary: Person | None
    """Who wrote the minutes (*vid protokollet*, *sekreterare*)."""
    attendees: tuple[Person, ...]
    """Members present (*närvarande*)."""
    guests: tuple[Person, ...]
    """Others present (*övriga deltagare*, *adjungerade*)."""
    absent: tuple[Person, ...]
    """Members absent (*frånvarande*, *anmält förhinder*)."""
    adjusters: tuple[Person, ...]
    """Who checks the minutes (*justerare*)."""
    items: tuple[AgendaItem, ...]
    """The agenda items in source order."""
    decisions: tuple[Decision, ...]
    """Decisions in source order."""
    action_items: tuple[ActionItem, ...]
    """Action items in source order."""
    focus_areas: tuple[FocusAreaStatus, ...]
    """Focus-area statuses in source order."""
    references: tuple[Reference, ...]
    """Other meetings mentioned, one per meeting referred to."""
    segments: tuple[Segment, ...]
    """The whole source cut into ordered stretches, for rendering without loss."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """Problems found while parsing this file."""
    digest: str = ""
    """SHA-256 of the source file's bytes as parsed, so that what is published beside the
    page is exactly what was read."""

    def item(self, number: str) -> AgendaItem | None:
        """The agenda item with this number, if any."""
        for candidate in self.items:
            if candidate.number == number:
                return candidate
        return None


def _fast_state(cls: type) -> None:
    """Give a slotted frozen dataclass a pickle state that is quick to restore.

    The build cache keeps every meeting pickled (millions of these objects in a large
    archive), and the ``__setstate__`` that ``dataclasses`` generates for slotted classes
    looks the fields up again for every object: most of the time of reading the cache.
    The state stays the same list of field values, in field order; only the field names'
    lookup is done once, here, and each value is set through its slot directly (the class
    is frozen, so its own ``__setattr__`` refuses)."""
    names = tuple(f.name for f in fields(cls))
    setters = tuple(getattr(cls, name).__set__ for name in names)

    def __getstate__(self: object) -> list[object]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: object, state: list[object]) -> None:
        for set_slot, value in zip(setters, state, strict=True):
            set_slot(self, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (a method, not a field)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010


for _class in (Diagnostic, Tally, DateValue, Person, AgendaItem, Decision, ActionItem,
               FocusAreaStatus, Reference, Segment, Meeting):  # fmt: skip
    _fast_state(_class)
