"""Every address of the site: pages, the files beside them, and where each is written.

Pages link root-relative under the base URL, so that the site also works from a
sub-path or behind another host; :meth:`Urls.file` turns an address into the file it is
served from, so that the writer, the feeds, the calendars, the open data and the search
index all take their paths from here and no module spells one out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_MEETING_ID_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:-|$)")
"""How every published meeting's id begins: its date."""

BODY_PREFIX = "organ_"
"""Put before a body slug that begins like a meeting id (a body called *2016-05-24
styrelsemöte*): a slug never holds ``_``, so the result is no meeting's id and no other
body's slug."""


def body_segment(slug: str) -> str:
    """The path segment of a body's pages below ``moten/``, which meeting pages share: never
    the shape of a meeting id, so a body page and a meeting page never claim one address."""
    return f"{BODY_PREFIX}{slug}" if _MEETING_ID_SHAPE.match(slug) else slug


def normalise_base_url(base_url: str) -> str:
    """``mlr-arkiv`` or ``https://host/mlr-arkiv`` → ``/mlr-arkiv/``: root-relative, one slash
    at each end (pages link root-relative, so the site also works behind another host)."""
    inner = urlsplit(base_url.strip()).path.strip("/") if "://" in base_url else base_url
    inner = inner.strip().strip("/")
    return f"/{inner}/" if inner else "/"


