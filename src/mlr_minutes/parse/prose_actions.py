"""Reading one task: its owner and due date from the words around it, and whether a
sentence of prose is a task at all.

Every function here is one convention, named by what it reads::

    read_action("Boka lokal (ansvarig: Olle, klart: 30/9)")   # owner Olle, due 30/9
    assigned_owner("Styrelsen uppdrar åt kassören att …")     # kassören
    modal_owner("Stina ska mejla ut kallelsen")               # Stina
    obligation("Listan ska skickas ut")                       # a task without an owner
    is_not_a_task("Vi borde se över rutinerna")               # a wish
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from ..model import DateValue
from ..vocabulary import (
    CLAUSE_WORDS,
    DEADLINE_WORDS,
    DECIDING_VERBS,
    DONE_STATUSES,
    DUE_KEYS,
    EXTERNAL_ORGANISATION_ENDINGS,
    EXTERNAL_PLAN_VERBS,
    FIRST_PERSON_WORDS,
    GOING_TIME_WORDS,
    GOING_WORDS,
    INTENT_VERBS,
    LIST_JOINERS,
    MODAL_WORDS,
    NAMED_OWNER_OPENINGS,
    NARRATIVE_VERBS,
    NEXT_MEETING_WORDS,
    NOBODY_SUBJECTS,
    NOT_OBLIGATION_VERBS,
    NOT_TASK_VERBS,
    OBLIGATION_ADVERBS,
    OBLIGATION_WORDS,
    OFFICER_DUTIES,
    ORGANISATION_FIRST_WORDS,
    OWNER_BEFORE_PHRASES,
    OWNER_BETWEEN_PHRASES,
    OWNER_KEYS,
    PASSIVE_AGENT_WORDS,
    PLANNING_PHRASES,
    RELATIVE_PRONOUNS,
    REPORTED_BY_WORDS,
    REPORTED_CLAUSE_OPENINGS,
    REPORTING_VERBS,
    ROLES,
    SUBJECT_ACTION_VERBS,
    SUBORDINATORS,
    WISH_WORDS,
)
from .context import ParseContext
from .dates import find_dates, parse_date
from .done_marks import done_clause, marked_done, without_done_mark
from .gates import GatedPattern
from .labels import normalise_key
from .owners import CAPITALISED, Owners
from .text import alternation, alternatives, collapse

_MAX_OWNER_WORDS = 5
_CLAUSE = frozenset(CLAUSE_WORDS)


@dataclass
class Task:
    """A task's words with what they say of its owner and due date."""

    text: str
    owners: list[str] = field(default_factory=list)
    due: DateValue | None = None
    done: bool = False


# --- Patterns from the vocabulary ---------------------------------------------------


@cache
def _note() -> re.Pattern[str]:
    keys = alternation((*OWNER_KEYS, *DUE_KEYS))
    return re.compile(rf"(?<!\w)(?P<key>{keys})\s*:\s*(?P<value>[^,;()]+)", re.IGNORECASE)


@cache
def _note_in_parentheses() -> re.Pattern[str]:
    keys = alternation((*OWNER_KEYS, *DUE_KEYS))
    return re.compile(rf"\s*\((?:[^()]*?(?:{keys})\s*:[^()]*)\)", re.IGNORECASE)


@cache
def _deadline() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(DEADLINE_WORDS)})\s*:?\s*$", re.IGNORECASE)
    return GatedPattern(pattern, DEADLINE_WORDS, whole=True)


@cache
def _planning() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(PLANNING_PHRASES)})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, PLANNING_PHRASES, whole=True)


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
    return alternatives(parts)


@cache
def _subject_verb() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{_verb_pattern()})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, SUBJECT_ACTION_VERBS, whole=True)


def _words_pattern(words: tuple[str, ...]) -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, words, whole=True)


@cache
def _wish() -> GatedPattern:
    return _words_pattern(WISH_WORDS)


@cache
def _narrative() -> GatedPattern:
    return _words_pattern(NARRATIVE_VERBS)


