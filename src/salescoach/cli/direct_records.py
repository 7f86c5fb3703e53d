"""``show MEETING`` and ``debrief [MEETING | --last]`` run without Typer
when their arguments are plain.

As for ``search`` and the reports (:mod:`salescoach.cli.direct`,
:mod:`salescoach.cli.direct_reports`): importing Typer and its click is about a third of what
``show`` costs at 100,000 records. So :func:`run_records_direct` reads the command line itself
when it has only these shapes —

- before the command, the global options (``--home DIR``, ``--lang en|fr``, ``--debug``);
- ``show`` with its MEETING and the options of :data:`SHOW` (``--sheet``, ``--html``,
  ``--pdf`` and ``-o`` are left to Typer);
- ``debrief`` with at most one MEETING and the options of :data:`DEBRIEF`, the walk that
  prompts included: what a rep waits for before the first question (``--answers`` and
  ``--no-input`` are left to Typer);

the options read as :mod:`salescoach.cli.plain_options` reads every plain command line — and
runs the command's body (:func:`salescoach.cli.showing.show_meeting`,
:func:`salescoach.cli.debriefing.start_debrief` and ``walk_debrief``) through the same error
edge as the app.
Anything else (help, a typo, an option it does not take) is left to Typer (``None``). The
tables repeat what :mod:`salescoach.cli.records` and :mod:`salescoach.cli.prep` declare; a
test keeps them equal and runs command lines both ways.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from salescoach.cli.direct import run_command
from salescoach.cli.plain_options import FLAG, TEXT, Option, Table, read_global, read_options

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

SHOW: Table = {
    "--kind": Option("kind", TEXT),
    "-k": Option("kind", TEXT),
    "--json": Option("as_json", FLAG),
    "--markdown": Option("as_markdown", FLAG),
}
"""``show``'s options taken here: flag → parameter of ``show_meeting``."""
DEBRIEF: Table = {
    "--last": Option("last", FLAG),
    "--flow": Option("flow", TEXT),
    "--quick": Option("quick", FLAG),
    "--depth": Option("depth", TEXT),
    "--example-answers": Option("example_answers", FLAG),
}
"""``debrief``'s options taken here: flag → parameter of ``start_debrief``."""
COMMANDS = {"show": SHOW, "debrief": DEBRIEF}
WORDS = {"show": (1, 1), "debrief": (0, 1)}
"""How many arguments (MEETING) each command takes: at least, at most."""


def run_records_direct(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain ``show`` or ``debrief`` and return the exit code;
    ``None`` (nothing done) for anything to leave to Typer."""
    found = read_global(argv)
    if found is None:
        return None
    global_options, at = found
    command = argv[at] if at < len(argv) else ""
    if command not in COMMANDS:
        return None
    read = read_options(argv[at + 1 :], COMMANDS[command])
    if read is None:
        return None
    options, words = read
    fewest, most = WORDS[command]
    if not fewest <= len(words) <= most:
        return None
    return run_command(
        argv, global_options, lambda app_state: _run(app_state, command, options, words)
    )


def _run(app_state: AppState, command: str, options: dict[str, Any], words: list[str]) -> None:
    """Run the command as its Typer command would, with its options' defaults."""
    if command == "show":
        from salescoach.cli.showing import show_meeting

        show_meeting(app_state, words[0], **options)
        return
    from salescoach.cli.debriefing import start_debrief, walk_debrief

    example_answers = options.pop("example_answers")
    started = start_debrief(app_state, words[0] if words else None, **options)
    if example_answers:
        sys.stdout.write(app_state.meetings.example_answers(started))
        return
    walk_debrief(app_state, started)
