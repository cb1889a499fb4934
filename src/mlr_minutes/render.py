"""Rendering: view models through Jinja templates, and the minutes' Markdown into safe HTML.

The only module that imports jinja2.  The built-in theme is the package's ``theme``
folder: the page templates, and its ``static`` folder of files copied as they are.  A
folder given with ``--templates`` has the same shape and comes first in the search path,
so any template or static file can be replaced by name.

Markdown is parsed by the parser's own configuration (:mod:`mlr_minutes.markdown`:
CommonMark, raw HTML off, link validation on, so no ``javascript:`` links), so that the
lines the parser found things on are the lines of these tokens; only the HTML differs
(an image is shown as a link, never fetched: no request may leave the site).
Decisions, action items and focus-area statuses are marked where they are written, by
their 1-based source line.

A text's HTML follows from the text alone (its Markdown, marks, heading level and first
line), so each distinct text is turned into HTML once and the result kept (a bounded
memo): empty texts and standard phrases recur on many meetings, and ``serve`` renders the
unchanged texts of an edited archive again on every save.  A segment is parsed here on its
own rather than cut from the parser's tokens of the whole file, because the page shows
what it says on its own, and that often differs: an item heading found in plain text
(``§ 112`` and a title line) runs on into the item's text as one paragraph of the file,
and a link may use a definition written in another segment.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from types import MethodType
from typing import TYPE_CHECKING

import jinja2
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup, escape

from .markdown import INTERNAL_CLOSE, INTERNAL_OPEN, markdown_parser, parser_for
from .views.types import Kept, Mark, MarkdownText, Page, SiteView

if TYPE_CHECKING:
    from .outputs.memo import OutputMemo

TASK_PREFIXES = {"[ ] ": False, "[x] ": True, "[X] ": True}
"""Task-list markers as written at the start of a list item, and whether they mean done."""


THEME = Path(__file__).resolve().parent / "theme"
"""The built-in theme, inside the package (so in the wheel, and in a checkout)."""


def template_dirs(override: Path | None) -> tuple[Path, ...]:
    """The template search path: the override folder first, then the built-in theme."""
    return (override, THEME) if override is not None else (THEME,)


def static_files(override: Path | None) -> list[tuple[str, Path]]:
    """Files of every ``static`` folder on the search path (earlier folders win), sorted."""
    found: dict[str, Path] = {}
    for folder in template_dirs(override):
        static = folder / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file():
                found.setdefault(path.relative_to(static).as_posix(), path)
    return sorted(found.items())


class _HtmlRenderer(RendererHTML):
    """markdown-it's HTML, except that an image is never fetched from wherever the minutes
    point: it stays as written, ``!`` and a link to it with its alt text; that a table
    scrolls in a frame of its own; and that an internal section (only ever in ``serve``'s
    preview: the public build never parses one) is framed and labelled as internal."""

    def __init__(self) -> None:
        super().__init__()
        # The container plugin's token names carry the section's (Swedish) name, so the
        # rules are registered by name rather than as methods named after the tokens.
        self.rules[INTERNAL_OPEN] = MethodType(_HtmlRenderer._internal_open, self)
        self.rules[INTERNAL_CLOSE] = MethodType(_HtmlRenderer._internal_close, self)

    def _internal_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return (
            '<section class="internal" aria-label="Internt avsnitt">\n'
            '<p class="internal-label"><strong>Internt</strong> – visas bara i '
            "förhandsvisningen och publiceras inte.</p>\n"
        )

    def _internal_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "</section>\n"

    def table_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        # A table of the minutes scrolls in its own frame on a narrow screen, as the site's
        # own tables do, instead of widening the page (WCAG 1.4.10, reflow).
        frame = '<div class="table-wrap" role="region" aria-label="Tabell" tabindex="0">\n'
        return frame + self.renderToken(tokens, idx, options, env)

    def table_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return self.renderToken(tokens, idx, options, env) + "</div>\n"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        text = self.renderInline(token.children or [], options, env)
        if _inside_link(tokens, idx):
            return f"!{text}"  # a link holds no link
        link = Token("link_open", "a", 1)
        link.attrs = {"href": str(token.attrGet("src") or "")}
        title = token.attrGet("title")
        if title:
            link.attrs["title"] = str(title)
        return f"!{self.renderToken([link], 0, options, env)}{text}</a>"


def _inside_link(tokens: Sequence[Token], idx: int) -> bool:
    depth = 0
    for token in tokens[:idx]:
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
    return depth > 0


_MD = markdown_parser()
_RENDERER = _HtmlRenderer()

_BLOCKS = ("list_item_open", "paragraph_open", "heading_open", "th_open", "td_open")


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token


def _chip(mark: Mark) -> str:
    notes = "".join(f' <span class="mark-note">· {escape(n)}</span>' for n in mark.notes)
    state = f" is-{mark.state}" if mark.state else ""
    return (
        f'<span class="mark mark-{escape(mark.kind)}{state}" id="{escape(mark.id)}">'
        f'<span class="mark-label">{escape(mark.label)}</span>{notes}</span> '
    )


def _links(mark: Mark) -> str:
    if not mark.links:
        return ""
    links = ", ".join(
        f'<a href="{escape(link.href)}">{escape(link.text)}</a>' for link in mark.links
    )
    return f' <span class="mark-links">({links})</span>'


def _lines(token: Token, first_line: int) -> tuple[int, int]:
    """The 1-based source lines a block spans (the last exclusive), for a text whose first
    line is ``first_line``: markdown-it counts from 0 within the text it is given."""
    assert token.map is not None
    return first_line + token.map[0], first_line + token.map[1]


def _target(tokens: Sequence[Token], line: int, first_line: int) -> int | None:
    """Index of the block that shows source ``line``: the innermost list item starting
    there, else the innermost block containing it."""
    starting: int | None = None
    containing: int | None = None
    span = 1 << 30
    for index, token in enumerate(tokens):
        if token.type not in _BLOCKS or token.map is None:
            continue
        first, last = _lines(token, first_line)
        if token.type == "list_item_open" and first == line:
            starting = index
        if first <= line < last and last - first <= span:
            containing, span = index, last - first
    return starting if starting is not None else containing


def _inline_after(tokens: Sequence[Token], index: int) -> Token | None:
    for token in tokens[index + 1 :]:
        if token.type == "inline":
            return token
    return None


def _apply_tasks(tokens: Sequence[Token]) -> None:
    """Show ``- [ ]`` / ``- [x]`` as a marked box instead of literal brackets."""
    for index, token in enumerate(tokens):
        if token.type != "list_item_open":
            continue
        inline = _inline_after(tokens, index)
        if inline is None or not inline.children or inline.children[0].type != "text":
            continue
        first = inline.children[0]
        for prefix, done in TASK_PREFIXES.items():
            if first.content.startswith(prefix) or first.content == prefix.rstrip():
                first.content = first.content[len(prefix) :]
                box = (
                    '<span class="task is-done" aria-hidden="true">☑</span>'
                    '<span class="visually-hidden">Avklarad: </span>'
                    if done
                    else '<span class="task" aria-hidden="true">☐</span>'
                    '<span class="visually-hidden">Ej avklarad: </span>'
                )
                inline.children.insert(0, _html(box))
                token.attrJoin("class", "task-item")
                break


def _apply_marks(tokens: list[Token], marks: Sequence[Mark], first_line: int) -> list[Mark]:
    """Put each mark's chip at its line; the marks that found no line are returned."""
    missed: list[Mark] = []
    for mark in marks:
        index = _target(tokens, mark.line, first_line)
        inline = _inline_after(tokens, index) if index is not None else None
        if index is None or inline is None or inline.children is None:
            missed.append(mark)
            continue
        classes = str(tokens[index].attrGet("class") or "").split()
        for name in ("marked", f"marked-{mark.kind}"):
            if name not in classes:
                classes.append(name)
        tokens[index].attrSet("class", " ".join(classes))
        children = inline.children
        position = 0
        block = tokens[index]
        start = _lines(block, first_line)[0]
        if block.type == "paragraph_open" and mark.line > start:
            # Prose marks go at the start of their own line within the paragraph.
            breaks = 0
            for offset, child in enumerate(children):
                if child.type in ("softbreak", "hardbreak"):
                    breaks += 1
                    if breaks == mark.line - start:
                        position = offset + 1
                        break
        while position < len(children) and children[position].type == "html_inline":
            position += 1
        children.insert(position, _html(_chip(mark)))
        end = _closing_inline_position(children, position)
        children.insert(end, _html(_links(mark)))
    return missed


