"""The dev server's fast path: show an edited meeting at once, rebuild the rest afterwards.

After a save the server re-parses only the files that changed (the parse cache has the
others), rebuilds the archive, renders the changed meetings' own pages into the served
folder and reloads the browser.  Everything else a meeting can change – list pages,
neighbours, people, feeds, the search index – is left to the full (incremental) build
that runs next, in the background.  Whenever the fast path cannot be sure it shows the
right thing (a file added, removed or renamed, a file with errors, a change of
configuration or templates), it declines and the server builds in full as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..archive import build_archive
from ..build import BuildOptions, build_date
from ..cache import BuildCache
from ..load import load_meetings
from ..model import Tally
from ..ownership import record_rewritten
from ..read import as_published, read_regular_file
from ..render import Renderer
from ..views import meeting as meeting_pages
from ..views.context import Context
from ..views.site import site_view
from ..views.urls import Urls, normalise_base_url, site_origin

MOST_FILES = 5
"""More changed files than this at once (a checkout, a search-and-replace) take the full
build: the fast path is for a save."""


@dataclass(frozen=True, slots=True)
class QuickUpdate:
    """What the fast path wrote."""

    meetings: tuple[str, ...]
    """Ids of the meetings whose pages were rendered again."""
    files: tuple[str, ...]
    """Files written, relative to the served folder."""


def _write(root: Path, relative: str, data: bytes) -> None:
    """Replace one file atomically: a request never sees half a page."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(target)


def quick_update(
    options: BuildOptions,
    cache: BuildCache,
    published: frozenset[str],
    renderers: dict[Path | None, Renderer],
    saved: Iterable[str] = (),
) -> QuickUpdate | None:
    """Render the pages of the meetings whose files changed into ``options.out``; None when
    the fast path declines (see the module's docstring).  ``published`` is the ids the
    last full build published: a change to that set needs the full build.  ``renderers``
    keeps the compiled templates from one save to the next (only minutes changed).
    ``saved`` is the files the watcher saw change: those that are minutes are shown even
    when the cache already has their parse (a full build read them just after the save)."""
    loaded = load_meetings([options.source], options.config, cache=cache)
    sources = {m.source for m in loaded.meetings}
    fresh = set(cache.fresh) | {str(Path(p)) for p in saved} & sources
    if not fresh or len(fresh) > MOST_FILES:
        return None
    changed = [m for m in loaded.meetings if m.source in fresh]
    if len(changed) != len(fresh) or any(Tally.of(m.diagnostics).errors for m in changed):
        return None
    meetings = loaded.publishable()
    if frozenset(m.id for m in meetings) != published:
        return None
    ids = frozenset(m.id for m in changed)
    archive = build_archive(meetings, options.config)
    urls = Urls(normalise_base_url(options.base_url))
    context = Context.of(archive, urls, build_date(), options.config)
    frame = site_view(context, site_origin(options.base_url))
    known = renderers.get(options.templates)
    renderer = known.for_site(frame) if known else Renderer(frame, options.templates)
    renderers[options.templates] = renderer
    written: list[str] = []
    for page in meeting_pages.pages(context, only=ids):
        _write(options.out, page.path, renderer.render(page).encode("utf-8"))
        written.append(page.path)
    for meeting in changed:
        try:
            data = as_published(read_regular_file(Path(meeting.source)))
        except OSError:
            return None
        relative = urls.file(urls.source(meeting.id))
        _write(options.out, relative, data)
        written.append(relative)
    record_rewritten(options.out, written)
    return QuickUpdate(tuple(sorted(ids)), tuple(written))
