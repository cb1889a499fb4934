"""References to other meetings: *kommundirektörmötet 22 mars*, *styrelsen 24 maj*.

A reference is a meeting body's name (any form the configuration knows, or a
plain *mötet* for this meeting's own body) followed closely by a date.  One
reference is kept per meeting referred to, at its first mention.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..config import Config
from ..model import Precision, Reference
from ..vocabulary import (
    GENERIC_MEETING_WORDS,
    NEXT_MEETING_WORDS,
    REFERENCE_LINK_WORDS,
    REFERENCE_VERBS,
)
from .blocks import BlockKind
from .context import ParseContext
from .dates import find_dates
from .gates import GatedPattern
from .outline import heading_key
from .text import alternation, alternatives, collapse

_BETWEEN = 24
"""How many characters may stand between a body's name and its date."""


@cache
def _body_pattern(names: tuple[str, ...]) -> re.Pattern[str] | GatedPattern:
    words = alternatives([re.escape(n) for n in sorted(names, key=len, reverse=True)])
    pattern = re.compile(rf"(?<!\w)(?P<name>{words})(?!\w)", re.IGNORECASE)
    if not all(_WORD.search(n) for n in names):
        return pattern  # a name without a letter has no piece to gate on
    # Each name escaped as written stands as a whole word: the gate of whole words holds.
    return GatedPattern(pattern, names, whole=True)


_WORD = re.compile(r"\w")


def _bodies(config: Config, own_body: str) -> dict[str, str]:
    names = dict(config.body_names())
    for word in GENERIC_MEETING_WORDS:
        names.setdefault(word, own_body)
    return names


_LINK = re.compile(
    r"^[\s(]*(?:(?:"
    + "|".join(r"\s+".join(map(re.escape, v.split())) for v in REFERENCE_VERBS)
    + r")\s+)?(?:(?:"
    + "|".join(re.escape(w) for w in REFERENCE_LINK_WORDS if w != "(")
    + r")\s+)?$",
    re.IGNORECASE,
)


def extract_references(ctx: ParseContext) -> list[Reference]:
    """Every other meeting mentioned, once each, in order of first mention."""
    names = _bodies(ctx.config, ctx.body)
    pattern = _body_pattern(tuple(names))
    found: dict[tuple[str, str], Reference] = {}
    for unit in ctx.outline.units:
        if unit.block.kind is BlockKind.OTHER:
            continue
        text = unit.block.text
        mentions = list(pattern.finditer(text))
        if not mentions:
            continue
        dates = find_dates(text, ctx.meeting_date)
        if not dates:
            continue
        for match in mentions:
            following = next((d for d in dates if d.start >= match.end()), None)
            if following is None or following.start - match.end() > _BETWEEN:
                continue
            if not _LINK.match(text[match.end() : following.start]):
                continue
            body = names[match["name"].casefold()]
            value = following.value
            if value.precision is Precision.NEXT_MEETING:
                continue
            if (
                ctx.meeting_date is not None
                and body == ctx.body
                and value.start == ctx.meeting_date
            ):
                continue  # the meeting itself
            key = (body, value.iso)
            if key not in found:
                line = unit.block.line + text[: match.start()].count("\n")
                words = collapse(text[match.start() : following.end])
                found[key] = Reference(body, value, words.rstrip(")"), line)
    return list(found.values())


_NEXT_WITHIN = 40
"""How many characters may stand between *nästa möte* and its date."""


@cache
def _next_meeting() -> GatedPattern:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(NEXT_MEETING_WORDS)})(?!\w)", re.IGNORECASE)
    return GatedPattern(pattern, NEXT_MEETING_WORDS, whole=True)


def next_meeting_date(ctx: ParseContext) -> dt.date | None:
    """The next meeting's date when the minutes give it: *Nästa möte: 12 april 2022*,
    *Nästa möte hålls den 9 april*, or a date in an item titled *Nästa möte*."""
    if ctx.meeting_date is None:
        return None
    next_items = {
        item.number
        for item in ctx.outline.items
        if _next_meeting().fullmatch(heading_key(item.title))
    }
    for unit in ctx.outline.units:
        if unit.noise or unit.block.kind is BlockKind.OTHER:
            continue
        text = unit.block.text
        starts = [m.end() for m in _next_meeting().finditer(text)]
        if unit.item in next_items and unit.block.kind is not BlockKind.HEADING:
            starts.insert(0, 0)
        for start in starts:
            for found in find_dates(text[start : start + _NEXT_WITHIN + 20], ctx.meeting_date):
                value = found.value
                if found.start > _NEXT_WITHIN or value.precision is not Precision.DAY:
                    break
                if value.start > ctx.meeting_date:
                    return value.start
    return None
