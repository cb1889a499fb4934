"""The document's outline: title, metadata, decision and action lists, sections, agenda items.

Headings in real minutes are inconsistent (the reference file mixes ``###`` and
``####`` for items of one list), so an agenda item is recognised by its
number, not its level.  An item runs until the next numbered heading, or the
next heading at its own level or above.  Deeper unnumbered headings stay
inside the item (sub-topics, a *Beslut* sub-heading, focus-area names).

The result cuts the whole source into :class:`~mlr_minutes.model.Segment`
stretches in order, so that nothing the coordinator wrote is left out of the
page, and annotates every block with where it stands (:class:`Unit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import AgendaItem, Segment, SegmentKind
from ..vocabulary import (
    ACTION_HEADINGS,
    ATTACHMENT_WORDS,
    DECISION_HEADINGS,
    DOCUMENT_TYPES,
    ITEM_NUMBER_PREFIXES,
    MONTHS,
    SECTION_HEADINGS,
)
from .blocks import Block, BlockKind
from .labels import match_metadata, metadata_field, normalise_key


class Context:
    """What the blocks under a sub-heading or label are, inside a segment."""

    DECISIONS = "decisions"
    ACTIONS = "actions"


@dataclass(frozen=True, slots=True)
class Unit:
    """A block with its place in the outline."""

    block: Block
    """The block itself."""
    index: int
    """Its index in the document's block list (list-item parents refer to it)."""
    segment: SegmentKind
    """The kind of segment it stands in."""
    item: str | None
    """The agenda item it belongs to, if any."""
    context: str | None
    """``decisions`` or ``actions`` under such a heading; ``metadata:<field>`` for a list
    under a metadata label or heading; else None."""
    subheading: str | None
    """The nearest unnumbered heading inside its item or segment."""


@dataclass(frozen=True, slots=True)
class Outline:
    """The document cut into segments, items and annotated units."""

    title: str | None
    """The first heading's plain text, when it is not a document type."""
    title_line: int | None
    """Its line."""
    document_type: str | None
    """A document type named in a heading (*Minnesanteckningar*, *Protokoll*)."""
    segments: tuple[Segment, ...]
    """The whole source in order."""
    items: tuple[AgendaItem, ...]
    """Agenda items in order."""
    units: tuple[Unit, ...]
    """Every block, annotated."""


def _prefix_pattern() -> str:
    words = "|".join(re.escape(w) for w in sorted(ITEM_NUMBER_PREFIXES, key=len, reverse=True))
    return rf"(?:(?P<prefix>{words})\s*)?"


@cache
def _item_heading() -> re.Pattern[str]:
    return re.compile(
        r"^\s*" + _prefix_pattern() + r"(?P<number>\d{1,4}(?:\.\d{1,3})*)(?P<dot>[.):]?)(?:\s+|$)"
        r"(?P<title>.*)$",
        re.IGNORECASE,
    )


@cache
def _attachment_note() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in ATTACHMENT_WORDS)
    return re.compile(
        rf"\s*[\(\[](?P<paren>[^()\[\]]*\b(?:{words})\b[^()\[\]]*)[\)\]]"
        rf"|\s*[-–,]\s*(?P<tail>(?:{words})\b.*)$",
        re.IGNORECASE,
    )


def split_item_heading(text: str) -> tuple[str, str] | None:
    """``(number, title)`` for an agenda item heading (``§ 22 Val av justerare``), else None."""
    match = _item_heading().match(text)
    if not match:
        return None
    number, title = match["number"], match["title"].strip()
    has_prefix = bool(match["prefix"])
    if not has_prefix and (
        len(number.split(".")[0]) > 3 or (not match["dot"] and "." not in number)
    ):
        # ``2016 års budget`` and ``24 maj`` are titles, not items; plain numbers need a dot.
        return None
    first_word = title.split(maxsplit=1)[0].casefold().rstrip(".,") if title else ""
    if first_word in MONTHS or (not title and not has_prefix):
        return None
    return number.rstrip("."), title


def split_attachments(title: str) -> tuple[str, tuple[str, ...]]:
    """The title without attachment notes, and the notes (``(bilaga 2)`` → ``bilaga 2``)."""
    notes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        notes.append((match["paren"] or match["tail"]).strip())
        return ""

    cleaned = _attachment_note().sub(keep, title).strip()
    return (cleaned or title), tuple(notes)


