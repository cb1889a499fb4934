"""The writing guide (``docs/skrivguide.md``) is checked like the convention fixtures.

Every fence with the info string ``markdown exempel`` is an example; the
``yaml förväntat`` fence right after it says what the parser must make of it,
as a subset of the parse JSON (the comparison of ``test_conventions``, with
``diagnostics_codes``).  A fragment is wrapped into a minimal minutes file by
the rule the guide states in *Så läses exemplen*:

* without a meeting date (no date line such as ``Mötesdatum``/``Datum`` and no
  front matter) the line ``Mötesdatum<TAB>2016-05-24`` and a blank line go first;
* without a numbered item heading, ``### 1. Punkt`` and a blank line go before
  the example, or after it when the example has a date of its own (its
  metadata must stay at the top).

``exempel hel`` marks a whole file, parsed as written (for messages about
what a file lacks); ``exempel fil=NAMN.md`` names the file (for messages about
file names), by default ``exempel.md``.  Every diagnostic code the sources can emit must
have its own ``### `kod``` heading in the guide, and every such heading must
be a code the sources emit.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlr_minutes.config import DEFAULT
from mlr_minutes.load import parse_file
from mlr_minutes.parse.labels import match_metadata
from mlr_minutes.serialize import meeting_to_json
from test_conventions import ExpectationLoader, Mismatch, check

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "skrivguide.md"
SOURCES = ROOT / "src" / "mlr_minutes"

DATE_HEADER = "Mötesdatum\t2016-05-24\n\n"
ITEM_HEADING = "### 1. Punkt\n\n"
DEFAULT_NAME = "exempel.md"

_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
_ITEM = re.compile(r"^#{1,6}[ \t]+(?:§[ \t]*)?\d+(?:\.\d+)*[.)]?[ \t]", re.M)
_CODE = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
_CODE_HEADING = re.compile(r"^###[ \t]+`(?P<code>[a-z]+(?:-[a-z]+)+)`[ \t]*$", re.M)
_DIAGNOSTIC_CALLS = {"Diagnostic": 3, "warn": 1, "error": 1, "_error": 1}
"""Functions that take a diagnostic code → the position of the code argument."""


@dataclass(frozen=True, slots=True)
class Example:
    """A Markdown example of the guide and the parse it promises."""

    markdown: str
    """The example as written in the guide."""
    expected: dict[str, Any]
    """The ``yaml förväntat`` fence after it."""
    filename: str
    """The file name it is parsed under."""
    whole: bool
    """Marked ``hel``: parsed as written, never wrapped."""
    line: int
    """1-based line of the example fence in the guide, for the test id."""


def _has_date(text: str) -> bool:
    if text.startswith("---\n"):
        return True
    return any((found := match_metadata(line)) and found[0] == "date" for line in text.split("\n"))


def wrap(markdown: str) -> str:
    """The example as a minutes file: a date and an item heading added when it has none."""
    has_item = _ITEM.search(markdown) is not None
    if _has_date(markdown):
        return markdown if has_item else markdown.rstrip("\n") + "\n\n" + ITEM_HEADING
    return DATE_HEADER + ("" if has_item else ITEM_HEADING) + markdown


def examples(text: str) -> list[Example]:
    """Every example of the guide, each with the expectation that follows it."""
    found: list[Example] = []
    fences = list(_FENCE.finditer(text))
    for index, fence in enumerate(fences):
        info = fence["info"].split()
        if info[:2] != ["markdown", "exempel"]:
            continue
        line = text.count("\n", 0, fence.start()) + 1
        following = fences[index + 1] if index + 1 < len(fences) else None
        between = text[fence.end() : following.start()] if following else ""
        if (
            following is None
            or following["info"].split() != ["yaml", "förväntat"]
            or between.strip()
        ):
            pytest.fail(
                f"skrivguide.md:{line}: the example has no ```yaml förväntat right after it"
            )
        expected: Any = yaml.load(following["body"], Loader=ExpectationLoader)
        if not isinstance(expected, dict):
            pytest.fail(f"skrivguide.md:{line}: the expectation must be a YAML mapping")
        names = [word.removeprefix("fil=") for word in info[2:] if word.startswith("fil=")]
        filename = names[0] if names else DEFAULT_NAME
        found.append(Example(fence["body"], expected, filename, "hel" in info[2:], line))
    return found


def parse_example(example: Example, folder: Path) -> dict[str, Any]:
    """The parse JSON of an example, wrapped and written under its file name."""
    path = folder / example.filename
    text = example.markdown if example.whole else wrap(example.markdown)
    path.write_text(text, encoding="utf-8")
    data: dict[str, Any] = meeting_to_json(parse_file(path, DEFAULT))
    return data


def _examples() -> list[Any]:
    return [
        pytest.param(example, id=f"rad-{example.line}")
        for example in examples(GUIDE.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("example", _examples())
def test_guide_example(example: Example, tmp_path: Path) -> None:
    """The parser does with each example what the guide says it does."""
    actual = parse_example(example, tmp_path)
    mismatches: list[Mismatch] = check(example.expected, actual)
    if mismatches:
        shown = "\n".join(f"  {m.path}: {m.problem}" for m in mismatches)
        pytest.fail(f"skrivguide.md:{example.line}: the parse differs\n{shown}", pytrace=False)


def test_the_guide_has_examples_of_every_kind() -> None:
    found = examples(GUIDE.read_text(encoding="utf-8"))
    assert len(found) >= 20
    keys = {key for example in found for key in example.expected}
    for key in ("date", "attendees", "items", "decisions", "action_items", "focus_areas"):
        assert key in keys, key
    assert "references" in keys and "diagnostics_codes" in keys


def emitted_codes() -> dict[str, str]:
    """Every diagnostic code passed to Diagnostic(), ctx.warn/error() or _error() in src/."""
    codes: dict[str, str] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            arguments = [k.value for k in node.keywords if k.arg == "code"]
            if name in _DIAGNOSTIC_CALLS and len(node.args) > _DIAGNOSTIC_CALLS[name]:
                arguments.append(node.args[_DIAGNOSTIC_CALLS[name]])
            for argument in arguments:
                if (
                    isinstance(argument, ast.Constant)
                    and isinstance(argument.value, str)
                    and _CODE.match(argument.value)
                ):
                    codes.setdefault(argument.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return codes


def documented_codes() -> set[str]:
    return {m["code"] for m in _CODE_HEADING.finditer(GUIDE.read_text(encoding="utf-8"))}


def test_the_code_scan_finds_the_known_codes() -> None:
    codes = emitted_codes()
    for code in ("missing-date", "duplicate-id", "unknown-focus-area", "invalid-encoding",
                 "no-such-file", "internal-error", "file-exists"):  # fmt: skip
        assert code in codes, code


def test_every_diagnostic_code_is_documented() -> None:
    missing = {
        code: where for code, where in emitted_codes().items() if code not in documented_codes()
    }
    assert missing == {}, "add a ### `code` section to docs/skrivguide.md for each"


def test_every_documented_code_exists() -> None:
    assert documented_codes() - set(emitted_codes()) == set()


def test_the_guide_names_every_focus_area_and_alias() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for name, aliases in DEFAULT.focus_areas.items():
        for alias in (name, *aliases):
            assert alias.replace("\u00ad", "") in text.replace("\u00ad", ""), alias


def test_the_guide_names_every_meeting_body() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert all(f"| {body} |" in text for body in DEFAULT.bodies)


@pytest.mark.parametrize(
    ("markdown", "wrapped"),
    [
        ("**Beslut:** Ja.\n", DATE_HEADER + ITEM_HEADING + "**Beslut:** Ja.\n"),
        ("### 2. Budget\n\nText.\n", DATE_HEADER + "### 2. Budget\n\nText.\n"),
        ("Datum: 2016-05-24\n", "Datum: 2016-05-24\n\n" + ITEM_HEADING),
        ("---\ndate: 2016-05-24\n---\n\n## § 1 A\n", "---\ndate: 2016-05-24\n---\n\n## § 1 A\n"),
    ],
)
def test_wrapping_rule(markdown: str, wrapped: str) -> None:
    assert wrap(markdown) == wrapped


def test_reading_examples_needs_an_expectation() -> None:
    text = "```markdown exempel\nA\n```\n\nText.\n\n```yaml förväntat\n{}\n```\n"
    with pytest.raises(pytest.fail.Exception):
        examples(text)
    ok = (
        "```markdown exempel hel fil=2016-01-01-x.md\nA\n```\n"
        "```yaml förväntat\ndate: 2016-05-24\n```\n"
    )
    (example,) = examples(ok)
    assert (example.markdown, example.expected, example.filename, example.whole) == (
        "A\n",
        {"date": "2016-05-24"},
        "2016-01-01-x.md",
        True,
    )


def _print_examples() -> None:  # pragma: no cover - an aid for writing the guide
    """``python tests/test_guide.py``: the actual parse of every example, to write expectations."""
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for example in examples(GUIDE.read_text(encoding="utf-8")):
            data = parse_example(example, Path(folder))
            keys = set(example.expected) | {"diagnostics"}
            shown = {k: v for k, v in data.items() if k in keys}
            print(f"--- rad {example.line}\n{json.dumps(shown, ensure_ascii=False, indent=1)}")


if __name__ == "__main__":  # pragma: no cover
    _print_examples()
