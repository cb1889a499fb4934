"""The dev server's watcher: when to look at the minutes and templates again, and what is there.

A snapshot of the watched folders (every file's modification time and size) is the truth:
the server rebuilds when one snapshot differs from the last.  What decides *when* to take
the next snapshot is the operating system's file events (inotify on Linux, through
watchfiles' Rust watcher), so that a save is seen within a few tens of milliseconds instead
of at the next poll, and a timeout of ``poll_seconds`` besides, so that what the events do
not cover (the configuration file, which is watched as a file and not as a folder; a folder
created after the start) is still seen.  When the events cannot be had (the inotify limits
reached, a file system without them), the watcher falls back to polling alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

STEP_MS = 20
"""After a file event, how long to wait for quiet before looking (an editor's save is
several events: write, rename, change of mode)."""

EDITOR_NOISE = re.compile("|".join(watchfiles.DefaultFilter.ignore_entity_patterns))
"""Names of files no build reads: editors' swap, lock and backup files (``.x.md.swp``,
``.#x.md``, ``x.md~``), as watchfiles' default filter ignores them."""
IGNORED_FOLDERS = frozenset(watchfiles.DefaultFilter.ignore_dirs)
"""Folders no build reads (``.git``, caches), as watchfiles' default filter ignores them."""

Snapshot = dict[str, tuple[int, int]]
"""Each file's path → (modification time in ns, size)."""


def snapshot(folders: tuple[Path, ...]) -> Snapshot:
    """Every file below ``folders`` (or the file itself), editors' noise left out."""
    seen: Snapshot = {}
    pending = []
    for folder in folders:
        if folder.is_file():
            with contextlib.suppress(OSError):
                found = folder.stat()
                seen[str(folder)] = (found.st_mtime_ns, found.st_size)
        else:
            pending.append(str(folder))
    # os.scandir, not pathlib: taken after every file event and every poll, over every file.
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # removed between listing and reading: the next look sees it
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):  # as rglob: links are not entered
                    if entry.name not in IGNORED_FOLDERS:
                        pending.append(entry.path)
                elif entry.is_file() and not EDITOR_NOISE.search(entry.name):
                    found = entry.stat()
                    seen[entry.path] = (found.st_mtime_ns, found.st_size)
            except OSError:
                continue
    return seen


def wakeups(
    paths: tuple[Path, ...],
    poll_seconds: float,
    stopping: threading.Event,
    log: Callable[[str], None],
) -> Iterator[None]:
    """Yield whenever something below ``paths`` may have changed (a file event), and after
    ``poll_seconds`` without one; end when ``stopping`` is set."""
    folders = [path for path in paths if path.is_dir()]
    if folders:
        try:
            # debounce bounds how long a stream of events can delay a look: one poll.
            timeout_ms = max(1, round(poll_seconds * 1000))
            for _ in watchfiles.watch(
                *folders,
                stop_event=stopping,
                step=STEP_MS,
                debounce=max(STEP_MS, timeout_ms),
                rust_timeout=timeout_ms,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                yield
            return
        except Exception as error:  # inotify limits, an odd file system: poll instead
            seconds = f"{poll_seconds:g}".replace(".", ",")
            log(f"Filhändelser går inte att följa ({error}); tittar var {seconds} s i stället.")
    while not stopping.wait(poll_seconds):
        yield
