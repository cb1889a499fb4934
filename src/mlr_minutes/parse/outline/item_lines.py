"""Numbered lines inside paragraphs: bold or ``§`` lines, lone numbers, list agendas,
label lines."""

from __future__ import annotations

import itertools
import re

from ...vocabulary import DECIDING_VERBS, MONTHS
from ..blocks import Block, BlockKind, plain_text
from .titles import heading_key, label_line_context, split_diary_number, split_item_heading

# --- Numbered lines inside paragraphs ---------------------------------------------------------

_BOLD = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1:?$")
_LONE_NUMBER = re.compile(r"^(?:§\s*)?\d{1,3}\.?$")
_CODED = re.compile(r"^\s*[A-ZÅÄÖ]{1,6}\s+§\s*\d")
"""``SN § 31``: a paragraph of a body's protocol, its short name first."""


def _item_lines(
    block: Block,
    lines: list[str],
    noise: frozenset[int],
    counted: frozenset[int],
    after: int = 0,
) -> list[int]:
    """Offsets (in the paragraph) of lines that open an agenda item: ``**§ 3 Ekonomi**``,
    ``§ 137   Dnr BN-2023-00211``, a lone ``7`` with the title on the next line, a line
    of ``counted`` (:func:`_counted_lines`), or, when the agenda's numbered entries ended
    at item ``after``, the next numbers (``7. Val av valberedning.`` indented so that it
    ran on into the text of item 6).  A line that carries on a sentence (``enligt`` /
    ``§ 5 i stadgarna``) opens nothing."""
    own = block.markdown.split("\n")
    found: list[int] = []
    for offset, markdown in enumerate(own):
        number = block.line + offset
        if number in counted:
            found.append(offset)
            continue
        next_entry = _NEXT_ENTRY.match(markdown) if after else None
        if next_entry is not None and int(next_entry["number"]) == after + 1:
            found.append(offset)
            after += 1
            continue
        head = markdown.lstrip()[:1]
        if head not in ("§", "*", "_") and not head.isdigit() and not _CODED.match(markdown):
            continue  # only these can open an item; the rest need no plain text
        if number in noise or number > len(lines) or not _starts_fresh(own, offset, block, noise):
            continue
        text = plain_text(markdown).strip()
        if _BOLD.match(markdown.strip()) or text.startswith("§") or _CODED.match(text):
            if len(text) <= 120 and split_item_heading(text) is not None:
                found.append(offset)
        elif _LONE_NUMBER.match(text) and offset + 1 < len(own) and own[offset + 1].strip():
            found.append(offset)
    return found


_NEXT_ENTRY = re.compile(r"^\s*(?P<number>\d{1,2})\.\s+[A-ZÅÄÖ].{1,100}$")


def _starts_fresh(own: list[str], offset: int, block: Block, noise: frozenset[int]) -> bool:
    if offset == 0:
        return True
    previous = own[offset - 1].rstrip().rstrip("*_ ")
    return previous.endswith((".", ":", "!", "?")) or (block.line + offset - 1) in noise


