"""Metadata read from the text, line by line: labels, the people listed under them, and
attendance recorded inside an item or in prose.

Minutes put *who was there* everywhere: a ``Närvarande:`` label with a comma list,
a ``## Deltagare`` heading with bullets, a PDF's ``Beslutande`` column with one
person a line, a table with a *Närvarande* column, item 2 *Fastställande av
röstlängd* with a code block of names, or a sentence (*Närvarande var kalle,
stina samt Per Ek*).  :func:`read_labels` walks the lines once and yields every
value it finds, each with its line; :mod:`.metadata` decides what wins.

Where a label may stand: any label before the first agenda item; people, chair,
secretary and adjuster labels anywhere (item 1 often records attendance; the
signature lines close the protocol).  Dates and places inside items belong to
other things (*Nästa möte*), never to this meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..model import SegmentKind
from ..vocabulary import ATTENDANCE_ITEM_TITLES, ATTENDANCE_PROSE, LIST_ROLES
from .labels import Label, match_metadata, metadata_field, normalise_key
from .outline import Outline, heading_key
from .people import clean
from .text import alternation

PEOPLE_FIELDS = ("attendees", "guests", "absent", "adjusters")
PERSON_FIELDS = ("chair", "secretary")
_ANYWHERE = (*PEOPLE_FIELDS, *PERSON_FIELDS)
_SINGLE_VALUED = ("date", "place_and_time", "location", "time", "body", "organisation")


@dataclass(frozen=True, slots=True)
class Found:
    """One value the text gives a metadata field."""

    field: str
    """The metadata field (``attendees``, ``date``, …)."""
    value: str
    """The value as written (a list of people, a date, a place)."""
    line: int
    """Its 1-based line."""
    entry: bool = False
    """A single person of a list (one per line), not a comma list."""
    role: str | None = None
    """The role the list's label gives everyone in it (*Tjänstgörande ersättare*)."""
    empty: bool = False
    """A people label with nobody found under it (``value`` is empty)."""


_NAME_HEADERS = ("namn", "name", "person", "ledamot", "deltagare")
_PROSE_STEMS = tuple({phrase.split()[0][:4] for phrase in ATTENDANCE_PROSE})
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_LEADERS = re.compile(r"(?:[._…]\s?){4,}|…{2,}")
_PARTICLES = frozenset(("af", "av", "von", "van", "de", "der", "den", "la", "du", "di", "el"))
_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÉÜ][\w'’.-]*|@[\w.-]+)$")
_NICKNAME = re.compile(r"^@?[a-zåäö][\wåäö.-]{0,19}$")


def _name_part(text: str) -> str:
    """The part of a people entry that is the name: before a comma, a parenthesis, a
    dash or a note."""
    text = re.split(r"[,(;–—]|\s-\s|\s§", text, maxsplit=1)[0]
    return text.strip()


def looks_like_people(text: str, *, strong: bool = False) -> bool:
    """Whether a line lists people (or organisations): each name capitalised (particles
    aside), or a lower-case nickname; ``strong`` asks for a full name, as after a
    blank line under a label, where a paragraph of prose may begin."""
    text = text.strip().rstrip(".")
    if not text or len(text) > 400 or text.endswith(":"):
        return False
    names = [n for n in re.split(r",|;|\s(?:och|&|samt)\s", text) if n.strip()]
    first = _name_part(names[0]) if names else ""
    words = first.split()
    if not words or len(words) > 6:
        return False
    capitalised = all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words)
    if capitalised:
        return not strong or len(words) >= 2 or len(names) >= 2
    return not strong and len(words) == 1 and bool(_NICKNAME.match(words[0]))


