"""A drill session: which cards are due, in which order, and the walk through them.

What the rep met comes first. The order of the cards due today:

1. ``debrief``: objections the rep rated :data:`~salescoach.drill.deck.POORLY` handled in a
   debrief written since they last practised them (latest first);
2. ``met``: objections met in debriefs and never practised, those met most often first (the
   client's own words not in the library among them);
3. ``review``: cards FSRS schedules for today or earlier, the most overdue first;
4. ``new``: the other cards never practised, in the library's order (its top ten first).

The walk asks through the engine's :class:`~salescoach.session.prompter.Prompter`: the card as
a step, the rep's own answer as a text question (empty when practising aloud), the library's
answer as a step, the rating as a choice. Each rating is written at once; Ctrl-C or closed input
propagates to the caller with every earlier rating kept, and an answer typed but not yet rated
is kept in the log as an unrated review.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from salescoach.drill.deck import Deck, DrillCard, Encounter
from salescoach.drill.log import RATINGS, CardState, DrillLog, Rating, Review, locked, read_log
from salescoach.drill.log import write_log as _write_log
from salescoach.messages import CATALOGUE, message
from salescoach.playbook.model import Question, QuestionType
from salescoach.playbook.values import Answer, coerce
from salescoach.session.prompter import Ask, Prompter
from salescoach.store.record import parse_timestamp

Reason = Literal["debrief", "met", "review", "new"]
REASONS: tuple[Reason, ...] = ("debrief", "met", "review", "new")
DEFAULT_CARDS = 5
"""A drill's default length: a handful of cards, a coffee break."""
ANSWER_KEY = "drill.answer"
RATING_KEY = "drill.rating"
MAX_ANSWER = 2000
WIDTH = 78
"""Revealed answers are wrapped to this many columns."""

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """The current local time, to the second, with its offset."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


# --- the log kept in step with the deck ---------------------------------------------------------


@dataclass(frozen=True)
class Synced:
    """The log brought in step with the deck, and what changed."""

    log: DrillLog
    added_from_debriefs: list[DrillCard] = field(default_factory=list)
    """Objections met in debriefs, not in the library, that just became cards."""
    dropped: list[tuple[str, CardState]] = field(default_factory=list)
    """Cards the library no longer has (their reviews stay in the file)."""
    changed: bool = False


def sync(log: DrillLog, deck: Deck, now: dt.datetime) -> Synced:
    """Add the deck's new cards to the log, drop the ones the library lost, revive returning ones.

    Nothing is dropped when the deck is incomplete (a playbook failed to load): the missing card
    may be in the broken file.
    """
    moment = now.isoformat(timespec="seconds")
    cards = dict(log.cards)
    added: list[DrillCard] = []
    dropped: list[tuple[str, CardState]] = []
    changed = False
    for key, card in deck.cards.items():
        state = cards.get(key)
        if state is None:
            cards[key] = CardState(title=card.prompt, source=card.source, added=moment)
            changed = True
            if card.source == "debrief":
                added.append(card)
        elif state.dropped is not None or state.title != card.prompt:
            cards[key] = state.model_copy(update={"dropped": None, "title": card.prompt})
            changed = True
    if deck.complete:
        for key, state in list(cards.items()):
            if key not in deck.cards and state.dropped is None:
                cards[key] = state.model_copy(update={"dropped": moment})
                dropped.append((key, state))
                changed = True
    return Synced(log.model_copy(update={"cards": cards}), added, dropped, changed)


def open_log(home: Path, deck: Deck, now: dt.datetime, *, write: bool) -> Synced:
    """The home's log in step with the deck; written back (under the lock) when ``write``."""
    if not write:
        return sync(read_log(home), deck, now)
    with locked(home):
        synced = sync(read_log(home), deck, now)
        if synced.changed:
            _write_log(home, synced.log)
    return synced


# --- what is due --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueCard:
    """A card due today and why."""

    card: DrillCard
    state: CardState
    reason: Reason


