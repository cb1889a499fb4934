"""Publishing a finished site: one build at a time, without a gap, nothing stale left over.

* **One at a time.**  A build holds an exclusive ``flock`` on the folder that holds the
  output folder from before it reads the minutes until its site is in place; a second
  build waits, and then reads the minutes as they are after the first one, so an older
  source can never be published over a newer one.  The lock is on the folder itself, so
  no lock file is left in a repository.
* **No gap.**  On Linux the new folder and the published one trade places in one atomic
  ``renameat2(RENAME_EXCHANGE)``: at every instant the output path holds a whole site, the
  old or the new.  Elsewhere (or on a file system without the call) two renames are used,
  with a moment in between in which the folder is missing.
* **Nothing stale.**  Staging folders are named after the building process
  (``.site.new-<pid>``); one whose process is gone (a killed build) is removed by the next
  build, after giving back any hand-placed entry (a ``.git``) it was carrying.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import itertools
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .ownership import KEPT, UnsafeOutput, carry_kept, not_ours

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def staging_folder(out: Path, label: str, pid: int | None = None) -> Path:
    """The hidden sibling of ``out`` in which this process stages (``new``) or retires
    (``old``) a site."""
    return out.parent / f".{out.name}.{label}-{os.getpid() if pid is None else pid}"


@contextmanager
def output_lock(out: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the output lock for ``out`` (the folder holding it is created if missing);
    ``waiting`` hears once when another build holds it, or when no lock can be had."""
    parent = out.absolute().resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        waiting(f"Obs: {parent} kan inte låsas ({error.strerror}); bygger utan lås.")
        yield
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(f"Ett annat bygge skriver till {parent}; väntar tills det är klart …")
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:  # a file system without locks (some network mounts)
            waiting(f"Obs: {parent} kan inte låsas ({error.strerror}); bygger utan lås.")
        yield
    finally:
        os.close(handle)  # closing releases the lock, also when the process is killed


def alive(pid: int) -> bool:
    """Whether the process ``pid`` runs (a zombie does not; another user's may)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: leave its folder alone
    try:  # a killed process its parent has not yet waited for is gone too
        stat = Path(f"/proc/{pid}/stat").read_text("utf-8", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def remove_stale(out: Path) -> list[Path]:
    """Remove the staging folders beside ``out`` whose process is gone; returns them.  They
    are renamed out of the way at once and deleted by a detached ``rm`` (a replaced site
    of tens of thousands of files takes seconds to delete, and its own ``rm`` may still be
    at it when the next build starts)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(?:new|old|gone)-(\d+)(?:-\d+)?")
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for entry in sorted(out.parent.iterdir()):
        found = pattern.fullmatch(entry.name)
        if found is None or entry.is_symlink() or not entry.is_dir():
            continue
        pid = int(found.group(1))
        if pid == os.getpid() or alive(pid):
            continue
        if out.is_dir():  # killed between carrying a .git over and the swap: give it back
            for name in KEPT:
                if (entry / name).exists() and not (out / name).exists():
                    (entry / name).rename(out / name)
        # Named after this process (alive while the name is new: no other build takes
        # the folder for stale meanwhile), numbered (an earlier one may still be deleted).
        discard(entry, out.parent / f".{out.name}.gone-{os.getpid()}-{next(_GONE)}")
        removed.append(entry)
    return removed


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False when this system cannot (nothing was changed)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # no glibc, or one older than 2.28
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p)
    renameat2.argtypes += (ctypes.c_uint,)
    renameat2.restype = ctypes.c_int
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def _two_renames(staging: Path, out: Path) -> None:
    old = staging_folder(out, "old")
    if old.exists():
        shutil.rmtree(old)
    out.rename(old)
    try:
        staging.rename(out)
    except BaseException:
        if old.exists() and not out.exists():
            old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _retire(folder: Path, out: Path) -> None:
    """Remove the replaced site ``folder`` without waiting for it: renamed to this
    process's ``old`` staging folder and deleted by a detached ``rm``, so that a build
    ends when its site is in place (removing tens of thousands of files takes seconds).
    Should ``rm`` be killed, the next build removes the folder (:func:`remove_stale`)."""
    old = staging_folder(out, "old")
    try:
        if old.exists():  # this process's previous retired site (the dev server's)
            shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    remove_in_background(old)


def discard(folder: Path, gone: Path) -> None:
    """Put ``folder`` out of the way at once (renamed to ``gone``) and delete it by a
    detached ``rm``; where it cannot be renamed, delete it here."""
    try:
        folder.rename(gone)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        remove_in_background(gone)


def remove_in_background(folder: Path) -> None:
    """Delete ``folder`` by a detached ``rm`` (inline where there is none)."""
    for pid in list(_REMOVING):  # reap the dev server's earlier removals
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == 0:
                continue
        _REMOVING.remove(pid)
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    try:
        pid = os.posix_spawnp("rm", ["rm", "-rf", "--", str(folder)], os.environ,
                              file_actions=quiet, setsid=True)  # fmt: skip
    except (OSError, AttributeError):  # no rm, or no posix_spawn here
        shutil.rmtree(folder, ignore_errors=True)
        return
    _REMOVING.append(pid)


_GONE = itertools.count()
"""Numbers the stale folders this process put out of the way."""

_REMOVING: list[int] = []
"""Detached removals started by this process and not yet reaped."""


def swap_in(
    staging: Path,
    out: Path,
    background: bool = False,
    check: Callable[[Path], str | None] = not_ours,
    keep: bool = False,
) -> None:
    """Publish the complete site in ``staging`` at ``out`` (a resolved path), carrying the
    hand-placed entries over; the old site is removed (``background``: by a detached
    process, for a large site), or left in ``staging`` when ``keep`` (and the exchange was
    atomic: it is there unless ``staging`` is missing afterwards).  Raises
    :class:`UnsafeOutput` when ``out`` has changed into something the build may not
    replace while it was building (``check`` says why)."""
    if not out.exists():
        staging.rename(out)
        return
    if any(out.iterdir()):
        why = check(out)
        if why is not None:
            raise UnsafeOutput(f"{out} ändrades under bygget ({why})")
    moved = carry_kept(out, staging)
    try:
        if not _exchange(staging, out):
            _two_renames(staging, out)
            return
    except BaseException:
        for carried, origin in moved:
            if carried.exists() and not origin.exists():
                carried.rename(origin)
        raise
    if keep:  # it holds the old site now, to be recycled
        return
    if background:
        _retire(staging, out)
    else:
        shutil.rmtree(staging, ignore_errors=True)
