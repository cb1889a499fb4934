"""Load every minutes file of an archive: read → parse, keeping going past bad files.

One broken file never hides the others: each file's problems become
diagnostics, and a file that makes the parser itself fail is reported with
its path instead of stopping the run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from .config import Config
from .model import Diagnostic, Level, Meeting, Tally
from .parse import parse_source, unparsed_meeting
from .parse.internal import internal_problems, internal_sections, without_internal
from .parse.privacy import personal_data
from .read import read_source, unsafe_source

if TYPE_CHECKING:
    from .cache import BuildCache

MINUTES_SUFFIXES = (".md", ".markdown")
PUBLIC_VARIANT = "public"
"""The cache's name for parses made for the public site (internal sections left out), kept
apart from the full parses ``serve`` and ``check`` make."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """All meetings that could be parsed, and every problem found on the way."""

    meetings: tuple[Meeting, ...]
    """Parsed meetings, ordered by date then id (undated last); each carries its own
    problems, cross-file ones (``duplicate-id``) included."""
    diagnostics: tuple[Diagnostic, ...]
    """Problems across the archive, per file in path order, cross-file problems last."""

    @property
    def tally(self) -> Tally:
        """How many errors and warnings."""
        return Tally.of(self.diagnostics)

    def publishable(self) -> list[Meeting]:
        """The meetings the site can show: dated, and without errors of their own or with
        another file (a file with errors cannot be trusted; the rest of the archive is still
        published)."""
        return [
            m for m in self.meetings if m.date is not None and not Tally.of(m.diagnostics).errors
        ]


def find_minutes(paths: Iterable[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Minutes files named directly or found below the named folders, sorted.

    Only regular files are minutes: a symbolic link (to a file or a folder), a FIFO or a
    device is an error and is never followed, so that nothing outside the folder can be
    published from it.
    """
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_symlink():
            problems.append(unsafe_source(str(path)))
        elif path.is_dir():
            files, unsafe = _walk(path)
            found.extend(files)
            problems.extend(unsafe_source(str(p)) for p in unsafe)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            problems.append(unsafe_source(str(path)))
        else:
            problems.append(
                Diagnostic(
                    Level.ERROR, str(path), None, "no-such-file", "filen eller mappen finns inte"
                )
            )
    return found, problems


def _walk(root: Path) -> tuple[list[Path], list[Path]]:
    """Regular minutes files below ``root``, and the entries refused as unsafe.

    With ``os.scandir`` and plain strings (the dev server lists the folder after every
    save): the kind of each entry comes with the listing, without a ``stat`` per file.
    """
    files: list[str] = []
    unsafe: list[str] = []
    pending = [str(root)]
    while pending:
        try:
            with os.scandir(pending.pop()) as listing:
                entries = list(listing)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir():  # a link to a folder too, as os.walk sees it
                    (unsafe if entry.is_symlink() else pending).append(entry.path)
                elif name.lower().endswith(MINUTES_SUFFIXES) and name.lower() != "readme.md":
                    regular = entry.is_file(follow_symlinks=False)
                    (files if regular else unsafe).append(entry.path)
            except OSError:
                continue  # removed since the listing: the next build does not see it either
    # Sorted as paths (part by part), not as strings: "a-b/x.md" after "a/x.md".
    return _sorted_paths(files), _sorted_paths(unsafe)


def _sorted_paths(found: list[str]) -> list[Path]:
    return sorted(map(Path, found), key=lambda path: path.parts)


def parse_file(path: Path, config: Config, public: bool = False) -> Meeting:
    """Read and parse one file; a crash inside the parser becomes an error diagnostic.

    The whole file is checked for personal data.  ``public`` parses it without its
    internal sections (``::: internt``), as the public site shows it; else they are parsed
    and checked like the rest.
    """
    source = read_source(path)
    sections = internal_sections(source.text)
    guarded = (
        *personal_data(source.path, source.text, config),
        *internal_problems(source.path, sections),
    )
    if public and sections:
        source = replace(source, text=without_internal(source.text, sections))
    try:
        meeting = parse_source(source, config)
    except Exception as error:  # one file's crash must not stop the archive
        crash = Diagnostic(
            Level.ERROR,
            source.path,
            None,
            "internal-error",
            f"parsern kraschade på filen ({type(error).__name__}: {error})",
            "det här är ett fel i mlr-minutes; rapportera det med filen bifogad",
        )
        return unparsed_meeting(source.path, (*source.diagnostics, *guarded, crash))
    if not guarded:
        return meeting
    found = sorted((*meeting.diagnostics, *guarded), key=lambda d: d.line or 0)
    return replace(meeting, diagnostics=tuple(found))


