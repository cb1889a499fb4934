"""A written list of people split into one entry each: commas, semicolons and joiners
(``Anna, Olle & Per``), role-first lists (*kårordförande Felicia Strömgren, vice
kårordförande Malte Åberg*), a PDF column flattened into one line (``Bengt Alsterlind
(S), ordförande Marianne Öst (M)``), handles side by side (``@lovisa.h @ture``); the
parts that describe the person before them stay with that person."""

from __future__ import annotations

import itertools
import re
from functools import cache

from ..config import Config
from ..model import Person
from ..vocabulary import (
    COMPANY_FORMS,
    NAME_JOINERS,
    ORGANISATION_LINKS,
    ORGANISATION_SUFFIXES,
    PARTY_CODES,
    ROLES,
)
from .people import (
    FULL_NAME,
    HANDLE,
    PAREN,
    SHORT_CAPITALS,
    clean,
    is_note,
    is_organisation,
    is_party,
    is_role_word,
    parse_person,
    prefixed_full_name,
    split_role_prefix,
    split_top_level,
    without_title,
)
from .text import alternation


def _employer(fragment: str, before: str, config: Config) -> bool:
    """``Thomas Ring, auktoriserad revisor, Lindvik Revision AB``: an organisation after a
    person named in full is where they come from; after another organisation (*Skatteverket,
    Bolagsverket*) it is one more organisation present."""
    name = clean(PAREN.sub(" ", before.split(",")[0]))
    if _person_from(fragment):
        return False  # ``…, Linnea Frost (sjuksköterska) från Tallmo kommun``: one more
    words = fragment.split()
    shaped = len(words) >= 2 and words[0].isupper() and len(words[0]) > 1  # ``PRO Tallmo``
    return (
        (is_organisation(fragment, config) or shaped)
        and FULL_NAME.match(name) is not None
        and not is_organisation(name, config)
        # ``Johan Eld, Tallmo kommun``: an organisation of more than one word (a single
        # word after a name may be one more organisation present: *Skatteverket*).
        and ("," in before or _company(fragment) or len(fragment.split()) >= 2)
    )


def _person_from(fragment: str) -> bool:
    """``Linnea Frost (demenssjuksköterska) från Tallmo kommun``: a name in full, then
    where the person comes from."""
    words = clean(PAREN.sub(" ", fragment)).split()
    at = next((i for i, w in enumerate(words[:4]) if w.casefold() in ORGANISATION_LINKS), 0)
    return at >= 2 and FULL_NAME.match(" ".join(words[:at])) is not None


def _company(fragment: str) -> bool:
    """``Lindvik Energi AB`` right after a name: a company is where a person comes from,
    never a guest of its own in a list of people."""
    words = fragment.split()
    return len(words) >= 2 and words[-1].casefold().strip(".") in COMPANY_FORMS


def _is_attribute(fragment: str, config: Config, nicknames: bool) -> bool:
    """Whether a comma-separated fragment describes the person before it."""
    text = clean(PAREN.sub(" ", fragment))
    if not text:
        return True
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    if is_note(text) or is_party(text):
        return True
    if prefixed_full_name(text):
        return False  # ``distriktets kontaktperson Mikael Wendt``: someone else, described
    role, _ = split_role_prefix(text)
    if role is not None:
        return True
    if text[:1].isdigit():
        return True  # ``1:e vice ordförande``, ``118–121``
    if text[:1].islower():
        # *Anna Berg, kassör* describes Anna; *kalle, stina* are two people.
        return not nicknames or is_role_word(text.split()[0]) or len(text.split()) > 1
    return " " not in text and "-" in text and is_role_word(text.rsplit("-", 1)[-1])  # IT-chef


@cache
def _joiner() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(NAME_JOINERS)})\s+", re.IGNORECASE)


@cache
def _joiner_first() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation(NAME_JOINERS)})\s+(?=(?-i:[A-ZÅÄÖ@]))", re.IGNORECASE)


def _split_joined(fragment: str, config: Config) -> list[str]:
    """``Olle Dahl & Per Holm`` → two people; ``Havs- och vattenmyndigheten`` and
    ``Greater Copenhagen & Skåne Committee`` stay whole (parentheses are never split)."""
    depth = 0
    cuts: list[tuple[int, int]] = []
    for match in _joiner().finditer(fragment):
        depth = fragment.count("(", 0, match.start()) - fragment.count(")", 0, match.start())
        if depth == 0:
            cuts.append(match.span())
    if not cuts:
        return [fragment]
    parts: list[str] = []
    start = 0
    for begin, end in cuts:
        if fragment[start:begin].endswith("-") or _carries_on_a_name(fragment[end:]):
            continue
        parts.append(fragment[start:begin])
        start = end
    parts.append(fragment[start:])
    return [p for p in parts if p.strip()]


