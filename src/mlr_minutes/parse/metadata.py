"""Meeting metadata from every place minutes put it, with a fixed precedence.

Front matter wins over a metadata comment (:mod:`.explicit`), which wins over
what the text says (:mod:`.attendance` reads labels, lists, tables and prose),
and elections and roles fill what is still missing (:mod:`.elections`).  A
disagreement between front matter and text is reported, so that the
coordinator can see which one is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..config import Config
from ..model import DateValue, Diagnostic, Level, Person
from ..vocabulary import (
    ALL_BUT,
    CHAIR_ROLE,
    EVERYONE,
    OFFICER_VALUE_CARRIERS,
    PEOPLE_REFERENCES,
    SECRETARY_APART_LABELS,
    SECRETARY_ROLE,
)
from .actors import actors_present
from .attendance import read_labels
from .attendance_values import PEOPLE_FIELDS, PERSON_FIELDS
from .explicit import Explicit
from .full_names import named_in_full
from .initials import resolve_initials
from .label_column import label_column_present
from .labels import normalise_key, split_label
from .metadata_when import apply_date, apply_time_place, dated
from .officers import fill_officers
from .outline import Outline
from .people import (
    initials_of,
    is_role_word,
    names_organisation,
    names_people_inside,
    parse_entry,
    parse_person,
)
from .people_lists import parse_people
from .person_notes import aliases_of
from .presence import (
    absent_not_present,
    absent_officers_stand_down,
    away,
    everyone_called_came,
    footnote_roles,
    legend_roles,
)
from .round_table import (
    round_table_present,
    standup_headings_present,
    standup_table_present,
    unlabelled_list_present,
)
from .speakers import first_person_officers, speakers_present
from .symbol_officers import symbol_officers
from .text import alternation


@dataclass
class Metadata:
    """Everything said about the meeting itself."""

    date: DateValue | None = None
    date_line: int | None = None
    date_is_timestamp: bool = False
    """The date came with a clock time in front matter or a comment (``2022-11-25
    22:04:00``): a blog's publication time more often than the meeting's date."""
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    chair: Person | None = None
    secretary: Person | None = None
    attendees: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    adjusters: list[Person] = field(default_factory=list)
    invited: list[Person] = field(default_factory=list)
    """Those called to the meeting (*Kallade:*, a project's *Grupp:*), present or not."""
    everyone: bool = False
    """The attendance says everyone called came (*Närvarande: alla*, *alla utom Farid*)."""
    body: str | None = None
    organisation: str | None = None
    document_type: str | None = None
    title: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    read_from: set[int] = field(default_factory=set)
    """The lines the text's metadata was read from."""
    empty_labels: list[tuple[str, int]] = field(default_factory=list)
    """(field, line) of people labels with nobody under them (*Närvarande:* and nothing)."""
    names_in: dict[str, set[str]] = field(default_factory=dict)
    """People field → the names already in it (each person once per field)."""


def _as_people(value: Any, line: int, config: Config, role: str | None = None) -> list[Person]:
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
                person = parse_person(str(entry), line, config, role=role)
                if person:
                    people.append(person)
        return people
    return parse_people(str(value), line, config, role=role) if value else []


@cache
def _carried_name() -> re.Pattern[str]:
    """The person an officer's label names inside a longer value, after *av*, *genom* or
    *anteckningar* (the office is an organisation's, or the value a sentence)."""
    return re.compile(
        rf"(?:\s(?:{alternation(OFFICER_VALUE_CARRIERS)})|\s[–—-])\s+"
        r"(?P<name>@[\w.-]+|[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){0,2})"
    )


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _opt(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _apply(
    meta: Metadata,
    name: str,
    value: Any,
    line: int,
    config: Config,
    list_entry: bool = False,
    role: str | None = None,
    organisation: str | None = None,
) -> None:
    """Set one field from one written value; list fields accumulate.  ``organisation`` is
    the one a line names for everyone on it: it wins, and what the person's parentheses
    said instead (``(KSO)``) is their role."""
    if name in PEOPLE_FIELDS and _ISO_DAY.fullmatch(str(value).strip()):
        return  # ``justerat: 2025-03-09`` in the front matter: when, not who
    if name in PEOPLE_FIELDS:
        people = (
            parse_entry(str(value), line, config, role=role)
            if list_entry
            else _as_people(value, line, config, role)
        )
        if organisation:
            people = [
                replace(
                    p,
                    organisation=organisation,
                    role=p.role or (p.organisation if p.organisation != organisation else None),
                )
                for p in people
            ]
        listed = getattr(meta, name)
        # ``Utses att justera: Per Lind`` and the signature ``Justerande Per Lind``: once.
        names = meta.names_in.setdefault(name, set())
        for listed_person in people:
            if not listed_person.name or listed_person.name not in names:
                listed.append(listed_person)
                if listed_person.name:
                    names.add(listed_person.name)
            elif listed_person.role:
                # ``Närvarande: Hanna Ek, …`` and ``Mötesfunktionärer: ordförande Hanna
                # Ek, …``: the second list says what the first did not.
                at = next(i for i, p in enumerate(listed) if p.name == listed_person.name)
                if listed[at].role is None:
                    listed[at] = replace(listed[at], role=listed_person.role)
    elif name in PERSON_FIELDS:
        if isinstance(value, dict):
            person: Person | None = Person(
                str(value.get("name", "")),
                _opt(value.get("organisation")),
                _opt(value.get("role")),
                line,
            )
        else:
            text = str(value)
            # ``Tallmo kommun (Eva Berg)``: the person the organisation sent.
            inside = names_people_inside(text)
            found = parse_entry(text, line, config) if inside else _as_people(value, line, config)
            person = found[0] if found else None
            unnamed = (
                person is None
                or not person.name
                or len(person.name.split()) > 4
                or (" " not in person.name and names_organisation(person.name))
            )
            carried = _carried_name().search(text) if unnamed else None
            if carried is not None:
                # ``Sekretariat: Miljöverket – anteckningar Leo Mark``, ``Protokoll: skrivs
                # i issuen av @tor-h``, ``Sekreterarskap: kommunen, genom Amra Delić``.
                person = parse_person(carried["name"], line, config) or person
            elif person is not None and person.name and len(person.name.split()) > 4:
                person = None  # a sentence, not a name: the prose rules read it
        held = getattr(meta, name)
        # A name beats an organisation without one (``ANTECKNINGAR`` over the body's name
        # read as a label and its value, then ``Sekr.   SL``).
        if person and (held is None or away(held) or (person.name and not held.name)):
            # ``Ordförande: Gunilla Sterner (förhinder)`` then ``Mötesledare i
            # ordförandens frånvaro: Håkan Wiklund``: the one who was there leads.
            if held is not None:
                meta.absent.append(held)
            setattr(meta, name, person)
    elif name == "date":
        apply_date(meta, value, line)
    elif name in ("time", "start", "end", "place_and_time", "location"):
        apply_time_place(meta, name, value, line)
    elif name in ("body", "organisation", "document_type", "title"):
        if getattr(meta, name) is None and str(value).strip():
            setattr(meta, name, " ".join(str(value).split()))
    else:
        return
    meta.lines.setdefault(name, line)


def collect(
    outline: Outline,
    source: str,
    explicit: list[Explicit],
    path: str,
    config: Config,
    noise: frozenset[int] = frozenset(),
) -> tuple[Metadata, list[Diagnostic]]:
    """All metadata, explicit sources first, then the text, then elections and roles."""
    diagnostics: list[Diagnostic] = []
    meta = Metadata()
    for origin in explicit:
        for name, (value, line) in origin.values.items():
            _apply(meta, name, value, line, config)
    from_text = Metadata()
    lines = source.split("\n")
    for found in read_labels(outline, lines, noise):
        if found.field in PEOPLE_FIELDS or found.field in PERSON_FIELDS:
            meta.read_from.update(range(found.line, found.last_line + 1))
        if found.empty:
            meta.empty_labels.append((found.field, found.line))
        elif found.field == "attendees" and (absent := _all_but(found.value)) is not None:
            # ``Närvarande: alla utom Farid (VAB)``: the list names who was away.
            _apply(from_text, "absent", absent, found.line, config)
            meta.everyone = True
        elif found.field == "attendees" and found.value.strip(" .").casefold() in EVERYONE:
            meta.everyone = True  # ``Närvarande: alla.``: those called (*Grupp:*) came
        elif found.field == "body" and (when := dated(found.value)) is not None:
            # ``Möte: onsdag 11 juni 2025 kl. 09.30, Kvarnbäck``: when and where, not a
            # name (the front matter's ``body:`` is always the name).
            apply_date(from_text, when, found.line)
            apply_time_place(from_text, "place_and_time", when, found.line)
        elif not _refers_elsewhere(found.value):
            _apply(
                from_text,
                found.field,
                found.value,
                found.line,
                config,
                found.entry,
                found.role,
                found.organisation,
            )
    if explicit:
        diagnostics.extend(_conflicts(meta, from_text, path, explicit[0].origin))
    _merge(meta, from_text)
    if meta.date_is_timestamp and from_text.date is not None:
        meta.date, meta.date_line = from_text.date, from_text.date_line
        meta.date_is_timestamp = False
    everyone_called_came(meta)
    absent_officers_stand_down(meta)
    absent_not_present(meta)
    unlabelled_list_present(meta, outline, config)
    label_column_present(meta, lines, config)
    legend_roles(meta, lines)
    footnote_roles(meta, lines)
    symbol_officers(meta, lines, config)
    resolve_initials(meta, lines, config)
    speakers_present(meta, lines, config)
    named_in_full(meta, lines, config)
    standup_headings_present(meta, outline, config)
    fill_officers(meta, outline, config)
    first_person_officers(meta, lines, config)
    first_item = min((item.line for item in outline.items), default=len(source) + 1)
    _officers_by_function(meta)
    # ``Sekr. H. Björk`` is the *Hugo Björk* listed: known as such before officers join
    # those present, or the list would have him twice.
    meta.chair = _as_listed(meta.chair, [*meta.attendees, *meta.guests])
    meta.secretary = _as_listed(meta.secretary, [*meta.attendees, *meta.guests])
    _officers_present(meta, first_item, lines)
    round_table_present(meta, outline, config)
    standup_table_present(meta, lines, config)
    actors_present(meta, outline, config)
    named_in_full(meta, lines, config)  # again: the rules above add people by first name
    _handles_named(meta)
    # ``Ekonomichef Lena Sköld (förhinder)`` in the list: away, whatever the list.
    for listed in (meta.attendees, meta.guests):
        gone = [p for p in listed if away(p) and p is not meta.chair and p is not meta.secretary]
        for person in gone:
            listed.remove(person)
            meta.absent.append(person)
    # ``Bo Ekwall  Nej  Reza Karimi (S)`` and below ``Ersättare ej tjänstgörande`` /
    # ``Reza Karimi  Ja (tjänstgör)``: the one serving is a member here, not a guest too.
    serving = {p.name for p in meta.attendees if p.name}
    meta.guests[:] = [p for p in meta.guests if not p.name or p.name not in serving]
    present = [*meta.attendees, *meta.guests]
    # ``Sekreterare: Pia Nord`` names someone the attendance list describes better.
    meta.chair = _as_listed(meta.chair, present)
    meta.secretary = _as_listed(meta.secretary, present)
    return meta, diagnostics


def _officers_by_function(meta: Metadata) -> None:
    """``Ordförande: verksamhetschef primärvården Tallmo``, ``Mötesordförande: VD``,
    ``Mötesledare: Beställarens byggledare``, ``Mötesledare: kassören``: the office held by
    a function, and the one person the attendance list gives that function is the
    officer."""
    present = [*meta.attendees, *meta.guests]
    for office in ("chair", "secretary"):
        officer = getattr(meta, office)
        words = (officer.name or "").split() if officer is not None else []
        if len(words) == 2 and _GENITIVE_OWNER.match(words[0]) and words[1][:1].islower():
            words = words[1:]  # whose function it is (the client's) names no one more
        if words and words[0][:1].islower():
            words[0] = _indefinite(words[0], present)
        # ``Mötesordförande: VD``: a function written as its capitals is one all the same.
        written = words and (words[0][:1].islower() or (len(words) == 1 and words[0].isupper()))
        if not written or not is_role_word(words[0]):
            continue
        holders = [p for p in present if words[0].casefold() in _functions(p)]
        if len(holders) != 1 and len(words) > 1:
            # Two with the function: the one whose description shares its other words.
            rest = {w.casefold() for w in words[1:]}
            holders = [p for p in holders if rest & set((p.organisation or "").casefold().split())]
        if len(holders) == 1:
            setattr(meta, office, replace(holders[0], line=officer.line if officer else 0))


_GENITIVE_OWNER = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+s$")


def _functions(person: Person) -> set[str]:
    """What the list says ``person`` is: the role, and a second function kept as a note
    (``Annika Roos  IT-chef, projektägare``)."""
    notes = (person.note or "").casefold().split(", ")
    return {(person.role or "").casefold(), *(n for n in notes if n and is_role_word(n))}


def _indefinite(word: str, present: list[Person]) -> str:
    """``kassören``, ``byggledaren``: the function as the list writes it (*kassör*)."""
    roles = {function for p in present for function in _functions(p)}
    for form in (word, word.removesuffix("en"), word.removesuffix("n"), word.removesuffix("et")):
        if form.casefold() in roles:
            return form
    return word


def _officers_present(meta: Metadata, first_item: int, lines: list[str]) -> None:
    """Whoever chaired, wrote or checked the minutes was there: the chair and adjusters
    join the attendees, the secretary the guests, unless a list already names them.

    The one exception is the house style of a heading block that lists those present and,
    on a label of its own beside them, the secretary (*Vid protokollet*): the writer set
    the note-taker apart from the list on purpose, and the page shows them under their
    role.  A chair or adjuster named there was there all the same.
    """
    listed = {p.name for p in (*meta.attendees, *meta.guests) if p.name}
    listed |= {p.name for p in meta.absent if p.name}
    listed |= {
        alias.lstrip("@") for p in (*meta.attendees, *meta.guests) for alias in aliases_of(p)
    }
    header_list = any(p.line < first_item for p in (*meta.attendees, *meta.guests))
    for person, into, role in (
        (meta.chair, meta.attendees, CHAIR_ROLE),
        *((p, meta.attendees, None) for p in meta.adjusters),
        (meta.secretary, meta.guests, SECRETARY_ROLE),
    ):
        if person is None:
            continue
        if header_list and person is meta.secretary and _set_apart(person, first_item, lines):
            continue
        if person.name and person.name not in listed:
            if _first_name_listed(person.name, listed) or person.name.casefold() in {
                name.casefold()
                for name in listed  # ``Tove`` for the ``tove`` listed
            }:
                continue
            into.append(replace(person, role=person.role or role))
            listed.add(person.name)


def _set_apart(secretary: Person, first_item: int, lines: list[str]) -> bool:
    if secretary.line >= first_item or not 0 < secretary.line <= len(lines):
        return False
    label = split_label(lines[secretary.line - 1], loose=True)
    return label is not None and normalise_key(label.key) in SECRETARY_APART_LABELS


def _first_name_listed(name: str, listed: set[str]) -> bool:
    # ``Lena`` chairs and ``Lena Ek`` is listed: the same person.
    return any(other.split()[0] == name or name.split()[0] == other for other in listed)


@cache
def _elsewhere() -> re.Pattern[str]:
    # ``se deltagarlistan``: a one-word pointer needs what it points to (``SE`` alone is
    # someone's initials).
    phrases = alternation(r for r in PEOPLE_REFERENCES if " " in r)
    words = alternation(r for r in PEOPLE_REFERENCES if " " not in r)
    return re.compile(rf"^(?:{phrases})(?!\w)|^(?:{words})\s+\w", re.IGNORECASE)


@cache
def _all_but_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(ALL_BUT)})\s+(?P<rest>[^.]+)", re.IGNORECASE)


