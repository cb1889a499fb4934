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
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..model import AgendaItem, Segment, SegmentKind
from ..vocabulary import (
    ACTION_HEADINGS,
    ACTION_SECTION_PREFIXES,
    ATTACHMENT_WORDS,
    CONTEXT_LABELS,
    DECISION_HEADINGS,
    DECISION_LABEL_LINES,
    DECISION_NOUN,
    DIARY_NUMBER_WORDS,
    DOCUMENT_TYPES,
    ITEM_NUMBER_PREFIXES,
    MONTHS,
    NUMBER_ABBREVIATIONS,
    SECTION_HEADINGS,
)
from .blocks import Block, BlockKind, plain_text
from .dates import parse_date
from .labels import match_metadata, metadata_field, normalise_key, split_label
from .ruler import Ruler
from .text import alternation


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

    def descendants(self, unit: Unit) -> list[Unit]:
        """The list items nested (at any depth) under ``unit``, in order."""
        found: list[Unit] = []
        stack = list(reversed(self.children.get(unit.index, ())))
        while stack:
            index = stack.pop()
            found.append(self.units[index])
            stack.extend(reversed(self.children.get(index, ())))
        return found


# --- Agenda item headings ---------------------------------------------------------


@cache
def _item_heading() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:(?P<prefix>{alternation(ITEM_NUMBER_PREFIXES)})\s*)?"
        r"(?P<number>\d{1,4}(?:\.\d{1,3})*)(?P<dot>[.):]?)(?:\s+|$)(?P<title>.*)$",
        re.IGNORECASE,
    )


_DATE_LIKE_NUMBER = re.compile(r"^\d{2}\.\d{2}\.\d{2,4}$")


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
    if _DATE_LIKE_NUMBER.match(number):
        return None  # ``22.03.14`` is a date
    first_word = title.split(maxsplit=1)[0].casefold().rstrip(".,") if title else ""
    if first_word in MONTHS or (not title and not has_prefix):
        return None
    return number.rstrip("."), title


@cache
def _attachment_note() -> re.Pattern[str]:
    words = alternation(ATTACHMENT_WORDS)
    return re.compile(
        rf"\s*[\(\[](?P<paren>[^()\[\]]*\b(?:{words})\b[^()\[\]]*)[\)\]]"
        rf"|\s*[-–,]\s*(?P<tail>(?:{words})\b.*)$",
        re.IGNORECASE,
    )


def split_attachments(title: str) -> tuple[str, tuple[str, ...]]:
    """The title without attachment notes, and the notes (``(bilaga 2)`` → ``bilaga 2``)."""
    notes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        notes.append((match["paren"] or match["tail"]).strip())
        return ""

    cleaned = _attachment_note().sub(keep, title).strip()
    return (cleaned or title), tuple(notes)


@cache
def _diary_number() -> re.Pattern[str]:
    return re.compile(
        rf"[\s,(–-]*(?<!\w)(?:{alternation(DIARY_NUMBER_WORDS)})\.?\s*:?\s*"
        r"(?P<number>(?:[A-ZÅÄÖ]{1,8}[ /-]?)?\d[\w./:-]*+)\)?",
        re.IGNORECASE,
    )


def split_diary_number(title: str) -> tuple[str, str | None]:
    """The title without its diary number, and the number (``Dnr KS 2023/145`` →
    ``KS 2023/145``)."""
    match = _diary_number().search(title)
    if match is None:
        return title, None
    cleaned = (title[: match.start()] + " " + title[match.end() :]).strip(" ,–-")
    return " ".join(cleaned.split()), match["number"].rstrip(".")


def heading_key(text: str) -> str:
    """A heading compared with the vocabulary: plain, lower case, no trailing colon."""
    return normalise_key(text).rstrip(".")


def _document_type(key: str) -> str | None:
    for word in sorted(DOCUMENT_TYPES, key=len, reverse=True):
        if key == word or key.startswith(word + " ") or key.endswith(" " + word):
            return word.capitalize()
    return None