def _carries_on_a_name(following: str) -> bool:
    """``… & Skåne Committee``: the words after the joiner end an organisation's name."""
    words = clean(PAREN.sub(" ", following)).split()
    if any(w.casefold() in ORGANISATION_LINKS for w in words[1:-1]):
        return False  # ``… och Linnea Frost från Tallmo kommun``: a person, and her employer
    return len(words) >= 2 and words[-1].casefold().endswith(ORGANISATION_SUFFIXES)


_AFTER_PAREN = re.compile(r"(?<=\))\s+(?=[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])")
_ROLE_THEN_NAME = re.compile(
    r"^(?P<role>(?:\d:[ea]\s+)?[\wåäöÅÄÖ][\wåäö .-]{1,40}?)\s+"
    r"(?P<name>[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ].*)$"
)


def _role_then_name(piece: str) -> re.Match[str] | None:
    """``kårordförande Felicia Strömgren``, ``Samhällsbyggnadschef Tomas Ekberg`` at the
    start of a list, ``VA-ingenjör Jonas Rask``, ``enhetschef äldreomsorg Birgitta
    Nordin``: a role (its first or last word a role word), then the name it belongs to."""
    match = _ROLE_THEN_NAME.match(piece.strip())
    if match is None or is_note(piece):
        return None
    words = match["role"].split()
    capitalised = words[0][:1].isupper() and (len(words) > 1 or not words[0][1:].islower())
    if capitalised and not (len(words) == 1 and "-" in words[0]):
        return None  # ``Anna Berg Lind``; only one capitalised role word, or ``VA-…``
    if is_role_word(words[-1].casefold()):
        return match
    second = words[-1].casefold()
    if (
        len(words) == 2
        and is_role_word(words[0].casefold())
        and len(second) > 3
        and second not in ORGANISATION_LINKS
        and not is_note(second)
    ):
        return match  # the role and what it is for (*enhetschef äldreomsorg*)
    return None


@cache
def _party_paren() -> re.Pattern[str]:
    codes = alternation(code.upper() for code in PARTY_CODES if len(code) <= 3)
    return re.compile(rf"(?P<name>[A-ZÅÄÖ][\w'-]+\s+[A-ZÅÄÖ][\w'-]+)\s+\((?:{codes})\)")


def _split_at_parties(piece: str) -> list[str]:
    """``Göran Vikström (S) Granåker Maud Ekstrand (M) Sjöviken``: in a flattened column of
    politicians each person starts with the two names before their party code; what
    stands between one code and the next name describes the person before."""
    if piece.count("(") < 2:
        return [piece]  # one party code at most: nothing to split at
    starts = [
        m.start("name")
        for m in _party_paren().finditer(piece)
        # ``Robert Kjellin (S) som ersättare för Bo Ringdahl (KD)``, ``Tomas Berglöf (M)
        # (ers Ylva Dahl (M))``: the one replaced.
        if not is_note(piece[: m.end("name")].rsplit("(", 1)[-1].split(")", 1)[-1])
    ]
    if len(starts) < 2:
        return [piece]
    bounds = [0, *starts[1:], len(piece)] if starts[0] > 0 else [*starts, len(piece)]
    return [piece[a:b].strip(" ,") for a, b in itertools.pairwise(bounds) if piece[a:b].strip(" ,")]


_AFTER_ITEMS = re.compile(
    r"§§?\s*\d+(?:\s*[-–,]\s*\d+)*(?P<gap>\s+)"
    r"(?=[A-ZÅÄÖ][a-zåäöéü'-]+\s+[A-ZÅÄÖ][a-zåäöéü'-]+(?:[\s,(]|$))"
)


def _after_items(piece: str) -> list[str]:
    """``… avdelningschef §§ 14-15 Lena Lindgren, sekreterare``: the items the person
    before took part in end that person; the name after them starts the next."""
    if "§" not in piece:
        return [piece]
    cuts = [m.end("gap") for m in _AFTER_ITEMS.finditer(piece)]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _split_flattened(piece: str) -> list[str]:
    """A PDF flattened one person a line into one line (``Bengt Alsterlind (S), ordförande
    Marianne Öst (M) Karl Nordqvist (C)``): a new name after a closing parenthesis, after
    the role word that ends the person before, or after the items the person before took
    part in (``Leif Strand, avdelningschef §§ 14-15 Lena Lindgren, sekreterare``)."""
    parts: list[str] = []
    wholes = (p for whole in _split_at_parties(piece) for p in _AFTER_PAREN.split(whole))
    for part in (p for whole in wholes for p in _after_items(whole)):
        role_then_name = _role_then_name(part)
        if role_then_name:
            parts.extend((role_then_name["role"], role_then_name["name"]))
        else:
            parts.append(part)
    return parts


