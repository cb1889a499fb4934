"""The decision register: the newest year on its main page, every year on a page of its own."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context
from .types import DecisionRow, Kept, Link, Page, PageGroup, meeting_key
from .years import YearLink, by_year, year_key, year_nav, year_text, year_title


@dataclass(frozen=True, slots=True)
class DecisionYear:
    """Decisions of one year."""

    year: str
    """The year."""
    anchor: str
    """Fragment id."""
    rows: Kept
    """Its decisions' rows, newest first (kept rendered from one build to the next)."""

    @property
    def decisions(self) -> tuple[DecisionRow, ...]:
        """The rows, newest first."""
        return self.rows.make()


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
    for group in groups(ctx):
        yield from group.pages()


def groups(ctx: Context) -> Iterator[PageGroup]:
    """The pages of :func:`pages`, a page to a group, each keyed by the meetings of the year
    it shows and the register's counts (every page shows the total and every year's)."""
    urls = ctx.urls
    # Grouped in one pass: every year has its page (so that its address never changes) and
    # the main page shows the newest year again.  The rows are made only for a page that
    # is built.
    meetings = by_year(
        (year_key(meeting.date), meeting)
        for meeting in reversed(ctx.archive.meetings)
        if meeting.decisions
    )
    counts = {key: sum(len(m.decisions) for m in year) for key, year in meetings.items()}
    total = sum(counts.values())
    keys = list(meetings)
    newest = keys[0] if keys else None
    register = f"{total}\x1f{counts!r}"

    # What a year's rows show besides its meetings: the configuration (focus areas) and
    # the site's address.
    settings = repr((ctx.config, urls.base))

    def decision_year(key: str) -> DecisionYear:
        shown = meetings[key]

        @functools.cache
        def rows() -> tuple[DecisionRow, ...]:
            return tuple(ctx.decision_row(m, d) for m in shown for d in m.decisions)

        inputs = "\x1f".join((settings, *(meeting_key(m) for m in shown)))
        digest = hashlib.sha256(inputs.encode()).hexdigest()
        return DecisionYear(year_text(key), f"ar-{key}", Kept(digest, counts[key], rows))

    def inputs(key: str | None) -> str:
        shown = meetings[key] if key is not None else []
        return "\x1f".join((register, *(meeting_key(m) for m in shown)))

    def decisions_nav(current: str | None) -> tuple[YearLink, ...]:
        return year_nav(counts, urls.decisions_year, current)

    def main() -> Iterator[Page]:
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

    yield PageGroup("beslut/", inputs(newest), main)
    decisions_link = Link(urls.decisions(), "Beslut")

    def year_page(key: str) -> Iterator[Page]:
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

    for key in keys:
        yield PageGroup(f"beslut/{key}/", inputs(key), functools.partial(year_page, key))
