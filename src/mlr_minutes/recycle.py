"""The replaced site recycled as the next build's staging folder, and sites checked by
their record instead of walked.

A build after one edit changes a handful of a large site's tens of thousands of files.
Staging it in a fresh folder meant creating every folder and hard-linking every unchanged
file again, and the build walked the old and the new site whole several times (to check
the old one was its own, to write the manifest, to record the files): seconds at 10,000
meetings, most of such a build.  So, when the build cache lives on the output's file
system:

* **The replaced site is kept** (the *spare*, in the cache folder), with the record of
  the build that wrote it (:class:`TreeRecord`), and the next build stages in it: a file
  that is still the published one (the same inode: the spare's unchanged files are hard
  links of the site's) stays as it is; any other is unlinked and written anew, never
  written through (that would change the published site); files the new site lacks are
  removed, and the folders they leave empty.  The swap is the same atomic exchange.  A
  failed build throws the half-changed spare away (the published site is untouched, the
  next build stages afresh); a killed build leaves it under its process's name, removed
  as stale.
* **A site is checked by its record**: every file's inode, size and modification time,
  every folder's inode, modification and change time.  A file added, removed or renamed
  changes its folder's times, a file written its own; the change time cannot be set back.
  A folder the build itself changed within :data:`SETTLED_NS` of recording it could be
  changed again within the same clock tick unseen: such a folder is listed instead.  Any
  difference sends the caller to the full check (:func:`~.ownership.not_ours`).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import shutil
import stat
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .ownership import FORMAT, KEPT, MARKER, not_ours
from .publish import alive, discard
from .write import DuplicateOutput, SiteWriter, WriteFailed

FileId = tuple[int, int, int]
"""A file's inode, size and modification time (ns): it is still the file that was written."""

FolderId = tuple[int, int, int]
"""A folder's inode, modification and change time (ns): no entry was added or removed."""

SETTLED_NS = 2_000_000_000
"""A folder changed less than this long before it was recorded is listed when checked (a
change within the same tick of the file system's clock would not show in its times)."""

SPARES = "spare"
"""The folder of the build cache that holds the spares (one per output folder)."""


@dataclass(frozen=True)
class TreeRecord:
    """What a build left in a site folder, as the next build checks and recycles it."""

    files: Mapping[str, FileId]
    """Every file (relative POSIX path), the marker included → its identity."""
    digests: Mapping[str, str]
    """Every file but the marker → the SHA-256 of its bytes (the marker's manifest)."""
    folders: Mapping[str, FolderId]
    """Every folder below the top (relative POSIX path) → its identity."""
    listings: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """The entries of the top folder (``""``) and of every folder changed too shortly
    before it was recorded (:data:`SETTLED_NS`): checked by listing them."""


EMPTY = TreeRecord({}, {}, {})


def _listing(folder: str) -> set[str] | None:
    try:
        return set(os.listdir(folder))  # noqa: PTH208 (names, not paths)
    except OSError:
        return None


def tree_intact(root: Path, record: TreeRecord, files: bool = True) -> bool:
    """Whether ``root`` holds exactly the recorded folders and (when ``files``) files,
    unchanged, besides the hand-placed entries at its top (:data:`~.ownership.KEPT`, when
    they are plain files or folders).  No folder is walked: each is asked for its times."""
    if not record.files:
        return False
    base = os.fspath(root)
    for folder, expected in record.folders.items():
        try:
            found = os.lstat(f"{base}/{folder}")
        except OSError:
            return False
        if (found.st_ino, found.st_mtime_ns, found.st_ctime_ns) != expected:
            return False
    for folder, names in record.listings.items():
        listed = _listing(f"{base}/{folder}" if folder else base)
        if listed is None:
            return False
        if not folder:
            for name in KEPT:
                if name in listed and name not in names:
                    kind = os.lstat(f"{base}/{name}").st_mode
                    if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
                        return False
                    listed.discard(name)
        if listed != names:
            return False
    if files:
        for name, expected in record.files.items():
            try:
                found = os.lstat(f"{base}/{name}")
            except OSError:
                return False
            if (found.st_ino, found.st_size, found.st_mtime_ns) != expected:
                return False
            if not stat.S_ISREG(found.st_mode):
                return False
    return True


def manifest_bytes(digests: Mapping[str, str]) -> bytes:
    """The marker's content for a site of these files (as :func:`~.ownership.manifest`
    writes it after walking the site)."""
    text = json.dumps({"format": FORMAT, "files": dict(digests)}, indent=0, sort_keys=True)
    return (text + "\n").encode("utf-8")


