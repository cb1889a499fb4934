"""Notes written after a person's name in an attendance list: which items they took part
in (``§§ 12-14``, ``ärende 1-20``), whom they served for (``tjg för Per Ek``), why they were
away (``förhinder``, ``VAB``)."""

from __future__ import annotations

import re
from functools import cache

from ..model import Person
from ..vocabulary import (
    ABSENCE_REASONS,
    ABSENT_ANSWERS,
    ATTENDANCE_NOTE_BEFORE_NUMBER,
    ATTENDANCE_NOTE_FOR,
    ATTENDANCE_NOTE_WORDS,
    ROLES,
)
from .text import alternation


@cache
def note_start() -> re.Pattern[str]:
    """Where an attendance note begins after a name (``§§ 12-14``, ``tjg för …``)."""
    always = alternation(ATTENDANCE_NOTE_WORDS)
    numbered = alternation(ATTENDANCE_NOTE_BEFORE_NUMBER)
    serving = alternation(ATTENDANCE_NOTE_FOR)
    return re.compile(
        rf"(?:^|(?<=\s)|(?<=,))(?:(?:{always})(?!\w)|(?:{numbered})\s*(?=§|\d)"
        rf"|(?:{serving})\s+(?=[A-ZÅÄÖ]))",
        re.IGNORECASE,
    )


_NESTED_ASIDE = re.compile(r"\s*\((?P<inside>[^()]*\([^()]*\)[^()]*)\)\s*$")


def split_note(text: str) -> tuple[str, str | None]:
    """``Bo Krantz (C) ärende 1-20`` → (``Bo Krantz (C)``, ``ärende 1-20``); a note never
    starts inside parentheses or before the name, but for a last aside that is a note
    whole and holds a party code (``Tomas Berglöf (M) (ers Ylva Dahl (M))``)."""
    nested = _NESTED_ASIDE.search(text) if "))" in text else None
    if nested and note_start().match(nested["inside"]):
        return text[: nested.start()].rstrip(), nested["inside"].strip()
    depth = 0
    outside: list[bool] = []
    for char in text:
        if char == "(":
            depth += 1
        outside.append(depth == 0)
        if char == ")":
            depth = max(0, depth - 1)
    for match in note_start().finditer(text):
        if text[match.start() :].strip(" ,;").casefold() in ROLES:
            continue  # ``Sam Ek, för anteckningar``: the role they had, no note
        if match.start() > 0 and outside[match.start()]:
            note = text[match.start() :].strip(" ,;–-")
            return text[: match.start()].rstrip(" ,;–-"), note or None
    return text, None


@cache
def _away_words() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(ABSENCE_REASONS)})(?!\w)", re.IGNORECASE)


def says_away(note: str | None) -> bool:
    """Whether a note says why the person was away (``förhinder``, ``VAB``, ``sjuk``), as
    words: *sjukvårdsnämnden* or *skrivarkurs* say nothing of the kind."""
    if not note:
        return False
    # ``Lukas Fredén – Nej``: the list's answer that they did not come.
    return note.strip().casefold() in ABSENT_ANSWERS or _away_words().search(note) is not None


ALIAS = re.compile(
    r"\s*[‹«<]\s*(?P<alias>[^‹›«»<>]{1,30}?)\s*[›»>]"
    # ``Sören "sörre" Fält``: a nickname in quotes between the names.
    r"|(?<=\w)\s+[\"“”'‘’](?P<quoted>[\w.@-]{1,20})[\"“”'‘’](?=\s+\w)"
)
"""``‹jek›``, ``«Bosse»``, ``Sören "sörre" Fält``: what the minutes call someone besides
their name."""


def aliases_of(person: Person) -> list[str]:
    """What else the minutes call ``person``: the handle or initials written beside the
    name (``‹jek›``, ``(BeS)``, ``RB   Roland Bergh``)."""
    if not person.note:
        return []
    tagged = [m["alias"] for m in ALIAS.finditer(person.note)]
    if tagged:
        return tagged
    initials = person.note.strip("() ")
    return [initials] if initials.isupper() and 2 <= len(initials) <= 4 else []
