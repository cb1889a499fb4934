"""The chair of a meeting held in a chat channel with a meeting bot::

    [19:00] <ellen_h> #startmeeting Månadsmöte
    [19:00] <meetbot> Meeting started Tue Mar  4 19:00:03 2025 UTC.  The chair is ellen_h.

MeetBot and its descendants make whoever writes ``#startmeeting`` the meeting's chair.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..config import Config
from .chat_log import meeting_starter
from .elections import prose_texts
from .outline import Outline
from .people import parse_person

if TYPE_CHECKING:
    from .metadata import Metadata


def chat_starter(meta: Metadata, outline: Outline, config: Config) -> None:
    """The one who started the meeting with the bot's ``#startmeeting`` chairs it."""
    if meta.chair is not None:
        return
    for text, line in prose_texts(outline):
        nick = meeting_starter(text)
        if nick is None:
            continue
        at = line + text[: text.find(nick)].count("\n")
        listed = next((p for p in (*meta.attendees, *meta.guests) if p.name == nick), None)
        meta.chair = replace(listed, line=at) if listed else parse_person(nick, at, config)
        return
