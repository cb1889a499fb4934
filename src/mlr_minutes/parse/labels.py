"""Labelled lines: ``Nyckel<TAB>värde``, ``**Nyckel:** värde``, ``Nyckel: värde``.

Word exports write metadata as tab-separated pairs, hand-written minutes as
bold or plain labels.  This module recognises the label in any of these forms
and tells which metadata field (or other labelled line) it introduces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..vocabulary import METADATA_KEYS

_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TAB_FORM = re.compile(r"^(?P<key>[^\t]{1,60}?)[ :]*\t+(?P<value>.*)$")
_EMPHASIS_FORM = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<key>[^*_\n]{1,60}?)\s*(?P<colon1>:?)\s*(?P=mark)\s*(?P<colon2>:?)\s*(?P<value>.*)$"
)
_COLON_FORM = re.compile(r"^(?P<key>[^:\t*_]{1,60}?)\s*:(?!//)\s*(?P<value>.*)$")


@dataclass(frozen=True, slots=True)
class Label:
    """A line of the form *label, value*."""

    key: str
    """The label as written, without emphasis markers or colon."""
    value: str
    """The text after the label, stripped."""
    value_offset: int
    """Offset of the value in the line, so that columns can be reported."""


def split_label(line: str, *, require_colon: bool = False) -> Label | None:
    """The label and value of ``line`` if it has the shape of a labelled line."""
    marker = _LIST_MARKER.match(line)
    start = marker.end() if marker else 0
    body = line[start:].rstrip()
    for pattern in (_TAB_FORM, _EMPHASIS_FORM, _COLON_FORM):
        if require_colon and pattern is _TAB_FORM:
            continue
        match = pattern.match(body)
        if not match:
            continue
        if pattern is _EMPHASIS_FORM and not (match["colon1"] or match["colon2"]):
            continue  # ``*B2B-mässan* blev …``: emphasis without a colon is prose
        key = match["key"].strip().strip("*_").strip().rstrip(":").strip()
        if not key:
            continue
        return Label(key, match["value"].strip(), start + match.start("value"))
    return None


@cache
def _field_by_key() -> dict[str, str]:
    return {key: name for name, keys in METADATA_KEYS.items() for key in keys}


def metadata_field(key: str) -> str | None:
    """The metadata field that a label introduces (``Närvarande`` → ``attendees``), or None."""
    return _field_by_key().get(normalise_key(key))


def normalise_key(key: str) -> str:
    """A label lower-cased with its emphasis, colon and extra spaces removed."""
    return " ".join(key.strip().strip("*_").rstrip(":").split()).casefold()


def match_metadata(line: str) -> tuple[str, Label] | None:
    """The metadata field and label of ``line``, when it is a known metadata line."""
    label = split_label(line)
    if label is None:
        return None
    field = metadata_field(label.key)
    if field is None:
        return None
    return field, label
