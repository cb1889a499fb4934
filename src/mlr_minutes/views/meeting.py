"""A meeting's page: the minutes in order, every word kept, with decisions, actions and
focus-area statuses marked where they are written, and who attended, by municipality."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..archive import past_due, slugify
from ..model import ActionItem, Meeting, Person, SegmentKind
from .context import Context, closed_id
from .facets import SearchFacets, meeting_facets
from .structured import meeting_structured_data
from .text import NAMELESS, OUTCOME_TEXT, format_date, format_date_value, format_time, meeting_title
from .types import Alternate, Link, Mark, MarkdownText, Page, PersonView


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


def _segment_view(
    kind: str, heading: str, level: int, anchor: str, text: MarkdownText
) -> SegmentView:
    return SegmentView(kind, heading, level, anchor, text, (), (), ())


_KICKER_LENGTH = 280
"""The most characters of text under the title that still read as its small print (a
place, a publishing date, a line of who took part)."""


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
    structured_data: Mapping[str, Any] = field(default_factory=dict)
    """schema.org JSON-LD: the meeting as an event, its minutes as a creative work."""


def _people(persons: Sequence[Person], ctx: Context, show_org: bool) -> tuple[PersonView, ...]:
    views = []
    for person in persons:
        parts = [person.role] if person.role else []
        if show_org and person.organisation:
            parts.append(person.organisation)
        if person.name is None:
            # An organisation listed without a person: no person page to link to.
            shown = person.organisation if show_org else NAMELESS
            views.append(PersonView(shown or NAMELESS, None, ", ".join(parts[:1])))
            continue
        views.append(
            PersonView(person.name, ctx.urls.person(slugify(person.name)), ", ".join(parts))
        )
    return tuple(views)


def _groups(persons: Sequence[Person], ctx: Context) -> tuple[Group, ...]:
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


def _action_mark(ctx: Context, meeting: Meeting, action: ActionItem) -> Mark:
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
        closed_href = ctx.meeting_link(closed, closed_id(track))
        links.append(Link(closed_href.href, "avklarad vid " + meeting_title(closed)))
    if done:
        state = "done"
        notes.append("klar")
    elif past_due(action.due, ctx.today) and not (track is not None and track.done):
        state = "overdue"
        notes.append("försenad")
    else:
        state = "open"
    if action.inferred:
        notes.append("tolkad ur löptext")
    return Mark(
        action.line, "atgard", action.id, f"Åtgärd {action.number}", tuple(notes), tuple(links),
        state,
    )  # fmt: skip


def _meeting_view(ctx: Context, meeting: Meeting) -> MeetingView:
    urls = ctx.urls
    segments = meeting.segments
    starts = [segment.body_line for segment in segments]
    marks: dict[int, list[Mark]] = defaultdict(list)
    unplaced: list[Mark] = []
    placed_in: dict[str, int] = {}

    used: set[str] = set()

    def place(make: Mark) -> None:
        line = make.line
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
            Mark(decision.line, "beslut", decision.id, f"Beslut {decision.number}",
                 (outcome,) if outcome else (), tuple(links)),
        )  # fmt: skip
    for action in meeting.action_items:
        place(_action_mark(ctx, meeting, action))
    for status in meeting.focus_areas:
        slug = slugify(status.name)
        place(
            Mark(status.line, "fokus", f"fokus-{slug}", "Fokusfråga", (),
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
        text = MarkdownText(
            segment.markdown,
            tuple(sorted(marks.get(index, ()), key=lambda m: (m.line, m.id))),
            min(6, level + 1),
            segment.body_line,
        )
        kind = segment.kind.value
        if segment.kind is SegmentKind.TITLE and (
            text.marks or len(segment.markdown) > _KICKER_LENGTH
        ):
            # A board's news post, notes pasted under their title: the text under the
            # title is the minutes, read in the body, not the small print above the title.
            views.append(
                SegmentView(kind, segment.heading or "", level, "", MarkdownText(""), (), (), ())
            )
            kind, anchor = "preamble", "inledning"
        views.append(
            SegmentView(
                kind=kind,
                heading="" if kind == "preamble" else segment.heading or "",
                level=level,
                anchor=anchor,
                text=text,
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
        structured_data=meeting_structured_data(meeting, urls, ctx.config.organisation),
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


def _description(meeting: Meeting) -> str:
    parts = [f"Minnesanteckningar från {meeting_title(meeting)}"]
    if meeting.location:
        parts[0] += f", {meeting.location}"
    counts = [f"{len(meeting.decisions)} beslut", f"{len(meeting.action_items)} åtgärder"]
    if meeting.focus_areas:
        names = dict.fromkeys(f.name for f in meeting.focus_areas)
        counts.append("fokusfrågor: " + ", ".join(names))
    return f"{parts[0]}: " + "; ".join(counts) + "."


def pages(ctx: Context, only: Collection[str] | None = None) -> Iterator[Page]:
    """Every meeting's page, oldest first (or only those of the meetings ``only`` names:
    the dev server shows an edited meeting before it rebuilds the rest)."""
    for meeting in ctx.archive.meetings:
        if only is None or meeting.id in only:
            yield page(ctx, meeting)


def page(ctx: Context, meeting: Meeting) -> Page:
    """The meeting's page."""
    urls = ctx.urls
    view = _meeting_view(ctx, meeting)
    return Page(
        urls.file(urls.meeting(meeting.id)), "meeting.html", view.title, "moten",
        view, (ctx.home, Link(urls.meetings(), "Möten"),
               Link(urls.body(slugify(meeting.body)), meeting.body)),
        description=_description(meeting),
        alternates=(
            Alternate(urls.meeting_data(meeting.id), "application/json",
                      "Mötet som öppna data (JSON)", advertise=False),
            Alternate(urls.source(meeting.id), "text/markdown",
                      "Minnesanteckningarna i Markdown", advertise=False),
        ),
    )  # fmt: skip


def _named(meeting: Meeting | None) -> str:
    return f"{meeting.id}\0{meeting_title(meeting)}\0{meeting.date}" if meeting else ""


def inputs(ctx: Context, meeting: Meeting) -> str:
    """What the meeting's page shows from beyond its own minutes, as a string: the
    neighbours, the meetings it cites and that cite it, the tasks it carries (where they
    were set and closed) and its search facets.  Together with the meeting itself (its
    file and bytes), the configuration, the build date and the page frame, this is every
    input of :func:`page`: a build whose inputs are those of the last build's page may
    keep that page without building its view (:class:`mlr_minutes.reuse.PageReuse`)."""
    archive = ctx.archive
    previous, following = archive.neighbours.get(meeting.id, (None, None))
    parts = [_named(previous), _named(following)]
    parts += (_named(archive.resolved.get((meeting.id, i))) for i in range(len(meeting.references)))
    parts += (_named(m) for m in archive.cited_by.get(meeting.id, ()))
    for action in meeting.action_items:
        track = archive.track_of.get((meeting.id, action.id))
        if track is None:
            parts.append("")
            continue
        focus = archive.action_focus.get((meeting.id, action.id))
        origin = track.origin
        parts += (_named(origin.meeting), origin.action.id, _named(track.closed_in),
                  closed_id(track), repr(focus))  # fmt: skip
    parts += (repr(archive.decision_focus.get((meeting.id, d.id))) for d in meeting.decisions)
    parts.append(repr(ctx.named.get(meeting.id)))
    return "\x1f".join(parts)
