"""The build, as a flat list of steps: load everything → archive → views → render → write.

Every meeting is loaded before anything is rendered, because the pages link
across meetings (previous/next, references, carried-over action items).  The
site is written atomically (:mod:`mlr_minutes.write`): a build that fails
leaves the previous site in place.  Output is reproducible: iteration is in
sorted order and the only date in it is the build date, which comes from
``SOURCE_DATE_EPOCH`` when that is set.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .archive import build_archive
from .cache import BuildCache, SiteMemory, record_site, stamp_of
from .config import DEFAULT, Config
from .load import PUBLIC_VARIANT, find_minutes, load_meetings
from .model import Diagnostic, Level, Meeting, Tally
from .outputs import archive_files
from .outputs.dcat import missing_settings
from .outputs.opendata import meeting_data_file
from .outputs.search import SearchIndexError, index_shards, meeting_records, shard_inputs
from .outputs.sitemap import sitemap_files
from .ownership import trust
from .pages import MeetingPool, WorkerSetup, meeting_pool, write_pages
from .parse.internal import drop_internal, internal_sections
from .publish import output_lock
from .read import as_published, decode, read_regular_file
from .recycle import EMPTY, SPARES, TreeRecord, recycling, tree_intact
from .render import Renderer, RenderError, static_files
from .reuse import PageReuse
from .views.context import Context
from .views.shards import search_shards
from .views.site import site_view
from .views.urls import Urls, normalise_base_url, site_origin
from .write import DuplicateOutput, UnsafeOutput, WriteFailed, atomic_output, check_output

PROGRESS_EVERY = 500
"""Report progress after this many pages on long builds."""


@dataclass(frozen=True)
class BuildOptions:
    """What to build from, where to, and how."""

    source: Path
    """Folder of minutes files."""
    out: Path
    """Folder to write the site to (replaced as a whole)."""
    base_url: str = "/"
    """Path the site is served under (``/`` or ``/mlr-arkiv/``)."""
    templates: Path | None = None
    """Folder of templates that replace built-in ones by name."""
    strict: bool = False
    """Fail (and keep the old site) on warnings too."""
    config: Config = DEFAULT
    """Focus areas, municipalities, bodies."""
    internal: bool = False
    """Show internal sections (``::: internt``), marked: for ``serve``'s preview only, never
    for a site that is published."""
    cache: BuildCache | None = None
    """Parses and page records of earlier builds (:mod:`mlr_minutes.cache`); None builds
    everything afresh."""


@dataclass(frozen=True)
class BuildResult:
    """What a build did."""

    diagnostics: tuple[Diagnostic, ...]
    """Every problem found in the minutes."""
    ok: bool
    """False when errors were found, or warnings under ``--strict``, or rendering failed."""
    written: bool
    """Whether a new site was swapped in."""
    pages: int
    """HTML pages written."""
    files: int
    """All files written (pages, sources, static files)."""
    meetings: int
    """Meetings on the site."""
    seconds: float
    """How long the build took."""

    @property
    def tally(self) -> Tally:
        """How many errors and warnings."""
        return Tally.of(self.diagnostics)

    def summary(self) -> str:
        """One Swedish line: what was written, problems, time."""
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        problems = str(self.tally)
        if not self.written:
            return f"Bygget avbröts: {problems}; den tidigare webbplatsen är orörd ({seconds} s)."
        return (
            f"{self.pages} sidor skrivna ({self.meetings} möten, {self.files} filer), "
            f"{problems}, {seconds} s."
        )


def build_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (UTC) so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _source_problem(source: Path) -> Diagnostic | None:
    """Why ``source`` cannot be built from, before any output is touched; None when it can."""
    if source.is_symlink() or (source.exists() and not source.is_dir()):
        message = "källan är ingen mapp med minnesanteckningar"
    elif not source.exists():
        message = "mappen med minnesanteckningar finns inte; webbplatsen byggs inte"
    elif not os.access(source, os.R_OK | os.X_OK):
        message = "mappen med minnesanteckningar kan inte läsas; webbplatsen byggs inte"
    else:
        return None
    return Diagnostic(
        Level.ERROR, str(source), None, "no-minutes", message,
        "ange mappen med minnesanteckningar med --source (standard: minutes)",
    )  # fmt: skip


class SourceChanged(Exception):
    """A minutes file changed (or was replaced) between parsing and publishing."""

    def __init__(self, path: str) -> None:
        super().__init__("filen ändrades under bygget; den publiceras inte i en annan version")
        self.path = path


def _parsed_bytes(meeting: Meeting, internal: bool) -> bytes:
    """The source file's bytes, exactly those that were parsed (never a link's target),
    as UTF-8 when the file was UTF-16 or UTF-32; without its internal sections unless
    ``internal``."""
    try:
        data = read_regular_file(Path(meeting.source))
    except OSError as error:
        raise SourceChanged(meeting.source) from error
    if hashlib.sha256(data).hexdigest() != meeting.digest:
        raise SourceChanged(meeting.source)
    published = as_published(data)
    if internal or b":::" not in published:
        return published
    return drop_internal(published, internal_sections(decode(data, meeting.source).text))


def build_site(options: BuildOptions, progress: Callable[[str], None]) -> BuildResult:
    """Load, index, render and write the whole site; one build per output folder at a time
    (a second one waits, then reads the minutes as the first left them)."""
    if _source_problem(options.source) is not None:
        return _build_site(options, progress)  # refused before anything is touched
    try:
        with output_lock(options.out, progress):
            return _build_site(options, progress)
    finally:
        # The build froze its long-lived objects (see _build_site): given back to the
        # collector, which frees them once unused (the dev server builds again and again).
        gc.unfreeze()


def _unsafe_output(options: BuildOptions, error: UnsafeOutput) -> Diagnostic:
    return Diagnostic(
        Level.ERROR, str(options.out), None, "unsafe-output",
        f"bygget skriver inte över mappen: {error}",
        "välj en annan mapp med --out, eller töm mappen själv när du sett vad den innehåller",
    )  # fmt: skip


def _build_site(options: BuildOptions, progress: Callable[[str], None]) -> BuildResult:
    started = time.perf_counter()

    def result(
        ok: bool, written: bool, pages: int = 0, files: int = 0, meetings: int = 0
    ) -> BuildResult:
        if not written and options.cache is not None:
            options.cache.save()  # keep the parses for the next try
        return BuildResult(
            diagnostics, ok, written, pages, files, meetings, time.perf_counter() - started
        )

    diagnostics: tuple[Diagnostic, ...] = ()
    problem = _source_problem(options.source)
    if problem is not None:
        diagnostics = (problem,)
        return result(ok=False, written=False)
    # Nothing changed and the site is, file for file, as the last build left it: nothing
    # is written, so the output need not be checked for being ours.
    stamp = _stamp(options)
    unchanged = _unchanged(options, stamp)
    if unchanged is not None:
        assert options.cache is not None
        options.cache.save_contents()
        progress("Inget har ändrats sedan förra bygget; webbplatsen är aktuell.")
        return replace(unchanged, seconds=time.perf_counter() - started)
    out = options.out.absolute().resolve()
    memory = options.cache.site(options.out) if options.cache is not None else None
    # The site as the last build recorded it, asked of its folders and files, not walked.
    built = memory is not None and memory.tree is not None and tree_intact(out, memory.tree)
    try:
        if memory is not None and not built:  # files untouched since: not read again
            trust(out, memory.files)
        check_output(options.out, options.source, built)
    except UnsafeOutput as error:
        diagnostics = (_unsafe_output(options, error),)
        return result(ok=False, written=False)
    progress(f"Läser minnesanteckningar i {options.source} …")
    loaded = load_meetings(
        [options.source], options.config, public=not options.internal, cache=options.cache
    )
    # Every meeting lives until the build ends: frozen, the cyclic collector does not walk
    # millions of objects again each time it runs (a fifth of a build after one edit).
    gc.freeze()
    diagnostics = loaded.diagnostics
    if not loaded.meetings:
        # An empty archive would replace the published one: a typo must never wipe the site.
        diagnostics += (
            Diagnostic(
                Level.ERROR, str(options.source), None, "no-minutes",
                "mappen innehåller inga minnesanteckningar (.md); webbplatsen byggs inte",
                "kontrollera --source: mappen ska innehålla filer som 2016-04-19-styrelsemote.md",
            ),
        )  # fmt: skip
        return result(ok=False, written=False)
    found = loaded.tally
    if options.strict and found.fails(strict=True):
        return result(ok=False, written=False)

    meetings = loaded.publishable()
    skipped = len(loaded.meetings) - len(meetings)
    progress(
        f"{len(meetings)} möten inlästa"
        + (f", {skipped} utelämnade på grund av fel" if skipped else "")
    )

    # Kept serialised parts from the last build: each meeting's scan for the archive's
    # indexes, calendar events.
    memo = options.cache.output_memo() if options.cache is not None else None
    variant = "internal" if options.internal else PUBLIC_VARIANT
    # What decides the meetings besides their files' bytes: kept parts are keyed by it.
    parsed = stamp_of((repr(options.config), variant))
    with _collector_paused():  # hundreds of thousands of records made, none garbage
        archive = build_archive(meetings, options.config, memo, variant)
    urls = Urls(normalise_base_url(options.base_url))
    origin = site_origin(options.base_url)
    site_url = f"{origin}{urls.base}" if origin else None
    today = build_date()
    contact = options.config.contact_email
    if contact is None:
        progress(
            "Obs: tillgänglighetsredogörelsen saknar kontaktadress; "
            "ange contact_email i mlr-minutes.yaml innan webbplatsen publiceras."
        )
    unset = missing_settings(options.config)
    if unset:
        progress(
            "Obs: katalogen över öppna data (api/dcat.rdf) saknar "
            + ", ".join(unset)
            + "; ange dem i mlr-minutes.yaml innan katalogen anmäls till dataportal.se."
        )
    context = Context.of(archive, urls, today, options.config)
    frame = site_view(context, origin)
    gc.freeze()  # the archive's indexes, as the meetings above
    renderer = Renderer(frame, options.templates)
    if memo is not None:
        renderer.keep_rendered(memo, parsed)
    settings = stamp_of((repr(options.config), str(options.internal), today.isoformat()))
    reuse = PageReuse(options.cache, options.out, frame, settings)
    reuse.verified = built
    recycle = None
    if options.cache is not None and options.cache.folder is not None and memory is not None:
        # Staged in the site the last build replaced, when kept (:mod:`.recycle`).
        recycle = recycling(options.cache.folder / SPARES, out, memory.spare, memory.tree or EMPTY)

    pages = 0
    try:
        with atomic_output(options.out, recycle) as writer:
            if options.config.cname:  # GitHub Pages' custom domain
                writer.write_text("CNAME", options.config.cname + "\n")
            for name, path in static_files(options.templates):
                writer.copy(path, urls.file(urls.static(name)))

            def counted(written: int) -> None:
                nonlocal pages
                pages = written
                if pages % PROGRESS_EVERY == 0:
                    progress(f"{pages} sidor skrivna …")

            def start_pool() -> MeetingPool | None:
                setup = WorkerSetup(
                    tuple(m.id for m in meetings), archive, options.config, options.base_url,
                    today, options.templates, reuse.frame,
                )  # fmt: skip
                return meeting_pool(meetings, reuse, lambda: setup)

            listed = write_pages(context, renderer, reuse, writer, start_pool, counted)
            for meeting in archive.meetings:
                source_path = urls.file(urls.source(meeting.id))
                # The copy made from the same bytes (parsed the same way) is linked.
                made = reuse.previous_file(source_path, f"{meeting.digest}:{options.internal}")
                if made is not None:
                    writer.link(made, source_path)
                    continue
                data = _parsed_bytes(meeting, options.internal)
                writer.write_bytes(source_path, data, what=meeting.source)
            for meeting in archive.meetings:  # each meeting's open data: its file decides it
                data_path = urls.file(urls.meeting_data(meeting.id))
                made = reuse.previous_file(
                    data_path, stamp_of((settings, urls.base, meeting.source, meeting.digest))
                )
                if made is not None:
                    writer.link(made, data_path)
                else:
                    writer.write_bytes(*meeting_data_file(meeting, urls))
            progress("Skriver flöden, kalendrar och öppna data …")
            # One file at a time: the open data of a large archive is tens of megabytes.
            for data_path, data in itertools.chain(
                archive_files(
                    archive, urls, site_url, options.config, memo, per_meeting=False,
                    scope=parsed,
                ),
                sitemap_files(listed, urls, origin),
            ):  # fmt: skip
                writer.write_bytes(data_path, data)
            bundle = urls.relative(urls.search_bundle()).rstrip("/")
            # A meeting's decision and action records follow from its file and the
            # settings: a part of the index whose meetings are unchanged is linked without
            # making its records.
            by_id = {meeting.id: meeting for meeting in archive.meetings}

            def known(meeting_id: str) -> str | None:
                meeting = by_id[meeting_id]
                return stamp_of((settings, urls.base, meeting.source, meeting.digest))

            shard_reuse = reuse.shard_reuse()
            shards = shard_inputs(
                writer.root, search_shards(archive.meetings), meeting_records(archive, urls),
                urls, bundle, reuse.pages.get, known if reuse.enabled else lambda _: None,
                shard_reuse,
            )  # fmt: skip
            reuse.shards, _, _ = index_shards(writer.root, shards, progress, shard_reuse, writer)
            files = writer.files
    except UnsafeOutput as error:
        diagnostics += (_unsafe_output(options, error),)
        return result(ok=False, written=False)
    except SourceChanged as error:
        diagnostics += (
            Diagnostic(
                Level.ERROR, error.path, None, "source-changed", str(error),
                "bygg igen när filen inte längre ändras",
            ),
        )  # fmt: skip
        return result(ok=False, written=False)
    except DuplicateOutput as error:
        diagnostics += (
            Diagnostic(
                Level.ERROR, str(options.out / error.path), None, "duplicate-output", str(error),
                "två namn i arkivet ger samma adress (t.ex. två fokusfrågor eller kommuner "
                "som bara skiljer sig i skiljetecken): byt namn på det ena",
            ),
        )  # fmt: skip
        return result(ok=False, written=False)
    except WriteFailed as error:
        diagnostics += (
            Diagnostic(
                Level.ERROR, str(error.target), None, "write-failed", str(error.strerror),
                "frigör utrymme eller rätta behörigheten och bygg igen; den förra "
                "webbplatsen ligger kvar orörd",
            ),
        )  # fmt: skip
        return result(ok=False, written=False)
    except RenderError as error:
        diagnostics += (
            Diagnostic(Level.ERROR, error.template, error.line, "template-error", str(error)),
        )
        return result(ok=False, written=False)
    except SearchIndexError as error:
        diagnostics += (
            Diagnostic(Level.ERROR, "pagefind", None, "search-index-failed", str(error)),
        )
        return result(ok=False, written=False)
    done = result(not found.errors, True, pages, files, len(archive.meetings))
    if options.cache is not None:
        if recycle is not None:  # what the writer left, and the replaced site if kept
            tree: TreeRecord | None = recycle.writer.record
            spare = recycle.kept
            identities = recycle.writer.made
        else:
            tree = spare = None
            identities = record_site(options.out.absolute())
        kept = SiteMemory(
            stamp, identities, reuse.pages, done, reuse.shards, reuse.inputs, reuse.groups,
            tree, spare,
        )  # fmt: skip
        options.cache.remember_site(options.out, kept)
        options.cache.save()
    return done


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic collector off for a while (as it was after)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _stamp(options: BuildOptions) -> str:
    """Everything a build reads, as one digest (empty without a cache)."""
    if options.cache is None:
        return ""
    files, _ = find_minutes([options.source])
    variant = "" if options.internal else PUBLIC_VARIANT
    sources = options.cache.sources(files, options.config, variant)
    return stamp_of(
        (options.cache.version, sources, repr(options.config), options.base_url,
         str(options.strict), str(options.templates), build_date().isoformat(),
         str(options.out.absolute()), variant)
    )  # fmt: skip


def _unchanged(options: BuildOptions, stamp: str) -> BuildResult | None:
    """The last build's result when it read the same things and its site is untouched."""
    if not stamp or options.cache is None:
        return None
    memory = options.cache.site(options.out)
    if memory.stamp != stamp or not isinstance(memory.result, BuildResult):
        return None
    return memory.result if memory.intact(options.out.absolute()) else None
