"""The one configured Markdown parser, shared by the parser and the renderer.

The parser reads lines, decisions and task boxes from markdown-it's tokens and the
renderer marks them on the page by those same lines, so both must tokenise a text the
same way: one configuration, here.  What only concerns the HTML (images shown as links,
task boxes drawn) is the renderer's business and never changes the tokens.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from .vocabulary.structure import INTERNAL_SECTION

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
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return md.use(container_plugin, name=INTERNAL_SECTION)
