"""What ``drill --due``, ``drill --stats`` and the team report say about a rep's practice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from salescoach.drill.deck import Deck
from salescoach.drill.log import DrillLog, Rating
from salescoach.drill.practice import NextDay, Reason, count_by_reason, due_cards, upcoming
from salescoach.reports.team import Practice
from salescoach.store.record import parse_timestamp

PRACTICE_DAYS = 30
"""The team report counts the reviews of the last this many days."""


@dataclass(frozen=True)
class DueSummary:
    """How many cards are due today, why, and when the next ones fall due."""

    today: dt.date
    due: int
    reasons: dict[Reason, int]
    next: list[NextDay] = field(default_factory=list)
    """Days after today with cards falling due, soonest first, and how many."""
    cards: int = 0
    """Cards in the deck."""


@dataclass(frozen=True)
class CardStats:
    """One card's practice so far."""

    key: str
    prompt: str
    source: str
    reviews: int
    last_rating: Rating | None
    last_review: str | None
    due: str | None
    """The day it is due (``YYYY-MM-DD``), ``None`` for a card never rated."""
    retention: float | None
    """FSRS's probability, now, that the rep recalls the answer (``None``: never rated)."""


def due_summary(log: DrillLog, deck: Deck, today: dt.date) -> DueSummary:
    """The cards due on ``today`` by reason, and the days the next ones fall due."""
    due = due_cards(log, deck, today)
    return DueSummary(
        today=today,
        due=len(due),
        reasons=count_by_reason(due),
        next=upcoming(log, deck, today),
        cards=len(deck.cards),
    )


def card_stats(log: DrillLog, deck: Deck, now: dt.datetime) -> list[CardStats]:
    """Every card of the deck with its reviews, last rating, due day and retention now."""
    from salescoach.drill.schedule import retention

    found: list[CardStats] = []
    for key, card in deck.cards.items():
        state = log.cards.get(key)
        rated = state.rated if state is not None else []
        due = state.due_at() if state is not None else None
        found.append(
            CardStats(
                key=key,
                prompt=card.prompt,
                source=card.source,
                reviews=len(rated),
                last_rating=rated[-1].rating if rated else None,
                last_review=rated[-1].at if rated else None,
                due=due.date().isoformat() if due is not None else None,
                retention=retention(state, now) if state is not None else None,
            )
        )
    return found


def practice(log: DrillLog, today: dt.date, days: int = PRACTICE_DAYS) -> Practice:
    """Ratings given in the ``days`` days up to ``today`` (dropped cards included: the work
    was done), and the share good or easy."""
    first = today - dt.timedelta(days=days - 1)
    ratings: list[Rating] = []
    for card in log.cards.values():
        for review in card.rated:
            try:
                day = parse_timestamp(review.at).date()
            except ValueError:
                continue
            if first <= day <= today and review.rating is not None:
                ratings.append(review.rating)
    good = sum(1 for rating in ratings if rating in ("good", "easy"))
    return Practice(len(ratings), good / len(ratings) if ratings else None)
