"""CPU time of the parser per KB, on house-style minutes and on the accuracy corpora.

``python benchmarks/parse_speed.py [N]`` parses N synthetic house-style files
(:func:`bench.make_corpus`, default 300), N files of the corpus ``make bench`` builds
beside Hugo (:func:`compare.write_corpus`, about 9 KB each: the size issue 10's target
is set for) and every file of ``benchmarks/accuracy`` (real-minutes shapes), best of three
runs of ``time.process_time`` each, in this one process, and prints ms per KB and per
file.  ``--profile`` prints the top of a cProfile of one run over them instead, without
the holdout files (which rules fire on those is not for looking at).  To compare two
versions on a busy machine, run it alternately with each on ``PYTHONPATH``; callgrind's
instruction count (``valgrind --tool=callgrind``) does not depend on the load.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402
import compare  # noqa: E402

from mlr_minutes.config import DEFAULT  # noqa: E402
from mlr_minutes.load import parse_file  # noqa: E402

RUNS = 3


def parse_all(files: list[Path]) -> None:
    for path in files:
        parse_file(path, DEFAULT)


def best(files: list[Path]) -> float:
    """The least CPU time of :data:`RUNS` parses of every file."""
    least = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        parse_all(files)
        least = min(least, time.process_time() - started)
    return least


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 300
    profiling = "--profile" in sys.argv
    sources = [s for s in compare.SOURCES if not (profiling and "holdout" in s[0].parts)]
    with tempfile.TemporaryDirectory() as folder:
        bench.make_corpus(Path(folder) / "house", count)
        with mock.patch.object(compare, "SOURCES", tuple(sources)):
            compare.write_corpus(Path(folder) / "bench", count)
        corpora = {
            "house style": sorted((Path(folder) / "house").glob("*.md")),
            "9 KB bench": sorted((Path(folder) / "bench").glob("*.md")),
            "accuracy": sorted((ROOT / "benchmarks" / "accuracy").glob("*/*.md")),
        }
        corpora["accuracy"] = [
            p
            for p in corpora["accuracy"]
            if p.name != "README.md" and not (profiling and p.parent.name == "holdout")
        ]
        parse_all([files[0] for files in corpora.values()])  # imports and caches warmed
        if profiling:
            profile = cProfile.Profile()
            profile.runcall(parse_all, [p for files in corpora.values() for p in files])
            pstats.Stats(profile).sort_stats("tottime").print_stats(40)
            return
        for name, files in corpora.items():
            kb = sum(p.stat().st_size for p in files) / 1024
            seconds = best(files)
            print(
                f"{name:<12} {len(files):>4} files {kb:8.0f} KB  "
                f"{seconds * 1000 / kb:6.3f} ms/KB  {seconds * 1000 / len(files):6.2f} ms/file"
            )


if __name__ == "__main__":
    main()
