"""A task marked done: a mark before or after it (``- ✅ Boka lokal``, ``Boka lokal
(klart)``) or a status clause (``– klart``, ``… Klart.``)."""

from __future__ import annotations

import re
from functools import cache

from ..vocabulary import DONE_MARKS, DONE_STATUSES
from .text import alternation


@cache
def _done() -> re.Pattern[str]:
    marks = alternation(DONE_MARKS)
    return re.compile(rf"^\s*(?:{marks})\s*|\s*(?:{marks})\s*$")


def marked_done(text: str) -> bool:
    """``- ✅ Boka lokal``, ``Boka lokal (klart)``: a done mark at the start or the end."""
    if not any(mark in text for mark in DONE_MARKS):
        return False  # the cheap look first: the marks are written as they are matched
    return bool(_done().search(text.strip()))


def without_done_mark(text: str) -> str:
    return _done().sub("", text.strip()).strip()


@cache
def done_clause() -> re.Pattern[str]:
    """``– klart``, ``, klart.``: a status after a task that says it is done."""
    statuses = alternation(DONE_STATUSES)
    return re.compile(rf"(?:^|[–—,.;:]\s*)(?:{statuses})(?=\s*(?:[,.;!]|$))", re.IGNORECASE)
