"""Action items: who does what by when, written out or read out of prose.

Explicit forms: task lists (``- [ ]``/``- [x]``), ``Åtgärd:`` labels, bullets under
an *Åtgärder*/*Att göra*/*Actionpoints* heading, assignments (*Uppdrag till X
att …*), with ``(ansvarig: X, klart: 30/9)`` notes, a trailing ``– DIGG`` or
``(Josef)``, ``@anna``, or a named subject (*Martin lägger upp …*).

Inferred forms, flagged ``inferred``: a sentence with a deadline (*deadline 22
april*, *senast 30/9*), a plan with a date (*Utskick planeras till 3 maj*,
*Avrapportering till styrelsen 24 maj*), or a known owner with a doing verb
(*tar koordinatorn fram lista …*).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from ..model import ActionItem, DateValue, Decision, SegmentKind
from ..vocabulary import (
    ACTION_LABELS,
    ASSIGNMENT_PATTERNS,
    DEADLINE_WORDS,
    DUE_KEYS,
    OWNER_KEYS,
    PASSIVE_AGENT_WORDS,
    PLANNING_PHRASES,
    ROLE_OWNERS,
    SUBJECT_ACTION_VERBS,
)
from .blocks import BlockKind
from .context import ParseContext
from .dates import find_dates, parse_date
from .labels import normalise_key, split_label
from .structure import Context, Unit
from .text import collapse, sentences, similarity

_DUPLICATE_SIMILARITY = 0.6


@dataclass
class Candidate:
    """An action item found, before ids are given."""

    text: str
    line: int
    item: str | None
    owners: list[str] = field(default_factory=list)
    due: DateValue | None = None
    done: bool = False
    inferred: bool = False
    summary: bool = False


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _note() -> re.Pattern[str]:
    keys = _alternation((*OWNER_KEYS, *DUE_KEYS))
    return re.compile(rf"(?<!\w)(?P<key>{keys})\s*:\s*(?P<value>[^,;()]+)", re.IGNORECASE)


@cache
def _assignments() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in ASSIGNMENT_PATTERNS)


def _assignments_in(text: str) -> tuple[re.Pattern[str], ...]:
    """The assignment patterns worth trying on ``text``: every one needs *uppdra*, and
    their lazy owner groups are slow on the long sentences that lack it."""
    return _assignments() if "uppdr" in text.casefold() else ()


@cache
def _planning() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(PLANNING_PHRASES)})(?!\w)", re.IGNORECASE)


@cache
def _deadline() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(DEADLINE_WORDS)})\s*:?\s*$", re.IGNORECASE)


_TRAILING_DASH_OWNER = re.compile(r"\s+[–—-]\s+(?P<owner>@?[\wÅÄÖåäö][\w .,&@åäöÅÄÖ-]{0,60})$")
_TRAILING_PAREN_OWNER = re.compile(r"\s*\((?P<owners>[^()]{1,60})\)\s*\.?$")
_MENTION = re.compile(r"(?<![\w.])@(?P<name>[\wåäöÅÄÖ.-]+\w)")
_CAPITALISED = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*$")


def _verb_pattern() -> str:
    parts: list[str] = []
    for phrase in sorted(SUBJECT_ACTION_VERBS, key=len, reverse=True):
        words = phrase.split()
        if len(words) == 2:
            # Swedish inverts after a clause: *… tar koordinatorn fram lista*.
            parts.append(
                rf"{re.escape(words[0])}\s+(?:(?P<inv{len(parts)}>\S+)\s+)?{re.escape(words[1])}"
            )
        else:
            parts.append(re.escape(phrase))
    return "|".join(parts)


@cache
def _subject_verb() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_verb_pattern()})(?!\w)", re.IGNORECASE)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class _Owners:
    """Recognises owners: roles (typos forgiven), people present, municipalities."""

    def __init__(self, ctx: ParseContext) -> None:
        self.roles = {k.casefold(): v for k, v in ROLE_OWNERS.items()}
        self.people = {p.name.casefold(): p.name for p in ctx.people}
        first_names: dict[str, list[str]] = {}
        for person in ctx.people:
            first_names.setdefault(person.name.split()[0].casefold(), []).append(person.name)
        # A first name stands for a person only when one person present has it.
        self.first_names = {k: v[0] for k, v in first_names.items() if len(v) == 1}
        self.municipalities = {m.casefold(): m for m in ctx.config.municipalities}

    def known(self, word: str) -> str | None:
        key = collapse(word).strip(".,:;()").casefold()
        if key in self.roles:
            return self.roles[key]
        if key in self.people:
            return self.people[key]
        if key in self.first_names:
            return self.first_names[key]
        if key in self.municipalities:
            return self.municipalities[key]
        if len(key) >= 8:
            for role, canonical in self.roles.items():
                if len(role) >= 8 and _edit_distance_at_most_one(key, role):
                    return canonical
        return None

    def in_text(self, text: str) -> list[str]:
        found: list[str] = []
        lowered = text.casefold()
        for phrase in sorted((*self.roles, *self.people), key=len, reverse=True):
            if " " in phrase and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
                owner = self.roles.get(phrase) or self.people.get(phrase)
                if owner and owner not in found:
                    found.append(owner)
        return found

    def split(self, text: str) -> list[str]:
        """``Malmö och Lund`` → two owners; a name with *och* inside stays whole."""
        parts = [p for p in re.split(r"\s*(?:,|/|&|\boch\b)\s*", collapse(text)) if p.strip()]
        if len(parts) > 1 and all(self.known(p) or _CAPITALISED.match(p.split()[0]) for p in parts):
            return [self.written(p) for p in parts]
        return [self.written(text)]

    def written(self, text: str) -> str:
        """An owner as written, canonical when it is a known role."""
        text = collapse(text).strip(" .,:;").removeprefix("@")
        return self.known(text) or text


def _notes(
    text: str, ctx: ParseContext, line: int, owners: _Owners
) -> tuple[str, list[str], DateValue | None]:
    """Strip ``(ansvarig: X, klart: DATUM)`` notes from ``text``; return what they said."""
    found_owners: list[str] = []
    due: DateValue | None = None
    for match in list(_note().finditer(text)):
        key, value = normalise_key(match["key"]), match["value"].strip()
        if key in OWNER_KEYS:
            found_owners.extend(
                owners.written(v) for v in re.split(r"\s*(?:/|&|\boch\b)\s*", value) if v.strip()
            )
        else:
            parsed = parse_date(value, ctx.meeting_date)
            if parsed is None:
                ctx.warn(
                    line,
                    "unparseable-date",
                    f"datumet ”{value}” kunde inte tolkas",
                    "skriv t.ex. 30/9, 24 maj, 2016-11-15, vecka 42 eller i juni",
                )
            due = due or parsed
    if found_owners or due:
        text = re.sub(
            r"\s*\((?:[^()]*?(?:" + _alternation((*OWNER_KEYS, *DUE_KEYS)) + r")\s*:[^()]*)\)",
            "",
            text,
            flags=re.IGNORECASE,
        )
        text = _note().sub("", text)
        text = re.sub(r"[\s,;.]*[,;]\s*$", "", text).strip()
    return text, found_owners, due


def _explicit(
    text: str, line: int, item: str | None, done: bool, ctx: ParseContext, owners: _Owners
) -> Candidate:
    """An action written as such: read its notes, owner and due date."""
    text = collapse(text)
    text, named, due = _notes(text, ctx, line, owners)
    mentions = [m["name"] for m in _MENTION.finditer(text)]
    named.extend(mentions)
    text = re.sub(r"(?:\s+@[\wåäöÅÄÖ.-]+\w)+\s*\.?$", "", text)
    if not named and (dash := _TRAILING_DASH_OWNER.search(text)):
        candidate = dash["owner"].strip()
        if len(candidate.split()) <= 6 and not find_dates(candidate, ctx.meeting_date):
            named.extend(owners.split(candidate))
            text = text[: dash.start()].strip()
    if not named and (paren := _TRAILING_PAREN_OWNER.search(text)):
        parts = [p.strip() for p in re.split(r"[,/&]|\boch\b", paren["owners"]) if p.strip()]
        if (
            parts
            and all(_CAPITALISED.match(p.split()[0]) or owners.known(p) for p in parts)
            and not find_dates(paren["owners"], ctx.meeting_date)
        ):
            named.extend(owners.written(p) for p in parts)
            text = text[: paren.start()].strip()
    if not named:
        named.extend(_subject(text, owners) or _leading_owner(text, owners))
    if due is None:
        due = _due_in(text, ctx)
    text = text.strip()
    return Candidate(text, line, item, list(dict.fromkeys(named)), due, done)


def _subject(text: str, owners: _Owners) -> list[str]:
    """The owner as the subject of a doing verb (*Martin lägger upp …*)."""
    for assignment in _assignments_in(text):
        match = assignment.search(text)
        if match:
            owner = owners.written(match["owner"])
            return [owner] if len(owner.split()) <= 5 else []
    match = _subject_verb().search(text)
    if match is None:
        return []
    inverted = next((v for k, v in match.groupdict().items() if v and k.startswith("inv")), None)
    if inverted and owners.known(inverted):
        return [owners.written(inverted)]
    before = text[: match.start()].split()
    if before:
        for size in (3, 2, 1):
            phrase = " ".join(before[-size:])
            if owners.known(phrase):
                return [owners.written(phrase)]
        if len(before) <= 3 and all(_CAPITALISED.match(w) for w in before):
            return [" ".join(before)]
    return []


def _leading_owner(text: str, owners: _Owners) -> list[str]:
    """In an action list, *Alla läser …*: a known owner followed by a present-tense verb."""
    words = text.split()
    for size in (2, 1):
        if len(words) > size and words[size].casefold().endswith("r"):
            owner = owners.known(" ".join(words[:size]))
            if owner:
                return [owner]
    return []


def _passive_agent(text: str, owners: _Owners) -> list[str]:
    """*program tas fram av arbetsgruppen*: the known doer after *av*."""
    words = re.findall(r"[\wåäöÅÄÖ-]+", text)
    for before, word in itertools.pairwise(words):
        if before.casefold() in PASSIVE_AGENT_WORDS and (owner := owners.known(word)):
            return [owner]
    return []


def _due_in(text: str, ctx: ParseContext) -> DateValue | None:
    """The deadline of an explicit action: after a deadline word, else its last date."""
    matches = find_dates(text, ctx.meeting_date)
    for match in matches:
        if _deadline().search(text[: match.start]):
            return match.value
    return matches[-1].value if matches else None


def _inferred(
    text: str, line: int, item: str | None, ctx: ParseContext, owners: _Owners
) -> Candidate | None:
    """An action read out of a sentence of prose, or None when it is not one."""
    dates = [
        m
        for m in find_dates(text, ctx.meeting_date)
        if ctx.meeting_date is None or m.value.end >= ctx.meeting_date
    ]
    due: DateValue | None = None
    for match in dates:
        window = text[max(0, match.start - 30) : match.start]
        if _deadline().search(window.rstrip("( ")):
            due = match.value
            break
    planned = _planning().search(text)
    if due is None and planned and dates:
        due = min(dates, key=lambda m: abs(m.start - planned.start())).value
    subject = _subject(text, owners)
    if due is None and subject and dates:
        due = dates[0].value
    if due is None and not subject:
        return None
    if (
        due is None
        and not _subject_verb().search(text)
        and not any(p.search(text) for p in _assignments_in(text))
    ):
        return None
    named = subject or owners.in_text(text) or _passive_agent(text, owners)
    return Candidate(collapse(text), line, item, named, due, inferred=True)


def _is_action_label(line: str) -> tuple[bool, str]:
    label = split_label(line, require_colon=True)
    if label is not None and normalise_key(label.key) in ACTION_LABELS:
        return True, label.value
    return False, ""


def extract_actions(ctx: ParseContext, decisions: list[Decision]) -> list[ActionItem]:
    """Every action item of the meeting, in source order, duplicates merged.

    An action inside the *Beslut* summary takes the item of the decision it stands under.
    """
    owners = _Owners(ctx)
    found: list[Candidate] = []
    consumed: set[int] = set()
    label_list: bool = False
    for unit in ctx.outline.units:
        block = unit.block
        if unit.index in consumed or block.kind in (BlockKind.HEADING, BlockKind.OTHER):
            label_list = False if block.kind is BlockKind.HEADING else label_list
            continue
        if unit.segment in (SegmentKind.METADATA, SegmentKind.TITLE):
            continue
        if (
            block.checked is not None
            or unit.context == Context.ACTIONS
            or (label_list and block.kind is BlockKind.LIST_ITEM)
        ):
            children = _sub_points(ctx, unit, consumed)
            text = block.text if not children else block.text + " " + " ".join(children)
            if block.kind is BlockKind.PARAGRAPH:
                for offset, line_text in enumerate(block.text.split("\n")):
                    if line_text.strip():
                        found.append(
                            _explicit(
                                line_text,
                                block.line + offset,
                                unit.item,
                                bool(block.checked),
                                ctx,
                                owners,
                            )
                        )
            else:
                found.append(
                    _explicit(text, block.line, unit.item, bool(block.checked), ctx, owners)
                )
            continue
        label_list = False
        for offset, line_text in enumerate(block.text.split("\n")):
            line = block.line + offset
            is_label, value = _is_action_label(line_text.strip())
            if is_label:
                if value:
                    found.append(_explicit(value, line, unit.item, False, ctx, owners))
                else:
                    label_list = True
                continue
            for sentence in sentences(line_text):
                candidate = _assigned(sentence.text, line, unit, ctx, owners)
                if candidate is None:
                    candidate = _inferred(sentence.text, line, unit.item, ctx, owners)
                if candidate is not None:
                    found.append(candidate)
    summary_lines = {
        line
        for unit in ctx.outline.units
        if unit.segment is SegmentKind.DECISIONS and unit.item is None
        for line in range(unit.block.line, unit.block.end_line)
    }
    for candidate in found:
        candidate.summary = candidate.line in summary_lines
    for candidate in found:
        if candidate.summary and candidate.item is None:
            above = [d for d in decisions if d.line <= candidate.line]
            candidate.item = above[-1].item if above else None
    return _finish(found, ctx)


def _sub_points(ctx: ParseContext, unit: Unit, consumed: set[int]) -> list[str]:
    if unit.block.kind is not BlockKind.LIST_ITEM:
        return []
    children = [c for c in ctx.children(unit) if c.block.checked is None]
    consumed |= {c.index for c in children}
    return [collapse(c.block.text) for c in children]


def _assigned(
    text: str, line: int, unit: Unit, ctx: ParseContext, owners: _Owners
) -> Candidate | None:
    """*Uppdrag till X att …*, *ger X i uppdrag att …*: explicit, though written in prose."""
    for pattern in _assignments_in(text):
        match = pattern.search(text)
        if match and len(match["owner"].split()) <= 6:
            candidate = _explicit(text, line, unit.item, False, ctx, owners)
            candidate.owners = owners.split(match["owner"])
            return candidate
    return None


def _finish(found: list[Candidate], ctx: ParseContext) -> list[ActionItem]:
    summaries = [c for c in found if c.summary]
    kept: list[Candidate] = []
    for candidate in found:
        if not candidate.summary and any(
            similarity(candidate.text, s.text) >= _DUPLICATE_SIMILARITY
            and s.item in (None, candidate.item)
            for s in summaries
        ):
            continue
        kept.append(candidate)
    kept.sort(key=lambda c: c.line)
    actions: list[ActionItem] = []
    for number, c in enumerate(kept, start=1):
        if c.summary and c.item is None and ctx.outline.items:
            ctx.warn(
                c.line,
                "action-without-item",
                f"åtgärden kunde inte knytas till någon punkt: ”{c.text[:60]}”",
                "skriv åtgärden under sin punkt, eller under det beslut i beslutslistan "
                "som den hör till",
            )
        actions.append(
            ActionItem(
                id=f"atgard-{number}",
                text=c.text,
                owners=tuple(c.owners),
                due=c.due,
                done=c.done,
                inferred=c.inferred,
                item=c.item,
                line=c.line,
                number=number,
            )
        )
    return actions


def overdue(action: ActionItem, today: dt.date) -> bool:
    """Whether an open action's due date has passed by ``today``."""
    return not action.done and action.due is not None and action.due.end < today
