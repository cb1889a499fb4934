"""Action items of a stand-up: each person's own block says what they will do.

::

    ### Kalle                         **ture** 09:03
    Vad ska jag göra idag?            igår: klar med tile-cachen
    - Granska Stinas pull request     idag: skriva migreringsskript

A stand-up names whose lines follow by a heading, a paragraph that is only a name, or
a chat's author line; ``Idag:`` (or *Vad ska jag göra idag?*) under it is that
person's task, ``Igår:`` and ``Hinder:`` are not.  A meeting bot's ``#action`` is a
task too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, cast

from ..vocabulary import (
    FIRST_PERSON_WORDS,
    NOT_TASK_VERBS,
    OFFER_WORDS,
    STANDUP_OTHER_LABELS,
    STANDUP_PLAN_HEADINGS,
    STANDUP_TODAY_LABELS,
)
from .blocks import BlockKind
from .candidates import Line
from .chat_log import CHAT_AUTHOR, action_tagged, decision_tagged, handle_header, said, spoken
from .labels import match_metadata
from .outline import Unit
from .prose_actions import is_not_a_task
from .text import alternation

if TYPE_CHECKING:
    from .actions import ActionState


def person_marker(state: ActionState, unit: Unit) -> bool:
    """A stand-up's paragraph that is only a name (``**@jonna**``, or ``Gustav`` when he was
    there): whose lines follow."""
    block = unit.block
    text = block.text.strip().rstrip(":")
    if block.kind is not BlockKind.PARAGRAPH or "\n" in text or len(text) > 40:
        return False
    marked = block.markdown.strip().startswith(("**", "__")) or text.startswith("@")
    if not marked and state.owners.known(text) is None:
        return False  # a plain ``Gustav`` marks a block only when Gustav was there
    if text.endswith("?") or _standup_label().match(text) or match_metadata(text, loose=True):
        return False
    if not state.owners.looks_like_name(text, nicknames=True):
        return False
    state.person = state.owners.written(text)
    state.person_end = block.end_line - 1
    return True


def person_bullets(state: ActionState, unit: Unit) -> bool:
    """A name alone with a colon (``Helena:``) over bullets that each open with a verb
    of doing (``- Tar ett regionalt exempel på seminariet.``): each is that person's
    task, as working groups write who takes what."""
    if unit.block.kind is not BlockKind.LIST_ITEM or state.person is None:
        return False
    if state.owners.known(state.person) is None:
        return False  # ``**Start**`` over a retro's bullets: a heading, not someone there
    between = state.ctx.lines[state.person_end : unit.block.line - 1]
    if any(line.strip() and not _LISTED.match(line) for line in between):
        return False  # prose since the name: its bullets are no longer hers
    text = unit.block.text.strip()
    first = text.split(" ", 1)[0].casefold().strip(".,:")
    if _standup_label().match(text) or len(first) < 3 or first in NOT_TASK_VERBS:
        return False
    if not first.isalpha() or not first.endswith(("r", "a")):
        return False
    state.explicit(text, unit.block.line, unit, owners=[state.person])
    return True


_LISTED = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s|^\s{2,}\S")


@cache
def _standup_label() -> re.Pattern[str]:
    labels = alternation((*STANDUP_TODAY_LABELS, *STANDUP_OTHER_LABELS))
    # A stand-up's marks before the label: a bullet, emoji (``🔜 idag:``), ``:coffee:``.
    return re.compile(
        # The label ends with its colon or question mark (*Ska:*, not *Ska vi …?*).
        rf"^[^\w]{{0,6}}\**(?P<label>{labels})\s*(?:[?:]+\**|\**\s*[?:]+)\s*(?P<rest>.*)$",
        re.I,
    )


def is_standup_label(text: str) -> bool:
    """``Vad ska du göra idag?``, ``Hinder:``: a stand-up's question or label."""
    return _standup_label().match(text.strip()) is not None


def standup_today(state: ActionState, unit: Unit, line: Line) -> bool:
    """A stand-up under a person's heading: ``Vad ska jag göra idag? Skriva tester`` (or
    ``Idag:`` with bullets below) is that person's task; ``Igår:`` and ``Hinder:`` are
    not tasks."""
    found = _standup_label().match(line.text.strip())
    if found is None:
        return False
    owner = _heading_person(state, unit)
    if owner is None:
        return False
    label = " ".join(found["label"].casefold().split())
    if label not in STANDUP_TODAY_LABELS:
        state.label_list = False
        return True
    rest = found["rest"].strip()
    if rest:
        state.explicit(rest, line.number, unit, owners=[owner])
    else:
        state.label_list, state.list_owner = True, owner
    return True


