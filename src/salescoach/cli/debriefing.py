"""How ``salescoach debrief`` finds its prep and starts, without Typer: the Typer command
(:func:`salescoach.cli.prep.debrief`) and the plain ``debrief … --example-answers``
(:mod:`salescoach.cli.direct_records`) both call :func:`start_debrief`."""

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
