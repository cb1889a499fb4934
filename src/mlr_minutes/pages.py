"""Writing the site's pages: unchanged ones linked, the rest rendered, on every core for a
large archive.

Views are plain data, but building them needs the whole archive, so a worker process
gets the build's archive once (loading it costs a worker less than building it again
from the meetings, and the build's own archive is the one its pages show), builds the
context itself and then renders the meeting pages (nine in ten of a site's pages) of the
meetings it is handed, while this process renders every other page family.  The pages'
order – the sitemap's – is the families' order whatever finishes first.  The pool is
used for a cold build of a large archive: an incremental build renders few pages, and
starting workers would cost more than it saves.  A worker that fails for any reason
leaves its pages to this process, which reports the failure as a serial build would.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .archive import Archive
from .config import Config
from .load import PARALLEL_FROM, _workers
from .model import Meeting
from .render import Renderer
from .reuse import PageReuse, view_digest
from .views import decisions, focus_areas, people
from .views import meeting as meeting_family
from .views.context import Context
from .views.site import FAMILIES, Family, site_view
from .views.types import Page, PageGroup
from .views.urls import Urls, normalise_base_url, site_origin
from .write import SiteWriter

GROUPED: dict[Family, Callable[[Context], Iterator[PageGroup]]] = {
    decisions.pages: decisions.groups,
    focus_areas.pages: focus_areas.groups,
    people.pages: people.groups,
}
"""Families whose pages come in groups with known inputs: a group whose inputs are the
last build's is linked without building its views (the list pages of a large archive:
building their views to compare them cost more than all else of a build after one edit)."""

CHUNK = 50
"""Meetings per task: small enough to spread the work, large enough to keep the
pickling of the results cheap."""

Rendered = tuple[str, str, str]
"""A page's path, the digest of its view, and its HTML."""


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    """What a worker needs to build the same context as the build."""

    ids: tuple[str, ...]
    """The published meetings' ids, in order."""
    archive: Archive
    """The build's archive."""
    config: Config
    """The configuration."""
    base_url: str
    """The site's base URL as given."""
    today: dt.date
    """The build date."""
    templates: Path | None
    """Template overrides."""
    frame: bytes
    """The build's page frame, as the view digests cover it."""


_WORKER: dict[str, Any] = {}


def _start_worker(setup: WorkerSetup) -> None:
    archive = setup.archive
    urls = Urls(normalise_base_url(setup.base_url))
    context = Context.of(archive, urls, setup.today, setup.config)
    renderer = Renderer(site_view(context, site_origin(setup.base_url)), setup.templates)
    _WORKER.update(context=context, renderer=renderer, frame=setup.frame)


def _render_meetings(ids: tuple[str, ...]) -> list[Rendered]:
    context, renderer, frame = _WORKER["context"], _WORKER["renderer"], _WORKER["frame"]
    return [
        (page.path, view_digest(frame, page), renderer.render(page))
        for page in meeting_family.pages(context, only=frozenset(ids))
    ]


def _start_method() -> str:
    """``fork`` when this process runs a single thread (the command's build): the workers
    share the build's archive as it is, where each would get a pickle of it (the pickler's
    memo of millions of objects and the pickle itself: half a gigabyte at 10,000 meetings,
    the peak of a cold build); ``spawn`` otherwise (the dev server builds from a thread,
    and forking a process that runs threads is unsafe; so is forking on macOS)."""
    if threading.active_count() == 1 and sys.platform.startswith("linux"):
        return "fork"
    return "spawn"


class MeetingPool:
    """Meeting pages rendered by worker processes, started before the other families."""

    def __init__(self, setup: WorkerSetup, workers: int) -> None:
        ids = setup.ids
        chunks = [tuple(ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)]
        context = multiprocessing.get_context(_start_method())
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context,
            initializer=_start_worker, initargs=(setup,),
        )  # fmt: skip
        self._chunks = chunks
        self._futures: list[Future[list[Rendered]] | None] = [
            self._pool.submit(_render_meetings, chunk) for chunk in chunks
        ]
        self._taken = 0

    def ready(self, wait: bool) -> Iterator[tuple[tuple[str, ...], list[Rendered] | None]]:
        """The chunks done, in order, from the first not yet taken (every one, waiting for
        each, when ``wait``): its meetings' ids and their pages, None when its worker
        failed (the caller renders them and reports what is wrong).  Taken as they come
        while this process renders the other pages, so that the pages of a large archive
        (hundreds of megabytes) are never all held at once."""
        while self._taken < len(self._futures):
            future = self._futures[self._taken]
            assert future is not None
            if not wait and not future.done():
                return
            try:
                rendered: list[Rendered] | None = future.result()
            except Exception:
                rendered = None
            self._futures[self._taken] = None  # its pages are freed once written
            self._taken += 1
            yield self._chunks[self._taken - 1], rendered

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def meeting_pool(
    meetings: list[Meeting], reuse: PageReuse, setup: Callable[[], WorkerSetup]
) -> MeetingPool | None:
    """A pool for a cold build of a large archive; None when serial rendering is better."""
    workers = _workers(len(meetings))
    if workers < 2 or len(meetings) < PARALLEL_FROM or reuse.memory.pages:
        return None
    return MeetingPool(setup(), workers)


