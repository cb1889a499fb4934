"""Site search: the Pagefind index the build writes, the pages it indexes, the /sok/ page
and the header's search box, and – in a real browser – searching, filtering, keyboard use
and axe on the search page with results shown.

Browser tests follow ``test_browser``'s rules: skipped when Chromium is absent unless
``MLR_REQUIRE_BROWSER`` is set.
"""

from __future__ import annotations

import gzip
import hashlib
import html as htmllib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ARCHIVE, WCAG, Built, build, parse_html
from mlr_minutes.archive import build_archive
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings
from mlr_minutes.outputs import search
from mlr_minutes.views.urls import Urls
from test_browser import _url
from test_site import KD_APRIL, PAGE_TYPES

SEED_ID = "2016-04-19-kommundirektormote"
FOCUS = "Migration & integration"


def _digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _fragments(root: Path) -> list[dict[str, Any]]:
    """Every indexed record as Pagefind stored it (gzip, signature, JSON)."""
    records = []
    for path in sorted((root / "pagefind").glob("**/fragment/*")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd") :]))
    return records


# --- The index and the pages ------------------------------------------------------------


def test_the_build_writes_a_pagefind_index_and_removes_its_scratch_records(site: Built) -> None:
    entry = json.loads((site.out / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    languages = entry["languages"]
    assert list(languages) == ["sv"], "the language comes from <html lang=sv>"
    records = _fragments(site.out)
    assert languages["sv"]["page_count"] == len(records)
    meetings = [r for r in records if r["url"].startswith("/moten/")]
    assert len(meetings) == 5
    assert len(records) > len(meetings), "decision and action records besides the pages"
    assert (site.out / "pagefind" / "pagefind-component-ui.js").is_file()
    assert not (site.out / search.RECORDS).exists()
    assert any(m.startswith("Sökindex: ") for m in site.messages)


def test_meeting_pages_are_indexed_with_their_filters(site: Built) -> None:
    page = parse_html(site.html(KD_APRIL))
    assert page.elements("article", **{"data-pagefind-body": ""})
    filters = {
        (attrs["data-pagefind-filter"], text) for attrs, text in _filter_spans(site.html(KD_APRIL))
    }
    assert ("typ", "Möte") in filters
    assert ("år", "2016") in filters
    assert ("organ", "Kommundirektörmöte") in filters
    assert ("fokusfråga", FOCUS) in filters
    assert ("kommun", "Malmö") in filters
    assert page.elements("div", hidden="", **{"data-pagefind-sort": "datum:2016-04-19"})
    record = next(r for r in _fragments(site.out) if r["url"] == f"/moten/{SEED_ID}/")
    assert record["filters"]["typ"] == ["Möte"]
    assert FOCUS in record["filters"]["fokusfråga"]
    assert record["meta"]["title"] == "Kommundirektörmöte 19 april 2016"
    assert {"punkt-3", "beslutslista"} <= {a.get("id") for a in record["anchors"]}
    assert "Plats Stadshuset" in record["content"], "a fact's name and value are two words"


def _filter_spans(html: str) -> list[tuple[dict[str, str], str]]:
    found = []
    for chunk in html.split("<span ")[1:]:
        attrs, _, rest = chunk.partition(">")
        if "data-pagefind-filter=" in attrs:
            name = attrs.split('data-pagefind-filter="', 1)[1].split('"', 1)[0]
            text = htmllib.unescape(rest.split("</span>", 1)[0])
            found.append(({"data-pagefind-filter": name}, text))
    return found


@pytest.mark.parametrize("page", [p for p in PAGE_TYPES if not p.startswith("moten/20")])
def test_other_pages_are_not_indexed(site: Built, page: str) -> None:
    assert "data-pagefind-body" not in site.html(page)
    assert "data-pagefind-body" not in site.html("sok/index.html")


def test_decision_and_action_records_land_on_their_anchors(subpath_site: Built) -> None:
    records = _fragments(subpath_site.out)
    meeting = f"/mlr-arkiv/moten/{SEED_ID}/"
    decisions = next(
        r for r in records if r["meta"].get("url") == meeting and r["filters"]["typ"] == ["Beslut"]
    )
    assert decisions["meta"]["title"] == "Beslut vid Kommundirektörmöte 19 april 2016"
    ids = [a["id"] for a in decisions["anchors"] if a["element"] == "h2"]
    assert ids[:4] == ["beslut-1", "beslut-2", "beslut-3", "beslut-4"]
    page = parse_html(subpath_site.html(f"moten/{SEED_ID}/index.html"))
    assert set(ids) <= set(page.ids), "every record heading is an anchor on the meeting page"
    actions = next(
        r for r in records if r["meta"].get("url") == meeting and r["filters"]["typ"] == ["Åtgärd"]
    )
    assert {a["id"] for a in actions["anchors"] if a["element"] == "h2"} <= set(page.ids)
    for record in records:
        if record["filters"]["typ"] != ["Möte"]:
            assert record["meta"]["url"].startswith("/mlr-arkiv/moten/")


def test_decision_records_carry_the_decisions_own_focus_areas() -> None:
    loaded = load_meetings([ARCHIVE], DEFAULT)
    archive = build_archive(loaded.meetings, DEFAULT)
    records = {r.name: r.html for r in search.search_records(archive, Urls("/"))}
    assert f"{SEED_ID}-beslut.html" in records and f"{SEED_ID}-atgarder.html" in records
    html = records[f"{SEED_ID}-beslut.html"]
    assert '<main data-pagefind-body data-pagefind-meta="url:/moten/' in html
    assert '<span data-pagefind-filter="typ">Beslut</span>' in html
    expected = {
        area
        for decision in next(m for m in archive.meetings if m.id == SEED_ID).decisions
        for area in archive.decision_focus.get((SEED_ID, decision.id), ())
    }
    found = {
        text for attrs, text in _filter_spans(html) if attrs["data-pagefind-filter"] == "fokusfråga"
    }
    assert found == expected


# --- The search page and the header box ---------------------------------------------------


def test_search_page_loads_pagefind_from_the_site_and_explains_itself_without_js(
    subpath_site: Built,
) -> None:
    html = subpath_site.html("sok/index.html")
    page = parse_html(html)
    assert page.elements("pagefind-config", **{"bundle-path": "/mlr-arkiv/pagefind/", "lang": "sv"})
    assert page.elements("script", src="/mlr-arkiv/pagefind/pagefind-component-ui.js", defer="")
    assert page.elements("script", src="/mlr-arkiv/static/sok.js", defer="")
    assert page.elements("link", href="/mlr-arkiv/pagefind/pagefind-component-ui.css")
    for tag in ("pagefind-input", "pagefind-summary", "pagefind-filter-pane", "pagefind-results"):
        assert page.elements(tag), tag
    assert "<script>" not in html, "no inline script"
    noscript = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert "Sökningen behöver JavaScript" in noscript
    assert 'href="/mlr-arkiv/beslut/"' in noscript and 'href="/mlr-arkiv/moten/"' in noscript
    assert "sok.js" not in subpath_site.html("index.html"), "the script loads only on /sok/"


@pytest.mark.parametrize("page", [*PAGE_TYPES, "sok/index.html"])
def test_every_page_has_the_header_search_form(subpath_site: Built, page: str) -> None:
    parsed = parse_html(subpath_site.html(page))
    forms = parsed.elements("form", role="search")
    assert len(forms) == 1
    assert forms[0]["action"] == "/mlr-arkiv/sok/" and forms[0]["method"] == "get"
    assert parsed.elements("input", type="search", name="q", id="sidsok")
    assert parsed.elements("label", **{"for": "sidsok"})
    assert parsed.elements("button", type="submit")


# --- Reproducible, and failing safely ------------------------------------------------------


def test_three_builds_are_byte_identical_including_the_index(tmp_path: Path) -> None:
    """Pagefind orders filters by hash map; three builds make a chance match unlikely."""
    digests = [_digest(build(tmp_path / name).out) for name in ("a", "b", "c")]
    assert digests[0] == digests[1] == digests[2]
    assert any(name.startswith("pagefind/filter/") for name in digests[0])
    assert any(name.endswith(".pf_meta") for name in digests[0])


def test_a_failing_pagefind_keeps_the_old_site(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    assert build(out).result.ok
    before = _digest(out)

    failing = tmp_path_factory.mktemp("bin") / "python"  # runs as `python -m pagefind --service`
    failing.write_text("#!/bin/sh\necho 'Error: out of memory' >&2\nexit 1\n", "utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(failing))
    failed = build(out)
    assert not failed.result.ok and not failed.result.written
    diagnostic = next(d for d in failed.result.diagnostics if d.code == "search-index-failed")
    assert "out of memory" in diagnostic.message
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_missing_pagefind_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    failed = build(tmp_path / "site")
    assert not failed.result.written
    assert any(d.code == "search-index-failed" for d in failed.result.diagnostics)
    assert not (tmp_path / "site").exists()


# --- In the browser ------------------------------------------------------------------------


def _open_search(chromium: Any, site_server: str, query: str = "") -> tuple[Any, Any, list[str]]:
    context = chromium.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.goto(_url(site_server, "sok/index.html") + (f"?q={query}" if query else ""))
    return context, tab, problems


def _type(tab: Any, words: str) -> None:
    box = tab.locator("pagefind-input input")
    box.fill(words)


def _result_links(tab: Any) -> list[str]:
    links: list[str] = tab.eval_on_selector_all(
        "pagefind-results a", "els => els.map(e => e.getAttribute('href'))"
    )
    return links


def _wait_for_link(tab: Any, fragment: str) -> None:
    tab.wait_for_selector(f'pagefind-results a[href*="{fragment}"]', timeout=15_000)


def _settled_count(tab: Any, below: int | None = None) -> int:
    """The number of results once the summary's count (below ``below``, when given) and
    the results drawn agree; the results list is emptied while a search runs."""
    tab.wait_for_function(
        """below => {
            const match = document.querySelector('pagefind-summary').textContent
                .match(/(\\d+) träff/);
            if (!match) return false;
            const count = Number(match[1]);
            const drawn = document.querySelectorAll('pagefind-results .pf-result').length;
            return count === drawn && (below === null || count < below);
        }""",
        arg=below,
        timeout=15_000,
    )
    count: int = tab.evaluate("document.querySelectorAll('pagefind-results .pf-result').length")
    return count


@pytest.mark.browser
def test_typing_finds_the_agenda_items_of_the_seed_meeting(chromium: Any, site_server: str) -> None:
    context, tab, problems = _open_search(chromium, site_server)
    _type(tab, "Industrinatten")
    _wait_for_link(tab, f"{SEED_ID}/#punkt-")
    links = _result_links(tab)
    assert any(link.startswith(f"/mlr-arkiv/moten/{SEED_ID}/#punkt-") for link in links), links
    assert all(link.startswith("/mlr-arkiv/moten/") for link in links), links
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_an_inflected_word_finds_decisions(chromium: Any, site_server: str) -> None:
    """*beslutet* is stemmed to *beslut*; results land on a decision's anchor."""
    context, tab, problems = _open_search(chromium, site_server)
    _type(tab, "beslutet")
    _wait_for_link(tab, "#beslut-")
    assert any("/moten/" in link and "#beslut-" in link for link in _result_links(tab))
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_a_search_finds_meetings_in_every_part_of_the_index(
    chromium: Any, site_server: str, subpath_site: Built
) -> None:
    """The served site's index is in four parts (one per quarter); the search page merges
    them, so a word of three meetings in three parts finds all three."""
    page = parse_html(subpath_site.html("sok/index.html"))
    (config,) = page.elements("pagefind-config")
    assert config["data-merge"].split() == [
        f"/mlr-arkiv/pagefind/delar/{key}/" for key in ("2016-07", "2017-01", "2017-04")
    ]
    for key in ("2016-07", "2017-01", "2017-04"):
        part = subpath_site.out / "pagefind" / "delar" / key
        assert (part / "pagefind-entry.json").is_file()
        assert not (part / "pagefind.js").exists(), "the scripts are the first part's only"
    context, tab, problems = _open_search(chromium, site_server, "Konsekvensanalysen")
    # Results further down are drawn when scrolled to: the first two parts' meetings are
    # drawn at once, the count covers all, and the API (merging alike) names the third.
    for meeting in ("2016-05-24-styrelsemote", "2016-09-13-kommundirektormote"):
        _wait_for_link(tab, f"/moten/{meeting}/")
    assert _settled_count(tab) >= 2
    tab.wait_for_function(
        "document.querySelector('pagefind-summary').textContent.includes('3 träffar')"
    )
    urls = tab.evaluate(
        """async (bundle) => {
            const pagefind = await import(bundle + "pagefind.js");
            const parts = document.querySelector("pagefind-config").dataset.merge.split(" ");
            for (const part of parts) await pagefind.mergeIndex(part);
            const search = await pagefind.search("Konsekvensanalysen");
            return (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);
        }""",
        "/mlr-arkiv/pagefind/",
    )
    assert sorted(urls) == [
        f"/mlr-arkiv/moten/{m}/"
        for m in ("2016-05-24-styrelsemote", "2016-09-13-kommundirektormote",
                  "2017-05-23-styrelsemote")
    ]  # fmt: skip
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_a_focus_area_filter_narrows_the_results(chromium: Any, site_server: str) -> None:
    context, tab, problems = _open_search(chromium, site_server, "beslut")
    everything = _settled_count(tab)
    group = tab.locator('pagefind-filter-pane details[data-filter-name="fokusfråga"]')
    group.locator("summary").click()
    group.get_by_label(FOCUS).check()
    narrowed = _settled_count(tab, below=everything)
    assert 0 < narrowed < everything, (narrowed, everything)
    # The same search through Pagefind's API: every result is filed under the area.
    filed = tab.evaluate(
        """async ([bundle, area]) => {
            const pagefind = await import(bundle + "pagefind.js");
            const parts = document.querySelector("pagefind-config").dataset.merge.split(" ");
            for (const part of parts) await pagefind.mergeIndex(part);
            const search = await pagefind.search("beslut", {filters: {"fokusfråga": area}});
            const data = await Promise.all(search.results.map((r) => r.data()));
            return data.map((d) => d.filters["fokusfråga"] || []);
        }""",
        ["/mlr-arkiv/pagefind/", FOCUS],
    )
    assert len(filed) == narrowed
    assert all(FOCUS in areas for areas in filed), filed
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_the_header_form_takes_the_words_to_the_search_page(
    chromium: Any, site_server: str
) -> None:
    context = chromium.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.goto(_url(site_server, "beslut/index.html"))
    tab.fill("#sidsok", "Industrinatten")
    tab.press("#sidsok", "Enter")
    tab.wait_for_url("**/mlr-arkiv/sok/?q=Industrinatten")
    _wait_for_link(tab, f"{SEED_ID}/#punkt-")
    assert tab.input_value("pagefind-input input") == "Industrinatten"
    box = tab.get_by_role("searchbox", name="Sök bland möten, beslut och åtgärder")
    assert box.input_value() == "Industrinatten", "labelled for the archive, not 'this page'"
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_without_javascript_the_form_still_reaches_the_search_page(
    chromium: Any, site_server: str
) -> None:
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(_url(site_server, "index.html"))
    tab.fill("#sidsok", "beslut")
    tab.press("#sidsok", "Enter")
    tab.wait_for_url("**/mlr-arkiv/sok/?q=beslut")
    text = tab.inner_text("main")
    assert "Sökningen behöver JavaScript" in text
    assert tab.get_by_role("link", name="Beslutsregistret").get_attribute("href") == (
        "/mlr-arkiv/beslut/"
    )
    context.close()


@pytest.mark.browser
def test_search_page_with_results_passes_axe_and_works_by_keyboard(
    chromium: Any, site_server: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, tab, problems = _open_search(chromium, site_server, "Industrinatten")
    _wait_for_link(tab, f"{SEED_ID}/#punkt-")
    results = Axe().run(
        tab, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    )
    violations = results.response.get("violations", [])
    assert results.violations_count == 0, json.dumps(
        [{"id": v["id"], "nodes": [n["html"] for n in v["nodes"][:3]]} for v in violations],
        ensure_ascii=False,
        indent=1,
    )
    reached = set()
    for _ in range(60):
        tab.keyboard.press("Tab")
        reached.add(
            tab.evaluate(
                """() => {
                    const e = document.activeElement;
                    if (e.closest('pagefind-input') && e.tagName === 'INPUT') return 'input';
                    if (e.closest('pagefind-results') && e.tagName === 'A') return 'result';
                    return '';
                }"""
            )
        )
        if {"input", "result"} <= reached:
            break
    assert {"input", "result"} <= reached, reached
    assert tab.evaluate("document.activeElement.getAttribute('href')").startswith("/mlr-arkiv/")
    context.close()
    assert not problems, problems


@pytest.mark.browser
def test_search_page_fits_a_phone(chromium: Any, site_server: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(_url(site_server, "sok/index.html") + "?q=Industrinatten")
    _wait_for_link(tab, f"{SEED_ID}/#punkt-")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
