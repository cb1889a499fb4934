"""Tie a summary line (a bullet of the *Beslut* list) to the agenda item it speaks of.

The summary at the top of the reference minutes repeats each decision in a
few words (*Inventering praktisk samverkan*); the item it belongs to is the
one whose title, and failing that whose text, shares the rarest words with it.
"""

from __future__ import annotations

import math
from collections import Counter

from ..model import AgendaItem, SegmentKind
from .structure import Unit
from .text import content_words

_TITLE_WEIGHT = 3.0
_MIN_SCORE = 1.0
_MARGIN = 1.15
"""The best item must beat the runner-up by this factor, or the match is too unsure."""


class ItemMatcher:
    """Scores agenda items against a text by shared, rare content words."""

    def __init__(self, items: tuple[AgendaItem, ...], units: tuple[Unit, ...]) -> None:
        self._numbers = [item.number for item in items]
        self._titles = [content_words(item.title) for item in items]
        bodies: dict[str, set[str]] = {n: set() for n in self._numbers}
        for unit in units:
            if unit.item in bodies and unit.segment is SegmentKind.ITEM:
                bodies[unit.item] |= content_words(unit.block.text)
        self._bodies = [bodies[n] for n in self._numbers]
        counts: Counter[str] = Counter()
        for title, body in zip(self._titles, self._bodies, strict=True):
            counts.update(title | body)
        total = max(len(items), 1)
        self._idf = {word: math.log(1 + total / count) for word, count in counts.items()}

    def best(self, text: str) -> str | None:
        """The number of the item ``text`` most likely speaks of, or None when unsure."""
        words = content_words(text)
        scores: list[tuple[float, str]] = []
        for number, title, body in zip(self._numbers, self._titles, self._bodies, strict=True):
            score = sum(self._idf.get(w, 0.0) * _TITLE_WEIGHT for w in words & title)
            score += sum(self._idf.get(w, 0.0) for w in words & body)
            scores.append((score, number))
        scores.sort(key=lambda pair: pair[0], reverse=True)
        if not scores or scores[0][0] < _MIN_SCORE:
            return None
        if len(scores) > 1 and scores[0][0] < scores[1][0] * _MARGIN:
            return None
        return scores[0][1]
