"""What belongs to this machine rather than to the records: kept out of the data home.

A home shared through git holds records, account files and the drill log. The rest is derived
or local and lives in the user cache directory, one folder per home
(``<cache>/homes/<home-name>-<hash of its real path>/``): the index with its full-text table,
the index's stale mark and the lock files. Deleting that folder at any time loses nothing: the
index is rebuilt from the records and the locks are made again.

Drafts are a rep's unfinished sessions: they cannot be rebuilt, so they stay in the home, but
they are this machine's. The ``.gitignore`` written when a home is created keeps them — and the
files older versions of salescoach left in the home — out of git.
"""

from __future__ import annotations

import os
from pathlib import Path

from salescoach.paths import cache_home

HOMES_DIR = "homes"
LOCKS = "locks"
GITIGNORE = ".gitignore"
GITIGNORE_LINES = (
    "# Written by salescoach: what is local to this machine is not shared.",
    "/drafts/",
    "# left in the home by older versions (now in the user cache directory)",
    "/.index.sqlite3*",
    "/.index.stale",
    "/.locks/",
    "# temporary files of a write in progress, and backups of a record that lost its notes",
    ".*.tmp-*",
    "*.bak",
)
GITIGNORE_TEXT = "\n".join(GITIGNORE_LINES) + "\n"


def local_dir(home: Path) -> Path:
    """The machine-local folder of the data home ``home`` in the user cache (not created)."""
    from salescoach.digest import sha256_hex
    from salescoach.store.slug import slugify

    real = os.path.realpath(Path(home).expanduser())
    digest = sha256_hex(real.encode("utf-8", "surrogateescape"))[:16]
    name = slugify(Path(real).name or "home", fallback="home")[:40]
    return cache_home() / HOMES_DIR / f"{name}-{digest}"


def locks_dir(home: Path) -> Path:
    """Where the lock files of ``home`` are (not created)."""
    return local_dir(home) / LOCKS


def write_gitignore(home: Path) -> bool:
    """Write the home's ``.gitignore`` unless it has one; True if written.

    Called when a home is created (and by ``init --git``): a file the team wrote is left as it
    is — see :func:`missing_ignores` for what ``init`` adds to one.
    """
    from salescoach.store.atomic import atomic_write

    path = Path(home) / GITIGNORE
    if os.path.lexists(path):
        return False
    try:
        atomic_write(path, GITIGNORE_TEXT, exclusive=True)
    except FileExistsError:
        return False
    return True


def missing_ignores(text: str) -> list[str]:
    """The lines of salescoach's ``.gitignore`` (comments aside) that ``text`` lacks."""
    present = {line.strip() for line in text.splitlines()}
    return [line for line in GITIGNORE_LINES if not line.startswith("#") and line not in present]