def split_item_lines(blocks: list[Block], lines: list[str], noise: frozenset[int]) -> list[Block]:
    """``blocks`` with each numbered line of a paragraph made a heading of its own (level
    7), as minutes converted from PDF write items; the rest of the paragraph stays one.
    In a file without numbered headings, a numbered list whose entries each carry text
    below their first line is the agenda too (``1. Mötets öppnande`` / ``Ordföranden …``)."""
    agenda = _agenda_list_items(blocks, lines) or _interleaved_agenda(blocks, lines)
    bare = {} if agenda else _bare_numbered_titles(blocks)
    counted = frozenset() if agenda or bare else _counted_lines(blocks, noise)
    result: list[Block] = []
    remap: dict[int, int] = {}
    headings: set[int] = set()
    last_number = 0
    for old_index, block in enumerate(blocks):
        if block.parent is not None and block.parent in remap:
            parent = remap[block.parent]
            block = _with_parent(block, None if parent in headings else parent)
        if old_index in agenda or old_index in bare:
            number = bare.get(old_index) or _list_number(lines, block.line)
            own = block.markdown.split("\n")
            heading = _part(block, own, 0, 1, BlockKind.HEADING)
            bold = _BOLD_LEAD.match(own[0].strip())
            first = _BARE_NUMBER.sub("", own[0]) if old_index in bare else own[0]
            title = plain_text(bold["title"] if bold else first).strip().rstrip(".:")
            result.append(_retitled(heading, f"{number}. {title}"))
            headings.add(len(result) - 1)
            remap[old_index] = len(result) - 1
            if number.isdigit():  # the count goes on in a paragraph below (``7. …``)
                last_number = int(number)
            if bold and bold["rest"].strip():
                # ``1. **Öppnande.** KL öppnade.``: the title in bold, the text after it.
                own = [bold["rest"].strip(), *own[1:]]
                result.append(
                    _with_parent(_part(block, own, 0, len(own), BlockKind.PARAGRAPH), None)
                )
            elif len(own) > 1:
                rest = _part(block, own, 1, len(own), BlockKind.PARAGRAPH)
                result.append(_with_parent(rest, None))
            continue
        paragraph = block.kind is BlockKind.PARAGRAPH
        entries_end = last_number if agenda else 0
        starts = _item_lines(block, lines, noise, counted, entries_end) if paragraph else []
        starts = [s for s in starts if _in_sequence(block, s, last_number)]
        if not starts:
            remap[old_index] = len(result)
            result.extend(_at_label_lines(block))
            continue
        own = block.markdown.split("\n")
        cuts = [*starts, len(own)]
        if starts[0] > 0:
            result.extend(_at_label_lines(_part(block, own, 0, starts[0], BlockKind.PARAGRAPH)))
        for start, end in itertools.pairwise(cuts):
            text = plain_text(own[start]).strip()
            title_lines = 2 if _LONE_NUMBER.match(text) else 1
            if title_lines == 1 and _needs_title(text) and start + 1 < end:
                title_lines = 2
            head_end = min(start + title_lines, end)
            heading = _part(block, own, start, head_end, BlockKind.HEADING)
            run_in = _run_in(heading) if title_lines == 1 else None
            if block.line + start in counted:
                heading = _retitled(heading, _COUNTED.sub(r"\g<number>. ", text, count=1))
                run_in = _counted_sentence(heading, text)
            elif entries_end and _NEXT_ENTRY.match(text):
                heading = _retitled(heading, text.rstrip("."))  # the agenda's style
            if run_in is not None:
                # ``§ 1 Öppnande. Ordf. AR öppnade och ledde mötet.``: the title, then the
                # item's own text on the same line, read as any paragraph.
                result.extend(run_in)
            else:
                result.append(heading)
            numbered = split_item_heading(_heading_text(own, start, head_end))
            if numbered is not None and numbered[0].isdigit():
                last_number = int(numbered[0].split(".")[0])
            if head_end < end:
                result.extend(
                    _at_label_lines(_part(block, own, head_end, end, BlockKind.PARAGRAPH))
                )
        remap[old_index] = len(result) - 1
    return result


_LIST_NUMBER = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s")
_AGENDA_TITLE_LENGTH = 90


def _agenda_list_items(blocks: list[Block], lines: list[str]) -> set[int]:
    """Indexes of the top-level numbered list entries that are agenda items: a list of at
    least two entries, most with text under a short first line that ends no sentence, in
    a file whose headings number nothing.  An entry out of the count is a wrapped line of
    the one before that happens to start with a number (``2023. Styrelsens ledamöter …``
    after item 12), not an item."""
    if any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    ) or _items_as_paragraphs(blocks):
        return set()
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, None]):
        is_entry = (
            block is not None
            and block.kind is BlockKind.LIST_ITEM
            and block.ordered
            and block.parent is None
        )
        if is_entry:
            run.append(index)
            continue
        if block is not None and block.parent is not None and run:
            continue  # nested in the entry before
        counted = _in_count(run, blocks, lines)
        if len(counted) >= 2 and _agenda_like([blocks[i] for i in counted], blocks):
            found.update(counted)
        run = []
    return found


def _items_as_paragraphs(blocks: list[Block]) -> bool:
    """Items written as paragraphs of their own, ``**§ 103 Bygglov …**`` (a protocol from
    Word, its § lines bold instead of headings): a numbered list is then points inside an
    item (``1.  Nämnden beviljar …`` / ``2.  Förvaltningen får i uppdrag …``)."""
    found = 0
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH or not block.text.startswith("§"):
            continue
        first = block.text.split("\n", 1)[0].strip()
        bold = block.markdown.lstrip().startswith(("**§", "__§"))
        if bold and split_item_heading(first) is not None:
            found += 1
    return found >= 2


_INTERLEAVED_TITLE_LENGTH = 160
"""A title with its text below may be long: in two languages (``5. Föregående
mötesprotokoll - Protocol from the last meeting: posts/2025/10/…``)."""


