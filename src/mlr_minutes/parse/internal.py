"""Internal sections: ``::: internt`` … ``:::``, parts of the minutes kept off the public site.

A section is found by the shared Markdown parser's container rule (so that a fence
inside a code block is no section, and one inside a list item is), never by a pattern
of its own.  The public build parses the text with these lines blanked, so nothing
written inside a section can reach a page, a register, a feed or a file: what the
parser never sees it cannot publish.  The lines stay (blank), so that every line number
still matches the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markdown import INTERNAL_CLOSE, INTERNAL_OPEN, markdown_parser
from ..model import Diagnostic, Level

FENCE = ":::"
"""What every internal section's opening and closing line starts with."""


@dataclass(frozen=True, slots=True)
class InternalSection:
    """One internal section of a file."""

    line: int
    """1-based line of its opening fence."""
    end_line: int
    """1-based line just past it (its closing fence included)."""
    closed: bool
    """False when no closing fence ends it: it then runs to the end of its block (of the
    file, at the top level)."""


def internal_sections(text: str) -> tuple[InternalSection, ...]:
    """The internal sections of ``text``, outermost only, in order."""
    if FENCE not in text:
        return ()  # the common case: no Markdown parse needed
    found: list[InternalSection] = []
    opened: list[tuple[int, int]] = []
    for token in markdown_parser().parse(text):
        if token.type == INTERNAL_OPEN and token.map is not None:
            opened.append((token.map[0], token.map[1]))
        elif token.type == INTERNAL_CLOSE and opened:
            start, end = opened.pop()
            if not opened:
                # The closing fence is the line the open token's map ends on; a section
                # closed by the end of its block has no fence (and no markup).
                closed = bool(token.markup)
                found.append(InternalSection(start + 1, end + 1 + closed, closed))
    return tuple(found)


def internal_lines(sections: tuple[InternalSection, ...]) -> frozenset[int]:
    """Every 1-based line inside the sections, fences included."""
    return frozenset(n for s in sections for n in range(s.line, s.end_line))


def without_internal(text: str, sections: tuple[InternalSection, ...]) -> str:
    """``text`` with the sections' lines blanked (line numbers unchanged)."""
    if not sections:
        return text
    hidden = internal_lines(sections)
    lines = text.split("\n")
    return "\n".join("" if n in hidden else line for n, line in enumerate(lines, start=1))


def drop_internal(data: bytes, sections: tuple[InternalSection, ...]) -> bytes:
    """The file's bytes without the sections' lines, for the source published beside the
    page (its lines split as the decoded text's were: ``\\n``, ``\\r\\n`` or ``\\r``)."""
    if not sections:
        return data
    hidden = internal_lines(sections)
    lines = data.splitlines(keepends=True)
    return b"".join(line for n, line in enumerate(lines, start=1) if n not in hidden)


def internal_problems(path: str, sections: tuple[InternalSection, ...]) -> list[Diagnostic]:
    """A section without its closing fence: everything after it is then kept internal."""
    return [
        Diagnostic(
            Level.WARNING,
            path,
            section.line,
            "unclosed-internal",
            "det interna avsnittet avslutas aldrig med ':::'; allt efter det hålls internt",
            "avsluta det interna avsnittet med en rad med bara ':::'",
        )
        for section in sections
        if not section.closed
    ]
