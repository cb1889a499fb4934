"""Metadata written apart from the text: YAML front matter and a metadata comment.

Front matter (YAML between ``---`` lines) wins over an HTML comment
(``<!-- .. date: 2023-02-23 -->``), which wins over labelled lines in the text.
Both are split off first, their lines blanked so that every later line number
is still the file's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..config import Config
from ..model import Diagnostic, Level
from ..vocabulary import METADATA_KEYS
from .labels import metadata_field


@dataclass(frozen=True, slots=True)
class Explicit:
    """Metadata written apart from the text (front matter or an HTML comment)."""

    values: dict[str, tuple[Any, int]]
    """Field → (raw value, line)."""
    origin: str
    """``front matter`` or ``kommentar``, for messages."""


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_COMMENT_KEY = re.compile(r"[\w åäöÅÄÖ-]+")


def _comment_line(content: str) -> tuple[str, str] | None:
    """``.. date: 2023-02-23`` → (``date``, ``2023-02-23``).  Split at the first colon
    rather than by one pattern, whose lazy key before spaces backtracked on long lines."""
    stripped = content.lstrip()
    if not stripped.startswith("..") or not stripped[2:3].isspace():
        return None
    key, colon, value = stripped[2:].partition(":")
    key = key.strip()
    if not colon or not key or not _COMMENT_KEY.fullmatch(key):
        return None
    return key, value.strip()


def _field_for(key: str) -> str | None:
    normalised = key.strip().casefold().replace("-", "_")
    if normalised in METADATA_KEYS or normalised in ("start", "end"):
        return normalised
    return metadata_field(key)


def _load_yaml(raw: str) -> tuple[Any, dict[str, int]]:
    """The YAML document, and each top-level key's line in the file (front matter starts
    on line 2), read from the parser's marks rather than by searching the lines for each
    key (quadratic in a long front matter)."""
    loader = yaml.SafeLoader(raw)
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
    ignored = {key.casefold() for key in config.ignored_front_matter_keys}
    for key, value in data.items():
        name = _field_for(str(key))
        line = key_lines.get(str(key), 2)
        if name is None or name == "ignored":
            if str(key).casefold() not in ignored and name is None:
                unknown.append((str(key), line))
            continue
        values[name] = (value, line)
    problems: list[Diagnostic] = []
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
            pair = _comment_line(content)
            if pair and (name := _field_for(pair[0])) not in (None, "ignored"):
                values[str(name)] = (pair[1], number + 1)
            if stripped.endswith("-->"):
                if values:
                    for blank in range(start, number + 1):
                        lines[blank] = ""
                    return Explicit(values, "kommentar"), "\n".join(lines)
                start = None
    return None, text
