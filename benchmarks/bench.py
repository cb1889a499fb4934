"""Speed and memory of the parser and the site build on a synthetic archive.

``make bench`` (or ``python benchmarks/bench.py [N] [--large] [--no-hugo]``; ``BENCH_N`` also works)
writes N minutes files in the house style of the reference minutes, each about
9 KB, then times two runs in fresh processes so that peak memory is theirs
alone: parsing every file (``load``) and the whole site build (``build``).
Results go to stdout and ``.bench/results.json``.  Then the same tool side by side
with Hugo (:mod:`compare`: 1,000 files, 10,000 with ``--large``).  Compare with the baselines
in shared/notes/recipes.md (10,000 files: Hugo 5.2 s, markdown-it-py + Jinja2
in one process 13.1 s, MkDocs 37 s).

``python benchmarks/bench.py --shapes [BYTES]`` (``make bench`` runs it after the
archive) parses every shape of ``benchmarks/shapes.py`` (ordinary minutes and the
pathological ones) at 1 KB and at BYTES (default 1 MB), each in a fresh process, and
prints MB/s, how much slower per byte the large one is than the small one, and the
parse's peak memory as a multiple of the input (targets: ≥ 1 MB/s for ordinary
minutes, at most 2× per byte, at most 50× the input).  Results go to
``.bench/shapes.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import compare

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = [
    ROOT / "minutes" / "2016-04-19-kommundirektormote.md",
    *sorted((ROOT / "tests" / "fixtures" / "archive").glob("*.md")),
]
BODIES = ("Kommundirektörmöte", "Styrelsemöte")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def make_corpus(folder: Path, count: int) -> int:
    """Write ``count`` minutes files (one per day from 1990 on); return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [path.read_text("utf-8") for path in TEMPLATES]
    start = dt.date(1990, 1, 1)
    total = 0
    for index in range(count):
        day = start + dt.timedelta(days=index)
        text = texts[index % len(texts)]
        text = ISO_DATE.sub(day.isoformat(), text, count=1)
        # Vary the words a little so that nothing is cached across files.
        text = text.replace("Malmö", f"Malmö{index % 7 or ''}", 3)
        name = f"{day.isoformat()}-{'kommundirektormote' if index % 3 else 'styrelsemote'}.md"
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


LOAD = """
import sys
from pathlib import Path
from mlr_minutes.config import DEFAULT
from mlr_minutes.load import load_meetings
result = load_meetings([Path(sys.argv[1])], DEFAULT)
print(len(result.meetings), "möten,", result.tally)
import resource
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

BUILD = """
import sys
from pathlib import Path
from mlr_minutes.build import BuildOptions, build_site
options = BuildOptions(source=Path(sys.argv[1]), out=Path(sys.argv[2]))
result = build_site(options, progress=lambda s: None)
print(result.summary())
import resource
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(label: str, code: str, *args: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; wall time and that process's peak memory."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{label} failed:\n{done.stderr}")
    *output, peaks = done.stdout.strip().split("\n")
    own_kb, children_kb = (int(n) for n in peaks.split())
    return {
        "step": label,
        "seconds": round(seconds, 2),
        "peak_mb": round(own_kb / 1024),
        "worker_peak_mb": round(children_kb / 1024),
        "output": " ".join(output),
    }


SHAPE = """
import resource, sys, time
sys.path.insert(0, sys.argv[3])
from shapes import SHAPES
from mlr_minutes.config import DEFAULT
from mlr_minutes.parse import parse_source
from mlr_minutes.read import decode
make = SHAPES[sys.argv[1]]
small, large = make(1000).encode(), make(int(sys.argv[2])).encode()
def seconds(data, runs):
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        parse_source(decode(data, "shape.md"), DEFAULT)
        best = min(best, time.process_time() - started)
    return best
seconds(small, 1)
small_seconds = seconds(small, 20)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
large_seconds = seconds(large, 1)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(small), small_seconds, len(large), large_seconds, (after - before) * 1024)
"""


def shapes(size: int) -> None:
    """MB/s, per-byte growth and peak memory of every shape, each in a fresh process."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from shapes import SHAPES

    print(f"\nShapes: 1 KB and {size / 1e6:g} MB, parse only (CPU time; memory: peak growth)")
    print(f"{'shape':<30} {'MB/s':>7} {'per byte 1 KB→large':>20} {'memory':>12}")
    rows = []
    for name in SHAPES:
        done = subprocess.run(
            [sys.executable, "-c", SHAPE, name, str(size), str(ROOT / "benchmarks")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            print(f"{name:<30} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        small_bytes, small_s, large_bytes, large_s, grown = (float(v) for v in done.stdout.split())
        growth = (large_s / large_bytes) / (max(small_s, 1e-9) / small_bytes)
        rate = large_bytes / max(large_s, 1e-9) / 1e6
        memory = grown / large_bytes
        rows.append({"shape": name, "bytes": int(large_bytes), "seconds": round(large_s, 3),
                     "mb_per_s": round(rate, 2), "per_byte_growth": round(growth, 2),
                     "peak_per_input_byte": round(memory, 1)})  # fmt: skip
        print(f"{name:<30} {rate:>7.2f} {growth:>19.2f}× {memory:>11.1f}×", flush=True)
    work = ROOT / ".bench"
    work.mkdir(exist_ok=True)
    (work / "shapes.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--shapes":
        shapes(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
        return
    args = sys.argv[1:]
    # The count is the first bare number (not the value of compare's ``--rounds``).
    numbers = [a for i, a in enumerate(args) if a.isdigit() and args[i - 1 : i] != ["--rounds"]]
    count = int(numbers[0] if numbers else os.environ.get("BENCH_N", "1000"))
    work = ROOT / ".bench"
    corpus = work / f"minutes-{count}"
    if not corpus.is_dir() or len(list(corpus.glob("*.md"))) != count:
        size = make_corpus(corpus, count)
    else:
        size = sum(p.stat().st_size for p in corpus.glob("*.md"))
    print(f"{count} minutes files, {size / count / 1024:.1f} KB each on average")
    rows = [
        measure("load (read + parse)", LOAD, str(corpus)),
        measure("build (whole site)", BUILD, str(corpus), str(work / f"site-{count}")),
    ]
    for row in rows:
        per_file = float(str(row["seconds"])) / count * 1000
        print(
            f"{row['step']:<22} {row['seconds']:>8} s  {per_file:6.1f} ms/file  "
            f"peak {row['peak_mb']} MB (largest worker or tool {row['worker_peak_mb']} MB)   "
            f"{row['output']}"
        )
    (work / "results.json").write_text(
        json.dumps({"files": count, "bytes": size, "rows": rows}, ensure_ascii=False, indent=2)
    )


if __name__ == "__main__":
    main()
    if "--no-hugo" not in sys.argv and "--shapes" not in sys.argv:
        # Side by side with Hugo (``--large`` for 10,000 files): benchmarks/compare.py.
        compare.main(sys.argv[1:])