def due_cards(log: DrillLog, deck: Deck, today: dt.date) -> list[DueCard]:
    """Every card due on ``today`` (or before), in the order of the module docstring."""
    tiers: dict[Reason, list[tuple[tuple[float, int], DueCard]]] = {r: [] for r in REASONS}
    for position, (key, card) in enumerate(deck.cards.items()):
        state = log.cards.get(key) or _unseen(card, today)
        if state.dropped is not None:
            continue
        last = state.last_reviewed()
        poor = [moment for e in card.poorly_handled if (moment := _recorded_after(e, last))]
        if poor:
            latest = max(poor).timestamp()
            tiers["debrief"].append(((-latest, position), DueCard(card, state, "debrief")))
        elif last is None and card.met:
            tiers["met"].append(((-float(len(card.met)), position), DueCard(card, state, "met")))
        elif last is None:
            tiers["new"].append(((0.0, position), DueCard(card, state, "new")))
        elif (due := state.due_at()) is not None and due.date() <= today:
            tiers["review"].append(((due.timestamp(), position), DueCard(card, state, "review")))
    ordered: list[DueCard] = []
    for reason in REASONS:
        ordered += [due for _, due in sorted(tiers[reason], key=lambda pair: pair[0])]
    return ordered


class NextDay(NamedTuple):
    """A day after today on which cards fall due, and how many."""

    day: dt.date
    cards: int


def upcoming(log: DrillLog, deck: Deck, today: dt.date) -> list[NextDay]:
    """The days after ``today`` on which cards fall due, with how many, soonest first."""
    days: dict[dt.date, int] = {}
    due_now = {due.card.key for due in due_cards(log, deck, today)}
    for key in deck.cards:
        state = log.cards.get(key)
        if state is None or key in due_now or (due := state.due_at()) is None:
            continue
        if due.date() > today:
            days[due.date()] = days.get(due.date(), 0) + 1
    return [NextDay(day, count) for day, count in sorted(days.items())]


def _unseen(card: DrillCard, today: dt.date) -> CardState:
    """The state of a card the log does not hold yet: new."""
    return CardState(title=card.prompt, source=card.source, added=f"{today}T00:00:00+00:00")


def _recorded_after(encounter: Encounter, last: dt.datetime | None) -> dt.datetime | None:
    """When the debrief was written, if after ``last`` (always, for a card never rated)."""
    try:
        recorded = parse_timestamp(encounter.recorded)
    except ValueError:
        return None
    return recorded if last is None or recorded > last else None


# --- the walk -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rated:
    """One rating given in a session, and when the card is due next."""

    key: str
    prompt: str
    rating: Rating
    due: dt.datetime


