"""Names signed at the foot of the minutes, above or below their roles.

::

    Rune Lindahl                    Gun Holmgren          Per Ek
    mötesordförande                 sekreterare           Sekreterare

A signature block puts each name on the line above its role (or below it, with the
line to sign on between): the role is a label, the name its value.
"""

from __future__ import annotations

import re

from .attendance_values import PERSON_FIELDS, Found, OpenLabel, looks_like_people
from .label_cells import cells, plain

SIGNATURE_RULE = re.compile(r"^[\s_.…-]{6,}$")
"""``______     ______``, ``.........``: the lines to sign on."""


def names_above(lines: list[str], waiting: list[tuple[int, OpenLabel]], number: int) -> list[Found]:
    """The names on the line right above labels (one over each label, side by side), when
    nothing names them below."""
    if number < 2 or not lines[number - 2].strip():
        return []
    if len(waiting) == 1 and not _signed_alone(lines, waiting[0][1], number):
        return []
    found: list[Found] = []
    for cell in cells(plain(lines[number - 2])):
        owner = next((o for column, o in waiting if abs(column - cell.start) <= 3), None)
        if owner is None or not looks_like_people(cell.text, strong=True):
            return []
        found.append(owner.found(cell.text, number - 1))
    return found if len(found) == len(waiting) else []


def _signed_alone(lines: list[str], opened: OpenLabel, number: int) -> bool:
    """``Per Ek`` / ``Sekreterare`` and then a blank line: one name signed above its role,
    not a label with its name below."""
    if opened.field not in PERSON_FIELDS:
        return False
    below = lines[number].strip() if number < len(lines) else ""
    above_that = lines[number - 3].strip() if number >= 3 else ""
    return not below and (not above_that or bool(SIGNATURE_RULE.match(above_that)))
