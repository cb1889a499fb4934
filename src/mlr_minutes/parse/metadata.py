"""Meeting metadata from every place minutes put it, with a fixed precedence.

Front matter (YAML between ``---`` lines) wins over an HTML comment
(``<!-- .. date: 2023-02-23 -->``), which wins over labelled lines in the text
(``Mötesdatum<TAB>2016-04-19``, ``**Datum:** …``, a ``## Närvarande`` list), and
the file name's date is the last resort.  A disagreement between front matter
and text is reported, so that the coordinator can see which one is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..config import Config
from ..model import DateValue, Diagnostic, Level, Person, Precision, SegmentKind
from ..vocabulary import (
    ADJUSTER_ELECTION_TITLES,
    CHAIR_ELECTION_TITLES,
    DECIDING_SUBJECTS,
    METADATA_KEYS,
    SECRETARY_ELECTION_TITLES,
)
from .blocks import BlockKind
from .dates import parse_date, parse_time_span
from .labels import match_metadata, metadata_field
from .outline import Outline, Unit, heading_key
from .people import parse_people, parse_person

PEOPLE_FIELDS = ("attendees", "guests", "absent", "adjusters")
PERSON_FIELDS = ("chair", "secretary")


@dataclass(frozen=True, slots=True)
class Explicit:
    """Metadata written apart from the text (front matter or an HTML comment)."""

    values: dict[str, tuple[Any, int]]
    """Field → (raw value, line)."""
    origin: str
    """``front matter`` or ``kommentar``, for messages."""


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_COMMENT_LINE = re.compile(r"^\s*\.\.\s+(?P<key>[\w åäöÅÄÖ-]+?)\s*:\s*(?P<value>.*)$")


def _field_for(key: str) -> str | None:
    normalised = key.strip().casefold().replace("-", "_")
    if normalised in METADATA_KEYS or normalised in ("start", "end"):
        return normalised
    return metadata_field(key)


def split_front_matter(text: str, path: str) -> tuple[Explicit | None, str, list[Diagnostic]]:
    """YAML front matter, and the text with its lines blanked (line numbers stay right)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, []
    for end in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[end]):
            break
    else:
        return (
            None,
            text,
            [
                Diagnostic(
                    Level.ERROR,
                    path,
                    1,
                    "front-matter-unclosed",
                    "front matter inleds med --- men avslutas aldrig",
                    "avsluta metadata-blocket med en rad som bara innehåller ---",
                )
            ],
        )
    raw = "\n".join(lines[1:end])
    blanked = "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return (
            None,
            blanked,
            [
                Diagnostic(
                    Level.ERROR,
                    path,
                    line,
                    "front-matter-invalid",
                    f"front matter är inte giltig YAML: {getattr(error, 'problem', error)}",
                    "skriv varje rad som 'nyckel: värde'; citattecken runt värden med kolon",
                )
            ],
        )
    if not isinstance(data, dict):
        return (
            None,
            blanked,
            [
                Diagnostic(
                    Level.ERROR,
                    path,
                    2,
                    "front-matter-invalid",
                    "front matter ska vara rader med 'nyckel: värde'",
                )
            ],
        )
    values: dict[str, tuple[Any, int]] = {}
    problems: list[Diagnostic] = []
    for key, value in data.items():
        name = _field_for(str(key))
        line = next((n + 1 for n in range(1, end) if lines[n].lstrip().startswith(str(key))), 2)
        if name is None:
            problems.append(
                Diagnostic(
                    Level.WARNING,
                    path,
                    line,
                    "unknown-metadata-key",
                    f"okänd nyckel '{key}' i front matter ignoreras",
                    "kända nycklar: date, time, location, chair, secretary, attendees, guests, "
                    "absent, adjusters, body, organisation, document_type, title",
                )
            )
            continue
        values[name] = (value, line)
    return Explicit(values, "front matter"), blanked, problems


