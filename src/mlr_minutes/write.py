"""Atomic output: the site is written beside the old one and swapped in only when complete.

A build that fails half way (a template error, a full disk, ``--strict``)
leaves the previously published folder exactly as it was.  The new site is
written to a hidden sibling folder, on the same file system so that the swap
is a pair of renames, never a copy.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class DuplicateOutput(Exception):
    """Two things of the site would be written to the same file; neither is chosen."""

    def __init__(self, relative: str) -> None:
        super().__init__(
            f"två delar av webbplatsen skulle skrivas till samma fil ({relative}); "
            "ingen av dem skrivs över av den andra"
        )
        self.path = relative


class SiteWriter:
    """Writes files below a staging folder, refusing paths that would escape it and a
    second write to a path already written: what was written first is never silently
    replaced (two pages with one address are a fault of the site, not a choice to make)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self._written: set[Path] = set()

    def _target(self, relative: str) -> Path:
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root.resolve()):
            raise ValueError(f"sökvägen {relative!r} hamnar utanför webbplatsens mapp")
        if target in self._written:
            raise DuplicateOutput(relative)
        self._written.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write_text(self, relative: str, text: str) -> None:
        """Write UTF-8 text with ``\\n`` line ends (the same bytes on every platform)."""
        self._target(relative).write_bytes(text.encode("utf-8"))
        self.files += 1

    def write_bytes(self, relative: str, data: bytes) -> None:
        """Write bytes as given (feeds, calendars, open data)."""
        self._target(relative).write_bytes(data)
        self.files += 1

    def link(self, source: Path, relative: str) -> None:
        """Hard-link an unchanged file of the previous site (incremental builds); a copy
        where the file system has no links."""
        target = self._target(relative)
        try:
            os.link(source, target)
        except OSError:
            target.write_bytes(source.read_bytes())
        self.files += 1

    def copy(self, source: Path, relative: str) -> None:
        """Copy a file's bytes (not its timestamps: builds must not depend on them)."""
        self._target(relative).write_bytes(source.read_bytes())
        self.files += 1


MARKER = ".mlr-minutes-site"
"""A file every built site holds, so that a later build only ever replaces a site."""


class UnsafeOutput(ValueError):
    """The output folder holds something other than a site this tool built."""


def check_output(out: Path, keep: Path) -> None:
    """Refuse to replace ``out`` unless it is absent, empty or an earlier build, and never
    when it is, or holds, the folder ``keep`` (the minutes)."""
    out, keep = out.absolute().resolve(), keep.absolute().resolve()
    if keep == out or keep.is_relative_to(out):
        raise UnsafeOutput(f"{out} innehåller minnesanteckningarna ({keep})")
    if out.is_relative_to(keep):
        # The next build would read the site's copies of the minutes as minutes.
        raise UnsafeOutput(f"{out} ligger i mappen med minnesanteckningarna ({keep})")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not _built_site(out))):
        raise UnsafeOutput(f"{out} finns redan och är ingen webbplats byggd av mlr-minutes")


def _built_site(folder: Path) -> bool:
    # Sites built before the marker existed are recognised by their shape.
    legacy = (folder / "index.html").is_file() and (folder / "moten").is_dir()
    return (folder / MARKER).is_file() or legacy


def _sibling(out: Path, label: str) -> Path:
    return out.parent / f".{out.name}.{label}-{os.getpid()}"


@contextmanager
def atomic_output(out: Path) -> Iterator[SiteWriter]:
    """A writer on a staging folder next to ``out``, swapped in if the block completes.

    On an exception the staging folder is removed and ``out`` is untouched.
    """
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = _sibling(out, "new")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        writer = SiteWriter(staging)
        yield writer
        writer.write_text(MARKER, "Byggd av mlr-minutes; ersätts vid nästa bygge.\n")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = _sibling(out, "old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    try:
        staging.rename(out)
    except BaseException:
        if old.exists() and not out.exists():
            old.rename(out)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