def _closing_inline_position(children: list[Token], start: int) -> int:
    """Where the mark's links go: before the next line break after ``start``, or the end."""
    for offset in range(start + 1, len(children)):
        if children[offset].type in ("softbreak", "hardbreak"):
            return offset
    return len(children)


def _shift_headings(tokens: Sequence[Token], level: int) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, level)}"


MEMO_TEXTS = 2048
"""Distinct texts whose HTML is kept, the most recently used: a few megabytes at most,
and room for every text that recurs in an archive (each text on its own is rendered once
a build anyway)."""


@lru_cache(maxsize=MEMO_TEXTS)
def render_markdown(text: MarkdownText) -> Markup:
    """The Markdown as safe HTML, with its marks in place (unplaced marks listed after)."""
    # The parser without the rules that cannot match in this text: the same tokens
    # (tests/test_markdown_gates.py), fewer rules tried at every line.
    tokens = parser_for(text.markdown).parse(text.markdown)
    _shift_headings(tokens, text.heading_level)
    _apply_tasks(tokens)
    missed = _apply_marks(tokens, text.marks, text.line)
    html = _RENDERER.render(tokens, _MD.options, {})
    if missed:
        items = "".join(f"<li>{_chip(m)}{_links(m).strip()}</li>" for m in missed)
        html += f'<ul class="marks">{items}</ul>\n'
    return Markup(html)


