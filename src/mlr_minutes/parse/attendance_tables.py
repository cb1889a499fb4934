"""The columns of an attendance table: which cell is the name, the party, the organisation,
the role and whether the person was there, in Markdown pipes, tabs, or columns aligned
with spaces (a presence grid whose name column has no header)."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from functools import cache

from ..vocabulary import (
    ABSENT_ANSWER_STEMS,
    ABSENT_ANSWERS,
    GUEST_ANSWER_STEMS,
    LIST_ROLES,
    NAME_JOINERS,
    PRESENT_ANSWERS,
    SUBSTITUTE_ROLE,
    TABLE_INITIALS_HEADERS,
    TABLE_NAME_HEADERS,
    TABLE_NOTE_HEADERS,
    TABLE_ORGANISATION_HEADERS,
    TABLE_PARTY_HEADERS,
    TABLE_PRESENCE_HEADERS,
    TABLE_ROLE_HEADERS,
    TABLE_SUBSTITUTE_HEADERS,
)
from .attendance_values import LIST, PEOPLE_FIELDS, Found, OpenLabel, is_nobody, looks_like_people
from .label_cells import cells, plain
from .labels import metadata_field, normalise_key
from .people import FULL_NAME, names_organisation
from .text import alternation


@cache
def _names_split() -> re.Pattern[str]:
    return re.compile(rf"\s*,\s*|\s+(?:{alternation(NAME_JOINERS)})\s+", re.IGNORECASE)


def _row_line(row: list[str]) -> str:
    return "| " + " | ".join(row) + " |"


_GRID_INDENT = 12
"""A header row indented this far leaves its first column, the names, without a header."""


def unlabelled_names(raw: str, keys: list[str]) -> bool:
    indent = len(raw) - len(raw.lstrip(" "))
    return indent >= _GRID_INDENT and any(
        key.rstrip(".") in TABLE_PRESENCE_HEADERS or metadata_field(key) == "attendees"
        for key in keys
    )


def offset_cells(raw: str, offsets: list[int]) -> list[str]:
    """A row of a table aligned with spaces, cut where its header's cells start
    (``Norrvika kommun, beställare Jörgen Bergkvist    JB    X``: one space may be all
    that parts a long cell from the next)."""
    bounds = [*offsets[1:], max(len(raw), offsets[-1] + 1)]
    return [raw[start:end].strip() for start, end in zip(offsets, bounds, strict=True)]


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
    """``namn / funktion``, ``namn och roll``, ``roll vid mötet``: a header cell by its
    first word when that names the column of names or of roles."""
    known = (*TABLE_NAME_HEADERS, *TABLE_ROLE_HEADERS, *TABLE_NOTE_HEADERS)
    if key in known:
        return key
    first = re.split(r"[\s/,]+", key, maxsplit=1)[0]
    return first if first in known else key


_ROW_CELL = re.compile(r"\S(?:.*?\S)??(?=\s{2,}|\t|$)")
"""A cell of a row aligned with spaces, one character too (``Britt Ljung (S)   -   Rolf
Åkesson (S)``: the ``-`` is the presence cell, not the start of the next one)."""


def row_cells(raw: str) -> list[str]:
    if "|" in raw:
        return [c.strip() for c in raw.strip().strip("|").split("|")]
    return [m.group() for m in _ROW_CELL.finditer(plain(raw).replace("\t", "  "))]


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
        elif key in TABLE_NOTE_HEADERS and "name" in columns:
            columns["remarks"] = index
        elif key in TABLE_INITIALS_HEADERS and index > 0:
            columns["initials"] = index  # ``Företag  Namn  Sign  Närv.``
        elif key in TABLE_SUBSTITUTE_HEADERS and "name" in columns:
            columns["substitute"] = index
        elif metadata_field(key) == "attendees" or key.rstrip(".") in TABLE_PRESENCE_HEADERS:
            columns.setdefault("presence", index)
    columns.setdefault("name", 0)
    return columns


def table_row(
    opened: OpenLabel, raw: str, number: int, *, initials_first: bool = False
) -> Iterator[Found]:
    """A row of an attendance table (Markdown pipes, tabs or wide spaces): ``| Elsa
    Wennström | Ja |``; a *Närvaro* column saying no makes the row an absentee, and a
    row of one cell that is a label (*Suppleanter*) starts the next group."""
    cells = row_cells(raw) if opened.grid is None else grid_cells(raw, opened.grid)
    if opened.offsets is not None and len(opened.offsets) > 1:
        first = plain(raw).find(cells[0]) + len(cells[0]) if cells and cells[0] else 0
        if first > opened.offsets[1] or (
            "substitute" in (opened.columns or {}) and len(cells) < len(opened.offsets)
        ):
            # (Or a register's empty presence cell before a substitute's name: the
            # cells are where the header's are, not the ones the row happens to fill.)
            # The first cell ran into the next (one space between them): cut the row
            # where the header's cells start.
            cells = offset_cells(raw, opened.offsets)
    alias = ""
    if initials_first and len(cells) > 1:
        # ``| KL | Karin Lund | …``: the initials the minutes use for them later.
        alias = f" ‹{cells[0]}›" if cells[0] else ""
        cells = [*cells[1:], cells[0]]
    if opened.columns is not None and cells and not any(cells[1:]):
        # ``| **Ersättare** | | | |``: a row naming the group of the rows below, not a
        # header row (the columns stay the ones of the header above).
        group = metadata_field(cells[0])
        if group in PEOPLE_FIELDS:
            opened.field, opened.role = group, LIST_ROLES.get(normalise_key(cells[0]))
            return
    pair = opened.columns is None and opened.grid is None and len([c for c in cells if c]) == 2
    if pair and names_organisation(cells[0]) and is_nobody(cells[-1].strip("()")):
        opened.values += 1  # ``Migrationsverket<TAB>(ingen representant denna gång)``
        return
    if pair and names_organisation(cells[0]) and looks_like_people(cells[-1]):
        # ``Tallmo kommun, individ och familj<TAB>Birgitta Nyman, Omar Farah``: an
        # organisation and the people it sent, no header.
        found = opened.found(cells[-1], number)
        yield replace(found, organisation=cells[0])
        return
    keys = [normalise_key(c) for c in cells]
    columns = opened.columns or {"name": 0}
    name_key = keys[columns["name"]] if columns["name"] < len(keys) else ""
    if name_key in TABLE_NAME_HEADERS or (
        opened.columns is None and any(k in TABLE_NAME_HEADERS for k in keys)
    ):
        # A header row (again): ``| Namn | Roll |`` under the label, not *ledamot* in a
        # row's role cell.
        opened.columns = table_columns(keys)
        return
    name_column = columns["name"]
    organisation_column = columns.get("organisation", len(cells))
    if (
        name_column < len(cells)
        and not cells[name_column]
        and organisation_column < len(cells)
        and cells[organisation_column]
    ):
        # ``| Samordningsförbundet Tallmo |  | ✓ |``: the organisation came, no one named.
        cells = list(cells)
        cells[name_column], cells[organisation_column] = cells[organisation_column], ""
    if name_column >= len(cells) or not looks_like_people(cells[name_column]):
        return
    if cells[name_column].casefold().strip(" .") in (*PRESENT_ANSWERS, *ABSENT_ANSWERS):
        return  # ``Ja  Nej`` under a vote's column: a second header row
    # ``Sara Lund, verksamhetschef`` in the name cell: the organisation column's value
    # goes right after the name, before what the cell says of the person.
    names = [n.strip() for n in _names_split().split(cells[name_column]) if n.strip()]
    if len(names) > 1 and all(FULL_NAME.match(n) for n in names):
        # ``| Västerhamra kommun | Karin Wallin, Yusuf Demir |``: two people of one row.
        for other in names[1:]:
            row = list(cells)
            row[name_column] = other
            yield from table_row(opened, _row_line(row), number, initials_first=False)
        cells = list(cells)
        cells[name_column] = names[0]
    name, _, described = cells[name_column].partition(",")
    initials = (
        cells[columns["initials"]] if columns.get("initials", len(cells)) < len(cells) else ""
    )
    if initials and not alias:
        alias = f" ‹{initials}›"  # the initials the minutes use for them later
    parts = [name.strip() + alias]
    if "party" in columns and columns["party"] < len(cells) and cells[columns["party"]]:
        parts[0] += f" ({cells[columns['party']]})"
    organisation = ""
    if "organisation" in columns and columns["organisation"] < len(cells):
        # The cell is the organisation whole (``Västerhamra kommun, säkerhetsenheten``).
        organisation = cells[columns["organisation"]]
    if described.strip():
        parts.append(described.strip())
    for column in ("role", "remarks"):
        if column in columns and columns[column] < len(cells) and cells[columns[column]]:
            parts.append(cells[columns[column]])
    field_name = opened.field
    if opened.columns is None and opened.grid is None:
        # ``Jessica Holm<TAB>ordförande`` with no header row: what the other cells say
        # of the person (a role, *suppleant, tjänstgörande*), or whether they came.
        for cell in cells[name_column + 1 :]:
            said = cell.casefold().strip(" .")
            if said in ABSENT_ANSWERS:
                field_name = "absent"
            elif cell and said not in PRESENT_ANSWERS:
                parts.append(cell)
    if "presence" in columns and columns["presence"] < len(cells):
        answer = cells[columns["presence"]].casefold().strip()
        role = re.search(r"\((?P<role>[^()]+)\)", answer)
        if role:
            # ``X (mötesordf.)``: the role at this meeting, before the one of the role
            # column (the organisation's *vice ordförande*).
            parts.insert(1, role["role"])
        word, _, rest = re.sub(r"\s*\(.*", "", answer).partition(",")
        word = word.strip(" .")
        if rest.strip():
            parts.append(rest.strip())  # ``X, mötesordf. § 101–110``
        if not word or word in ABSENT_ANSWERS or any(s in word for s in ABSENT_ANSWER_STEMS):
            field_name = "absent"
        elif word not in PRESENT_ANSWERS and word.startswith(GUEST_ANSWER_STEMS):
            field_name = "guests"
    found = opened.found(", ".join(parts), number, entry=True, field_=field_name)
    yield replace(found, organisation=organisation) if organisation else found
    substitute = (
        cells[columns["substitute"]] if columns.get("substitute", len(cells)) < len(cells) else ""
    )
    if substitute and looks_like_people(substitute):
        # ``Britt Ljung (S)   -   Rolf Åkesson (S)``: who served in the member's place.
        yield opened.found(
            f"{substitute}, {SUBSTITUTE_ROLE}", number, entry=True, field_="attendees"
        )


_RULE = re.compile(r"^\s*\|?\s*:?-{2,}[-|: ]*$")


def officer_table_row(
    columns: list[str], raw: str, number: int, below: str
) -> Generator[Found, None, bool]:
    """``| Mötesordförande | Sekreterare | Justerare |`` over ``| Amanda | Victor | Rut
    |``: a table whose header names the offices and whose row names who holds them.
    ``columns`` keeps the header's offices (set on the header, emptied on the row)."""
    cells = row_cells(raw)
    if _RULE.match(below):
        fields = [metadata_field(c) for c in cells]
        if len(cells) >= 2 and all(f in ("chair", "secretary", "adjusters") for f in fields):
            columns[:] = [f for f in fields if f is not None]
            return True
        return False
    if not columns or _RULE.match(raw):
        return bool(columns) and bool(_RULE.match(raw))
    for field_name, cell in zip(columns, cells, strict=False):
        if cell and looks_like_people(cell):
            yield Found(field_name, cell, number)
    columns.clear()
    return True


