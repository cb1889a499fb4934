"""What the archive's indexes read of each meeting on its own, in a compact form that a
build can keep for the next (:mod:`.archive` makes the records from it).

Who a meeting lists, which municipalities and focus areas its text names, follow from the
meeting alone (and the configured names): found once, they are kept by the build cache
under the meeting's file and bytes, so that a build after one edit scans one meeting, not
the archive.  The compact form holds names and positions in the meeting, never the
meeting's own objects, so the records made from it are those a fresh scan makes.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol

from .model import FocusAreaStatus, Meeting, Person
from .parse.text import slugify as slug_of


class Memo(Protocol):
    """Serialised parts kept from one build to the next (the build cache's
    :class:`~mlr_minutes.outputs.memo.OutputMemo`, which this layer does not import)."""

    def get(self, key: str) -> bytes | None:
        """The part under ``key``, None when it must be made."""

    def put(self, key: str, data: bytes) -> None:
        """Keep a part just made."""


@lru_cache(maxsize=65_536)
def slugify(text: str) -> str:
    """A URL slug (see :func:`mlr_minutes.parse.text.slugify`), never empty.  Memoised: the
    same names are slugged for every meeting that lists them."""
    return slug_of(text) or "x"


def names_pattern(names: Iterable[str], genitive: bool = False) -> re.Pattern[str] | None:
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


def listed(meeting: Meeting) -> Iterable[tuple[Person, str]]:
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


People = tuple[tuple[str | None, str | None, int], ...]
"""(slug of the name, municipality, position in :func:`listed`) of each person counted."""
Places = tuple[tuple[str, str | None, str, str], ...]
"""(municipality, agenda item number, title, anchor) of each place naming a municipality."""


def scan_people(meeting: Meeting, pattern: re.Pattern[str] | None,
                canonical: Mapping[str, str]) -> tuple[People, Places]:  # fmt: skip
    """Who ``meeting`` lists (each named person once) and the municipalities it names."""
    seen_people: set[str] = set()
    people = []
    for position, (person, _) in enumerate(listed(meeting)):
        slug = None
        if person.name is not None:
            slug = slugify(person.name)
            if slug in seen_people:
                continue
            seen_people.add(slug)
        people.append((slug, municipality_of(person.organisation, pattern, canonical), position))
    if pattern is None:
        return tuple(people), ()
    places: list[tuple[str | None, str, str, str]] = [
        (None, f"beslut {d.number}: {d.text}", d.id, d.text) for d in meeting.decisions
    ]
    places += [(i.number, i.title, i.anchor, f"{i.title}\n{i.body}") for i in meeting.items]
    named_places = []
    for number, title, anchor, text in places:
        named = {municipality_of(m.group(0), pattern, canonical) for m in pattern.finditer(text)}
        named_places += [(name, number, title, anchor)
                         for name in sorted(n for n in named if n is not None)]  # fmt: skip
    return tuple(people), tuple(named_places)


Focus = tuple[
    tuple[str, ...],
    tuple[tuple[int, tuple[str, ...]], ...],
    tuple[tuple[int, tuple[str, ...]], ...],
    tuple[tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...]], ...],
]
"""A meeting's focus areas: the status names in order, the areas of each decision and of
each action item (by position), and per area the positions of its statuses, decisions and
action items."""


def scan_focus(meeting: Meeting, names: Mapping[str, str],
               pattern: re.Pattern[str] | None) -> Focus:  # fmt: skip
    """The focus areas ``meeting`` reports on and tags its decisions and actions with."""

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
    statuses: dict[str, list[int]] = defaultdict(list)
    for index, status in enumerate(meeting.focus_areas):
        by_item[status.item].append(status.name)
        statuses[status.name].append(index)
    decision_focus = []
    decisions: dict[str, list[int]] = defaultdict(list)
    for index, decision in enumerate(meeting.decisions):
        text = " ".join((decision.text, *decision.points))
        areas = tagged(text, decision.item, decision.line, by_item, meeting.focus_areas)
        decision_focus.append((index, areas))
        for area in areas:
            decisions[area].append(index)
    action_focus = []
    actions: dict[str, list[int]] = defaultdict(list)
    for index, action in enumerate(meeting.action_items):
        areas = tagged(action.text, action.item, action.line, by_item, meeting.focus_areas)
        action_focus.append((index, areas))
        for area in areas:
            actions[area].append(index)
    entries = tuple(
        (area, tuple(statuses.get(area, ())), tuple(decisions.get(area, ())),
         tuple(actions.get(area, ())))
        for area in dict.fromkeys((*statuses, *decisions, *actions))
    )  # fmt: skip
    return (
        tuple(s.name for s in meeting.focus_areas),
        tuple(decision_focus),
        tuple(action_focus),
        entries,
    )


class KeptScans:
    """The compact scans of the last build, by meeting file and bytes (``memo``, the build
    cache's); without a memo every meeting is scanned."""

    def __init__(self, memo: Memo | None, variant: str, settings: object) -> None:
        self._memo = memo
        # What else decides a scan: how the meetings were parsed (the public site's parse
        # leaves internal sections out) and the configuration (the parse and the names).
        self._prefix = hashlib.sha256(repr((variant, settings)).encode()).hexdigest()[:32]

    def _kept(self, kind: str, meeting: Meeting) -> tuple[str, object | None]:
        key = f"{kind}:{self._prefix}:{meeting.source}\0{meeting.digest}"
        data = self._memo.get(key) if self._memo is not None else None
        return key, None if data is None else pickle.loads(data)

    def _keep(self, key: str, found: object) -> None:
        if self._memo is not None:
            self._memo.put(key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))

    def people(self, meeting: Meeting, pattern: re.Pattern[str] | None,
               canonical: Mapping[str, str]) -> tuple[People, Places]:  # fmt: skip
        """:func:`scan_people`, kept."""
        key, kept = self._kept("people", meeting)
        if kept is None:
            kept = scan_people(meeting, pattern, canonical)
            self._keep(key, kept)
        return kept  # type: ignore[return-value]

    def focus(self, meeting: Meeting, names: Mapping[str, str],
              pattern: re.Pattern[str] | None) -> Focus:  # fmt: skip
        """:func:`scan_focus`, kept."""
        key, kept = self._kept("focus", meeting)
        if kept is None:
            kept = scan_focus(meeting, names, pattern)
            self._keep(key, kept)
        return kept  # type: ignore[return-value]
