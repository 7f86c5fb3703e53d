"""``resume``: an interrupted prep or debrief goes on where it stopped; Ctrl-C keeps a draft."""

from __future__ import annotations

from typing import Annotated

import typer

from salescoach.cli.state import conclude, prompter_for, state


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command(name="resume")(resume)


def resume(
    ctx: typer.Context,
    draft_id: Annotated[
        str | None,
        typer.Argument(
            metavar="DRAFT", help="The draft to go on with; without it, list the drafts."
        ),
    ] = None,
) -> None:
    """Go on with an interrupted prep or debrief, at the first unanswered question.

    Ctrl-C (or closed input) during a prep or debrief keeps the answers given so far as a draft.
    Without DRAFT, list the drafts: account, meeting, flow, how far, when.
    """
    from salescoach.ui import render

    app_state = state(ctx)
    language = app_state.language
    meetings = app_state.meetings
    if draft_id is None:
        from salescoach.cli.reports import reference_or_none

        found = meetings.drafts.list()
        reference = reference_or_none(app_state) if found else None
        render.drafts(language, found, meetings.drafts.problems, reference)
        return
    started = meetings.start_resume(draft_id)
    language = started.language  # the draft's, unless --lang says otherwise
    prompter = prompter_for(False, language)
    render.resuming(started)
    conclude(language, meetings.walk(started, prompter))
