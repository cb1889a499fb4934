"""Minutes copied out of a DokuWiki page, read as the Markdown they mean.

Clubs and hackerspaces keep their minutes in a wiki; a page's source pasted into the
repository keeps the wiki's own marks::

    ====== Styrelsemöte 2027-11-03 ======
    ===== 3. Ekonomi =====
    <todo @Leila>Skicka påminnelse till de två som ligger efter</todo>
      * <todo #@ellen>Säga upp det gamla elavtalet</todo> -- klart

A heading is set between runs of ``=`` (six for the page's title, two for the least);
the todo plugin's ``<todo>`` tag holds a task, ``@user`` its owner and a ``#`` a task
done.  Each such line becomes its Markdown twin: a heading, a task-list item.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(?P<marks>={2,6})[ \t]*(?P<title>[^=].*?)[ \t]*(?P=marks)[ \t]*$")
_TODO = re.compile(
    r"<todo(?P<attributes>[^<>]{0,80})>(?P<text>.*?)</todo>",
    re.IGNORECASE,
)
_USER = re.compile(r"@(?P<user>[\w.-]+)")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[*-]\s+)?$")
_DEEPEST = 6
"""The marks of the page's title; each fewer is a level deeper (DokuWiki's order)."""


def is_heading(line: str) -> bool:
    """``===== 3. Ekonomi =====``: a DokuWiki heading, not Typst's ``= Rubrik``."""
    return "=" in line and _HEADING.match(line) is not None


def dokuwiki_line(line: str) -> str:
    """``line`` with a DokuWiki heading or todo tag written as Markdown (else as it is)."""
    heading = _HEADING.match(line) if line[:2] == "==" else None
    if heading is not None:
        level = _DEEPEST + 1 - len(heading["marks"])
        return f"{'#' * level} {heading['title']}"
    if "<todo" not in line.casefold():
        return line
    todo = _TODO.search(line)
    if todo is None:
        return line
    attributes = todo["attributes"]
    box = "[x]" if "#" in attributes else "[ ]"
    user = _USER.search(attributes)
    owner = f"@{user['user']}: " if user else ""
    before = line[: todo.start()]
    bullet = _BULLET.match(before)
    if bullet is None:
        # A tag inside a sentence: its text stays in the sentence, the tag goes.
        return before + todo["text"] + line[todo.end() :]
    task = f"{bullet['indent']}- {box} {owner}{todo['text'].strip()}"
    return task + line[todo.end() :]
