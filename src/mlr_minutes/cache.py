"""Incremental builds: what one build remembers so that the next does only what changed.

Four things are kept, in ``.cache/mlr-minutes/<version>/`` (``meetings.pickle``,
``sites.pickle``, ``outputs.pickle``; or only in memory, for the dev server):

- each file's parse, keyed by its path, the SHA-256 of its bytes and the configuration:
  an unchanged file is not parsed again;
- per built site, a digest of every page's view and the identity (inode, size, mtime) of
  the file that view was rendered to: an unchanged page is not rendered again, its file
  is linked into the new site from the old one;
- serialised parts of the outputs (calendar events), keyed by a digest of what decides
  their bytes (:mod:`.outputs.memo`);
- per built site, the parts of the search index (:mod:`.outputs.search.shards`) and a
  stamp of everything the build read (sources, configuration, options,
  build date): when nothing changed and the site is as it was left, nothing is done.

The version is the package version and a hash of the package's code and templates (and of
an override template folder), so a cache written by any other parser or theme is never
read.  A page's view digest is a hash of its view's ``repr``: two views that show alike render
alike, since the renderer is covered by the version; two alike that show differently are
merely rendered again.  The cache is an accelerator only: a missing,
unreadable or foreign cache means a full build, never a different site.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .model import Meeting
from .outputs.memo import OutputMemo
from .read import read_regular_file
from .recycle import SPARES, TreeRecord, tree_intact

CACHE_FOLDER = Path(".cache") / "mlr-minutes"
"""Where the command line keeps the cache, relative to where it runs (git-ignored)."""

FORMAT = 1
"""Bumped when the layout of the state file changes."""

_PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".html", ".css", ".js", ".svg", ".txt", ".json", ".yaml")

MEETINGS = "meetings.pickle"
"""Every parse, as a stream of pickles (:meth:`BuildCache._write_entries`)."""

ADDED = "meetings-added.pickle"
"""The parses made since ``meetings.pickle`` was last written in full."""

ADDED_AT_MOST = 50
"""Added parses kept apart from ``meetings.pickle`` at most (or a tenth of it)."""

FileId = tuple[int, int, int]
"""A file's inode, size and modification time (ns): it is still the file that was written."""

SourceId = tuple[int, int, int, int]
"""A minutes file's inode, size, modification and change time (ns): the change time cannot
be set back by a program (``touch -d`` sets the modification time only), so a file with
the same identity has not been written since."""

OUTPUTS = "outputs.pickle"
"""Serialised parts of the outputs (:mod:`.outputs.memo`)."""

OUTPUTS_ADDED = "outputs-added.pickle"
"""The output parts made since :data:`OUTPUTS` was last written in full."""

CONTENTS = "contents.pickle"
"""Each minutes file's identity and SHA-256 as last read, so that the next build hashes only
the files written since."""

SETTLED_NS = 2_000_000_000
"""A file changed less than this long before it was read may be written again within the
same tick of the file system's clock, its identity unchanged: its digest is not kept for
the next build (git's "racily clean" files), which reads it again."""


