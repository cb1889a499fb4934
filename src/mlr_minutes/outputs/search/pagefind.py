"""Run Pagefind over pages the build has just written, before the site is swapped in.

Pagefind runs as a service (``pagefind --service``), and is handed the documents of one
part of the index (:mod:`.shards`) in sorted order: its page numbers, and so its index
files, follow the order it reads pages in (its own folder walk would follow the file
system's directory order, hash order on ext4 and creation order on tmpfs, and the same
site built on two file systems would get two indexes).  The files are sent down the pipe
in one stream and the service answers them in turn, so this is as fast as the command
line (Pagefind's Python API waits 100 ms per file).  Only what carries
``data-pagefind-body`` is indexed: the meeting pages, whose agenda items are headings
with ids and so come back as sub-results linking to ``#punkt-…``, and the records of
decisions and action items (:mod:`.records`), which are handed over under a scratch
folder's name and never written: they are input to the index, never pages of the site.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .stabilise import stabilise_bundle

RECORDS = "_sokposter"
"""The folder the decision and action records are named in (never written).  Fixed (not
per process) because the file paths end up in the index, which must be reproducible."""


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why, in Swedish."""


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What Pagefind indexed."""

    records: int
    """Pages and extra records in the index."""
    seconds: float
    """How long indexing took (wall clock, reported, never written to the site)."""


def _pagefind_environment() -> dict[str, str]:
    """The environment without ``PAGEFIND_*`` settings, which would change the index."""
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("PAGEFIND_")}


def _encode(message_id: int, payload: dict[str, Any]) -> bytes:
    message = {"message_id": message_id, "payload": payload}
    return base64.b64encode(json.dumps(message).encode("utf-8")) + b","


def _responses(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The service's answers: base64 JSON, each ended by a comma."""
    pending = b""
    while True:
        chunk = stream.read1(1 << 16)  # type: ignore[attr-defined]
        if not chunk:
            return
        pending += chunk
        *complete, pending = pending.split(b",")
        for item in complete:
            yield json.loads(base64.b64decode(item))


class _Service:
    """One ``pagefind --service`` process, asked in order and answered in order."""

    def __init__(self, root: Path, errors: IO[bytes]) -> None:
        try:
            # Run in the site folder, the service's paths are relative to it.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pagefind", "--service"],
                cwd=root,
                env=_pagefind_environment(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except OSError as error:
            raise SearchIndexError(f"Pagefind kunde inte startas: {error}") from error
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin = self.process.stdin
        self.answers = _responses(self.process.stdout)
        self.errors = errors
        self.sent = 0

    def _failure(self, why: str) -> SearchIndexError:
        self.process.kill()
        self.process.wait()
        self.errors.seek(0)
        lines = self.errors.read().decode("utf-8", "replace").strip().splitlines()
        tail = " ".join(lines[-5:]) or "ingen utskrift"
        code = self.process.returncode
        return SearchIndexError(f"Pagefind misslyckades ({why}, slutkod {code}): {tail}")

    def send(self, payload: dict[str, Any]) -> None:
        self.sent += 1
        try:
            self.stdin.write(_encode(self.sent, payload))
            self.stdin.flush()
        except (OSError, ValueError):
            pass  # the service has ended (or was closed): the next answer says so

    def answer(self) -> dict[str, Any]:
        try:
            response = next(self.answers)
        except (StopIteration, ValueError, OSError) as error:
            raise self._failure("tjänsten svarade inte") from error
        payload: dict[str, Any] = response.get("payload", {})
        if payload.get("type") == "Error":
            raise self._failure(str(payload.get("message", "okänt fel")))
        return payload

    def close(self) -> None:
        with contextlib.suppress(OSError):  # the service may have ended already
            self.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stdout is not None
        self.process.stdout.close()


def index_documents(root: Path, documents: list[tuple[str, Path | str]]) -> list[dict[str, str]]:
    """Index ``documents`` (path relative to the site, and the file or its HTML) in one
    Pagefind service and return the files of its bundle (``path`` and base64 ``content``).
    The pages are read as they are sent, so that they are never held in memory whole."""
    with tempfile.TemporaryFile() as errors:
        service = _Service(root, errors)
        try:
            service.send({"type": "NewIndex", "config": {}})
            index_id = service.answer().get("index_id", 0)

            unread: list[str] = []

            def feed() -> None:
                try:
                    for path, source in documents:
                        html = source if isinstance(source, str) else source.read_text("utf-8")
                        service.send(
                            {"type": "AddFile", "index_id": index_id, "file_path": path,
                             "url": None, "file_contents": html}
                        )  # fmt: skip
                except (OSError, UnicodeDecodeError) as error:
                    unread.append(f"{error}")
                    with contextlib.suppress(OSError):  # the service ends, the answers stop
                        service.stdin.close()

            # Written from a thread while the answers are read here, so that neither pipe
            # fills up; the service handles its messages one after the other, in order.
            feeder = threading.Thread(target=feed, name="pagefind-feed", daemon=True)
            feeder.start()
            try:
                for _ in documents:
                    service.answer()
            except SearchIndexError as error:
                if unread:
                    raise SearchIndexError(f"en sida kunde inte läsas: {unread[0]}") from error
                raise
            feeder.join()
            # The files come back in the answer and are written by the caller: with
            # WriteFiles, a file was now and then cut short (pagefind.js at 45,056 bytes),
            # the service exiting at the end of its input while it was still writing.
            service.send({"type": "GetFiles", "index_id": index_id})
            files: list[dict[str, str]] = service.answer().get("files", [])
        finally:
            service.close()
    return files


def write_bundle(
    target: Path, files: list[dict[str, str]], keep: Callable[[str], bool] = lambda _: True
) -> None:
    """Write the files Pagefind returned (those ``keep`` accepts) below ``target`` and
    make them reproducible (:mod:`.stabilise`)."""
    target = target.resolve()
    for file in files:
        if not keep(file["path"]):
            continue
        path = (target / file["path"]).resolve()
        if not path.is_relative_to(target):
            raise SearchIndexError(f"Pagefind ville skriva utanför sökindexet: {file['path']}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))
    if not (target / "pagefind-entry.json").is_file():
        raise SearchIndexError("Pagefind skrev inget sökindex (pagefind-entry.json saknas).")
    try:
        stabilise_bundle(target)
    except (OSError, ValueError, KeyError, IndexError, EOFError) as error:
        raise SearchIndexError(
            f"Pagefinds index kunde inte göras reproducerbart: {error}"
        ) from error


def indexed_count(bundle: Path) -> int:
    """Pages and records in the index in ``bundle``."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(int(language.get("page_count", 0)) for language in entry["languages"].values())
