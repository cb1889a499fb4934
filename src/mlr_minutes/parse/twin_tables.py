"""A table of people printed twice side by side, as a register of those present fills a
page's two halves::

    Ledamot          Närv.  Tjänstgörande ers.   Ledamot         Närv.  Tjänstgörande ers.
    Kerstin Vallin   X                           Bo Ekdahl       X
    Britt Ljung      -      Rolf Åkesson         Hugo Lilja      -      Sara Brink

The header's cells come twice in the same order; each row holds one row of each half.
The attendance reader reads the left half in place and the right half as a table of its
own, each row cut where its right half starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attendance_tables import table_header
from .label_cells import cells

_CELL_START = re.compile(r"(?<=\S)\s{2,}(?=\S)")
_SLACK = 12
"""How far from the header's cut a row's right half may start (a text layer shifts it)."""


@dataclass(frozen=True)
class TwinTable:
    """A table printed twice side by side."""

    header: int
    """0-based index of the header line."""
    end: int
    """0-based index after the last row."""
    cut: int
    """Where the header's second half starts."""


def twin_tables(lines: list[str]) -> list[TwinTable]:
    """Every table whose header holds the same cells twice (``Ledamot  Närv.  Ledamot
    Närv.``), with the rows below it up to a blank line."""
    found: list[TwinTable] = []
    for index, line in enumerate(lines):
        if line.count("  ") < 3 or "|" in line:
            continue  # a header twice holds at least three gaps between its cells
        row = cells(line)
        half = len(row) // 2
        texts = [cell.text for cell in row]
        if half < 2 or len(row) % 2 or texts[:half] != texts[half:]:
            continue
        cut = row[half].start
        if table_header(line[:cut].rstrip()) is None:
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip():
            end += 1
        found.append(TwinTable(index, end, cut))
    return found


def row_cut(line: str, cut: int) -> int:
    """Where ``line``'s right half starts: the start of its cell nearest the header's cut
    (the whole line is the left half when none is near)."""
    if len(line) <= cut - _SLACK:
        return len(line)
    starts = [m.end() for m in _CELL_START.finditer(line)]
    near = [s for s in starts if abs(s - cut) <= _SLACK]
    return min(near, key=lambda s: abs(s - cut)) if near else len(line)
