"""A grammar of minutes as hypothesis strategies, for the fuzz test and ``make fuzz``.

Each strategy writes one kind of thing a coordinator (or a converter, or a careless
paste) puts in a minutes file: front matter, a metadata comment, headings, labels,
lists and task lists, tables, *att*-clauses, prose with abbreviations and initials,
and runs of the characters that once made the parser slow.  Values are mostly the
ones the parser knows, with the wrong ones mixed in (no such day, year 9999, a
list where a name belongs, unclosed brackets), so that the parse goes deep before it
meets them.  :data:`STRATEGIES` names them; ``document`` combines them all.  Each is a
plain function of a random source, so that ``make fuzz`` generates hundreds of
thousands of inputs quickly and the test draws the same grammar through hypothesis.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from random import Random

from mlr_minutes.config import DEFAULT, ConfigError, load_config
from mlr_minutes.parse import parse_source
from mlr_minutes.read import SourceText, decode

NAMES = ["Anna Ek", "Bo Berg", "Jan-Inge Ahlfrid", "Eva Hallberg", "Lars-Åke Ståhl",
         "@jonna", "A. B. Svensson", "Karin", "Sara Pezzolato Ipsen", "Ö", "Anna (Lund",
         "x" * 300]  # fmt: skip
PLACES = ["Lund", "Malmö", "Stadshuset, Malmö", "Greater Copenhagen & Skåne Committee", "Lomma)"]
WORDS = ["budgeten", "godkändes", "bl.a.", "t.ex.", "kl.", "s.k.", "mötet", "styrelsen",
         "att", "beslutade", "Lägesrapport", "fokusfrågor", "(bilaga 3)", "§", "Dnr 2016/12",
         "Migration & integration", "Arbetsmarknad", "nästa möte", "A.", "B.", "–", "...",
         "**fet**", "*kursiv*", "[länk](http://x)", "`kod`", "<br>", "&amp;",
         "ansvarig:"]  # fmt: skip
LABELS = ["Mötesdatum", "Datum", "Tid", "Plats och tid", "Plats", "Närvarande", "Frånvarande",
          "Övriga deltagare", "Vid protokollet", "Justerare", "Ordförande", "Sekreterare",
          "Beslut", "Åtgärder", "Att göra", "Nästa möte", "Ansvarig", "Klart"]  # fmt: skip
KEYS = ["date", "title", "body", "organisation", "document_type", "time", "location", "chair",
        "secretary", "attendees", "guests", "absent", "adjusters", "start", "end", "okänd",
        "layout", "2016", "true"]  # fmt: skip
RUNS = "(*_[<0/.-" + "!#`~|>:\t "


def _year(r: Random) -> int:
    return r.randint(1990, 2030) if r.random() < 0.8 else r.choice([1, 1899, 2201, 9999])


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december", "smarch"]  # fmt: skip


def date(r: Random) -> str:
    """A date as minutes write it, right or wrong."""
    year, month, day = _year(r), r.randint(0, 13), r.randint(0, 32)
    forms = [
        f"{year:04d}-{month:02d}-{day:02d}",
        f"{day} {MONTHS[month % 13]} {year}",
        f"{day} {MONTHS[month % 13]}",
        f"{day}/{month} {year}",
        f"{day}.{month}.{year}",
        f"vecka {day + 20}",
        f"{year:04d}-{month:02d}-{day:02d} 22:04:00",
        "i juni",
        "nästa möte",
        f"kl. {day}:{month:02d}-{day + 1}:{month:02d}",
    ]
    return r.choice(forms)


def text(r: Random) -> str:
    """A line of prose: known words, dates and names, abbreviations and initials."""
    parts = []
    for _ in range(r.randint(0, 12)):
        kind = r.random()
        parts.append(r.choice(WORDS) if kind < 0.7 else date(r) if kind < 0.85 else r.choice(NAMES))
    return " ".join(parts)


def names(r: Random) -> str:
    joined = []
    for _ in range(r.randint(0, 6)):
        person = r.choice(NAMES)
        joined.append(f"{person} ({r.choice(PLACES)})" if r.random() < 0.5 else person)
    return r.choice([", ", " och ", "; ", "\n- "]).join(joined)


YAML_ODDITIES = ["[", "{x: 5}", "[a, b]", "~", "''", "|", "- a", "2016-02-30", "*x", "!!binary x",
                 "&a", "15:00", "0x10", "yes", "{{", "'", "9999-12-31", "x" * 3000]  # fmt: skip


def yaml_value(r: Random) -> str:
    kind = r.randint(0, 4)
    if kind == 0:
        return date(r)
    if kind == 1:
        return names(r).replace("\n", " ")
    if kind == 2:
        return text(r)
    if kind == 3:
        return r.choice(YAML_ODDITIES)
    return "[" + ", ".join(r.choice(NAMES) for _ in range(r.randint(0, 3))) + "]"


def front_matter(r: Random) -> str:
    lines = [f"{r.choice(KEYS)}: {yaml_value(r)}" for _ in range(r.randint(0, 8))]
    return "---\n" + "\n".join(lines) + f"\n{r.choice(['---', '...', ''])}\n"


def comment(r: Random) -> str:
    lines = [
        f".. {r.choice(KEYS + LABELS)}:{' ' * r.randint(0, 3)}{yaml_value(r)}"
        for _ in range(r.randint(0, 5))
    ]
    return "<!--\n" + "\n".join(lines) + f"\n{r.choice(['-->', '', '--'])}\n"


def heading(r: Random) -> str:
    number = r.choice(["", "1. ", "§ 12 ", "3.1 ", "12) ", "§"])
    return f"{'#' * r.randint(1, 7)}{r.choice([' ', ''])}{number}{text(r)}"


def label(r: Random) -> str:
    value = r.choice([date, names, text])(r) if r.random() < 0.8 else r.choice(PLACES)
    form = r.choice(["{k}: {v}", "{k}\t{v}", "**{k}:** {v}", "{k}  {v}", "{k}:"])
    return form.format(k=r.choice(LABELS), v=value)


def list_block(r: Random) -> str:
    items = []
    for _ in range(r.randint(1, 6)):
        indent = "  " * r.randint(0, 4)
        marker = r.choice(["- ", "* ", "1. ", "- [ ] ", "- [x] ", "-"])
        owner = r.choice(["", " (ansvarig: {n}, klart: {d})", " – {n}", " @{n}"])
        items.append(indent + marker + text(r) + owner.format(n=r.choice(NAMES), d=date(r)))
    return "\n".join(items)


def table(r: Random) -> str:
    header = r.choice(
        [
            ["Åtgärd", "Ansvarig", "Klart", "Status"],
            ["Namn", "Organisation"],
            LABELS[: r.randint(1, 6)],
        ]
    )
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for _ in range(r.randint(0, 5)):
        cells = [r.choice([text, date, names])(r) for _ in header]
        rows.append(r.choice(["| ", ""]) + " | ".join(cells) + " |")
    return r.choice(["\n", "\t\n"]).join(rows)


def att_clauses(r: Random) -> str:
    head = r.choice(["Styrelsen beslutar", "Beslut", "Kommundirektörerna beslutade",
                     "Förslag till beslut", "Yrkande"])  # fmt: skip
    clauses = [f"att {text(r)}" for _ in range(r.randint(1, 4))]
    return head + r.choice(["\n\n", "\n", " "]) + "\n\n".join(clauses)


def run(r: Random) -> str:
    """A run of one character (or word) that once made a pattern backtrack."""
    unit: str = r.choice([*RUNS, "A. ", "bl.a. ", "1234", "att ", "Anna Ek, ", "(x "])
    return unit * r.randint(1, 400)


def unicode(r: Random) -> str:
    """Any characters at all, the odd ones (controls, surrogates' neighbours, RTL) often."""
    odd = "\x00\x0b\x0c\x1b\u200b\u202e\ufeff\ufffd\U0001f600\u0301å\r"
    return "".join(
        r.choice(odd) if r.random() < 0.3 else chr(r.randint(32, 0x2FFF))
        for _ in range(r.randint(0, 300))
    )


BLOCKS: list[Callable[[Random], str]] = [heading, label, list_block, table, att_clauses, text, run]


def document(r: Random) -> str:
    """A whole file: maybe front matter, maybe a comment, then blocks."""
    parts = []
    if r.random() < 0.5:
        parts.append(front_matter(r))
    if r.random() < 0.3:
        parts.append(comment(r))
    parts.extend(r.choice(BLOCKS)(r) for _ in range(r.randint(0, 12)))
    return r.choice(["\n\n", "\n", "\r\n"]).join(parts)


def config_yaml(r: Random) -> str:
    """An ``mlr-minutes.yaml``, right or wrong."""
    keys = ["organisation", "site_name", "contact_email", "focus_areas", "municipalities",
            "bodies", "lists", "ignore_front_matter_keys", "okänd"]  # fmt: skip
    nested = ["\n  x: 5", "\n  open_actions: 0", "\n  - a\n  - [b]", "\n  Kultur: [kulturgruppen]",
              "\n  a: {b: c}", "017", "\n  open_actions: 017", "\n  Hörby:"]  # fmt: skip
    lines = [
        f"{r.choice(keys)}: {yaml_value(r) if r.random() < 0.5 else r.choice(nested)}"
        for _ in range(r.randint(0, 5))
    ]
    return "\n".join(lines) + "\n"


def _joined(part: Callable[[Random], str], most: int, separator: str) -> Callable[[Random], str]:
    return lambda r: separator.join(part(r) for _ in range(r.randint(0, most)))


STRATEGIES: dict[str, Callable[[Random], str]] = {
    "document": document,
    "front_matter": lambda r: front_matter(r) + "\n" + text(r),
    "comment": lambda r: comment(r) + text(r),
    "labels": _joined(label, 10, "\n"),
    "lists": _joined(list_block, 4, "\n\n"),
    "tables": _joined(table, 3, "\n\n"),
    "att_clauses": _joined(att_clauses, 3, "\n\n"),
    "runs": _joined(run, 4, ""),
    "unicode": unicode,
}
"""Strategy name → a writer of minutes text from a random source (``random.Random`` in
``make fuzz``; hypothesis's ``st.randoms()`` in the test, so that it is derandomised)."""


def parse_checked(text: str) -> None:
    """Parse ``text`` as a file; raise when the parser crashes, reports an internal error,
    or points at a line the file does not have."""
    source_checked(decode(text.encode("utf-8", errors="surrogatepass"), "fuzz.md"))


def source_checked(source: SourceText) -> None:
    """Parse ``source`` (see :func:`parse_checked`)."""
    meeting = parse_source(source, DEFAULT)
    lines = source.text.count("\n") + 1
    located = [
        *(i.line for i in meeting.items),
        *(d.line for d in meeting.decisions),
        *(a.line for a in meeting.action_items),
        *(f.line for f in meeting.focus_areas),
        *(r.line for r in meeting.references),
        *(d.line for d in meeting.diagnostics if d.line is not None),
    ]
    if not all(1 <= line <= lines for line in located):
        raise AssertionError(f"a line outside the file (1–{lines}): {sorted(set(located))}")
    if any(d.code == "internal-error" for d in meeting.diagnostics) or not meeting.id:
        raise AssertionError("internal-error or no id")


def config_checked(text: str, folder: Path) -> None:
    """Load ``text`` as ``mlr-minutes.yaml``; a :class:`ConfigError` naming the file is the
    right answer to a bad one, anything else raised is a crash."""
    path = folder / "mlr-minutes.yaml"
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        config = load_config(path)
    except ConfigError as error:
        if not str(error).startswith(str(path)):
            raise AssertionError(f"the message does not name the file: {error}") from error
        return
    # A configuration that loads must be usable: every name a string.
    for name, aliases in (*config.focus_areas.items(), *config.bodies.items()):
        if not isinstance(name, str) or not all(isinstance(a, str) for a in aliases):
            raise AssertionError(f"not a name: {name!r} {aliases!r}")
    parse_source(decode("# Möte 2016-04-19\n".encode(), "c.md"), config)
