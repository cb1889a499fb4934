"""The decision register: the newest year on its main page, every year on a page of its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context
from .types import DecisionRow, Link, Page
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class DecisionYear:
    """Decisions of one year."""

    year: str
    """The year."""
    anchor: str
    """Fragment id."""
    decisions: tuple[DecisionRow, ...]
    """Newest first."""


@dataclass(frozen=True, slots=True)
class DecisionsView:
    """The decision register."""

    years: tuple[DecisionYear, ...]
    """The year shown (the newest on the main page)."""
    count: int
    """All decisions of the archive."""
    nav: tuple[YearLink, ...] = ()
    """Every year of the register."""
    main: bool = True
    """The register's main page, not a year page."""


def pages(ctx: Context) -> Iterator[Page]:
    """``beslut/`` and ``beslut/<år>/``."""
    urls = ctx.urls
    # Grouped in one pass: every year has its page (so that its address never changes) and
    # the main page shows the newest year again.
    decisions = by_year(
        (year_key(meeting.date), ctx.decision_row(meeting, decision))
        for meeting in reversed(ctx.archive.meetings)
        for decision in meeting.decisions
    )
    total = sum(len(rows) for rows in decisions.values())
    counts = {key: len(rows) for key, rows in decisions.items()}
    keys = list(decisions)
    newest = keys[0] if keys else None

    def decision_year(key: str) -> DecisionYear:
        return DecisionYear(year_text(key), f"ar-{key}", tuple(decisions[key]))

    def decisions_nav(current: str | None) -> tuple[YearLink, ...]:
        return year_nav(counts, urls.decisions_year, current)

    yield Page(
        urls.file(urls.decisions()), "decisions.html", "Beslut", "beslut",
        DecisionsView(
            (decision_year(newest),) if newest else (), total,
            decisions_nav(None),
        ),
        (ctx.home,),
        description=(
            f"Beslutsregister: {total} beslut från {ctx.of_organisation} möten"
            + (f", här de från {year_text(newest)}" if newest else "")
            + ", nyast först."
        ),
        alternates=ctx.data_alternates(
            urls.decisions_csv(), urls.decisions_data(), "Beslutsregistret"
        ),
    )  # fmt: skip
    decisions_link = Link(urls.decisions(), "Beslut")
    for key in keys:
        yield Page(
            urls.file(urls.decisions_year(key)), "decisions.html",
            year_title("Beslut", key), "beslut",
            DecisionsView((decision_year(key),), total, decisions_nav(key), main=False),
            (ctx.home, decisions_link),
            description=(
                f"{year_title('Beslutsregister', key)}: {counts[key]} beslut från "
                f"{ctx.of_organisation} möten, nyast först."
            ),
        )  # fmt: skip
