"""``salescoach drill``: practise objections and the team's cards, spaced by FSRS.

Parses the options, builds the deck (library and the rep's debriefs), and hands the session,
``--due`` or ``--stats`` to the core (:mod:`salescoach.drill`) and the printing to
:mod:`salescoach.ui.drill`. ``fsrs`` is imported only on this path.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import AppState, state
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.drill.deck import Deck

INTERRUPTED_EXIT = 130
DEFAULT_CARDS = 5
"""Kept equal to :data:`salescoach.drill.practice.DEFAULT_CARDS` by a test (no import here)."""


def register(app: typer.Typer) -> None:
    """Add ``drill`` to the app."""
    app.command(name="drill")(drill)


def drill(
    ctx: typer.Context,
    cards: Annotated[
        int, typer.Option("--cards", "-n", min=1, help="How many cards this session.")
    ] = DEFAULT_CARDS,
    due: Annotated[
        bool, typer.Option("--due", help="How many cards are due, and when the next ones are.")
    ] = False,
    stats: Annotated[
        bool, typer.Option("--stats", help="Per card: reviews, last rating, due day, retention.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="--due or --stats as JSON.")] = False,
) -> None:
    """Practise objections and the team's cards between meetings (spaced repetition, FSRS).

    Each card: answer in your own words (Enter alone if you answer aloud), read the library's
    answer, rate yours. Objections you handled poorly in a debrief come first. Ctrl-C keeps
    every rating given.
    """
    app_state = state(ctx)
    if due and stats:
        from salescoach.errors import UsageError

        raise UsageError("give --due or --stats, not both")
    deck = _deck(app_state)
    now = _now()
    language = app_state.language
    if due or stats:
        _figures(app_state, deck, now, stats=stats, as_json=as_json)
        return
    if as_json:
        from salescoach.errors import UsageError

        raise UsageError("--json goes with --due or --stats")
    _session(app_state, deck, cards, language)


def _deck(app_state: AppState) -> Deck:
    from salescoach.cli.reports import open_index
    from salescoach.drill.deck import build_deck
    from salescoach.reports.objections import NEEDS

    with open_index(app_state.data_home, False) as index:
        debriefs = index.facts(kind="debrief", parts=NEEDS)
    return build_deck(app_state.library, debriefs)


def _figures(
    app_state: AppState, deck: Deck, now: dt.datetime, *, stats: bool, as_json: bool
) -> None:
    from salescoach.drill import figures
    from salescoach.drill.practice import open_log
    from salescoach.ui import drill as render
    from salescoach.ui.console import out

    log = open_log(app_state.data_home, deck, now, write=False).log
    if stats:
        found = figures.card_stats(log, deck, now)
        if as_json:
            _print_json(found)
        else:
            render.render_stats(out, found, app_state.language)
        return
    summary = figures.due_summary(log, deck, now.date())
    if as_json:
        _print_json(summary)
    else:
        render.render_due(out, summary, app_state.language)


def _session(app_state: AppState, deck: Deck, count: int, language: str) -> None:
    from salescoach.drill.practice import DrillSession, open_log, upcoming
    from salescoach.ui import drill as render
    from salescoach.ui.console import err

    home = app_state.data_home
    if not deck.cards:
        err.print(message(language, "drill_empty"), markup=False)
        return
    if not sys.stdin.isatty():
        from salescoach.errors import UsageError

        raise UsageError(
            message(language, "drill_no_terminal"), hint=message(language, "drill_no_terminal_hint")
        )
    synced = open_log(home, deck, _now(), write=True)
    render.render_changes(err, synced, deck, language)
    from salescoach.ui.prompts import QuestionaryPrompter

    session = DrillSession(home, deck, QuestionaryPrompter(language=language), language)
    planned = session.plan(count)
    if not planned:
        from salescoach.drill.figures import due_summary

        summary = due_summary(synced.log, deck, _now().date())
        err.print(render.due_text(summary, language), markup=False)
        return
    try:
        session.run()
    except (KeyboardInterrupt, EOFError) as stop:
        why = message(language, "input_closed" if isinstance(stop, EOFError) else "interrupted")
        left = len(planned) - len(session.rated)
        text = message(language, "drill_stopped", why=why, count=len(session.rated), left=left)
        err.print("\n" + text, markup=False)
        raise typer.Exit(INTERRUPTED_EXIT) from None
    from salescoach.drill.log import read_log

    log = read_log(home)
    next_days = render.next_text(upcoming(log, deck, _now().date()), language)
    err.print()
    render.render_done(err, session.rated, next_days, language)


def _now() -> dt.datetime:
    from salescoach.drill.practice import local_now

    return local_now()


def _print_json(value: object) -> None:
    import json

    from salescoach.reports.jsonable import jsonable

    sys.stdout.write(json.dumps(jsonable(value), ensure_ascii=False, indent=2) + "\n")
