"""Labelled lines: ``Nyckel<TAB>värde``, ``**Nyckel:** värde``, ``Nyckel: värde``,
``Nyckel    värde`` and a label alone on its line.

Word exports write metadata as tab-separated pairs, PDF conversions as a label,
two or more spaces and a value, hand-written minutes as bold or plain labels.
Each form is a rule of :data:`LABEL_FORMS`; the loose forms (wide spaces, a label
alone) are only taken for known metadata keys, where a stray pair of spaces in
prose cannot be mistaken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..vocabulary import (
    ABSENCE_WORDS,
    ANOTHER_MEETINGS_OFFICE,
    GENITIVE_ENDINGS,
    GROUP_NOUN_KEYS,
    LABEL_PREFIXES,
    METADATA_KEYS,
    NAME_JOINERS,
    OFFICER_LABEL_QUALIFIERS,
    OFFICER_TIME_QUALIFIERS,
    PRESENT_LABEL_ENDINGS,
    RESPECTIVE_WORDS,
    ROLES,
    SECRETARY_COLON_KEYS,
)
from .ruler import Ruler
from .text import alternation

_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TAB_FORM = re.compile(r"^(?P<key>[^\t]{1,60}?)[ :]*\t+(?P<value>.*)$")
_EMPHASIS_FORM = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<key>[^*_\n]{1,60}?)\s*(?P<colon1>:?)\s*(?P=mark)\s*(?P<colon2>:?)\s*(?P<value>.*)$"
)
_COLON_FORM = re.compile(r"^(?P<key>[^:\t*_]{1,60}?)\s*:(?!//)\s*(?P<value>.*)$")
_WIDE_FORM = re.compile(r"^(?P<key>[^\s:][^\t:]{0,50}?)(?:\s*:)?(?: {2,}|\t)\s*(?P<value>\S.*)$")
_DASH_FORM = re.compile(r"^(?P<key>[^–—:|]{2,40}?)\s+[–—]\s+(?P<value>\S.*)$")
_ABBREVIATION_FORM = re.compile(r"^(?P<key>[A-ZÅÄÖ][a-zåäö]{2,6}\.)\s+(?P<value>[A-ZÅÄÖ@].*)$")
_BARE_FORM = re.compile(r"^[#*_\s]*(?P<key>[^:*_#\n]{2,50}?)[\s:*_]*$")
_HARD_BREAK = re.compile(r"(?:\\|\s{2,})$")


@dataclass(frozen=True, slots=True)
class Label:
    """A line of the form *label, value*."""

    key: str
    """The label as written, without emphasis markers or colon."""
    value: str
    """The text after the label, stripped."""
    value_offset: int
    """Offset of the value in the line, so that columns can be reported."""


LabelForm = Callable[[str, int], Label | None]
"""A form gets the line (list marker removed) and the marker's length."""


def _label(match: re.Match[str], start: int) -> Label | None:
    key = match["key"].strip().strip("*_").strip().rstrip(":").strip()
    if not key:
        return None
    return Label(key, match["value"].strip(), start + match.start("value"))


def tab_form(body: str, start: int) -> Label | None:
    """``Mötesdatum<TAB>2016-04-19``: a Word export's table, one pair a line."""
    match = _TAB_FORM.match(body)
    return _label(match, start) if match else None


def emphasis_form(body: str, start: int) -> Label | None:
    """``**Datum:** 2016-04-19`` or ``*Plats*: Lund``; emphasis without a colon is prose."""
    match = _EMPHASIS_FORM.match(body)
    if not match or not (match["colon1"] or match["colon2"]):
        return None
    return _label(match, start)


def colon_form(body: str, start: int) -> Label | None:
    """``Plats: Stadshuset``."""
    match = _COLON_FORM.match(body)
    return _label(match, start) if match else None


LABEL_FORMS: Ruler[LabelForm] = Ruler(
    [("tab_form", tab_form), ("emphasis_form", emphasis_form), ("colon_form", colon_form)]
)
"""Forms of a labelled line with any key, tried in order."""


def wide_space_form(body: str, start: int) -> Label | None:
    """``Sekreterare      Anna Berg``: a PDF conversion's two columns, two or more spaces
    between a known label and its value; ``Ordförande   ..........`` is a line to sign
    on, the name below it."""
    match = _WIDE_FORM.match(body)
    if match and _LEADER_RUN in match["key"]:
        key = match["key"].split(_LEADER_RUN, 1)[0].strip()
        if metadata_field(key) is not None and not match["value"].strip(" ._…"):
            return Label(key, "", start + len(body))
    if not match or metadata_field(match["key"]) is None:
        return None
    return _label(match, start)


