"""An ordered list of named rules, after markdown-it-py's ``Ruler``.

Every extractor (outline, metadata, people, decisions, actions) keeps its
conventions in one of these: each rule is a small named function, tried in
order, and the first that claims its input ends the chain.  A new convention
is one more function placed ``before`` or ``after`` the rule it must precede
or follow, so the order that decides between conventions is written down in
one place instead of hidden in an if/elif ladder::

    OUTLINE.before("section_heading", "agenda_heading", agenda_heading)

Rules can be disabled by name (a test, or an organisation whose minutes use a
word differently), and :meth:`Ruler.names` shows the order for the docs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

R = TypeVar("R", bound=Callable[..., Any])


@dataclass(slots=True)
class _Entry(Generic[R]):
    name: str
    rule: R
    enabled: bool = True


class Ruler(Generic[R]):
    """Named rules in the order they are tried."""

    def __init__(self, rules: Iterable[tuple[str, R]] = ()) -> None:
        self._entries: list[_Entry[R]] = []
        self._cache: tuple[R, ...] | None = None
        for name, rule in rules:
            self.push(name, rule)

    def _index(self, name: str) -> int:
        for index, entry in enumerate(self._entries):
            if entry.name == name:
                return index
        raise KeyError(f"no rule named {name!r} (rules: {', '.join(self.names())})")

    def _insert(self, index: int, name: str, rule: R) -> None:
        if any(entry.name == name for entry in self._entries):
            raise ValueError(f"a rule named {name!r} is already registered")
        self._entries.insert(index, _Entry(name, rule))
        self._cache = None

    def push(self, name: str, rule: R) -> None:
        """Add ``rule`` last."""
        self._insert(len(self._entries), name, rule)

    def before(self, anchor: str, name: str, rule: R) -> None:
        """Add ``rule`` just before the rule named ``anchor``."""
        self._insert(self._index(anchor), name, rule)

    def after(self, anchor: str, name: str, rule: R) -> None:
        """Add ``rule`` just after the rule named ``anchor``."""
        self._insert(self._index(anchor) + 1, name, rule)

    def at(self, name: str, rule: R) -> None:
        """Replace the rule named ``name``, keeping its place."""
        self._entries[self._index(name)].rule = rule
        self._cache = None

    def enable(self, *names: str) -> None:
        """Turn the named rules on."""
        for name in names:
            self._entries[self._index(name)].enabled = True
        self._cache = None

    def disable(self, *names: str) -> None:
        """Turn the named rules off (they stay in their place)."""
        for name in names:
            self._entries[self._index(name)].enabled = False
        self._cache = None

    def names(self) -> list[str]:
        """Every rule's name in order, disabled ones included."""
        return [entry.name for entry in self._entries]

    def rules(self) -> tuple[R, ...]:
        """The enabled rules in order."""
        if self._cache is None:
            self._cache = tuple(entry.rule for entry in self._entries if entry.enabled)
        return self._cache

    def __iter__(self) -> Iterator[R]:
        return iter(self.rules())

    def copy(self) -> Ruler[R]:
        """An independent ruler with the same rules, for a variant of an extractor."""
        other: Ruler[R] = Ruler()
        other._entries = [_Entry(e.name, e.rule, e.enabled) for e in self._entries]
        return other
