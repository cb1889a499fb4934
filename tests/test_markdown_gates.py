"""The gated parser of :func:`mlr_minutes.markdown.parser_for` makes the same tokens as the
shared parser: on every fixture, and on random texts dense in Markdown's marks."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest

from mlr_minutes.markdown import markdown_parser, parser_for

ROOT = Path(__file__).resolve().parents[1]
PIECES = (
    "-", "*", "_", "=", "#", ">", "|", "`", "~", "[", "]", ":", "!", "<", "&", "\\",
    " ", "  ", "    ", "\t", "\n", "\n\n", "1.", "2)", "a", "ord", "::: internt", "---",
    "***", "```", "~~~", "[x]: /u", "&amp;", "<http://a>", "![b](c)", "**fet**", "- ",
    "1. ", "> ", "| a | b |", "|---|---|", "===", "\u00e5", "x\u0301",
)  # fmt: skip
"""What the texts are made of: every mark a gated rule looks for, and the whitespace
around them that decides which rule reads them."""


def _same(text: str) -> None:
    expected = markdown_parser().parse(text)
    found = parser_for(text).parse(text)
    assert found == expected, text


@pytest.mark.parametrize("seed", range(40))
def test_random_texts(seed: int) -> None:
    source = Random(seed)
    for _ in range(100):
        _same("".join(source.choice(PIECES) for _ in range(source.choice((4, 12, 40)))))


def test_fixtures() -> None:
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.md")):
        _same(path.read_text("utf-8", errors="replace"))
