"""The deputy in the chair: minutes that say the body's chair was away and list one
deputy chair::

    | Johanna Berg | v. ordf. | X |
    I ordförandens frånvaro öppnade vice ordföranden mötet och ledde det.

When no rule named who chaired, the deputy did.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import CHAIR_ABSENCE_PHRASES, DEPUTY_CHAIR_ROLE
from .elections import this_meetings_texts
from .outline import Outline

if TYPE_CHECKING:
    from .metadata import Metadata


def deputy_in_the_chair(meta: Metadata, outline: Outline, config: Config) -> None:
    """The one listed deputy chair, when the text says the chair was away."""
    if meta.chair is not None:
        return
    deputies = [p for p in (*meta.attendees, *meta.guests) if p.role == DEPUTY_CHAIR_ROLE]
    if len(deputies) != 1:
        return
    for text, line in this_meetings_texts(outline):
        lowered = text.casefold()
        if any(phrase in lowered for phrase in CHAIR_ABSENCE_PHRASES):
            meta.chair = replace(deputies[0], line=line)
            return
