"""The chair as the one who opened the meeting (*Anna Berg öppnade mötet*) or as the one
the text calls by the title (*… och ordföranden Sten-Åke Hedman*): the last officer
rules, when nothing said more plainly who chaired."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    CHAIR_ROLE_WORDS,
    DECLARING_VERBS,
    OPENED_MEETING_NOUNS,
    OPENED_STATES,
    OPENER_GREETINGS,
    OPENING_PHRASES,
    OPENING_VERBS,
)
from .elections import is_capitalised_name, item_texts, named_person, prose_texts
from .labels import match_metadata
from .outline import Outline
from .people import parse_person, role_of
from .person_notes import aliases_of
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata


@cache
def _opening() -> re.Pattern[str]:
    # ``förklarar styrgruppsmötet för öppnat``, ``öppnade föreningsstämman``: what is
    # opened may be a compound, declared open with or without a preposition.
    opened = rf"[\wåäö-]*(?:{alternation(OPENED_MEETING_NOUNS)})"
    declared = rf"(?:{alternation(DECLARING_VERBS)})\s+{opened}\s+(?:{alternation(OPENED_STATES)})"
    return re.compile(
        rf"(?<!\w)(?:{alternation(OPENING_PHRASES)}|(?:{alternation(OPENING_VERBS)})\s+{opened}"
        rf"|{declared})(?!\w)",
        re.IGNORECASE,
    )


_LOOK_BACK = 61
"""How far back the opener's words are looked for: a name with what describes it."""


def _who_opened(text: str) -> str | None:
    """The words before *öppnade mötet* in their sentence (at most 60 characters back)."""
    match = _opening().search(text)
    if match is None:
        return None
    before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
    # (A line that begins with a capital begins the sentence: the item's title above it,
    # ``1 Mötets öppnande``, is no part of the opener's name.)
    words = re.split(r"[.;:]|\n(?=[A-ZÅÄÖ])", before)[-1]
    greeting = _greeting().search(words)
    if greeting is not None and greeting.start() > 0:
        words = words[: greeting.start()]  # ``Eva Marklund hälsar alla välkomna och …``
    return words.strip() or None


@cache
def _greeting() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(OPENER_GREETINGS)})\s", re.IGNORECASE)


def opener(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Anna Berg öppnade mötet*, *Ordföranden Leif Mårtensson hälsade alla välkomna och
    förklarade mötet öppnat*, *BeS förklarade sammanträdet öppnat*: the opener chairs."""
    if meta.chair is not None:
        return
    present = [*meta.attendees, *meta.guests]
    # A file whose items were not found (a PDF's text run together): its first paragraphs.
    texts = [(text, line) for _, text, line in item_texts(outline)[:3]]
    # (Past the labels at the top: texts of ``Datum: …``, ``Tid och plats: …`` only.)
    prose = [
        (text, line)
        for text, line in prose_texts(outline)
        if not all(match_metadata(row, loose=True) for row in text.split("\n"))
    ]
    for text, line in texts or prose[:5]:
        who_opened = _who_opened(text)
        if who_opened is None:
            continue
        words = who_opened.split()
        head = who_opened.split(",", 1)[0].strip()
        if len(words) > 4 and head != who_opened and is_capitalised_name(head):
            # ``Karin Öst, av årsstämman utsedd till styrelsens ordförande, hälsade
            # välkommen och öppnade``: the name, then what it says of her.
            words = head.split()
        titled = [i for i, w in enumerate(words) if w.casefold().strip(",") in CHAIR_ROLE_WORDS]
        if titled and (titled[-1] + 1 < len(words) or titled[-1] == 0):
            # ``… 1. Mötets öppnande Ordföranden Elsa Norrby öppnar mötet``: the title
            # begins the opener's words, whatever the text run into it before.
            words = words[titled[-1] + 1 :]
        office = role_of(" ".join(words)) if words and words[0][:1].isupper() else None
        if office is not None:
            # *Vice talman förklarade mötet öppnat*: whoever the list gives that office.
            holders = [p for p in present if p.role == office and p.name]
            if len(holders) == 1:
                meta.chair = holders[0]
            return
        if words and len(words) <= 4:
            who = " ".join(words)
            found = named_person(who, line, present, config)
            if found is not None and _is_who(found, who, words):
                meta.chair = found
            elif is_capitalised_name(who) or (len(words) == 1 and words[0][:1].islower()):
                meta.chair = parse_person(who, line, config)
        return


def _is_who(found: Person, who: str, words: list[str]) -> bool:
    # The opener named by (the start of) their name, or by the initials the list gave them.
    if found.name and who.startswith(found.name.split()[0]):
        return True
    return any(alias in words for alias in aliases_of(found))


@cache
def _chair_by_title() -> re.Pattern[str]:
    words = alternation(CHAIR_ROLE_WORDS)
    return re.compile(
        # One line: ``…, mötesordförande`` / ``Per Ek, …`` signs two people, not one.
        rf"(?<!\w)(?i:{words})[ \t]+(?P<name>[A-ZÅÄÖ][\w-]+(?:[ \t]+[A-ZÅÄÖ][\w-]+){{1,2}})"
    )


def chair_by_title(meta: Metadata, outline: Outline, config: Config) -> None:
    """*… yttrar sig Gunnel Frisk och ordföranden Sten-Åke Hedman*: the chair named by
    their title in the text, when nothing else named one."""
    if meta.chair is not None:
        return
    present = [*meta.attendees, *meta.guests]
    for _, text, line in item_texts(outline):
        match = _chair_by_title().search(text)
        if match:
            meta.chair = named_person(match["name"], line, present, config)
            return
