"""Agenda item headings: number, title, attachments, diary number; heading keys."""

from __future__ import annotations

import re
from functools import cache

from ...vocabulary import (
    ACTION_HEADINGS,
    ACTION_SECTION_PREFIXES,
    ATTACHMENT_WORDS,
    CONTEXT_LABELS,
    DECISION_LABEL_LINES,
    DECISION_NOUN,
    DIARY_NUMBER_WORDS,
    DOCUMENT_TYPES,
    ITEM_NUMBER_PREFIXES,
    LIST_JOINERS,
    MONTHS,
)
from ..gates import GatedPattern
from ..labels import normalise_key
from ..text import alternation
from .state import Context

# --- Agenda item headings ---------------------------------------------------------


@cache
def _item_heading() -> re.Pattern[str]:
    return re.compile(
        # ``SN § 31``, ``KSAU § 12``: the body's short name before the paragraph sign.
        r"^\s*(?:[A-ZÅÄÖ]{1,6}\s+(?=§))?"
        rf"(?:(?P<prefix>{alternation(ITEM_NUMBER_PREFIXES)})\s*)?"
        r"(?P<number>\d{1,4}(?:\.\d{1,3})*)(?P<dot>[.):]?)(?:\s+|$)(?P<title>.*)$",
        re.IGNORECASE,
    )


_DATE_LIKE_NUMBER = re.compile(r"^\d{2}\.\d{2}\.\d{2,4}$")


def split_item_heading(text: str) -> tuple[str, str] | None:
    """``(number, title)`` for an agenda item heading (``§ 22 Val av justerare``), else None."""
    match = _item_heading().match(text)
    if not match:
        return None
    number, title = match["number"], match["title"].strip()
    has_prefix = bool(match["prefix"])
    if not has_prefix and (
        len(number.split(".")[0]) > 3 or (not match["dot"] and "." not in number)
    ):
        # ``2016 års budget`` and ``24 maj`` are titles, not items; plain numbers need a dot.
        return None
    if _DATE_LIKE_NUMBER.match(number):
        return None  # ``22.03.14`` is a date
    first_word = title.split(maxsplit=1)[0].casefold().rstrip(".,") if title else ""
    if first_word in MONTHS or (not title and not has_prefix):
        return None
    return number.rstrip("."), title


@cache
def _attachment_note() -> re.Pattern[str]:
    words = alternation(ATTACHMENT_WORDS)
    return re.compile(
        rf"\s*[\(\[](?P<paren>[^()\[\]]*\b(?:{words})\b[^()\[\]]*)[\)\]]"
        rf"|\s*[-–,]\s*(?P<tail>(?:{words})\b.*)$",
        re.IGNORECASE,
    )


def split_attachments(title: str) -> tuple[str, tuple[str, ...]]:
    """The title without attachment notes, and the notes (``(bilaga 2)`` → ``bilaga 2``)."""
    notes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        notes.append((match["paren"] or match["tail"]).strip())
        return ""

    cleaned = _attachment_note().sub(keep, title).strip()
    return (cleaned or title), tuple(notes)


@cache
def _diary_number() -> GatedPattern:
    pattern = re.compile(
        rf"[\s,(–-]*(?<!\w)(?:{alternation(DIARY_NUMBER_WORDS)})\.?\s*:?\s*"
        r"(?P<number>(?:[A-ZÅÄÖ]{1,8}[ /-]?)?\d[\w./:-]*+)\)?",
        re.IGNORECASE,
    )
    return GatedPattern(pattern, DIARY_NUMBER_WORDS)


def split_diary_number(title: str) -> tuple[str, str | None]:
    """The title without its diary number, and the number (``Dnr KS 2023/145`` →
    ``KS 2023/145``)."""
    match = _diary_number().search(title)
    if match is None:
        return title, None
    cleaned = (title[: match.start()] + " " + title[match.end() :]).strip(" ,–-")
    return " ".join(cleaned.split()), match["number"].rstrip(".")


def heading_key(text: str) -> str:
    """A heading compared with the vocabulary: plain, lower case, no trailing colon."""
    return normalise_key(text).rstrip(".")


def document_type_of(key: str) -> str | None:
    for word in sorted(DOCUMENT_TYPES, key=len, reverse=True):
        if key == word or key.startswith(word + " ") or key.endswith(" " + word):
            return word.capitalize()
    return None


_ACTION_PREFIXES = tuple(prefix + " " for prefix in ACTION_SECTION_PREFIXES)


def is_action_heading(key: str) -> bool:
    return key in ACTION_HEADINGS or key.startswith(_ACTION_PREFIXES)


def _bodys_decision(key: str) -> bool:
    """``Kommunstyrelsens beslut``, ``Miljö- och byggnämndens beslut``: a body's name in
    the genitive, the parts of a joined name (``miljö-``, ``och``) before it."""
    words = key.split()
    return (
        len(words) >= 2
        and words[-1] == DECISION_NOUN
        and words[-2].endswith("s")
        and all(w.endswith(("-", "-,")) or w in LIST_JOINERS for w in words[:-2])
    )


def label_line_context(key: str) -> str | None:
    """What a bare label line (``Beslut``, ``Ärendebeskrivning``) makes of the text below it."""
    if key in DECISION_LABEL_LINES or _bodys_decision(key):
        return Context.DECISION_TEXT
    if key in CONTEXT_LABELS:
        return Context.BACKGROUND
    if is_action_heading(key):
        return Context.ACTIONS
    return None
