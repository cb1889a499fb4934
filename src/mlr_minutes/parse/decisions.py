"""Decisions: a *Beslut* list, ``Beslut:`` labels, deciding sentences and ``att``-clauses.

Minutes state decisions in several ways, often twice: the reference file
summarises them in a *Beslut* list at the top and tells them again in the
items' prose.  A prose decision that repeats a summary bullet is merged into
it (and ties it to its item) rather than counted twice.

The conventions are the rules of :data:`UNIT_RULES`, :data:`LINE_RULES` and
:data:`SENTENCE_RULES`, tried in order (see :mod:`.candidates`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..model import Decision, Outcome, SegmentKind
from ..vocabulary import (
    ANY,
    CLAUSE_WORDS,
    DECIDING_VERBS,
    DECISION_ID_PREFIX,
    DECISION_LABEL_QUALIFIERS,
    DECISION_LABELS,
    INFINITIVE_VERDICTS,
    LEAD_ADVERBS,
    LEAD_VERBS,
    RESERVATION_PHRASES,
    VERDICTS,
)
from .blocks import BlockKind
from .candidates import (
    Candidate,
    Line,
    Sentence,
    drop_repeats,
    in_the_minutes,
    is_readable,
    number_and_check,
    passage_sentences,
    preamble_lines,
    run_rules,
    unit_lines,
    with_points,
)
from .chat_log import decision_tagged, said
from .context import ParseContext
from .decision_sentences import is_decision_sentence, outcome_of
from .decision_tables import decision_table
from .gates import GatedPattern, gated
from .labels import normalise_key, split_label
from .matching import ItemMatcher
from .outline import Context, Unit
from .proposal_verdicts import (
    att_label,
    clause_verdict,
    clean_clause,
    infinitive_verdict,
    keeps_proposals,
    numbered_verdict,
    numbered_verdicts,
    proposal_clause,
)
from .ruler import Ruler
from .text import alternation, collapse, similarity

_MERGE_SIMILARITY = 0.5


@dataclass
class DecisionCandidate(Candidate):
    """A decision found, before it is numbered."""

    points: list[str] = field(default_factory=list)
    """Sub-points nested under it."""
    outcome: Outcome | None = None
    """What the wording says it did."""


@dataclass
class DecisionState:
    """What the decision rules share while they walk the units."""

    ctx: ParseContext
    """The file being parsed."""
    found: list[DecisionCandidate] = field(default_factory=list)
    """Decisions found so far."""
    consumed: set[int] = field(default_factory=set)
    """Units claimed already (the sub-points of a decision)."""
    awaiting_clauses: str | None = None
    """A lead (``Styrelsen beslutar:``) or an empty ``Beslut:`` label whose ``att``-clauses
    follow on the next lines or bullets."""
    pending_atts: list[tuple[str, int]] = field(default_factory=list)
    """``Att: …`` lines waiting for their verdict (``Beslut: Attsatserna bifalles``)."""
    pending_item: str | None = None
    """The item of the proposals under a *Förslag* heading (:mod:`.proposal_verdicts`)."""
    label_list_parent: int | None = None
    """The unit of an empty ``Beslut:`` label whose bullets below are decisions
    (-1 when the label is a paragraph)."""

    def add(
        self,
        text: str,
        line: int,
        unit: Unit,
        points: list[str] | None = None,
        verdict: Outcome | None = None,
    ) -> None:
        """Record a decision with the outcome its words state (or a ``verdict`` gave: an
        approved election stays an election)."""
        said = outcome_of(text)
        outcome = said if verdict is None or (verdict is Outcome.APPROVED and said) else verdict
        self.found.append(
            DecisionCandidate(text, line, unit.item, points=points or [], outcome=outcome)
        )


# --- Patterns -------------------------------------------------------------------------


@cache
def _clause_lead() -> re.Pattern[str]:
    """``Styrelsen beslutar`` (or ``… beslutar att:``) with the ``att``-clauses below."""
    verbs = alternation(
        [*LEAD_VERBS, *(v for v, (mode, _) in DECIDING_VERBS.items() if mode == ANY)]
    )
    return re.compile(
        rf"^(?:[\wåäöÅÄÖ:.-]+\s+){{1,5}}(?:{verbs})(?:\s+(?:{alternation(LEAD_ADVERBS)}))?"
        rf"(?:\s+(?:{alternation(CLAUSE_WORDS)}))?\s*:?\s*$",
        re.IGNORECASE,
    )


@cache
def _clause() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(CLAUSE_WORDS)})\s+\S", re.IGNORECASE)


def _decision_label(line: str) -> str | None:
    label = split_label(line, require_colon=True)
    if label is None:
        return None
    key = normalise_key(label.key)
    # (``Beslut / Decision``: the label in two languages.)
    if any(k in DECISION_LABELS or _qualified_label().match(k) for k in key.split(" / ")):
        return label.value
    return None


@cache
def _qualified_label() -> re.Pattern[str]:
    """``Beslut från parkeringen``, ``Beslut om budget``: a decision label and what the
    decision is about, four words at most."""
    labels, qualifiers = alternation(DECISION_LABELS), alternation(DECISION_LABEL_QUALIFIERS)
    return re.compile(rf"^(?:{labels})\s+(?:{qualifiers})(?:\s+\S+){{1,4}}$")


# --- Unit rules ------------------------------------------------------------------------


def not_read(state: DecisionState, unit: Unit) -> bool:
    """Headings, code, page furniture, metadata, action lists and background sections
    (*Ärendebeskrivning*, *Yrkanden*, *Beslutsgång*) hold no decision; a heading drops
    the ``Att:`` proposals that got no verdict."""
    if not is_readable(unit):
        state.awaiting_clauses = None
        if unit.block.kind is BlockKind.HEADING and not keeps_proposals(unit):
            state.pending_atts = []
        return True
    return unit.context == Context.BACKGROUND or not in_the_minutes(state.ctx, unit)


def decision_in_action_list(state: DecisionState, unit: Unit) -> bool:
    """In an action list only a sentence that decides is a decision (*## 6. Åtgärder och
    beslut* with *- Styrelsen beslutade att höja avgiften*)."""
    if unit.context != Context.ACTIONS:
        return False
    for line in unit_lines(state.ctx, unit):
        for sentence in passage_sentences([line]):
            if is_decision_sentence(sentence.text):
                state.add(collapse(sentence.text), sentence.line, unit)
    return True


def listed_decision(state: DecisionState, unit: Unit) -> bool:
    """A bullet under a *Beslut* heading or label: one decision, its sub-bullets its
    points.  Example: ``## Beslut`` then ``- Ny budget för 2017``."""
    if unit.context not in (Context.DECISIONS, Context.DECISION_TEXT):
        return False
    if unit.block.kind is not BlockKind.LIST_ITEM:
        return False
    points = with_points(state.ctx, unit, state.consumed)
    text = collapse(unit.block.text).rstrip(":").strip()
    state.found.append(
        DecisionCandidate(
            text,
            unit.block.line,
            unit.item,
            summary=unit.item is None and unit.segment is SegmentKind.DECISIONS,
            points=points,
            outcome=outcome_of(unit.block.text),
        )
    )
    return True


