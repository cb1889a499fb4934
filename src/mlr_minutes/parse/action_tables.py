"""Action items written as a table, and a construction meeting's column of initials.

::

    | # | Åtgärd              | Ansvarig   | Klart | Status |
    |---|---------------------|------------|-------|--------|
    | 1 | Uppdatera SIP-rutin | Johan      | 21/10 | Ny     |

    Nr	Beslut/åtgärd	Ansvarig	Klart          (tab-separated, from Word)

    Ny tidplan lämnas till nästa byggmöte.                     SL

The table's header names its columns; a row is a task with its owner, due date
and (from *Status*: *Klar*) whether it is done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import (
    ACTION_TABLE_HEADERS,
    DECISION_NOUN,
    DONE_STATUSES,
    EMPTY_CELLS,
    STANDUP_TABLE_HEADERS,
)
from .labels import normalise_key


@dataclass(frozen=True, slots=True)
class TableTask:
    """One row of an action table."""

    task: str
    owner: str | None
    due: str | None
    done: bool
    line: int
    decision_only: bool
    """A row of a *Beslut/åtgärd* table with no owner and no date: a decision, not a task."""


def _cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if "|" in stripped:
        return [c.strip() for c in stripped.strip("|").split("|")]
    if "\t" in stripped:
        return [c.strip() for c in stripped.split("\t")]
    return None


_RULE = re.compile(r"^\|?\s*:?-{2,}")


def is_plan_header(key: str) -> bool:
    """A stand-up table's column of what each person will do: ``Ska göra``, ``Ska göra
    den här veckan``, ``Idag``."""
    return any(key == word or key.startswith(f"{word} ") for word in STANDUP_TABLE_HEADERS["task"])


def _header(cells: list[str]) -> dict[str, int] | None:
    keys = [normalise_key(c).rstrip("?:") for c in cells]
    for headers in (ACTION_TABLE_HEADERS, STANDUP_TABLE_HEADERS):
        columns: dict[str, int] = {}
        for name, words in headers.items():
            for index, key in enumerate(keys):
                fits = key in words or (
                    headers is STANDUP_TABLE_HEADERS and name == "task" and is_plan_header(key)
                )
                if fits and name not in columns:
                    columns[name] = index
        if "task" in columns and ("owner" in columns or "due" in columns):
            return columns
    return None


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str | None:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return None
    value = cells[index].strip()
    return None if value.casefold() in EMPTY_CELLS else value


def table_tasks(lines: list[str], first_line: int) -> list[TableTask]:
    """The tasks of the table in ``lines`` (starting at 1-based ``first_line``), or none
    when the lines are no action table."""
    columns: dict[str, int] | None = None
    decisions_too = False
    found: list[TableTask] = []
    for offset, line in enumerate(lines):
        cells = _cells(line)
        if cells is None or _RULE.match(line.strip()):
            continue
        if columns is None:
            columns = _header(cells)
            if columns is not None:
                decisions_too = DECISION_NOUN in normalise_key(cells[columns["task"]])
            continue
        task = _cell(cells, columns, "task")
        if not task:
            continue
        owner, due = _cell(cells, columns, "owner"), _cell(cells, columns, "due")
        status = (_cell(cells, columns, "status") or "").casefold()
        found.append(
            TableTask(
                task,
                owner,
                due,
                status in DONE_STATUSES,
                first_line + offset,
                decisions_too and owner is None and due is None,
            )
        )
    return found


_INITIALS = re.compile(r"\s{3,}(?P<owner>[A-ZÅÄÖ]{2,4}(?:\s*[/,]\s*[A-ZÅÄÖ]{2,4})*)\s*$")


def trailing_initials(text: str) -> tuple[str, str] | None:
    """``Ny tidplan lämnas till nästa byggmöte.      SL``: the task and the initials in the
    right-hand *Ansv.* column, as construction and project meetings write them."""
    if text.isprintable() and "   " not in text:
        return None  # no three whitespace characters in a row (a space is the only printable)
    match = _INITIALS.search(text)
    if match is None:
        return None
    return text[: match.start()].strip(), match["owner"]
