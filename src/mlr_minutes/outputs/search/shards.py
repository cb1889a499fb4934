"""The search index in parts: each indexed on its own, and only when its pages changed.

The meetings are grouped by period (:mod:`mlr_minutes.views.shards`); each group's
meeting pages and decision and action records are one Pagefind index.  The first part
is written into the bundle folder (``pagefind/``) with Pagefind's scripts, and is the
index the search page loads; every other part is written to ``pagefind/delar/<key>/``
(only its index files: the scripts are the first part's) and merged into it in the
browser.  So a build after one edit re-indexes the one part holding the edited meeting
(and any neighbour whose page changed with it), and links the other parts' files from
the previous site: the part's *digest* – of its documents' paths and contents (a page's
by the digest of its view, which fixes its HTML) – says whether it would come out the
same.  Parts are indexed one after another on each core, so Pagefind's memory is that of
a part, never of the whole archive.  Each part's files depend on its documents only, so
a cold and an incremental build write the same bytes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...views.shards import SearchShard
from ...views.urls import Urls
from .pagefind import RECORDS, IndexStats, index_documents, indexed_count, write_bundle
from .records import SearchRecord

if TYPE_CHECKING:
    from ...write import SiteWriter

ShardRecord = tuple[str, tuple[str, ...]]
"""What a build remembers of one part: its digest and its files (relative to the site)."""

_INDEX_FOLDERS = ("index/", "filter/", "fragment/")


def index_file(path: str) -> bool:
    """Whether a file of Pagefind's bundle belongs to the index (not to its scripts)."""
    if path == "pagefind-entry.json" or path.endswith(".pf_meta"):
        return True
    return path.startswith(_INDEX_FOLDERS)


@dataclass(frozen=True, slots=True)
class ShardInput:
    """One part of the index, as the build hands it to Pagefind."""

    key: str
    """The first month of its period (:class:`~mlr_minutes.views.shards.SearchShard`)."""
    folder: str
    """Where its files go, relative to the site: ``pagefind`` for the first part."""
    primary: bool
    """Whether it is the first part, written with Pagefind's scripts."""
    documents: tuple[tuple[str, Path | str], ...]
    """(path relative to the site, the page's file or a record's HTML), sorted by path."""
    digest: str
    """A digest of everything Pagefind reads for it: equal digests, equal files."""


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def shard_inputs(
    root: Path,
    shards: Iterable[SearchShard],
    records: Iterable[SearchRecord] | Callable[[str], list[SearchRecord]],
    urls: Urls,
    bundle: str,
    page_digest: Callable[[str], str | None] = lambda _: None,
    known: Callable[[str], str | None] = lambda _: None,
    reuse: ShardReuse | None = None,
) -> list[ShardInput]:
    """Every part's documents and digest; ``page_digest`` gives a written page's view
    digest (None: the page's bytes are hashed instead).  ``records`` are the decision and
    action records, or what makes a meeting's (by id) when asked; ``known`` is a digest
    of everything a meeting's records are made from (its minutes, the configuration),
    None when its records are to be made and hashed.  A part whose digest says
    ``reuse`` links it is given no documents: its records are not made."""
    if callable(records):
        records_of = records
    else:
        by_meeting: dict[str, list[SearchRecord]] = {}
        for record in records:
            by_meeting.setdefault(record.meeting, []).append(record)
        records_of = lambda meeting: by_meeting.get(meeting, [])  # noqa: E731
    version = _pagefind_version()
    inputs = []
    for number, shard in enumerate(shards):
        folder = bundle if number == 0 else urls.relative(urls.search_shard(shard.key)).rstrip("/")
        digest = hashlib.blake2b(f"{version}\0{folder}\0".encode(), digest_size=20)
        pages: list[tuple[str, Path]] = []
        made: dict[str, list[SearchRecord]] = {}
        for meeting_id in shard.meetings:
            page = urls.file(urls.meeting(meeting_id))
            pages.append((page, root / page))
            key = known(meeting_id)
            if key is None:
                made[meeting_id] = records_of(meeting_id)
                key = "\0".join(
                    f"{r.name}\0{hashlib.blake2b(r.html.encode(), digest_size=20).hexdigest()}"
                    for r in made[meeting_id]
                )
            digest.update(f"{meeting_id}\0{key}\0".encode())
        for path, source in sorted(pages):
            seen = page_digest(path) or hashlib.sha256(source.read_bytes()).hexdigest()
            digest.update(f"{path}\0{seen}\0".encode())
        primary = number == 0
        part = ShardInput(shard.key, folder, primary, (), digest.hexdigest())
        if reuse is None or reuse.files(part) is None:
            documents: list[tuple[str, Path | str]] = list(pages)
            for meeting_id in shard.meetings:
                found = made.get(meeting_id)
                found = records_of(meeting_id) if found is None else found
                documents += [(f"{RECORDS}/{r.name}", r.html) for r in found]
            documents.sort(key=lambda document: document[0])
            part = ShardInput(shard.key, folder, primary, tuple(documents), part.digest)
        inputs.append(part)
    return inputs


