"""The development server: build, serve on 127.0.0.1, rebuild on change, reload the browser.

``mlr-minutes serve`` builds the site into a temporary folder and serves it
with :class:`http.server.ThreadingHTTPServer`.  A watcher thread (:mod:`.watch`) looks at
the minutes and templates after every file event and at least every ``poll_seconds``, and
rebuilds when a file changed.

A build with errors never stops the server: the files without errors are
still published by the build, every served page gets a banner listing the
problems, and a page that does not exist shows an error page with them.  Each
served HTML page loads ``/__mlr_reload.js``, which asks ``/__mlr_reload?efter=N`` for the
build counter; the server holds that request until the counter is no longer N (a long
poll), so that the page reloads as soon as a build is published.  Only this server adds
the script; the built site never contains it.
"""

from __future__ import annotations

import contextlib
import gc
import html
import io
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, unquote, urlsplit

from ..build import BuildOptions, BuildResult, build_site
from ..cache import BuildCache
from ..config import DEFAULT, Config, ConfigError, load_config
from ..load import load_meetings
from ..model import Diagnostic, Level
from ..render import Renderer, template_dirs
from .quick import quick_update
from .watch import Snapshot, snapshot, wakeups

HOST = "127.0.0.1"
"""Only this machine: the dev server is for the coordinator, not the network."""

POLL_SECONDS = 0.2
"""How often the watcher looks at modification times without a file event."""

LONG_POLL_SECONDS = 25.0
"""How long a reload request waits for a new build before it answers the current one
(well under the time browsers and proxies give up on a quiet request)."""

BACKGROUND_NICENESS = 10
"""Niceness of the thread that rebuilds the rest of the site after a save (Linux: per thread)."""

RELOAD_PATH = "/__mlr_reload"
RELOAD_SCRIPT_PATH = "/__mlr_reload.js"
RELOAD_AFTER = "efter"
"""The reload request's parameter: the build counter the page was served with."""

RELOAD_SCRIPT = """\
// mlr-minutes serve: ladda om sidan när webbplatsen har byggts om.
(function () {
  var script = document.currentScript;
  var seen = script ? script.getAttribute("data-bygge") : null;
  // Servern svarar när bygget inte längre är det sidan visar (eller efter en stund).
  function poll() {
    var query = seen === null ? "" : "?efter=" + encodeURIComponent(seen);
    fetch("/__mlr_reload" + query, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.statusText); }
        return response.text();
      })
      .then(function (build) {
        if (seen === null) { seen = build; }
        else if (build !== seen) { window.location.reload(); return; }
        poll();
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  poll();
})();
"""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What to build and where to listen."""

    source: Path
    """Folder of minutes files, watched."""
    templates: Path | None = None
    """Folder of template overrides, watched when given."""
    base_url: str = "/"
    """Path the site is served under, as for ``build``."""
    config: Config = DEFAULT
    """Focus areas, municipalities, bodies (used when ``config_path`` is None)."""
    config_path: Path | None = None
    """The configuration file, watched and re-read on every build when given."""
    port: int = 8000
    """TCP port; 0 picks a free one."""
    poll_seconds: float = POLL_SECONDS
    """How often to look for changes."""


@dataclass(frozen=True, slots=True)
class BuildState:
    """The outcome of the latest build, as the request handlers see it."""

    generation: int
    """Counts builds from 1; the reload script compares it."""
    errors: tuple[Diagnostic, ...]
    """Error diagnostics of the latest build (empty when it was clean enough to publish)."""
    has_site: bool
    """Whether any build has written a site to serve."""


def _prefix(base_url: str) -> str:
    inner = base_url.strip().strip("/")
    return f"/{inner}/" if inner else "/"


def _reload_tag(generation: int) -> bytes:
    return f'<script src="{RELOAD_SCRIPT_PATH}" data-bygge="{generation}"></script>'.encode()


def _diagnostic_items(errors: tuple[Diagnostic, ...]) -> str:
    rows = []
    for d in errors:
        where = f"{d.path}:{d.line}" if d.line is not None else d.path
        hint = f"<br><small>hjälp: {html.escape(d.hint)}</small>" if d.hint else ""
        rows.append(
            f"<li><code>{html.escape(where)}</code>: {html.escape(d.message)} "
            f"<small>[{html.escape(d.code)}]</small>{hint}</li>"
        )
    return "\n".join(rows)


def error_page(errors: tuple[Diagnostic, ...], generation: int) -> bytes:
    """A Swedish page listing the build's errors, with the reload script."""
    count = len(errors)
    body = f"""<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Bygget har fel – mlr-minutes</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
li{{margin:.5rem 0}}code{{background:#f3f3f3;padding:0 .2rem}}</style></head>
<body>
<main>
<h1>Webbplatsen kunde inte byggas färdigt</h1>
<p>{count} fel hittades. Rätta dem och spara filen; sidan laddas om av sig själv.</p>
<ul>
{_diagnostic_items(errors)}
</ul>
<p>Kör <code>mlr-minutes check</code> för samma lista i terminalen.</p>
</main>
""".encode()
    return body + _reload_tag(generation) + b"\n</body>\n</html>\n"


