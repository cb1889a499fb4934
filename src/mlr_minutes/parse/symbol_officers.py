"""Officers marked with a symbol a legend explains, as team notes do on chat platforms.

::

    🎙️ @jonte-l · ✍️ @sofiaek · ⏱️ @kalle-b

    _(🎙️ = leder mötet, ✍️ = skriver anteckningar, ⏱️ = håller tiden)_

The legend says what each symbol means in words; a meaning that is a chair's or a
secretary's label or phrase makes the name after the symbol that officer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import OFFICER_PROSE_NAME_BEFORE
from .elections import named_person
from .labels import metadata_field

if TYPE_CHECKING:
    from .metadata import Metadata

_LEGEND = re.compile(
    r"(?P<mark>[^\w\s(),;=:*_\[\]]{1,3})\s*=\s*(?P<meaning>[a-zåäö][a-zåäö .-]{2,40}?)\s*"
    r"(?=[,;)_*]|$)"
)
_NAME_AFTER = re.compile(r"\s*(?P<name>@[\w.-]+|[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+)?)")
_OFFICES = ("chair", "secretary")


def _bare(mark: str) -> str:
    return mark.replace("\ufe0f", "").strip()


def _office_of(meaning: str) -> str | None:
    """``leder mötet`` → chair, ``skriver anteckningar`` → secretary, else None."""
    field = metadata_field(meaning)
    if field in _OFFICES:
        return field
    key = " ".join(meaning.casefold().split())
    return next((f for f in _OFFICES if key in OFFICER_PROSE_NAME_BEFORE[f]), None)


def symbol_officers(meta: Metadata, lines: list[str], config: Config) -> None:
    """``🎙️ @jonte-l · ✍️ @sofiaek`` with a legend ``(🎙️ = leder mötet, ✍️ = skriver
    anteckningar)``: the name after a symbol holds the office the legend gives it."""
    if meta.chair is not None and meta.secretary is not None:
        return
    offices: dict[str, str] = {}
    legend_lines: set[int] = set()
    for number, text in enumerate(lines, start=1):
        if "=" not in text:
            continue
        for found in _LEGEND.finditer(text):
            office = _office_of(found["meaning"])
            if office is not None and _bare(found["mark"]):
                offices[_bare(found["mark"])] = office
                legend_lines.add(number)
    if not offices:
        return
    present = [*meta.attendees, *meta.guests]
    for number, text in enumerate(lines, start=1):
        if number in legend_lines:
            continue
        bare = text.replace("\ufe0f", "")
        for mark, office in offices.items():
            at = bare.find(mark)
            if at < 0 or getattr(meta, office) is not None:
                continue
            name = _NAME_AFTER.match(bare, at + len(mark))
            person = named_person(name["name"], number, present, config) if name else None
            if person is not None and person.name:
                setattr(meta, office, person)
