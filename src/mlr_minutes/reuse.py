"""Which pages of a build can be linked from the previous site instead of rendered: the
previous build's record (:class:`~.cache.SiteMemory`) asked page by page, group by group."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from .cache import BuildCache, SiteMemory
from .outputs.search.shards import NO_REUSE, ShardReuse


def view_digest(frame: bytes, view: object) -> str:
    """A hash of a page's view (``frame`` covers what every page shares).

    The view's ``repr``: views are frozen dataclasses of strings, numbers, dates and
    tuples, whose generated ``repr`` shows every field (none is ``repr=False``), about four
    times cheaper than pickling them.  Anything whose ``repr`` is not its value (an object
    at an address, a set in hash order) can only make equal views look different, and the
    page is then rendered again: never the other way round."""
    return hashlib.blake2b(frame + repr(view).encode(), digest_size=20).hexdigest()


class PageReuse:
    """Which pages of a build can be linked from the previous site instead of rendered."""

    def __init__(
        self, cache: BuildCache | None, out: Path, frame: object, settings: str = ""
    ) -> None:
        self.enabled = cache is not None
        self.memory = cache.site(out) if cache is not None else SiteMemory()
        self.out = out.absolute()
        self._out = os.fspath(self.out)
        self.frame = repr(frame).encode() if cache is not None else b""
        self.settings = settings.encode()
        """What every page may read besides the frame (configuration, build date, variant)."""
        self.pages: dict[str, str] = {}
        """This build's pages → view digest, for the next build."""
        self.inputs: dict[str, str] = {}
        """This build's pages → digest of their inputs, where known (:meth:`kept`)."""
        self.reused = 0
        self.verified = False
        """Whether the previous site was found as recorded at the start of this build
        (:func:`~.recycle.tree_intact`): its files are then not asked for one by one."""
        self.shards: dict[str, tuple[str, tuple[str, ...]]] = {}
        """This build's parts of the search index, for the next build."""
        self.groups: dict[str, tuple[str, tuple[str, ...]]] = {}
        """This build's groups of list pages (:meth:`group`), for the next build."""

    def unchanged(self, relative: str) -> str | None:
        """The previous site's file ``relative`` (its path as a string: asked of tens of
        thousands of files) when it is still the one that build wrote."""
        found = self.memory.files.get(relative)
        if found is None:
            return None
        # A string path and os.lstat, not pathlib: asked of tens of thousands of files.
        previous = f"{self._out}/{relative}"
        if self.verified:
            return previous
        try:
            now = os.lstat(previous)
        except OSError:
            return None
        if (now.st_ino, now.st_size, now.st_mtime_ns) != found:
            return None
        return previous

    def shard_reuse(self) -> ShardReuse:
        """The previous build's parts of the search index, to link those that would come
        out the same."""
        return ShardReuse(self.memory.shards, self.unchanged) if self.enabled else NO_REUSE

    def kept(self, path: str, inputs: str) -> str | None:
        """The previous site's file ``path`` when it was rendered from the same ``inputs``
        (everything its view is built from, with the frame and the settings) and is still
        as rendered: its view is then the same, and is neither built nor hashed again.
        None when the page must be built (and :meth:`previous` asked)."""
        if not self.enabled:
            return None
        digest = self._inputs_digest(inputs)
        self.inputs[path] = digest
        view = self.memory.pages.get(path)
        if view is None or self.memory.inputs.get(path) != digest:
            return None
        previous = self.unchanged(path)
        if previous is not None:
            self.pages[path] = view
            self.reused += 1
        return previous

    def _inputs_digest(self, inputs: str) -> str:
        return hashlib.blake2b(
            b"\0".join((self.frame, self.settings, inputs.encode())), digest_size=20
        ).hexdigest()

    def group(self, key: str, inputs: str) -> list[tuple[str, str]] | None:
        """(previous file, path) of every page of the group ``key`` when the last build
        built them from the same ``inputs`` (everything their views are built from, with
        the frame and the settings) and they are still as written: the pages are then the
        same, and their views are neither built nor hashed.  None when they must be built
        (and :meth:`built_group` told which they are)."""
        if not self.enabled:
            return None
        digest = self._inputs_digest(inputs)
        self.groups[key] = (digest, ())
        found = self.memory.groups.get(key)
        if found is None or found[0] != digest:
            return None
        linked = []
        for path in found[1]:
            view = self.memory.pages.get(path)
            previous = self.unchanged(path)
            if view is None or previous is None:
                return None
            linked.append((previous, path))
        for _, path in linked:
            self.pages[path] = self.memory.pages[path]
        self.groups[key] = found
        self.reused += len(linked)
        return linked

    def built_group(self, key: str, paths: tuple[str, ...]) -> None:
        """The pages the group ``key`` was built into (after :meth:`group` said None)."""
        if key in self.groups:
            self.groups[key] = (self.groups[key][0], paths)

    def previous(self, page: Any) -> str | None:
        """The previous site's file of ``page`` when its view has not changed and the file
        is still the one rendered from it; None when the page must be rendered."""
        if not self.enabled:
            return None
        return self.previous_file(str(page.path), view_digest(self.frame, page))

    def previous_file(self, path: str, digest: str) -> str | None:
        """The previous site's file ``path`` when it was made from what ``digest`` names
        (a page's view, a source file's bytes) and is still as made; None when it must be
        written.  ``digest`` is remembered for the next build."""
        if not self.enabled:
            return None
        self.pages[path] = digest
        if self.memory.pages.get(path) != digest:
            return None
        previous = self.unchanged(path)
        if previous is not None:
            self.reused += 1
        return previous
