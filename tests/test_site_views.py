"""Views, archive indexes and Markdown rendering, on meetings built in Python."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

import mlr_minutes.build as build_module
from conftest import build, day, make_action, make_meeting, with_lists
from mlr_minutes.archive import Archive, build_archive, normalise_text, slugify
from mlr_minutes.config import DEFAULT, Config
from mlr_minutes.load import parse_file
from mlr_minutes.model import (
    ActionItem,
    DateValue,
    Decision,
    FocusAreaStatus,
    Meeting,
    Precision,
    Reference,
    Segment,
    SegmentKind,
)
from mlr_minutes.render import render_inline, render_markdown
from mlr_minutes.views.actions import ActionsView, ActionsYearView
from mlr_minutes.views.context import Context
from mlr_minutes.views.decisions import DecisionsView
from mlr_minutes.views.meeting import MeetingView
from mlr_minutes.views.site import site_pages
from mlr_minutes.views.text import format_date, format_date_value
from mlr_minutes.views.types import Mark, MarkdownText, Page
from mlr_minutes.views.urls import Urls, normalise_base_url
from mlr_minutes.views.years import UNDATED, by_year, year_key, year_nav, year_text


def _pages(archive: Archive, config: Config = DEFAULT) -> dict[str, Page]:
    """Every page of the archive's site, by path, built on 1 January 2017."""
    context = Context.of(archive, Urls("/"), dt.date(2017, 1, 1), config)
    return {page.path: page for page in site_pages(context)}


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2016, 4, 19), "19 april 2016"),
        (dt.date(2017, 1, 1), "1 januari 2017"),
        (dt.date(2016, 12, 31), "31 december 2016"),
    ],
)
def test_dates_are_written_the_swedish_way(date: dt.date, text: str) -> None:
    assert format_date(date) == text


@pytest.mark.parametrize(
    ("start", "end", "precision", "text"),
    [
        ("2016-09-30", "2016-09-30", Precision.DAY, "30 september 2016"),
        ("2016-11-07", "2016-11-13", Precision.WEEK, "vecka 45 2016"),
        ("2016-06-01", "2016-06-30", Precision.MONTH, "juni 2016"),
        ("2016-09-08", "2016-09-09", Precision.RANGE, "8–9 september 2016"),
        ("2016-08-30", "2016-09-02", Precision.RANGE, "30 augusti–2 september 2016"),
        ("2016-01-01", "2016-12-31", Precision.YEAR, "2016"),
    ],
)
def test_date_values_keep_their_precision(
    start: str, end: str, precision: Precision, text: str
) -> None:
    value = DateValue(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision, "x")
    assert format_date_value(value) == text


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kommundirektörmöte", "kommundirektormote"),
        ("Migration & integration", "migration-integration"),
        ("Lars-Åke Ståhl", "lars-ake-stahl"),
        ("Jan Sohlmér", "jan-sohlmer"),
        ("Höör", "hoor"),
        ("  ", "x"),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("given", "base"),
    [("/", "/"), ("", "/"), ("mlr-arkiv", "/mlr-arkiv/"), ("/mlr-arkiv", "/mlr-arkiv/"),
     ("/a/b/", "/a/b/")],
)  # fmt: skip
def test_base_url_is_normalised(given: str, base: str) -> None:
    assert normalise_base_url(given) == base


