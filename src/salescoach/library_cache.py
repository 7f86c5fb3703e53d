"""A derived copy of the validated playbook library, so that a command which only reads the
playbooks (``show``, ``debrief``, ``prep``) does not parse and validate every YAML file each run.

One file per language and search path in the user cache directory (private), holding the
*stamp* of what it was made from: salescoach's, Python's and pydantic's versions, the stat of the
code that reads playbooks, and, for each directory on the search path, every playbook file's
path, size, modification and change times and inode. When anything differs (a file edited,
added, removed or renamed, a directory added to the search path, another version of the code)
the library is read again from the files and the copy replaced. Never kept:

- a library with problems: a broken file is found and reported again on every run;
- a library with a file changed less than :data:`RACY_SECONDS` ago: an edit within the same
  tick of the file system's clock, keeping the size, could leave the stamp as it was.

The copy holds the playbooks without their parsed documents (the line and column of every
field, most of the copy's weight): an entry reads its file again when a problem must be located.
It is a pickle, which runs code as it loads: it is read only when it is a regular file of
this user that no one else may write. Anything wrong with it (truncated, damaged, of another
shape) reads the files again; a copy that cannot be written only makes the next run slower.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.digest import sha256_hex
from salescoach.playbook.sources import Source, playbook_files
from salescoach.store.owned import own_file

if TYPE_CHECKING:  # the model (pydantic) is imported when a library is read, not for a stamp
    from salescoach.playbook.library import Entry, Library

CACHE_DIR = "playbooks"
FORMAT = 2
"""Bumped when what the copy holds changes shape."""

RACY_SECONDS = 2.0
"""A file changed this recently is not trusted to show its next change in its stat."""

_READER_CODE = ("playbook/*.py", "yamlio.py", "scalars.py", "errors.py")
"""The code whose files' stat is part of the stamp: what reads, validates and holds playbooks
(an editable install keeps its version while this code changes)."""

Stamp = tuple[Any, ...]


def cached_library(language: str, sources: Sequence[Source]) -> Library:
    """:meth:`Library.load` of ``sources`` for ``language``, from the cache when no playbook
    file (nor the code reading them) changed since it was kept."""
    from salescoach.playbook.library import Library

    stamp = _stamp(language, sources)
    if stamp is None:  # a file vanished while being listed: read what is there
        return Library.load(language, list(sources))
    path = cache_file(language, sources)
    found = _cached(path, stamp)
    if found is not None:
        return Library(language, list(sources), found)
    # Stamped before reading: a file changed meanwhile is kept under its old stamp, which the
    # next run finds different (never the other way round).
    library = Library.load(language, list(sources))
    if not library.problems and not recent(stamp[-1]):
        _keep(path, stamp, library.found)
    return library


def cache_file(language: str, sources: Sequence[Source]) -> Path:
    """Where the copy of this language's library on this search path is kept."""
    from salescoach.paths import cache_home

    where = "\0".join([language, *(f"{s.origin}\0{s.directory.absolute()}" for s in sources)])
    digest = sha256_hex(where.encode("utf-8", "surrogatepass"))[:32]
    return cache_home() / CACHE_DIR / f"{language}-{digest}.pickle"


def _stamp(language: str, sources: Sequence[Source]) -> Stamp | None:
    import pydantic

    import salescoach

    package = Path(salescoach.__file__).parent
    code = sorted(path for pattern in _READER_CODE for path in package.glob(pattern))
    try:
        return (
            FORMAT,
            salescoach.__version__,
            sys.version,
            pydantic.VERSION,
            language,
            tuple(file_stamp(path) for path in code),
            sources_stamp(sources),
        )
    except OSError:
        return None


def sources_stamp(sources: Sequence[Source]) -> tuple[tuple[str, str, tuple[FileStamp, ...]], ...]:
    """Each directory of the search path with the stamp of every playbook file in it (in the
    order the library reads them); OSError when a file vanishes while it is listed."""
    return tuple(
        (
            source.origin,
            str(source.directory.absolute()),
            tuple(file_stamp(path) for path in playbook_files(source.directory)),
        )
        for source in sources
    )


FileStamp = tuple[str, int, int, int, int]


def file_stamp(path: Path | str) -> FileStamp:
    """A file's path, size, modification and change times (ns) and inode: a file replaced,
    edited or touched has another (OSError if it cannot be stat-ed)."""
    status = os.stat(path)  # noqa: PTH116  (os.stat: one call, no Path objects made)
    return (str(path), status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def recent(sources: Iterable[Sequence[Any]], since_ns: int | None = None) -> bool:
    """Whether a playbook file of :func:`sources_stamp` changed less than
    :data:`RACY_SECONDS` before ``since_ns`` (default: now)."""
    return changed_lately((file for _, _, listed in sources for file in listed), since_ns)


def changed_lately(files: Iterable[Sequence[Any]], since_ns: int | None = None) -> bool:
    """Whether one of these file stamps changed less than :data:`RACY_SECONDS` before
    ``since_ns`` (default: now): an edit within the same tick of the clock, keeping the size,
    could leave such a stamp as it was."""
    limit = (time.time_ns() if since_ns is None else since_ns) - int(RACY_SECONDS * 1e9)
    return any(max(mtime, ctime) > limit for _, _, mtime, ctime, _ in files)


def _cached(path: Path, stamp: Stamp) -> list[Entry] | None:
    """The entries kept at ``path`` under this very stamp, else None."""
    from salescoach.playbook.library import Entry

    data = own_file(path)
    if data is None:
        return None
    try:
        kept = pickle.loads(data)  # noqa: S301  (the user's own private file, checked above)
    except Exception:  # noqa: BLE001  (a damaged pickle can raise anything: read the files)
        return None
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp):
        return None
    entries = kept[1]
    if not (isinstance(entries, list) and all(isinstance(e, Entry) for e in entries)):
        return None
    return entries


def _keep(path: Path, stamp: Stamp, entries: list[Entry]) -> None:
    # Without their documents (the positions of every field: seven times the models' time to
    # load): an entry reads its file again if a problem must be located (Entry.reread).
    kept = [replace(entry, document=None, reread=True) for entry in entries]
    with contextlib.suppress(pickle.PicklingError):
        keep_file(path, pickle.dumps((stamp, kept), protocol=pickle.HIGHEST_PROTOCOL))


def keep_file(path: Path, data: bytes) -> None:
    """Write a derived copy privately and atomically; a copy that cannot be written (a full
    disk, a read-only cache) only makes the next run slower."""
    from salescoach.store.atomic import atomic_write, private_dir

    with contextlib.suppress(OSError):
        private_dir(path.parent)
        atomic_write(path, data)
