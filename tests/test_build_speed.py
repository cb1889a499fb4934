"""What makes a build after one edit cheap never changes what it writes: calendar events
kept from the last build, the archive's per-meeting scan kept between dev-server builds,
the old site trusted by file identity, and a large replaced site removed in the
background."""

from __future__ import annotations

import dataclasses
import json
import pickle
import shutil
import time
from pathlib import Path

import pytest

from conftest import ARCHIVE, BUILD_EPOCH, build
from mlr_minutes import archive as archive_module
from mlr_minutes import cache as cache_module
from mlr_minutes import write as write_module
from mlr_minutes.archive import build_archive
from mlr_minutes.build import BuildOptions, build_site
from mlr_minutes.cache import ADDED, BuildCache
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import PUBLIC_VARIANT, load_meetings
from mlr_minutes.model import Meeting
from mlr_minutes.outputs import archive_files
from mlr_minutes.outputs.memo import OutputMemo
from mlr_minutes.read import read_regular_file
from mlr_minutes.serialize import meeting_to_json
from mlr_minutes.views.urls import Urls


def _meetings() -> list[Meeting]:
    return list(load_meetings([ARCHIVE], DEFAULT).meetings)


def test_calendar_events_kept_from_the_last_build_give_the_same_bytes() -> None:
    archive = build_archive(_meetings(), DEFAULT)
    urls = Urls("/")
    fresh = dict(archive_files(archive, urls, None, DEFAULT))
    memo = OutputMemo()
    first = dict(archive_files(archive, urls, None, DEFAULT, memo))
    assert first == fresh
    assert any(key.startswith("ics:") for key in memo.current)
    assert all(key.startswith(("ics:", "data-")) for key in memo.current)
    # The next build starts from what this one kept: every event found, none made.
    kept = OutputMemo(previous=dict(memo.current))
    made: list[str] = []
    kept.put = lambda key, data: made.append(key)  # type: ignore[method-assign]
    assert dict(archive_files(archive, urls, None, DEFAULT, kept)) == fresh
    assert made == []
    assert kept.current.keys() == memo.current.keys()


def test_a_changed_meeting_changes_its_calendar_event() -> None:
    meetings = _meetings()
    memo = OutputMemo()
    before = dict(archive_files(build_archive(meetings, DEFAULT), Urls("/"), None, DEFAULT, memo))
    moved = [dataclasses.replace(m, location="Rådhuset, Lund") for m in meetings]
    after = dict(
        archive_files(build_archive(moved, DEFAULT), Urls("/"), None, DEFAULT,
                      OutputMemo(previous=dict(memo.current)))
    )  # fmt: skip
    assert b"R\xc3\xa5dhuset" in after["kalender.ics"]
    assert after["kalender.ics"] != before["kalender.ics"]
    assert after == dict(archive_files(build_archive(moved, DEFAULT), Urls("/"), None, DEFAULT))


def test_the_archive_scan_kept_between_builds_follows_an_edited_meeting() -> None:
    meetings = _meetings()
    build_archive(meetings, DEFAULT)  # fills the per-meeting scan
    first = meetings[0]
    item = first.items[0]
    edited_item = dataclasses.replace(item, body=item.body + "\nLomma bjöd in till mötet.")
    edited = dataclasses.replace(first, items=(edited_item, *first.items[1:]))
    kept = build_archive([edited, *meetings[1:]], DEFAULT)
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    cold = build_archive([edited, *meetings[1:]], DEFAULT)
    assert kept.municipalities == cold.municipalities
    assert kept.people == cold.people
    assert kept.focus_areas == cold.focus_areas
    assert (kept.decision_focus, kept.action_focus) == (cold.decision_focus, cold.action_focus)
    lomma = next(m for m in kept.municipalities if m.name == "Lomma")
    assert any(m.meeting is edited for m in lomma.mentions)


def test_the_archive_scan_kept_by_the_build_cache_gives_the_same_archive() -> None:
    meetings = _meetings()
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    cold = build_archive(meetings, DEFAULT)
    memo = OutputMemo()
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    assert build_archive(meetings, DEFAULT, memo, "public") == cold
    assert {key.split(":")[0] for key in memo.current} == {"people", "focus"}
    # The next build (a new process: nothing kept in memory) finds every scan, makes none.
    kept = OutputMemo(previous=dict(memo.current))
    made: list[str] = []
    kept.put = lambda key, data: made.append(key)  # type: ignore[method-assign]
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    assert build_archive(meetings, DEFAULT, kept, "public") == cold
    assert made == []
    # Another way of parsing (the internal preview's) does not read the public scans.
    other = OutputMemo(previous=dict(memo.current))
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    build_archive(meetings, DEFAULT, other, "internal")
    assert other.made and not other.current.keys() & memo.current.keys()