@dataclass
class DrillSession:
    """One drill: up to ``count`` due cards, each asked, answered, revealed, rated and saved."""

    home: Path
    deck: Deck
    prompter: Prompter
    language: str = "en"
    clock: Clock = local_now
    rated: list[Rated] = field(default_factory=list)
    """The ratings given so far (kept in the file as they are given)."""
    planned: list[DueCard] = field(default_factory=list)

    def plan(self, count: int) -> list[DueCard]:
        """The cards this session will walk: the first ``count`` due today."""
        now = self.clock()
        log = sync(read_log(self.home), self.deck, now).log
        self.planned = due_cards(log, self.deck, now.date())[:count]
        return self.planned

    def run(self, count: int = DEFAULT_CARDS) -> list[Rated]:
        """Walk the planned cards (planning them if :meth:`plan` was not called)."""
        planned = self.planned or self.plan(count)
        for number, due in enumerate(planned, start=1):
            self._card(number, len(planned), due)
        return self.rated

    def _say(self, key: str, **values: object) -> str:
        return message(self.language, key, **values)

    def _card(self, number: int, total: int, due: DueCard) -> None:
        card = due.card
        title = self._say("drill_card", number=number, total=total, what=self._what(card))
        front = [textwrap.fill(line, WIDTH) for line in self._front(due)]
        self.prompter.step(title, "\n".join(front))
        answer = self._answer()
        try:
            reveal = "drill_reveal_team" if card.source == "team" else "drill_reveal"
            self.prompter.step(self._say(reveal), "\n".join(self._back(card, due.state)))
            now = self.clock()
            choices = [(r, self._rating_label(due.state, r, now)) for r in RATINGS]
            rating = self.prompter.choose(RATING_KEY, self._say("drill_rate"), choices)
        except (KeyboardInterrupt, EOFError):
            if answer:
                self._keep_unrated(card, answer)
            raise
        self._save(card, _rating(rating), answer)

    def _answer(self) -> str:
        question = Question(
            id="answer",
            type=QuestionType.TEXT,
            prompt=self._say("drill_your_answer"),
            help=self._say("drill_answer_help"),
            max_length=MAX_ANSWER,
        )

        def check(value: object) -> Answer:
            return coerce(question, value)

        # The card before is rated and saved: there is nothing to go back to.
        given = self.prompter.ask(Ask(key=ANSWER_KEY, question=question, check=check, back=False))
        return given.strip() if isinstance(given, str) else ""

    def _what(self, card: DrillCard) -> str:
        if card.source == "debrief":
            return self._say("drill_met_card")
        kind = self._say("drill_objection") if card.source == "library" else card.title
        return f"{kind} · {self._topic(card.topic)}" if card.topic else kind

    def _topic(self, topic: str) -> str:
        """A known category or card topic in the rep's language; a trainer's own as written."""
        key = f"drill_topic_{topic}"
        return self._say(key) if key in CATALOGUE["en"] else topic

    def _front(self, due: DueCard) -> list[str]:
        card = due.card
        quoted = self._say("drill_quote", text=card.prompt)
        lines = [quoted if card.source != "team" else card.prompt]
        if card.against:
            lines.append(self._say("drill_against", against=card.against))
        if card.help:
            lines.append(card.help)
        if card.met:
            last = card.met[-1]
            handled = (
                self._say("drill_handled", score=last.handling) if last.handling is not None else ""
            )
            lines.append(
                self._say(
                    "drill_met",
                    count=len(card.met),
                    account=last.account,
                    day=last.day,
                    handled=handled,
                )
            )
        return lines

    def _back(self, card: DrillCard, state: CardState) -> list[str]:
        lines: list[str] = []
        if card.response:
            label = "drill_expected" if card.source == "team" else "drill_response"
            lines += [self._say(label), _indent(card.response)]
        else:
            lines.append(self._say("drill_no_response"))
            lines += [self._say("drill_method"), _indent(self._say("drill_method_way"))]
        if card.questions_back:
            lines.append(self._say("drill_questions_back"))
            lines += [
                textwrap.fill(question, WIDTH, initial_indent="  - ", subsequent_indent="    ")
                for question in card.questions_back
            ]
        if card.proof:
            lines += [self._say("drill_proof"), _indent(card.proof)]
        earlier = [review for review in state.reviews if review.answer]
        if earlier:
            lines += [
                self._say("drill_last_answer", day=earlier[-1].at[:10]),
                _indent(earlier[-1].answer),
            ]
        return lines

    def _rating_label(self, state: CardState, rating: Rating, now: dt.datetime) -> str:
        from salescoach.drill.schedule import next_due

        days = (next_due(state, rating, now).date() - now.date()).days
        when = self._say("drill_in_day" if days == 1 else "drill_in_days", days=days)
        return self._say(f"drill_{rating}", when=when)

    def _save(self, card: DrillCard, rating: Rating, answer: str) -> None:
        from salescoach.drill.schedule import review

        with locked(self.home):
            log = read_log(self.home)
            now = self.clock()
            state = log.cards.get(card.key) or CardState(
                title=card.prompt, source=card.source, added=now.isoformat(timespec="seconds")
            )
            updated = review(state, rating, answer, now)
            _write_log(self.home, _with_card(log, card.key, updated))
        due = updated.due_at()
        assert due is not None
        self.rated.append(Rated(card.key, card.prompt, rating, due))

    def _keep_unrated(self, card: DrillCard, answer: str) -> None:
        with locked(self.home):
            log = read_log(self.home)
            now = self.clock().isoformat(timespec="seconds")
            state = log.cards.get(card.key) or CardState(
                title=card.prompt, source=card.source, added=now
            )
            kept = Review(at=now, rating=None, answer=answer)
            updated = state.model_copy(update={"reviews": [*state.reviews, kept]})
            _write_log(self.home, _with_card(log, card.key, updated))


def _with_card(log: DrillLog, key: str, state: CardState) -> DrillLog:
    return log.model_copy(update={"cards": {**log.cards, key: state}})


def _rating(value: str) -> Rating:
    for rating in RATINGS:
        if rating == value:
            return rating
    raise ValueError(f"unknown rating {value!r}")


def _indent(text: str) -> str:
    """Text indented two spaces, wrapped to :data:`WIDTH` (fits an 80-column terminal)."""
    return "\n".join(
        textwrap.fill(line, WIDTH, initial_indent="  ", subsequent_indent="  ") if line else ""
        for line in text.strip().splitlines()
    )


def count_by_reason(due: Sequence[DueCard]) -> dict[Reason, int]:
    """How many due cards there are for each reason (every reason present, zeros included)."""
    counts: dict[Reason, int] = dict.fromkeys(REASONS, 0)
    for item in due:
        counts[item.reason] += 1
    return counts
