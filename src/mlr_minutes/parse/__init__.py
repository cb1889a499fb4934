"""Parse one minutes file into a :class:`~mlr_minutes.model.Meeting`.

The rules run in a fixed order, like markdown-it's rule chains: metadata
sources are split off first (front matter, a metadata comment), the Markdown
is cut into located blocks and an outline, the meeting's own metadata is
collected, and then each extraction rule (decisions, action items, focus
areas, references) reads the outline.  Every problem becomes a diagnostic;
nothing here raises on bad input.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ..config import Config
from ..model import Diagnostic, Level, Meeting
from ..read import SourceText
from ..vocabulary import DOCUMENT_TYPES, GLUE_WORDS, ORGANISATION_WORDS
from .actions import extract_actions
from .blocks import parse_blocks, plain_text
from .context import ParseContext
from .dates import parse_date
from .decisions import extract_decisions
from .focus_areas import extract_focus_areas
from .metadata import Explicit, Metadata, collect, split_comment_metadata, split_front_matter
from .outline import Outline, build_outline
from .references import extract_references
from .text import collapse, slugify

__all__ = ["parse_source", "unparsed_meeting"]

_FILE_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
DEFAULT_BODY = "Möte"


def parse_source(source: SourceText, config: Config) -> Meeting:
    """The meeting described by ``source``, with every problem found as a diagnostic."""
    path = source.path
    diagnostics: list[Diagnostic] = list(source.diagnostics)
    front, text, problems = split_front_matter(source.text, path)
    diagnostics.extend(problems)
    comment, text = split_comment_metadata(text)
    outline, _ = build_outline(parse_blocks(text), text)
    explicit = [e for e in (front, comment) if e is not None]
    meta, problems = collect(outline, text, explicit, path, config)
    diagnostics.extend(problems)
    if not text.strip():
        diagnostics.append(Diagnostic(Level.ERROR, path, None, "empty-file", "filen är tom"))
    diagnostics.extend(_date_problems(meta, path, explicit, text))

    title = outline.title or meta.title
    body = _body(meta, title, outline, path, config)
    date = meta.date.start if meta.date else None
    ctx = ParseContext(
        path, text, outline, date, body, config, people=(*meta.attendees, *meta.guests)
    )
    decisions = extract_decisions(ctx)
    actions = extract_actions(ctx, decisions)
    focus_areas = extract_focus_areas(ctx)
    references = extract_references(ctx)
    if text.strip() and not outline.items:
        ctx.warn(
            None,
            "no-items",
            "inga numrerade punkter hittades",
            "skriv varje punkt som en rubrik med nummer, t.ex. '### 3. Fokusfrågorna' "
            "eller '## § 21 Val av justerare'",
        )
    diagnostics.extend(ctx.diagnostics)
    diagnostics.sort(key=lambda d: d.line or 0)

    return Meeting(
        id=_meeting_id(date.isoformat() if date else None, body, path),
        source=path,
        title=title,
        body=body,
        organisation=_organisation(meta, title, config),
        document_type=meta.document_type or outline.document_type,
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
        items=outline.items,
        decisions=tuple(decisions),
        action_items=tuple(actions),
        focus_areas=tuple(focus_areas),
        references=tuple(references),
        segments=outline.segments,
        diagnostics=tuple(diagnostics),
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


def _date_problems(
    meta: Metadata, path: str, explicit: list[Explicit], text: str
) -> list[Diagnostic]:
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
    from .labels import match_metadata

    for number, line in enumerate(text.split("\n"), start=1):
        found = match_metadata(line)
        if found and found[0] == "date" and found[1].value:
            return number, found[1].value
    return None


def _find_body(text: str, config: Config) -> str | None:
    names = config.body_names()
    lowered = text.casefold()
    for alias in sorted(names, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", lowered):
            return names[alias]
    slug = slugify(text)
    for alias in sorted(names, key=len, reverse=True):
        if slugify(alias) and re.search(rf"(?<![a-z]){re.escape(slugify(alias))}(?![a-z])", slug):
            return names[alias]
    return None


def _body(meta: Metadata, title: str | None, outline: Outline, path: str, config: Config) -> str:
    """The meeting series, from metadata, the title headings, or the file name."""
    if meta.body:
        return config.body_names().get(meta.body.casefold(), meta.body)
    headings = [plain_text(s.heading) for s in outline.segments if s.heading is not None][:3]
    for text in (title or "", *headings, PurePath(path).stem):
        found = _find_body(text, config)
        if found:
            return found
    return DEFAULT_BODY


def _organisation(meta: Metadata, title: str | None, config: Config) -> str | None:
    """Whose meeting: written, named in the title, or the configured organisation."""
    if meta.organisation:
        return meta.organisation
    if title is None or config.organisation.casefold() in title.casefold():
        return config.organisation
    remainder = title
    for alias in sorted((*config.body_names(), *DOCUMENT_TYPES), key=len, reverse=True):
        remainder = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", " ", remainder, flags=re.I)
    found = parse_date(remainder, None)
    if found:
        remainder = remainder.replace(found.text, " ")
    words = [w for w in remainder.split() if w.casefold() not in GLUE_WORDS]
    name = collapse(" ".join(words)).strip(" ,.:–-")
    # ``Arbetsgruppsmöte Digital samverkan`` names the group's subject, not its organisation.
    lowered = name.casefold()
    if name and any(part in lowered for part in ORGANISATION_WORDS):
        return name
    return config.organisation


def _meeting_id(date: str | None, body: str, path: str) -> str:
    if date is None:
        return slugify(PurePath(path).stem) or "namnlost-mote"
    return f"{date}-{slugify(body)}"
