"""The replaced site recycled as the next build's staging folder (:mod:`mlr_minutes.recycle`):
whatever happens to the minutes, the templates or the folders between builds, a recycled
build leaves the site a cold build of the same minutes leaves, and a failed one leaves the
published site as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ARCHIVE, BUILD_EPOCH
from mlr_minutes import build as build_module
from mlr_minutes.build import BuildOptions, BuildResult, build_site
from mlr_minutes.cache import BuildCache
from mlr_minutes.outputs.search import SearchIndexError
from mlr_minutes.ownership import MARKER, manifest
from mlr_minutes.recycle import SPARES, spare_key
from mlr_minutes.render import THEME
from test_search import _digest

MEETING = "2017-05-23-styrelsemote.md"


class Builds:
    """Builds of one minutes folder into one site with one cache, and cold builds of the
    same minutes beside them to compare with."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.source = root / "minutes"
        shutil.copytree(ARCHIVE, self.source)
        self.out = root / "site"
        self.cache = root / "cache"
        self.templates: Path | None = None
        self.colds = 0

    def build(self) -> BuildResult:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
            cache = BuildCache.open(self.cache, self.templates)
            options = BuildOptions(self.source, self.out, templates=self.templates, cache=cache)
            return build_site(options, lambda text: None)

    def cold(self) -> dict[str, str]:
        self.colds += 1
        out = self.root / f"cold-{self.colds}"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
            options = BuildOptions(self.source, out, templates=self.templates)
            assert build_site(options, lambda text: None).written
        return _digest(out)

    def spare(self) -> Path:
        return self.cache / SPARES / spare_key(self.out.resolve())

    def built_as_cold(self) -> None:
        """Build, and check the site is a cold build's, its marker the manifest of what
        it holds."""
        result = self.build()
        assert result.ok and result.written
        assert _digest(self.out) == self.cold()
        assert (self.out / MARKER).read_bytes() == manifest(self.out)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def builds(tmp_path: Path) -> Builds:
    return Builds(tmp_path)


def test_edits_removals_renames_and_additions_recycle_into_a_cold_builds_site(
    builds: Builds,
) -> None:
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    assert builds.spare().is_dir(), "the replaced site is kept"
    two_back = builds.spare().stat().st_ino
    _edit(builds.source / MEETING, "(extrainsatt)", "(extra)")
    builds.built_as_cold()
    assert builds.out.stat().st_ino == two_back, "staged in the spare"
    (builds.source / "2016-09-13-kommundirektormote.md").unlink()
    builds.built_as_cold()
    assert not (builds.out / "moten" / "2016-09-13-kommundirektormote").exists()
    (builds.source / MEETING).rename(builds.source / "2017-05-24-styrelsemote.md")
    builds.built_as_cold()
    shutil.copy(ARCHIVE / "2016-09-13-kommundirektormote.md", builds.source)
    builds.built_as_cold()
    assert (builds.out / "moten" / "2016-09-13-kommundirektormote" / "index.html").is_file()


def test_a_changed_template_recycles_into_a_cold_builds_site(builds: Builds) -> None:
    builds.templates = builds.root / "templates"
    builds.templates.mkdir()
    page = (THEME / "404.html").read_text("utf-8")
    (builds.templates / "404.html").write_text(page, "utf-8")
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    (builds.templates / "404.html").write_text(page.replace("<h1>", "<h1 class='x'>"), "utf-8")
    builds.built_as_cold()
    assert "class='x'" in (builds.out / "404.html").read_text("utf-8")
    _edit(builds.source / MEETING, "(extrainsatt)", "(extra)")
    builds.built_as_cold()


def test_a_failed_recycled_build_leaves_the_site_and_the_next_build_is_whole(
    builds: Builds, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    published = _digest(builds.out)

    def failing(*args: object, **kwargs: object) -> object:
        raise SearchIndexError("Pagefind föll")

    # Every page is already written into the spare when the search index fails.
    monkeypatch.setattr(build_module, "index_shards", failing)
    _edit(builds.source / MEETING, "(extrainsatt)", "(extra)")
    failed = builds.build()
    assert not failed.written
    assert _digest(builds.out) == published, "the published site is untouched"
    assert not builds.spare().exists(), "the half-changed spare is thrown away"
    monkeypatch.undo()
    builds.built_as_cold()
    assert "(extra)" in (builds.out / "moten" / MEETING[:-3] / "index.html").read_text("utf-8")


def test_a_site_changed_by_hand_is_refused_though_its_record_is_kept(builds: Builds) -> None:
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    assert builds.spare().is_dir()
    added = builds.out / "moten" / "mina-anteckningar.txt"
    added.write_text("skrevs för hand", "utf-8")
    refused = builds.build()
    assert [d.code for d in refused.diagnostics] == ["unsafe-output"]
    assert "skrevs inte av bygget" in refused.diagnostics[0].message
    added.unlink()
    page = builds.out / "index.html"
    text = page.read_text("utf-8")
    page.write_text(text.replace("<", ">", 1), "utf-8")  # the same size, written in place
    refused = builds.build()
    assert "index.html har ändrats sedan bygget" in refused.diagnostics[0].message
    page.write_text(text, "utf-8")
    builds.built_as_cold()  # the bytes it wrote: its own site again


def test_a_file_put_in_the_spare_is_never_published(builds: Builds) -> None:
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    (builds.spare() / "moten" / "inlagd.html").write_text("<p>inlagd</p>", "utf-8")
    (builds.spare() / ".nojekyll").write_text("", "utf-8")
    _edit(builds.source / MEETING, "(extrainsatt)", "(extra)")
    builds.built_as_cold()
    assert not (builds.out / "moten" / "inlagd.html").exists()


def test_a_file_replaced_at_the_top_of_the_spare_is_never_published(builds: Builds) -> None:
    builds.built_as_cold()
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    other = builds.spare() / "404.html.ny"
    other.write_text("<p>utbytt</p>", "utf-8")
    other.replace(builds.spare() / "404.html")  # the same name, another file
    _edit(builds.source / MEETING, "(extrainsatt)", "(extra)")
    builds.built_as_cold()
    assert "utbytt" not in (builds.out / "404.html").read_text("utf-8")


def test_a_killed_builds_staging_folder_in_the_cache_is_removed(builds: Builds) -> None:
    builds.built_as_cold()
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    left = builds.cache / SPARES / f"{spare_key(builds.out.resolve())}.work-{finished.stdout}"
    left = left.with_name(left.name.strip())
    (left / "moten").mkdir(parents=True)
    (left / "moten" / "index.html").write_text("halvfärdig", "utf-8")
    _edit(builds.source / MEETING, "Styrelsemöte", "Styrelsemöte (extrainsatt)")
    builds.built_as_cold()
    deadline = time.monotonic() + 30
    while len(list((builds.cache / SPARES).iterdir())) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list((builds.cache / SPARES).iterdir()) == [builds.spare()]
