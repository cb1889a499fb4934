"""What the decision and action extractors share: lines, passages, the rule driver, and
the candidate scaffolding that merges repeats and numbers what is kept.

Both extractors walk the outline's units with three ordered rule lists, as
markdown-it walks blocks and then inlines:

* **unit rules** see a whole block (a bullet under *Beslut*, a task-list item) and
  may claim it;
* **line rules** see each line of an unclaimed block (``Beslut: …``, ``Att: …``);
* **sentence rules** see the sentences of the lines no line rule claimed, with
  hard-wrapped lines joined first, so a decision written over three lines of a
  PDF conversion is one sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol, TypeVar, cast

from ..model import SegmentKind
from ..vocabulary import CLAUSE_WORDS, PROPOSAL_SPEECH, PROPOSAL_VERBS
from .blocks import BlockKind, plain_text
from .chat_log import STAMPED_SPEAKER, is_chat_log, said, spoken
from .context import ParseContext
from .outline import Unit
from .text import alternation, collapse, sentences


@dataclass(frozen=True, slots=True)
class Line:
    """One source line of a block, as plain text."""

    text: str
    """The line's plain text (inline Markdown removed)."""
    number: int
    """Its 1-based line in the file."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a passage, with the line it starts on."""

    text: str
    """The sentence; the lines it was joined from are joined by single spaces."""
    line: int
    """The 1-based line of its first word."""


def unit_lines(ctx: ParseContext, unit: Unit) -> list[Line]:
    """The lines of ``unit`` that rules read: page furniture and the label line of a
    label-led block (``Beslut`` above its paragraph) left out."""
    key = ("lines", unit.index)
    if key not in ctx.shared:
        ctx.shared[key] = tuple(_unit_lines(ctx, unit))
    return list(cast(tuple[Line, ...], ctx.shared[key]))


def _unit_lines(ctx: ParseContext, unit: Unit) -> list[Line]:
    block = unit.block
    texts = block.text.split("\n")
    markdown = block.markdown.split("\n")
    if len(markdown) != len(texts):
        # A construct spanning lines (a code span) flattened the text: read line by line.
        texts = [plain_text(line) for line in markdown]
    found: list[Line] = []
    for offset, text in enumerate(texts):
        if unit.label and offset == 0:
            continue
        number = block.line + offset
        if number in ctx.noise or number in ctx.metadata_lines or not text.strip():
            continue
        found.append(Line(text, number))
    return found


WRAP_WIDTH = 45
"""A line at least this long that does not end a sentence was probably wrapped."""

