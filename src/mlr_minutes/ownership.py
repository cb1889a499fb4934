"""Which output folder a build may replace: only one it wrote itself, file for file.

Every built site holds a marker file whose content is the manifest of the files the
build wrote, each with its SHA-256.  A later build replaces the folder only when the
marker is such a manifest and the folder holds exactly those files (a file deleted since
is fine), unchanged, besides a few the publisher places in a site by hand – a ``CNAME``,
a ``.nojekyll``, a ``.git`` – which are carried over into the new site.  A folder that
merely looks like a site, holds a forged or an older marker, or any file the build did
not write, is refused: the build must never wipe somebody's files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

MARKER = ".mlr-minutes-site"
"""The file every built site holds: the manifest of the files the build wrote."""

FORMAT = "mlr-minutes site manifest 1"
"""The manifest's first key and value, so that an older or foreign marker never matches."""

KEPT = ("CNAME", ".nojekyll", ".git", ".well-known")
"""Top-level entries a publisher adds to a site by hand (GitHub Pages' custom domain, its
Jekyll switch, a deploy repository, domain verification): kept across a rebuild."""


class UnsafeOutput(ValueError):
    """The output folder holds something other than a site this tool built."""


def _files(root: Path, kept: bool = False) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file and link below ``root`` as (POSIX path relative to root, its entry),
    never following a link, folder by folder in name order; the entries of :data:`KEPT`
    are left out unless ``kept``.  With ``os.scandir`` and plain strings, not pathlib: a
    large site has tens of thousands of files, walked several times a build, and an
    entry knows its kind without a system call (and its ``lstat`` once asked)."""
    pending = [(os.fspath(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        if not prefix and not kept:
            entries = [entry for entry in entries if entry.name not in KEPT]
        folders = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, f"{prefix}{entry.name}/"))
            else:
                yield prefix + entry.name, entry
        pending.extend(reversed(folders))  # the first folder is walked first


_Identity = tuple[int, int, int, int]

_KNOWN: dict[_Identity, str] = {}
"""File identity (device, inode, size, modification time in ns) → SHA-256, for the files
this process has hashed or was told of (:func:`trust`): a build checks the old site,
writes the manifest of the new one – whose unchanged pages are hard links to the old
site's files – and checks the old site again before the swap; each file is read once."""


def _identity(path: Path | str | os.DirEntry[str]) -> _Identity:
    found = path.stat(follow_symlinks=False) if isinstance(path, os.DirEntry) else os.lstat(path)
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _digest(path: Path | str | os.DirEntry[str]) -> str:
    identity = _identity(path)
    known = _KNOWN.get(identity)
    if known is not None:
        return known
    with open(path, "rb") as file:  # noqa: PTH123 (a path string from _files)
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    if _identity(os.fspath(path)) == identity:  # not changed while it was read
        _KNOWN[identity] = digest
    return digest


def trust(folder: Path, files: Mapping[str, tuple[int, int, int]]) -> None:
    """Take ``folder``'s manifest digests for the files whose inode, size and modification
    time are still those ``files`` recorded right after the build that wrote them (the
    build cache's record): such a file has not been written since, and is not read again
    to be checked.  Nothing is asked of the files here: a file whose identity is no longer
    the recorded one is simply not found under it."""
    recorded = _recorded(folder)
    if recorded is None:
        return
    try:
        device = folder.stat().st_dev  # a site's files are on its folder's file system
    except OSError:
        return
    for name, digest in recorded.items():
        expected = files.get(name)
        if expected is not None:
            _KNOWN[(device, *expected)] = digest


def manifest(root: Path) -> bytes:
    """The marker's content for the site the build has just written in ``root`` (a
    ``CNAME`` from the configuration included: it is the build's)."""
    files = {name: _digest(path) for name, path in _files(root, kept=True) if name != MARKER}
    text = json.dumps({"format": FORMAT, "files": files}, indent=0, sort_keys=True)
    return (text + "\n").encode("utf-8")


