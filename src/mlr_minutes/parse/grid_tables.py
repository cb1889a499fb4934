"""Pandoc's grid and multiline tables, as ``pandoc -t markdown`` writes a Word table
whose cells hold more than one line (a protocol's first page: label cells on the left,
names one per line on the right)::

    +----------------------+-----------------------+
    | **Närvarande         | Karin Öst\\            |
    | ledamöter**          | Magnus Berg           |
    +----------------------+-----------------------+

CommonMark has no such tables, so markdown-it reads the borders and bars as text and
every rule that looks for ``Närvarande`` at a line's start misses it.  Each row is
rewritten on its first line as what it means, and the row's other lines and the
borders are blanked, so no line number moves and no text is lost:

* a row of two cells is a label and its value, ``**Närvarande ledamöter:** Karin Öst;
  Magnus Berg``: a line ending with ``\\`` (a hard break, one entry a line) is joined
  with ``;``, a wrapped line with a space;
* a row of more cells is a pipe-table row, ``| 1 | Öppnande | Ordföranden öppnade |``;
* a table with a header row (``+===+`` under it) is the pipe table it means, its rows
  on the lines right after the header's (Markdown's table needs them consecutive).

A multiline table (rows between lines of dashes with spaces at the column gaps, a
blank line after each row) is already laid out in columns, as a form's signature
block is (offices in a row, each name below its office): each row is joined onto its
first line with every cell at its column, so only the wrapping goes.  A simple table
(one row a line) with a header is the pipe table it means, line for line; without
one, its rows are a form's labels and values already and only its dashes go.
"""

from __future__ import annotations

import re
from itertools import pairwise

_BORDER = re.compile(r"^ {0,3}\+(?:[-=:]+\+)+\s*$")
_ROW = re.compile(r"^ {0,3}\|.*\|\s*$")
_BOLD = re.compile(r"^\*\*(?P<label>.+?)\*\*$")


_COLUMN_DASHES = re.compile(r"^ {0,3}-{3,}(?: +-{3,})+\s*$")
_FULL_DASHES = re.compile(r"^ {0,3}-{10,}\s*$")


def has_grid_table(text: str) -> bool:
    """A cheap gate: a line that starts a grid table's border, or dashes with gaps."""
    return text.startswith("+-") or "\n+-" in text or "\n +-" in text or "--- -" in text


def rewrite_grid_tables(lines: list[str]) -> int | None:
    """Rewrite every grid table in ``lines`` in place; the first rewritten line's
    number (1-based), or None when there is none."""
    first = _rewrite_multiline_tables(lines)
    index = 0
    while index < len(lines):
        if not _BORDER.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and (_BORDER.match(lines[end]) or _ROW.match(lines[end])):
            end += 1
        # A table is closed by a border; a lone border line is a thematic break or text.
        while end > index + 1 and not _BORDER.match(lines[end - 1]):
            end -= 1
        if end - index < 3:
            index += 1
            continue
        _rewrite(lines, index, end)
        first = index + 1 if first is None else first
        index = end
    return first


def _rewrite(lines: list[str], start: int, end: int) -> None:
    border = lines[start]
    edges = [i for i, char in enumerate(border) if char == "+"]
    rows: list[tuple[list[int], bool]] = []  # each row's lines, and whether ``+===+`` ends it
    row: list[int] = []
    for number in range(start, end):
        if _BORDER.match(lines[number]):
            if row:
                rows.append((row, "=" in lines[number]))
            row = []
        else:
            row.append(number)
    texts = [(_joined([_cells(lines[i], edges) for i in row]), row) for row, _ in rows]
    for number in range(start, end):
        lines[number] = ""
    header = next((at for at, (_, ends_header) in enumerate(rows) if ends_header), None)
    # A form: each row on its first line as what it means, its line kept.
    for cells, row in texts if header is None else texts[:header]:
        lines[row[0]] = _row_text_of(cells)
    if header is None:
        return
    # ``+=====+`` under the first row: a table with a header (``| Namn | Roll |``), not a
    # form. Markdown's table needs its rows on consecutive lines, so they follow the
    # header and its delimiter one a line (a row a few lines above where it was written).
    at = rows[header][0][-1]
    lines[at] = _pipe_row(texts[header][0])
    lines[at + 1] = "|" + "---|" * len(texts[header][0])
    for offset, (cells, _) in enumerate(texts[header + 1 :], start=at + 2):
        lines[offset] = _pipe_row(cells)


def _joined(row: list[list[str]]) -> list[str]:
    width = max(len(cells) for cells in row)
    return [_join([cells[i] for cells in row if i < len(cells)]) for i in range(width)]


