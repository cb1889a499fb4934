"""What the outline rules share: the annotated units, the outline, the walking state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import AgendaItem, Segment, SegmentKind
from ..blocks import Block


class Context:
    """What the blocks under a sub-heading or label are, inside a segment."""

    DECISIONS = "decisions"
    """Under a *Beslut* heading: every bullet and sentence is a decision."""
    DECISION_TEXT = "decision_text"
    """Under a bare ``Beslut`` line: each paragraph (or bullet) is one decision."""
    ACTIONS = "actions"
    BACKGROUND = "background"
    """*Ärendebeskrivning*, *Beslutsunderlag*, *Yrkanden*: about the matter, never a decision."""


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
    """``decisions``, ``actions`` or ``background`` under such a heading or label line;
    ``metadata:<field>`` for a list under a metadata label or heading; else None."""
    subheading: str | None
    """The nearest unnumbered heading inside its item or segment."""
    noise: bool = False
    """Page furniture (a repeated page header, a page number): kept, but read by no rule."""
    label: bool = False
    """The block's first line is a bare label (``Beslut``, ``**Att göra:**``) that set the
    context of what follows; rules read the lines after it."""


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
    children: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Block index of a list item → the indexes of the items nested directly under it."""
    headings: tuple[tuple[int, str], ...] = ()
    """(line, plain text) of every heading, in order, for rules that read the first ones."""
    by_item: dict[str | None, tuple[Unit, ...]] = field(default_factory=dict)
    """Agenda item number → its units in order, indexed once so that rules that visit
    every item do not scan every unit for each (quadratic in a long protocol)."""

    def units_of(self, item: str | None) -> tuple[Unit, ...]:
        """The units of the agenda item numbered ``item``, in order."""
        return self.by_item.get(item, ())

    def descendants(self, unit: Unit) -> list[Unit]:
        """The list items nested (at any depth) under ``unit``, in order."""
        found: list[Unit] = []
        stack = list(reversed(self.children.get(unit.index, ())))
        while stack:
            index = stack.pop()
            found.append(self.units[index])
            stack.extend(reversed(self.children.get(index, ())))
        return found


# --- State --------------------------------------------------------------------


@dataclass
class OpenSegment:
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
    diary_number: str | None = None
    numbered: bool = True


@dataclass
class OutlineState:
    """What the outline rules share while they walk the blocks."""

    blocks: list[Block]
    """Every block of the document."""
    lines: list[str]
    """The source lines."""
    noise: frozenset[int]
    """1-based lines that are page furniture."""
    headings_are_items: bool = False
    """Set when the file has no numbered items: then its section headings are its items."""
    segments: list[OpenSegment] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    title: str | None = None
    title_line: int | None = None
    dated_at: int | None = None
    """The level of the heading that was only the date (``# Mar-04-2025``), if any."""
    document_type: str | None = None
    section: str | None = None
    """The heading of the section the blocks stand in (*Informationspunkter*)."""
    seen_item: bool = False
    context: str | None = None
    """What the following blocks are, set by a sub-heading or a label line."""
    subheading: str | None = None
    unnumbered: int = 0
    """How many unnumbered headings have been made items (their numbers)."""

    @property
    def current(self) -> OpenSegment | None:
        """The segment being filled."""
        return self.segments[-1] if self.segments else None

    def open(
        self, kind: SegmentKind, heading: str | None, line: int, body_line: int, **extra: object
    ) -> OpenSegment:
        """Start a new segment at ``line``; sub-heading and context end with the old one."""
        segment = OpenSegment(kind, heading, line, body_line, **extra)  # type: ignore[arg-type]
        self.segments.append(segment)
        self.context = self.subheading = None
        return segment

    def add(self, block: Block, index: int, *, noise: bool = False, label: bool = False) -> None:
        """Annotate ``block`` with where it stands now."""
        current = self.current
        if current is None:
            current = self.open(SegmentKind.TEXT, None, block.line, block.line)
        self.units.append(
            Unit(
                block,
                index,
                current.kind,
                current.item,
                self.context,
                self.subheading,
                noise,
                label,
            )
        )

    def is_noise(self, block: Block) -> bool:
        """Whether every non-blank line of ``block`` is page furniture."""
        if not self.noise:
            return False  # most minutes have no furniture: no line to look at
        lines = [n for n in range(block.line, block.end_line) if self._text(n).strip()]
        return bool(lines) and all(n in self.noise for n in lines)

    def _text(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as the heading rules see it."""

    index: int
    block: Block
    text: str
    """Plain text."""
    key: str
    """Compared with the vocabulary (:func:`heading_key`)."""
    level: int
    """1–6 for Markdown headings, 7 for a bold line or a numbered line of a paragraph."""


HeadingRule = Callable[[OutlineState, Heading], bool]
BlockRule = Callable[[OutlineState, int, Block], bool]
