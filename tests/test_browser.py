"""The built site in a real browser: every page type renders without console errors and
with no WCAG 2.1 A/AA violations found by axe, at the root and under a sub-path.

Needs Debian's ``/usr/bin/chromium`` (``MLR_CHROMIUM`` overrides); Playwright never
downloads a browser here.  Skipped when Chromium is absent, unless ``MLR_REQUIRE_BROWSER``
is set (as in CI), in which case a missing browser fails.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import BUILD_EPOCH, WCAG, Built, build, with_lists
from test_site import PAGE_TYPES

pytestmark = pytest.mark.browser


def _url(server: str, page: str) -> str:
    path = page.removesuffix("index.html")
    return f"{server}/mlr-arkiv/{path}"


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_page_renders_without_console_errors_or_axe_violations(
    chromium: Any, site_server: str, page: str
) -> None:
    _assert_clean(chromium, site_server, _url(site_server, page))


@pytest.fixture(scope="module")
def open_years(subpath_site: Built) -> list[str]:
    """The fixture archive built once more next to the served site (``/mlr-oppna/``) with
    room for two open actions on the action list, so that its open year pages exist."""
    built = build(
        subpath_site.out.parent / "mlr-oppna",
        base_url="/mlr-oppna/",
        config=with_lists(open_actions=2),
    )
    assert built.result.ok
    pages = sorted((built.out / "atgarder" / "oppna").glob("*/index.html"))
    assert pages
    return [f"atgarder/oppna/{page.parent.name}/" for page in pages]


def test_open_action_year_pages_have_no_axe_violations(
    chromium: Any, site_server: str, open_years: list[str]
) -> None:
    for page in open_years:
        _assert_clean(chromium, site_server, f"{site_server}/mlr-oppna/{page}")


def _assert_clean(chromium: Any, site_server: str, url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = url
    context = chromium.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    outside: list[str] = []
    tab.on(
        "request",
        lambda r: None if r.url.startswith(site_server) else outside.append(r.url),
    )
    failed: list[str] = []
    tab.on("requestfailed", lambda r: failed.append(r.url))
    response = tab.goto(url)
    assert response is not None and response.ok, page
    tab.wait_for_load_state("load")
    assert tab.evaluate("document.documentElement.lang") == "sv"
    assert tab.evaluate("getComputedStyle(document.body).fontFamily"), (
        "the stylesheet loaded under the sub-path"
    )
    assert (
        tab.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    ), "the stylesheet applies"
    results = Axe().run(
        tab,
        options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]},
    )
    context.close()
    assert not problems, problems
    assert not outside, outside
    assert not failed, failed
    violations = results.response.get("violations", [])
    assert results.violations_count == 0, json.dumps(
        [
            {"id": v["id"], "help": v["help"], "nodes": [n["html"] for n in v["nodes"][:3]]}
            for v in violations
        ],
        ensure_ascii=False,
        indent=1,
    )


def test_phone_width_has_no_horizontal_scroll(chromium: Any, site_server: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    for page in ("index.html", PAGE_TYPES[3], "fokusomraden/migration-integration/index.html"):
        tab.goto(_url(site_server, page))
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (page, width)
    context.close()


def test_skip_link_is_first_and_visible_on_focus(chromium: Any, site_server: str) -> None:
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(_url(site_server, "index.html"))
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#innehall"
    top = tab.evaluate("document.activeElement.getBoundingClientRect().top")
    assert top >= 0
    context.close()


def test_print_stylesheet_hides_navigation(chromium: Any, site_server: str) -> None:
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(_url(site_server, PAGE_TYPES[3]))
    tab.emulate_media(media="print")
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-nav')).display") == "none"
    assert tab.evaluate("getComputedStyle(document.querySelector('.minutes')).display") != "none"
    context.close()


def test_the_previews_internal_section_has_no_axe_violations(
    chromium: Any, site_server: str, subpath_site: Built
) -> None:
    """``serve`` frames an internal section and labels it; the frame passes axe too."""
    from mlr_minutes.build import BuildOptions, build_site
    from test_privacy import INTERNAL

    source = subpath_site.out.parent / "internt-kalla"
    source.mkdir(exist_ok=True)
    (source / "2016-05-10-styrelsemote.md").write_text(INTERNAL, "utf-8")
    out = subpath_site.out.parent / "mlr-internt"
    options = BuildOptions(source, out, "/mlr-internt/", internal=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        assert build_site(options, lambda _: None).ok
    page = out / "moten" / "2016-05-10-styrelsemote" / "index.html"
    assert 'class="internal"' in page.read_text("utf-8")
    url = f"{site_server}/mlr-internt/moten/2016-05-10-styrelsemote/"
    _assert_clean(chromium, site_server, url)