def _all_but(value: str) -> str | None:
    """``alla utom Farid (VAB). Handledaren …`` → ``Farid (VAB)``; None for a list."""
    found = _all_but_pattern().match(value.strip())
    return found["rest"].strip() if found else None


def _refers_elsewhere(value: str) -> bool:
    """``Beslutande: Se närvarolista sid 2`` names nobody: the list is elsewhere; nor
    does ``8 deltagare från fem kommuner, se laget runt nedan``, a head count and where
    the names are."""
    value = value.strip()
    if _elsewhere().match(value):
        return True
    if not value[:1].isdigit():
        return False
    return any(_elsewhere().match(part.strip()) for part in value.split(",")[1:])


_HANDLE_PARTS = re.compile(r"^@?(?P<first>[a-zåäö]{2,})[._]?(?P<last>[a-zåäö]{1,3})$")


def _handle_of(handle: str, name: str) -> bool:
    """``ida.m`` or ``idam`` for *Ida Mårtensson*: a chat handle made of a first name and
    the first letters of the surname."""
    found = _HANDLE_PARTS.match(handle.casefold())
    words = name.casefold().split()
    return (
        found is not None
        and len(words) >= 2
        and words[0] == found["first"]
        and words[-1].startswith(found["last"])
    )


def _handles_named(meta: Metadata) -> None:
    """One person present, not two, when the minutes call someone by handle in one place
    and by name in another (a chat export: ``@ida.m`` leads, ``Ida Mårtensson``
    answers)."""
    names = [p for p in meta.attendees if p.name and " " in p.name]
    for handle in [p for p in meta.attendees if p.name and " " not in p.name]:
        assert handle.name is not None
        full = [p for p in names if p.name and _handle_of(handle.name, p.name)]
        if len(full) != 1:
            continue
        # The officer stays as the minutes name them; the list holds the person once.
        meta.attendees.remove(handle)


