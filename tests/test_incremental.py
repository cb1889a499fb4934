"""Incremental builds: the cache of parses and pages never changes the site, only the work.

A cold build and an incremental build of the same minutes are byte-identical; an edited
file's page changes; unchanged files are not parsed again and unchanged pages are not
rendered again; a cache from another code version is ignored.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ARCHIVE, BUILD_EPOCH
from mlr_minutes import __version__
from mlr_minutes import cache as cache_module
from mlr_minutes import pages as pages_module
from mlr_minutes.archive import PersonRecord
from mlr_minutes.build import BuildOptions, BuildResult, build_site
from mlr_minutes.cache import BuildCache
from mlr_minutes.commands.cli import main
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import parse_files
from mlr_minutes.model import Meeting
from mlr_minutes.views import meeting as meeting_family
from mlr_minutes.views import people as people_module
from test_search import _digest

MEETING = "2017-05-23-styrelsemote"


def _build(
    source: Path, out: Path, cache: BuildCache | None, messages: list[str] | None = None
) -> BuildResult:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        log = messages.append if messages is not None else lambda text: None
        return build_site(BuildOptions(source, out, cache=cache), log)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, folder)
    return folder


class CountingParse:
    """``parse_files`` that counts the files it is handed."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def __call__(self, files: list[Path], config: object) -> object:
        self.parsed.extend(p.name for p in files)
        return parse_files(files, DEFAULT)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_cold_and_incremental_builds_are_byte_identical(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _build(source, tmp_path / "site", BuildCache.open(folder))
    assert first.ok and first.written
    built = _digest(tmp_path / "site")
    # Nothing changed: the cached build leaves the same site.
    again = _build(source, tmp_path / "site", BuildCache.open(folder))
    assert again.pages == first.pages
    assert _digest(tmp_path / "site") == built
    cold_before = _build(source, tmp_path / "cold-1", None)
    assert _digest(tmp_path / "site") == _digest(tmp_path / "cold-1")
    assert cold_before.pages == again.pages

    # One file changed: the incremental build equals a cold build of the new minutes.
    edited = source / f"{MEETING}.md"
    _edit(edited, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    changed = _build(source, tmp_path / "site", BuildCache.open(folder))
    assert changed.ok and changed.written
    _build(source, tmp_path / "cold-2", None)
    incremental, cold = _digest(tmp_path / "site"), _digest(tmp_path / "cold-2")
    assert incremental == cold
    page = f"moten/{MEETING}/index.html"
    assert incremental[page] != _digest(tmp_path / "cold-1")[page]
    assert "extrainsatt" in (tmp_path / "site" / page).read_text("utf-8")


NETWORK = """---
body: Kommunikatörsnätverket
---
# Kommunikatörsnätverket

Mötesdatum\t{date}
Närvarande\tAnna Berg (Lund)

### 1. Inledning

Genomgång av {topic}.
"""


def test_a_meeting_page_is_kept_unbuilt_only_while_what_it_shows_is_unchanged(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A meeting page whose own file and cross-meeting inputs are unchanged is linked
    # without building its view; one that shows a neighbour's title is built again when
    # only the neighbour changed.
    for date, topic in (("2017-01-10", "året"), ("2017-03-14", "webben")):
        name = f"{date}-kommunikatorsnatverket.md"
        (source / name).write_text(NETWORK.format(date=date, topic=topic), encoding="utf-8")
    folder = tmp_path / "cache"
    out = tmp_path / "site"
    _build(source, out, BuildCache.open(folder))
    built: list[str] = []
    real_page = meeting_family.page

    def page(context: object, meeting: Meeting) -> object:
        built.append(meeting.id)
        return real_page(context, meeting)  # type: ignore[arg-type]

    monkeypatch.setattr(meeting_family, "page", page)
    # The text of one meeting: its page alone is built again.
    _edit(source / "2017-03-14-kommunikatorsnatverket.md", "webben", "intranätet")
    assert _build(source, out, BuildCache.open(folder)).written
    assert built == ["2017-03-14-kommunikatorsnatverket"]
    # The date is in the title, which the next meeting of the body links to: both are
    # built again, the meetings of other bodies are not.
    built.clear()
    edited = source / "2017-01-10-kommunikatorsnatverket.md"
    _edit(edited, "Mötesdatum\t2017-01-10", "Mötesdatum\t2017-01-12")
    changed = _build(source, out, BuildCache.open(folder))
    assert changed.ok and changed.written
    assert sorted(built) == [
        "2017-01-12-kommunikatorsnatverket",
        "2017-03-14-kommunikatorsnatverket",
    ]
    _build(source, tmp_path / "cold", None)
    assert _digest(out) == _digest(tmp_path / "cold")
    neighbour = out / "moten" / "2017-03-14-kommunikatorsnatverket" / "index.html"
    assert "Föregående: Kommunikatörsnätverket 12 januari 2017" in neighbour.read_text("utf-8")


def test_an_unchanged_file_is_not_parsed_again(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    files = sorted(source.glob("*.md"))
    counting = CountingParse()
    first = BuildCache.open(folder)
    meetings = first.parse(files, DEFAULT, counting)  # type: ignore[arg-type]
    first.save()
    assert len(counting.parsed) == len(files)
    _edit(source / f"{MEETING}.md", "Styrelsemöte", "Styrelsemöte (extra)")
    counting.parsed.clear()
    second = BuildCache.open(folder)
    again = second.parse(files, DEFAULT, counting)  # type: ignore[arg-type]
    assert counting.parsed == [f"{MEETING}.md"]
    assert [m.id for m in again] == [m.id for m in meetings]
    unchanged = [i for i, p in enumerate(files) if p.stem != MEETING]
    assert all(again[i] == meetings[i] for i in unchanged)


def test_a_cache_from_another_parser_version_is_ignored(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    files = sorted(source.glob("*.md"))
    old = BuildCache.open(folder)
    old.parse(files, DEFAULT, parse_files)
    old.save()
    # Another parser: the version (package version + code hash) differs.
    monkeypatch.setattr(cache_module, "FORMAT", cache_module.FORMAT + 1)
    counting = CountingParse()
    new = BuildCache.open(folder)
    assert new.version != old.version
    new.parse(files, DEFAULT, counting)  # type: ignore[arg-type]
    assert len(counting.parsed) == len(files)
    new.save()
    assert [p.name for p in folder.iterdir() if p.is_dir()] == [new.version]


def test_a_state_file_claiming_another_version_is_ignored(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    files = sorted(source.glob("*.md"))
    cache = BuildCache.open(folder)
    state = folder / cache.version / "meetings.pickle"
    state.parent.mkdir(parents=True)
    state.write_bytes(pickle.dumps({"version": "0.0.0-other", "data": {"x": 1}}))
    other = BuildCache.open(folder)
    other.parse(files, DEFAULT, parse_files)
    assert "x" not in other.meetings
    state.write_bytes(b"not a pickle")
    counting = CountingParse()
    BuildCache.open(folder).parse(files, DEFAULT, counting)  # type: ignore[arg-type]
    assert len(counting.parsed) == len(files)


def test_unchanged_pages_are_linked_not_rendered(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    out = tmp_path / "site"
    _build(source, out, BuildCache.open(folder))
    page = out / "moten" / MEETING / "index.html"
    other = out / "moten" / "2016-04-19-kommundirektormote" / "index.html"
    data, other_data = (
        out / "api" / "meetings" / f"{m}.json" for m in (MEETING, other.parent.name)
    )
    before = page.stat().st_ino, other.stat().st_ino, data.read_bytes(), other_data.stat().st_ino
    _edit(source / f"{MEETING}.md", "Styrelsemöte", "Styrelsemöte (extra)")
    _build(source, out, BuildCache.open(folder))
    assert page.stat().st_ino != before[0]  # rendered again
    assert other.stat().st_ino == before[1]  # the same file, linked into the new site
    assert data.read_bytes() != before[2]  # the meeting's open data is written again
    assert other_data.stat().st_ino == before[3]  # another's is linked


def test_a_site_changed_by_hand_is_never_taken_for_unchanged(source: Path, tmp_path: Path) -> None:
    # The nothing-changed shortcut must not hide a page edited by hand: the build looks at
    # the folder, and (the output-folder contract) refuses to replace what it did not write.
    folder = tmp_path / "cache"
    out = tmp_path / "site"
    _build(source, out, BuildCache.open(folder))
    page = out / "moten" / MEETING / "index.html"
    page.unlink()
    page.write_bytes(b"tampered")
    result = _build(source, out, BuildCache.open(folder))
    assert not result.written
    assert [d.code for d in result.diagnostics] == ["unsafe-output"]
    assert f"moten/{MEETING}/index.html" in result.diagnostics[0].message
    assert page.read_bytes() == b"tampered"


def test_a_build_with_nothing_changed_writes_nothing(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    out = tmp_path / "site"
    first = _build(source, out, BuildCache.open(folder))
    index = (out / "index.html").stat().st_ino, (out / "index.html").stat().st_mtime_ns
    messages: list[str] = []
    again = _build(source, out, BuildCache.open(folder), messages)
    stat = (out / "index.html").stat()
    assert (stat.st_ino, stat.st_mtime_ns) == index
    assert any("Inget har ändrats" in m for m in messages)
    assert (again.pages, again.files, again.diagnostics) == (
        first.pages,
        first.files,
        first.diagnostics,
    )
    # A new build date is a change: every page shows it.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(BUILD_EPOCH) + 86_400 * 400))
        messages.clear()
        build_site(BuildOptions(source, out, cache=BuildCache.open(folder)), messages.append)
    assert not any("Inget har ändrats" in m for m in messages)


def test_pages_rendered_by_workers_are_the_serial_pages(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _build(source, tmp_path / "serial", None)
    monkeypatch.setattr(pages_module, "PARALLEL_FROM", 1)
    monkeypatch.setenv("MLR_WORKERS", "2")
    started: list[int] = []
    real_pool = pages_module.MeetingPool

    def pool(setup: pages_module.WorkerSetup, workers: int) -> pages_module.MeetingPool:
        started.append(workers)
        return real_pool(setup, workers)

    monkeypatch.setattr(pages_module, "MeetingPool", pool)
    folder = tmp_path / "cache"
    parallel = _build(source, tmp_path / "parallel", BuildCache.open(folder))
    assert started == [2]
    assert parallel.pages == serial.pages
    assert _digest(tmp_path / "parallel") == _digest(tmp_path / "serial")
    # The workers' view digests are kept: an edit re-renders only what changed.
    _edit(source / f"{MEETING}.md", "Styrelsemöte", "Styrelsemöte (extra)")
    other = tmp_path / "parallel" / "moten" / "2016-04-19-kommundirektormote" / "index.html"
    before = other.stat().st_ino
    _build(source, tmp_path / "parallel", BuildCache.open(folder))
    assert started == [2]  # an incremental build renders in this process
    assert other.stat().st_ino == before


def test_a_chunk_a_worker_failed_is_rendered_by_the_build_itself(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _build(source, tmp_path / "serial", None)
    monkeypatch.setattr(pages_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pages_module, "CHUNK", 2)
    monkeypatch.setenv("MLR_WORKERS", "2")
    real_ready = pages_module.MeetingPool.ready
    failed: list[tuple[str, ...]] = []

    def ready(self: pages_module.MeetingPool, wait: bool) -> Iterator[object]:
        for ids, rendered in real_ready(self, wait):
            if not failed:  # the first chunk's worker "fails"
                failed.append(ids)
                rendered = None
            yield ids, rendered

    monkeypatch.setattr(pages_module.MeetingPool, "ready", ready)
    parallel = _build(source, tmp_path / "parallel", None)
    assert len(failed) == 1 and len(failed[0]) == 2
    assert parallel.pages == serial.pages
    assert _digest(tmp_path / "parallel") == _digest(tmp_path / "serial")


def test_the_command_keeps_its_cache_in_dot_cache_unless_told_not_to(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    runner = CliRunner()
    plain = runner.invoke(main, ["build", "--source", str(source), "--out", "a", "--no-cache"])
    assert plain.exit_code == 0, plain.output
    assert not (tmp_path / ".cache").exists()
    cached = runner.invoke(main, ["build", "--source", str(source), "--out", "b"])
    assert cached.exit_code == 0, cached.output
    (version,) = (tmp_path / ".cache" / "mlr-minutes").glob("*/meetings.pickle")
    assert version.parent.name.startswith(__version__)
    again = runner.invoke(main, ["build", "--source", str(source), "--out", "b"])
    assert "Inget har ändrats" in again.output
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def _inodes(out: Path, folder: str) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_ino for p in (out / folder).rglob("*.html")}


def test_list_pages_are_linked_only_while_their_inputs_are_unchanged(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Person, municipality, focus-area and decision-register pages come in groups keyed by
    # what they show; an edit that adds a person, removes a decision and changes a focus
    # area's status must rebuild every page that shows it, and the site must be the one a
    # cold build writes.  Pages linked from the previous site keep their file (inode).
    folder = tmp_path / "cache"
    out = tmp_path / "site"
    assert _build(source, out, BuildCache.open(folder)).written
    before = {f: _inodes(out, f) for f in ("personer", "kommuner", "fokusomraden", "beslut")}
    built: list[str] = []
    real_person_pages = people_module._person_pages

    def person_pages(ctx: object, person: PersonRecord, *rest: object) -> object:
        built.append(person.slug)
        return real_person_pages(ctx, person, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(people_module, "_person_pages", person_pages)
    edited = source / f"{MEETING}.md"
    _edit(edited, "Carina Wutzler (Vellinge)", "Carina Wutzler (Vellinge), Nils Nyman (Burlöv)")
    _edit(edited, "- Styrelsen godkände verksamhetsplanen för 2017 som kommundirektörmötet "
          "7 februari föreslog\n", "")  # fmt: skip
    _edit(edited, "Konsekvensanalysen är färdig", "Konsekvensanalysen är försenad")
    changed = _build(source, out, BuildCache.open(folder))
    assert changed.ok and changed.written
    incremental = set(built)
    _build(source, tmp_path / "cold-1", None)
    assert _digest(out) == _digest(tmp_path / "cold-1")
    after = {f: _inodes(out, f) for f in before}
    assert "personer/nils-nyman/index.html" in after["personer"]
    for family, pages in before.items():
        kept = {p for p, inode in pages.items() if after[family].get(p) == inode}
        rebuilt = set(pages) - kept
        assert rebuilt, family  # each family shows the edited meeting somewhere
        if family != "beslut":  # a decision fewer: every register page shows the total
            assert kept, family
    # Only the people the edited minutes list had their views built again.
    listed = {"nils-nyman", "katrin-stjernfeldt-jammeh", "anders-almgren", "christian-sonesson",
              "carina-wutzler", "jan-inge-ahlfrid", "mathias-nilsen"}  # fmt: skip
    assert incremental == listed
    page = (out / "kommuner" / "burlov" / "index.html").read_text("utf-8")
    assert "Nils Nyman" in page
    assert "försenad" in (out / "fokusomraden" / "migration-integration" / "index.html").read_text(
        "utf-8"
    )

    # The same counts, another decision's words: only the register's pages of its year
    # (and the main page, which shows the newest year) are built again.
    registered = _inodes(out, "beslut")
    _edit(edited, "Strukturplan MalmöLundregionen antogs efter remissen",
          "Strukturplan MalmöLundregionen antogs efter den andra remissen")  # fmt: skip
    assert _build(source, out, BuildCache.open(folder)).written
    _build(source, tmp_path / "cold-2", None)
    assert _digest(out) == _digest(tmp_path / "cold-2")
    now = _inodes(out, "beslut")
    assert now["beslut/2016/index.html"] == registered["beslut/2016/index.html"]
    assert now["beslut/2017/index.html"] != registered["beslut/2017/index.html"]

    # The person removed again: their pages are gone, as in a cold build.
    _edit(edited, ", Nils Nyman (Burlöv)", "")
    assert _build(source, out, BuildCache.open(folder)).written
    _build(source, tmp_path / "cold-3", None)
    assert _digest(out) == _digest(tmp_path / "cold-3")
    assert not (out / "personer" / "nils-nyman").exists()