_ACTION_PREFIXES = tuple(prefix + " " for prefix in ACTION_SECTION_PREFIXES)


def _is_action_heading(key: str) -> bool:
    return key in ACTION_HEADINGS or key.startswith(_ACTION_PREFIXES)


def label_line_context(key: str) -> str | None:
    """What a bare label line (``Beslut``, ``Ärendebeskrivning``) makes of the text below it."""
    if key in DECISION_LABEL_LINES or (
        key.endswith(f" {DECISION_NOUN}") and len(key.split()) == 2 and key.split()[0].endswith("s")
    ):
        return Context.DECISION_TEXT
    if key in CONTEXT_LABELS:
        return Context.BACKGROUND
    if _is_action_heading(key):
        return Context.ACTIONS
    return None


# --- State --------------------------------------------------------------------


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
    segments: list[_OpenSegment] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    title: str | None = None
    title_line: int | None = None
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
    def current(self) -> _OpenSegment | None:
        """The segment being filled."""
        return self.segments[-1] if self.segments else None

    def open(
        self, kind: SegmentKind, heading: str | None, line: int, body_line: int, **extra: object
    ) -> _OpenSegment:
        """Start a new segment at ``line``; sub-heading and context end with the old one."""
        segment = _OpenSegment(kind, heading, line, body_line, **extra)  # type: ignore[arg-type]
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


# --- Heading rules ------------------------------------------------------------------


def noise_heading(state: OutlineState, heading: Heading) -> bool:
    """A page header that a converter turned into a heading (``# Kommunstyrelsen`` on
    every page): it stays in its segment and opens nothing."""
    if not state.is_noise(heading.block):
        return False
    state.add(heading.block, heading.index, noise=True)
    return True


def agenda_item(state: OutlineState, heading: Heading) -> bool:
    """A numbered heading at any level: ``## § 22 Val av justerare``, ``### 3. Ekonomi``,
    ``**3.1 Budget**``, ``§ 137   Dnr BN-2023-00211`` (the diary number kept on the item)."""
    numbered = split_item_heading(heading.text)
    if numbered is None:
        return False
    number, rest = numbered
    rest, diary = split_diary_number(rest)
    title, notes = split_attachments(rest)
    state.seen_item = True
    state.open(
        SegmentKind.ITEM,
        heading.block.markdown,
        heading.block.line,
        heading.block.end_line,
        item=number,
        item_level=heading.level,
        section=state.section,
        title=title,
        attachments=notes,
        diary_number=diary,
    )
    _item_title_context(state, title)
    state.add(heading.block, heading.index)
    return True


def _item_title_context(state: OutlineState, title: str) -> None:
    # ``## 6. Åtgärder och beslut``: an item named for its list is that list.
    key = heading_key(title)
    if _is_action_heading(key):
        state.context = Context.ACTIONS
    elif key in DECISION_HEADINGS:
        state.context = Context.DECISIONS


def item_subheading(state: OutlineState, heading: Heading) -> bool:
    """A deeper unnumbered heading inside an item: a sub-topic, or a *Beslut* /
    *Åtgärder* / *Närvarande* heading that says what the text below it is."""
    current = state.current
    if current is None or current.kind is not SegmentKind.ITEM:
        return False
    if heading.level <= current.item_level:
        return False
    state.subheading = heading.text
    field_name = metadata_field(heading.key)
    if heading.key in DECISION_HEADINGS:
        state.context = Context.DECISIONS
    elif _is_action_heading(heading.key):
        state.context = Context.ACTIONS
    elif field_name in PEOPLE_LIST_FIELDS:
        state.context = f"metadata:{field_name}"
    else:
        context = label_line_context(heading.key)
        state.context = Context.DECISIONS if context == Context.DECISION_TEXT else context
    state.add(heading.block, heading.index)
    return True


def decision_heading(state: OutlineState, heading: Heading) -> bool:
    """``## Beslut``, ``## Fattade beslut``: a list of the meeting's decisions."""
    if heading.key not in DECISION_HEADINGS:
        return False
    _open_heading(state, SegmentKind.DECISIONS, heading)
    state.context = Context.DECISIONS
    state.add(heading.block, heading.index)
    return True


