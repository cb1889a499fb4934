"""Who chaired and who wrote the minutes when no label names them: the officer rules in
order (each fills only what the ones before left missing, so a label always wins over
what is inferred)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import Config
from .appositions import officers_in_apposition, signed_names
from .chat_officers import chat_starter
from .elections import (
    election_items,
    election_sentences,
    roles_in_attendance,
)
from .officer_prose import officers_in_prose
from .openers import chair_by_title, opener
from .outline import Outline
from .ruler import Ruler

if TYPE_CHECKING:
    from .metadata import Metadata

OfficerRule = Callable[["Metadata", Outline, Config], None]

OFFICER_RULES: Ruler[OfficerRule] = Ruler(
    [
        ("election_sentences", election_sentences),
        ("election_items", election_items),
        ("officers_in_prose", officers_in_prose),
        ("chat_starter", chat_starter),
        ("officers_in_apposition", officers_in_apposition),
        ("roles_in_attendance", roles_in_attendance),
        ("signed_names", signed_names),
        ("opener", opener),
        ("chair_by_title", chair_by_title),
    ]
)
"""How the officers are found when no label names them, in order."""


def fill_officers(meta: Metadata, outline: Outline, config: Config) -> None:
    """Run every officer rule in order."""
    for rule in OFFICER_RULES.rules():
        rule(meta, outline, config)
