"""Cross-meeting indexes: what the archive knows that no single minutes file does.

Everything here is computed once from the loaded meetings, in time linear in
the size of the archive (dictionaries keyed by id, body, date, slug), so that
rendering any page later only looks up what that page shows.  Nothing here
knows about HTML or URLs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .archive_scan import (
    Focus,
    KeptScans,
    Memo,
    People,
    Places,
    listed,
    municipality_of,
    names_pattern,
    slugify,
)
from .config import Config
from .model import (
    ActionItem,
    DateValue,
    Decision,
    FocusAreaStatus,
    Meeting,
    Person,
    Precision,
    Reference,
)

__all__ = ["municipality_of", "slugify"]


_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """Text reduced to its words, for recognising the same action in later minutes."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class FocusEntry:
    """One meeting's dealings with a focus area: its status and what was decided on it."""

    meeting: Meeting
    """The meeting."""
    statuses: tuple[FocusAreaStatus, ...]
    """What the meeting reported about the area (usually one)."""
    decisions: tuple[Decision, ...]
    """Decisions tagged with the area."""
    actions: tuple[ActionItem, ...]
    """Action items tagged with the area."""


@dataclass(frozen=True, slots=True)
class FocusArea:
    """A focus area and its timeline across the archive."""

    name: str
    """Canonical name."""
    slug: str
    """URL slug of the name."""
    entries: tuple[FocusEntry, ...]
    """Every meeting that dealt with the area, oldest first."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """An action item as it stands in one meeting's minutes."""

    meeting: Meeting
    """The meeting whose minutes list it."""
    action: ActionItem
    """The item as written there."""


@dataclass(frozen=True, slots=True)
class ActionTrack:
    """One task followed from the meeting that set it through the minutes that carried it on."""

    appearances: tuple[Appearance, ...]
    """Every meeting it appears in, oldest first; the first is where it was set."""
    closed_in: Meeting | None
    """The meeting whose minutes ticked it off, or None while it is open."""
    closed_action: ActionItem | None = None
    """The ticked item in those minutes."""

    @property
    def origin(self) -> Appearance:
        """Where the task was first written."""
        return self.appearances[0]

    @property
    def latest(self) -> Appearance:
        """The most recent minutes listing the task (owner and due date as last written)."""
        return self.appearances[-1]

    @property
    def done(self) -> bool:
        """Whether some meeting ticked the task off."""
        return self.closed_in is not None

    @property
    def due(self) -> DateValue | None:
        """The due date as last written; the same words carried on keep the date first set,
        even though a later meeting date resolves a day and month differently."""
        due = self.latest.action.due
        first = self.origin.action.due
        if due is not None and first is not None and due.text == first.text:
            return first
        return due

    def overdue(self, today: dt.date) -> bool:
        """Open and past its due date as of ``today``."""
        return not self.done and past_due(self.due, today)


def past_due(due: DateValue | None, today: dt.date) -> bool:
    """Whether the last day of ``due`` is before ``today`` (never, without a due date)."""
    return due is not None and due.end < today


@dataclass(frozen=True, slots=True)
class Attendance:
    """A person's part in one meeting."""

    meeting: Meeting
    """The meeting."""
    person: Person
    """The person as listed there (organisation and role as written that day)."""
    capacity: str
    """Swedish: ``närvarande``, ``övrig deltagare``, ``frånvarande``, ``justerare``,
    ``ordförande``, ``vid protokollet``."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in a meeting's minutes where a municipality is named."""

    meeting: Meeting
    """The meeting."""
    item_number: str | None
    """The agenda item whose title or text names it, or None for a decision."""
    item_title: str
    """Title of that item (or ``beslut 2: …`` for a decision)."""
    anchor: str
    """Fragment id on the meeting page."""


