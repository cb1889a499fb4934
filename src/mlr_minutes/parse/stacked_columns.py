"""A table of people flattened one column after the other, as a PDF's text layer gives it.

::

    Deltagare
    Namn
    Birgitta Lundmark
    Ingela Frost
    Funktion
    Socialchef, Västerhamra kommun (ordf.)
    Enhetschef hemtjänst, Västerhamra kommun (sekr.)

The header of the name column, its names one a line, then the header of each further
column with as many lines: row *n* is the *n*-th line of every column.  :func:`stacked_rows`
finds such tables so that the attendance reader reads ``Birgitta Lundmark, Socialchef,
Västerhamra kommun (ordf.)`` on the first name's line and nothing on the others.
"""

from __future__ import annotations

from functools import cache

from ..vocabulary import (
    TABLE_NAME_HEADERS,
    TABLE_ORGANISATION_HEADERS,
    TABLE_PARTY_HEADERS,
    TABLE_ROLE_HEADERS,
)
from .attendance_values import looks_like_people

_MIN_ROWS = 2
_MAX_NAME_WORDS = 4


@cache
def _other_headers() -> frozenset[str]:
    return frozenset((*TABLE_ROLE_HEADERS, *TABLE_ORGANISATION_HEADERS, *TABLE_PARTY_HEADERS))


def _header(text: str) -> str:
    # A column's header is one short word; every line is asked, so no heavier key.
    return text.strip().rstrip(":").casefold() if len(text) < 30 else ""


def _is_name(text: str) -> bool:
    stripped = text.strip()
    return (
        bool(stripped)
        and "," not in stripped
        and len(stripped.split()) <= _MAX_NAME_WORDS
        and _header(stripped) not in _other_headers()
        and looks_like_people(stripped, strong=True)
    )


def stacked_rows(lines: list[str], noise: frozenset[int] = frozenset()) -> dict[int, str]:
    """Line number (1-based) → what the attendance reader should read there instead: the
    row joined with commas on each name's line, nothing on the headers and the further
    columns' lines.  Empty when ``lines`` hold no such table."""
    rows: dict[int, str] = {}
    index = 0
    while index < len(lines):
        if index + 1 in noise or _header(lines[index]) not in TABLE_NAME_HEADERS:
            index += 1
            continue
        table = _table(lines, index)
        if table is None:
            index += 1
            continue
        rows.update(table)
        index = max(table)  # the last line of the table (1-based): the next one to look at
    return rows


def _table(lines: list[str], header: int) -> dict[int, str] | None:
    names = header + 1
    end = names
    while end < len(lines) and _is_name(lines[end]):
        end += 1
    count = end - names
    if count < _MIN_ROWS:
        return None
    cells: list[list[str]] = []
    at = end
    while at < len(lines) and _header(lines[at]) in _other_headers():
        column = [line.strip() for line in lines[at + 1 : at + 1 + count]]
        if len(column) < count or not all(column):
            break
        cells.append(column)
        at += 1 + count
    if not cells:
        return None
    table = {number + 1: "" for number in range(header, at)}
    for row in range(count):
        table[names + row + 1] = ", ".join([lines[names + row].strip(), *(c[row] for c in cells)])
    return table
