"""Cheap gates before costly patterns: whether a text may hold any of a list of words.

Python's regex engine has no fast scan for a pattern that opens with a lookbehind, a
class or a case-insensitive alternative: it tries the whole pattern at every character,
so that a pattern built from a word list (:func:`~.text.alternation`) costs microseconds
on a sentence and tens of them on a paragraph that holds none of its words, which is
most.  A :class:`WordGate` first asks whether some word of the list stands in the text at
all, and the pattern runs only where one does.  The text is lower-cased (and, for
whole-word gates, cut into words) once, for every gate that asks about it in turn.

A gate may let a text through that the pattern then rejects, never the reverse: each
word is looked for by one literal piece of it (multi-word entries and ``...`` gaps match
flexibly in the pattern), in lower case; a text with a character that
:data:`re.IGNORECASE` matches to a letter other than its own lower case (İ, dotless ı,
long ſ) or with U+FFFD (which a damaged pattern matches in place of å, ä or ö) is always
let through.  ``tests/test_gates.py`` checks these premises against every code point.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache

_UNFOLDED = ("\u0130", "\u0131", "\u017f", "\ufffd")
"""The characters for which lower-casing is no substitute for the regex engine's case
folding (İ, ı, ſ), and U+FFFD, which a damaged pattern matches in place of å, ä or ö."""

_GAP = re.compile(r"\s+|\.\.\.")
_TEXTS = 256
"""How many texts' lower case and words are remembered: every gate of a file's rules asks
about its lines, sentences and blocks in turn, some twice over many others."""
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=_TEXTS)
def _lowered(text: str) -> str | None:
    """``text`` in lower case, or None when a gate must let it through."""
    for char in _UNFOLDED:
        if char in text:
            return None
    return text.lower()


@lru_cache(maxsize=_TEXTS)
def _words(text: str) -> frozenset[str] | None:
    """The words (runs of ``\\w``) of ``text`` in lower case, or None as for :func:`_lowered`."""
    lowered = _lowered(text)
    return None if lowered is None else frozenset(_WORD.findall(lowered))


def pieces(words: Iterable[str], *, whole: bool = False) -> frozenset[str]:
    """What a text must hold, in lower case, for one of ``words`` to stand in it as
    :func:`~.text.alternation` matches them: the longest literal piece of each word
    (without the pieces that hold another: a text holding ``valdes`` holds ``valde``);
    with ``whole``, the longest run of word characters of each, which stands as a whole
    word of the text wherever the word does as a whole word."""
    found = set()
    for word in words:
        parts = _WORD.findall(word) if whole else [part for part in _GAP.split(word) if part]
        if not parts:
            raise ValueError(f"no literal piece in {word!r}")
        found.add(max(parts, key=len).lower())
    if whole:
        return frozenset(found)
    return frozenset(p for p in found if not any(q != p and q in p for q in found))


FEW = 16
"""Up to this many pieces a gate looks for each as a substring; a whole-word gate of more
cuts the text into words once and looks them up (the words are shared by its gates)."""


class WordGate:
    """Whether a text may hold one of the words given: never False where the words'
    case-insensitive :func:`~.text.alternation` matches; with ``whole``, where it matches
    as a whole word (behind ``(?<!\\w)`` and before ``(?!\\w)`` or a space)."""

    __slots__ = ("_by_words", "_pieces", "words")

    def __init__(self, words: Iterable[str], *, whole: bool = False) -> None:
        self.words = tuple(words)
        self._pieces = pieces(self.words, whole=whole)
        self._by_words = whole and len(self._pieces) > FEW

    def __call__(self, text: str) -> bool:
        if self._by_words:
            found = _words(text)
            return found is None or not found.isdisjoint(self._pieces)
        lowered = _lowered(text)
        if lowered is None:
            return True
        # A loop, not any() over a generator: a gate runs on every sentence.
        for piece in self._pieces:  # noqa: SIM110
            if piece in lowered:
                return True
        return False


class GatedPattern:
    """A compiled pattern that matches only where one of ``words`` stands (as
    :func:`~.text.alternation` matches it; with ``whole``, as a whole word), tried only
    where its :class:`WordGate` lets the text through: the pattern's own matches."""

    __slots__ = ("gate", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], words: Iterable[str], *, whole: bool = False
    ) -> None:
        self.pattern = pattern
        self.gate = WordGate(words, whole=whole)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.gate(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.gate(text) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, pos, endpos) if self.gate(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.gate(text) else iter(())


def gated(pattern: str, words: Iterable[str], *, whole: bool = True) -> GatedPattern:
    """``pattern`` (case-insensitive) behind the gate of ``words``, which it must match as
    :func:`~.text.alternation` matches them (with ``whole``, as whole words)."""
    return GatedPattern(re.compile(pattern, re.IGNORECASE), words, whole=whole)
