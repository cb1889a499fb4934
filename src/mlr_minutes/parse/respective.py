"""Two offices and two names paired in order by *respektive*::

    Till ordförande och sekreterare valdes Anna Berg respektive Per Ek.
    Mötesledare och sekreterare roterar inom gruppen. I dag var det Malin respektive Oskar.

The offices come first (in the sentence, or the one before it), the names after, each
name holding the office in the same place.  An item that elects both names them in its
title, and its text gives the two names in the same order::

    ## 2. Val av mötesordförande och mötessekreterare
    Mötet valde Anna Berg och Per Ek.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import (
    CHAIR_LIKE_ROLES,
    MEETING_CHAIR_ROLE,
    RESPECTIVE_WORDS,
    ROLES,
    SECRETARY_ROLE,
)
from .elections import CAPITALISED_NAME, item_texts, named_person, prose_texts
from .outline import Outline
from .text import alternation, sentences

if TYPE_CHECKING:
    from .metadata import Metadata

_NAME = r"[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){0,2}"


@cache
def _paired() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<first>{_NAME})\s+(?:{alternation(RESPECTIVE_WORDS)})\s+(?P<second>{_NAME})"
    )


def _office(word: str) -> str | None:
    role = ROLES.get(word) or ROLES.get(word.rstrip("."))  # ``ordf.``, ``… ordförande.``
    if role in CHAIR_LIKE_ROLES or role == MEETING_CHAIR_ROLE:
        return "chair"
    return "secretary" if role == SECRETARY_ROLE else None


def respective_officers(meta: Metadata, outline: Outline, config: Config) -> None:
    """``… ordförande och sekreterare … Anna Berg respektive Per Ek``: the chair and the
    secretary, named in the order their offices were."""
    if meta.chair is not None and meta.secretary is not None:
        return
    present = [*meta.attendees, *meta.guests]
    for text, line in prose_texts(outline):
        if not any(word in text for word in RESPECTIVE_WORDS):
            continue
        said = [s.text for s in sentences(text)]
        for at, sentence in enumerate(said):
            pair = _paired().search(sentence)
            if pair is None:
                continue
            before = " ".join([*said[max(0, at - 1) : at], sentence[: pair.start()]])
            words = re.findall(r"[\wåäö.]+", before.casefold())
            offices = [o for o in map(_office, words) if o is not None]
            offices = list(dict.fromkeys(offices))  # each office once, in order
            if sorted(offices) != ["chair", "secretary"]:
                continue
            for office, name in zip(offices, (pair["first"], pair["second"]), strict=True):
                if getattr(meta, office) is None:
                    person = named_person(name, line, present, config)
                    if person is not None and person.name:
                        setattr(meta, office, person)
            return


def offices_in_order(text: str) -> list[str]:
    """``chair`` and ``secretary`` in the order ``text`` names their offices, each once."""
    words = re.findall(r"[\wåäö.]+", text.casefold())
    return list(dict.fromkeys(o for o in map(_office, words) if o is not None))


def officers_in_title_order(meta: Metadata, outline: Outline, config: Config) -> None:
    """``## Val av mötesordförande och sekreterare`` / ``Anna Berg och Per Ek valdes till
    mötesordförande respektive sekreterare``: an item electing both offices, whose first
    sentence names two people; they hold the offices in the order the sentence names
    them, or else the title."""
    if meta.chair is not None and meta.secretary is not None:
        return
    present = [*meta.attendees, *meta.guests]
    for title, text, line in item_texts(outline):
        if sorted(offices_in_order(title)) != ["chair", "secretary"]:
            continue
        said = sentences(text)
        first = said[0].text if said else ""
        people = [
            person
            for match in CAPITALISED_NAME.finditer(first)
            if (person := named_person(match.group(), line, present, config)) is not None
            and person.name
        ]
        names = list(dict.fromkeys(p.name for p in people))
        if len(names) != 2:
            continue
        offices = offices_in_order(first)
        if sorted(offices) != ["chair", "secretary"]:
            offices = offices_in_order(title)
        for office, name in zip(offices, names, strict=True):
            if getattr(meta, office) is None:
                setattr(meta, office, next(p for p in people if p.name == name))
        return
