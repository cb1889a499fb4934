"""A chat log pasted into the minutes: an IRC or Matrix meeting run by a meeting bot.

::

    [18:04] <ellen_h> #action snickarn fixar #412 före releasen
    [18:07] <ellen_h> #agreed 2.3 släpps först när #412 är stängd
    18:09 <jaana> någon i Lindvik borde kunna granska

Everyone who speaks was there (a bot aside); a bot's tags mark what the meeting
agreed (``#agreed``) and who is to do what (``#action``), as MeetBot and its
descendants write them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..vocabulary import CHAT_ACTION_TAGS, CHAT_DECISION_TAGS, CHAT_START_TAGS

_SPEAKER = re.compile(
    # ``[18:04] <ellen_h>``, ``[2025-04-09 19:01] <@okke>``
    r"^\s*(?:\[?(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?"
    r"<[@+]?(?P<nick>[\w.|^`-]{1,30})>\s+(?P<said>.*)$"
)
_BOT = re.compile(r"^[a-z][\w-]*bot$", re.IGNORECASE)
SPEAKER_NAME = r"[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+){0,2}"
STAMP = r"\[?(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}[:.]\d{2}(?::\d{2})?\]?"
STAMPED_SPEAKER = re.compile(rf"^\s*{STAMP}(?:\s+[-–])?\s+(?P<name>{SPEAKER_NAME}):\s")
"""``[09:00] Jonas: …``, ``2025-05-06 19:32 - Kjell Sandgren: …`` (a chat app's export): a
speaker, on the line."""


CHAT_AUTHOR = re.compile(
    r"^\*\*(?:(?P<handle>@[\w.-]+|[a-zåäö][\w.-]{1,30})\*\*(?:[ \t]+\d{1,2}[:.]\d{2})?"
    # ``**Emil Sundqvist** 09:04`` (a Slack export): a full name needs its time stamp.
    r"|(?P<name>[A-ZÅÄÖ][\w'-]+(?:[ \t][A-ZÅÄÖ][\w'-]+){1,2})\*\*[ \t]+\d{1,2}[:.]\d{2})"
    r"[ \t]*$",
    re.MULTILINE,
)
"""``**@jonna**`` or ``**lovisa.h** 09:02`` alone on a line: who wrote the next lines of
a chat pasted into the minutes (a standup in Slack or Teams)."""

_HANDLE_HEADER = re.compile(
    rf"^\s*(?:>\s*)?(?:#{{1,6}}\s+)?(?:(?P<before>{STAMP})\s+)?(?P<handle>@?[\w.-]{{2,30}})"
    # ``**standupbot** BOT — ons 2 dec 2026 09:00``, ``**j.okafor** — 09:04 (svar i tråd)``
    rf"(?:\s+BOT)?(?:\s*[—–-])?(?:\s+[a-zåäö]{{2,4}}\.?\s+\d{{1,2}}\s+[a-zåäö]{{3,9}}\.?\s+\d{{4}})?"
    rf"(?:\s+(?P<after>{STAMP}))?(?:\s+\([^()]{{1,40}}\))?\s*$"
)


def handle_header(line: str) -> str | None:
    """The handle a chat export's message header names (``> **08:58 @ida.berg**``, ``###
    09:31 @ida.berg``, ``**@jonna** 09:02``, ``**j.okafor** — 09:04 (svar i tråd)``): who
    wrote the lines below it.  An ``@handle`` needs its time or its bold; a handle without
    its ``@`` (``j.okafor``) needs both, and a dot, a digit or a lower-case first letter."""
    if "@" not in line and "**" not in line:
        return None
    bold = "**" in line
    found = _HANDLE_HEADER.match(line.replace("**", ""))
    if found is None:
        return None
    handle, timed = found["handle"], bool(found["before"] or found["after"])
    if handle.startswith("@"):
        return handle if bold or timed else None
    if bold and timed and (handle[:1].islower() or "." in handle):
        return handle
    return None


def spoken(line: str) -> tuple[str, str] | None:
    """(speaker, words) of a chat export's line that names its speaker (``2025-05-06 19:46 -
    Lovisa Ek: Jag kan beställa containern``), or None."""
    found = STAMPED_SPEAKER.match(line)
    return (found["name"], line[found.end() :].strip()) if found else None


class Said(NamedTuple):
    """One line of a chat log."""

    nick: str
    """Who wrote it."""
    text: str
    """What they wrote."""


def said(line: str) -> Said | None:
    """``[18:04] <ellen_h> hej alla`` → who and what; None for any other line."""
    if "<" not in line:
        return None
    found = _SPEAKER.match(line)
    if found is None:
        return None
    return Said(found["nick"], found["said"].strip())


def is_bot(nick: str) -> bool:
    """``fjallbot``, ``meetbot``: a program in the channel, not a person."""
    return bool(_BOT.match(nick))


def is_chat_log(text: str) -> bool:
    """Whether most lines of ``text`` are someone's chat lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 3 and sum(said(line) is not None for line in lines) * 2 > len(lines)


def tagged(text: str, tags: tuple[str, ...]) -> str | None:
    """The words after one of a bot's ``tags`` at the start of ``text``, or None."""
    head, _, rest = text.partition(" ")
    if head.casefold() in tags and rest.strip():
        return rest.strip()
    return None


def decision_tagged(text: str) -> str | None:
    """``#agreed vi flyttar översättningarna``: what the meeting agreed."""
    return tagged(text, CHAT_DECISION_TAGS)


def action_tagged(text: str) -> str | None:
    """``#action jaana frågar sameföreningen``: a task and (first) its owner."""
    return tagged(text, CHAT_ACTION_TAGS)


def meeting_starter(text: str) -> str | None:
    """The nick that opened the meeting with a bot's ``#startmeeting`` in ``text``, or
    None."""
    if "#" not in text:
        return None
    for line in text.split("\n"):
        found = said(line)
        if found is not None and found.text.split(" ", 1)[0].casefold() in CHAT_START_TAGS:
            return found.nick
    return None
