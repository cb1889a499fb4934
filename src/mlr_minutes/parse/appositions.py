"""Officers named in apposition inside a sentence of the minutes.

::

    Ordföranden, Karin Åslund (S), hälsar välkommen och öppnar sammanträdet.
    Malin Berglund, sekreterare, föredrar innehållet i reglementet.

Formal protocols name the officer with the office set off by commas, before or after
the name, in a sentence about something else.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import (
    CHAIR_ROLE,
    CHAIR_ROLE_WORDS,
    MEETING_CHAIR_ROLE,
    ROLE_QUALIFIERS,
    ROLES,
    SECRETARY_ROLE,
)
from .elections import named_person, prose_texts
from .outline import Outline
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

_OFFICE_OF_ROLE = {CHAIR_ROLE: "chair", MEETING_CHAIR_ROLE: "chair", SECRETARY_ROLE: "secretary"}
_NAME = r"[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+){1,2}"
_PARTY = r"(?:\s+\([A-ZÅÄÖ]{1,3}\))?"


@cache
def _offices() -> dict[str, str]:
    """Office word (*ordföranden*, *sekreterare*) → chair or secretary."""
    offices = {w: _OFFICE_OF_ROLE[r] for w, r in ROLES.items() if r in _OFFICE_OF_ROLE}
    offices.update((word, "chair") for word in CHAIR_ROLE_WORDS if "." not in word)
    return offices


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = alternation(list(_offices()))
    qualified = alternation(ROLE_QUALIFIERS)
    # The office after the name, then the sentence goes on with a verb in lower case.
    after = re.compile(
        rf"(?<![\w,])(?P<name>{_NAME}){_PARTY},\s+(?!(?:{qualified})\s)(?P<role>{roles}),\s+"
        r"(?=[a-zåäö])",
        re.IGNORECASE,
    )
    # The office first, capitalised as the sentence's subject.
    before = re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=\n))[\s•·*-]*(?P<role>{roles}),\s+(?P<name>{_NAME}){_PARTY},\s+"
        r"(?=[a-zåäö])",
        re.IGNORECASE,
    )
    return after, before


def officers_in_apposition(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Ordföranden, Karin Åslund (S), hälsar välkommen*, *Malin Berglund, sekreterare,
    föredrar …*: the name beside the office set off by commas holds it."""
    if meta.chair is not None and meta.secretary is not None:
        return
    present = [*meta.attendees, *meta.guests]
    for text, line in prose_texts(outline):
        if "," not in text:
            continue
        for pattern in _patterns():
            for found in pattern.finditer(text):
                if found["name"].split()[0].islower():
                    continue
                office = _offices()[found["role"].casefold()]
                if getattr(meta, office) is not None:
                    continue
                at = line + text[: found.start()].count("\n")
                person = named_person(found["name"], at, present, config)
                if person is not None and person.name:
                    setattr(meta, office, person)
