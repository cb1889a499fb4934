"""Read a minutes file into clean text: the first step of the pipeline.

Minutes arrive from Word exports and many editors: with or without a BOM,
with CRLF line ends, sometimes decomposed (NFD) å/ä/ö from macOS, sometimes
in Windows-1252.  Everything after this step sees NFC text with ``\\n`` line
ends, and line numbers that still match the file.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Diagnostic, Level


@dataclass(frozen=True, slots=True)
class SourceText:
    """The decoded text of one minutes file."""

    path: str
    """The path as given (used in every diagnostic)."""
    text: str
    """NFC text with ``\\n`` line ends."""
    diagnostics: tuple[Diagnostic, ...]
    """Problems met while decoding."""


def _legacy_line(data: bytes) -> str:
    """One line that is not UTF-8, read as Windows-1252 (the usual Word/Windows encoding).

    The five bytes Windows-1252 leaves undefined are kept as the Latin-1 code points
    of the same value, so that no byte of the file is lost.
    """
    return data.decode("cp1252", errors="mlr-latin1")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("mlr-latin1", _latin1_fallback)


def decode(data: bytes, path: str) -> SourceText:
    """Decode ``data`` as UTF-8 (BOM optional); lines that are not UTF-8 are read as
    Windows-1252 and reported, so a file with one pasted line in another encoding
    still parses, and nothing is lost."""
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        lines: list[str] = []
        bad: list[int] = []
        for number, raw in enumerate(data.split(b"\n"), start=1):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(_legacy_line(raw))
                bad.append(number)
        text = "\n".join(lines)
        more = f" (och {len(bad) - 1} rader till)" if len(bad) > 1 else ""
        diagnostics.append(
            Diagnostic(
                Level.WARNING,
                path,
                bad[0],
                "invalid-encoding",
                f"raden är inte UTF-8{more}; den lästes som Windows-1252",
                "spara filen som UTF-8 i din editor (t.ex. 'Spara som' → kodning UTF-8)",
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return SourceText(path, text, tuple(diagnostics))


def read_source(path: Path) -> SourceText:
    """Read and decode the file at ``path``; an unreadable file is an error diagnostic."""
    try:
        data = path.read_bytes()
    except OSError as error:
        message = error.strerror or str(error)
        return SourceText(
            str(path),
            "",
            (
                Diagnostic(
                    Level.ERROR,
                    str(path),
                    None,
                    "unreadable-file",
                    f"filen kan inte läsas: {message}",
                ),
            ),
        )
    return decode(data, str(path))