@dataclass(frozen=True, slots=True)
class Municipality:
    """A member municipality: who attended for it and where it was talked about."""

    name: str
    """Name as configured."""
    slug: str
    """URL slug."""
    attendance: tuple[Attendance, ...]
    """Everyone listed for the municipality, meeting by meeting, oldest first."""
    mentions: tuple[Mention, ...]
    """Where minutes name the municipality, oldest first."""


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Everything the archive knows about one named person."""

    name: str
    """Name as most recently written."""
    slug: str
    """URL slug of the name (people with the same name share a record)."""
    attendance: tuple[Attendance, ...]
    """Every listing of the person, oldest first."""


@dataclass(frozen=True, slots=True)
class Body:
    """A meeting series (*Kommundirektörmöte*, *Styrelsemöte*)."""

    name: str
    """Canonical name."""
    slug: str
    """URL slug."""
    meetings: tuple[Meeting, ...]
    """Its meetings, oldest first."""


@dataclass(frozen=True, slots=True)
class Archive:
    """Every meeting and the indexes across them."""

    meetings: tuple[Meeting, ...]
    """All meetings, oldest first."""
    bodies: tuple[Body, ...]
    """Meeting series, configured ones in configured order, then others by name."""
    neighbours: Mapping[str, tuple[Meeting | None, Meeting | None]]
    """Meeting id → (previous, next) meeting of the same body."""
    resolved: Mapping[tuple[str, int], Meeting]
    """(meeting id, index into its references) → the meeting referred to, when archived."""
    cited_by: Mapping[str, tuple[Meeting, ...]]
    """Meeting id → later (or earlier) meetings whose minutes refer to it."""
    decision_focus: Mapping[tuple[str, str], tuple[str, ...]]
    """(meeting id, decision id) → canonical names of the focus areas it concerns."""
    action_focus: Mapping[tuple[str, str], tuple[str, ...]]
    """(meeting id, action id) → canonical names of the focus areas it concerns."""
    focus_areas: tuple[FocusArea, ...]
    """Every focus area, configured order first."""
    tracks: tuple[ActionTrack, ...]
    """Every task followed across meetings, in order of first appearance."""
    track_of: Mapping[tuple[str, str], ActionTrack]
    """(meeting id, action id) → the track the action belongs to."""
    municipalities: tuple[Municipality, ...]
    """Member municipalities in configured order."""
    people: tuple[PersonRecord, ...]
    """Every named person, by slug."""

    def focus_slug(self, name: str) -> str:
        """The slug of the focus area called ``name``."""
        return slugify(name)


def _neighbours(bodies: Sequence[Body]) -> dict[str, tuple[Meeting | None, Meeting | None]]:
    result: dict[str, tuple[Meeting | None, Meeting | None]] = {}
    for body in bodies:
        series = body.meetings
        for index, meeting in enumerate(series):
            before = series[index - 1] if index > 0 else None
            after = series[index + 1] if index + 1 < len(series) else None
            result[meeting.id] = (before, after)
    return result


def _bodies(meetings: Sequence[Meeting], config: Config) -> tuple[Body, ...]:
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_body[meeting.body].append(meeting)
    order = [name for name in config.bodies if name in by_body]
    order += sorted(name for name in by_body if name not in config.bodies)
    return tuple(Body(name, slugify(name), tuple(by_body[name])) for name in order)


def _resolve(
    reference: Reference, dated: Mapping[str, tuple[list[dt.date], list[Meeting]]]
) -> Meeting | None:
    """The archived meeting of the reference's body on (or, for vaguer dates, within) its date."""
    series = dated.get(reference.body)
    if series is None:
        return None
    dates, meetings = series
    start = bisect.bisect_left(dates, reference.date.start)
    stop = bisect.bisect_right(dates, reference.date.end)
    candidates = meetings[start:stop]
    if reference.date.precision is Precision.DAY or len(candidates) == 1:
        return candidates[0] if candidates else None
    return None


def _references(
    meetings: Sequence[Meeting], bodies: Sequence[Body]
) -> tuple[dict[tuple[str, int], Meeting], dict[str, tuple[Meeting, ...]]]:
    dated = {
        body.name: (
            [m.date for m in body.meetings if m.date is not None],
            [m for m in body.meetings if m.date is not None],
        )
        for body in bodies
    }
    resolved: dict[tuple[str, int], Meeting] = {}
    citing: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        for index, reference in enumerate(meeting.references):
            target = _resolve(reference, dated)
            if target is None or target.id == meeting.id:
                continue
            resolved[(meeting.id, index)] = target
            if not citing[target.id] or citing[target.id][-1] is not meeting:
                citing[target.id].append(meeting)
    return resolved, {key: tuple(value) for key, value in citing.items()}


