"""What the site search files a page or record under: its filters and sort key.

The meeting page writes them as hidden ``data-pagefind-filter`` spans (macro
``search_facets``); the search records of decisions and actions
(:mod:`mlr_minutes.outputs.search.records`) write the same from the same facets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..archive import Archive
from ..model import Meeting

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
