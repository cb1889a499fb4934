"""What every extraction rule needs to know about the file being parsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..config import Config
from ..model import Diagnostic, Level, Person
from .outline import Outline, Unit


@dataclass
class ParseContext:
    """The file, its outline, the meeting date, and the diagnostics collected so far."""

    path: str
    """The file's path as given."""
    source: str
    """The decoded text (front matter blanked)."""
    outline: Outline
    """Segments, items and annotated units."""
    meeting_date: dt.date | None
    """The meeting date, for resolving year-less dates."""
    body: str
    """The meeting body, for references to *mötet* without a body."""
    config: Config
    """The region's names."""
    people: tuple[Person, ...] = ()
    """Everyone listed as present, for recognising owners."""
    next_meeting: dt.date | None = None
    """The next meeting's date when the minutes give it (*Nästa möte: 12 april*)."""
    noise: frozenset[int] = frozenset()
    """1-based lines of page furniture (page numbers, repeated headers), read by no rule."""
    metadata_lines: frozenset[int] = frozenset()
    """1-based lines the metadata was read from (attendance lists, signatures): no
    decision or action stands there."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Problems found so far, in the order found."""
    shared: dict[tuple[str, int], object] = field(default_factory=dict, repr=False)
    """What the extractors work out once per unit and share (the decision and the action
    rules read the same lines and sentences), by (what, unit index)."""

    @cached_property
    def lines(self) -> list[str]:
        """The source's lines (0-based), split once: rules that read a block's raw lines
        slice this rather than split the whole file again for every block."""
        return self.source.split("\n")

    def warn(self, line: int | None, code: str, message: str, hint: str | None = None) -> None:
        """Record a warning at ``line``."""
        self.diagnostics.append(Diagnostic(Level.WARNING, self.path, line, code, message, hint))

    def error(self, line: int | None, code: str, message: str, hint: str | None = None) -> None:
        """Record an error at ``line``."""
        self.diagnostics.append(Diagnostic(Level.ERROR, self.path, line, code, message, hint))

    def children(self, unit: Unit) -> list[Unit]:
        """The list items nested (at any depth) under ``unit``, in order."""
        return self.outline.descendants(unit)

    def direct_children(self, unit: Unit) -> list[Unit]:
        """The list items nested directly under ``unit``."""
        return [self.outline.units[i] for i in self.outline.children.get(unit.index, ())]
