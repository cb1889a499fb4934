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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
from .parse.text import slugify as slug_of


@lru_cache(maxsize=65_536)
def slugify(text: str) -> str:
    """A URL slug (see :func:`mlr_minutes.parse.text.slugify`), never empty.  Memoised: the
    same names are slugged for every meeting that lists them."""
    return slug_of(text) or "x"


_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """Text reduced to its words, for recognising the same action in later minutes."""
    return " ".join(_WORD.findall(text.casefold()))


def _names_pattern(names: Iterable[str], genitive: bool = False) -> re.Pattern[str] | None:
    """One regex matching any of ``names`` as whole words, longest first."""
    unique = sorted({n for n in names if n.strip()}, key=lambda n: (-len(n), n))
    if not unique:
        return None
    suffix = "s?" if genitive else ""
    alternatives = "|".join(re.escape(n) for n in unique)
    # The first letters as a class before the alternation: a cheap test at each position
    # that halves the scan of a long text (same matches: the class folds case too).
    first = re.escape("".join(sorted({n[0] for n in unique})))
    return re.compile(rf"(?<!\w)(?=[{first}])(?:{alternatives}){suffix}(?!\w)", re.IGNORECASE)


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


def _meeting_focus(
    meeting: Meeting, names: Mapping[str, str], pattern: re.Pattern[str] | None
) -> _Focused:
    def tagged(
        text: str,
        item: str | None,
        line: int,
        by_item: Mapping[str | None, list[str]],
        spans: Sequence[FocusAreaStatus],
    ) -> tuple[str, ...]:
        # Written inside one focus area's status: that area only; elsewhere in a focus
        # item: every area reported there.
        inside = [s.name for s in spans if s.item == item and s.line <= line < s.end_line]
        found = inside or (list(by_item.get(item, [])) if item is not None else [])
        if pattern is not None:
            for match in pattern.finditer(text):
                found.append(names[match.group(0).casefold()])
        return tuple(dict.fromkeys(found))

    by_item: dict[str | None, list[str]] = defaultdict(list)
    statuses: dict[str, list[FocusAreaStatus]] = defaultdict(list)
    for status in meeting.focus_areas:
        by_item[status.item].append(status.name)
        statuses[status.name].append(status)
    decision_focus = []
    decisions: dict[str, list[Decision]] = defaultdict(list)
    for decision in meeting.decisions:
        text = " ".join((decision.text, *decision.points))
        areas = tagged(text, decision.item, decision.line, by_item, meeting.focus_areas)
        decision_focus.append(((meeting.id, decision.id), areas))
        for area in areas:
            decisions[area].append(decision)
    action_focus = []
    actions: dict[str, list[ActionItem]] = defaultdict(list)
    for action in meeting.action_items:
        areas = tagged(action.text, action.item, action.line, by_item, meeting.focus_areas)
        action_focus.append(((meeting.id, action.id), areas))
        for area in areas:
            actions[area].append(action)
    entries = tuple(
        (area, FocusEntry(meeting, tuple(statuses.get(area, ())),
                          tuple(decisions.get(area, ())), tuple(actions.get(area, ()))))
        for area in dict.fromkeys((*statuses, *decisions, *actions))
    )  # fmt: skip
    return (
        tuple(s.name for s in meeting.focus_areas),
        tuple(decision_focus),
        tuple(action_focus),
        entries,
    )


def _focus(
    meetings: Sequence[Meeting], config: Config
) -> tuple[
    tuple[FocusArea, ...],
    dict[tuple[str, str], tuple[str, ...]],
    dict[tuple[str, str], tuple[str, ...]],
]:
    names = config.focus_area_names()
    pattern = _names_pattern(names)
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
            known = (meeting, _meeting_focus(meeting, names, pattern))
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


