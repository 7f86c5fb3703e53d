"""``prep`` and ``debrief``: walk the method's playbooks and save the record."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salescoach.cli.drafts import walk
from salescoach.cli.state import AppState, require_terminal, state
from salescoach.errors import UsageError
from salescoach.flows import DEBRIEF_FLOW, PREP_FLOW
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.session.prompter import Prompter
    from salescoach.workflow import Saved

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
            "closing, dispute.",
            show_default=False,
        ),
    ] = None,
    flow: Annotated[
        str | None, typer.Option("--flow", help=f"Flow to walk (default: {PREP_FLOW}).")
    ] = None,
    playbook: Annotated[
        str | None, typer.Option("--playbook", help="Walk a single playbook instead of a flow.")
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

      salescoach prep ACME --example-answers > acme.yaml

      salescoach prep ACME --answers acme.yaml --no-input
    """
    from salescoach.session.answers_file import load_answers
    from salescoach.session.engine import Session
    from salescoach.workflow import lazy_account_context, merge_prefill, save_prep

    app_state = state(ctx)
    if flow and playbook:
        raise UsageError("give --flow or --playbook, not both")
    target = playbook or flow or PREP_FLOW
    given: dict[str, Any] = {}
    if account:
        given.setdefault("meeting", {})["account"] = account
    if meeting_type:
        given.setdefault("meeting", {})["type"] = meeting_type
    prefill = merge_prefill(load_answers(answers) if answers else {}, given)
    library = app_state.library
    library.get(target)  # fail early, before any prompt, on an unknown flow
    if example_answers:
        _print_examples(app_state, target, prefill)
        return
    today = dt.date.today()
    session = Session(
        library,
        target,
        prompter_for(no_input, app_state.language),
        prefill=prefill,
        context={"account": lazy_account_context(app_state.repository, account)},
        no_input=no_input,
        today=today,
        prefill_source=str(answers or "arguments"),
        language=app_state.language,
    )
    if not no_input:
        _recap(app_state, account)
    session = walk(app_state, session, kind="prep", account=account)
    saved = save_prep(
        app_state.repository,
        library,
        session,
        account_name=account,
        language=app_state.language,
        today=today,
    )
    show_saved(saved)


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
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    example_answers: ExampleOption = False,
) -> None:
    """Record the debrief of a prepared meeting, while memory is fresh.

    Objectives reached or not, what was learned at each level of the funnel, objections met,
    commitments on both sides, next steps with dates, and the project's new maturation phase.
    Without MEETING (or with --last), the latest prep still waiting for its debrief.
    """
    from salescoach.session.answers_file import load_answers
    from salescoach.session.engine import Session
    from salescoach.workflow import (
        lazy_account_context,
        merge_prefill,
        prep_for_debrief,
        save_debrief,
    )

    app_state = state(ctx)
    if meeting and last:
        raise UsageError("give MEETING or --last, not both")
    repository = app_state.repository
    prep_record = prep_for_debrief(repository, meeting)
    target = flow or DEBRIEF_FLOW
    library = app_state.library
    library.get(target)
    prefill = merge_prefill(load_answers(answers) if answers else {})
    context: dict[str, Any] = {
        "prep": prep_record.answers,
        "account": lazy_account_context(repository, prep_record.account.name),
    }
    if example_answers:
        _print_examples(app_state, target, prefill, context)
        return
    from salescoach.ui.console import err

    err.print(message(app_state.language, "debrief_of", meeting=prep_record.meeting), style="bold")
    session = Session(
        library,
        target,
        prompter_for(no_input, app_state.language),
        prefill=prefill,
        context=context,
        no_input=no_input,
        prefill_source=str(answers or "arguments"),
        language=app_state.language,
    )
    session = walk(
        app_state,
        session,
        kind="debrief",
        account=prep_record.account.name,
        meeting=prep_record.meeting,
    )
    saved = save_debrief(repository, library, session, prep_record, language=app_state.language)
    show_saved(saved)


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
) -> None:
    """Walk an existing prep or debrief again, its answers as defaults, and rewrite it.

    Enter keeps an answer; the meeting id, the creation date and your free notes are kept.
    """
    from salescoach.session.engine import Session
    from salescoach.workflow import lazy_account_context, update_record

    if kind not in ("prep", "debrief"):
        raise UsageError(f"--kind must be prep or debrief, not {kind!r}")
    app_state = state(ctx)
    repository = app_state.repository
    record = repository.load(repository.resolve_meeting(meeting), kind)
    context: dict[str, Any] = {"account": lazy_account_context(repository, record.account.name)}
    if kind == "debrief":
        context["prep"] = repository.load(record.meeting, "prep").answers
    session = Session(
        app_state.library,
        record.flow or (PREP_FLOW if kind == "prep" else DEBRIEF_FLOW),
        prompter_for(False, app_state.language),
        prefill=record.answers,
        context=context,
        edit=True,
        lenient=True,
        prefill_source=f"{kind} {record.meeting}",
        language=app_state.language,
    )
    session = walk(
        app_state, session, kind=kind, account=record.account.name, meeting=record.meeting
    )
    show_saved(update_record(repository, app_state.library, session, record))


def prompter_for(no_input: bool, language: str) -> Prompter | None:
    """The terminal prompter, or none with --no-input; refuses to prompt without a terminal."""
    if no_input:
        return None
    require_terminal(sys.stdin.isatty())
    from salescoach.ui.prompts import QuestionaryPrompter

    return QuestionaryPrompter(language=language)


def _print_examples(
    app_state: AppState,
    target: str,
    prefill: dict[str, Any],
    context: dict[str, Any] | None = None,
) -> None:
    from salescoach.session.answers_file import dump_answers
    from salescoach.session.engine import Session
    from salescoach.session.examples import ExamplePrompter

    session = Session(
        app_state.library,
        target,
        ExamplePrompter(),
        prefill=prefill,
        context=context or {},
    )
    answers = session.run()
    used = ", ".join(entry.id for entry in session.used)
    comment = (
        f"salescoach answers for {target} ({app_state.language}): {used}\n"
        "Edit, then: salescoach prep ACCOUNT --answers FILE --no-input"
    )
    sys.stdout.write(dump_answers(answers, comment))


def show_saved(saved: Saved) -> None:
    """Show the saved record's sheet on stdout and where it was written on stderr."""
    from rich.markdown import Markdown

    from salescoach.sheet import sheet_only
    from salescoach.ui.console import err, out

    record = saved.record
    body = sheet_only(saved.body, record.language) if record.kind == "prep" else saved.body
    out.print(Markdown(body))
    kind = message(record.language, record.kind)
    text = message(record.language, "saved", kind=kind, meeting=record.meeting, path=saved.path)
    err.print(text[:1].upper() + text[1:], style="ok", highlight=False)


def _recap(app_state: AppState, account: str | None) -> None:
    """Before a prep: the account's last phase and the open next steps of its last debrief."""
    if not account:
        return
    from salescoach.workflow import account_context

    known = account_context(app_state.repository, account)
    if "last_meeting" not in known:
        return
    from rich.markup import escape

    from salescoach.ui.console import err

    language = app_state.language
    phase = known.get("phase", "?")
    err.print(
        message(language, "last_time", account=account, meeting=known["last_meeting"], phase=phase),
        style="heading",
        highlight=False,
    )
    steps = known.get("open_next_steps") or []
    if steps:
        err.print(message(language, "open_steps"))
        for step in steps:
            if isinstance(step, dict):
                bits = [str(step.get(k)) for k in ("action", "owner", "due") if step.get(k)]
                err.print(escape("  - " + " · ".join(bits)), highlight=False)