def test_kept_scans_are_not_read_under_another_configuration() -> None:
    # The configuration decides the parse, so the meeting a file's bytes stand for: any
    # change of it (here the organisation's name, no name the scan looks for) is another key.
    meetings = _meetings()
    memo = OutputMemo()
    build_archive(meetings, DEFAULT, memo, "public")
    other = OutputMemo(previous=dict(memo.current))
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    build_archive(meetings, dataclasses.replace(DEFAULT, organisation="Annan region"), other,
                  "public")  # fmt: skip
    assert other.made and not other.current.keys() & memo.current.keys()


def test_an_edited_meeting_is_scanned_again_despite_the_kept_scans() -> None:
    meetings = _meetings()
    memo = OutputMemo()
    build_archive(meetings, DEFAULT, memo, "public")
    first = meetings[0]
    item = first.items[0]
    edited_item = dataclasses.replace(item, body=item.body + "\nLomma bjöd in till mötet.")
    # Other bytes: another digest, as the file's edit gives it.
    edited = dataclasses.replace(first, items=(edited_item, *first.items[1:]), digest="0" * 64)
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    kept = build_archive(
        [edited, *meetings[1:]], DEFAULT, OutputMemo(previous=dict(memo.current)), "public"
    )
    archive_module._SCANNED.clear()
    archive_module._FOCUSED.clear()
    cold = build_archive([edited, *meetings[1:]], DEFAULT)
    assert kept == cold
    lomma = next(m for m in kept.municipalities if m.name == "Lomma")
    assert any(m.meeting is edited for m in lomma.mentions)


def test_open_data_parts_kept_by_the_build_cache_give_the_same_bytes() -> None:
    meetings = _meetings()
    archive = build_archive(meetings, DEFAULT)
    urls = Urls("/")
    fresh = dict(archive_files(archive, urls, None, DEFAULT))
    memo = OutputMemo()
    assert dict(archive_files(archive, urls, None, DEFAULT, memo, scope="a")) == fresh
    assert any(key.startswith("data-") for key in memo.current)
    kept = OutputMemo(previous=dict(memo.current))
    made: list[str] = []
    kept.put = lambda key, data: made.append(key)  # type: ignore[method-assign]
    assert dict(archive_files(archive, urls, None, DEFAULT, kept, scope="a")) == fresh
    assert made == []
    # Another scope (configuration, parse) or address finds none of them.
    for scope, other_urls in (("b", urls), ("a", Urls("/arkiv/"))):
        other = OutputMemo(previous=dict(memo.current))
        list(archive_files(archive, other_urls, None, DEFAULT, other, scope=scope))
        assert not other.current.keys() & {k for k in memo.current if k.startswith("data-")}


def test_an_edited_decision_shows_in_the_open_data_despite_the_kept_parts() -> None:
    meetings = _meetings()
    urls = Urls("/")
    memo = OutputMemo()
    list(archive_files(build_archive(meetings, DEFAULT), urls, None, DEFAULT, memo))
    index, first = next((i, m) for i, m in enumerate(meetings) if m.decisions)
    decision = dataclasses.replace(first.decisions[0], text="Mötet beslutade om Ekobron.")
    edited = dataclasses.replace(first, decisions=(decision, *first.decisions[1:]), digest="0" * 64)
    moved = [*meetings[:index], edited, *meetings[index + 1 :]]
    archive = build_archive(moved, DEFAULT)
    kept = dict(
        archive_files(archive, urls, None, DEFAULT, OutputMemo(previous=dict(memo.current)))
    )
    assert kept == dict(archive_files(archive, urls, None, DEFAULT))
    assert "Ekobron" in kept["api/decisions.json"].decode()
    assert "Ekobron" in kept["beslut.csv"].decode()


def test_open_data_json_holds_what_parse_prints(tmp_path: Path) -> None:
    built = build(tmp_path / "site")
    meeting = next(m for m in _meetings() if m.id == "2016-04-19-kommundirektormote")
    path = built.out / "api" / "meetings" / f"{meeting.id}.json"
    text = path.read_text("utf-8")
    published = json.loads(text)
    assert published == meeting_to_json(meeting) | {"source": published["source"]}
    assert text.startswith('{\n  "') and text.count("\n") == len(published) + 2, "a key a line"
    listing = (built.out / "api" / "decisions.json").read_text("utf-8")
    assert listing.count("\n") == len(json.loads(listing)) + 2, "a decision a line"


