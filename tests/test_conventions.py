"""The writing conventions of Swedish minutes, as fixtures: Markdown in, expected parse out.

Every ``tests/fixtures/conventions/<name>.md`` is a small minutes file written
the way a coordinator or secretary writes them; ``<name>.expected.yaml`` beside
it says what the parser must extract.  Each fixture is its own test, named by
the file stem, so one convention failing never hides another.

The expectation is compared with the parse's JSON (``serialize.meeting_to_json``)
by *subset* semantics, so a fixture asserts only what it is about:

* a mapping: each of its keys must be in the actual object, compared recursively
  (keys the expectation leaves out are not checked);
* a list: same length as the actual list, each element compared recursively;
* a scalar: equal, and of the same kind (``"3"`` is not ``3``, ``true`` is not ``1``).

The special top-level key ``diagnostics_codes`` is compared with the sorted
``code`` of every actual diagnostic, so ``diagnostics_codes: []`` asserts a
clean parse.  Dates and times in the YAML stay strings whether or not they are
quoted (``2016-05-24`` and ``13:00`` are not turned into a date and an integer).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "conventions"
EXPECTED_SUFFIX = ".expected.yaml"
DIAGNOSTICS_CODES = "diagnostics_codes"
MAX_REPORTED = 25


class ExpectationLoader(yaml.SafeLoader):
    """YAML 1.1 SafeLoader that keeps ISO dates and ``HH:MM`` times as strings.

    Plain PyYAML reads ``2016-05-24`` as a ``date`` and ``13:00`` as the
    sexagesimal integer 780; the parse output has strings for both.
    """


ExpectationLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ExpectationLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One place where the parse differs from the expectation."""

    path: str
    """JSON path into the parse output: ``decisions[2].item``."""
    problem: str
    """What differs, expected versus actual."""

    @property
    def top_key(self) -> str:
        """The top-level key of the meeting JSON the mismatch is under."""
        return re.split(r"[.\[]", self.path, maxsplit=1)[0]


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _same_scalar(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return bool(expected == actual)
    return type(expected) is type(actual) and bool(expected == actual)


def compare(expected: Any, actual: Any, path: str = "") -> list[Mismatch]:
    """Every mismatch between ``expected`` and ``actual`` under subset semantics."""
    where = path or "(root)"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [Mismatch(where, f"expected an object, got {_show(actual)}")]
        mismatches: list[Mismatch] = []
        for key, value in expected.items():
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                mismatches.append(Mismatch(sub, f"missing key; expected {_show(value)}"))
            else:
                mismatches.extend(compare(value, actual[key], sub))
        return mismatches
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [Mismatch(where, f"expected a list, got {_show(actual)}")]
        mismatches = []
        if len(expected) != len(actual):
            mismatches.append(
                Mismatch(where, f"expected {len(expected)} element(s), got {len(actual)}")
            )
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            mismatches.extend(compare(want, got, f"{path}[{index}]"))
        return mismatches
    if _same_scalar(expected, actual):
        return []
    return [Mismatch(where, f"expected {_show(expected)}, got {_show(actual)}")]


def check(expectation: dict[str, Any], actual: dict[str, Any]) -> list[Mismatch]:
    """Compare a whole fixture expectation (with ``diagnostics_codes``) to a parse."""
    plain = {key: value for key, value in expectation.items() if key != DIAGNOSTICS_CODES}
    mismatches = compare(plain, actual)
    if DIAGNOSTICS_CODES in expectation:
        want = sorted(str(code) for code in expectation[DIAGNOSTICS_CODES] or [])
        got = sorted(str(d.get("code")) for d in actual.get("diagnostics") or [])
        if want != got:
            mismatches.append(
                Mismatch(DIAGNOSTICS_CODES, f"expected {_show(want)}, got {_show(got)}")
            )
    return mismatches


def report(markdown: Path, mismatches: list[Mismatch], actual: dict[str, Any]) -> str:
    """A failure message: each mismatch by path, then the actual JSON of each key involved."""
    lines = [
        f"{markdown.name}: {len(mismatches)} mismatch(es) with {_expected_path(markdown).name}"
    ]
    crashes = [d for d in actual.get("diagnostics") or [] if d.get("code") == "internal-error"]
    lines.extend(f"  PARSER CRASHED: {d.get('message')}" for d in crashes)
    lines.extend(f"  {m.path}: {m.problem}" for m in mismatches[:MAX_REPORTED])
    if len(mismatches) > MAX_REPORTED:
        lines.append(f"  … and {len(mismatches) - MAX_REPORTED} more")
    keys = dict.fromkeys(m.top_key for m in mismatches)
    for key in keys:
        source_key = "diagnostics" if key == DIAGNOSTICS_CODES else key
        if source_key in actual:
            dumped = json.dumps(actual[source_key], ensure_ascii=False, indent=2, default=str)
            lines.append(f"\nactual {source_key}:\n{dumped}")
    return "\n".join(lines)


def _expected_path(markdown: Path) -> Path:
    return markdown.with_name(markdown.stem + EXPECTED_SUFFIX)


def load_expectation(path: Path) -> dict[str, Any]:
    """The expectation YAML as a mapping (a readable failure if it is not one)."""
    data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=ExpectationLoader)
    if not isinstance(data, dict):
        pytest.fail(f"{path.name}: the expectation must be a YAML mapping", pytrace=False)
    return data


