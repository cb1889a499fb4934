"""Parse one minutes file into a :class:`~mlr_minutes.model.Meeting`.

The parse is a fixed chain of named stages (:data:`CORE`, like markdown-it's
core rules), each reading and extending one :class:`ParseState`: metadata
written apart from the text is split off, the text is cleaned line for line,
cut into located blocks, its page furniture marked, its outline built; then
the meeting's metadata, its date, its body, and the extractors (decisions,
action items, focus areas, references), each an ordered list of named rules
of its own; last the checks.  Every problem becomes a diagnostic; nothing here
raises on bad input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from ..config import Config
from ..model import (
    ActionItem,
    Decision,
    Diagnostic,
    FocusAreaStatus,
    Level,
    Meeting,
    Reference,
)
from ..read import SourceText
from ..vocabulary import (
    DEFAULT_BODY_NAME,
    DOCUMENT_TYPES,
    GLUE_WORDS,
    ORGANISATION_WORDS,
    UNNAMED_MEETING_SLUG,
)
from .actions import extract_actions
from .blocks import Block, parse_blocks, plain_text
from .context import ParseContext
from .dates import find_dates, parse_date
from .decisions import extract_decisions
from .explicit import Explicit, split_comment_metadata, split_front_matter
from .feedback import Parsed, check
from .focus_areas import extract_focus_areas
from .labels import match_metadata
from .meeting_date import date_in_text
from .metadata import Metadata, collect
from .noise import find_noise
from .normalise import normalise
from .outline import Outline, build_outline
from .references import extract_references, next_meeting_date
from .rotation import rota_officers
from .ruler import Ruler
from .text import LONG_TEXT, collapse, slugify

__all__ = ["CORE", "ParseState", "parse_source", "unparsed_meeting"]

_FILE_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
DEFAULT_BODY = DEFAULT_BODY_NAME


@dataclass
class ParseState:
    """What the core stages share: the file, and what each stage has made of it."""

    source: SourceText
    """The decoded file."""
    config: Config
    """The region's names."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Every problem found, in the order found."""
    text: str = ""
    """The text the rules read: front matter and comments blanked, lines cleaned."""
    explicit: list[Explicit] = field(default_factory=list)
    """Front matter and a metadata comment, strongest first."""
    blocks: list[Block] = field(default_factory=list)
    noise: frozenset[int] = frozenset()
    outline: Outline | None = None
    meta: Metadata = field(default_factory=Metadata)
    body: str = DEFAULT_BODY
    ctx: ParseContext | None = None
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    focus_areas: list[FocusAreaStatus] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The file's path as given."""
        return self.source.path

    @property
    def lines(self) -> list[str]:
        """The cleaned text's lines."""
        return self.text.split("\n")

    def the_outline(self) -> Outline:
        """The outline (stages after ``outline`` may rely on it)."""
        assert self.outline is not None
        return self.outline

    def the_context(self) -> ParseContext:
        """The extractors' context (stages after ``context`` may rely on it)."""
        assert self.ctx is not None
        return self.ctx


Stage = Callable[[ParseState], None]


def explicit_metadata(state: ParseState) -> None:
    """Front matter and a ``.. key: value`` comment, their lines blanked."""
    state.diagnostics.extend(state.source.diagnostics)
    front, text, problems = split_front_matter(state.source.text, state.path, state.config)
    state.diagnostics.extend(problems)
    comment, text, invalid = split_comment_metadata(text, state.path)
    state.diagnostics.extend(invalid)
    state.explicit = [e for e in (front, comment) if e is not None]
    state.text = text


def clean_lines(state: ParseState) -> None:
    """HTML, comments and ``##Rubrik`` cleaned line for line (:mod:`.normalise`)."""
    state.text, problems = normalise(state.text, state.path)
    state.diagnostics.extend(problems)


def blocks(state: ParseState) -> None:
    """The Markdown cut into located blocks; page furniture marked."""
    state.blocks = parse_blocks(state.text)
    state.diagnostics.extend(_long_blocks(state.blocks, state.path))
    first_heading = next((b.text for b in state.blocks if b.kind.value == "heading"), None)
    state.noise = find_noise(state.lines, first_heading)


def outline(state: ParseState) -> None:
    """Title, metadata, sections and agenda items (:mod:`.outline`)."""
    state.outline, state.blocks = build_outline(state.blocks, state.text, state.noise)


