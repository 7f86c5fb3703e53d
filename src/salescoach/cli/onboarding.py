"""``onboarding``: a new rep's integration checklist; ``onboarding done ID`` ticks a point."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import state

if TYPE_CHECKING:
    from salescoach.onboarding import Checklist

onboarding_app = typer.Typer(
    help="Your integration checklist as a new rep: what is done, and what is left.",
    invoke_without_command=True,
    rich_markup_mode="rich",
)

PointArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The point's id, as `onboarding` lists it.")
]


def register(app: typer.Typer) -> None:
    """Add the ``onboarding`` group to the app."""
    app.add_typer(onboarding_app, name="onboarding")


@onboarding_app.callback()
def listing(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="The checklist as JSON.")] = False,
) -> None:
    """Your integration checklist as a new rep: what is done, and what is left.

    The eleven points of the method's appropriation phase (the `appropriation` playbook, which
    a team can adapt). Tick one with `onboarding done ID [--on DATE]`, untick it with
    `onboarding undo ID`.
    """
    if ctx.invoked_subcommand is not None:
        return
    from salescoach.onboarding import checklist, read_ticks

    app_state = state(ctx)
    found = checklist(app_state.library, read_ticks(app_state.data_home))
    _show(found, as_json, app_state.language)


@onboarding_app.command(name="done")
def done(
    ctx: typer.Context,
    point: PointArgument,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The day it was done, YYYY-MM-DD (default: today).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The checklist as JSON.")] = False,
) -> None:
    """Tick a point of the checklist, with the day it was done."""
    from salescoach.onboarding import tick

    app_state = state(ctx)
    day = _day(on, app_state.language)
    found = tick(app_state.data_home, app_state.library, point, day)
    _show(found, as_json, app_state.language)


@onboarding_app.command(name="undo")
def undo(
    ctx: typer.Context,
    point: PointArgument,
    as_json: Annotated[bool, typer.Option("--json", help="The checklist as JSON.")] = False,
) -> None:
    """Untick a point ticked by mistake."""
    from salescoach.onboarding import untick

    app_state = state(ctx)
    found = untick(app_state.data_home, app_state.library, point)
    _show(found, as_json, app_state.language)


def _day(value: str | None, language: str) -> dt.date:
    today = dt.date.today()
    if value is None:
        return today
    from salescoach.errors import UsageError
    from salescoach.playbook.values import AnswerValueError, parse_date

    try:
        return parse_date(value, today, language)
    except AnswerValueError as error:
        raise UsageError(f"--on: {error.in_language(language)}") from None


def _show(found: Checklist, as_json: bool, language: str) -> None:
    from salescoach.ui.render import json_document, onboarding

    if as_json:
        json_document(
            {
                "done": len(found.done),
                "total": len(found.points),
                "points": [{"id": p.id, "label": p.label, "done": p.done} for p in found.points],
                "unknown": found.unknown,
            }
        )
        return
    onboarding(language, found)