def planned_by_person(state: ActionState, unit: Unit) -> bool:
    """``## Vad ska vi göra härnäst?`` over ``### Alexander`` and his bullets: each bullet
    under the person's heading is that person's task (under *Vad har vi gjort?* it is
    not)."""
    if unit.block.kind is not BlockKind.LIST_ITEM or unit.subheading is None:
        return False
    headings = _headings_above(state, unit)
    if len(headings) < 2 or not _is_plan_heading(headings[1]):
        return False
    person = headings[0].rstrip(":")
    if state.owners.known(person) is None:
        return False
    state.explicit(unit.block.text, unit.block.line, unit, owners=[state.owners.written(person)])
    return True


def under_report_heading(state: ActionState, unit: Unit) -> bool:
    """Whether ``unit`` stands under a stand-up's heading for what was done or what blocks
    (*Hinder*, *Igår*): ``Oliver: migreringarna failar`` there reports, it assigns nothing."""
    headings = _headings_above(state, unit)
    key = " ".join(headings[0].casefold().strip(" ?:*").split()) if headings else ""
    return key in STANDUP_OTHER_LABELS


def _is_plan_heading(text: str) -> bool:
    key = " ".join(text.casefold().strip(" ?:*").split())
    return key in STANDUP_TODAY_LABELS or key in STANDUP_PLAN_HEADINGS


def _headings_above(state: ActionState, unit: Unit) -> list[str]:
    """The headings ``unit`` stands under, nearest first, each of a higher level than the
    one before (worked out once a document)."""
    key = ("headings above", 0)
    chains = cast(dict[int, list[str]] | None, state.ctx.shared.get(key))
    if chains is None:
        chains = {}
        stack: list[tuple[int, str]] = []
        for each in state.ctx.outline.units:
            if each.block.kind is BlockKind.HEADING:
                while stack and stack[-1][0] >= each.block.level:
                    stack.pop()
                stack.append((each.block.level, each.block.text.strip()))
            else:
                chains[each.index] = [text for _, text in reversed(stack)]
        state.ctx.shared[key] = chains
    return chains.get(unit.index, [])


def _heading_person(state: ActionState, unit: Unit) -> str | None:
    if state.person is not None:
        return state.person
    # The nearest name first: a bullet above the line (a bot's report), then a heading.
    bullet = _parent_bullet(state, unit.block.line)
    if bullet is not None:
        return bullet
    item = next((i for i in state.ctx.outline.items if i.number == unit.item), None)
    for heading in (unit.subheading, item.title if item else None):
        # ``### Ahmed (projektledare)``: the name, without the role after it.
        name = _ROLE_AFTER.sub("", heading or "").rstrip(":")
        if name and state.owners.looks_like_name(name, nicknames=True):
            return state.owners.written(name)
    return None


_ROLE_AFTER = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _parent_bullet(state: ActionState, line: int) -> str | None:
    """``- Elias`` / ``  - Vad ska du göra idag?`` / ``    - Börja på profilsidan``: a
    stand-up bot's report nests each person's answers under a bullet that is only their
    name; the nearest bullet less indented than ``line``'s, when it is a name."""
    lines = state.ctx.lines
    if not 0 < line <= len(lines):
        return None
    depth = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for above in reversed(lines[: line - 1]):
        bullet = _BULLET_TEXT.match(above)
        if bullet is None or len(bullet["indent"]) >= depth:
            if above.strip() and bullet is None:
                return None  # prose between: no longer that list
            continue
        name = bullet["text"].strip().rstrip(":")
        if len(name.split()) <= 3 and state.owners.looks_like_name(name, nicknames=True):
            return state.owners.written(name)
        if not bullet["indent"]:
            return None
        depth = len(bullet["indent"])
    return None


_BULLET_TEXT = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<text>.*)$")


def chat_action(state: ActionState, unit: Unit, line: Line) -> bool:
    """A meeting bot's tag in a chat log: ``[18:04] <ellen_h> #action snickarn fixar #412
    före releasen`` (the owner is named first, as the bot lists them)."""
    written = said(state.ctx.lines[line.number - 1])
    if written is None:
        return False
    task = action_tagged(written.text)
    if task is None:
        return decision_tagged(written.text) is not None  # agreed: a decision, no task
    state.explicit(task, line.number, unit, nicknames=True)
    return True