def _tree_digest(digest: Any, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or path.suffix not in _CODE_SUFFIXES:
            continue
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


def code_version(templates: Path | None = None) -> str:
    """The package version and a hash of its code and theme (and of ``templates``)."""
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0".encode())
    _tree_digest(digest, _PACKAGE)
    if templates is not None and templates.is_dir():
        digest.update(b"templates\0")
        _tree_digest(digest, templates)
    return f"{__version__}-{digest.hexdigest()[:16]}"


def _config_key(config: Config, variant: str) -> str:
    return f"{config_digest(config)}:{variant}" if variant else config_digest(config)


def config_digest(config: Config) -> str:
    """The configuration as a hash: a parse depends on it."""
    return hashlib.sha256(repr(config).encode()).hexdigest()


def parse_key(path: str, content_digest: str, config_key: str) -> str:
    return hashlib.sha256(f"{path}\0{content_digest}\0{config_key}".encode()).hexdigest()


def file_id(path: Path) -> FileId | None:
    try:
        found = path.lstat()
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


@dataclass
class SiteMemory:
    """What the last build of one output folder left there."""

    stamp: str = ""
    """Digest of everything that build read; equal stamps mean an equal site."""
    files: dict[str, FileId] = field(default_factory=dict)
    """Every file of the site (relative POSIX path) → its identity after the build."""
    pages: dict[str, str] = field(default_factory=dict)
    """Every page's path → the digest of the view it was rendered from."""
    result: Any = None
    """The build's result, returned again when nothing changed."""
    shards: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Every part of the search index: its folder → (digest of its input, its files)."""
    inputs: dict[str, str] = field(default_factory=dict)
    """Pages whose every input is known without building their view (a meeting's page):
    path → digest of those inputs (:meth:`PageReuse.kept`)."""
    groups: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    """Groups of list pages built from known inputs (a person's pages): key → (digest of
    those inputs, the group's pages in order) (:meth:`PageReuse.group`)."""
    tree: TreeRecord | None = None
    """The site's files, digests and folders as the build left them (:mod:`.recycle`;
    None when it was staged afresh, not recorded)."""
    spare: TreeRecord | None = None
    """The same of the site this build replaced, kept as the next build's staging folder
    (:mod:`.recycle`); None when it was not kept."""

    def intact(self, out: Path) -> bool:
        """Whether ``out`` holds exactly the files this build left, untouched."""
        if self.tree is not None:  # asked of its folders and files, not walked
            return tree_intact(out, self.tree)
        seen = 0
        for relative, found in _site_files(out):
            if self.files.get(relative) != found:
                return False
            seen += 1
        return seen == len(self.files) and seen > 0


@dataclass
class BuildCache:
    """The parses and site records of earlier builds; ``folder`` None keeps them in memory."""

    folder: Path | None
    version: str
    meetings: dict[str, Meeting] = field(default_factory=dict)
    sites: dict[str, SiteMemory] = field(default_factory=dict)
    fresh: list[str] = field(default_factory=list)
    """The files the last :meth:`parse` had to parse (new or changed since)."""
    outputs: OutputMemo | None = None
    """Serialised parts of the outputs (calendar events), read when a build asks."""
    _used: set[str] = field(default_factory=set)
    _contents: dict[str, tuple[SourceId, str]] = field(default_factory=dict)
    """Each minutes file read by this cache (or by the last build, :data:`CONTENTS`): its
    identity when read, and its digest."""
    _settled: set[str] = field(default_factory=set)
    """The files of ``_contents`` unchanged for a while when read: kept for the next build."""
    _looked: set[str] = field(default_factory=set)
    """The files whose digest this cache was asked for (a removed file's is not kept)."""
    _read_afresh: bool = False
    """Whether a file was hashed since :data:`CONTENTS` was last written."""
    _stored: set[str] = field(default_factory=set)
    """The keys of the parses in ``meetings.pickle`` (as read or last written)."""
    _outputs_stored: set[str] = field(default_factory=set)
    """The keys of the output parts in :data:`OUTPUTS` (as read or last written)."""
    _unread: bool = False
    _parsed: bool = False
    _hashed: tuple[list[Path], str, list[str | None], str] | None = None

    @classmethod
    def open(cls, folder: Path | None, templates: Path | None = None) -> BuildCache:
        """The cache in ``folder`` for this code version; empty when there is none (or it
        cannot be read), and other versions' folders are removed.  The parses are read
        only when a build needs them (a build with nothing changed does not)."""
        version = code_version(templates)
        cache = cls(folder, version)
        if folder is None:
            return cache
        with contextlib.suppress(OSError):
            for other in folder.iterdir():
                if other.is_dir() and other.name not in (version, SPARES):
                    shutil.rmtree(other, ignore_errors=True)
        sites = cache._read("sites.pickle")
        if isinstance(sites, dict):
            cache.sites = sites
        contents = cache._read(CONTENTS)
        if isinstance(contents, dict):
            cache._contents = contents
            cache._settled = set(contents)
        cache._unread = True
        return cache

    def _read(self, name: str) -> object:
        """One state file's contents, None when it is missing, broken or another version's."""
        if self.folder is None:
            return None
        try:
            with _collector_off(), (self.folder / self.version / name).open("rb") as file:
                saved = pickle.load(file)
        except Exception:  # missing, truncated or foreign: start afresh
            return None
        if isinstance(saved, dict) and saved.get("version") == self.version:
            return saved.get("data")
        return None

    def _write(self, name: str, data: object) -> None:
        assert self.folder is not None
        target = self.folder / self.version / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{name}.{os.getpid()}")
        with partial.open("wb") as file:
            pickle.dump(
                {"version": self.version, "data": data}, file, protocol=pickle.HIGHEST_PROTOCOL
            )
        partial.replace(target)

    def _write_entries(self, name: str, entries: dict[str, Any]) -> None:
        """Write ``entries`` as a stream of pickles, one entry each (:meth:`_read_entries`):
        one pickle of every meeting of a large archive remembers each of its millions of
        objects until it is done (a third of a gigabyte at 10,000 meetings, the peak of a
        cold build); an entry's are forgotten after it."""
        assert self.folder is not None
        target = self.folder / self.version / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{name}.{os.getpid()}")
        with partial.open("wb") as file:
            head = {"version": self.version, "entries": len(entries)}
            pickle.dump(head, file, protocol=pickle.HIGHEST_PROTOCOL)
            for entry in entries.items():
                pickle.dump(entry, file, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(target)

    def _read_entries(self, name: str) -> dict[str, Any] | None:
        """What :meth:`_write_entries` wrote, None when it is missing, broken or another
        version's (the collector off while reading, as :meth:`_read`)."""
        if self.folder is None:
            return None
        try:
            with _collector_off(), (self.folder / self.version / name).open("rb") as file:
                head = pickle.load(file)
                if not isinstance(head, dict) or head.get("version") != self.version:
                    return None
                count = head.get("entries")
                if not isinstance(count, int):
                    return None
                entries = dict(pickle.load(file) for _ in range(count))
        except Exception:  # missing, truncated or foreign: start afresh
            return None
        return entries

    def _load_meetings(self) -> None:
        if self._unread:
            self._unread = False
            saved = self._read_entries(MEETINGS)
            if isinstance(saved, dict):
                self._stored = set(saved)
                added = self._read(ADDED)
                if isinstance(added, dict):
                    saved.update(added)
                self.meetings = {**saved, **self.meetings}

    def output_memo(self) -> OutputMemo:
        """The last build's serialised output parts (:mod:`.outputs.memo`); this build's
        are saved with the cache."""
        if self.outputs is None:
            saved = self._read(OUTPUTS)
            if isinstance(saved, dict):
                self._outputs_stored = set(saved)
                added = self._read(OUTPUTS_ADDED)
                if isinstance(added, dict):
                    saved.update(added)
            self.outputs = OutputMemo(saved if isinstance(saved, dict) else {})
        return self.outputs

    def save(self) -> None:
        """Write the state (only the parses this build used), atomically."""
        if self._parsed:
            self.meetings = {k: m for k, m in self.meetings.items() if k in self._used}
        if self.folder is None:
            return
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore.write_text("*\n", encoding="utf-8")
        if self._parsed:
            self._save_meetings()
        self._write("sites.pickle", self.sites)
        self.save_contents()
        if self.outputs is not None and self.outputs.changed:
            self._save_outputs(self.outputs.current)

    def _save_outputs(self, current: dict[str, bytes]) -> None:
        """The output parts, as the parses (:meth:`_save_meetings`): those not in
        :data:`OUTPUTS` to a small file of their own while they are few (a build after one
        edit makes a few parts of a hundred megabytes of them)."""
        added = {k: v for k, v in current.items() if k not in self._outputs_stored}
        unused = len(self._outputs_stored - current.keys())
        bound = max(ADDED_AT_MOST, len(current) // 10)
        if self._outputs_stored and len(added) <= bound and unused <= bound:
            self._write(OUTPUTS_ADDED, added)
            return
        self._write(OUTPUTS, current)
        self._outputs_stored = set(current)
        assert self.folder is not None
        (self.folder / self.version / OUTPUTS_ADDED).unlink(missing_ok=True)

    def save_contents(self) -> None:
        """Write the digests of the minutes files read by this build (:data:`CONTENTS`),
        when any was read afresh (a build with nothing changed saves nothing else)."""
        if self.folder is None or not self._read_afresh:
            return
        settled = self._looked & self._settled
        self._write(CONTENTS, {k: v for k, v in self._contents.items() if k in settled})
        self._read_afresh = False

    def _save_meetings(self) -> None:
        """The parses: those not in ``meetings.pickle`` go to a small file of their own
        while they are few (a build after one edit writes one parse, not all of them);
        ``meetings.pickle`` is written again, without the parses no longer used, when the
        added or the unused ones pass a tenth of it."""
        assert self.folder is not None
        added = {k: m for k, m in self.meetings.items() if k not in self._stored}
        unused = len(self._stored - self.meetings.keys())
        bound = max(ADDED_AT_MOST, len(self.meetings) // 10)
        if self._stored and len(added) <= bound and unused <= bound:
            self._write(ADDED, added)
            return
        self._write_entries(MEETINGS, self.meetings)
        self._stored = set(self.meetings)
        (self.folder / self.version / ADDED).unlink(missing_ok=True)

    def site(self, out: Path) -> SiteMemory:
        """The record of the last build into ``out`` (empty when there is none)."""
        return self.sites.get(str(out.absolute()), SiteMemory())

    def remember_site(self, out: Path, memory: SiteMemory) -> None:
        self.sites[str(out.absolute())] = memory

    def _content_digest(self, path: Path) -> str:
        """The SHA-256 of a minutes file, read again only when its inode, size,
        modification or change time changed since this cache (or the last build,
        :data:`CONTENTS`) read it: the dev server's cache lives from one save to the next,
        and a save re-reads the saved file, not all; a build after one edit hashes one."""
        found = os.lstat(path)
        identity = (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
        name = str(path)
        self._looked.add(name)
        known = self._contents.get(name)
        if known is not None and known[0] == identity and stat.S_ISREG(found.st_mode):
            return known[1]
        reading = time.time_ns()
        content = hashlib.sha256(read_regular_file(path)).hexdigest()
        self._contents[name] = (identity, content)
        self._read_afresh = True
        if max(found.st_mtime_ns, found.st_ctime_ns) < reading - SETTLED_NS:
            self._settled.add(name)
        else:
            self._settled.discard(name)
        return content

    def sources(self, files: list[Path], config: Config, variant: str = "") -> str:
        """A digest of every file's path and content and of the configuration (each file is
        read and hashed once per build: :meth:`parse` uses the same hashes); ``variant``
        keeps apart parses made another way (the public site's, without internal sections)."""
        config_key = _config_key(config, variant)
        keys: list[str | None] = []
        everything = hashlib.sha256(config_key.encode())
        for path in files:
            try:
                content = self._content_digest(path)
            except OSError:
                keys.append(None)  # the parse reports why it cannot be read
                everything.update(f"{path}\0unreadable\0".encode())
                continue
            keys.append(parse_key(str(path), content, config_key))
            everything.update(f"{path}\0{content}\0".encode())
        digest = everything.hexdigest()
        self._hashed = (list(files), config_key, keys, digest)
        return digest

    def parse(
        self,
        files: list[Path],
        config: Config,
        parse_files: Callable[[list[Path], Config], list[Meeting]],
        variant: str = "",
    ) -> list[Meeting]:
        """Every file's meeting, parsing only those not seen before (``parse_files`` does,
        in order, on every core); ``variant`` as for :meth:`sources`."""
        config_key = _config_key(config, variant)
        if self._hashed is None or self._hashed[:2] != (files, config_key):
            self.sources(files, config, variant)
        assert self._hashed is not None
        keys = self._hashed[2]
        self._hashed = None  # a later parse (the dev server's) reads the files again
        self._load_meetings()
        self._parsed = True
        missing = [
            p for p, k in zip(files, keys, strict=True) if k is None or k not in self.meetings
        ]
        self.fresh = [str(p) for p in missing]
        parsed = iter(parse_files(missing, config))
        meetings = []
        for path, key in zip(files, keys, strict=True):
            if key is not None and key in self.meetings:
                meeting = self.meetings[key]
            else:
                meeting = next(parsed)
                if key is not None and key == parse_key(str(path), meeting.digest, config_key):
                    self.meetings[key] = meeting  # the bytes parsed are the bytes hashed
            if key is not None:
                self._used.add(key)
            meetings.append(meeting)
        return meetings


def stamp_of(parts: Iterable[str]) -> str:
    """One digest of the things a build read."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _site_files(out: Path) -> Iterator[tuple[str, FileId]]:
    """Every file below ``out`` (relative POSIX path) with its identity, links not followed.
    With ``os.scandir`` and plain strings: tens of thousands of files are checked on every
    build, and pathlib's objects cost more than the system calls."""
    pending = [(os.fspath(out), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            relative = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, f"{relative}/"))
                continue
            try:
                found = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            yield relative, (found.st_ino, found.st_size, found.st_mtime_ns)


def record_site(out: Path) -> dict[str, FileId]:
    """Every file below ``out`` with its identity, as the next build will check it."""
    return dict(_site_files(out))


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """The cyclic collector off while reading: unpickling creates millions of objects
    (every meeting of the archive), none of them garbage, and the collector would walk
    them again and again (half the time of reading the parses).  What was read lives as
    long as the cache: frozen after, the collector does not walk it again each time it
    runs (a build gives its frozen objects back at its end)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
