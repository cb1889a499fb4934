"""Letters a scan's text layer misreads in names, repaired where they leave no doubt.

A protocol scanned and run through OCR keeps its layout but swaps look-alike letters:
``Göran FaIk`` (a capital I for an l), ``lda Berglund`` (a small l for the capital I).
"""

from __future__ import annotations

import re

_OCR_INNER_I = re.compile(r"(?<=[a-zåäö])I(?=[a-zåäö])")
_OCR_FIRST_L = re.compile(r"^l(?=[a-zåäö]+$)")


def ocr_repaired(name: str) -> str:
    """A name as a scan's text layer misreads it, repaired where the letters leave no
    doubt: a capital *I* between small letters is an *l* (``Göran FaIk``), and a small *l*
    opening a name whose other words are capitalised is an *I* (``lda Berglund``)."""
    words = name.split(" ")
    if len(words) < 2 or not all(w[:1].isupper() for w in words[1:]):
        return name  # ``lisa``, ``lars-erik``: a nickname in lower case is as written
    words = [_OCR_INNER_I.sub("l", w) for w in words]
    words[0] = _OCR_FIRST_L.sub("I", words[0])
    return " ".join(words)