@cache
def _not_task_verbs() -> frozenset[str]:
    # A body that decides (*Styrelsen beslutar*) is deciding, not taking on a task.
    deciding = (verb for verb in DECIDING_VERBS if " " not in verb)
    return frozenset((*NOT_TASK_VERBS, *deciding))


@cache
def _intent() -> GatedPattern:
    return _words_pattern(INTENT_VERBS)


@cache
def _external_plan() -> GatedPattern:
    return _words_pattern(EXTERNAL_PLAN_VERBS)


_TRAILING_DASH_OWNER = re.compile(r"\s+[–—-]\s+(?P<owner>@?[\wÅÄÖåäö(][\w .,&@()åäöÅÄÖ-]{0,60})$")
_TRAILING_PAREN_OWNER = re.compile(r"\s*[–—-]?\s*\((?P<owners>[^()]{1,60})\)\s*\.?$")
_LEADING_OWNER = re.compile(r"^(?P<owner>@?[\wåäöÅÄÖ][\wåäöÅÄÖ .&/-]{0,40}?)\s*:\s+(?P<task>\S.*)$")
_MENTION = re.compile(r"(?<![\w.])@(?P<name>[\wåäöÅÄÖ.-]+\w)")
_TRAILING_MENTIONS = re.compile(r"(?:\s+@[\wåäöÅÄÖ.-]+\w)+\s*\.?$")
_SPLIT_OWNERS = re.compile(rf"\s*(?:/|,|(?<!\w)(?:{alternation(LIST_JOINERS)})(?!\w))\s*", re.I)


# --- One task's owner and due date -----------------------------------------------------------


def _notes(text: str, ctx: ParseContext, line: int, owners: Owners, task: Task) -> str:
    """Strip ``(ansvarig: X, klart: DATUM)`` notes from ``text``; record what they said."""
    found = False
    for match in list(_note().finditer(text)):
        key, value = normalise_key(match["key"]), match["value"].strip()
        found = True
        if key in OWNER_KEYS:
            task.owners.extend(owners.written(v) for v in _SPLIT_OWNERS.split(value) if v.strip())
            continue
        if value.casefold().strip(" .!") in DONE_STATUSES:
            task.done = True  # ``När: klart`` in a task table: done, no date to read
            continue
        parsed = parse_date(value, ctx.meeting_date, ctx.next_meeting, strict=True)
        if parsed is None:
            ctx.warn(
                line,
                "unparseable-date",
                f"datumet ”{value}” kunde inte tolkas",
                "skriv t.ex. 30/9, 24 maj, 2016-11-15, vecka 42 eller i juni",
            )
        task.due = task.due or parsed
    if found and (task.owners or task.due):
        text = _note_in_parentheses().sub("", text)
        text = _note().sub("", text)
        text = re.sub(r"[\s,;.]*[,;]\s*$", "", text).strip()
    return text


def read_action(
    text: str, ctx: ParseContext, line: int, owners: Owners, *, nicknames: bool = False
) -> Task:
    """A task as written, its owner and due date read from notes (``(ansvarig: X, klart:
    30/9)``), ``@mentions``, ``Olle: boka lokal``, a trailing ``– Per`` or ``(Josef)``,
    or its subject (*Martin lägger upp …*); the due date after a deadline word, else the
    last date named."""
    task = Task(collapse(text))
    if marked_done(task.text):
        task.done = True
        task.text = without_done_mark(task.text)
    if done_clause().search(task.text):
        # ``… – klart, de har flyttat labben.``, ``… sedan februari. Klart.``: a task
        # followed up and found done.
        task.done = True
    task.text = _notes(task.text, ctx, line, owners, task)
    task.owners.extend(m["name"] for m in _MENTION.finditer(task.text))
    task.text = _TRAILING_MENTIONS.sub("", task.text)
    if not task.owners:
        task.text = _trailing_owner(task, ctx, owners)
    if not task.owners and (leading := _LEADING_OWNER.match(task.text)):
        name = leading["owner"].strip()
        parts = [p for p in _SPLIT_OWNERS.split(name) if p.strip()]
        if parts and all(owners.looks_like_name(p, nicknames=nicknames) for p in parts):
            task.owners.extend(owners.written(p) for p in parts)
            task.text = leading["task"].strip()
    if not task.owners:
        task.owners.extend(
            subject_owner(task.text, owners, ctx) or _leading_known_owner(task.text, owners)
        )
    if not task.owners and (will := modal_owner(task.text, owners)):
        task.owners.append(will)  # ``Meja skulle kolla enkäten``, in a list of tasks
    if task.due is None:
        task.due = _due_in(task.text, ctx)
    task.owners = list(dict.fromkeys(task.owners))
    task.text = task.text.strip()
    return task


