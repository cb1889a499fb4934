"""The columns of an attendance table: which cell is the name, the party, the organisation,
the role and whether the person was there, in Markdown pipes, tabs, or columns aligned
with spaces (a presence grid whose name column has no header)."""

from __future__ import annotations

import re

from ..vocabulary import (
    TABLE_NAME_HEADERS,
    TABLE_ORGANISATION_HEADERS,
    TABLE_PARTY_HEADERS,
    TABLE_PRESENCE_HEADERS,
    TABLE_ROLE_HEADERS,
)
from .label_cells import cells, plain
from .labels import metadata_field

_GRID_INDENT = 12
"""A header row indented this far leaves its first column, the names, without a header."""


def unlabelled_names(raw: str, keys: list[str]) -> bool:
    indent = len(raw) - len(raw.lstrip(" "))
    return indent >= _GRID_INDENT and any(
        key.rstrip(".") in TABLE_PRESENCE_HEADERS or metadata_field(key) == "attendees"
        for key in keys
    )


def grid_cells(raw: str, grid: list[int]) -> list[str]:
    """A row of a space-aligned table placed under its header: the name, then for each
    header cell the text that starts below it (empty where nothing does)."""
    found = cells(raw)
    if "|" in raw or not found or found[0].start >= grid[0] - 2:
        return row_cells(raw)
    placed = [""] * len(grid)
    for cell in found[1:]:
        column = min(range(len(grid)), key=lambda i: abs(grid[i] - cell.start))
        if abs(grid[column] - cell.start) <= 4 and not placed[column]:
            placed[column] = cell.text
    return [found[0].text, *placed]


def header_key(key: str) -> str:
    """``namn / funktion``, ``namn och roll``: a header cell by its first word when that
    names the column of names."""
    if key in TABLE_NAME_HEADERS:
        return key
    first = re.split(r"[\s/,]+", key, maxsplit=1)[0]
    return first if first in TABLE_NAME_HEADERS else key


def row_cells(raw: str) -> list[str]:
    if "|" in raw:
        return [c.strip() for c in raw.strip().strip("|").split("|")]
    return [c.text for c in cells(plain(raw))]


def table_columns(keys: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in TABLE_NAME_HEADERS and "name" not in columns:
            columns["name"] = index
        elif key in TABLE_PARTY_HEADERS:
            columns["party"] = index
        elif key in TABLE_ORGANISATION_HEADERS:
            columns["organisation"] = index
        elif key in TABLE_ROLE_HEADERS:
            columns["role"] = index
        elif metadata_field(key) == "attendees" or key.rstrip(".") in TABLE_PRESENCE_HEADERS:
            columns["presence"] = index
    columns.setdefault("name", 0)
    return columns