@lru_cache(maxsize=MEMO_TEXTS)
def render_inline(text: str) -> Markup:
    """One line of inline Markdown (a heading as written) as safe HTML."""
    return Markup(_RENDERER.render(_MD.parseInline(text), _MD.options, {}))


def render_marks(marks: Sequence[Mark]) -> Markup:
    """Marks that belong to no text, as a list."""
    if not marks:
        return Markup("")
    items = "".join(f"<li>{_chip(m)}{_links(m).strip()}</li>" for m in marks)
    return Markup(f'<ul class="marks">{items}</ul>')


class RenderError(Exception):
    """A template failed: where (the template file and line, when known) and on which page."""

    def __init__(self, page: Page, template: str, line: int | None, message: str) -> None:
        super().__init__(f"mallfel på sidan {page.path}: {message}")
        self.page = page
        self.template = template
        """The template file, as found on the search path."""
        self.line = line
        """1-based line in it."""
        self.message = message


class Renderer:
    """Renders pages through the template search path."""

    def __init__(self, site: SiteView, override: Path | None = None) -> None:
        loader = jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(folder)) for folder in template_dirs(override)]
        )
        self._env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self._env.filters["markdown"] = render_markdown
        self._env.filters["inline"] = render_inline
        self._env.filters["marks"] = render_marks
        self._site = site
        self._kept: OutputMemo | None = None
        self._scope = ""
        self._frame = hashlib.sha256(repr(site).encode()).hexdigest()[:32]
        self._folders = tuple(folder.resolve() for folder in template_dirs(override))

    def for_site(self, site: SiteView) -> Renderer:
        """The same templates, compiled once, for another build's frame (the dev server
        renders an edited page without compiling its templates again)."""
        other = copy.copy(self)
        other._site = site
        other._frame = hashlib.sha256(repr(site).encode()).hexdigest()[:32]
        return other

    def keep_rendered(self, memo: OutputMemo, scope: str) -> None:
        """Keep the rows the templates mark with ``keep`` in ``memo`` (the build cache's),
        rendered, for the next build: rows under the same key are not built again.
        ``scope`` names what decides the meetings besides their files (how they were
        parsed: the configuration, the internal preview's sections)."""
        self._kept = memo
        self._scope = scope

    def _keep(self, rows: Kept, caller: Callable[[], str]) -> Markup:
        """``{% call keep(rows) %}…{% endcall %}``: the block as rendered under the rows'
        key (and this frame) by the last build, else rendered now."""
        if self._kept is None:
            return Markup(caller())
        key = f"html:{self._frame}:{self._scope}:{rows.key}"
        found = self._kept.get(key)
        if found is not None:
            return Markup(found.decode("utf-8"))
        html = caller()
        self._kept.put(key, html.encode("utf-8"))
        return Markup(html)

    def render(self, page: Page) -> str:
        """The page's HTML; a template problem becomes a :class:`RenderError`."""
        try:
            template = self._env.get_template(page.template)
            return template.render(site=self._site, page=page, view=page.view, keep=self._keep)
        except jinja2.TemplateSyntaxError as error:
            raise RenderError(
                page, error.filename or page.template, error.lineno, error.message or str(error)
            ) from error
        except (jinja2.TemplateError, TypeError, AttributeError, LookupError, ValueError) as error:
            where = self._template_frame(error)
            template_file, line = where if where else (page.template, None)
            raise RenderError(page, template_file, line, str(error)) from error

    def _template_frame(self, error: BaseException) -> tuple[str, int] | None:
        """The template file and line the error happened at: Jinja rewrites a render's
        traceback so that template code appears as frames of the template file at its own
        line; the innermost such frame is where it failed (an included or extended template
        too, and not a filter's Python code below it)."""
        found = None
        trace = error.__traceback__
        while trace is not None:
            filename = trace.tb_frame.f_code.co_filename
            if self._is_template(filename):
                found = (filename, trace.tb_lineno)
            trace = trace.tb_next
        return found

    def _is_template(self, filename: str) -> bool:
        path = Path(filename)
        if not path.is_absolute() or path.suffix == ".py":
            return False
        return any(path.resolve().is_relative_to(folder) for folder in self._folders)

    def render_all(self, pages: Iterator[Page]) -> Iterator[tuple[Page, str]]:
        """Each page with its HTML, in order."""
        for page in pages:
            yield page, self.render(page)
