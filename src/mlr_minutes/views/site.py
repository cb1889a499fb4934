"""The whole site: the frame around every page, and the page families in the order they are
built (which is also the sitemap's order)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import actions, decisions, fixed, focus_areas, home, meeting, meetings, people
from .context import Context
from .text import format_date
from .types import NavItem, Page, SiteView

Family = Callable[[Context], Iterator[Page]]
"""A page family: every page of one kind, built from the context."""

FAMILIES: tuple[Family, ...] = (
    home.pages,
    meetings.pages,
    meeting.pages,
    decisions.pages,
    actions.pages,
    focus_areas.pages,
    people.pages,
    fixed.pages,
)
"""Every page family, in the order their pages are built."""

NAV = (
    ("home", "Start"),
    ("moten", "Möten"),
    ("beslut", "Beslut"),
    ("atgarder", "Åtgärder"),
    ("fokusomraden", "Fokusområden"),
    ("kommuner", "Kommuner"),
    ("personer", "Personer"),
)
"""The main navigation: section key and label."""


def site_view(ctx: Context, origin: str | None = None) -> SiteView:
    """The frame shared by every page; ``origin`` is ``https://host`` when it is known."""
    urls = ctx.urls
    hrefs = {
        "home": urls.home(),
        "moten": urls.meetings(),
        "beslut": urls.decisions(),
        "atgarder": urls.actions(),
        "fokusomraden": urls.focus_areas(),
        "kommuner": urls.municipalities(),
        "personer": urls.people(),
    }
    return SiteView(
        name=ctx.site_name,
        organisation=ctx.config.organisation,
        organisation_genitive=ctx.of_organisation,
        base_url=urls.base,
        home=urls.home(),
        stylesheet=urls.static("style.css"),
        favicon=urls.favicon(),
        search=urls.search(),
        nav=tuple(NavItem(hrefs[key], text, key) for key, text in NAV),
        accessibility=urls.accessibility(),
        build_date=format_date(ctx.today),
        canonical_root=origin or "",
        alternates=ctx.archive_alternates(),
        contact_email=ctx.config.contact_email,
        opensearch=urls.opensearch(),
    )


def site_pages(ctx: Context) -> Iterator[Page]:
    """Every page of the site, each with its view, one at a time."""
    for family in FAMILIES:
        yield from family(ctx)
