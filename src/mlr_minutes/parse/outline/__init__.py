"""The document's outline: title, metadata, decision and action lists, sections, agenda items.

Headings in real minutes are inconsistent (the reference file mixes ``###`` and
``####`` for items of one list), so an agenda item is recognised by its
number, not its level.  An item runs until the next numbered heading, or the
next heading at its own level or above.  Deeper unnumbered headings stay
inside the item (sub-topics, a *Beslut* sub-heading, focus-area names).

Every block goes through an ordered list of named rules (:data:`HEADING_RULES`
for headings, :data:`BLOCK_RULES` for the rest); the first rule that claims a
block decides what it is.  The result cuts the whole source into
:class:`~mlr_minutes.model.Segment` stretches in order, so that nothing the
coordinator wrote is left out of the page, and annotates every block with
where it stands (:class:`Unit`).

The rules live in :mod:`.heading_rules` and :mod:`.block_rules`; :mod:`.item_lines`
first splits numbered lines out of paragraphs, :mod:`.titles` reads an item heading's
number, title, attachments and diary number, :mod:`.state` holds what they share.
"""

from __future__ import annotations

import re
from functools import cache

from ...model import AgendaItem, Segment, SegmentKind
from ...vocabulary import ATTACHMENT_WORDS, NUMBER_ABBREVIATIONS
from ..blocks import Block, BlockKind
from ..gates import GatedPattern
from ..text import alternation
from .block_rules import BLOCK_RULES
from .heading_rules import HEADING_RULES
from .item_lines import split_item_lines
from .state import Context, Heading, OpenSegment, Outline, OutlineState, Unit
from .titles import heading_key, split_item_heading

__all__ = ["Context", "Outline", "Unit", "build_outline", "heading_key"]


# --- The outline -------------------------------------------------------------------------------


def build_outline(
    blocks: list[Block], source: str, noise: frozenset[int] = frozenset()
) -> tuple[Outline, list[Block]]:
    """Cut the document into segments and tie every block to its segment and item.

    Returns the outline and the blocks it annotates (numbered lines of paragraphs split
    off as headings of their own)."""
    lines = source.split("\n")
    blocks = split_item_lines(blocks, lines, noise)
    numbered = any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    )
    state = _walk(OutlineState(blocks, lines, noise, headings_are_items=not numbered))
    if numbered and not any(s.kind is SegmentKind.ITEM for s in state.segments):
        # Every numbered heading was page furniture: the headings are the items after all.
        state = _walk(OutlineState(blocks, lines, noise, headings_are_items=True))
    return _finish(state), blocks


def _walk(state: OutlineState) -> OutlineState:
    heading_rules = HEADING_RULES.rules()
    block_rules = BLOCK_RULES.rules()
    for index, block in enumerate(state.blocks):
        if block.kind is BlockKind.HEADING:
            level = block.level
            text = block.text.strip()
            heading = Heading(index, block, text, heading_key(text), level)
            for heading_rule in heading_rules:
                if heading_rule(state, heading):
                    break
            continue
        for block_rule in block_rules:
            if block_rule(state, index, block):
                break
    return state


def _finish(state: OutlineState) -> Outline:
    closed = _close(state.segments, state.lines)
    units = tuple(state.units)
    by_item: dict[str | None, list[Unit]] = {}
    for unit in units:
        by_item.setdefault(unit.item, []).append(unit)
    items = tuple(
        AgendaItem(
            number=s.item or "",
            title=s.title or "",
            section=s.section,
            attachments=(*s.attachments, *_attachments_in(by_item.get(s.item, []), s.attachments)),
            line=s.line,
            body=c.markdown,
            body_line=c.body_line,
            diary_number=s.diary_number,
            numbered=s.numbered,
        )
        for s, c in zip(state.segments, closed, strict=True)
        if s.kind is SegmentKind.ITEM
    )
    children: dict[int, list[int]] = {}
    for unit in units:
        if unit.block.parent is not None:
            children.setdefault(unit.block.parent, []).append(unit.index)
    headings = tuple(
        (u.block.line, u.block.text.strip())
        for u in units
        if u.block.kind is BlockKind.HEADING and not u.noise
    )
    return Outline(
        state.title,
        state.title_line,
        state.document_type,
        tuple(closed),
        items,
        units,
        {k: tuple(v) for k, v in children.items()},
        headings,
        {k: tuple(v) for k, v in by_item.items()},
    )


_DIGIT = re.compile(r"\d")


@cache
def _numbered_attachment() -> GatedPattern:
    single = [w for w in ATTACHMENT_WORDS if " " not in w]
    number = alternation(NUMBER_ABBREVIATIONS)
    pattern = re.compile(
        rf"\b(?:{alternation(single)})\s+(?:(?:{number})\s*)?\d+[a-z]?\b", re.IGNORECASE
    )
    return GatedPattern(pattern, single)


def _attachments_in(units: list[Unit], in_title: tuple[str, ...]) -> tuple[str, ...]:
    """Numbered attachments the item's text (``units``, the item's own) refers to
    (*Se bilaga 3*), once each."""
    seen = {note.casefold() for note in in_title}
    found: list[str] = []
    for unit in units:
        if unit.segment is not SegmentKind.ITEM:
            continue
        if unit.block.kind is BlockKind.HEADING or unit.noise:
            continue
        if not _DIGIT.search(unit.block.text):
            continue  # the cheap look first: an attachment's number is a digit
        for match in _numbered_attachment().finditer(unit.block.text):
            note = " ".join(match.group().split())
            if note.casefold() not in seen:
                seen.add(note.casefold())
                found.append(note)
    return tuple(found)


def _close(segments: list[OpenSegment], source_lines: list[str]) -> list[Segment]:
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