def _sort_key(meeting: Meeting) -> tuple[int, str, str]:
    return (meeting.date is None, meeting.date.isoformat() if meeting.date else "", meeting.id)


PARALLEL_FROM = 200
"""Below this many files, starting worker processes costs more than it saves."""


def _workers(files: int) -> int:
    configured = os.environ.get("MLR_WORKERS", "").strip()
    if configured.isdigit():
        return max(1, int(configured))
    if files < PARALLEL_FROM:
        return 1
    return min(os.cpu_count() or 1, 8)


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the build that started it is gone.  A killed build
    (SIGKILL, a closed terminal) cannot shut its pool down, and its workers would wait
    on a queue nobody writes to; the resource tracker exits when they do."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


PARENT_CHECK_SECONDS = 0.1
"""How often a worker checks that its build still runs."""


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM ends the build like Ctrl-C does: by an exception, so that the pool below is
    shut down (only the main thread may set a signal handler; ``serve`` builds in another)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def parse_files(files: list[Path], config: Config, public: bool = False) -> list[Meeting]:
    """Parse ``files`` in order, on every core for a large archive (``MLR_WORKERS`` overrides);
    ``public`` leaves internal sections out (:func:`parse_file`)."""
    workers = _workers(len(files))
    if workers == 1:
        return [parse_file(path, config, public) for path in files]
    # spawn, not fork: the dev server builds from a thread, and forking a threaded
    # process can deadlock.
    context = multiprocessing.get_context("spawn")
    chunk = max(1, len(files) // (workers * 8))
    with _terminate_as_exit():
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
        try:
            meetings = list(
                pool.map(
                    parse_file,
                    files,
                    [config] * len(files),
                    [public] * len(files),
                    chunksize=chunk,
                )
            )
        except BaseException:
            # Interrupted: drop the queued work, let the running chunks end, stop the workers.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    return meetings


def load_meetings(
    paths: Iterable[Path],
    config: Config,
    public: bool = False,
    cache: BuildCache | None = None,
) -> LoadResult:
    """Parse every minutes file under ``paths`` and check the archive as a whole; ``public``
    parses them as the public site shows them, without their internal sections, and
    ``cache`` keeps the parse of every file not changed since.

    A problem between files is the later file's (in path order): it is added to that
    meeting's own diagnostics, naming the earlier file, so that the later file is kept out
    of the site like any file with an error and the earlier one is published.  With a
    ``cache``, a file parsed before (same path, bytes and configuration) is not parsed again.
    """
    files, diagnostics = find_minutes(paths)
    if cache is None:
        meetings = parse_files(files, config, public)
    else:
        meetings = cache.parse(
            files,
            config,
            lambda missing, settings: parse_files(missing, settings, public),
            variant=PUBLIC_VARIANT if public else "",
        )
    for meeting in meetings:
        diagnostics.extend(meeting.diagnostics)
    first_by_id: dict[str, Meeting] = {}
    checked: list[Meeting] = []
    for meeting in meetings:
        earlier = first_by_id.setdefault(meeting.id, meeting)
        if earlier is not meeting:
            duplicate = Diagnostic(
                Level.ERROR,
                meeting.source,
                1,
                "duplicate-id",
                f"mötet har samma id ({meeting.id}) som {earlier.source}",
                "två filer beskriver samma möte: slå ihop dem, eller rätta datum eller "
                "mötestyp i den ena",
            )
            diagnostics.append(duplicate)
            meeting = replace(meeting, diagnostics=(*meeting.diagnostics, duplicate))
        checked.append(meeting)
    return LoadResult(tuple(sorted(checked, key=_sort_key)), tuple(diagnostics))