def error_banner(errors: tuple[Diagnostic, ...]) -> bytes:
    """A banner for the top of every page while the latest build has errors."""
    return (
        '<div role="alert" style="background:#fde8e8;color:#5c0000;border-bottom:3px solid '
        '#b00020;padding:.75rem 1rem;font-family:system-ui,sans-serif">'
        f"<strong>Senaste bygget har {len(errors)} fel</strong> – filer med fel visas inte. "
        f"<ul>{_diagnostic_items(errors)}</ul></div>"
    ).encode()


def inject(page: bytes, state: BuildState) -> bytes:
    """The page with the reload script (and the error banner, when there are errors)."""
    if state.errors:
        start = page.find(b"<body")
        end = page.find(b">", start) if start != -1 else -1
        if end != -1:
            page = page[: end + 1] + error_banner(state.errors) + page[end + 1 :]
        else:
            page = error_banner(state.errors) + page
    tag = _reload_tag(state.generation)
    close = page.rfind(b"</body>")
    return page[:close] + tag + page[close:] if close != -1 else page + tag


LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
"""The names a browser on this machine reaches the server by."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    dev: DevServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes the connection early (a reload, a cancelled request) is
        normal, not an error with a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def allowed_hosts(self) -> set[str]:
        """The ``Host`` headers this server answers: its own address only, so that a web
        page whose name has been rebound to 127.0.0.1 (DNS rebinding) cannot read it."""
        port = self.server_address[1]
        hosts = {f"{name}:{port}" for name in LOCAL_NAMES}
        return hosts | set(LOCAL_NAMES) if port == 80 else hosts


def _seen_generation(request_path: str) -> int | None:
    """The build counter a reload request names (``?efter=N``); None when it names none."""
    values = parse_qs(urlsplit(request_path).query).get(RELOAD_AFTER, [])
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def __init__(self, request: Any, client_address: Any, server: _Server) -> None:
        super().__init__(request, client_address, server, directory=str(server.dev.out))

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the reload poll would fill the terminal."""

    def end_headers(self) -> None:
        # Every page can change with the next save; the browser must not keep old ones.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send_bytes(self, status: HTTPStatus, data: bytes, content_type: str) -> BinaryIO:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def _host_refused(self) -> BinaryIO | None:
        host = self.headers.get("Host")
        if host is None:
            page, status = "<h1>Host saknas i begäran</h1>", HTTPStatus.BAD_REQUEST
        elif host.strip().lower() not in self.server.allowed_hosts():
            page, status = (
                "<h1>Servern svarar bara på 127.0.0.1</h1>",
                HTTPStatus.MISDIRECTED_REQUEST,
            )
        else:
            return None
        return self._send_bytes(status, page.encode("utf-8"), "text/html; charset=utf-8")

    def send_head(self) -> BinaryIO | None:
        refused = self._host_refused()
        if refused is not None:
            return refused
        dev = self.server.dev
        state = dev.state
        path = unquote(urlsplit(self.path).path)
        if path == RELOAD_PATH:
            seen = _seen_generation(self.path)
            if seen is not None:
                state = dev.wait_for_build(seen, LONG_POLL_SECONDS)
            return self._send_bytes(HTTPStatus.OK, str(state.generation).encode(), "text/plain")
        if path == RELOAD_SCRIPT_PATH:
            return self._send_bytes(
                HTTPStatus.OK, RELOAD_SCRIPT.encode(), "text/javascript; charset=utf-8"
            )
        if not state.has_site:
            return self._error_page(state)
        prefix = dev.prefix
        if not path.startswith(prefix):
            if path in ("/", prefix.rstrip("/")):
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", prefix)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._not_found(state)
        target = Path(self.translate_path("/" + path[len(prefix) :]))
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(state)
        if target.suffix == ".html":
            try:
                page = target.read_bytes()
            except OSError:
                return self._not_found(state)
            return self._send_bytes(HTTPStatus.OK, inject(page, state), "text/html; charset=utf-8")
        self.path = "/" + path[len(prefix) :]
        return super().send_head()

    def _error_page(self, state: BuildState) -> BinaryIO:
        page = error_page(state.errors, state.generation)
        return self._send_bytes(HTTPStatus.INTERNAL_SERVER_ERROR, page, "text/html; charset=utf-8")

    def _not_found(self, state: BuildState) -> BinaryIO:
        if state.errors:
            return self._error_page(state)
        not_found = self.server.dev.out / "404.html"
        page = not_found.read_bytes() if not_found.is_file() else b"<h1>Sidan finns inte</h1>"
        return self._send_bytes(
            HTTPStatus.NOT_FOUND, inject(page, state), "text/html; charset=utf-8"
        )


