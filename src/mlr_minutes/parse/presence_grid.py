"""A presence grid whose columns a publishing system's export ran together.

::

    Ledamöter Närvarande
    Hassan Jaber X, mötesordförande
    Tore Bergsten anmält förhinder
    Ersättare
    Oskar Fransson
    Övriga
    Rebecka Holm
    X, § 24 - § 25

The grid's header (a group and the presence column), then one row a line: the name, an
``X`` when the person was there and what the last column said.  A row with neither an X
nor a reason was empty in the presence column: the person was not there.  Under the
last group the export may have moved the X column below the names (``X, § 24 - § 25``):
each such line is the presence of one of the rows above it that had none, in order.
:func:`grid_rows` finds such grids so that the attendance reader reads ``Hassan Jaber,
mötesordförande`` and ``Oskar Fransson frånvarande``.
"""

from __future__ import annotations

import re
from functools import cache

from ..vocabulary import ABSENT_ANSWERS, ABSENT_NOTE, ROLES, TABLE_PRESENCE_HEADERS
from .attendance_values import PEOPLE_FIELDS, looks_like_people
from .labels import metadata_field

_MIN_MARKED = 2
"""Rows with an X a grid needs: one X could be an initial."""

_MARK = re.compile(r"^(?P<name>.+?)\s+X(?:\s*,\s*(?P<rest>.*))?$")
_ORPHAN = re.compile(r"^X(?:\s*,\s*(?P<rest>.*))?$")
_GROUP_WORDS = 2
"""A group's label (*Ersättare*, *Kansliet*, *Övriga deltagare*) is a word or two."""


@cache
def _presence_headers() -> frozenset[str]:
    return frozenset(TABLE_PRESENCE_HEADERS)


def _header(text: str) -> bool:
    # Aligned with spaces (``Ledamöter       Närvarande``), the grid is still a table: the
    # attendance reader reads its columns.
    words = text.split()
    return (
        2 <= len(words) <= 4
        and "  " not in text
        and "\t" not in text
        and words[-1].casefold().rstrip(".:") in _presence_headers()
        and words[0][:1].isupper()
    )


_HEADER_WORDS = 3
"""The most words of one column's header (*Närvarande tjänstgörande ersättare*)."""


def only_column_headers(value: str) -> bool:
    """Whether a label's value is nothing but the headers of the table's other columns,
    run together by a converter: ``Ledamöter Närvarande`` (a grid's presence column),
    ``Ledamöter Närvarande ersättare Övriga närvarande`` (three lists side by side, their
    people one a line below).  The label then opens a list; its value names no one."""
    words = value.split()
    if not words or len(words) > 3 * _HEADER_WORDS:
        return False
    covered = [True] + [False] * len(words)  # covered[i]: words[:i] are headers
    for end in range(1, len(words) + 1):
        for size in range(1, min(_HEADER_WORDS, end) + 1):
            part = " ".join(words[end - size : end])
            if covered[end - size] and (
                part.casefold() in _presence_headers() or metadata_field(part) in PEOPLE_FIELDS
            ):
                covered[end] = True
                break
        if not any(covered[max(0, end - _HEADER_WORDS + 1) : end + 1]):
            return False  # no header can end here or later: most values are names
    return covered[-1]


def _absent(text: str) -> bool:
    lowered = text.casefold()
    return any(lowered.endswith(" " + answer) for answer in ABSENT_ANSWERS if len(answer) > 2)


def _group(text: str) -> bool:
    words = text.rstrip(":").split()
    return 0 < len(words) <= _GROUP_WORDS and words[0][:1].isupper() and "," not in text


def grid_rows(lines: list[str], noise: frozenset[int] = frozenset()) -> dict[int, str]:
    """Line number (1-based) → what the attendance reader should read there instead: the
    header as its group's label, each row as ``name, note`` (or ``name frånvarande``),
    nothing on a moved X.  Empty when ``lines`` hold no such grid."""
    rows: dict[int, str] = {}
    for index, line in enumerate(lines):
        if index + 1 in noise or not _header(line.strip()):
            continue
        grid = _grid(lines, index)
        if grid is not None:
            rows.update(grid)
    return rows


def _grid(lines: list[str], header: int) -> dict[int, str] | None:
    rows: dict[int, str] = {}
    unmarked: list[int] = []  # rows without an X under the current group, in order
    marked = 0
    at = header + 1
    while at < len(lines):
        text = lines[at].strip()
        number = at + 1
        orphan = _ORPHAN.match(text)
        mark = _MARK.match(text)
        if not text:
            break
        if orphan is not None:
            if not unmarked:
                break
            row = unmarked.pop(0)
            note = orphan.group("rest")
            name = lines[row - 1].strip()
            rows[row] = f"{name}, {note}" if note else name
            rows[number] = ""
        elif mark is not None and looks_like_people(mark.group("name"), strong=True):
            marked += 1
            note = mark.group("rest")
            rows[number] = f"{mark.group('name')}, {note}" if note else mark.group("name")
        elif _absent(text):
            rows[number] = text
        elif (
            looks_like_people(text, strong=True)
            and len(text.split()) >= 2
            and text.split()[-1].casefold() not in ROLES
        ):
            # Not ``Moa Lindgren sekreterare`` under *Övriga*: a group the grid does not
            # mark, its role where the X would stand; the grid ends there.
            unmarked.append(number)
            rows[number] = f"{text} {ABSENT_NOTE}"
        elif _group(text):
            unmarked = []  # a moved X column stands under the last group only; the
            # group's label (*Ersättare*) is left for the reader, as it stands
        else:
            break
        at += 1
    return rows if marked >= _MIN_MARKED else None
