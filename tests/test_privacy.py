"""The personal-data guard: identity numbers are errors that keep a file off the site,
private contact details warnings; internal sections never reach any published file."""

from __future__ import annotations

import gzip
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ARCHIVE, build
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings, parse_file
from mlr_minutes.model import Level
from mlr_minutes.parse.internal import internal_sections, without_internal
from mlr_minutes.parse.privacy import is_identity_number, personal_data

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "written",
    ["19811218-9876", "811218-9876", "8112189876", "198112189876", "811218+9876",
     "811218 9876", "811278-9873", "19811278-9873"],
)  # fmt: skip
def test_identity_numbers_in_every_form_are_found(written: str) -> None:
    assert is_identity_number(written)
    (problem,) = personal_data("x.md", f"Närvarande: Anna ({written})", DEFAULT)
    assert (problem.level, problem.line, problem.code) == (
        Level.ERROR, 1, "personal-identity-number",
    )  # fmt: skip
    assert problem.hint


@pytest.mark.parametrize(
    "text",
    [
        "Referens 811218-9875 (fel kontrollsiffra)",
        "Samordningsnummer med fel siffra 811278-9874",
        "Dnr 2016/123 och KS 2016-1234",
        "Dnr KS 2023/145, ärendenummer 2016-000123",
        "Malmö stad, organisationsnummer 212000-1124",
        "Mötet 2016-04-19 kl. 09.00–12.00, budget 10 000 000 kr, 2016-2019",
        "Sidan 20160419 och postnummer 211 20",
    ],
)
def test_what_is_no_identity_number_is_not_flagged(text: str) -> None:
    assert [d.code for d in personal_data("x.md", text, DEFAULT)] == []


def test_contacts_warn_unless_they_are_the_organisations_own() -> None:
    text = (
        "Kontakt: anna.andersson@gmail.com, 070-123 45 67\n"
        "Växeln 040-34 10 00, info@lund.se, +46 40 34 10 00\n"
    )
    found = personal_data("x.md", text, DEFAULT)
    assert [(d.level, d.line, d.code) for d in found] == [
        (Level.WARNING, 1, "private-contact")
    ] * 2 + [(Level.WARNING, 2, "private-contact")] * 3
    own = replace(DEFAULT, public_contacts=("@lund.se", "040-34 10 00"))
    assert [d.line for d in personal_data("x.md", text, own)] == [1, 1]


def test_a_letterhead_holds_the_organisations_own_contacts() -> None:
    """An organisation's letterhead line (postal and visiting address, phone, organisation
    number) is no private person's contact; a phone number on an ordinary line still is."""
    text = (
        "Postadress 851 86 Lindvik  Besöksadress Storgatan 12  Tel 010-22 40 00\n"
        "E-post: vattenvard@example.se  Organisationsnr: 802000-0000\n"
        "Ring Anna på 070-123 45 67\n"
    )
    assert [(d.line, d.code) for d in personal_data("x.md", text, DEFAULT)] == [
        (3, "private-contact")
    ]


def test_ordinary_minutes_raise_nothing() -> None:
    """The guard stays quiet on every good file of the project's own minutes and fixtures."""
    folders = [ROOT / "minutes", ARCHIVE, ROOT / "tests" / "fixtures" / "conventions",
               ROOT / "benchmarks" / "accuracy"]  # fmt: skip
    loaded = load_meetings(folders, DEFAULT)
    codes = {"personal-identity-number", "private-contact", "unclosed-internal"}
    found = [d for d in loaded.diagnostics if d.code in codes]
    # Some invented minutes list people with their e-mail addresses, as working groups
    # do: the guard is right to warn there, and only there.
    unexpected = [d.format() for d in found if not _writes_an_address(d.path, d.line)]
    assert unexpected == []
    assert all(d.code == "private-contact" for d in found)


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _writes_an_address(path: str, line: int | None) -> bool:
    if line is None:
        return False
    text = Path(path).read_text(encoding="utf-8").split("\n")[line - 1]
    return _ADDRESS.search(text) is not None


def test_a_file_with_an_identity_number_fails_check_and_stays_off_the_site(
    tmp_path: Path,
) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    leaky = source / "2016-09-13-kommundirektormote.md"
    lines = leaky.read_text("utf-8").split("\n")
    lines.insert(8, "Anna Andersson, 19811218-9876, redovisade.")
    leaky.write_text("\n".join(lines), "utf-8")
    meeting = parse_file(leaky, DEFAULT)
    (problem,) = [d for d in meeting.diagnostics if d.code == "personal-identity-number"]
    assert problem.line == 9 and problem.path == str(leaky)
    assert "2016-09-13-kommundirektormote.md:9: error:" in problem.format()
    assert "19811218-XXXX" in problem.message and "9876" not in problem.format()
    built = build(tmp_path / "site", source)
    assert built.result.written and not built.result.ok
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert not (tmp_path / "site" / "moten" / "2016-09-13-kommundirektormote").exists()
    assert (tmp_path / "site" / "moten" / "2016-04-19-kommundirektormote" / "index.html").exists()
    assert not [p for p in files if b"9876" in _readable(p)]


