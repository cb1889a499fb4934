"""Whether a sentence decides, and what it did with the matter: the deciding verbs of
:data:`~mlr_minutes.vocabulary.DECIDING_VERBS` with their subject (*Styrelsen beslutade*,
*Kulturnämnden godkänner*), in the passive (*Budgeten antogs*), or declared (*Mötet
förklarades behörigt utlyst*); the words that say it is none (*föreslår att*)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..model import Outcome
from ..vocabulary import (
    AGREEMENT_VERBS,
    ANY,
    DECIDING_BODY_ENDINGS,
    DECIDING_SUBJECTS,
    DECIDING_VERBS,
    DECISION_OPENERS,
    DECLARED_STATES,
    DECLARING_VERBS,
    LIST_JOINERS,
    NOT_DECISION_PHRASES,
    NOTHING_DECIDED_SUBJECTS,
    OUTCOME_ONLY,
    PASSIVE,
)
from .gates import GatedPattern, gated
from .text import alternation

# --- Vocabulary as patterns ----------------------------------------------------------


@cache
def _verbs() -> GatedPattern:
    return gated(rf"(?<!\w)(?:{alternation(DECIDING_VERBS)})(?!\w)", DECIDING_VERBS)


@cache
def _verb_modes() -> list[tuple[re.Pattern[str], str, Outcome | None]]:
    return [
        (re.compile(rf"^(?:{alternation([verb])})$", re.IGNORECASE), mode, outcome)
        for verb, (mode, outcome) in DECIDING_VERBS.items()
        if "..." in verb  # the rest are found by their words alone
    ]


def _mode_of(words: str) -> tuple[str, Outcome | None]:
    key = " ".join(words.casefold().split())
    if key in DECIDING_VERBS:
        return DECIDING_VERBS[key]
    for pattern, mode, outcome in _verb_modes():
        if pattern.match(words):
            return mode, outcome
    return OUTCOME_ONLY, None


_NOTHING_WORDS = 5
"""A sentence this short that opens with *Ingen* says nothing was decided; a longer one
may go on to what was (*Inga invändningar; mötet beslutar att …*)."""


@cache
def _declared() -> GatedPattern:
    verbs, states = alternation(DECLARING_VERBS), alternation(DECLARED_STATES)
    return gated(rf"(?<!\w)(?:{verbs})\s+(?:\w+\s+){{1,2}}(?:{states})(?!\w)", DECLARING_VERBS)


@cache
def _not_decision() -> GatedPattern:
    return gated(rf"(?<!\w)(?:{alternation(NOT_DECISION_PHRASES)})(?!\w)", NOT_DECISION_PHRASES)


_OUTCOME_PRIORITY = (
    Outcome.NOTED,
    Outcome.TABLED,
    Outcome.REFERRED_BACK,
    Outcome.REJECTED,
    Outcome.ELECTED,
    Outcome.APPROVED,
)


@lru_cache(maxsize=8192)
def outcome_of(text: str) -> Outcome | None:
    """The outcome the wording states (*godkändes* → approved), or None; when it states
    several (*godkänna och lägga till handlingarna*), the most specific."""
    found = {_mode_of(m.group())[1] for m in _verbs().finditer(text)}
    return next((o for o in _OUTCOME_PRIORITY if o in found), None)


_WORD = re.compile(r"[\wåäöÅÄÖ:-]+")


def is_deciding_subject(word: str) -> bool:
    """Whether ``word`` names who decides: *mötet*, *vi*, or a body by its own name
    (*Kulturnämnden*, *Kommunrevisionen*, *arbetsutskott* of *Byggnadsnämndens …*)."""
    key = word.casefold().strip(".,:;")
    return key in DECIDING_SUBJECTS or any(
        key.endswith(ending) and len(key) >= len(ending) for ending in DECIDING_BODY_ENDINGS
    )


def _has_subject(text: str, match: re.Match[str]) -> bool:
    before = _WORD.findall(text[: match.start()])
    after = _WORD.findall(text[match.end() :])
    if before and is_deciding_subject(before[-1]):
        return True
    if (
        match.group().casefold() in AGREEMENT_VERBS
        and len(before) >= 3
        and before[-2].casefold() in LIST_JOINERS
        and before[-1][:1].isupper()
        and before[-3][:1].isupper()
    ):
        return True  # ``Joel och Rami enades om att …``: the people who agreed
    # Swedish inverts after a fronted phrase: *Efter diskussion enades gruppen om …*.
    return bool(after) and is_deciding_subject(after[0]) and bool(before)


_TOPIC = re.compile(r"^[\w*][\w\s*-]{0,30}:\s+")
"""A short topic before a colon (*Releasen:*, *Hackkvällen:*)."""


@cache
def _opener() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(DECISION_OPENERS)})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def is_decision_sentence(text: str) -> bool:
    """Whether a sentence of prose states a decision taken at the meeting."""
    text = text.strip()
    if not text or text.endswith("?") or _not_decision().search(text):
        return False
    if _declared().search(text):
        return False  # ``… och förklarade stämman öppnad``: the chair opening the meeting
    words = text.split()
    if (
        len(words) <= _NOTHING_WORDS
        and words[0].casefold() in NOTHING_DECIDED_SUBJECTS
        and not any(mark in text for mark in ",;:→–")  # ``Inga invändningar → antas``
    ):
        return False  # ``Ingen åtgärd beslutades.``: that nothing was decided
    opening = text.lstrip("-–•* ")
    if _opener().match(opening) or _opener().match(_TOPIC.sub("", opening, count=1)):
        return True  # ``Releasen: Då kör vi feature freeze …``: after the topic it is about
    for match in _verbs().finditer(text):
        mode, _ = _mode_of(match.group())
        if mode in (ANY, PASSIVE):
            return True
        if mode != OUTCOME_ONLY and _has_subject(text, match):
            return True
    return False
