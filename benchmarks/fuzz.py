"""``make fuzz``: the parser and the configuration reader against generated input.

Runs every strategy of ``tests/grammar.py`` (minutes written by a grammar: front
matter, comments, labels, lists, tables, *att*-clauses, runs of characters, any
Unicode) and a generator of ``mlr-minutes.yaml`` files, and counts the inputs that
crash: an exception, an ``internal-error``, a line outside the file, a configuration
error that does not name its file.  ``python benchmarks/fuzz.py [TOTAL]`` (default
200,000, spread over the strategies); ``FUZZ_SEED`` fixes the seed.  Exits 1 when
anything crashed, printing the first input that did for each strategy.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import grammar


def run(write: Callable[[Random], str], check: Callable[[str], None], count: int,
        fuzz_seed: int) -> tuple[int, str]:  # fmt: skip
    """Feed ``count`` inputs written by ``write`` to ``check``; (crashes, the first one)."""
    source = Random(fuzz_seed)
    crashes = 0
    first = ""
    for _ in range(count):
        text = write(source)
        try:
            check(text)
        except Exception:
            crashes += 1
            if not first:
                first = f"{text[:300]!r}\n{traceback.format_exc(limit=-3)}"
    return crashes, first


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    fuzz_seed = int(os.environ.get("FUZZ_SEED", "20161219"))
    with tempfile.TemporaryDirectory() as folder:
        checks: dict[str, tuple[Callable[[Random], str], Callable[[str], None]]] = {
            name: (write, grammar.parse_checked) for name, write in grammar.STRATEGIES.items()
        }
        checks["config"] = (
            grammar.config_yaml,
            lambda text: grammar.config_checked(text, Path(folder)),
        )
        each = -(-total // len(checks))
        print(f"{len(checks)} strategies × {each} inputs (seed {fuzz_seed})", flush=True)
        all_inputs = all_crashes = 0
        for name, (write, check) in checks.items():
            started = time.perf_counter()
            crashes, first = run(write, check, each, fuzz_seed)
            inputs = each
            all_inputs += inputs
            all_crashes += crashes
            seconds = time.perf_counter() - started
            print(f"{name:<14} {inputs:>8} inputs  {crashes:>6} crashes  {seconds:7.1f} s",
                  flush=True)  # fmt: skip
            if first:
                print(f"  first crash: {first}", flush=True)
    print(f"total          {all_inputs:>8} inputs  {all_crashes:>6} crashes")
    sys.exit(1 if all_crashes else 0)


if __name__ == "__main__":
    main()
