"""Action items: who does what by when, written out or read out of prose.

Explicit forms: task lists (``- [ ]``/``- [x]``), ``Åtgärd:`` labels, bullets under
an *Åtgärder*/*Att göra*/*Actionpoints* heading, assignments (*Uppdrag till X
att …*) and commitments (*Per har lovat att …*), with ``(ansvarig: X, klart:
30/9)`` notes, a trailing ``– DIGG`` or ``(Josef)``, ``@anna``, ``Olle:`` in
front, or a named subject (*Martin lägger upp …*).

Inferred forms, flagged ``inferred``: a sentence with a deadline (*deadline 22
april*, *senast 30/9*), a plan with a date (*Utskick planeras till 3 maj*), an
owner with *ska* (*Stina ska mejla …*), an obligation (*Listan ska skickas ut*),
or a known owner with a doing verb (*tar koordinatorn fram lista …*).

Not action items: questions, wishes (*borde*, *vore bra*), what someone tells
the meeting (*Anna presenterar läget*), another organisation's own plans.

The conventions are the rules of :data:`UNIT_RULES`, :data:`LINE_RULES` and
:data:`SENTENCE_RULES`, tried in order (see :mod:`.candidates`); owners and dates
are read by :func:`read_action`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..model import ActionItem, DateValue, Decision, Outcome, SegmentKind
from ..vocabulary import (
    ACTION_ID_PREFIX,
    ACTION_LABELS,
    CLAUSE_WORDS,
    DUE_KEYS,
    FOLLOW_UP_HEADINGS,
    LIST_JOINERS,
    OWNER_KEYS,
    PRONOUNS,
)
from .action_tables import table_tasks, trailing_initials
from .blocks import BlockKind
from .candidates import (
    Candidate,
    Line,
    Sentence,
    drop_repeats,
    in_preamble,
    in_the_minutes,
    is_readable,
    number_and_check,
    proposes,
    run_rules,
    unit_lines,
)
from .context import ParseContext
from .decision_sentences import is_decision_sentence
from .done_marks import marked_done, without_done_mark
from .labels import normalise_key, split_label
from .outline import Context, Unit, heading_key
from .owners import CAPITALISED, Owners
from .prose_actions import (
    assigned_owner,
    assigns_by_phrase,
    inferred_due,
    is_not_a_task,
    modal_owner,
    narrative,
    obligation,
    passive_agent,
    read_action,
    subject_owner,
)
from .recaps import DUPLICATE_SIMILARITY, without_recaps
from .ruler import Ruler
from .standup_actions import (
    chat_action,
    chat_author,
    chat_offer,
    inline_standup,
    is_standup_label,
    person_bullets,
    person_marker,
    planned_by_person,
    standup_today,
    under_report_heading,
)
from .text import alternation, collapse, similarity


@dataclass
class ActionCandidate(Candidate):
    """An action item found, before it is numbered."""

    owners: list[str] = field(default_factory=list)
    """Who is responsible, canonical where known."""
    due: DateValue | None = None
    """When it is due."""
    done: bool = False
    """Ticked off."""
    inferred: bool = False
    """Read out of prose."""


@dataclass
class ActionState:
    """What the action rules share while they walk the units."""

    ctx: ParseContext
    """The file being parsed."""
    owners: Owners
    """Who can own an action."""
    found: list[ActionCandidate] = field(default_factory=list)
    """Actions found so far."""
    consumed: set[int] = field(default_factory=set)
    """Units claimed already (sub-points)."""
    label_list: bool = False
    """An empty ``Åtgärd:`` label was met: the bullets (or the line) below it are actions."""
    list_owner: str | None = None
    """The owner of the bullets below a label (a stand-up's ``Idag:`` under a name)."""
    person: str | None = None
    """The person a stand-up's paragraph of their own names (``**@jonna**``)."""
    person_end: int = 0
    """The last line of that paragraph."""
    label_next: bool = False
    """An empty ``Actionpunkt:`` label was met: the paragraph below it is the task."""

    def explicit(
        self,
        text: str,
        line: int,
        unit: Unit,
        *,
        done: bool = False,
        owners: list[str] | None = None,
        inferred: bool = False,
        nicknames: bool = False,
    ) -> ActionCandidate:
        """Record an action with the owner and due date its words give."""
        task = read_action(text, self.ctx, line, self.owners, nicknames=nicknames)
        candidate = ActionCandidate(
            task.text,
            line,
            unit.item,
            owners=list(dict.fromkeys(owners or task.owners)),
            due=task.due,
            done=done or task.done,
            inferred=inferred,
        )
        self.found.append(candidate)
        return candidate


# --- Unit rules ------------------------------------------------------------------------


def not_read(state: ActionState, unit: Unit) -> bool:
    """Headings, code, page furniture, metadata and background sections hold no task;
    a heading ends the bullets of an ``Åtgärd:`` label."""
    if not is_readable(unit):
        if unit.block.kind is BlockKind.HEADING:
            state.label_list = False
            state.list_owner = None
            state.person = None
        return True
    return unit.context == Context.BACKGROUND or not in_the_minutes(state.ctx, unit)


@cache
def _list_split() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,|(?<!\w)(?:{alternation(LIST_JOINERS)})(?!\w))\s*", re.I)


