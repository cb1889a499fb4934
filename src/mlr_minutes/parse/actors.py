"""Who was there, from what the minutes say people did: *Mattias Rönn redogjorde för
läget*, *Kassör Torbjörn Wallin läste upp den ekonomiska berättelsen*, *Robert Hjort
(SD) yrkar avslag*.

An association's annual meeting or a working group's notes often list nobody, or list
the members and leave out the official who presented an item; the gold rule of minutes
is that whoever spoke, presented or proposed was present.  Only full names count (a
first name alone may be anyone's), never an organisation, and never someone the
minutes list as absent.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ABSENCE_REASONS,
    CHAIR_ROLE_WORDS,
    DECIDING_SUBJECTS,
    DEFINITE_TITLE_ENDINGS,
    PRESENCE_VERBS,
    ROUND_TABLE_ABSENCE,
)
from .blocks import BlockKind
from .chat_log import CHAT_AUTHOR, handle_header, is_bot, said
from .gates import GatedPattern
from .outline import Outline, heading_key
from .outline.titles import label_line_context
from .people import is_organisation, is_role_word, parse_person
from .person_notes import aliases_of
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata


@cache
def _actor() -> re.Pattern[str]:
    # A name never runs over a line break: ``Yrkanden`` / ``Lena Fjällström yrkar …``.
    name = r"[A-ZÅÄÖ][\w'\ufffd-]+(?:[ \t]+[A-ZÅÄÖ][\w'\ufffd-]+){1,3}"
    return re.compile(
        # ``Per Ek (S) yrkar``, ``Birgitta Frost, Västerhamra kommun, berättade``, both:
        # ``Jenny Lind (V), Bäckviks kommun, efterfrågar``.
        rf"(?<![\w-])(?P<name>{name})"
        rf"(?P<aside>(?:[ \t]+\([^()\n]{{1,30}}\))?(?:,\s+[^,.\n]{{2,40}},)?)"
        rf",?[ \t]+"
        rf"(?:{alternation(PRESENCE_VERBS)})(?!\w)"
    )


@cache
def _gate() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(PRESENCE_VERBS)})(?!\w)")
    # The words' gate lets through whatever the case-insensitive pattern would match.
    return GatedPattern(pattern, PRESENCE_VERBS, whole=True)


@cache
def _away() -> re.Pattern[str]:
    words = alternation((*ROUND_TABLE_ABSENCE, *ABSENCE_REASONS))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _not_name_words() -> frozenset[str]:
    return frozenset((*CHAIR_ROLE_WORDS, *DECIDING_SUBJECTS))


def _full_name(written: str, config: Config) -> str | None:
    """``Kassör Torbjörn Wallin`` → ``Torbjörn Wallin``; None for an organisation or a
    single word."""
    words = written.split()
    skip = _not_name_words()
    while words and (words[0].casefold() in skip or is_role_word(words[0])):
        words = words[1:]
    if len(words) > 2 and (
        words[0].casefold().endswith(DEFINITE_TITLE_ENDINGS)
        or label_line_context(heading_key(words[0])) is not None
    ):
        # *Revisorn Sture Hallin*, *Motionären Nils Aronsson*, a label flattened into the
        # sentence (*Yrkanden Robert Hjort (SD) yrkar avslag*).
        words = words[1:]
    if len(words) < 2 or is_organisation(" ".join(words), config):
        return None
    return " ".join(words)


def actors_present(meta: Metadata, outline: Outline, config: Config) -> None:
    """Add to the attendees everyone a sentence says acted at the meeting, by full name,
    unless the minutes already list them (present or absent)."""
    known: set[str] = set()
    for person in (*meta.attendees, *meta.guests, *meta.absent):
        if person.name:
            known.add(person.name.casefold())
            known.update(alias.casefold() for alias in aliases_of(person))
    for officer in (meta.chair, meta.secretary):
        if officer is not None and officer.name:
            known.add(officer.name.casefold())
    surnames = {name.split()[-1] for name in known if " " in name}
    for unit in outline.units:
        block = unit.block
        if unit.noise:
            continue
        first = block.markdown.split("\n", 1)[0]
        header = handle_header(first) if "@" in first or "**" in first else None
        if (
            header is not None  # ``### 09:31 @ida.berg``, ``> **08:58 @ida.berg**``: an author
            and not is_bot(header.lstrip("@"))
            and header.casefold() not in known
            and header.lstrip("@").casefold() not in known
        ):
            known.add(header.casefold())
            # ``**sara.k** 09:25`` / ``ledig idag och imorgon``: the author says they are away.
            said_after = block.markdown[len(first) : len(first) + 120]
            into = meta.absent if _away().search(said_after) else meta.attendees
            into.append(Person(header.lstrip("@"), None, None, block.line))
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        for author in CHAT_AUTHOR.finditer(block.markdown) if "**" in block.markdown else ():
            handle = author["handle"] or author["name"]
            if is_bot(handle.lstrip("@")):
                continue
            if handle.casefold() not in known and handle.lstrip("@").casefold() not in known:
                known.add(handle.casefold())
                words = block.markdown[author.end() : author.end() + 120].split("\n**", 1)[0]
                away = _away().search(words) is not None  # ``ledig idag och imorgon``
                into = meta.absent if away else meta.attendees
                into.append(Person(handle.lstrip("@"), None, None, block.line))
        if "<" in block.markdown:
            for line in block.markdown.split("\n"):
                written = said(line)
                if written is None or is_bot(written.nick):
                    continue
                if written.nick.casefold() not in known:
                    known.add(written.nick.casefold())
                    meta.attendees.append(Person(written.nick, None, None, block.line))
        if not _gate().search(block.text):
            continue
        for match in _actor().finditer(block.text):
            name = _full_name(match["name"], config)
            if name is None:
                continue
            key = name.casefold()
            if key in known or (key.split()[-1] in surnames and len(key.split()) == 1):
                continue
            known.add(key)
            # ``Per Ek (S) yrkar …``: what the parentheses say of them (a party, a role).
            aside = (match["aside"] or "").rstrip(",")
            described = parse_person(f"{name}{aside}", block.line, config)
            meta.attendees.append(described or Person(name, None, None, block.line))
