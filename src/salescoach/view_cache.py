"""The Markdown ``salescoach show MEETING`` printed, kept so that showing the meeting again
reads no YAML and validates nothing: no pydantic to import, which was two thirds of its time.

One JSON file per home, meeting, ``--kind`` and ``--lang`` in the user cache directory
(private), holding the documents shown (each record's body, then its notes) and the *stamp* of
what they were made from: salescoach's version and the stat of its code (and of the libraries
reading records: pydantic, PyYAML), the meeting's folder,
the stat of each record file it may hold (or that it is absent), and, for each language the
records were shown in, every playbook file on the search path (as
:mod:`salescoach.library_cache` stamps them). When anything differs — a record edited, even by
hand, a debrief added, a playbook or the config's search path changed, another version — the
meeting is shown from its files again and the copy replaced. The layout for the terminal (its
width, the colours, the pager) is made from the documents every time.

Only a meeting found as the repository finds it — its exact id, else the one id starting with
or containing what was typed — in one account folder, inside the home, is looked up here;
anything else (an id matching several, a meeting that does not exist, a link leading out of the
home) takes the full path, which says what is wrong. Never kept: a show that failed; documents made
from a file changed less than :data:`~salescoach.library_cache.RACY_SECONDS` before the run
began (see :func:`~salescoach.library_cache.changed_lately`). The copy is read back only when
it is a regular file of this user that no one else may write; anything wrong with it shows the
meeting from its files.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from salescoach.digest import sha256_hex
from salescoach.errors import StoreError
from salescoach.library_cache import (
    changed_lately,
    file_stamp,
    keep_file,
    recent,
    sources_stamp,
)
from salescoach.playbook.sources import Source
from salescoach.store.atomic import contained, is_temp_name
from salescoach.store.layout import KINDS, account_entries, record_name
from salescoach.store.owned import own_file

CACHE_DIR = "views"
FORMAT = 1
"""Bumped when what the copy holds changes shape."""

_MEETING_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,200}")
"""An id looked up here (what :meth:`Repository.resolve_meeting` takes as exact, shorter)."""

SourcesOf = Callable[[str], Sequence[Source]]
"""The playbook search path of a language."""


def view_file(home: Path, meeting_id: str, kind: str | None, lang: str | None) -> Path:
    """Where the view of a meeting (one kind of record, or both; in ``--lang``) is kept."""
    from salescoach.paths import cache_home

    where = "\0".join([str(home), meeting_id, kind or "", lang or ""])
    digest = sha256_hex(where.encode("utf-8", "surrogatepass"))[:32]
    return cache_home() / CACHE_DIR / f"{digest}.json"


def find_meeting(home: Path, query: str) -> tuple[str, Path] | None:
    """The meeting ``query`` designates and its folder, as
    :meth:`~salescoach.store.repository.Repository.resolve_meeting` finds it (the exact id,
    else the one id starting with it, else the one containing it), when that is one meeting in
    one account folder inside the home; None for anything else (the repository then says what
    is wrong)."""
    wanted = query.strip().lower()
    if not wanted:
        return None
    found = meeting_folder(home, wanted) if _MEETING_ID.fullmatch(wanted) else None
    if found is not None:
        return wanted, found
    # The names of every account folder as plain strings, those containing what was typed
    # kept, then only they looked at (50,000 meeting folders at 100,000 records).
    candidates = sorted(
        name
        for account in account_entries(home)
        for name in _names(account.path)
        if wanted in name and _is_meeting(f"{account.path}{os.sep}{name}", name)
    )
    if wanted in candidates:  # in several folders (or not one to look up here)
        return None
    for matches in (
        [meeting for meeting in candidates if meeting.startswith(wanted)],
        candidates,
    ):
        if len(matches) == 1:
            folder = meeting_folder(home, matches[0])
            return None if folder is None else (matches[0], folder)
        if matches:
            return None
    return None


def _names(folder: str) -> list[str]:
    """The names in a folder (unsorted: only those matching are sorted); none if unreadable."""
    try:
        return os.listdir(folder)  # noqa: PTH208  (names only)
    except OSError:
        return []


def _is_meeting(path: str, name: str) -> bool:
    """Whether an account folder's entry is a meeting folder, as
    :func:`~salescoach.store.layout.meeting_entries` keeps them."""
    return not name.startswith(".") and not is_temp_name(name) and os.path.isdir(path)  # noqa: PTH112


def kept_view(
    home: Path,
    meeting: tuple[str, Path],
    kind: str | None,
    lang: str | None,
    sources_of: SourcesOf,
) -> list[str] | None:
    """The documents kept for a meeting (its id and folder, from :func:`find_meeting`) when
    nothing they were made from changed, else None (show it from the files)."""
    meeting_id, folder = meeting
    data = own_file(view_file(home, meeting_id, kind, lang))
    if data is None:
        return None
    try:
        kept = json.loads(data)
        languages, documents = kept["languages"], kept["documents"]
        if not (_strings(languages) and _strings(documents)):
            return None
        now = _stamp(home, folder, kind, languages, sources_of)
    except (ValueError, KeyError, TypeError, OSError):
        return None
    if now is None or kept.get("stamp") != now:
        return None
    return list(documents)


def keep_view(
    home: Path,
    meeting_id: str,
    kind: str | None,
    lang: str | None,
    shown: tuple[list[str], list[str]],
    sources_of: SourcesOf,
    began_ns: int,
    folder: Path | None = None,
) -> None:
    """Keep the ``shown`` documents of a meeting and the languages of its records (shown from
    its files by a run that began at ``began_ns``), unless a file they came from changed too
    recently to trust its stat. ``folder``: the meeting's, when :func:`find_meeting` found it."""
    languages, documents = shown
    folder = folder or meeting_folder(home, meeting_id)
    if folder is None:
        return
    try:
        stamp = _stamp(home, folder, kind, languages, sources_of)
    except OSError:
        return
    if stamp is None:
        return
    records = [found for found in stamp[-2] if found is not None]
    if changed_lately(records, began_ns) or recent(stamp[-1], began_ns):
        return
    entry = {"stamp": stamp, "languages": languages, "documents": documents}
    data = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
    keep_file(view_file(home, meeting_id, kind, lang), data)


