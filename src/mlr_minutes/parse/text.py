"""Small text tools shared by the extraction rules: sentences, words, similarity."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..vocabulary import ABBREVIATIONS, STOPWORDS, SWEDISH_LETTERS


def collapse(text: str) -> str:
    """Whitespace (line breaks, tabs) collapsed to single spaces, ends trimmed."""
    return " ".join(text.split())


MAX_SLUG = 80
"""Longest slug: slugs become folder names (at most 255 bytes on every common file system)
and URLs, and a name pasted with a whole paragraph must still build."""


def slugify(text: str) -> str:
    """``Kommundirektörmöte`` → ``kommundirektormote``: å/ä → a, ö → o, the rest ASCII.

    A slug longer than :data:`MAX_SLUG` is cut at a word and ends in a short digest of
    the whole, so that two long names that begin alike still get two slugs."""
    folded = text.casefold().replace("å", "a").replace("ä", "a").replace("ö", "o")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) <= MAX_SLUG:
        return slug
    digest = hashlib.sha256(slug.encode()).hexdigest()[:8]
    head = slug[: MAX_SLUG - len(digest) - 1]
    if "-" in head:
        head = head[: head.rindex("-")]
    return f"{head}-{digest}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph, with its offset there."""

    text: str
    """The sentence, as in the paragraph (line breaks kept)."""
    offset: int
    """Its offset in the paragraph's plain text."""


def alternation(words: Iterable[str], *, damaged: bool = False) -> str:
    """A regex alternative of ``words``: longest first (so ``juni`` beats ``jun``), each
    escaped, the spaces inside a multi-word entry matching any whitespace, and ``...``
    standing for up to six words (*lägga den ekonomiska rapporten till handlingarna*).
    ``damaged``: å, ä and ö may also stand as U+FFFD, for a text decoded wrongly somewhere
    (``Till st�mmoordf�rande valdes``); only for such texts, as it costs speed."""
    ordered = sorted(set(words), key=len, reverse=True)
    return alternatives([_phrase(word, damaged) for word in ordered])


def alternatives(phrases: list[str]) -> str:
    """Regex ``phrases`` (longest first) as one alternative: the same match as
    ``"|".join(phrases)``, but faster.

    Python's regex engine tries the alternatives of a group one by one at every position,
    so a long word list costs its length at every word of the text.  Phrases that start
    with the same letter are tried together behind that letter
    (``m(?:aj|ars)|j(?:uni|uli)``), so a position is rejected after one look per first
    letter, behind a class of all first letters.  Phrases whose first letters differ only
    in case (``Maj``, ``majs``) stay a plain group in their order, as both can match at
    one place under IGNORECASE; a list
    with a phrase that starts with anything but a plain letter or digit (an escape, a
    class) keeps the plain form.  ``tests/test_parse_speed.py`` checks the two agree."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        first = phrase[:1]
        if not first.isalnum() or first.casefold() != first.lower() or len(first.casefold()) != 1:
            return "|".join(phrases)
        groups.setdefault(first.casefold(), []).append(phrase)
    parts: list[str] = []
    for members in groups.values():
        firsts = {member[0] for member in members}
        if len(members) == 1 or len(firsts) > 1:
            parts.append("|".join(members) if len(members) == 1 else f"(?:{'|'.join(members)})")
        else:
            parts.append(f"{members[0][0]}(?:{'|'.join(member[1:] for member in members)})")
    if len(phrases) <= 1:
        return "|".join(parts)
    # The first letters as a class before it all: one cheap look rejects most words.
    letters = "".join(sorted({phrase[0] for phrase in phrases}))
    return f"(?=[{letters}])(?:{'|'.join(parts)})"


_DAMAGED = {letter: f"[{letter}\ufffd]" for letter in SWEDISH_LETTERS}


def _phrase(word: str, damaged: bool = False) -> str:
    gaps = [part.strip() for part in word.split("...")]
    phrase = r"\s+(?:\S+\s+){0,6}?".join(
        r"\s+".join(re.escape(token) for token in gap.split()) for gap in gaps
    )
    return "".join(_DAMAGED.get(char, char) for char in phrase) if damaged else phrase


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    return re.compile(alternation(ABBREVIATIONS), re.IGNORECASE)


_INITIAL = re.compile(r"[A-ZÅÄÖ]\.")


_LONGEST_ABBREVIATION = max(len(a) for a in ABBREVIATIONS)

# A boundary starts at the first mark of a run (the lookbehind), and the possessive
# quantifiers never give back: a pasted run of dots is scanned once, not once per dot.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[”\"')]*+\s++(?=[A-ZÅÄÖ0-9”\"(*])")


def _ends_abbreviation(text: str, start: int, mark: int) -> bool:
    """Whether the word that ends at the full stop ``text[mark]`` is an abbreviation
    (``bl.a.``, ``kl.``) or an initial (``A.``).  Only the few characters before the
    mark are read, so the check costs the same however long the sentence has grown."""
    pattern = _abbreviation_pattern()
    for begin in range(max(start, mark - _LONGEST_ABBREVIATION), mark):
        before = text[begin - 1] if begin > start else " "
        if not (before.isspace() or before == "("):
            continue
        word = text[begin : mark + 1]
        if pattern.fullmatch(word) or _INITIAL.fullmatch(word):
            return True
    return False


LONG_TEXT = 20_000
"""Longest paragraph (characters) the sentence rules read: a longer one is a pasted
document or a conversion gone wrong, kept and shown but read by no sentence rule (and
reported, ``long-paragraph``), so that no rule's cost can grow with it."""