def test_a_large_replaced_site_is_removed_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_module, "RETIRE_IN_BACKGROUND_FROM", 0)
    first = build(tmp_path / "site")
    second = build(tmp_path / "site")
    assert first.result.written and second.result.written
    deadline = time.monotonic() + 30
    while [p for p in tmp_path.iterdir() if p.name != "site"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "the old site is gone"


def test_a_build_after_one_edit_writes_one_parse_not_all(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    folder = tmp_path / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)

        def build_once() -> BuildCache:
            cache = BuildCache.open(folder)
            assert build_site(BuildOptions(source, tmp_path / "site", cache=cache), print).ok
            return cache

        cache = build_once()
        stored = folder / cache.version / "meetings.pickle"
        whole = stored.stat().st_mtime_ns
        edited = source / "2017-05-23-styrelsemote.md"
        for word in ("noga", "mycket noga"):
            text = edited.read_text("utf-8").replace("har arbetats in", f"har arbetats in {word}")
            edited.write_text(text, "utf-8")
            build_once()
            assert stored.stat().st_mtime_ns == whole, "the whole cache is not written again"
            added = pickle.loads((folder / cache.version / ADDED).read_bytes())["data"]
            assert [m.source for m in added.values()] == [str(edited)]
        again = BuildCache.open(folder)
        files = sorted(source.glob("*.md"))
        parsed = again.parse(files, DEFAULT, lambda missing, config: [], PUBLIC_VARIANT)
        assert any("mycket noga" in m.items[0].body for m in parsed if m.source == str(edited))


def test_the_dev_servers_cache_reads_again_only_the_saved_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    files = sorted(source.glob("*.md"))
    read: list[str] = []
    real = read_regular_file

    def counting(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(cache_module, "read_regular_file", counting)
    cache = BuildCache(None, "serve")
    first = cache.sources(files, DEFAULT)
    assert len(read) == len(files)
    read.clear()
    assert cache.sources(files, DEFAULT) == first
    assert read == []
    saved = source / "2017-05-23-styrelsemote.md"
    saved.write_text(saved.read_text("utf-8") + "\nEtt tillägg.\n", "utf-8")
    assert cache.sources(files, DEFAULT) != first
    assert read == [saved.name]


def test_a_meeting_read_back_from_the_cache_is_the_meeting_parsed() -> None:
    # The model's own pickle state (field values set through the slots, the collector off
    # while reading) restores every field of every nested object.
    meetings = _meetings()
    again = pickle.loads(pickle.dumps(meetings, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == meetings
    assert [repr(m) for m in again] == [repr(m) for m in meetings]
    person = next(m for m in meetings if m.chair is not None).chair
    assert person is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.name = "x"  # type: ignore[misc]
    folder_cache = BuildCache(None, "v")
    assert folder_cache._read("meetings.pickle") is None


def test_kept_register_rows_are_rendered_again_only_for_the_edited_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A decision more changes every register page (each shows the total), but only the
    # edited year's rows are rendered again; the rest come from the last build, and the
    # site is the one a cold build writes.
    from test_search import _digest

    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    folder = tmp_path / "cache"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)

    def build_once(out: Path, cache: BuildCache | None) -> None:
        assert build_site(BuildOptions(source, out, cache=cache), lambda _: None).written

    build_once(tmp_path / "site", BuildCache.open(folder))
    made: list[str] = []
    real_put = OutputMemo.put

    def put(memo: OutputMemo, key: str, data: bytes) -> None:
        if key.startswith("html:"):
            made.append(data.decode())
        real_put(memo, key, data)

    monkeypatch.setattr(OutputMemo, "put", put)
    edited = source / "2017-05-23-styrelsemote.md"
    text = edited.read_text("utf-8")
    old = "- Strukturplan MalmöLundregionen antogs efter remissen\n"
    new = old + "- Styrelsen antog Ekobrons tidplan\n"
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    build_once(tmp_path / "site", BuildCache.open(folder))
    assert made and all("Ekobron" in html for html in made), "only 2017's rows made"
    build_once(tmp_path / "cold", None)
    assert _digest(tmp_path / "site") == _digest(tmp_path / "cold")
    page = (tmp_path / "site" / "beslut" / "2017" / "index.html").read_text("utf-8")
    assert "Ekobrons tidplan" in page


def test_kept_register_rows_are_not_read_under_another_scope() -> None:
    # Rows kept by a build of the public site are not those of the internal preview (its
    # meetings keep their internal sections), nor of another configuration.
    import datetime as dt

    from mlr_minutes.render import Renderer
    from mlr_minutes.views import decisions
    from mlr_minutes.views.context import Context
    from mlr_minutes.views.site import site_view

    context = Context.of(build_archive(_meetings(), DEFAULT), Urls("/"), dt.date(2020, 1, 1),
                         DEFAULT)  # fmt: skip
    renderer = Renderer(site_view(context, None))
    memo = OutputMemo()
    renderer.keep_rendered(memo, "public")
    first = [renderer.render(page) for page in decisions.pages(context)]
    assert any(key.startswith("html:") for key in memo.current)
    same = OutputMemo(previous=dict(memo.current))
    renderer.keep_rendered(same, "public")
    assert [renderer.render(page) for page in decisions.pages(context)] == first
    assert not same.made
    other = OutputMemo(previous=dict(memo.current))
    renderer.keep_rendered(other, "internal")
    assert [renderer.render(page) for page in decisions.pages(context)] == first
    assert other.made and not other.current.keys() & memo.current.keys()
