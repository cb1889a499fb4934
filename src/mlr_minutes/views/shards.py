"""How the search index is split: meetings grouped by the calendar period they fall in.

Pagefind cannot add one page to an index; it indexes its whole input again.  So the
index is built in parts (*shards*), each the meetings of one period of months and their
decision and action records, and a build re-indexes only the shards whose pages changed
(:mod:`mlr_minutes.outputs.search.shards`); the search page loads the first shard as
Pagefind's own index and merges the others into it (``mergeIndex``).

A period is a fixed run of months counted from year 0, so a meeting's shard depends on
its own date and the period's length only: a new meeting changes its own shard, never
where the others fall.  The length follows how densely the archive meets (the smallest
length from :data:`PERIODS` that holds about :data:`SHARD_MEETINGS` meetings on average),
which changes only when the archive's pace doubles or halves: a small archive is one or
two shards, one that meets daily is split by the quarter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Meeting

SHARD_MEETINGS = 75
"""Meetings a shard holds on average: few enough that re-indexing one (after an edit)
takes about a second (with their records, some 275 documents: 1.0 s on the benchmark's
corpus, against 1.9 s for 150), many enough that a query fetches few files per shard.  The
cold build is no slower for it: Pagefind's cost is per document, and more parts keep both
cores busy to the end."""

PERIODS = (1, 2, 3, 4, 6, 12, 24, 48, 96, 192, 384)
"""The period lengths a shard may span, in months: each divides the next one's multiple
of twelve, so a change of length regroups whole periods."""


@dataclass(frozen=True, slots=True)
class SearchShard:
    """One part of the search index."""

    key: str
    """The first month of its period, ``2016-01``: its folder's name."""
    meetings: tuple[str, ...]
    """Ids of its meetings, sorted."""


def _month(date: dt.date | None) -> int:
    """Months since year 0 (an undated meeting is never published; 0 keeps it somewhere)."""
    return date.year * 12 + date.month - 1 if date is not None else 0


def period_months(months: list[int]) -> int:
    """The period length for meetings in ``months`` (see the module's docstring)."""
    if not months:
        return PERIODS[-1]
    span = max(months) - min(months) + 1
    for length in PERIODS:
        if len(months) * length >= SHARD_MEETINGS * span:
            return length
    return PERIODS[-1]


def search_shards(meetings: Iterable[Meeting]) -> tuple[SearchShard, ...]:
    """The shards of ``meetings``' index, oldest period first."""
    dated = [(_month(m.date), m.id) for m in meetings]
    length = period_months([month for month, _ in dated])
    grouped: dict[int, list[str]] = {}
    for month, meeting_id in dated:
        grouped.setdefault(month - month % length, []).append(meeting_id)
    return tuple(
        SearchShard(f"{start // 12:04d}-{start % 12 + 1:02d}", tuple(sorted(grouped[start])))
        for start in sorted(grouped)
    )