def heading_key(text: str) -> str:
    """A heading compared with the vocabulary: plain, lower case, no trailing colon."""
    return normalise_key(text).rstrip(".")


def _is_metadata_block(block: Block, source_lines: list[str]) -> bool:
    if block.kind is BlockKind.LIST_ITEM:
        return match_metadata(source_lines[block.line - 1]) is not None
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    lines = [
        source_lines[n - 1] for n in range(block.line, block.end_line) if n <= len(source_lines)
    ]
    lines = [line for line in lines if line.strip()]
    if not lines or match_metadata(lines[0]) is None:
        return False
    return sum(match_metadata(line) is not None for line in lines) * 2 >= len(lines)


@dataclass
class _OpenSegment:
    kind: SegmentKind
    heading: str | None
    line: int
    body_line: int
    item: str | None = None
    item_level: int = 0
    section: str | None = None
    title: str | None = None
    attachments: tuple[str, ...] = ()
    metadata_field: str | None = None


def build_outline(blocks: list[Block], source: str) -> Outline:
    """Cut the document into segments and tie every block to its segment and item."""
    source_lines = source.split("\n")
    segments: list[_OpenSegment] = []
    units: list[Unit] = []
    title: str | None = None
    title_line: int | None = None
    document_type: str | None = None
    section: str | None = None
    seen_item = False
    context: str | None = None
    subheading: str | None = None

    def open_segment(
        kind: SegmentKind, heading: str | None, line: int, body_line: int, **extra: object
    ) -> _OpenSegment:
        nonlocal context, subheading
        segment = _OpenSegment(kind, heading, line, body_line, **extra)  # type: ignore[arg-type]
        segments.append(segment)
        context = subheading = None
        return segment

    for index, block in enumerate(blocks):
        current = segments[-1] if segments else None
        if block.kind is BlockKind.HEADING or _is_bold_item(block):
            level = block.level if block.kind is BlockKind.HEADING else 7
            text = block.text.strip() if block.kind is BlockKind.HEADING else _bold_text(block)
            key = heading_key(text)
            numbered = split_item_heading(text)
            inside_item = current is not None and current.kind is SegmentKind.ITEM
            if numbered is not None:
                number, rest = numbered
                clean_title, notes = split_attachments(rest)
                seen_item = True
                open_segment(
                    SegmentKind.ITEM,
                    block.markdown,
                    block.line,
                    block.end_line,
                    item=number,
                    item_level=level,
                    section=section,
                    title=clean_title,
                    attachments=notes,
                )
            elif inside_item and current is not None and level > current.item_level:
                subheading = text
                if key in DECISION_HEADINGS:
                    context = Context.DECISIONS
                elif key in ACTION_HEADINGS:
                    context = Context.ACTIONS
                else:
                    context = None
            elif key in DECISION_HEADINGS:
                open_segment(SegmentKind.DECISIONS, block.markdown, block.line, block.end_line)
                context = Context.DECISIONS
            elif key in ACTION_HEADINGS:
                open_segment(SegmentKind.ACTIONS, block.markdown, block.line, block.end_line)
                context = Context.ACTIONS
            elif (field := metadata_field(key)) is not None and field in _LIST_FIELDS:
                open_segment(
                    SegmentKind.METADATA,
                    block.markdown,
                    block.line,
                    block.end_line,
                    metadata_field=field,
                )
                context = f"metadata:{field}"
            elif not seen_item and _document_type(key) is not None:
                document_type = document_type or _document_type(key)
                if title is None and key not in DOCUMENT_TYPES:
                    title, title_line = text, block.line
                open_segment(SegmentKind.TITLE, block.markdown, block.line, block.end_line)
            elif not seen_item and title is None and key not in SECTION_HEADINGS:
                title, title_line = text, block.line
                open_segment(SegmentKind.TITLE, block.markdown, block.line, block.end_line)
            else:
                section = text.rstrip(":").strip()
                open_segment(
                    SegmentKind.SECTION, block.markdown, block.line, block.end_line, section=section
                )
            current = segments[-1]
            units.append(
                Unit(
                    block,
                    index,
                    SegmentKind.TITLE if current.kind is SegmentKind.TITLE else current.kind,
                    current.item,
                    context,
                    subheading,
                )
            )
            continue

        metadata_here = not seen_item and _is_metadata_block(block, source_lines)
        if metadata_here and (current is None or current.kind is not SegmentKind.METADATA):
            current = open_segment(SegmentKind.METADATA, None, block.line, block.line)
        elif (
            current is not None
            and current.kind is SegmentKind.METADATA
            and current.metadata_field is None
            and not metadata_here
            and not _continues_label(block, blocks, source_lines)
        ) or current is None:
            current = open_segment(SegmentKind.TEXT, None, block.line, block.line)
        if metadata_here and block.kind is BlockKind.PARAGRAPH:
            last = match_metadata(source_lines[block.end_line - 2] if block.end_line >= 2 else "")
            context = f"metadata:{last[0]}" if last and not last[1].value else None
        unit_context = context
        if block.kind is BlockKind.PARAGRAPH and current.kind in (
            SegmentKind.ITEM,
            SegmentKind.SECTION,
            SegmentKind.TEXT,
        ):
            unit_context = context
        units.append(Unit(block, index, current.kind, current.item, unit_context, subheading))

    closed = _close(segments, source_lines)
    items = tuple(
        AgendaItem(
            number=s.item or "",
            title=s.title or "",
            section=s.section,
            attachments=(*s.attachments, *_attachments_in(units, s.item, s.attachments)),
            line=s.line,
            body=c.markdown,
            body_line=c.body_line,
        )
        for s, c in zip(segments, closed, strict=True)
        if s.kind is SegmentKind.ITEM
    )
    return Outline(title, title_line, document_type, tuple(closed), items, tuple(units))


