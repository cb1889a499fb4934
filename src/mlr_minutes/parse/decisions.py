"""Decisions: a *Beslut* list, ``Beslut:`` labels, deciding sentences and ``att``-clauses.

Minutes state decisions in several ways, often twice: the reference file
summarises them in a *Beslut* list at the top and tells them again in the
items' prose.  A prose decision that repeats a summary bullet is merged into
it (and ties it to its item) rather than counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Decision, Outcome, SegmentKind
from ..vocabulary import (
    DECIDING_SUBJECTS,
    DECISION_LABELS,
    DECISION_SUBJECT_VERBS,
    OUTCOME_PHRASES,
    PASSIVE_DECISION_PHRASES,
)
from .blocks import BlockKind
from .context import ParseContext
from .labels import normalise_key, split_label
from .matching import ItemMatcher
from .structure import Context, Unit
from .text import collapse, sentences, similarity

_MERGE_SIMILARITY = 0.5


@dataclass
class Candidate:
    """A decision found, before ids are given."""

    text: str
    line: int
    item: str | None
    points: list[str] = field(default_factory=list)
    outcome: Outcome | None = None
    summary: bool = False


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _deciding_sentence() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{_words(DECIDING_SUBJECTS)})\s+(?:{_words(DECISION_SUBJECT_VERBS)})\b"
        rf"|\b(?:beslutade|beslutar|beslutades|beslöt|beslöts|beslutas)\b"
        rf"|^beslut\s+att\b"
        rf"|\b(?:{_words(PASSIVE_DECISION_PHRASES)})\b",
        re.IGNORECASE,
    )


@cache
def _clause_lead() -> re.Pattern[str]:
    """``Styrelsen beslutar`` (or ``… beslutar:``) with the ``att``-clauses on the lines below."""
    return re.compile(
        rf"^(?:{_words(DECIDING_SUBJECTS)})\s+(?:beslutar|beslutade|beslöt|beslutas)"
        r"(?:\s+(?:därför|enhälligt|vidare))?\s*:?\s*$",
        re.IGNORECASE,
    )


def _phrase(phrase: str) -> str:
    return r"\s+(?:\S+\s+){0,6}?".join(re.escape(part.strip()) for part in phrase.split("..."))


@cache
def _outcome_patterns() -> tuple[tuple[re.Pattern[str], Outcome], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){_phrase(phrase)}(?!\w)", re.IGNORECASE), outcome)
        for phrase, outcome in OUTCOME_PHRASES
    )


_CLAUSE = re.compile(r"^att\s+\S", re.IGNORECASE)
_ATT_LABEL = re.compile(r"^att\s*:\s*(?P<text>.+)$", re.IGNORECASE)
_ATT_ACCEPTED = re.compile(r"^att-?satsen(?:a)?\s+(?P<verdict>.+)$", re.IGNORECASE)


def outcome_of(text: str) -> Outcome | None:
    """The outcome the wording states (*godkändes* → approved), or None."""
    for pattern, outcome in _outcome_patterns():
        if pattern.search(text):
            return outcome
    return None


def is_decision_sentence(text: str) -> bool:
    """Whether a sentence of prose states a decision."""
    return bool(_deciding_sentence().search(text.strip()))


def _clean_clause(text: str) -> str:
    return re.sub(r"[\s,;]+(?:samt|och)?$", "", collapse(text)).rstrip(",;.")


def _decision_label(line: str) -> str | None:
    label = split_label(line, require_colon=True)
    if label is not None and normalise_key(label.key) in DECISION_LABELS:
        return label.value
    return None


def _lines(unit: Unit) -> list[tuple[str, int]]:
    return [
        (text, unit.block.line + offset) for offset, text in enumerate(unit.block.text.split("\n"))
    ]


class _Extractor:
    def __init__(self, ctx: ParseContext) -> None:
        self.ctx = ctx
        self.units = ctx.outline.units
        self.found: list[Candidate] = []
        self.consumed: set[int] = set()
        self.awaiting_clauses: str | None = None
        self.last_att: tuple[str, int] | None = None
        self.label_list_parent: int | None = None

    def run(self) -> list[Candidate]:
        for unit in self.units:
            if unit.index in self.consumed:
                continue
            block = unit.block
            if block.kind in (BlockKind.HEADING, BlockKind.OTHER):
                self.awaiting_clauses = None
                continue
            if unit.context == Context.DECISIONS:
                self._listed(unit)
            elif unit.context == Context.ACTIONS or unit.segment in (
                SegmentKind.METADATA,
                SegmentKind.TITLE,
            ):
                continue
            else:
                self._prose(unit)
        return self.found

    def _listed(self, unit: Unit) -> None:
        """A bullet (or paragraph) under a *Beslut* heading."""
        block = unit.block
        if block.kind is BlockKind.LIST_ITEM:
            children = self.ctx.children(unit)
            self.consumed |= {c.index for c in children}
            self.found.append(
                Candidate(
                    collapse(block.text).rstrip(":").strip(),
                    block.line,
                    unit.item,
                    [collapse(c.block.text) for c in children],
                    outcome_of(block.text),
                    summary=unit.item is None,
                )
            )
            return
        self._prose(unit, listed=True)

    def _prose(self, unit: Unit, listed: bool = False) -> None:
        block = unit.block
        if (
            block.kind is BlockKind.LIST_ITEM
            and self.awaiting_clauses
            and _CLAUSE.match(block.text)
        ):
            self._add_clause(block.text, block.line, unit)
            return
        if (
            self.label_list_parent is not None
            and block.kind is BlockKind.LIST_ITEM
            and (block.parent is None or block.parent == self.label_list_parent)
        ):
            children = self.ctx.children(unit)
            self.consumed |= {c.index for c in children}
            self.found.append(
                Candidate(
                    collapse(block.text),
                    block.line,
                    unit.item,
                    [collapse(c.block.text) for c in children],
                    outcome_of(block.text),
                )
            )
            return
        self.label_list_parent = None
        if block.kind is BlockKind.PARAGRAPH and not self.awaiting_clauses:
            self.awaiting_clauses = None
        for text, line in _lines(unit):
            self._line(text, line, unit, listed)

    def _line(self, text: str, line: int, unit: Unit, listed: bool) -> None:
        stripped = text.strip()
        if not stripped:
            return
        if self.awaiting_clauses and _CLAUSE.match(stripped):
            self._add_clause(stripped, line, unit)
            return
        self.awaiting_clauses = None
        if (att := _ATT_LABEL.match(stripped)) is not None:
            self.last_att = (att["text"], line)
            return
        value = _decision_label(stripped)
        if value is not None:
            accepted = _ATT_ACCEPTED.match(value)
            if accepted and self.last_att is not None:
                self.found.append(
                    Candidate(
                        _clean_clause("att " + self.last_att[0]),
                        self.last_att[1],
                        unit.item,
                        outcome=outcome_of(accepted["verdict"]),
                    )
                )
                self.last_att = None
            elif value:
                self.found.append(
                    Candidate(collapse(value), line, unit.item, outcome=outcome_of(value))
                )
            else:
                self.label_list_parent = (
                    unit.index if unit.block.kind is BlockKind.LIST_ITEM else -1
                )
                self.awaiting_clauses = "label"
            return
        for sentence in sentences(stripped):
            if _clause_lead().match(sentence.text):
                self.awaiting_clauses = sentence.text
            elif listed or is_decision_sentence(sentence.text):
                self.found.append(
                    Candidate(
                        collapse(sentence.text), line, unit.item, outcome=outcome_of(sentence.text)
                    )
                )

    def _add_clause(self, text: str, line: int, unit: Unit) -> None:
        children = self.ctx.children(unit) if unit.block.kind is BlockKind.LIST_ITEM else []
        self.consumed |= {c.index for c in children}
        clause = _clean_clause(text)
        self.found.append(
            Candidate(
                clause,
                line,
                unit.item,
                [collapse(c.block.text) for c in children],
                outcome_of(clause),
            )
        )


def extract_decisions(ctx: ParseContext) -> list[Decision]:
    """Every decision of the meeting, in source order, tied to its agenda item."""
    candidates = _Extractor(ctx).run()
    matcher = ItemMatcher(ctx.outline.items, ctx.outline.units)
    summaries = [c for c in candidates if c.summary]
    for candidate in summaries:
        candidate.item = matcher.best(" ".join([candidate.text, *candidate.points]))
    kept: list[Candidate] = []
    for candidate in candidates:
        if not candidate.summary and _repeats_summary(candidate, summaries):
            continue
        kept.append(candidate)
    kept.sort(key=lambda c: c.line)
    decisions: list[Decision] = []
    for number, candidate in enumerate(kept, start=1):
        if candidate.item is None and ctx.outline.items:
            ctx.warn(
                candidate.line,
                "decision-without-item",
                f"beslutet kunde inte knytas till någon punkt: ”{_short(candidate.text)}”",
                "skriv beslutet under sin punkt, eller använd punktens rubrikord i beslutslistan",
            )
        decisions.append(
            Decision(
                id=f"beslut-{number}",
                text=candidate.text,
                points=tuple(candidate.points),
                item=candidate.item,
                outcome=candidate.outcome,
                line=candidate.line,
                number=number,
            )
        )
    return decisions


def _repeats_summary(candidate: Candidate, summaries: list[Candidate]) -> bool:
    """Whether a prose decision says again what a summary bullet says (and tie the bullet)."""
    for summary in summaries:
        if summary.item not in (None, candidate.item):
            continue
        whole = " ".join([summary.text, *summary.points])
        parts = [summary.text, *summary.points, whole]
        if max(similarity(candidate.text, part) for part in parts) >= _MERGE_SIMILARITY:
            if summary.item is None:
                summary.item = candidate.item
            if summary.outcome is None:
                summary.outcome = candidate.outcome
            return True
    return False


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