def meeting_folder(home: Path, meeting_id: str) -> Path | None:
    """The folder of ``meeting_id`` when exactly one account folder holds it and it stays
    inside the home; None otherwise."""
    isdir = os.path.isdir  # noqa: PTH112  (a thousand folders: strings, not Path objects)
    found = [entry.path for entry in account_entries(home) if isdir(f"{entry.path}/{meeting_id}")]
    if len(found) != 1:
        return None
    try:
        return contained(home, Path(found[0], meeting_id))
    except StoreError:
        return None


def _stamp(
    home: Path, folder: Path, kind: str | None, languages: list[str], sources_of: SourcesOf
) -> list[Any] | None:
    """What a view is made from, as JSON holds it (lists, strings and numbers); None when a
    record file is not one to look up here (a link leading out, not a regular file)."""
    records: list[list[Any] | None] = []
    for wanted in (kind,) if kind else KINDS:
        usable, found = _record_stamp(home, folder / record_name(wanted))
        if not usable:
            return None
        records.append(found)
    playbooks = [
        [origin, where, [list(file) for file in files]]
        for language in languages
        for origin, where, files in sources_stamp(sources_of(language))
    ]
    return [FORMAT, *_code_stamp(), str(folder), records, playbooks]


def _record_stamp(home: Path, path: Path) -> tuple[bool, list[Any] | None]:
    """Whether a record file may be looked up here (not a link leading out of the home, nor
    anything but a regular file), and its stamp (as
    :func:`~salescoach.library_cache.file_stamp`; None when there is no such file)."""
    try:
        contained(home, path)
        status = os.stat(path)  # noqa: PTH116  (one call, no Path objects made)
    except FileNotFoundError:
        return True, None
    except (OSError, StoreError):
        return False, None
    if not stat.S_ISREG(status.st_mode):
        return False, None
    stamp = [str(path), status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
    return True, stamp


def _code_stamp() -> list[Any]:
    """salescoach's and Python's versions and the stat of every module of salescoach (an
    editable install keeps its version while its code changes)."""
    import salescoach

    package = os.path.dirname(salescoach.__file__)  # noqa: PTH120
    files: list[list[Any]] = []
    folders = [package]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    status = entry.stat()
                    stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
                    files.append([entry.path, *stamp, status.st_ino])
                elif entry.is_dir() and not entry.name.startswith(("_", ".")):
                    folders.append(entry.path)
    return [salescoach.__version__, sys.version, sorted(files), _readers_stamp()]


_READERS = ("pydantic", "pydantic_core", "yaml")
"""The libraries that read and check a record: another version could read one otherwise."""


def _readers_stamp() -> list[Any]:
    """The stat of each reading library's ``__init__.py``, found without importing it (an
    upgrade replaces the file)."""
    from importlib.util import find_spec

    found: list[Any] = []
    for name in _READERS:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        found.append(list(file_stamp(origin)) if origin else [name])
    return found


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
