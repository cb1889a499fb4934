"""Tie a summary line (a bullet of the *Beslut* list) to the agenda item it speaks of.

The summary at the top of the reference minutes repeats each decision in a
few words (*Inventering praktisk samverkan*); the item it belongs to is the
one whose title, and failing that whose text, shares the rarest words with it.
"""

from __future__ import annotations

import math

from ..model import AgendaItem, SegmentKind
from .outline import Unit
from .text import PREFIX, content_words, related

_TITLE_WEIGHT = 3.0
_MIN_SCORE = 1.0
_MARGIN = 1.15
"""The best item must beat the runner-up by this factor, or the match is too unsure."""


class _Words:
    """A set of words indexed for :func:`shared` lookups done many times."""

    def __init__(self, words: set[str] | frozenset[str]) -> None:
        self.words = frozenset(words)
        self.by_prefix: dict[str, list[str]] = {}
        for word in words:
            self.by_prefix.setdefault(word[:PREFIX], []).append(word)
        self._answers: dict[str, bool] = {}
        """Word → whether a form of it is here (every summary line asks about its words
        again, against every item)."""

    def has_form_of(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            answer = word in self.words or any(
                related(word, other) for other in self.by_prefix.get(word[:PREFIX], ())
            )
            self._answers[word] = answer
        return answer


class ItemMatcher:
    """Scores agenda items against a text by shared, rare content words."""

    def __init__(self, items: tuple[AgendaItem, ...], units: tuple[Unit, ...]) -> None:
        self._numbers = [item.number for item in items]
        bodies: dict[str, set[str]] = {n: set() for n in self._numbers}
        for unit in units:
            if unit.item in bodies and unit.segment is SegmentKind.ITEM:
                bodies[unit.item] |= content_words(unit.block.text)
        self._titles = [_Words(content_words(item.title)) for item in items]
        self._bodies = [_Words(bodies[n]) for n in self._numbers]
        self._any = [
            _Words(t.words | b.words) for t, b in zip(self._titles, self._bodies, strict=True)
        ]
        self._idfs: dict[str, float] = {}

    def _idf(self, word: str) -> float:
        idf = self._idfs.get(word)
        if idf is None:
            count = sum(words.has_form_of(word) for words in self._any)
            idf = math.log(1 + len(self._numbers) / count) if count else 0.0
            self._idfs[word] = idf
        return idf

    def best(self, text: str) -> str | None:
        """The number of the item ``text`` most likely speaks of, or None when unsure."""
        words = content_words(text)
        idf = {word: self._idf(word) for word in words}
        scores: list[tuple[float, str]] = []
        for number, title, body in zip(self._numbers, self._titles, self._bodies, strict=True):
            score = sum(idf[w] * _TITLE_WEIGHT for w in words if title.has_form_of(w))
            score += sum(idf[w] for w in words if body.has_form_of(w))
            scores.append((score, number))
        scores.sort(key=lambda pair: pair[0], reverse=True)
        if not scores or scores[0][0] < _MIN_SCORE:
            return None
        if len(scores) > 1 and scores[0][0] < scores[1][0] * _MARGIN:
            return None
        return scores[0][1]