def _owner_children(state: ActionState, unit: Unit) -> tuple[list[str], list[str]]:
    """Sub-bullets of a task: points of it, or (when a sub-bullet is only a name) its
    owners.  Example: ``- Boka lokal`` with ``  - Olle`` below."""
    if unit.block.kind is not BlockKind.LIST_ITEM:
        return [], []
    children = [c for c in state.ctx.children(unit) if c.block.checked is None]
    state.consumed |= {c.index for c in children}
    points: list[str] = []
    owners: list[str] = []
    for child in children:
        text = collapse(child.block.text)
        names = [p.strip() for p in _list_split().split(text) if p.strip()]
        if names and all(state.owners.looks_like_name(n) for n in names) and len(text) <= 40:
            owners.extend(state.owners.written(n) for n in names)
        else:
            points.append(text)
    return points, owners


def listed_task(state: ActionState, unit: Unit) -> bool:
    """A task-list item (``- [ ] Boka lokal``, ``- [x] …`` done), a bullet under an
    action heading or an empty ``Åtgärd:`` label, or a line of a paragraph there."""
    block = unit.block
    in_list = state.label_list and block.kind is BlockKind.LIST_ITEM
    if in_list and block.checked is None and is_standup_label(block.text):
        state.label_list, state.list_owner = False, None  # the bot's next question
        return False
    if block.checked is None and unit.context != Context.ACTIONS and not in_list:
        return False
    status_only = block.checked is None and _followed_up(state, unit)
    if block.kind is BlockKind.PARAGRAPH:
        for line in unit_lines(state.ctx, unit):
            if not is_not_a_task(line.text, state.owners, listed=True):
                found = state.explicit(line.text, line.number, unit, nicknames=True)
                if status_only and not found.owners and not found.done:
                    state.found.remove(found)
        return True
    if block.checked is None and _decides(block.text, state):
        return True  # *- Styrelsen beslutade att höja avgiften*: a decision in the list
    points, named = _owner_children(state, unit)
    text = block.text if not points else block.text + " " + " ".join(points)
    if not text.strip() or is_not_a_task(text, state.owners, listed=True):
        return True
    owners = named or ([state.list_owner] if state.list_owner else None)
    found = state.explicit(
        text, block.line, unit, done=bool(block.checked), owners=owners, nicknames=True
    )
    if status_only and not found.owners and not found.done:
        state.found.remove(found)  # ``Rutinen har ännu inte reviderats.``: how it stands
    return True


def _followed_up(state: ActionState, unit: Unit) -> bool:
    """Under a heading that follows up the last meeting's tasks (*Uppföljning från förra
    mötet*)."""
    return heading_key(unit.subheading or _item_title(state, unit)) in FOLLOW_UP_HEADINGS


def _item_title(state: ActionState, unit: Unit) -> str:
    items = state.ctx.outline.items
    return next((i.title for i in items if i.number == unit.item and i.title), "")


def _decides(text: str, state: ActionState) -> bool:
    """A decision that assigns no one (an assignment is an action too)."""
    return is_decision_sentence(text) and assigned_owner(text, state.owners) is None


def done_mark(state: ActionState, unit: Unit) -> bool:
    """A bullet ticked with a mark instead of a box: ``- ✅ Boka lokal`` is a task done."""
    block = unit.block
    if block.kind is not BlockKind.LIST_ITEM or not marked_done(block.text):
        return False
    state.explicit(without_done_mark(block.text), block.line, unit, done=True)
    return True


