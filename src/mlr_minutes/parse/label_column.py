"""A form's first page that a converter read column by column: every label first, then
every value, in the same order::

    Plats och tid
    Beslutande
    Övriga deltagande
    Utses att justera

    Regionens hus, Tallmo, tisdagen den 16 juni 2026 kl. 09.00–15.10
    Birgitta Nordlund (S)
    Henrik Sjölund (M)
    Linn Hägg, regiondirektör
    Henrik Sjölund och Amanda Ek
    Regionens hus 2026-06-22

Where one label's values end and the next one's begin is lost, but the people the
people labels list stand together, one or a few a line: all of them were there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import LIST_JOINERS
from .attendance_values import PEOPLE_FIELDS, looks_like_people, one_person
from .labels import metadata_field
from .people import FULL_NAME, parse_entry
from .people_lists import parse_people
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

MIN_LABELS = 4
"""Labels alone on their lines, one after another, that make a form's label column."""
PLACE_LINES = 2
"""Values before the first person (the place and time) that may stand first."""


def label_column_present(meta: Metadata, lines: list[str], config: Config) -> None:
    """The people a flattened form's values list after its label column (one or a few a
    line, up to the first line that names no one) join those present."""
    found = _label_column(lines)
    if found is None:
        return
    first, at = found
    while at < len(lines) and not lines[at].strip():
        at += 1
    skipped = 0
    while at < len(lines) and skipped < PLACE_LINES and not _people_line(lines[at]):
        at, skipped = at + 1, skipped + 1
    known = {p.name for p in (*meta.attendees, *meta.guests, *meta.absent) if p.name}
    listed = at
    while at < len(lines) and _people_line(lines[at]):
        meta.read_from.add(at + 1)  # a list, not a task or a decision
        for person in _people_of(lines[at].strip(), at + 1, config):
            if person.name and person.name not in known:
                meta.attendees.append(person)
                known.add(person.name)
        at += 1
    if at > listed:
        # The labels' values are these people, not missing (no ``attendance-empty``).
        column = range(first + 1, listed + 1)
        meta.empty_labels[:] = [(f, line) for f, line in meta.empty_labels if line not in column]


def _label_column(lines: list[str]) -> tuple[int, int] | None:
    """(index of the first label, index after the last) of the first run of labels alone
    on their lines (at least :data:`MIN_LABELS`, a list of people among them), or None."""
    run: list[str | None] = []
    for index, line in enumerate(lines[:80]):
        text = line.strip().rstrip(":")
        # A label alone: a few words, no digits (most lines are neither).
        short = text and len(text) <= 40 and text.count(" ") < 4
        field = metadata_field(text) if short and not any(c.isdigit() for c in text) else None
        if field is not None:
            run.append(field)
            continue
        if len(run) >= MIN_LABELS and any(f in PEOPLE_FIELDS for f in run):
            return index - len(run), index
        run = []
    return None


def _people_line(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and not any(c.isdigit() for c in text.split(",")[0])
        and looks_like_people(text, strong=True)
    )


def _people_of(text: str, line: int, config: Config) -> list[Person]:
    """``Henrik Sjölund och Amanda Ek``: two; ``Marie Gran (L) för Lars Åström (L)`` and
    ``Linn Hägg, regiondirektör``: one, described."""
    parts = re.split(rf"\s+(?:{alternation(LIST_JOINERS)})\s+|,\s*", text)
    if len(parts) > 1 and all(FULL_NAME.match(re.sub(r"\s*\([^()]*\)", "", p)) for p in parts):
        return parse_people(text, line, config)
    return parse_entry(text, line, config) if one_person(text) else parse_people(text, line, config)
