"""``salescoach search`` run without Typer when its arguments are plain.

Importing Typer (and the click it carries) takes about as long as ``grep -rli`` takes to look
through 10,000 records, and a search answers in a few milliseconds of its own: so
:func:`run_direct` reads the arguments itself when they have only these shapes —

- before the command, the global options ``--home DIR``, ``--lang en|fr``, ``--debug`` (and
  ``SALESCOACH_HOME`` for the home, as Typer reads it);
- then ``search`` and its words and options in any order, each option of :data:`SEARCH` at
  most once, given as ``--name value`` or ``-n value`` (a value that does not start with ``-``)
  or as a lone flag —

and runs :func:`salescoach.cli.searching.find` with them, through the same error edge as the app
(:func:`salescoach.cli.edge.handle`). Anything else — help, a typo, an option it does not know,
``--name=value``, a value Typer would refuse, ``--`` — is left to Typer (``None``), which
answers as it always has. The tables below repeat what :mod:`salescoach.cli.search` and
:func:`salescoach.cli.app.main` declare; a test keeps them equal and runs arguments both ways.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

COMMAND = "search"
HOME_ENV = "SALESCOACH_HOME"
COMPLETE_ENV = "_SALESCOACH_COMPLETE"
"""Set when the shell asks for completions: Typer's business."""
LANGUAGES = ("en", "fr")

FLAG, TEXT, COUNT = "flag", "text", "count"
"""An option's kind: a lone flag (True when given), any text, a whole number of at least 0."""
GLOBAL: dict[str, tuple[str, str]] = {
    "--home": ("home", TEXT),
    "--lang": ("lang", TEXT),
    "--debug": ("debug", FLAG),
}
"""The global options taken here (name → parameter, kind); ``--playbooks`` and ``--version``
are left to Typer."""
SEARCH: dict[str, tuple[str, str]] = {
    "--account": ("account", TEXT),
    "-a": ("account", TEXT),
    "--kind": ("kind", TEXT),
    "-k": ("kind", TEXT),
    "--type": ("meeting_type", TEXT),
    "-t": ("meeting_type", TEXT),
    "--since": ("since", TEXT),
    "--until": ("until", TEXT),
    "--limit": ("limit", COUNT),
    "-n": ("limit", COUNT),
    "--json": ("as_json", FLAG),
    "--rescan": ("rescan", FLAG),
}
"""``search``'s options: name → the parameter of :func:`~salescoach.cli.searching.find`, kind."""


def run_direct(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain search and return the exit code; ``None`` (nothing done)
    for anything to leave to Typer."""
    if os.environ.get(COMPLETE_ENV):
        return None
    if COMMAND not in argv:  # agenda, account, the reports, show, debrief: their own tables
        from salescoach.cli.direct_reports import run_report_direct

        code = run_report_direct(argv)
        if code is None:
            from salescoach.cli.direct_records import run_records_direct

            code = run_records_direct(argv)
        return code
    at = argv.index(COMMAND)
    given = _options(argv[:at], GLOBAL)
    found = _options(argv[at + 1 :], SEARCH)
    if given is None or given[1] or found is None or not found[1]:
        return None  # a global option it does not take, a word before the command, no words
    global_options, _ = given
    options, words = found
    if global_options.get("lang", "en") not in LANGUAGES:
        return None
    return run_command(argv, global_options, lambda app_state: _search(app_state, words, options))


def _search(app_state: AppState, words: list[str], options: dict[str, Any]) -> None:
    from salescoach.cli.searching import find

    find(app_state, words, **options)


def _options(
    arguments: list[str], table: dict[str, tuple[str, str]]
) -> tuple[dict[str, Any], list[str]] | None:
    """The options of ``table`` among ``arguments`` and the other arguments (the words);
    ``None`` for anything Typer must read: see the module docstring."""
    options: dict[str, Any] = {}
    words: list[str] = []
    pending = iter(arguments)
    for argument in pending:
        if not argument.startswith("-"):
            words.append(argument)
            continue
        parameter, kind = table.get(argument, ("", ""))
        if not parameter or parameter in options:
            return None
        if kind == FLAG:
            options[parameter] = True
            continue
        value = next(pending, None)
        if value is None or value.startswith("-"):
            return None
        if kind == COUNT:
            try:
                number = int(value)  # as click reads an int
            except ValueError:
                return None
            if number < 0:
                return None
            options[parameter] = number
        else:
            options[parameter] = value
    return options, words


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
