"""What the attendance reader finds, and how it tells a line of people from prose.

:mod:`.attendance` walks the lines; this module holds what it yields (:class:`Found`)
and the tests it asks of a line: does it list people, is it one person with what
describes them, does it say *nobody*.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..vocabulary import (
    ABSENT_MARKS,
    GENITIVE_ENDINGS,
    LIST_JOINERS,
    NAME_PARTICLES,
    NOBODY_VALUES,
    OFFICER_VALUE_CARRIERS,
    PRESENT_MARKS,
    ROLE_QUALIFIERS,
    ROLES,
)
from .label_cells import LineLabel, cells
from .people import (
    is_role_word,
    names_organisation,
    names_people_inside,
    without_title,
)
from .person_notes import note_start
from .text import alternation

PEOPLE_FIELDS = ("attendees", "guests", "absent", "adjusters", "invited")
PERSON_FIELDS = ("chair", "secretary")
ANYWHERE = (*PEOPLE_FIELDS, *PERSON_FIELDS)


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
    organisation: str | None = None
    """The organisation a line names for everyone on it (``Tallmo kommun: Per Holm (KSO)``)."""
    empty: bool = False
    """A people label with nobody found under it (``value`` is empty)."""
    last_line: int = 0
    """The last line the value was read from (a list wrapped over lines)."""


ORGANISATION_ENTRY = re.compile(r"^[A-ZÅÄÖ][\w&-]*(?:\s[\wåäö&,-]+){0,5}$")
BULLET_LINE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÉÜ][\w'’.\ufffd-]*|@[\w.-]+)$")
_NICKNAME = re.compile(r"^@?[a-zåäö][\wåäö.-]{0,19}$")


_STRUCK = re.compile(r"~~[^~]*~~")
_MARKS = "*†‡★☆✎◎"
_MARKS_OFF = str.maketrans("", "", _MARKS)
_LEGEND_ENTRY = re.compile(
    rf"(?P<mark>[{re.escape(_MARKS)}])\s*(?:=\s*)?(?P<role>[a-zåäö][a-zåäö.]+(?: [a-zåäö.]+)?)"
)
_LEGEND_SEPARATOR = re.compile(r"\s{2,}|\s*[,;]\s*")


def legend(line: str) -> dict[str, str] | None:
    """``* mötesordförande`` below a list, ``★ = mötesordförande  ✎ = sekreterare`` above
    it: what each mark after or before a name means (mark → role as written), or None
    when the line is anything else."""
    text = line.strip()
    if not text or text[0] not in _MARKS or len(text) > 120:
        return None
    found: dict[str, str] = {}
    for part in _LEGEND_SEPARATOR.split(text):
        entry = _LEGEND_ENTRY.fullmatch(part)
        if entry is None or entry["role"].strip().casefold() not in ROLES:
            return None  # ``* kalle``: a bullet and a name, no legend
        found[entry["mark"]] = entry["role"].strip()
    return found


_QUOTED_NICKNAME = re.compile(r"(?<=\w)\s+[\"“”'‘’][\w.@-]{1,20}[\"“”'‘’](?=\s+\w)")
_NAME_END = re.compile(r"[,(;–—<‹\[]|\s--?\s|\s§|\s\S+@\S")


def _name_part(text: str) -> str:
    """The part of a people entry that is the name: before a comma, a parenthesis, a
    dash or a note."""
    # ``Lena Holm <lena.holm@mffd.se>``, ``Kim Sandell -- via Zoom``: an address or a
    # note after the name.
    text = text.translate(_MARKS_OFF)  # ``Anna Ek* (S)``: a mark a legend explains
    if '"' in text or "”" in text or "'" in text or "’" in text:
        text = _QUOTED_NICKNAME.sub("", text)
    head = _NAME_END.split(text, maxsplit=1)[0].strip()
    note = note_start().search(head)
    # ``Ingrid Malmberg tjg för Stefan Rask``: the note after the name is no part of it.
    return head[: note.start()].strip() if note and note.start() > 0 else head


@cache
def _carrier() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(OFFICER_VALUE_CARRIERS)})\s+[A-ZÅÄÖ][\w'-]+\s+[A-ZÅÄÖ]")


def carries_a_name(value: str) -> bool:
    """``Bäckviks kommun genom Helena Vik``: an organisation holds the office through a
    person, named after *genom* or *av* (the metadata reader takes the name from there)."""
    return _carrier().search(value) is not None


def names_a_function(value: str) -> bool:
    """An officer's label holding a function, not a name (``Ordförande: verksamhetschef
    primärvården Tallmo``, ``Mötesledare: Beställarens byggledare``): the one the list of
    those present gives it holds the office (the metadata's function rule)."""
    words = value.split()
    if not words:
        return False
    if value[:1].islower():
        return is_role_word(words[0])
    return (
        len(words) == 2
        and words[0][1:].islower()
        and words[0].casefold().endswith(GENITIVE_ENDINGS)
        and is_role_word(words[1])
    )


def looks_like_people(text: str, *, strong: bool = False) -> bool:
    """Whether a line lists people (or organisations): each name capitalised (particles
    aside), or a lower-case nickname; ``strong`` asks for a full name, as after a
    blank line under a label, where a paragraph of prose may begin."""
    if "~~" in text:
        text = _STRUCK.sub(" ", text)  # ``~~Arvid~~ Nour``: the struck name did not come
    text = without_title(text.strip().rstrip("."))
    if not text or len(text) > 400 or text.endswith(":"):
        return False
    names = [n for n in _list_split().split(text) if n.strip()]
    first = _name_part(names[0]) if names else ""
    words = first.split()
    if not words or len(words) > 6:
        return False
    capitalised = all(_NAME_WORD.match(w) or w.casefold() in NAME_PARTICLES for w in words)
    if capitalised:
        return not strong or len(words) >= 2 or len(names) >= 2
    if (
        len(words) >= 3
        and words[-1].casefold() in ROLES
        and all(_NAME_WORD.match(w) for w in words[:-1])
    ):
        return True  # ``Ingrid Falkenberg ordförande``: a role column run into the name
    rest = words
    while len(rest) > 2 and (
        is_role_word(rest[0])
        or rest[0].casefold().endswith(GENITIVE_ENDINGS)
        or rest[0].casefold() in ROLE_QUALIFIERS
    ):
        rest = rest[1:]  # ``Revisorernas ordförande Bengt Alm``: who they are, then the name
    if rest is not words and all(_NAME_WORD.match(w) for w in rest):
        return True
    return not strong and len(words) == 1 and bool(_NICKNAME.match(words[0]))


@cache
def _list_split() -> re.Pattern[str]:
    return re.compile(rf",|;|[→·•]|\s(?:{alternation(LIST_JOINERS)})\s", re.IGNORECASE)


_HANDLE_ONLY = re.compile(r"^@[\w.-]+$")


def one_person(text: str) -> bool:
    """``Gunilla Brandt, Tallmo, ordförande``: one person with what describes them, not a
    list (no later part is a full name of its own)."""
    parts = [p.strip() for p in text.split(",")[1:]]
    return not any(
        (len(p.split()) >= 2 and looks_like_people(p, strong=True) and not names_organisation(p))
        or _HANDLE_ONLY.match(p)  # ``@miro, @linnea.k``: handles side by side
        for p in parts
    )


INITIALS_CELL = re.compile(r"^[A-ZÅÄÖ]{2,4}$")


def is_nobody(value: str) -> bool:
    """``–``, ``Inga``, ``ingen – meddelat förhinder``: nobody is named."""
    first = re.split(r"\s[–—-]\s|,|\(", value, maxsplit=1)[0]
    word = value.split()[0].casefold() if value.split() else ""
    return (
        value.strip(" .").casefold() in NOBODY_VALUES
        or (first != value and first.strip(" .").casefold() in NOBODY_VALUES)
        # ``ingen representant denna gång``
        or (word.isalpha() and word in NOBODY_VALUES and len(value.split()) <= 5)
    )


def presence_mark(text: str) -> tuple[bool | None, str]:
    """``✅ Amira Khalil`` → (True, the name); ``❌ Oliver Bäck`` → (False, the name); a line
    with no mark → (None, the line)."""
    stripped = text.lstrip("-*+• ")
    for marks, present in ((PRESENT_MARKS, True), (ABSENT_MARKS, False)):
        for mark in marks:
            if stripped.startswith(mark):
                return present, stripped[len(mark) :].lstrip("\ufe0f ").strip()
    return None, text


LIST = "list"
"""One person a line below a label with no value, or a heading."""
COMMA = "comma"
"""A comma list after the label, perhaps wrapped over the next lines."""
PERSON = "person"
"""One name below a label (``Vid protokollet`` / blank / ``Barbro Lindell``)."""
SINGLE = "single"
"""One value below a label (``Plats:`` / ``Kvarnstugan``)."""


@dataclass
class OpenLabel:
    """A label whose values continue on the lines below it."""

    field: str
    role: str | None
    line: int
    mode: str
    quiet: bool = False
    """Opened by an item's title, not a label: nobody under it is no mistake."""
    blank: bool = False
    """A blank line has come since the last value."""
    buffer: tuple[str, int] | None = None
    """A comma list being gathered, with its first line."""
    buffer_end: int = 0
    value_column: int | None = None
    """Where the value starts when the label stands in a column of its own (``Närvarande
    Ingela Marklund, Granåker``): lines indented to it are one entry each."""
    rows: bool = False
    """Lines under the value column came: the buffer holds one row, not a wrapped list."""
    """The last line gathered into ``buffer``."""
    values: int = 0
    columns: dict[str, int] | None = None
    """An attendance table's columns (``name``, ``presence``, ``party``, ``organisation``)."""
    organisation: str | None = None
    """The organisation the label names for everyone under it (``Närvarande från Tallmo
    kommun:``)."""
    offsets: list[int] | None = None
    """Where the header's cells start in a table aligned with spaces: each row is cut there."""
    grid: list[int] | None = None
    """Where the header's cells start in a table aligned with spaces whose name column has
    no header (``                Närv.   Tjg för``): a row's cells are placed by offset."""

    def found(
        self, value: str, line: int, *, entry: bool = False, field_: str = "", last: int = 0
    ) -> Found:
        self.values += 1
        return Found(
            field_ or self.field,
            value,
            line,
            entry=entry,
            role=self.role,
            organisation=self.organisation,
            last_line=last or line,
        )

    def close(self) -> Iterator[Found]:
        """What is left when the label ends: a gathered list, or that it was empty."""
        if self.buffer is not None:
            text, line = self.buffer
            self.buffer = None
            if not is_nobody(text):
                row = self.rows and one_person(text)
                yield self.found(text, line, entry=row, last=max(line, self.buffer_end))
                return
            self.values += 1
        if self.values == 0 and self.field in PEOPLE_FIELDS and not self.quiet:
            yield Found(self.field, "", self.line, empty=True)


_DOTS_BETWEEN = re.compile(r"\s+[•·]\s+")
_HANDLES_ONLY = re.compile(r"@[\w.-]+(?:\s+@[\w.-]+)+")


def list_entries(opened: OpenLabel, text: str, number: int) -> Iterator[Found]:
    """One line of a list: a person (with what describes them), names side by side in
    columns (``Sten-Åke Hedman      Gunnel Frisk``), or a comma list."""
    if is_nobody(text):
        opened.values += 1
        return
    if names_people_inside(text):
        yield opened.found(text, number, entry=True)
        return
    columns = [c.text for c in cells(text)]
    if len(columns) == 1 and _DOTS_BETWEEN.search(text):
        columns = [c for c in _DOTS_BETWEEN.split(text) if c.strip()]  # ``A • B • C``
    elif len(columns) == 1 and _HANDLES_ONLY.fullmatch(text.strip()):
        columns = text.split()  # ``@kalle @stina @pek``: handles side by side
    if len(columns) > 1 and INITIALS_CELL.match(columns[0]) and looks_like_people(columns[1]):
        # ``RB   Roland Bergh, Tallmo kommun``: the initials the minutes use for them.
        rest = "  ".join(columns[1:])
        yield opened.found(f"{rest} ‹{columns[0]}›", number, entry=True)
    elif len(columns) > 1 and all(len(c) > 1 and looks_like_people(c) for c in columns):
        for column in columns:
            yield opened.found(column, number, entry=True)
    elif one_person(text):
        yield opened.found(text, number, entry=True)
    else:
        yield opened.found(text, number)


def officer_entry(
    opened: OpenLabel | None, labels: list[LineLabel], raw: str, number: int
) -> tuple[list[Found], str] | None:
    """``• Moderator: Jeanette Lövdahl, MAS`` among the bullets under ``Deltagare``: the
    officer it names, and the entry for the list of people, which goes on below; None when
    ``raw`` is no bullet of an open list of people that names an officer."""
    if (
        not labels
        or opened is None
        or opened.mode != LIST
        or opened.field not in PEOPLE_FIELDS
        or opened.columns is not None
        or opened.blank
    ):
        return None
    bullet = BULLET_LINE.match(raw)
    if bullet is None or not all(
        found.field in PERSON_FIELDS and looks_like_people(found.label.value) for found in labels
    ):
        return None
    officers = [
        OpenLabel(found.field, None, number, PERSON).found(found.label.value, number)
        for found in labels
    ]
    return officers, bullet.group(0) + labels[0].label.value
