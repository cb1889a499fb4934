"""Focus areas (*fokusfrågor*): each one's status at this meeting.

Three conventions: a *Fokusfrågorna* item with ``- *Namn*: status`` bullets (the
reference file) or with one sub-heading per focus area, and an item whose own
heading names one (``§ 23 Fokusfråga: Migration & integration``).  Names pass
through the configured aliases; an unknown name is kept as written and
reported with the nearest known name.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..model import FocusAreaStatus
from ..vocabulary import FOCUS_AREA_HEADINGS
from .blocks import BlockKind
from .context import ParseContext
from .labels import split_label
from .outline import Unit, heading_key
from .text import collapse

_NAME_CUTOFF = 0.82
"""How close a written name must be to a known one to be taken as a misspelling of it."""


def _focus_prefix(title: str) -> tuple[bool, str]:
    """Whether an item title is about focus areas, and the focus area it names, if any."""
    key = heading_key(title)
    for word in sorted(FOCUS_AREA_HEADINGS, key=len, reverse=True):
        if key == word:
            return True, ""
        if key.startswith(word):
            rest = title[len(word) :].strip() if title.casefold().startswith(word) else ""
            rest = re.sub(r"^[\s:–—-]+", "", rest or title.split(":", 1)[-1]).strip()
            return True, rest
    return False, ""


@lru_cache(maxsize=4096)
def _close_match(key: str, names: tuple[str, ...]) -> str | None:
    # Item titles repeat across an archive (*Övriga frågor*): compare each once.
    close = difflib.get_close_matches(key, names, n=1, cutoff=_NAME_CUTOFF)
    return close[0] if close else None


class _Names:
    def __init__(self, ctx: ParseContext) -> None:
        self.ctx = ctx
        self.names = ctx.config.focus_area_names()
        self.canonical = list(ctx.config.focus_areas)

    def resolve(self, written: str, line: int, report: bool = True) -> str | None:
        key = collapse(written).strip(" :.*_").casefold()
        if key in self.names:
            return self.names[key]
        close = _close_match(key, tuple(self.names))
        if close:
            return self.names[close]
        if report:
            nearest = difflib.get_close_matches(key, list(self.names), n=1, cutoff=0.0)
            suggestion = self.names[nearest[0]] if nearest else None
            self.ctx.warn(
                line,
                "unknown-focus-area",
                f"okänd fokusfråga ”{collapse(written)}”"
                + (f" – menade du ”{suggestion}”?" if suggestion else ""),
                "använd ett av namnen "
                + ", ".join(f"”{n}”" for n in self.canonical)
                + ", eller lägg till den nya fokusfrågan i mlr-minutes.yaml",
            )
        return None


def _text_with_children(ctx: ParseContext, unit: Unit, first: str) -> str:
    lines = [collapse(first)]
    lines.extend(collapse(child.block.text) for child in ctx.children(unit))
    return "\n".join(line for line in lines if line)


def extract_focus_areas(ctx: ParseContext) -> list[FocusAreaStatus]:
    """The status of every focus area reported at the meeting, in source order."""
    names = _Names(ctx)
    found: list[FocusAreaStatus] = []
    for item in ctx.outline.items:
        about_focus, named = _focus_prefix(item.title)
        units = list(ctx.outline.units_of(item.number))
        if not about_focus:
            canonical = names.resolve(item.title, item.line, report=False)
            if canonical is None or heading_key(item.title) not in names.names:
                continue
            named = item.title
        if named:
            canonical = names.resolve(named, item.line)
            text = "\n".join(
                collapse(u.block.text) for u in units if u.block.kind is not BlockKind.HEADING
            )
            end = max((u.block.end_line for u in units), default=item.line + 1)
            found.append(
                FocusAreaStatus(
                    canonical or collapse(named),
                    collapse(named),
                    text,
                    item.number,
                    item.line,
                    end,
                )
            )
            continue
        found.extend(_from_bullets(ctx, names, item.number, units))
        found.extend(_from_subheadings(ctx, names, item.number, units))
    found.sort(key=lambda status: status.line)
    return found


def _from_bullets(
    ctx: ParseContext, names: _Names, number: str, units: list[Unit]
) -> list[FocusAreaStatus]:
    found: list[FocusAreaStatus] = []
    top = [u for u in units if u.block.kind is BlockKind.LIST_ITEM and u.block.parent is None]
    for unit in top:
        label = split_label(unit.block.markdown.split("\n")[0], require_colon=True)
        if label is None or len(label.key.split()) > 6:
            continue
        canonical = names.resolve(label.key, unit.block.line)
        status_first = unit.block.text.split(":", 1)[1] if ":" in unit.block.text else ""
        found.append(
            FocusAreaStatus(
                canonical or collapse(label.key),
                collapse(label.key),
                _text_with_children(ctx, unit, status_first),
                number,
                unit.block.line,
                unit.block.end_line,
            )
        )
    return found


def _from_subheadings(
    ctx: ParseContext, names: _Names, number: str, units: list[Unit]
) -> list[FocusAreaStatus]:
    found: list[FocusAreaStatus] = []
    headings = [u for u in units if u.block.kind is BlockKind.HEADING and u.subheading]
    for heading in headings:
        written = heading.block.text.strip().rstrip(":")
        canonical = names.resolve(written, heading.block.line)
        body = [
            u
            for u in units
            if u.subheading == heading.subheading
            and u.block.kind is not BlockKind.HEADING
            and u.index > heading.index
        ]
        text = "\n".join(collapse(u.block.text) for u in body)
        end = max((u.block.end_line for u in body), default=heading.block.end_line)
        found.append(
            FocusAreaStatus(
                canonical or collapse(written),
                collapse(written),
                text,
                number,
                heading.block.line,
                end,
            )
        )
    return found
