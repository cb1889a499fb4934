"""Atomic output: the site is written beside the old one and swapped in only when complete.

A build that fails half way (a template error, a full disk, ``--strict``)
leaves the previously published folder exactly as it was.  The new site is
written to a hidden sibling folder, on the same file system so that the swap
is a rename, never a copy (:mod:`.publish`), and only a folder the build wrote
itself is ever replaced (:mod:`.ownership`).
"""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .ownership import MARKER, UnsafeOutput, check_output, manifest
from .publish import remove_stale, staging_folder, swap_in

if TYPE_CHECKING:
    from .recycle import Recycling

__all__ = ["DuplicateOutput", "SiteWriter", "UnsafeOutput", "atomic_output", "check_output"]


RETIRE_IN_BACKGROUND_FROM = 2_000
"""Sites of this many files and more are removed in the background once replaced
(:func:`~mlr_minutes.publish.swap_in`): a small one is gone in moments."""


class DuplicateOutput(Exception):
    """Two things of the site would be written to the same file; neither is chosen."""

    def __init__(self, relative: str, first: str = "", second: str = "") -> None:
        both = f": {first} och {second}" if first and second else ""
        super().__init__(
            f"två delar av webbplatsen skulle skrivas till samma fil ({relative}){both}; "
            "ingen av dem skrivs över av den andra"
        )
        self.path = relative


class WriteFailed(OSError):
    """A file of the site could not be written (a full disk, no permission): the message
    names the file and what the system answered."""

    def __init__(self, target: Path, error: OSError) -> None:
        super().__init__(error.errno, f"{target} kunde inte skrivas: {error.strerror or error}")
        self.target = target


class SiteWriter:
    """Writes files below a staging folder, refusing paths that would escape it and a
    second write to a path already written: what was written first is never silently
    replaced (two pages with one address are a fault of the site, not a choice to make)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self._root = root.resolve()
        self._written: dict[str, str] = {}
        self._folders: set[str] = set()

    def _claim(self, relative: str, what: str = "") -> str:
        """``relative`` normalised, claimed for ``what`` and its folder made."""
        normal = posixpath.normpath(relative)
        if normal.startswith(("/", "../")) or normal in ("..", "."):
            raise ValueError(f"sökvägen {relative!r} hamnar utanför webbplatsens mapp")
        # The staging folder holds only what a writer made – files and folders, never a
        # link – so a normalised relative path stays inside it; it is not resolved link by
        # link (tens of thousands of files a build, handled as strings).
        if normal in self._written:
            raise DuplicateOutput(relative, self._written[normal], what)
        self._written[normal] = what
        folder = posixpath.dirname(normal)
        if folder not in self._folders:
            self._make_folder(folder)
            self._folders.add(folder)
        return normal

    def _make_folder(self, folder: str) -> None:
        os.makedirs(f"{self._root}/{folder}", exist_ok=True)  # noqa: PTH103 (a string)

    def _target(self, relative: str, what: str = "") -> Path:
        return self._root / self._claim(relative, what)

    def _put(self, relative: str, data: bytes, what: str = "") -> None:
        target = self.root / relative
        try:
            self._target(relative, what).write_bytes(data)
        except WriteFailed:
            raise
        except OSError as error:
            raise WriteFailed(target, error) from error
        self.files += 1

    def write_text(self, relative: str, text: str, what: str = "") -> None:
        """Write UTF-8 text with ``\\n`` line ends (the same bytes on every platform);
        ``what`` names the page in the error when a second one claims its path."""
        self._put(relative, text.encode("utf-8"), what)

    def write_bytes(self, relative: str, data: bytes, what: str = "") -> None:
        """Write bytes as given (feeds, calendars, open data)."""
        self._put(relative, data, what)

    def link(self, source: Path | str, relative: str, count: bool = True) -> None:
        """Hard-link an unchanged file of the previous site (incremental builds); a copy
        where the file system has no links.  ``count``: one of :attr:`files`."""
        target = self._target(relative)
        try:
            os.link(source, target)
        except OSError:
            target.write_bytes(Path(source).read_bytes())
        if count:
            self.files += 1

    def clear(self, folder: str, but: str = "") -> None:
        """Make room for a tool that writes below ``folder`` by itself (nothing to do in a
        new staging folder; see :class:`~.recycle.RecyclingWriter`)."""

    def adopt(self, names: Iterable[str]) -> None:
        """Files a tool wrote into the staging folder by itself (nothing to record here;
        see :class:`~.recycle.RecyclingWriter`)."""

    def copy(self, source: Path, relative: str) -> None:
        """Copy a file's bytes (not its timestamps: builds must not depend on them)."""
        self._put(relative, source.read_bytes())


@contextmanager
def atomic_output(out: Path, recycle: Recycling | None = None) -> Iterator[SiteWriter]:
    """A writer on a staging folder next to ``out``, swapped in if the block completes.

    On an exception the staging folder is removed and ``out`` is untouched.  When ``out``
    is a symbolic link its target is replaced and the link kept.  Call it holding
    :func:`~mlr_minutes.publish.output_lock`; staging folders of killed builds are
    removed first.  With ``recycle`` (:mod:`.recycle`, for ``out`` resolved), the staging
    folder is its folder in the build cache, the spare site when there is one.
    """
    out = out.absolute().resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    if recycle is not None:
        try:
            yield recycle.writer
            recycle.writer.finish()
            swap_in(recycle.staging, out, check=recycle.check, keep=True)
        except BaseException:
            recycle.discard()
            raise
        recycle.swapped()
        return
    staging = staging_folder(out, "new")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        writer = SiteWriter(staging)
        yield writer
        writer.write_bytes(MARKER, manifest(staging))
        swap_in(staging, out, background=writer.files >= RETIRE_IN_BACKGROUND_FROM)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
