"""``agenda``, ``account`` and ``report …`` run without Typer when their arguments are plain.

As for ``search`` (:mod:`salescoach.cli.direct`): importing Typer and its click took about as
long as a report takes over 100,000 records, so :func:`run_report_direct` reads the command line
itself when it has only these shapes —

- before the command, the global options :data:`~salescoach.cli.direct.GLOBAL` takes
  (``--home DIR``, ``--lang en|fr``, ``--debug``);
- then one of :data:`COMMANDS` (``account`` with its one ACCOUNT argument), and its options in
  any order, each at most once — ``report team``'s ``--home`` and ``--team`` as often as given —
  as ``--name value`` (a value that does not start with ``-``) or a lone flag —

and runs :mod:`salescoach.cli.reporting`'s function with them, through the same error edge as
the app. Anything else (help, a typo, an option it does not know, ``--name=value``, a number
Typer would refuse) is left to Typer (``None``). The tables repeat what
:mod:`salescoach.cli.reports` declares; a test keeps them equal and runs command lines both ways.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.cli.direct import COUNT, FLAG, GLOBAL, LANGUAGES, TEXT, run_command

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

POSITIVE = "positive"
"""An option's kind: a whole number of at least 1."""
PATHS = "paths"
"""An option's kind: a path, repeatable (a list of every one given)."""

_JSON = {"--json": ("as_json", FLAG)}
_RESCAN = {"--rescan": ("rescan", FLAG)}
_TODAY = {"--today": ("today", TEXT)}
COMMANDS: dict[tuple[str, ...], dict[str, tuple[str, str]]] = {
    ("agenda",): {
        "--days": ("days", COUNT),
        "--limit": ("limit", COUNT),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
    ("account",): {**_JSON, **_RESCAN},
    ("report", "objections"): {**_JSON, **_RESCAN},
    ("report", "objectives"): {**_JSON, **_RESCAN},
    ("report", "phases"): {
        "--stuck-after": ("stuck_after", POSITIVE),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
    ("report", "funnel"): {**_JSON, **_RESCAN},
    ("report", "team"): {
        "--home": ("homes", PATHS),
        "--team": ("teams", PATHS),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
}
"""Each command (its words) → its options: name → parameter, kind."""
ARGUMENTS: dict[tuple[str, ...], int] = {("account",): 1}
"""How many arguments a command takes (the others take none)."""
DEFAULTS: dict[str, Any] = {"days": 7, "limit": 30, "stuck_after": 90}
"""The options' defaults where they are not False or None (as the commands declare them)."""
_UNSET: dict[str, Any] = {
    "as_json": False,
    "rescan": False,
    "today": None,
    "homes": [],
    "teams": [],
}
"""What an option not given stands for, for the others."""


def run_report_direct(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain report command and return the exit code; ``None``
    (nothing done) for anything to leave to Typer."""
    found = _global_options(argv)
    if found is None:
        return None
    global_options, at = found
    command = tuple(argv[at : at + 2]) if argv[at : at + 1] == ["report"] else tuple(argv[at:][:1])
    if command not in COMMANDS:
        return None
    read = _options(argv[at + len(command) :], COMMANDS[command])
    if read is None or len(read[1]) != ARGUMENTS.get(command, 0):
        return None
    options, words = read
    return run_command(
        argv, global_options, lambda app_state: _run(app_state, command, options, words)
    )


def _global_options(argv: list[str]) -> tuple[dict[str, Any], int] | None:
    """The global options before the command, and where the command starts; ``None`` for
    anything Typer must read."""
    at = 0
    found: dict[str, Any] = {}
    while at < len(argv) and argv[at].startswith("-"):
        parameter, kind = GLOBAL.get(argv[at], ("", ""))
        if not parameter or parameter in found:
            return None
        if kind == FLAG:
            found[parameter] = True
            at += 1
            continue
        if at + 1 == len(argv) or argv[at + 1].startswith("-"):
            return None
        found[parameter] = argv[at + 1]
        at += 2
    if found.get("lang", "en") not in LANGUAGES:
        return None
    return found, at


def _run(
    app_state: AppState, command: tuple[str, ...], options: dict[str, Any], words: list[str]
) -> None:
    """Run the command as its Typer command would, with its options' defaults."""
    from salescoach.cli import reporting

    given = {**_UNSET, **DEFAULTS, **options}
    as_json, rescan, today = given["as_json"], given["rescan"], given["today"]
    if command == ("report", "team"):
        homes, teams = given["homes"], given["teams"]
        reporting.team(app_state, homes, teams, as_json, today, rescan)
    elif command == ("account",):
        reporting.report(app_state, "account", as_json, rescan, account=words[0])
    elif command == ("agenda",):
        days, limit = given["days"], given["limit"]
        reporting.report(app_state, "agenda", as_json, rescan, today, days=days, limit=limit)
    elif command == ("report", "phases"):
        stuck_after = given["stuck_after"]
        reporting.report(app_state, "phases", as_json, rescan, today, stuck_after=stuck_after)
    else:
        reporting.report(app_state, command[1], as_json, rescan)


def _options(
    arguments: list[str], table: dict[str, tuple[str, str]]
) -> tuple[dict[str, Any], list[str]] | None:
    """The options of ``table`` among ``arguments`` and the other arguments; ``None`` for
    anything Typer must read: see the module docstring."""
    options: dict[str, Any] = {}
    words: list[str] = []
    pending = iter(arguments)
    for argument in pending:
        if not argument.startswith("-"):
            words.append(argument)
            continue
        parameter, kind = table.get(argument, ("", ""))
        if not parameter or (parameter in options and kind != PATHS):
            return None
        if kind == FLAG:
            options[parameter] = True
            continue
        value = next(pending, None)
        if value is None or value.startswith("-"):
            return None
        if kind in (COUNT, POSITIVE):
            try:
                number = int(value)  # as click reads an int
            except ValueError:
                return None
            if number < (1 if kind == POSITIVE else 0):
                return None
            options[parameter] = number
        elif kind == PATHS:
            options.setdefault(parameter, []).append(Path(value))
        else:
            options[parameter] = value
    return options, words