def action_heading(state: OutlineState, heading: Heading) -> bool:
    """``## Åtgärder``, ``## Actionpoints inför nästa möte``, ``## Att göra till nästa gång``."""
    if not _is_action_heading(heading.key):
        return False
    _open_heading(state, SegmentKind.ACTIONS, heading)
    state.context = Context.ACTIONS
    state.add(heading.block, heading.index)
    return True


PEOPLE_LIST_FIELDS = ("attendees", "guests", "absent", "adjusters")
"""Metadata fields written as a list of people under their label."""


def metadata_heading(state: OutlineState, heading: Heading) -> bool:
    """``## Närvarande`` with the people listed below it, ``## Plats`` with the place,
    ``## Kallade`` with those invited: metadata, never an item."""
    field_name = metadata_field(heading.key)
    if field_name is None or field_name in ("chair", "secretary"):
        # ``### Mötesordförande`` heads the item electing one, with its decision.
        return False
    _open_heading(state, SegmentKind.METADATA, heading, metadata_field=field_name)
    state.context = f"metadata:{field_name}"
    state.add(heading.block, heading.index)
    return True


def document_type_heading(state: OutlineState, heading: Heading) -> bool:
    """``## Minnesanteckningar``, ``# Protokoll fört vid styrelsemöte …`` before any item."""
    kind = _document_type(heading.key)
    if state.seen_item or kind is None:
        return False
    if state.document_type is not None and heading.key in DOCUMENT_TYPES:
        return False  # a second ``## Anteckningar`` heads the notes themselves
    state.document_type = state.document_type or kind
    if state.title is None and heading.key not in DOCUMENT_TYPES:
        state.title, state.title_line = heading.text, heading.block.line
    _open_heading(state, SegmentKind.TITLE, heading)
    state.add(heading.block, heading.index)
    return True


def date_heading(state: OutlineState, heading: Heading) -> bool:
    """A heading that is only the date (``## 14 mars 2022``), before any item: part of
    the title, never an item."""
    if state.seen_item or parse_date(heading.text, None, strict=True) is None:
        return False
    _open_heading(state, SegmentKind.TITLE, heading)
    state.add(heading.block, heading.index)
    return True


def title_heading(state: OutlineState, heading: Heading) -> bool:
    """The first heading before any item, unless it names a section."""
    if state.seen_item or state.title is not None or heading.key in SECTION_HEADINGS:
        return False
    state.title, state.title_line = heading.text, heading.block.line
    _open_heading(state, SegmentKind.TITLE, heading)
    state.add(heading.block, heading.index)
    return True


def section_heading(state: OutlineState, heading: Heading) -> bool:
    """Any other heading: a section grouping items, or, in a file with no numbered
    items at all, an item of its own (*## Ekonomi* in a team's notes)."""
    text = heading.text.rstrip(":").strip()
    if state.headings_are_items and heading.key not in SECTION_HEADINGS:
        state.unnumbered += 1
        title, diary = split_diary_number(text)
        title, notes = split_attachments(title)
        state.open(
            SegmentKind.ITEM,
            heading.block.markdown,
            heading.block.line,
            heading.block.end_line,
            item=str(state.unnumbered),
            item_level=heading.level,
            section=state.section,
            title=title,
            attachments=notes,
            diary_number=diary,
            numbered=False,
        )
        _item_title_context(state, title)
    else:
        state.section = text
        _open_heading(state, SegmentKind.SECTION, heading, section=text)
    state.add(heading.block, heading.index)
    return True


def _open_heading(
    state: OutlineState, kind: SegmentKind, heading: Heading, **extra: object
) -> None:
    state.open(kind, heading.block.markdown, heading.block.line, heading.block.end_line, **extra)


