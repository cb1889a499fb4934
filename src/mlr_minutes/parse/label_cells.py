"""Where the labels of one line are: a PDF's rows hold several, side by side or run
together, and a label too long for its column wraps onto the next line.

::

    Underskrifter   Sekreterare   ..........   Paragrafer §§ 112–121
    Vid protokollet                    Justeras            (two columns, names below)
    Ej tjänstgörande   Elin Dahlberg (S)                   (wrapped label)
    ersättare          Rune Isaksson (M)
    Facilitator: @mikaelaf · Anteckningar: @sofie-dev      (run together)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..vocabulary import (
    CHAIR_ROLE,
    LIST_JOINERS,
    METADATA_KEYS,
    OFFICER_TIME_QUALIFIERS,
    ROLE_QUALIFIERS,
    SECRETARY_COLON_KEYS,
    SECRETARY_ROLE,
)
from .labels import Label, another_meetings, match_metadata, metadata_field
from .people import FULL_NAME, is_role_word, names_organisation
from .text import alternation

_CELL = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\t|$)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BOLD = re.compile(r"(\*\*|__)(?P<text>[^*_\s](?:[^*_]*[^*_\s])?)\1")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?:[^()\s]|\([^()\s]*\))+\)")
"""``[Jessica Norberg](https://wiki…/display/~jnorberg)``: a wiki's or a CMS's link to
a person's profile is that person's name."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A stretch of a line between runs of two or more spaces (a PDF's column)."""

    text: str
    start: int
    """Its offset in the line, to tell which column a name below stands in."""


@lru_cache(maxsize=8192)
def plain(line: str) -> str:
    """A line without its heading marks, bullet, bold markers, links and hard break."""
    text = _HEADING.sub("", line)
    text = _BULLET.sub("", text)
    text = _BOLD.sub(r"\g<text>", text)
    if "](" in text:
        text = _LINK.sub(r"\g<text>", text)
    return re.sub(r"(?:\\|\s{2,})$", "", text.rstrip())


def cells(line: str) -> list[Cell]:
    """The columns of a line, with their offsets."""
    return [Cell(m.group(), m.start()) for m in _CELL.finditer(line.replace("\t", "  "))]


@dataclass(frozen=True, slots=True)
class LineLabel:
    """A label found on a line, with its column."""

    field: str
    label: Label
    column: int


def could_hold_label(line: str) -> bool:
    """A cheap first look: a label needs a colon, a tab, a run of spaces, or a short line
    (a label alone)."""
    stripped = line.strip()
    return ":" in stripped or "\t" in stripped or "  " in stripped or len(stripped) <= 60


def labels_on(line: str) -> list[LineLabel]:
    """The labels of ``line``, left to right."""
    return list(_labels_on(line))


@lru_cache(maxsize=8192)
def _labels_on(line: str) -> tuple[LineLabel, ...]:
    # The reader asks again for a line it looks ahead to, and each column of side-by-side
    # lists is read as a text of its own: the answer is worked out once a line.
    return tuple(_find_labels(line)) if could_hold_label(line) else ()


def _find_labels(line: str) -> list[LineLabel]:
    text = plain(line)
    offices = _indented_offices(text) if text[:1] == " " else []
    if offices:
        return offices
    found = match_metadata(text, loose=True)
    inline = _run_together(text)
    if len(inline) > 1 or (inline and (found is None or inline[0].column > 0)):
        return inline
    if found is None:
        return []
    columns = cells(text)
    if len(columns) <= 1:
        return [LineLabel(found[0], found[1], 0)]
    if len(columns) == 2 and metadata_field(columns[1].text) is None:
        office = _signing_office(columns[1].text) if found[0] in _SIGNERS else None
        if office is not None:
            # ``Vid protokollet      Landskapsordförande``: two offices signing side by
            # side, the second one named after its body; the names are on the next line.
            return [
                LineLabel(found[0], Label(found[1].key, "", 0), 0),
                LineLabel(office, Label(columns[1].text, "", 0), columns[1].start),
            ]
        return [LineLabel(found[0], found[1], 0)]
    return _walk_cells(columns) or [LineLabel(found[0], found[1], 0)]


_SIGNERS = frozenset(("chair", "secretary", "adjusters"))


def _indented_offices(text: str) -> list[LineLabel]:
    """``  Ordförande            Sekreterare``: offices side by side over the names signed
    below them, indented as a PDF's text or a Pandoc table sets them; a line is read
    this way only when it holds nothing but such offices."""
    written = cells(text)
    columns = [Cell(_SIGNED_PARAGRAPHS.sub("", c.text), c.start) for c in written]
    if len(columns) < 2 or any(metadata_field(cell.text) not in _SIGNERS for cell in columns):
        return []
    found = [
        LineLabel(metadata_field(c.text) or "", Label(c.text, "", 0), c.start) for c in columns
    ]
    # ``Ordförande §§ 1-2   Ordförande §§ 3-9``: the chair who signs for most paragraphs
    # chaired the meeting; the other stood in for a part.
    most: dict[str, tuple[int, int]] = {}
    for index, (label, cell) in enumerate(zip(found, written, strict=True)):
        count = _paragraph_count(cell.text)
        if label.field not in most or count > most[label.field][0]:
            most[label.field] = (count, index)
    return [label for index, label in enumerate(found) if most[label.field][1] == index]


def _paragraph_count(text: str) -> int:
    signed = _SIGNED_PARAGRAPHS.search(text)
    if signed is None:
        return 0
    numbers = [int(n) for n in re.findall(r"\d+", signed.group())]
    return max(numbers) - min(numbers) + 1


_SIGNED_PARAGRAPHS = re.compile(r"\s+§§?\s*\d[\d\s,–-]*$")
"""``Ordförande §§ 3-9``: the paragraphs one of two chairs signs for."""


def _signing_office(text: str) -> str | None:
    """``Landskapsordförande``, ``Stämmosekreterare``: one word, an office of a body, in a
    column beside another officer's label."""
    word = text.strip()
    if " " in word or not word[:1].isupper():
        return None
    lowered = word.casefold()
    if lowered.endswith(CHAIR_ROLE) and lowered != CHAIR_ROLE:
        return "chair"
    if lowered.endswith(SECRETARY_ROLE) and lowered != SECRETARY_ROLE:
        return "secretary"
    return None


_LISTS_OF_PEOPLE = frozenset(("attendees", "guests", "absent", "adjusters"))


def _walk_cells(columns: list[Cell]) -> list[LineLabel]:
    result: list[LineLabel] = []
    for cell in columns:
        if result and _describes_the_person(result[-1], cell.text):
            # ``Närvarande   Ingrid Ståhl   Region Mellanlanda   ordförande``: a table's
            # row is one person, the cells after the name their organisation and role; a
            # label in such a row is capitalised, a role in lower case.
            last = result[-1]
            value = f"{last.label.value}, {cell.text}"
            label = Label(last.label.key, value, last.label.value_offset)
            result[-1] = LineLabel(last.field, label, last.column)
            continue
        field = metadata_field(cell.text)
        if field is not None:
            result.append(LineLabel(field, Label(cell.text, "", 0), cell.start))
            continue
        words = cell.text.split()
        head = metadata_field(words[0]) if words and len(words[0]) >= 4 else None
        if head is not None:
            label = Label(words[0], " ".join(words[1:]), 0)
            result.append(LineLabel(head, label, cell.start))
        elif result and not cell.text.strip(" ._…"):
            # ``Sekreterare  ......``: a line to sign on; the name is typed below it.
            last = result[-1]
            result[-1] = LineLabel(last.field, last.label, cell.start)
        elif result:
            last = result[-1]
            # ``Justeras   Lars-Göran Bly   Elsa Norberg``: names in columns stay apart.
            gap = "   " if last.field in _LISTS_OF_PEOPLE else " "
            value = f"{last.label.value}{gap}{cell.text}".strip()
            # Where the value starts, for the rows below it in the same column.
            offset = last.label.value_offset or (0 if last.label.value else cell.start)
            label = Label(last.label.key, value, offset)
            result[-1] = LineLabel(last.field, label, last.column)
    return result


def _describes_the_person(last: LineLabel, text: str) -> bool:
    """A cell after a name in a list's row that is the person's organisation or role."""
    if last.field not in _LISTS_OF_PEOPLE or not FULL_NAME.match(last.label.value.split(",")[0]):
        return False
    return _describes(text)


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")


def _describes(text: str) -> bool:
    if _names_role(text):
        return True  # ``Kårordförande 26/27``
    # Never a numbered cell (``8. Harald Nyman``, a second column of a röstlängd); a note
    # after it may hold numbers (``Trafikverket (punkt 5)``).
    core = _TRAILING_NOTE.sub("", text)
    return not any(c.isdigit() for c in core) and (core[:1].islower() or names_organisation(core))


def _names_role(text: str) -> bool:
    """``Sekreterare``, ``Vice talman``, ``Kårordförande 26/27``: a role, capitalised as a
    table's cell starts."""
    words = text.split()
    if words and words[0].casefold() in ROLE_QUALIFIERS:
        words = words[1:]
    return bool(words) and is_role_word(words[0])


def one_person_row(text: str) -> str | None:
    """``Peter Sundberg      Trafikverket Region Mellan      v. ordförande``, a row of a list
    laid out in columns, as one person (``Peter Sundberg, Trafikverket Region Mellan, v.
    ordförande``); a role written capitalised in its cell is the role all the same
    (``Carolina Dahl      Sekreterare``).  None for any other text."""
    row = cells(text)
    if len(row) < 2 or not FULL_NAME.match(row[0].text):
        return None
    if not all(_describes(cell.text) for cell in row[1:]):
        return None
    parts = [row[0].text]
    for cell in row[1:]:
        role = _names_role(cell.text)
        parts.append(cell.text[:1].lower() + cell.text[1:] if role else cell.text)
    return ", ".join(parts)


@cache
def _colon_key() -> re.Pattern[str]:
    keys = [k for name, ks in METADATA_KEYS.items() for k in ks if name != "ignored" and len(k) > 3]
    key = alternation([*keys, *SECRETARY_COLON_KEYS])
    return re.compile(
        # ``Värd och mötesledare:``: two offices joined, one person.
        rf"(?:^|(?<=\s)|(?<=·)|(?<=\|))(?P<key>(?:{key})(?:\s*(?:/|{alternation(LIST_JOINERS)})\s*(?:{key}))?"
        # ``Ordf. denna vecka:``: an office for this meeting only.
        rf"(?:\s+(?:{alternation(OFFICER_TIME_QUALIFIERS)}))?"
        # ``Skriver idag (rullande):``: an aside on how the office is held.
        r"(?:\s*\([^():]{1,30}\))?)"
        r"\s*:(?!//)\s*",
        re.IGNORECASE,
    )


def _run_together(text: str) -> list[LineLabel]:
    """Labels run together on one line (``Facilitator: @x · Anteckningar: @y``, or a
    flattened page ``… Plats och tid: Regionens hus … Beslutande: Bengt …``)."""
    if text.count(":") < 1:
        return []
    # A label is capitalised, or follows a separator (``Ordf: AB, sekr: @kim, just: tove``).
    matches = [
        m
        for m in _colon_key().finditer(text)
        if m["key"][:1].isupper() or text[: m.start()].rstrip().endswith((",", ";", "·", "|", "/"))
    ]
    if not matches:
        return []
    result: list[LineLabel] = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        if another_meetings(text[: match.start()]):
            break  # ``Ordförande nästa vecka: Bo. Antecknare: Alva.``: the next meeting's
        end = following.start() if following is not None else len(text)
        value = text[match.end() : end].strip(" ·|,;/")
        key = match["key"]
        field = metadata_field(key)
        if field is None and key.casefold() in SECRETARY_COLON_KEYS:
            field = "secretary"
        if field is not None:
            result.append(LineLabel(field, Label(key, value, match.end()), match.start()))
    return result


def wrapped_label(line: str, following: str) -> tuple[LineLabel, str] | None:
    """A label too long for its column, wrapped onto the next line (``Ej tjänstgörande
    Elin Dahlberg (S)`` / ``ersättare   Rune Isaksson (M)``): the label with the first
    line's value, and what the second line holds beside the label's end."""
    if "  " not in line.strip() and "\t" not in line:
        return None  # a wrapped label stands in a column, beside its value
    here = cells(plain(line))
    below = cells(plain(following)) if following.strip() else []
    if not here or not below or len(here[0].text) > 40:
        return None
    key = f"{here[0].text} {below[0].text}"
    field = metadata_field(key)
    if field is None:
        return None
    value = " ".join(c.text for c in here[1:])
    return LineLabel(field, Label(key, value, 0), 0), "  ".join(c.text for c in below[1:])
