"""Open data: the archive as JSON and CSV files for other systems and spreadsheets.

``/api/meetings/<id>.json`` holds exactly what ``mlr-minutes parse`` prints (one key a
line rather than indented), so the published JSON Schema (``/api/schema/meeting.json``)
documents both.  The CSV
files carry a UTF-8 byte order mark, without which Excel reads å/ä/ö wrong.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..archive import ActionTrack, Archive
from ..model import Meeting, Outcome
from ..serialize import SCHEMAS, meeting_to_json, schema
from ..views.text import OUTCOME_TEXT
from ..views.urls import Urls

CSV_BOM = "\ufeff"


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


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return (CSV_BOM + buffer.getvalue()).encode("utf-8")


def decision_records(archive: Archive, urls: Urls) -> list[dict[str, Any]]:
    """Every decision, newest meeting first, with its meeting and focus areas."""
    records: list[dict[str, Any]] = []
    for meeting in reversed(archive.meetings):
        for decision in meeting.decisions:
            records.append(
                {
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
            )
    return records


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


def meeting_index(archive: Archive, urls: Urls) -> list[dict[str, Any]]:
    """One line per meeting, newest first, pointing at its page and its JSON."""
    return [
        {
            "id": m.id,
            "title": m.title,
            "body": m.body,
            "date": m.date.isoformat() if m.date else None,
            "decisions": len(m.decisions),
            "action_items": len(m.action_items),
            "focus_areas": [f.name for f in m.focus_areas],
            "url": urls.meeting(m.id),
            "json": urls.meeting_data(m.id),
        }
        for m in reversed(archive.meetings)
    ]


def meeting_data_file(meeting: Meeting, urls: Urls) -> tuple[str, bytes]:
    """(site path, bytes) of one meeting's open data: the meeting alone decides them."""
    # The published file, not the builder's path: the same minutes give the same bytes
    # wherever they were built from.
    data = meeting_to_json(meeting) | {"source": urls.source(meeting.id)}
    return urls.file(urls.meeting_data(meeting.id)), _json(data)


def open_data_files(
    archive: Archive, urls: Urls, per_meeting: bool = True
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) for every open-data file; without each meeting's own file
    (:func:`meeting_data_file`) unless ``per_meeting``."""
    yield urls.file(urls.meetings_data()), _json(meeting_index(archive, urls))
    if per_meeting:
        for meeting in archive.meetings:
            yield meeting_data_file(meeting, urls)
    decisions = decision_records(archive, urls)
    actions = action_records(archive, urls)
    yield urls.file(urls.decisions_data()), _json(decisions)
    yield urls.file(urls.actions_data()), _json(actions)
    for name in SCHEMAS:
        yield urls.file(urls.schema(name)), _json(schema(name))
    yield (
        urls.file(urls.decisions_csv()),
        _csv(
            [
                "datum",
                "organ",
                "möte",
                "punkt",
                "beslut",
                "underpunkter",
                "utfall",
                "fokusfrågor",
                "länk",
            ],
            [
                [
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
                for d in decisions
            ],
        ),
    )
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
