"""Pathological (and one ordinary) shapes of minutes, generated at any size.

Each shape is a function of a size in bytes that returns minutes text of about
that size: a short head (title, date) and then one shape repeated.  They are
the inputs that once made the parser super-linear (a pasted table of contents
as a run of dots, initials, abbreviations, task lists, a long metadata
comment…).  ``tests/test_pathological.py`` asserts that each parses in time
linear in its size; ``python benchmarks/bench.py --shapes`` prints MB/s for each.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAD = "# Styrelsemöte 2016-04-19\n\nMötesdatum: 2016-04-19\n\n"


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * max(1, size // len(unit))


def _numbered(template: str, size: int) -> str:
    """``template`` formatted with 0, 1, 2, … until about ``size`` characters."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        part = template.format(n=index, m=index % 12 + 1, d=index % 28 + 1)
        parts.append(part)
        total += len(part)
        index += 1
    return "".join(parts)


def _ordinary(size: int) -> str:
    # The reference minutes, their discussion part repeated: what an archive is made of.
    text = (ROOT / "minutes" / "2016-04-19-kommundirektormote.md").read_text("utf-8")
    head, _, rest = text.partition("### *Besluts- och diskussionspunkter*")
    part = "### *Besluts- och diskussionspunkter*" + rest
    parts = [head]
    total = len(head)
    counter = itertools.count(1)
    while total < size:
        # Numbered on, as a long protocol is (§ 1 … § 400), not 1–5 again and again.
        renumbered = re.sub(r"^(#+ )\d+\.", lambda m: f"{m[1]}{next(counter)}.", part, flags=re.M)
        parts.append(renumbered)
        total += len(renumbered)
    return "".join(parts)


def _deep_nesting(size: int) -> str:
    lines = [f"{'  ' * (n % 30)}- punkt {n}\n" for n in range(30)]
    return _fill("".join(lines), size)


def _wide_table(size: int) -> str:
    columns = 200
    header = "|" + "|".join(f" kolumn {n} " for n in range(columns)) + "|\n"
    rule = "|" + "|".join("---" for _ in range(columns)) + "|\n"
    row = "|" + "|".join(f" cell {n} " for n in range(columns)) + "|\n"
    return header + rule + _fill(row, size - len(header) - len(rule))


def _front_matter(size: int) -> str:
    keys = _numbered("nyckel_{n}: värde {n}\n", size)
    return "---\ntitle: Styrelsemöte\ndate: 2016-04-19\n" + keys + "---\n\n# Styrelsemöte\n"


def _names(size: int) -> str:
    names = _numbered("Person{n} Efternamn{n} (Kommun{n}), ", size)
    return "Närvarande: " + names + "Anna Ek\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "ordinary minutes": _ordinary,
    "long single line": lambda size: HEAD + _fill("ett ord till ", size) + "\n",
    "list items": lambda size: HEAD + _numbered("- punkt {n}\n", size),
    "task list (owner, due)": lambda size: (
        HEAD
        + "## Åtgärder\n\n"
        + _numbered("- [ ] Boka lokal {n} (ansvarig: Anna Ek, klart: 2016-{m:02}-{d:02})\n", size)
    ),
    "deep nesting": lambda size: HEAD + _deep_nesting(size),
    "many headings": lambda size: HEAD + _numbered("## {n}. Rubrik {n}\n\nText om {n}.\n\n", size),
    "run of (": lambda size: HEAD + _fill("(", size) + "\n",
    "run of *": lambda size: HEAD + _fill("*", size) + "\n",
    "run of _": lambda size: HEAD + _fill("_", size) + "\n",
    "run of [": lambda size: HEAD + _fill("[", size) + "\n",
    "run of <": lambda size: HEAD + _fill("<", size) + "\n",
    "run of digits": lambda size: HEAD + _fill("1234567890", size) + "\n",
    "run of /": lambda size: HEAD + _fill("/", size) + "\n",
    "run of dots": lambda size: HEAD + "Innehåll " + _fill(".", size) + " 3\n",
    "run of dashes": lambda size: HEAD + "Text " + _fill("-", size) + " slut\n",
    "initials": lambda size: HEAD + _fill("A. B. ", size) + "\n",
    "abbreviations": lambda size: HEAD + _fill("bl.a. ", size) + "\n",
    "att-clauses": lambda size: (
        HEAD + "Styrelsen beslutar\n\n" + _numbered("att godkänna budget {n}, ", size) + "\n"
    ),
    "comma list of names": lambda size: HEAD + _names(size),
    "attendee attributes": lambda size: (
        HEAD + "Närvarande: Anna Ek, " + _fill("Lund, ", size) + "Bo Berg\n"
    ),
    "unclosed parentheses": lambda size: HEAD + _fill("Anna (Lund, ", size) + "\n",
    "wide table": lambda size: HEAD + _wide_table(size),
    "huge front matter": _front_matter,
    "unclosed HTML comment": lambda size: HEAD + "<!--\n" + _fill("kommentar ", size) + "\n",
    "spaces in a metadata comment": lambda size: (
        "<!--\n.. date:"
        + _fill(" ", size)
        + "2016-04-19\n.. title"
        + _fill(" ", size // 2)
        + "x\n-->\n"
        + HEAD
    ),
}
"""Shape name → a function of the size in bytes that writes that shape."""
