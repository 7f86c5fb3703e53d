"""Long output goes through a pager when standard output is a terminal.

What a command prints inside :func:`paged` is captured; if it is taller than the terminal it is
handed to ``$SALESCOACH_PAGER``, else ``$PAGER``, else ``less`` (``more`` on Windows) — with
``LESS=FRX`` unless ``LESS`` is set, so colours pass and a short text is not paged, and
``LESSCHARSET=utf-8`` unless set, since the text is handed over in UTF-8. Otherwise, or
in a pipe, it is written as it is. ``SALESCOACH_PAGER=`` (empty) or ``cat`` turns paging off.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from salescoach.ui.plain import plain_stream

if TYPE_CHECKING:
    from rich.console import Console

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
def paged(screen: Console | None = None) -> Iterator[None]:
    """Page what is printed on ``screen`` (standard output) inside the block, when it is long."""
    if screen is None and plain_stream() is not None:  # a pipe: no pager, and no Rich to import
        yield
        return
    from salescoach.ui import console

    screen = screen or console.out
    if not screen.is_terminal:
        yield
        return
    with screen.capture() as captured:
        yield
    text = captured.get()
    command = pager_command()
    if command is None or text.count("\n") < screen.height - 1:
        _write(screen, text)
        return
    show_in_pager(command, text, screen)


def _write(screen: Console, text: str) -> None:
    screen.file.write(text)
    screen.file.flush()


def show_in_pager(command: list[str], text: str, screen: Console | None = None) -> None:
    """Run the pager on ``text``; if it cannot start, write the text instead."""
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    # The text goes in as UTF-8 whatever the locale says: under LANG=C less would otherwise
    # show <E2><80><94> for every dash.
    environment.setdefault("LESSCHARSET", "utf-8")
    try:
        subprocess.run(
            command, input=text.encode("utf-8"), env=environment, check=False, stderr=None
        )
    except OSError:
        from salescoach.ui import console

        _write(screen or console.out, text)
