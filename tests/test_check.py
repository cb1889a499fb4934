"""``mlr-minutes check``: every problem in every file, with its line, and the right exit code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlr_minutes.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_reference_minutes_check_clean() -> None:
    code, _, err = run("check", str(ROOT / "minutes"), "--strict")
    assert code == 0, err
    assert "0 fel, 0 varningar" in err


@pytest.mark.parametrize(
    ("file", "line", "level", "code"),
    [
        ("utan-datum.md", 1, "error", "missing-date"),
        ("2016-09-13-styrelsemote.md", 9, "warning", "decision-without-item"),
        ("2016-09-13-styrelsemote.md", 13, "warning", "unknown-focus-area"),
        ("2016-09-13-styrelsemote.md", 17, "warning", "unparseable-date"),
        ("2016-09-13-styrelsemote.md", 1, "error", "duplicate-id"),
        ("2016-10-04-kommundirektormote.md", 4, "warning", "invalid-encoding"),
    ],
    ids=lambda value: str(value),
)
def test_broken_files_are_each_reported(file: str, line: int, level: str, code: str) -> None:
    exit_code, _, err = run("check", str(BROKEN))
    assert exit_code == 1
    assert f"{BROKEN / file}:{line}: {level}: " in err
    assert any(
        row.startswith(f"{BROKEN / file}:{line}: {level}: ") and row.endswith(f"[{code}]")
        for row in err.splitlines()
    ), err
    assert "Traceback" not in err


def test_every_message_says_how_to_fix_it() -> None:
    _, _, err = run("check", str(BROKEN))
    rows = err.splitlines()
    problems = [i for i, row in enumerate(rows) if ": error: " in row or ": warning: " in row]
    assert len(problems) >= 6
    assert all(rows[i + 1].strip().startswith("hjälp:") for i in problems)


def test_unknown_focus_area_suggests_the_nearest_name() -> None:
    _, _, err = run("check", str(BROKEN / "2016-09-13-styrelsemote.md"))
    assert "menade du ”Stimulera ökat bostadsbyggande”?" in err


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "2016-09-13-styrelsemote.md", tmp_path)
    assert run("check", str(tmp_path))[0] == 0
    assert run("check", "--strict", str(tmp_path))[0] == 1


def test_missing_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "finns-inte"))
    assert code == 1
    assert "finns-inte: error: filen eller mappen finns inte [no-such-file]" in err


def test_github_actions_annotations() -> None:
    _, out, _ = run("check", str(BROKEN), env={"GITHUB_ACTIONS": "true"})
    assert f"::error file={BROKEN / 'utan-datum.md'},line=1,title=mlr-minutes missing-date::" in out
    assert "::warning file=" in out


def test_no_annotations_outside_github_actions() -> None:
    _, out, _ = run("check", str(BROKEN), env={"GITHUB_ACTIONS": ""})
    assert "::error" not in out


def test_parse_several_files_prints_a_list() -> None:
    files = [str(ROOT / "minutes" / "2016-04-19-kommundirektormote.md"),
             str(BROKEN / "utan-datum.md")]  # fmt: skip
    code, out, _ = run("parse", *files)
    assert code == 0
    data = json.loads(out)
    assert [m["source"] for m in data] == files
    assert data[1]["date"] is None
    assert data[1]["diagnostics"][0]["code"] == "missing-date"


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "mlr_minutes", "--version"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "mlr-minutes" in done.stdout


def test_a_parser_crash_is_reported_for_that_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import mlr_minutes.load as load
    import mlr_minutes.parse as parse
    from mlr_minutes.config import DEFAULT
    from mlr_minutes.read import SourceText

    real = parse.parse_source

    def fragile(source: SourceText, config: object) -> object:
        if source.path.endswith("utan-datum.md"):
            raise RuntimeError("boom")
        return real(source, DEFAULT)

    monkeypatch.setattr(load, "parse_source", fragile)
    result = load.load_meetings([BROKEN], DEFAULT)
    crashed = [d for d in result.diagnostics if d.code == "internal-error"]
    assert [(Path(d.path).name, d.message) for d in crashed] == [
        ("utan-datum.md", "parsern kraschade på filen (RuntimeError: boom)")
    ]
    assert len(result.meetings) == 4