def decision_paragraph(state: DecisionState, unit: Unit) -> bool:
    """The paragraph under a bare ``Beslut`` line, as municipal protocols write it: the
    paragraph is the decision.  Example: ``Beslut`` then ``Kommunstyrelsen godkänner
    budgeten.``  A lead with clauses below (``… beslutar att``) is left to the clause
    rules."""
    if unit.context != Context.DECISION_TEXT or unit.block.kind is not BlockKind.PARAGRAPH:
        return False
    lines = unit_lines(state.ctx, unit)
    if not lines or _clause_lead().match(lines[0].text.strip()):
        return False
    if any(_clause().match(line.text.strip()) for line in lines[1:]):
        return False
    # ``Lars Öberg (M) reserverar sig mot beslutet.``: said of the decision, not one more.
    lines = [line for line in lines if not _reservation().search(line.text)]
    if not lines:
        return True
    resolutions = _line_sentences(lines)
    if len(resolutions) > 1 and all(is_decision_sentence(text) for text, _ in resolutions):
        # ``Redovisningen av delegationsbeslut godkänns.`` / ``Meddelandena läggs till
        # handlingarna.``: each line its own resolution.
        for text, number in resolutions:
            state.add(text, number, unit)
        return True
    state.add(collapse(" ".join(line.text for line in lines)), lines[0].number, unit)
    return True


@cache
def _reservation() -> GatedPattern:
    return gated(rf"(?<!\w)(?:{alternation(RESERVATION_PHRASES)})(?!\w)", RESERVATION_PHRASES)


def _line_sentences(lines: list[Line]) -> list[tuple[str, int]]:
    """The paragraph's sentences when each ends at the end of a line, with its first line."""
    found: list[tuple[str, int]] = []
    parts: list[str] = []
    first = 0
    for line in lines:
        if not parts:
            first = line.number
        parts.append(line.text.strip())
        if line.text.rstrip().endswith((".", "!", "?")):
            found.append((collapse(" ".join(parts)), first))
            parts = []
    if parts:
        found.append((collapse(" ".join(parts)), first))
    return found


