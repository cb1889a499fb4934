"""Minutes committed as Typst source, read line for line as the Markdown they mean.

Student unions write their protocols in Typst with a template of their own::

    #show: protokoll.with(
      datum: datetime(year: 2025, month: 2, day: 13),
      plats: "Hörsal K1",
    )
    #let narvarande = (
      ("Moa Tegnér", "ordförande sektionen"),
    )
    = §2 Val av mötesordförande
    #beslut[att Jonatan Åberg väljs till mötesordförande]

Each line becomes its Markdown twin (``= §2 …`` a heading, ``datum: datetime(…)`` a
label with an ISO date, ``("Moa Tegnér", "ordförande")`` a list item, ``#beslut[…]``
a ``Beslut:`` label), and code that shows nothing is blanked, so every line number is
still the file's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..vocabulary import METADATA_KEYS, TYPST_FUNCTIONS
from .dokuwiki import is_heading

_MARKS = re.compile(r"^\s*#(?:import|set|show|let|include)\b|^\s*=+\s")
_COMMENT = re.compile(r"^\s*//")
_SETUP = re.compile(r"^\s*#(?:import|set|show|include|let|table|pagebreak|v|h|line)\b")
_HEADING = re.compile(r"^(?P<level>=+)\s+(?P<title>.*)$")
_DATETIME = re.compile(
    r"datetime\(\s*year:\s*(?P<y>\d{4}),\s*month:\s*(?P<m>\d{1,2}),\s*day:\s*(?P<d>\d{1,2})\s*\)"
)
_ARGUMENT = re.compile(r"^\s*(?P<key>[\w-]+):\s*(?P<value>.+?),?\s*$")
_TUPLE = re.compile(r'^\s*\(\s*"(?P<name>[^"]+)"\s*(?:,\s*"(?P<described>[^"]*)"\s*)?,?\s*\),?\s*$')
_LET_LIST = re.compile(r"^\s*#let\s+(?P<name>[\w-]+)\s*=\s*\(\s*$")
_CALL = re.compile(r"^\s*#(?P<name>[\w-]+)\[(?P<text>.*)\]\s*$")
_CLOSE = re.compile(r"^\s*[)\]]\s*[,)]?\s*$")


def looks_like_typst(lines: list[str]) -> bool:
    """Whether the file is Typst source: two lines or more of its set-up (``#import``,
    ``#show``, ``#let``) or its ``= Heading`` syntax, and no Markdown heading."""
    marks = 0
    for line in lines[:200]:
        if line.startswith("#") and line[1:2] in (" ", "#"):
            return False  # ``# Rubrik``: Markdown
        if _MARKS.match(line) and not is_heading(line):
            marks += 1  # (``===== Ekonomi =====`` is a DokuWiki heading, not Typst's)
    return marks >= 2


@cache
def _labels_by_folded_key() -> dict[str, str]:
    """``narvarande`` → ``Närvarande``: the labels as a Typst variable spells them."""
    found: dict[str, str] = {}
    for keys in METADATA_KEYS.values():
        for key in keys:
            folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
            found.setdefault(folded.replace(" ", "_"), key.capitalize())
            found.setdefault(folded.replace(" ", ""), key.capitalize())  # ``\\anmaltforhinder``
    return found


def label_for_folded_key(name: str) -> str | None:
    """``narvarande`` → ``Närvarande``, ``anmaltforhinder`` → ``Anmält förhinder``: a label
    as code spells it, without å, ä, ö or spaces; None for any other name."""
    return _labels_by_folded_key().get(name.casefold())


_OPEN_CALL = re.compile(r"^\s*#[\w.-]+\(\s*$")
_OPEN_CONTENT = re.compile(r"^\s*\[\s*$")
_CONTENT = re.compile(r"^\s*\[\s*(?P<text>[^\[\]]*?)\s*\]\s*,?\s*$")


_PAIR = re.compile(r"^\s*\[(?P<name>[^\[\]]+)\]\s*,\s*\[(?P<answer>[^\[\]]*)\]\s*,?\s*$")
_SWITCH = re.compile(r"^\s*[\w-]+:\s*(?:true|false)\s*,?\s*$")


def typst_line(line: str) -> str:
    """One line of Typst source as the Markdown it means (blank for set-up code)."""
    if _COMMENT.match(line) or _CLOSE.match(line) or _OPEN_CONTENT.match(line):
        return ""
    if _OPEN_CALL.match(line):
        # ``#deltagare(``: a call named like a label opens its list (``[Name], [Ja],`` a
        # line); ``#attSatser(``: a template's call over content blocks, one a line.
        label = _labels_by_folded_key().get(line.strip()[1:-1].strip().casefold())
        return f"{label}:" if label else ""
    pair = _PAIR.match(line)
    if pair:
        # ``[Tilde Holmgren], [Ja, lämnade vid 5.2],``: a name and its answer; ``\ `` is
        # Typst's line break inside the name.
        name = pair["name"].replace("\\", " ").split()
        return f"- {' '.join(name)} – {pair['answer'].strip()}"
    if _SWITCH.match(line):
        return ""  # ``styrelsen: true,``: a switch of the template, nothing shown
    content = _CONTENT.match(line)
    if content:
        return f"- {content['text']}"  # ``[ attsats 1 bifalles ],``: one of its clauses
    line = _DATETIME.sub(lambda m: f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", line)
    heading = _HEADING.match(line)
    if heading:
        return f"{'#' * len(heading['level'])} {heading['title']}"
    listed = _LET_LIST.match(line)
    if listed:
        label = _labels_by_folded_key().get(listed["name"].casefold())
        return f"{label}:" if label else ""
    if _SETUP.match(line):
        return ""
    entry = _TUPLE.match(line)
    if entry:
        described = (entry["described"] or "").strip()
        return f"- {entry['name']}, {described}" if described else f"- {entry['name']}"
    call = _CALL.match(line)
    if call:
        name = TYPST_FUNCTIONS.get(call["name"].casefold(), call["name"].capitalize())
        return f"{name}: {call['text']}"
    argument = _ARGUMENT.match(line)
    if argument:
        key = _labels_by_folded_key().get(argument["key"].casefold(), argument["key"].capitalize())
        # ``ordf: [Freja Lindgren],``: a string or a content block, the text inside it.
        value = argument["value"].strip().strip('"')
        if value.startswith("[") and value.endswith("]"):
            value = value[1:-1].strip()
        return f"{key}: {value}"  # ``ordforande: "Anna Berg"``: the label, spelled out
    stripped = line.lstrip()
    # Indentation inside a call's content block means nothing to Typst; to Markdown four
    # spaces would be code. A nested list item keeps its indent.
    return line if stripped[:1] in ("-", "+") else stripped
