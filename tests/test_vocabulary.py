"""Every Swedish word the parser knows lives in ``mlr_minutes/vocabulary/``.

The test reads the parser's source with ``ast`` and looks at every string
constant that is neither a docstring nor a message for the coordinator (the
text and hint of a diagnostic, which are Swedish by design): none may hold a
Swedish word.  A word is Swedish when it has å, ä or ö, or is one of the
frequent Swedish words below that have none.
"""

from __future__ import annotations

import ast
import itertools
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PARSER = ROOT / "src" / "mlr_minutes" / "parse"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SWEDISH_WITHOUT_RINGS = _word_set(
    """
    och att som den det dem han hon vi jag ni de men eller om med till av vid var inte ska
    skall kan har hade blir blev finns hålls sig sin sitt alla ingen inga ja nej dag vecka
    kl nr dnr sida samt vad vem hur varfor beslut val mote motet protokoll namn datum plats
    tid ordf sekr klart klar mandat ar styrelse forening uppdr ledamot deltagare narvaro
    enligt innan efter under inom utan genom mellan hos bland mot kommun region stad fredag
    tisdag onsdag torsdag mandag januari februari mars april maj juni juli augusti
    september oktober november december
    """
)
"""Frequent Swedish words without å, ä or ö (ASCII-folded forms as written in code)."""

ENGLISH_IN_VOCABULARY = _word_set(
    """
    date time location place attendees guests absent secretary chair body title decisions
    actions action todo points due owner who task status done name person party notes
    minutes meeting next by until page of present participants facilitator moderator
    yesterday today blockers problem plan online meet teams zoom jitsi ok version committee
    type document the and on to do items point decision adjusters ignored organisation
    place_and_time document_type del people chaired handle nick week alias standup this signed
    start sprint attendance invited minute election signature action todo lead role
    """
)
"""English words the vocabulary holds too (for English labels), which code may use."""


@cache
def _vocabulary_words() -> frozenset[str]:
    from mlr_minutes.vocabulary import all_words

    return all_words() - ENGLISH_IN_VOCABULARY


MESSAGE_CALLS = {"Diagnostic", "warn", "error", "_warning", "warning", "_error"}
"""Calls whose string arguments are messages for the coordinator, Swedish by design."""

_REGEX_ESCAPES = re.compile(r"\\[A-Za-z]|\(\?P<\w+>|\(\?P=\w+\)|\{\d*,?\d*\}|\[(?:\\.|[^\]])*\]")
"""Regex syntax: escapes, group names, repeats, and character classes (``[A-ZÅÄÖ]`` is an
alphabet, not a word)."""
_WORD = re.compile(r"[A-Za-zÅÄÖåäöéü]{2,}")


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
        # An attribute's docstring: a string statement right after an assignment.
        for field in ("body", "orelse"):
            statements = getattr(node, field, None)
            if not isinstance(statements, list):
                continue
            for before, after in itertools.pairwise(statements):
                if (
                    isinstance(before, ast.Assign | ast.AnnAssign)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                ):
                    ids.add(id(after.value))
    return ids


def _messages(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        arguments = [k.value for k in node.keywords if k.arg in ("message", "hint")]
        if name in MESSAGE_CALLS:
            arguments += [*node.args, *(k.value for k in node.keywords)]
        for argument in arguments:
            ids.update(id(n) for n in ast.walk(argument) if isinstance(n, ast.Constant))
    return ids


_WORD = re.compile(r"[A-Za-zÅÄÖåäöéü]{2,}")


def swedish_words(text: str) -> list[str]:
    """The Swedish words in a string constant (regex syntax left out)."""
    words = _WORD.findall(_REGEX_ESCAPES.sub(" ", text))
    known = _vocabulary_words()
    folded = (w.casefold().replace("å", "a").replace("ä", "a").replace("ö", "o") for w in words)
    return [
        word
        for word, fold in zip(words, folded, strict=True)
        if re.search("[åäöÅÄÖ]", word) or fold in SWEDISH_WITHOUT_RINGS or word.casefold() in known
    ]


def _findings() -> list[str]:
    found: list[str] = []
    for path in sorted(PARSER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _messages(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in skip:
                    continue
                words = swedish_words(node.value)
                if words:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {', '.join(words)}")
    return found


def test_no_swedish_word_outside_the_vocabulary() -> None:
    assert _findings() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"(?<!\w)(?:beslutade|godkände)\s+", ["beslutade", "godkände"]),
        (r"^\s*(?P<key>[^:]+):\s*(?P<value>.*)$", []),
        ("metadata:attendees", []),
        (r"\boch\b", ["och"]),
    ],
)
def test_the_word_scan_tells_swedish_from_code(text: str, expected: list[str]) -> None:
    assert swedish_words(text) == expected