def parse_to_json(markdown: Path) -> dict[str, Any]:
    """Parse one fixture the way ``mlr-minutes parse`` does and return its JSON data."""
    # Imported here so that a parser that does not import fails each fixture on its own.
    from mlr_minutes.config import DEFAULT
    from mlr_minutes.load import parse_file
    from mlr_minutes.serialize import meeting_to_json

    return meeting_to_json(parse_file(markdown, DEFAULT))


def _fixtures() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in sorted(FIXTURES.glob("*.md"))]


@pytest.mark.parametrize("markdown", _fixtures())
def test_convention(markdown: Path) -> None:
    """The parse of a fixture contains everything its expectation says."""
    expected_path = _expected_path(markdown)
    if not expected_path.is_file():
        pytest.fail(f"{markdown.name} has no {expected_path.name} beside it", pytrace=False)
    expectation = load_expectation(expected_path)
    actual = parse_to_json(markdown)
    mismatches = check(expectation, actual)
    if mismatches:
        pytest.fail(report(markdown, mismatches, actual), pytrace=False)


def test_every_expectation_has_a_fixture() -> None:
    """No ``.expected.yaml`` is left without the Markdown it describes."""
    orphans = [
        path.name
        for path in sorted(FIXTURES.glob("*" + EXPECTED_SUFFIX))
        if not path.with_name(path.name.removesuffix(EXPECTED_SUFFIX) + ".md").is_file()
    ]
    assert orphans == []


def test_expectation_loader_keeps_dates_and_times_as_strings() -> None:
    """Unquoted ISO dates and clock times in an expectation compare as the strings they are."""
    data = yaml.load(
        "date: 2016-05-24\nstart: 13:00\nline: 12\nitem: '3'\ndone: false\n",
        Loader=ExpectationLoader,
    )
    assert data == {"date": "2016-05-24", "start": "13:00", "line": 12, "item": "3", "done": False}


def test_compare_reports_json_paths() -> None:
    """The comparison is by subset, reports paths, and tells apart ``"3"``, ``3`` and ``true``."""
    actual = {
        "date": "2016-05-24",
        "decisions": [
            {"id": "beslut-1", "item": "1", "points": [], "line": 10},
            {"id": "beslut-2", "item": "3", "points": ["a"], "line": 12},
        ],
        "diagnostics": [{"code": "missing-date"}, {"code": "date-from-filename"}],
    }
    assert check({"date": "2016-05-24", "decisions": [{"id": "beslut-1"}, {}]}, actual) == []
    assert check({DIAGNOSTICS_CODES: ["missing-date", "date-from-filename"]}, actual) == []
    mismatches = check(
        {
            "decisions": [{"item": "1"}, {"item": 3, "points": ["a", "b"], "text": "x"}],
            "end": None,
            DIAGNOSTICS_CODES: [],
        },
        actual,
    )
    assert [m.path for m in mismatches] == [
        "decisions[1].item",
        "decisions[1].points",
        "decisions[1].text",
        "end",
        DIAGNOSTICS_CODES,
    ]
    assert check({"decisions": [{}]}, actual)[0].path == "decisions"
    assert check({"x": True}, {"x": 1})[0].path == "x"
    assert "actual decisions:" in report(Path("x.md"), mismatches, actual)
