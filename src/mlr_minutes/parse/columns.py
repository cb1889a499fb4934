"""Two lists of people side by side, as a page converted from PDF or Word leaves them.

::

    Deltagare
    Revisorer                          Kommunstyrelsens presidium
    Ingrid Sol (S), ordförande         Lars Brodd (M), KS ordförande
    Roger Öhman (SD)                   Tjänstepersoner
                                       Kommundirektör Maria Holst
    Revisionskontoret                  Ekonomichef Dennis Lilja (p. 2)
    Hugo Björk, revisionssekreterare

Read line by line, each line holds two people and the groups run into each other.  The
attendance reader reads such a block twice: once with only the left column, once with
only the right column under the same label, each cell at its own line.  A table whose
columns are the organisations and whose cells are their people is read the same way, a
column at a time::

    | Lindviks kommun              | Region Mellanlanda          |
    |------------------------------|-----------------------------|
    | Eva Dahl, socialchef (ordf.) | Henrik Ask, verksamhetschef |
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..vocabulary import METADATA_KEYS
from .attendance_values import PEOPLE_FIELDS, Found, is_nobody, looks_like_people
from .labels import metadata_field, normalise_key
from .people import FULL_NAME, definite_body, is_role_word, names_organisation
from .twin_tables import row_cut, twin_tables

_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")
_MIN_COLUMN = 15
"""A right column starts this far in at least: closer, the gap is a label's own."""
_SLACK = 2
"""How far a right cell may start from the column and still be in it."""


@dataclass(frozen=True)
class ColumnRun:
    """Lines holding a right column, under a people label."""

    label_start: int
    """0-based index of the first line of the label above (a heading or a label line)."""
    start: int
    """0-based index of the first line with a right cell."""
    end: int
    """0-based index after the last line with a right cell."""
    column: int
    """Where the right cells start."""
    owned: bool = False
    """The left column names whom the people on the right came from (``Tallmo kommun
    Birgit Hurtig (C)``), not people of its own."""


def _right_start(line: str) -> int | None:
    """Where the line's right cell starts, or None when it has none; -1 when the line has
    more than one gap (a table, not two lists)."""
    if not line.strip():
        return None
    indent = len(line) - len(line.lstrip(" "))
    # No gap without three whitespace characters in a row; in a printable line the only
    # whitespace is the space.
    gaps = [m.end() for m in _GAP.finditer(line)] if _may_gap(line) else []
    if indent >= _MIN_COLUMN:
        return indent if not gaps else -1
    if len(gaps) > 1:
        return -1
    return gaps[0] if gaps else None


def _may_gap(line: str) -> bool:
    return not line.isprintable() or "   " in line


def _is_people_label(line: str) -> bool:
    text = line.strip().lstrip("#").strip().rstrip(":")
    return bool(text) and metadata_field(text) in PEOPLE_FIELDS


def column_runs(lines: list[str], noise: frozenset[int]) -> list[ColumnRun]:
    """Every block of two side-by-side lists under a people label (``Deltagare``)."""
    runs: list[ColumnRun] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip() or "|" in lines[index] or "\t" in lines[index]:
            index += 1
            continue
        block_start = index
        while index < len(lines) and lines[index].strip() and (index + 1) not in noise:
            index += 1
        run = _run_in(lines, block_start, index)
        if run is not None:
            runs.append(run)
        index = max(index, block_start + 1)
    return runs


def _run_in(lines: list[str], start: int, end: int) -> ColumnRun | None:
    starts: dict[int, int] = {}
    for i in range(start, end):
        found = _right_start(lines[i])
        if found is not None:
            starts[i] = found
    with_right = list(starts)
    if len(with_right) < 3 or -1 in starts.values():
        return None
    column, _ = Counter(starts.values()).most_common(1)[0]
    if column < _MIN_COLUMN or any(abs(starts[i] - column) > _SLACK for i in with_right):
        return None
    first, last = with_right[0], with_right[-1] + 1
    lefts = [lines[i][: starts[i]].strip() for i in with_right]
    for left, below in zip(lefts, [*lefts[1:], ""], strict=True):
        if left and (
            metadata_field(left.rstrip(":")) is not None
            or left[:1].islower()
            or (below[:1].islower() and metadata_field(f"{left} {below}") is not None)
        ):
            # ``Beslutande     Anna Berg (S)``, ``Sakkunnigt / biträde    …``: a label
            # (wrapped in its column) and its value.
            return None
    rights = [lines[i][starts[i] :].strip() for i in with_right]
    if _names_and_roles(lefts, rights):
        return None
    owners = [lines[i][: starts[i]].strip() for i in with_right]
    owned = any(owners) and all(
        not o or (not re.search(r"[,()\d]", o) and names_organisation(o)) for o in owners
    )
    if first > start and _is_people_label(lines[start]):
        return ColumnRun(start, first, last, column, owned)
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if first == start and above >= 0 and _is_people_label(lines[above]):
        return ColumnRun(above, first, last, column, owned)
    return None


def _names_and_roles(lefts: list[str], rights: list[str]) -> bool:
    """``Jakob Lindström        Vice talman`` / ``Carolina Dahl        Sekreterare``: a
    table of each person and their role (most right cells name one), not two lists."""
    rows = [(left, right) for left, right in zip(lefts, rights, strict=True) if left]
    if not rows or not all(FULL_NAME.match(left) for left, _ in rows):
        return False
    roles = sum(any(is_role_word(word) for word in right.split()) for _, right in rows)
    return roles * 3 >= len(rows) * 2


