"""Officers named beside their office: in apposition inside a sentence, or signed.

::

    Ordföranden, Karin Åslund (S), hälsar välkommen och öppnar sammanträdet.
    Malin Berglund, sekreterare, föredrar innehållet i reglementet.

Formal protocols name the officer with the office set off by commas, before or after
the name, in a sentence about something else; a signature line puts the office after
the name (``Lisa Ng, sekreterare``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import (
    CHAIR_LIKE_ROLES,
    CHAIR_ROLE,
    CHAIR_ROLE_WORDS,
    MEETING_CHAIR_ROLE,
    ROLE_QUALIFIERS,
    ROLES,
    SECRETARY_ROLE,
    SIGNING_ROLE_LABELS,
)
from .blocks import BlockKind
from .elections import named_person, offices_named, prose_texts
from .gates import WordGate
from .outline import Outline
from .signatures import signed_entries
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

_OFFICE_OF_ROLE = {CHAIR_ROLE: "chair", MEETING_CHAIR_ROLE: "chair", SECRETARY_ROLE: "secretary"}
_NAME = r"[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+){1,2}"
_FIRST_OR_FULL = r"[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+){0,2}"
"""A full name, or a first name (kept only for someone listed by it)."""
_PARTY = r"(?:\s+\([A-ZÅÄÖ]{1,3}\))?"


@cache
def _offices() -> dict[str, str]:
    """Office word (*ordföranden*, *sekreterare*) → chair or secretary."""
    offices = {w: _OFFICE_OF_ROLE[r] for w, r in ROLES.items() if r in _OFFICE_OF_ROLE}
    offices.update((word, "chair") for word in CHAIR_ROLE_WORDS if "." not in word)
    return offices


@cache
def _offices_gate() -> WordGate:
    """Before :func:`_patterns`, which try a name at every word: most paragraphs name no
    office."""
    return WordGate(_offices(), whole=True)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = alternation(list(_offices()))
    qualified = alternation(ROLE_QUALIFIERS)
    # The office after the name, then the sentence goes on with a verb in lower case; or a
    # report by office (``e) Jenny, sekreterare; Har lagt upp bilderna …``).
    after = re.compile(
        rf"(?<![\w,])(?P<name>(?-i:{_FIRST_OR_FULL})){_PARTY},\s+(?!(?:{qualified})\s)(?P<role>{roles})"
        r"(?:,\s+(?=[a-zåäö\d])|[;:]\s+(?=\w))",  # (``…, mötesordförande, 2026-12-07``)
        re.IGNORECASE,
    )
    # The office first, capitalised as the sentence's subject.
    before = re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=\n))[\s•·*-]*(?P<role>{roles}),\s+(?P<name>(?-i:{_NAME})){_PARTY},\s+"
        r"(?=[a-zåäö])",
        re.IGNORECASE,
    )
    return after, before


def officers_in_apposition(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Ordföranden, Karin Åslund (S), hälsar välkommen*, *Malin Berglund, sekreterare,
    föredrar …*: the name beside the office set off by commas holds it."""
    if meta.chair is not None and meta.secretary is not None:
        return
    present = [*meta.attendees, *meta.guests]
    for text, line in prose_texts(outline):
        if "," not in text or not _offices_gate()(text):
            continue
        for pattern in _patterns():
            for found in pattern.finditer(text):
                if found["name"].split()[0].islower():
                    continue
                if " " not in found["name"] and not any(
                    p.name and p.name.split()[0] == found["name"] for p in present
                ):
                    continue  # ``Vidare, sekreterare, …``: one word names only one listed
                office = _offices()[found["role"].casefold()]
                if getattr(meta, office) is not None:
                    continue
                at = line + text[: found.start()].count("\n")
                person = named_person(found["name"], at, present, config)
                if person is not None and person.name:
                    setattr(meta, office, person)


_CONTACT = re.compile(r"(?:\s+(?:\+?\d[\d -]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+))+\s*$")
_PHONE_DIGITS = re.compile(r"\d[\d -]{5,}\d")


def _without_contact(line: str) -> str:
    """``line`` without a trailing phone number or address (:data:`_CONTACT`), which needs
    an ``@`` or a run of digits: a line without either is returned as it is, unscanned."""
    if "@" not in line and _PHONE_DIGITS.search(line) is None:
        return line
    return _CONTACT.sub("", line)


def _signed_after_colon(line: str) -> list[tuple[str, str | None]] | None:
    """``Protokollet är justerat och signerat digitalt av: Tilda Ek (mötesordförande),
    Hugo Sand (mötessekreterare)``: after the colon, signatures joined by commas, each with
    its office in parentheses (None unless every part is one)."""
    if ": " not in line:
        return None
    parts = line.rsplit(": ", 1)[1].rstrip(" .").split(", ")
    signed = [signed_entries(part) for part in parts]
    if len(parts) < 2 or not all(s and len(s) == 1 and s[0][1] for s in signed):
        return None
    return [s[0] for s in signed if s]


