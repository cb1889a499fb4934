"""Words that lost å, ä or ö to U+FFFD, mended from the vocabulary.

A file decoded with the wrong encoding somewhere on its way writes ``St�mman valde``
and ``Ordf�rande:``.  A damaged word that fits exactly one word the parser knows (its
vocabulary: labels, verbs, titles) is that word again, so every rule reads it; names and
other words stay as written, and the file still gets its warning.  ``� 3`` before a
number is the paragraph sign.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from ..vocabulary import SWEDISH_LETTERS, all_words

_DAMAGED = re.compile(r"[^\W\d_]*\ufffd[\w\ufffd]*")
_PARAGRAPH = re.compile(r"(?<!\w)\ufffd(?=\s*\d)")
_LETTERS = "".join(sorted({c.casefold() for c in SWEDISH_LETTERS}))
_MAX_LOST = 3
"""More lost letters than this in one word and the combinations are not tried."""


@cache
def _known_words() -> frozenset[str]:
    return frozenset(w for w in all_words() if any(c in w for c in _LETTERS))


def _mend(word: str) -> str:
    lost = word.count("\ufffd")
    if lost > _MAX_LOST:
        return word
    folded = word.casefold()
    fits = []
    for letters in itertools.product(_LETTERS, repeat=lost):
        candidate = folded
        for letter in letters:
            candidate = candidate.replace("\ufffd", letter, 1)
        if candidate in _known_words():
            fits.append(candidate)
    if len(fits) != 1:
        return word
    mended = fits[0]
    return mended.capitalize() if word[:1].isupper() else mended


def mend_line(line: str) -> str:
    """``St�mman valde`` → ``Stämman valde``: every damaged word the vocabulary knows."""
    line = _PARAGRAPH.sub("§", line)
    return _DAMAGED.sub(lambda m: _mend(m.group()), line)


_TWICE = re.compile(
    "[\u00c2\u00c3\u00e2]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]{1,2}"
)
"""UTF-8 bytes read as Windows-1252 (``Ã¤`` for ``ä``, ``Â§`` for ``§``, ``â€“`` for ``–``)."""


def undo_double_encoding(line: str) -> str:
    """``MÃ¶tet Ã¶ppnades`` → ``Mötet öppnades``: text encoded as UTF-8 twice, each
    sequence decoded back where it is one (anything else is left as written)."""

    def back(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group()

    return _TWICE.sub(back, line)