def _files_below(root: Path, folder: str, primary: bool) -> tuple[str, ...]:
    """The index's files of one part (the first part's folder holds the others' too)."""
    found = []
    base = root / folder
    for path in base.rglob("*"):
        relative = path.relative_to(base).as_posix()
        if primary and relative.split("/", 1)[0] == "delar":
            continue
        if path.is_file():
            found.append(f"{folder}/{relative}")
    return tuple(sorted(found))


def _link(source: str, target: Path, folders: set[Path]) -> None:
    if target.parent not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.add(target.parent)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@dataclass
class ShardReuse:
    """The previous build's parts, to link instead of index again."""

    previous: Mapping[str, ShardRecord]
    """Folder → (digest, files) of the previous build's parts."""
    unchanged: Callable[[str], str | None]
    """A previous site's file (relative path) when it is still as that build left it."""

    def files(self, shard: ShardInput) -> list[tuple[str, str]] | None:
        """(previous file, relative path) of every file of ``shard`` when it can be
        linked from the previous site; None when it must be indexed."""
        found = self.previous.get(shard.folder)
        if found is None or found[0] != shard.digest:
            return None
        linked = []
        for relative in found[1]:
            previous = self.unchanged(relative)
            if previous is None:
                return None
            linked.append((previous, relative))
        return linked


NO_REUSE = ShardReuse({}, lambda _: None)


def _workers(shards: int) -> int:
    configured = os.environ.get("MLR_WORKERS", "").strip()
    limit = int(configured) if configured.isdigit() else min(os.cpu_count() or 1, 2)
    return max(1, min(limit, shards))


def index_shards(
    root: Path,
    inputs: list[ShardInput],
    progress: Callable[[str], None],
    reuse: ShardReuse = NO_REUSE,
    writer: SiteWriter | None = None,
) -> tuple[dict[str, ShardRecord], list[str], IndexStats]:
    """Index the parts whose digest changed, link the others (through ``writer``, the
    site's, when given); return every part's record (for the next build), the keys of the
    parts indexed and what was indexed.  Raises :class:`~.pagefind.SearchIndexError` when
    Pagefind fails."""
    started = time.perf_counter()
    progress("Bygger sökindexet …")
    pending = []
    records: dict[str, ShardRecord] = {}
    folders: set[Path] = set()
    for shard in inputs:
        linked = reuse.files(shard)
        if linked is None:
            pending.append(shard)
            continue
        for previous, relative in linked:
            if writer is not None:
                writer.link(previous, relative, count=False)
            else:
                _link(previous, root / relative, folders)
        records[shard.folder] = (shard.digest, tuple(r for _, r in linked))
    if writer is not None:  # Pagefind writes there by itself, never through a kept file
        for shard in pending:
            writer.clear(shard.folder, f"{shard.folder}/delar" if shard.primary else "")

    def index(shard: ShardInput) -> ShardRecord:
        files = index_documents(root, list(shard.documents))
        keep = (lambda _: True) if shard.primary else index_file
        write_bundle(root / shard.folder, files, keep)
        return shard.digest, _files_below(root, shard.folder, shard.primary)

    # The first part is written first: the others' folders are inside its folder.
    pending.sort(key=lambda shard: not shard.primary)
    with ThreadPoolExecutor(max_workers=_workers(len(pending))) as pool:
        for shard, record in zip(pending, pool.map(index, pending), strict=True):
            records[shard.folder] = record
            if writer is not None:
                writer.adopt(record[1])
    indexed = sum(indexed_count(root / shard.folder) for shard in inputs)
    stats = IndexStats(indexed, time.perf_counter() - started)
    seconds = f"{stats.seconds:.1f}".replace(".", ",")
    progress(
        f"Sökindex: {indexed} sidor och poster i {len(inputs)} delar, "
        f"{len(pending)} indexerade ({seconds} s)"
    )
    return records, [shard.key for shard in pending], stats