def _trailing_owner(task: Task, ctx: ParseContext, owners: Owners) -> str:
    text = task.text
    dash = _TRAILING_DASH_OWNER.search(text)
    if dash and not done_clause().match(dash["owner"]):
        candidate = dash["owner"].strip().strip("()")
        if len(candidate.split()) <= 6 and not find_dates(candidate, ctx.meeting_date):
            task.owners.extend(owners.split(candidate))
            return text[: dash.start()].strip()
    if paren := _TRAILING_PAREN_OWNER.search(text):
        parts = [p.strip() for p in _SPLIT_OWNERS.split(paren["owners"]) if p.strip()]
        if (
            parts
            and all(CAPITALISED.match(p.split()[0]) or owners.known(p) for p in parts)
            and not find_dates(paren["owners"], ctx.meeting_date)
        ):
            task.owners.extend(owners.written(p) for p in parts)
            return text[: paren.start()].strip()
    return text


def _leading_known_owner(text: str, owners: Owners) -> list[str]:
    """In an action list, *Alla läser …*: a known owner followed by a present-tense verb."""
    words = text.split()
    for size in (2, 1):
        if len(words) > size and words[size].casefold().endswith("r"):
            owner = owners.known(" ".join(words[:size]))
            if owner:
                return [owner]
    return []


def _due_in(text: str, ctx: ParseContext) -> DateValue | None:
    """The deadline of an explicit action: after a deadline word, else its last date."""
    matches = find_dates(text, ctx.meeting_date, ctx.next_meeting)
    for match in matches:
        if _deadline().search(text[: match.start]):
            return match.value
    return matches[-1].value if matches else None


# --- Owners in prose ---------------------------------------------------------------------


def _owner_words(words: list[str], owners: Owners) -> str | None:
    """The owner named by the last words before a verb: a known owner, or one to three
    capitalised words (a name not in the attendance list)."""
    for size in (3, 2, 1):
        if len(words) >= size:
            phrase = " ".join(words[-size:])
            if owners.known(phrase):
                return owners.written(phrase)
    if 1 <= len(words) <= 3 and all(CAPITALISED.match(w) for w in words):
        return " ".join(words)
    return None


def subject_owner(text: str, owners: Owners, ctx: ParseContext) -> list[str]:
    """The owner as the subject of a doing verb (*Martin lägger upp …*)."""
    if (owner := assigned_owner(text, owners)) is not None:
        return [owner]
    match = _subject_verb().search(text)
    if match is None:
        return _known_owner_with_verb(text, owners)
    inverted = next((v for k, v in match.groupdict().items() if v and k.startswith("inv")), None)
    if inverted and owners.known(inverted):
        return [owners.written(inverted)]
    before = re.findall(r"[\wåäöÅÄÖ@.-]+", text[: match.start()])
    if len(before) == 3 and before[1].casefold() in LIST_JOINERS:
        # ``Olof och Mira beställer låset``: two owners of one task.
        pair = [owners.known(before[0]), owners.known(before[2])]
        if all(pair):
            return [owners.written(before[0]), owners.written(before[2])]
    owner = _owner_words(before[-3:], owners) if before else None
    if owner and (len(before) <= 3 or owners.known(owner)):
        return [owner]
    return []


