"""Opening a file in the user's editor: ``$VISUAL``, else ``$EDITOR``, on every platform.

The variable holds a command line (``code --wait``, ``vim -u NONE``) or just a program's path,
which on Windows has backslashes and often spaces (``C:\\Program Files\\Notepad++\\notepad++.exe``):
POSIX shell splitting would eat the backslashes, so a value that names an existing file is
taken whole, and Windows command lines are split the Windows way.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path

from salescoach.errors import SalescoachError
from salescoach.messages import message


def split_command(value: str, *, windows: bool | None = None) -> list[str]:
    """The program and arguments of an editor setting."""
    windows = os.name == "nt" if windows is None else windows
    stripped = value.strip()
    unquoted = stripped.strip('"')
    if Path(unquoted).is_file() or _looks_like_a_lone_path(unquoted):
        return [unquoted]
    if not windows:
        return shlex.split(stripped)
    return [part.strip('"') for part in shlex.split(stripped, posix=False)]


def _looks_like_a_lone_path(value: str) -> bool:
    """``C:\\Windows\\notepad.exe``: a Windows path with no argument after the program."""
    lowered = value.lower()
    return lowered.endswith((".exe", ".cmd", ".bat", ".com")) and (":" in value or "\\" in value)


def editor_command(language: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run; a :class:`SalescoachError` saying how to choose one when none is set."""
    environ = os.environ if environ is None else environ
    value = environ.get("VISUAL") or environ.get("EDITOR")
    if not value or not value.strip():
        raise SalescoachError(
            message(language, "no_editor"), hint=message(language, "no_editor_hint")
        )
    return split_command(value)


def run_editor(language: str, command: list[str], path: Path) -> int:
    """Open ``path`` in the editor and wait for it to close; its exit status."""
    try:
        done = subprocess.run([*command, str(path)], check=False)
    except OSError as error:
        raise SalescoachError(
            message(language, "editor_failed", editor=command[0], why=error.strerror or error),
            hint=message(language, "editor_failed_hint"),
        ) from None
    return done.returncode
