"""``mlr-minutes serve``: builds, serves on 127.0.0.1, rebuilds on save, survives broken files."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mlr_minutes.commands.serve import DevServer, ServeOptions, inject

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT / "tests" / "fixtures" / "archive"
TIMEOUT = 30.0
MEETING = "2017-05-23-styrelsemote"

# No proxy, whatever the environment says: these requests go to this machine only.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


RAW_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def get(url: str, opener: urllib.request.OpenerDirector = OPENER) -> tuple[int, str, str]:
    """Status, body and Location of a GET, errors included (never raises for HTTP status)."""
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8"), ""
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode("utf-8"), error.headers.get("Location", "")


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out after {TIMEOUT} s waiting for {what}")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    shutil.copytree(ARCHIVE, folder)
    return folder


@pytest.fixture
def server(source: Path) -> Iterator[DevServer]:
    lines: list[str] = []
    dev = DevServer(ServeOptions(source=source, port=0, poll_seconds=0.1), log=lines.append)
    dev.start()
    try:
        yield dev
    finally:
        dev.stop()


def rewrite(path: Path, text: str) -> None:
    # A different size as well as a new mtime, so that even coarse clocks see the change.
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_serves_the_site_with_the_reload_script(server: DevServer) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    status, page, _ = get(server.url)
    assert status == 200
    assert '<script src="/__mlr_reload.js" data-bygge="1"></script></body>' in page
    assert get(server.url + "__mlr_reload") == (200, "1", "")
    status, script, _ = get(server.url + "__mlr_reload.js")
    assert status == 200
    assert "location.reload" in script
    status, css, _ = get(server.url + "static/style.css")
    assert status == 200
    assert "__mlr_reload" not in css
    status, _, location = get(server.url + "moten", RAW_OPENER)
    assert (status, location) == (301, "/moten/")
    status, missing, _ = get(server.url + "finns-inte/")
    assert status == 404
    assert "__mlr_reload.js" in missing


def test_the_built_site_has_no_reload_script(server: DevServer) -> None:
    pages = list(server.out.rglob("*.html"))
    assert pages
    assert not any("__mlr_reload" in page.read_text(encoding="utf-8") for page in pages)


def test_rebuilds_when_a_file_changes_and_survives_a_broken_one(
    server: DevServer, source: Path
) -> None:
    minutes = source / f"{MEETING}.md"
    page_url = server.url + f"moten/{MEETING}/"
    status, page, _ = get(page_url)
    assert status == 200
    assert "Zebrafinkens återkomst" not in page

    original = minutes.read_text(encoding="utf-8")
    rewrite(minutes, original + "\n### 99. Zebrafinkens återkomst\n\nNytt stycke.\n")
    wait_for(lambda: "Zebrafinkens återkomst" in get(page_url)[1], "the edited page")
    # The new pages are served from the moment the new site is swapped in; the counter moves
    # when the build returns, after the old site has been deleted (longer for a larger site).
    wait_for(lambda: int(get(server.url + "__mlr_reload")[1]) >= 2, "the build counter")

    broken = source / "2017-06-01-styrelsemote.md"
    rewrite(broken, "---\ndate: [2017-06-01\n---\n\n## Styrelsemöte\n\n### 1. Punkt\n")
    wait_for(lambda: 'role="alert"' in get(server.url)[1], "the error banner")
    status, page, _ = get(server.url)
    assert status == 200
    assert "Senaste bygget har 1 fel" in page
    assert f"{broken}:" in page
    assert "front-matter-invalid" in page
    assert "Zebrafinkens återkomst" in get(page_url)[1]  # the rest of the site is still served
    status, error_page, _ = get(server.url + "finns-inte/")
    assert status == 500
    assert "Webbplatsen kunde inte byggas färdigt" in error_page
    assert "__mlr_reload.js" in error_page

    rewrite(broken, "---\ndate: 2017-06-01\n---\n\n## Styrelsemöte\n\n### 1. Punkt\n")
    wait_for(lambda: 'role="alert"' not in get(server.url)[1], "the banner to go")
    assert get(server.url + "moten/2017-06-01-styrelsemote/")[0] == 200


def test_a_site_that_cannot_be_built_at_all_shows_the_error_page(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "utan-datum.md").write_text("## Möte\n\n### 1. Punkt\n", encoding="utf-8")
    with DevServer(ServeOptions(source=folder, port=0), log=lambda _: None) as dev:
        status, page, _ = get(dev.url)
        assert status in (200, 500)
        assert "missing-date" in page
        assert "mötesdatum saknas" in page


def test_base_url_prefix(source: Path) -> None:
    options = ServeOptions(source=source, port=0, base_url="mlr-arkiv")
    with DevServer(options, log=lambda _: None) as dev:
        assert dev.url.endswith("/mlr-arkiv/")
        root = dev.url.removesuffix("mlr-arkiv/")
        assert get(root, RAW_OPENER)[::2] == (302, "/mlr-arkiv/")
        assert get(dev.url)[0] == 200
        assert get(root + "index.html")[0] == 404


def test_stop_is_clean(source: Path) -> None:
    before = set(threading.enumerate())
    dev = DevServer(ServeOptions(source=source, port=0), log=lambda _: None)
    url = dev.start()
    workdir = dev.out.parent
    assert workdir.is_dir()
    dev.stop()
    assert not workdir.exists()
    assert set(threading.enumerate()) <= before
    with pytest.raises(urllib.error.URLError):
        get(url)


def test_injection_puts_the_banner_after_body_and_the_script_before_its_end() -> None:
    from mlr_minutes.commands.serve import BuildState
    from mlr_minutes.model import Diagnostic, Level

    error = Diagnostic(Level.ERROR, "minutes/x.md", 3, "missing-date", "mötesdatum <saknas>")
    page = b'<html><body class="x"><p>Hej</p></body></html>'
    out = inject(page, BuildState(7, (error,), True)).decode()
    assert out.startswith('<html><body class="x"><div role="alert"')
    assert "minutes/x.md:3" in out and "mötesdatum &lt;saknas&gt;" in out
    assert out.endswith(
        '<p>Hej</p><script src="/__mlr_reload.js" data-bygge="7"></script></body></html>'
    )


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts ``… &``


@pytest.mark.parametrize(
    ("stop", "started"),
    [(signal.SIGINT, None), (signal.SIGTERM, None), (signal.SIGINT, _ignore_interrupts)],
    ids=["ctrl-c", "sigterm", "ctrl-c-started-in-the-background"],
)
def test_the_command_prints_the_url_and_stops_cleanly(
    source: Path, stop: signal.Signals, started: Callable[[], None] | None
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "mlr_minutes", "serve", "--port", "0", "--source", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=started,  # a signal disposition, set before exec
    )
    try:
        stdout = process.stdout
        assert stdout is not None
        lines: list[str] = []
        # readline blocks; a thread bounds the wait for the URL line.
        reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(TIMEOUT)
        assert lines and lines[0].startswith("http://127.0.0.1:"), lines
        url = lines[0].strip()
        assert get(url)[0] == 200
        process.send_signal(stop)
        _, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Servern är stoppad." in err
    assert "Traceback" not in err


def test_a_busy_port_is_reported_in_swedish(source: Path) -> None:
    from click.testing import CliRunner

    from mlr_minutes.commands.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        before = signal.getsignal(signal.SIGTERM)
        result = CliRunner().invoke(main, ["serve", "--port", str(port), "--source", str(source)])
    assert result.exit_code == 1, result.output
    assert f"fel: servern kunde inte starta på port {port}" in result.stderr
    assert signal.getsignal(signal.SIGTERM) == before


def test_an_edit_is_shown_at_once_and_the_rest_follows_in_the_background(source: Path) -> None:
    """The fast path renders the edited meeting's page before anything else; the full build
    (lists, search index) runs after it.  No timing is asserted: ``make bench`` measures."""
    lines: list[str] = []
    dev = DevServer(ServeOptions(source=source, port=0, poll_seconds=0.1), log=lines.append)
    dev.start()
    try:
        minutes = source / f"{MEETING}.md"
        page_url = dev.url + f"moten/{MEETING}/"
        original = minutes.read_text(encoding="utf-8")
        rewrite(minutes, original.replace("Styrelsemöte", "Styrelsemöte Zebrafinkar", 1))
        wait_for(lambda: "Zebrafinkar" in get(page_url)[1], "the edited page")
        wait_for(lambda: any(line.startswith("Visar ") for line in lines), "the fast path")
        assert any(MEETING in line for line in lines if line.startswith("Visar "))
        shown = dev.state.generation
        # Then the full build (lists, feeds, search index) in the background: the counter
        # moves again and the page keeps the edit.
        wait_for(lambda: dev.state.generation > shown, "the full build")
        assert "Zebrafinkar" in get(page_url)[1]
        assert (dev.out / "pagefind" / "pagefind-entry.json").is_file()
    finally:
        dev.stop()


def long_poll(url: str, answers: list[str]) -> threading.Thread:
    """A reload request (as the page's script sends it) in a thread; its answer, or the
    error it met, goes to ``answers``."""

    def ask() -> None:
        try:
            with OPENER.open(url, timeout=TIMEOUT * 2) as response:
                answers.append(response.read().decode("utf-8"))
        except OSError as error:
            answers.append(f"error: {error}")

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    return thread


def test_a_reload_request_waits_for_the_build_that_shows_the_save(
    server: DevServer, source: Path
) -> None:
    """``?efter=N`` is answered once a build other than N is published, and by then the
    edited page is served: the browser reloads at once and sees the edit."""
    seen = server.state.generation
    page_url = server.url + f"moten/{MEETING}/"
    answers: list[str] = []
    waiting = long_poll(server.url + f"__mlr_reload?efter={seen}", answers)
    waiting.join(0.5)
    assert waiting.is_alive() and answers == []  # nothing changed: the request waits
    minutes = source / f"{MEETING}.md"
    rewrite(minutes, minutes.read_text("utf-8").replace("Styrelsemöte", "Zebrafinkmöte", 1))
    waiting.join(TIMEOUT)
    assert not waiting.is_alive()
    assert int(answers[0]) > seen
    assert "Zebrafinkmöte" in get(page_url)[1]


def test_a_reload_request_for_another_build_or_none_is_answered_at_once(
    server: DevServer,
) -> None:
    current = str(server.state.generation)
    for query in ("", "?efter=0", f"?efter={int(current) + 5}", "?efter=zebra", "?annat=1"):
        assert get(server.url + "__mlr_reload" + query) == (200, current, ""), query


def test_stop_answers_a_waiting_reload_request(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlr_minutes.commands import serve

    monkeypatch.setattr(serve, "LONG_POLL_SECONDS", 10 * TIMEOUT)
    dev = DevServer(ServeOptions(source=source, port=0), log=lambda _: None)
    dev.start()
    answers: list[str] = []
    try:
        waiting = long_poll(dev.url + f"__mlr_reload?efter={dev.state.generation}", answers)
        waiting.join(0.5)
        assert waiting.is_alive()
    finally:
        stopper = threading.Thread(target=dev.stop, daemon=True)
        stopper.start()
        stopper.join(TIMEOUT)
    assert not stopper.is_alive()
    waiting.join(TIMEOUT)  # well before the long poll's own end (ten times as long)
    assert not waiting.is_alive()
    assert answers == ["1"]


def test_a_save_is_seen_by_its_file_event_without_waiting_for_the_poll(source: Path) -> None:
    """With a poll of a minute, only the file event can have started the rebuild."""
    lines: list[str] = []
    options = ServeOptions(source=source, port=0, poll_seconds=10 * TIMEOUT)
    with DevServer(options, log=lines.append) as dev:
        page_url = dev.url + f"moten/{MEETING}/"
        minutes = source / f"{MEETING}.md"
        rewrite(minutes, minutes.read_text("utf-8").replace("Styrelsemöte", "Zebrafinkmöte", 1))
        wait_for(lambda: "Zebrafinkmöte" in get(page_url)[1], "the edited page")
    assert not any(line.startswith("Filhändelser går inte") for line in lines)


def test_without_file_events_the_watcher_polls(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    def refuse(*args: object, **kwargs: object) -> Iterator[set[object]]:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchfiles, "watch", refuse)
    lines: list[str] = []
    options = ServeOptions(source=source, port=0, poll_seconds=0.1)
    with DevServer(options, log=lines.append) as dev:
        page_url = dev.url + f"moten/{MEETING}/"
        minutes = source / f"{MEETING}.md"
        rewrite(minutes, minutes.read_text("utf-8").replace("Styrelsemöte", "Zebrafinkmöte", 1))
        wait_for(lambda: "Zebrafinkmöte" in get(page_url)[1], "the edited page")
    (fallback,) = [line for line in lines if line.startswith("Filhändelser går inte")]
    assert "inotify watch limit reached" in fallback and "var 0,1 s" in fallback


def test_the_configuration_file_is_seen_on_the_poll(source: Path, tmp_path: Path) -> None:
    """The configuration file is not below a watched folder: the poll notices it."""
    config = tmp_path / "mlr-minutes.yaml"
    config.write_text("municipalities: [Hörby]\n", "utf-8")
    lines: list[str] = []
    options = ServeOptions(source=source, port=0, poll_seconds=0.1, config_path=config)
    with DevServer(options, log=lines.append) as dev:
        built = dev.state.generation
        rewrite(config, "municipalities: [Hörby, Höör]\n")
        wait_for(lambda: dev.state.generation > built, "the rebuild")
    assert any("mlr-minutes.yaml" in line for line in lines if line.startswith("Ändrat: "))


def test_the_snapshot_leaves_out_editor_files_and_version_control(tmp_path: Path) -> None:
    from mlr_minutes.commands.watch import snapshot

    for name in ("a.md", "mall/sida.html", ".a.md.swp", "a.md~", ".#a.md", ".git/index"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    seen = snapshot((tmp_path,))
    assert sorted(Path(path).relative_to(tmp_path).as_posix() for path in seen) == [
        "a.md",
        "mall/sida.html",
    ]


@pytest.mark.browser
def test_an_open_page_reloads_itself_with_the_edit(chromium: Any, source: Path) -> None:
    """The page's own script in a real browser: it waits on the reload request, reloads
    when the save is published, and shows the edit (no timing asserted; ``make bench``
    measures this path)."""
    with DevServer(ServeOptions(source=source, port=0), log=lambda _: None) as dev:
        tab = chromium.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        try:
            # The script's reload request is waiting before the save, as in a real edit.
            waiting = lambda request: "__mlr_reload?efter=" in request.url  # noqa: E731
            with tab.expect_request(waiting, timeout=TIMEOUT * 1000):
                tab.goto(dev.url + f"moten/{MEETING}/")
            minutes = source / f"{MEETING}.md"
            edited = minutes.read_text("utf-8").replace("Styrelsemöte", "Zebrafinkmöte", 1)
            rewrite(minutes, edited)
            tab.wait_for_function(
                "document.body.textContent.includes('Zebrafinkmöte')", timeout=TIMEOUT * 1000
            )
        finally:
            tab.close()
    assert problems == []


def test_the_fast_path_writes_the_bytes_a_full_build_writes(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edited meeting's page and source, as the fast path writes them into the served
    site, are byte for byte what a full build of the edited minutes writes (the per-meeting
    records kept between archives included)."""
    from mlr_minutes.build import BuildOptions, build_site
    from mlr_minutes.cache import BuildCache
    from mlr_minutes.commands.quick import quick_update
    from mlr_minutes.config import DEFAULT
    from mlr_minutes.load import load_meetings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    served = tmp_path / "served"
    full = BuildOptions(source, served, internal=True, cache=BuildCache(None, "serve"))
    assert build_site(full, progress=lambda text: None).ok
    quick = BuildCache(None, "quick")
    published = frozenset(m.id for m in load_meetings([source], DEFAULT, cache=quick).publishable())
    minutes = source / f"{MEETING}.md"
    lomma = "\n### 99. Zebrafinkar\n\nLomma och Staffanstorp bjöd in. Nytt stycke.\n"
    rewrite(minutes, minutes.read_text("utf-8") + lomma)
    update = quick_update(BuildOptions(source, served), quick, published, {})
    assert update is not None and update.meetings == (MEETING,)
    assert len(update.files) >= 2  # the page and the source at least
    again = BuildOptions(source, tmp_path / "full", internal=True)
    assert build_site(again, progress=lambda text: None).ok
    for relative in update.files:
        assert (served / relative).read_bytes() == (tmp_path / "full" / relative).read_bytes()
    assert "Zebrafinkar" in (served / update.files[0]).read_text("utf-8")


def test_the_fast_path_shows_a_save_whose_parse_a_full_build_already_cached(
    source: Path, tmp_path: Path
) -> None:
    """A full build that ends just after a save reads the saved file into the fast path's
    cache (to learn what it published) before the watcher reports it: the saved file is
    still shown by the fast path, not left to another full build."""
    from mlr_minutes.build import BuildOptions
    from mlr_minutes.cache import BuildCache
    from mlr_minutes.commands.quick import quick_update
    from mlr_minutes.config import DEFAULT
    from mlr_minutes.load import load_meetings

    quick = BuildCache(None, "quick")
    published = frozenset(m.id for m in load_meetings([source], DEFAULT, cache=quick).publishable())
    minutes = source / f"{MEETING}.md"
    rewrite(minutes, minutes.read_text("utf-8") + "\n### 99. Zebrafinkar\n\nNytt stycke.\n")
    load_meetings([source], DEFAULT, cache=quick)  # what the full build's end does
    options = BuildOptions(source, tmp_path / "served")
    assert quick_update(options, quick, published, {}) is None  # the cache alone: nothing new
    update = quick_update(options, quick, published, {}, saved=[str(minutes)])
    assert update is not None and update.meetings == (MEETING,)
    assert "Zebrafinkar" in (tmp_path / "served" / update.files[0]).read_text("utf-8")
    noise = quick_update(options, quick, published, {}, saved=[str(source / "anteckning.txt")])
    assert noise is None  # a file that is not minutes is not a meeting to show
