"""Offices named first, their holders after in the same order: a form's table that a
converter read column by column.

::

    Ordförande          Föredragande          Protokollförare      (a row of offices)

    Kommunalråd
    Ingela Svanberg                                                 (each under a title)
    Ekonomichef
    Mattias Hedlund
    Nämndsekreterare
    Petra Lindqvist

    Underskrifter   Sekreterare                                      (a column of offices)
                    Ordförande
                    Justerande
    … the values of the labels above …
    Paragrafer 61-69
    Lena Ström
    Göran Wester
    Anna Ekdahl

The offices stand alone, nothing beside them; the names come after, one a line, as many
as there were offices, with only titles or blank lines between them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..config import Config
from .blocks import BlockKind
from .elections import named_person
from .label_cells import cells, plain
from .labels import metadata_field
from .outline import Outline

if TYPE_CHECKING:
    from .metadata import Metadata

LOOK_AHEAD = 40
"""How many lines after the offices their names may stand."""

_OFFICE_WORD = re.compile(r"[A-ZÅÄÖ][a-zåäöé]{3,}")
_NAME_LINE = re.compile(r"[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,2}(?:\s+\([A-ZÅÄÖ]{1,3}\))?")
_ITEM_START = re.compile(r"^(?:§\s*\d|\d{1,2}\.\s)")
"""Where the items begin: no signature of the front page below."""
_PARAGRAPHS = re.compile(r"\s+§§?\s*\d[\d\s,–-]*$")
"""``§§ 201–208`` after a signer's name: the paragraphs they signed for."""
_TITLE_LINE = re.compile(r"[^\W\d_]+(?:[/-][^\W\d_]+)*|(?:[^\W\d_] )+[^\W\d_]|[\s_.…-]+")
"""A line that may stand between the names: a title (*Ekonomichef*, *ANSLAG/BEVIS*), a
title with its letters spaced out (*K o m m u n a l r å d*), or a line to sign on."""
_SIGNING = frozenset(("chair", "secretary", "adjusters"))


def names_in_label_order(meta: Metadata, outline: Outline, config: Config) -> None:
    """A row or column of offices with no names beside them (``Ordförande   Föredragande
    Protokollförare``; ``Underskrifter  Sekreterare`` / ``Ordförande`` / ``Justerande``),
    and after it a run of exactly as many names, one a line: the names in the offices'
    order."""
    if meta.chair is not None and meta.secretary is not None:
        return
    lines = _lines(outline)
    for index in range(len(lines)):
        offices, after = _offices_at(lines, index)
        if offices is None:
            continue
        # A column of offices is the end of a form's label column: its names end the
        # values, after those of every other label (the last run that fills them).
        names = _names_after(lines, after, offices, last=after - index > 1)
        if names is None:
            continue
        present = [*meta.attendees, *meta.guests]
        for field, (number, name) in zip(offices, names, strict=False):
            if field in ("chair", "secretary") and getattr(meta, field) is None:
                person = named_person(name, number, present, config)
                if person is not None and person.name:
                    setattr(meta, field, person)
        return


def _lines(outline: Outline) -> list[tuple[int, str]]:
    """Every line of the front matter's and the items' paragraphs, in order, page headers
    left out."""
    found: list[tuple[int, str]] = []
    for unit in outline.units:
        if unit.noise or unit.block.kind not in (BlockKind.PARAGRAPH, BlockKind.OTHER):
            continue
        first = unit.block.line
        found += [(first + i, line) for i, line in enumerate(unit.block.text.split("\n"))]
    return found


def _offices_at(lines: list[tuple[int, str]], index: int) -> tuple[list[str] | None, int]:
    """The offices that start at ``lines[index]`` (a row of them, or one or two cells
    and then one office a line below), and the index after them."""
    row = [cell.text for cell in cells(plain(lines[index][1]))]
    while row and metadata_field(row[0]) == "ignored" and len(row) > 1:
        row = row[1:]  # ``Underskrifter   Sekreterare``: the form's heading of the row
    if not row or not all(_OFFICE_WORD.fullmatch(cell) for cell in row):
        return None, index
    offices = [metadata_field(cell) or "" for cell in row]
    after = index + 1
    while after < len(lines) and lines[after][0] == lines[after - 1][0] + 1:
        below = plain(lines[after][1]).strip()
        field = metadata_field(below) if _OFFICE_WORD.fullmatch(below) else None
        if field not in _SIGNING:
            break
        offices.append(field or "")
        after += 1
    signing = [field for field in offices if field in _SIGNING]
    if len(offices) < 2 or not {"chair", "secretary"} & set(offices):
        return None, index
    if len(row) == 1 and len(signing) < len(offices):
        return None, index  # a column holds only offices that sign
    return offices, after


def _names_after(
    lines: list[tuple[int, str]], start: int, offices: list[str], *, last: bool = False
) -> list[tuple[int, str]] | None:
    """The first run of names after ``start`` that fills the offices in order, one a
    line, with only titles, blank lines and lines to sign on between them: as many names
    as offices, or one more when the last office is the adjusters'.  Names that each signed
    some paragraphs (``Karin Wall §§ 201–208`` / ``Johan Rydh §§ 209–210``) fill one
    office together, the first of them holding it."""
    run: list[tuple[int, str, bool]] = []
    found: list[tuple[int, str]] | None = None
    end = lines[start - 1][0] + LOOK_AHEAD if start else LOOK_AHEAD
    for number, raw in lines[start:]:
        text = plain(raw).strip()
        if number > end or _ITEM_START.match(text):
            break
        name = _PARAGRAPHS.sub("", text)
        if _NAME_LINE.fullmatch(name) and not metadata_field(name):
            run.append((number, re.sub(r"\s+\(.*$", "", name), name != text))
            continue
        if not text or _TITLE_LINE.fullmatch(text):
            continue
        found = _filled(run, offices) or found
        if found is not None and not last:
            return found
        run = []
    return _filled(run, offices) or found


def _filled(run: list[tuple[int, str, bool]], offices: list[str]) -> list[tuple[int, str]] | None:
    slots: list[tuple[int, str]] = []
    for at, (number, name, partial) in enumerate(run):
        if partial and at and run[at - 1][2]:
            continue  # the next signer of the same office's other paragraphs
        slots.append((number, name))
    # Two adjusters sign under one label (``Justerande``): one name more than offices.
    extra = len(slots) - len(offices)
    if extra == 0 or (extra == 1 and offices[-1] == "adjusters"):
        return slots
    return None
