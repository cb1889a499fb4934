"""Typst source read line for line (:mod:`mlr_minutes.parse.typst`): what a template's
code lines become."""

from __future__ import annotations

import pytest

from mlr_minutes.parse.typst import typst_line


@pytest.mark.parametrize(
    ("line", "markdown"),
    [
        ('#let time = "17:15"', ""),  # a setting: code, nothing shown
        ("#let narvarande = (", "Närvarande:"),  # a list named like a label
        ("#deltagare(", "Deltagare:"),
        ("    styrelsen: true,", ""),
        ("    [Alva Strand], [Ja],", "- Alva Strand – Ja"),
        (
            "    [Cecilia Ek\\ Lindqvist], [Ja, lämnade vid 4.2],",
            "- Cecilia Ek Lindqvist – Ja, lämnade vid 4.2",
        ),
        ("#attSatser(", ""),
    ],
)
def test_a_template_line_becomes_the_markdown_it_means(line: str, markdown: str) -> None:
    assert typst_line(line) == markdown
