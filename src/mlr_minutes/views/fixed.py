"""Pages that do not grow with the archive: the accessibility statement, search and 404."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context
from .shards import search_shards
from .text import enumeration
from .types import Link, Page


@dataclass(frozen=True, slots=True)
class EmptyView:
    """For pages whose template says everything (404)."""


@dataclass(frozen=True, slots=True)
class AccessibilityView:
    """The accessibility statement."""

    members: str
    """The member municipalities, ``Burlöv, Eslöv … och Vellinge`` (empty when none are
    configured)."""


@dataclass(frozen=True, slots=True)
class SearchView:
    """The search page: where Pagefind's files are and where to go without JavaScript."""

    bundle: str
    """URL of the folder Pagefind writes its index and UI into."""
    merge: tuple[str, ...]
    """URLs of the further parts of the index, merged into the first (:mod:`.shards`)."""
    script: str
    """Our small script that carries ``?q=`` into the search box."""
    meetings: Link
    """All meetings, for browsing without search."""
    decisions: Link
    """The decision register, likewise."""


def pages(ctx: Context) -> Iterator[Page]:
    """``tillganglighet/``, ``sok/`` and ``404.html``."""
    urls, home = ctx.urls, ctx.home
    merged = tuple(urls.search_shard(s.key) for s in search_shards(ctx.archive.meetings)[1:])
    yield Page(
        urls.file(urls.accessibility()), "accessibility.html",
        "Tillgänglighetsredogörelse", "tillganglighet",
        AccessibilityView(enumeration(ctx.config.municipalities)), (home,),
    )  # fmt: skip
    yield Page(
        urls.file(urls.search()), "search.html", "Sök i arkivet", "sok",
        SearchView(urls.search_bundle(), merged, urls.static("sok.js"),
                   Link(urls.meetings(), "Alla möten"), Link(urls.decisions(), "Beslutsregistret")),
        (home,),
        description=(
            f"Sök bland minnesanteckningar, beslut och åtgärder från {ctx.of_organisation} möten."
        ),
    )  # fmt: skip
    yield Page("404.html", "404.html", "Sidan finns inte", "", EmptyView(), (home,))
