"""The one configured Markdown parser, shared by the parser and the renderer.

The parser reads lines, decisions and task boxes from markdown-it's tokens and the
renderer marks them on the page by those same lines, so both must tokenise a text the
same way: one configuration, here.  What only concerns the HTML (images shown as links,
task boxes drawn) is the renderer's business and never changes the tokens.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough; raw HTML off, so that minutes never need it
    and the site can never pass it through.  Shared: never enable or disable rules on it."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
