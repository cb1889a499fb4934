"""The parser's speed-ups change no result: each fast form against the plain one it replaces.

Timing itself is ``make bench`` (``benchmarks/parse_speed.py``); the digest of every
parse before and after a speed change is ``benchmarks/parse_golden.py``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from mlr_minutes import vocabulary
from mlr_minutes.markdown import configured_parser, markdown_parser
from mlr_minutes.parse.blocks import inline_plain_text, plain_text
from mlr_minutes.parse.dates import _holds
from mlr_minutes.parse.dates.clock import time_matches
from mlr_minutes.parse.dates.compact import STRICT_FORMS
from mlr_minutes.parse.dates.forms import FORMS
from mlr_minutes.parse.dates.patterns import RELATIVE_KINDS
from mlr_minutes.parse.dates.relative import RELATIVE_FORMS
from mlr_minutes.parse.text import _phrase, alternation

WORD_LISTS = [
    value
    for name in dir(vocabulary)
    if isinstance(value := getattr(vocabulary, name), tuple | frozenset | list)
    and value
    and all(isinstance(word, str) and word.strip() for word in value)
]
"""Every word list of the vocabulary: what :func:`alternation` is made for."""
CRAFTED = [
    ("Maj", "majs", "mars", "Mars", "m", "ma", "i morgon", "i"),
    ("S", "s", "SD", "sd", "x...y"),
]
"""Lists where alternatives share first letters in two cases, or are prefixes of each other."""


def _plain(words: list[str] | tuple[str, ...] | frozenset[str], damaged: bool = False) -> str:
    """:func:`alternation` as it was before its phrases were grouped by first letter."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(_phrase(word, damaged) for word in ordered)


def _spans(pattern: str, flags: int, text: str) -> list[tuple[int, int, str | None]]:
    compiled = re.compile(rf"(?<!\w)(?P<word>{pattern})(?:\s+(?P<after>\w+))?", flags)
    return [(m.start(), m.end(), m["after"]) for m in compiled.finditer(text)]


def test_the_vocabulary_has_word_lists() -> None:
    assert len(WORD_LISTS) > 20


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.sampled_from(WORD_LISTS), st.sampled_from(CRAFTED)),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=12),
    st.sampled_from([0, re.IGNORECASE]),
    st.booleans(),
    st.text(alphabet="aåbmMsSſKk\u212a .,\n", max_size=20),
)
def test_grouped_alternation_matches_as_the_plain_one(
    words: tuple[str, ...], picks: list[int], flags: int, damaged: bool, noise: str
) -> None:
    listed = sorted(words)
    # Text made of the list's own words, their prefixes, other cases and noise: where
    # alternatives that share a first letter compete.
    pieces: list[str] = []
    for pick in picks:
        word = listed[pick % len(listed)]
        form = (word, word[: max(1, len(word) // 2)], word.upper(), word.title())[pick % 4]
        pieces.append(form + (noise if pick % 3 == 0 else " "))
    text = "".join(pieces)
    assert _spans(alternation(words, damaged=damaged), flags, text) == _spans(
        _plain(words, damaged), flags, text
    )


def test_grouped_alternation_keeps_case_variants_in_order() -> None:
    # ``Maj`` and ``majs`` can match at one place under IGNORECASE: longest first, as before.
    pattern = re.compile(rf"(?:{alternation(['Maj', 'majs', 'mars'])})", re.IGNORECASE)
    assert pattern.match("MAJS")[0] == "MAJS"  # type: ignore[index]
    assert "m(?:ars|aj)" in alternation(["mars", "maj", "juni"])


RELATIVE_WORDS = sorted({w for words in RELATIVE_KINDS.values() for w in words})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(RELATIVE_WORDS),
            st.sampled_from(["till", "senast", "inom", "om", "3", "två", "veckor", "nästa"]),
            st.text(alphabet="aiömn .,\n", max_size=6),
        ),
        max_size=10,
    ),
    st.sampled_from([" ", "\n", "", "  "]),
)
def test_a_relative_form_runs_wherever_it_can_match(parts: list[str], glue: str) -> None:
    # A relative date form is skipped when its own words are missing from the text, so
    # that must never skip one that matches.
    text = glue.join(parts)
    holds = _holds(text)
    for form in (*RELATIVE_FORMS, *STRICT_FORMS):
        if form.needs in RELATIVE_KINDS and form.pattern.search(text) and "relative" in holds:
            assert form.needs in holds, (form.needs, text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789/-–.: \nmajvkl", max_size=30))
def test_a_date_form_runs_wherever_it_can_match(text: str) -> None:
    # A form is skipped on a text without the character it names (``/`` of ``30/9``).
    for form in (*FORMS, *RELATIVE_FORMS, *STRICT_FORMS):
        if form.pattern.search(text):
            assert form.holds in text, (form.pattern.pattern, text)
    if any(True for _ in time_matches(text)):  # clock times are looked for only with a digit
        assert "digit" in _holds(text)


def test_done_marks_are_matched_as_written() -> None:
    # The done-mark pattern is searched only where a mark stands as written, which holds
    # while it matches case-sensitively and the marks are single tokens.
    from mlr_minutes.parse.done_marks import _done

    assert not _done().flags & re.IGNORECASE
    assert all(mark.split() == [mark] and "..." not in mark for mark in vocabulary.DONE_MARKS)


def test_grouped_alternation_folds_case_as_the_plain_one() -> None:
    # Letters IGNORECASE folds specially (ſ for s, the Kelvin sign for k) behind the class.
    words = ["sd", "stad", "kö", "Kommun", "i morgon"]
    for text in ("ſd", "ſtad", "\u212aö", "\u212aOMMUN", "I  MORGON", "SD", "stads"):
        for flags in (0, re.IGNORECASE):
            assert _spans(alternation(words), flags, text) == _spans(_plain(words), flags, text)


_REFERENCE = configured_parser(plain_fast=False)
"""The shared parser's configuration with markdown-it's own core ``inline`` rule."""
_PIECES = ["a", "Å", " ", "  ", "\t", "\n", "\n\n", "-", ":", "*", "_", "`", "[", "]", "!"]
_PIECES += ["&amp;", "<", "\\", "|", "1. ", "> ", "\r", "\0", "    ", "~~", "\u00a0"]


def _dump(tokens: list[Token]) -> list[dict[str, object]]:
    return [dict(token.as_dict()) for token in tokens]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_plain_inline_text_makes_markdown_its_tokens(text: str) -> None:
    # Inline content without marks is tokenised directly (text, soft breaks): the same
    # tokens as markdown-it's own rules make, and the same plain text.
    assert _dump(markdown_parser().parse(text)) == _dump(_REFERENCE.parse(text))
    inline = _REFERENCE.parseInline(text)
    assert _dump(markdown_parser().parseInline(text)) == _dump(inline)
    assert plain_text.__wrapped__(text) == inline_plain_text(inline[0].children)
