"""Line-for-line clean-up of what editors and converters leave in Markdown.

Each rule rewrites single lines and never adds or removes one, so every line
number the later steps report is still the file's.  What a rule changes is
reported once per file, with the line where it first happens:

* HTML pasted from a CMS or a Word export (``<strong>Datum:</strong>``, ``<li>``,
  ``<br>``) becomes the Markdown it means, so labels and lists read as usual;
* comments that are not metadata (``<!-- sida 2 -->``) are blanked: they are not
  text of the minutes;
* ``##Närvarande`` gets the space CommonMark needs to make it a heading;
* a U+FFFD (``N�rvarande``) is reported: the file was decoded wrongly somewhere;
* a converter's needless escapes (``08:30\\-12:10``, ``\\- Anna Berg``) and its en
  dashes written as two hyphens (``13.00--15.40``) are read as the text they mean;
* Pandoc's grid tables become the labels and rows they hold (:mod:`.grid_tables`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import Diagnostic, Level
from .dokuwiki import dokuwiki_line
from .grid_tables import has_grid_table, rewrite_grid_tables
from .labels import metadata_field
from .latex import latex_line, looks_like_latex
from .repair import mend_line, undo_double_encoding
from .ruler import Ruler
from .typst import looks_like_typst, typst_line


@dataclass
class NormaliseState:
    """The lines being cleaned and what was found."""

    path: str
    lines: list[str]
    in_fence: bool = False
    """Whether the current line stands inside a fenced code block (left as written)."""
    in_comment: bool = False
    """Whether the current line continues an HTML comment."""
    typst: bool = False
    """The file is Typst source, read as the Markdown it means (:mod:`.typst`)."""
    latex: bool = False
    """The file is LaTeX source, read as the Markdown it means (:mod:`.latex`)."""
    title_block: bool = False
    """The current line continues a Pandoc title block (``% title`` / ``% authors``)."""
    first: dict[str, int] = field(default_factory=dict)
    """Diagnostic code → the first line it concerns."""
    counts: dict[str, int] = field(default_factory=dict)
    """Diagnostic code → how many lines it concerns."""

    def found(self, code: str, number: int) -> None:
        """Note that rule ``code`` changed or flagged line ``number``."""
        self.first.setdefault(code, number)
        self.counts[code] = self.counts.get(code, 0) + 1


LineRule = Callable[[NormaliseState, int, str], str]
"""A rule gets the state, the 1-based line number and the line; it returns the line."""

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def code_fences(state: NormaliseState, number: int, line: str) -> str:
    """Code stays as written: the lines of a fenced block are not cleaned."""
    if _FENCE.match(line):
        state.in_fence = not state.in_fence
    return line


_COMMENT_LINE = re.compile(r"^\s*<!--.*?-->\s*$")


def comments(state: NormaliseState, number: int, line: str) -> str:
    """``<!-- sida 2 -->`` and other comments (metadata comments are read before this)
    are blanked; a comment over several lines is blanked whole."""
    if state.in_fence:
        return line
    if state.in_comment:
        if "-->" in line:
            state.in_comment = False
        return ""
    if _COMMENT_LINE.match(line):
        return ""
    stripped = line.strip()
    if stripped.startswith("<!--") and "-->" not in stripped:
        state.in_comment = True
        return ""
    return line


_TAG_NAMES = (
    "strong", "b", "em", "i", "u", "br", "p", "div", "span", "ul", "ol", "li", "h1", "h2",
    "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tr", "td", "th", "font", "hr", "a",
    "sup", "sub", "small", "center", "blockquote", "pre", "code", "img", "s", "del", "ins",
    "dl", "dt", "dd", "time",
)  # fmt: skip
# Only real tag names: ``<anna@example.se>`` and ``<https://…>`` are autolinks, not HTML.
_TAG = re.compile(rf"</?({'|'.join(_TAG_NAMES)})(?=[\s/>])[^<>]{{0,200}}?/?>", re.IGNORECASE)
_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_HEADING_TAG = re.compile(r"^\s*<h([1-6])[^>]*>(?P<text>.*?)</h\1>\s*$", re.IGNORECASE)
_LIST_TAG = re.compile(r"^(?P<indent>\s*)<li[^>]*>(?P<text>.*?)(?:</li>)?\s*$", re.IGNORECASE)
_BREAK_AT_END = re.compile(r"\s*<br\s*/?>\s*$", re.IGNORECASE)
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d{1,5}|#x[0-9a-fA-F]{1,4});")


def html_tags(state: NormaliseState, number: int, line: str) -> str:
    """HTML in the Markdown, as CMS exports and pasted Word text leave it:
    ``<strong>Datum:</strong>`` → ``**Datum:**``, ``<li>Anna Berg</li>`` → ``- Anna Berg``,
    ``<h2>…</h2>`` → ``## …``, ``<br>`` ends the line (or separates like ``;`` inside it),
    ``<ul>``/``<p>`` wrappers go."""
    if state.in_fence or "<" not in line or not _TAG.search(line):
        return line
    state.found("literal-html", number)
    heading = _HEADING_TAG.match(line)
    if heading:
        line = "#" * int(heading.group(1)) + " " + heading["text"]
    listed = _LIST_TAG.match(line)
    if listed:
        line = f"- {listed['text']}"  # indentation would make it code
    line = _BREAK_AT_END.sub("", line)
    line = _BREAK.sub("; ", line)
    if "<d" in line:
        # ``<dt>Mötesordförande</dt><dd>Tove Rask</dd>``: a term and its description, a
        # label and its value.
        line = _TERM_THEN_VALUE.sub(": ", line)
    if "<t" in line:
        # ``<tr><td>Mötesordförande</td><td>Vera Lindblad</td></tr>``: a table row.
        line = _CELL_BETWEEN.sub(" | ", line)
        line = _ROW_EDGE.sub("|", line)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).casefold()
        if name in _INLINE:
            return _INLINE[name]
        return ""

    line = _TAG.sub(replace, line)
    line = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), line)
    return line if line.strip() else ""


_TERM_THEN_VALUE = re.compile(r"\s*</dt>\s*<dd[^>]*>\s*", re.IGNORECASE)
_CELL_BETWEEN = re.compile(r"</t[dh]>\s*<t[dh][^>]*>", re.IGNORECASE)
_ROW_EDGE = re.compile(r"^\s*<tr[^>]*>\s*<t[dh][^>]*>|</t[dh]>\s*</tr>\s*$", re.IGNORECASE)

_MISSING_SPACE = re.compile(r"^(?P<marks>#{2,6}|#(?=[A-ZÅÄÖ]))(?P<rest>[^\s#].*)$")


def heading_space(state: NormaliseState, number: int, line: str) -> str:
    """``##Närvarande``: a heading written without the space after its ``#`` marks."""
    if state.in_fence:
        return line
    match = _MISSING_SPACE.match(line)
    if match is None:
        return line
    state.found("heading-missing-space", number)
    return f"{match['marks']} {match['rest']}"


