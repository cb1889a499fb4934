"""``mlr-minutes new``: a house-style file that passes ``check``, open actions carried over."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlr_minutes.commands.cli import main
from mlr_minutes.commands.new import canonical_body, due_phrase, meeting_id, render_minutes
from mlr_minutes.config import DEFAULT, extend
from mlr_minutes.load import parse_file
from mlr_minutes.model import ActionItem, DateValue, Precision
from mlr_minutes.parse.dates import parse_date

ROOT = Path(__file__).resolve().parents[1]

PREVIOUS = """\
## Kommundirektörmöte MalmöLundregionen

## Minnesanteckningar

Mötesdatum\t2016-04-19
Plats och tid\tStadshuset, Malmö, kl. 15:00-17:30
Vid protokollet\tMathias Nilsen, koordinator MalmöLundregionen

### 1. Strukturplan

- [ ] Skicka ut remissversionen (ansvarig: koordinatorn, klart: 3/5)
- [x] Boka lokal för styrelsemötet (ansvarig: Malmö)
- [ ] Sammanställ kartläggningen (ansvarig: Malmö och Lund, klart: vecka 20)

### 2. Praktisk samverkan

Arbetsgruppen återkommer i juni med ett förslag.
"""

OLDER = """\
## Kommundirektörmöte MalmöLundregionen

Mötesdatum\t2016-03-22

### 1. Bostäder

- [ ] Boka studiebesök (ansvarig: Lund, klart: 30/4)
- [x] Skicka inbjudan
"""

OTHER_BODY = """\
## Styrelsemöte MalmöLundregionen

Mötesdatum\t2016-05-02

### 1. Budget

