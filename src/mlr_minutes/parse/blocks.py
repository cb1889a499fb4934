"""Markdown → a flat list of located blocks, the parser's only contact with markdown-it.

Later rules never look at tokens: they see headings, paragraphs and list items,
each with its 1-based source line, its inline Markdown and its plain text.
List items know their depth and parent, and task-list boxes (``[ ]``/``[x]``)
are read here, so every rule agrees on what "done" means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from markdown_it.token import Token

from ..markdown import markdown_parser as _markdown
from ..markdown import parser_for, plain_lines
from ..vocabulary import ITEM_TABLE_NUMBER_HEADERS, ITEM_TABLE_TEXT_HEADERS


class BlockKind(StrEnum):
    """The kinds of block the rules distinguish."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the document with where it came from."""

    kind: BlockKind
    """Heading, paragraph, list item, or another block (code, table, rule, quote)."""
    line: int
    """1-based first source line."""
    end_line: int
    """1-based line just past the block (exclusive)."""
    level: int
    """Heading level (1–6), or list depth (1 for a top-level item), else 0."""
    markdown: str
    """The inline Markdown of the heading, paragraph or the item's first paragraph."""
    text: str
    """``markdown`` as plain text; soft line breaks kept as ``\\n``."""
    checked: bool | None = None
    """For a task-list item: whether it is ticked; None for other blocks."""
    parent: int | None = None
    """For a nested list item: the index of its parent item in the block list."""
    ordered: bool = False
    """For a list item: whether its list is numbered."""


TASK_BOX = re.compile(r"^\[(?P<mark>[ xX])\]\s+")


def inline_plain_text(children: list[Token] | None) -> str:
    """The plain text of inline tokens: emphasis and link syntax gone, line breaks as ``\\n``."""
    parts: list[str] = []
    for token in children or ():
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "image":
            parts.append(inline_plain_text(token.children))
    return "".join(parts)


@lru_cache(maxsize=4096)
def plain_text(markdown: str) -> str:
    """Plain text of one line of inline Markdown (``*kursiv*`` → ``kursiv``)."""
    if plain_lines(markdown) is not None:
        return markdown  # no mark: the text as written (soft breaks are ``\\n``)
    tokens = _markdown().parseInline(markdown)
    return inline_plain_text(tokens[0].children if tokens else None)


def _line_range(token: Token, fallback: int) -> tuple[int, int]:
    if token.map:
        return token.map[0] + 1, token.map[1] + 1
    return fallback, fallback + 1


def parse_blocks(text: str) -> list[Block]:
    """Every heading, paragraph and list item of ``text`` in source order."""
    tokens = parser_for(text).parse(text)
    blocks: list[Block] = []
    open_items: list[tuple[int, int]] = []  # (block index, end line) of enclosing list items
    ordered_stack: list[bool] = []
    pending_item: tuple[int, int, int] | None = None  # line, end, depth of an item awaiting text
    last_line = 1
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            ordered_stack.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered_stack.pop()
        elif token.type == "list_item_open":
            line, end = _line_range(token, last_line)
            pending_item = (line, end, len(ordered_stack))
        elif token.type == "list_item_close":
            if pending_item is not None:  # an empty item still counts (``- [ ]`` alone)
                _append_item(blocks, open_items, pending_item, "", "", ordered_stack)
                pending_item = None
            if open_items:
                open_items.pop()
        elif token.type == "heading_open":
            line, end = _line_range(token, last_line)
            inline = tokens[index + 1]
            blocks.append(
                Block(
                    BlockKind.HEADING,
                    line,
                    end,
                    int(token.tag[1]),
                    inline.content,
                    inline_plain_text(inline.children),
                )
            )
            last_line = end
        elif token.type == "paragraph_open":
            line, end = _line_range(token, last_line)
            inline = tokens[index + 1]
            if pending_item is not None:
                _append_item(
                    blocks,
                    open_items,
                    pending_item,
                    inline.content,
                    inline_plain_text(inline.children),
                    ordered_stack,
                )
                pending_item = None
            else:
                blocks.append(
                    Block(
                        BlockKind.PARAGRAPH,
                        line,
                        end,
                        0,
                        inline.content,
                        inline_plain_text(inline.children),
                        parent=open_items[-1][0] if open_items else None,
                    )
                )
            last_line = end
        elif token.type in ("fence", "code_block", "table_open", "hr", "blockquote_open"):
            line, end = _line_range(token, last_line)
            if pending_item is not None:
                _append_item(blocks, open_items, pending_item, "", "", ordered_stack)
                pending_item = None
            blocks.append(Block(BlockKind.OTHER, line, end, 0, token.content, token.content))
            if token.type == "table_open":
                blocks.extend(_item_table_text(tokens, index))
            last_line = end
    return blocks


def _item_table_text(tokens: list[Token], start: int) -> list[Block]:
    """A protocol written as one table of items (``| § | Ärende | Beslut / anteckning |``):
    each row's text cell as a paragraph at the row's line, for the rules that read prose
    (decisions, tasks, who opened).  The table itself stays one block, rendered whole."""
    rows: list[tuple[int, list[Token]]] = []
    for token in tokens[start + 1 :]:
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append((token.map[0] + 1 if token.map else 0, []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(token)
    if len(rows) < 2:
        return []
    header = [" ".join(cell.content.casefold().replace("*", "").split()) for cell in rows[0][1]]
    if not header or header[0] not in ITEM_TABLE_NUMBER_HEADERS:
        return []
    column = next((i for i, h in enumerate(header) if h in ITEM_TABLE_TEXT_HEADERS), None)
    if column is None:
        return []
    found: list[Block] = []
    for line, cells in rows[1:]:
        if column < len(cells) and cells[column].content.strip() and line:
            cell = cells[column]
            text = inline_plain_text(cell.children)
            found.append(Block(BlockKind.PARAGRAPH, line, line + 1, 0, cell.content, text))
    return found


def _append_item(
    blocks: list[Block],
    open_items: list[tuple[int, int]],
    pending: tuple[int, int, int],
    markdown: str,
    text: str,
    ordered_stack: list[bool],
) -> None:
    line, end, depth = pending
    checked: bool | None = None
    box = TASK_BOX.match(markdown)
    if box:
        checked = box["mark"] != " "
        markdown = markdown[box.end() :]
        text = TASK_BOX.sub("", text, count=1)
    elif markdown.strip() in ("[ ]", "[x]", "[X]"):
        checked = markdown.strip() != "[ ]"
        markdown = text = ""
    parent = open_items[-1][0] if open_items else None
    blocks.append(
        Block(
            BlockKind.LIST_ITEM,
            line,
            end,
            depth,
            markdown,
            text,
            checked,
            parent,
            ordered_stack[-1] if ordered_stack else False,
        )
    )
    open_items.append((len(blocks) - 1, end))
