"""Pandoc grid tables are read as the labels and rows they hold, line for line."""

from __future__ import annotations

from mlr_minutes.parse.grid_tables import has_grid_table, rewrite_grid_tables

FORM = """\
+-----------------+---------------------+
| **Närvarande    | Anna Berg\\          |
| ledamöter**     | Per Ek, som kom     |
|                 | efter § 3           |
+-----------------+---------------------+
| Plats:          | Stadshuset          |
+-----------------+---------------------+"""


def test_a_two_column_row_is_a_label_and_its_values() -> None:
    lines = FORM.split("\n")
    assert has_grid_table(FORM)
    assert rewrite_grid_tables(lines) == 1
    assert lines == [
        "",
        "**Närvarande ledamöter:** Anna Berg; Per Ek, som kom efter § 3",
        "",
        "",
        "",
        "Plats: Stadshuset",
        "",
    ]


def test_a_wider_row_is_a_pipe_row_on_its_first_line() -> None:
    text = """\
+----+-----------+------------------+
| 1  | Öppnande  | Ordföranden      |
|    |           | öppnade mötet.   |
+----+-----------+------------------+"""
    lines = text.split("\n")
    rewrite_grid_tables(lines)
    assert lines == ["", "| 1 | Öppnande | Ordföranden öppnade mötet. |", "", ""]


def test_a_lone_border_is_no_table() -> None:
    lines = ["+-----+", "Text efter."]
    assert rewrite_grid_tables(lines) is None
    assert lines == ["+-----+", "Text efter."]


def test_a_multiline_table_row_is_joined_at_its_columns() -> None:
    text = """\
  ----------------- -----------------
  **Ordförande      **Sekreterare**
  §§ 3-9**

  Sara Lind         Anna Borg
  ----------------- -----------------"""
    lines = text.split("\n")
    assert has_grid_table(text)
    assert rewrite_grid_tables(lines) == 1
    assert lines == [
        "",
        "  **Ordförande §§ 3-9**  **Sekreterare**",
        "",
        "",
        "  Sara Lind         Anna Borg",
        "",
    ]


def test_dashes_under_a_heading_are_no_table() -> None:
    lines = ["Rubrik", "------", "", "Text."]
    assert rewrite_grid_tables(lines) is None


def test_a_simple_table_with_a_header_is_a_pipe_table_line_for_line() -> None:
    text = """\
  Beslutande       Funktion
  ---------------- ----------------
  Karin Ahl (S)    ordförande
  Nils Berg (M)    ledamot

Text."""
    lines = text.split("\n")
    rewrite_grid_tables(lines)
    assert lines == [
        "| Beslutande | Funktion |",
        "|---|---|",
        "| Karin Ahl (S) | ordförande |",
        "| Nils Berg (M) | ledamot |",
        "",
        "Text.",
    ]


def test_a_grid_table_with_a_header_is_a_pipe_table() -> None:
    text = """\
+------------+----------------+
| Namn       | Roll           |
+============+================+
| Elin Vass  | ordförande     |
+------------+----------------+
| Tyra Holm  | sekreterare    |
+------------+----------------+"""
    lines = text.split("\n")
    rewrite_grid_tables(lines)
    assert lines == [
        "",
        "| Namn | Roll |",
        "|---|---|",
        "| Elin Vass | ordförande |",
        "| Tyra Holm | sekreterare |",
        "",
        "",
    ]