def awaited_clause_item(state: DecisionState, unit: Unit) -> bool:
    """A bullet ``att …`` below a lead (``Styrelsen beslutar:``) or ``Beslut:``."""
    if unit.block.kind is not BlockKind.LIST_ITEM:
        return False
    if not state.awaiting_clauses or not _clause().match(unit.block.text):
        return False
    points = with_points(state.ctx, unit, state.consumed)
    state.add(clean_clause(unit.block.text), unit.block.line, unit, points)
    return True


def label_list_item(state: DecisionState, unit: Unit) -> bool:
    """A bullet below an empty ``Beslut:`` label: ``Beslut:`` then ``- Ny budget``."""
    parent = state.label_list_parent
    block = unit.block
    if (
        parent is not None
        and block.kind is BlockKind.LIST_ITEM
        and (block.parent is None or block.parent == parent)
    ):
        points = with_points(state.ctx, unit, state.consumed)
        state.add(collapse(block.text), block.line, unit, points)
        return True
    state.label_list_parent = None
    return False


UNIT_RULES: Ruler[Callable[[DecisionState, Unit], bool]] = Ruler(
    [
        ("proposal_clause", proposal_clause),
        ("decision_table", decision_table),
        ("not_read", not_read),
        ("numbered_verdicts", numbered_verdicts),
        ("decision_in_action_list", decision_in_action_list),
        ("listed_decision", listed_decision),
        ("decision_paragraph", decision_paragraph),
        ("awaited_clause_item", awaited_clause_item),
        ("label_list_item", label_list_item),
    ]
)
"""Rules over whole blocks, in order."""


# --- Line rules ------------------------------------------------------------------------


def awaited_clause_line(state: DecisionState, unit: Unit, line: Line) -> bool:
    """A line ``att …`` below a lead: ``Styrelsen beslutar`` / ``att godkänna budgeten``."""
    stripped = line.text.strip()
    if state.awaiting_clauses and _clause().match(stripped):
        state.add(clean_clause(stripped), line.number, unit)
        return True
    state.awaiting_clauses = None
    return False


def clause_label(state: DecisionState, unit: Unit, line: Line) -> bool:
    """``Att: köpa in en ny projektor`` — the clause a later ``Beslut:`` line rules on."""
    found = att_label().match(line.text.strip())
    if found is None:
        return False
    state.pending_atts.append((found["text"], line.number))
    return True


def decision_label(state: DecisionState, unit: Unit, line: Line) -> bool:
    """``Beslut: Styrelsen godkänner budgeten``; after ``Att: …``, ``Beslut: Attsatsen
    bifalles`` (the decision is the att-clause); an empty ``Beslut:`` with its clauses
    or bullets below."""
    value = _decision_label(line.text.strip())
    if value is None:
        return False
    verdict = clause_verdict().match(value) or infinitive_verdict().match(value)
    if verdict and state.pending_atts:
        said = verdict["verdict"].casefold()
        outcome = VERDICTS.get(said) or INFINITIVE_VERDICTS.get(said) or outcome_of(value)
        for text, _ in state.pending_atts:
            clause = (
                text
                if text.casefold().startswith(f"{CLAUSE_WORDS[0]} ")
                else (f"{CLAUSE_WORDS[0]} {text}")
            )
            # The decision is taken on the ``Beslut:`` line: that is where it stands
            # (the clause's own line keeps the task it may give).
            state.found.append(
                DecisionCandidate(clean_clause(clause), line.number, unit.item, outcome=outcome)
            )
        state.pending_atts = []
    elif value:
        state.add(collapse(value), line.number, unit)
    else:
        state.label_list_parent = unit.index if unit.block.kind is BlockKind.LIST_ITEM else -1
        state.awaiting_clauses = "label"
    return True


def chat_decision(state: DecisionState, unit: Unit, line: Line) -> bool:
    """A meeting bot's tag in a chat log: ``[18:07] <ellen_h> #agreed 2.3 släpps först
    när #412 är stängd``."""
    written = said(state.ctx.lines[line.number - 1])
    agreed = decision_tagged(written.text) if written else None
    if agreed is None:
        return False
    state.add(collapse(agreed), line.number, unit)
    return True


LINE_RULES: Ruler[Callable[[DecisionState, Unit, Line], bool]] = Ruler(
    [
        ("chat_decision", chat_decision),
        ("awaited_clause_line", awaited_clause_line),
        ("clause_label", clause_label),
        ("numbered_verdict", numbered_verdict),
        ("decision_label", decision_label),
    ]
)
"""Rules over single lines of the blocks no unit rule claimed."""


# --- Sentence rules ------------------------------------------------------------------------


