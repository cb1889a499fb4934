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


def _first_bad_line(data: bytes, error: UnicodeDecodeError) -> int:
    return data.count(b"\n", 0, error.start) + 1


def decode(data: bytes, path: str) -> SourceText:
    """Decode ``data`` as UTF-8 (BOM optional); fall back to Windows-1252 with a warning.

    Windows-1252 maps every byte except five to a character, so the fallback
    keeps the text; the five unmapped bytes become U+FFFD and are reported as an
    error, never silently dropped.
    """
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _first_bad_line(data, error)
        text = data.decode("cp1252", errors="replace")
        lossy = "\ufffd" in text
        diagnostics.append(
            Diagnostic(
                Level.ERROR if lossy else Level.WARNING,
                path,
                line,
                "invalid-encoding",
                f"filen är inte UTF-8 (byte 0x{data[error.start]:02x}); "
                + ("den lästes som Windows-1252 men vissa tecken gick förlorade"
                   if lossy else "den lästes som Windows-1252"),
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
            (Diagnostic(Level.ERROR, str(path), None, "unreadable-file",
                        f"filen kan inte läsas: {message}"),),
        )  # fmt: skip
    return decode(data, str(path))
