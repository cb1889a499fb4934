"""The one configured Markdown parser, shared by the parser and the renderer.

The parser reads lines, decisions and task boxes from markdown-it's tokens and the
renderer marks them on the page by those same lines, so both must tokenise a text the
same way: one configuration, here.  What only concerns the HTML (images shown as links,
task boxes drawn) is the renderer's business and never changes the tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, image, link
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
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.inline.ruler.at("link", _needs_closing_bracket(link))
    parser.inline.ruler.at("image", _needs_closing_bracket(image))
    return parser.use(container_plugin, name=INTERNAL_SECTION)


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