def other_table(raw: str, below: str) -> bool:
    """A table's header row (the rule below it) without a column of names: a table of
    something else (tasks, votes), not more of an attendance list."""
    return (
        "|" in raw
        and bool(_RULE.match(below))
        and not any(header_key(normalise_key(c)) in TABLE_NAME_HEADERS for c in row_cells(raw))
    )


@dataclass(frozen=True, slots=True)
class TableHeader:
    """The header row of a table of people."""

    keys: list[str]
    """Each column's key, the name column's first (:func:`table_columns` reads them)."""
    name_key: str
    """The name column's key (*Namn*, *Ledamöter*): which list the people go in."""
    grid: list[int] | None
    """Where the columns start when the names stand below a blank header cell."""
    initials_first: bool
    """The first column holds each person's initials (*Sign.*)."""


def _labelled_names(keys: list[str]) -> bool:
    """The first column headed by a list's label (*Beslutande*, *Övriga närvarande*) and
    the others by what a table of people says of each (*Funktion*, *Parti*)."""
    return (
        metadata_field(keys[0]) in PEOPLE_FIELDS
        and len(keys) > 1
        and all(k in TABLE_ROLE_HEADERS or k in TABLE_PARTY_HEADERS for k in keys[1:])
    )


def table_header(raw: str) -> TableHeader | None:
    """The header row of an attendance table (``Ledamöter   Närvarande``, ``| Namn | Parti
    | Närvaro |``), or None when ``raw`` is not one."""
    if "|" not in raw and "\t" not in raw and "  " not in raw.strip():
        return None
    row = row_cells(raw)
    if len(row) < 2:
        return None
    keys = [header_key(normalise_key(c)) for c in row]
    grid = None
    if keys[0] not in TABLE_NAME_HEADERS and unlabelled_names(raw, keys):
        # ``                    Närv.   Tjg för``: the names stand below the blank start.
        grid = [cell.start for cell in cells(raw)]
        keys = [TABLE_NAME_HEADERS[0], *keys]
    initials_first = (
        keys[0] in TABLE_INITIALS_HEADERS and len(keys) > 1 and (keys[1] in TABLE_NAME_HEADERS)
    )
    if initials_first:
        keys = keys[1:] + keys[:1]  # ``| Sign. | Namn | …``: the initials come first
    name_key = next((k for k in keys if k in TABLE_NAME_HEADERS), None)
    if name_key is None and _labelled_names(keys):
        name_key = keys[0]  # ``| Beslutande | Funktion |``: the list's label heads the names
    if name_key is None or len(table_columns(keys)) < 2:
        return None
    if keys[0] != name_key and keys[0] not in TABLE_ORGANISATION_HEADERS:
        return None  # ``| Organisation | Namn / funktion | Närvaro |`` is one too
    return TableHeader(keys, name_key, grid, initials_first)


def header_opens(opened: OpenLabel | None, header: TableHeader, raw: str, number: int) -> OpenLabel:
    """The list a table's header row opens (or the label above it already opened): its
    columns, and where they start when aligned with spaces."""
    if opened is None:
        field_name = metadata_field(header.name_key) or "attendees"
        if field_name not in PEOPLE_FIELDS:
            field_name = "attendees"
        opened = OpenLabel(field_name, LIST_ROLES.get(header.name_key), number, LIST)
    opened.columns = table_columns(header.keys)
    opened.grid = header.grid
    aligned = (
        header.grid is None and "|" not in raw and "\t" not in raw and not header.initials_first
    )
    opened.offsets = [cell.start for cell in cells(raw)] if aligned else None
    opened.blank = False
    return opened
