"""Who was there after all: marks a legend explains, those listed as away, and officers
who were away (``Ordförande: Camilla Nord`` at the top, Camilla Nord under *Frånvarande*).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Person
from ..vocabulary import (
    ABSENT_ANSWERS,
    MEETING_CHAIR_ROLE,
    OFFICER_PROSE_NAME_BEFORE,
    ROLES,
    SECRETARY_ROLE,
)
from .attendance_values import legend
from .person_notes import says_away

if TYPE_CHECKING:
    from .metadata import Metadata


def legend_roles(meta: Metadata, lines: list[str]) -> None:
    """``Anna Ek* (S)`` with ``* mötesordförande`` below the list (or ``★ = mötesordförande``
    above it, ``- ★ Signe Hallberg``): the mark gives the person that role."""
    marks: dict[str, str] = {}
    codes: dict[str, str | None] = {}
    for text in lines:
        for mark, written in (legend(text) or {}).items():
            role = ROLES.get(written.casefold())
            if role:
                marks[mark] = role
        codes.update(_code_legend(text) or {})
    if codes:
        _coded_cells(meta, lines, codes)
    if not marks:
        return
    for listed in (meta.attendees, meta.guests):
        for index, person in enumerate(listed):
            written = (
                lines[person.line - 1] if person.name and 0 < person.line <= len(lines) else ""
            )
            for mark, role in marks.items():
                if f"{person.name}{mark}" in written or f"{mark} {person.name}" in written:
                    listed[index] = replace(person, role=role)


_CODE_ENTRY = re.compile(
    r"^(?P<code>[A-ZÅÄÖ]{1,3}|[-–—x])\s*=\s*(?P<meaning>[a-zåäö][a-zåäö .]{2,30})$"
)
_CODE_SEPARATOR = re.compile(r"\s*[,;]\s*|\s{2,}")


def _code_legend(line: str) -> dict[str, str | None] | None:
    """``O = ordförande, S = sekreterare, – = ej närvarande``: what each code in a table's
    cell means (code → role, or None for away); None unless every entry is such."""
    text = line.strip()
    if "=" not in text or len(text) > _LEGEND_LENGTH:
        return None
    found: dict[str, str | None] = {}
    for part in _CODE_SEPARATOR.split(text):
        entry = _CODE_ENTRY.match(part.strip())
        if entry is None:
            return None
        meaning = entry["meaning"].strip().casefold()
        if meaning in ABSENT_ANSWERS:
            found[entry["code"]] = None
        elif (role := ROLES.get(meaning)) is not None:
            found[entry["code"]] = role
        else:
            return None
    return found if len(found) >= _LEGEND_ENTRIES else None


_LEGEND_LENGTH = 160
_LEGEND_ENTRIES = 2


def _coded_cells(meta: Metadata, lines: list[str], codes: dict[str, str | None]) -> None:
    """``| Åsa Fransson | Region Mellanlanda | O |`` under the legend above: a cell that is
    one of its codes gives the person that role, or says they were away."""
    for listed in (meta.attendees, meta.guests):
        for index, person in reversed(list(enumerate(listed))):
            row = lines[person.line - 1] if 0 < person.line <= len(lines) else ""
            if "|" not in row or not person.name or person.name not in row:
                continue
            cells = {cell.strip() for cell in row.strip().strip("|").split("|")}
            for code in cells & codes.keys():
                role = codes[code]
                if role is None:
                    meta.absent.append(listed.pop(index))
                    break
                listed[index] = replace(person, role=role)


_FOOTNOTE = re.compile(r"^\[\^(?P<id>[^\]\s]{1,10})\]:\s*(?P<text>.+)$")


def footnote_roles(meta: Metadata, lines: list[str]) -> None:
    """``| Kent Sjö[^1] | …`` with ``[^1]: Sammankallande lekmannarevisor; ledde mötet.``
    at the foot (Word's footnotes as Pandoc writes them): the footnote says the person
    led the meeting or wrote its minutes, in the words the prose rules know."""
    notes = {m["id"]: m["text"] for line in lines if (m := _FOOTNOTE.match(line.strip()))}
    if not notes:
        return
    for listed in (meta.attendees, meta.guests):
        for index, person in enumerate(listed):
            row = lines[person.line - 1] if 0 < person.line <= len(lines) else ""
            if not person.name or f"{person.name}[^" not in row:
                continue
            mark = row.split(f"{person.name}[^", 1)[1].split("]", 1)[0]
            # The note's words between spaces: ``…; ledde mötet.`` holds `` ledde mötet ``.
            said = f" {' '.join(re.sub(r'[;.,]', ' ', notes.get(mark, '')).casefold().split())} "
            for office, role in (("chair", MEETING_CHAIR_ROLE), ("secretary", SECRETARY_ROLE)):
                phrases = (p for p in OFFICER_PROSE_NAME_BEFORE[office] if " " in p)
                if any(f" {phrase} " in said for phrase in phrases):
                    listed[index] = replace(person, role=role)


def away(person: Person) -> bool:
    """``Gunilla Sterner (förhinder)``: named with why they were away."""
    return says_away(person.note)


def absent_not_present(meta: Metadata) -> None:
    """``Ordning idag: Kim → Lo → Juno`` and then ``Borta: Juno (VAB)``: the list of who
    was away wins over the list of who was expected, unless the absence was for some
    items only (``Frånvarande: Per Ek § 1–2``: he came later)."""
    away = {p.name for p in meta.absent if p.name and not any(c.isdigit() for c in p.note or "")}
    if away:
        meta.attendees[:] = [p for p in meta.attendees if p.name not in away]
        meta.guests[:] = [p for p in meta.guests if p.name not in away]


def absent_officers_stand_down(meta: Metadata) -> None:
    """``Ordförande: Camilla Nord`` at the top, and Camilla Nord under *Frånvarande*: the
    group's chair did not chair this meeting; who did is said elsewhere (*I Camillas
    frånvaro leddes mötet av …*)."""
    absent = {p.name for p in meta.absent if p.name}
    for office in ("chair", "secretary"):
        officer = getattr(meta, office)
        if officer is not None and (officer.name in absent or away(officer)):
            if officer.name not in absent:
                meta.absent.append(officer)
            setattr(meta, office, None)


def everyone_called_came(meta: Metadata) -> None:
    """``Grupp: Tove Lind, Arvid Ek, Noor Sami`` and ``Närvarande: alla utom Arvid``: those
    called came, but for the ones named as away."""
    if not meta.everyone:
        return
    away_names = {p.name for p in meta.absent if p.name}
    listed = {p.name for p in (*meta.attendees, *meta.guests) if p.name}
    for person in meta.invited:
        # ``alla utom Oskar (tandläkaren)``: away by first name.
        first = person.name.split()[0] if person.name else None
        if person.name and person.name not in away_names and first not in away_names:
            if person.name in listed:
                continue
            meta.attendees.append(person)
            listed.add(person.name)
