""":func:`normalise` leaves lines no rule would touch unread; the result is that of every
rule run on every line."""

from __future__ import annotations

import importlib
from random import Random

import pytest

# The module, not the function ``mlr_minutes.parse`` exports under the same name.
module = importlib.import_module("mlr_minutes.parse.normalise")


PIECES = (
    "a", "Datum", " ", "\t", "\n", "`", "```", "~~~", "<", "<!--", "-->", "<b>", "</b>",
    "<br>", "<li>", "#", "##", "%", "% ", "&amp;", "\u00c3\u00a4", "\ufffd", "=", "§",
    ";", "Ordförande;", "Närvarande;", "\\documentclass{article}", "\\datum{3}{maj}{2025}",
    "\\begin{document}", "\\person{Eva Lind}{ordförande}", "#set", "= Rubrik", "{", "}",
    "\\-", "2026\\-04", "\\- ", "3\\. ", "==", "===== ", "<todo", "<todo #@kim>", "</todo>",
    "* ", "|", "| NaN ", "| Unnamed: 1 ", "NaN",
)  # fmt: skip
"""What the lines are made of: every mark a rule looks for, and plain words."""


@pytest.mark.parametrize("seed", range(20))
def test_the_fast_path_changes_nothing(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Random(seed)
    texts = [
        "".join(source.choice(PIECES) for _ in range(source.randint(1, 40))) for _ in range(50)
    ]
    fast = [module.normalise(text, "x.md") for text in texts]
    monkeypatch.setattr(module, "_BUILT_IN", None)
    assert fast == [module.normalise(text, "x.md") for text in texts]


def test_the_fast_path_knows_every_rule() -> None:
    """The characters the fast path looks for (``_UNTOUCHED``) were chosen for these
    rules: a rule added or changed must add what it looks for, and then its name here."""
    assert module.NORMALISE.names() == [
        "latex_source",
        "pandoc_title_block",
        "typst_source",
        "semicolon_rows",
        "code_fences",
        "comments",
        "dokuwiki_marks",
        "html_tags",
        "heading_space",
        "double_encoding",
        "replacement_character",
        "escapes",
        "spreadsheet_blanks",
    ]
