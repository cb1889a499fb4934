"""Metadata written apart from the text: YAML front matter and a metadata comment.

Front matter (YAML between ``---`` lines) wins over an HTML comment
(``<!-- .. date: 2023-02-23 -->``), which wins over labelled lines in the text.
Both are split off first, their lines blanked so that every later line number
is still the file's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..config import Config
from ..model import Diagnostic, Level
from ..vocabulary import COMMENT_ORIGIN, METADATA_KEYS
from .labels import metadata_field


@dataclass(frozen=True, slots=True)
class Explicit:
    """Metadata written apart from the text (front matter or an HTML comment)."""

    values: dict[str, tuple[Any, int]]
    """Field → (raw value, line)."""
    origin: str
    """``front matter`` or :data:`COMMENT_ORIGIN`, for messages."""


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_COMMENT_KEY = re.compile(r"[\w åäöÅÄÖ./-]+")


def _comment_line(content: str, plain: bool = False) -> tuple[str, str] | None:
    """``.. date: 2023-02-23`` → (``date``, ``2023-02-23``); with ``plain``, also
    ``Mötesdatum: 2023-02-23`` (an export's header).  Split at the first colon rather
    than by one pattern, whose lazy key before spaces backtracked on long lines."""
    stripped = content.lstrip()
    if stripped.startswith("..") and stripped[2:3].isspace():
        stripped = stripped[2:]
    elif not plain:
        return None
    key, colon, value = stripped.partition(":")
    key = key.strip()
    if not colon or not key or not _COMMENT_KEY.fullmatch(key):
        return None
    return key, value.strip()


def _field_for(key: str) -> str | None:
    normalised = key.strip().casefold().replace("-", "_")
    if normalised in METADATA_KEYS or normalised in ("start", "end"):
        return normalised
    return metadata_field(key)


_LIST_FIELDS = ("attendees", "guests", "absent", "adjusters")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [part.strip() for part in str(value).split(",") if part.strip()]


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML whose impossible dates (``2016-02-30``) stay text, so that the check of the
    ``date`` value reports them on their line instead of the YAML reader crashing."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(loader.construct_scalar(node))


_TIMESTAMP = next(t for t in yaml.SafeLoader.yaml_constructors if t and t.endswith(":timestamp"))
_FrontMatterLoader.add_constructor(_TIMESTAMP, _timestamp_or_text)

YEARS = range(1900, 2201)
"""The years a meeting date may have: a date outside is a typing error (``9999``), and
calendars and feeds cannot reckon with it."""
MAX_VALUE = 2000
"""Longest text value (characters) in front matter or a metadata comment."""
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_TEXT_FIELDS = frozenset({"body", "organisation", "document_type", "title", "location", "time",
                          "place_and_time", "start", "end"})  # fmt: skip


def _error(path: str, line: int, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(
        Level.ERROR,
        path,
        line,
        "invalid-metadata",
        message,
        hint or "skriv mötesdatumet som år-månad-dag, t.ex. 'date: 2016-04-19'",
    )


def check_value(name: str, value: Any, line: int, path: str) -> Diagnostic | None:
    """Why the written ``value`` of field ``name`` cannot be used, or None when it can: a
    date must be a real day between 1900 and 2200, a text field text (not a list), and no
    value longer than :data:`MAX_VALUE` characters."""
    if name == "date":
        return _check_date(value, line, path)
    if isinstance(value, (dict, list)) and name in _TEXT_FIELDS:
        return _error(
            path, line, f"'{name}' ska vara en text, inte en lista", f"skriv '{name}: text'"
        )
    if len(str(value)) > MAX_VALUE:
        return _error(
            path,
            line,
            f"värdet för '{name}' är längre än {MAX_VALUE} tecken",
            "stämmer raden? ett namn eller en rubrik ryms på en rad",
        )
    return None


def _check_date(value: Any, line: int, path: str) -> Diagnostic | None:
    if isinstance(value, (dict, list, bool)):
        return _error(path, line, "'date' ska vara ett datum")
    if isinstance(value, dt.date):
        year = value.year
    else:
        found = _ISO_DATE.match(str(value))
        if found is None:
            return None  # written out (*19 april 2016*): read like the text's dates
        year, month, day = (int(part) for part in found.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            return _error(path, line, f"”{found.group().strip()}” är inget datum")
    if year not in YEARS:
        return _error(path, line, f"året {year} ligger utanför {YEARS[0]}–{YEARS[-1]}")
    return None


def _load_yaml(raw: str) -> tuple[Any, dict[str, int]]:
    """The YAML document, and each top-level key's line in the file (front matter starts
    on line 2), read from the parser's marks rather than by searching the lines for each
    key (quadratic in a long front matter)."""
    loader = _FrontMatterLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        key_lines: dict[str, int] = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = str(loader.construct_object(key_node))
                    key_lines.setdefault(key, key_node.start_mark.line + 2)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return data or {}, key_lines


def split_front_matter(
    text: str, path: str, config: Config
) -> tuple[Explicit | None, str, list[Diagnostic]]:
    """YAML front matter, and the text with its lines blanked (line numbers stay right).

    Keys the parser does not know are reported once for the file, all of them named,
    except those the configuration says to ignore (a converter's ``source_file:``)."""
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
        data, key_lines = _load_yaml(raw)
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
    unknown: list[tuple[str, int]] = []
    invalid: list[Diagnostic] = []
    ignored = {key.casefold() for key in config.ignored_front_matter_keys}
    for key, value in data.items():
        name = _field_for(str(key))
        line = key_lines.get(str(key), 2)
        if name is None or name == "ignored":
            if str(key).casefold() not in ignored and name is None:
                unknown.append((str(key), line))
            continue
        if (problem := check_value(name, value, line, path)) is not None:
            invalid.append(problem)
            continue
        if name in values and name in _LIST_FIELDS:
            # ``närvarande:`` and ``deltagare:`` both list people: keep them all.
            values[name] = (_as_list(values[name][0]) + _as_list(value), values[name][1])
        else:
            values[name] = (value, line)
    problems: list[Diagnostic] = invalid
    if unknown:
        names = ", ".join(f"'{key}'" for key, _ in unknown)
        problems.append(
            Diagnostic(
                Level.WARNING,
                path,
                unknown[0][1],
                "unknown-metadata-key",
                f"okända nycklar i front matter ignoreras: {names}",
                "kända nycklar: date, time, location, chair, secretary, attendees, guests, "
                "absent, adjusters, body, organisation, document_type, title; nycklar som inte "
                "ska rapporteras listas under 'ignore_front_matter_keys' i mlr-minutes.yaml",
            )
        )
    return Explicit(values, "front matter"), blanked, problems


def split_comment_metadata(
    text: str, path: str = ""
) -> tuple[Explicit | None, str, list[Diagnostic]]:
    """``.. key: value`` lines inside an HTML comment, the text with the comment blanked,
    and the values that cannot be used (each an error on its line, the value left out)."""
    lines = text.split("\n")
    values: dict[str, tuple[Any, int]] = {}
    problems: list[Diagnostic] = []
    start: int | None = None
    # A comment before any text is the file's header (an export's ``Mötesdatum: …``):
    # its plain ``key: value`` lines count.  Further down, only ``.. key:`` lines do;
    # ``<!-- Närvarande: … -->`` there is text someone took out.
    header = True
    for number, line in enumerate(lines):
        stripped = line.strip()
        if start is None and stripped.startswith("<!--"):
            start = number
        elif start is None and stripped:
            header = False
        if start is not None:
            content = stripped.removeprefix("<!--").removesuffix("-->")
            pair = _comment_line(content, plain=header)
            if pair and (name := _field_for(pair[0])) not in (None, "ignored"):
                problem = check_value(str(name), pair[1], number + 1, path)
                if problem is None:
                    values[str(name)] = (pair[1], number + 1)
                else:
                    problems.append(problem)
            if stripped.endswith("-->"):
                if values or problems:
                    for blank in range(start, number + 1):
                        lines[blank] = ""
                    return Explicit(values, COMMENT_ORIGIN), "\n".join(lines), problems
                start, header = None, False
    return None, text, problems