def _known_owner_with_verb(text: str, owners: Owners) -> list[str]:
    """*Kassören beställer muggar*, *Olle bokar lokal*, *Peder och Ewa schemalägger
    ronderna*: a known owner first, then a verb in the present tense that is no verb of
    being, thinking or telling."""
    words = text.split()
    if len(words) > 3 and words[1].casefold() in LIST_JOINERS:
        first, second = owners.known(words[0]), owners.known(words[2])
        verb = words[3].casefold().strip(".,")
        if first and second and verb.endswith("r") and verb not in _not_task_verbs():
            return [first, second]
    for size in (2, 1):
        if len(words) <= size:
            continue
        owner = owners.known(" ".join(words[:size]))
        verb = words[size].casefold().strip(".,")
        following = words[size + 1] if len(words) > size + 1 else ""
        if len(verb) <= 3 and following[:1].isupper():
            continue  # ``Birgit Hane för Sonja Lund``: in someone's place, no verb
        after = following.casefold().strip(".,")
        if (
            owner
            and verb.endswith("r")
            and verb not in _not_task_verbs()
            and after not in _not_task_verbs()  # ``Alla handlingar finns``: a noun, no verb
            and not _narrative().match(" ".join(words[size : size + 2]))
        ):
            return [owners.written(" ".join(words[:size]))]
    return []


@cache
def _openings() -> GatedPattern:
    """Every opening of :data:`OWNER_BETWEEN_PHRASES` in one pattern, scanned once."""
    firsts = {first for first, _ in OWNER_BETWEEN_PHRASES}
    return GatedPattern(
        re.compile(rf"(?<!\w)(?:{alternation(firsts)})\s+", re.IGNORECASE), firsts, whole=True
    )


@cache
def _closings() -> dict[str, list[re.Pattern[str]]]:
    closings: dict[str, list[re.Pattern[str]]] = {}
    for first, second in OWNER_BETWEEN_PHRASES:
        key = " ".join(first.casefold().split())
        closings.setdefault(key, []).append(
            re.compile(rf"\s+{alternation([second])}(?!\w)", re.IGNORECASE)
        )
    return closings


@cache
def _before() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(OWNER_BEFORE_PHRASES)})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, OWNER_BEFORE_PHRASES, whole=True)


def assigned_owner(text: str, owners: Owners) -> str | None:
    """Who an assignment or commitment names: *uppdrar åt X att*, *ger X i uppdrag att*,
    *kommer Olle att*, *X fick i uppdrag att*, *Per har lovat att*, *X åtog sig att*.

    Each phrase is found by a plain search and the owner read from the few words
    beside it, so the cost is linear in the sentence."""
    if text not in owners.assigned:
        owners.assigned[text] = _assigned_owner(text, owners)
    return owners.assigned[text]


def assigns_by_phrase(text: str) -> bool:
    """Whether ``text`` gives someone a task by a phrase after them (*X fick i uppdrag
    att …*), whoever the words before it name."""
    return _before().search(text) is not None


def _assigned_owner(text: str, owners: Owners) -> str | None:
    lowered = text.casefold()
    closings = _closings()
    for opening in _openings().finditer(text):
        key = " ".join(opening.group().casefold().split())
        for second in closings.get(key, ()):
            closing = second.search(text, opening.end(), opening.end() + 80)
            if closing is None:
                continue
            owner = text[opening.end() : closing.start()].strip()
            if 0 < len(owner.split()) <= _MAX_OWNER_WORDS and not set(owner.split()) & _CLAUSE:
                if key in NAMED_OWNER_OPENINGS and not owners.looks_like_name(owner):
                    continue
                return owner
    if not any(word in lowered for word in CLAUSE_WORDS):
        return None
    found = _before().search(text)
    if found is None:
        return None
    words = re.findall(r"[\wåäöÅÄÖ@.-]+", text[: found.start()])
    return _owner_words(words[-3:], owners) if words else None


