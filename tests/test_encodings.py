"""Files that are not UTF-8 text: wide encodings are read, binaries are refused."""

from __future__ import annotations

import gzip
import io
import os
import random
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import ARCHIVE, SEED, build
from mlr_minutes.config import DEFAULT
from mlr_minutes.parse import parse_source
from mlr_minutes.read import decode, read_source
from mlr_minutes.serialize import meeting_to_json

SEED_TEXT = SEED.read_text("utf-8")

WIDE = {
    "utf-16 with BOM": SEED_TEXT.encode("utf-16"),
    "utf-16-le": SEED_TEXT.encode("utf-16-le"),
    "utf-16-be": SEED_TEXT.encode("utf-16-be"),
    "utf-32 with BOM": SEED_TEXT.encode("utf-32"),
    "utf-32-le": SEED_TEXT.encode("utf-32-le"),
    "utf-32-be": SEED_TEXT.encode("utf-32-be"),
    "utf-16-le with CRLF": SEED_TEXT.replace("\n", "\r\n").encode("utf-16-le"),
}


def facts(data: bytes) -> dict[str, Any]:
    """What the parser read from ``data``, without the diagnostics and the digest."""
    meeting = meeting_to_json(parse_source(decode(data, "m.md"), DEFAULT))
    return {k: v for k, v in meeting.items() if k not in ("diagnostics", "digest")}


@pytest.mark.parametrize("name", WIDE)
def test_a_wide_encoding_parses_like_its_utf8_twin(name: str) -> None:
    decoded = decode(WIDE[name], "m.md")
    assert decoded.text == SEED_TEXT
    assert [(d.code, d.line) for d in decoded.diagnostics] == [("wide-encoding", 1)]
    assert facts(WIDE[name]) == facts(SEED_TEXT.encode("utf-8"))


def test_a_wide_file_is_published_as_utf8(tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    (source / SEED.name).write_bytes(WIDE["utf-16-le"])
    built = build(tmp_path / "site", source)
    assert built.result.written
    copies = list((tmp_path / "site").rglob(SEED.name))
    assert copies and all(c.read_text("utf-8") == SEED_TEXT for c in copies)


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Minnesanteckningar</w:document>")
    return out.getvalue()


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(40)),
    "gzip": gzip.compress(SEED_TEXT.encode("utf-8"), mtime=0),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "docx": _docx(),
    "random": random.Random(4711).randbytes(20000),
    "nuls": b"\x00" * 4096,
    "elf": b"\x7fELF\x02\x01\x01" + bytes(200),
}


@pytest.mark.parametrize("name", BINARIES)
def test_a_file_that_is_not_text_is_an_error_never_a_page(name: str, tmp_path: Path) -> None:
    source = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, source)
    bad = source / "2016-12-01-kommundirektormote.md"
    bad.write_bytes(BINARIES[name])
    decoded = read_source(bad)
    assert decoded.text == ""
    assert [(d.level.value, d.code) for d in decoded.diagnostics] == [("error", "not-text")]
    built = build(tmp_path / "site", source)
    assert built.result.written  # the other files are still published
    assert not list((tmp_path / "site").rglob("2016-12-01*"))
    assert [d.path for d in built.result.diagnostics if d.code == "not-text"] == [str(bad)]


def test_nul_bytes_in_text_are_reported_on_their_line() -> None:
    lines = SEED_TEXT.split("\n")
    lines[6] = lines[6] + "\x00\x00"
    decoded = decode("\n".join(lines).encode("utf-8"), "m.md")
    assert decoded.text == SEED_TEXT
    assert [(d.code, d.line) for d in decoded.diagnostics] == [("nul-bytes", 7)]
    assert "2 NUL-tecken" in decoded.diagnostics[0].message


def test_form_feeds_and_tabs_from_converters_are_text() -> None:
    text = "# Protokoll\n\nDatum:\t2016-04-19\n\f\n§ 1 Mötets öppnande\n\nOrdföranden öppnade.\n"
    decoded = decode(text.encode("utf-8"), "m.md")
    assert decoded.diagnostics == ()
    assert decoded.text == text


def test_latin1_text_with_accents_is_not_taken_for_utf16() -> None:
    # Single-byte text never has NULs: the wide check must not fire on it.
    data = ("Närvarande: Åsa Öberg, Ärla Ängström\n" * 50).encode("cp1252")
    decoded = decode(data, "m.md")
    assert [d.code for d in decoded.diagnostics] == ["invalid-encoding"]
    assert "Åsa Öberg" in decoded.text


def test_a_short_text_file_is_read() -> None:
    assert decode(b"# A\n", "m.md").text == "# A\n"
    assert decode(os.linesep.encode(), "m.md").diagnostics == ()
