"""What ``salescoach drill`` prints around the session: new and dropped cards, due, stats.

Every line goes through the message catalogue; card text (the library's, the rep's) is printed
as literal text, never as Rich markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from salescoach.drill.deck import Deck
from salescoach.drill.figures import CardStats, DueSummary
from salescoach.drill.practice import REASONS, Rated, Synced
from salescoach.messages import message


def render_changes(console: Console, synced: Synced, deck: Deck, language: str) -> None:
    """The cards that just joined from debriefs or left the library; a broken playbook."""
    for card in synced.added_from_debriefs:
        last = card.met[-1]
        line = message(
            language, "drill_added", prompt=card.prompt, account=last.account, day=last.day
        )
        console.print(Text(line, style="ok"))
    for key, state in synced.dropped:
        line = message(
            language, "drill_dropped", card=key, title=state.title, count=len(state.rated)
        )
        console.print(Text(line, style="warning"))
    if not deck.complete:
        console.print(Text(message(language, "drill_incomplete"), style="warning"))


def next_text(days: Sequence[tuple[dt.date, int]], language: str) -> str:
    """``Next: 2 on 2026-12-03, 1 on 2026-12-08.`` (the first three days)."""
    if not days:
        return message(language, "drill_nothing_next")
    shown = ", ".join(
        message(language, "drill_next_day", count=count, day=day.isoformat())
        for day, count in days[:3]
    )
    return message(language, "drill_next", days=shown)


def due_text(summary: DueSummary, language: str) -> str:
    """The ``--due`` answer as one paragraph."""
    if summary.due == 0:
        return message(
            language,
            "drill_none_due",
            cards=summary.cards,
            next=next_text(summary.next, language),
        )
    details = ", ".join(
        message(language, f"drill_reason_{reason}", count=summary.reasons[reason])
        for reason in REASONS
        if summary.reasons[reason]
    )
    head = message(language, "drill_due", count=summary.due, cards=summary.cards, details=details)
    return f"{head} {next_text(summary.next, language)}"


def render_due(console: Console, summary: DueSummary, language: str) -> None:
    """``drill --due``."""
    console.print(Text(due_text(summary, language)))


def render_done(console: Console, rated: Sequence[Rated], next_days: str, language: str) -> None:
    """After a drill: each rating and when the card comes back, then what is next."""
    for item in rated:
        line = message(
            language,
            "drill_rated",
            prompt=_short(item.prompt),
            rating=message(language, f"drill_rating_{item.rating}"),
            day=item.due.date().isoformat(),
        )
        console.print(Text(f"  {line}", style="hint"))
    console.print(Text(message(language, "drill_done", count=len(rated), next=next_days)))


def render_stats(console: Console, stats: Sequence[CardStats], language: str) -> None:
    """``drill --stats``: one row per card, practised ones first."""
    if not any(card.reviews for card in stats):
        console.print(Text(message(language, "drill_no_stats")))
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name in ("card", "source", "reviews", "last", "due", "retention"):
        table.add_column(message(language, f"drill_col_{name}"))
    ordered = sorted(stats, key=lambda card: (card.reviews == 0, card.due or "9999"))
    for card in ordered:
        table.add_row(
            Text(_short(card.prompt, 48)),
            message(language, f"drill_source_{card.source}"),
            str(card.reviews),
            message(language, f"drill_rating_{card.last_rating}") if card.last_rating else "",
            card.due or "",
            f"{card.retention:.0%}" if card.retention is not None else "",
        )
    table.caption = message(
        language, "drill_stats_caption", reviews=sum(card.reviews for card in stats)
    )
    console.print(table)


def _short(text: str, most: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"
