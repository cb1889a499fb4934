"""The search index in parts: meetings grouped by period, each part indexed on its own and
linked from the previous site when its pages did not change."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import cast

import pytest

from conftest import ARCHIVE, BUILD_EPOCH
from mlr_minutes.build import BuildOptions, BuildResult, build_site
from mlr_minutes.cache import BuildCache
from mlr_minutes.model import Meeting
from mlr_minutes.outputs.search import records as records_module
from mlr_minutes.views import shards
from mlr_minutes.views.shards import period_months, search_shards
from test_search import _digest

EDITED = "2017-05-23-styrelsemote"
"""Alone in its quarter's part of the fixture archive's index."""


class _Dated:
    """What the grouping reads of a meeting."""

    def __init__(self, meeting_id: str) -> None:
        self.id = meeting_id
        self.date = dt.date.fromisoformat(meeting_id[:10])


def _meetings(days: int, start: str = "1990-01-01", step: int = 1) -> list[Meeting]:
    first = dt.date.fromisoformat(start)
    return cast(
        "list[Meeting]",
        [_Dated(f"{first + dt.timedelta(days=i * step)}-mote") for i in range(days)],
    )


def test_a_small_archive_is_a_few_parts_of_whole_periods() -> None:
    # Fifteen years of twenty meetings a year: MalmöLundregionen's pace; four years a part.
    found = search_shards(_meetings(300, step=18))
    assert [s.key for s in found] == ["1988-01", "1992-01", "1996-01", "2000-01", "2004-01"]
    assert sum(len(s.meetings) for s in found) == 300
    assert search_shards(_meetings(5, step=30))[0].meetings[0] == "1990-01-01-mote"


def test_a_daily_archive_is_split_by_period_of_about_the_target_size() -> None:
    meetings = _meetings(10_000)
    assert period_months([12 * int(m.id[:4]) + int(m.id[5:7]) for m in meetings]) == 3
    found = search_shards(meetings)
    assert [s.key for s in found[:3]] == ["1990-01", "1990-04", "1990-07"]
    sizes = [len(s.meetings) for s in found]
    assert sum(sizes) == 10_000
    assert max(sizes) <= 92 and len(found) == 110


def test_a_new_meeting_changes_only_its_own_part() -> None:
    meetings = _meetings(1_000)
    before = search_shards(meetings)
    after = search_shards([*meetings, *_meetings(1, start="1992-09-27")])
    assert len(before) == len(after)
    changed = [a.key for a, b in zip(after, before, strict=True) if a != b]
    assert changed == ["1992-07"]


def _build(source: Path, out: Path, cache: BuildCache | None, log: list[str]) -> BuildResult:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        patch.setattr(shards, "SHARD_MEETINGS", 1)  # one part a quarter: four parts
        return build_site(BuildOptions(source, out, cache=cache), log.append)


def _inodes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_ino
        for p in (out / "pagefind").rglob("*")
        if p.is_file()
    }


def test_one_edit_indexes_only_its_own_part_and_equals_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    out, cache = tmp_path / "site", tmp_path / "cache"
    log: list[str] = []
    assert _build(source, out, BuildCache.open(cache), log).written
    assert any("i 4 delar, 4 indexerade" in m for m in log), log
    before = _inodes(out)
    edited = source / f"{EDITED}.md"
    text = edited.read_text("utf-8")
    edited.write_text(
        text.replace("har arbetats in.", "har arbetats in noga.").replace(
            "antogs efter remissen", "antogs efter remissen i april"
        ),
        "utf-8",
    )

    # Decision and action records are made for the part indexed again only.
    made: list[str] = []
    real_record = records_module._record

    def record(archive: object, meeting: Meeting, *rest: object) -> object:
        made.append(meeting.id)
        return real_record(archive, meeting, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(records_module, "_record", record)
    log.clear()
    assert _build(source, out, BuildCache.open(cache), log).written
    assert set(made) == {EDITED}
    monkeypatch.undo()
    assert any("i 4 delar, 1 indexerade" in m for m in log), log
    after = _inodes(out)
    rebuilt = {path for path in after if after[path] != before.get(path)}
    gone = before.keys() - after.keys()
    assert all(path.startswith("pagefind/delar/2017-04/") for path in gone), gone
    assert rebuilt, "the edited meeting's part is indexed again"
    assert all(path.startswith("pagefind/delar/2017-04/") for path in rebuilt), rebuilt
    assert "pagefind/pagefind.js" in after and "pagefind/delar/2016-07/pagefind-entry.json" in after

    # The same minutes built cold: the same bytes, every part included.
    assert _build(source, tmp_path / "cold", None, log).written
    assert _digest(out) == _digest(tmp_path / "cold")
