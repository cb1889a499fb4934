"""Run Pagefind over the site the build has just written, before it is swapped in.

Pagefind's CLI reads the HTML (its Python API costs about 100 ms per record, far too
slow for an archive of thousands of meetings).  Only what carries ``data-pagefind-body``
is indexed: the meeting pages, whose agenda items are headings with ids and so come back
as sub-results linking to ``#punkt-…``, and the records of decisions and action items
(:mod:`.records`), which are written to a scratch folder inside the site, indexed, and
deleted again: they are input to the index, never pages of the site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .records import SearchRecord
from .stabilise import stabilise_bundle

RECORDS = "_sokposter"
"""Scratch folder for the decision and action records while Pagefind reads them.  Fixed
(not per process) because the file paths end up in the index, which must be reproducible."""

_INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why, in Swedish."""


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What Pagefind indexed."""

    records: int
    """Pages and extra records in the index."""
    seconds: float
    """How long indexing took (wall clock, reported, never written to the site)."""


def _pagefind_environment() -> dict[str, str]:
    """The environment without ``PAGEFIND_*`` settings, which would change the index."""
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND_")}


def index_site(
    root: Path,
    progress: Callable[[str], None],
    records: Iterable[SearchRecord] = (),
    bundle: str = "pagefind",
) -> IndexStats:
    """Index the site in ``root`` (and ``records``) with Pagefind into ``root/bundle``.

    Raises :class:`SearchIndexError` when Pagefind is missing or fails, so that the build
    can keep the previous site.
    """
    started = time.perf_counter()
    scratch = root / RECORDS
    scratch.mkdir()
    try:
        for record in records:
            (scratch / record.name).write_bytes(record.html.encode("utf-8"))
        progress("Bygger sökindexet …")
        try:
            # Run in the site folder: Pagefind also reads a pagefind.yml/.toml/.json from
            # its working directory, and the build must not depend on where it is started.
            completed = subprocess.run(
                [sys.executable, "-m", "pagefind", "--site", ".", "--output-subdir", bundle],
                cwd=root,
                env=_pagefind_environment(),
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                check=False,
            )
        except OSError as error:
            raise SearchIndexError(f"Pagefind kunde inte startas: {error}") from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        tail = " ".join(output.strip().splitlines()[-5:]) or "ingen utskrift"
        raise SearchIndexError(f"Pagefind misslyckades (slutkod {completed.returncode}): {tail}")
    if not (root / bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError("Pagefind skrev inget sökindex (pagefind-entry.json saknas).")
    try:
        stabilise_bundle(root / bundle)
    except (OSError, ValueError, KeyError, IndexError, EOFError) as error:
        raise SearchIndexError(
            f"Pagefinds index kunde inte göras reproducerbart: {error}"
        ) from error
    counts = _INDEXED.findall(completed.stdout)
    indexed = int(counts[-1]) if counts else 0
    stats = IndexStats(indexed, time.perf_counter() - started)
    seconds = f"{stats.seconds:.1f}".replace(".", ",")
    progress(f"Sökindex: {indexed} sidor och poster ({seconds} s)")
    return stats
