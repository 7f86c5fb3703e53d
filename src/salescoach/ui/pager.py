"""Long output goes through a pager when standard output is a terminal.

What a command prints inside :func:`paged` is captured; if it is taller than the terminal it is
handed to ``$SALESCOACH_PAGER``, else ``$PAGER``, else ``less`` (``more`` on Windows) — with
``LESS=FRX`` unless ``LESS`` is set, so colours pass and a short text is not paged. Otherwise, or
in a pipe, it is written as it is. ``SALESCOACH_PAGER=`` (empty) or ``cat`` turns paging off.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from salescoach.ui import console

PAGER_ENV = "SALESCOACH_PAGER"


def pager_command() -> list[str] | None:
    """The pager to run, or None when paging is off or no pager is installed."""
    chosen = os.environ.get(PAGER_ENV)
    if chosen is None:
        chosen = os.environ.get("PAGER")
    if chosen is None:
        chosen = "more" if os.name == "nt" else "less"
    words = shlex.split(chosen, posix=os.name != "nt")
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


@contextmanager
def paged() -> Iterator[None]:
    """Page what is printed on standard output inside the block, when it is long."""
    screen = console.out
    if not screen.is_terminal:
        yield
        return
    with screen.capture() as captured:
        yield
    text = captured.get()
    command = pager_command()
    if command is None or text.count("\n") < screen.height - 1:
        _write(text)
        return
    show_in_pager(command, text)


def _write(text: str) -> None:
    screen = console.out
    screen.file.write(text)
    screen.file.flush()


def show_in_pager(command: list[str], text: str) -> None:
    """Run the pager on ``text``; if it cannot start, write the text instead."""
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    try:
        subprocess.run(
            command, input=text.encode("utf-8"), env=environment, check=False, stderr=None
        )
    except OSError:
        _write(text)