def write_pages(
    context: Context,
    renderer: Renderer,
    reuse: PageReuse,
    writer: SiteWriter,
    start_pool: Callable[[], MeetingPool | None],
    progress: Callable[[int], None],
) -> list[str]:
    """Write every page; return the listed pages' URL paths in the families' order."""
    written = 0
    segments: list[list[str]] = [[] for _ in FAMILIES]
    meeting_segment = segments[FAMILIES.index(meeting_family.pages)]

    def wrote(path: str, segment: list[str]) -> None:
        nonlocal written
        if path != "404.html":
            segment.append(path.removesuffix("index.html"))
        written += 1
        progress(written)

    def put(page: Page, segment: list[str]) -> None:
        previous = reuse.previous(page)
        if previous is not None:
            writer.link(previous, page.path)  # unchanged: not rendered again
        else:
            writer.write_text(page.path, renderer.render(page))
        wrote(page.path, segment)
        drain(wait=False)

    def drain(wait: bool) -> None:
        """Write the meeting pages the workers have rendered (in order)."""
        if pool is None:
            return
        for ids, rendered in pool.ready(wait):
            if rendered is None:  # as a serial build would, reporting what is wrong
                for page in meeting_family.pages(context, only=frozenset(ids)):
                    reuse.previous(page)  # records the view's digest for the next build
                    writer.write_text(page.path, renderer.render(page))
                    wrote(page.path, meeting_segment)
                continue
            for path, digest, html in rendered:
                if reuse.enabled:
                    reuse.pages[path] = digest
                writer.write_text(path, html)
                wrote(path, meeting_segment)

    pool = start_pool()
    try:
        for family, segment in zip(FAMILIES, segments, strict=True):
            grouped = GROUPED.get(family)
            if grouped is not None:
                for group in grouped(context):
                    linked = reuse.group(group.key, group.inputs) if group.inputs else None
                    if linked is not None:  # the same inputs: the views are not even built
                        for previous, path in linked:
                            writer.link(previous, path)
                            wrote(path, segment)
                        continue
                    paths = []
                    for page in group.pages():
                        put(page, segment)
                        paths.append(page.path)
                    if group.inputs:
                        reuse.built_group(group.key, tuple(paths))
            elif family is not meeting_family.pages:
                for page in family(context):
                    put(page, segment)
            elif pool is None:
                for meeting in context.archive.meetings:
                    path = meeting_path(context, meeting)
                    kept = reuse.kept(path, meeting_inputs(context, meeting))
                    if kept is not None:  # the same inputs: the view is not even built
                        writer.link(kept, path)
                        wrote(path, segment)
                    else:
                        put(meeting_family.page(context, meeting), segment)
            # else the workers' pages go into this segment as they come (drain)
        drain(wait=True)
    finally:
        if pool is not None:
            pool.close()
    if pool is not None:
        for meeting in context.archive.meetings:  # for the next build's reuse.kept
            reuse.kept(meeting_path(context, meeting), meeting_inputs(context, meeting))
    return [url for segment in segments for url in segment]


def meeting_path(context: Context, meeting: Meeting) -> str:
    """The file of the meeting's page."""
    return context.urls.file(context.urls.meeting(meeting.id))


def meeting_inputs(context: Context, meeting: Meeting) -> str:
    """Everything the meeting's page is built from besides the frame and the settings: its
    file and bytes (which decide the meeting, as for the parse cache) and what it shows of
    other meetings."""
    inputs = meeting_family.inputs(context, meeting)
    return f"{meeting.source}\0{meeting.digest}\0{inputs}"