@cache
def _modal() -> GatedPattern:
    pattern = re.compile(
        rf"(?<!\w)(?P<modal>{alternation(MODAL_WORDS)})\s+(?P<verb>[\wåäö]+)", re.I
    )
    return GatedPattern(pattern, MODAL_WORDS, whole=True)


def modal_owner(text: str, owners: Owners) -> str | None:
    """The owner of *Stina ska mejla ut kallelsen*, *Jag ska kolla med IT*: someone
    named (or *jag*, *vi*) before *ska*/*kommer att* and a doing verb after it."""
    match = _modal().search(text)
    if match is None:
        return None
    verb = match["verb"].casefold()
    if verb in _not_task_verbs() or verb.endswith("s"):
        return None
    if verb in GOING_WORDS and not text[match.end() :].lstrip().startswith(GOING_TIME_WORDS):
        return None  # ``Lovisa ska till tandläkaren``; not ``… ska till dess inhämta …``
    words = re.findall(r"[\wåäöÅÄÖ@.-]+", text[: match.start()])
    if not words or len(words) > 4:
        return None
    if any(word.casefold() in SUBORDINATORS for word in words):
        return None  # *Frågan om vi ska byta …*: not the sentence's own subject
    if words[-1].casefold() in FIRST_PERSON_WORDS:
        return str(words[-1]).casefold()
    return _owner_words(words[-3:], owners)


@cache
def _obligation() -> GatedPattern:
    pattern = re.compile(
        rf"(?<!\w)(?:{alternation(OBLIGATION_WORDS)})\s+(?:(?:{alternation(OBLIGATION_ADVERBS)})\s+)?"
        r"(?P<verb>[\wåäö]+s)(?!\w)",
        re.IGNORECASE,
    )
    return GatedPattern(pattern, OBLIGATION_WORDS, whole=True)


@cache
def _reported() -> GatedPattern:
    verbs, clause = alternation(REPORTING_VERBS), alternation(REPORTED_CLAUSE_OPENINGS)
    pattern = re.compile(rf"(?<!\w)(?:{verbs})\s+(?:\w+\s+){{0,3}}?(?:{clause})\s", re.I)
    return GatedPattern(pattern, REPORTING_VERBS, whole=True)


def obligation(text: str) -> bool:
    """A task in the passive, with no owner named: *Hemsidan behöver uppdateras*,
    *Listan ska skickas ut*, *Inbjudan måste göras i tid*."""
    match = _obligation().search(text)
    if match is None or text.rstrip().endswith("?"):
        return False
    before = text[: match.start()].split()
    if before and before[-1].casefold() in RELATIVE_PRONOUNS:
        return False  # ``Förra årets lista på vad som ska göras``: a clause, no task
    if _reported().search(text, 0, match.start()):
        return False  # ``Revisorerna konstaterade att frågan behöver granskas``: a view
    verb = match["verb"].casefold()
    return len(verb) > 3 and verb not in NOT_OBLIGATION_VERBS


def is_not_a_task(text: str, owners: Owners, *, listed: bool = False) -> bool:
    """Questions, and in prose wishes (*borde*, *vore bra*), what someone told the meeting
    (*Anna presenterar läget*), another organisation's own plans, the next meeting's date
    and a deadline with no task (*Klart till 21/10.*)."""
    stripped = text.strip()
    if not stripped or stripped.endswith("?") or _next_meeting().match(stripped):
        return True  # (``Nästa möte: 5 maj`` below a to-do list too)
    if listed:
        return False
    if _wish().search(stripped):
        return True
    if _nobody().match(stripped) or _duty().search(stripped):
        return True  # *Ingen tog på sig att …*, *Nora justerar protokollet.*
    if _signature(stripped):
        return True  # ``Tilde Ahlström, ordförande   Ossian Berg, sekreterare``
    if len(stripped.split()) <= 4 and _deadline_only().match(stripped):
        return True
    return _external_plans(stripped, owners)