def split_comment_metadata(text: str) -> tuple[Explicit | None, str]:
    """``.. key: value`` lines inside an HTML comment, and the text with the comment blanked."""
    lines = text.split("\n")
    values: dict[str, tuple[Any, int]] = {}
    start: int | None = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if start is None and stripped.startswith("<!--"):
            start = number
        if start is not None:
            content = stripped.removeprefix("<!--").removesuffix("-->")
            match = _COMMENT_LINE.match(content)
            if match and (name := _field_for(match["key"])) is not None:
                values[name] = (match["value"].strip(), number + 1)
            if stripped.endswith("-->"):
                if values:
                    for blank in range(start, number + 1):
                        lines[blank] = ""
                    return Explicit(values, "kommentar"), "\n".join(lines)
                start = None
    return None, text


@dataclass
class Metadata:
    """Everything said about the meeting itself."""

    date: DateValue | None = None
    date_line: int | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    chair: Person | None = None
    secretary: Person | None = None
    attendees: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    adjusters: list[Person] = field(default_factory=list)
    body: str | None = None
    organisation: str | None = None
    document_type: str | None = None
    title: str | None = None
    lines: dict[str, int] = field(default_factory=dict)


def _text_labels(outline: Outline, source_lines: list[str]) -> Iterator[tuple[str, str, int, bool]]:
    """(field, value, line, is_list_entry) for every metadata line or list entry in the text."""
    for unit in outline.units:
        block = unit.block
        if unit.segment is SegmentKind.METADATA or _is_signature(unit, source_lines):
            if block.kind is BlockKind.PARAGRAPH:
                current: tuple[str, list[str], int] | None = None
                for number in range(block.line, block.end_line):
                    line = source_lines[number - 1] if number <= len(source_lines) else ""
                    if not line.strip():
                        continue
                    found = match_metadata(line)
                    if found:
                        if current:
                            yield current[0], " ".join(current[1]), current[2], False
                        current = (found[0], [found[1].value], number)
                    elif current:
                        current[1].append(line.strip())
                    elif unit.context and unit.context.startswith("metadata:"):
                        yield unit.context.split(":", 1)[1], line.strip(), number, False
                if current:
                    yield current[0], " ".join(current[1]), current[2], False
            elif block.kind is BlockKind.LIST_ITEM:
                found = match_metadata(source_lines[block.line - 1])
                if found:
                    yield found[0], found[1].value, block.line, False
                elif unit.context and unit.context.startswith("metadata:"):
                    yield unit.context.split(":", 1)[1], block.text, block.line, True
                elif unit.segment is SegmentKind.METADATA and _previous_field(unit, outline):
                    yield _previous_field(unit, outline) or "", block.text, block.line, True


def _previous_field(unit: Unit, outline: Outline) -> str | None:
    """For a list under ``Närvarande:`` (a label with no value): that label's field."""
    position = outline.units.index(unit)
    for earlier in reversed(outline.units[:position]):
        if earlier.block.kind is BlockKind.PARAGRAPH:
            text = earlier.block.markdown.split("\n")[-1]
            found = match_metadata(text)
            return found[0] if found and not found[1].value else None
        if earlier.block.kind is not BlockKind.LIST_ITEM:
            return None
        found = match_metadata(earlier.block.markdown)
        if found and not found[1].value:
            return found[0]
    return None


def _is_signature(unit: Unit, source_lines: list[str]) -> bool:
    """``Vid protokollet``/``Justeras`` lines closing a protocol, after the last item."""
    block = unit.block
    if unit.segment is SegmentKind.METADATA or block.kind is not BlockKind.PARAGRAPH:
        return False
    lines = [
        source_lines[n - 1]
        for n in range(block.line, block.end_line)
        if source_lines[n - 1].strip()
    ]
    fields = [match_metadata(line) for line in lines]
    return bool(lines) and all(
        f is not None and f[0] in ("secretary", "adjusters", "chair") for f in fields
    )


def _as_people(value: Any, line: int, config: Config) -> list[Person]:
    if isinstance(value, list):
        people: list[Person] = []
        for entry in value:
            if isinstance(entry, dict):
                name = str(entry.get("name", "")).strip()
                if name:
                    people.append(
                        Person(name, _opt(entry.get("organisation")), _opt(entry.get("role")), line)
                    )
            else:
                person = parse_person(str(entry), line, config)
                if person:
                    people.append(person)
        return people
    return parse_people(str(value), line, config) if value else []