def double_encoding(state: NormaliseState, number: int, line: str) -> str:
    """``MÃ¶tet Ã¶ppnades``: a text encoded as UTF-8 twice on its way (an export read
    as Windows-1252 and saved again), read as it was written."""
    if "\u00c3" not in line and "\u00c2" not in line and "\u00e2\u20ac" not in line:
        return line
    mended = undo_double_encoding(line)
    if mended != line:
        state.found("double-encoding", number)
    return mended


def replacement_character(state: NormaliseState, number: int, line: str) -> str:
    """``N�rvarande``: a character lost when the file was decoded with the wrong encoding
    somewhere before it got here (the labels are still read)."""
    if "\ufffd" in line:
        state.found("replacement-character", number)
        line = mend_line(line)
    return line


def typst_source(state: NormaliseState, number: int, line: str) -> str:
    """A protocol committed as Typst source: ``= §2 Val av …`` a heading, ``#beslut[…]``
    a ``Beslut:`` label, ``datum: datetime(…)`` an ISO date (:mod:`.typst`)."""
    if not state.typst:
        return line
    state.found("typst-source", number)
    return typst_line(line)


def latex_source(state: NormaliseState, number: int, line: str) -> str:
    """A protocol committed as LaTeX source: ``\\paragraf{2}{…}`` a heading,
    ``\\person{Name}{role}`` a person in the list, ``\\datum{…}`` a label (:mod:`.latex`)."""
    if not state.latex:
        return line
    state.found("latex-source", number)
    return latex_line(line)


_SEMICOLON_ROW = re.compile(r"^(?P<key>[^;\s][^;]{0,40});(?=\S)(?P<cells>.*)$")


