"""Reading back a file salescoach keeps for itself (a cache beside the index, in the user cache).

Such a file is only trusted when it is the one salescoach wrote: a regular file, not a link, of
this user, writable by no one else. Anything else reads as no file at all, so the caller builds
its data again from the sources.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def own_file(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of this user writable by no one else."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        mine = not hasattr(os, "getuid") or status.st_uid == os.getuid()
        if not (stat.S_ISREG(status.st_mode) and mine and not status.st_mode & 0o022):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)
