"""Who was there, from a round table: the item where each person (or organisation) in
turn tells the meeting their news.

::

    ### 1. Laget runt
    * **Sara Nyman, Tallmo** – nya meröppet-tider från april …
    * **Göran Åkesson & Nina Pihl, Lindvik** – digitala lotsar …
    * **Regionbiblioteket (Hampus Ros)** – regionens utvecklingsplan …
    * **Yvonne Lax, Granåsen** – kunde inte komma, skickade sin rapport …

A working group's notes often say only *8 deltagare, se laget runt nedan*: the names
stand in bold at the start of each turn.  Someone whose turn says they could not come
is absent.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Person
from ..vocabulary import (
    ABSENCE_REASONS,
    EMPTY_CELLS,
    ROUND_TABLE_ABSENCE,
    ROUND_TABLE_TITLES,
    STANDUP_OTHER_LABELS,
    STANDUP_TABLE_HEADERS,
    STANDUP_TODAY_LABELS,
)
from .action_tables import is_plan_header
from .blocks import BlockKind
from .labels import normalise_key
from .outline import Outline, heading_key
from .people import is_role_word, names_people_inside, parse_person
from .people_lists import parse_people
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

_LEAD = re.compile(r"^\s*(?:\*\*|__)(?P<who>[^*_\n]{2,80}?)[:,]?(?:\*\*|__)\s*[:–—-]?\s*")
"""The bold words a turn starts with (``**Sara Nyman, Tallmo** – …``)."""


@cache
def _absence() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(ROUND_TABLE_ABSENCE)})(?!\w)", re.IGNORECASE)


def _round_table_items(outline: Outline) -> set[str]:
    return {
        item.number
        for item in outline.items
        if heading_key(item.title).startswith(ROUND_TABLE_TITLES)
    }


_ORGANISATION_PEOPLE = re.compile(r"^(?P<organisation>[^()]+?)\s*\((?P<people>[^()]+)\)$")


def _turn_people(who: str, line: int, config: Config) -> list[Person]:
    """``Göran Åkesson & Nina Pihl, Lindvik``: the people, and where they come from after
    the last comma (a place, written as one word, is no person)."""
    inside = _ORGANISATION_PEOPLE.match(who)
    if inside is not None and names_people_inside(who):
        # ``Regionbiblioteket (Hampus Ros)``: the organisation's turn, given by its people.
        return [
            replace(person, organisation=person.organisation or inside["organisation"])
            for person in parse_people(inside["people"], line, config)
        ]
    names, _, place = who.rpartition(",")
    place = place.strip()
    if names and place and " " not in place and place[:1].isupper():
        return [
            replace(person, organisation=person.organisation or place)
            for person in parse_people(names, line, config)
        ]
    return parse_people(who, line, config)


def _standup_rows(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """The rows of every stand-up table (*Person | Gjort | Ska göra | Hinder*): each
    row's line, person and other cells."""
    rows: list[tuple[int, str, list[str]]] = []
    person_column: int | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            person_column = None
            continue
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        if person_column is None:
            keys = [normalise_key(c).rstrip("?:") for c in cells]
            owners = [i for i, k in enumerate(keys) if k in STANDUP_TABLE_HEADERS["owner"]]
            plans = [k for k in keys if is_plan_header(k)]
            person_column = owners[0] if owners and plans else -1
        elif person_column >= 0 and not _RULE.match(stripped) and person_column < len(cells):
            others = cells[:person_column] + cells[person_column + 1 :]
            rows.append((number, cells[person_column], others))
    return rows


_RULE = re.compile(r"^\|?\s*:?-{2,}")


def standup_table_present(meta: Metadata, lines: list[str], config: Config) -> None:
    """Everyone with a row in a stand-up's table was there, unless their row says only
    why they were away (*Farid | – | – | VAB*)."""
    known = {p.name.casefold() for p in (*meta.attendees, *meta.guests, *meta.absent) if p.name}
    for number, who, others in _standup_rows(lines):
        person = parse_person(who, number, config)
        if person is None or not person.name or person.name.casefold() in known:
            continue
        said = [c for c in others if c and c.casefold() not in EMPTY_CELLS]
        away = not said or all(c.casefold().strip(" ()") in ABSENCE_REASONS for c in said)
        known.add(person.name.casefold())
        (meta.absent if away else meta.attendees).append(person)


