"""One error contract: a problem between files keeps the later file out and names both; the
writer never writes one path twice; a template error names its file, line and page."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import SEED, build
from mlr_minutes.config import DEFAULT, extend
from mlr_minutes.model import Level
from mlr_minutes.render import THEME
from mlr_minutes.write import DuplicateOutput, SiteWriter

MEETING = "moten/2016-04-19-kommundirektormote/index.html"


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_files_of_one_meeting_publish_one_page_and_name_both(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    source.mkdir()
    first, second = source / "1-forsta.md", source / "2-andra.md"
    text = SEED.read_text("utf-8")
    first.write_text(text, "utf-8")
    second.write_text(text.replace("Arbetsgruppen redovisade", "KOPIAN redovisade"), "utf-8")
    built = build(tmp_path / "site", source)
    assert built.result.written and not built.result.ok, "published, but the run fails"
    (problem,) = [d for d in built.result.diagnostics if d.level is Level.ERROR]
    assert problem.code == "duplicate-id"
    assert problem.path == str(second), "reported on the later file"
    assert str(first) in problem.message, "naming the earlier one"
    assert built.result.meetings == 1
    page = built.html(MEETING)
    assert "Arbetsgruppen redovisade" in page and "KOPIAN" not in page, "the earlier file's page"
    index = json.loads((built.out / "api" / "meetings.json").read_text("utf-8"))
    assert [m["id"] for m in index] == ["2016-04-19-kommundirektormote"]
    sitemap = (built.out / "sitemap.xml").read_text("utf-8")
    assert sitemap.count("/moten/2016-04-19-kommundirektormote/<") == 1
    source_copy = built.out / "moten/2016-04-19-kommundirektormote/2016-04-19-kommundirektormote.md"
    assert source_copy.read_bytes() == first.read_bytes()


def test_the_writer_refuses_a_second_write_to_one_path(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path)
    writer.write_text("moten/x/index.html", "första")
    for again in ("moten/x/index.html", "moten/./x/index.html", "moten/y/../x/index.html"):
        with pytest.raises(DuplicateOutput, match="samma fil"):
            writer.write_bytes(again, b"andra")
    assert (tmp_path / "moten/x/index.html").read_text("utf-8") == "första"
    assert writer.files == 1


def test_two_pages_at_one_address_fail_the_build_and_keep_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out).result.ok
    before = _digest(out)
    # Slugs fold punctuation away: both areas would get /fokusomraden/migration-integration/.
    config = extend(DEFAULT, {"focus_areas": {"Migration – integration": []}})
    failed = build(out, config=config)
    assert not failed.result.ok and not failed.result.written
    (problem,) = [d for d in failed.result.diagnostics if d.code == "duplicate-output"]
    assert problem.path == str(out / "fokusomraden/migration-integration/index.html")
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no staging folder left"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "focus_area.html",
            '{% extends "base.html" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n'
            "<p>{{ view.no_such_field }}</p>\n{% endblock %}\n",
            4,
        ),
        (
            # The error is raised in the filter's Python code; the template line is still
            # the one that called it.
            "focus_area.html",
            '{% extends "base.html" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n\n'
            "\n{{ view.name|markdown }}\n{% endblock %}\n",
            6,
        ),
    ],
    ids=["missing-field", "in-a-filter"],
)
def test_a_template_error_names_the_template_its_line_and_the_page(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    override = tmp_path / "templates"
    override.mkdir()
    (override / name).write_text(text, "utf-8")
    failed = build(tmp_path / "site", templates=override)
    assert not failed.result.written
    (problem,) = [d for d in failed.result.diagnostics if d.code == "template-error"]
    assert (problem.path, problem.line) == (str(override / name), line)
    assert "fokusomraden/" in problem.message and "index.html" in problem.message, "the page"
    assert problem.format().startswith(f"{override / name}:{line}: error: ")


def test_an_error_in_a_shared_template_points_into_it(tmp_path: Path) -> None:
    """A macro used by many pages fails inside the macro file, not where it was called."""
    override = tmp_path / "templates"
    override.mkdir()
    macros = (THEME / "_macros.html").read_text("utf-8")
    start = "{% macro tags(items) %}\n"
    broken = macros.replace(start, start + "{{ items.no_such_thing }}\n", 1)
    (override / "_macros.html").write_text(broken, "utf-8")
    line = macros[: macros.index(start)].count("\n") + 2
    failed = build(tmp_path / "site", templates=override)
    (problem,) = [d for d in failed.result.diagnostics if d.code == "template-error"]
    assert (problem.path, problem.line) == (str(override / "_macros.html"), line)