def signed_names(meta: Metadata, outline: Outline, config: Config) -> None:
    """A line of its own that signs names with their offices, at the foot or in a
    signature row: ``Lisa Ng, sekreterare``, ``/Per Ek, sekreterare``, ``/Maj`` (a note-
    taker's sign-off), ``Ines Nord, sekreterare · Hugo Lax, mötesordförande · Ludvig Sten``.
    Lists are left out: ``- Anna Berg, ordförande`` there is the board an annual meeting
    elected, not who chaired this meeting."""
    present = [*meta.attendees, *meta.guests]
    paragraphs = [
        (unit.block.text, unit.block.line)
        for unit in outline.units
        if unit.block.kind is BlockKind.PARAGRAPH and not unit.noise
    ]
    for text, first in paragraphs:
        rows = text.split("\n")
        for offset, line in enumerate(rows):
            # ``Sammankallande Lena Hedlund 070-612 44 08 lena.hedlund@…``: a letterhead's
            # contact line; the phone and the address are no part of the name.
            entries = _names_over_offices(rows[offset - 1], line) if offset else None
            entries = entries or signed_entries(_without_contact(line))
            if entries is None and line.rstrip().endswith(":") and offset + 1 < len(rows):
                entries = _signed_after_colon(f"{line.rstrip()} {rows[offset + 1]}")
            entries = entries or _signed_after_colon(line)
            if entries is None:
                continue
            slashed = line.lstrip().startswith("/")
            for name, role in entries:
                if name.strip(" /").casefold() in ROLES:
                    continue  # ``Ordförande Sekreterare``: offices, no one's name
                if name.strip(" /").isupper() and not any(p.name == name for p in present):
                    continue  # ``Protokoll KFN 2029-05-22``: a body's initials in a title
                if role in CHAIR_LIKE_ROLES:
                    field = "chair"
                elif role == SECRETARY_ROLE or (role is None and slashed and len(entries) == 1):
                    field = "secretary"
                else:
                    continue
                if getattr(meta, field) is None:
                    person = named_person(name.lstrip("/ "), first + offset, present, config)
                    if person is not None and person.name:
                        setattr(meta, field, person)


_CAPITALISED_WORD = re.compile(r"[A-ZÅÄÖ][\w'-]+")


def _names_over_offices(above: str, line: str) -> list[tuple[str, str | None]] | None:
    """``Anna Berg Per Ek`` / ``Ordförande Sekreterare``: a row of names signed above a
    row of their offices, one space apart; each full name (two words) over its office."""
    offices = line.split()
    if len(offices) < 2 or not all(o.casefold() in ROLES for o in offices):
        return None
    words = above.split()
    if len(words) != 2 * len(offices) or not all(_CAPITALISED_WORD.fullmatch(w) for w in words):
        return None
    return [
        (f"{words[2 * at]} {words[2 * at + 1]}", ROLES[office.casefold()])
        for at, office in enumerate(offices)
    ]


def paired_offices(line: str) -> list[tuple[str, str]]:
    """``Ordf. Per Holm, sekr. Maja Lind`` (a line, or a title's parenthesis, that holds
    nothing else): each office before its holder, joined by commas; (office, name) for the
    chair and the secretary, nothing unless both are named."""
    for part in [*re.findall(r"\(([^()]*)\)", line), line.rstrip(" .")]:
        pieces = [offices_named(piece, whole=True) for piece in re.split(r"\s*[,;]\s*", part)]
        if all(pieces) and {office for ((office, _),) in pieces} == {"chair", "secretary"}:
            return [found for (found,) in pieces]
    return []


def offices_paired_with_names(meta: Metadata, outline: Outline, config: Config) -> None:
    """The chair and the secretary named together, each after an office, on the title's
    line or a line of its own: ``# Minnesanteckningar LSG 2026-11-12 (ordf. Per Holm,
    sekr. Maja Lind)``, ``Ordf. Per Holm, sekr. Maja Lind``, ``Ordförande Anna Berg,
    sekreterare Per Ek.`` under the item electing them."""
    present = [*meta.attendees, *meta.guests]
    for unit in outline.units:
        if unit.block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        for offset, line in enumerate(unit.block.text.split("\n")):
            for office, name in paired_offices(line):
                if getattr(meta, office) is None:
                    person = named_person(name, unit.block.line + offset, present, config)
                    if person is not None and person.name:
                        setattr(meta, office, person)


@cache
def _signing_role() -> re.Pattern[str]:
    labels = alternation(SIGNING_ROLE_LABELS)
    return re.compile(rf"^\s*(?:{labels})\s*:\s*(?P<office>[^\s:][^:]{{1,40}}?)\s*$", re.IGNORECASE)


_SIGNER = re.compile(
    r"^\s*(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,3})(?:\s+\([^()]{1,8}\))?\s*$"
)


def signing_roles(meta: Metadata, outline: Outline, config: Config) -> None:
    """An e-signing service's verification page: each signer's name, their organisation,
    and ``Roll: Ordförande`` / ``Roll: Sekreterare`` (*Jonas Dahl (JD)* / *Lindviks
    kommun* / *Roll: Sekreterare* / *Signerade 2029-05-23 08:14*): the name above the
    role holds the office."""
    present = [*meta.attendees, *meta.guests]
    for unit in outline.units:
        if unit.block.kind is not BlockKind.PARAGRAPH or ":" not in unit.block.text:
            continue
        rows = unit.block.text.split("\n")
        for offset, row in enumerate(rows):
            found = _signing_role().match(row)
            role = ROLES.get(found["office"].casefold()) if found else None
            field = (
                "chair"
                if role in CHAIR_LIKE_ROLES
                else "secretary"
                if role == SECRETARY_ROLE
                else None
            )
            if field is None or getattr(meta, field) is not None:
                continue
            above = (_SIGNER.match(r) for r in reversed(rows[max(0, offset - 3) : offset]))
            signer = next((m["name"] for m in above if m is not None), None)
            if signer is not None:
                person = named_person(signer, unit.block.line + offset, present, config)
                if person is not None and person.name:
                    setattr(meta, field, person)
