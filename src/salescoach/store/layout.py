"""The folder layout of a data home, in one place: the repository and the index both read it.

::

    <home>/accounts/<account-slug>/account.yaml          real name, slug, facts about the account
    <home>/accounts/<account-slug>/<meeting-id>/prep.md
    <home>/accounts/<account-slug>/<meeting-id>/debrief.md
    <home>/drafts/<draft-id>.yaml                         interrupted sessions (git-ignored)
    <home>/.gitignore                                     written with the home

The index and the lock files are not in the home: see :mod:`salescoach.store.local`.

Which entries count is decided here too, so every reader sees the same records: names starting
with a dot and temporary files are not folders of the layout; an account folder that is a
symbolic link to another account folder of the same home is an alias, not a second account.
"""

from __future__ import annotations

import os
from pathlib import Path

ACCOUNTS_DIR = "accounts"
ACCOUNT_FILE = "account.yaml"
ACCOUNT_SCHEMA = 1
"""The version of ``account.yaml``'s fields this salescoach writes (and the newest it reads)."""
DRILL_FILE = "drill.yaml"
"""A rep's drill schedule and ratings (:mod:`salescoach.drill.log`), at the home's top."""
ONBOARDING_FILE = "onboarding.yaml"
"""A rep's integration checklist (:mod:`salescoach.onboarding`), at the home's top."""
DRAFTS_DIR = "drafts"
KINDS = ("prep", "debrief")
RECORD_SUFFIX = ".md"


def accounts_dir(home: Path) -> Path:
    """The folder that holds one folder per account."""
    return Path(home) / ACCOUNTS_DIR


def record_name(kind: str) -> str:
    """The file name of a meeting's ``kind`` record: ``prep.md``, ``debrief.md``."""
    return f"{kind}{RECORD_SUFFIX}"


def record_relative(account_folder: str, meeting: str, kind: str) -> str:
    """A record's path relative to the home, with ``/`` whatever the platform (the index key)."""
    return f"{ACCOUNTS_DIR}/{account_folder}/{meeting}/{record_name(kind)}"


def record_parts(relative: tuple[str, ...]) -> tuple[str, str, str] | None:
    """``(account folder, meeting, kind)`` of a path relative to the home, or None if the path
    is not where a record lives."""
    if len(relative) != 4 or relative[0] != ACCOUNTS_DIR:
        return None
    kind, _, suffix = relative[3].rpartition(".")
    if f".{suffix}" != RECORD_SUFFIX or kind not in KINDS:
        return None
    return relative[1], relative[2], kind


def _counts(name: str) -> bool:
    from salescoach.store.atomic import is_temp_name

    return not name.startswith(".") and not is_temp_name(name)


def account_entries(home: Path) -> list[os.DirEntry[str]]:
    """The account folders of a home, sorted by name (aliases and hidden entries left out)."""
    base = accounts_dir(home)
    try:
        entries = sorted(os.scandir(base), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    real_base: Path | None = None
    folders = []
    for entry in entries:
        try:
            if not _counts(entry.name) or not entry.is_dir():
                continue
            if entry.is_symlink():
                real_base = real_base or base.resolve()
                if _resolves_into(Path(entry.path), real_base):
                    continue  # the folder it points to is listed under its own name
        except OSError:
            continue
        folders.append(entry)
    return folders


def _resolves_into(link: Path, real_base: Path) -> bool:
    try:
        return link.resolve().parent == real_base
    except (OSError, RuntimeError):
        return False


def meeting_names(account_folder: Path | str | int) -> list[str]:
    """The names in an account folder that may be meeting folders, sorted: those
    :func:`meeting_entries` keeps, and also entries that are not folders (``account.yaml``),
    which it leaves out. For a caller that stats the record files inside each name anyway (the
    index at every open): the stat tells a file from a folder, and a name list costs a tenth
    of the :class:`os.DirEntry` objects. ``account_folder`` may be an open descriptor of it."""
    try:
        names = os.listdir(account_folder)  # noqa: PTH208  (names only; a descriptor too)
    except OSError:
        return []
    # A temporary file's name starts with a dot too (:func:`_counts`).
    return sorted(name for name in names if not name.startswith("."))


def meeting_entries(account_folder: Path | str) -> list[os.DirEntry[str]]:
    """The meeting folders of an account folder, sorted by name."""
    try:
        entries = sorted(os.scandir(account_folder), key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if _counts(entry.name) and entry.is_dir():
                found.append(entry)
        except OSError:
            continue
    return found


def is_home(folder: Path) -> bool:
    """Whether ``folder`` looks like a data home: it holds ``accounts/`` or a drill log."""
    try:
        return (Path(folder) / ACCOUNTS_DIR).is_dir() or (Path(folder) / "drill.yaml").is_file()
    except OSError:
        return False


def homes_under(folder: Path) -> list[Path]:
    """The data homes in a team folder, by name: each sub-folder that is a home (a team
    repository with one folder per rep, or reps' clones side by side); ``folder`` itself
    when it is a home and holds none."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if _counts(entry.name) and entry.is_dir() and is_home(Path(entry.path)):
                found.append(Path(entry.path))
        except OSError:
            continue
    if not found and is_home(Path(folder)):
        return [Path(folder)]
    return found