def _opt(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _apply(
    meta: Metadata, name: str, value: Any, line: int, config: Config, list_entry: bool = False
) -> None:
    """Set one field from one written value; list fields accumulate."""
    if name in PEOPLE_FIELDS:
        people = (
            [p for p in [parse_person(str(value), line, config)] if p]
            if list_entry
            else _as_people(value, line, config)
        )
        getattr(meta, name).extend(people)
    elif name in PERSON_FIELDS:
        if isinstance(value, dict):
            person: Person | None = Person(
                str(value.get("name", "")),
                _opt(value.get("organisation")),
                _opt(value.get("role")),
                line,
            )
        else:
            found = _as_people(value, line, config)
            person = found[0] if found else None
        if person and getattr(meta, name) is None:
            setattr(meta, name, person)
    elif name == "date":
        _apply_date(meta, value, line)
    elif name in ("time", "start", "end", "place_and_time", "location"):
        _apply_time_place(meta, name, value)
    elif name in ("body", "organisation", "document_type", "title"):
        if getattr(meta, name) is None and str(value).strip():
            setattr(meta, name, " ".join(str(value).split()))
    else:
        return
    meta.lines.setdefault(name, line)


def _apply_date(meta: Metadata, value: Any, line: int) -> None:
    if meta.date is not None:
        return
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        meta.date = DateValue(value, value, Precision.DAY, value.isoformat())
    else:
        parsed = parse_date(str(value), None)
        if parsed is not None and parsed.precision is Precision.DAY:
            meta.date = parsed
        time = parse_time_span(str(value))
        if time and meta.start is None:
            meta.start, meta.end = time[0], time[1]
    if meta.date is not None:
        meta.date_line = line


def _apply_time_place(meta: Metadata, name: str, value: Any) -> None:
    text = str(value).strip()
    if isinstance(value, int) and name in ("start", "end", "time"):
        # YAML reads 15:00 as sexagesimal 900.
        text = f"{value // 60:02d}:{value % 60:02d}"
    span = parse_time_span(text) or (parse_time_span("kl " + text) if name != "location" else None)
    if name == "start" and span:
        meta.start = meta.start or span[0]
        return
    if name == "end" and span:
        meta.end = meta.end or span[0]
        return
    if span and meta.start is None:
        meta.start, meta.end = span[0], span[1]
    if name in ("place_and_time", "location"):
        place = text
        if span and parse_time_span(text):
            place = (text[: span[2]] + text[span[3] :]).strip()
        date_in_place = parse_date(place, None)
        if date_in_place and name == "place_and_time":
            place = place.replace(date_in_place.text, "")
        place = re.sub(r"[\s,;–-]+$", "", re.sub(r"^[\s,;–-]+", "", place))
        place = re.sub(r"\s*,\s*,\s*", ", ", place)
        if place and meta.location is None:
            meta.location = place


def collect(
    outline: Outline,
    source: str,
    explicit: list[Explicit],
    path: str,
    config: Config,
) -> tuple[Metadata, list[Diagnostic]]:
    """All metadata, explicit sources first, then the text, then elections, then the file name."""
    diagnostics: list[Diagnostic] = []
    meta = Metadata()
    source_lines = source.split("\n")
    for origin in explicit:
        for name, (value, line) in origin.values.items():
            _apply(meta, name, value, line, config)
    from_text = Metadata()
    for name, value, line, is_entry in _text_labels(outline, source_lines):
        _apply(from_text, name, value, line, config, list_entry=is_entry)
    if explicit:
        diagnostics.extend(_conflicts(meta, from_text, path, explicit[0].origin))
    _merge(meta, from_text)
    _elections(meta, outline, config)
    present = [*meta.attendees, *meta.guests]
    if meta.chair is None:
        meta.chair = next((p for p in meta.attendees if p.role == "ordförande"), None)
    if meta.secretary is None:
        meta.secretary = next((p for p in present if p.role == "sekreterare"), None)
    # ``Sekreterare: Pia Nord`` names someone the attendance list describes better.
    meta.chair = _as_listed(meta.chair, present)
    meta.secretary = _as_listed(meta.secretary, present)
    return meta, diagnostics


def _as_listed(person: Person | None, present: list[Person]) -> Person | None:
    if person is None or person.organisation is not None:
        return person
    same = next((p for p in present if p.name == person.name), None)
    if same is None:
        return person
    return Person(same.name, same.organisation, person.role or same.role, person.line)


def _merge(meta: Metadata, other: Metadata) -> None:
    for name in (
        "date",
        "date_line",
        "start",
        "end",
        "location",
        "chair",
        "secretary",
        "body",
        "organisation",
        "document_type",
        "title",
    ):
        if getattr(meta, name) is None:
            setattr(meta, name, getattr(other, name))
    for name in PEOPLE_FIELDS:
        if not getattr(meta, name):
            setattr(meta, name, getattr(other, name))
    for name, line in other.lines.items():
        meta.lines.setdefault(name, line)


def _conflicts(meta: Metadata, text: Metadata, path: str, origin: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    pairs: list[tuple[str, object, object]] = [
        ("date", meta.date.start if meta.date else None, text.date.start if text.date else None),
        ("start", meta.start, text.start),
        ("location", meta.location, text.location),
    ]
    for name, explicit_value, text_value in pairs:
        if explicit_value is not None and text_value is not None and explicit_value != text_value:
            line = text.lines.get(name) or text.lines.get("place_and_time") or text.date_line
            problems.append(
                Diagnostic(
                    Level.WARNING,
                    path,
                    line,
                    "metadata-conflict",
                    f"{_SWEDISH_FIELD[name]} i texten ({_show(text_value)}) skiljer sig från "
                    f"{origin} ({_show(explicit_value)}); värdet från {origin} används",
                    f"rätta den som är fel så att texten och {origin} säger samma sak",
                )
            )
    return problems


_SWEDISH_FIELD = {"date": "datumet", "start": "starttiden", "location": "platsen"}


def _show(value: object) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


_NAME = re.compile(r"\b[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+)*")
_NOT_NAMES = frozenset(
    (*DECIDING_SUBJECTS, "till", "som", "att", "beslut", "valdes", "väljs", "och", "stämman")
)


def _named_person(text: str, line: int, meta: Metadata, config: Config) -> Person | None:
    """The person an election names: someone listed as present, else a capitalised name
    (two words preferred, so that a sentence's first word is not taken for one)."""
    for person in [*meta.attendees, *meta.guests]:
        if person.name and person.name in text:
            return person
    names: list[str] = []
    for match in _NAME.finditer(text):
        words = [w for w in match.group().split() if w.casefold() not in _NOT_NAMES]
        if words:
            names.append(" ".join(words))
    names.sort(key=lambda name: len(name.split()) < 2)
    for name in names:
        found = parse_person(name, line, config)
        if found:
            return found
    return None


def _elections(meta: Metadata, outline: Outline, config: Config) -> None:
    """Chair, secretary and adjusters named by items such as *Val av mötesordförande*."""
    for item in outline.items:
        title = heading_key(item.title)
        body_units = [
            u
            for u in outline.units
            if u.item == item.number and u.block.kind is not BlockKind.HEADING
        ]
        text = " ".join(u.block.text for u in body_units)
        line = body_units[0].block.line if body_units else item.line
        if not text.strip():
            continue
        if any(title.startswith(t) for t in CHAIR_ELECTION_TITLES) and meta.chair is None:
            meta.chair = _named_person(text, line, meta, config)
        if any(title.startswith(t) for t in SECRETARY_ELECTION_TITLES) and meta.secretary is None:
            meta.secretary = _named_person(text, line, meta, config)
        if any(title.startswith(t) for t in ADJUSTER_ELECTION_TITLES) and not meta.adjusters:
            candidates = [*meta.attendees, *meta.guests]
            meta.adjusters = [p for p in candidates if p.name and p.name in text] or [
                p
                for m in _NAME.finditer(text)
                if (p := _named_person(m.group(), line, Metadata(), config)) is not None
            ]
