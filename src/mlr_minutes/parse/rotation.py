"""The officers of this meeting from a rota: a table of meetings and who holds each role.

::

    | Möte        | Host          | Scribe          |
    |-------------|---------------|-----------------|
    | 11 februari | Ville Sjö     | Hanna Berg      |
    | 11 mars     | Hanna Berg    | Amir Jabari     |

Teams that rotate the chair and the note-taker often paste the term's rota into the
minutes instead of naming them: the row of the meeting's own date names them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..config import Config
from .dates import find_dates
from .labels import metadata_field
from .people import parse_person

if TYPE_CHECKING:
    from .metadata import Metadata

_OFFICES = ("chair", "secretary")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def rota_officers(meta: Metadata, lines: list[str], config: Config) -> None:
    """Fill a missing chair or secretary from the rota row of the meeting's date."""
    if meta.date is None or (meta.chair is not None and meta.secretary is not None):
        return
    day: dt.date = meta.date.start
    offices: dict[str, int] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.lstrip().startswith("|"):
            offices = None
            continue
        cells = _cells(line)
        if offices is None:
            found = {metadata_field(cell): index for index, cell in enumerate(cells)}
            offices = {office: found[office] for office in _OFFICES if office in found}
            continue
        if not offices or not cells or set(cells[0]) <= set("-: "):
            continue
        dates = find_dates(cells[0], day)
        if not dates or dates[0].value.start != day:
            continue
        for office, index in offices.items():
            if getattr(meta, office) is None and index < len(cells) and cells[index]:
                setattr(meta, office, parse_person(cells[index], number, config))
        return
