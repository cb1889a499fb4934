"""A safety net for parser speed work: a digest of every parse, to compare before and after.

``python benchmarks/parse_golden.py write FILE`` parses every Markdown file of
``tests/fixtures``, ``minutes`` and ``benchmarks/accuracy`` (every split), a synthetic
corpus of house-style minutes (:func:`bench.make_corpus`), every shape of
:mod:`shapes` at two sizes and a few hundred generated documents of
``tests/grammar.py`` (fixed seed), each both as the full and as the public parse, and
writes the SHA-256 of each meeting's ``repr`` (every field of every model object) to
FILE.  ``python benchmarks/parse_golden.py check FILE`` parses the same inputs again and
lists every input whose parse differs.  An optimisation of the parser must leave the
file unchanged.  Run it from the repository's root with the version under test
importable (``PYTHONPATH=src``).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import bench  # noqa: E402
from shapes import SHAPES  # noqa: E402

import grammar  # noqa: E402
from mlr_minutes.config import DEFAULT  # noqa: E402
from mlr_minutes.load import parse_file  # noqa: E402

WORK = Path(".bench") / "golden"
"""Where the generated inputs are written (relative, so that paths match across checkouts)."""
SYNTHETIC = 300
GENERATED = 40
"""Generated documents per strategy of ``tests/grammar.py``."""
SEED = 20161219


def real_files() -> list[Path]:
    """The Markdown files kept in the repository that the parser reads (relative paths)."""
    found: list[Path] = []
    for folder in ("tests/fixtures", "minutes", "benchmarks/accuracy"):
        found.extend(p.relative_to(ROOT) for p in sorted((ROOT / folder).rglob("*.md")))
    return [p for p in found if p.name != "README.md"]


def generated_files() -> list[Path]:
    """Write the synthetic, shaped and generated inputs under :data:`WORK`; their paths."""
    shutil.rmtree(WORK, ignore_errors=True)
    bench.make_corpus(WORK / "house", SYNTHETIC)
    files = sorted((WORK / "house").glob("*.md"))
    (WORK / "shapes").mkdir(parents=True)
    for index, make in enumerate(SHAPES.values()):
        for size in (1_000, 20_000):
            path = WORK / "shapes" / f"2016-04-19-shape-{index:02}-{size}.md"
            path.write_text(make(size), "utf-8")
            files.append(path)
    (WORK / "grammar").mkdir(parents=True)
    for name, write in grammar.STRATEGIES.items():
        source = Random(f"{SEED}-{name}")
        for index in range(GENERATED):
            path = WORK / "grammar" / f"{name}-{index:03}.md"
            path.write_text(write(source), "utf-8")
            files.append(path)
    return files


def inputs() -> list[Path]:
    """Every input, in a fixed order."""
    return [*real_files(), *generated_files()]


def digests(files: list[Path]) -> Iterator[tuple[str, str]]:
    """(input and mode, digest of its parse) for every input, full and public."""
    for path in files:
        for public in (False, True):
            meeting = parse_file(path, DEFAULT, public=public)
            digest = hashlib.sha256(repr(meeting).encode("utf-8")).hexdigest()
            yield f"{path}{' (public)' if public else ''}", digest


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        sys.exit("usage: parse_golden.py write|check FILE")
    mode, target = sys.argv[1], Path(sys.argv[2])
    found = dict(digests(inputs()))
    if mode == "write":
        target.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n", "utf-8")
        print(f"{len(found)} parses written to {target}")
        return
    expected: dict[str, str] = json.loads(target.read_text("utf-8"))
    differ = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(found)} parses, {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