def _rewrite_multiline_tables(lines: list[str]) -> int | None:
    first: int | None = None
    index = 0
    while index < len(lines):
        start = index
        if _FULL_DASHES.match(lines[index]) and (index == 0 or not lines[index - 1].strip()):
            # A table with a header: its column line follows the header's lines.
            below = next(
                (i for i in range(index + 1, min(index + 6, len(lines))) if not lines[i].strip()),
                None,
            )
            column = next(
                (i for i in range(index + 1, below or index + 6) if i < len(lines)
                 and _COLUMN_DASHES.match(lines[i])),
                None,
            )  # fmt: skip
            if column is None:
                index += 1
                continue
            edges_line, body = lines[column], column + 1
        elif _COLUMN_DASHES.match(lines[index]) and index and lines[index - 1].strip():
            # A simple table's header line above its dashes, the rows below, one a line,
            # up to a blank line: the pipe table it means, line for line.
            starts = [m.start() for m in re.finditer(r"-{3,}", lines[index])]
            lines[index - 1] = _pipe_row(_split_at(lines[index - 1], starts))
            lines[index] = "|" + "---|" * len(starts)
            index += 1
            while index < len(lines) and lines[index].strip():
                if _COLUMN_DASHES.match(lines[index]) or _FULL_DASHES.match(lines[index]):
                    lines[index] = ""  # a closing line of dashes
                    break
                lines[index] = _pipe_row(_split_at(lines[index], starts))
                index += 1
            first = index if first is None else first
            continue
        elif _COLUMN_DASHES.match(lines[index]):
            edges_line, body = lines[index], index + 1
        else:
            index += 1
            continue
        end = next(
            (
                i
                for i in range(body, len(lines))
                if _FULL_DASHES.match(lines[i]) or _COLUMN_DASHES.match(lines[i])
            ),
            None,
        )
        if end is None or (
            start == index
            and not all(lines[i].strip() for i in range(body, end))
            and not _rows_apart(lines, body, end)
        ):
            index += 1
            continue
        starts = [m.start() for m in re.finditer(r"-{3,}", edges_line)]
        if all(lines[i].strip() for i in range(body, end)):
            # No blank line between the dashes: a simple table, one row a line, already
            # in its columns.
            lines[start] = lines[end] = ""
        else:
            _rewrite_multiline(lines, start, end, starts)
        first = start + 1 if first is None else first
        index = end + 1
    return first


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.strip().replace("|", "\\|") for cell in cells) + " |"


def _rows_apart(lines: list[str], body: int, end: int) -> bool:
    """A multiline table's rows stand apart, one blank line between them."""
    return all(lines[i].strip() or (lines[i - 1].strip() and lines[i + 1].strip())
               for i in range(body + 1, end - 1))  # fmt: skip


def _rewrite_multiline(lines: list[str], start: int, end: int, starts: list[int]) -> None:
    row: list[int] = []
    for number in range(start, end + 1):
        line = lines[number]
        if line.strip() and not _FULL_DASHES.match(line) and not _COLUMN_DASHES.match(line):
            row.append(number)
            continue
        if row:
            lines[row[0]] = _columns_line([_split_at(lines[i], starts) for i in row], starts)
            for other in row[1:]:
                lines[other] = ""
            row = []
        lines[number] = ""


def _split_at(line: str, starts: list[int]) -> list[str]:
    """The line cut at the columns; a cut that would split a word moves left to the gap
    before it (a hand-aligned table, or an escape such as ``\\-`` that shifted the rest)."""
    cuts = [0]
    for start in starts[1:]:
        cut = start
        while 0 < cut < len(line) and line[cut - 1] != " " and start - cut < 3:
            cut -= 1
        cuts.append(cut if cut == start or line[cut - 1] == " " else start)
    bounds = [*cuts[1:], len(line) + 1]
    return [line[a:b] for a, b in zip(cuts, bounds, strict=True)]


def _columns_line(row: list[list[str]], starts: list[int]) -> str:
    """The row's cells, each joined from its lines and set at its column (two spaces
    at least between cells, so the columns still read as columns)."""
    text = ""
    for at, column in enumerate(zip(*row, strict=True)):
        cell = _join(list(column))
        if not cell:
            continue
        position = starts[at] if not text else max(starts[at], len(text) + 2)
        text = text.ljust(position) + cell
    return text


def _cells(line: str, edges: list[int]) -> list[str]:
    """The text between each pair of column edges; a line whose bars stand elsewhere
    (a cell spanning columns) is split at its own bars."""
    if all(index < len(line) and line[index] == "|" for index in edges):
        return [line[a + 1 : b] for a, b in pairwise(edges)]
    return line.strip().strip("|").split("|")


def _row_text_of(columns: list[str]) -> str:
    if len(columns) == 2:
        label, value = columns
        bold = _BOLD.match(label)
        if bold:
            label = bold["label"].rstrip(":")
            return f"**{label}:** {value}".rstrip() if value else f"**{label}**"
        if not label:
            return value
        return f"{label.rstrip(':')}: {value}".rstrip()
    return _pipe_row(columns)


def _join(parts: list[str]) -> str:
    """A cell's lines as one: a hard break (``\\`` at the end) separates entries."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        trailing = len(part) - len(part.rstrip("\\"))
        hard = trailing % 2 == 1
        if hard:
            part = part[:-1].rstrip()
        if text and not text.endswith("; "):
            text += " "
        text += part + ("; " if hard else "")
    return text.removesuffix("; ")
