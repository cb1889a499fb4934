"""People lists: attendees, guests, absentees, the chair and the secretary.

Minutes write people in many ways, and this module reads them::

    Jan-Inge Ahlfrid (Malmö, ordförande), Jan Sohlmér (Lomma)
    - Anna Bergqvist, Lund (ordförande)
    Mathias Nilsen, koordinator MalmöLundregionen
    Eva Ek – Eslöv
    Per Ek (C), ordförande
    Bo Krantz (C) ärende 1-20
    Mira Sjö (S) tjänstgörande för Leif Ahl (S)
    Anna, Olle & Per          kalle, stina samt Per Ek ‹pek›
    Skatteverket, Bolagsverket

A comma inside parentheses never splits people; a comma before a municipality
or a role word adds to the person before it instead of starting a new one.  A
party code goes to ``party``, an attendance note (``§§ 12-14``, ``deltar ej § 5
p.g.a. jäv``) to ``note``, never into the name; an organisation listed alone is
an attendee without a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ATTENDANCE_NOTE_BEFORE_NUMBER,
    ATTENDANCE_NOTE_FOR,
    ATTENDANCE_NOTE_WORDS,
    NAME_JOINERS,
    OFFICER_ROLES,
    ORGANISATION_FIRST_WORDS,
    ORGANISATION_LINKS,
    ORGANISATION_SUFFIXES,
    PARTY_CODES,
    ROLE_ENDINGS,
    ROLES,
)
from .text import alternation

_PAREN = re.compile(r"\s*\((?P<inside>[^()]*)\)\s*")
_DASH = re.compile(r"\s+[–—-]\s+")
_ALIAS = re.compile(r"\s*[‹«<]\s*(?P<alias>[^‹›«»<>]{1,30}?)\s*[›»>]")
_INITIALS = re.compile(r"^[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ][a-zåäö]?$")
_SHORT_CAPITALS = re.compile(r"^[A-ZÅÄÖ]{1,4}$")
_CAPITALISED = re.compile(r"^[A-ZÅÄÖ0-9@]")
_BULLET = re.compile(r"^\s*(?:[-*+•–]|\d+[.)])\s+")


def _split_top_level(text: str, separators: str = ",;\n") -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in separators:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def clean(text: str) -> str:
    """Whitespace collapsed, tabs and bullets gone, edge punctuation stripped."""
    text = _BULLET.sub("", text.replace("\t", " "))
    return " ".join(text.split()).strip(" .;:\\")


def role_of(text: str) -> str | None:
    """The base form of a role word or phrase (``ordf.`` → ``ordförande``), or None."""
    key = clean(text).casefold()
    if key in ROLES:
        return ROLES[key]
    return None


_ORDINAL = re.compile(r"^\d{1,2}:[ea]\s+")


def is_role_word(word: str) -> bool:
    """Whether a word names a role (*förvaltningschef*, *nämndsekreterare*, *IT-chef*)."""
    key = word.casefold().strip(".,")
    if key in ROLES:
        return True
    # Short words end like roles by chance (*för*, *dör*).
    return len(key) >= 6 and key.endswith(ROLE_ENDINGS)


def is_organisation(text: str, config: Config) -> bool:
    """Whether ``text`` names an organisation rather than a person: a municipality, the
    organisation itself, or a name ending like one (*Skatteverket*, *Region Skåne*'s …)."""
    text = clean(text)
    if not text:
        return False
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    words = text.split()
    last = words[-1].casefold()
    first = words[0].casefold()
    return last.endswith(ORGANISATION_SUFFIXES) or first in ORGANISATION_FIRST_WORDS


def _split_role_prefix(text: str) -> tuple[str | None, str]:
    """``koordinator MalmöLundregionen`` → (``koordinator``, ``MalmöLundregionen``)."""
    words = _ORDINAL.sub("", clean(text)).split()
    for size in (2, 1):
        if len(words) >= size:
            role = role_of(" ".join(words[:size]))
            if role:
                return role, " ".join(words[size:])
    if words and (words[0][:1].islower() or "-" in words[0]) and is_role_word(words[0]):
        return words[0].casefold(), " ".join(words[1:])
    return None, clean(text)


@cache
def _note_start() -> re.Pattern[str]:
    always = alternation(ATTENDANCE_NOTE_WORDS)
    numbered = alternation(ATTENDANCE_NOTE_BEFORE_NUMBER)
    serving = alternation(ATTENDANCE_NOTE_FOR)
    return re.compile(
        rf"(?:^|(?<=\s)|(?<=,))(?:(?:{always})(?!\w)|(?:{numbered})\s*(?=§|\d)"
        rf"|(?:{serving})\s+(?=[A-ZÅÄÖ]))",
        re.IGNORECASE,
    )


def _split_note(text: str) -> tuple[str, str | None]:
    """``Bo Krantz (C) ärende 1-20`` → (``Bo Krantz (C)``, ``ärende 1-20``); a note never
    starts inside parentheses or before the name."""
    depth = 0
    outside: list[bool] = []
    for char in text:
        if char == "(":
            depth += 1
        outside.append(depth == 0)
        if char == ")":
            depth = max(0, depth - 1)
    for match in _note_start().finditer(text):
        if match.start() > 0 and outside[match.start()]:
            note = text[match.start() :].strip(" ,;–-")
            return text[: match.start()].rstrip(" ,;–-"), note or None
    return text, None


def _is_note(part: str) -> bool:
    return bool(_note_start().match(part.strip()))


def _is_party(part: str) -> bool:
    return part.casefold() in PARTY_CODES and len(part) <= 3


def _attributes(
    parts: Iterable[str], config: Config
) -> tuple[str | None, str | None, str | None, list[str]]:
    """(organisation, role, party, notes) from the parts written beside a name."""
    organisation: str | None = None
    role: str | None = None
    party: str | None = None
    notes: list[str] = []
    for raw in parts:
        part = clean(raw)
        if not part:
            continue
        if party is None and _is_party(part):
            party = part.upper()
            continue
        if _is_note(part):
            notes.append(part)
            continue
        if _INITIALS.match(part) and not _SHORT_CAPITALS.match(part):
            notes.append(part)  # initials the minutes use for them later (*BeS förklarade …*)
            continue
        found_role, rest = _split_role_prefix(part)
        officer = found_role in OFFICER_ROLES and role not in OFFICER_ROLES
        if found_role and (role is None or officer):
            # ``(projektledare, sekreterare)``: the role at this meeting wins over the job.
            role = found_role
            if rest and organisation is None:
                organisation = rest
        elif organisation is None and not (part[:1].islower() and is_role_word(part)):
            if part[:1].islower() and role is None and not _genitive(part):
                role = part.casefold()
            else:
                organisation = part
        elif role is None:
            role = part.casefold()
    return organisation, role, party, notes


@cache
def _organisation_link() -> re.Pattern[str]:
    links = alternation(ORGANISATION_LINKS)
    return re.compile(
        rf"^(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){{1,3}})\s+(?:{links})\s+"
        r"(?P<organisation>[A-ZÅÄÖ].*)$"
    )


_HANDLE = re.compile(r"^@?[a-zåäö0-9][\wåäö.-]{0,19}$")
_FULL_NAME = re.compile(r"^[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,2}$")


def _real_name(name: str, attributes: list[str]) -> str | None:
    if not _HANDLE.match(name):
        return None
    return next((a.strip() for a in attributes if _FULL_NAME.match(a.strip())), None)


def _genitive(part: str) -> bool:
    # ``regionrådets kansli``: a genitive and a noun name a body, not a role.
    words = part.split()
    return len(words) > 1 and words[0].casefold().endswith("s")


def parse_person(text: str, line: int, config: Config, *, role: str | None = None) -> Person | None:
    """One person: ``Namn (Org, roll)``, ``Namn, Org (roll)``, ``Namn – Org``, ``Namn (S)
    §§ 1-4``; an organisation alone (``Skatteverket``) is a person without a name.
    ``role`` is the role the list gives everyone in it (*Tjänstgörande ersättare*)."""
    text = clean(text)
    if not text:
        return None
    notes: list[str] = []
    aliases = [m["alias"] for m in _ALIAS.finditer(text)]
    text = _ALIAS.sub(" ", text).strip()
    text, note = _split_note(text)
    attributes: list[str] = []
    for match in _PAREN.finditer(text):
        attributes.extend(match["inside"].split(","))
    name_part = clean(_PAREN.sub(" ", text))
    pieces = _split_top_level(name_part)
    if len(pieces) > 1:
        name_part, attributes = pieces[0], pieces[1:] + attributes
    dash = _DASH.split(name_part, maxsplit=1)
    if len(dash) == 2:
        name_part, attributes = dash[0], [dash[1], *attributes]
    linked = _organisation_link().match(name_part)
    if linked:
        # ``Göran Ahlberg från Idrottens Distriktsförbund``
        name_part, attributes = linked["name"], [linked["organisation"], *attributes]
    name_part = name_part.removeprefix("@")
    real_name = _real_name(name_part, attributes)
    if real_name is not None:
        # ``jek (Johanna Ek)``: a handle as the minutes call them, and the name it stands
        # for, which is a note, not an organisation.
        attributes = [a for a in attributes if a.strip() != real_name]
        notes.append(real_name)
    organisation, written_role, party, attribute_notes = _attributes(attributes, config)
    notes.extend(attribute_notes)
    if note:
        notes.append(note)
    name: str | None = clean(name_part)
    if not name:
        return None
    if organisation is None and is_organisation(name, config) and len(name.split()) <= 6:
        name, organisation = None, name
    if aliases and not notes:
        notes.append("‹" + "›, ‹".join(aliases) + "›")
    return Person(
        name=name,
        organisation=organisation,
        role=written_role or role,
        line=line,
        party=party,
        note="; ".join(notes) or None,
    )


def _is_attribute(fragment: str, config: Config, nicknames: bool) -> bool:
    """Whether a comma-separated fragment describes the person before it."""
    text = clean(_PAREN.sub(" ", fragment))
    if not text:
        return True
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    if _is_note(text) or _is_party(text):
        return True
    role, _ = _split_role_prefix(text)
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
    words = clean(_PAREN.sub(" ", following)).split()
    return len(words) >= 2 and words[-1].casefold().endswith(ORGANISATION_SUFFIXES)


_AFTER_PAREN = re.compile(r"(?<=\))\s+(?=[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])")
_ROLE_THEN_NAME = re.compile(
    r"^(?P<role>(?:\d:[ea]\s+)?[a-zåäö][\wåäö .]{1,40}?)\s+(?P<name>[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ].*)$"
)


def _split_flattened(text: str) -> list[str]:
    """Comma fragments of a list, also where a PDF flattened one person a line into one
    line (``Bengt Alsterlind (S), ordförande Marianne Öst (M) Karl Nordqvist (C)``): a new
    name after a closing parenthesis, or after the role word that ends the person before."""
    parts: list[str] = []
    for fragment in _split_top_level(text):
        for piece in _AFTER_PAREN.split(fragment):
            role_then_name = _ROLE_THEN_NAME.match(piece.strip())
            if (
                role_then_name
                and not _is_note(piece)
                and is_role_word(role_then_name["role"].split()[-1])
            ):
                parts.extend((role_then_name["role"], role_then_name["name"]))
            else:
                parts.append(piece)
    return parts


def parse_people(
    text: str, line: int, config: Config, *, role: str | None = None, nicknames: bool = True
) -> list[Person]:
    """Everyone in a comma (or semicolon, or line) separated list."""
    entries: list[list[str]] = []  # joined once: adding to a growing string is quadratic
    for fragment in _split_flattened(text):
        for piece in _split_joined(fragment, config):
            if entries and _is_attribute(piece, config, nicknames):
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
        if person.party is None and organisation and _SHORT_CAPITALS.match(organisation):
            person = Person(person.name, None, person.role, person.line, organisation, person.note)
        result.append(person)
    return result
