"""mlr-minutes side by side with Hugo on one synthetic corpus (``make bench``).

Both read the same files: minutes of about 9 KB with ``title`` and ``date`` front matter.
Hugo builds them with the bare layout in ``benchmarks/hugo`` (one page per file and a
list), mlr-minutes builds its whole site, search index included.  Every step runs as a
fresh process, the two tools in alternating runs (A B A B …), and the median of each is
reported with the ratio: this machine is shared, absolute seconds drift between runs.

Steps: a cold full build (no site, no cache), a warm build with nothing changed, a build
after one file changed, and the dev server's edit-to-page time: from the save until a
browser showing the page would have the new text.  For mlr-minutes that is what the page's
reload script does (a request to ``/__mlr_reload?efter=N`` open before the save; when it
answers, the page is fetched again); for Hugo, whose live reload is pushed to the page at
once, the page is fetched every 10 ms.  Also: the fast path's own time as the server logs
it, peak memory of the build (the largest process, workers and Pagefind included, from
``wait4``) and of Pagefind alone, pages written, the search index's bytes, and the bytes a
query fetches (Pagefind in headless Chromium).

``python benchmarks/compare.py [--large] [--rounds N] [--only serve]``: ``--only serve``
builds once and measures the dev servers' edit-to-page time alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HUGO_LAYOUT = ROOT / "benchmarks" / "hugo"
BIN = Path(sys.executable).parent
MLR = str(BIN / "mlr-minutes")
CHROMIUM = os.environ.get("MLR_CHROMIUM", "/usr/bin/chromium")

SOURCES = (
    # (file, the meeting date written in it): about 9 KB each, 8.9 KB on average.
    (ROOT / "minutes" / "2016-04-19-kommundirektormote.md", "2016-04-19"),
    (ROOT / "benchmarks" / "accuracy" / "dev" / "kommun-01.md", "2022-11-08"),
    (ROOT / "minutes" / "2016-04-19-kommundirektormote.md", "2016-04-19"),
    (ROOT / "benchmarks" / "accuracy" / "holdout" / "kommun-08.md", "2023-06-19"),
)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")  # fmt: skip
WRITTEN_DATE = "måndagen den 19 juni 2023"
"""kommun-08 also writes its date out; it becomes the new day too (no conflict warning)."""
TITLES = ("Kommundirektörmöte", "Kommunstyrelsen", "Styrelsemöte", "Kommunfullmäktige")
RARE_WORD = "Trelleborgsvarvet"
"""A word the corpus writes in one meeting only (a rare query)."""
COMMON_WORD = "kommun"
"""A word on nearly every meeting page (a common query)."""

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def write_corpus(folder: Path, count: int) -> int:
    """``count`` minutes files, one a day from 1990 on, each with ``title`` and ``date``
    front matter; the text's own meeting date is the same day.  Returns the bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(path.read_text("utf-8"), date) for path, date in SOURCES]
    start = dt.date(1990, 1, 1)
    total = 0
    for index in range(count):
        day = start + dt.timedelta(days=index)
        text, date = texts[index % len(texts)]
        title = f"{TITLES[index % len(TITLES)]} {day.isoformat()}"
        written = f"den {day.day} {MONTHS[day.month - 1]} {day.year}"
        body = text.replace(date, day.isoformat()).replace(WRITTEN_DATE, written)
        # Vary the words a little so that no two files are the same text.
        body = body.replace("Malmö", f"Malmö{index % 7 or ''}", 3)
        if index == count // 2:
            body += f"\nVarvsfrågan ({RARE_WORD}) togs upp.\n"
        data = f'---\ntitle: "{title}"\ndate: {day.isoformat()}\n---\n{body}'.encode()
        (folder / f"{day.isoformat()}-{index % len(TITLES)}.md").write_bytes(data)
        total += len(data)
    return total


@dataclass(frozen=True)
class Run:
    """One process: wall time and the peak memory of its largest process."""

    seconds: float
    """Wall time."""
    peak_mib: float
    """Largest resident set of the process or any descendant it waited for (``wait4``)."""
    output: str
    """What it printed."""


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and measure it; a failure stops the benchmark with its output."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output.strip())