def metadata(state: ParseState) -> None:
    """Date, time, place and people from labels, lists and elections (:mod:`.metadata`)."""
    state.meta, problems = collect(
        state.the_outline(), state.text, state.explicit, state.path, state.config, state.noise
    )
    state.diagnostics.extend(problems)
    if not state.text.strip():
        state.diagnostics.append(
            Diagnostic(Level.ERROR, state.path, None, "empty-file", "filen är tom")
        )


def meeting_date(state: ParseState) -> None:
    """The date from the title or the first lines when no label gives it, else the file
    name (with a warning), else an error (:mod:`.meeting_date`)."""
    meta = state.meta
    if meta.date is None or meta.date_is_timestamp:
        found = date_in_text(state.the_outline(), state.lines, state.noise)
        if found is not None and (meta.date is None or found.value.start != meta.date.start):
            meta.date, meta.date_line = found.value, found.line
            if meta.start is None and found.start is not None:
                meta.start, meta.end = found.start, found.end
    state.diagnostics.extend(_date_problems(meta, state.path, state.text))


def rota(state: ParseState) -> None:
    """The chair and secretary from a rota's row of the meeting's date (:mod:`.rotation`)."""
    rota_officers(state.meta, state.lines, state.config)


def body(state: ParseState) -> None:
    """The meeting series: from metadata, the title headings, or the file name."""
    state.body = _body(state.meta, state.the_outline(), state.path, state.config)


def context(state: ParseState) -> None:
    """What the extractors share, the next meeting's date included."""
    meta = state.meta
    ctx = ParseContext(
        state.path,
        state.text,
        state.the_outline(),
        meta.date.start if meta.date else None,
        state.body,
        state.config,
        people=(*meta.attendees, *meta.guests),
        noise=state.noise,
        metadata_lines=frozenset(meta.read_from),
    )
    ctx.next_meeting = next_meeting_date(ctx)
    state.ctx = ctx


def decisions(state: ParseState) -> None:
    """Decisions (:mod:`.decisions`)."""
    state.decisions = extract_decisions(state.the_context())


def actions(state: ParseState) -> None:
    """Action items (:mod:`.actions`)."""
    state.actions = extract_actions(state.the_context(), state.decisions)


def focus_areas(state: ParseState) -> None:
    """Focus-area statuses (:mod:`.focus_areas`)."""
    state.focus_areas = extract_focus_areas(state.the_context())


def references(state: ParseState) -> None:
    """Other meetings mentioned (:mod:`.references`)."""
    state.references = extract_references(state.the_context())


def checks(state: ParseState) -> None:
    """Warnings about what was found (:mod:`.feedback`), then every diagnostic in line order."""
    meta = state.meta
    state.diagnostics.extend(state.the_context().diagnostics)
    parsed = Parsed(
        state.path,
        state.text,
        state.the_outline(),
        {
            "attendees": meta.attendees,
            "guests": meta.guests,
            "absent": meta.absent,
            "adjusters": meta.adjusters,
        },
        meta.empty_labels,
    )
    state.diagnostics.extend(check(parsed))
    state.diagnostics.extend(_long_names(state))
    state.diagnostics.sort(key=lambda d: d.line or 0)


CORE: Ruler[Stage] = Ruler(
    [
        ("explicit_metadata", explicit_metadata),
        ("clean_lines", clean_lines),
        ("blocks", blocks),
        ("outline", outline),
        ("metadata", metadata),
        ("meeting_date", meeting_date),
        ("rota", rota),
        ("body", body),
        ("context", context),
        ("decisions", decisions),
        ("actions", actions),
        ("focus_areas", focus_areas),
        ("references", references),
        ("checks", checks),
    ]
)
"""The stages of a parse, in order."""


