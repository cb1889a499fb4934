"""Make Pagefind's index the same on every run, so that two builds are byte-identical.

Pagefind 1.5 writes the values of each filter, and the list of filters in its metadata
file, in hash-map order, which differs from run to run (fragments have been stable since
1.3; upstream issue Pagefind/pagefind#638 says the filter and metadata indexes still
change).  The files are gzip-compressed CBOR behind a ``pagefind_dcd`` signature, named
after their content; here, the unordered lists are sorted – moving the encoded items'
bytes unchanged, so no CBOR encoder is needed – and the files renamed after the sorted
content, with every reference updated.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path


class BundleFormatError(ValueError):
    """A Pagefind file is not laid out as this module expects (a new Pagefind version?)."""


_SIGNATURE = b"pagefind_dcd"


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """A CBOR item's major type, argument and the offset after its head."""
    major, info = data[at] >> 5, data[at] & 0x1F
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise BundleFormatError("Pagefinds indexfiler har ett oväntat format.")
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def _skip(data: bytes, at: int) -> int:
    """The offset after the CBOR item at ``at``."""
    major, argument, at = _head(data, at)
    if major in (2, 3):
        return at + argument
    if major in (4, 5):
        for _ in range(argument * (2 if major == 5 else 1)):
            at = _skip(data, at)
    return at


def _text(data: bytes, at: int) -> str:
    major, length, start = _head(data, at)
    if major != 3:
        raise BundleFormatError("Pagefinds indexfiler har ett oväntat format.")
    return data[start : start + length].decode("utf-8")


def _items(data: bytes, at: int) -> tuple[bytes, list[bytes], int]:
    """An array's head and its items' bytes, and the offset after it."""
    major, count, start = _head(data, at)
    if major != 4:
        raise BundleFormatError("Pagefinds indexfiler har ett oväntat format.")
    items = []
    for _ in range(count):
        end = _skip(data, start)
        items.append(data[start:end])
        start = end
    return data[at : _head(data, at)[2]], items, start


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise BundleFormatError(f"{path.name} är inte en Pagefind-indexfil.")
    return data[len(_SIGNATURE) :]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(_SIGNATURE + data, compresslevel=9, mtime=0))


def _renamed(old: str, data: bytes) -> str:
    """``sv_<hex>`` named after ``data``, as long as Pagefind's own name."""
    language, _, digest = old.rpartition("_")
    return f"{language}_{hashlib.sha256(data).hexdigest()[: len(digest)]}"


def _sorted_pairs(data: bytes, at: int) -> tuple[bytes, int]:
    """The array at ``at`` of ``[text, …]`` items, sorted by the text."""
    head, items, end = _items(data, at)
    items.sort(key=lambda item: _text(item, _head(item, 0)[2]))
    return head + b"".join(items), end


def stabilise_bundle(bundle: Path) -> None:
    """Make Pagefind's filter and metadata files the same on every run (see above)."""
    entry_path = bundle / "pagefind-entry.json"
    entry_text = entry_path.read_text("utf-8")
    for language in json.loads(entry_text)["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        head, parts, _ = _items(meta, 0)
        # [version, pages, index chunks, filters, sorts, meta fields]
        if len(parts) < 4:
            raise BundleFormatError(f"{meta_path.name} har ett oväntat format.")
        filter_head, filters, _ = _items(parts[3], 0)
        renamed = []
        for pair in filters:
            pair_head, (name, old), _ = _items(pair, 0)
            old_hash = _text(old, 0)
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            data = _read(old_path)
            # [filter name, [[value, [page numbers]], …]]
            _, (key, _values), _ = _items(data, 0)
            values, _ = _sorted_pairs(data, _skip(data, _head(data, 0)[2]))
            stable = data[: _head(data, 0)[2]] + key + values
            new_hash = _renamed(old_hash, stable)
            old_path.unlink()
            _write(bundle / "filter" / f"{new_hash}.pf_filter", stable)
            renamed.append(pair_head + name + old.replace(old_hash.encode(), new_hash.encode()))
        filter_list, _ = _sorted_pairs(filter_head + b"".join(renamed), 0)
        parts[3] = filter_list
        stable_meta = head + b"".join(parts)
        new_meta = _renamed(language["hash"], stable_meta)
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_meta}.pf_meta", stable_meta)
        entry_text = entry_text.replace(f'"{language["hash"]}"', f'"{new_meta}"')
    entry_path.write_text(entry_text, "utf-8")