class Bench:
    """The two tools' builds of one corpus, in a work folder of their own."""

    def __init__(self, work: Path, count: int) -> None:
        self.work = work
        self.count = count
        self.hugo_dir = work / "hugo"
        # Inside Hugo's content folder, not linked there: Hugo's server does not watch
        # through a symbolic link.  mlr-minutes builds the same folder.
        self.corpus = self.hugo_dir / "content" / "protokoll"
        self.mlr_dir = work / "mlr"

    def prepare(self) -> int:
        """Write the corpus (fresh every time: a run edits it) and the Hugo site around it."""
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(HUGO_LAYOUT, self.hugo_dir)
        size = write_corpus(self.corpus, self.count)
        self.mlr_dir.mkdir()
        return size

    def hugo(self) -> Run:
        return run(["hugo", "--quiet", "-s", str(self.hugo_dir), "-d", "public"], self.work)

    def hugo_cold(self) -> Run:
        shutil.rmtree(self.hugo_dir / "public", ignore_errors=True)
        shutil.rmtree(self.hugo_dir / "resources", ignore_errors=True)
        return self.hugo()

    def mlr(self) -> Run:
        # Run in its own folder: the cache goes to .cache/mlr-minutes there.
        return run([MLR, "build", "--source", str(self.corpus), "--out", "site"], self.mlr_dir)

    def mlr_cold(self) -> Run:
        shutil.rmtree(self.mlr_dir / "site", ignore_errors=True)
        shutil.rmtree(self.mlr_dir / ".cache", ignore_errors=True)
        return self.mlr()

    def edit(self, nonce: str) -> Path:
        """Add a sentence to one meeting in the middle of the archive."""
        path = sorted(self.corpus.glob("*.md"))[self.count // 3]
        with path.open("a", encoding="utf-8") as file:
            file.write(f"\nÖvrigt: frågan {nonce} noterades.\n")
        return path


def alternate(
    rounds: int, first: Callable[[], Run], second: Callable[[], Run]
) -> tuple[list[Run], list[Run]]:
    """``rounds`` runs of each, alternating."""
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(rounds):
        a.append(first())
        b.append(second())
    return a, b


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 5) -> str:
    try:
        with NO_PROXY.open(url, timeout=timeout) as response:
            text: str = response.read().decode("utf-8", "replace")
            return text
    except (urllib.error.URLError, OSError):
        return ""


WAIT_LIMIT = 300.0
"""Seconds to wait for an edit to show; a run that reaches it is reported as the limit."""


def wait_for_text(url: str, text: str, limit: float = WAIT_LIMIT) -> float:
    """Seconds until the page at ``url`` contains ``text`` (polled every 10 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.01)
    print(f"  (the page {url} did not show the edit within {limit:.0f} s)")
    return limit


@contextlib.contextmanager
def server(
    command: list[str], cwd: Path, ready_url: str, log: Path | None = None
) -> Iterator[None]:
    """A dev server process, up once ``ready_url`` answers; stopped after the block.  What
    it prints on stderr goes to ``log`` when given."""
    with contextlib.ExitStack() as stack:
        stderr = stack.enter_context(log.open("w")) if log else subprocess.DEVNULL
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr)
        stack.enter_context(_stopped(process))
        deadline = time.monotonic() + 600
        while not fetch(ready_url):
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"{command[0]} serve did not start")
            time.sleep(0.1)
        yield


@contextlib.contextmanager
def _stopped(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """``process`` stopped after the block (killed if it does not stop within 30 s)."""
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()  # a build in progress is not interrupted by SIGTERM
            process.wait()


class ReloadScript:
    """What mlr-minutes' reload script does in an open page: a request for the next build
    (``/__mlr_reload?efter=N``) always waiting at the server, in a thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.answers: queue.Queue[int] = queue.Queue()

    def ask(self, seen: int) -> None:
        """Send the request for a build other than ``seen``; its answer goes to the queue."""

        def request() -> None:
            url = f"http://127.0.0.1:{self.port}/__mlr_reload?efter={seen}"
            text = fetch(url, timeout=60).strip()
            if not text.isdigit():
                time.sleep(1.0)  # as the script: after an error, ask again in a second
            self.answers.put(int(text) if text.isdigit() else seen)

        threading.Thread(target=request, daemon=True).start()

    def wait_for_text(self, url: str, text: str, seen: int, started: float) -> float:
        """Seconds from ``started`` until a reload of ``url`` shows ``text``; the request for
        a build other than ``seen`` was sent before the save."""
        while (left := WAIT_LIMIT - (time.perf_counter() - started)) > 0:
            try:
                answer = self.answers.get(timeout=left)
            except queue.Empty:
                break
            if answer != seen:
                page = fetch(url)  # the reload
                if text in page:
                    return time.perf_counter() - started
                served = re.search(r'data-bygge="(\d+)"', page)
                seen = int(served.group(1)) if served else answer
            self.ask(seen)
        print(f"  (the page {url} did not show the edit within {WAIT_LIMIT:.0f} s)")
        return WAIT_LIMIT