def record_rewritten(root: Path, names: list[str]) -> None:
    """After the dev server rewrote some files of a built site in place (its fast path
    after a save), put their new digests in the site's manifest: they are the build's
    own, and the next full build may replace the folder.  A folder without a manifest is
    left as it is."""
    recorded = _recorded(root)
    if recorded is None:
        return
    for name in names:
        path = root / name
        if path.is_file() and not path.is_symlink():
            recorded[name] = _digest(path)
    text = json.dumps({"format": FORMAT, "files": recorded}, indent=0, sort_keys=True)
    partial = root / f"{MARKER}.tmp"
    partial.write_bytes((text + "\n").encode("utf-8"))
    partial.replace(root / MARKER)


def _recorded(folder: Path) -> dict[str, str] | None:
    """The manifest in ``folder``'s marker, or None when there is no such manifest."""
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        return None
    try:
        data = json.loads(marker.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    files = data.get("files")
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        return None
    return files


def _odd(path: Path) -> bool:
    """Whether ``path`` is a link, a FIFO, a device: nothing a site should carry."""
    return path.is_symlink() or (path.exists() and not (path.is_file() or path.is_dir()))


def not_ours(folder: Path) -> str | None:
    """Why ``folder`` is not a site this tool built (in Swedish), or None when it is one:
    its manifest names every file in it, with the bytes the build wrote."""
    recorded = _recorded(folder)
    if recorded is None:
        return "mappen saknar byggets förteckning över filerna den skrev"
    for name in KEPT:
        if _odd(folder / name):  # never copied into a site: a link could point anywhere
            return f"{name} är ingen vanlig fil eller mapp"
    for name, entry in _files(folder):
        if name == MARKER:
            continue
        linked_or_odd = entry.is_symlink() or not entry.is_file(follow_symlinks=False)
        if name not in recorded or linked_or_odd:
            return f"{name} skrevs inte av bygget"
        if _digest(entry) != recorded[name]:
            return f"{name} har ändrats sedan bygget"
    return None


def check_output(out: Path, keep: Path, built: bool = False) -> None:
    """Refuse to replace ``out`` unless it is absent, empty or a site this tool built, and
    never when it is, holds or lies inside the folder ``keep`` (the minutes).  ``out`` may
    be a symbolic link: its target is checked (and written).  ``built``: the caller found
    it, file for file, as the last build left it (:func:`~.recycle.tree_intact`)."""
    out, keep = out.absolute().resolve(), keep.absolute().resolve()
    if keep == out or keep.is_relative_to(out):
        raise UnsafeOutput(f"{out} innehåller minnesanteckningarna ({keep})")
    if out.is_relative_to(keep):
        # The next build would read the site's copies of the minutes as minutes.
        raise UnsafeOutput(f"{out} ligger i mappen med minnesanteckningarna ({keep})")
    if not out.exists():
        return
    if not out.is_dir():
        raise UnsafeOutput(f"{out} finns redan och är ingen mapp")
    if built or not any(out.iterdir()):
        return
    why = not_ours(out)
    if why is not None:
        raise UnsafeOutput(f"{out} är ingen webbplats byggd av mlr-minutes ({why})")


def carry_kept(old: Path, new: Path) -> list[tuple[Path, Path]]:
    """Put ``old``'s hand-placed entries (:data:`KEPT`) into the new site ``new``: files are
    copied (the live site keeps them until the swap), folders moved (a ``.git`` can be
    large); returns the moves, to be undone when the swap fails.  An entry the build
    wrote itself (a ``CNAME`` from the configuration) must have the same bytes; one the
    previous build wrote (unchanged since) is not carried over."""
    moved: list[tuple[Path, Path]] = []
    recorded = _recorded(old) or {}
    for name in KEPT:
        source, target = old / name, new / name
        if not source.exists() and not source.is_symlink():
            continue
        if _odd(source):
            raise UnsafeOutput(f"{source} är ingen vanlig fil eller mapp; den förs inte över")
        if source.is_file() and recorded.get(name) == _digest(source):
            continue
        if target.exists():
            same = source.is_file() and target.is_file()
            if same and source.read_bytes() == target.read_bytes():
                continue
            raise UnsafeOutput(
                f"{source} skiljer sig från den som bygget skriver ({name}); ta bort den ena"
            )
        if source.is_dir():
            source.rename(target)
            moved.append((target, source))
        else:
            shutil.copy2(source, target)
    return moved