class RecyclingWriter(SiteWriter):
    """A :class:`~.write.SiteWriter` on a staging folder that may hold the spare site:
    what the spare already holds as the published site has it is kept, the rest replaced
    by new files; it records what it leaves (:meth:`finish`)."""

    def __init__(self, root: Path, spare: TreeRecord, live: Path, published: TreeRecord) -> None:
        super().__init__(root)
        self._base = os.fspath(self._root)
        self._spare = dict(spare.files)
        """The spare's files not yet claimed by this build (removed at the end)."""
        self._spare.pop(MARKER, None)  # written anew, never kept
        self._folders.update(spare.folders)
        self._folders.add("")
        self._live = os.fspath(live) + "/"
        self._published = published
        self.made: dict[str, FileId] = {}
        """Every file of the new site → its identity."""
        self.digests: dict[str, str] = {}
        """Every file of the new site → the SHA-256 of its bytes."""
        self.kept = 0
        """Files the spare already held as they are."""
        self.record = EMPTY
        """The new site's record (after :meth:`finish`)."""
        if MARKER in spare.files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{self._base}/{MARKER}")  # noqa: PTH108 (path strings here)

    def _vacate(self, name: str) -> str:
        """Make room for a new file ``name`` (the spare's is unlinked, never written
        through); its path."""
        target = f"{self._base}/{name}"
        if self._spare.pop(name, None) is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # noqa: PTH108
        return target

    def _make_folder(self, folder: str) -> None:
        parts = folder.split("/")
        for depth in range(1, len(parts) + 1):  # a spare's file where a folder is now wanted
            self._vacate("/".join(parts[:depth]))
        super()._make_folder(folder)

    def _put(self, relative: str, data: bytes, what: str = "") -> None:
        name = self._claim(relative, what)
        target = self._vacate(name)
        try:
            try:
                handle = open(target, "xb")  # noqa: SIM115, PTH123 (closed below)
            except (FileExistsError, IsADirectoryError):  # not in the spare's record
                _remove(target)
                handle = open(target, "xb")  # noqa: SIM115, PTH123
            with handle:
                handle.write(data)
                handle.flush()  # its size and time are those it will keep
                found = os.fstat(handle.fileno())
        except OSError as error:
            raise WriteFailed(self.root / relative, error) from error
        self.made[name] = (found.st_ino, found.st_size, found.st_mtime_ns)
        self.digests[name] = hashlib.sha256(data).hexdigest()
        self.files += 1

    def link(self, source: Path | str, relative: str, count: bool = True) -> None:
        name = self._claim(relative)
        origin = os.fspath(source)
        published = origin[len(self._live) :] if origin.startswith(self._live) else ""
        expected = self._published.files.get(published)
        digest = self._published.digests.get(published)
        if expected is not None and digest is not None and self._spare.get(name) == expected:
            del self._spare[name]  # the very file the published site has: it stays
            self.kept += 1
        else:
            target = self._vacate(name)
            try:
                os.link(origin, target)
            except FileExistsError:
                _remove(target)
                os.link(origin, target)
            except OSError:
                shutil.copyfile(origin, target)
            if expected is None or digest is None:
                found = os.lstat(target)
                expected = (found.st_ino, found.st_size, found.st_mtime_ns)
                digest = _file_digest(target)
        self.made[name] = expected
        self.digests[name] = digest
        if count:
            self.files += 1

    def clear(self, folder: str, but: str = "") -> None:
        """Unlink the spare's files below ``folder`` (except those below ``but``): a tool
        writes there next, and must not write through them."""
        prefix, skip = f"{folder}/", f"{but}/" if but else "\0"
        for name in [n for n in self._spare if n.startswith(prefix) and not n.startswith(skip)]:
            self._vacate(name)

    def adopt(self, names: Iterable[str]) -> None:
        """Files a tool wrote into the staging folder itself (the search index): part of
        the new site, read to be recorded."""
        for name in names:
            if name in self._written:
                raise DuplicateOutput(name)
            self._written[name] = ""
            path = f"{self._base}/{name}"
            found = os.lstat(path)
            self.made[name] = (found.st_ino, found.st_size, found.st_mtime_ns)
            self.digests[name] = _file_digest(path)

    def finish(self) -> None:
        """Remove what the new site lacks, write the marker and record the site."""
        for name in self._spare:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{self._base}/{name}")  # noqa: PTH108
        self._spare.clear()
        needed: set[str] = set()
        for name in self.made:
            folder = name.rpartition("/")[0]
            while folder and folder not in needed:
                needed.add(folder)
                folder = folder.rpartition("/")[0]
        for folder in sorted(self._folders - needed - {""}, key=len, reverse=True):
            with contextlib.suppress(OSError):  # a folder of a kept entry stays
                os.rmdir(f"{self._base}/{folder}")  # noqa: PTH106
        self._put(MARKER, manifest_bytes(self.digests))
        del self.digests[MARKER]
        recorded = time.time_ns()
        folders: dict[str, FolderId] = {}
        listings = {"": frozenset(os.listdir(self._base))}  # noqa: PTH208
        for folder in needed:
            path = f"{self._base}/{folder}"
            found = os.lstat(path)
            folders[folder] = (found.st_ino, found.st_mtime_ns, found.st_ctime_ns)
            if max(found.st_mtime_ns, found.st_ctime_ns) >= recorded - SETTLED_NS:
                listings[folder] = frozenset(os.listdir(path))  # noqa: PTH208
        self.record = TreeRecord(self.made, self.digests, folders, listings)