_CLOSES = (".", "!", "?", ":", ";")
_OPENS_NEW = re.compile(
    rf"^(?:(?:{alternation(CLAUSE_WORDS)})\s|[-•*–]\s|\d+[.)]\s|[A-ZÅÄÖ][\wåäö ]{{0,30}}:\s)",
    re.IGNORECASE,
)
_LOWER_LABEL = re.compile(r"^[a-zåäö][\wåäö ]{0,30}:\s")
_ANY_LABEL = re.compile(r"\w:\s")


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` carries on the sentence of ``previous`` (a hard wrap).

    An ``att``-clause after a proposal (*Revisorerna föreslår* / *att styrelsen beviljas
    ansvarsfrihet*) carries the proposal on; after anything else it is a clause of its own."""
    before, after = previous.rstrip(), following.strip()
    if not before or not after or before.endswith(_CLOSES):
        return False
    if (after[0] in "[<" and said(after) is not None) or (
        (after[0].isdigit() or after[0] == "[") and STAMPED_SPEAKER.match(after)
    ):
        return False  # the next line of a chat log: someone else speaking
    if len(before) >= WRAP_WIDTH and _LOWER_LABEL.match(after) and not _ANY_LABEL.search(before):
        # ``… däribland hela`` / ``styrelsen: ordföranden Gunilla Hed, …``: the wrap fell
        # before a colon; a run of ``olle: boka lokal`` lines is each a line of its own.
        return True
    if _OPENS_NEW.match(after):
        return bool(_CLAUSE.match(after)) and _ends_with_proposal(before)
    return after[0].islower() or after[0].isdigit() or len(before) >= WRAP_WIDTH


_CLAUSE = re.compile(rf"^(?:{alternation(CLAUSE_WORDS)})\s", re.IGNORECASE)


@cache
def _proposal_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(PROPOSAL_VERBS)})$", re.IGNORECASE)


def _ends_with_proposal(text: str) -> bool:
    return bool(_proposal_end().search(text))


def passage_sentences(lines: Sequence[Line]) -> list[Sentence]:
    """The sentences of consecutive wrapped ``lines``, each with its first line."""
    text_parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        part = line.text.strip()
        text_parts.append(part)
        offset += len(part) + 1
    text = " ".join(text_parts)
    return [
        Sentence(s.text, lines[bisect.bisect_right(starts, s.offset) - 1].number)
        for s in sentences(text)
    ]


class RuleState(Protocol):
    """What the driver needs of an extractor's state."""

    ctx: ParseContext
    consumed: set[int]


S = TypeVar("S", bound=RuleState)

UnitRule = Callable[[S, Unit], bool]
LineRule = Callable[[S, Unit, Line], bool]
SentenceRule = Callable[[S, Unit, Sentence], bool]


def run_rules(
    state: S,
    unit_rules: Iterable[Callable[[S, Unit], bool]],
    line_rules: Iterable[Callable[[S, Unit, Line], bool]],
    sentence_rules: Iterable[Callable[[S, Unit, Sentence], bool]],
) -> None:
    """Walk every unit with the three rule lists (see the module docstring)."""
    units_rules = tuple(unit_rules)
    lines_rules = tuple(line_rules)
    sentences_rules = tuple(sentence_rules)
    # Plain loops with ``else`` rather than ``any()`` over a generator: the driver runs
    # every rule on every unit, line and sentence, and a generator costs a frame each time.
    for unit in state.ctx.outline.units:
        if unit.index in state.consumed:
            continue
        for unit_rule in units_rules:
            if unit_rule(state, unit):
                break
        else:
            for number, (joined, group) in enumerate(_passages(state.ctx, unit)):
                for line_rule in lines_rules:
                    if line_rule(state, unit, joined):
                        break
                else:
                    for sentence in _sentences(state.ctx, unit, number, group):
                        for sentence_rule in sentences_rules:
                            if sentence_rule(state, unit, sentence):
                                break


Passage = tuple[Line, list[Line]]
"""A written line (hard wraps joined) and the source lines it was joined from."""


def _passages(ctx: ParseContext, unit: Unit) -> list[Passage]:
    """The passages of ``unit``, worked out once for both extractors."""
    key = ("passages", unit.index)
    if key not in ctx.shared:
        groups = [
            [_unstamped(line) for line in group] for group in wrapped_groups(unit_lines(ctx, unit))
        ]
        ctx.shared[key] = [
            (Line(" ".join(line.text.strip() for line in group), group[0].number), group)
            for group in groups
        ]
    return cast(list[Passage], ctx.shared[key])


def _unstamped(line: Line) -> Line:
    """``line`` without a chat export's ``2025-05-06 19:42 - Kjell Sandgren:``: who spoke,
    not what was said (the speaker rules read it from the file's own line)."""
    if not line.text[:1].isdigit() and line.text[:1] != "[":
        return line
    found = spoken(line.text)
    return Line(found[1], line.number) if found else line


def _sentences(ctx: ParseContext, unit: Unit, number: int, group: list[Line]) -> list[Sentence]:
    """The sentences of the ``number``-th passage of ``unit``, split once for both
    extractors."""
    key = (f"sentences {number}", unit.index)
    if key not in ctx.shared:
        ctx.shared[key] = passage_sentences(group)
    return cast(list[Sentence], ctx.shared[key])


def wrapped_groups(lines: Sequence[Line]) -> list[list[Line]]:
    """``lines`` in runs of one written line each, hard wraps joined (:func:`continues`).

    A paragraph whose lines each open with a capital and none ends a sentence is a
    secretary who writes a statement a line without full stops (*Wilma Berg yrkar på att
    köpa en ny diskmaskin* / *Det bestäms att köpa en ny …*): nothing is joined."""
    if (
        len(lines) > 1
        and not any(line.text.rstrip().endswith(_CLOSES) for line in lines)
        and all(line.text.strip()[:1].isupper() for line in lines)
    ):
        return [[line] for line in lines]
    groups: list[list[Line]] = []
    for line in lines:
        if groups and continues(groups[-1][-1].text, line.text):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def in_the_minutes(ctx: ParseContext, unit: Unit) -> bool:
    """Whether ``unit`` is the minutes' own text, not metadata.

    The text under the title counts: a board's news post of its meeting holds every
    decision under the title and one later heading, and a stand-up pasted under
    ``# Avstämning 2025-09-04`` has no items at all."""
    return unit.segment is not SegmentKind.METADATA


def in_preamble(ctx: ParseContext, unit: Unit) -> bool:
    """Whether ``unit`` stands under the title of a file that has items: a preamble that
    says what the project does (*Projektet tar fram en e-tjänst*) or how the notes are
    kept (*Vi skriver en sektion per standup*), where a present-tense verb is no task."""
    return (
        unit.segment is SegmentKind.TITLE
        and bool(ctx.outline.items)
        and not is_chat_log(unit.block.markdown)
    )


def preamble_lines(ctx: ParseContext) -> frozenset[int]:
    """The lines of text under the title, before any item: a decision there is placed
    where its writer put it, and no warning asks for an item."""
    return frozenset(
        line
        for unit in ctx.outline.units
        if unit.segment is SegmentKind.TITLE
        for line in range(unit.block.line, unit.block.end_line)
    )


def is_readable(unit: Unit) -> bool:
    """Whether any extraction rule reads ``unit``: not a heading, code, or furniture."""
    return unit.block.kind not in (BlockKind.HEADING, BlockKind.OTHER) and not unit.noise


# --- Candidates ---------------------------------------------------------------------


@dataclass
class Candidate:
    """A decision or action item found, before it is numbered."""

    text: str
    """Its words, plain text, whitespace collapsed."""
    line: int
    """The 1-based line it starts on."""
    item: str | None
    """The agenda item it stands under, or None."""
    summary: bool = False
    """Whether it stands in the summary list at the top (not under an item)."""


C = TypeVar("C", bound=Candidate)


def drop_repeats(
    found: list[C],
    repeats: Callable[[C, C], bool],
) -> list[C]:
    """``found`` in line order without the candidates that say again what a summary
    candidate says (``repeats(candidate, summary)``), which a summary absorbs."""
    summaries = [c for c in found if c.summary]
    kept = [c for c in found if c.summary or not any(repeats(c, s) for s in summaries)]
    kept.sort(key=lambda c: c.line)
    return kept


def number_and_check(
    kept: Sequence[C],
    ctx: ParseContext,
    code: str,
    message: str,
    hint: str,
    unplaced: Callable[[C], bool],
) -> list[tuple[int, C]]:
    """Number the kept candidates from 1 and warn (``code``) about each that
    ``unplaced`` says could not be tied to an item."""
    numbered: list[tuple[int, C]] = []
    for number, candidate in enumerate(kept, start=1):
        if unplaced(candidate) and ctx.outline.items:
            ctx.warn(candidate.line, code, message.format(text=short(candidate.text)), hint)
        numbered.append((number, candidate))
    return numbered


def short(text: str, size: int = 60) -> str:
    """``text`` cut to ``size`` characters with an ellipsis."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def with_points(ctx: ParseContext, unit: Unit, consumed: set[int]) -> list[str]:
    """The sub-points of a list item, claimed so that no rule reads them again."""
    if unit.block.kind is not BlockKind.LIST_ITEM:
        return []
    children = ctx.children(unit)
    consumed |= {c.index for c in children}
    return [collapse(c.block.text) for c in children]


def proposes(text: str) -> bool:
    """Whether a member proposes in ``text`` (*X yrkar att …*): no decision, no task."""
    return _proposal_speech().search(text) is not None


@cache
def _proposal_speech() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(PROPOSAL_SPEECH)})(?!\w)", re.IGNORECASE)