def _interleaved_agenda(blocks: list[Block], lines: list[str]) -> set[int]:
    """Indexes of numbered one-line titles, each a list of its own with the item's text
    as paragraphs between them, as plain-text minutes indent them::

         1. Öppning
          Vi började 19:12.
         2. Mötesledare

    At least three, numbered one after the other, in a file whose headings number
    nothing and that has no other agenda."""
    if any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    ):
        return set()
    entries: list[int] = []
    text_since = True
    numbered = [
        b.text.strip()
        for b in blocks
        if b.parent is None and b.kind is BlockKind.LIST_ITEM and b.ordered
    ]
    # ``3. Val av två justeringsmän.`` … ``6. Val av 3 styrelseledamöter och 2 suppleanter
    # för en tid av 2 år.``: when every title ends with a full stop, that is the house
    # style, and a long one is a title all the same.
    dotted_style = len(numbered) >= 3 and all(text.endswith(".") for text in numbered)
    for index, block in enumerate(blocks):
        if block.parent is not None:
            continue
        if block.kind is not BlockKind.LIST_ITEM or not block.ordered:
            text_since = text_since or block.kind is BlockKind.PARAGRAPH
            continue
        first = block.text.strip()
        title_like = (
            "\n" not in first
            and 0 < len(first) <= _INTERLEAVED_TITLE_LENGTH
            and not first.endswith(("!", "?", ":"))
            # ``1. Mötets öppnande.``: a short title may end with a full stop.
            and (
                not first.endswith(".") or dotted_style or len(first.split()) <= _DOTTED_TITLE_WORDS
            )
        )
        number = int(_list_number(lines, block.line))
        follows = not entries or number == int(_list_number(lines, blocks[entries[-1]].line)) + 1
        if not (title_like and text_since and follows):
            return set()
        entries.append(index)
        text_since = False
    return set(entries) if len(entries) >= 3 and text_since else set()


_DOTTED_TITLE_WORDS = 6
"""The most words a numbered title ending with a full stop has (*Val av justerare.*)."""


_BARE_NUMBER = re.compile(r"^\s*(?P<number>\d{1,2})\s+(?=[A-ZÅÄÖ])")


def _bare_numbered_titles(blocks: list[Block]) -> dict[int, str]:
    """Index → number of paragraphs whose first line is a number without a dot and a short
    title (``1 Mötets öppnande (Beslutspunkt)``), as a word processor's agenda exports
    them: at least three, numbered from 1 one after the other, in a file whose headings
    number nothing."""
    if any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    ):
        return {}
    found: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH or block.parent is not None:
            continue
        first = block.markdown.split("\n", 1)[0]
        match = _BARE_NUMBER.match(first)
        title = plain_text(first[match.end() :]).strip() if match else ""
        if match is None or not title or len(title) > _AGENDA_TITLE_LENGTH:
            continue
        if title.endswith(("!", "?")) or title.split()[0].casefold() in MONTHS:
            continue
        if int(match["number"]) == len(found) + 1:
            found[index] = match["number"]
    return found if len(found) >= 3 else {}


_COUNTED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=[A-ZÅÄÖ])")
_COUNTED_TITLE_LENGTH = 160


def _counted_lines(blocks: list[Block], noise: frozenset[int]) -> frozenset[int]:
    """Lines inside paragraphs that number the items one after the other, as a PDF's text
    layer leaves a protocol with no blank lines: ``1 Inledande formalia``, ``1.1 Mötets
    öppnande``, ``1.2 …``, ``2 Fråga om nycklar``.  A line counts when its number is the
    next one (the next item, the first sub-item, the next sub-item) and its title is short
    and no sentence; at least four such lines under two items or more, in a file whose
    headings number nothing."""
    if any(
        b.kind is BlockKind.HEADING and split_item_heading(b.text.strip()) is not None
        for b in blocks
    ):
        return frozenset()
    found: list[tuple[int, tuple[int, ...]]] = []
    last: tuple[int, ...] = ()
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH or block.parent is not None:
            continue
        for offset, markdown in enumerate(block.markdown.split("\n")):
            match = _COUNTED.match(markdown) if markdown[:1].isdigit() else None
            if match is None or block.line + offset in noise:
                continue
            title = plain_text(markdown[match.end() :]).strip()
            if len(title) > _COUNTED_TITLE_LENGTH or title.endswith(("!", "?", ":")):
                continue  # a run-in item (``1.2 Val av … Nina Ek väljs …``) may end with "."
            if ". " in title or title.split()[0].casefold().rstrip(".,") in MONTHS:
                continue
            number = tuple(int(part) for part in match["number"].split("."))
            if _follows(number, last):
                found.append((block.line + offset, number))
                last = number
    if len(found) < 4 or len({number[0] for _, number in found}) < 2:
        return frozenset()
    return frozenset(line for line, _ in found)


