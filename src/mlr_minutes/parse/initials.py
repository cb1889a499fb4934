"""Initials explained in a legend, and the people they stand for.

::

    Närvarande: ÅB, KS, MH
    …
    Initialer:
    ÅB = Åsa Berg, distriktsläkare, ordförande
    KS = Kerstin Sahlin, apotekare

Minutes written in initials often explain them once, at the end or under the list: each
``XX = Name, …`` line names the person the initials stand for.
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

_LEGEND_LINE = re.compile(
    r"^\s*(?:[-*]\s+)?(?P<initials>[A-ZÅÄÖ]{2,4})\s*(?:=|:|–|—|-)\s*(?P<person>[A-ZÅÄÖ].{2,120})$"
)


def initials_legend(lines: list[str], config: Config) -> dict[str, Person]:
    """Initials → the person a legend line names (``ÅB = Åsa Berg, distriktsläkare``)."""
    legend: dict[str, Person] = {}
    for number, line in enumerate(lines, start=1):
        if "=" not in line and ":" not in line and "–" not in line and "-" not in line:
            continue
        found = _LEGEND_LINE.match(line)
        if found is None:
            continue
        person = parse_person(found["person"], number, config)
        initials = found["initials"]
        if person is None or not person.name or " " not in person.name:
            continue
        first_letters = "".join(w[0] for w in re.split(r"[\s-]+", person.name) if w)
        if first_letters.upper().startswith(initials[:2]):
            legend[initials] = person
    return legend


def resolve_initials(meta: Metadata, lines: list[str], config: Config) -> None:
    """Everyone listed, and the officers, by their initials: the person the legend says
    they are (their role at this meeting, where the list gave one, kept)."""
    legend = (
        initials_legend(lines, config)
        if any(p.name and p.name.isupper() for p in (*meta.attendees, *meta.guests))
        or _initialled(meta.chair)
        or _initialled(meta.secretary)
        else {}
    )
    if not legend:
        return

    def resolved(person: Person) -> Person:
        known = legend.get(person.name or "")
        if known is None:
            return person
        return replace(
            known,
            line=person.line,
            role=person.role or known.role,
            note=person.note or f"‹{person.name}›",
        )

    meta.attendees[:] = [resolved(p) for p in meta.attendees]
    meta.guests[:] = [resolved(p) for p in meta.guests]
    if meta.chair is not None:
        meta.chair = resolved(meta.chair)
    if meta.secretary is not None:
        meta.secretary = resolved(meta.secretary)


def _initialled(person: Person | None) -> bool:
    return person is not None and bool(person.name) and (person.name or "").isupper()