def action_table(state: ActionState, unit: Unit) -> bool:
    """A table of tasks (``| Åtgärd | Ansvarig | Klart | Status |``, or tab-separated from
    Word): each row a task with its owner, due date and status."""
    block = unit.block
    if block.kind not in (BlockKind.OTHER, BlockKind.PARAGRAPH) or unit.noise:
        return False
    lines = state.ctx.lines[block.line - 1 : block.end_line - 1]
    if not any("|" in line or "\t" in line for line in lines):
        return False
    tasks = table_tasks(lines, block.line)
    if not tasks:
        return False
    for row in tasks:
        if row.decision_only:
            continue
        note = "; ".join(
            part
            for part in (
                f"{OWNER_KEYS[0]}: {row.owner}" if row.owner else "",
                f"{DUE_KEYS[0]}: {row.due}" if row.due else "",
            )
            if part
        )
        text = f"{row.task} ({note})" if note else row.task
        state.explicit(text, row.line, unit, done=row.done, nicknames=True)
    return True


def end_label_list(state: ActionState, unit: Unit) -> bool:
    """Anything but a bullet ends the bullets of an empty ``Åtgärd:`` label."""
    if unit.block.kind is not BlockKind.LIST_ITEM:
        if state.label_next and unit.block.kind is BlockKind.PARAGRAPH and not unit.label:
            # ``_Actionpunkt_:`` and the task on the line below it.
            state.label_list = state.label_next = False
            lines = unit_lines(state.ctx, unit)
            if lines:
                state.explicit(" ".join(line.text for line in lines), lines[0].number, unit)
                return True
        state.label_list = state.label_next = False
        state.list_owner = None
    return False


UNIT_RULES: Ruler[Callable[[ActionState, Unit], bool]] = Ruler(
    [
        ("action_table", action_table),
        ("end_label_list", end_label_list),
        ("not_read", not_read),
        ("person_marker", person_marker),
        ("person_bullets", person_bullets),
        ("planned_by_person", planned_by_person),
        ("listed_task", listed_task),
        ("done_mark", done_mark),
    ]
)
"""Rules over whole blocks, in order."""


# --- Line rules --------------------------------------------------------------------------


def action_label(state: ActionState, unit: Unit, line: Line) -> bool:
    """``Åtgärd: Anna bokar lokal``; an empty ``Åtgärd:`` with its bullets below."""
    label = split_label(line.text.strip(), require_colon=True)
    if label is None or normalise_key(label.key) not in ACTION_LABELS:
        return False
    if label.value:
        state.explicit(label.value, line.number, unit)
    else:
        state.label_list = True
        state.label_next = line.number == unit.block.end_line - 1 or unit.block.kind is not (
            BlockKind.PARAGRAPH
        )
    return True


def owner_colon(state: ActionState, unit: Unit, line: Line) -> bool:
    """``Olle: beställ och boka installation`` in running notes: someone present, a colon,
    and what they are to do."""
    match = _OWNER_COLON.match(line.text.strip())
    if match is None or not state.owners.known(match["owner"]):
        return False
    if under_report_heading(state, unit):
        return False
    if is_not_a_task(match["task"], state.owners):
        return False
    state.explicit(line.text, line.number, unit, nicknames=True)
    return True


_OWNER_COLON = re.compile(r"^(?P<owner>@?[\wåäöÅÄÖ-]{2,20})\s*:\s+(?P<task>[a-zåäö].{3,})$")


def initials_column(state: ActionState, unit: Unit, line: Line) -> bool:
    """``Ny tidplan lämnas till nästa byggmöte.        SL``: the task with the initials of
    whoever is responsible in the right-hand column."""
    found = trailing_initials(line.text)
    if found is None:
        return False
    task, owner = found
    candidate = state.explicit(task, line.number, unit, owners=[owner])
    candidate.owners = [state.owners.written(o) for o in re.split(r"\s*[/,]\s*", owner)]
    return True


LINE_RULES: Ruler[Callable[[ActionState, Unit, Line], bool]] = Ruler(
    [
        ("action_label", action_label),
        ("chat_action", chat_action),
        ("chat_author", chat_author),
        ("chat_offer", chat_offer),
        ("standup_today", standup_today),
        ("inline_standup", inline_standup),
        ("owner_colon", owner_colon),
        ("initials_column", initials_column),
    ]
)
"""Rules over single lines of the blocks no unit rule claimed."""


# --- Sentence rules ----------------------------------------------------------------------


