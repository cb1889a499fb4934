"""Shared fixtures: a meeting factory for view tests and a built fixture archive for site tests."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from mlr_minutes.build import BuildOptions, BuildResult, build_site
from mlr_minutes.config import DEFAULT, Config
from mlr_minutes.model import (
    ActionItem,
    AgendaItem,
    DateValue,
    Decision,
    FocusAreaStatus,
    Meeting,
    Person,
    Precision,
    Reference,
    Segment,
    SegmentKind,
)
from mlr_minutes.views import shards

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "tests" / "fixtures" / "archive"
SEED = ROOT / "minutes" / "2016-04-19-kommundirektormote.md"

BUILD_DAY = dt.date(2017, 6, 1)
"""The day the fixture site is built on (SOURCE_DATE_EPOCH), for overdue marking."""
BUILD_EPOCH = str(int(dt.datetime(2017, 6, 1, 12, tzinfo=dt.UTC).timestamp()))


def day(text: str) -> DateValue:
    """A day-precision date value from ISO text."""
    date = dt.date.fromisoformat(text)
    return DateValue(date, date, Precision.DAY, text)


def make_meeting(
    date: str = "2016-04-19",
    body: str = "Kommundirektörmöte",
    *,
    markdown: str = "",
    decisions: tuple[Decision, ...] = (),
    actions: tuple[ActionItem, ...] = (),
    focus: tuple[FocusAreaStatus, ...] = (),
    references: tuple[Reference, ...] = (),
    attendees: tuple[Person, ...] = (),
    items: tuple[AgendaItem, ...] | None = None,
    segments: tuple[Segment, ...] | None = None,
) -> Meeting:
    """A meeting as the parser would produce it; by default one agenda item holding ``markdown``
    whose heading is on line 10 and whose text starts on line 12."""
    slug = "kommundirektormote" if body == "Kommundirektörmöte" else "styrelsemote"
    item = AgendaItem("1", "Ärendet", None, (), 10, markdown, 12)
    if items is None:
        items = (item,)
    if segments is None:
        segments = (
            Segment(SegmentKind.TITLE, f"{body} MalmöLundregionen", "", 1, 2),
            Segment(SegmentKind.METADATA, None, "Mötesdatum\t" + date, 3, 3),
            Segment(SegmentKind.ITEM, "1. Ärendet", markdown, 10, 12, "1"),
        )
    return Meeting(
        id=f"{date}-{slug}",
        source=f"{date}-{slug}.md",
        title=f"{body} MalmöLundregionen",
        body=body,
        organisation="MalmöLundregionen",
        document_type="Minnesanteckningar",
        date=dt.date.fromisoformat(date),
        start=dt.time(15),
        end=dt.time(17, 30),
        location="Stadshuset, Malmö",
        chair=None,
        secretary=None,
        attendees=attendees,
        guests=(),
        absent=(),
        adjusters=(),
        items=items,
        decisions=decisions,
        action_items=actions,
        focus_areas=focus,
        references=references,
        segments=segments,
    )


def make_action(
    text: str, *, number: int = 1, due: str | None = None, done: bool = False, line: int = 12
) -> ActionItem:
    """An explicit task in item 1, the meeting's ``number``th."""
    return ActionItem(
        f"atgard-{number}", text, ("koordinatorn",), day(due) if due else None, done, False, "1",
        line, number,
    )  # fmt: skip


def with_lists(**sizes: int) -> Config:
    """The default configuration with other list sizes (see ``ListSizes``)."""
    return replace(DEFAULT, lists=replace(DEFAULT.lists, **sizes))


@dataclass
class Built:
    """A site built from the fixture archive."""

    out: Path
    result: BuildResult
    messages: list[str]

    def html(self, relative: str) -> str:
        return (self.out / relative).read_text("utf-8")


def build(
    out: Path,
    source: Path = ARCHIVE,
    base_url: str = "/",
    *,
    templates: Path | None = None,
    strict: bool = False,
    epoch: str | None = BUILD_EPOCH,
    config: Config = DEFAULT,
) -> Built:
    """Build ``source`` into ``out`` with the build date pinned."""
    messages: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        if epoch is None:
            patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            patch.setenv("SOURCE_DATE_EPOCH", epoch)
        options = BuildOptions(source, out, base_url, templates, strict, config)
        result = build_site(options, messages.append)
    return Built(out, result, messages)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture archive, built once at the site root."""
    built = build(tmp_path_factory.mktemp("site") / "site")
    assert built.result.ok, [d.format() for d in built.result.diagnostics]
    return built


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture archive, built for ``/mlr-arkiv/`` into ``<root>/mlr-arkiv``, its search
    index in one part per quarter (four parts, merged in the browser) as a large archive's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "SHARD_MEETINGS", 1)
        built = build(tmp_path_factory.mktemp("served") / "mlr-arkiv", base_url="/mlr-arkiv/")
    assert built.result.ok
    return built


class Page(HTMLParser):
    """The parts of an HTML page the tests look at: text, links, ids, headings, elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text_parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._skip = 0
        self._heading: list[str] | None = None
        self._heading_level = 0
        self._link: list[str] | None = None
        self._href = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.append(values["id"])
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading, self._heading_level = [], int(tag[1])
        if tag == "a" and "href" in values:
            self._link, self._href = [], values["href"]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self._skip -= 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append((self._heading_level, " ".join("".join(self._heading).split())))
            self._heading = None
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text_parts.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if self._link is not None:
            self._link.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def urls(self) -> Iterator[str]:
        for _tag, attrs in self.tags:
            for name in ("href", "src", "action", "srcset"):
                if name in attrs:
                    yield attrs[name]

    def elements(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            values
            for name, values in self.tags
            if name == tag and all(values.get(k) == v for k, v in attrs.items())
        ]


def parse_html(html: str) -> Page:
    """Parse a page for assertions."""
    return Page(html)


# --- Browser fixtures (test_browser, test_search) -------------------------------------
#
# Shared here because Playwright's sync API runs one event loop per process: two
# modules each launching their own would fail.

CHROMIUM = Path(os.environ.get("MLR_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-gpu",
    "--no-sandbox",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("MLR_REQUIRE_BROWSER"):
        pytest.fail(f"MLR_REQUIRE_BROWSER is set but {CHROMIUM} does not exist")
    pytest.skip(f"{CHROMIUM} is not installed")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_server(subpath_site: Built) -> Iterator[str]:
    """Serve the folder above the sub-path site, so it is reachable at ``/mlr-arkiv/``."""
    handler = functools.partial(_QuietHandler, directory=str(subpath_site.out.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            headless=True, executable_path=str(CHROMIUM), args=ARGS
        )
        yield launched
        launched.close()