HEADING_RULES: Ruler[HeadingRule] = Ruler(
    [
        ("noise_heading", noise_heading),
        ("agenda_item", agenda_item),
        ("item_subheading", item_subheading),
        ("decision_heading", decision_heading),
        ("action_heading", action_heading),
        ("metadata_heading", metadata_heading),
        ("document_type_heading", document_type_heading),
        ("date_heading", date_heading),
        ("title_heading", title_heading),
        ("section_heading", section_heading),
    ]
)
"""What a heading is, tried in order; ``section_heading`` claims whatever is left."""


# --- Block rules -------------------------------------------------------------------


def item_title_below(state: OutlineState, index: int, block: Block) -> bool:
    """The lines right under an item's heading that complete it, as protocols converted
    from PDF write them: the title below ``§ 137   Dnr BN-2023-00211``, or ``Dnr
    BN-2023-00240`` below the title.  The block stays in the item's text."""
    current = state.current
    if (
        current is None
        or current.kind is not SegmentKind.ITEM
        or block.kind is not BlockKind.PARAGRAPH
        or block.line > current.body_line + 1
    ):
        return False
    first = plain_text(block.markdown.split("\n", 1)[0]).strip()
    rest, diary = split_diary_number(first)
    if diary is not None and current.diary_number is None and not rest:
        current.diary_number = diary
    elif not current.title and first and len(first) <= 120:
        current.title, _ = split_diary_number(first)
    return False  # the block is still placed by the rules below


def noise_block(state: OutlineState, index: int, block: Block) -> bool:
    """A paragraph of page furniture only: kept in its segment, read by no rule."""
    if not state.is_noise(block):
        return False
    state.add(block, index, noise=True)
    return True


def metadata_block(state: OutlineState, index: int, block: Block) -> bool:
    """Labelled lines before the first item: ``Datum: …``, ``Närvarande<TAB>…``,
    ``**Projekt:** X`` followed by known labels."""
    if state.seen_item or not is_metadata_block(block, state.lines, state.noise):
        return False
    current = state.current
    if current is None or current.kind is not SegmentKind.METADATA:
        state.open(SegmentKind.METADATA, None, block.line, block.line)
    if block.kind is BlockKind.PARAGRAPH:
        last = match_metadata(state._text(block.end_line - 1))
        state.context = f"metadata:{last[0]}" if last and not last[1].value else None
    state.add(block, index)
    return True


def label_continuation(state: OutlineState, index: int, block: Block) -> bool:
    """A list right after ``Närvarande:`` (a label with no value) belongs to that label."""
    current = state.current
    if (
        current is None
        or current.kind is not SegmentKind.METADATA
        or current.metadata_field is not None
    ):
        return False
    if not _continues_label(block, state.blocks, state.lines, index):
        return False
    state.add(block, index)
    return True


def label_line(state: OutlineState, index: int, block: Block) -> bool:
    """A bare label on its own line, as municipal protocols write them: ``Beslut`` then
    the decision's paragraph, ``Ärendebeskrivning`` or ``Yrkanden`` then background."""
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    first = block.markdown.split("\n", 1)[0]
    key = heading_key(plain_text(first))
    if len(key) > 60:
        return False
    context = label_line_context(key)
    if context is None:
        return False
    _leave_metadata(state, block)
    state.context = context
    state.add(block, index, label=True)
    return True


def text_block(state: OutlineState, index: int, block: Block) -> bool:
    """Anything else: text in the current segment (a new text segment after metadata)."""
    _leave_metadata(state, block)
    state.add(block, index)
    return True


def _leave_metadata(state: OutlineState, block: Block) -> None:
    current = state.current
    if current is None or (current.kind is SegmentKind.METADATA and current.metadata_field is None):
        state.open(SegmentKind.TEXT, None, block.line, block.line)


BLOCK_RULES: Ruler[BlockRule] = Ruler(
    [
        ("item_title_below", item_title_below),
        ("noise_block", noise_block),
        ("metadata_block", metadata_block),
        ("label_continuation", label_continuation),
        ("label_line", label_line),
        ("text_block", text_block),
    ]
)
"""Where a paragraph, list item or other block stands, tried in order."""