def test_raw_html_in_minutes_is_escaped() -> None:
    html = render_markdown(MarkdownText("Hej <script>alert(1)</script> <b>fet</b>\n"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>" not in html


@pytest.mark.parametrize(
    "markdown",
    [
        "[klicka](javascript:alert(1))",
        "[klicka](JAVASCRIPT:alert(1))",
        "[klicka](vbscript:msgbox)",
        "<javascript:alert(1)>",
        "[klicka](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_script_links_never_become_links(markdown: str) -> None:
    html = render_markdown(MarkdownText(markdown))
    assert "<a" not in html
    assert "href" not in html


def test_images_are_not_fetched() -> None:
    html = render_markdown(MarkdownText("![logga](https://example.com/logga.png)"))
    assert "<img" not in html
    assert "logga" in html


def test_a_table_of_the_minutes_scrolls_in_its_own_frame() -> None:
    # A wide table must not widen the page on a phone (WCAG 1.4.10): it gets the frame
    # the site's own tables have, a focusable region that scrolls sideways.
    html = render_markdown(MarkdownText("| Namn | Uppdrag |\n|---|---|\n| Lars Öst | Revisor |\n"))
    frame = '<div class="table-wrap" role="region" aria-label="Tabell" tabindex="0">'
    assert html.startswith(frame + "\n<table>")
    assert html.rstrip().endswith("</table>\n</div>")
    assert "<td>Lars Öst</td>" in html


def test_headings_inside_text_are_kept_below_the_page_headings() -> None:
    html = render_markdown(MarkdownText("# Stor rubrik\n\ntext", heading_level=4))
    assert "<h4>Stor rubrik</h4>" in html


def test_task_boxes_are_shown_as_marks_not_brackets() -> None:
    html = render_markdown(MarkdownText("- [ ] öppen uppgift\n- [x] klar uppgift\n"))
    assert "[ ]" not in html and "[x]" not in html
    assert "Ej avklarad: " in html and "Avklarad: " in html
    assert "öppen uppgift" in html and "klar uppgift" in html


def test_marks_land_on_their_line() -> None:
    text = MarkdownText(
        "Inledning.\n\n- första\n- andra\n  - underpunkt\n",
        (Mark(4, "beslut", "beslut-1", "Beslut 1"), Mark(5, "atgard", "atgard-1", "Åtgärd 1")),
    )
    html = str(render_markdown(text))
    first = html.index('id="beslut-1"')
    assert html.index("andra") > first > html.index("första")
    assert html.index("underpunkt") > html.index('id="atgard-1"') > html.index("andra")


def test_a_mark_in_prose_goes_to_its_line_within_the_paragraph() -> None:
    text = MarkdownText(
        "Första raden.\nAndra raden.\n", (Mark(2, "atgard", "atgard-1", "Åtgärd 1"),)
    )
    html = str(render_markdown(text))
    assert html.index("Första raden.") < html.index('id="atgard-1"') < html.index("Andra raden.")


def test_a_mark_beyond_the_text_is_still_shown() -> None:
    html = str(
        render_markdown(MarkdownText("Text.", (Mark(10, "beslut", "beslut-1", "Beslut 1"),)))
    )
    assert 'id="beslut-1"' in html


def test_a_text_rendered_again_is_the_same_html_and_its_marks_are_part_of_the_key() -> None:
    plain = MarkdownText("- första\n- andra\n")
    marked = MarkdownText(plain.markdown, (Mark(2, "beslut", "beslut-1", "Beslut 1"),))
    assert render_markdown(plain) == render_markdown.__wrapped__(plain)
    assert render_markdown(MarkdownText("- första\n- andra\n")) is render_markdown(plain)
    assert 'id="beslut-1"' in render_markdown(marked)
    assert 'id="beslut-1"' not in render_markdown(plain)
    assert render_markdown(marked) == render_markdown.__wrapped__(marked)


def test_inline_headings_keep_emphasis_and_escape() -> None:
    assert str(render_inline("*Besluts- och diskussionspunkter* <i>")) == (
        "<em>Besluts- och diskussionspunkter</em> &lt;i&gt;"
    )


def _meeting_view(meetings: list[Meeting], meeting_id: str) -> MeetingView:
    archive = build_archive(meetings, DEFAULT)
    for page in _pages(archive).values():
        if isinstance(page.view, MeetingView) and page.view.id == meeting_id:
            return page.view
    raise AssertionError(meeting_id)


def test_an_action_carried_and_ticked_later_is_closed_there() -> None:
    first = make_meeting("2016-04-19", actions=(make_action("Boka lokal", due="2016-06-15"),))
    second = make_meeting(
        "2016-09-13", actions=(make_action("Boka  lokal!", due="2016-06-15", done=True),)
    )
    archive = build_archive([first, second], DEFAULT)
    (track,) = archive.tracks
    assert track.closed_in is second
    assert [a.meeting for a in track.appearances] == [first, second]
    view = _meeting_view([first, second], first.id)
    (mark,) = view.segments[-1].text.marks
    assert any(
        "avklarad vid Kommundirektörmöte 13 september 2016" in link.text for link in mark.links
    )


def test_an_action_still_open_later_stays_open() -> None:
    first = make_meeting("2016-04-19", actions=(make_action("Boka lokal", due="2016-06-15"),))
    second = make_meeting("2016-09-13", actions=(make_action("Boka lokal", due="2016-06-15"),))
    (track,) = build_archive([first, second], DEFAULT).tracks
    assert not track.done
    assert len(track.appearances) == 2


def test_the_same_words_twice_in_one_meeting_are_two_tasks() -> None:
    meeting = make_meeting(
        actions=(make_action("Rapportera", number=1), make_action("Rapportera", number=2))
    )
    assert len(build_archive([meeting], DEFAULT).tracks) == 2


def test_normalised_text_ignores_case_and_punctuation() -> None:
    assert normalise_text("Boka  LOKAL, för mässan!") == "boka lokal för mässan"


def test_references_resolve_by_body_and_date() -> None:
    earlier = make_meeting("2016-04-19")
    later = make_meeting(
        "2016-05-24",
        "Styrelsemöte",
        references=(
            Reference("Kommundirektörmöte", day("2016-04-19"), "kommundirektörmötet 19 april", 12),
            Reference("Kommundirektörmöte", day("2016-03-22"), "kommundirektörmötet 22 mars", 12),
            Reference("Styrelsemöte", day("2016-04-19"), "styrelsen 19 april", 12),
        ),
    )
    archive = build_archive([earlier, later], DEFAULT)
    assert archive.resolved == {(later.id, 0): earlier}
    assert archive.cited_by[earlier.id] == (later,)


def test_a_decision_is_tagged_with_focus_areas_by_item_and_by_name() -> None:
    meeting = make_meeting(
        decisions=(
            Decision("beslut-1", "Godkändes", (), "1", None, 12, 1),
            Decision("beslut-2", "Mer om bostadsbyggande", (), None, None, 13, 2),
            Decision("beslut-3", "Integrationsinsatser utreds", (), None, None, 14, 3),
        ),
        focus=(FocusAreaStatus("Migration & integration", "Migration", "pågår", "1", 12),),
    )
    archive = build_archive([meeting], DEFAULT)
    assert archive.decision_focus[(meeting.id, "beslut-1")] == ("Migration & integration",)
    assert archive.decision_focus[(meeting.id, "beslut-2")] == ("Stimulera ökat bostadsbyggande",)
    assert archive.decision_focus[(meeting.id, "beslut-3")] == ()


def test_previous_and_next_are_of_the_same_body() -> None:
    a = make_meeting("2016-04-19")
    b = make_meeting("2016-05-24", "Styrelsemöte")
    c = make_meeting("2016-09-13")
    archive = build_archive([c, b, a], DEFAULT)
    assert archive.neighbours[a.id] == (None, c)
    assert archive.neighbours[c.id] == (a, None)
    assert archive.neighbours[b.id] == (None, None)


def test_meeting_view_marks_decisions_at_their_line() -> None:
    meeting = make_meeting(
        markdown="Text om ärendet.\n\n**Beslut:** Godkändes.\n",
        decisions=(Decision("beslut-1", "Godkändes.", (), "1", None, 14, 1),),
    )
    view = _meeting_view([meeting], meeting.id)
    item = view.segments[-1]
    assert item.anchor == "punkt-1"
    assert item.text.marks[0].id == "beslut-1"
    assert item.text.marks[0].line == 14, "the source line"
    html = str(render_markdown(item.text))
    assert html.index("Text om ärendet") < html.index('id="beslut-1"')


def test_an_action_named_by_its_id_in_later_minutes_continues_its_track() -> None:
    first = make_meeting("2016-04-19", actions=(make_action("Boka lokal", due="2016-06-15"),))
    second = make_meeting(
        "2016-09-13",
        actions=(make_action("Klart: 2016-04-19-kommundirektormote#atgard-1", done=True),),
    )
    (track,) = build_archive([first, second], DEFAULT).tracks
    assert track.closed_in is second


def test_inferred_sentences_are_not_carried_across_meetings() -> None:
    inferred = ActionItem(
        "atgard-1", "Avrapportering till styrelsen", (), None, False, True, "1", 12, 1
    )
    first = make_meeting("2016-04-19", actions=(inferred,))
    second = make_meeting("2016-09-13", actions=(inferred,))
    assert len(build_archive([first, second], DEFAULT).tracks) == 2


def test_repeated_headings_get_unique_anchors() -> None:
    segments = (
        Segment(SegmentKind.ITEM, "3. Ett", "a", 10, 11, "3"),
        Segment(SegmentKind.ITEM, "3. Ett igen", "b", 12, 13, "3"),
        Segment(SegmentKind.DECISIONS, "Beslut", "- x", 14, 15),
    )
    meeting = make_meeting(
        segments=segments,
        decisions=(Decision("beslut-1", "x", (), None, None, 15, 1),),
    )
    view = _meeting_view([meeting], meeting.id)
    anchors = [s.anchor for s in view.segments]
    assert anchors == ["punkt-3", "punkt-3--2", "beslutslista"]


def test_progress_is_reported_on_long_builds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(build_module, "PROGRESS_EVERY", 10)
    built = build(tmp_path / "site")
    assert "10 sidor skrivna …" in built.messages and "50 sidor skrivna …" in built.messages


# --- Lists split by year ----------------------------------------------------------------


def test_items_are_grouped_by_year_newest_first_and_undated_last() -> None:
    grouped = by_year([("2015", "a"), (UNDATED, "b"), ("2016", "c"), ("2015", "d")])
    assert list(grouped) == ["2016", "2015", UNDATED]
    assert grouped["2015"] == ["a", "d"], "order within a year is kept"
    assert year_key(None) == UNDATED and year_text(UNDATED) == "Utan datum"
    nav = year_nav({"2016": 1, "2015": 2}, Urls("/").decisions_year, "2015")
    assert [(y.href, y.text, y.count, y.current) for y in nav] == [
        ("/beslut/2016/", "2016", 1, False),
        ("/beslut/2015/", "2015", 2, True),
    ]


def _decision(text: str) -> Decision:
    return Decision("beslut-1", text, (), "1", None, 12, 1)


def test_every_list_gets_a_page_per_year_and_undated_goes_under_utan_datum() -> None:
    meetings = [
        make_meeting("2014-03-11", decisions=(_decision("Första"),)),
        make_meeting("2016-05-24", "Styrelsemöte", decisions=(_decision("Andra"),)),
    ]
    undated = replace(make_meeting("2015-01-01", decisions=(_decision("Tredje"),)), date=None)
    undated = replace(undated, id="utan-datum-kommundirektormote")
    archive = build_archive([*meetings, undated], DEFAULT)
    pages = _pages(archive)
    for path in (
        "beslut/2016/index.html",
        "beslut/2014/index.html",
        "beslut/utan-datum/index.html",
        "moten/ar/2014/index.html",
        "moten/styrelsemote/ar/2016/index.html",
    ):
        assert path in pages, path
    register = pages["beslut/index.html"].view
    assert isinstance(register, DecisionsView) and register.main
    assert [y.year for y in register.years] == ["2016"], "the newest year"
    assert [(y.text, y.current) for y in register.nav] == [
        ("2016", False),
        ("2014", False),
        ("Utan datum", False),
    ]
    year = pages["beslut/utan-datum/index.html"]
    assert year.title == "Beslut utan datum"
    assert isinstance(year.view, DecisionsView) and not year.view.main
    assert [d.text for y in year.view.years for d in y.decisions] == ["Tredje"]
    assert [y.current for y in year.view.nav] == [False, False, True]
    assert year.description and [c.href for c in year.breadcrumbs] == ["/", "/beslut/"]


def test_open_actions_beyond_the_list_go_by_the_year_they_are_due() -> None:
    first = make_meeting(
        "2015-02-10",
        actions=(
            make_action("Nära", due="2016-03-01"),
            make_action("Långt bort", number=2, due="2018-06-01"),
            make_action("Odaterad", number=3),
        ),
    )
    archive = build_archive([first], DEFAULT)
    pages = _pages(archive, with_lists(open_actions=1))
    actions = pages["atgarder/index.html"].view
    assert isinstance(actions, ActionsView)
    assert [a.text for a in actions.open] == ["Nära"] and actions.open_count == 3
    assert [y.href for y in actions.open_years] == [
        "/atgarder/oppna/2018/",
        "/atgarder/oppna/2015/",
    ]
    later = pages["atgarder/oppna/2018/index.html"].view
    assert isinstance(later, ActionsYearView) and [a.text for a in later.actions] == ["Långt bort"]
    undated = pages["atgarder/oppna/2015/index.html"].view
    assert isinstance(undated, ActionsYearView)
    assert [a.text for a in undated.actions] == ["Odaterad"], "undated: the year it was set"
    assert pages["atgarder/oppna/2015/index.html"].title == "Öppna åtgärder 2015"


def test_a_task_carried_for_long_links_only_its_latest_meetings() -> None:
    meetings = [
        make_meeting(f"2016-{month:02d}-10", actions=(make_action("Boka lokal", due="2018-01-01"),))
        for month in range(1, 11)
    ]
    archive = build_archive(meetings, DEFAULT)
    pages = _pages(archive)
    actions = pages["atgarder/index.html"].view
    assert isinstance(actions, ActionsView)
    (row,) = actions.open
    assert len(row.passed) == DEFAULT.lists.carried_links
    assert row.passed_earlier == 9 - DEFAULT.lists.carried_links
    assert row.passed[-1].href == "/moten/2016-10-10-kommundirektormote/#atgard-1"


def test_minutes_written_under_the_title_read_in_the_body(tmp_path: Path) -> None:
    """A board's news post holds its decisions under the title: that text is the body of
    the page, with its marks, and only the title stays above the heading."""

    source = (
        Path(__file__).parent / "fixtures" / "conventions" / "decisions-news-post-under-title.md"
    )
    path = tmp_path / "2025-11-12-styrelsemote.md"
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    meeting = parse_file(path, DEFAULT)
    view = _meeting_view([meeting], meeting.id)
    kinds = [s.kind for s in view.segments]
    assert kinds[:2] == ["title", "preamble"]
    title, preamble = view.segments[:2]
    assert title.heading == "Nytt från styrelsemötet 12 november 2025"
    assert not title.text.markdown
    assert "Föreningen Lindviks Roddklubb" in preamble.text.markdown
    assert [m.id for m in preamble.text.marks][:2] == ["beslut-1", "beslut-2"]
    html = str(render_markdown(preamble.text))
    assert html.index("Styrelsen lade rapporten") < html.index("Därefter beslutades")