def _listed(meeting: Meeting) -> Iterable[tuple[Person, str]]:
    """Everyone listed, members first, so that a chair also listed present counts once."""
    for person in meeting.attendees:
        yield person, "närvarande"
    for person in meeting.guests:
        yield person, "övrig deltagare"
    for person in meeting.absent:
        yield person, "frånvarande"
    if meeting.chair is not None:
        yield meeting.chair, "ordförande"
    for person in meeting.adjusters:
        yield person, "justerare"
    if meeting.secretary is not None:
        yield meeting.secretary, "vid protokollet"


def municipality_of(organisation: str | None, pattern: re.Pattern[str] | None,
                    canonical: Mapping[str, str]) -> str | None:  # fmt: skip
    """The configured municipality an organisation names (``Lunds kommun`` → ``Lund``)."""
    if organisation is None or pattern is None:
        return None
    match = pattern.search(organisation)
    if match is None:
        return None
    word = match.group(0).casefold()
    return canonical.get(word) or canonical.get(word[:-1])


_Listed = tuple[tuple[str | None, str | None, Attendance], ...]
"""A meeting's listed people: (slug of the name, municipality, the attendance record)."""
_Named = tuple[tuple[str, Mention], ...]
"""A meeting's municipality mentions: (municipality, the mention)."""

_SCANNED: dict[tuple[int, tuple[str, ...]], tuple[Meeting, _Listed, _Named]] = {}
"""The last archive's meetings' people and mentions, records made (by the meeting object,
kept alive here so that its id is not reused): the dev server builds the archive after
every save, and all but the edited meeting are the same objects."""


def _scan(meeting: Meeting, pattern: re.Pattern[str] | None,
          canonical: Mapping[str, str]) -> tuple[_Listed, _Named]:  # fmt: skip
    """Who ``meeting`` lists (each named person once) and the municipalities it names."""
    seen_people: set[str] = set()
    listed = []
    for person, capacity in _listed(meeting):
        slug = None
        if person.name is not None:
            slug = slugify(person.name)
            if slug in seen_people:
                continue
            seen_people.add(slug)
        municipality = municipality_of(person.organisation, pattern, canonical)
        listed.append((slug, municipality, Attendance(meeting, person, capacity)))
    if pattern is None:
        return tuple(listed), ()
    places: list[tuple[str | None, str, str, str]] = [
        (None, f"beslut {d.number}: {d.text}", d.id, d.text) for d in meeting.decisions
    ]
    places += [(i.number, i.title, i.anchor, f"{i.title}\n{i.body}") for i in meeting.items]
    named_places = []
    for number, title, anchor, text in places:
        named = {municipality_of(m.group(0), pattern, canonical) for m in pattern.finditer(text)}
        named_places += [(name, Mention(meeting, number, title, anchor))
                         for name in sorted(n for n in named if n is not None)]  # fmt: skip
    return tuple(listed), tuple(named_places)


def _people_and_places(
    meetings: Sequence[Meeting], config: Config
) -> tuple[tuple[Municipality, ...], tuple[PersonRecord, ...]]:
    canonical = {name.casefold(): name for name in config.municipalities}
    pattern = _names_pattern(config.municipalities, genitive=True)
    attendance: dict[str, list[Attendance]] = defaultdict(list)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    people: dict[str, list[Attendance]] = defaultdict(list)
    scanned = {}
    for meeting in meetings:
        key = (id(meeting), config.municipalities)
        known = _SCANNED.get(key)
        if known is None or known[0] is not meeting:
            known = (meeting, *_scan(meeting, pattern, canonical))
        scanned[key] = known
        _, listed, named_places = known
        for slug, municipality, record in listed:
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


def build_archive(meetings: Sequence[Meeting], config: Config) -> Archive:
    """Index ``meetings`` (already ordered by date then id) across the archive."""
    ordered = tuple(sorted(meetings, key=lambda m: (m.date or dt.date.max, m.id)))
    bodies = _bodies(ordered, config)
    resolved, cited_by = _references(ordered, bodies)
    focus_areas, decision_focus, action_focus = _focus(ordered, config)
    tracks, track_of = _tracks(ordered)
    municipalities, people = _people_and_places(ordered, config)
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
