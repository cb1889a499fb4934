"""People lists: attendees, guests, absentees, the chair and the secretary.

Minutes write people in a few ways, and this module reads them all::

    Jan-Inge Ahlfrid (Malmö, ordförande), Jan Sohlmér (Lomma)
    - Anna Bergqvist, Lund (ordförande)
    Mathias Nilsen, koordinator MalmöLundregionen
    Eva Ek – Eslöv

A comma inside parentheses never splits people; a comma before a municipality
or a role word adds to the person before it instead of starting a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..config import Config
from ..model import Person
from ..vocabulary import ROLES

_SEPARATORS = re.compile(r"\s*(?:;|\n|,)\s*")
_PAREN = re.compile(r"\s*\((?P<inside>[^()]*)\)\s*")
_DASH = re.compile(r"\s+[–—-]\s+")


def _split_top_level(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;\n":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split()).strip(" .;:")


def role_of(text: str) -> str | None:
    """The base form of a role word or phrase (``ordf.`` → ``ordförande``), or None."""
    key = _clean(text).casefold()
    if key in ROLES:
        return ROLES[key]
    return None


def _split_role_prefix(text: str) -> tuple[str | None, str]:
    """``koordinator MalmöLundregionen`` → (``koordinator``, ``MalmöLundregionen``)."""
    words = _clean(text).split()
    for size in (2, 1):
        if len(words) >= size:
            role = role_of(" ".join(words[:size]))
            if role:
                return role, " ".join(words[size:])
    return None, _clean(text)


def _is_attribute(fragment: str, config: Config) -> bool:
    """Whether a comma-separated fragment describes the person before it."""
    text = _clean(_PAREN.sub(" ", fragment))
    if not text:
        return True
    if text in config.municipalities or text.casefold() == config.organisation.casefold():
        return True
    role, _ = _split_role_prefix(text)
    if role is not None:
        return True
    # A fragment starting in lower case is a description, never a name.
    return text[:1].islower()


def _attributes(parts: Iterable[str]) -> tuple[str | None, str | None]:
    organisation: str | None = None
    role: str | None = None
    for part in parts:
        part = _clean(part)
        if not part:
            continue
        found_role, rest = _split_role_prefix(part)
        if found_role and role is None:
            role = found_role
            if rest and organisation is None:
                organisation = rest
        elif organisation is None:
            organisation = part
        elif role is None:
            role = part.casefold()
    return organisation, role


def parse_person(text: str, line: int, config: Config) -> Person | None:
    """One person: ``Namn (Org, roll)``, ``Namn, Org (roll)``, ``Namn – Org``."""
    text = _clean(text)
    if not text:
        return None
    attributes: list[str] = []
    for match in _PAREN.finditer(text):
        attributes.extend(match["inside"].split(","))
    name_part = _clean(_PAREN.sub(" ", text))
    pieces = [p for p in _split_top_level(name_part) if p]
    if len(pieces) > 1:
        name_part, attributes = pieces[0], pieces[1:] + attributes
    dash = _DASH.split(name_part, maxsplit=1)
    if len(dash) == 2:
        name_part, attributes = dash[0], [dash[1], *attributes]
    if name_part.startswith("@"):
        name_part = name_part[1:]
    organisation, role = _attributes(attributes)
    name = _clean(name_part)
    if not name:
        return None
    return Person(name=name, organisation=organisation, role=role, line=line)


def parse_people(text: str, line: int, config: Config) -> list[Person]:
    """Everyone in a comma (or semicolon, or line) separated list."""
    entries: list[str] = []
    for fragment in _split_top_level(text):
        fragment = re.sub(r"\s+och\s+(?=[A-ZÅÄÖ])", ", ", fragment)
        for piece in _split_top_level(fragment):
            if entries and _is_attribute(piece, config):
                entries[-1] += ", " + piece
            else:
                entries.append(piece)
    people = [parse_person(entry, line, config) for entry in entries]
    return [p for p in people if p is not None]
