"""Serialised parts of the outputs kept from one build to the next (the build cache saves
them): a part's key is a digest of everything that decides its bytes, so a part found
under its key is the part this build would write."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class OutputMemo:
    """The last build's parts, and those this build used (the next build's)."""

    previous: Mapping[str, bytes] = field(default_factory=dict)
    """What the last build kept."""
    current: dict[str, bytes] = field(default_factory=dict)
    """What this build used or made: only these are kept for the next."""
    made: bool = False
    """Whether a part was made (not found) in this build."""

    def get(self, key: str) -> bytes | None:
        """The part under ``key``, None when it must be made."""
        found = self.current.get(key)
        if found is None:
            found = self.previous.get(key)
            if found is not None:
                self.current[key] = found
        return found

    def put(self, key: str, data: bytes) -> None:
        """Keep a part just made."""
        self.current[key] = data
        self.made = True

    @property
    def changed(self) -> bool:
        """Whether the parts to keep differ from the last build's."""
        return self.made or self.current.keys() != self.previous.keys()
