"""``salescoach drill``: practise objections and the team's cards, spaced by FSRS.

Parses the options, builds the deck (the library and the rep's debriefs), hands the session,
``--due`` or ``--stats`` to the core (:mod:`salescoach.drill`) and what is shown to
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
    playbook: Annotated[
        str | None,
        typer.Option(
            "--playbook",
            "-p",
            help="Only the cards of this playbook: objections, a team's cards playbook, or met "
            "(objections met in debriefs, not in the library).",
            show_default=False,
        ),
    ] = None,
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
    from salescoach.errors import UsageError

    app_state = state(ctx)
    language = app_state.language
    if due and stats:
        raise UsageError(message(language, "drill_due_or_stats"))
    if as_json and not (due or stats):
        raise UsageError(message(language, "drill_json_needs"))
    deck = _deck(app_state)
    if due or stats:
        _figures(app_state, _only(deck, playbook, language), stats=stats, as_json=as_json)
        return
    _session(app_state, deck, _only(deck, playbook, language), cards)


def _deck(app_state: AppState) -> Deck:
    from salescoach.cli.reports import open_index
    from salescoach.drill.deck import build_deck
    from salescoach.reports.objections import NEEDS

    with open_index(app_state.data_home, False, app_state.language) as index:
        debriefs = index.facts(kind="debrief", parts=NEEDS)
    return build_deck(app_state.library, debriefs)


def _only(deck: Deck, playbook: str | None, language: str) -> Deck:
    if playbook is None:
        return deck
    from salescoach.drill.deck import only

    chosen = only(deck, playbook)
    if not chosen.cards:
        from salescoach.errors import NotFoundError

        known = ", ".join(dict.fromkeys(card.playbook for card in deck.cards.values()))
        raise NotFoundError(
            message(language, "drill_no_playbook", playbook=playbook),
            hint=message(language, "drill_no_playbook_hint", known=known),
        )
    return chosen


def _figures(app_state: AppState, deck: Deck, *, stats: bool, as_json: bool) -> None:
    from salescoach.drill import figures
    from salescoach.drill.practice import open_log
    from salescoach.ui import drill as show
    from salescoach.ui import render

    now = _now()
    log = open_log(app_state.data_home, deck, now, write=False).log
    if stats:
        found = figures.card_stats(log, deck, now)
        if as_json:
            render.json_document(found)
        else:
            show.stats(found, app_state.language)
        return
    summary = figures.due_summary(log, deck, now.date())
    if as_json:
        render.json_document(summary)
    else:
        show.due(summary, app_state.language)


def _session(app_state: AppState, deck: Deck, chosen: Deck, count: int) -> None:
    from salescoach.drill.practice import DrillSession, open_log
    from salescoach.ui import drill as show
    from salescoach.ui import render

    home, language = app_state.data_home, app_state.language
    if not chosen.cards:
        render.say(message(language, "drill_empty"))
        return
    if not sys.stdin.isatty():
        from salescoach.errors import UsageError

        raise UsageError(
            message(language, "drill_no_terminal"), hint=message(language, "drill_no_terminal_hint")
        )
    # The whole deck keeps the log in step: a card left out by --playbook is not dropped.
    synced = open_log(home, deck, _now(), write=True)
    show.changes(synced, deck, language)
    from salescoach.ui.prompts import QuestionaryPrompter

    session = DrillSession(home, chosen, QuestionaryPrompter(language=language), language)
    planned = session.plan(count)
    if not planned:
        from salescoach.drill.figures import due_summary

        show.nothing_due(due_summary(synced.log, chosen, _now().date()), language)
        return
    try:
        session.run()
    except (KeyboardInterrupt, EOFError) as stop:
        why = message(language, "input_closed" if isinstance(stop, EOFError) else "interrupted")
        show.stopped(why, len(session.rated), len(planned) - len(session.rated), language)
        raise typer.Exit(INTERRUPTED_EXIT) from None
    from salescoach.drill.log import read_log
    from salescoach.drill.practice import upcoming

    show.done(session.rated, upcoming(read_log(home), chosen, _now().date()), language)


def _now() -> dt.datetime:
    from salescoach.drill.practice import local_now

    return local_now()