def round_table_present(meta: Metadata, outline: Outline, config: Config) -> None:
    """Add everyone a round table's turns name in bold, unless already listed; a turn
    that says its person could not come lists them as absent."""
    items = _round_table_items(outline)
    if not items:
        return
    known = {p.name.casefold() for p in (*meta.attendees, *meta.guests, *meta.absent) if p.name}
    known |= {
        p.organisation.casefold()
        for p in (*meta.attendees, *meta.guests)
        if p.organisation and not p.name
    }
    for unit in outline.units:
        block = unit.block
        if unit.item not in items or unit.noise:
            continue
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        lead = _LEAD.match(block.markdown)
        if lead is None:
            continue
        who = lead["who"].strip()
        people = _turn_people(who, block.line, config)
        if not people or not all(p.name or names_people_inside(who) for p in people):
            continue
        rest = block.text[len(who) :]
        into = meta.absent if _absence().search(rest[:80]) else meta.attendees
        for person in people:
            key = (person.name or person.organisation or "").casefold()
            if key and key not in known:
                known.add(key)
                into.append(person)


_REPORTER = re.compile(
    r"^(?P<name>@?[A-ZÅÄÖ][\w.@-]*(?:\s+[A-ZÅÄÖ][\w-]+){0,2})(?:\s*\((?P<role>[^()]{1,40})\))?:?$"
)
"""A heading that is a person's name, with their role after it (``### Ahmed
(projektledare)``)."""


@cache
def _standup_line() -> re.Pattern[str]:
    labels = alternation((*STANDUP_TODAY_LABELS, *STANDUP_OTHER_LABELS))
    return re.compile(rf"^\W*(?:{labels})\s*[:?]", re.IGNORECASE)


def standup_headings_present(meta: Metadata, outline: Outline, config: Config) -> None:
    """A stand-up written as one heading a person (``### Ahmed (projektledare)`` /
    ``- Igår: …`` / ``- Idag: …`` / ``- Hinder: …``): each person who reports under their
    heading was there, with the role the heading gives them."""
    reporters: dict[str, tuple[str, int]] = {}
    for unit in outline.units:
        block = unit.block
        if block.kind is BlockKind.HEADING:
            found = _REPORTER.match(block.text.strip())
            if found is not None and not is_role_word(found["name"].casefold()):
                reporters[unit.item or ""] = (block.text.strip(), block.line)
    if len(reporters) < 2:
        return
    reported = {
        unit.item or ""
        for unit in outline.units
        if unit.block.kind is not BlockKind.HEADING
        and (unit.item or "") in reporters
        and _standup_line().match(unit.block.text)
    }
    if len(reported) < 2:
        return
    known = {p.name.casefold() for p in (*meta.attendees, *meta.guests, *meta.absent) if p.name}
    known |= {p.name.split()[0].casefold() for p in meta.absent if p.name}
    for item in sorted(reported, key=lambda i: reporters[i][1]):
        person = parse_person(*reporters[item], config)
        if person is not None and person.name and person.name.casefold() not in known:
            known.add(person.name.casefold())
            meta.attendees.append(person)


_ROLE_THEN_NAME_LINE = re.compile(
    r"^(?P<role>[^,:|]{3,80}),\s*(?P<name>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2})"
    r"(?:\s*\((?P<aside>[^()]{1,60})\))?\s*$"
)


def unlabelled_list_present(meta: Metadata, outline: Outline, config: Config) -> None:
    """``Kommunstyrelsens ordförande i Norrvika, Sten Ulv`` and more such lines under the
    heading, with no label: a list of those present written as office, then name (only
    when no list of attendees was found)."""
    if len(meta.attendees) > 1:
        return
    first_item = min((item.line for item in outline.items), default=10**9)
    known = {p.name for p in (*meta.attendees, *meta.guests, *meta.absent) if p.name}
    for unit in outline.units:
        block = unit.block
        if block.line >= first_item or block.kind is not BlockKind.PARAGRAPH:
            continue
        rows = block.text.split("\n")
        found = [(i, m) for i, row in enumerate(rows) if (m := _ROLE_THEN_NAME_LINE.match(row))]
        offices = [m for _, m in found if any(is_role_word(w) for w in m["role"].split())]
        if len(rows) < 3 or len(offices) * 3 < len(rows) * 2:
            continue
        for offset, match in found:
            if match["name"] in known:
                continue
            known.add(match["name"])
            meta.attendees.append(
                Person(
                    match["name"],
                    None,
                    match["role"].strip(),
                    block.line + offset,
                    note=match["aside"],
                )
            )
