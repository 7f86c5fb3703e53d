"""The drill's schedule is FSRS's, on fixed dates: good moves the due date out, again back."""

from __future__ import annotations

import datetime as dt

import pytest

from salescoach.drill.log import CardState, Rating
from salescoach.drill.schedule import next_due, retention, review

PARIS = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)


def new_card() -> CardState:
    return CardState(title="It's too expensive.", source="library", added=START.isoformat())


def walk(ratings: list[Rating], start: dt.datetime = START) -> list[CardState]:
    """Rate the card on each day it falls due; the states after each rating."""
    states: list[CardState] = []
    state, now = new_card(), start
    for rating in ratings:
        state = review(state, rating, f"answer {len(states)}", now)
        states.append(state)
        due = state.due_at()
        assert due is not None
        now = due
    return states


def due(state: CardState) -> dt.datetime:
    moment = state.due_at()
    assert moment is not None
    return moment


def days_between(states: list[CardState], start: dt.datetime = START) -> list[int]:
    """The interval each rating gave, in days."""
    moments = [start] + [due(s) for s in states]
    return [(later - earlier).days for earlier, later in zip(moments, moments[1:], strict=False)]


def test_good_ratings_move_the_due_date_further_out_each_time() -> None:
    states = walk(["good", "good", "good", "good"])
    intervals = days_between(states)
    assert intervals == sorted(intervals) and len(set(intervals)) == 4
    # FSRS-6 default parameters, no fuzz: the first good gives its initial stability, 2.3 days.
    assert intervals[0] == 2
    assert states[0].due == "2026-12-03T09:00:00+01:00"
    assert all(s.phase == "review" for s in states)


def test_again_brings_the_due_date_back() -> None:
    steady = walk(["good", "good", "good"])
    lapsed = walk(["good", "good", "again"])
    assert days_between(lapsed)[2] < days_between(lapsed)[1] < days_between(steady)[2]
    assert days_between(lapsed)[2] >= 1  # no minute-level relearning step: back on a later day
    before, after = lapsed[1].stability, lapsed[2].stability
    assert before is not None and after is not None and after < before


def test_each_rating_orders_the_next_due_date() -> None:
    after_first = walk(["good"])[0]
    due = after_first.due_at()
    assert due is not None
    dates = [next_due(after_first, rating, due) for rating in ("again", "hard", "good", "easy")]
    assert dates == sorted(dates) and dates[0] < dates[2] < dates[3]
    assert [next_due(new_card(), r, START).date().isoformat() for r in ("again", "easy")] == [
        "2026-12-02",
        "2026-12-09",
    ]


def test_the_same_ratings_give_the_same_dates() -> None:
    assert walk(["good", "hard", "again", "easy"]) == walk(["good", "hard", "again", "easy"])


def test_a_review_keeps_the_answer_and_its_rating_in_local_time() -> None:
    state = review(new_card(), "hard", "Ask what they compare us with.", START)
    (kept,) = state.reviews
    assert (kept.at, kept.rating, kept.answer) == (
        "2026-12-01T09:00:00+01:00",
        "hard",
        "Ask what they compare us with.",
    )
    assert state.last_review == kept.at


def test_retention_falls_as_days_pass_and_is_none_for_a_new_card() -> None:
    state = walk(["good"])[0]
    soon = retention(state, START + dt.timedelta(days=1))
    later = retention(state, START + dt.timedelta(days=20))
    assert soon is not None and later is not None
    assert 1 > soon > later > 0
    # At its due date a card is at about the desired retention, 90 %.
    at_due = retention(state, state.due_at())  # type: ignore[arg-type]
    assert at_due == pytest.approx(0.9, abs=0.03)
    assert retention(new_card(), START) is None
