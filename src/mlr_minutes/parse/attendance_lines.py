"""Tests the attendance reader asks of a line of text: does a sentence list those present
(*Närvarande var kalle, stina samt Per Ek*), does a wrapped list carry on, does a line
start with an attachment's number, could it be a people label at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..vocabulary import (
    ATTACHMENT_WORDS,
    ATTENDANCE_PROSE,
    ATTENDANCE_PROSE_AFTER_NAMES,
    DWELLING_WORDS,
    EVERYONE,
    LABEL_PREFIXES,
    LIST_JOINERS,
    METADATA_KEYS,
    ORGANISATION_LINKS,
    PRESENT_LABEL_ENDINGS,
    ROLES,
)
from .attendance_values import ANYWHERE, COMMA, LIST, Found, OpenLabel, looks_like_people
from .gates import GatedPattern
from .label_cells import LineLabel, plain
from .labels import normalise_key
from .people import clean, is_role_word
from .text import alternation

WRAP_WIDTH = 45
"""A line at least this long that does not end a sentence was probably wrapped."""


@cache
def prose_pattern() -> re.Pattern[str]:
    """*Närvarande var kalle, stina samt Per Ek*: the phrase and the list after it."""
    return re.compile(
        rf"(?<!\w)(?:{alternation(ATTENDANCE_PROSE)})\s*(?P<list>[^.!?]{{2,300}})", re.IGNORECASE
    )


@cache
def prose_gate() -> GatedPattern:
    """The phrase alone: a cheap look before :func:`prose_pattern`."""
    pattern = re.compile(rf"(?<!\w)(?:{alternation(ATTENDANCE_PROSE)})", re.IGNORECASE)
    return GatedPattern(pattern, ATTENDANCE_PROSE)


def join_wrapped(buffer: str, text: str, aligned: bool = False) -> str:
    """A comma list wrapped over lines, joined back: ``… Ruben`` / ``Castillo, chef`` is one
    name carried on; ``Elin Dahlberg (S)`` / ``Rune Isaksson (M)`` is the next person, and
    so is every line ``aligned`` under the label's value column (``Ingela Marklund,
    Granåker`` / ``Sören Hedlund, Granåker``)."""
    last = re.split(r"[,;]", buffer)[-1].strip()
    role_first = last[:1].islower() and is_role_word(last.split()[-1])
    carried = (
        buffer.rstrip().endswith((",", ";"))
        or buffer.count("(") > buffer.count(")")
        or text[:1].islower()
        or text[:1] == "("  # ``… Elias Berg`` / ``(revisorssuppleant, skrev), …``
        # ``… vice kårordförande`` / ``Elias Wendel``: the role stands before its name.
        or (role_first and not aligned and text[:1].isupper())
        or (not aligned and len(last.split()) == 1 and last[:1].isupper())
    )
    return f"{buffer} {text}" if carried else f"{buffer}, {text}"


_SENTENCE_END = re.compile(r"(?<![\wåäö])[a-zåäö]{5,}[.!?]$")


def ends_sentence(buffer: str) -> bool:
    """``8 deltagare från fem kommuner, se laget runt nedan.``: a lower-case word and a
    full stop end a sentence, not a wrapped list (``… Per Ek, sekr.`` goes on: an
    abbreviation; ``… Anna Berg, Tallmo.``: a name)."""
    if buffer.rstrip().endswith(".") and buffer.strip(" .").casefold() in EVERYONE:
        return True  # ``Närvarande: alla.``
    return _SENTENCE_END.search(buffer.rstrip()) is not None


@cache
def attachment_prefix() -> re.Pattern[str]:
    # ``Bilaga 1. Röstlängd``: the attendance list appended as an attachment.
    return re.compile(
        rf"^\s*(?:{alternation(ATTACHMENT_WORDS)})\s*\d{{1,2}}\s*[.:–-]?\s+(?=\S)", re.IGNORECASE
    )


@cache
def ends_with_joiner() -> re.Pattern[str]:
    """``… Ingrid Vall och``: a list that goes on on the next line."""
    return re.compile(rf"(?:,|\s(?:{alternation(LIST_JOINERS)}))\s*$", re.IGNORECASE)


@cache
def _people_label_words() -> frozenset[str]:
    words = {
        key.split()[0]
        for field_name in ANYWHERE
        for key in METADATA_KEYS[field_name]
        if key.split()
    }
    return frozenset(words | {prefix.split()[0] for prefix in LABEL_PREFIXES})


def may_name_people(raw: str) -> bool:
    """A cheap first look at a line inside the items: could it be a people label?"""
    if ":" in raw or "·" in raw:
        return True
    head = _SYMBOLS_FIRST.sub("", plain(raw).strip()).split(maxsplit=1)  # ``👥 Närvarande``
    if bool(head) and normalise_key(head[0]) in _people_label_words():
        return True
    # ``Föreningsmedlemmar som närvarade``: a label known by how it ends.
    return len(raw) <= _SHORT_LABEL and normalise_key(raw).endswith(PRESENT_LABEL_ENDINGS)


_SHORT_LABEL = 60


_SYMBOLS_FIRST = re.compile(r"^[^\w]+")


_ASIDE = re.compile(r"\([^()]*\)")


@cache
def _label_organisation() -> re.Pattern[str]:
    links = alternation(ORGANISATION_LINKS)
    return re.compile(
        rf"^\W*[\wåäö]+(?:\s+[\wåäö]+)?\s+(?:{links})\s+(?P<organisation>[A-ZÅÄÖ].*)$"
    )


def label_organisation(key: str) -> str | None:
    """The organisation a people label names for everyone under it: ``Närvarande från
    Norrvika kommun, stadsbyggnadskontoret`` → *Norrvika kommun, stadsbyggnadskontoret*."""
    found = _label_organisation().match(key.strip().strip("*_: "))
    if found is None:
        return None
    organisation = _ASIDE.sub(" ", found["organisation"]).strip(" :*_")
    return " ".join(organisation.split()) or None


_DESCRIBED_AFTER = re.compile(
    r"^(?P<names>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)+)\s+[a-zåäö][\wåäö-]*\s+[a-zåäö(]"
)
"""A full name and then what describes the person, in words."""
_ROLE_NEXT = re.compile(r",\s+[a-zåäö][\wåäö-]*\s+[A-ZÅÄÖ]")
_LEADING_DESCRIPTION = re.compile(r"^(?:[a-zåäö][\wåäö-]*\s+){1,3}(?=[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])")


@cache
def _names_before() -> GatedPattern:
    words = ATTENDANCE_PROSE_AFTER_NAMES
    pattern = re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.I)
    return GatedPattern(pattern, words, whole=True)


def _present_before(lines: list[str], raw: str, number: int) -> Iterator[Found]:
    """*knut, stellan, Sanna och jonte* / *befinns närvarande med medlemsavgift betald*: the
    names before the phrase, on its line or the lines of the paragraph above it."""
    match = _names_before().search(raw)
    if match is None:
        return
    parts, first = [raw[: match.start()]], number
    while first > 1 and number - first < 3:
        above = lines[first - 2].strip()
        if not above or above.endswith((".", ":", "!", "?")) or above[:1] in "#0123456789":
            break  # a title or a sentence above: the list began on the lines below it
        first -= 1
        parts.insert(0, above)
    value = clean(" ".join(part.strip() for part in parts).strip(" ,"))
    if value and looks_like_people(value):
        yield Found("attendees", value, first, last_line=number)


def prose_attendance(lines: list[str], raw: str, number: int) -> Iterator[Found]:
    """*Närvarande var kalle, stina samt Per Ek.* inside an item or a paragraph."""
    yield from _present_before(lines, raw, number)
    if not prose_gate().search(raw):
        return
    text, last = plain(raw), number
    starts = [0]  # where each joined line begins in ``text``
    # The sentence may wrap: ``… Hilda Sjögren (ej medlem, adjungerad som kassörens`` /
    # ``biträde) samt Göran Ahlberg från Idrottens Distriktsförbund.``
    while not text.rstrip().endswith((".", "!", "?")) and last < min(number + 3, len(lines)):
        following = lines[last].strip()
        carried = (
            following[:1].islower()
            # ``… och Linnea Frost (demenssjuksköterska) från`` / ``Tallmo kommun, …``: a
            # long line that ends no sentence was wrapped.
            or len(lines[last - 1].strip()) >= WRAP_WIDTH
            or text.rstrip().endswith(",")
            or text.count("(") > text.count(")")
            # ``… Ingrid Vall och`` / ``Maud Engström.``: the list goes on.
            or ends_with_joiner().search(text) is not None
        )
        if not following or not carried:
            break
        starts.append(len(text) + 1)
        text, last = f"{text} {plain(following)}", last + 1
    match = prose_pattern().search(text)
    if match is None:
        return
    said_of = text[: match.start()].split()[-1:]
    if said_of and said_of[0].casefold() in EVERYONE:
        return  # ``… alla närvarande är röstberättigade``: said of everyone, no list
    # ``Närvarade. Röstlängden fastställdes`` / ``till 20. Bland de närvarande fanns …``:
    # the list is read from the line it starts on, the decision before it is not.
    first = number + sum(1 for start in starts[1:] if start <= match.start())
    # ``Närvarande var lekmannarevisorerna Bengt Hägg och …``: who they are, then names.
    value = clean(match["list"])
    lead = _LEADING_DESCRIPTION.match(value)
    if lead and not (lead.group().strip().casefold() in ROLES and _ROLE_NEXT.search(value)):
        value = value[lead.end() :]  # (``ordförande Gun-Britt Ek, sekreterare Lars …`` keeps)
    if not looks_like_people(value) and (described := _DESCRIBED_AFTER.match(value)):
        value = described["names"]  # ``Hanna Kvist utan rösträtt (ansöker om …)``
    if looks_like_people(value):
        yield Found("attendees", value, first, last_line=last)


ORGANISATION_GROUP = re.compile(r"^(?P<group>[A-ZÅÄÖ][^:]{1,60}):\s+(?P<people>.*)$")
"""``Tallmo kommun: Per Holmgren (KSO), Lise-Lott Ek``: an organisation and its people."""


def group_wrapped(people: str, number: int, lines: list[str], rest: dict[int, str]) -> str:
    """An organisation's people wrapped onto the next lines (``*Västerhamra kommun:*
    Håkan Wiklund, socialchef; Lotta Dahlgren,`` / ``samordnare; Rebecka Olsson``)."""
    last = number
    while people.rstrip().endswith((",", ";")) and last < len(lines):
        following = plain(lines[last]).strip()
        if not following or ORGANISATION_GROUP.match(following.replace("*", "")):
            break
        people, last = f"{people} {following}", last + 1
        rest[last] = ""
    return people


def office_of(group: str) -> str | None:
    """The officer's role a group label names (``Projektägare, styrgruppens ordförande`` →
    *ordförande*, ``Projektledare`` → *projektledare*), or None for an organisation."""
    for word in reversed(re.split(r"[\s,]+", group.strip())):
        if (word and is_role_word(word.casefold()) and word[:1].islower()) or word in ROLES:
            return word.casefold()
    first = group.split(",")[0].strip()
    return first.casefold() if " " not in first and is_role_word(first.casefold()) else None


@cache
def _dwelling() -> re.Pattern[str]:
    words = alternation(DWELLING_WORDS)
    return re.compile(rf"^(?:{words})\.?\s*\d{{1,5}}[a-z]?\s+(?=\S)", re.IGNORECASE)


def without_dwelling(text: str) -> str:
    """``lgh 1002  Kjell Ström, Marie Ström`` → the members: the flat is no name."""
    return _dwelling().sub("", text) if text[:1] in "lLbB" else text


def heads_indented(raw: str, number: int, lines: list[str]) -> bool:
    """The next line is indented deeper: this one heads it (``Norrvika kommun`` over its
    people, each two spaces in)."""
    below = lines[number] if number < len(lines) else ""
    return bool(below.strip()) and len(below) - len(below.lstrip()) > len(raw) - len(raw.lstrip())


_COMMA_TAB = re.compile(r",\t+")
_INDENT = re.compile(r"^[ \t]+")


def tabs_as_typed(raw: str) -> str:
    """A line as a word processor's tab stops lay it out: ``Klara Wennberg,<tab>ordförande``
    one cell, and an indent of tabs as wide as the spaces of the lines above it."""
    raw = _COMMA_TAB.sub(", ", raw)
    return _INDENT.sub(lambda indent: indent.group().expandtabs(8), raw)


def wraps_a_role(raw: str, found: LineLabel, opened: OpenLabel | None) -> bool:
    """``Birgitta Holmgren (M), 1:e vice ordförande, tjänstgörande`` / ``    ordförande``:
    in an open list, an indented line of a lower-case office with no colon ends the role
    the line above began; it is no label with its name below."""
    if opened is None or opened.blank or opened.mode not in (LIST, COMMA):
        return False
    return raw[:1] in " \t" and ":" not in raw and found.label.key[:1].islower()
