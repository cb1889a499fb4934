"""A task list at the end that says again, in other words, the tasks the text gave.

::

    4. Introduktionsdag
    Förslag att hålla introduktionen i Folkets hus den 14 juni. Petter kollar om
    stora salen är ledig.
    …
    Att göra
    - Sanna: ringa de fem företagen, till nästa möte
    - Petter: boka Folkets hus 14 juni

Secretaries often close the minutes with the tasks gathered as bullets, each under
its owner and rephrased (*kollar om stora salen är ledig* → *boka Folkets hus*).
Read as tasks of their own they give each task twice.  A bullet is the repeat of a
task read out of the prose before it when it has the same owners and shares a word
of substance with the sentence the task was read from; a list is a recap when at
least two of its bullets repeat so.  The task stays where it was first given; the
due date the recap adds is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .text import content_words, shared, similarity

if TYPE_CHECKING:
    from .actions import ActionCandidate

DUPLICATE_SIMILARITY = 0.6
"""Share of content words two tasks (or a task and a summary's) have in common to be one."""

_RECAP_LENGTH = 2
"""Bullets of a list that must repeat earlier tasks for the list to be a recap."""


def without_recaps(found: Sequence[ActionCandidate], lines: Sequence[str]) -> list[ActionCandidate]:
    """``found`` (in line order) without the tasks an action list at the end says again:
    in nearly the same words (*Action items* after a meeting bot's log), or rephrased
    (:func:`_recapped`)."""
    return _recapped(_said_again(found), lines)


def _said_again(found: Sequence[ActionCandidate]) -> list[ActionCandidate]:
    """Without a task that an earlier one of the same owners says in nearly the same
    words (an *Åtgärdslista* recapping the items): the task stays where first given."""
    unique: list[ActionCandidate] = []
    for candidate in found:
        if not any(
            earlier.line < candidate.line
            and set(earlier.owners) == set(candidate.owners)
            and similarity(earlier.text, candidate.text) >= DUPLICATE_SIMILARITY
            for earlier in unique
        ):
            unique.append(candidate)
    return unique


def _recapped(found: Sequence[ActionCandidate], lines: Sequence[str]) -> list[ActionCandidate]:
    """``found`` without the bullets of a recap list that repeat, rephrased, a task read
    out of the prose above them."""
    repeats: dict[int, ActionCandidate] = {}
    for index, candidate in enumerate(found):
        earlier = _first_given(candidate, found[:index], lines)
        if earlier is not None:
            repeats[index] = earlier
    dropped: set[int] = set()
    for run in _bullet_runs(found):
        repeating = [index for index in run if index in repeats]
        if len(repeating) >= _RECAP_LENGTH:
            dropped.update(repeating)
    for index in sorted(dropped):
        earlier = repeats[index]
        if earlier.due is None:
            earlier.due = found[index].due  # ``lönebilaga till Helena, senast 19/3``
    return [c for index, c in enumerate(found) if index not in dropped]


def _first_given(
    candidate: ActionCandidate, before: Sequence[ActionCandidate], lines: Sequence[str]
) -> ActionCandidate | None:
    """The task read out of the prose that ``candidate`` (a bullet) says again."""
    if candidate.inferred or not candidate.owners:
        return None
    words = content_words(candidate.text)
    for earlier in before:
        if not earlier.inferred or set(earlier.owners) != set(candidate.owners):
            continue
        said = lines[earlier.line - 1] if 0 < earlier.line <= len(lines) else earlier.text
        # (The sentence around the task: *Folkets hus* stands before *Petter kollar …*.)
        if shared(words, frozenset(content_words(f"{said} {earlier.text}"))):
            return earlier
    return None


def _bullet_runs(found: Sequence[ActionCandidate]) -> list[list[int]]:
    """The indexes of the given (not inferred) tasks a line or two apart: one list's."""
    runs: list[list[int]] = []
    last = -_RUN_GAP
    for index, candidate in enumerate(found):
        if candidate.inferred:
            continue
        if candidate.line - last > _RUN_GAP or not runs:
            runs.append([])
        runs[-1].append(index)
        last = candidate.line
    return runs


_RUN_GAP = 2
"""Lines between two bullets of one list (a bullet may wrap onto a second line)."""
