"""A page that a converter flattened into one line, read label by label.

Documents shared on the web are sometimes converted so that a whole protocol page is one
line: ``Hälso- och sjukvårdsnämnden … Beslutande: Bengt Alsterlind (S), ordförande
Marianne Öst (M) … Ersättare: Omar Sayed (S) Övriga deltagare: Jessica Lövdahl,
nämndsekreterare …``.  The labels are still there, capitalised as labels stand; the text
between two of them is the first one's value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from ..vocabulary import FLATTENED_LIST_LABELS, LIST_JOINERS, LIST_ROLES, METADATA_KEYS
from .attendance_values import ANYWHERE, PERSON_FIELDS, Found, is_nobody
from .label_cells import labels_on, plain
from .labels import metadata_field, normalise_key
from .text import alternation

FLATTENED_LENGTH = 200
"""A line this long that holds several labels is a page flattened into one line."""


@cache
def _flattened_labels() -> re.Pattern[str]:
    # Capitalised as labels stand (*Beslutande*, *Övriga deltagare*); a role inside the
    # list is written in lower case (*Bengt Alsterlind (S), ordförande*).
    keys = {key for keys in METADATA_KEYS.values() for key in keys if len(key) > 3}
    written = alternation(key[:1].upper() + key[1:] for key in keys)
    # ``Sekreterare... Jonna Vik``: the dotted line to sign on, left as dots;
    # ``Underskrifter Sekreterare, Siv Ekman``: a comma where the column was.
    return re.compile(rf"(?<![\w-])(?P<key>{written})(?::|,|\.{{2,}}|…)?(?=\s+\S)")


def flattened(raw: str, number: int) -> Iterator[Found]:
    """A page that a converter flattened into one line (``… Beslutande: Bengt Alsterlind
    (S), ordförande Marianne Öst (M) … Ersättare: Omar Sayed (S) Övriga deltagare: Jessica
    Lövdahl, nämndsekreterare …``): the text between two labels is the first one's value.
    Nothing unless the line holds two labels of people."""
    if not any(word in raw for word in FLATTENED_LIST_LABELS):
        return  # the cheap look first: a flattened page names a list of those present
    text = plain(raw)
    found = [m for m in _flattened_labels().finditer(text) if metadata_field(m["key"])]
    people = [m for m in found if metadata_field(m["key"]) in ANYWHERE]
    if len(people) < 2:
        return
    for match, following in zip(found, [*found[1:], None], strict=True):
        field_name = metadata_field(match["key"])
        if field_name not in ANYWHERE:
            continue
        value = text[match.end() : following.start() if following else len(text)].strip(" :")
        if field_name in PERSON_FIELDS:
            name = _FLAT_PERSON.match(value)
            person = name.group() if name else None
            if (
                person is None
                and not value
                and following is not None
                and metadata_field(following["key"]) == "ignored"
            ):
                # ``Sekreterare Paragrafer 41 -- 49 Karin Hedberg Ordförande …``: the
                # form's row beside the office, its name on the line below.
                beside = _beside().match(_value_after(text, following, found))
                person = beside["name"] if beside else None
            if person:
                yield Found(field_name, person, number)
        elif value and not is_nobody(value):
            if field_name == "adjusters" and (names := _flat_names().match(value)):
                value = names.group()  # the names, not the page's text after them
            role = LIST_ROLES.get(normalise_key(match["key"]))
            yield Found(field_name, value, number, role=role)


_FLAT_PERSON = re.compile(r"[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,2}(?:\s+\([A-ZÅÄÖ]{1,3}\))?")


@cache
def _flat_names() -> re.Pattern[str]:
    joiners = alternation((",", *LIST_JOINERS))
    # Capitalised words, not capitals: ``Bengt Axelsson ANSLAG/BEVIS`` ends at the name.
    # A third word only when no lower-case word follows it (``Maria Salo Justeringen av``).
    word = r"[A-ZÅÄÖ][a-zåäöéü'-]+(?![\w'-])"
    person = rf"{word}\s+{word}(?:\s+{word}(?!\s+[a-zåäö]))?(?:\s+\([A-ZÅÄÖ]{{1,3}}\))?"
    return re.compile(rf"{person}(?:\s*(?:{joiners})\s*{person})*")


@cache
def _beside() -> re.Pattern[str]:
    """What another label of the row holds before the office's name: numbers only."""
    return re.compile(rf"[\d\s§–—,.-]*(?P<name>{_FLAT_PERSON.pattern})")


def _value_after(text: str, label: re.Match[str], found: list[re.Match[str]]) -> str:
    later = [m for m in found if m.start() > label.start()]
    return text[label.end() : later[0].start() if later else len(text)].strip(" :")


def flattened_page(
    raw: str, number: int, lines: list[str], noise: frozenset[int] = frozenset()
) -> tuple[list[Found], int]:
    """What a flattened page starting on line ``number`` gives, and how many lines after
    it belong to it: the page may wrap (``… Karl Nordqvist (C), 2:e vice`` / ``ordförande
    Eva Blomberg (S) …``), one text to the next blank line, label or page furniture (a
    document's path in a footer)."""
    following = [
        line
        for _, line in itertools.takewhile(
            lambda at: (
                at[1].strip()
                and at[0] not in noise
                and not (at[1].lstrip()[:1].isupper() and labels_on(at[1]))
            ),
            enumerate(lines[number : number + 5], start=number + 1),
        )
    ]
    # The page's lines are metadata, read: no sentence rule reads them again.
    last = number + len(following)
    found = [replace(f, last_line=last) for f in flattened(" ".join([raw, *following]), number)]
    return found, len(following)
