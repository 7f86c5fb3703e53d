"""``salescoach search`` run without Typer when its arguments are plain.

Importing Typer (and the click it carries) takes about as long as ``grep -rli`` takes to look
through 10,000 records, and a search answers in a few milliseconds of its own: so
:func:`run_direct` reads the arguments itself when they have only these shapes —

- the global options (:data:`~salescoach.cli.plain_options.GLOBAL`: ``--home DIR``, ``--lang
  en|fr``, ``--debug``, and ``SALESCOACH_HOME`` for the home, as Typer reads it);
- then ``search``, its words and the options of :data:`SEARCH` in any order, as
  :mod:`salescoach.cli.plain_options` reads every plain command line —

and runs :func:`salescoach.cli.searching.find` with them, through the same error edge as the app
(:func:`salescoach.cli.edge.handle`). Anything else — help, a typo, an option it does not know,
a value Typer would refuse, ``--`` — is left to Typer (``None``), which answers as it always
has. The table repeats what :mod:`salescoach.cli.search` declares; a test keeps them equal and
runs arguments both ways.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.cli.plain_options import (
    COUNT,
    FLAG,
    SEARCH_LIMIT,
    TEXT,
    Option,
    Table,
    read_global,
    read_options,
)

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

COMMAND = "search"
HOME_ENV = "SALESCOACH_HOME"
COMPLETE_ENV = "_SALESCOACH_COMPLETE"
"""Set when the shell asks for completions: Typer's business."""
SEARCH: Table = {
    "--account": Option("account", TEXT),
    "-a": Option("account", TEXT),
    "--kind": Option("kind", TEXT),
    "-k": Option("kind", TEXT),
    "--type": Option("meeting_type", TEXT),
    "-t": Option("meeting_type", TEXT),
    "--since": Option("since", TEXT),
    "--until": Option("until", TEXT),
    "--limit": Option("limit", COUNT, SEARCH_LIMIT),
    "-n": Option("limit", COUNT, SEARCH_LIMIT),
    "--json": Option("as_json", FLAG),
    "--rescan": Option("rescan", FLAG),
}
"""``search``'s options: flag → the parameter of :func:`~salescoach.cli.searching.find`."""


def run_direct(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain search and return the exit code; ``None`` (nothing done)
    for anything to leave to Typer."""
    if os.environ.get(COMPLETE_ENV):
        return None
    given = read_global(argv)
    if given is None:
        return None
    global_options, at = given
    if argv[at : at + 1] != [COMMAND]:  # agenda, account, the reports, show, debrief
        from salescoach.cli.direct_reports import run_report_direct

        code = run_report_direct(argv)
        if code is None:
            from salescoach.cli.direct_records import run_records_direct

            code = run_records_direct(argv)
        return code
    found = read_options(argv[at + 1 :], SEARCH)
    if found is None or not found[1]:
        return None
    options, words = found
    return run_command(argv, global_options, lambda app_state: _search(app_state, words, options))


def _search(app_state: AppState, words: list[str], options: dict[str, Any]) -> None:
    from salescoach.cli.searching import find

    find(app_state, words, **options)


def run_command(
    argv: list[str], global_options: dict[str, Any], command: Callable[[AppState], None]
) -> int:
    """Run ``command`` with the app's state as the app would, and return its exit code."""
    from salescoach.cli.state import UNREADABLE, AppState, unless_unreadable

    UNREADABLE.clear()
    debug = bool(global_options.get("debug")) or bool(os.environ.get("SALESCOACH_DEBUG"))
    # As Typer reads --home: the option (even empty: the current folder), else the variable
    # when it is set and not empty.
    if "home" in global_options:
        home: Path | None = Path(global_options["home"])
    else:
        variable = os.environ.get(HOME_ENV)
        home = Path(variable) if variable else None
    app_state = AppState(home=home, lang=global_options.get("lang"), debug=debug)
    try:
        try:
            command(app_state)
        except KeyboardInterrupt:
            return 130  # as Typer: interrupted, nothing more said
        except BrokenPipeError:
            # The reader went away (``| head``): as click, exit 1 without a word, and let
            # nothing more reach the closed pipe when Python flushes at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            return 1
    except Exception as failure:
        from salescoach.cli.edge import handle

        return handle(failure, argv=argv, debug=debug)
    return unless_unreadable(0, lambda: app_state.language)
