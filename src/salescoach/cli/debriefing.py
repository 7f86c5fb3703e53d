"""What ``salescoach debrief`` does, without Typer: the Typer command
(:func:`salescoach.cli.prep.debrief`) and the plain command line
(:mod:`salescoach.cli.direct_records`) both call :func:`start_debrief` (find the prep, make
the session) then :func:`walk_debrief` (ask, save, offer the recap)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.service.meetings import Started


def start_debrief(
    app_state: AppState,
    meeting: str | None,
    *,
    last: bool = False,
    flow: str | None = None,
    quick: bool = False,
    depth: str | None = None,
    answers: Path | None = None,
    no_input: bool = False,
) -> Started:
    """The debrief of ``meeting`` (a unique part of its id), else of the latest prep still
    waiting for one, ready to walk."""
    from salescoach.flows import DEBRIEF_FLOW

    if meeting and last:
        from salescoach.errors import UsageError
        from salescoach.messages import message

        raise UsageError(message(app_state.language, "not_both", first="MEETING", second="--last"))
    from salescoach.service.meetings import load_answers_file

    return app_state.meetings.start_debrief(
        meeting,
        target=flow or DEBRIEF_FLOW,
        answers=load_answers_file(answers),
        answers_source=str(answers or "arguments"),
        no_input=no_input,
        depth=app_state.depth(quick, depth),
    )


def walk_debrief(app_state: AppState, started: Started, *, no_input: bool = False) -> None:
    """Walk a started debrief in the terminal (or with no prompts, ``no_input``), save it,
    say how it ended (exit 130 after an interruption), then offer to draft the recap."""
    from salescoach.cli.state import conclude, prompter_for
    from salescoach.ui import render

    language = started.language  # the prep's, unless --lang says otherwise
    render.debrief_of(language, started.meeting)
    prompter = prompter_for(no_input, language)
    outcome = app_state.meetings.walk(started, prompter)
    conclude(language, outcome)
    if prompter is not None:
        from salescoach.cli.recap import offer_recap

        offer_recap(app_state, prompter, outcome)