def semicolon_rows(state: NormaliseState, number: int, line: str) -> str:
    """A row of a spreadsheet saved as text with semicolons, whose first cell is a label
    (``Ordförande;Eva-Lena Roos``, ``Närvarande;Eva;Jakob;Susanne``), is that label and
    its values (``Närvarande: Eva, Jakob, Susanne``); other rows stay as they are."""
    if ";" not in line:
        return line
    row = _SEMICOLON_ROW.match(line)
    if row is None or metadata_field(row["key"].strip()) in (None, "ignored"):
        return line
    values = [cell.strip() for cell in row["cells"].split(";") if cell.strip()]
    return f"{row['key'].strip()}: {', '.join(values)}"


def pandoc_title_block(state: NormaliseState, number: int, line: str) -> str:
    """A Pandoc title block at the top: ``% Styrelsemöte – Python Sverige`` is the title,
    the ``% Sekreterare: …`` and ``% 2013-01-08`` lines below it (and their indented
    continuations) are lines of the header."""
    if number == 1 and line.startswith("% "):
        state.title_block = True
        return "# " + line[2:].strip()
    if not state.title_block:
        return line
    if line.startswith("% ") or line == "%":
        return line[2:]
    if line[:1] in (" ", "\t") and line.strip():
        return line.strip()
    state.title_block = False
    return line


_DOUBLE_HYPHEN = re.compile(r"(?<=\d)--(?=\d)")
_ESCAPED_HYPHEN = re.compile(r"(?<=\S)\\-")
_ESCAPED_MARKER = re.compile(
    r"^(?P<indent> {0,3})(?:\\(?P<bullet>[-*+])|(?P<number>\d{1,3})\\\.)(?= \S)"
)


def dokuwiki_marks(state: NormaliseState, number: int, line: str) -> str:
    """A DokuWiki page's heading (``===== 3. Ekonomi =====``) or todo tag (``<todo
    @kim>Beställa utsuget</todo>``) as Markdown (:mod:`.dokuwiki`)."""
    if state.in_fence or ("=" not in line and "<" not in line):
        return line
    return dokuwiki_line(line)


def escapes(state: NormaliseState, number: int, line: str) -> str:
    """A converter's escapes that mean no more than the character: ``2026\\-04\\-23``,
    ``§§ 88\\-94`` (Pandoc escapes every hyphen from Word; inside a line it is the plain
    hyphen), and list markers the writer typed that the converter escaped so they would
    not make a list (``\\- Anna Berg``, ``3\\. Budget`` from Google Docs): the list and
    the numbered item the writer meant."""
    if state.in_fence or "\\" not in line:
        return line
    marker = _ESCAPED_MARKER.match(line)
    if marker:
        written = marker["bullet"] or f"{marker['number']}."
        line = marker["indent"] + written + line[marker.end() :]
    if "\\-" in line:
        line = _ESCAPED_HYPHEN.sub("-", line)
    return line


def spreadsheet_blanks(state: NormaliseState, number: int, line: str) -> str:
    """A spreadsheet's table as pandas writes it (markitdown, ``DataFrame.to_markdown``):
    an empty cell reads ``NaN`` and an unnamed column's header ``Unnamed: 1``.  Both are
    blank cells, so ``| Ordförande | Ulrika Bengtsson | NaN |`` is a label and a name and
    ``| NaN | NaN |`` names no one."""
    if state.in_fence or "|" not in line or not line.lstrip().startswith("|"):
        return line
    blanked = _PANDAS_BLANK.sub("| ", line)
    if blanked != line:
        state.found("spreadsheet-blanks", number)
    return blanked


_PANDAS_BLANK = re.compile(r"\|\s*(?:NaN|nan|Unnamed: \d+)\s*(?=\|)")


NORMALISE: Ruler[LineRule] = Ruler(
    [
        ("latex_source", latex_source),
        ("pandoc_title_block", pandoc_title_block),
        ("typst_source", typst_source),
        ("semicolon_rows", semicolon_rows),
        ("code_fences", code_fences),
        ("comments", comments),
        ("dokuwiki_marks", dokuwiki_marks),
        ("html_tags", html_tags),
        ("heading_space", heading_space),
        ("double_encoding", double_encoding),
        ("replacement_character", replacement_character),
        ("escapes", escapes),
        ("spreadsheet_blanks", spreadsheet_blanks),
    ]
)
"""The clean-up rules, each run on every line in order."""