_LEADER_RUN = "...."


def bare_form(body: str, start: int) -> Label | None:
    """``Närvarande``, ``Deltagande ledamöter:``, ``**Vid protokollet**``: a known label alone
    on its line, with its value on the lines below."""
    match = _BARE_FORM.match(body)
    if not match or metadata_field(match["key"]) is None:
        return None
    return Label(match["key"].strip(), "", start + len(body))


def abbreviation_form(body: str, start: int) -> Label | None:
    """``Frånv. Leo Dahl (F1), anmält``: a known label shortened with a full stop, the
    value after one space."""
    match = _ABBREVIATION_FORM.match(body)
    if not match or metadata_field(match["key"]) is None:
        return None
    return _label(match, start)


_LEADERS_FORM = re.compile(r"^\s*(?P<key>[^.:…_]{2,50}?)\s*(?:[.…_]\s?){4,}\s*(?P<value>\S.*)$")


def leaders_form(body: str, start: int) -> Label | None:
    """``Stämmoordförande ............. Lars Persson``: a known label, dotted leaders, the
    value, as a typed list of functionaries lines them up."""
    match = _LEADERS_FORM.match(body) if ".." in body or "…" in body or "__" in body else None
    if not match or metadata_field(match["key"]) is None:
        return None
    if not match["value"].strip(" ._…"):
        # ``Ordförande   ..........``: the line to sign on, the name below it.
        return Label(match["key"].strip(), "", start + len(body))
    return _label(match, start)


_PEOPLE_LISTS = ("attendees", "guests", "absent")
_PRESENT_LABEL_WORDS = 5
"""At most this many words in a label of those present (longer is a sentence)."""


def space_form(body: str, start: int) -> Label | None:
    """``Frånvarande Gert Nilsson``: a people label, one space, then names (a capital
    after the label; ``Närvarande var …`` is a sentence)."""
    words = body.split()
    for size in (3, 2, 1):
        if len(words) <= size or not words[size][:1].isupper():
            continue
        key = " ".join(words[:size])
        if normalise_key(key) in GROUP_NOUN_KEYS:
            continue  # ``Styrgrupp Nya Tallmoskolan – möte 3``: a title, not a list
        if _field_by_key().get(normalise_key(key)) in _PEOPLE_LISTS and not key.endswith(":"):
            # (The words as written: a tab or two spaces may stand between them.)
            written = re.match(r"\s*" + r"\s+".join(map(re.escape, words[:size])), body)
            at = body.index(words[size], written.end() if written else 0)
            if body[at - 2 : at] == "  ":
                continue  # wider apart: a column, which ``wide_space_form`` reads
            return Label(key, body[at:].strip(), start + at)
    return None


def dash_form(body: str, start: int) -> Label | None:
    """``Mötesordförande – ekström`` in a list of roles: a known label, a dash, the value."""
    match = _DASH_FORM.match(body)
    if not match or metadata_field(match["key"]) is None:
        return None
    return _label(match, start)


LOOSE_FORMS: Ruler[LabelForm] = Ruler(
    [
        ("wide_space_form", wide_space_form),
        ("leaders_form", leaders_form),
        ("dash_form", dash_form),
        ("abbreviation_form", abbreviation_form),
        ("space_form", space_form),
        ("bare_form", bare_form),
    ]
)
"""Forms taken only for known metadata keys, after :data:`LABEL_FORMS`."""


def _body(line: str) -> tuple[str, int]:
    marker = _LIST_MARKER.match(line)
    start = marker.end() if marker else 0
    return _HARD_BREAK.sub("", line[start:].rstrip()), start


@lru_cache(maxsize=16384)
def split_label(line: str, *, require_colon: bool = False, loose: bool = False) -> Label | None:
    """The label and value of ``line`` if it has the shape of a labelled line.

    ``require_colon`` leaves out the tab form; ``loose`` adds the forms only known
    metadata keys take (wide spaces, a label alone)."""
    body, start = _body(line)
    for form in LABEL_FORMS.rules():
        if require_colon and form is tab_form:
            continue
        found = form(body, start)
        if found is not None:
            if loose and metadata_field(found.key) is None:
                break  # not metadata; ``Plats och tid    Rådhuset, kl. 13:00`` may be
            return found
    if loose:
        for form in LOOSE_FORMS.rules():
            found = form(body, start)
            if found is not None:
                return found
        return None
    return None


@cache
def _field_by_key() -> dict[str, str]:
    return {key: name for name, keys in METADATA_KEYS.items() for key in keys}


