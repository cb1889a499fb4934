"""Feeds, calendars and open data, checked with the readers other systems use."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jsonschema
import pytest

from mlr_minutes.archive import Archive, build_archive
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings
from mlr_minutes.outputs import archive_files
from mlr_minutes.outputs.calendars import CalendarWriter
from mlr_minutes.serialize import SCHEMAS, schema
from mlr_minutes.views.urls import Urls

ARCHIVE = Path(__file__).resolve().parent / "fixtures" / "archive"
SITE_URL = "https://mlr.example.se/mlr-arkiv/"


@pytest.fixture(scope="module")
def archive() -> Archive:
    loaded = load_meetings([ARCHIVE], DEFAULT)
    return build_archive(loaded.meetings, DEFAULT)


def outputs(archive: Archive, site_url: str | None = None) -> dict[str, bytes]:
    return dict(archive_files(archive, Urls("/mlr-arkiv/"), site_url, DEFAULT))


def test_atom_feed_of_meetings_is_valid_and_newest_first(archive: Archive) -> None:
    feed = feedparser.parse(outputs(archive, SITE_URL)["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len(feed.entries) == len(archive.meetings)
    first = feed.entries[-1]
    assert first.id == "tag:mlr-minutes,2016:moten/2016-04-19-kommundirektormote"
    assert first.link == f"{SITE_URL}moten/2016-04-19-kommundirektormote/"
    assert "Strukturplan MalmöLundregionen godkändes" in first.summary
    assert feed.feed.links[0].href == f"{SITE_URL}feed.xml"


def test_feed_links_are_root_relative_under_the_base_without_a_site_url(archive: Archive) -> None:
    feed = feedparser.parse(outputs(archive)["feed.xml"])
    assert not feed.bozo
    assert all(e.link.startswith("/mlr-arkiv/moten/") for e in feed.entries)


def test_one_feed_per_focus_area(archive: Archive) -> None:
    files = outputs(archive)
    for area in archive.focus_areas:
        feed = feedparser.parse(files[f"fokusomraden/{area.slug}/feed.xml"])
        assert not feed.bozo
        assert len(feed.entries) == len(area.entries)
        assert all(area.name in e.title for e in feed.entries)
        ids = {e.id for e in feed.entries}
        assert len(ids) == len(feed.entries)


def test_calendar_parses_back_with_meetings_and_open_dues(archive: Archive) -> None:
    calendar = icalendar.Calendar.from_ical(outputs(archive)["kalender.ics"])
    events = [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert "2016-04-19-kommundirektormote@mlr-minutes" in uids
    seed = next(e for e in events if str(e["uid"]) == "2016-04-19-kommundirektormote@mlr-minutes")
    start = seed.start
    assert isinstance(start, dt.datetime)
    assert start == dt.datetime(2016, 4, 19, 15, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert str(seed["location"]) == "Stadshuset, Malmö"
    dues = [e for e in events if str(e["summary"]).startswith("Åtgärd:")]
    assert dues, "open action items have their due dates in the calendar"
    for event in dues:
        begin, end = event.start, event.end
        assert type(begin) is dt.date and type(end) is dt.date
        assert end > begin  # all-day, DTEND exclusive
    done_texts = {t.latest.action.text for t in archive.tracks if t.done}
    assert not any(any(text[:40] in str(e["description"]) for text in done_texts) for e in dues)


@pytest.mark.parametrize(
    "text",
    [
        "kort",
        "Möte på Stadshuset, Malmö; sal 3\\n\nMinnesanteckningarna: https://mlr.example.se/",
        "ab€,;\\" * 40 + "𝄞" * 30,
        "å" * 200,
        "\\" * 120 + "x,",
    ],
)
def test_events_are_folded_as_icalendar_folds_them(text: str) -> None:
    for padding in range(80):  # every fold point: escapes and letters split at the line end
        props = (("uid", f"{padding}@mlr-minutes"), ("description", "x" * padding + text))
        event = icalendar.Event()
        for name, value in props:
            event.add(name, value)
        written = CalendarWriter("MalmöLundregionen").event(props)
        assert written == event.to_ical()
        assert all(len(line) <= 75 for line in written.split(b"\r\n"))


def test_week_and_month_dues_are_spans(archive: Archive) -> None:
    calendar = icalendar.Calendar.from_ical(outputs(archive)["kalender.ics"])
    spans = {
        (e.end - e.start).days
        for e in calendar.walk("VEVENT")
        if isinstance(e, icalendar.Event) and str(e["summary"]).startswith("Åtgärd:")
    }
    assert 7 in spans, "a due date written as a week covers the whole week"


def test_every_json_file_validates_against_its_schema(archive: Archive) -> None:
    files = outputs(archive)
    validators = {name: jsonschema.Draft202012Validator(schema(name)) for name in SCHEMAS}
    validators["meetings"].validate(json.loads(files["api/meetings.json"]))
    validators["decisions"].validate(json.loads(files["api/decisions.json"]))
    validators["action-items"].validate(json.loads(files["api/action-items.json"]))
    per_meeting = [k for k in files if k.startswith("api/meetings/")]
    assert len(per_meeting) == len(archive.meetings)
    for key in per_meeting:
        validators["meeting"].validate(json.loads(files[key]))
    for name in SCHEMAS:
        assert json.loads(files[f"api/schema/{name}.json"]) == schema(name)


def test_action_items_json_follows_tasks_across_meetings(archive: Archive) -> None:
    actions = json.loads(outputs(archive)["api/action-items.json"])
    carried = [a for a in actions if len(a["meetings"]) > 1]
    assert carried, "the fixture archive carries a task into later minutes"
    done = [a for a in actions if a["done"]]
    assert all(a["closed_in"] for a in done)
    assert [a["done"] for a in actions] == sorted(a["done"] for a in actions)


def test_csv_opens_with_the_csv_module_and_keeps_swedish_letters(archive: Archive) -> None:
    files = outputs(archive)
    for name, header in (("beslut.csv", "datum"), ("atgarder.csv", "status")):
        data = files[name]
        assert data.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][0] == header
        assert len({len(row) for row in rows}) == 1
    decisions = list(csv.DictReader(io.StringIO(files["beslut.csv"].decode("utf-8-sig"))))
    assert any("MalmöLundregionen" in row["beslut"] for row in decisions)
    assert {row["utfall"] for row in decisions} <= {
        "",
        "godkänt",
        "noterat",
        "bordlagt",
        "avslaget",
        "återremitterat",
        "valt",
    }


def test_outputs_are_byte_identical_when_built_twice(archive: Archive) -> None:
    again = build_archive(load_meetings([ARCHIVE], DEFAULT).meetings, DEFAULT)
    assert outputs(archive, SITE_URL) == outputs(again, SITE_URL)


def test_the_build_publishes_and_announces_every_feed_calendar_and_data_file(
    tmp_path: Path,
) -> None:
    from mlr_minutes.build import BuildOptions, build_site

    out = tmp_path / "site"
    result = build_site(BuildOptions(ARCHIVE, out, base_url=SITE_URL), progress=lambda _: None)
    assert result.ok, result.diagnostics
    for name in (
        "feed.xml",
        "kalender.ics",
        "beslut.csv",
        "atgarder.csv",
        "sitemap.xml",
        "robots.txt",
        "api/meetings.json",
        "api/decisions.json",
        "api/action-items.json",
        "api/schema/meeting.json",
    ):
        assert (out / name).is_file(), name
    home = (out / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://mlr.example.se/mlr-arkiv/">' in home
    assert 'rel="alternate" type="application/atom+xml"' in home
    assert 'href="/mlr-arkiv/feed.xml"' in home and 'href="/mlr-arkiv/kalender.ics"' in home
    assert '<meta name="description" content="Minnesanteckningar från' in home
    area = next((out / "fokusomraden").glob("*/index.html")).read_text("utf-8")
    slug = area.split('rel="canonical" href="https://mlr.example.se/mlr-arkiv/fokusomraden/')[1]
    slug = slug.split("/")[0]
    assert f'href="/mlr-arkiv/fokusomraden/{slug}/feed.xml"' in area
    assert f'href="/mlr-arkiv/fokusomraden/{slug}/kalender.ics"' in area
    decisions = (out / "beslut" / "index.html").read_text("utf-8")
    assert 'href="/mlr-arkiv/beslut.csv"' in decisions
    actions = (out / "atgarder" / "index.html").read_text("utf-8")
    assert 'href="/mlr-arkiv/atgarder.csv"' in actions
    meeting = (out / "moten" / "2016-04-19-kommundirektormote" / "index.html").read_text("utf-8")
    assert 'href="/mlr-arkiv/api/meetings/2016-04-19-kommundirektormote.json"' in meeting
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://mlr.example.se/mlr-arkiv/moten/2016-04-19-kommundirektormote/</loc>" in (
        sitemap
    )
    assert "404.html" not in sitemap
    robots = (out / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://mlr.example.se/mlr-arkiv/sitemap.xml" in robots
    published = json.loads((out / "api/meetings/2016-04-19-kommundirektormote.json").read_text())
    assert (
        published["source"]
        == "/mlr-arkiv/moten/2016-04-19-kommundirektormote/2016-04-19-kommundirektormote.md"
    )
    assert (out / published["source"].removeprefix("/mlr-arkiv/")).is_file()


def test_actions_in_one_focus_areas_status_are_tagged_with_that_area_only(
    archive: Archive,
) -> None:
    seed = "2016-04-19-kommundirektormote"
    meeting = next(m for m in archive.meetings if m.id == seed)
    questionnaire = next(a for a in meeting.action_items if "Frågebatteri" in a.text)
    assert archive.action_focus[(seed, questionnaire.id)] == ("Arbetsmarknad och sysselsättning",)
    mapping = next(a for a in meeting.action_items if a.text.startswith("Kartläggning"))
    assert archive.action_focus[(seed, mapping.id)] == ("Migration & integration",)
    # The decision about every focus area (item 3, written in the summary) keeps them all.
    report = next(d for d in meeting.decisions if d.item == "3")
    assert len(archive.decision_focus[(seed, report.id)]) == 4
