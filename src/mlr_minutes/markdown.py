"""The one configured Markdown parser, shared by the parser and the renderer.

The parser reads lines, decisions and task boxes from markdown-it's tokens and the
renderer marks them on the page by those same lines, so both must tokenise a text the
same way: one configuration, here.  What only concerns the HTML (images shown as links,
task boxes drawn) is the renderer's business and never changes the tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, image, link
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from .vocabulary.structure import INTERNAL_SECTION

InlineRule = Callable[[StateInline, bool], bool]

INTERNAL_OPEN = f"container_{INTERNAL_SECTION}_open"
"""The token that opens an internal section (``::: internt``)."""
INTERNAL_CLOSE = f"container_{INTERNAL_SECTION}_close"
"""The token that closes it."""


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough; raw HTML off, so that minutes never need it
    and the site can never pass it through; ``::: internt`` … ``:::`` fences an internal
    section (the container syntax of Pandoc and markdown-it), which the public site leaves
    out.  Shared: never enable or disable rules on it."""
    return configured_parser()


def configured_parser(plain_fast: bool = True) -> MarkdownIt:
    """A new parser of :func:`markdown_parser`'s configuration; ``plain_fast=False`` keeps
    markdown-it's own core ``inline`` rule (to compare the tokens of :func:`_inline` with)."""
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.inline.ruler.at("link", _needs_closing_bracket(link))
    parser.inline.ruler.at("image", _needs_closing_bracket(image))
    if plain_fast:
        parser.core.ruler.at("inline", _inline)
    return parser.use(container_plugin, name=INTERNAL_SECTION)


def parser_for(text: str) -> MarkdownIt:
    """A parser of :func:`markdown_parser`'s configuration for ``text``, without the rules
    that cannot match anywhere in it: the same tokens, fewer rules tried at every line
    (and fewer terminators checked at every line of a paragraph).  Each rule's gate is a
    superset of what it needs (a table's ``|``, a fence's three backticks), checked on
    the whole text, of which every block and inline is a part."""
    if "\r" in text or "\0" in text:
        return markdown_parser()  # markdown-it rewrites these first; no gate sees them
    return _gated_parser(frozenset(name for name, needed in _needed(text) if not needed))


_SETEXT_UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)
"""A line that may underline a setext heading, inside lists and quotes too."""
_INDENTED = re.compile(r"^[>*+\-.)\d ]*? {4}", re.MULTILINE)
"""Four spaces after what may open a line's containers (quote and list markers): where
an indented code block may start (a tab anywhere counts too)."""
_ALWAYS_OFF = ("html_block", "html_inline")
"""Raw HTML is off (``html: False``): these rules return at once, untried is the same."""


def _needed(text: str) -> list[tuple[str, bool]]:
    """For each gated rule, whether ``text`` holds what it needs to match."""
    return [
        ("table", "|" in text),
        ("code", "\t" in text or _INDENTED.search(text) is not None),
        (f"container_{INTERNAL_SECTION}", ":::" in text),
        ("fence", "```" in text or "~~~" in text),
        ("blockquote", ">" in text),
        ("hr", _may_hold_a_rule(text)),
        ("reference", "]:" in text),
        ("heading", "#" in text),
        ("lheading", _SETEXT_UNDERLINE.search(text) is not None),
        ("escape", "\\" in text),
        ("backticks", "`" in text),
        ("strikethrough", "~" in text),
        ("emphasis", "*" in text or "_" in text),
        ("link", "[" in text),
        ("image", "![" in text),
        ("autolink", "<" in text),
        ("entity", "&" in text),
    ]


def _may_hold_a_rule(text: str) -> bool:
    """Whether a line of ``text`` may be a thematic break: it ends (after a list marker or
    ``>`` maybe) in three of one mark among spaces and tabs.  Read from each line's end, so
    that a long run of one mark costs its length (a pattern tried from every mark of the
    run would cost its square)."""
    for line in text.split("\n"):
        end = line.rstrip(" \t")
        mark = end[-1:]
        if mark and mark in "*-_" and end[len(end.rstrip(mark + " \t")) :].count(mark) >= 3:
            return True
    return False


_NO_NEWLINES_TO_NORMALISE = ("normalize",)
"""markdown-it's first core rule only rewrites ``\r`` and NUL, which a gated parser's text
never holds (:func:`parser_for`): leaving it out spares two scans of the whole text."""


@lru_cache(maxsize=64)
def _gated_parser(unused: frozenset[str]) -> MarkdownIt:
    off = [*_ALWAYS_OFF, *_NO_NEWLINES_TO_NORMALISE, *sorted(unused)]
    return configured_parser().disable(off)


INLINE_MARKS = frozenset("\\`~*_[!<&")
"""The characters that start an inline rule other than text and line breaks (escape, code,
strikethrough, emphasis, link, image, autolink, entity): without them a text is plain."""


_MARKED = re.compile("[" + "".join(re.escape(c) for c in sorted({*INLINE_MARKS, "\r", "\0"})) + "]")
"""Any of :data:`INLINE_MARKS`, or a character markdown-it rewrites first: one scan."""


def plain_lines(content: str) -> list[str] | None:
    """The lines of ``content`` when markdown-it's inline rules would only read them as text
    joined by soft breaks (no mark, no hard break, no space around a line break); else None."""
    if _MARKED.search(content) is not None:
        return None
    if "\n" not in content:
        return [content]
    lines = content.split("\n")
    for before, after in pairwise(lines):
        if not before or before[-1] == " " or not after or after[0] in " \t":
            return None
    return lines


def _inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, with the tokens of a plain text made directly:
    one text token a line, soft breaks between (what the inline rules make of it, without
    trying each rule at each mark)."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        lines = plain_lines(token.content) if token.content else None
        if lines is None:
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            continue
        for number, line in enumerate(lines):
            if number:
                token.children.append(Token("softbreak", "br", 0))
            token.children.append(Token("text", "", 0, content=line))


@lru_cache(maxsize=16)
def _last_closing_bracket(text: str) -> int:
    return text.rfind("]")


def _needs_closing_bracket(rule: InlineRule) -> InlineRule:
    """``rule`` (a link or an image), tried only when a ``]`` follows in the paragraph.

    markdown-it searches for the label's end from every ``[`` to the end of the
    paragraph, so a pasted run of ``[`` costs the square of its length; without a ``]``
    after it no ``[`` starts a link, and the search is skipped (same tokens, linear)."""

    def guarded(state: StateInline, silent: bool) -> bool:
        if state.pos > _last_closing_bracket(state.src):
            return False
        return rule(state, silent)

    return guarded
