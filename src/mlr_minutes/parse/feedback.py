"""Warnings about what a parse found (or did not), each a rule of :data:`CHECKS`.

A warning must be worth reading: it fires where the coordinator can fix
something, and names the line.  A check that would fire on most good files
is a bug in the check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Diagnostic, Level, Person
from ..vocabulary import FIELD_WORDS
from .outline import Outline
from .ruler import Ruler


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the checks look at."""

    path: str
    text: str
    outline: Outline
    people: dict[str, list[Person]]
    """Field (``attendees``, ``guests``, ``absent``, ``adjusters``) → the people found."""
    empty_labels: list[tuple[str, int]]
    """(field, line) of people labels with nobody under them."""


Check = Callable[[Parsed], Iterator[Diagnostic]]


def _warning(parsed: Parsed, line: int | None, *, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(Level.WARNING, parsed.path, line, code, message, hint)


def no_items(parsed: Parsed) -> Iterator[Diagnostic]:
    """A file without a single heading or numbered item: nothing to anchor its text to."""
    if parsed.text.strip() and not parsed.outline.items and not parsed.outline.headings:
        yield _warning(
            parsed,
            None,
            code="no-items",
            message="inga punkter hittades: filen har varken rubriker eller numrerade punkter",
            hint="skriv varje punkt som en rubrik, gärna med nummer, t.ex. '### 3. Fokusfrågorna' "
            "eller '## § 21 Val av justerare'",
        )


def attendance_empty(parsed: Parsed) -> Iterator[Diagnostic]:
    """``Närvarande:`` (or ``## Närvarande``) with nobody found under it."""
    for field, line in parsed.empty_labels:
        if parsed.people.get(field):
            continue
        yield _warning(
            parsed,
            line,
            code="attendance-empty",
            message=f"ingen person hittades under rubriken för {FIELD_WORDS.get(field, field)}",
            hint="skriv en person per rad under rubriken, eller namnen på samma rad åtskilda med "
            "kommatecken: 'Närvarande: Anna Berg, Per Ek'",
        )


_SUSPICIOUS = re.compile(r"^(?:[\W_]+|\w)$")


def suspicious_names(parsed: Parsed) -> Iterator[Diagnostic]:
    """A person whose name is punctuation or one letter (``\\``, ``-``, ``A``): a list's
    line that held something else."""
    for people in parsed.people.values():
        for person in people:
            if person.name is not None and _SUSPICIOUS.match(person.name):
                yield _warning(
                    parsed,
                    person.line,
                    code="person-name-suspicious",
                    message=f"”{person.name}” ser inte ut som ett namn",
                    hint="skriv hela namnet, eller ta bort raden ur listan",
                )


CHECKS: Ruler[Check] = Ruler(
    [
        ("no_items", no_items),
        ("attendance_empty", attendance_empty),
        ("suspicious_names", suspicious_names),
    ]
)
"""The checks run on every parse, in order."""


def check(parsed: Parsed) -> list[Diagnostic]:
    """Every warning the checks give."""
    return [d for rule in CHECKS.rules() for d in rule(parsed)]
