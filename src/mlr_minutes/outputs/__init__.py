"""What the build derives from the archive beside the pages: feeds, calendars, open data,
the sitemap and the search index.

Every module here takes its paths from :class:`~mlr_minutes.views.urls.Urls` and its
words from the shared :mod:`mlr_minutes.views.text`; none imports a page family, so that
a page can change without changing a feed (a test holds this).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..archive import Archive
from ..config import Config
from ..views.urls import Urls
from .calendars import calendar_files
from .datapackage import data_package_files
from .dcat import catalogue_files
from .feeds import feed_files
from .memo import OutputMemo
from .opendata import open_data_files
from .opensearch import opensearch_files


def archive_files(
    archive: Archive,
    urls: Urls,
    site_url: str | None,
    config: Config,
    memo: OutputMemo | None = None,
    per_meeting: bool = True,
    scope: str = "",
) -> Iterator[tuple[str, bytes]]:
    """(site path, bytes) of every feed, calendar and open-data file, the open-data
    catalogue and the search description; ``memo`` keeps serialised parts (calendar
    events) from one build to the next, keyed by what decides their bytes.  Each
    meeting's open data only with ``per_meeting`` (the build links unchanged ones).
    ``scope`` names what decides the kept parts besides each meeting's file and bytes and
    the site's address (how the meetings were parsed, the configuration)."""
    yield from feed_files(archive, urls, site_url, config)
    yield from calendar_files(archive, urls, site_url, config, memo)
    yield from open_data_files(archive, urls, per_meeting, memo, scope)
    yield from data_package_files(urls, site_url, config)
    yield from catalogue_files(archive, urls, site_url, config)
    yield from opensearch_files(urls, site_url, config)
