"""Metadata read from the text, line by line: labels, the people listed under them, and
attendance recorded inside an item or in prose.

Minutes put *who was there* everywhere: a ``Närvarande:`` label with a comma list
(wrapped over lines), a ``## Deltagare`` heading with bullets, a PDF's
``Beslutande`` column with one person a line, a table with a *Närvaro* column,
item 2 *Fastställande av röstlängd* with a code block of names, signature
columns (``Sekreterare ........`` with the name below), or a sentence
(*Närvarande var kalle, stina samt Per Ek*).  :func:`read_labels` walks the
lines once and yields every value it finds, each with its line; :mod:`.metadata`
decides what wins.

Where a label may stand: any label before the first agenda item; people, chair,
secretary and adjuster labels anywhere (item 1 often records attendance; the
signature lines close the protocol).  Dates and places inside items belong to
other things (*Nästa möte*), never to this meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..model import SegmentKind
from ..vocabulary import (
    ATTACHMENT_WORDS,
    ATTENDANCE_ITEM_TITLES,
    BOARD_ITEM_WORDS,
    LIST_ROLES,
    RESPECTIVE_WORDS,
)
from .attendance_lines import (
    ORGANISATION_GROUP,
    attachment_prefix,
    ends_sentence,
    group_wrapped,
    heads_indented,
    join_wrapped,
    label_organisation,
    may_name_people,
    office_of,
    prose_attendance,
    tabs_as_typed,
    without_dwelling,
    wraps_a_role,
)
from .attendance_tables import (
    header_opens,
    officer_table_row,
    other_table,
    row_cells,
    table_header,
    table_row,
)
from .attendance_values import (
    ANYWHERE,
    BULLET_LINE,
    COMMA,
    LIST,
    ORGANISATION_ENTRY,
    PEOPLE_FIELDS,
    PERSON,
    PERSON_FIELDS,
    SINGLE,
    Found,
    OpenLabel,
    carries_a_name,
    is_nobody,
    legend,
    list_entries,
    looks_like_people,
    names_a_function,
    officer_entry,
    presence_mark,
)
from .blocks import BlockKind
from .columns import in_columns
from .flattened import FLATTENED_LENGTH, flattened_page
from .label_cells import LineLabel, cells, labels_on, one_person_row, plain, wrapped_label
from .labels import Label, cell_field, match_metadata, metadata_field, normalise_key, officer_values
from .outline import Outline, heading_key
from .people import (
    definite_body,
    is_note,
    names_organisation,
    names_people_inside,
    role_of,
)
from .presence_grid import grid_rows, only_column_headers
from .scan_letters import ocr_repaired
from .signatures import SIGNATURE_RULE, names_above
from .stacked_columns import stacked_rows

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}[-|: ]*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_LEADERS = re.compile(r"(?:[._…]\s?){4,}|…{2,}")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(w[:-1])})" for w in RESPECTIVE_WORDS if w[-1] == ".")
_SENTENCE_BREAK = re.compile(rf"(?<=[a-zåäö)]){_NOT_AFTER}\.\s+(?=[A-ZÅÄÖ])")  # not ``resp.``
_NUMBERED_COLUMN = re.compile(r"(?:\s{3,}|\t)\d{1,3}[.)]\s+(?=[A-ZÅÄÖ])")
_ATTACHMENT_INITIALS = frozenset(word[:1] for word in ATTACHMENT_WORDS)
"""The letters an attachment's note can start with: a cheap look before its pattern."""