FAST_PATH = re.compile(r"^Visar .* \((\d+),(\d+) s\)", re.MULTILINE)
"""The server's line for a save shown by its fast path, with the seconds it took."""


def fast_path_seconds(log: Path) -> list[float]:
    """The fast path's own times, as the server logged them."""
    text = log.read_text("utf-8", "replace") if log.is_file() else ""
    return [float(f"{whole}.{part}") for whole, part in FAST_PATH.findall(text)]


def edit_to_page(bench: Bench, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from a save to a browser showing it, Hugo's server and ours, and the seconds
    of our fast path alone."""
    edited = sorted(bench.corpus.glob("*.md"))[bench.count // 3]
    hugo_port, mlr_port = free_port(), free_port()
    hugo_url = f"http://127.0.0.1:{hugo_port}/protokoll/{edited.stem}/"
    mlr_meeting = mlr_meeting_path(bench, edited)
    mlr_url = f"http://127.0.0.1:{mlr_port}/{mlr_meeting}"
    hugo_times: list[float] = []
    mlr_times: list[float] = []
    hugo_command = ["hugo", "server", "-s", str(bench.hugo_dir), "--port", str(hugo_port),
                    "--bind", "127.0.0.1", "--disableLiveReload", "--quiet"]  # fmt: skip
    mlr_command = [MLR, "serve", "--source", str(bench.corpus), "--port", str(mlr_port)]
    log = bench.mlr_dir / "serve.log"
    with (
        server(hugo_command, bench.work, hugo_url),
        server(mlr_command, bench.mlr_dir, mlr_url, log),
    ):
        script = ReloadScript(mlr_port)
        for round_ in range(rounds):
            # Both servers watch the same files, so each sees the other's save too.  A save
            # is measured on idle servers: after mlr-minutes' fast path and the build that
            # follows it (lists, search index); Hugo's rebuild is done well before.
            time.sleep(1.0)
            builds = reload_counter(mlr_port)
            nonce = f"andring{round_}h"
            bench.edit(nonce)
            hugo_times.append(wait_for_text(hugo_url, nonce))
            wait_for_builds(mlr_port, builds + 2, limit=120.0)
            builds = reload_counter(mlr_port)
            script.ask(builds)  # the open page's request, waiting before the save
            time.sleep(1.0)
            nonce = f"andring{round_}m"
            started = time.perf_counter()
            bench.edit(nonce)
            mlr_times.append(script.wait_for_text(mlr_url, nonce, builds, started))
            wait_for_builds(mlr_port, builds + 2, limit=120.0)
    return hugo_times, mlr_times, fast_path_seconds(log)


def reload_counter(port: int) -> int:
    """mlr-minutes serve's build counter (what the browser's reload script polls)."""
    text = fetch(f"http://127.0.0.1:{port}/__mlr_reload").strip()
    return int(text) if text.isdigit() else 0


def wait_for_builds(port: int, count: int, limit: float = WAIT_LIMIT) -> None:
    started = time.perf_counter()
    while reload_counter(port) < count and time.perf_counter() - started < limit:
        time.sleep(0.1)


def mlr_meeting_path(bench: Bench, edited: Path) -> str:
    """The address of the edited file's meeting page in mlr-minutes' built site."""
    site = bench.mlr_dir / "site"
    day = edited.stem[:10]
    for page in sorted((site / "moten").glob(f"{day}*/index.html")):
        return page.parent.relative_to(site).as_posix() + "/"
    sys.exit(f"no meeting page for {edited.name} in {site}")


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def pagefind_alone(site: Path, scratch: Path) -> Run:
    """Pagefind over a copy of the built site (the index removed), measured on its own."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns("pagefind"))
    try:
        return run([sys.executable, "-m", "pagefind", "--site", "."], scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No request log in the benchmark's output."""


QUERY_SCRIPT = """async (term) => {
  // The index's further parts, as the search page lists them (merged as it merges them).
  const page = await (await fetch("/sok/")).text();
  const listed = page.match(/data-merge="([^"]*)"/);
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ basePath: "/pagefind/" });
  for (const part of listed ? listed[1].split(" ") : []) {
    if (part) await pagefind.mergeIndex(part);
  }
  const search = await pagefind.search(term);
  await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return search.results.length;
}"""


def query_bytes(site: Path, terms: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """For each term: (results, bytes Pagefind fetched) for a search and its first five
    results' excerpts, in a fresh headless Chromium page (nothing cached between terms)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    handler = lambda *a: _Quiet(*a, directory=str(site))  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    found: dict[str, tuple[int, int]] = {}
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    args = ["--disable-background-networking", "--disable-component-update",
            "--disable-quic", "--no-first-run", "--disable-sync", "--disable-gpu"]  # fmt: skip
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
            for term in terms:
                page = browser.new_page()
                fetched: list[int] = []

                def count(response: Any, fetched: list[int] = fetched) -> None:
                    if "/pagefind/" in response.url:
                        with contextlib.suppress(Exception):
                            fetched.append(len(response.body()))

                page.on("response", count)
                page.goto(base + "/404.html")
                results = page.evaluate(QUERY_SCRIPT, term)
                page.wait_for_load_state("networkidle")
                found[term] = (int(results), sum(fetched))
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return found


def report_row(label: str, hugo: list[float], ours: list[float]) -> dict[str, object]:
    h, m = statistics.median(hugo), statistics.median(ours)
    ratio = m / h if h else float("inf")
    print(f"  {label:<26} Hugo {h:7.2f} s   mlr-minutes {m:7.2f} s   {ratio:6.1f}× Hugo")
    return {"step": label, "hugo_s": round(h, 3), "mlr_s": round(m, 3), "ratio": round(ratio, 2)}


def compare(count: int, rounds: int, work: Path) -> dict[str, object]:
    """Run every step on ``count`` files; print the table and return it as data."""
    bench = Bench(work, count)
    size = bench.prepare()
    print(f"\nSide by side with {hugo_version()} – {count} files, "
          f"{size / count / 1024:.1f} KB each, {os.cpu_count()} cores, "
          f"{rounds} alternating runs, medians")  # fmt: skip
    rows = []
    hugo_cold, mlr_cold = alternate(rounds, bench.hugo_cold, bench.mlr_cold)
    rows.append(report_row("cold full build", [r.seconds for r in hugo_cold],
                           [r.seconds for r in mlr_cold]))  # fmt: skip
    hugo_warm, mlr_warm = alternate(rounds, bench.hugo, bench.mlr)
    rows.append(report_row("warm, nothing changed", [r.seconds for r in hugo_warm],
                           [r.seconds for r in mlr_warm]))  # fmt: skip
    edits = iter(range(1_000_000))

    def hugo_edited() -> Run:
        bench.edit(f"bygge{next(edits)}")
        return bench.hugo()

    def mlr_edited() -> Run:
        bench.edit(f"bygge{next(edits)}")
        return bench.mlr()

    hugo_one, mlr_one = alternate(rounds, hugo_edited, mlr_edited)
    rows.append(report_row("one file changed", [r.seconds for r in hugo_one],
                           [r.seconds for r in mlr_one]))  # fmt: skip
    rows.append(serve_rows(bench, rounds))
    site = bench.mlr_dir / "site"
    pagefind = pagefind_alone(site, work / "pagefind-scratch")
    index = site / "pagefind"
    queries = query_bytes(site, (RARE_WORD, COMMON_WORD))
    extra = {
        "peak_mib_cold_build": {
            "hugo": max(r.peak_mib for r in hugo_cold),
            "mlr": max(r.peak_mib for r in mlr_cold),
        },
        "peak_mib_pagefind": round(pagefind.peak_mib),
        "pagefind_seconds": round(pagefind.seconds, 2),
        "pages": {"hugo": html_pages(bench.hugo_dir / "public"), "mlr": html_pages(site)},
        "index_bytes": folder_bytes(index),
        "index_files": sum(1 for _ in index.rglob("*")),
        "query": {t: {"results": r, "bytes": b} for t, (r, b) in queries.items()},
    }
    peaks = extra["peak_mib_cold_build"]
    assert isinstance(peaks, dict)
    print(f"  peak memory, cold build     Hugo {peaks['hugo']:.0f} MiB   "
          f"mlr-minutes {peaks['mlr']:.0f} MiB (largest process, Pagefind included)")  # fmt: skip
    print(f"  Pagefind alone              {pagefind.seconds:.1f} s, "
          f"peak {pagefind.peak_mib:.0f} MiB")  # fmt: skip
    pages = extra["pages"]
    assert isinstance(pages, dict)
    print(f"  pages written               Hugo {pages['hugo']}   mlr-minutes {pages['mlr']}")
    print(f"  search index                {folder_bytes(index) / 1024:.0f} KiB in "
          f"{extra['index_files']} files")  # fmt: skip
    for term, (results, fetched) in queries.items():
        print(f"  query {term!r:<21} {results} results, {fetched / 1024:.0f} KiB fetched "
              "(search and five excerpts)")  # fmt: skip
    return {"files": count, "bytes": size, "rounds": rounds, "rows": rows, **extra}


def serve_rows(bench: Bench, rounds: int) -> dict[str, object]:
    """The dev servers' edit-to-page row, printed with our fast path's own time."""
    hugo, ours, fast = edit_to_page(bench, rounds)
    row = report_row("serve: edit to page", hugo, ours)
    seconds = ", ".join(f"{s:.2f}" for s in fast)
    print(f"  {'serve: fast path alone':<26} mlr-minutes {statistics.median(fast or [0]):.2f} s "
          f"(as the server logged it: {seconds})")  # fmt: skip
    all_rounds = {
        "hugo_all_s": [round(s, 3) for s in hugo],
        "mlr_all_s": [round(s, 3) for s in ours],
    }
    return {**row, **all_rounds, "mlr_fast_path_s": fast}


def serve_only(count: int, rounds: int, work: Path) -> dict[str, object]:
    """Only the dev servers' edit-to-page time (one build first, for the page's address)."""
    bench = Bench(work, count)
    size = bench.prepare()
    print(f"\nServe side by side with {hugo_version()} – {count} files, {os.cpu_count()} cores, "
          f"{rounds} rounds, medians")  # fmt: skip
    bench.mlr()
    return {"files": count, "bytes": size, "rounds": rounds, "rows": [serve_rows(bench, rounds)]}


def hugo_version() -> str:
    done = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    found = re.search(r"v(\d+\.\d+\.\d+)", done.stdout)
    return f"Hugo {found.group(1)}" if found else "Hugo"


def main(argv: list[str]) -> None:
    """``compare.py [--large] [--rounds N] [--only serve]``: 1,000 files, or 10,000 with
    ``--large``; every step, or only the dev servers' edit-to-page time."""
    count = 10_000 if "--large" in argv else 1_000
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    only_serve = "--only" in argv and argv[argv.index("--only") + 1] == "serve"
    work = ROOT / ".bench" / f"compare-{count}"
    result = (serve_only if only_serve else compare)(count, rounds, work)
    name = f"compare-{count}-serve" if only_serve else f"compare-{count}"
    out = ROOT / ".bench" / f"{name}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"  (saved to {out.relative_to(ROOT)})")


if __name__ == "__main__":
    main(sys.argv[1:])