def left_and_right(lines: list[str], runs: list[ColumnRun]) -> tuple[list[str], list[str]]:
    """The text with only the left column in the runs, and a text with only each run's
    label and right column (every other line blank), line numbers kept."""
    left = list(lines)
    right = [""] * len(lines)
    for run in runs:
        if run.owned:
            _owned_rows(lines, run, left)
            continue
        heads = _group_heads(lines[run.start], run.column)
        for i in range(run.label_start, run.start):
            right[i] = lines[i]
        for i in range(run.start, run.end):
            cut = _right_start(lines[i])
            if cut is None:
                continue
            left[i] = lines[i][:cut].rstrip()
            right[i] = lines[i][cut:].strip()
        if heads:
            left[run.start], right[run.start] = heads
    return left, right


def _owned_rows(lines: list[str], run: ColumnRun, left: list[str]) -> None:
    """``Norrvika kommun          Åsa Westin (S)`` and below it ``     Roger Palm (S)``:
    each row as ``Norrvika kommun: Åsa Westin (S)``, the organisation read with its people."""
    owner = ""
    for i in range(run.start, run.end):
        cut = _right_start(lines[i])
        if cut is None:
            owner = ""
            continue
        owner = lines[i][:cut].strip() or owner
        person = lines[i][cut:].strip()
        left[i] = f"{owner}: {person}" if owner else person


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,3}")


def _group_heads(line: str, column: int) -> tuple[str, str] | None:
    """``Revisorer          Kommunstyrelsens presidium``: the first line of two side-by-
    side lists names the group of each (written ``Revisorer:`` so the reader takes it as
    the group over its people), when both are a few plain words and one of them is plainly
    no name (a lower-case word in it)."""
    left, right = line[:column].strip(), line[column:].strip()
    if not (_PLAIN_WORDS.fullmatch(left) and _PLAIN_WORDS.fullmatch(right)):
        return None
    if not any(w[:1].islower() for w in (*left.split(), *right.split())):
        return None
    return f"{left}:", f"{right}:"


def in_columns(
    read: Callable[[list[str]], Iterator[Found]], lines: list[str], noise: frozenset[int]
) -> Iterator[Found]:
    """What ``read`` finds in ``lines``, with each block of side-by-side lists read one
    column at a time: the left column in place, the right one under the same label; and
    each table of organisations' columns one column at a time."""
    runs = column_runs(lines, noise)
    tables = organisation_tables(lines) if "|" in "".join(lines[:400]) else []
    twins = twin_tables(lines)
    if not runs and not tables and not twins:
        yield from read(lines)
        return
    left, right = left_and_right(lines, runs)
    spans = [(run.start, run.end) for run in runs]
    twin_halves: list[list[str]] = []
    for twin in twins:
        # A register printed twice side by side: the left half in place, the right half a
        # table of its own.
        half = [""] * len(lines)
        for i in range(twin.header, twin.end):
            at = twin.cut if i == twin.header else row_cut(lines[i], twin.cut)
            left[i], half[i] = lines[i][:at].rstrip(), lines[i][at:]
        spans.append((twin.header, twin.end))
        twin_halves.append(half)
    for table in tables:
        spans.append((table.start, table.end))
        for i in range(table.start, table.end):
            left[i] = ""
    found = list(read(left))
    others = [right] if runs else []
    others += twin_halves
    others += [_one_column(lines, table, column) for table in tables for column in table.names]
    for text in others:
        found += [
            f
            for f in read(text)
            if f.field in PEOPLE_FIELDS
            and not f.empty
            and any(start < f.line <= end for start, end in spans)
        ]
    yield from sorted(found, key=lambda f: f.line)


@dataclass(frozen=True)
class OrganisationTable:
    """A table whose header names organisations and whose cells are their people."""

    start: int
    """0-based index of the header row."""
    end: int
    """0-based index after the last row."""
    names: tuple[str, ...]
    """The organisation of each column."""


def _row(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def organisation_tables(lines: list[str]) -> list[OrganisationTable]:
    """Every pipe table whose header cells are all organisations (no label, no column
    name) and whose cells mostly look like people."""
    found: list[OrganisationTable] = []
    for index in range(len(lines) - 2):
        header, rule = lines[index], lines[index + 1]
        if not header.lstrip().startswith("|") or not re.fullmatch(r"\s*\|[\s|:-]+\|?\s*", rule):
            continue
        names = _row(header)
        if len(names) < 2 or not all(_names_a_body(n) for n in names):
            continue
        end = index + 2
        while end < len(lines) and lines[end].lstrip().startswith("|"):
            end += 1
        cells = [c for line in lines[index + 2 : end] for c in _row(line) if c]
        people = sum(looks_like_people(c, strong=True) for c in cells)
        if cells and people * 2 >= len(cells):
            found.append(OrganisationTable(index, end, tuple(names)))
    return found


def _names_a_body(cell: str) -> bool:
    """``Lindviks kommun``, ``Region Mellanlanda``, ``Närvårdskansliet``: an organisation,
    not a column's name (``Vem``, ``Namn``) nor a label."""
    words = cell.split()
    return (
        bool(words)
        and metadata_field(normalise_key(cell)) is None
        and names_organisation(cell)
        and ((len(words) >= 2 and any(w[:1].isupper() for w in words)) or definite_body(cell))
        and not any(c.isdigit() for c in cell)
    )


def _one_column(lines: list[str], table: OrganisationTable, column: str) -> list[str]:
    """A text with nothing but one column of the table: a people label over its rows,
    each row ``organisation: person``."""
    text = [""] * len(lines)
    at = table.names.index(column)
    text[table.start] = f"{METADATA_KEYS['attendees'][0]}:"
    for i in range(table.start + 2, table.end):
        cells = _row(lines[i])
        cell = cells[at] if at < len(cells) else ""
        if cell and not is_nobody(cell.split(",")[0].strip("*_ ")):
            text[i] = f"{column}: {cell}"  # not ``*vakant*, chef LSS``: nobody holds it
    return text