def parse_source(source: SourceText, config: Config) -> Meeting:
    """The meeting described by ``source``, with every problem found as a diagnostic."""
    state = ParseState(source, config)
    for stage in CORE.rules():
        stage(state)
    meta = state.meta
    parsed_outline = state.the_outline()
    title = parsed_outline.title or meta.title
    date = meta.date.start if meta.date else None
    return Meeting(
        id=_meeting_id(date.isoformat() if date else None, state.body, state.path),
        source=state.path,
        title=title,
        body=state.body,
        organisation=_organisation(meta, title, state.config),
        document_type=meta.document_type or parsed_outline.document_type,
        date=date,
        start=meta.start,
        end=meta.end,
        location=meta.location,
        chair=meta.chair,
        secretary=meta.secretary,
        attendees=tuple(meta.attendees),
        guests=tuple(meta.guests),
        absent=tuple(meta.absent),
        adjusters=tuple(meta.adjusters),
        items=parsed_outline.items,
        decisions=tuple(state.decisions),
        action_items=tuple(state.actions),
        focus_areas=tuple(state.focus_areas),
        references=tuple(state.references),
        segments=parsed_outline.segments,
        diagnostics=tuple(state.diagnostics),
        digest=source.digest,
    )


def unparsed_meeting(path: str, diagnostics: tuple[Diagnostic, ...]) -> Meeting:
    """A placeholder for a file that could not be parsed at all, carrying why."""
    return Meeting(
        id=_meeting_id(None, DEFAULT_BODY, path),
        source=path,
        title=None,
        body=DEFAULT_BODY,
        organisation=None,
        document_type=None,
        date=None,
        start=None,
        end=None,
        location=None,
        chair=None,
        secretary=None,
        attendees=(),
        guests=(),
        absent=(),
        adjusters=(),
        items=(),
        decisions=(),
        action_items=(),
        focus_areas=(),
        references=(),
        segments=(),
        diagnostics=diagnostics,
    )


def _long_blocks(found: list[Block], path: str) -> list[Diagnostic]:
    """A paragraph too long for the sentence rules: kept, shown, and said."""
    return [
        Diagnostic(
            Level.WARNING,
            path,
            block.line,
            "long-paragraph",
            f"stycket är längre än {LONG_TEXT} tecken; det visas men inga beslut eller "
            "åtgärder läses ur det",
            "dela upp texten i stycken med tomma rader emellan",
        )
        for block in found
        if len(block.text) > LONG_TEXT
    ]


MAX_NAME = 100
"""Longest name (characters) of a person or a meeting body before its page address is
shortened (see :func:`~mlr_minutes.parse.text.slugify`)."""


def _long_names(state: ParseState) -> list[Diagnostic]:
    """A name so long that its page address is cut: most often a paragraph read as a name."""
    meta = state.meta
    people = [*meta.attendees, *meta.guests, *meta.absent, *meta.adjusters]
    people.extend(p for p in (meta.chair, meta.secretary) if p is not None)
    named = [(state.body, meta.lines.get("body")), *((p.name, p.line) for p in people)]
    return [
        Diagnostic(
            Level.WARNING,
            state.path,
            line,
            "long-name",
            f"namnet ”{name[:40]}…” är längre än {MAX_NAME} tecken; adressen till dess sida kortas",
            "stämmer namnet? skriv ett namn per rad eller skilj namnen åt med kommatecken",
        )
        for name, line in dict(named).items()
        if name is not None and len(name) > MAX_NAME
    ]


def _date_problems(meta: Metadata, path: str, text: str) -> list[Diagnostic]:
    """Fill the date from the file name as a last resort, and say so."""
    problems: list[Diagnostic] = []
    name = PurePath(path).name
    from_name = _FILE_DATE.search(name)
    name_date = parse_date(from_name.group(1), None) if from_name else None
    if meta.date is None:
        written = _unparsed_date_line(text)
        if written is not None:
            problems.append(
                Diagnostic(
                    Level.ERROR,
                    path,
                    written[0],
                    "unparseable-date",
                    f"mötesdatumet ”{written[1]}” kunde inte tolkas",
                    "skriv datumet som 2016-04-19 eller 19 april 2016",
                )
            )
        if name_date is not None:
            meta.date = name_date
            problems.append(
                Diagnostic(
                    Level.WARNING,
                    path,
                    None,
                    "date-from-filename",
                    f"mötesdatumet saknas i texten; datumet {name_date.iso} i filnamnet används",
                    "skriv datumet överst, t.ex. 'Mötesdatum: " + name_date.iso + "'",
                )
            )
        else:
            problems.append(
                Diagnostic(
                    Level.ERROR,
                    path,
                    1,
                    "missing-date",
                    "mötesdatum saknas",
                    "skriv datumet överst, t.ex. 'Mötesdatum: 2016-04-19', eller i front matter "
                    "som 'date: 2016-04-19'",
                )
            )
    elif name_date is not None and name_date.start != meta.date.start:
        problems.append(
            Diagnostic(
                Level.WARNING,
                path,
                meta.date_line,
                "filename-date-mismatch",
                f"datumet i texten ({meta.date.iso}) skiljer sig från filnamnets ({name_date.iso})",
                "byt namn på filen eller rätta datumet",
            )
        )
    return problems