- [ ] Ta fram budgetförslag (ansvarig: koordinatorn)
"""

CARRIED_FROM_PREVIOUS = [
    "- [ ] Skicka ut remissversionen (ansvarig: koordinatorn, klart: 2016-05-03)",
    "- [ ] Sammanställ kartläggningen (ansvarig: Malmö och Lund, klart: vecka 20 2016)",
    "- [ ] Arbetsgruppen återkommer i juni med ett förslag. "
    "(ansvarig: arbetsgruppen, klart: juni 2016)",
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "2016-03-22-kommundirektormote.md").write_text(OLDER, encoding="utf-8")
    (folder / "2016-04-19-kommundirektormote.md").write_text(PREVIOUS, encoding="utf-8")
    (folder / "2016-05-02-styrelsemote.md").write_text(OTHER_BODY, encoding="utf-8")
    return folder


def check_strict(path: Path) -> None:
    code, _, err = run("check", "--strict", str(path))
    assert code == 0, err
    assert "0 fel, 0 varningar" in err


def test_new_carries_the_open_actions_of_the_latest_earlier_meeting(source: Path) -> None:
    code, out, err = run(
        "new", "--body", "kommundirektörmöte", "--date", "2016-05-24", "--source", str(source)
    )
    assert code == 0, err
    written = source / "2016-05-24-kommundirektormote.md"
    assert out.strip() == str(written)
    assert "3 öppna åtgärder förda över från" in err
    text = written.read_text(encoding="utf-8")
    assert "### 2. Uppföljning av åtgärder från kommundirektörmötet 2016-04-19" in text
    carried = [line for line in text.splitlines() if line.startswith("- [")]
    assert carried == CARRIED_FROM_PREVIOUS
    assert "Boka lokal" not in text  # done: not carried
    assert "Boka studiebesök" not in text  # an older meeting's
    assert "budgetförslag" not in text  # another body's
    check_strict(written)
    check_strict(source)


def test_the_carried_actions_parse_back_to_the_same_actions(source: Path) -> None:
    assert run("new", "--body", "KD-mötet", "--date", "2016-05-24", "--source", str(source))[0] == 0
    previous = parse_file(source / "2016-04-19-kommundirektormote.md", DEFAULT)
    meeting = parse_file(source / "2016-05-24-kommundirektormote.md", DEFAULT)

    def summary(actions: tuple[ActionItem, ...]) -> list[tuple[str, tuple[str, ...], str | None]]:
        return [(a.text, a.owners, a.due.iso if a.due else None) for a in actions if not a.done]

    assert len(summary(previous.action_items)) == 3
    assert summary(meeting.action_items) == summary(previous.action_items)
    assert all(not a.done and not a.inferred and a.item == "2" for a in meeting.action_items)
    assert [(r.body, r.date.iso) for r in meeting.references][:1] == [
        ("Kommundirektörmöte", "2016-04-19")
    ]


def test_new_with_an_explicit_previous_meeting(source: Path) -> None:
    code, _, err = run(
        "new",
        "--body",
        "kommundirektörmöte",
        "--date",
        "2016-05-24",
        "--from",
        str(source / "2016-03-22-kommundirektormote.md"),
        "--source",
        str(source),
    )
    assert code == 0, err
    text = (source / "2016-05-24-kommundirektormote.md").read_text(encoding="utf-8")
    assert "### 2. Uppföljning av åtgärder från kommundirektörmötet 2016-03-22" in text
    assert [line for line in text.splitlines() if line.startswith("- [")] == [
        "- [ ] Boka studiebesök (ansvarig: Lund, klart: 2016-04-30)"
    ]
    check_strict(source)


def test_new_refuses_to_overwrite(source: Path) -> None:
    args = ("new", "--body", "styrelsen", "--date", "2016-05-02", "--source", str(source))
    before = (source / "2016-05-02-styrelsemote.md").read_text(encoding="utf-8")
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert "2016-05-02-styrelsemote.md: error: filen finns redan och skrivs inte över" in err
    assert (source / "2016-05-02-styrelsemote.md").read_text(encoding="utf-8") == before


def test_new_refuses_a_second_file_for_the_same_meeting(source: Path) -> None:
    (source / "2016-04-19-kommundirektormote.md").rename(source / "kd-april.md")
    code, _, err = run(
        "new", "--body", "kommundirektörmöte", "--date", "2016-04-19", "--source", str(source)
    )
    assert code == 1
    assert "kd-april.md: error: mötet 2016-04-19-kommundirektormote finns redan" in err
    assert not (source / "2016-04-19-kommundirektormote.md").exists()


def test_new_without_a_previous_meeting(tmp_path: Path) -> None:
    folder = tmp_path / "nytt-arkiv"
    code, out, err = run(
        "new", "--body", "styrelsen", "--date", "24 maj 2016", "--source", str(folder)
    )
    assert code == 0, err
    written = Path(out.strip())
    assert written == folder / "2016-05-24-styrelsemote.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("## Styrelsemöte MalmöLundregionen\n\n## Minnesanteckningar\n")
    assert "Mötesdatum\t2016-05-24\nPlats och tid\t...\nNärvarande\t...\n" in text
    assert "Uppföljning" not in text
    check_strict(folder)
    meeting = parse_file(written, DEFAULT)
    assert meeting.id == "2016-05-24-styrelsemote"
    assert meeting.attendees == () and meeting.guests == () and meeting.secretary is None
    assert [f.name for f in meeting.focus_areas] == list(DEFAULT.focus_areas)
    assert [i.title for i in meeting.items] == [
        "Mötets öppnande", "Fokusfrågorna", "Övriga frågor", "Nästa möte"
    ]  # fmt: skip


def test_a_previous_meeting_with_nothing_open_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "2016-03-22-kommundirektormote.md").write_text(
        OLDER.replace("- [ ]", "- [x]"), encoding="utf-8"
    )
    assert run("new", "--body", "kd-möte", "--date", "2016-04-19", "--source", str(folder))[0] == 0
    text = (folder / "2016-04-19-kommundirektormote.md").read_text(encoding="utf-8")
    assert "Inga öppna åtgärder från förra mötet." in text
    check_strict(folder)


def test_new_from_the_reference_minutes(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    shutil.copytree(ROOT / "minutes", folder)
    code, _, err = run(
        "new", "--body", "kommundirektörmöte", "--date", "2016-05-24", "--source", str(folder)
    )
    assert code == 0, err
    meeting = parse_file(folder / "2016-05-24-kommundirektormote.md", DEFAULT)
    previous = parse_file(folder / "2016-04-19-kommundirektormote.md", DEFAULT)
    assert len(meeting.action_items) == sum(not a.done for a in previous.action_items) > 0
    check_strict(folder)


def test_unknown_body_and_bad_date_are_reported_in_swedish(tmp_path: Path) -> None:
    code, _, err = run(
        "new", "--body", "fikamöte", "--date", "2016-05-24", "--source", str(tmp_path)
    )
    assert code == 1
    assert "--body: error: okänd mötestyp ”fikamöte” [unknown-body]" in err
    assert "Kommundirektörmöte" in err
    code, _, err = run("new", "--body", "styrelsen", "--date", "24 maj", "--source", str(tmp_path))
    assert code == 1
    assert "--date: error: mötesdatumet ”24 maj” kunde inte tolkas [unparseable-date]" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("written", "body"),
    [
        ("kommundirektörmöte", "Kommundirektörmöte"),
        ("Kommundirektörsmötet", "Kommundirektörmöte"),
        ("kommundirektormote", "Kommundirektörmöte"),
        ("styrelsen", "Styrelsemöte"),
        ("Årsmöte", "Årsmöte"),
        ("fikamöte", None),
    ],
)
def test_canonical_body(written: str, body: str | None) -> None:
    assert canonical_body(written, DEFAULT) == body


def test_meeting_id_is_the_parsers() -> None:
    assert meeting_id(dt.date(2016, 5, 24), "Kommundirektörmöte") == "2016-05-24-kommundirektormote"
    assert meeting_id(dt.date(2017, 1, 3), "Årsmöte") == "2017-01-03-arsmote"


@pytest.mark.parametrize(
    ("phrase", "written_at", "expected"),
    [
        ("30/9", dt.date(2016, 9, 13), "2016-09-30"),
        ("vecka 3", dt.date(2016, 12, 13), "vecka 3 2017"),
        ("i juni", dt.date(2016, 4, 19), "juni 2016"),
        ("8-9 september", dt.date(2016, 4, 19), "8–9 september 2016"),
        ("30 maj–2 juni", dt.date(2016, 4, 19), "30 maj 2016–2 juni 2016"),
    ],
)
def test_due_dates_keep_their_days_in_the_new_minutes(
    phrase: str, written_at: dt.date, expected: str
) -> None:
    due = parse_date(phrase, written_at)
    assert due is not None
    later = dt.date(2017, 2, 7)
    assert due_phrase(due, later) == expected
    again = parse_date(expected, later)
    assert again is not None
    assert (again.start, again.end, again.precision) == (due.start, due.end, due.precision)


def test_a_due_date_that_cannot_be_rewritten_is_kept_as_written() -> None:
    odd = DateValue(dt.date(2016, 9, 1), dt.date(2016, 9, 1), Precision.YEAR, "hösten")
    assert due_phrase(odd, dt.date(2016, 10, 1)) == "hösten"


def test_configured_focus_areas_get_a_bullet_each() -> None:
    config = extend(DEFAULT, {"focus_areas": {"Digitalisering": ["digital utveckling"]}})
    text = render_minutes("Styrelsemöte", dt.date(2016, 5, 24), config)
    assert "- *Digitalisering*:\n" in text
    assert text.count("- *") == len(config.focus_areas)


def test_from_a_file_without_a_date_is_refused(source: Path, tmp_path: Path) -> None:
    undated = tmp_path / "utan-datum.md"
    undated.write_text("## Möte\n\n### 1. Punkt\n\n- [ ] Något\n", encoding="utf-8")
    code, _, err = run(
        "new", "--body", "styrelsen", "--date", "2016-05-24", "--from", str(undated),
        "--source", str(source),
    )  # fmt: skip
    assert code == 1
    assert f"{undated}: error: mötet som åtgärderna ska föras över från saknar datum" in err
    assert not (source / "2016-05-24-styrelsemote.md").exists()


def test_the_writing_guide_shows_what_new_writes(source: Path) -> None:
    """The whole-file example in docs/skrivguide.md is exactly what ``new`` writes."""
    assert run("new", "--body", "kd-möte", "--date", "2016-05-24", "--source", str(source))[0] == 0
    written = (source / "2016-05-24-kommundirektormote.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "skrivguide.md").read_text(encoding="utf-8")
    fence = "```markdown exempel hel fil=2016-05-24-kommundirektormote.md\n"
    assert fence in guide
    shown = guide.split(fence, 1)[1].split("```\n", 1)[0]
    assert shown == written