# --- Metadata blocks --------------------------------------------------------------------


def is_metadata_block(block: Block, lines: list[str], noise: frozenset[int] = frozenset()) -> bool:
    """Whether ``block`` is labelled metadata lines: its first line a known label (or an
    unknown one followed by known ones), most lines labels or the people under one."""
    if block.kind is BlockKind.LIST_ITEM:
        return match_metadata(lines[block.line - 1], loose=True) is not None
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    numbers = [
        n
        for n in range(block.line, block.end_line)
        if n <= len(lines) and lines[n - 1].strip() and n not in noise
    ]
    if not numbers:
        return False
    found = [match_metadata(lines[n - 1], loose=True) for n in numbers]
    # ``**Projekt:** Nya hemsidan`` above ``**Datum:** …``: an unknown first key.
    if found[0] is None and (
        split_label(lines[numbers[0] - 1], require_colon=True) is None or not any(found[1:])
    ):
        return False
    labelled = sum(f is not None for f in found)
    listed = _people_lines_after_labels(found)
    return (labelled + listed) * 2 >= len(found)


def _people_lines_after_labels(found: Sequence[tuple[str, object] | None]) -> int:
    """Lines that continue a people label (``Närvarande:`` with one name per line below)."""
    count = 0
    open_list = False
    for entry in found:
        if entry is not None:
            open_list = entry[0] in PEOPLE_LIST_FIELDS
        elif open_list:
            count += 1
    return count


def _continues_label(block: Block, blocks: list[Block], lines: list[str], index: int) -> bool:
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    first = block
    while first.parent is not None:
        first = blocks[first.parent]
    previous_line = first.line - 1
    while previous_line >= 1 and not lines[previous_line - 1].strip():
        previous_line -= 1
    if previous_line < 1:
        return False
    found = match_metadata(lines[previous_line - 1])
    previous_is_list = index > 0 and blocks[index - 1].kind is BlockKind.LIST_ITEM
    return (found is not None and not found[1].value) or previous_is_list


# --- Numbered lines inside paragraphs ---------------------------------------------------------

_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1:?$")
_LONE_NUMBER = re.compile(r"^(?:§\s*)?\d{1,3}\.?$")


def _item_lines(block: Block, lines: list[str], noise: frozenset[int]) -> list[int]:
    """Offsets (in the paragraph) of lines that open an agenda item: ``**§ 3 Ekonomi**``,
    ``§ 137   Dnr BN-2023-00211``, or a lone ``7`` with the title on the next line.  A
    line that carries on a sentence (``enligt`` / ``§ 5 i stadgarna``) opens nothing."""
    own = block.markdown.split("\n")
    found: list[int] = []
    for offset, markdown in enumerate(own):
        number = block.line + offset
        head = markdown.lstrip()[:1]
        if head not in ("§", "*", "_") and not head.isdigit():
            continue  # only these can open an item; the rest need no plain text
        if number in noise or number > len(lines) or not _starts_fresh(own, offset, block, noise):
            continue
        text = plain_text(markdown).strip()
        if _BOLD.match(markdown.strip()) or text.startswith("§"):
            if len(text) <= 120 and split_item_heading(text) is not None:
                found.append(offset)
        elif _LONE_NUMBER.match(text) and offset + 1 < len(own) and own[offset + 1].strip():
            found.append(offset)
    return found


def _starts_fresh(own: list[str], offset: int, block: Block, noise: frozenset[int]) -> bool:
    if offset == 0:
        return True
    previous = own[offset - 1].rstrip().rstrip("*_ ")
    return previous.endswith((".", ":", "!", "?")) or (block.line + offset - 1) in noise