@cache
def _field_by_damaged_key() -> dict[str, str]:
    # A key decoded wrongly somewhere (``N�rvarande``): å, ä, ö each lost as U+FFFD.
    table = str.maketrans({"å": "\ufffd", "ä": "\ufffd", "ö": "\ufffd"})
    return {key.translate(table): name for key, name in _field_by_key().items()}


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


@cache
def _field_by_folded_key() -> dict[str, str]:
    # A key written without Swedish letters (``ordforande:``, ``motesdatum:`` in a YAML
    # front matter, ``Narvarande:`` from a system without them).  Only keys that need the
    # letters: a folded key never shadows a real one.
    plain = _field_by_key()
    return {
        folded: name
        for key, name in plain.items()
        if (folded := key.translate(_FOLD)) != key and folded not in plain
    }


@lru_cache(maxsize=16384)
def cell_field(key: str) -> str | None:
    """The field a table's label cell introduces: any label, and those that need a colon
    elsewhere (``| Protokoll | Emma Sjödin |``: the cell boundary is the colon)."""
    found = metadata_field(key)
    if found is None and normalise_key(key) in SECRETARY_COLON_KEYS:
        return "secretary"
    return found


_PREFIXES = tuple(LABEL_PREFIXES)
"""Every prefix at once, for the one look that rules most keys out."""


def metadata_field(key: str) -> str | None:
    """The metadata field that a label introduces (``Närvarande`` → ``attendees``,
    ``Närvarande (på plats och i Jitsi)`` and ``Närvarande röstberättigade medlemmar``
    too), or None."""
    normalised = normalise_key(key)
    found = _field_by_key().get(normalised)
    if found is None and "\ufffd" in normalised:
        found = _field_by_damaged_key().get(normalised)
    if found is None and normalised.isascii():
        found = _field_by_folded_key().get(normalised)
    if found is None and len(normalised) <= 60 and normalised.startswith(_PREFIXES):
        found = next(
            (field for prefix, field in LABEL_PREFIXES.items() if normalised.startswith(prefix)),
            None,
        )
    if found is None and ", " in normalised:
        # ``Närvarande, per stämma``: a list of people, and how it is ordered.
        first = _field_by_key().get(normalised.split(", ", 1)[0])
        found = first if first in ("attendees", "guests", "absent") else None
    if found is None and " / " in normalised:
        # ``Attendees / Närvarande``: a label in two languages.
        found = next((f for part in normalised.split(" / ") if (f := metadata_field(part))), None)
    if found is None and normalised.endswith(OFFICER_TIME_QUALIFIERS):
        # ``Ordf. denna vecka``: the office, for this meeting only.
        for qualifier in OFFICER_TIME_QUALIFIERS:
            if normalised.endswith(f" {qualifier}"):
                stripped = normalised[: -len(qualifier) - 1]
                # ``Värd och mötesledare denna gång``: offices joined, for this meeting.
                joined = officer_fields(stripped)
                office = _field_by_key().get(stripped) or (joined[0] if joined else None)
                found = office if office in _OFFICERS else None
                break
    if found is None:
        both = officer_fields(normalised)
        found = both[0] if both else None
    if found is None and " " in normalised:
        found = _qualified_officer(normalised)
    if found is None and (parts := _joined_labels().split(normalised))[1:]:
        # ``Ledamöter och ersättare``: lists of people joined, one list.
        fields = {_field_by_key().get(part.strip()) for part in parts}
        found = "attendees" if fields <= {"attendees", "guests"} and fields else None
    if found is None and " " in normalised and normalised.endswith(PRESENT_LABEL_ENDINGS):
        # ``Föreningsmedlemmar som närvarade``: those present, whoever they are.
        words = normalised.split()
        if len(words) <= _PRESENT_LABEL_WORDS:
            away = any(f" {w} " in f" {normalised} " for w in ABSENCE_WORDS)
            found = "absent" if away else "attendees"
    if found is None and " " in normalised:
        # ``Kommunernas ledamöter``, ``Regionens ledamöter``: whose members, one list each.
        owner, _, rest = normalised.partition(" ")
        inner = _field_by_key().get(rest) if owner.endswith(GENITIVE_ENDINGS) else None
        found = inner if inner in _LISTS else None
    return found


_LISTS = ("attendees", "guests", "absent")
_PRESENT_LABEL_WORDS = 5
"""At most this many words in a label of those present (longer is a sentence)."""


_OFFICERS = ("chair", "secretary", "adjusters")

_QUALIFIER_WORDS = 4
"""At most this many words of where or by whom after an officer's label."""