@cache
def _duty() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(OFFICER_DUTIES)})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, OFFICER_DUTIES, whole=True)


_SIGNED = re.compile(r"^(?:[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ][\w-]+,\s*[a-zåäö][\wåäö.]+\s*)+\.?$")


def _signature(text: str) -> bool:
    """Names each with an office after a comma, and nothing else: signatures."""
    if _SIGNED.match(text) is None:
        return False
    offices = re.findall(r",\s*([a-zåäö][\wåäö.]+)", text)
    return all(ROLES.get(office.casefold()) for office in offices)


@cache
def _nobody() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(NOBODY_SUBJECTS)})\s", re.IGNORECASE)


@cache
def _next_meeting() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(NEXT_MEETING_WORDS)})(?!\w)", re.IGNORECASE)


@cache
def _deadline_only() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(DEADLINE_WORDS)})(?!\w)", re.IGNORECASE)


def _external_plans(text: str, owners: Owners) -> bool:
    words = text.split()
    if not words:
        return False
    first = words[0].strip(",.")
    # ``Trafikverket planerar …``, ``Region Mellanlanda planerar att …`` (a name that
    # starts with what it is).
    for size in (1, 2):
        named = size == 2 and first.casefold() in ORGANISATION_FIRST_WORDS
        organisation = named or (
            size == 1 and first.casefold().endswith(EXTERNAL_ORGANISATION_ENDINGS)
        )
        if (
            organisation
            and not owners.known(" ".join(words[:size]))
            and _external_plan().search(" ".join(words[size : size + 3]))
        ):
            return True
    intent = _intent().search(text)
    subject = text[: intent.start()].strip() if intent is not None else ""
    if subject and len(subject.split()) <= 4:
        # ``Tallmo planerar att starta …``, ``Leverantören planerar …``: the plans of
        # someone who takes no task here (*Mattias och Annika planerar programmet* do).
        parts = [p for p in _SPLIT_OWNERS.split(subject) if p]
        if not any(owners.known(p) or owners.known(p.split()[0]) for p in parts):
            return True
    # ``Ägarsamrådet ska enligt kommunen hållas …``: what another organisation says.
    said = _reported_by().search(text)
    return said is not None and said["who"].casefold().endswith(EXTERNAL_ORGANISATION_ENDINGS)


@cache
def _reported_by() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(REPORTED_BY_WORDS)})\s+(?P<who>\w+)", re.I)
    return GatedPattern(pattern, REPORTED_BY_WORDS, whole=True)


def narrative(text: str) -> bool:
    """Whether the sentence tells what someone did or said at the meeting."""
    return bool(_narrative().search(text))


def inferred_due(text: str, ctx: ParseContext, has_owner: bool) -> DateValue | None:
    """The due date a sentence of prose gives: a date after a deadline word, a date near a
    planning phrase (*planeras till 3 maj*), or, when the sentence names its owner, its
    first date.  Dates before the meeting are history, not deadlines."""
    dates = [
        m
        for m in find_dates(text, ctx.meeting_date, ctx.next_meeting)
        if ctx.meeting_date is None or m.value.end >= ctx.meeting_date
    ]
    for match in dates:
        window = text[max(0, match.start - 30) : match.start]
        if _deadline().search(window.rstrip("( ")):
            return match.value
    if not dates:
        return None
    planned = _planning().search(text)
    if planned:
        return min(dates, key=lambda m: abs(m.start - planned.start())).value
    if has_owner:
        return dates[0].value
    return None


def passive_agent(text: str, owners: Owners) -> list[str]:
    """*program tas fram av arbetsgruppen*: the known doer after *av*."""
    words = re.findall(r"[\wåäöÅÄÖ-]+", text)
    for before, word in itertools.pairwise(words):
        if before.casefold() in PASSIVE_AGENT_WORDS and (owner := owners.known(word)):
            return [owner]
    return []
