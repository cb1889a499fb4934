"""A new minutes file in the house style, with the previous meeting's open actions carried over.

``mlr-minutes new --body kommundirektörmöte --date 2016-05-24`` writes
``minutes/2016-05-24-kommundirektormote.md``: the title headings, the
tab-separated metadata block with placeholders for the coordinator, a
*Beslut* section, numbered items, one bullet per standing focus area, and the
action items the previous meeting of the same body left open, as task-list
items (``- [ ] … (ansvarig: X, klart: D)``) ready to be ticked off.

The placeholders are chosen so that the untouched file passes ``check
--strict``: ``...`` in a people line parses as nobody (a person's name is
stripped of dots), and an empty ``### Beslut:`` list or item is not a problem.
Problems are returned as diagnostics, never raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from ..config import Config
from ..load import load_meetings, parse_file
from ..model import ActionItem, DateValue, Diagnostic, Level, Meeting, Precision
from ..parse.dates import parse_date
from ..parse.text import slugify
from ..vocabulary import MONTH_NAMES

TEMPLATE_NAME = "new_minutes.md.tmpl"
PLACEHOLDER = "..."
"""What the coordinator replaces; parses as no person, so an untouched file stays clean."""


@dataclass(frozen=True, slots=True)
class NewMinutes:
    """A minutes file ready to be written."""

    path: Path
    """Where it goes: ``<source>/<id>.md``."""
    meeting_id: str
    """The id the parser will give it: ``2016-05-24-kommundirektormote``."""
    body: str
    """The canonical meeting body."""
    date: dt.date
    """The meeting date."""
    text: str
    """The Markdown to write."""
    previous: Meeting | None
    """The meeting whose open actions were carried over, if any."""
    carried: tuple[ActionItem, ...]
    """The open action items carried over, in their source order."""


@dataclass(frozen=True, slots=True)
class NewResult:
    """The planned file, or why there is none."""

    minutes: NewMinutes | None
    """None when a diagnostic says why nothing can be written."""
    diagnostics: tuple[Diagnostic, ...]
    """Why nothing can be written (errors); empty when ``minutes`` is set."""


def canonical_body(name: str, config: Config) -> str | None:
    """The configured body that ``name`` names (``styrelsen`` → ``Styrelsemöte``), or None.

    Matches by case-folded name first, then by slug, so that the ASCII spelling
    typed on a keyboard without å/ä/ö (``kommundirektormote``) works too.
    """
    names = config.body_names()
    found = names.get(" ".join(name.split()).casefold())
    if found is not None:
        return found
    slugs = {slugify(alias): canonical for alias, canonical in names.items()}
    return slugs.get(slugify(name))


def meeting_id(date: dt.date, body: str) -> str:
    """The id the parser gives a meeting: its date and the slug of its body."""
    return f"{date.isoformat()}-{slugify(body)}"


def parse_meeting_date(text: str) -> dt.date | None:
    """``2016-05-24`` or ``24 maj 2016``: a full date with its year, else None."""
    found = parse_date(text.strip(), None)
    if found is None or found.precision is not Precision.DAY or found.text != text.strip():
        return None
    return found.start


def due_phrase(due: DateValue, meeting_date: dt.date) -> str:
    """A due date written so that the new minutes resolve it to the same days.

    ISO for a day (``2016-09-30``); with the year written out otherwise
    (``vecka 42 2016``, ``juni 2016``), because a year-less ``30/9`` would be
    resolved against the new meeting's date.  Falls back to the words as
    first written when no form round-trips.
    """
    start, end = due.start, due.end
    year, week, _ = start.isocalendar()
    forms = {
        Precision.DAY: [start.isoformat()],
        Precision.WEEK: [f"vecka {week} {year}"],
        Precision.MONTH: [f"{MONTH_NAMES[start.month - 1]} {start.year}"],
        Precision.YEAR: [str(start.year)],
        Precision.RANGE: [
            f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}",
            f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}–"
            f"{end.day} {MONTH_NAMES[end.month - 1]} {end.year}",
        ],
    }[due.precision]
    for form in forms:
        again = parse_date(form, meeting_date)
        if again is not None and (again.start, again.end, again.precision) == (
            start,
            end,
            due.precision,
        ):
            return form
    return due.text


def _definite(body: str, config: Config) -> str:
    """The word for the body that a reference is recognised by: ``kommundirektörmötet``."""
    aliases = config.bodies.get(body, ())
    for ending in ("t", "n"):
        definite = body.casefold() + ending
        if definite in (a.casefold() for a in aliases):
            return definite
    return body.casefold()


def _owner(name: str) -> str:
    # The parser ends an ``ansvarig:`` value at , ; ( and ) – keep those out of a name.
    return " ".join(name.translate(str.maketrans(",;()", "    ")).split())


def action_line(action: ActionItem, meeting_date: dt.date) -> str:
    """A carried-over action as an open task-list item with its owners and due date."""
    notes: list[str] = []
    owners = [o for o in (_owner(name) for name in action.owners) if o]
    if owners:
        notes.append("ansvarig: " + " och ".join(owners))
    if action.due is not None:
        notes.append("klart: " + due_phrase(action.due, meeting_date))
    text = " ".join(action.text.split())
    return f"- [ ] {text}" + (f" ({', '.join(notes)})" if notes else "")


def focus_area_lines(config: Config) -> list[str]:
    """One ``- *Namn*:`` bullet per standing focus area, canonical names in configured order."""
    return [f"- *{name}*:" for name in config.focus_areas]


def render_minutes(
    body: str,
    date: dt.date,
    config: Config,
    previous: Meeting | None = None,
    carried: tuple[ActionItem, ...] = (),
) -> str:
    """The Markdown of a new minutes file."""
    items: list[tuple[str, list[str]]] = [("Mötets öppnande", [])]
    if previous is not None and previous.date is not None:
        heading = (
            f"Uppföljning av åtgärder från {_definite(previous.body, config)} "
            f"{previous.date.isoformat()}"
        )
        lines = [action_line(a, date) for a in carried] or ["Inga öppna åtgärder från förra mötet."]
        items.append((heading, lines))
    items.append(("Fokusfrågorna", focus_area_lines(config)))
    items.append(("Övriga frågor", []))
    items.append(("Nästa möte", []))
    blocks: list[str] = []
    for number, (title, lines) in enumerate(items, start=1):
        blocks.append(f"### {number}. {title}")
        if lines:
            blocks.append("\n".join(lines))
    template = Template(resources.files("mlr_minutes").joinpath(TEMPLATE_NAME).read_text("utf-8"))
    text = template.substitute(
        body=body,
        organisation=config.organisation,
        date=date.isoformat(),
        items="\n\n".join(blocks),
    )
    return text.rstrip("\n") + "\n"


def previous_meeting(
    meetings: tuple[Meeting, ...] | list[Meeting], body: str, date: dt.date
) -> Meeting | None:
    """The latest meeting of ``body`` before ``date`` (by date, then id)."""
    earlier = [m for m in meetings if m.body == body and m.date is not None and m.date < date]
    return max(earlier, key=lambda m: (m.date, m.id), default=None)


def _error(path: Path | str, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(Level.ERROR, str(path), None, code, message, hint)


def plan_minutes(
    body: str,
    date: str,
    source: Path,
    config: Config,
    previous_path: Path | None = None,
) -> NewResult:
    """Everything ``new`` would write, checked against the source folder; nothing is written.

    ``previous_path`` names the meeting to carry actions from; without it the
    latest earlier meeting of the same body in ``source`` is used.
    """
    canonical = canonical_body(body, config)
    if canonical is None:
        known = ", ".join(sorted(config.bodies, key=str.casefold))
        return NewResult(
            None,
            (
                _error(
                    "--body",
                    "unknown-body",
                    f"okänd mötestyp ”{body}”",
                    f"välj en av: {known}; nya mötestyper läggs till under 'bodies' "
                    "i mlr-minutes.yaml",
                ),
            ),
        )
    meeting_date = parse_meeting_date(date)
    if meeting_date is None:
        return NewResult(
            None,
            (
                _error(
                    "--date",
                    "unparseable-date",
                    f"mötesdatumet ”{date}” kunde inte tolkas",
                    "skriv datumet med år, t.ex. 2016-05-24 eller 24 maj 2016",
                ),
            ),
        )
    new_id = meeting_id(meeting_date, canonical)
    path = source / f"{new_id}.md"
    if path.exists():
        return NewResult(
            None,
            (
                _error(
                    path,
                    "file-exists",
                    "filen finns redan och skrivs inte över",
                    "öppna den och skriv vidare, eller ta bort den först om du vill börja om",
                ),
            ),
        )
    # Parsed as published: an internal section's tasks must not be carried into the next
    # minutes' public text.
    meetings = load_meetings([source], config, public=True).meetings if source.is_dir() else ()
    same = next((m for m in meetings if m.id == new_id), None)
    if same is not None:
        return NewResult(
            None,
            (
                _error(
                    same.source,
                    "file-exists",
                    f"mötet {new_id} finns redan i den här filen",
                    "skriv vidare i den filen i stället för att skapa en ny",
                ),
            ),
        )
    previous: Meeting | None
    if previous_path is not None:
        previous = parse_file(previous_path, config, public=True)
        if previous.date is None:
            # Without its date the follow-up heading cannot name it, nor can due dates resolve.
            return NewResult(
                None,
                (
                    _error(
                        previous_path,
                        "missing-date",
                        "mötet som åtgärderna ska föras över från saknar datum",
                        "skriv mötesdatumet i den filen, eller välj en annan fil med --from",
                    ),
                ),
            )
    else:
        previous = previous_meeting(meetings, canonical, meeting_date)
    carried = tuple(a for a in previous.action_items if not a.done) if previous else ()
    text = render_minutes(canonical, meeting_date, config, previous, carried)
    minutes = NewMinutes(path, new_id, canonical, meeting_date, text, previous, carried)
    return NewResult(minutes, ())


def write_minutes(minutes: NewMinutes) -> Diagnostic | None:
    """Write the file, never over an existing one; a diagnostic when that fails."""
    try:
        minutes.path.parent.mkdir(parents=True, exist_ok=True)
        # Mode "x" so that a file created since the plan was made is not overwritten.
        with minutes.path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(minutes.text)
    except FileExistsError:
        return _error(
            minutes.path,
            "file-exists",
            "filen finns redan och skrivs inte över",
            "öppna den och skriv vidare, eller ta bort den först om du vill börja om",
        )
    except OSError as error:
        return _error(
            minutes.path,
            "unwritable-file",
            f"filen kunde inte skrivas ({error.strerror or error})",
            "kontrollera att mappen finns och att du får skriva i den",
        )
    return None