def _qualified_officer(key: str) -> str | None:
    """``anteckningar direkt i presentationen`` → ``secretary``: an officer's label and a
    short phrase of where or by whom (:data:`OFFICER_LABEL_QUALIFIERS`)."""
    words = key.split()
    for cut in range(1, min(len(words), 3)):
        tail = words[cut:]
        if len(tail) > _QUALIFIER_WORDS:
            continue
        opening = next(
            (q for q in OFFICER_LABEL_QUALIFIERS if " ".join(tail).startswith(f"{q} ")), None
        )
        if opening is None and " ".join(tail) not in OFFICER_LABEL_QUALIFIERS:
            continue
        found = _field_by_key().get(" ".join(words[:cut]))
        if found in _OFFICERS:
            return found
    return None


@lru_cache(maxsize=4096)
def officer_values(key: str, value: str, field: str) -> list[tuple[str, str]]:
    """Each office a label names (``field`` first) with its value: one person for them
    all (``Sammankallande och vid tangentbordet: Lena Holm``), or one each in turn when
    *respektive* or a slash pairs them (``Mötets ordförande och sekreterare: Lena Ståhl (S)
    resp. Kim Edlund``, ``Ordf./sekr.  Bengt Rydell (S) / Karin Olsson``)."""
    fields = (field, *officer_fields(key)[1:])
    parts = [part.strip() for part in _respectively().split(value)]
    if len(parts) == 1 and "/" in key:
        # ``Ordf./sekr.  Bengt Rydell (S) / Karin Olsson``: the slash of the label pairs
        # the names split by one.
        parts = [part.strip() for part in value.split("/")]
    if len(fields) > 1 and len(parts) == len(fields) and all(parts):
        return list(zip(fields, parts, strict=True))
    return [(office, value) for office in fields]


@cache
def _respectively() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(RESPECTIVE_WORDS)})\s+", re.IGNORECASE)


def officer_fields(key: str) -> tuple[str, ...]:
    """The officers a joined label names (``Sammankallande och vid tangentbordet``,
    ``Ordförande/sekreterare``): one person holds them all.  Empty for any other key."""
    parts = _joined_labels().split(normalise_key(key))
    if len(parts) < 2:
        return ()
    # ``Projektledare/Ordförande``: an office and another role the same person holds.
    fields = tuple(
        _field_by_key().get(part.strip()) or ("role" if part.strip() in ROLES else None)
        for part in parts
    )
    if any(f in _OFFICERS for f in fields) and all(f in (*_OFFICERS, "role") for f in fields):
        # ``Mötesvärd och ordförande för dagen``: two words for one office count once.
        return tuple(dict.fromkeys(field for field in fields if field in _OFFICERS))
    return ()


@cache
def _joined_labels() -> re.Pattern[str]:
    return re.compile(rf"\s*[/,]\s*|\s+(?:{alternation(NAME_JOINERS)})\s+")


_ASIDE = re.compile(r"\s*\([^()]{0,60}\)\s*")


@lru_cache(maxsize=16384)
def normalise_key(key: str) -> str:
    """A label lower-cased with its emphasis, colon, an aside in parentheses, a hard line
    break (Pandoc's ``**Beslut**\\``) and extra spaces removed."""
    key = _ASIDE.sub(" ", key) if "(" in key else key
    if key.rstrip()[-1:] == "\\":
        key = key.rstrip()[:-1]
    if key[:1] and not key[:1].isalnum() and key[:1] not in "*_#@":
        key = _LEADING_SYMBOLS.sub("", key)  # ``👥 Närvarande``: an emoji before the label
    if key[-1:].isdigit():
        key = _DATED.sub("", key)  # ``Justerat 2025-04-14``: the label, dated
    return " ".join(key.strip().strip("*_").rstrip(":").strip("*_ ").split()).casefold()


_LEADING_SYMBOLS = re.compile(r"^[^\w*_#@]+")
_DATED = re.compile(r"\s+\d{4}-\d{2}-\d{2}$|\s+\d{1,2}/\d{1,2}(?:\s+\d{4})?$")


@lru_cache(maxsize=16384)
def match_metadata(line: str, *, loose: bool = False) -> tuple[str, Label] | None:
    """The metadata field and label of ``line``, when it is a known metadata line."""
    label = split_label(line, loose=loose)
    if label is None:
        return None
    if not label.value and label.key.endswith(".") and len(label.key.split()) > 2:
        return None  # ``deltog och var positiva till samförläggning.``: a sentence, no label
    field = metadata_field(label.key)
    if field is None:
        return None
    return field, label


@cache
def _another_meetings_office() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(ANOTHER_MEETINGS_OFFICE)})(?!\w)", re.IGNORECASE)


def another_meetings(text: str) -> bool:
    """Whether an office in ``text`` is another meeting's (*… för nästa möte*, *Ordförande
    nästa vecka:*)."""
    return _another_meetings_office().search(text) is not None
