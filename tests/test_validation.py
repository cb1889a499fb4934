"""Every value a coordinator or a careless hand writes is checked before it is used: a bad
one is an error on its line with a hint, never a traceback or ``internal-error``."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ARCHIVE, build
from mlr_minutes.commands.cli import main
from mlr_minutes.config import DEFAULT, ConfigError, load_config
from mlr_minutes.load import load_meetings
from mlr_minutes.parse import parse_source
from mlr_minutes.parse.text import LONG_TEXT, MAX_SLUG, slugify
from mlr_minutes.read import decode
from test_safety import tree_bytes

MEETING = "# Styrelsemöte\n\nText om budgeten.\n"


def check(folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, str(folder)])
    return result.exit_code, result.output + (result.stderr or "")


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ("---\ndate: 2016-02-30\n---\n", "”2016-02-30” är inget datum"),
        ("---\ndate: 9999-12-31\n---\n", "året 9999 ligger utanför 1900–2200"),
        ("---\ndate: 1066-10-14\n---\n", "året 1066 ligger utanför"),
        ("---\ndate: [2016-04-19]\n---\n", "'date' ska vara ett datum"),
        ("<!--\n.. date: 2016-13-45\n-->\n", "”2016-13-45” är inget datum"),
    ],
    ids=["no-such-day", "year-9999", "year-1066", "a-list", "comment"],
)
def test_a_bad_date_is_an_error_on_its_line_and_only_that_file_is_affected(
    tmp_path: Path, head: str, message: str
) -> None:
    (tmp_path / "2016-03-01-styrelsemote.md").write_text(head + MEETING, "utf-8")
    good = ARCHIVE / "2016-05-24-styrelsemote.md"
    shutil.copy(good, tmp_path / good.name)
    code, output = check(tmp_path)
    assert code == 1
    assert f"2016-03-01-styrelsemote.md:2: error: {message}" in output
    assert "hjälp: skriv mötesdatumet som år-månad-dag" in output
    assert "internal-error" not in output and "Traceback" not in output
    loaded = load_meetings([tmp_path], DEFAULT)
    published = [m.source for m in loaded.publishable()]
    assert published == [str(tmp_path / good.name)]


def test_a_year_outside_the_range_never_reaches_the_calendar(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, minutes)
    (minutes / "2016-03-01-styrelsemote.md").write_text(
        "---\ndate: 9999-12-31\n---\n" + MEETING + "\n- [ ] Boka lokal (klart: 9999-12-31)\n",
        "utf-8",
    )
    built = build(tmp_path / "site", minutes)
    assert built.result.written
    codes = [d.code for d in built.result.diagnostics if d.level.value == "error"]
    assert codes == ["invalid-metadata"]
    assert "9999" not in (built.out / "kalender.ics").read_text("utf-8")


def test_a_task_due_at_a_next_meeting_not_yet_held_builds_with_no_calendar_day(
    tmp_path: Path,
) -> None:
    # The last meeting of its kind: "till nästa möte" has no day yet (its end is open),
    # and the calendar gets no event for it instead of a date past the last one.
    minutes = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, minutes)
    (minutes / "2030-03-01-arbetsgruppsmote.md").write_text(
        "# Arbetsgruppsmöte\n\n## 1. Lokaler\n\n"
        "Närvarande: Anna Berg, Per Ek\n\n"
        "Anna ska till nästa möte redovisa lokalbehovet.\n",
        "utf-8",
    )
    built = build(tmp_path / "site", minutes)
    assert built.result.written
    assert "redovisa lokalbehovet" not in (built.out / "kalender.ics").read_text("utf-8")
    assert "redovisa lokalbehovet" in (built.out / "atgarder" / "index.html").read_text("utf-8")


def test_a_list_where_text_belongs_is_an_error(tmp_path: Path) -> None:
    text = "---\ndate: 2016-03-01\ntitle: [a, b]\n---\n" + MEETING
    meeting = parse_source(decode(text.encode(), "m.md"), DEFAULT)
    [problem] = [d for d in meeting.diagnostics if d.code == "invalid-metadata"]
    assert problem.line == 3 and "'title' ska vara en text" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("site_name: Arkiv\nfocus_areas: {x: 5}\n", 2, "'focus_areas: x' ska vara text"),
        ("site_name: Arkiv\nmunicipalities: {a: 1}\n", 2, "'municipalities' ska vara en lista"),
        ("organisation: 2016-02-30\n", 1, "'organisation' ska vara text"),
        ("organisation: Förbundet\nbodies:\n  Styrelsen: [[a]]\n", 3, "'bodies: Styrelsen'"),
        ("lists:\n  open_actions: 0\n", 2, "'lists.open_actions' ska vara ett heltal"),
        (f"site_name: {'x' * 300}\n", 1, "'site_name' är längre än 200 tecken"),
    ],
    ids=["focus-area-alias", "municipality-mapping", "date-as-name", "nested-list", "zero",
         "too-long"],
)  # fmt: skip
def test_a_wrong_type_in_the_configuration_is_an_error_on_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "mlr-minutes.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{line}: error: {message}")
    shutil.copy(ARCHIVE / "2016-05-24-styrelsemote.md", tmp_path)
    runner = CliRunner()
    for command in (
        ["check", "--config", str(path), str(tmp_path)],
        ["build", "--config", str(path), "--source", str(tmp_path), "--out", str(tmp_path / "s")],
        ["serve", "--config", str(path), "--source", str(tmp_path), "--port", "0"],
    ):
        result = runner.invoke(main, command)
        assert result.exit_code == 1, command
        assert f"{path}:{line}: error: {message}" in result.stderr
        assert "Traceback" not in result.stderr
        assert isinstance(result.exception, SystemExit), "a message, not a crash"
    assert not (tmp_path / "s").exists()


def test_a_tag_yaml_cannot_construct_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    # Found by make fuzz: ``!!binary`` with no base64 under a key nobody reads.
    path = tmp_path / "mlr-minutes.yaml"
    path.write_text("lists:\n  open_actions: 017\nokänd: !!binary x\n", "utf-8")
    with pytest.raises(ConfigError, match="kan inte läsa konfigurationen") as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path)) and "line 3" in str(caught.value)


def test_a_configuration_without_problems_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "mlr-minutes.yaml"
    path.write_text(
        "organisation: Förbundet\nsite_name:\nbodies:\n  Kulturgrupp: kulturgruppen\n"
        "  Styrelse:\nmunicipalities: [Hörby]\nfocus_areas:\n  Digitalisering: [digitalt]\n"
        "lists:\n  open_actions: 0x10\n",
        "utf-8",
    )
    config = load_config(path)
    assert config.body_names()["kulturgruppen"] == "Kulturgrupp"
    assert config.lists.open_actions == 16 and config.site_name is None


def test_names_over_255_bytes_build_with_a_warning(tmp_path: Path) -> None:
    name = "Anna" + "å" * 150 + " Ek"
    body = "Arbetsgrupp " + "kultur" * 50
    minutes = tmp_path / "minutes"
    minutes.mkdir()
    (minutes / "2016-03-08-arbetsgrupp.md").write_text(
        f"---\ndate: 2016-03-08\nbody: {body}\nattendees: [{name}, Bo Berg]\n---\n\n"
        f"# Möte\n\n- [ ] Boka lokal (ansvarig: {name})\n",
        "utf-8",
    )
    built = build(tmp_path / "site", minutes)
    assert built.result.written and built.result.ok
    warnings = [d for d in built.result.diagnostics if d.code == "long-name"]
    assert {d.line for d in warnings} == {3, 4}
    people = [p.name for p in (built.out / "personer").iterdir() if p.is_dir()]
    assert len(people) == 2 and all(len(p.encode()) <= MAX_SLUG for p in people)
    assert all(len(p.name.encode()) <= 255 for p in built.out.rglob("*"))


def test_long_slugs_are_cut_at_a_word_and_stay_distinct() -> None:
    first, second = slugify("Anna " * 40 + "Ek"), slugify("Anna " * 40 + "Berg")
    assert first != second
    assert len(first) <= MAX_SLUG and first.startswith("anna-anna-")
    assert slugify("Kommundirektörmöte") == "kommundirektormote"


def test_a_paragraph_over_the_bound_is_kept_but_read_by_no_sentence_rule() -> None:
    long = "Styrelsen beslutade att godkänna budgeten. " * (LONG_TEXT // 40)
    text = (
        f"# Styrelsemöte 2016-04-19\n\n## 1. Budget\n\n{long}\n\n"
        "## 2. Plan\n\nStyrelsen beslutade att anta planen.\n"
    )
    meeting = parse_source(decode(text.encode(), "m.md"), DEFAULT)
    [warning] = [d for d in meeting.diagnostics if d.code == "long-paragraph"]
    assert warning.line == 5 and warning.level.value == "warning"
    assert [d.text for d in meeting.decisions] == ["Styrelsen beslutade att anta planen."]
    assert long.strip() in "".join(s.markdown for s in meeting.segments)


def test_a_full_disk_is_one_message_naming_the_file_and_the_site_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = build(tmp_path / "site")
    assert published.result.written
    before = tree_bytes(published.out)
    original = Path.write_bytes
    calls = 0

    def full_disk(self: Path, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls > 20:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    again = build(tmp_path / "site")
    monkeypatch.undo()
    assert not again.result.written and not again.result.ok
    [problem] = [d for d in again.result.diagnostics if d.code == "write-failed"]
    assert "No space left on device" in problem.message
    assert problem.path.startswith(str(tmp_path)) and problem.path in problem.message
    assert tree_bytes(published.out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "no staging folder is left"