def sentences(text: str) -> list[Sentence]:
    """Split plain text into sentences; ``bl.a.``, ``kl.`` and initials do not end one.
    A text over :data:`LONG_TEXT` characters has none.

    Linear in the length of ``text``: each boundary is found once and judged by the few
    characters before it.  The decision and action rules ask for the same passages, so
    the split is remembered."""
    if len(text) > LONG_TEXT:
        return []
    return list(_sentences(text))


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.start()
        if text[mark] == "." and _ends_abbreviation(text, start, mark):
            continue
        end = match.end()
        _add_sentence(found, text, start, end)
        start = end
    _add_sentence(found, text, start, len(text))
    return tuple(found)


def _add_sentence(found: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        found.append(Sentence(stripped, start + len(chunk) - len(chunk.lstrip())))


_WORD = re.compile(r"[\wåäöÅÄÖéü-]+")
_MAX_ENDING = 3
"""Longest inflectional ending told apart: -en, -ens, -na, -or, … (fokusfrågor-na)."""


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        w.casefold().strip("-") for w in _WORD.findall(text)
        if w.casefold() not in STOPWORDS and not w.isdigit() and len(w) > 2
    )  # fmt: skip


def content_words(text: str) -> set[str]:
    """The lower-cased words that say what a text is about (stop words and numbers left out)."""
    return set(_content_words(text))


def related(a: str, b: str) -> bool:
    """Whether two words are forms of one word: *mötesplanen* ~ *mötesplan*, but not the
    compound *styrelsemöte* ~ *styrelsen* (a shared stem with a long different tail)."""
    if a == b:
        return True
    common = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return (
        common >= 4
        and len(a) - common <= _MAX_ENDING
        and len(b) - common <= _MAX_ENDING
        and common >= min(len(a), len(b)) - 2
    )


PREFIX = 4
"""Related words share at least this many first letters, so only those are compared."""


def shared(words: set[str], others: set[str] | frozenset[str]) -> set[str]:
    """The words of ``words`` that have a form in ``others``."""
    by_prefix: dict[str, list[str]] = {}
    for other in others:
        by_prefix.setdefault(other[:PREFIX], []).append(other)
    return {
        w for w in words
        if w in others or any(related(w, o) for o in by_prefix.get(w[:PREFIX], ()))
    }  # fmt: skip


def similarity(a: str, b: str) -> float:
    """Share of the shorter text's content words found in the other (0–1)."""
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return 0.0
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    return len(shared(words_a, words_b)) / len(words_a)
