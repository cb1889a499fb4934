"""The built site: the fixture archive rendered into HTML, asserted page by page."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import shutil
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import (
    ARCHIVE,
    BUILD_EPOCH,
    SEED,
    Built,
    Page,
    build,
    make_meeting,
    parse_html,
    with_lists,
)
from mlr_minutes.archive import ActionTrack, Archive, FocusArea, FocusEntry, build_archive
from mlr_minutes.commands.cli import main
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings
from mlr_minutes.model import Level
from mlr_minutes.render import THEME
from mlr_minutes.views.chart import CHART_MAX_BARS, activity_chart
from mlr_minutes.views.text import meeting_title

KD_APRIL = "moten/2016-04-19-kommundirektormote/index.html"
STYRELSE_MAY = "moten/2016-05-24-styrelsemote/index.html"
KD_SEPT = "moten/2016-09-13-kommundirektormote/index.html"
KD_FEB = "moten/2017-02-07-kommundirektormote/index.html"
STYRELSE_2017 = "moten/2017-05-23-styrelsemote/index.html"

YEAR_PAGES = [
    "moten/ar/2016/index.html",
    "moten/styrelsemote/ar/2016/index.html",
    "beslut/2016/index.html",
    "atgarder/avklarade/2016/index.html",
    "fokusomraden/migration-integration/2016/index.html",
    "kommuner/malmo/2016/index.html",
    "personer/eva-hallberg/2016/index.html",
]
"""A year page of each kind (the lists split by year)."""

PAGE_TYPES = [
    "index.html",
    "moten/index.html",
    "moten/styrelsemote/index.html",
    KD_APRIL,
    STYRELSE_MAY,
    "beslut/index.html",
    "atgarder/index.html",
    "fokusomraden/index.html",
    "fokusomraden/migration-integration/index.html",
    "kommuner/index.html",
    "kommuner/malmo/index.html",
    "personer/index.html",
    "personer/eva-hallberg/index.html",
    *YEAR_PAGES,
    "tillganglighet/index.html",
    "404.html",
]


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_build_reports_what_it_did(site: Built) -> None:
    assert site.result.ok
    assert site.result.meetings == 5
    assert site.result.pages == len(html_files(site.out))
    summary = site.result.summary()
    assert f"{site.result.pages} sidor skrivna" in summary and "0 fel, 0 varningar" in summary
    assert any("5 möten inlästa" in message for message in site.messages)


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_every_page_type_exists_in_swedish_with_one_h1(site: Built, page: str) -> None:
    html = site.html(page)
    assert html.startswith('<!doctype html>\n<html lang="sv">')
    parsed = parse_html(html)
    assert [level for level, _ in parsed.headings].count(1) == 1
    assert parsed.elements("main", id="innehall")
    assert parsed.elements("a", href="#innehall"), "skip link"
    assert parsed.elements("a", href="/tillganglighet/"), "accessibility statement in the footer"
    assert len(parsed.ids) == len(set(parsed.ids)), "ids are unique"
    levels = [level for level, _ in parsed.headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


def test_every_internal_link_resolves(site: Built) -> None:
    for path in html_files(site.out):
        parsed = parse_html(path.read_text("utf-8"))
        for url in parsed.urls():
            if url.startswith(("#", "mailto:", "https://www.digg.se/")):
                continue
            assert url.startswith("/"), (path, url)
            target = site.out / url.split("#")[0].lstrip("/")
            if url.split("#")[0].endswith("/"):
                target = target / "index.html"
            assert target.is_file(), (path, url)
            fragment = url.partition("#")[2]
            if fragment:
                assert f'id="{fragment}"' in target.read_text("utf-8"), (path, url)


def test_no_request_leaves_the_site(site: Built) -> None:
    for path in html_files(site.out):
        parsed = parse_html(path.read_text("utf-8"))
        for tag, attrs in parsed.tags:
            if tag == "script" and "src" not in attrs:
                assert attrs.get("type") == "application/ld+json", path  # data, no request
                continue
            if tag in ("link", "script", "img", "iframe", "source", "video", "audio"):
                url = attrs.get("href") or attrs.get("src") or ""
                assert url.startswith("/"), (path, tag, url)
    css = (site.out / "static" / "style.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css


def test_start_page_lists_latest_meetings_open_actions_and_focus_areas(site: Built) -> None:
    page = parse_html(site.html("index.html"))
    hrefs = [href for href, _ in page.links]
    assert hrefs.index("/moten/2017-05-23-styrelsemote/") < hrefs.index(
        "/moten/2016-04-19-kommundirektormote/"
    )
    assert "Öppna åtgärder med närmast sista dag" in page.text
    assert "Frågebatteri har skickats till samtliga kommuner" in page.text, "nearest due date"
    assert "Hela åtgärdslistan" in page.text
    for area in ("Arbetsmarknad och sysselsättning", "Migration & integration"):
        assert area in page.text
    assert "Senaste status: 23 maj 2017" in page.text


def test_meetings_grouped_by_year_and_filterable_by_body_without_js(site: Built) -> None:
    page = parse_html(site.html("moten/index.html"))
    years = [text for level, text in page.headings if level == 2 and text[:2] == "20"]
    assert years == ["2017", "2016"]
    assert ("/moten/styrelsemote/", "Styrelsemöte (2)") in page.links
    assert ("/moten/kommundirektormote/", "Kommundirektörmöte (3)") in page.links
    body = parse_html(site.html("moten/styrelsemote/index.html"))
    linked = {href for href, _ in body.links if href.startswith("/moten/20")}
    assert linked == {"/moten/2016-05-24-styrelsemote/", "/moten/2017-05-23-styrelsemote/"}
    assert body.elements("a", href="/moten/styrelsemote/", **{"aria-current": "page"})


def test_meeting_page_shows_metadata_attendees_and_anchored_items(site: Built) -> None:
    page = parse_html(site.html(KD_APRIL))
    text = page.text
    assert "Kommundirektörmöte 19 april 2016" in page.headings[0][1]
    assert "kl. 15.00–17.30" in text and "Stadshuset, Malmö" in text
    for anchor in ("punkt-1", "punkt-3", "punkt-11", "beslut-1", "beslut-4", "atgard-1"):
        assert anchor in page.ids
    groups = [href for href, _ in page.links if href.startswith("/kommuner/")]
    assert "/kommuner/malmo/" in groups and "/kommuner/burlov/" in groups
    assert ("/personer/jan-inge-ahlfrid/", "Jan-Inge Ahlfrid") in page.links
    assert "Bilagor" in text and "bilaga bifogas" in text
    assert "Tidslinje för Migration & integration" in text


def test_meeting_page_links_its_source_which_is_copied(site: Built) -> None:
    page = parse_html(site.html(KD_APRIL))
    href = "/moten/2016-04-19-kommundirektormote/2016-04-19-kommundirektormote.md"
    assert href in [h for h, _ in page.links]
    assert (site.out / href.lstrip("/")).read_bytes() == SEED.read_bytes()


def test_references_link_to_archived_meetings_both_ways(site: Built) -> None:
    may = parse_html(site.html(STYRELSE_MAY))
    assert ("/moten/2016-04-19-kommundirektormote/", "Kommundirektörmöte 19 april 2016") in (
        may.links
    )
    april = parse_html(site.html(KD_APRIL))
    assert "Styrelsemöte 24 maj 2016" in april.text
    assert ("/moten/2016-05-24-styrelsemote/", "Styrelsemöte 24 maj 2016") in april.links
    assert "Kommundirektörmöte 22 mars 2016 (finns inte i arkivet)" in april.text


def test_previous_and_next_meeting_of_the_same_body(site: Built) -> None:
    page = parse_html(site.html(KD_SEPT))
    assert (
        "/moten/2016-04-19-kommundirektormote/",
        "Föregående: Kommundirektörmöte 19 april 2016",
    ) in page.links
    assert (
        "/moten/2017-02-07-kommundirektormote/",
        "Nästa: Kommundirektörmöte 7 februari 2017",
    ) in page.links


def _decisions(page: str, site: Built) -> list[str]:
    return [href for href, _ in parse_html(site.html(page)).links if "#beslut-" in href]


def test_decision_register_newest_first_with_items_and_focus_tags(site: Built) -> None:
    page = parse_html(site.html("beslut/index.html"))
    years = [text for level, text in page.headings if level == 2 and text[:2] == "20"]
    assert years == ["2017"], "the main page shows the newest year"
    assert "13 beslut" in page.text
    newest = _decisions("beslut/index.html", site)
    assert newest[0] == "/moten/2017-05-23-styrelsemote/#beslut-1"
    assert newest == _decisions("beslut/2017/index.html", site)
    older = _decisions("beslut/2016/index.html", site)
    assert older[0] == "/moten/2016-09-13-kommundirektormote/#beslut-1"
    assert older[-1] == "/moten/2016-04-19-kommundirektormote/#beslut-4"
    assert len(newest) + len(older) == 13
    html = site.html("beslut/2016/index.html")
    entry = html[html.index("inriktningen för långsiktig kompetensförsörjning") :]
    entry = entry[: entry.index("</li>\n</ul>") if "</li>\n</ul>" in entry else 2000]
    assert "/fokusomraden/langsiktig-kompetensforsorjning/" in entry
    assert "/moten/2016-05-24-styrelsemote/#punkt-2" in html


def _action_block(html: str, text: str) -> str:
    start = html.rindex('<li class="action', 0, html.index(text))
    return html[start : html.index("</li>\n", html.index(text))]


def test_action_list_marks_overdue_against_the_build_date(site: Built) -> None:
    html = site.html("atgarder/index.html")
    assert "Läget gäller 1 juni 2017" in html
    open_part = html[: html.index('id="avklarade"')]
    overdue = _action_block(open_part, "Boka workshop om kompetensförsörjning")
    assert "is-overdue" in overdue and "Försenad" in overdue and "31 mars 2017" in overdue
    future = _action_block(open_part, "Ta fram förslag till gemensam bostadsförsörjningsanalys")
    assert "is-overdue" not in future and "Öppen" in future


def test_open_actions_come_first_by_due_date_then_done(site: Built) -> None:
    html = site.html("atgarder/index.html")
    done_at = html.index('id="avklarade"')
    for text in ("Boka lokal för B2B-mässan 2017", "Sammanställa kartläggningen"):
        assert html.index(text) > done_at
    dates = re.findall(r'datetime="(\d{4}-\d{2}-\d{2})"', html[:done_at])
    assert dates == sorted(dates)


def test_carried_action_closed_later_links_where_it_was_closed(site: Built) -> None:
    html = site.html("atgarder/index.html")
    block = _action_block(html, "Sammanställa kartläggningen av arbetsmarknadsinsatser")
    assert "Avklarad" in block
    assert "Styrelsemöte 24 maj 2016" in block, "the meeting of origin"
    assert "Kommundirektörmöte 13 september 2016" in block, "passed through"
    closed = block[block.index("Avklarad vid") :]
    assert "/moten/2017-02-07-kommundirektormote/#atgard-1" in closed
    assert "30 september 2016" in block, "the due date first set"


def test_carried_action_still_open_shows_every_meeting(site: Built) -> None:
    html = site.html("atgarder/index.html")
    block = _action_block(html, "Ta fram underlag om gemensam SFI-upphandling")
    assert "Avklarad vid" not in block
    assert "/moten/2016-09-13-kommundirektormote/#atgard-4" in block
    assert "/moten/2017-02-07-kommundirektormote/#atgard-2" in block
    assert "vecka 45 2016" in block and "Försenad" in block


def test_inferred_actions_are_marked(site: Built) -> None:
    html = site.html("atgarder/index.html")
    block = _action_block(html, "Utskick planeras till 3 maj.")
    assert "Tolkad ur löptext" in block
    assert "tolkad ur löptext" in site.html(KD_APRIL)


def test_closed_action_is_marked_on_the_meeting_that_set_it(site: Built) -> None:
    html = site.html(STYRELSE_MAY)
    assert "avklarad vid Kommundirektörmöte 13 september 2016" in html


def _entries(page: Page) -> list[str]:
    return [t for level, t in page.headings if level == 2 and t != "Hämta och prenumerera"]


def test_focus_area_timeline_in_date_order_with_chart_and_table(site: Built) -> None:
    html = site.html("fokusomraden/arbetsmarknad-och-sysselsattning/index.html")
    page = parse_html(html)
    assert _entries(page) == ["Kommundirektörmöte 7 februari 2017"], "the newest year"
    assert "4 möten har behandlat fokusområdet" in page.text
    older = parse_html(site.html("fokusomraden/arbetsmarknad-och-sysselsattning/2016/index.html"))
    assert _entries(older) == [
        "Kommundirektörmöte 19 april 2016",
        "Styrelsemöte 24 maj 2016",
        "Kommundirektörmöte 13 september 2016",
    ]
    assert "Åtta av tolv kommuner har svarat." in older.text
    assert not older.elements("svg"), "the chart is on the main page only"
    svg = page.elements("svg", role="img")
    assert svg and svg[0]["aria-labelledby"] == "diagram-titel diagram-beskrivning"
    assert '<title id="diagram-titel">' in html and '<desc id="diagram-beskrivning">' in html
    assert page.elements("caption") and page.elements("th", scope="row")
    assert "2016 kv. 2" in page.text and "2017 kv. 1" in page.text


def test_municipality_and_person_pages(site: Built) -> None:
    lomma = parse_html(site.html("kommuner/lomma/2016/index.html"))
    assert "Jan Sohlmér" in lomma.text
    assert "/moten/2016-05-24-styrelsemote/#punkt-2" in [href for href, _ in lomma.links]
    person = parse_html(site.html("personer/jan-inge-ahlfrid/index.html"))
    assert "ordförande" in person.text and "övrig deltagare" in person.text
    assert "Finns med i 5 mötens minnesanteckningar" in person.text
    meetings = [
        href
        for year in ("2016", "2017")
        for href, _ in parse_html(site.html(f"personer/jan-inge-ahlfrid/{year}/index.html")).links
        if href.startswith("/moten/20")
    ]
    assert len(meetings) == len(set(meetings)) == 5
    newest = {h for h, _ in person.links if h.startswith("/moten/20")}
    assert newest == {h for h in meetings if h.startswith("/moten/2017")}


def test_accessibility_statement_says_what_the_law_asks(site: Built) -> None:
    page = parse_html(site.html("tillganglighet/index.html"))
    for phrase in (
        "MalmöLundregionen",
        "delvis förenlig",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
        "27 november 2026",
        "Rapportera brister och kontakta oss",
        "Sökfunktionen kräver JavaScript",
    ):
        assert phrase in page.text
    assert "https://www.digg.se/tdosanmalan" in [href for href, _ in page.links]


def test_markdown_in_minutes_is_never_raw_html(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    source.mkdir()
    (source / "2016-04-19-kommundirektormote.md").write_text(
        "# Kommundirektörmöte\n\nMötesdatum\t2016-04-19\n\n### 1. Ärende\n\n"
        "Text <script>alert('x')</script> och [länk](javascript:alert(1)).\n",
        "utf-8",
    )
    built = build(tmp_path / "site", source)
    html = built.html("moten/2016-04-19-kommundirektormote/index.html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html.replace("[länk](javascript:alert(1))", "")
    assert 'href="javascript' not in html


def test_sub_path_every_url_is_under_the_base(subpath_site: Built) -> None:
    for path in html_files(subpath_site.out):
        for url in parse_html(path.read_text("utf-8")).urls():
            if url.startswith(("#", "mailto:", "https://www.digg.se/")):
                continue
            assert url.startswith("/mlr-arkiv/"), (path, url)
            target = subpath_site.out.parent / url.split("#")[0].lstrip("/")
            assert target.exists(), (path, url)


def _digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(tmp_path / "a")
    copy = tmp_path / "copy"
    shutil.copytree(ARCHIVE, copy)
    second = build(tmp_path / "b", copy)
    assert first.result.ok and second.result.ok
    one, two = _digest(first.out), _digest(second.out)
    assert one == two
    assert len(one) > 40


def test_without_source_date_epoch_the_build_uses_today(tmp_path: Path) -> None:
    built = build(tmp_path / "site", epoch=None)
    assert built.result.ok
    assert "Läget gäller 1 juni 2017" not in built.html("atgarder/index.html")


def _bad_archive(tmp_path: Path) -> Path:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    (source / "2017-09-01-styrelsemote.md").write_text(
        "# Styrelsemöte\n\nMötesdatum\t2017-09-01\n\n### Beslut:\n\n"
        "- Något om *Okänt fokusområde*\n\n### 1. Fokusfrågorna\n\n"
        "- *Rymdfart*: status okänd\n\n### 2. Övrigt\n\nKlart senast 31 juni.\n",
        "utf-8",
    )
    (source / "utan-datum.md").write_text("# Möte utan datum\n\nBara text.\n", "utf-8")
    return source


def test_a_bad_file_is_reported_with_its_line_and_the_rest_builds(tmp_path: Path) -> None:
    built = build(tmp_path / "site", _bad_archive(tmp_path))
    assert built.result.written
    assert not built.result.ok, "errors fail the build's exit status"
    errors = [d for d in built.result.diagnostics if d.level is Level.ERROR]
    assert errors and all(d.path.endswith("utan-datum.md") for d in errors)
    assert errors[0].line == 1 and errors[0].code == "missing-date"
    assert any(d.path.endswith("2017-09-01-styrelsemote.md") and d.line == 11
               for d in built.result.diagnostics)  # fmt: skip
    assert (built.out / "moten/2017-09-01-styrelsemote/index.html").is_file()
    assert (built.out / KD_APRIL).is_file()


def test_strict_build_with_warnings_keeps_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out).result.ok
    before = _digest(out)
    source = _bad_archive(tmp_path)
    (source / "utan-datum.md").unlink()
    failed = build(out, source, strict=True)
    assert not failed.result.ok and not failed.result.written
    assert failed.result.tally.warnings > 0
    assert "den tidigare webbplatsen är orörd" in failed.result.summary()
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes", "site"]


def test_a_failing_template_keeps_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out).result.ok
    before = _digest(out)
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "focus_area.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ view.no_such_field }}{% endblock %}',
        "utf-8",
    )
    failed = build(out, templates=broken)
    assert not failed.result.ok and not failed.result.written
    assert any(d.code == "template-error" for d in failed.result.diagnostics)
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]


def test_a_template_folder_overrides_templates_by_name(tmp_path: Path) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    base = (THEME / "base.html").read_text("utf-8")
    (override / "base.html").write_text(
        re.sub(r"\{% block header_search %\}.*?\{% endblock %\}",
               lambda _: "{% block header_search %}"
                         '<form role="search" action="{{ site.base_url }}sok/">SÖKRUTA</form>'
                         "{% endblock %}",
               base, count=1, flags=re.S),
        "utf-8",
    )  # fmt: skip
    built = build(tmp_path / "site", templates=override)
    assert built.result.ok
    assert "SÖKRUTA" in built.html("index.html") and "SÖKRUTA" in built.html(KD_APRIL)


def test_cli_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main,
        ["build", "--source", str(ARCHIVE), "--out", str(out), "--base-url", "/arkiv"],
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH},
    )
    assert result.exit_code == 0, result.output
    assert "sidor skrivna" in result.stderr
    assert 'href="/arkiv/static/style.css"' in (out / "index.html").read_text("utf-8")


MARKDOWN_PUNCTUATION = re.compile(r"[*_`#>\[\]()]")


def _source_words(path: Path) -> list[str]:
    words: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if "\t" in line:
            line = line.split("\t", 1)[1]  # the metadata label is shown as a field name
        line = re.sub(r"^\s*[-*+]\s+\[[ xX]\]\s+", "", line)
        words += re.findall(r"\w+", MARKDOWN_PUNCTUATION.sub(" ", line))
    return words


def test_every_word_of_the_seed_minutes_is_on_its_page(site: Built) -> None:
    page_words = set(re.findall(r"\w+", parse_html(site.html(KD_APRIL)).text))
    missing = [word for word in _source_words(SEED) if word not in page_words]
    assert not missing, missing


@pytest.mark.parametrize("name", sorted(p.name for p in ARCHIVE.glob("*.md")))
def test_every_word_of_each_fixture_is_on_its_page(site: Built, name: str) -> None:
    page = site.html(f"moten/{name.removesuffix('.md')}/index.html")
    page_words = set(re.findall(r"\w+", parse_html(page).text))
    missing = [word for word in _source_words(ARCHIVE / name) if word not in page_words]
    assert not missing, missing


# --- Lists split by year ----------------------------------------------------------------


def _archive() -> Archive:
    return build_archive(load_meetings([ARCHIVE], DEFAULT).meetings, DEFAULT)


@pytest.mark.parametrize(
    ("page", "title", "crumbs", "nav"),
    [
        ("beslut/2016/", "Beslut 2016", ["/", "/beslut/"], ["/beslut/2017/", "/beslut/2016/"]),
        (
            "atgarder/avklarade/2016/",
            "Avklarade åtgärder 2016",
            ["/", "/atgarder/"],
            ["/atgarder/avklarade/2017/", "/atgarder/avklarade/2016/"],
        ),
        (
            "fokusomraden/migration-integration/2016/",
            "Migration & integration 2016",
            ["/", "/fokusomraden/", "/fokusomraden/migration-integration/"],
            [
                "/fokusomraden/migration-integration/2017/",
                "/fokusomraden/migration-integration/2016/",
            ],
        ),
        (
            "kommuner/malmo/2016/",
            "Malmö 2016",
            ["/", "/kommuner/", "/kommuner/malmo/"],
            ["/kommuner/malmo/2017/", "/kommuner/malmo/2016/"],
        ),
        (
            "personer/eva-hallberg/2016/",
            "Eva Hallberg 2016",
            ["/", "/personer/", "/personer/eva-hallberg/"],
            ["/personer/eva-hallberg/2017/", "/personer/eva-hallberg/2016/"],
        ),
        ("moten/ar/2016/", "Möten 2016", ["/", "/moten/"], ["/moten/ar/2017/", "/moten/ar/2016/"]),
        (
            "moten/styrelsemote/ar/2016/",
            "Möten: Styrelsemöte 2016",
            ["/", "/moten/", "/moten/styrelsemote/"],
            ["/moten/styrelsemote/ar/2017/", "/moten/styrelsemote/ar/2016/"],
        ),
    ],
)
def test_year_pages_have_title_breadcrumbs_description_and_year_navigation(
    site: Built, page: str, title: str, crumbs: list[str], nav: list[str]
) -> None:
    html = site.html(f"{page}index.html")
    parsed = parse_html(html)
    assert f"<title>{escape(title, quote=False)} – " in html
    assert [text for level, text in parsed.headings if level == 1] == [title]
    description = parsed.elements("meta", name="description")[0]["content"]
    assert description.startswith(title) or title.split()[-1] in description, description
    assert title.split()[-1] in description
    trail = html[html.index('aria-label="Du är här"') :]
    trail = trail[: trail.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', trail) == crumbs
    assert f'<span aria-current="page">{escape(title, quote=False)}</span>' in trail
    years = html[html.index('<nav class="filters year-nav" aria-label="År">') :]
    years = years[: years.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', years) == nav, "every year, newest first"
    assert re.findall(r'href="([^"]+)" aria-current="page"', years) == [f"/{page}"]
    parent = crumbs[-1]
    for year_link in nav:
        assert (site.out / year_link.lstrip("/") / "index.html").is_file()
    main_html = site.html(parent.lstrip("/") + "index.html")
    assert f'href="/{page}"' in main_html, "the main page links the year page"


def test_main_pages_show_the_newest_year_and_link_every_year(site: Built) -> None:
    for list_page, year_links in (
        ("beslut/", ("beslut/2017/", "beslut/2016/")),
        ("fokusomraden/migration-integration/", ("2017/", "2016/")),
        ("kommuner/malmo/", ("2017/", "2016/")),
        ("personer/eva-hallberg/", ("2017/", "2016/")),
        ("moten/", ("ar/2017/", "ar/2016/")),
    ):
        html = site.html(f"{list_page}index.html")
        years = html[html.index('aria-label="År"') :]
        years = years[: years.index("</nav>")]
        assert 'aria-current="page"' not in years, "the main page is no year's page"
        for link in year_links:
            href = f"/{link}" if link.startswith(list_page) else f"/{list_page}{link}"
            assert f'href="{href}"' in years, (list_page, href)
    assert "Här visas 2017" in parse_html(site.html("beslut/index.html")).text
    assert "Här visas 2017" in parse_html(site.html("kommuner/malmo/index.html")).text


def test_every_decision_is_on_exactly_one_year_page(site: Built) -> None:
    archive = _archive()
    expected = sorted(f"/moten/{m.id}/#{d.id}" for m in archive.meetings for d in m.decisions)
    pages = sorted((site.out / "beslut").glob("*/index.html"))
    assert [p.parent.name for p in pages] == ["2016", "2017"]
    found = sorted(h for p in pages for h in _decisions(str(p.relative_to(site.out)), site))
    assert found == expected
    newest = _decisions("beslut/index.html", site)
    assert newest == _decisions("beslut/2017/index.html", site)


def test_every_timeline_entry_is_on_exactly_one_year_page(site: Built) -> None:
    for area in _archive().focus_areas:
        expected = [meeting_title(e.meeting) for e in area.entries]
        folder = site.out / "fokusomraden" / area.slug
        found = []
        for year in sorted(p.parent.name for p in folder.glob("*/index.html")):
            found += _entries(parse_html(site.html(f"fokusomraden/{area.slug}/{year}/index.html")))
        assert found == expected, area.name
        main = _entries(parse_html(site.html(f"fokusomraden/{area.slug}/index.html")))
        newest = str(area.entries[-1].meeting.date.year if area.entries[-1].meeting.date else "")
        assert main == [meeting_title(e.meeting) for e in area.entries
                        if e.meeting.date and str(e.meeting.date.year) == newest]  # fmt: skip


def test_every_done_action_is_on_exactly_one_year_page(site: Built) -> None:
    archive = _archive()
    done = {f"{t.origin.meeting.id}-{t.origin.action.id}" for t in archive.tracks if t.done}
    assert done
    found: list[str] = []
    for path in sorted((site.out / "atgarder" / "avklarade").glob("*/index.html")):
        ids = re.findall(r'<li class="action[^"]*" id="([^"]+)"', path.read_text("utf-8"))
        found += ids
        if path.parent.name == "2016":
            assert "2016-05-24-styrelsemote-atgard-1" not in ids, "closed in 2017"
    assert sorted(found) == sorted(done)
    html = site.html("atgarder/index.html")
    listed = re.findall(
        r'<li class="action[^"]*" id="([^"]+)"', html[html.index('id="avklarade"') :]
    )
    assert set(listed) <= done and len(listed) == min(len(done), 20)
    open_ids = {f"{t.origin.meeting.id}-{t.origin.action.id}" for t in archive.tracks if not t.done}
    listed_open = re.findall(
        r'<li class="action[^"]*" id="([^"]+)"', html[: html.index('id="avklarade"')]
    )
    assert set(listed_open) == open_ids, "few open actions: all on the action list"
    assert not (site.out / "atgarder" / "oppna").exists()


def test_sitemap_lists_the_year_pages(site: Built) -> None:
    sitemap = (site.out / "sitemap.xml").read_text("utf-8")
    for page in YEAR_PAGES:
        assert f"<loc>/{page.removesuffix('index.html')}</loc>" in sitemap, page


def test_meeting_year_paths_cannot_collide_with_meetings_or_bodies(site: Built) -> None:
    meetings = {p.parent.name for p in (site.out / "moten").glob("*/index.html")}
    assert "ar" not in meetings, "year pages sit under moten/ar/, never a meeting or body"
    assert (site.out / "moten" / "ar" / "2016" / "index.html").is_file()


# --- A growing archive ------------------------------------------------------------------

TEMPLATES = [SEED, *sorted(ARCHIVE.glob("*.md"))]
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MAIN_PAGES = [
    "beslut/index.html",
    "atgarder/index.html",
    "moten/index.html",
    "moten/kommundirektormote/index.html",
    "fokusomraden/migration-integration/index.html",
    "kommuner/malmo/index.html",
    "personer/eva-hallberg/index.html",
]


def _grown_archive(folder: Path, first_year: int, years: int, per_year: int = 10) -> Path:
    """``per_year`` meetings a year from ``first_year`` on, written from the fixture minutes
    the way benchmarks/bench.py does (the first date of a file becomes the meeting's)."""
    folder.mkdir(parents=True)
    texts = [path.read_text("utf-8") for path in TEMPLATES]
    for year in range(first_year, first_year + years):
        for index in range(per_year):
            date = dt.date(year, 1 + index, 10 + index)
            number = (year - first_year) * per_year + index
            text = ISO_DATE.sub(date.isoformat(), texts[number % len(texts)], count=1)
            body = "styrelsemote" if "Styrelsemöte" in text.split("\n## ", 1)[0] else ""
            name = f"{date.isoformat()}-{body or 'kommundirektormote'}.md"
            (folder / name).write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    """60 meetings over 2010–2015, and the same archive's newest three years alone (as many
    as the meeting lists show)."""
    root = tmp_path_factory.mktemp("grown")
    # Few open actions fit on the action list, so that its year pages are built too.
    config = with_lists(open_actions=5, done_actions=3)
    whole = build(root / "whole", _grown_archive(root / "all", 2010, 6), config=config)
    newest = build(root / "newest", _grown_archive(root / "three", 2013, 3), config=config)
    assert whole.result.ok and newest.result.ok
    assert whole.result.meetings == 60 and newest.result.meetings == 30
    return whole, newest


@pytest.mark.parametrize("page", MAIN_PAGES)
def test_main_pages_stay_the_same_size_as_the_archive_grows(
    grown: tuple[Built, Built], page: str
) -> None:
    whole, newest = grown
    size, alone = (len((b.out / page).read_bytes()) for b in (whole, newest))
    # Three more years in each year navigation (the action list has two), and for a focus
    # area three more years of quarters in the chart (at most CHART_MAX_BARS bars).
    allowance = 10_000 if page.startswith("fokusomraden/") else 3_000
    assert size <= alone + allowance, (page, size, alone)


def test_a_grown_archive_has_a_page_for_every_year(grown: tuple[Built, Built]) -> None:
    whole, _ = grown
    years = [str(year) for year in range(2015, 2009, -1)]
    for folder in ("beslut", "moten/ar", "moten/styrelsemote/ar", "kommuner/malmo"):
        found = sorted(p.parent.name for p in (whole.out / folder).glob("*/index.html"))
        assert found == sorted(years), folder
    beslut = whole.html("beslut/index.html")
    nav = beslut[beslut.index('aria-label="År"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'href="/beslut/(\d+)/"', nav) == years
    meetings = parse_html(whole.html("moten/index.html"))
    shown = [t for level, t in meetings.headings if level == 2 and t[:2] == "20"]
    assert shown == years[: DEFAULT.lists.meeting_years]


def test_a_grown_archive_keeps_every_open_and_done_action(grown: tuple[Built, Built]) -> None:
    whole, _ = grown
    archive = build_archive(load_meetings([whole.out.parent / "all"], DEFAULT).meetings, DEFAULT)

    def ids(path: Path, end: str = "") -> list[str]:
        html = path.read_text("utf-8")
        html = html[: html.index(end)] if end else html
        return re.findall(r'<li class="action[^"]*" id="([^"]+)"', html)

    def key(track: ActionTrack) -> str:
        return f"{track.origin.meeting.id}-{track.origin.action.id}"

    main = whole.out / "atgarder" / "index.html"
    open_ids = ids(main, 'id="avklarade"')
    assert len(open_ids) == 5, "the nearest five"
    for path in sorted((whole.out / "atgarder" / "oppna").glob("*/index.html")):
        open_ids += ids(path)
        assert 'aria-current="page"' in path.read_text("utf-8")
    assert sorted(open_ids) == sorted(key(t) for t in archive.tracks if not t.done)
    done_pages = (whole.out / "atgarder" / "avklarade").glob("*/index.html")
    done_ids = [i for path in done_pages for i in ids(path)]
    assert sorted(done_ids) == sorted(key(t) for t in archive.tracks if t.done)
    html = main.read_text("utf-8")
    assert len(ids(main)) == 5 + 3
    assert 'aria-label="År, öppna åtgärder"' in html
    assert 'aria-label="År, avklarade åtgärder"' in html
    assert "/atgarder/oppna/" in html and "/atgarder/avklarade/2015/" in html


def test_a_long_timeline_charts_years_not_quarters() -> None:
    entries = tuple(
        FocusEntry(make_meeting(f"{year}-0{quarter * 3}-10"), (), (), ())
        for year in range(1990, 2016)
        for quarter in (1, 2, 3)
    )
    chart = activity_chart(FocusArea("Migration & integration", "migration-integration", entries))
    assert chart is not None and chart.period == "år"
    assert len(chart.bars) == 26 <= CHART_MAX_BARS
    assert chart.rows[0].period == "1990" and chart.rows[0].meetings == 3
    assert "per år" in chart.description
    long = tuple(
        FocusEntry(make_meeting(f"{year}-03-10"), (), (), ()) for year in range(1900, 2016)
    )
    chart = activity_chart(FocusArea("Migration & integration", "migration-integration", long))
    assert chart is not None and chart.period == "period"
    assert len(chart.bars) <= CHART_MAX_BARS
    assert sum(row.meetings for row in chart.rows) == 116
    assert chart.rows[0].period == "1900–1902"


def test_a_meeting_year_page_filters_by_body_within_the_year(site: Built) -> None:
    page = parse_html(site.html("moten/styrelsemote/ar/2016/index.html"))
    assert ("/moten/ar/2016/", "Alla möten (3)") in page.links
    assert ("/moten/kommundirektormote/ar/2016/", "Kommundirektörmöte (2)") in page.links
    assert page.elements("a", href="/moten/styrelsemote/ar/2016/", **{"aria-current": "page"})
    linked = {href for href, _ in page.links if href.startswith("/moten/20")}
    assert linked == {"/moten/2016-05-24-styrelsemote/"}


def test_the_build_never_replaces_a_folder_it_did_not_build(tmp_path: Path) -> None:
    notes = tmp_path / "anteckningar"
    notes.mkdir()
    (notes / "viktigt.txt").write_text("inte en webbplats", "utf-8")
    refused = build(notes)
    assert not refused.result.written
    assert [d.code for d in refused.result.diagnostics] == ["unsafe-output"]
    assert (notes / "viktigt.txt").read_text("utf-8") == "inte en webbplats"
    inside = build(ARCHIVE.parent)  # the folder holding the minutes
    assert not inside.result.written
    assert "unsafe-output" in [d.code for d in inside.result.diagnostics]
    first = build(tmp_path / "site")
    assert (first.out / ".mlr-minutes-site").is_file()
    assert build(tmp_path / "site").result.written  # an earlier build is replaced