def clause_lead(state: DecisionState, unit: Unit, sentence: Sentence) -> bool:
    """``Styrelsen beslutar:`` — the decisions are the ``att``-clauses that follow."""
    if not _clause_lead().match(sentence.text):
        return False
    state.awaiting_clauses = sentence.text
    return True


def listed_sentence(state: DecisionState, unit: Unit, sentence: Sentence) -> bool:
    """A sentence in a paragraph under a *Beslut* heading is a decision."""
    if unit.context != Context.DECISIONS:
        return False
    state.add(collapse(sentence.text), sentence.line, unit)
    return True


def deciding_sentence(state: DecisionState, unit: Unit, sentence: Sentence) -> bool:
    """A sentence whose verb decides: *Mötet beslutade att …*, *Kulturnämnden godkänner …*,
    *Protokollet godkändes*, *Till justerare utses …*, *Efter diskussion enades gruppen
    om …*, *Mötet beviljar styrelsen ansvarsfrihet*."""
    if not is_decision_sentence(sentence.text):
        return False
    state.add(collapse(sentence.text), sentence.line, unit)
    return True


def list_lead(state: DecisionState, unit: Unit, sentence: Sentence) -> bool:
    """``Mötet valde följande funktionärer:`` above a list: the list's entries are the
    elections (one each), the lead that announces them is none."""
    text = sentence.text.rstrip()
    if not text.endswith(":") or unit.block.kind is not BlockKind.PARAGRAPH:
        return False
    # Only an election's lead: ``Dagordningen godkändes med följande tillägg:`` decides
    # itself, its list only says what was added.
    if not is_decision_sentence(text[:-1]) or outcome_of(text) is not Outcome.ELECTED:
        return False
    units = state.ctx.outline.units
    after = units[unit.index + 1] if unit.index + 1 < len(units) else None
    if after is None or after.block.kind is not BlockKind.LIST_ITEM:
        return False  # a table or indented lines below: the lead is the one decision
    state.label_list_parent = -1
    return True


SENTENCE_RULES: Ruler[Callable[[DecisionState, Unit, Sentence], bool]] = Ruler(
    [
        ("clause_lead", clause_lead),
        ("list_lead", list_lead),
        ("listed_sentence", listed_sentence),
        ("deciding_sentence", deciding_sentence),
    ]
)
"""Rules over the sentences of the lines no line rule claimed (wrapped lines joined)."""


# --- The extractor ----------------------------------------------------------------------------


def find_decisions(ctx: ParseContext) -> list[DecisionCandidate]:
    """Every decision candidate, in the order found."""
    state = DecisionState(ctx)
    run_rules(state, UNIT_RULES.rules(), LINE_RULES.rules(), SENTENCE_RULES.rules())
    return state.found


def extract_decisions(ctx: ParseContext) -> list[Decision]:
    """Every decision of the meeting, in source order, tied to its agenda item."""
    unique: dict[tuple[int, str], DecisionCandidate] = {}
    for found in find_decisions(ctx):  # a table's row read as a row and as a line
        unique.setdefault((found.line, found.text), found)
    candidates = list(unique.values())
    summaries = [c for c in candidates if c.summary]
    if summaries:
        matcher = ItemMatcher(ctx.outline.items, ctx.outline.units)
        for candidate in summaries:
            candidate.item = matcher.best(" ".join([candidate.text, *candidate.points]))
    kept = drop_repeats(candidates, _repeats_summary)
    preamble = preamble_lines(ctx)
    numbered = number_and_check(
        kept,
        ctx,
        code="decision-without-item",
        message="beslutet kunde inte knytas till någon punkt: ”{text}”",
        hint="skriv beslutet under sin punkt, eller använd punktens rubrikord i beslutslistan",
        unplaced=lambda c: c.item is None and c.line not in preamble,
    )
    return [
        Decision(
            id=f"{DECISION_ID_PREFIX}-{number}",
            text=c.text,
            points=tuple(c.points),
            item=c.item,
            outcome=c.outcome,
            line=c.line,
            number=number,
        )
        for number, c in numbered
    ]


def _repeats_summary(candidate: DecisionCandidate, summary: DecisionCandidate) -> bool:
    """Whether a prose decision says again what a summary bullet says (and tie the bullet)."""
    if summary.item not in (None, candidate.item):
        return False
    whole = " ".join([summary.text, *summary.points])
    parts = [summary.text, *summary.points, whole]
    if max(similarity(candidate.text, part) for part in parts) < _MERGE_SIMILARITY:
        return False
    if summary.item is None:
        summary.item = candidate.item
    if summary.outcome is None:
        summary.outcome = candidate.outcome
    return True
