"""Parse time stays linear in the size of the input, whatever its shape.

Every shape of ``benchmarks/shapes.py`` (long lines, 100k list items, task lists,
deep nesting, runs of ``(``, ``*``, ``_``, ``[``, ``<``, digits, ``/``, dots,
dashes, initials, abbreviations, *att*-clauses, names, unclosed parentheses, wide
tables, a huge front matter, an unclosed comment, spaces in a metadata comment) is
parsed at a small and at a sixteen times larger size, and the time per byte of the
large one is compared with the small one's, measured in the same test: never an
absolute time (``make bench`` prints those).  A super-linear rule makes the ratio grow
with the size (a quadratic one sixteen-fold); a linear one keeps it near 1.  CPU time,
the best of a few runs, so that other work on the machine does not count.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from shapes import SHAPES

from mlr_minutes.config import DEFAULT
from mlr_minutes.parse import parse_source
from mlr_minutes.read import decode

SMALL = 5_000
LARGE = 80_000
RATIO = 3.0
"""How much slower per byte the large input may be: generous, as the machine's caches and
the garbage collector make per-byte time drift a little with size; a quadratic rule at
sixteen times the size is sixteen times slower per byte."""


def _per_byte(data: bytes, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        parse_source(decode(data, "shape.md"), DEFAULT)
        best = min(best, time.process_time() - started)
    return max(best, 1e-6) / len(data)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_parse_time_per_byte_does_not_grow_with_the_input(shape: str) -> None:
    small = SHAPES[shape](SMALL).encode("utf-8")
    large = SHAPES[shape](LARGE).encode("utf-8")
    assert len(large) >= 10 * len(small), "the shape must grow with the size asked for"
    parse_source(decode(small, "warm.md"), DEFAULT)  # compile the patterns first
    baseline = _per_byte(small, runs=5)
    ratio = _per_byte(large, runs=1) / baseline
    if ratio > RATIO:  # a second look before blaming the parser for a busy machine
        ratio = min(ratio, _per_byte(large, runs=2) / _per_byte(small, runs=5))
    assert ratio <= RATIO, (
        f"{shape}: {len(large) // 1000} KB takes {ratio:.1f}× the time per byte of "
        f"{len(small) // 1000} KB"
    )


def test_a_large_paragraph_of_each_shape_still_becomes_a_meeting() -> None:
    # The guard keeps a paragraph and its line; it only stops the sentence rules.
    text = SHAPES["initials"](30_000)
    meeting = parse_source(decode(text.encode(), "initials.md"), DEFAULT)
    assert meeting.date is not None and meeting.date.isoformat() == "2016-04-19"
    assert [d.code for d in meeting.diagnostics].count("long-paragraph") == 1