_LIST_FIELDS = ("attendees", "guests", "absent", "adjusters")


@cache
def _numbered_attachment() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in ATTACHMENT_WORDS if " " not in w)
    return re.compile(rf"\b(?:{words})\s+(?:nr\.?\s*)?\d+[a-z]?\b", re.IGNORECASE)


def _attachments_in(
    units: list[Unit], number: str | None, in_title: tuple[str, ...]
) -> tuple[str, ...]:
    """Numbered attachments the item's text refers to (*Se bilaga 3*), once each."""
    seen = {note.casefold() for note in in_title}
    found: list[str] = []
    for unit in units:
        if unit.item != number or unit.segment is not SegmentKind.ITEM:
            continue
        if unit.block.kind is BlockKind.HEADING:
            continue
        for match in _numbered_attachment().finditer(unit.block.text):
            note = " ".join(match.group().split())
            if note.casefold() not in seen:
                seen.add(note.casefold())
                found.append(note)
    return tuple(found)


def _continues_label(block: Block, blocks: list[Block], source_lines: list[str]) -> bool:
    """A list right after ``Närvarande:`` (empty value) belongs to that label."""
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    first = block
    while first.parent is not None:
        first = blocks[first.parent]
    previous_line = first.line - 1
    while previous_line >= 1 and not source_lines[previous_line - 1].strip():
        previous_line -= 1
    if previous_line < 1:
        return False
    found = match_metadata(source_lines[previous_line - 1])
    return (found is not None and not found[1].value) or _previous_is_list(block, blocks)


def _previous_is_list(block: Block, blocks: list[Block]) -> bool:
    index = blocks.index(block)
    return index > 0 and blocks[index - 1].kind is BlockKind.LIST_ITEM


def _document_type(key: str) -> str | None:
    for word in sorted(DOCUMENT_TYPES, key=len, reverse=True):
        if key == word or key.startswith(word + " ") or key.endswith(" " + word):
            return word.capitalize()
    return None


_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1:?$")


def _is_bold_item(block: Block) -> bool:
    if block.kind is not BlockKind.PARAGRAPH or "\n" in block.markdown.strip():
        return False
    match = _BOLD.match(block.markdown.strip())
    return bool(match) and split_item_heading(_bold_text(block)) is not None


def _bold_text(block: Block) -> str:
    return block.text.strip()


def _close(segments: list[_OpenSegment], source_lines: list[str]) -> list[Segment]:
    closed: list[Segment] = []
    for position, segment in enumerate(segments):
        end = segments[position + 1].line if position + 1 < len(segments) else len(source_lines) + 1
        lines = source_lines[segment.body_line - 1 : end - 1]
        # Blank lines around the body are not part of it; body_line follows its first line.
        leading = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        trailing = next((i for i, line in enumerate(reversed(lines)) if line.strip()), len(lines))
        body = "\n".join(lines[leading : len(lines) - trailing])
        closed.append(
            Segment(
                segment.kind,
                segment.heading,
                body,
                segment.line,
                segment.body_line + (leading if body else 0),
                segment.item,
            )
        )
    return closed
