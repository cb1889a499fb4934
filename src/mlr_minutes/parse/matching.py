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


class ItemMatcher:
    """Scores agenda items against a text by shared, rare content words."""

    def __init__(self, items: tuple[AgendaItem, ...], units: tuple[Unit, ...]) -> None:
        self._numbers = [item.number for item in items]
        bodies: dict[str, set[str]] = {n: set() for n in self._numbers}
        for unit in units:
            if unit.item in bodies and unit.segment is SegmentKind.ITEM:
                bodies[unit.item] |= content_words(unit.block.text)
        self._titles = [frozenset(content_words(item.title)) for item in items]
        self._bodies = [frozenset(bodies[n]) for n in self._numbers]
        # Every item's words by their first letters, so that a word is compared only with
        # the words it could be a form of (:func:`~.text.related`), in any item at once.
        self._by_prefix: dict[str, list[tuple[int, bool, str]]] = {}
        for is_title, table in ((True, self._titles), (False, self._bodies)):
            for index, words in enumerate(table):
                for word in words:
                    self._by_prefix.setdefault(word[:PREFIX], []).append((index, is_title, word))
        self._idfs: dict[str, float] = {}
        self._hits: dict[str, tuple[tuple[bool, ...], tuple[bool, ...]]] = {}
        """Word → whether each item's title, and each item's text, has a form of it
        (every summary line asks about its words again, against every item)."""

    def _idf(self, word: str) -> float:
        idf = self._idfs.get(word)
        if idf is None:
            # A form of the word in an item's title or text: in the two together.
            titles, bodies = self._hits_of(word)
            count = sum(title or body for title, body in zip(titles, bodies, strict=True))
            idf = math.log(1 + len(self._numbers) / count) if count else 0.0
            self._idfs[word] = idf
        return idf

    def _hits_of(self, word: str) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
        found = self._hits.get(word)
        if found is None:
            titles = [word in words for words in self._titles]
            bodies = [word in words for words in self._bodies]
            for index, is_title, other in self._by_prefix.get(word[:PREFIX], ()):
                hits = titles if is_title else bodies
                if not hits[index] and related(word, other):
                    hits[index] = True
            found = (tuple(titles), tuple(bodies))
            self._hits[word] = found
        return found

    def best(self, text: str) -> str | None:
        """The number of the item ``text`` most likely speaks of, or None when unsure."""
        words = content_words(text)
        idf = {word: self._idf(word) for word in words}
        hits = [(idf[word], *self._hits_of(word)) for word in words]
        scores: list[tuple[float, str]] = []
        for index, number in enumerate(self._numbers):
            # The same sums, in the same order, as asking each item about each word.
            score = sum(weight * _TITLE_WEIGHT for weight, title, _ in hits if title[index])
            score += sum(weight for weight, _, body in hits if body[index])
            scores.append((score, number))
        scores.sort(key=lambda pair: pair[0], reverse=True)
        if not scores or scores[0][0] < _MIN_SCORE:
            return None
        if len(scores) > 1 and scores[0][0] < scores[1][0] * _MARGIN:
            return None
        return scores[0][1]
