"""``prep`` and ``debrief``: walk the method's playbooks and save the record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.state import conclude, prompter_for, state
from salescoach.errors import UsageError
from salescoach.flows import DEBRIEF_FLOW, PREP_FLOW
from salescoach.messages import message

AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="YAML file of answers, nested by playbook (meeting: {type: ...}); they are not asked.",
        exists=True,
        dir_okay=False,
        show_default=False,
    ),
]
NoInputOption = Annotated[
    bool,
    typer.Option(
        "--no-input",
        help="Never prompt: use --answers and defaults; exit 1 listing every missing answer.",
    ),
]
QuickOption = Annotated[
    bool,
    typer.Option(
        "--quick",
        help="The ten-minute walk: only the method's essentials; what is known is not asked.",
    ),
]
DepthOption = Annotated[
    str | None,
    typer.Option(
        "--depth",
        metavar="quick|standard|full",
        help="How much of the method to walk (default: the config's depth, else standard).",
        show_default=False,
    ),
]
ExampleOption = Annotated[
    bool,
    typer.Option(
        "--example-answers",
        help="Print a complete answers file built from the playbooks' examples, and exit.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command(name="prep")(prep)
    app.command(name="debrief")(debrief)
    app.command(name="edit")(edit)


def prep(
    ctx: typer.Context,
    account: Annotated[
        str | None,
        typer.Argument(
            metavar="ACCOUNT", help="The client account, e.g. ACME.", show_default=False
        ),
    ] = None,
    meeting_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="Meeting type: presentation, proposal-defence, discovery, negotiation, "
            "closing, dispute, account-review.",
            show_default=False,
        ),
    ] = None,
    flow: Annotated[
        str | None, typer.Option("--flow", help=f"Flow to walk (default: {PREP_FLOW}).")
    ] = None,
    playbook: Annotated[
        str | None, typer.Option("--playbook", help="Walk a single playbook instead of a flow.")
    ] = None,
    quick: QuickOption = False,
    depth: DepthOption = None,
    invite: Annotated[
        Path | None,
        typer.Option(
            "--invite",
            help="An invitation saved from your mail client (.ics): its date, time, attendees "
            "and company pre-fill the prep.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    example_answers: ExampleOption = False,
) -> None:
    """Prepare a meeting: objectives, OPA, discovery questions, MESORE, objections.

    Walks the prep flow of the method (chosen by meeting type), reusing what is known about the
    account, then saves the prep and shows the one-page prep sheet.

    Examples:

      salescoach prep ACME --type negotiation

      salescoach prep ACME --type negotiation --quick

      salescoach prep ACME --example-answers > acme.yaml

      salescoach prep ACME --answers acme.yaml --no-input

      salescoach prep --invite ~/Downloads/invite.ics
    """
    from salescoach.service.meetings import load_answers_file
    from salescoach.ui import render

    app_state = state(ctx)
    language = app_state.language
    if flow and playbook:
        raise UsageError(message(language, "not_both", first="--flow", second="--playbook"))
    meetings = app_state.meetings
    prefill = load_answers_file(answers)
    if invite is not None:
        from salescoach.cli.invite import invitation_answers

        account, prefill = invitation_answers(app_state, invite, account, prefill)
    started = meetings.start_prep(
        account,
        meeting_type=meeting_type,
        target=playbook or flow or PREP_FLOW,
        answers=prefill,
        answers_source=str(answers or "arguments"),
        no_input=no_input,
        depth=app_state.depth(quick, depth),
    )
    if example_answers:
        sys.stdout.write(meetings.example_answers(started))
        return
    if not no_input:

        def known_of(name: str) -> None:
            render.account_recap(language, name, meetings.account_recap(started, name))

        if account:
            known_of(account)
        else:  # typed at the first prompt: shown once typed, before what it changes is asked
            started.session.on_answer["meeting.account"] = known_of
    elif account:  # nothing to show but what could not be carried forward
        render.skipped(language, meetings.account_recap(started, account).unreadable)
    conclude(language, meetings.walk(started, prompter_for(no_input, language)))


def debrief(
    ctx: typer.Context,
    meeting: Annotated[
        str | None,
        typer.Argument(
            metavar="MEETING",
            help="The meeting id (or a unique part of it) from `salescoach list`.",
            show_default=False,
        ),
    ] = None,
    last: Annotated[
        bool, typer.Option("--last", help="Debrief the latest prep that has no debrief yet.")
    ] = False,
    flow: Annotated[
        str | None, typer.Option("--flow", help=f"Flow to walk (default: {DEBRIEF_FLOW}).")
    ] = None,
    quick: QuickOption = False,
    depth: DepthOption = None,
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    example_answers: ExampleOption = False,
) -> None:
    """Record the debrief of a prepared meeting, while memory is fresh.

    Objectives reached or not, what was learned at each level of the funnel, objections met,
    commitments on both sides, next steps with dates, and the project's new maturation phase.
    Without MEETING (or with --last), the latest prep still waiting for its debrief.
    """
    from salescoach.cli.debriefing import start_debrief, walk_debrief

    app_state = state(ctx)
    started = start_debrief(
        app_state,
        meeting,
        last=last,
        flow=flow,
        quick=quick,
        depth=depth,
        answers=answers,
        no_input=no_input,
    )
    if example_answers:
        sys.stdout.write(app_state.meetings.example_answers(started))
        return
    walk_debrief(app_state, started, no_input=no_input)


def edit(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Argument(
            metavar="MEETING",
            help="The meeting id (or a unique part of it) from `salescoach list`.",
        ),
    ],
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="Which record to edit: prep | debrief.")
    ] = "prep",
    depth: Annotated[
        str | None,
        typer.Option(
            "--depth",
            metavar="standard|full",
            help="Go deeper: ask only what this depth adds to the record's, keeping every answer.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Walk an existing prep or debrief again, its answers as defaults, and rewrite it.

    Enter keeps an answer; the meeting id, the creation date and your free notes are kept.
    With --depth deeper than the record's (a quick prep, then --depth standard), only the
    questions the deeper walk adds are asked.
    """
    app_state = state(ctx)
    meetings = app_state.meetings
    started = meetings.start_edit(meeting, kind, app_state.depth(False, depth) if depth else None)
    language = started.language  # the record's, unless --lang says otherwise
    conclude(language, meetings.walk(started, prompter_for(False, language)))