def _unparsed_date_line(text: str) -> tuple[int, str] | None:
    for number, line in enumerate(text.split("\n"), start=1):
        found = match_metadata(line)
        if found and found[0] == "date" and found[1].value:
            return number, found[1].value
    return None


def _find_body(text: str, config: Config) -> str | None:
    names = config.body_names()
    by_words, by_slug = _body_patterns(tuple(sorted(names)))
    # Longest alias first: ``styrelsens möte`` before ``styrelsen``.
    for pattern, source in ((by_words, text.casefold()), (by_slug, slugify(text))):
        found = [m.group("name") for m in pattern.finditer(source)]
        if found:
            alias = max(found, key=len)
            return names.get(alias) or names[_slug_to_alias(tuple(sorted(names)))[alias]]
    return None


@lru_cache(maxsize=16)
def _body_patterns(aliases: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    ordered = sorted(aliases, key=len, reverse=True)
    words = "|".join(re.escape(a) for a in ordered)
    slugs = "|".join(re.escape(slugify(a)) for a in ordered if slugify(a))
    return (
        re.compile(rf"(?<!\w)(?P<name>{words})(?!\w)"),
        re.compile(rf"(?<![a-z])(?P<name>{slugs})(?![a-z])"),
    )


@lru_cache(maxsize=16)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in ordered)})(?!\w)", re.I)


@lru_cache(maxsize=16)
def _slug_to_alias(aliases: tuple[str, ...]) -> dict[str, str]:
    return {slugify(a): a for a in sorted(aliases, key=len)}


def _body(meta: Metadata, parsed: Outline, path: str, config: Config) -> str:
    """The meeting series, from metadata, the title headings, or the file name."""
    if meta.body:
        return config.body_names().get(meta.body.casefold(), meta.body)
    title = parsed.title or meta.title
    headings = [plain_text(s.heading) for s in parsed.segments if s.heading is not None][:3]
    for text in (title or "", *headings, PurePath(path).stem):
        found = _find_body(text, config)
        if found:
            return found
    return DEFAULT_BODY


def _organisation(meta: Metadata, title: str | None, config: Config) -> str | None:
    """Whose meeting: written, named in the title, or the configured organisation.

    Only a word that names an organisation makes the rest of the title one: a name
    (*Koloniföreningen Solrosen*, *Brf Linden*), not a kind of meeting that contains
    such a word (*föreningsmöte 21 september*)."""
    if meta.organisation:
        return meta.organisation
    if title is None or config.organisation.casefold() in title.casefold():
        return config.organisation
    remainder = _names_pattern(tuple(sorted({*config.body_names(), *DOCUMENT_TYPES}))).sub(
        " ", title
    )
    for found in reversed(find_dates(remainder, meta.date.start if meta.date else None)):
        remainder = remainder[: found.start] + " " + remainder[found.end :]
    words = [w for w in remainder.split() if w.casefold() not in GLUE_WORDS]
    name = collapse(" ".join(words)).strip(" ,.:–-")
    if name and any(_names_organisation(word) for word in name.split()):
        return name
    return config.organisation


def _names_organisation(word: str) -> bool:
    # ``Koloniföreningen``, ``Länsstyrelsen``, ``Brf``: an organisation word as a whole
    # word, or as the capitalised end of a name; ``föreningsmöte`` is a kind of meeting.
    key = word.casefold().strip(",.:()")
    if key in ORGANISATION_WORDS:
        return True
    return word[:1].isupper() and any(
        key.endswith(part) and len(part) >= 4 for part in ORGANISATION_WORDS
    )


def _meeting_id(date: str | None, body: str, path: str) -> str:
    if date is None:
        return slugify(PurePath(path).stem) or UNNAMED_MEETING_SLUG
    return f"{date}-{slugify(body)}"
