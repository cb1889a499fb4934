"""Tests for Swedish date and time phrases; the cases live in ``fixtures/dates.yaml``."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlr_minutes.model import Precision
from mlr_minutes.parse.dates import find_dates, parse_date, parse_time_span
from mlr_minutes.vocabulary import MONTH_NAMES

Case = dict[str, Any]

_FIXTURE = Path(__file__).parent / "fixtures" / "dates.yaml"


def _load() -> dict[str, list[Case]]:
    with _FIXTURE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return {str(section): list(cases) for section, cases in data.items()}


_CASES = _load()


def _params(section: str) -> pytest.MarkDecorator:
    cases = _CASES[section]
    ids = [str(case["id"]) for case in cases]
    assert len(ids) == len(set(ids)), f"duplicate case ids in {section}"
    return pytest.mark.parametrize("case", cases, ids=ids)


def _meeting(case: Case) -> dt.date | None:
    meeting = case.get("meeting")
    # YAML reads an unquoted 2016-04-19 as a date already; a quoted one would be a slip.
    assert meeting is None or isinstance(meeting, dt.date)
    return meeting


def _clock(value: str | None) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


@_params("find_dates")
def test_find_dates(case: Case) -> None:
    text: str = case["text"]
    matches = find_dates(text, _meeting(case))
    found = [{"phrase": text[m.start : m.end], "iso": m.value.iso} for m in matches]
    assert found == case["expect"]
    for match in matches:
        assert match.value.text == text[match.start : match.end]


@_params("parse_date")
def test_parse_date(case: Case) -> None:
    value = parse_date(case["text"], _meeting(case))
    expect: dict[str, str] | None = case["expect"]
    if expect is None:
        assert value is None
    else:
        assert value is not None
        assert {"phrase": value.text, "iso": value.iso} == expect


@_params("time_span")
def test_parse_time_span(case: Case) -> None:
    text: str = case["text"]
    span = parse_time_span(text)
    expect: dict[str, str | None] | None = case["expect"]
    if expect is None:
        assert span is None
    else:
        assert span is not None
        start, end, first, last = span
        assert (start, end) == (_clock(expect["start"]), _clock(expect["end"]))
        assert text[first:last] == expect["phrase"]


def test_fixture_has_enough_cases() -> None:
    assert sum(len(cases) for cases in _CASES.values()) >= 45


def _each_day(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


def test_every_written_day_round_trips() -> None:
    for day in _each_day(2016):
        month = MONTH_NAMES[day.month - 1]
        for text in (
            f"{day.day} {month} {day.year}",
            f"{day.day}/{day.month} {day.year}",
            f"{day.day}/{day.month}-{day.year % 100:02d}",
            day.isoformat(),
        ):
            value = parse_date(text, None)
            assert value is not None, text
            assert (value.start, value.end, value.precision) == (day, day, Precision.DAY), text


def test_yearless_day_takes_next_year_only_when_half_a_year_past() -> None:
    days = [d for d in _each_day(2015) if (d.month, d.day) != (2, 29)]
    for meeting in _each_day(2016)[::5]:
        for day in days[::3]:
            value = parse_date(f"{day.day}/{day.month}", meeting)
            assert value is not None
            this_year = day.replace(year=meeting.year)
            rolled = (meeting - this_year).days > 183
            year = meeting.year + 1 if rolled else meeting.year
            assert value.start == day.replace(year=year), (meeting, day)
            assert (meeting - value.start).days <= 183, (meeting, day)


def test_every_clock_time_round_trips() -> None:
    for hour in range(24):
        for minute in range(0, 60, 7):
            expected = dt.time(hour, minute)
            for text in (f"kl. {hour}:{minute:02d}", f"{hour:02d}.{minute:02d}"):
                span = parse_time_span(f"Start {text} i Lund")
                assert span is not None, text
                assert span[:2] == (expected, None), text
                assert span[2:] == (6, 6 + len(text)), text


def test_matches_are_ordered_disjoint_and_slice_back() -> None:
    # Random jumbles of date-like fragments must never raise or return tangled offsets.
    fragments = [
        "24", "maj", "/", "-", "–", " ", "den", "vecka", "v.", "42", "2016", "i", "juni",
        "kl.", "15:00", "9", "31", "april", ":e", "13", ".", "§", "månad", "1", "12",
    ]  # fmt: skip
    generator = random.Random(20160419)
    for _ in range(3000):
        text = "".join(generator.choice(fragments) for _ in range(generator.randint(1, 12)))
        position = 0
        for match in find_dates(text, dt.date(2016, 4, 19)):
            assert position <= match.start < match.end <= len(text), text
            assert match.value.text == text[match.start : match.end], text
            assert match.value.start <= match.value.end, text
            position = match.end
        parse_date(text, None)
        parse_time_span(text)