@dataclass
class _Open:
    """A label whose values continue on the lines below it."""

    field: str
    role: str | None
    line: int
    blank: bool = False
    """A blank line has come since the last value."""
    table_name_column: int | None = None
    table_presence_column: int | None = None
    pending: tuple[str, int] | None = None
    """A value whose parenthesis closes on a later line, with its first line."""
    values: int = 0
    """How many values it has given."""
    quiet: bool = False
    """Opened by an item's title, not a label: nobody under it is no mistake."""

    def value(self, text: str, number: int) -> Found | None:
        """The value of ``text``, or None while a parenthesis stays open."""
        if self.pending is not None:
            text, number = self.pending[0] + " " + text, self.pending[1]
            self.pending = None
        if text.count("(") > text.count(")"):
            self.pending = (text, number)
            return None
        self.values += 1
        return Found(self.field, text, number, role=self.role)

    def close(self) -> Iterator[Found]:
        """What is left when the label ends: a value still open, or that it was empty."""
        if self.pending is not None:
            text, number = self.pending
            self.pending = None
            self.values += 1
            yield Found(self.field, text, number, role=self.role)
        elif self.values == 0 and self.field in PEOPLE_FIELDS and not self.quiet:
            yield Found(self.field, "", self.line, empty=True)


def _plain(line: str) -> str:
    text = _HEADING.sub("", line)
    text = _BULLET.sub("", text)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"(?:\\|\s{2,})$", "", text.rstrip()).strip()


def _cells(value: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s{2,}|\t+", value) if c.strip()]


@cache
def _prose() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{alternation(ATTENDANCE_PROSE)})\s*(?P<list>[^.!?]{{2,300}})", re.IGNORECASE
    )


def _labels_on(line: str) -> list[tuple[str, Label]]:
    """The labels of one line; a PDF's row may hold two (``Sekreterare  Anna Berg
    Paragrafer §§ 12-14``)."""
    found = match_metadata(line, loose=True)
    if found is None:
        return []
    field, label = found
    cells = _cells(label.value)
    if len(cells) <= 1:
        return [found]
    result = [(field, Label(label.key, cells[0], label.value_offset))]
    for cell in cells[1:]:
        other = match_metadata(cell, loose=True)
        if other is None:
            words = cell.split()
            other_field = metadata_field(words[0]) if words else None
            if other_field is not None:
                other = (other_field, Label(words[0], " ".join(words[1:]), 0))
        if other is None:
            result[-1] = (result[-1][0], Label(label.key, result[-1][1].value + " " + cell, 0))
        else:
            result.append(other)
    return result


