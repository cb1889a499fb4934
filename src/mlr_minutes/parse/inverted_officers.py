"""Who led or wrote, said with the verb before the name, as Swedish word order puts it
after a fronted phrase::

    Den här gången höll Staffan i det och Fatou skrev.
    Eftersom Emil inte var på plats fick Saga klubban.

The phrases of :data:`OFFICER_PROSE_NAME_BEFORE` (*höll i det*, *fick klubban*) name the
one who did it before them; when something else opens the sentence, the verb comes
second and the name stands between the verb and the rest of the phrase.  Only a name
the list of those present gives is taken: the words after a verb are often no one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..config import Config
from ..vocabulary import OFFICER_PROSE_NAME_BEFORE
from .elections import named_person, this_meetings_texts
from .gates import WordGate
from .outline import Outline
from .text import alternation

if TYPE_CHECKING:
    from .metadata import Metadata

_NAME = r"(?P<name>(?-i:[A-ZÅÄÖ][\wåäö'-]+(?:\s+[A-ZÅÄÖ][\wåäö'-]+)?))"


@cache
def _phrases(field: str) -> frozenset[tuple[str, str]]:
    """(verb, rest) of each phrase of two or more words: *höll*, *i det*."""
    pairs = (p.casefold().split(" ", 1) for p in OFFICER_PROSE_NAME_BEFORE[field] if " " in p)
    return frozenset((verb, rest) for verb, rest in pairs)


@cache
def _inverted(field: str) -> re.Pattern[str]:
    """``höll <name> i det``, ``fick <name> klubban``: a phrase's verb, a name, and the
    rest of some phrase (:func:`_phrases` says whether the two belong together)."""
    verbs = alternation(sorted({verb for verb, _ in _phrases(field)}))
    rests = alternation(sorted({rest for _, rest in _phrases(field)}))
    # A verb that opens its sentence has no fronted phrase before it: not inverted.
    return re.compile(
        rf"(?<=[\wåäö,]\s)(?P<verb>{verbs})\s+{_NAME}\s+(?P<rest>{rests})(?!\w)", re.IGNORECASE
    )


@cache
def _gate(field: str) -> WordGate:
    verbs = {p.split(" ", 1)[0] for p in OFFICER_PROSE_NAME_BEFORE[field] if " " in p}
    return WordGate(sorted(verbs), whole=True)


def _belong(match: re.Match[str], field: str) -> bool:
    verb, rest = (" ".join(match[g].casefold().split()) for g in ("verb", "rest"))
    return (verb, rest) in _phrases(field) and match["name"][:1].isupper()


def inverted_officers(meta: Metadata, outline: Outline, config: Config) -> None:
    """*Den här gången höll Staffan i det*, *… fick Saga klubban*: the listed name between
    the officer's verb and the rest of the phrase."""
    present = [*meta.attendees, *meta.guests]
    listed = {p.name for p in present if p.name}
    for field in ("chair", "secretary"):
        if getattr(meta, field) is not None:
            continue
        for text, line in this_meetings_texts(outline):
            if not _gate(field)(text):
                continue
            match = next((m for m in _inverted(field).finditer(text) if _belong(m, field)), None)
            if match is None:
                continue
            at = line + text[: match.start("name")].count("\n")
            person = named_person(match["name"], at, present, config)
            if person is not None and person.name in listed:
                setattr(meta, field, replace(person, line=at))
                break
