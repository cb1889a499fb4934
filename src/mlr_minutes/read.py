"""Read a minutes file into clean text: the first step of the pipeline.

Minutes arrive from Word exports and many editors: with or without a BOM,
with CRLF line ends, sometimes decomposed (NFD) å/ä/ö from macOS, sometimes
in Windows-1252.  Everything after this step sees NFC text with ``\\n`` line
ends, and line numbers that still match the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
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
    digest: str = ""
    """SHA-256 of the bytes read, so that later steps can tell the file has not changed."""


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
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        lines: list[str] = []
        bad: list[int] = []
        for number, raw in enumerate(body.split(b"\n"), start=1):
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
    return SourceText(path, text, tuple(diagnostics), hashlib.sha256(data).hexdigest())


class NotRegularFile(OSError):
    """The path is a symbolic link, a FIFO, a device or a folder, never read as minutes."""


def read_regular_file(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, never following a symbolic link.

    ``O_NOFOLLOW`` refuses a link in the last component and ``O_NONBLOCK`` keeps a FIFO
    from blocking the open; the type is checked on the open descriptor, so nothing can
    be swapped in between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if path.is_symlink():
            raise NotRegularFile(f"{path} är en symbolisk länk") from error
        raise
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{path} är ingen vanlig fil")
        return handle.read()


def read_source(path: Path) -> SourceText:
    """Read and decode the file at ``path``; an unreadable file is an error diagnostic,
    and so is anything but a regular file (a link to ``/proc/self/environ`` must never
    be published)."""
    try:
        data = read_regular_file(path)
    except NotRegularFile:
        return SourceText(str(path), "", (unsafe_source(str(path)),))
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


def unsafe_source(path: str) -> Diagnostic:
    """The error for a source that is a link, a FIFO, a device, or lies outside the folder."""
    return Diagnostic(
        Level.ERROR,
        path,
        None,
        "unsafe-source",
        "filen är ingen vanlig fil i källmappen (en symbolisk länk, en enhet eller en FIFO) "
        "och läses inte",
        "lägg själva filen i mappen med minnesanteckningar i stället för en länk till den",
    )
