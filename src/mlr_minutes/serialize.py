"""The meeting as plain JSON data: what ``mlr-minutes parse`` prints and the open-data API serves.

The shape is documented by ``schema/meeting.schema.json`` (shipped in the
package) and tested against it.  Dates are ISO strings at their precision,
times ``HH:MM``, absent values ``null``.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .model import (
    ActionItem,
    AgendaItem,
    DateValue,
    Decision,
    Diagnostic,
    FocusAreaStatus,
    Meeting,
    Person,
    Reference,
)

JsonObject = dict[str, Any]


def _date(value: DateValue | None) -> str | None:
    return value.iso if value is not None else None


def person_to_json(person: Person | None) -> JsonObject | None:
    """``{name, organisation, role, party, note}``, or None."""
    if person is None:
        return None
    return {
        "name": person.name,
        "organisation": person.organisation,
        "role": person.role,
        "party": person.party,
        "note": person.note,
    }


def item_to_json(item: AgendaItem) -> JsonObject:
    """``{number, title, section, attachments, line, diary_number, numbered}``."""
    return {
        "number": item.number,
        "title": item.title,
        "section": item.section,
        "attachments": list(item.attachments),
        "line": item.line,
        "diary_number": item.diary_number,
        "numbered": item.numbered,
    }


def decision_to_json(decision: Decision) -> JsonObject:
    """``{id, text, points, item, outcome, line}``."""
    return {
        "id": decision.id,
        "text": decision.text,
        "points": list(decision.points),
        "item": decision.item,
        "outcome": decision.outcome.value if decision.outcome else None,
        "line": decision.line,
    }


def action_to_json(action: ActionItem) -> JsonObject:
    """``{id, text, owners, due, done, inferred, item, line}``."""
    return {
        "id": action.id,
        "text": action.text,
        "owners": list(action.owners),
        "due": _date(action.due),
        "done": action.done,
        "inferred": action.inferred,
        "item": action.item,
        "line": action.line,
    }


def focus_to_json(status: FocusAreaStatus) -> JsonObject:
    """``{name, status, item, line}``."""
    return {"name": status.name, "status": status.status, "item": status.item, "line": status.line}


def reference_to_json(reference: Reference) -> JsonObject:
    """``{body, date, line}``."""
    return {"body": reference.body, "date": reference.date.iso, "line": reference.line}


def diagnostic_to_json(diagnostic: Diagnostic) -> JsonObject:
    """``{level, line, message}`` plus the stable ``code`` and the ``hint``."""
    return {
        "level": diagnostic.level.value,
        "line": diagnostic.line,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
    }


def meeting_to_json(meeting: Meeting) -> JsonObject:
    """The whole meeting, keys in the documented order."""
    return {
        "id": meeting.id,
        "source": meeting.source,
        "title": meeting.title,
        "body": meeting.body,
        "organisation": meeting.organisation,
        "document_type": meeting.document_type,
        "date": meeting.date.isoformat() if meeting.date else None,
        "start": meeting.start.strftime("%H:%M") if meeting.start else None,
        "end": meeting.end.strftime("%H:%M") if meeting.end else None,
        "location": meeting.location,
        "chair": person_to_json(meeting.chair),
        "secretary": person_to_json(meeting.secretary),
        "attendees": [person_to_json(p) for p in meeting.attendees],
        "guests": [person_to_json(p) for p in meeting.guests],
        "absent": [person_to_json(p) for p in meeting.absent],
        "adjusters": [person_to_json(p) for p in meeting.adjusters],
        "items": [item_to_json(i) for i in meeting.items],
        "decisions": [decision_to_json(d) for d in meeting.decisions],
        "action_items": [action_to_json(a) for a in meeting.action_items],
        "focus_areas": [focus_to_json(f) for f in meeting.focus_areas],
        "references": [reference_to_json(r) for r in meeting.references],
        "diagnostics": [diagnostic_to_json(d) for d in meeting.diagnostics],
    }


def dumps(data: Any) -> str:
    """Stable, human-readable JSON: UTF-8 text kept (å/ä/ö), keys in insertion order."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


SCHEMAS = ("meeting", "meetings", "decisions", "action-items")
"""The published JSON Schemas: one meeting, and the archive-wide index and registers."""


def schema(name: str) -> JsonObject:
    """The JSON Schema ``name`` (one of :data:`SCHEMAS`)."""
    path = resources.files("mlr_minutes").joinpath(f"schema/{name}.schema.json")
    loaded: JsonObject = json.loads(path.read_text("utf-8"))
    return loaded


def meeting_schema() -> JsonObject:
    """The JSON Schema of :func:`meeting_to_json`'s output."""
    return schema("meeting")