def split_item_lines(blocks: list[Block], lines: list[str], noise: frozenset[int]) -> list[Block]:
    """``blocks`` with each numbered line of a paragraph made a heading of its own (level
    7), as minutes converted from PDF write items; the rest of the paragraph stays one.
    In a file without numbered headings, a numbered list whose entries each carry text
    below their first line is the agenda too (``1. Mötets öppnande`` / ``Ordföranden …``)."""
    agenda = _agenda_list_items(blocks)
    result: list[Block] = []
    remap: dict[int, int] = {}
    headings: set[int] = set()
    last_number = 0
    for old_index, block in enumerate(blocks):
        if block.parent is not None and block.parent in remap:
            parent = remap[block.parent]
            block = _with_parent(block, None if parent in headings else parent)
        if old_index in agenda:
            number = _list_number(lines, block.line)
            own = block.markdown.split("\n")
            heading = _part(block, own, 0, 1, BlockKind.HEADING)
            title = plain_text(own[0]).strip()
            result.append(_retitled(heading, f"{number}. {title}"))
            headings.add(len(result) - 1)
            remap[old_index] = len(result) - 1
            if len(own) > 1:
                rest = _part(block, own, 1, len(own), BlockKind.PARAGRAPH)
                result.append(_with_parent(rest, None))
            continue
        starts = _item_lines(block, lines, noise) if block.kind is BlockKind.PARAGRAPH else []
        starts = [s for s in starts if _in_sequence(block, s, last_number)]
        if not starts:
            remap[old_index] = len(result)
            result.extend(_at_label_lines(block))
            continue
        own = block.markdown.split("\n")
        cuts = [*starts, len(own)]
        if starts[0] > 0:
            result.extend(_at_label_lines(_part(block, own, 0, starts[0], BlockKind.PARAGRAPH)))
        for start, end in itertools.pairwise(cuts):
            text = plain_text(own[start]).strip()
            title_lines = 2 if _LONE_NUMBER.match(text) else 1
            if title_lines == 1 and _needs_title(text) and start + 1 < end:
                title_lines = 2
            head_end = min(start + title_lines, end)
            result.append(_part(block, own, start, head_end, BlockKind.HEADING))
            numbered = split_item_heading(_heading_text(own, start, head_end))
            if numbered is not None and numbered[0].isdigit():
                last_number = int(numbered[0].split(".")[0])
            if head_end < end:
                result.extend(
                    _at_label_lines(_part(block, own, head_end, end, BlockKind.PARAGRAPH))
                )
        remap[old_index] = len(result) - 1
    return result


_LIST_NUMBER = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s")
_AGENDA_TITLE_LENGTH = 90


def _agenda_list_items(blocks: list[Block]) -> set[int]:
    """Indexes of the top-level numbered list entries that are agenda items: a list of at
    least two entries, most with text under a short first line that ends no sentence, in
    a file whose headings number nothing."""
    if any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    ):
        return set()
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, None]):
        is_entry = (
            block is not None
            and block.kind is BlockKind.LIST_ITEM
            and block.ordered
            and block.parent is None
        )
        if is_entry:
            run.append(index)
            continue
        if block is not None and block.parent is not None and run:
            continue  # nested in the entry before
        if len(run) >= 2 and _agenda_like([blocks[i] for i in run], blocks):
            found.update(run)
        run = []
    return found


def _agenda_like(entries: list[Block], blocks: list[Block]) -> bool:
    with_text = 0
    for entry in entries:
        first = entry.text.split("\n", 1)[0].strip()
        if not first or len(first) > _AGENDA_TITLE_LENGTH or first.endswith((".", "!", "?", ":")):
            return False
        if "\n" in entry.text.strip() or entry.end_line - entry.line > 2:
            with_text += 1
    return with_text * 2 >= len(entries)


def _list_number(lines: list[str], line: int) -> str:
    match = _LIST_NUMBER.match(lines[line - 1]) if 0 < line <= len(lines) else None
    return match["number"] if match else "0"


def _retitled(block: Block, text: str) -> Block:
    return Block(block.kind, block.line, block.end_line, block.level, block.markdown, text)


