"""The word gates of :mod:`mlr_minutes.parse.gates` never stop a text that the pattern they
guard would match: the premises they rest on hold for every code point, and on texts
made of the guarded words (in any case, glued by spaces and marks) every match passes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlr_minutes.parse import appositions, elections, gates, officer_prose, prose_actions
from mlr_minutes.parse.text import sentences
from mlr_minutes.vocabulary import ELECTION_VERBS, all_words

Guard = tuple[gates.WordGate, Callable[[str], object], tuple[str, ...]]

ROOT = Path(__file__).resolve().parents[1]
ELECTION = ("till", "och", "Anna Berg", "Per Ek", "för mötet", "att jämte")
"""Words an election sentence holds besides its office and verb."""


@cache
def _guards() -> dict[str, Guard]:
    """Each gate, the search it guards, and more words its texts are made of."""
    found: dict[str, Guard] = {}
    for name in (
        "_planning",
        "_subject_verb",
        "_wish",
        "_narrative",
        "_external_plan",
        "_openings",
        "_before",
        "_modal",
        "_obligation",
        "_duty",
    ):
        gated = getattr(prose_actions, name)()
        found[name] = (gated.gate, gated.pattern.search, ("Anna", "ska", "nu"))
    found["election verbs"] = (elections._ELECTED, elections.election_verbs().search, ())
    verbs = elections.election_verbs()
    for field in ("chair", "secretary", "adjusters"):
        for plain in (False, True):
            # Asked only of a sentence with an election's verb (and costly elsewhere).
            found[f"election {field} {plain}"] = (
                elections._election_gate(field, plain),
                _after(verbs, elections._election(field, plain)),
                (*ELECTION_VERBS, *ELECTION),
            )
    for field in ("chair", "secretary"):
        found[f"officer prose {field}"] = (
            officer_prose._officer_prose_gate(field),
            officer_prose._officer_prose(field).search,
            ELECTION,
        )
    after, before = appositions._patterns()
    found["apposition"] = (
        appositions._offices_gate(),
        lambda text: after.search(text) or before.search(text),
        ("Karin Åslund", "Per Ek", "(S)", "hälsar", "öppnar"),
    )
    return found


def _after(first: re.Pattern[str], then: re.Pattern[str]) -> Callable[[str], object]:
    return lambda text: first.search(text) and then.search(text)


_GLUE = st.sampled_from([" ", "  ", "\n", ", ", ". ", ": ", "-", "(", ")", "x", "ÅÄ", ""])


@st.composite
def _texts(draw: st.DrawFn, words: tuple[str, ...]) -> str:
    parts = draw(st.lists(st.sampled_from(words), min_size=1, max_size=6))
    cased = [
        draw(st.sampled_from([part, part.upper(), part.capitalize(), part.lower()]))
        for part in parts
    ]
    return "".join(draw(_GLUE) + part for part in cased) + draw(_GLUE)


@pytest.mark.parametrize("name", sorted(_guards()))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_gate_passes_every_match(name: str, data: st.DataObject) -> None:
    gate, search, extra = _guards()[name]
    text = data.draw(_texts((*gate.words, *extra)))
    if search(text):
        assert gate(text), text


def test_a_gate_passes_every_match_in_the_corpora() -> None:
    """Every paragraph and sentence of the fixtures and the accuracy corpora."""
    texts: set[str] = set()
    for folder in ("tests/fixtures", "benchmarks/accuracy"):
        for path in sorted((ROOT / folder).rglob("*.md")):
            for paragraph in path.read_text("utf-8", errors="replace").split("\n\n"):
                texts.add(paragraph)
                texts.update(s.text for s in sentences(paragraph))
    matched = dict.fromkeys(_guards(), 0)
    for name, (gate, search, _) in _guards().items():
        for text in texts:
            if search(text):
                matched[name] += 1
                assert gate(text), (name, text)
    assert all(matched.values()), matched  # each gate was put to the test


_EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_lower_case_stands_in_for_the_regex_engines_case_folding() -> None:
    """A pattern letter matches, under IGNORECASE, only characters whose lower case is its
    own, besides those the gates let through unread."""
    letters = {c for word in all_words() for c in word if c.isalpha()}
    for letter in letters:
        for char in re.findall(re.escape(letter), _EVERY, re.IGNORECASE):
            assert char in gates._UNFOLDED or char.lower() == letter.lower(), (letter, char)


def test_lower_case_keeps_word_characters_apart() -> None:
    """Lower-casing keeps each character one character, and a word character one (so that
    a text's words in lower case are its words lower-cased)."""
    words = set(re.findall(r"\w", _EVERY))
    for char in _EVERY:
        if char in gates._UNFOLDED:
            continue
        lowered = char.lower()
        assert len(lowered) == 1, hex(ord(char))
        assert (char in words) == bool(re.fullmatch(r"\w", lowered)), hex(ord(char))


def test_pieces() -> None:
    assert gates.pieces(["valde", "valdes", "ger ... i uppdrag"]) == {"valde", "uppdrag"}
    assert gates.pieces(["t.ex.", "ta fram"], whole=True) == {"ex", "fram"}
    with pytest.raises(ValueError):
        gates.pieces(["..."])