_UNTOUCHED = frozenset("`~<#;=\u00c3\u00c2\u00e2\ufffd\\|")
"""Every character a rule of :data:`NORMALISE` looks for before it changes a line or the
state (a fence's backtick or tilde, a comment's or a tag's ``<``, a heading's ``#``, a
spreadsheet row's ``;``, a table row's ``|``, a DokuWiki heading's ``=``, the first
character of a double encoding, U+FFFD, an escape's backslash): a line without any of
them, past the first and outside a comment, a title block, Typst and LaTeX, is left as
it is by every rule.  A new rule must add what it looks for here
(``tests/test_normalise_fast.py`` lists the rules this was written for)."""


_BUILT_IN = NORMALISE.rules()
_MAY_TOUCH = re.compile("[" + "".join(re.escape(c) for c in sorted(_UNTOUCHED)) + "]")
"""Any character of :data:`_UNTOUCHED`, found by one scan of the line."""


def _line_state(state: NormaliseState) -> bool:
    """Whether a rule reads the line whatever it holds (Typst or LaTeX source, a title
    block, a comment)."""
    return state.typst or state.latex or state.title_block or state.in_comment


def normalise(text: str, path: str) -> tuple[str, list[Diagnostic]]:
    """``text`` cleaned line for line, and one warning per kind of clean-up done."""
    if "--" in text:
        # ``kl. 13.00--15.40``, ``§§ 103--104``: Pandoc's way to write an en dash.
        text = _DOUBLE_HYPHEN.sub("–", text)
    lines = text.split("\n")
    if has_grid_table(text):
        rewrite_grid_tables(lines)
    state = NormaliseState(
        path, lines, typst=looks_like_typst(lines), latex=looks_like_latex(lines)
    )
    rules = NORMALISE.rules()
    skip = rules == _BUILT_IN  # a rule added to the ruler may look for anything
    for index, line in enumerate(lines):
        if skip and not _MAY_TOUCH.search(line) and index and not _line_state(state):
            continue  # no rule changes this line or the state (see _UNTOUCHED)
        for rule in rules:
            line = rule(state, index + 1, line)
        lines[index] = line
    return "\n".join(lines), list(_problems(state))


def _problems(state: NormaliseState) -> Iterator[Diagnostic]:
    def warning(*, code: str, message: str, hint: str) -> Diagnostic | None:
        if code not in state.first:
            return None
        text = message.format(count=state.counts[code])
        return Diagnostic(Level.WARNING, state.path, state.first[code], code, text, hint)

    found = (
        warning(
            code="literal-html",
            message="HTML i texten ({count} rader) lästes som den Markdown den motsvarar",
            hint="skriv Markdown i stället: **fet**, '- ' för listor och en tom rad för nytt "
            "stycke",
        ),
        warning(
            code="heading-missing-space",
            message="rubriken saknar mellanslag efter # ({count} rader)",
            hint="skriv '## Närvarande' med ett mellanslag efter #-tecknen",
        ),
        warning(
            code="typst-source",
            message="filen är Typst-källkod; den lästes som den Markdown den motsvarar",
            hint="skriv protokollet i Markdown (## för rubriker, 'Beslut:' för beslut), eller "
            "lägg in PDF:en och skriv en Markdown-fil bredvid",
        ),
        warning(
            code="latex-source",
            message="filen är LaTeX-källkod; den lästes som den Markdown den motsvarar",
            hint="skriv protokollet i Markdown (## för rubriker, 'Beslut:' för beslut), eller "
            "lägg in PDF:en och skriv en Markdown-fil bredvid",
        ),
        warning(
            code="double-encoding",
            message="texten var kodad två gånger ({count} rader, t.ex. Ã¤ för ä); den lästes "
            "som den skrevs",
            hint="spara filen som UTF-8 från originalet, så att å, ä och ö står rätt i källan",
        ),
        warning(
            code="spreadsheet-blanks",
            message="tabellen kommer från ett kalkylark: tomma celler stod som NaN eller "
            "Unnamed ({count} rader); de lästes som tomma",
            hint="töm cellerna i källan, eller exportera kalkylarket med tomma celler",
        ),
        warning(
            code="replacement-character",
            message="texten innehåller � ({count} rader): tecken som å, ä och ö har gått förlorade",
            hint="öppna originalet, rätta tecknen och spara filen som UTF-8",
        ),
    )
    yield from (d for d in found if d is not None)