def _handles_apart(piece: str) -> list[str]:
    """``@lovisa.h @ture @mehmet.k``: handles written side by side, as a chat names people;
    ``Lars-Göran Bly        Elsa Norberg``: names in columns of a signature line."""
    if "@" not in piece and "   " not in piece and "\t" not in piece:
        return [piece]
    words = piece.split()
    if len(words) > 1 and all(word.startswith("@") and len(word) > 1 for word in words):
        return words
    mentions = [m.strip() for m in _MENTION_START.split(piece.strip()) if m.strip()]
    if len(mentions) > 1 and all(FULL_NAME.match(m.removeprefix("@")) for m in mentions):
        # ``@Karl Engström @Lisa Nordin``: Teams and Loop mention people by their full
        # names, side by side.
        return mentions
    columns = [c for c in _COLUMN_GAP.split(piece.strip()) if c]
    if len(columns) > 1 and all(FULL_NAME.match(c) for c in columns):
        return columns
    return [piece]


_COLUMN_GAP = re.compile(r"\s{3,}|\t")
_MENTION_START = re.compile(r"\s+(?=@\w)")


def _fragments(text: str, config: Config) -> list[str]:
    """The comma and joiner fragments of a list.  A list that starts with a role before a
    name (*kårordförande Felicia Strömgren, vice kårordförande Malte Åberg och
    lekmannarevisor Dennis Holmqvist*) writes every role before its name: each such
    fragment is turned around (``Felicia Strömgren, kårordförande``); any other list may
    be a flattened PDF column, where a role ends the person before it."""
    pieces = [
        handle
        for fragment in split_top_level(text)
        # ``…, samt Birgitta Ohlsson``: the joiner after the comma opens the last one.
        for piece in _split_joined(_joiner_first().sub("", fragment), config)
        for handle in _handles_apart(piece)
    ]
    if pieces and _role_then_name(pieces[0]):
        turned = []
        for piece in pieces:
            match = _role_then_name(piece)
            if match is None:
                turned.append(piece)
                continue
            role = match["role"]
            if role[1:].islower():
                role = role.casefold()  # the list's first word, capitalised as a start
            turned.append(f"{match['name']}, {role}")
        return turned
    return [part for piece in pieces for part in _split_flattened(piece)]


def _next_nickname(entry: list[str], piece: str, nicknames: bool) -> bool:
    """Whether ``piece`` is one more handle in a list of handles: after a lone handle, a
    single lower-case word or one that starts with a digit (*lindqvist*, *0xfia*) is the
    next person, unless it is an office (*kalle, kassör*) or a note."""
    if not nicknames or len(entry) != 1 or not HANDLE.match(entry[0].strip()):
        return False
    word = piece.strip()
    return (
        HANDLE.match(word) is not None
        and any(c.isalpha() for c in word)
        and word.casefold() not in ROLES
        and not (word.endswith("en") and is_role_word(word))  # ``fastighetschefen``
        and not is_note(word)
    )


def parse_people(
    text: str, line: int, config: Config, *, role: str | None = None, nicknames: bool = True
) -> list[Person]:
    """Everyone in a comma (or semicolon, or line) separated list."""
    entries: list[list[str]] = []  # joined once: adding to a growing string is quadratic
    for written in _fragments(text, config):
        # ``med.dr Kristina Ahl, leg. ssk Olof Berg``: a title starts a person, no role
        # of the one before.
        piece = without_title(written.strip())
        if entries and _next_nickname(entries[-1], piece, nicknames):
            entries.append([piece])  # ``jonnaj, lindqvist, 0xfia``: handles, one each
        elif entries and (
            _is_attribute(piece, config, nicknames)
            or _employer(piece, ", ".join(entries[-1][:2]), config)
        ):
            entries[-1].append(piece)
        else:
            entries.append([piece])
    people = [parse_person(", ".join(entry), line, config, role=role) for entry in entries]
    return party_codes_in_context([p for p in people if p is not None])


def party_codes_in_context(people: list[Person]) -> list[Person]:
    """In a list where a known party code is used, short capitals in parentheses are
    party codes too (a local party: ``Ulla Ek (SoL)`` beside ``Per Ek (S)``)."""
    if not any(p.party for p in people):
        return people
    result: list[Person] = []
    for person in people:
        organisation = person.organisation
        if person.party is None and organisation and SHORT_CAPITALS.match(organisation):
            person = Person(person.name, None, person.role, person.line, organisation, person.note)
        result.append(person)
    return result
