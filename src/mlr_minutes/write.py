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


class SiteWriter:
    """Writes files below a staging folder, refusing paths that would escape it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0

    def _target(self, relative: str) -> Path:
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root.resolve()):
            raise ValueError(f"sökvägen {relative!r} hamnar utanför webbplatsens mapp")
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

    def copy(self, source: Path, relative: str) -> None:
        """Copy a file's bytes (not its timestamps: builds must not depend on them)."""
        self._target(relative).write_bytes(source.read_bytes())
        self.files += 1


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
        yield SiteWriter(staging)
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