_INITIAL_SURNAME = re.compile(r"^(?P<initial>[A-ZÅÄÖ])\.\s*(?P<surname>[A-ZÅÄÖ][\w-]+)$")


_INITIALS_ONLY = re.compile(r"^[A-ZÅÄÖ]{2,3}$")


_FIRST_AND_INITIAL = re.compile(r"^(?P<first>[A-ZÅÄÖ][a-zåäöé]+)\s+(?P<initial>[A-ZÅÄÖ])\.?$")


def _as_listed(person: Person | None, present: list[Person]) -> Person | None:
    if person is None or person.organisation is not None:
        return person
    same = next((p for p in present if p.name == person.name), None) or next(
        # ``Antecknare: SÖ`` for ``Sofie Öst (SÖ)``, ``Ordförande: vsa`` for ``vsa (Vera
        # Sandahl)``: the person the list gave that alias.
        (
            p
            for p in present
            if person.name and person.name.lstrip("@") in {a.lstrip("@") for a in aliases_of(p)}
        ),
        None,
    )
    initial = _INITIAL_SURNAME.match(person.name or "")
    if same is None and initial:
        # ``Sekr. H. Björk`` and *Hugo Björk* listed: the initial and the surname.
        found = [
            p
            for p in present
            if p.name
            and p.name.split()[-1] == initial["surname"]
            and p.name[:1] == initial["initial"]
        ]
        same = found[0] if len(found) == 1 else None
    short = _FIRST_AND_INITIAL.match(person.name or "")
    if same is None and short:
        # ``Protokollförare: Johan L.`` and *Johan Lindqvist* listed.
        found = [
            p
            for p in present
            if p.name
            and len(p.name.split()) > 1
            and p.name.split()[0] == short["first"]
            and p.name.split()[-1][:1] == short["initial"]
        ]
        same = found[0] if len(found) == 1 else None
    if same is None and person.name and " " not in person.name:
        # ``Mötesordförande: Amanda`` and *Amanda Kjellberg* listed: the one so called;
        # ``Antecknat: HK`` and *Hampus Kjellin* listed: the one with those initials.
        first = [p for p in present if p.name and p.name.split()[0] == person.name]
        if not first and _INITIALS_ONLY.match(person.name):
            first = [p for p in present if p.name and initials_of(p.name) == person.name]
        same = first[0] if len(first) == 1 else None
    if same is None:
        return person
    return Person(
        same.name,
        same.organisation,
        person.role or same.role,
        person.line,
        person.party or same.party,
        person.note,
    )


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
    # A timestamp (a blog's publication time) gives way to the text without a word.
    explicit_date = meta.date.start if meta.date and not meta.date_is_timestamp else None
    pairs: list[tuple[str, object, object]] = [
        ("date", explicit_date, text.date.start if text.date else None),
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
