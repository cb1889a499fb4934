"""Names signed at the foot of the minutes, above or below their roles.

::

    Rune Lindahl                    Gun Holmgren          Per Ek
    mötesordförande                 sekreterare           Sekreterare

A signature block puts each name on the line above its role (or below it, with the
line to sign on between): the role is a label, the name its value.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from ..vocabulary import METADATA_KEYS, ROLES
from .attendance_values import PERSON_FIELDS, Found, OpenLabel, looks_like_people
from .label_cells import cells, plain

SIGNATURE_RULE = re.compile(r"^(?:\\?[_.…-]|\s){6,}\\?$")
"""``______     ______``, ``.........``: the lines to sign on (also as a converter escapes
them, ``\\_\\_\\_\\_\\_\\_\\``, with a hard break after)."""


def names_above(lines: list[str], waiting: list[tuple[int, OpenLabel]], number: int) -> list[Found]:
    """The names on the line right above labels (one over each label, side by side), when
    nothing names them below."""
    if number < 2 or not lines[number - 2].strip():
        return []
    if len(waiting) == 1 and not _signed_alone(lines, waiting[0][1], number):
        return []
    found: list[Found] = []
    for cell in cells(plain(lines[number - 2])):
        owner = next((o for column, o in waiting if abs(column - cell.start) <= 3), None)
        if owner is None or not looks_like_people(cell.text, strong=True):
            return []
        found.append(owner.found(cell.text, number - 1))
    return found if len(found) == len(waiting) else []


def _signed_alone(lines: list[str], opened: OpenLabel, number: int) -> bool:
    """``Per Ek`` / ``Sekreterare`` and then a blank line: one name signed above its role,
    not a label with its name below."""
    if opened.field not in PERSON_FIELDS:
        return False
    below = lines[number].strip() if number < len(lines) else ""
    above_that = lines[number - 3].strip() if number >= 3 else ""
    return not below and (not above_that or bool(SIGNATURE_RULE.match(above_that)))


_SIGNED_NAME = r"[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){0,2}"
_SIGNED_ENTRY = re.compile(
    rf"/?\s*(?P<name>{_SIGNED_NAME})\s*(?:,\s*(?P<role>[^,·•|\t\n()]{{3,40}}?)"
    rf"|\s\((?P<paren>[^()]{{3,40}})\))?\s*"
    # ``Ordförande Anna Berg``: the office first, one word.
    rf"|(?P<office>[A-ZÅÄÖ][a-zåäö]{{4,20}})\s+(?P<holder>{_SIGNED_NAME})\s*"
)
_SIGNED_SEPARATOR = re.compile(r"\s+[·•|]\s+|\s{3,}|\t")


def _unparted(text: str) -> bool:
    """Whether :data:`_SIGNED_SEPARATOR` cannot match in ``text``, without the scan: no
    ``·``, ``•`` or ``|``, and no three spaces in a row where a space is the only
    whitespace (every other whitespace character is unprintable, a tab too)."""
    return (
        text.isprintable()
        and "   " not in text
        and "|" not in text
        and "·" not in text
        and "•" not in text
    )


def _parts(text: str) -> list[str]:
    """``_SIGNED_SEPARATOR.split(text)``, the common case of one part without the scan.
    Signatures a PDF ran together on one line (``Anna Berg, ordf. Per Ek, sekr.``) part
    after each office that a full name follows."""
    if not _unparted(text):
        return _SIGNED_SEPARATOR.split(text)
    if "," not in text:
        return [text]
    cuts = [m.start("cut") for m in _run_together().finditer(text)]
    if not cuts:
        return [text]
    return [text[a:b].strip() for a, b in itertools.pairwise([0, *cuts, len(text)])]


@cache
def _run_together() -> re.Pattern[str]:
    offices = "|".join(sorted((re.escape(w) for w in ROLES if " " not in w), key=len, reverse=True))
    return re.compile(
        rf",\s*(?:{offices})(?P<cut>\s+)(?=[A-ZÅÄÖ][\w'-]+\s+[A-ZÅÄÖ][\w'-]+,)", re.IGNORECASE
    )


def signed_entries(line: str) -> list[tuple[str, str | None]] | None:
    """``/Per Ek, sekreterare``, ``Per Ek (sekreterare)``, ``Sekreterare Per Ek`` or
    ``Ines Nord, sekreterare · Hugo Lax, mötesordförande``: (name, the office its role
    names), or None when the line is anything else."""
    if not line.strip():
        return None
    entries: list[tuple[str, str | None]] = []
    # ``Mötesordf. Anders Gran | Prot.förare Linda Åhs | Tid 09.00–11.00``: a header row of
    # offices among other facts; the cells that are no office are passed over.
    header_row = " | " in line
    for part in _offices_in_a_row(line) or _parts(line.strip()):
        first, _, rest = part.strip().partition(" ")
        office = ROLES.get(first.casefold()) if first[:1].isupper() and rest else None
        if office is not None and re.fullmatch(_SIGNED_NAME, rest.strip()):
            entries.append((rest.strip(), office))
            continue
        found = None if _too_many_words(part) else _SIGNED_ENTRY.fullmatch(part)
        if found is None:
            if header_row:
                continue
            return None
        if found["office"]:
            entries.append((part.strip(), None))
            continue
        written = found["role"] or found["paren"] or ""
        role_text = re.sub(r"\s+\d{4}$", "", written.strip(" ."))
        role = ROLES.get(role_text.casefold()) if role_text else None
        if role_text and role is None:
            if header_row:
                continue
            return None
        entries.append((found["name"], role))
    if header_row and not any(role for _, role in entries):
        return None
    return entries


def _too_many_words(part: str) -> bool:
    """Whether ``part`` is too long for :data:`_SIGNED_ENTRY` to match it whole, without
    the match: a name of three words at most (after a ``/``, or an office of one word),
    and then nothing but a comma or a parenthesis before anything more."""
    words = part.split()
    return len(words) >= 5 and not any("," in word or "(" in word for word in words[:5])


def _offices_in_a_row(line: str) -> list[str] | None:
    """``Underskrifter Sekreterare Ylva Berg Ordförande Eva Lind Justerande Ann Sjö``: a
    signature row flattened from a PDF, each office before its name, cut at the offices
    (None unless two or more)."""
    stripped = line.strip()
    if not _unparted(stripped) and _SIGNED_SEPARATOR.search(stripped):
        return None  # parted already: read part by part
    words = line.split()
    starts = [
        i
        for i, word in enumerate(words[:-1])
        if word[:1].isupper()
        and (word.casefold() in ROLES or word.casefold() in METADATA_KEYS["adjusters"])
        and words[i + 1][:1].isupper()
        and words[i + 1].casefold() not in ROLES
    ]
    lead = " ".join(words[: starts[0]]).casefold() if starts else ""
    if len(starts) < 2 or (lead and lead not in METADATA_KEYS["ignored"]):
        return None
    return [" ".join(words[a:b]) for a, b in itertools.pairwise([*starts, len(words)])]
