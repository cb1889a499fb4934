"""The holes through which a secret gets published or a live site gets wiped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ARCHIVE, build
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings

SECRET = "MLR_TEST_SECRET=hemligt-värde-4711"


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` with its bytes, for comparing a site before and after."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def archive_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, copy)
    return copy


def test_a_symlinked_minutes_file_is_refused_and_never_published(
    archive_copy: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "environ"
    secret.write_text(f"# Styrelsemöte\n\nMötesdatum: 2016-07-03\n\n{SECRET}\n", "utf-8")
    (archive_copy / "2016-07-03-styrelsemote.md").symlink_to(secret)
    built = build(tmp_path / "site", archive_copy)
    refused = [d for d in built.result.diagnostics if d.code == "unsafe-source"]
    assert [d.path for d in refused] == [str(archive_copy / "2016-07-03-styrelsemote.md")]
    assert built.result.written  # the other files are still published
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            assert b"hemligt" not in path.read_bytes(), path


def test_a_symlinked_folder_and_a_fifo_are_refused(archive_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2016-07-03-styrelsemote.md").write_text(f"# Styrelsemöte 2016-07-03\n\n{SECRET}\n")
    (archive_copy / "arkiv").symlink_to(outside, target_is_directory=True)
    os.mkfifo(archive_copy / "2016-08-01-styrelsemote.md")
    result = load_meetings([archive_copy], DEFAULT)
    refused = sorted(d.path for d in result.diagnostics if d.code == "unsafe-source")
    assert refused == [
        str(archive_copy / "2016-08-01-styrelsemote.md"),
        str(archive_copy / "arkiv"),
    ]
    assert all(SECRET not in s.markdown for m in result.meetings for s in m.segments)


def test_a_symlink_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text(f"# Möte 2016-07-03\n\n{SECRET}\n", "utf-8")
    link = tmp_path / "2016-07-03-mote.md"
    link.symlink_to(target)
    result = load_meetings([link], DEFAULT)
    assert [d.code for d in result.diagnostics] == ["unsafe-source"]
    assert result.meetings == ()


def test_the_copied_source_is_the_bytes_that_were_parsed(site_copy: Path) -> None:
    meeting = "2016-04-19-kommundirektormote"
    copied = site_copy / "moten" / meeting / f"{meeting}.md"
    assert copied.read_bytes() == (ARCHIVE / f"{meeting}.md").read_bytes()


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    built = build(tmp_path / "site")
    assert built.result.written
    return built.out


@pytest.mark.parametrize("source", ["minutez", "empty", "a-file.md"])
def test_a_wrong_source_leaves_the_published_site_byte_identical(
    tmp_path: Path, source: str
) -> None:
    published = build(tmp_path / "site")
    assert published.result.written
    before = tree_bytes(published.out)
    (tmp_path / "empty").mkdir()
    (tmp_path / "a-file.md").write_text("# Styrelsemöte 2016-07-03\n", "utf-8")
    again = build(tmp_path / "site", tmp_path / source)
    assert not again.result.written and not again.result.ok
    assert [d.code for d in again.result.diagnostics] == ["no-minutes"]
    assert tree_bytes(published.out) == before


def test_a_source_with_only_unsafe_files_publishes_nothing(tmp_path: Path) -> None:
    published = build(tmp_path / "site")
    before = tree_bytes(published.out)
    links = tmp_path / "links"
    links.mkdir()
    (links / "2016-07-03-mote.md").symlink_to("/etc/passwd")
    again = build(tmp_path / "site", links)
    assert not again.result.written
    assert {d.code for d in again.result.diagnostics} == {"unsafe-source", "no-minutes"}
    assert tree_bytes(published.out) == before


def test_an_output_inside_the_source_is_refused(archive_copy: Path) -> None:
    built = build(archive_copy / "site", archive_copy)
    assert not built.result.written
    assert [d.code for d in built.result.diagnostics] == ["unsafe-output"]
    assert not (archive_copy / "site").exists()
