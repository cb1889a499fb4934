"""Loading an archive: in order, in parallel or not, with the same result."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_parallel_parsing_gives_the_same_meetings_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folders = [FIXTURES / "archive", FIXTURES / "conventions", FIXTURES / "broken"]
    monkeypatch.setenv("MLR_WORKERS", "1")
    serial = load_meetings(folders, DEFAULT)
    monkeypatch.setenv("MLR_WORKERS", "2")
    parallel = load_meetings(folders, DEFAULT)
    assert parallel == serial
    assert len(serial.meetings) > 40


def test_files_are_found_sorted_and_hidden_ones_skipped(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", ".utkast.md", "README.md", "notes.txt"):
        (tmp_path / name).write_text("Mötesdatum\t2016-01-01\n\n## 1. Punkt\n", "utf-8")
    result = load_meetings([tmp_path], DEFAULT)
    assert sorted(Path(m.source).name for m in result.meetings) == ["a.md", "b.md"]
