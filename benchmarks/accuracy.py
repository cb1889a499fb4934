"""How much of real-looking minutes the parser understands, against hand-written gold.

``python benchmarks/accuracy.py [dev|dev2|…|holdout|all] [--misses]`` parses every
``benchmarks/accuracy/<split>/*.md`` and compares it with the ``.gold.yaml``
beside it (format: ``benchmarks/accuracy/README.md``).  It prints the facts of
issue 8's table:

* the meeting date found in the text (not taken from the file name);
* chair and secretary (share of the named roles found, by name);
* people present (attendees and guests): precision, recall, F1;
* decisions and action items: precision, recall, F1, a parse matching a gold
  entry when its line lies within the gold entry's lines.

``--misses`` lists what was missed and what was found in excess, per file, to
learn conventions from (only ever on ``dev``: ``holdout`` is for measuring).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlr_minutes.config import DEFAULT
from mlr_minutes.load import parse_file
from mlr_minutes.model import Meeting, Person

ROOT = Path(__file__).resolve().parent / "accuracy"
SPLITS = tuple(sorted(p.name for p in ROOT.iterdir() if p.is_dir()))
"""Every folder of minutes with gold: ``dev*`` to learn from, ``holdout`` only to measure."""
LINE_SLACK = 1
"""A parsed entry may start this many lines before or after its gold lines."""


class _GoldLoader(yaml.SafeLoader):
    """Keeps ISO dates as strings, as the parse output has them."""


_GoldLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def name_key(name: str | None) -> str:
    """A name compared loosely: case, accents of å/ä/ö kept, punctuation and spaces folded."""
    text = unicodedata.normalize("NFC", name or "").casefold()
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def _person_key(person: Person) -> str:
    return name_key(person.name or person.organisation)


@dataclass
class Score:
    """Counts for one kind of fact, summed over files."""

    found: int = 0
    expected: int = 0
    correct: int = 0

    def add(self, found: int, expected: int, correct: int) -> None:
        self.found += found
        self.expected += expected
        self.correct += correct

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """The scores of one run, and what each file missed."""

    files: int = 0
    dates: int = 0
    roles: Score = field(default_factory=Score)
    present: Score = field(default_factory=Score)
    decisions: Score = field(default_factory=Score)
    actions: Score = field(default_factory=Score)
    crashes: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)


def _match_people(found: list[str], expected: list[str]) -> tuple[int, list[str], list[str]]:
    remaining = list(found)
    missed: list[str] = []
    for name in expected:
        hit = next((f for f in remaining if f == name or _same_person(f, name)), None)
        if hit is None:
            missed.append(name)
        else:
            remaining.remove(hit)
    return len(expected) - len(missed), missed, remaining


def _same_person(a: str, b: str) -> bool:
    # "per ek" written as "Per Ek (S)" or with a middle name in one of the two.
    short, long = sorted((a, b), key=len)
    return bool(short) and (long.startswith(short + " ") or long.endswith(" " + short))


def _spans(entries: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
    spans = []
    for entry in entries:
        first = int(entry["line"])
        last = int(entry.get("end") or first)
        spans.append((first, last, str(entry.get("text", ""))))
    return spans


def _match_lines(
    found: list[tuple[int, str]], expected: list[tuple[int, int, str]]
) -> tuple[int, list[str], list[str]]:
    remaining = sorted(found)
    missed: list[str] = []
    for first, last, text in sorted(expected):
        hit = next((f for f in remaining if first - LINE_SLACK <= f[0] <= last + LINE_SLACK), None)
        if hit is None:
            missed.append(f"{first}: {text}")
        else:
            remaining.remove(hit)
    return len(expected) - len(missed), missed, [f"{line}: {text}" for line, text in remaining]


def score_file(markdown: Path, gold: dict[str, Any], report: Report) -> None:
    """Add one file's comparison to ``report``."""
    meeting: Meeting = parse_file(markdown, DEFAULT)
    notes: list[str] = []
    codes = {d.code for d in meeting.diagnostics}
    if "internal-error" in codes:
        report.crashes.append(markdown.name)
    report.files += 1
    want_date = gold.get("date")
    got_date = meeting.date.isoformat() if meeting.date else None
    if want_date is not None and str(want_date) == got_date and "date-from-filename" not in codes:
        report.dates += 1
    elif want_date is not None:
        notes.append(f"date: expected {want_date}, got {got_date}")
    for role in ("chair", "secretary"):
        want = gold.get(role)
        if not want:
            continue
        person = getattr(meeting, role)
        got = _person_key(person) if person else ""
        ok = got == name_key(want) or _same_person(got, name_key(want))
        report.roles.add(1 if person else 0, 1, int(ok))
        if not ok:
            notes.append(f"{role}: expected {want!r}, got {person.name if person else None!r}")
    found_people = [_person_key(p) for p in (*meeting.attendees, *meeting.guests)]
    expected_people = [name_key(str(n)) for n in gold.get("present") or []]
    correct, missed, extra = _match_people(found_people, expected_people)
    report.present.add(len(found_people), len(expected_people), correct)
    notes.extend(f"present missed: {n}" for n in missed)
    notes.extend(f"present extra: {n}" for n in extra)
    for kind, parsed, score in (
        ("decision", [(d.line, d.text) for d in meeting.decisions], report.decisions),
        ("action", [(a.line, a.text) for a in meeting.action_items], report.actions),
    ):
        expected = _spans(gold.get(kind + "s") or [])
        correct, missed, extra = _match_lines(parsed, expected)
        score.add(len(parsed), len(expected), correct)
        notes.extend(f"{kind} missed {m}" for m in missed)
        notes.extend(f"{kind} extra {e}" for e in extra)
    if notes:
        report.misses[markdown.name] = notes


def run(splits: list[str]) -> Report:
    """Score every file of the named splits."""
    report = Report()
    for split in splits:
        for markdown in sorted((ROOT / split).glob("*.md")):
            gold_path = markdown.with_name(markdown.stem + ".gold.yaml")
            if not gold_path.is_file():
                continue
            gold = yaml.load(gold_path.read_text("utf-8"), Loader=_GoldLoader) or {}
            score_file(markdown, gold, report)
    return report


def summary(report: Report) -> dict[str, Any]:
    """The table of issue 8, as data."""

    def prf(score: Score) -> dict[str, float]:
        return {
            "precision": round(score.precision, 3),
            "recall": round(score.recall, 3),
            "f1": round(score.f1, 3),
        }

    return {
        "files": report.files,
        "date_from_text": round(report.dates / report.files, 3) if report.files else 0.0,
        "chair_and_secretary": round(report.roles.recall, 3),
        "present": prf(report.present),
        "decisions": prf(report.decisions),
        "actions": prf(report.actions),
        "crashes": report.crashes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    choices = (*SPLITS, "all")
    parser.add_argument("split", nargs="?", default="dev", choices=choices)
    parser.add_argument("--misses", action="store_true", help="list misses and extras per file")
    args = parser.parse_args(argv)
    splits = list(SPLITS) if args.split == "all" else [args.split]
    report = run(splits)
    if args.misses:
        for name, notes in report.misses.items():
            print(f"\n## {name}")
            for note in notes:
                print(f"  {note}")
        print()
    print(json.dumps(summary(report), ensure_ascii=False, indent=2))
    return 1 if report.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
