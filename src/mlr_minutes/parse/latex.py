"""Minutes committed as LaTeX source, read line for line as the Markdown they mean.

Student unions and clubs keep a document class of their own for protocols::

    \\documentclass{protokoll}
    \\datum{14 maj 2025}
    \\motesordforande{Ingrid Halm}
    \\begin{narvaro}
      \\person{Ingrid Halm}{ordf.}
    \\end{narvaro}
    \\paragraf{1}{Mötets öppnande}
    \\beslut{att godkänna dagordningen}

Each line becomes its Markdown twin (``\\datum{…}`` a ``Datum:`` label, ``\\begin{narvaro}``
a ``Närvaro:`` label, ``\\person{name}{role}`` a list item, ``\\paragraf{1}{…}`` and
``\\section{…}`` headings, ``\\item`` a bullet), set-up that shows nothing is blanked, so
every line number is still the file's.
"""

from __future__ import annotations

import re

from ..vocabulary import (
    LATEX_ACTION_LABEL,
    LATEX_DUE_WORD,
    LATEX_ITEM_COMMANDS,
    LATEX_PERSON_COMMANDS,
    LATEX_SIGNATURE_COMMANDS,
    LATEX_TASK_COMMANDS,
    TYPST_FUNCTIONS,
)
from .text import alternation
from .typst import label_for_folded_key

_SETUP = re.compile(
    r"^\s*\\(?:documentclass|usepackage|begin\{document\}|end\{document\}|maketitle|makehf"
    r"|newpage|clearpage|tableofcontents|vspace|hspace|noindent|input|include|date)\b"
)
_COMMAND = re.compile(r"\\[A-Za-z]+")
_SECTION = re.compile(r"^\s*\\(?P<level>(?:sub)*)section\*?\{(?P<title>.*)\}\s*$")
_PARAGRAPH = re.compile(
    rf"^\s*\\(?:{alternation(LATEX_ITEM_COMMANDS)})\*?(?:\{{(?P<number>[^{{}}]*)\}})?"
    r"\{(?P<title>[^{}]*)\}\s*$"
)
_TITLE = re.compile(r"^\s*\\title\{(?P<title>.*)\}\s*$")
_ENVIRONMENT = re.compile(r"^\s*\\(?P<end>begin|end)\{(?P<name>[\w*]+)\}\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<indent>\s*)\\item(?:\[(?P<mark>[^\]]*)\])?\s*(?P<text>.*)$")
_PERSON = re.compile(
    rf"^\s*\\(?:{alternation(LATEX_PERSON_COMMANDS)})\{{(?P<name>[^{{}}]*)\}}"
    r"(?:\{(?P<role>.*)\})?\s*$"
)
_SIGNATURE = re.compile(
    rf"^\s*\\(?:{alternation(LATEX_SIGNATURE_COMMANDS)})\{{(?P<comment>[^{{}}]*)\}}"
    r"\{(?P<name>[^{}]*)\}"
    r"(?:\{(?P<role>[^{}]*)\})?\s*$"
)
_TASK = re.compile(
    rf"^\s*\\(?:{alternation(LATEX_TASK_COMMANDS)})"
    r"\{(?P<first>[^{}]*)\}(?:\{(?P<second>[^{}]*)\})?(?:\{(?P<due>[^{}]*)\})?\s*$",
    re.IGNORECASE,
)
_OWNER = re.compile(r"^(?:@?[A-ZÅÄÖ][\w.-]*)(?:\s+[A-ZÅÄÖ][\w-]*){0,2}$")
_CALL = re.compile(r"^\s*\\(?P<name>[A-Za-z]+)(?P<arguments>(?:\{[^{}]*\})+)\s*$")
_ARGUMENT = re.compile(r"\{([^{}]*)\}")
_ONE_ARGUMENT = re.compile(r"^\s*\\(?P<name>[A-Za-z]+)\{(?P<value>.*)\}\s*$")
_INLINE = (
    (re.compile(r"\\textbf\{([^{}]*)\}"), r"**\1**"),
    (re.compile(r"\\(?:emph|textit)\{([^{}]*)\}"), r"*\1*"),
    (re.compile(r"\\S\b\s*"), "§ "),
    (re.compile(r"(?<!-)---(?!-)"), "—"),
    (re.compile(r"(?<!-)--(?!-)"), "–"),
    (re.compile(r"\\\\\s*$"), ""),
    (re.compile(r"(?<!\\)~|\\,"), " "),
    (re.compile(r"\\([%&$#_])"), r"\1"),
)
_LIST_ENVIRONMENTS = frozenset({"itemize", "enumerate", "description"})


