"""What ``salescoach drill`` prints around the session: new and dropped cards, due, stats.

Every line goes through the message catalogue and :mod:`salescoach.ui.render`; card text (the
library's, the rep's) is literal, never Rich markup. Results (``--due``, ``--stats``) go to
standard output, what surrounds a session to standard error.
"""

from __future__ import annotations

from collections.abc import Sequence

from salescoach.drill.deck import Deck
from salescoach.drill.figures import CardStats, DueSummary
from salescoach.drill.practice import REASONS, NextDay, Rated, Synced
from salescoach.messages import message
from salescoach.ui.render import add_row, literal, new_table, say, show


def changes(synced: Synced, deck: Deck, language: str) -> None:
    """The cards that just joined from debriefs or left the library; a broken playbook."""
    for card in synced.added_from_debriefs:
        last = card.met[-1]
        say(
            message(
                language, "drill_added", prompt=card.prompt, account=last.account, day=last.day
            ),
            "ok",
        )
    for key, state in synced.dropped:
        text = message(
            language, "drill_dropped", card=key, title=state.title, count=len(state.rated)
        )
        say(text, "warning")
    if not deck.complete:
        say(message(language, "drill_incomplete"), "warning")


def next_text(days: Sequence[NextDay], language: str) -> str:
    """``Next: 2 on 2026-12-03, 1 on 2026-12-08.`` (the first three days)."""
    if not days:
        return message(language, "drill_nothing_next")
    shown = ", ".join(
        message(language, "drill_next_day", count=item.cards, day=item.day.isoformat())
        for item in days[:3]
    )
    return message(language, "drill_next", days=shown)


def due_text(summary: DueSummary, language: str) -> str:
    """The ``--due`` answer as one paragraph."""
    if summary.due == 0:
        return message(
            language, "drill_none_due", cards=summary.cards, next=next_text(summary.next, language)
        )
    details = ", ".join(
        message(language, f"drill_reason_{reason}", count=summary.reasons[reason])
        for reason in REASONS
        if summary.reasons[reason]
    )
    head = message(language, "drill_due", count=summary.due, cards=summary.cards, details=details)
    return f"{head} {next_text(summary.next, language)}"


def due(summary: DueSummary, language: str) -> None:
    """``drill --due`` on standard output."""
    show(literal(due_text(summary, language)))


def nothing_due(summary: DueSummary, language: str) -> None:
    """A drill with nothing due today: when the next cards are."""
    say(due_text(summary, language))


def done(rated: Sequence[Rated], days: Sequence[NextDay], language: str) -> None:
    """After a drill: each rating and when the card comes back, then what is next."""
    say("")
    for item in rated:
        line = message(
            language,
            "drill_rated",
            prompt=_short(item.prompt),
            rating=message(language, f"drill_rating_{item.rating}"),
            day=item.due.date().isoformat(),
        )
        say(f"  {line}", "hint")
    say(message(language, "drill_done", count=len(rated), next=next_text(days, language)))


def stopped(why: str, rated: int, left: int, language: str) -> None:
    """A drill interrupted: what was kept, what is left."""
    say("")
    say(message(language, "drill_stopped", why=why, count=rated, left=left))


def stats(cards: Sequence[CardStats], language: str) -> None:
    """``drill --stats``: one row per card, practised ones first, soonest due first."""
    if not any(card.reviews for card in cards):
        show(literal(message(language, "drill_no_stats")))
        return
    table = new_table(
        *(
            message(language, f"drill_col_{name}")
            for name in ("card", "source", "reviews", "last", "due", "retention")
        )
    )
    for card in sorted(cards, key=lambda card: (card.reviews == 0, card.due or "9999")):
        add_row(
            table,
            _short(card.prompt, 48),
            message(language, f"drill_source_{card.source}"),
            str(card.reviews),
            message(language, f"drill_rating_{card.last_rating}") if card.last_rating else None,
            card.due,
            f"{card.retention:.0%}" if card.retention is not None else None,
        )
    table.caption = message(
        language, "drill_stats_caption", reviews=sum(card.reviews for card in cards)
    )
    show(table)


def _short(text: str, most: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"
