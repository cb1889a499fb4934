"""Decisions written as a table::

    | Datum      | Beslut                     | Kommentar             |
    |------------|----------------------------|-----------------------|
    | 2026-03-10 | Roadmapen antas            | Första versionen      |

    | Punkt           | Anteckningar och beslut                                  |
    | 2. Tidplan      | Bygglovet är beviljat. Styrgruppen fastställde tidplanen. |

A column whose header names decisions (*Anteckningar och beslut*, *Beslut*) holds notes
and decisions: its sentences that decide are decisions.  (A bare *Beslut* cell is not
taken whole: such tables are as often a register of decisions made elsewhere, or a recap
of the ones the notes already record.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..vocabulary import DECISION_LABELS, DECISION_NOUN, EMPTY_CELLS
from .attendance_tables import row_cells
from .blocks import BlockKind
from .decision_sentences import is_decision_sentence
from .labels import normalise_key
from .outline import Unit
from .text import collapse, sentences

if TYPE_CHECKING:
    from .decisions import DecisionState

_RULE = re.compile(r"^\|?\s*:?-{2,}")


def table_decisions(
    lines: list[str], first_line: int, decides: Callable[[str], bool]
) -> list[tuple[str, int]]:
    """(text, line) of each decision in the pipe table ``lines`` (the first at 1-based
    ``first_line``); ``decides`` says whether a sentence is a decision.  Empty when no
    column's header names decisions."""
    column: int | None = None
    found: list[tuple[str, int]] = []
    for offset, line in enumerate(lines):
        if not line.lstrip().startswith("|") or _RULE.match(line.strip()):
            continue
        cells = row_cells(line)
        keys = [normalise_key(c) for c in cells]
        exact = [i for i, k in enumerate(keys) if k in DECISION_LABELS]
        mixed = [i for i, k in enumerate(keys) if DECISION_NOUN in k.split() and len(k) <= 40]
        if exact or mixed:
            # A header row, the table's first or one further down (a spreadsheet's
            # ``Punkt | Anteckningar och beslut`` below its list of those present).
            column = exact[0] if exact else mixed[0]
            continue
        if column is None:
            continue
        cell = cells[column] if column < len(cells) else ""
        if not cell or cell.casefold() in EMPTY_CELLS:
            continue
        found.extend((s.text, first_line + offset) for s in sentences(cell) if decides(s.text))
    return found


def decision_table(state: DecisionState, unit: Unit) -> bool:
    """A table with a *Beslut* column (:mod:`.decision_tables`): its rows' decisions."""
    if unit.block.kind is not BlockKind.OTHER or unit.noise:
        return False
    lines = state.ctx.lines[unit.block.line - 1 : unit.block.end_line - 1]
    if not lines or not lines[0].lstrip().startswith("|"):
        return False
    found = table_decisions(lines, unit.block.line, is_decision_sentence)
    seen = {c.line for c in state.found}
    for text, line in found:
        if line not in seen:
            state.add(collapse(text), line, unit)
    return bool(found)
