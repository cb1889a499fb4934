"""The officer who writes *jag*: the speaker of a chat line, or the sender of an e-mail.

::

    **Hanna Berg** 09:00
    God morgon! Jag håller i dagens standup, Leo skriver sammanfattningen.

    [09:00] Jonas: God morgon, jag leder idag eftersom Sofie är på kurs.

    Från: Maja Sörensen
    …
    Här kommer anteckningarna. Jag skrev, Daniel ledde eftersom Camilla var sjuk.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import EMAIL_SENDER_KEYS, FIRST_PERSON_WORDS
from .chat_log import SPEAKER_NAME, STAMPED_SPEAKER, handle_header, is_bot, said
from .elections import named_person
from .officer_prose import officer_phrase
from .people import parse_person
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

_NAME = SPEAKER_NAME
_SAME_LINE = STAMPED_SPEAKER
_HEADER = re.compile(rf"^\s*\*\*(?P<name>{_NAME})\*\*\s+\d{{1,2}}[:.]\d{{2}}")
"""``**Hanna Berg** 09:00``: a chat export's header over the speaker's lines."""
_PLAIN_HEADER = re.compile(
    rf"^(?P<name>{_NAME}|[a-zåäö][\w.-]{{1,20}})[ \t]+\d{{1,2}}[:.]\d{{2}}(?:[ \t]*[AP]M)?[ \t]*$"
    rf"|^\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+(?P<stamped>{_NAME})[ \t]*$"
)
"""``Johan Ek  09:02`` (a plain copy from Slack) or ``00:00:03 Maria Olofsson`` (a
transcript) alone on a line, the speaker's words below."""
_LOOK_BACK = 12
_SENDER_LINES = 12


@cache
def _sender() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:{alternation(EMAIL_SENDER_KEYS)})\s*:\s*(?P<name>{_NAME})", re.IGNORECASE
    )


@cache
def _inverted() -> re.Pattern[str]:
    subject = alternation(FIRST_PERSON_WORDS[:1])
    return re.compile(rf"(?<!\w)(?P<verb>[a-zåäö]+)\s+(?P<who>{subject})\s+", re.IGNORECASE)


@cache
def _first_person() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(FIRST_PERSON_WORDS[:1])})\s*$", re.IGNORECASE)


def speaker_at(lines: list[str], number: int) -> str | None:
    """Who wrote line ``number`` (1-based): its chat speaker, the chat header above it, or
    the sender of the e-mail the text is."""
    line = lines[number - 1]
    found = _SAME_LINE.match(line) or _HEADER.match(line)
    if found is not None:
        return found["name"]
    chat = said(line)
    if chat is not None:
        return chat.nick
    for above in range(number - 1, max(0, number - _LOOK_BACK), -1):
        header = _HEADER.match(lines[above - 1])
        if header is not None:
            return header["name"]
        handle = handle_header(lines[above - 1])
        if handle is not None:
            return handle
        plain = _plain_header(lines, above)
        if plain is not None:
            return plain
    for text in lines[:_SENDER_LINES]:
        sender = _sender().match(text)
        if sender is not None:
            return sender["name"]
    return None


def first_person_officers(meta: Metadata, lines: list[str], config: Config) -> None:
    """*Jag håller i dagens standup*, *jag leder idag*, *Jag skrev*: the officer is the
    one who wrote the line."""
    present = [*meta.attendees, *meta.guests]
    for field in ("chair", "secretary"):
        if getattr(meta, field) is not None:
            continue
        pattern = officer_phrase(field)
        for number, written in enumerate(lines, start=1):
            if "ag " not in written and not written.rstrip().endswith("ag"):
                continue
            # ``Eftersom Per är ledig håller jag i dagens standup``: the subject after the
            # verb, as Swedish puts it after a fronted clause; read in the plain order.
            line = _inverted().sub(r"\g<who> \g<verb> ", written)
            for match in pattern.finditer(line):
                if match["follows"] or not _first_person().search(line[: match.start()]):
                    continue
                speaker = speaker_at(lines, number)
                person = named_person(speaker, number, present, config) if speaker else None
                if person is None and speaker and " " not in speaker.strip():
                    # a chat's author by handle, before the authors are listed present
                    person = parse_person(speaker, number, config)
                if person is not None and person.name:
                    setattr(meta, field, person)
                    break
            if getattr(meta, field) is not None:
                break


def _plain_header(lines: list[str], number: int) -> str | None:
    """The speaker a plain header line names, when their words follow on the next line."""
    line = lines[number - 1]
    if not line[:1].isalnum() or ":" not in line:
        return None
    found = _PLAIN_HEADER.match(line.strip())
    if found is None or number >= len(lines) or not lines[number].strip():
        return None
    name = found["name"] or found["stamped"]
    return None if is_bot(name) else name


def speakers_present(meta: Metadata, lines: list[str], config: Config) -> None:
    """Everyone who speaks in a chat export or a transcript (``**Hanna Berg** 09:00``,
    ``[09:01] Amanda: …``) was at the meeting."""
    speakers: list[tuple[str, int]] = []
    for number, line in enumerate(lines, start=1):
        found = _HEADER.match(line) or _SAME_LINE.match(line)
        if found is not None:
            speakers.append((found["name"], number))
        elif _plain_header(lines, number) is not None:
            speakers.append((_plain_header(lines, number) or "", number))
    if len(speakers) < 2:
        return
    listed = [*meta.attendees, *meta.guests, *meta.absent]
    for name, number in speakers:
        known = named_person(name, number, listed, config)
        if known is not None and known.name and known in listed:
            continue
        person = parse_person(name, number, config)
        if person is not None and person.name:
            meta.attendees.append(person)
            listed.append(person)
