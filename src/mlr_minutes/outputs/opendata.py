"""Open data: the archive as JSON and CSV files for other systems and spreadsheets.

``/api/meetings/<id>.json`` holds exactly what ``mlr-minutes parse`` prints (one key a
line rather than indented), so the published JSON Schema (``/api/schema/meeting.json``)
documents both.  The CSV
files carry a UTF-8 byte order mark, without which Excel reads å/ä/ö wrong.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from typing import Any

from ..archive import ActionTrack, Archive
from ..model import Decision, Meeting, Outcome
from ..serialize import SCHEMAS, meeting_to_json, schema
from ..views.text import OUTCOME_TEXT
from ..views.urls import Urls
from .memo import OutputMemo

CSV_BOM = "\ufeff"

Record = dict[str, Any]


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
"""Without ``indent`` json uses its C encoder, many times faster than the indenting one."""


def _json(data: Any) -> bytes:
    """The JSON of ``data``, an entry or a key a line: as readable in a browser as
    indented JSON, and written by the C encoder (thousands of files a build)."""
    if isinstance(data, list) and data:
        lines = [_COMPACT.encode(item) for item in data]
        return ("[\n  " + ",\n  ".join(lines) + "\n]\n").encode("utf-8")
    if isinstance(data, dict) and data:
        lines = [f"{_COMPACT.encode(key)}: {_COMPACT.encode(value)}" for key, value in data.items()]
        return ("{\n  " + ",\n  ".join(lines) + "\n}\n").encode("utf-8")
    return (_COMPACT.encode(data) + "\n").encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def spreadsheet_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never runs it: a cell that would start a formula
    gets a leading ``'`` (OWASP's advice); the JSON files keep the exact text."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_rows(rows: list[list[str]]) -> str:
    """Spreadsheet rows (each row stands alone: rows made apart join into the same text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    """A spreadsheet: ``header`` and ``rows`` (rows made apart may follow)."""
    return (CSV_BOM + _csv_rows([header, *rows])).encode("utf-8")


def decision_record(archive: Archive, urls: Urls, meeting: Meeting, decision: Decision) -> Record:
    """A decision with its meeting and focus areas."""
    return {
        "meeting": meeting.id,
        "date": meeting.date.isoformat() if meeting.date else None,
        "body": meeting.body,
        "id": decision.id,
        "item": decision.item,
        "text": decision.text,
        "points": list(decision.points),
        "outcome": decision.outcome.value if decision.outcome else None,
        "focus_areas": list(archive.decision_focus.get((meeting.id, decision.id), ())),
        "url": f"{urls.meeting(meeting.id)}#{decision.id}",
        "line": decision.line,
    }


DECISION_COLUMNS = [
    "datum", "organ", "möte", "punkt", "beslut", "underpunkter", "utfall", "fokusfrågor", "länk"
]  # fmt: skip


def _decision_row(d: Record) -> list[str]:
    return [
        d["date"] or "",
        d["body"],
        d["meeting"],
        d["item"] or "",
        d["text"],
        " | ".join(d["points"]),
        OUTCOME_TEXT[Outcome(d["outcome"])] if d["outcome"] else "",
        "; ".join(d["focus_areas"]),
        d["url"],
    ]


def action_record(track: ActionTrack, urls: Urls) -> dict[str, Any]:
    """One task, as set and as carried on: its latest wording, where it was closed."""
    origin, latest = track.origin, track.latest
    due = track.due
    return {
        "meeting": origin.meeting.id,
        "id": origin.action.id,
        "text": latest.action.text,
        "owners": list(latest.action.owners),
        "due": due.iso if due else None,
        "done": track.done,
        "closed_in": track.closed_in.id if track.closed_in else None,
        "inferred": origin.action.inferred,
        "item": origin.action.item,
        "meetings": [a.meeting.id for a in track.appearances],
        "url": f"{urls.meeting(origin.meeting.id)}#{origin.action.id}",
        "line": origin.action.line,
    }


def action_records(archive: Archive, urls: Urls) -> list[dict[str, Any]]:
    """Every task across the archive: open ones first by due date, then done ones."""

    def key(track: ActionTrack) -> tuple[bool, bool, str, str, str]:
        due = track.due
        origin = track.origin
        return (
            track.done,
            due is None,
            due.start.isoformat() if due else "",
            origin.meeting.id,
            origin.action.id,
        )

    return [action_record(track, urls) for track in sorted(archive.tracks, key=key)]


def meeting_entry(meeting: Meeting, urls: Urls) -> Record:
    """The meeting's line in the index of meetings, pointing at its page and its JSON."""
    return {
        "id": meeting.id,
        "title": meeting.title,
        "body": meeting.body,
        "date": meeting.date.isoformat() if meeting.date else None,
        "decisions": len(meeting.decisions),
        "action_items": len(meeting.action_items),
        "focus_areas": [f.name for f in meeting.focus_areas],
        "url": urls.meeting(meeting.id),
        "json": urls.meeting_data(meeting.id),
    }


_PARTS = ("index", "decisions", "rows")
"""A meeting's parts of the archive-wide files (UTF-8): its line in the index of meetings,
its decisions' lines in the decisions' JSON and their rows in the spreadsheet."""


def _meeting_parts(archive: Archive, urls: Urls, meeting: Meeting) -> tuple[bytes, ...]:
    records = [decision_record(archive, urls, meeting, d) for d in meeting.decisions]
    return (
        _COMPACT.encode(meeting_entry(meeting, urls)).encode("utf-8"),
        ",\n  ".join(_COMPACT.encode(record) for record in records).encode("utf-8"),
        _csv_rows([_decision_row(record) for record in records]).encode("utf-8"),
    )


def _parts(
    archive: Archive, urls: Urls, memo: OutputMemo | None, scope: str
) -> list[tuple[bytes, ...]]:
    """Every meeting's parts, newest first; ``memo`` keeps them for the next build, by the
    meeting's file and bytes and ``scope`` (what else decides them: how the meetings were
    parsed, the configured focus areas, the site's address)."""
    prefix = hashlib.sha256(repr((scope, urls.base)).encode()).hexdigest()[:32]
    found = []
    for meeting in reversed(archive.meetings):
        keys = [f"data-{part}:{prefix}:{meeting.source}\0{meeting.digest}" for part in _PARTS]
        kept = [memo.get(key) for key in keys] if memo is not None else []
        if kept and all(part is not None for part in kept):
            found.append(tuple(part for part in kept if part is not None))
            continue
        parts = _meeting_parts(archive, urls, meeting)
        if memo is not None:
            for key, part in zip(keys, parts, strict=True):
                memo.put(key, part)
        found.append(parts)
    return found


def _listing(lines: list[bytes]) -> bytes:
    """:func:`_json` of a list, from its entries' JSON."""
    if not lines:
        return b"[]\n"
    return b"[\n  " + b",\n  ".join(lines) + b"\n]\n"


def meeting_data_file(meeting: Meeting, urls: Urls) -> tuple[str, bytes]:
    """(site path, bytes) of one meeting's open data: the meeting alone decides them."""
    # The published file, not the builder's path: the same minutes give the same bytes
    # wherever they were built from.
    data = meeting_to_json(meeting) | {"source": urls.source(meeting.id)}
    return urls.file(urls.meeting_data(meeting.id)), _json(data)


def open_data_files(
    archive: Archive,
    urls: Urls,
    per_meeting: bool = True,
    memo: OutputMemo | None = None,
    scope: str = "",
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for every open-data file; without each meeting's own file
    (:func:`meeting_data_file`) unless ``per_meeting``; ``memo`` and ``scope`` as for
    :func:`_parts`."""
    parts = _parts(archive, urls, memo, scope)
    yield urls.file(urls.meetings_data()), _listing([index for index, _, _ in parts])
    if per_meeting:
        for meeting in archive.meetings:
            yield meeting_data_file(meeting, urls)
    actions = action_records(archive, urls)
    yield urls.file(urls.decisions_data()), _listing([lines for _, lines, _ in parts if lines])
    yield urls.file(urls.actions_data()), _json(actions)
    for name in SCHEMAS:
        yield urls.file(urls.schema(name)), _json(schema(name))
    rows = b"".join(rows for _, _, rows in parts)
    yield urls.file(urls.decisions_csv()), _csv(DECISION_COLUMNS, []) + rows
    yield (
        urls.file(urls.actions_csv()),
        _csv(
            [
                "status",
                "klart senast",
                "åtgärd",
                "ansvariga",
                "möte",
                "punkt",
                "avslutad vid",
                "tolkad ur löptext",
                "länk",
            ],
            [
                [
                    "klar" if a["done"] else "öppen",
                    a["due"] or "",
                    a["text"],
                    "; ".join(a["owners"]),
                    a["meeting"],
                    a["item"] or "",
                    a["closed_in"] or "",
                    "ja" if a["inferred"] else "nej",
                    a["url"],
                ]
                for a in actions
            ],
        ),
    )
