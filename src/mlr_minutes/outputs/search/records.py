"""The search records of decisions and action items: tiny HTML documents only Pagefind reads.

Decisions and action items are written inside the minutes' text, so the meeting page
cannot say *this result is a decision*.  For each meeting that has any, the build also
hands Pagefind two small records – its decisions and its action items – in which every
decision (action) is a heading with the same id it has on the meeting page.  Their
``url`` metadata is the meeting page, so results and sub-results land on
``…/moten/<id>/#beslut-2`` there; the filter ``typ`` tells meetings, decisions and
actions apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from markupsafe import escape

from ...archive import Archive
from ...model import ActionItem, Decision, Meeting
from ...views.facets import KIND_ACTION, KIND_DECISION, SearchFacets, named_municipalities
from ...views.facets import search_facets as facets_of
from ...views.text import OUTCOME_TEXT, format_date_value, meeting_title
from ...views.urls import Urls


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """An extra search record: a tiny HTML document only Pagefind reads."""

    name: str
    """File name inside the scratch folder (``<meeting id>-beslut.html``)."""
    html: str
    """The document."""
    meeting: str = ""
    """The id of the meeting it belongs to (its part of the index goes by the meeting)."""


def _facets_html(facets: SearchFacets) -> str:
    """The same hidden filter block the meeting template writes (``search_facets`` macro)."""
    spans = [f'<span data-pagefind-filter="typ">{escape(facets.kind)}</span>']
    if facets.year:
        spans.append(f'<span data-pagefind-filter="år">{escape(facets.year)}</span>')
    spans.append(f'<span data-pagefind-filter="organ">{escape(facets.body)}</span>')
    spans += [f'<span data-pagefind-filter="fokusfråga">{escape(n)}</span>' for n in facets.focus]
    spans += [
        f'<span data-pagefind-filter="kommun">{escape(n)}</span>' for n in facets.municipalities
    ]
    sort = f' data-pagefind-sort="datum:{escape(facets.date_iso)}"' if facets.date_iso else ""
    return f"<div hidden data-pagefind-ignore{sort}>{''.join(spans)}</div>"


def _document(title: str, url: str, sections: list[str], facets: SearchFacets) -> str:
    return (
        '<!doctype html>\n<html lang="sv">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n"
        f'<body><main data-pagefind-body data-pagefind-meta="url:{escape(url)}">\n'
        f"<h1>{escape(title)}</h1>\n" + "\n".join(sections) + "\n"
        f"{_facets_html(facets)}\n</main></body>\n</html>\n"
    )


def _item_text(meeting: Meeting, number: str | None) -> str:
    item = meeting.item(number) if number is not None else None
    return f"<p>Under punkt {escape(number)}: {escape(item.title)}</p>" if item and number else ""


def _anchors(meeting: Meeting, numbers: Iterable[str | None]) -> set[str]:
    found = set()
    for number in numbers:
        item = meeting.item(number) if number is not None else None
        if item is not None:
            found.add(item.anchor)
    return found


def _named(named: Mapping[str, tuple[str, ...]], anchors: set[str]) -> list[str]:
    return [name for anchor in sorted(anchors) for name in named.get(anchor, ())]


@dataclass(frozen=True, slots=True)
class _Entry:
    """A decision or an action item as its record shows it."""

    id: str
    """Its fragment id on the meeting page."""
    heading: str
    """``Beslut 2 (godkänt)``, ``Åtgärd 1 (klar)``."""
    details: str
    """HTML after its text: sub-points, owners and due date."""
    text: str
    """The decision or task."""
    item: str | None
    """Its agenda item."""
    focus: tuple[str, ...]
    """Focus areas it concerns."""


def _decision(archive: Archive, meeting: Meeting, decision: Decision) -> _Entry:
    outcome = OUTCOME_TEXT.get(decision.outcome) if decision.outcome else None
    points = "".join(f"<li>{escape(p)}</li>" for p in decision.points)
    return _Entry(
        decision.id,
        f"Beslut {decision.number}" + (f" ({outcome})" if outcome else ""),
        f"<ul>{points}</ul>" if points else "",
        decision.text,
        decision.item,
        archive.decision_focus.get((meeting.id, decision.id), ()),
    )


def _action(archive: Archive, meeting: Meeting, action: ActionItem) -> _Entry:
    details = []
    if action.owners:
        details.append("Ansvarig: " + ", ".join(action.owners))
    if action.due is not None:
        details.append("Klart senast " + format_date_value(action.due))
    return _Entry(
        action.id,
        f"Åtgärd {action.number}" + (" (klar)" if action.done else ""),
        f"<p>{escape('. '.join(details))}.</p>" if details else "",
        action.text,
        action.item,
        archive.action_focus.get((meeting.id, action.id), ()),
    )


def _record(
    archive: Archive,
    meeting: Meeting,
    named: Mapping[str, tuple[str, ...]],
    url: str,
    name: str,
    title: str,
    kind: str,
    entries: list[_Entry],
) -> SearchRecord:
    """One record: a section per entry; facets from every entry's focus areas and the
    municipalities named in its agenda items (or in a decision itself)."""
    sections = [
        f'<section><h2 id="{escape(e.id)}">{escape(e.heading)}</h2><p>{escape(e.text)}</p>'
        f"{e.details}{_item_text(meeting, e.item)}</section>"
        for e in entries
    ]
    focus = [area for e in entries for area in e.focus]
    anchors = _anchors(meeting, (e.item for e in entries)) | {e.id for e in entries}
    facets = facets_of(archive, meeting, kind, focus, _named(named, anchors))
    html = _document(title, url, sections, facets)
    return SearchRecord(f"{meeting.id}-{name}.html", html, meeting.id)


def search_records(archive: Archive, urls: Urls) -> Iterator[SearchRecord]:
    """Per meeting, a record of its decisions and one of its action items (when it has
    any); each decision or action is a heading with its id on the meeting page."""
    records = meeting_records(archive, urls)
    for meeting in archive.meetings:
        yield from records(meeting.id)


def meeting_records(archive: Archive, urls: Urls) -> Callable[[str], list[SearchRecord]]:
    """The records of one meeting (by id), made when asked: a build after one edit makes
    those of the parts of the index it indexes again, not the whole archive's.  A
    meeting's records follow from its minutes and the configuration alone."""
    named_by_meeting = named_municipalities(archive)
    by_id = {meeting.id: meeting for meeting in archive.meetings}

    def records(meeting_id: str) -> list[SearchRecord]:
        meeting = by_id[meeting_id]
        named = named_by_meeting.get(meeting.id, {})
        title = meeting_title(meeting)
        url = urls.meeting(meeting.id)
        made = []
        if meeting.decisions:
            decisions = [_decision(archive, meeting, d) for d in meeting.decisions]
            made.append(_record(archive, meeting, named, url, "beslut", f"Beslut vid {title}",
                                KIND_DECISION, decisions))  # fmt: skip
        if meeting.action_items:
            actions = [_action(archive, meeting, a) for a in meeting.action_items]
            made.append(_record(archive, meeting, named, url, "atgarder",
                                f"Åtgärder från {title}", KIND_ACTION, actions))  # fmt: skip
        return made

    return records