@cache
def _next_subject() -> re.Pattern[str]:
    joiners = alternation(LIST_JOINERS)
    return re.compile(
        rf",?\s+(?:{joiners})\s+(?P<owner>@?[A-ZÅÄÖ][\wåäö.-]*|[a-zåäö][\w.-]*)\s+(?=[a-zåäö])"
    )


def coordinated_tasks(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """*Jesper skriver utlysningstexten och Elias publicerar den*, *PÖ beställer container
    och KL sätter upp lapp i portarna*: two people present, each with a task of their own,
    in one sentence.  Each part goes through the rules after this one."""
    text = sentence.text
    if not any(f" {joiner} " in text for joiner in LIST_JOINERS):
        return False  # the cheap look first: most sentences join no two subjects
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not _next_subject().search(text) or state.owners.known(first) is None:
        return False
    if assigned_owner(text, state.owners) is not None:
        return False  # *X ger Malmö och Lund i uppdrag att …* is one task for two
    cuts = [m for m in _next_subject().finditer(text) if state.owners.known(m["owner"]) is not None]
    if not cuts:
        return False
    bounds = [0, *(m.start() for m in cuts), len(text)]
    starts = [0, *(m.start("owner") for m in cuts)]
    parts = [text[start:end].strip(" ,") for start, end in zip(starts, bounds[1:], strict=True)]
    if any(state.owners.known(part) is not None for part in parts):
        return False  # ``Pär och Hampus plockar ur diskarna``: two owners of one task
    later = SENTENCE_RULES.rules()[SENTENCE_RULES.names().index("coordinated_tasks") + 1 :]
    for part in parts:
        piece = Sentence(part, sentence.line)
        any(rule(state, unit, piece) for rule in later)
    return True


def not_a_task(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """Questions, wishes (*Vi borde …*, *Det vore bra om …*) and another organisation's
    own plans are no one's task."""
    return is_not_a_task(sentence.text, state.owners)


def assignment(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """*Uppdrag till X att …*, *ger X i uppdrag att …*, *X fick i uppdrag att …*, *Per har
    lovat att …*, *X åtog sig att …*: explicit, though written in prose."""
    owner = assigned_owner(sentence.text, state.owners)
    if owner is None:
        return False
    state.explicit(sentence.text, sentence.line, unit, owners=state.owners.split(owner))
    return True


def owner_will(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """An owner with *ska* or *kommer att*: *Stina ska mejla ut kallelsen*."""
    owner = modal_owner(sentence.text, state.owners)
    if owner is None:
        return False
    if owner.casefold() in PRONOUNS:
        # ``## Sanna`` / ``Hon ska skriva testerna``: the person the heading names.
        heading = unit.subheading or _item_title(state, unit)
        owner = state.owners.written(heading) if state.owners.known(heading) else ""
    owners = [owner] if owner else []
    state.explicit(sentence.text, sentence.line, unit, owners=owners, inferred=True)
    return True


def obligation_sentence(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """A task without an owner: *Hemsidan behöver uppdateras*, *Listan ska skickas ut*."""
    if not obligation(sentence.text):
        return False
    state.explicit(sentence.text, sentence.line, unit, inferred=True)
    return True


def inferred_task(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """A deadline, a planned date or a known owner's doing verb: *Utskick planeras till 3
    maj*, *senast 30/9*, *tar koordinatorn fram lista …*, *Kassören beställer muggar*."""
    candidate = _inferred(sentence.text, sentence.line, unit, state)
    if candidate is None or (candidate.due is None and in_preamble(state.ctx, unit)):
        return False
    state.found.append(candidate)
    return True


def decision_not_task(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """A decision is no task unless it gives someone one (*uppdrar åt X att*, *Anna ska …*):
    *Gruppen enades om att kallelsen ska skickas senast …* is what was decided."""
    text = sentence.text
    if proposes(text):
        return True  # ``Mats Hedberg (M) yrkar att ärendet ska återremitteras``: proposed
    named = _ATT_SUBJECT.search(text)
    if named is not None and state.owners.known(named["owner"]):
        return False  # ``… beslutar att Nina Holm arbetar in synpunkterna``: her task too
    return (
        is_decision_sentence(text)
        and assigned_owner(text, state.owners) is None
        and modal_owner(text, state.owners) is None
        and not assigns_by_phrase(text)
    )


_ATT_SUBJECT = re.compile(
    rf"(?<!\w)(?:{alternation(CLAUSE_WORDS)})\s+"
    r"(?P<owner>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?)\s+[a-zåäö]+r(?!\w)"
)


_ALIAS_TAG = re.compile(r"\s*‹[^›\n]{1,30}›")


def alias_tags(state: ActionState, unit: Unit, sentence: Sentence) -> bool:
    """``Pär ‹pw› och Hampus ‹hampe› plockar ur diskarna``: the tags a roster gave names are
    no words of the sentence; the rules after this one read it without them."""
    if "‹" not in sentence.text:
        return False
    bare = Sentence(_ALIAS_TAG.sub("", sentence.text), sentence.line)
    following = SENTENCE_RULES.names().index("alias_tags") + 1
    return any(rule(state, unit, bare) for rule in SENTENCE_RULES.rules()[following:])


SENTENCE_RULES: Ruler[Callable[[ActionState, Unit, Sentence], bool]] = Ruler(
    [
        ("alias_tags", alias_tags),
        ("coordinated_tasks", coordinated_tasks),
        ("not_a_task", not_a_task),
        ("decision_not_task", decision_not_task),
        ("assignment", assignment),
        ("owner_will", owner_will),
        ("obligation_sentence", obligation_sentence),
        ("inferred_task", inferred_task),
    ]
)
"""Rules over the sentences of the lines no line rule claimed (wrapped lines joined)."""


def _inferred(text: str, line: int, unit: Unit, state: ActionState) -> ActionCandidate | None:
    ctx = state.ctx
    subject = subject_owner(text, state.owners, ctx)
    due = inferred_due(text, ctx, bool(subject))
    if due is None and (not subject or narrative(text)):
        return None
    named = subject or state.owners.in_text(text) or passive_agent(text, state.owners)
    return ActionCandidate(collapse(text), line, unit.item, owners=named, due=due, inferred=True)


# --- The extractor ----------------------------------------------------------------------


def find_actions(ctx: ParseContext) -> list[ActionCandidate]:
    """Every action candidate, in the order found."""
    state = ActionState(ctx, Owners(ctx))
    run_rules(state, UNIT_RULES.rules(), LINE_RULES.rules(), SENTENCE_RULES.rules())
    return state.found


_VERDICT_REACH = 6
"""The most lines an ``Att:`` clause stands above the ``Beslut:`` line that rules on it."""


def extract_actions(ctx: ParseContext, decisions: list[Decision]) -> list[ActionItem]:
    """Every action item of the meeting, in source order, duplicates merged.

    An action inside the *Beslut* summary takes the item of the decision it stands under;
    a proposal the meeting rejected (*attsats 2 avslages*) gives no one a task.
    """
    rejected = [(d.line, d.text) for d in decisions if d.outcome is Outcome.REJECTED]
    found = [
        c
        for c in find_actions(ctx)
        # The rejected clause (its verdict on the same line or a few below it).
        if not any(at - _VERDICT_REACH <= c.line <= at and c.text in text for at, text in rejected)
    ]
    summary_lines = {
        line
        for unit in ctx.outline.units
        if unit.segment is SegmentKind.DECISIONS and unit.item is None
        for line in range(unit.block.line, unit.block.end_line)
    }
    for candidate in found:
        candidate.summary = candidate.line in summary_lines
        if candidate.summary and candidate.item is None:
            above = [d for d in decisions if d.line <= candidate.line]
            candidate.item = above[-1].item if above else None
    kept = without_recaps(drop_repeats(found, _repeats), ctx.source.split("\n"))
    numbered = number_and_check(
        kept,
        ctx,
        code="action-without-item",
        message="åtgärden kunde inte knytas till någon punkt: ”{text}”",
        hint="skriv åtgärden under sin punkt, eller under det beslut i beslutslistan "
        "som den hör till",
        unplaced=lambda c: c.summary and c.item is None,
    )
    return [
        ActionItem(
            id=f"{ACTION_ID_PREFIX}-{number}",
            text=c.text,
            owners=tuple(c.owners),
            due=c.due,
            done=c.done,
            inferred=c.inferred,
            item=c.item,
            line=c.line,
            number=number,
        )
        for number, c in numbered
    ]


def _repeats(candidate: ActionCandidate, summary: ActionCandidate) -> bool:
    return similarity(candidate.text, summary.text) >= DUPLICATE_SIMILARITY and summary.item in (
        None,
        candidate.item,
    )


__all__ = ["CAPITALISED", "extract_actions", "find_actions"]