def _file_digest(path: str) -> str:
    with open(path, "rb") as file:  # noqa: PTH123 (a path string)
        return hashlib.file_digest(file, "sha256").hexdigest()


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):  # noqa: PTH112, PTH114
        shutil.rmtree(path)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # noqa: PTH108


def spare_key(out: Path) -> str:
    """The name of ``out``'s spare (its resolved path, hashed)."""
    return hashlib.blake2b(os.fsencode(out), digest_size=8).hexdigest()


_STAGED = re.compile(r"[0-9a-f]{16}\.work-(\d+)|gone-(\d+)-\d+")
"""A staging folder of the cache (named after its build's process) or one being removed."""

_GONE = itertools.count()


def _discard(folder: Path) -> None:
    """Put ``folder`` out of the way at once and delete it by a detached ``rm``."""
    discard(folder, folder.parent / f"gone-{os.getpid()}-{next(_GONE)}")


class Recycling:
    """One build's staging folder in the cache: the spare when it is as recorded, a new
    folder otherwise.  ``published`` is the record of the site the build replaces."""

    def __init__(self, spares: Path, out: Path, spare: TreeRecord | None,
                 published: TreeRecord) -> None:  # fmt: skip
        key = spare_key(out)
        self.spare = spares / key
        self.staging = spares / f"{key}.work-{os.getpid()}"
        self.published = published
        self.kept: TreeRecord | None = None
        """The record of the replaced site when it was kept as the next spare
        (:meth:`swapped`)."""
        self.verified = False
        """Whether the site replaced was, at the swap, the one ``published`` records."""
        for entry in sorted(spares.iterdir()):
            found = _STAGED.fullmatch(entry.name)
            if found is not None and not alive(int(found.group(1) or found.group(2))):
                _discard(entry)  # a killed build's
        if self.staging.exists():
            _discard(self.staging)
        record = EMPTY
        if self.spare.is_dir() and not self.spare.is_symlink():
            if spare is not None and tree_intact(self.spare, spare, files=False):
                self.spare.rename(self.staging)
                record = spare
                _clear_top(self.staging, spare)
            else:
                _discard(self.spare)
        elif self.spare.exists() or self.spare.is_symlink():
            _discard(self.spare)
        if record is EMPTY:
            self.staging.mkdir()
        self.writer = RecyclingWriter(self.staging, record, out, published)

    def check(self, out: Path) -> str | None:
        """Why ``out`` may not be replaced (:func:`~.ownership.not_ours`), None when it may;
        by the record when it is the recorded site."""
        if tree_intact(out, self.published):
            self.verified = True
            return None
        self.verified = False
        return not_ours(out)

    def swapped(self) -> None:
        """After the swap the staging folder holds the replaced site: kept as the next
        spare when it is the recorded one (:attr:`kept`), removed otherwise."""
        if self.verified:
            try:
                self.staging.rename(self.spare)
                found = self.spare.lstat()
            except OSError:
                pass
            else:
                # Its top folder as it is now, renamed: a file replaced there shows in it
                # (the spare's files are not asked one by one).  Its digests are never read.
                top = (found.st_ino, found.st_mtime_ns, found.st_ctime_ns)
                folders = {**self.published.folders, "": top}
                self.kept = replace(self.published, digests={}, folders=folders)
                return
        _discard(self.staging)

    def discard(self) -> None:
        """After a failure: the half-changed staging folder is removed."""
        _discard(self.staging)


def _clear_top(folder: Path, record: TreeRecord) -> None:
    """Remove from the spare's top the hand-placed entries it carried (the published site
    has its own, carried over at the swap)."""
    known = record.listings.get("", frozenset())
    for name in KEPT:
        entry = folder / name
        if name not in known and (entry.exists() or entry.is_symlink()):
            _remove(os.fspath(entry))


def recycling(
    spares: Path, out: Path, spare: TreeRecord | None, published: TreeRecord
) -> Recycling | None:
    """The staging folder for a build of ``out`` (resolved) in ``spares`` (the build cache's
    folder of spares), None when that is on another file system than ``out``."""
    spares.mkdir(parents=True, exist_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    if spares.stat().st_dev != out.parent.stat().st_dev:
        return None
    return Recycling(spares, out, spare, published)