def _follows(number: tuple[int, ...], last: tuple[int, ...]) -> bool:
    """Whether ``number`` can come next after ``last`` in a protocol whose text layer lost
    a line or two (a page header over ``3``, a sub-item run into another line): greater,
    by at most two items or sub-items; the first one item 1 or its first sub-item."""
    if not last:
        return number in ((1,), (1, 1))
    if number[0] == last[0]:
        return len(number) == 2 and 0 < number[1] - (last[1] if len(last) == 2 else 0) <= 2
    return 0 < number[0] - last[0] <= 2 and (len(number) == 1 or number[1] <= 2)


def _in_count(run: list[int], blocks: list[Block], lines: list[str]) -> list[int]:
    # `` 1. Wilma Åkesson`` indented under ``3. Röstlängd``: a list of its own, however
    # little indented, not the agenda's fourth item.
    indent = min((_indent(lines, blocks[index].line) for index in run), default=0)
    counted: list[int] = []
    expected: int | None = None
    for index in run:
        if _indent(lines, blocks[index].line) != indent:
            continue
        number = int(_list_number(lines, blocks[index].line))
        if expected is None or number == expected:
            counted.append(index)
            expected = number + 1
    return counted


def _indent(lines: list[str], line: int) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text) - len(text.lstrip(" "))


_BOLD_LEAD = re.compile(r"^(\*\*|__)(?P<title>[^*_]{2,80}?)\1\s*(?P<rest>.*)$")
"""``**Öppnande och dagordning.** KL öppnade.``: an entry's title in bold, its text after."""


def _agenda_like(entries: list[Block], blocks: list[Block]) -> bool:
    with_text = 0
    for entry in entries:
        bold = _BOLD_LEAD.match(entry.markdown.split("\n", 1)[0].strip())
        first = bold["title"].strip().rstrip(".:") if bold else entry.text.split("\n", 1)[0].strip()
        if bold and bold["rest"].strip():
            with_text += 1
        if not first or len(first) > _AGENDA_TITLE_LENGTH or first.endswith((".", "!", "?", ":")):
            return False
        if "\n" in entry.text.strip() or entry.end_line - entry.line > 2:
            with_text += 1
    return with_text * 2 >= len(entries)


def _list_number(lines: list[str], line: int) -> str:
    match = _LIST_NUMBER.match(lines[line - 1]) if 0 < line <= len(lines) else None
    return match["number"] if match else "0"


def _retitled(block: Block, text: str) -> Block:
    return Block(block.kind, block.line, block.end_line, block.level, block.markdown, text)


def _at_label_lines(block: Block) -> list[Block]:
    """A paragraph cut before each bare label line inside it (``Beslutsunderlag`` … then
    ``Beslut`` … with no blank line between, as PDF conversions leave a protocol), so that
    each label says what its own lines are."""
    if block.kind is not BlockKind.PARAGRAPH or "\n" not in block.markdown:
        return [block]
    own = block.markdown.split("\n")
    cuts = [
        offset
        for offset, line in enumerate(own)
        if offset > 0
        and len(line) <= 60
        and label_line_context(heading_key(line.strip().strip("*_")))
    ]
    if not cuts:
        return [block]
    bounds = [0, *cuts, len(own)]
    return [
        _part(block, own, start, end, BlockKind.PARAGRAPH)
        for start, end in itertools.pairwise(bounds)
    ]


def _needs_title(text: str) -> bool:
    """``§ 137   Dnr BN-2023-00211``: a number (and diary number) with the title below."""
    found = split_item_heading(text)
    if found is None:
        return False
    title, _ = split_diary_number(found[1])
    return not title.strip()


def _in_sequence(block: Block, offset: int, last_number: int) -> bool:
    # A lone number is an item only when it follows the one before (``7`` after item 6).
    text = plain_text(block.markdown.split("\n")[offset]).strip()
    if not _LONE_NUMBER.match(text) or text.startswith("§"):
        return True
    return int(text.rstrip(".")) in (last_number + 1, 1) or last_number == 0


