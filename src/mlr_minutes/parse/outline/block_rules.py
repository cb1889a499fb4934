"""Where a paragraph, list item or other block stands; metadata blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import SegmentKind
from ..blocks import Block, BlockKind, plain_text
from ..chat_log import CHAT_AUTHOR, handle_header
from ..labels import match_metadata, split_label
from ..ruler import Ruler
from .heading_rules import PEOPLE_LIST_FIELDS
from .state import BlockRule, Context, OutlineState
from .titles import heading_key, label_line_context, split_diary_number

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


def chat_message(state: OutlineState, index: int, block: Block) -> bool:
    """A chat message's header (``**Jonas Fält** 09:10``, ``> **08:58 @ida.berg**``) ends
    what a label before it opened (``Att göra:`` and its tasks): the message is its
    writer's.  Sets nothing else; the block goes on to the next rule."""
    if block.kind is BlockKind.PARAGRAPH and state.context is not None:
        first = block.markdown.split("\n", 1)[0]
        if CHAT_AUTHOR.match(first) or handle_header(first) is not None:
            state.context = None
    return False


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


_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def thematic_break(state: OutlineState, index: int, block: Block) -> bool:
    """``---`` ends what a bare label line began: the paragraphs after a rule below
    ``**Beslut**`` (an e-signing service's verification page, a signature block) are no
    more the decision's text."""
    if block.kind is not BlockKind.OTHER or block.end_line - block.line != 1:
        return False
    if not _THEMATIC_BREAK.match(state.lines[block.line - 1]):
        return False
    if state.context in (Context.DECISION_TEXT, Context.BACKGROUND):
        state.context = None
    state.add(block, index)
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
        ("chat_message", chat_message),
        ("label_line", label_line),
        ("thematic_break", thematic_break),
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
    first = match_metadata(lines[numbers[0] - 1], loose=True)
    # ``**Projekt:** Nya hemsidan`` above ``**Datum:** …``: an unknown first key.  Without
    # any label first, the other lines are not read (most paragraphs are prose).
    if first is None and split_label(lines[numbers[0] - 1], require_colon=True) is None:
        return False
    found = [first, *(match_metadata(lines[n - 1], loose=True) for n in numbers[1:])]
    if first is None and not any(found[1:]):
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