INTERNAL = """# Styrelsemöte MalmöLundregionen

**Datum:** 2016-05-10
**Plats:** Stadshuset, Lund

**Närvarande:** Anna Andersson (Lund), Bertil Berg (Malmö)

## 1. Mötets öppnande

Ordföranden öppnade mötet.

## 2. Personalfrågor

::: internt
Zebrakonfidentiell förhandling om Hemligbergs anställning.

Beslut: Styrelsen beslutade att godkänna Kvastmarks avgångsvederlag.

- [ ] Olle ska kontakta Gnuttelfirman (klart: 2016-06-01)
:::

## 3. Övrigt

Beslut: Styrelsen beslutade att godkänna budgeten.

- [ ] Koordinatorn skickar ut budgeten (klart: 2016-06-15)
"""
SECRET_WORDS = ("Zebrakonfidentiell", "Hemligberg", "Kvastmark", "Gnuttelfirman", "internt")


def _readable(path: Path) -> bytes:
    """A file's bytes, decompressed when it is gzip (Pagefind's index and fragments)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def test_internal_sections_are_found_as_markdown_finds_them() -> None:
    text = "a\n\n```\n::: internt\n```\n\n::: internt\nb\n:::\n\n- c\n\n  ::: internt\n  d\n"
    assert [(s.line, s.end_line, s.closed) for s in internal_sections(text)] == [
        (7, 10, True), (13, 15, False),
    ]  # fmt: skip
    assert without_internal(text, internal_sections(text)).split("\n")[6:9] == ["", "", ""]


def test_no_word_of_an_internal_section_reaches_the_site(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    (source / "2016-05-10-styrelsemote.md").write_text(INTERNAL, "utf-8")
    built = build(tmp_path / "site", source, "https://example.se/arkiv/")
    assert built.result.ok, [d.format() for d in built.result.diagnostics]
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert len(files) > 50
    leaks = {
        word: [str(p) for p in files if word.lower().encode() in _readable(p).lower()]
        for word in SECRET_WORDS
    }
    assert leaks == {word: [] for word in SECRET_WORDS}
    page = (tmp_path / "site" / "moten" / "2016-05-10-styrelsemote" / "index.html").read_text()
    assert "godkänna budgeten" in page and "Koordinatorn skickar ut budgeten" in page
    published = (
        tmp_path / "site" / "moten" / "2016-05-10-styrelsemote" / "2016-05-10-styrelsemote.md"
    )
    assert "## 3. Övrigt" in published.read_text("utf-8")
    assert ":::" not in published.read_text("utf-8")


def test_check_reads_the_internal_section_and_the_registers_leave_it_out(tmp_path: Path) -> None:
    path = tmp_path / "2016-05-10-styrelsemote.md"
    path.write_text(INTERNAL, "utf-8")
    checked = parse_file(path, DEFAULT)
    public = parse_file(path, DEFAULT, public=True)
    assert ["Kvastmarks" in d.text for d in checked.decisions] == [True, False]
    assert ["budgeten" in d.text for d in public.decisions] == [True]
    assert len(checked.action_items) == 2 and len(public.action_items) == 1
    assert public.action_items[0].line == checked.action_items[1].line  # lines still match


def test_an_unclosed_internal_section_is_a_warning_and_stays_internal(tmp_path: Path) -> None:
    path = tmp_path / "2016-05-10-styrelsemote.md"
    path.write_text(INTERNAL.replace("\n:::\n", "\n"), "utf-8")
    public = parse_file(path, DEFAULT, public=True)
    (problem,) = [d for d in public.diagnostics if d.code == "unclosed-internal"]
    assert problem.line == 14 and problem.level is Level.WARNING
    assert public.decisions == ()


def test_serve_shows_the_internal_section_marked(tmp_path: Path) -> None:
    from mlr_minutes.commands.serve import DevServer, ServeOptions
    from test_serve import get

    source = tmp_path / "minutes"
    source.mkdir()
    (source / "2016-05-10-styrelsemote.md").write_text(INTERNAL, "utf-8")
    dev = DevServer(ServeOptions(source=source, port=0, poll_seconds=0.1), log=lambda _: None)
    dev.start()
    try:
        status, page, _ = get(dev.url + "moten/2016-05-10-styrelsemote/")
    finally:
        dev.stop()
    assert status == 200
    assert '<section class="internal" aria-label="Internt avsnitt">' in page
    assert "Zebrakonfidentiell" in page and "<strong>Internt</strong>" in page


def test_new_never_carries_an_internal_task_into_the_next_minutes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mlr_minutes.commands.cli import main

    source = tmp_path / "minutes"
    source.mkdir()
    (source / "2016-05-10-styrelsemote.md").write_text(INTERNAL, "utf-8")
    args = ["new", "--body", "styrelsemöte", "--date", "2016-06-14", "--source", str(source)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    written = (source / "2016-06-14-styrelsemote.md").read_text("utf-8")
    assert "Koordinatorn skickar ut budgeten" in written
    assert "Gnuttelfirman" not in written