_Focused = tuple[
    tuple[str, ...],
    tuple[tuple[tuple[str, str], tuple[str, ...]], ...],
    tuple[tuple[tuple[str, str], tuple[str, ...]], ...],
    tuple[tuple[str, "FocusEntry"], ...],
]
"""One meeting's focus areas: the status names in order, the areas of each decision and
of each action item, and its entry in each area's timeline."""

_FOCUSED: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Meeting, _Focused]] = {}
"""The last archive's meetings' focus areas (kept as :data:`_SCANNED` is)."""


def _meeting_focus(meeting: Meeting, found: Focus) -> _Focused:
    """The records of a meeting's focus areas, from its scan."""
    status_names, decided, acted, timeline = found
    decisions, actions, statuses = meeting.decisions, meeting.action_items, meeting.focus_areas
    return (
        status_names,
        tuple(((meeting.id, decisions[i].id), areas) for i, areas in decided),
        tuple(((meeting.id, actions[i].id), areas) for i, areas in acted),
        tuple(
            (area, FocusEntry(meeting, tuple(statuses[i] for i in shown),
                              tuple(decisions[i] for i in tagged_decisions),
                              tuple(actions[i] for i in tagged_actions)))
            for area, shown, tagged_decisions, tagged_actions in timeline
        ),
    )  # fmt: skip


def _focus(
    meetings: Sequence[Meeting], config: Config, kept: KeptScans
) -> tuple[
    tuple[FocusArea, ...],
    dict[tuple[str, str], tuple[str, ...]],
    dict[tuple[str, str], tuple[str, ...]],
]:
    names = config.focus_area_names()
    pattern = names_pattern(names)
    order = list(config.focus_areas)
    entries: dict[str, list[FocusEntry]] = defaultdict(list)
    decision_focus: dict[tuple[str, str], tuple[str, ...]] = {}
    action_focus: dict[tuple[str, str], tuple[str, ...]] = {}
    names_key = tuple(names.items())
    focused = {}
    for meeting in meetings:
        key = (id(meeting), names_key)
        known = _FOCUSED.get(key)
        if known is None or known[0] is not meeting:
            known = (meeting, _meeting_focus(meeting, kept.focus(meeting, names, pattern)))
        focused[key] = known
        status_names, decided, acted, timeline = known[1]
        for name in status_names:
            if name not in order:
                order.append(name)
        decision_focus.update(decided)
        action_focus.update(acted)
        for area, entry in timeline:
            entries[area].append(entry)
    _FOCUSED.clear()
    _FOCUSED.update(focused)
    return (
        tuple(FocusArea(name, slugify(name), tuple(entries.get(name, ()))) for name in order),
        decision_focus,
        action_focus,
    )


def _tracks(
    meetings: Sequence[Meeting],
) -> tuple[tuple[ActionTrack, ...], dict[tuple[str, str], ActionTrack]]:
    """Follow tasks across minutes: the same words (or the task's ``id``) continue a track.

    Only tasks written as tasks are carried: a sentence read out of prose
    (*Avrapportering till styrelsen*) recurs for years without being one task.
    """
    open_tracks: dict[str, list[Appearance]] = {}
    by_qualified_id: dict[str, str] = {}
    order: list[list[Appearance]] = []
    closed: dict[int, Appearance] = {}
    for meeting in meetings:
        for action in meeting.action_items:
            if action.inferred:
                order.append([Appearance(meeting, action)])
                if action.done:
                    closed[id(order[-1])] = order[-1][0]
                continue
            key = normalise_text(action.text)
            qualified = re.search(r"\b(\d{4}-\d{2}-\d{2}-[a-z0-9-]+#atgard-\d+)\b", action.text)
            if qualified and qualified.group(1) in by_qualified_id:
                key = by_qualified_id[qualified.group(1)]
            current = open_tracks.get(key)
            if current is not None and current[-1].meeting is meeting:
                # The same words twice in one meeting are two tasks, not a carried one.
                current = None
            if current is None:
                current = []
                order.append(current)
                open_tracks[key] = current
                by_qualified_id[f"{meeting.id}#{action.id}"] = key
            current.append(Appearance(meeting, action))
            if action.done and id(current) not in closed:
                closed[id(current)] = current[-1]
                # A later task with the same words is new work, not this one again.
                del open_tracks[key]
    tracks: list[ActionTrack] = []
    track_of: dict[tuple[str, str], ActionTrack] = {}
    for appearances in order:
        closing = closed.get(id(appearances))
        track = ActionTrack(
            tuple(appearances),
            closing.meeting if closing else None,
            closing.action if closing else None,
        )
        tracks.append(track)
        for appearance in appearances:
            track_of[(appearance.meeting.id, appearance.action.id)] = track
    return tuple(tracks), track_of


