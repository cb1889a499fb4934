"""Proposals under a heading of their own and verdicts that name them by number, as
student unions' templates write them::

    ### Förslag
    - budgeten för 2025 fastställs
    - kassören får i uppdrag att boka revisionen

    ### Beslut
    - attsats 1 bifalles
    - attsats 2 avslages

A proposal decides nothing by itself; the verdict on clause *n* makes clause *n* a
decision with that outcome (approved, rejected, tabled).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..vocabulary import (
    ATT_CLAUSE_VERDICT_WORDS,
    CLAUSE_WORDS,
    DECISION_LABEL_LINES,
    INFINITIVE_VERDICTS,
    LIST_JOINERS,
    PROPOSAL_HEADINGS,
    VERDICTS,
)
from .attendance_values import BULLET_LINE
from .blocks import BlockKind
from .candidates import Line, unit_lines
from .outline import Unit
from .outline.titles import heading_key
from .text import alternation, collapse

if TYPE_CHECKING:
    from .decisions import DecisionState


def proposal_clause(state: DecisionState, unit: Unit) -> bool:
    """A line or bullet under a *Förslag* heading: a clause waiting for its verdict."""
    if unit.subheading is None or heading_key(unit.subheading) not in PROPOSAL_HEADINGS:
        return False
    if unit.block.kind not in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH) or unit.noise:
        return False
    if state.pending_item != unit.item:
        state.pending_atts, state.pending_item = [], unit.item
    for line in unit_lines(state.ctx, unit):
        text = collapse(BULLET_LINE.sub("", line.text))
        if text:
            state.pending_atts.append((text, line.number))
    return True


@cache
def _numbered() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:[-*+•]\s+)?(?:\w+:\s*)?(?:{alternation(ATT_CLAUSE_VERDICT_WORDS)})\s*"
        rf"(?P<number>\d{{1,2}})\s+(?P<verdict>{alternation(VERDICTS)})(?!\w)",
        re.IGNORECASE,
    )


def numbered_verdict(state: DecisionState, unit: Unit, line: Line) -> bool:
    """``attsats 2 avslages`` after the proposals: clause 2, rejected."""
    return _verdict_on_clause(state, unit, line.text)


def numbered_verdicts(state: DecisionState, unit: Unit) -> bool:
    """A bullet ``- attsats 1 bifalles`` under *Beslut*: the verdict, not a decision's
    text (before the rule that takes every bullet there for one)."""
    if unit.block.kind is not BlockKind.LIST_ITEM or not state.pending_atts:
        return False
    return _verdict_on_clause(state, unit, unit.block.text)


def _verdict_on_clause(state: DecisionState, unit: Unit, text: str) -> bool:
    if not state.pending_atts or state.pending_item != unit.item:
        return False
    found = _numbered().match(text.strip())
    if found is None:
        return False
    number = int(found["number"])
    if not 1 <= number <= len(state.pending_atts):
        return False
    clause, at = state.pending_atts[number - 1]
    state.add(clause, at, unit, verdict=VERDICTS[found["verdict"].casefold()])
    return True


def keeps_proposals(unit: Unit) -> bool:
    """Whether a heading keeps the proposals above it waiting (*Beslut* after *Förslag*)."""
    return heading_key(unit.block.text) in DECISION_LABEL_LINES


# --- Att-clauses and verdicts as patterns ---------------------------------------------


@cache
def att_label() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(CLAUSE_WORDS)})\s*:\s*(?P<text>.+)$", re.IGNORECASE)


@cache
def clause_verdict() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:(?:{alternation(ATT_CLAUSE_VERDICT_WORDS)})\s+)?(?P<verdict>{alternation(VERDICTS)})"
        r"\b.*$",
        re.IGNORECASE,
    )


@cache
def infinitive_verdict() -> re.Pattern[str]:
    """``att bifalla attsatsen`` (nothing more: *att bifalla motionen* decides itself)."""
    return re.compile(
        rf"^(?P<verdict>{alternation(INFINITIVE_VERDICTS)})\s+"
        rf"(?:{alternation(ATT_CLAUSE_VERDICT_WORDS)})\s*\.?$",
        re.IGNORECASE,
    )


def clean_clause(text: str) -> str:
    return _clause_end().sub("", collapse(text)).rstrip(",;.")


@cache
def _clause_end() -> re.Pattern[str]:
    # ``att godkänna budgeten, samt``: the joining word belongs to the next clause.
    return re.compile(rf"[\s,;]+(?:{alternation(LIST_JOINERS)})?$", re.IGNORECASE)