@dataclass
class DevServer:
    """Builds, serves and rebuilds; ``start`` then ``stop`` (or use it as a context manager)."""

    options: ServeOptions
    log: Callable[[str], None] = print
    out: Path = field(init=False)
    state: BuildState = field(init=False, default=BuildState(0, (), False))
    _workdir: Path | None = field(init=False, default=None)
    _httpd: _Server | None = field(init=False, default=None)
    _threads: list[threading.Thread] = field(init=False, default_factory=list)
    _stopping: threading.Event = field(init=False, default_factory=threading.Event)
    _cache: BuildCache = field(init=False, default_factory=lambda: BuildCache(None, "serve"))
    """Parses and page records of the full builds (in memory)."""
    _quick: BuildCache = field(init=False, default_factory=lambda: BuildCache(None, "quick"))
    """Parses of the fast path, which runs beside a full build (its own cache)."""
    _renderers: dict[Path | None, Renderer] = field(init=False, default_factory=dict)
    """The fast path's compiled templates, kept while only minutes change."""
    _published: frozenset[str] | None = field(init=False, default=None)
    """Meetings the last full build published; None when the fast path must not run."""
    _build_lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _quick_lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _pending: threading.Event = field(init=False, default_factory=threading.Event)
    _published_state: threading.Condition = field(init=False, default_factory=threading.Condition)
    """Held to change ``state``, and notified then (and on stop): reload requests wait on it."""

    @property
    def prefix(self) -> str:
        """The URL path the site lives under."""
        return _prefix(self.options.base_url)

    @property
    def url(self) -> str:
        """Where the site is served."""
        if self._httpd is None:
            raise RuntimeError("servern är inte startad")
        return f"http://{HOST}:{self._httpd.server_address[1]}{self.prefix}"

    def _watched(self) -> tuple[Path, ...]:
        # The built-in templates too, so that editing them in a checkout shows at once.
        paths = [self.options.source, *template_dirs(self.options.templates)]
        if self.options.config_path is not None:
            paths.append(self.options.config_path)
        return tuple(paths)

    def _publish(self, errors: tuple[Diagnostic, ...], has_site: bool) -> None:
        """The next build's state: count it and wake the reload requests that wait."""
        with self._published_state:
            self.state = BuildState(self.state.generation + 1, errors, has_site)
            self._published_state.notify_all()

    def wait_for_build(self, seen: int, timeout: float) -> BuildState:
        """The state once its counter is not ``seen``, or after ``timeout`` seconds, or once
        the server stops, whichever comes first."""
        with self._published_state:
            self._published_state.wait_for(
                lambda: self.state.generation != seen or self._stopping.is_set(), timeout
            )
            return self.state

    def build(self) -> BuildResult | None:
        """Rebuild now; the new state is published when the build is done."""
        try:
            config = (
                load_config(self.options.config_path)
                if self.options.config_path is not None
                else self.options.config
            )
        except ConfigError as error:
            problem = Diagnostic(
                Level.ERROR, str(self.options.config_path), None, "config-invalid", str(error)
            )
            self.log(problem.format())
            self._publish((problem,), self.state.has_site)
            return None
        options = BuildOptions(
            source=self.options.source,
            out=self.out,
            base_url=self.options.base_url,
            templates=self.options.templates,
            config=config,
            internal=True,  # the preview shows internal sections, marked; never published
            cache=self._cache,
        )
        result = build_site(options, progress=lambda text: None)
        self._remember_published(options, result)
        for diagnostic in result.diagnostics:
            self.log(diagnostic.format())
        self.log(result.summary())
        errors = tuple(d for d in result.diagnostics if d.level is Level.ERROR)
        if not result.ok and not errors:
            errors = (
                Diagnostic(
                    Level.ERROR,
                    str(self.options.source),
                    None,
                    "build-failed",
                    "bygget misslyckades",
                ),
            )
        has_site = self.state.has_site or (self.out / "index.html").is_file()
        self._publish(errors, has_site)
        return result

    def _remember_published(self, options: BuildOptions, result: BuildResult) -> None:
        """Let the fast path start from this build: its parses, and what it published."""
        with self._quick_lock:
            self._published = None
            if not result.written or result.tally.errors:
                return
            self._quick.meetings.update(self._cache.meetings)
            loaded = load_meetings([options.source], options.config, cache=self._quick)
            self._published = frozenset(m.id for m in loaded.publishable())

    def _try_quick(self, changed: set[str]) -> bool:
        """Show the edited meetings at once when only minutes changed; True when it did."""
        source = self.options.source.absolute()
        if not changed or not all(Path(p).absolute().is_relative_to(source) for p in changed):
            return False
        started = time.perf_counter()
        with self._quick_lock:
            if self._published is None or self.state.errors:
                return False
            try:
                config = (
                    self.options.config
                    if self.options.config_path is None
                    else load_config(self.options.config_path)
                )
                options = BuildOptions(
                    self.options.source, self.out, self.options.base_url,
                    self.options.templates, config=config,
                )  # fmt: skip
                update = quick_update(
                    options, self._quick, self._published, self._renderers, changed
                )
            except Exception:  # the full build reports whatever went wrong
                return False
        if update is None:
            return False
        self._publish((), True)
        seconds = f"{time.perf_counter() - started:.2f}".replace(".", ",")
        self.log(f"Visar {', '.join(update.meetings)} ({seconds} s); bygger resten i bakgrunden …")
        self._pending.set()
        return True

    def _background(self) -> None:
        """Full builds (lists, feeds, search index) after the fast path, one at a time, at a
        lower priority (inherited by its workers and Pagefind) so that the next save's fast
        path comes first."""
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        while not self._stopping.is_set():
            if not self._pending.wait(0.2):
                continue
            self._pending.clear()
            self._safe_build()

    def start(self) -> str:
        """Build once, start serving and watching; return the URL."""
        self._workdir = Path(tempfile.mkdtemp(prefix="mlr-minutes-serve-"))
        self.out = self._workdir / "site"
        first = snapshot(self._watched())
        self._safe_build()
        httpd = _Server((HOST, self.options.port), _Handler)
        httpd.dev = self
        self._httpd = httpd
        server_thread = threading.Thread(target=httpd.serve_forever, name="mlr-serve", daemon=True)
        watch_thread = threading.Thread(
            target=self._watch, args=(first,), name="mlr-watch", daemon=True
        )
        background = threading.Thread(target=self._background, name="mlr-rest", daemon=True)
        self._threads = [server_thread, watch_thread, background]
        for thread in self._threads:
            thread.start()
        return self.url

    def _watch(self, last: Snapshot) -> None:
        watched = self._watched()
        for _ in wakeups(watched, self.options.poll_seconds, self._stopping, self.log):
            current = snapshot(watched)
            if current != last:
                changed = sorted(set(current.items()) ^ set(last.items()))
                names = sorted({Path(path).name for path, _ in changed})
                self.log("Ändrat: " + ", ".join(names) + " – bygger om …")
                last = current
                if not self._try_quick({path for path, _ in changed}):
                    self._renderers.clear()  # templates may have changed
                    self._safe_build()

    def _safe_build(self) -> None:
        with self._build_lock:
            self._locked_build()
            _settle_memory()

    def _locked_build(self) -> None:
        try:
            self.build()
        except Exception as error:  # a crash in one build must not stop the server
            problem = Diagnostic(
                Level.ERROR,
                str(self.options.source),
                None,
                "internal-error",
                f"bygget kraschade ({type(error).__name__}: {error})",
                "det här är ett fel i mlr-minutes; rapportera det med filerna bifogade",
            )
            self.log(problem.format())
            self._publish((problem,), self.state.has_site)

    def stop(self) -> None:
        """Stop serving and watching, and remove the temporary site."""
        self._stopping.set()
        with self._published_state:
            self._published_state.notify_all()  # reload requests answer now
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        # One deadline for all: a Ctrl-C during a background build (Pagefind running, the
        # watcher waiting for its next batch) stops within it, not ten seconds a thread.
        deadline = time.monotonic() + _STOP_WITHIN
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
        gc.unfreeze()  # the exemption from collection ends with the server

    def __enter__(self) -> DevServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_STOP_WITHIN = 10.0
"""Seconds :meth:`DevServer.stop` waits for the server's threads, all of them together."""


def _settle_memory() -> None:
    """Collect what the last build left, then exempt everything still alive (the parses of
    every meeting, the templates) from the garbage collector's full passes: the fast path
    makes enough objects to start one in about every other save, and each walked the whole
    archive (about 70 ms at 1,000 meetings).  What the next build frees is collected before
    it freezes again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve_forever(
    options: ServeOptions, log: Callable[[str], None], ready: Callable[[str], None]
) -> None:
    """Run the dev server until Ctrl-C; ``ready`` gets the URL once it is serving."""
    server = DevServer(options, log)
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        # ``kill`` and CI runners send SIGTERM: stop as cleanly as on Ctrl-C. Ctrl-C itself
        # is handled here too: a shell that starts a command in the background (``… &``)
        # has it ignore SIGINT, and Python then never raises KeyboardInterrupt.
        for stop in (signal.SIGTERM, signal.SIGINT):
            previous[stop] = signal.signal(stop, _interrupt)
    try:
        ready(server.start())
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        log("Avslutar …")
    finally:
        server.stop()
        for stop, handler in previous.items():
            signal.signal(stop, handler)
