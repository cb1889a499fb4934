"""What a heading is: an agenda item, a decision or action list, metadata, a section…"""

from __future__ import annotations

from ...model import SegmentKind
from ...vocabulary import (
    DECISION_HEADINGS,
    DOCUMENT_TYPES,
    SECTION_HEADINGS,
)
from ..dates import parse_date
from ..labels import metadata_field
from ..ruler import Ruler
from .state import Context, Heading, HeadingRule, OutlineState
from .titles import (
    document_type_of,
    heading_key,
    is_action_heading,
    label_line_context,
    split_attachments,
    split_diary_number,
    split_item_heading,
)

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
    if is_action_heading(key):
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
    elif is_action_heading(heading.key):
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
    if not is_action_heading(heading.key):
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
    kind = document_type_of(heading.key)
    if state.seen_item or kind is None:
        return False
    if heading.key in DOCUMENT_TYPES and (
        state.document_type is not None or (state.title is not None and state.headings_are_items)
    ):
        # A second ``## Anteckningar``, or one under the title of notes without numbered
        # items, heads the notes themselves.
        state.document_type = state.document_type or kind
        return False
    state.document_type = state.document_type or kind
    if state.title is None and heading.key not in DOCUMENT_TYPES:
        state.title, state.title_line = heading.text, heading.block.line
    _open_heading(state, SegmentKind.TITLE, heading)
    state.add(heading.block, heading.index)
    return True


def date_heading(state: OutlineState, heading: Heading) -> bool:
    """A heading that is only the date (``## 14 mars 2022``), before any item: part of
    the title, never an item.  ``# Veckomöte 2025-03-04`` is a title, not only a date."""
    if state.seen_item or parse_date(heading.text, None, strict=True, max_extra_words=0) is None:
        return False
    state.dated_at = heading.level if state.dated_at is None else state.dated_at
    _open_heading(state, SegmentKind.TITLE, heading)
    state.add(heading.block, heading.index)
    return True


def title_heading(state: OutlineState, heading: Heading) -> bool:
    """The first heading before any item, unless it names a section."""
    if state.seen_item or state.title is not None or heading.key in SECTION_HEADINGS:
        return False
    if state.dated_at is not None and heading.level <= state.dated_at:
        # ``# Mar-04-2025`` / ``# Reports:``: after a heading that is only the date, a
        # heading as high heads the notes, not the document.
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
        # An item like any other: a later ``## Anteckningar`` heads notes, not the file.
        state.seen_item = True
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
