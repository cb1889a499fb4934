"""Those present by first name or nickname, and the full names the text gives them.

::

    Sexet VT25:
    - Elias "Smurfen" Berg – sexmästare
    - Klara Ohl – kassör

    Närvaro: Smurfen, Klara, Dani + Tindra Lax

A team lists itself once with full names (a roster, a signature, a table) and then calls
its members by first name or nickname; the person present is the one the text names in
full, when exactly one full name fits.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from .people import parse_person

if TYPE_CHECKING:
    from .metadata import Metadata

_FULL = re.compile(
    r"(?<![\w@])(?P<first>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)"
    r"(?:\s+[\"“”'‘’](?P<nick>[\w.-]{2,20})[\"“”'‘’])?"
    r"\s+(?P<last>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)(?![\w-])"
    # ``Mira Holmgren (mirah)``: the nickname in parentheses after the name.
    r"(?:\s+\((?P<after>@?[a-zåäö][\wåäö.-]{1,19})\))?"
)
_NICK_FIRST = re.compile(
    # ``kryddan (Oskar Lind)``: the nickname first, the full name in parentheses.
    r"(?<![\w@])(?P<nick>@?[a-zåäöA-ZÅÄÖ][\wåäö.-]{1,19})\s+\((?P<first>[A-ZÅÄÖ][a-zåäöé]+"
    r"(?:-[A-ZÅÄÖ][a-zåäöé]+)?)\s+(?P<last>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)\)"
)
_ENTRY = re.compile(r"^\s*[-*•]\s+")


def _full_names(lines: list[str], config: Config) -> tuple[dict[str, set[str]], dict[str, Person]]:
    """First name or nickname → the full names written for it; full name → the person a
    list entry makes of it (with its role)."""
    short: dict[str, set[str]] = {}
    entries: dict[str, Person] = {}
    for number, line in enumerate(lines, start=1):
        for found in _FULL.finditer(line):
            full = f"{found['first']} {found['last']}"
            short.setdefault(found["first"], set()).add(full)
            for nick in (found["nick"], found["after"]):
                if nick:
                    short.setdefault(nick.casefold().lstrip("@"), set()).add(full)
            if _ENTRY.match(line) and full not in entries:
                person = parse_person(_ENTRY.sub("", line), number, config)
                if person is not None and person.name == full:
                    entries[full] = person
        if "(" in line:
            for found in _NICK_FIRST.finditer(line):
                full = f"{found['first']} {found['last']}"
                short.setdefault(found["nick"].casefold().lstrip("@"), set()).add(full)
    return short, entries


def named_in_full(meta: Metadata, lines: list[str], config: Config) -> None:
    """Everyone present by one word (``Klara``, ``Smurfen``) becomes the one person the
    text names in full with that first name or nickname."""
    single = [
        p
        for p in (*meta.attendees, *meta.guests, meta.chair, meta.secretary)
        if p is not None and p.name and (" " not in p.name or _INITIALLED.match(p.name))
    ]
    if not single:
        return
    short, entries = _full_names(lines, config)
    listed = {p.name for p in (*meta.attendees, *meta.guests) if p.name}
    text = "\n".join(lines)

    def resolved(person: Person) -> Person:
        if not person.name:
            return person
        if initialled := _INITIALLED.match(person.name):
            # ``Närv: Lena H, Conny L``: the first name and the surname's initial.
            fulls = _initialled_in_full(initialled["first"], initialled["initial"], text)
        elif " " in person.name:
            return person
        else:
            fulls = short.get(person.name) or short.get(person.name.casefold().lstrip("@")) or set()
        if len(fulls) != 1:
            return person
        full = next(iter(fulls))
        if full in listed:
            return person  # listed in full too: the one-word entry is dropped below
        known = entries.get(full)
        return replace(
            person,
            name=full,
            role=person.role or (known.role if known else None),
            note=person.note or f"‹{person.name}›",
        )

    for office in ("chair", "secretary"):
        officer = getattr(meta, office)
        if officer is not None and officer.name and _INITIALLED.match(officer.name):
            setattr(meta, office, resolved(officer))
        elif officer is not None and officer.name and " " not in officer.name:
            # ``Sekreterare: mirah`` and ``Vid protokollet, Mira Holmgren (mirah)``.
            fulls = short.get(officer.name.casefold().lstrip("@")) or set()
            if len(fulls) == 1:
                setattr(meta, office, replace(officer, name=next(iter(fulls))))
    for people in (meta.attendees, meta.guests):
        resolved_people = [resolved(p) for p in people]
        people[:] = [
            p
            for p, before in zip(resolved_people, people, strict=True)
            if not (
                p is before and p.name and " " not in p.name and _listed_in_full(p, short, listed)
            )
        ]


_INITIALLED = re.compile(r"^(?P<first>[A-ZÅÄÖ][\w-]+) (?P<initial>[A-ZÅÄÖ])\.?$")


def _initialled_in_full(first: str, initial: str, text: str) -> set[str]:
    """The full names the text writes for ``first`` with a surname starting ``initial``."""
    pattern = rf"(?<![\w-]){re.escape(first)}\s+({initial}[a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)\b"
    return {f"{first} {last}" for last in re.findall(pattern, text)}


def _listed_in_full(person: Person, short: dict[str, set[str]], listed: set[str]) -> bool:
    """``Klara`` beside *Klara Ohl* in the same lists: the same person twice."""
    if not person.name or " " in person.name:
        return False
    fulls = short.get(person.name) or set()
    return len(fulls) == 1 and next(iter(fulls)) in listed