@cache
def _offer() -> re.Pattern[str]:
    me = alternation(FIRST_PERSON_WORDS[:1])
    return re.compile(
        rf"^(?:\w+,\s+)?(?:{me})\s+(?:(?P<modal>{alternation(OFFER_WORDS)})\s+)?"
        r"(?P<verb>[a-zåäö]+)\s+\S",
        re.IGNORECASE,
    )


def chat_offer(state: ActionState, unit: Unit, line: Line) -> bool:
    """A meeting held in a chat: ``19:46 - Lovisa Ek: Jag kan beställa containern``, ``Jag
    ringer dem på torsdag``, ``Ja, jag gör en enkät``: what a writer says they will do is
    their task (not what they think, have or are)."""
    found = spoken(state.ctx.lines[line.number - 1])
    if found is None:
        return False
    speaker, words = found
    offer = _offer().match(words)
    if offer is None or offer["verb"].casefold() in NOT_TASK_VERBS:
        return False
    if offer["modal"] is None and not offer["verb"].endswith("r"):
        return False  # ``Jag igen`` / past tense: no task
    if is_not_a_task(words, state.owners):
        return False  # ``Japp, jag tar anteckningarna``: the secretary's part, not a task
    state.explicit(words, line.number, unit, owners=[state.owners.written(speaker)])
    return True


def chat_author(state: ActionState, unit: Unit, line: Line) -> bool:
    """A chat pasted into the minutes: ``**ture** 09:03`` (or ``Johan Ek  09:02``, as a
    plain copy from Slack gives it, for someone present) alone on a line names who wrote
    the lines below it, so a stand-up's ``idag: …`` there is that person's task."""
    source = state.ctx.lines[line.number - 1]
    header = handle_header(source)
    if header is not None:
        author = header  # ``> **08:58 @ida.berg**``: a chat export's message header
    elif "**" in source:
        found = CHAT_AUTHOR.match(source.strip())
        if found is None:
            return False
        author = found["handle"] or found["name"]
    else:
        plain = _PLAIN_AUTHOR.match(source.strip()) if ":" in source else None
        if plain is None or state.owners.known(plain["name"]) is None:
            return False
        author = plain["name"]
    state.person = state.owners.written(author)
    state.label_list, state.list_owner = False, None
    return True


_PLAIN_AUTHOR = re.compile(
    r"^(?P<name>@?[\wÅÄÖåäö][\w'.-]*(?:[ \t][A-ZÅÄÖ][\w'-]+){0,2})[ \t]+"
    r"\d{1,2}[:.]\d{2}(?:[ \t]*[AP]M)?$"
)


_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+)?\*\*(?P<name>[^*\n]{1,40}?)\*\*\s*[–—:-]")


@cache
def _inline_today() -> re.Pattern[str]:
    today = alternation(STANDUP_TODAY_LABELS)
    other = alternation((*STANDUP_TODAY_LABELS, *STANDUP_OTHER_LABELS))
    return re.compile(
        rf"(?<!\w)(?:{today})\s*[:?]\s*(?P<task>.+?)\s*[.;]?\s*(?=(?<!\w)(?:{other})\s*[:?]|$)",
        re.IGNORECASE,
    )


def inline_standup(state: ActionState, unit: Unit, line: Line) -> bool:
    """A stand-up written one person a paragraph: ``**Tove** – igår: gjorde klart
    inloggningen. idag: börjar på profilsidan. hinder: inget``; what follows *idag:* is
    Tove's task (the lines of several people may run together as one wrapped text)."""
    if ":" not in line.text:
        return False
    last = min(line.number + 30, len(state.ctx.lines))
    leads: list[tuple[int, str]] = []
    for number in range(unit.block.line, last + 1):  # a lead above, in the paragraph
        text = state.ctx.lines[number - 1]
        if not text.strip():
            break
        lead = _BOLD_LEAD.match(text) if "**" in text else None
        if lead is not None:
            leads.append((number, lead["name"].strip()))
    if not leads:
        return False
    found_any = False
    for found in _inline_today().finditer(line.text):
        task = found["task"].strip(" -–")
        if not task:
            continue
        at = _line_of(state.ctx.lines, line.number, last, task)
        owner = next((name for number, name in reversed(leads) if number <= at), None)
        if owner is None:
            continue
        state.explicit(task, at, unit, owners=[state.owners.written(owner)])
        found_any = True
    return found_any


def _line_of(lines: list[str], first: int, last: int, task: str) -> int:
    """The line where ``task`` starts, as the minutes wrap it."""
    head = " ".join(task.split()[:3])
    for number in range(first, last + 1):
        if head in " ".join(lines[number - 1].split()):
            return number
    word = task.split()[0]
    return next((n for n in range(first, last + 1) if word in lines[n - 1]), first)