def looks_like_latex(lines: list[str]) -> bool:
    """Whether the file is LaTeX source: a ``\\documentclass`` or ``\\begin{document}``
    near the top, and no Markdown heading before it."""
    for line in lines[:60]:
        if line.startswith(("#", "```", "~~~", "    ")) and line[1:2] in (" ", "#", "`", "~"):
            return False  # ``# Rubrik`` or a fence: Markdown, perhaps showing LaTeX
        if line.startswith(("\\documentclass", "\\begin{document}")):
            return True
    return False


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def latex_line(line: str) -> str:
    """One line of LaTeX source as the Markdown it means (blank for set-up and
    comments)."""
    stripped = line.strip()
    if not stripped or stripped.startswith("%") or _SETUP.match(line):
        return ""
    line = line.split(" %", 1)[0] if " %" in line else line  # a comment after the text
    if section := _SECTION.match(line):
        return f"{'#' * (2 + len(section['level']) // 3)} {_inline(section['title'])}"
    if paragraph := _PARAGRAPH.match(line):
        number = (paragraph["number"] or "").strip()
        title = _inline(paragraph["title"])
        if number and not number[:1].isdigit():
            # ``\\punkt{Mötets öppnande}{Mötet öppnades kl. 17.06.}``: the title and its
            # text on one line, as a run-in heading.
            return f"{_inline(number)}: {title}"
        return f"## § {number} {title}" if number else f"## {title}"
    if titled := _TITLE.match(line):
        return f"# {_inline(titled['title'])}"
    if environment := _ENVIRONMENT.match(line):
        return _environment(environment["end"], environment["name"], environment["rest"])
    if item := _ITEM.match(line):
        mark = f"{_inline(item['mark'])}: " if item["mark"] else ""  # ``\\item[Ordf.] Anna``
        return f"{item['indent']}- {mark}{_inline(item['text'])}"
    if person := _PERSON.match(line):
        role = _inline(person["role"] or "")
        return f"- {_inline(person['name'])}, {role}" if role else f"- {_inline(person['name'])}"
    if signature := _SIGNATURE.match(line):
        # ``\\signature{Justeras}{Moa Lund}{ordförande}``: the comment is the label it
        # signs under (*Vid protokollet*, *Justeras*).
        role = _inline(signature["role"] or "")
        signed = f"{_inline(signature['name'])}, {role}" if role else _inline(signature["name"])
        comment = _inline(signature["comment"])
        return f"{comment}: {signed}" if comment else signed
    if task := _TASK.match(line):
        return _task(task)
    if call := _CALL.match(line) or _ONE_ARGUMENT.match(line):
        name = call["name"].casefold()
        # ``\\datum{3}{december}{2025}``: a template's arguments, read as one value.
        arguments = (
            _ARGUMENT.findall(call["arguments"])
            if "arguments" in call.re.groupindex
            else [call["value"]]
        )
        value = " ".join(_inline(argument) for argument in arguments if argument.strip())
        if name in LATEX_SIGNATURE_COMMANDS:
            return value  # ``\\signatur{Ella Grönqvist, ordförande}``
        label = TYPST_FUNCTIONS.get(name) or label_for_folded_key(name)
        return f"{label}: {value}" if label else value
    return _COMMAND.sub("", _inline(line)) if "\\" in line else _inline(line)


def _environment(end: str, name: str, rest: str) -> str:
    if end == "end" or name.casefold() in _LIST_ENVIRONMENTS:
        return _inline(rest)
    label = TYPST_FUNCTIONS.get(name.casefold()) or label_for_folded_key(name.casefold())
    if label:
        return f"{label}: {_inline(rest)}".rstrip()
    # ``\\begin{punkten}{Ekonomi}``: a template's item, its title on the line (no heading:
    # the first heading of a file without a title would be taken for the title).
    return _inline(_ARGUMENT.sub(r"\1", rest))


def _task(task: re.Match[str]) -> str:
    """``\\uppgift{Teodor Linné}{beställa reservspindeln}{2025-05-31}`` → ``Åtgärd: Teodor
    Linné: beställa reservspindeln, senast 2025-05-31``; the owner is the argument that is a
    name, first or second."""
    first, second = _inline(task["first"]), _inline(task["second"] or "")
    owner, text = (first, second) if second and _OWNER.match(first) else (second, first)
    if second and not _OWNER.match(first) and not _OWNER.match(second):
        owner, text = "", f"{first} {second}"
    due = _inline(task["due"] or "")
    if due:
        text += f", {LATEX_DUE_WORD} {due}" if due[:1].isdigit() else f", {due}"
    return f"{LATEX_ACTION_LABEL}: {owner}: {text}" if owner else f"{LATEX_ACTION_LABEL}: {text}"