@dataclass
class _Reader:
    outline: Outline
    lines: list[str]
    noise: frozenset[int]
    open: OpenLabel | None = None
    rest: dict[int, str] = field(default_factory=dict)
    """The second line of a wrapped label → what it holds beside the label's end."""
    columns: list[tuple[int, OpenLabel]] = field(default_factory=list)
    """Labels side by side (``Vid protokollet     Justeras``), each with its column, for
    the names written below them."""

    officer_columns: list[str] = field(default_factory=list)
    """The offices a table's header names, for its next row (:meth:`_officer_table`)."""
    initials_first: bool = False
    """The attendance table's first column holds each person's initials (*Sign.*)."""

    def __post_init__(self) -> None:
        self.rest.update(stacked_rows(self.lines, self.noise) | grid_rows(self.lines, self.noise))
        self.first_item = min((i.line for i in self.outline.items), default=len(self.lines) + 1)
        self.heading_lines: set[int] = set()
        for unit in self.outline.units:
            if unit.block.kind is BlockKind.HEADING:
                self.heading_lines.update(range(unit.block.line, unit.block.end_line))
        self.item_titles = {item.number: heading_key(item.title) for item in self.outline.items}
        self.item_lines = {item.line for item in self.outline.items}
        # By line, not number: minutes may number their items twice (a pasted report's
        # *2. Deltagare*, then the meeting's own *2. Läkarmedverkan*).
        starts = sorted(item.line for item in self.outline.items)
        ends = dict(zip(starts, [*starts[1:], len(self.lines) + 1], strict=False))
        self.attendance_lines = {
            number
            for item in self.outline.items
            if heading_key(item.title) in ATTENDANCE_ITEM_TITLES
            for number in range(item.line, ends[item.line])
        }
        self.item_at: dict[int, str] = {}
        for unit in self.outline.units:
            if unit.item is not None and unit.segment is SegmentKind.ITEM:
                for number in range(unit.block.line, unit.block.end_line):
                    self.item_at[number] = unit.item

    def close(self) -> Iterator[Found]:
        if self.open is not None:
            yield from self.open.close()
        for _, opened in self.columns:
            if opened is not self.open:
                yield from opened.close()
        self.open = None
        self.columns = []

    def read(self) -> Iterator[Found]:
        in_fence = False
        for index, raw in enumerate(self.lines):
            number = index + 1
            if number in self.noise:
                continue
            if number in self.rest:
                if self.rest[number] and self.open is not None:
                    yield from self._continuation(self.rest[number], number)
                continue
            if _FENCE.match(raw):
                in_fence = not in_fence
                continue
            if "\t" in raw:
                raw = tabs_as_typed(raw)
            if raw[:1] in "*†‡★☆✎◎" and legend(raw) is not None:
                continue  # ``★ = mötesordförande`` between the label and its list
            if not raw.strip() or _SETEXT.match(raw) or _TABLE_RULE.match(raw):
                if self.open is not None:
                    self.open.blank = True
                for _, opened in self.columns:
                    opened.blank = True
                continue
            yield from self._line(raw, number, in_fence)
        yield from self.close()

    def _line(self, raw: str, number: int, in_fence: bool) -> Iterator[Found]:
        front = number < self.first_item
        if number in self.item_lines and number not in self.heading_lines:
            # ``1. Inledning`` below the list: an agenda item begins, not one more name.
            yield from self.close()
        if number in self.heading_lines and match_metadata(raw, loose=True) is None:
            yield from self.close()
            self._attendance_item_heading(number)
            return
        below = self.lines[number] if number < len(self.lines) else ""
        if "|" in raw and not in_fence:
            officers = yield from officer_table_row(self.officer_columns, raw, number, below)
            if officers:
                return
        if not in_fence and "|" in raw and (self.open is None or self.open.columns is None):
            pair = [c for c in row_cells(raw) if c]
            field_name = cell_field(pair[0]) if len(pair) == 2 else None
            if _TABLE_RULE.match(below) and not (
                # ``| Beslutande | Anna Berg (S), ordförande; Lisa Holm (M) |`` above the
                # rule: a converter made the first row of labels the header.
                field_name is not None and looks_like_people(pair[1], strong=True)
            ):
                field_name = None  # a header row, not a label and its value
            if field_name in PERSON_FIELDS or (front and field_name not in (None, "ignored")):
                # ``| Mötesordförande | Selma Virtanen |``: a table of labels and values.
                assert field_name is not None
                yield from self._labels(
                    [LineLabel(field_name, Label(pair[0], pair[1], 0), 0)], number
                )
                return
            if field_name == "ignored" and self.open is not None:
                yield from self.close()  # ``| Underskrifter | …`` after ``| Beslutande | …``
                return
        if not in_fence and self._table_header(raw, number):
            return
        if self.open is not None and self.open.blank and other_table(raw, below):
            yield from self.close()  # a table of something else after the list and a blank
        if self.open is not None and self.open.columns is not None and "|" in raw:
            # A row of an attendance table, whatever words its cells hold (*ledamot*).
            yield from self._continuation(raw, number, in_fence)
            return
        if len(raw) > FLATTENED_LENGTH and not in_fence:
            page, following = flattened_page(raw, number, self.lines, self.noise)
            if page:
                self.rest.update(dict.fromkeys(range(number + 1, number + 1 + following), ""))
                yield from self.close()
                yield from page
                return
        # Inside the items only people labels count, and most lines are prose.
        first = raw.lstrip()[:1].casefold()
        unattached = attachment_prefix().sub("", raw) if first in _ATTACHMENT_INITIALS else raw
        look = not in_fence and (front or may_name_people(unattached))
        labels = labels_on(unattached) if look else []
        if not labels and look and number < len(self.lines):
            wrapped = wrapped_label(raw, self.lines[number])
            if wrapped is not None:
                labels = [wrapped[0]]
                self.rest[number + 1] = wrapped[1]
        labels = [
            f
            for f in labels
            if (front or self._may_stand_here(f, number)) and not wraps_a_role(raw, f, self.open)
        ]
        entry = officer_entry(self.open, labels, raw, number)
        if entry is not None:
            yield from entry[0]
            yield from self._continuation(entry[1], number)
            return
        if labels:
            yield from self._labels(labels, number)
            return
        prose = list(prose_attendance(self.lines, raw, number))
        if prose and self.open is not None and self.open.blank:
            yield from self.close()  # the list above ended at the blank line: its names first
        yield from prose
        if self.columns:
            yield from self._intable_columns(raw, number)
        elif self.open is not None:
            yield from self._continuation(raw, number, in_fence)

    def _may_stand_here(self, found: LineLabel, number: int) -> bool:
        """Inside the items: people labels, and the chair's or secretary's except in an item
        electing the organisation's board (*Val av styrelse*: *Ordförande: sbv*)."""
        if found.field not in ANYWHERE:
            return False
        if found.field not in PERSON_FIELDS or role_of(found.label.key) is None:
            return True  # ``Vid protokollet``: a signature's label, never a board's office
        title = self.item_titles.get(self.item_at.get(number, ""), "")
        return not any(word in title.split() or f"{word}en" in title for word in BOARD_ITEM_WORDS)

    def _labels(self, labels: list[LineLabel], number: int) -> Iterator[Found]:
        table = self.open if self.open is not None and self.open.columns is not None else None
        if table is not None and table.offsets is not None and table.blank:
            table = None  # a table aligned with spaces ended at the blank line
        sub_header = len(labels) == 1 and not labels[0].label.value
        if table is not None and sub_header and labels[0].field in PEOPLE_FIELDS:
            # ``Suppleanter`` inside an attendance table: the next group of its rows.
            table.field = labels[0].field
            table.role = LIST_ROLES.get(normalise_key(labels[0].label.key))
            return
        yield from self.close()
        waiting: list[tuple[int, OpenLabel]] = []
        above = self.lines[number - 2].strip() if number >= 2 else ""
        for line_label in labels:
            field_name, label = line_label.field, line_label.label
            if field_name == "ignored":
                continue
            if (
                above
                and " " not in above
                and line_label.column == 0
                and metadata_field(f"{above} {label.key}") == "ignored"
            ):
                # ``Justeringens`` / ``plats och tid   Kommunhuset 2025-03-18``: the label
                # wrapped before its value; the whole of it is the one that counts.
                continue
            role = LIST_ROLES.get(normalise_key(label.key))
            value = _LEADERS.sub(" ", label.value).strip()
            if field_name in PERSON_FIELDS and ". " in value:
                # ``Nora (enligt schemat). Anteckningarna …``: the name, not what follows.
                value = _SENTENCE_BREAK.split(value, maxsplit=1)[0]
            if only_column_headers(value) or (value.startswith("(") and "=" in value):
                value = ""  # a grid's column (:mod:`.presence_grid`) or legend: ``(x = ja)``
            function = names_a_function(value)
            # ``Tallmo kommun (Eva Berg)``, ``Bäckviks kommun genom Helena Vik``
            function = function or names_people_inside(value) or carries_a_name(value)
            if (
                field_name in PERSON_FIELDS
                and value
                # ``Ordförande/sekreterare: Anna Berg/Per Ek``: the slash pairs the names.
                and not looks_like_people(value.replace("/", ", ") if "/" in label.key else value)
                and not (
                    function  # ``Ordförande: verksamhetschef primärvården Tallmo``
                )
            ):
                # ``Sekreterare …… §§ 88–97`` (or ``… Paragrafer 1–5``) with the name below;
                # ``Ordförande: har haft möte med …`` is the chair's report, not a name.
                if value[:1] == "§" or is_note(value) or metadata_field(value.split()[0]):
                    value = ""
                else:
                    continue
            if field_name in PEOPLE_FIELDS:
                mode = COMMA if value else LIST
            elif field_name in PERSON_FIELDS:
                mode = PERSON
            else:
                mode = SINGLE
            opened = OpenLabel(field_name, role, number, mode)
            if field_name in PEOPLE_FIELDS:
                opened.organisation = label_organisation(label.key)
            if value and mode == COMMA:
                if self.open is not None:
                    # ``Med idag: Jonna, Malte. Borta: Peo``: the list before ends here.
                    yield from self.open.close()
                opened.buffer = (value, number)
                before = self.lines[number - 1][: label.value_offset]
                if "  " in before or "\t" in before:
                    opened.value_column = label.value_offset
                self.open = opened
            elif value:
                for office, part in officer_values(label.key, value, opened.field):
                    # ``Sammankallande och vid tangentbordet: Lena Holm``: both offices.
                    yield opened.found(part, number, field_=office)
            else:
                self.open = opened
                waiting.append((line_label.column, opened))
        named = names_above(self.lines, waiting, number) if waiting else []
        if named:
            # ``Rune Lindahl      Gun Holmgren`` / ``mötesordförande   sekreterare``: the
            # names signed above their roles.
            self.open = None
            yield from named
        elif len(waiting) > 1:
            self.columns = waiting

    def _intable_columns(self, raw: str, number: int) -> Iterator[Found]:
        """Names written below labels side by side, each under its own label's column:
        ``Vid protokollet        Justeras`` / ``Emma Lindroos          Göran Ahlberg``."""
        if SIGNATURE_RULE.match(raw):
            return  # ``______     ______``: the lines to sign on, the names come below
        placed = False
        for cell in cells(plain(raw)):
            owner = max(
                (entry for entry in self.columns if entry[0] <= cell.start + 3),
                key=lambda entry: entry[0],
                default=None,
            )
            if owner is None or not looks_like_people(_LEADERS.sub("", cell.text).strip()):
                continue
            placed = True
            opened = owner[1]
            name = _LEADERS.sub("", cell.text).strip()
            yield opened.found(name, number, entry=opened.mode != PERSON)
        if not placed:
            yield from self.close()

    def _attendance_item_heading(self, number: int) -> None:
        # An item *Fastställande av röstlängd* lists those present below its heading.
        if number in self.attendance_lines or number + 1 in self.attendance_lines:
            self.open = OpenLabel("attendees", None, number, LIST, quiet=True)

    def _continuation(self, raw: str, number: int, in_fence: bool = False) -> Iterator[Found]:
        opened = self.open
        assert opened is not None
        if opened.offsets is not None and opened.blank:
            yield from self.close()  # a table aligned with spaces ends at a blank line
            return
        if (
            opened.columns is not None
            and opened.blank
            and "|" not in raw
            and "\t" not in raw
            and len(raw.split()) > 4
            and not BULLET_LINE.match(raw)
            and (opened.grid is None or not looks_like_people(raw.strip()))
        ):
            yield from self.close()  # prose after a table and a blank line: no more rows
            return
        text = plain(raw).strip()
        row = opened.mode in (LIST, COMMA) and "  " in text and one_person_row(text)
        text = row or text
        if opened.mode in (LIST, PERSON) and SIGNATURE_RULE.match(raw):
            return  # ``Justeras:`` / ``________`` / ``Anna Berg, ordförande``
        if (
            opened.blank
            and raw.lstrip()[:1].isdigit()
            and BULLET_LINE.match(raw)
            and not looks_like_people(text, strong=True)
        ):
            # ``1. Inledning`` after a blank line: the agenda begins, not a name.
            yield from self.close()
            return
        if (
            opened.mode == LIST
            # ``Region Mellanlanda:``, ``Revisionskontoret`` over its people (indented)
            and (
                text.endswith(":")
                or (" " not in text and definite_body(text))
                or heads_indented(raw, number, self.lines)
            )
            and len(text.split()) <= 4
            and not any(c.isdigit() for c in text)
            and names_organisation(text.rstrip(":"))
            and not BULLET_LINE.match(raw)
        ):
            # ``Region Mellanlanda:`` over its people's bullets: whom they came from.
            opened.organisation, opened.blank = text.rstrip(":").strip(), False
            opened.values += 1
            return
        added = text.removeprefix("\\")
        if opened.mode == LIST and added.startswith("+ ") and looks_like_people(added[2:]):
            raw = text = added[2:]  # ``\+ Lars Åkerman (inget konto)``: one more, by hand
        if opened.mode == LIST and (bare := without_dwelling(text)) is not text:
            raw = text = bare
        if opened.mode == LIST and _NUMBERED_COLUMN.search(text):
            # A numbered röstlängd in two columns: ``1. Ingrid Wallin     8. Harald Nyman``
            # (the first number is gone with the list marker).
            text = _NUMBERED_COLUMN.sub("   ", text)
            raw = f"- {text}"
        if opened.mode == LIST and text[:1] and not text[:1].isalnum():
            present, rest = presence_mark(text)
            if present is False:
                # ``❌ Oliver Bäck (sjuk)`` in the list of those invited: away.
                opened.blank = False
                opened.values += 1
                yield Found("absent", rest, number, entry=True)
                return
            if present and rest:
                # A marked line names someone, however they are described.
                opened.blank = False
                yield opened.found(rest, number, entry=True)
                return
        if (
            (opened.quiet or (opened.mode == LIST and len(text.split()) > 3))
            and (not opened.values or opened.quiet)
            and text.endswith(":")
        ):
            # *Röstlängden justerades till 17 ledamöter:*, *Reagera med 👋 om du var med:*
            # lead in the list; *Följande närvarade utan rösträtt:* its next part.
            opened.blank = False
            return
        if opened.mode in (LIST, COMMA) and (
            "|" in raw or "\t" in raw.strip() or opened.columns is not None
        ):
            rows = list(table_row(opened, raw, number, initials_first=self.initials_first))
            if rows or opened.columns is not None:
                yield from rows
                return
        grouped = ORGANISATION_GROUP.match(text.replace("*", "")) if ":" in text else None
        office = grouped and office_of(grouped["group"])
        if opened.mode == LIST and grouped and office and looks_like_people(grouped["people"]):
            # ``Projektägare, styrgruppens ordförande: kanslichef Göran Vestin``: the office
            # the person holds, not an organisation.
            opened.blank = False
            yield replace(opened.found(f"{grouped['people']}, {office}", number), entry=True)
            return
        if (
            opened.mode == LIST
            and grouped is not None
            and "," in grouped["group"]
            and names_organisation(grouped["group"].split(",")[0])
        ):
            # ``Region Mellanlanda, primärvården: Maria Jovanović, verksamhetschef``: an
            # organisation and its unit, then its people (read as a list it would seem to
            # start with a name).
            opened.blank = False
            people = grouped["people"].strip()
            if people and not is_nobody(people) and looks_like_people(people):
                # ``Norrvika kommun: Åsa Westin (S), vice ordförande – förhinder``: one
                # person, described after the comma, read as one entry with its note.
                after = people.split(",")[1:]
                one = len(after) == 1 and after[0].strip()[:1].islower()
                found = opened.found(people, number, entry=one)
                yield replace(found, organisation=grouped["group"].strip())
            return
        if opened.mode == COMMA and opened.buffer is not None:
            buffered, first = opened.buffer
            column = opened.value_column
            if column and raw[:column].strip() and raw[column - 2 : column] == "  ":
                # ``Närvarande      Lars-Göran Bly`` / ``revisorer       Elsa Norberg``: the
                # label wraps in its own column; the value column goes on.
                raw = " " * column + raw[column:]
                text = plain(raw).strip()
            if (
                not opened.blank
                and not ends_sentence(buffered)
                and not BULLET_LINE.match(raw)  # the next bullet of a list of roles
                and (looks_like_people(text) or text[:1].islower() or text[:1] == "(")
            ):
                indent = len(raw) - len(raw.lstrip(" "))
                aligned = column is not None and abs(indent - column) <= 1
                joined = join_wrapped(buffered, text, aligned)
                if (aligned and not joined.startswith(f"{buffered} ")) or row:
                    # The next row under the value column: the one before is complete.
                    opened.rows = True
                    yield from opened.close()
                    opened.buffer = (text, number)
                    opened.buffer_end = number
                    return
                opened.buffer = (joined, first)
                opened.buffer_end = number
                return
        elif opened.mode in (LIST, COMMA) and (
            looks_like_people(
                # After a blank line a paragraph of prose may begin; a bullet (``- Vera``)
                # or a line of a code block (a röstlängd of nicknames) is still an entry.
                text,
                strong=opened.blank and not in_fence and not BULLET_LINE.match(raw),
            )
            or (
                # ``- Tallmo kommun``, ``- Norrvika kommun (Eva Gren, Hussein Ali)`` under
                # *Deltagare:*: an organisation that came, with or without its people.
                not opened.quiet
                and BULLET_LINE.match(raw) is not None
                and (names_people_inside(text) or ORGANISATION_ENTRY.match(text) is not None)
            )
        ):
            opened.blank = False
            yield from list_entries(opened, text, number)
            return
        elif (
            opened.mode == LIST
            and (grouped := ORGANISATION_GROUP.match(text.replace("*", ""))) is not None
        ):
            # ``Tallmo kommun: Per Holmgren (KSO), Lise-Lott Ek`` under *Närvarande*: the
            # people one organisation sent (``Lindvik kommun: ej representerad``, nobody).
            opened.blank = False
            people = group_wrapped(grouped["people"].strip(), number, self.lines, self.rest)
            if people and not is_nobody(people) and looks_like_people(people):
                # ``Norrvika kommun: Åsa Westin (S), vice ordförande – förhinder``: one
                # person, described after the comma, read as one entry with its note.
                after = people.split(",")[1:]
                one = len(after) == 1 and after[0].strip()[:1].islower()
                found = opened.found(people, number, entry=one)
                yield replace(found, organisation=grouped["group"].strip())
            else:
                opened.values += 1
            return
        elif opened.mode in (LIST, COMMA) and not opened.blank and ". " in text:
            # ``… Ulla-Britt Sjöö. Dessutom körledaren Sara Fogelberg.``: the list ends in
            # the middle of the line and a sentence follows.
            head = text.split(". ", 1)[0]
            if looks_like_people(head):
                yield from list_entries(opened, head, number)
        elif opened.mode == PERSON:
            name = ocr_repaired(_LEADERS.sub("", text).strip())  # ``lda Berglund``
            if looks_like_people(name):
                yield opened.found(name, number)
                self.open = None
                return
        elif opened.mode == SINGLE:
            yield opened.found(text, number)
            self.open = None
            return
        yield from self.close()

    def _table_header(self, raw: str, number: int) -> bool:
        """A header row of an attendance table without a label above it (``Ledamöter
        Närvarande``, ``| Namn | Parti | Närvaro |``): a table of people follows."""
        header = table_header(raw)
        if header is None:
            return False
        if self.open is None or self.open.mode != LIST or self.open.values:
            self.close_quietly()
        self.open = header_opens(self.open, header, raw, number)
        self.initials_first = header.initials_first
        return True

    def close_quietly(self) -> None:
        """Drop the open label without reporting it (a table takes its place)."""
        self.open = None
        self.columns = []


def read_labels(outline: Outline, lines: list[str], noise: frozenset[int]) -> Iterator[Found]:
    """Every metadata value the text gives, in line order (two lists side by side read one
    column at a time, :mod:`.columns`)."""
    return in_columns(lambda text: _Reader(outline, text, noise).read(), lines, noise)
