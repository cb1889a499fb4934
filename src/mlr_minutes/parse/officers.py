"""Who chaired and who wrote the minutes when no label names them: the officer rules in
order (each fills only what the ones before left missing, so a label always wins over
what is inferred)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import Config
from .appositions import (
    officers_in_apposition,
    offices_paired_with_names,
    signed_names,
    signing_roles,
)
from .attendance_values import PEOPLE_FIELDS, PERSON_FIELDS
from .chat_officers import chat_starter
from .deputy import deputy_in_the_chair
from .elections import (
    election_items,
    election_sentences,
    roles_in_attendance,
    untitled_elections,
)
from .inverted_officers import inverted_officers
from .label_order import names_in_label_order
from .labels import metadata_field
from .officer_prose import officers_in_prose
from .openers import chair_by_title, opener
from .outline import Outline
from .presence import away
from .respective import officers_in_title_order, respective_officers
from .ruler import Ruler

if TYPE_CHECKING:
    from .metadata import Metadata

OfficerRule = Callable[["Metadata", Outline, Config], None]

OFFICER_RULES: Ruler[OfficerRule] = Ruler(
    [
        ("respective_officers", respective_officers),
        ("officers_in_title_order", officers_in_title_order),
        ("election_sentences", election_sentences),
        ("election_items", election_items),
        ("untitled_elections", untitled_elections),
        ("officers_in_prose", officers_in_prose),
        ("inverted_officers", inverted_officers),
        ("chat_starter", chat_starter),
        ("officers_in_apposition", officers_in_apposition),
        ("offices_paired_with_names", offices_paired_with_names),
        ("roles_in_attendance", roles_in_attendance),
        ("deputy_in_the_chair", deputy_in_the_chair),
        ("signed_names", signed_names),
        ("signing_roles", signing_roles),
        ("names_in_label_order", names_in_label_order),
        ("opener", opener),
        ("chair_by_title", chair_by_title),
    ]
)
"""How the officers are found when no label names them, in order."""


def fill_officers(meta: Metadata, outline: Outline, config: Config) -> None:
    """Run every officer rule in order; what a rule took for a name but is a form's label
    or a heading (*Förvaringsplats*, *Organ Datum*, *VAL AV JUSTERARE*) is left for the
    next rule."""
    for rule in OFFICER_RULES.rules():
        before = (meta.chair, meta.secretary)
        rule(meta, outline, config)
        for field, had in zip(("chair", "secretary"), before, strict=True):
            officer = getattr(meta, field)
            if officer is had or not officer or not officer.name:
                continue
            if not is_name_like(officer.name) or _away(meta, officer.name) or away(officer):
                # ``Ingrid Wahl (S), ordförande – anmält förhinder``: the office is hers,
                # but someone else held it at this meeting.
                setattr(meta, field, had)


def _away(meta: Metadata, name: str) -> bool:
    """Listed as away and nowhere as present (``Förhinder   Sara Åkesson, talman``): the
    office the list gives them is theirs, but they did not hold it at this meeting."""
    present = {p.name for p in (*meta.attendees, *meta.guests)}
    return name not in present and any(p.name == name for p in meta.absent)


_PEOPLE_LABELS = frozenset((*PEOPLE_FIELDS, *PERSON_FIELDS))


def is_name_like(name: str) -> bool:
    """Whether ``name`` could be someone's: no word of a form's other labels (*Datum*,
    *Förvaringsplats*; an office such as *Secretary* before a name may stand), no heading
    in capitals, and no more words than a name has."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words):
        return False
    if len(words) > 4:
        return False  # ``Elsa Norrby Viktor Hedlund Sanna Öberg``: names run together
    return all(metadata_field(w) in (None, *_PEOPLE_LABELS) for w in words)
