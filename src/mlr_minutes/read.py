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


_WIDE_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "en PDF-fil"),
    (b"PK\x03\x04", "ett zip-arkiv (t.ex. ett Word-dokument, .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ett äldre Office-dokument (.doc)"),
    (b"{\\rtf", "ett RTF-dokument"),
    (b"\x89PNG\r\n\x1a\n", "en PNG-bild"),
    (b"\xff\xd8\xff", "en JPEG-bild"),
    (b"GIF8", "en GIF-bild"),
    (b"\x1f\x8b", "en gzip-komprimerad fil"),
    (b"\x7fELF", "ett program"),
)
"""What a file that is not text most often turns out to be, by its first bytes."""

_SAMPLE = 65536
"""How many leading bytes the encoding and binary checks look at."""

_TEXT_BYTES = bytes(sorted(set(range(256)) - set(range(0x20)) | set(b"\t\n\r\f\v\x1b")))
"""Every byte but the controls that never stand in text (tab, line ends, form feed,
vertical tab and escape do: converters and Word write them)."""

_BINARY_SHARE = 0.02
"""A sample with more control bytes than this is no text (random bytes hold about 10%)."""


def _wide_encoding(sample: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 written without a BOM, known by where its NUL bytes fall: text in
    the Latin alphabet has a NUL as every other byte (UTF-16) or three in four (UTF-32)."""
    size = len(sample) - len(sample) % 4
    if size < 8:
        return None
    sample = sample[:size]
    lanes = [sample[offset::4].count(0) / (size // 4) for offset in range(4)]
    if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.5:
        return "utf-32-le", "UTF-32"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] < 0.5:
        return "utf-32-be", "UTF-32"
    odd = (lanes[1] + lanes[3]) / 2
    even = (lanes[0] + lanes[2]) / 2
    if odd > 0.7 and even < 0.3:
        return "utf-16-le", "UTF-16"
    if even > 0.7 and odd < 0.3:
        return "utf-16-be", "UTF-16"
    return None


def _not_text(data: bytes) -> str | None:
    """What ``data`` is, when it is no text: a known kind of file, or just bytes."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _TEXT_BYTES))
    if sample and controls / len(sample) > _BINARY_SHARE:
        return "binära data"
    return None


def _not_text_error(path: str, kind: str) -> Diagnostic:
    return Diagnostic(
        Level.ERROR,
        path,
        None,
        "not-text",
        f"filen är {kind}, inte text; den publiceras inte",
        "spara minnesanteckningarna som Markdown-text (.md, UTF-8), t.ex. via 'Spara som' "
        "→ Oformaterad text, och ta bort den här filen ur mappen",
    )


def decode(data: bytes, path: str) -> SourceText:
    """Decode ``data`` as UTF-8 (BOM optional); lines that are not UTF-8 are read as
    Windows-1252 and reported, so a file with one pasted line in another encoding
    still parses, and nothing is lost.  UTF-16 and UTF-32 (with a BOM or without) are
    decoded and reported; a file that is no text at all is an error, never a page."""
    digest = hashlib.sha256(data).hexdigest()
    diagnostics: list[Diagnostic] = []
    text = _decode_wide(data, path, diagnostics)
    if text is None:
        kind = _not_text(data)
        if kind is not None:
            return SourceText(path, "", (_not_text_error(path, kind),), digest)
        text = _decode_narrow(data, path, diagnostics)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _without_nuls(text, path, diagnostics)
    text = unicodedata.normalize("NFC", text)
    return SourceText(path, text, tuple(diagnostics), digest)


def _wide(data: bytes) -> tuple[str, str, str] | None:
    """(text, codec, name) of UTF-16 or UTF-32 ``data``, with a BOM or without."""
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec, name
    found = _wide_encoding(data[:_SAMPLE])
    if found is None:
        return None
    codec, name = found
    try:
        return data.decode(codec), codec, name
    except UnicodeDecodeError:
        return None  # the NUL pattern was a coincidence: let the binary check decide


def as_published(data: bytes) -> bytes:
    """The bytes to publish as a file's source: UTF-16 and UTF-32 re-encoded as UTF-8,
    which every browser reads; anything else exactly as it is."""
    wide = _wide(data)
    return data if wide is None else wide[0].encode("utf-8")


def _decode_wide(data: bytes, path: str, diagnostics: list[Diagnostic]) -> str | None:
    wide = _wide(data)
    if wide is None:
        return None
    text, _codec, name = wide
    diagnostics.append(
        Diagnostic(
            Level.WARNING,
            path,
            1,
            "wide-encoding",
            f"filen är sparad som {name}, inte UTF-8; den lästes ändå",
            "spara filen som UTF-8 i din editor (t.ex. 'Spara som' → kodning UTF-8), "
            "så läser git, diff och andra verktyg den också",
        )
    )
    return text


def _decode_narrow(data: bytes, path: str, diagnostics: list[Diagnostic]) -> str:
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines: list[str] = []
    bad: list[int] = []
    for number, raw in enumerate(body.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(_legacy_line(raw))
            bad.append(number)
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
    return "\n".join(lines)


def _without_nuls(text: str, path: str, diagnostics: list[Diagnostic]) -> str:
    """NUL bytes removed (no editor shows them and no page can), reported where they were."""
    if "\0" not in text:
        return text
    first = text.count("\n", 0, text.index("\0")) + 1
    count = text.count("\0")
    diagnostics.append(
        Diagnostic(
            Level.WARNING,
            path,
            first,
            "nul-bytes",
            f"raden innehåller {'ett NUL-tecken' if count == 1 else f'{count} NUL-tecken'}"
            " (byte 0), som togs bort",
            "filen har troligen skadats vid en kopiering eller konvertering; "
            "spara om den som UTF-8-text",
        )
    )
    return text.replace("\0", "")


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
