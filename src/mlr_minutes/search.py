"""Site search: a Pagefind index of the written site, built before the site is swapped in.

Pagefind's CLI reads the HTML the build has just written (its Python API costs about
100 ms per record, far too slow for an archive of thousands of meetings).  Only what
carries ``data-pagefind-body`` is indexed: the meeting pages, whose agenda items are
headings with ids and so come back as sub-results linking to ``#punkt-…``.

Decisions and action items are written inside the minutes' text, so the meeting page
cannot say *this result is a decision*.  For each meeting that has any, the build also
hands over two small records – its decisions and its action items – in which every
decision (action) is a heading with the same id it has on the meeting page.  Their
``url`` metadata is the meeting page, so results and sub-results land on
``…/moten/<id>/#beslut-2`` there; the filter ``typ`` tells meetings, decisions and
actions apart.  The records are written to a scratch folder inside the site, indexed,
and deleted again: they are input to the index, never pages of the site.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from .archive import Archive
from .model import Meeting
from .views.facets import (
    KIND_ACTION,
    KIND_DECISION,
    SearchFacets,
    named_municipalities,
    search_facets,
)
from .views.text import OUTCOME_TEXT, format_date_value, meeting_title
from .views.urls import Urls

BUNDLE = "pagefind"
"""Folder of the site Pagefind writes its index and UI files into."""

RECORDS = "_sokposter"
"""Scratch folder for the decision and action records while Pagefind reads them.  Fixed
(not per process) because the file paths end up in the index, which must be reproducible."""

_INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why, in Swedish."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """An extra search record: a tiny HTML document only Pagefind reads."""

    name: str
    """File name inside the scratch folder (``<meeting id>-beslut.html``)."""
    html: str
    """The document."""


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What Pagefind indexed."""

    records: int
    """Pages and extra records in the index."""
    seconds: float
    """How long indexing took (wall clock, reported, never written to the site)."""


def _facets_html(facets: SearchFacets) -> str:
    """The same hidden filter block the meeting template writes (``search_facets`` macro)."""
    spans = [f'<span data-pagefind-filter="typ">{escape(facets.kind)}</span>']
    if facets.year:
        spans.append(f'<span data-pagefind-filter="år">{escape(facets.year)}</span>')
    spans.append(f'<span data-pagefind-filter="organ">{escape(facets.body)}</span>')
    spans += [f'<span data-pagefind-filter="fokusfråga">{escape(n)}</span>' for n in facets.focus]
    spans += [
        f'<span data-pagefind-filter="kommun">{escape(n)}</span>' for n in facets.municipalities
    ]
    sort = f' data-pagefind-sort="datum:{escape(facets.date_iso)}"' if facets.date_iso else ""
    return f"<div hidden data-pagefind-ignore{sort}>{''.join(spans)}</div>"


def _document(title: str, url: str, sections: list[str], facets: SearchFacets) -> str:
    return (
        '<!doctype html>\n<html lang="sv">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n"
        f'<body><main data-pagefind-body data-pagefind-meta="url:{escape(url)}">\n'
        f"<h1>{escape(title)}</h1>\n" + "\n".join(sections) + "\n"
        f"{_facets_html(facets)}\n</main></body>\n</html>\n"
    )


def _item_text(meeting: Meeting, number: str | None) -> str:
    item = meeting.item(number) if number is not None else None
    return f"<p>Under punkt {escape(number)}: {escape(item.title)}</p>" if item and number else ""


def _anchors(meeting: Meeting, numbers: Iterable[str | None]) -> set[str]:
    found = set()
    for number in numbers:
        item = meeting.item(number) if number is not None else None
        if item is not None:
            found.add(item.anchor)
    return found


def _named(named: Mapping[str, tuple[str, ...]], anchors: set[str]) -> list[str]:
    return [name for anchor in sorted(anchors) for name in named.get(anchor, ())]


def search_records(archive: Archive, urls: Urls) -> Iterator[SearchRecord]:
    """Per meeting, a record of its decisions and one of its action items (when it has
    any); each decision or action is a heading with its id on the meeting page."""
    named_by_meeting = named_municipalities(archive)
    for meeting in archive.meetings:
        named = named_by_meeting.get(meeting.id, {})
        title = meeting_title(meeting)
        url = urls.meeting(meeting.id)
        if meeting.decisions:
            sections = []
            focus: list[str] = []
            for decision in meeting.decisions:
                outcome = OUTCOME_TEXT.get(decision.outcome) if decision.outcome else None
                points = "".join(f"<li>{escape(p)}</li>" for p in decision.points)
                sections.append(
                    f'<section><h2 id="{escape(decision.id)}">Beslut {decision.number}'
                    + (f" ({escape(outcome)})" if outcome else "")
                    + f"</h2><p>{escape(decision.text)}</p>"
                    + (f"<ul>{points}</ul>" if points else "")
                    + f"{_item_text(meeting, decision.item)}</section>"
                )
                focus += archive.decision_focus.get((meeting.id, decision.id), ())
            anchors = _anchors(meeting, (d.item for d in meeting.decisions))
            anchors |= {d.id for d in meeting.decisions}
            facets = search_facets(archive, meeting, KIND_DECISION, focus, _named(named, anchors))
            yield SearchRecord(
                f"{meeting.id}-beslut.html",
                _document(f"Beslut vid {title}", url, sections, facets),
            )
        if meeting.action_items:
            sections = []
            focus = []
            for action in meeting.action_items:
                state = "klar" if action.done else ""
                details = []
                if action.owners:
                    details.append("Ansvarig: " + ", ".join(action.owners))
                if action.due is not None:
                    details.append("Klart senast " + format_date_value(action.due))
                sections.append(
                    f'<section><h2 id="{escape(action.id)}">Åtgärd {action.number}'
                    + (f" ({state})" if state else "")
                    + f"</h2><p>{escape(action.text)}</p>"
                    + (f"<p>{escape('. '.join(details))}.</p>" if details else "")
                    + f"{_item_text(meeting, action.item)}</section>"
                )
                focus += archive.action_focus.get((meeting.id, action.id), ())
            anchors = _anchors(meeting, (a.item for a in meeting.action_items))
            facets = search_facets(archive, meeting, KIND_ACTION, focus, _named(named, anchors))
            yield SearchRecord(
                f"{meeting.id}-atgarder.html",
                _document(f"Åtgärder från {title}", url, sections, facets),
            )