@dataclass
class _Reader:
    outline: Outline
    lines: list[str]
    noise: frozenset[int]

    def __post_init__(self) -> None:
        self.first_item = min((i.line for i in self.outline.items), default=len(self.lines) + 1)
        self.heading_lines: set[int] = set()
        self.attendance_items: set[str] = set()
        for unit in self.outline.units:
            if unit.block.kind.value == "heading":
                self.heading_lines.update(range(unit.block.line, unit.block.end_line))
        for item in self.outline.items:
            if heading_key(item.title) in ATTENDANCE_ITEM_TITLES:
                self.attendance_items.add(item.number)
        self.item_at: dict[int, str] = {}
        for unit in self.outline.units:
            if unit.item is not None and unit.segment is SegmentKind.ITEM:
                for number in range(unit.block.line, unit.block.end_line):
                    self.item_at[number] = unit.item

    def read(self) -> Iterator[Found]:
        open_label: _Open | None = None
        in_fence = False
        for index, raw in enumerate(self.lines):
            number = index + 1
            if number in self.noise:
                continue
            if _FENCE.match(raw):
                in_fence = not in_fence
                continue
            if not raw.strip() or _SETEXT.match(raw) or _TABLE_RULE.match(raw):
                if open_label is not None:
                    open_label.blank = True
                continue
            front = number < self.first_item
            item = self.item_at.get(number)
            if number in self.heading_lines and not self._heading_label(raw):
                if open_label is not None:
                    yield from open_label.close()
                open_label = self._attendance_item_heading(number, item)
                continue
            labels = [] if in_fence else _labels_on(raw)
            labels = [(f, lab) for f, lab in labels if front or f in _ANYWHERE]
            if labels:
                if open_label is not None:
                    yield from open_label.close()
                open_label = None
                for field, label in labels:
                    if field == "ignored":
                        open_label = None
                        continue
                    open_label, value = self._label(field, label, number)
                    if value is not None:
                        yield value
                continue
            yield from self._prose(raw, number)
            if open_label is None:
                continue
            found = list(self._continuation(open_label, raw, number, front))
            if found:
                yield from found
            elif open_label.pending is None and (
                open_label.field not in PEOPLE_FIELDS or open_label.blank
            ):
                yield from open_label.close()
                open_label = None
        if open_label is not None:
            yield from open_label.close()

    def _label(self, field: str, label: Label, number: int) -> tuple[_Open, Found | None]:
        """Open ``label``, with its value when the line gives one; a list label stays open
        for the people on the lines below, any other only while its value is still to come."""
        opened = _Open(field, LIST_ROLES.get(normalise_key(label.key)), number)
        value = _LEADERS.sub(" ", label.value).strip()
        found = opened.value(value, number) if value else None
        if found is not None and field not in PEOPLE_FIELDS:
            opened.field = "done"
        return opened, found

    def _heading_label(self, raw: str) -> bool:
        return match_metadata(raw, loose=True) is not None

    def _attendance_item_heading(self, number: int, item: str | None) -> _Open | None:
        # An item *Fastställande av röstlängd* lists those present below its heading.
        for unit_item in (item, self.item_at.get(number + 1)):
            if unit_item is not None and unit_item in self.attendance_items:
                return _Open("attendees", None, number, quiet=True)
        return None

    def _continuation(
        self, open_label: _Open, raw: str, number: int, front: bool
    ) -> Iterator[Found]:
        text = _plain(raw)
        if "|" in raw:
            yield from self._table_row(open_label, raw, number)
            return
        if open_label.pending is not None:
            found = open_label.value(text, number)
            if found is not None:
                yield found
            return
        if open_label.field in PEOPLE_FIELDS:
            if looks_like_people(text, strong=open_label.blank):
                open_label.blank = False
                found = open_label.value(text, number)
                if found is not None:
                    yield found
            return
        if open_label.field in PERSON_FIELDS:
            name = _LEADERS.sub("", text).strip()
            if looks_like_people(name):
                yield Found(open_label.field, name, number)
            return
        if front and open_label.field in _SINGLE_VALUED and len(text) <= 120:
            yield Found(open_label.field, text, number)
            open_label.field = "done"

    def _table_row(self, open_label: _Open, raw: str, number: int) -> Iterator[Found]:
        """A row of an attendance table: ``| Elsa Wennström | Ja | Ja |``; a *Närvarande*
        column saying no makes the row an absentee."""
        cells = [c.strip() for c in raw.strip().strip("|").split("|")]
        keys = [normalise_key(c) for c in cells]
        if open_label.table_name_column is None:
            name_col = next((i for i, k in enumerate(keys) if k in _NAME_HEADERS), None)
            if name_col is not None:
                open_label.table_name_column = name_col
                open_label.table_presence_column = next(
                    (i for i, k in enumerate(keys) if metadata_field(k) == "attendees"), None
                )
                return
            open_label.table_name_column = 0
        column = open_label.table_name_column
        if column >= len(cells) or not looks_like_people(cells[column]):
            return
        field = open_label.field
        presence = open_label.table_presence_column
        if presence is not None and presence < len(cells):
            answer = cells[presence].casefold()
            if answer.startswith(("nej", "no", "-", "frånv", "x")) or not answer:
                field = "absent"
            elif "adjungerad" in answer or "gäst" in answer:
                field = "guests"
        yield Found(field, cells[column], number, entry=True, role=open_label.role)

    def _prose(self, raw: str, number: int) -> Iterator[Found]:
        """*Närvarande var kalle, stina samt Per Ek.* inside an item or a paragraph."""
        lowered = raw.casefold()
        if not any(stem in lowered for stem in _PROSE_STEMS):
            return
        match = _prose().search(_plain(raw))
        if match is None:
            return
        value = clean(match["list"])
        if looks_like_people(value):
            yield Found("attendees", value, number)


def read_labels(outline: Outline, lines: list[str], noise: frozenset[int]) -> Iterator[Found]:
    """Every metadata value the text gives, in line order."""
    yield from _Reader(outline, lines, noise).read()