def _at_label_lines(block: Block) -> list[Block]:
    """A paragraph cut before each bare label line inside it (``Beslutsunderlag`` … then
    ``Beslut`` … with no blank line between, as PDF conversions leave a protocol), so that
    each label says what its own lines are."""
    if block.kind is not BlockKind.PARAGRAPH or "\n" not in block.markdown:
        return [block]
    own = block.markdown.split("\n")
    cuts = [
        offset
        for offset, line in enumerate(own)
        if offset > 0
        and len(line) <= 60
        and label_line_context(heading_key(line.strip().strip("*_")))
    ]
    if not cuts:
        return [block]
    bounds = [0, *cuts, len(own)]
    return [
        _part(block, own, start, end, BlockKind.PARAGRAPH)
        for start, end in itertools.pairwise(bounds)
    ]


def _needs_title(text: str) -> bool:
    """``§ 137   Dnr BN-2023-00211``: a number (and diary number) with the title below."""
    found = split_item_heading(text)
    if found is None:
        return False
    title, _ = split_diary_number(found[1])
    return not title.strip()


def _in_sequence(block: Block, offset: int, last_number: int) -> bool:
    # A lone number is an item only when it follows the one before (``7`` after item 6).
    text = plain_text(block.markdown.split("\n")[offset]).strip()
    if not _LONE_NUMBER.match(text) or text.startswith("§"):
        return True
    return int(text.rstrip(".")) in (last_number + 1, 1) or last_number == 0


def _heading_text(own: list[str], start: int, end: int) -> str:
    text = " ".join(plain_text(line).strip() for line in own[start:end])
    match = _LONE_NUMBER.match(plain_text(own[start]).strip())
    if match and end - start == 2:
        number = plain_text(own[start]).strip().rstrip(".")
        if not number.startswith("§"):
            number += "."
        text = number + " " + plain_text(own[start + 1]).strip()
    return text


def _part(block: Block, own: list[str], start: int, end: int, kind: BlockKind) -> Block:
    markdown = "\n".join(own[start:end])
    texts = block.text.split("\n")
    if len(texts) == len(own):
        text = "\n".join(texts[start:end])
    else:  # a construct spanning lines flattened the text: read the lines again
        text = "\n".join(plain_text(line) for line in own[start:end])
    if kind is BlockKind.HEADING:
        text = _heading_text(own, start, end)
        bold = _BOLD.match(markdown.strip())
        if bold:
            text = plain_text(bold["text"]).strip()
    return Block(
        kind,
        block.line + start,
        block.line + end,
        7 if kind is BlockKind.HEADING else 0,
        markdown,
        text,
        parent=block.parent,
    )


def _with_parent(block: Block, parent: int | None) -> Block:
    return Block(
        block.kind,
        block.line,
        block.end_line,
        block.level,
        block.markdown,
        block.text,
        block.checked,
        parent,
        block.ordered,
    )


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
    items = tuple(
        AgendaItem(
            number=s.item or "",
            title=s.title or "",
            section=s.section,
            attachments=(*s.attachments, *_attachments_in(units, s.item, s.attachments)),
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
    )


@cache
def _numbered_attachment() -> re.Pattern[str]:
    words = alternation(w for w in ATTACHMENT_WORDS if " " not in w)
    number = alternation(NUMBER_ABBREVIATIONS)
    return re.compile(rf"\b(?:{words})\s+(?:(?:{number})\s*)?\d+[a-z]?\b", re.IGNORECASE)


def _attachments_in(
    units: tuple[Unit, ...], number: str | None, in_title: tuple[str, ...]
) -> tuple[str, ...]:
    """Numbered attachments the item's text refers to (*Se bilaga 3*), once each."""
    seen = {note.casefold() for note in in_title}
    found: list[str] = []
    for unit in units:
        if unit.item != number or unit.segment is not SegmentKind.ITEM:
            continue
        if unit.block.kind is BlockKind.HEADING or unit.noise:
            continue
        for match in _numbered_attachment().finditer(unit.block.text):
            note = " ".join(match.group().split())
            if note.casefold() not in seen:
                seen.add(note.casefold())
                found.append(note)
    return tuple(found)


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
