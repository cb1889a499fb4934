"""A killed build leaves nothing running and nothing behind: its parse workers follow it
within a second, and the next build removes its staging folder."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ARCHIVE, build
from mlr_minutes.cache import CACHE_FOLDER
from mlr_minutes.recycle import SPARES, spare_key

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """A process's state letter and parent, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text("utf-8", errors="replace")
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()
    return fields[0], int(fields[1])


def children(parent: int) -> list[int]:
    """Living processes whose parent is ``parent``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] == parent and stat[0] != "Z":
                found.append(int(entry.name))
    return found


def threads(pid: int) -> int:
    try:
        return len(list(Path(f"/proc/{pid}/task").iterdir()))
    except OSError:
        return 0


def spawned(pid: int) -> bool:
    """Whether ``pid`` is a multiprocessing worker (not the resource tracker)."""
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


@pytest.fixture(scope="module")
def big_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 meetings, each a few items long: parsing them takes a few seconds on two workers."""
    source = tmp_path_factory.mktemp("big") / "minutes"
    source.mkdir()
    text = (ARCHIVE / "2016-05-24-styrelsemote.md").read_text("utf-8")
    head, _, items = text.partition("### 1.")
    for number in range(400):
        day = (dt.date(2001, 1, 1) + dt.timedelta(days=7 * number)).isoformat()
        body = head.replace("2016-05-24", day) + "".join(f"### 1.{items}" for _ in range(3))
        (source / f"{day}-styrelsemote.md").write_text(body, "utf-8")
    return source


def start_build(
    source: Path, out: Path, cwd: Path | None = None, *options: str
) -> subprocess.Popen[bytes]:
    env = os.environ | {"MLR_WORKERS": "2", "SOURCE_DATE_EPOCH": "1496318400"}
    command = [sys.executable, "-m", "mlr_minutes", "build", "--source", str(source),
               "--out", str(out), *options]  # fmt: skip
    return subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def running_workers(process: subprocess.Popen[bytes]) -> list[int]:
    """The build's worker processes (and resource tracker), once they have started."""
    assert wait_for(lambda: len(children(process.pid)) >= 3, 60)  # 2 workers + tracker
    workers = children(process.pid)
    # Started (a worker watching its parent runs a second thread), not still booting.
    wait_for(lambda: all(threads(pid) >= 2 for pid in workers if spawned(pid)), 10)
    return children(process.pid)


def test_a_terminated_build_shuts_its_workers_down(big_source: Path, tmp_path: Path) -> None:
    process = start_build(big_source, tmp_path / "site")
    try:
        workers = running_workers(process)
        process.terminate()
        assert process.wait(30) == 128 + signal.SIGTERM
    finally:
        process.kill()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 1.0)
    assert not (tmp_path / "site").exists()


def test_a_killed_build_leaves_no_worker_alive(big_source: Path, tmp_path: Path) -> None:
    process = start_build(big_source, tmp_path / "site")
    try:
        workers = running_workers(process)
    finally:
        process.kill()
        process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 1.0), [
        pid for pid in workers if alive(pid)
    ]


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_the_build_after_a_killed_one_leaves_no_staging_folder(
    tmp_path: Path, cached: bool
) -> None:
    out = tmp_path / "site"
    work = tmp_path / "work"  # where the command runs, and keeps its cache
    work.mkdir()
    options = () if cached else ("--no-cache",)
    process = start_build(ARCHIVE, out, work, *options)
    # Staged beside the site, or with a cache in the cache's folder of spares (recycle.py).
    spares = work / CACHE_FOLDER / SPARES
    staging = (
        spares / f"{spare_key(out.resolve())}.work-{process.pid}"
        if cached
        else tmp_path / f".site.new-{process.pid}"
    )
    try:
        assert wait_for(lambda: (staging / "static").exists(), 60)  # killed while writing
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert staging.is_dir()  # what the kill left behind
    if cached:
        again = start_build(ARCHIVE, out, work)
        assert again.wait(120) == 0
        assert wait_for(lambda: not any(spares.iterdir()), 30)  # nothing replaced: no spare
    else:
        assert build(out).result.written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "work"]
    assert (out / "index.html").is_file()