def site_origin(base_url: str) -> str | None:
    """``https://host`` when the base URL is absolute; None for a plain path."""
    if "://" not in base_url:
        return None
    parts = urlsplit(base_url.strip())
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class Urls:
    """Every URL of the site, root-relative under the base URL, so sub-paths work."""

    base: str
    """The normalised base URL (``/`` or ``/mlr-arkiv/``)."""

    def home(self) -> str:
        """Start page."""
        return self.base

    def meetings(self) -> str:
        """All meetings."""
        return f"{self.base}moten/"

    def body(self, slug: str) -> str:
        """The meetings of one body."""
        return f"{self.base}moten/{body_segment(slug)}/"

    def meeting(self, meeting_id: str) -> str:
        """One meeting's page."""
        return f"{self.base}moten/{meeting_id}/"

    def source(self, meeting_id: str) -> str:
        """The Markdown source copied next to the meeting page."""
        return f"{self.meeting(meeting_id)}{meeting_id}.md"

    def decisions(self) -> str:
        """The decision register."""
        return f"{self.base}beslut/"

    def actions(self) -> str:
        """The action list."""
        return f"{self.base}atgarder/"

    def focus_areas(self) -> str:
        """All focus areas."""
        return f"{self.base}fokusomraden/"

    def focus_area(self, slug: str) -> str:
        """One focus area's timeline."""
        return f"{self.base}fokusomraden/{slug}/"

    def municipalities(self) -> str:
        """All municipalities."""
        return f"{self.base}kommuner/"

    def municipality(self, slug: str) -> str:
        """One municipality."""
        return f"{self.base}kommuner/{slug}/"

    def people(self) -> str:
        """All people."""
        return f"{self.base}personer/"

    def person(self, slug: str) -> str:
        """One person."""
        return f"{self.base}personer/{slug}/"

    # Year pages of the archive-wide lists.  A year is always a path segment of its own
    # below the list it splits (``utan-datum`` for what has no date), so it cannot collide
    # with anything else there.  Meeting ids and body slugs share ``moten/`` and either
    # could be any word, so meeting years go one level further down, under ``ar/``
    # (``moten/ar/2016/``, ``moten/styrelsemote/ar/2016/``): meeting and body pages are
    # always exactly one level below ``moten/``, so no file of theirs can be written there.

    def meetings_year(self, year: str) -> str:
        """All meetings of one year."""
        return f"{self.meetings()}ar/{year}/"

    def body_year(self, slug: str, year: str) -> str:
        """One body's meetings of one year."""
        return f"{self.body(slug)}ar/{year}/"

    def decisions_year(self, year: str) -> str:
        """The decisions of one year."""
        return f"{self.decisions()}{year}/"

    def open_actions_year(self, year: str) -> str:
        """Open actions beyond the action list's own, by the year they are due."""
        return f"{self.actions()}oppna/{year}/"

    def done_actions_year(self, year: str) -> str:
        """Actions ticked off in one year."""
        return f"{self.actions()}avklarade/{year}/"

    def focus_area_year(self, slug: str, year: str) -> str:
        """One year of a focus area's timeline."""
        return f"{self.focus_area(slug)}{year}/"

    def municipality_year(self, slug: str, year: str) -> str:
        """One year of a municipality's attendance and mentions."""
        return f"{self.municipality(slug)}{year}/"

    def person_year(self, slug: str, year: str) -> str:
        """One year of a person's attendance."""
        return f"{self.person(slug)}{year}/"

    def accessibility(self) -> str:
        """The accessibility statement."""
        return f"{self.base}tillganglighet/"

    def search(self) -> str:
        """The site search (the header's search box submits here)."""
        return f"{self.base}sok/"

    def static(self, name: str) -> str:
        """A file from the theme's ``static`` folder."""
        return f"{self.base}static/{name}"

    def favicon(self) -> str:
        """The site's icon."""
        return self.static("favicon.svg")

    # Files beside the pages: feeds, calendars, open data, and what search engines read.

    def feed(self) -> str:
        """The Atom feed of new meetings."""
        return f"{self.base}feed.xml"

    def calendar(self) -> str:
        """The calendar of meetings and due dates."""
        return f"{self.base}kalender.ics"

    def focus_area_feed(self, slug: str) -> str:
        """The Atom feed of one focus area."""
        return f"{self.focus_area(slug)}feed.xml"

    def focus_area_calendar(self, slug: str) -> str:
        """The calendar of one focus area."""
        return f"{self.focus_area(slug)}kalender.ics"

    def meetings_data(self) -> str:
        """Every meeting as open data (JSON)."""
        return f"{self.base}api/meetings.json"

    def meeting_data(self, meeting_id: str) -> str:
        """One meeting as open data: what ``mlr-minutes parse`` prints."""
        return f"{self.base}api/meetings/{meeting_id}.json"

    def decisions_data(self) -> str:
        """The decision register as open data."""
        return f"{self.base}api/decisions.json"

    def actions_data(self) -> str:
        """The action list as open data."""
        return f"{self.base}api/action-items.json"

    def schema(self, name: str) -> str:
        """A published JSON Schema of the open data."""
        return f"{self.base}api/schema/{name}.json"

    def decisions_csv(self) -> str:
        """The decision register as a spreadsheet."""
        return f"{self.base}beslut.csv"

    def actions_csv(self) -> str:
        """The action list as a spreadsheet."""
        return f"{self.base}atgarder.csv"

    def catalogue(self) -> str:
        """The open-data catalogue (DCAT-AP-SE) as RDF/XML, which dataportal.se harvests."""
        return f"{self.base}api/dcat.rdf"

    def catalogue_jsonld(self) -> str:
        """The same catalogue as JSON-LD."""
        return f"{self.base}api/dcat.jsonld"

    def data_package(self) -> str:
        """The Frictionless Data Package describing the CSV files."""
        return f"{self.base}datapackage.json"

    def opensearch(self) -> str:
        """The OpenSearch description, so that a browser can add the site's search."""
        return f"{self.base}opensearch.xml"

    def sitemap(self) -> str:
        """The sitemap."""
        return f"{self.base}sitemap.xml"

    def robots(self) -> str:
        """What crawlers may read."""
        return f"{self.base}robots.txt"

    def search_bundle(self) -> str:
        """The folder Pagefind writes its index and UI into."""
        return f"{self.base}pagefind/"

    def search_shard(self, key: str) -> str:
        """The folder of one further part of the search index (:mod:`.shards`), merged
        into the first part, which lives in :meth:`search_bundle` itself."""
        return f"{self.search_bundle()}delar/{key}/"

    # From an address to where it is written.

    def relative(self, url: str) -> str:
        """``url`` relative to the site folder: ``moten/x/``, ``feed.xml``."""
        if not url.startswith(self.base):
            raise ValueError(f"{url!r} ligger inte under {self.base!r}")
        return url[len(self.base) :]

    def file(self, url: str) -> str:
        """The file ``url`` is served from, relative to the site folder (a page's address
        ends in ``/`` and is served from its ``index.html``)."""
        relative = self.relative(url)
        return f"{relative}index.html" if relative.endswith("/") or not relative else relative
