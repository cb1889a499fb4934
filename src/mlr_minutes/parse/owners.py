"""Who an action item belongs to: roles (typos forgiven), people present, municipalities,
and the names teams write (``Olle:``, ``@stina``, ``– Per``, ``(Josef)``)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..vocabulary import LIST_JOINERS, ROLE_OWNERS
from .context import ParseContext
from .person_notes import aliases_of
from .text import alternation, collapse

CAPITALISED = re.compile(r"^[A-ZÅÄÖ][\wåäöéü-]*$")
_NICKNAME = re.compile(r"^[a-zåäö][a-zåäöéü-]{1,14}$")


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@cache
def _owner_split() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,|/|(?<!\w)(?:{alternation(LIST_JOINERS)})(?!\w))\s*", re.I)


@cache
def _roles() -> dict[str, str]:
    return {k.casefold(): v for k, v in ROLE_OWNERS.items()}


@cache
def _long_roles() -> dict[str, list[tuple[str, str]]]:
    """The roles of eight letters or more by first letter, in order: where a typo is
    forgiven (``Owners._lookup``), looked up without walking every role."""
    found: dict[str, list[tuple[str, str]]] = {}
    for role, canonical in _roles().items():
        if len(role) >= 8:
            found.setdefault(role[0], []).append((role, canonical))
    return found


@lru_cache(maxsize=16384)
def _role_with_typo(key: str) -> str | None:
    """The role ``key`` names with one letter wrong, added or missing (the same for every
    file: remembered across them)."""
    for role, canonical in _long_roles().get(key[0], ()):
        if abs(len(role) - len(key)) <= 1 and edit_distance_at_most_one(key, role):
            return canonical
    return None


class Owners:
    """Recognises owners: roles (typos forgiven), people present, municipalities."""

    def __init__(self, ctx: ParseContext) -> None:
        self.roles = _roles()
        self.people = {p.name.casefold(): p.name for p in ctx.people if p.name}
        first_names: dict[str, list[str]] = {}
        for person in ctx.people:
            if person.name:
                first_names.setdefault(person.name.split()[0].casefold(), []).append(person.name)
        # A first name stands for a person only when one person present has it.
        self.first_names = {k: v[0] for k, v in first_names.items() if len(v) == 1}
        # ``RB   Roland Bergh``: the initials a list gave someone, as a later ``Ansv.`` column
        # writes them.
        for person in ctx.people:
            for alias in aliases_of(person):
                if person.name:
                    self.first_names.setdefault(alias.casefold(), person.name)
        self.municipalities = {m.casefold(): m for m in ctx.config.municipalities}
        self.organisations = {
            p.organisation.casefold(): p.organisation for p in ctx.people if p.organisation
        }
        self._known: dict[str, str | None] = {}
        self.assigned: dict[str, str | None] = {}
        """Sentence → the owner its assignment names (rules ask about one sentence often)."""
        self._multiword: list[str] | None = None
        """The roles and people of more than one word, longest first (made when asked)."""

    def known(self, word: str) -> str | None:
        """The canonical owner ``word`` names, or None when it names no one known."""
        if word in self._known:
            return self._known[word]
        found = self._lookup(word)
        self._known[word] = found
        return found

    def _lookup(self, word: str) -> str | None:
        key = collapse(word).strip(".,:;()").removeprefix("@").casefold()
        if not key:
            return None
        for table in (self.roles, self.people, self.first_names, self.municipalities):
            if key in table:
                return table[key]
        if len(key) >= 8:
            return _role_with_typo(key)
        return None

    def in_text(self, text: str) -> list[str]:
        """Known multi-word owners named anywhere in ``text`` (*samtliga kommuner*)."""
        found: list[str] = []
        lowered = text.casefold()
        if self._multiword is None:
            everyone = sorted((*self.roles, *self.people), key=len, reverse=True)
            self._multiword = [phrase for phrase in everyone if " " in phrase]
        for phrase in self._multiword:
            if phrase in lowered and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
                owner = self.roles.get(phrase) or self.people.get(phrase)
                if owner and owner not in found:
                    found.append(owner)
        return found

    def looks_like_name(self, text: str, *, nicknames: bool = False) -> bool:
        """Whether ``text`` could be an owner's name: known, one to four capitalised words,
        or (where teams write them) a lower-case nickname."""
        text = collapse(text).strip(" .,:;").removeprefix("@")
        if not text or len(text) > 40:
            return False
        if self.known(text):
            return True
        words = text.split()
        if 1 <= len(words) <= 4 and all(CAPITALISED.match(w) for w in words):
            return True
        return nicknames and len(words) == 1 and bool(_NICKNAME.match(text))

    def split(self, text: str) -> list[str]:
        """``Malmö och Lund`` → two owners; a name with *och* inside stays whole."""
        parts = [p for p in _owner_split().split(collapse(text)) if p.strip()]
        if len(parts) > 1 and all(self.known(p) or CAPITALISED.match(p.split()[0]) for p in parts):
            return [self.written(p) for p in parts]
        return [self.written(text)]

    def written(self, text: str) -> str:
        """An owner as written, canonical when it is a known role."""
        text = collapse(text).strip(" .,:;").removeprefix("@")
        return self.known(text) or text
