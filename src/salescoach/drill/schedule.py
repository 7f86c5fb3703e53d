"""The schedule, by FSRS (the Free Spaced Repetition Scheduler): the one module importing fsrs.

The scheduler is FSRS's own, with its default parameters and a desired retention of 90 %, and
two choices made for a drill between meetings rather than a flashcard app:

- no learning steps (FSRS's default re-shows a new card after 1 and 10 minutes): a rep drills
  a handful of cards over a coffee, so every card goes straight to a schedule in days;
- no fuzz: the same ratings give the same dates, which a rep can read and a test can check.

FSRS wants UTC datetimes; the drill file keeps them with their offset, converted here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from salescoach.drill.log import CardState, Phase, Rating, Review

if TYPE_CHECKING:
    import fsrs

DESIRED_RETENTION = 0.9
_PHASES: tuple[Phase, ...] = ("learning", "review", "relearning")


@cache
def scheduler() -> fsrs.Scheduler:
    """The drill's FSRS scheduler (see the module docstring)."""
    import fsrs

    return fsrs.Scheduler(
        desired_retention=DESIRED_RETENTION,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def review(state: CardState, rating: Rating, answer: str, now: dt.datetime) -> CardState:
    """The card's state after the rep rated their answer ``rating`` at ``now``."""
    import fsrs

    card, _ = scheduler().review_card(
        _fsrs_card(state, now), fsrs.Rating[rating.capitalize()], _utc(now)
    )
    moment = now.isoformat(timespec="seconds")
    return state.model_copy(
        update={
            "due": card.due.astimezone(now.tzinfo).isoformat(timespec="seconds"),
            "phase": _PHASES[card.state.value - 1],
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "last_review": moment,
            "reviews": [*state.reviews, Review(at=moment, rating=rating, answer=answer)],
        }
    )


def next_due(state: CardState, rating: Rating, now: dt.datetime) -> dt.datetime:
    """When the card would be due if rated ``rating`` now (shown beside each rating)."""
    due = review(state, rating, "", now).due_at()
    assert due is not None
    return due


def retention(state: CardState, now: dt.datetime) -> float | None:
    """FSRS's probability that the rep recalls the card's answer at ``now`` (``None``: never
    rated)."""
    if state.stability is None or state.last_review is None:
        return None
    return float(scheduler().get_card_retrievability(_fsrs_card(state, now), _utc(now)))


def _fsrs_card(state: CardState, now: dt.datetime) -> fsrs.Card:
    import fsrs

    if state.phase is None:
        return fsrs.Card(card_id=1, due=_utc(now))
    due = state.due_at()
    last = state.last_reviewed()
    return fsrs.Card(
        card_id=1,
        state=fsrs.State(_PHASES.index(state.phase) + 1),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=_utc(due or now),
        last_review=None if last is None else _utc(last),
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)
