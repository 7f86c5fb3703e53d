"""``agenda``, ``account``, ``report …`` and ``list`` run without Typer when their arguments
are plain.

As for ``search`` (:mod:`salescoach.cli.direct`): importing Typer and its click took about as
long as a report takes over 100,000 records, so :func:`run_report_direct` reads the command line
itself when it has only these shapes —

- before the command, the global options (``--home DIR``, ``--lang en|fr``, ``--debug``);
- then one of :data:`COMMANDS` (``account`` with its one ACCOUNT argument), and its options in
  any order — ``report team``'s ``--home`` and ``--team`` as often as given — as
  :mod:`salescoach.cli.plain_options` reads every plain command line —

and runs :mod:`salescoach.cli.reporting`'s function (:mod:`salescoach.cli.listing`'s for
``list``) with them, through the same error edge as the app. Anything else (help, a typo, an
option it does not know, a number Typer would refuse) is left to Typer (``None``). The tables
repeat what :mod:`salescoach.cli.reports` and :mod:`salescoach.cli.records` declare; a test
keeps them equal and runs command lines both ways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salescoach.cli.direct import run_command
from salescoach.cli.plain_options import (
    AGENDA_DAYS,
    AGENDA_LIMIT,
    COUNT,
    FLAG,
    PATHS,
    POSITIVE,
    STUCK_AFTER,
    TEXT,
    Option,
    Table,
    read_global,
    read_options,
)

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

_JSON = {"--json": Option("as_json", FLAG)}
_RESCAN = {"--rescan": Option("rescan", FLAG)}
_TODAY = {"--today": Option("today", TEXT)}
COMMANDS: dict[tuple[str, ...], Table] = {
    ("agenda",): {
        "--days": Option("days", COUNT, AGENDA_DAYS),
        "--limit": Option("limit", COUNT, AGENDA_LIMIT),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
    ("account",): {**_JSON, **_RESCAN},
    ("report", "objections"): {**_JSON, **_RESCAN},
    ("report", "objectives"): {**_JSON, **_RESCAN},
    ("report", "phases"): {
        "--stuck-after": Option("stuck_after", POSITIVE, STUCK_AFTER),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
    ("report", "funnel"): {**_JSON, **_RESCAN},
    ("report", "team"): {
        "--home": Option("homes", PATHS),
        "--team": Option("teams", PATHS),
        **_JSON,
        **_TODAY,
        **_RESCAN,
    },
    ("list",): {
        "--account": Option("account", TEXT),
        "-a": Option("account", TEXT),
        "--kind": Option("kind", TEXT),
        "-k": Option("kind", TEXT),
        "--limit": Option("limit", COUNT),
        "-n": Option("limit", COUNT),
        **_JSON,
    },
}
"""Each command (its words) → its options."""
ARGUMENTS: dict[tuple[str, ...], int] = {("account",): 1}
"""How many arguments a command takes (the others take none)."""


def run_report_direct(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain report command and return the exit code; ``None``
    (nothing done) for anything to leave to Typer."""
    found = read_global(argv)
    if found is None:
        return None
    global_options, at = found
    command = tuple(argv[at : at + 2]) if argv[at : at + 1] == ["report"] else tuple(argv[at:][:1])
    if command not in COMMANDS:
        return None
    read = read_options(argv[at + len(command) :], COMMANDS[command])
    if read is None or len(read[1]) != ARGUMENTS.get(command, 0):
        return None
    options, words = read
    return run_command(
        argv, global_options, lambda app_state: _run(app_state, command, options, words)
    )


def _run(
    app_state: AppState, command: tuple[str, ...], options: dict[str, Any], words: list[str]
) -> None:
    """Run the command as its Typer command would (``options``: every one, its default where
    not given)."""
    if command == ("list",):
        from salescoach.cli.listing import list_records

        account, kind, limit = options["account"], options["kind"], options["limit"]
        list_records(app_state, account, kind, options["as_json"], limit)
        return
    from salescoach.cli import reporting

    as_json, rescan = options["as_json"], options["rescan"]
    today = options.get("today")  # the commands without --today compute as on today
    if command == ("report", "team"):
        homes, teams = options["homes"], options["teams"]
        reporting.team(app_state, homes, teams, as_json, today, rescan)
    elif command == ("account",):
        reporting.report(app_state, "account", as_json, rescan, account=words[0])
    elif command == ("agenda",):
        days, limit = options["days"], options["limit"]
        reporting.report(app_state, "agenda", as_json, rescan, today, days=days, limit=limit)
    elif command == ("report", "phases"):
        stuck_after = options["stuck_after"]
        reporting.report(app_state, "phases", as_json, rescan, today, stuck_after=stuck_after)
    else:
        reporting.report(app_state, command[1], as_json, rescan)