_Listed = tuple[tuple[str | None, str | None, Attendance], ...]
"""A meeting's listed people: (slug of the name, municipality, the attendance record)."""
_Named = tuple[tuple[str, Mention], ...]
"""A meeting's municipality mentions: (municipality, the mention)."""

_SCANNED: dict[tuple[int, tuple[str, ...]], tuple[Meeting, _Listed, _Named]] = {}
"""The last archive's meetings' people and mentions, records made (by the meeting object,
kept alive here so that its id is not reused): the dev server builds the archive after
every save, and all but the edited meeting are the same objects."""


def _scan(meeting: Meeting, found: tuple[People, Places]) -> tuple[_Listed, _Named]:
    """The records of who ``meeting`` lists and the municipalities it names, from its scan."""
    people, places = found
    everyone = list(listed(meeting)) if people else []
    return (
        tuple((slug, place, Attendance(meeting, *everyone[i])) for slug, place, i in people),
        tuple(
            (name, Mention(meeting, number, title, anchor))
            for name, number, title, anchor in places
        ),
    )


def _people_and_places(
    meetings: Sequence[Meeting], config: Config, kept: KeptScans
) -> tuple[tuple[Municipality, ...], tuple[PersonRecord, ...]]:
    canonical = {name.casefold(): name for name in config.municipalities}
    pattern = names_pattern(config.municipalities, genitive=True)
    attendance: dict[str, list[Attendance]] = defaultdict(list)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    people: dict[str, list[Attendance]] = defaultdict(list)
    scanned = {}
    for meeting in meetings:
        key = (id(meeting), config.municipalities)
        known = _SCANNED.get(key)
        if known is None or known[0] is not meeting:
            known = (meeting, *_scan(meeting, kept.people(meeting, pattern, canonical)))
        scanned[key] = known
        _, listing, named_places = known
        for slug, municipality, record in listing:
            if slug is not None:
                people[slug].append(record)
            if municipality is not None:
                attendance[municipality].append(record)
        for name, mention in named_places:
            mentions[name].append(mention)
    _SCANNED.clear()
    _SCANNED.update(scanned)
    municipalities = tuple(
        Municipality(name, slugify(name), tuple(attendance.get(name, ())),
                     tuple(mentions.get(name, ())))
        for name in config.municipalities
    )  # fmt: skip
    records = tuple(
        PersonRecord(listing[-1].person.name or slug, slug, tuple(listing))
        for slug, listing in sorted(people.items())
    )
    return municipalities, records


def build_archive(
    meetings: Sequence[Meeting],
    config: Config,
    memo: Memo | None = None,
    variant: str = "",
) -> Archive:
    """Index ``meetings`` (already ordered by date then id) across the archive; ``memo``
    (the build cache's) keeps what each meeting's own scan found for the next build, by
    its file and bytes and ``variant`` (how the meetings were parsed)."""
    ordered = tuple(sorted(meetings, key=lambda m: (m.date or dt.date.max, m.id)))
    bodies = _bodies(ordered, config)
    resolved, cited_by = _references(ordered, bodies)
    # The whole configuration, not only the names scanned for: it decides the parse, and
    # so the meeting the file and bytes stand for.
    kept = KeptScans(memo, variant, repr(config))
    focus_areas, decision_focus, action_focus = _focus(ordered, config, kept)
    tracks, track_of = _tracks(ordered)
    municipalities, people = _people_and_places(ordered, config, kept)
    return Archive(
        meetings=ordered,
        bodies=bodies,
        neighbours=_neighbours(bodies),
        resolved=resolved,
        cited_by=cited_by,
        decision_focus=decision_focus,
        action_focus=action_focus,
        focus_areas=focus_areas,
        tracks=tracks,
        track_of=track_of,
        municipalities=municipalities,
        people=people,
    )
