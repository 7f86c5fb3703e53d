"""``next``: the open next steps, and ``next done|move|drop ID`` to change one's state."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import state

if TYPE_CHECKING:
    from salescoach.nextsteps import Marked, StepLine
    from salescoach.store.steps import Change
    from salescoach.ui.plain import Styled

next_app = typer.Typer(
    help="Next steps and their state: list the open ones, mark one done, move it, drop it.",
    invoke_without_command=True,
    rich_markup_mode="rich",
)

IdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The step's id (or its first letters), from `next`.")
]
MeetingOption = Annotated[
    str | None,
    typer.Option("--meeting", help="Look for ID in this meeting only.", show_default=False),
]


def register(app: typer.Typer) -> None:
    """Add the ``next`` group to the app."""
    app.add_typer(next_app, name="next")


@next_app.callback()
def listing(
    ctx: typer.Context,
    account: Annotated[
        str | None,
        typer.Option("--account", help="One account's steps (name or slug).", show_default=False),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Done and dropped steps too, and earlier debriefs'.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The steps as JSON on stdout.")] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Count lateness as on this date, YYYY-MM-DD.", show_default=False
        ),
    ] = None,
) -> None:
    """Next steps and their state: list the open ones, mark one done, move it, drop it.

    Without a subcommand: the open next steps of every account (yours and the client's), most
    late first. Each has a short id for `next done ID`, `next move ID DATE`, `next drop ID`.
    """
    if ctx.invoked_subcommand is not None:
        return
    from salescoach.cli.reports import open_index
    from salescoach.nextsteps import open_steps

    app_state = state(ctx)
    slug = app_state.repository.find_account(account).slug if account else None
    day = _day(today)
    with open_index(app_state.data_home, False) as index:
        facts = index.facts(account=slug, parts={"next_steps"})
    lines = open_steps(facts, day, every=every)
    if as_json:
        from salescoach.ui.render import json_document

        json_document({"today": day, "steps": lines})
        return
    _render_lines(lines, every, app_state.language)


@next_app.command(name="done")
def done(ctx: typer.Context, identifier: IdArgument, meeting: MeetingOption = None) -> None:
    """Mark a next step done: it leaves the agenda and the list of open steps."""
    _mark(ctx, identifier, "done", None, meeting)


@next_app.command(name="move")
def move(
    ctx: typer.Context,
    identifier: IdArgument,
    date: Annotated[str, typer.Argument(metavar="DATE", help="The new due date, YYYY-MM-DD.")],
    meeting: MeetingOption = None,
) -> None:
    """Give a next step a new due date (the debrief keeps the date first agreed)."""
    _mark(ctx, identifier, "move", date, meeting)


@next_app.command(name="drop")
def drop(ctx: typer.Context, identifier: IdArgument, meeting: MeetingOption = None) -> None:
    """Drop a next step that will not happen: it leaves the agenda, the debrief keeps it."""
    _mark(ctx, identifier, "drop", None, meeting)


def _mark(
    ctx: typer.Context, identifier: str, what: Change, due: str | None, meeting: str | None
) -> None:
    from salescoach.cli.reports import open_index
    from salescoach.nextsteps import mark
    from salescoach.playbook.values import AnswerValueError, parse_date

    if due is not None:
        try:
            due = parse_date(due, dt.date.today()).isoformat()
        except AnswerValueError as error:
            from salescoach.errors import UsageError

            raise UsageError.told(error.key, **error.params) from None
    app_state = state(ctx)
    with open_index(app_state.data_home, False) as index:
        facts = index.facts(kind="debrief", parts={"next_steps"})
    marked = mark(app_state.repository, app_state.library_in, facts, identifier, what, due, meeting)
    _render_marked(marked, app_state.language)
    if app_state.settings.sync == "auto":
        from salescoach.cli.state import auto_synced
        from salescoach.service.sync import sync_if_auto

        auto_synced(
            app_state.language, *sync_if_auto(app_state.data_home, True, app_state.language)
        )


def _day(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    from salescoach.errors import UsageError
    from salescoach.store.facts import parse_day

    day = parse_day(value)
    if day is None:
        raise UsageError.told("bad_date", option="--today", given=value)
    return day


def _render_lines(lines: list[StepLine], every: bool, language: str) -> None:
    from salescoach.messages import message
    from salescoach.ui.render import Spare, Whole, add_row, new_table, say, show, styled

    if not lines:
        say(message(language, "no_open_steps"), "hint")
        return
    step, when, action, owner, account, meeting = message(language, "steps_columns").split("|")
    # The meeting is left out first at 80 columns: the account says whose step it is.
    table = new_table(Whole(step), when, action, owner, account, Spare(meeting))
    for line in lines:
        add_row(
            table,
            styled(line.id, "bold"),
            _when(line, language),
            line.action,
            line.owner,
            line.account,
            styled(line.meeting, "muted"),
        )
    opened = [line for line in lines if line.status == "open"]
    late = sum(1 for line in opened if (line.days_late or 0) > 0)
    table.caption = message(language, "steps_caption", open=len(opened), late=late)
    if not every:
        table.caption += " · next done|move|drop ID"
    show(table)


def _when(line: StepLine, language: str) -> Styled:
    from salescoach.messages import message
    from salescoach.ui.render import styled

    if line.status != "open":
        return styled(message(language, f"step_{line.status}_word"), "muted")
    if line.days_late is None:
        return styled(message(language, "no_date"), "muted")
    if line.days_late > 0:
        return styled(message(language, "days_late", days=line.days_late, due=line.due), "error")
    if line.days_late == 0:
        return styled(message(language, "today"), "warning")
    return styled(f"{line.due}", "ok")


def _render_marked(marked: Marked, language: str) -> None:
    from salescoach.messages import message
    from salescoach.ui.render import say

    step = marked.step
    key = {"done": "step_done", "dropped": "step_dropped"}.get(step.status, "step_moved")
    say(message(language, key, id=step.id, action=step.action, due=step.due or ""), "ok")