def _heading_text(own: list[str], start: int, end: int) -> str:
    text = " ".join(plain_text(line).strip() for line in own[start:end])
    match = _LONE_NUMBER.match(plain_text(own[start]).strip())
    if match and end - start == 2:
        number = plain_text(own[start]).strip().rstrip(".")
        if not number.startswith("§"):
            number += "."
        text = number + " " + plain_text(own[start + 1]).strip()
    return text


_RUN_IN = re.compile(r"^(?P<title>§\s*\d{1,3}[a-z]?\.?\s+[^.]{2,60}?\.)\s+(?P<rest>\S.{10,})$")


_SENTENCE_ITEM = re.compile(r"^(?P<title>§\s*\d{1,3}[a-z]?\.\s+(?P<rest>[A-ZÅÄÖ][^\n]{24,}\.))$")
"""``§ 6. Verksamhetsberättelsen lästes upp och lades till handlingarna.``: the item is
one sentence, its title and its text at once.  (``§ 22 Fastställande av dagordning
Dagordningen fastställs.``, without the number's full stop, is a page flattened from PDF:
a title and its text, which the outline splits apart.)"""


_DECIDED_ITEM = re.compile(r"^(?P<title>§\s*\d{1,3}[a-z]?\.?\s*(?P<rest>\S[^\n]{8,}?))\.?$")
"""``§3 grus valdes till mötesordförande``: the item is what was decided, no full stop."""


def _says_decided(text: str) -> bool:
    """Whether ``text`` is a sentence with a deciding verb (*valdes*, *godkändes*)."""
    words = {w.strip(".,:;").casefold() for w in text.split()}
    return len(words) >= 2 and (
        bool(words & DECIDING_VERBS.keys())
        or any(" " in verb and verb in text.casefold() for verb in DECIDING_VERBS)
    )


def _counted_sentence(heading: Block, text: str) -> list[Block] | None:
    """``1.2 Val av mötesordförande Nina Holmberg väljs till mötesordförande.``: a counted
    line that is a sentence is the item's title and its text at once, as a ``§`` line
    that is one sentence is (:func:`_run_in`); where the title ends, nothing says."""
    found = _COUNTED.match(text)
    rest = text[found.end() :].strip() if found else ""
    if not rest.endswith(".") or len(rest.split()) < 5:
        return None
    said = Block(BlockKind.PARAGRAPH, heading.line, heading.end_line, 0, rest, rest)
    return [heading, _with_parent(said, heading.parent)]


def _run_in(heading: Block) -> list[Block] | None:
    """A ``§`` line whose title ends at its first full stop and whose text follows on the
    same line: the heading and a paragraph of that line.  A ``§`` line that is one long
    sentence is both: what it says is read (a decision, a task), not only shown."""
    if "\n" in heading.markdown:
        return None
    text = heading.markdown.strip()
    found = _RUN_IN.match(text)
    if found is None:
        found = _SENTENCE_ITEM.match(text)
        if found is None or len(found["rest"].split()) < 5:
            found = _DECIDED_ITEM.match(text)
            if found is None or not _says_decided(found["rest"]):
                return None
    title = Block(
        BlockKind.HEADING,
        heading.line,
        heading.end_line,
        heading.level,
        found["title"].rstrip("."),
        plain_text(found["title"]).strip().rstrip("."),
        parent=heading.parent,
    )
    rest = Block(
        BlockKind.PARAGRAPH,
        heading.line,
        heading.end_line,
        0,
        found["rest"],
        plain_text(found["rest"]).strip(),
        parent=heading.parent,
    )
    return [title, rest]


def _part(block: Block, own: list[str], start: int, end: int, kind: BlockKind) -> Block:
    markdown = "\n".join(own[start:end])
    texts = block.text.split("\n")
    if len(texts) == len(own):
        text = "\n".join(texts[start:end])
    else:  # a construct spanning lines flattened the text: read the lines again
        text = "\n".join(plain_text(line) for line in own[start:end])
    if kind is BlockKind.HEADING:
        text = _heading_text(own, start, end)
        bold = _BOLD.match(markdown.strip())
        if bold:
            text = plain_text(bold["text"]).strip()
    return Block(
        kind,
        block.line + start,
        block.line + end,
        7 if kind is BlockKind.HEADING else 0,
        markdown,
        text,
        parent=block.parent,
    )


def _with_parent(block: Block, parent: int | None) -> Block:
    return Block(
        block.kind,
        block.line,
        block.end_line,
        block.level,
        block.markdown,
        block.text,
        block.checked,
        parent,
        block.ordered,
    )