# --- Reproducible output --------------------------------------------------------------
#
# Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata
# file, in hash-map order, which differs from run to run (fragments have been stable since
# 1.3; upstream issue Pagefind/pagefind#638 says the filter and metadata indexes still
# change).  The files are gzip-compressed CBOR behind a ``pagefind_dcd`` signature, named
# after their content; below, the unordered lists are sorted – moving the encoded items'
# bytes unchanged, so no CBOR encoder is needed – and the files renamed after the sorted
# content, with every reference updated.

_SIGNATURE = b"pagefind_dcd"


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """A CBOR item's major type, argument and the offset after its head."""
    major, info = data[at] >> 5, data[at] & 0x1F
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise SearchIndexError("Pagefinds indexfiler har ett oväntat format.")
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def _skip(data: bytes, at: int) -> int:
    """The offset after the CBOR item at ``at``."""
    major, argument, at = _head(data, at)
    if major in (2, 3):
        return at + argument
    if major in (4, 5):
        for _ in range(argument * (2 if major == 5 else 1)):
            at = _skip(data, at)
    return at


def _text(data: bytes, at: int) -> str:
    major, length, start = _head(data, at)
    if major != 3:
        raise SearchIndexError("Pagefinds indexfiler har ett oväntat format.")
    return data[start : start + length].decode("utf-8")


def _items(data: bytes, at: int) -> tuple[bytes, list[bytes], int]:
    """An array's head and its items' bytes, and the offset after it."""
    major, count, start = _head(data, at)
    if major != 4:
        raise SearchIndexError("Pagefinds indexfiler har ett oväntat format.")
    items = []
    for _ in range(count):
        end = _skip(data, start)
        items.append(data[start:end])
        start = end
    return data[at : _head(data, at)[2]], items, start


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path.name} är inte en Pagefind-indexfil.")
    return data[len(_SIGNATURE) :]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(_SIGNATURE + data, compresslevel=9, mtime=0))


def _renamed(old: str, data: bytes) -> str:
    """``sv_<hex>`` named after ``data``, as long as Pagefind's own name."""
    language, _, digest = old.rpartition("_")
    return f"{language}_{hashlib.sha256(data).hexdigest()[: len(digest)]}"


def _sorted_pairs(data: bytes, at: int) -> tuple[bytes, int]:
    """The array at ``at`` of ``[text, …]`` items, sorted by the text."""
    head, items, end = _items(data, at)
    items.sort(key=lambda item: _text(item, _head(item, 0)[2]))
    return head + b"".join(items), end


def stabilise_bundle(bundle: Path) -> None:
    """Make Pagefind's filter and metadata files the same on every run (see above)."""
    entry_path = bundle / "pagefind-entry.json"
    entry_text = entry_path.read_text("utf-8")
    for language in json.loads(entry_text)["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        head, parts, _ = _items(meta, 0)
        # [version, pages, index chunks, filters, sorts, meta fields]
        if len(parts) < 4:
            raise SearchIndexError(f"{meta_path.name} har ett oväntat format.")
        filter_head, filters, _ = _items(parts[3], 0)
        renamed = []
        for pair in filters:
            pair_head, (name, old), _ = _items(pair, 0)
            old_hash = _text(old, 0)
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            data = _read(old_path)
            # [filter name, [[value, [page numbers]], …]]
            _, (key, _values), _ = _items(data, 0)
            values, _ = _sorted_pairs(data, _skip(data, _head(data, 0)[2]))
            stable = data[: _head(data, 0)[2]] + key + values
            new_hash = _renamed(old_hash, stable)
            old_path.unlink()
            _write(bundle / "filter" / f"{new_hash}.pf_filter", stable)
            renamed.append(pair_head + name + old.replace(old_hash.encode(), new_hash.encode()))
        filter_list, _ = _sorted_pairs(filter_head + b"".join(renamed), 0)
        parts[3] = filter_list
        stable_meta = head + b"".join(parts)
        new_meta = _renamed(language["hash"], stable_meta)
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_meta}.pf_meta", stable_meta)
        entry_text = entry_text.replace(f'"{language["hash"]}"', f'"{new_meta}"')
    entry_path.write_text(entry_text, "utf-8")


def _pagefind_environment() -> dict[str, str]:
    """The environment without ``PAGEFIND_*`` settings, which would change the index."""
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND_")}


def index_site(
    root: Path, progress: Callable[[str], None], records: Iterable[SearchRecord] = ()
) -> IndexStats:
    """Index the site in ``root`` (and ``records``) with Pagefind into ``root/pagefind``.

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
                [sys.executable, "-m", "pagefind", "--site", ".", "--output-subdir", BUNDLE],
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
    if not (root / BUNDLE / "pagefind-entry.json").is_file():
        raise SearchIndexError("Pagefind skrev inget sökindex (pagefind-entry.json saknas).")
    try:
        stabilise_bundle(root / BUNDLE)
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
