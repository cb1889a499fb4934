"""The output folder: only a site the build wrote itself is replaced, the publisher's own
files in it survive, the swap leaves no gap, killed builds leave nothing behind, and two
builds at once never publish the older minutes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import ARCHIVE, Built, build
from mlr_minutes.config import DEFAULT, ConfigError, extend
from mlr_minutes.outputs.search import SearchRecord, shard_inputs
from mlr_minutes.ownership import MARKER
from mlr_minutes.publish import output_lock
from mlr_minutes.views.shards import SearchShard
from mlr_minutes.views.urls import Urls


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def codes(built: Built) -> list[str]:
    return [d.code for d in built.result.diagnostics]


@pytest.mark.parametrize(
    "marker",
    [None, "Byggd av mlr-minutes; ersätts vid nästa bygge.\n", '{"format": "x", "files": {}}'],
    ids=["site-shaped", "older-marker", "forged-manifest"],
)
def test_a_folder_that_only_looks_like_a_site_is_refused(
    tmp_path: Path, marker: str | None
) -> None:
    out = tmp_path / "site"
    (out / "moten").mkdir(parents=True)
    (out / "index.html").write_text("<p>min egen sida</p>", "utf-8")
    (out / "moten" / "anteckning.txt").write_text("mina filer", "utf-8")
    if marker is not None:
        (out / MARKER).write_text(marker, "utf-8")
    before = tree(out)
    built = build(out)
    assert not built.result.written
    assert codes(built) == ["unsafe-output"]
    assert tree(out) == before


def test_a_built_site_with_a_file_added_or_changed_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out).result.written
    assert build(out).result.written  # its own site is replaced
    (out / "moten" / "mina-anteckningar.txt").write_text("skrevs för hand", "utf-8")
    refused = build(out)
    assert codes(refused) == ["unsafe-output"]
    assert (
        "moten/mina-anteckningar.txt skrevs inte av bygget" in refused.result.diagnostics[0].message
    )
    (out / "moten" / "mina-anteckningar.txt").unlink()
    (out / "index.html").write_text("ändrad", "utf-8")
    refused = build(out)
    assert "index.html har ändrats sedan bygget" in refused.result.diagnostics[0].message
    assert (out / "index.html").read_text("utf-8") == "ändrad"


def test_cname_nojekyll_and_git_survive_a_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(out)
    (out / "CNAME").write_text("moten.example.se\n", "utf-8")
    (out / ".nojekyll").write_bytes(b"")
    (out / ".git" / "refs").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    again = build(out)
    assert again.result.written, again.result.diagnostics
    assert (out / "CNAME").read_text("utf-8") == "moten.example.se\n"
    assert (out / ".nojekyll").is_file()
    assert (out / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/gh-pages\n"
    assert build(out).result.written  # and once more: the kept files are not the build's
    assert (out / ".git" / "HEAD").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_cname_from_the_configuration(tmp_path: Path) -> None:
    out = tmp_path / "site"
    config = extend(DEFAULT, {"cname": "Moten.Example.se"})
    assert build(out, config=config).result.written
    assert (out / "CNAME").read_text("utf-8") == "moten.example.se\n"
    assert build(out).result.written  # the build wrote it, so the next one may drop it
    assert not (out / "CNAME").exists()
    (out / "CNAME").write_text("annan.example.se\n", "utf-8")
    clash = build(out, config=config)
    assert codes(clash) == ["unsafe-output"] and "CNAME" in clash.result.diagnostics[0].message
    assert (out / "CNAME").read_text("utf-8") == "annan.example.se\n"
    for bad in ("https://moten.example.se", "moten.example.se/arkiv", "localhost", "-a.se",
                "möten.se", 5, "a" * 64 + ".se"):  # fmt: skip
        with pytest.raises(ConfigError, match="cname"):
            extend(DEFAULT, {"cname": bad})


def test_a_source_inside_the_output_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(ARCHIVE, out / "minutes")
    built = build(out, out / "minutes")
    assert codes(built) == ["unsafe-output"]
    assert sorted(p.name for p in out.iterdir()) == ["minutes"]


def test_a_symlinked_output_folder_is_written_through_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "www" / "arkiv"
    target.parent.mkdir()
    link = tmp_path / "site"
    link.symlink_to(target, target_is_directory=True)
    for _ in range(2):
        built = build(link)
        assert built.result.written, built.result.diagnostics
        assert link.is_symlink() and link.readlink() == target
        assert (target / "index.html").is_file() and (target / MARKER).is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["arkiv"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_swap_never_leaves_the_output_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build killed between two renames would leave no site at all: the swap is one
    atomic exchange, so a failure at any rename leaves the old site in place."""
    out = tmp_path / "site"
    build(out)
    before, inode = tree(out), out.stat().st_ino
    renames: list[str] = []

    def failing_rename(source: object, target: object) -> None:
        renames.append(str(source))
        raise OSError(5, "simulerat avbrott", str(target))

    monkeypatch.setattr(os, "rename", failing_rename)
    again = build(out)
    monkeypatch.undo()
    assert again.result.written and renames == []
    assert out.stat().st_ino != inode and tree(out) == before  # a new folder, the same site


def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    return int(finished.stdout)


