"""The reference minutes (2016-04-19) parse into what a careful reader finds in them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from mlr_minutes.commands.cli import main
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import parse_file
from mlr_minutes.model import Meeting, Outcome
from mlr_minutes.serialize import meeting_schema, meeting_to_json

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "minutes" / "2016-04-19-kommundirektormote.md"


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    return parse_file(SEED, DEFAULT)


@pytest.fixture(scope="module")
def parsed_json() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["parse", str(SEED)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


def test_seed_is_the_shared_file_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seed" / "000_9048eef45feeed29.txt"
    if not shared.exists():
        pytest.skip("shared/seed is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def test_meeting_metadata(meeting: Meeting) -> None:
    assert meeting.id == "2016-04-19-kommundirektormote"
    assert meeting.title == "Kommundirektörmöte MalmöLundregionen"
    assert meeting.body == "Kommundirektörmöte"
    assert meeting.organisation == "MalmöLundregionen"
    assert meeting.document_type == "Minnesanteckningar"
    assert meeting.date is not None and meeting.date.isoformat() == "2016-04-19"
    assert meeting.start is not None and meeting.start.strftime("%H:%M") == "15:00"
    assert meeting.end is not None and meeting.end.strftime("%H:%M") == "17:30"
    assert meeting.location == "Stadshuset, Malmö"


def test_attendees_with_municipalities_and_chair(meeting: Meeting) -> None:
    assert [(p.name, p.organisation) for p in meeting.attendees] == [
        ("Jan-Inge Ahlfrid", "Malmö"),
        ("Jan Sohlmér", "Lomma"),
        ("Fredrik Geijer", "Trelleborg"),
        ("Eva Hallberg", "Eslöv"),
        ("Charlotte Unosson", "Vellinge"),
        ("Elisabeth Larsson", "Svedala"),
        ("Lars-Åke Ståhl", "Burlöv"),
    ]
    assert all(p.line == 9 for p in meeting.attendees)
    assert meeting.chair is not None
    assert (meeting.chair.name, meeting.chair.role) == ("Jan-Inge Ahlfrid", "ordförande")


def test_guests_and_secretary(meeting: Meeting) -> None:
    assert [(p.name, p.organisation) for p in meeting.guests] == [
        ("Pehr Andersson", "Malmö"),
        ("Hanna Björklund", "Malmö"),
        ("Johan Lindström", "Lund"),
        ("Kristina Ohlsson", "Malmö"),
        ("Sara Pezzolato Ipsen", "Greater Copenhagen & Skåne Committee"),
    ]
    assert meeting.secretary is not None
    assert meeting.secretary.name == "Mathias Nilsen"
    assert meeting.secretary.role == "koordinator"
    assert meeting.secretary.organisation == "MalmöLundregionen"
    assert meeting.absent == () and meeting.adjusters == ()


def test_eleven_items_with_titles_sections_and_attachments(meeting: Meeting) -> None:
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Strukturplan MalmöLundregionen"),
        ("2", "Näringslivsgruppens arbete"),
        ("3", "Fokusfrågorna"),
        ("4", "Mottagande nyanlända"),
        ("5", "Greater Copenhagen & Skåne Committee"),
        ("6", "Praktisk samverkan"),
        ("7", "Samordning infrastruktur samt ÅVS"),
        ("8", "Studieresa MalmöLundregionen"),
        ("9", "Sverigeförhandlingen"),
        ("10", "Dagordning nästa styrelsemöte 24 maj"),
        ("11", "Övrigt"),
    ]
    with_attachments = {i.number: i.attachments for i in meeting.items if i.attachments}
    assert with_attachments == {
        "1": ("bilaga bifogas",),
        "5": ("bilaga bifogas",),
        "6": ("bilaga bifogas",),
    }
    sections = {i.number: i.section for i in meeting.items}
    assert sections["1"] == sections["4"] == "Besluts- och diskussionspunkter"
    assert sections["5"] == sections["11"] == "Informationspunkter"
    assert [i.line for i in meeting.items[:3]] == [25, 29, 39]


def test_the_four_decisions_tied_to_items(meeting: Meeting) -> None:
    assert [(d.id, d.item, d.line) for d in meeting.decisions] == [
        ("beslut-1", "1", 15),
        ("beslut-2", "2", 16),
        ("beslut-3", "3", 17),
        ("beslut-4", "6", 18),
    ]
    first, _, _, last = meeting.decisions
    assert first.text.startswith("Strukturplan MalmöLundregionen godkändes")
    assert first.outcome is Outcome.APPROVED
    assert last.text == "Inventering praktisk samverkan"
    assert len(last.points) == 3
    assert last.points[0] == "Varje kommun får möjlighet att uppdatera/korrigera"


def test_focus_areas_with_status(meeting: Meeting) -> None:
    assert [(f.name, f.item, f.line) for f in meeting.focus_areas] == [
        ("Arbetsmarknad och sysselsättning", "3", 43),
        ("Migration & integration", "3", 44),
        ("Långsiktig kompetensförsörjning", "3", 45),
        ("Stimulera ökat bostadsbyggande", "3", 50),
    ]
    statuses = {f.name: f.status for f in meeting.focus_areas}
    assert statuses["Migration & integration"].startswith("Arbetsgrupp tillsatt. Kartläggning")
    # Sub-points stay with their focus area.
    assert "SFI-samarbete" in statuses["Långsiktig kompetensförsörjning"]
    assert "Inget nytt att rapportera" in statuses["Stimulera ökat bostadsbyggande"]


def test_action_items_with_due_dates_and_owner(meeting: Meeting) -> None:
    dues = {a.due.iso for a in meeting.action_items if a.due is not None}
    assert {"2016-04-22", "2016-04-26", "2016-05-03", "2016-05-24"} <= dues
    by_due = {a.due.iso: a for a in meeting.action_items if a.due is not None}
    assert by_due["2016-05-03"].text == "Utskick planeras till 3 maj."
    assert by_due["2016-05-03"].item == "1"
    assert by_due["2016-04-22"].item == "3"
    lists = [a for a in meeting.action_items if "fram lista" in a.text]
    assert len(lists) == 1, "the summary bullet and item 6's prose are one action"
    assert lists[0].owners == ("koordinatorn",)
    assert lists[0].item == "6"
    assert all(a.inferred and not a.done for a in meeting.action_items)


def test_references_to_other_meetings(meeting: Meeting) -> None:
    assert [(r.body, r.date.iso) for r in meeting.references] == [
        ("Styrelsemöte", "2016-05-24"),
        ("Kommundirektörmöte", "2016-03-22"),
    ]


def test_no_diagnostics(meeting: Meeting) -> None:
    assert [d.format() for d in meeting.diagnostics] == []


def test_every_line_of_the_source_is_in_a_segment(meeting: Meeting) -> None:
    kept = [seg.heading or "" for seg in meeting.segments]
    kept += [line for seg in meeting.segments for line in seg.markdown.split("\n")]
    source = [line.lstrip("#").strip() for line in SEED.read_text("utf-8").split("\n")]
    missing = [line for line in source if line and line not in {k.strip() for k in kept}]
    assert missing == []


def test_parse_command_prints_schema_valid_json(parsed_json: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(meeting_schema()).validate(parsed_json)
    assert list(parsed_json) == [
        "id", "source", "title", "body", "organisation", "document_type", "date", "start",
        "end", "location", "chair", "secretary", "attendees", "guests", "absent", "adjusters",
        "items", "decisions", "action_items", "focus_areas", "references", "diagnostics",
    ]  # fmt: skip
    assert parsed_json["date"] == "2016-04-19"
    assert parsed_json["start"] == "15:00"
    assert parsed_json["chair"] == {
        "name": "Jan-Inge Ahlfrid",
        "organisation": "Malmö",
        "role": "ordförande",
        "party": None,
        "note": None,
    }


def test_json_matches_the_model(meeting: Meeting, parsed_json: dict[str, Any]) -> None:
    assert meeting_to_json(meeting) == parsed_json