def test_staging_folders_of_killed_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(out)
    (out / ".git").mkdir()
    dead = _dead_pid()
    stale = tmp_path / f".site.new-{dead}"
    (stale / "moten").mkdir(parents=True)
    (stale / ".git" / "objects").mkdir(parents=True)  # killed while carrying .git over
    (out / ".git").rmdir()
    old = tmp_path / f".site.old-{dead}"
    old.mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as alive:
        busy = tmp_path / f".site.new-{alive.pid}"
        busy.mkdir()
        try:
            assert build(out).result.written
        finally:
            alive.kill()
    assert not stale.exists() and not old.exists()
    assert busy.exists()  # its process still runs: perhaps a build of an older version
    assert (out / ".git" / "objects").is_dir()  # given back to the site


def test_a_second_build_waits_and_then_reads_the_newer_minutes(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    out = tmp_path / "site"
    build(out, source)
    before = tree(out)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with output_lock(out, lambda text: None):
            held.set()
            release.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    command = [sys.executable, "-m", "mlr_minutes", "build", "--source", str(source),
               "--out", str(out)]  # fmt: skip
    env = os.environ | {"SOURCE_DATE_EPOCH": "1496318400"}
    second = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert second.stderr is not None
        waiting = second.stderr.readline()
        assert "väntar tills det är klart" in waiting
        time.sleep(0.5)
        assert tree(out) == before  # nothing published while the lock is held
        newest = source / "2017-05-23-styrelsemote.md"
        newest.write_text(newest.read_text("utf-8") + "\nEn nyare mening 4711.\n", "utf-8")
    finally:
        release.set()
        holder.join()
    _, rest = second.communicate(timeout=120)
    assert second.returncode == 0, waiting + rest
    page = out / "moten" / "2017-05-23-styrelsemote" / "index.html"
    assert "En nyare mening 4711." in page.read_text("utf-8")


def test_a_body_slug_never_takes_a_meeting_id(tmp_path: Path) -> None:
    """A body called *2016-05-24 styrelsemöte* would get the address of the styrelsemöte of
    that day; its pages move to ``organ_…``, which no slug or id can spell."""
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    text = (ARCHIVE / "2016-09-13-kommundirektormote.md").read_text("utf-8")
    (source / "2016-09-14-mote.md").write_text(
        "---\nbody: 2016-05-24 Styrelsemöte\n---\n"
        + text.replace("2016-09-13", "2016-09-14").replace("Kommundirektörmöte", "Möte"),
        "utf-8",
    )
    built = build(tmp_path / "site", source)
    assert built.result.written, [d.format() for d in built.result.diagnostics]
    meeting = built.html("moten/2016-05-24-styrelsemote/index.html")
    assert "Remissversionen av Strukturplan" in meeting
    body = built.html("moten/organ_2016-05-24-styrelsemote/index.html")
    assert "/moten/2016-09-14-2016-05-24-styrelsemote/" in body


def test_a_path_claimed_twice_names_both(tmp_path: Path) -> None:
    from mlr_minutes.write import DuplicateOutput, SiteWriter

    writer = SiteWriter(tmp_path)
    writer.write_text("moten/x/index.html", "första", what="sidan ”Styrelsemöte”")
    with pytest.raises(DuplicateOutput) as raised:
        writer.write_text("moten/x/index.html", "andra", what="sidan ”Möte 24 maj”")
    assert "sidan ”Styrelsemöte” och sidan ”Möte 24 maj”" in str(raised.value)


def test_pagefind_reads_the_pages_in_sorted_order(tmp_path: Path) -> None:
    for name in ("moten/b/index.html", "moten/a/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>", "utf-8")
    records = [SearchRecord("b-beslut.html", "<html></html>", "b"),
               SearchRecord("a-atgarder.html", "<html></html>", "a")]  # fmt: skip
    shards = [SearchShard("2016-01", ("b", "a"))]
    (shard,) = shard_inputs(tmp_path, shards, records, Urls("/"), "pagefind")
    assert [path for path, _ in shard.documents] == [
        "_sokposter/a-atgarder.html", "_sokposter/b-beslut.html", "moten/a/index.html",
        "moten/b/index.html",
    ]  # fmt: skip


SHM = Path("/dev/shm")


@pytest.mark.skipif(not SHM.is_dir() or not os.access(SHM, os.W_OK), reason="needs a tmpfs")
def test_a_site_built_on_tmpfs_and_on_disk_is_byte_identical(tmp_path: Path) -> None:
    """Directory order differs between file systems (hash order on ext4, creation order
    on tmpfs); nothing in the site, the search index included, may follow it."""
    on_disk = build(tmp_path / "site")
    shm = Path(tempfile.mkdtemp(dir=SHM))
    try:
        in_memory = build(shm / "site")
        assert on_disk.result.written and in_memory.result.written
        assert tree(in_memory.out) == tree(on_disk.out)
    finally:
        shutil.rmtree(shm)


def test_a_stale_retired_site_is_deleted_in_the_background(tmp_path: Path) -> None:
    # A replaced site may still be deleted by its build's rm when the next build starts:
    # the next build puts it out of the way at once, and it is gone soon after.
    out = tmp_path / "site"
    build(out)
    old = tmp_path / f".site.old-{_dead_pid()}"
    (old / "moten" / "x").mkdir(parents=True)
    (old / "moten" / "x" / "index.html").write_text("gammal", encoding="utf-8")
    assert build(out).result.written
    assert not old.exists()
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
