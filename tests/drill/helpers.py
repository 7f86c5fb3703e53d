"""A deck built from the real built-in library, debrief facts, and a prompter that follows a
script card by card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from salescoach.drill.deck import Deck, build_deck
from salescoach.playbook.library import Library, search_path
from salescoach.playbook.values import Answer
from salescoach.session.prompter import Ask, Progress
from salescoach.store.facts import Facts, ObjectionMet

UTC = dt.UTC
DAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def library(*team: Path, language: str = "en") -> Library:
    return Library.load(language, search_path(language, option_dirs=list(team), environ={}))


def deck(*debriefs: Facts, team: Sequence[Path] = (), language: str = "en") -> Deck:
    return build_deck(library(*team, language=language), debriefs)


def debrief(
    account: str,
    day: str,
    met: Sequence[tuple[str, int | None]] = (),
    new: Sequence[tuple[str, int | None]] = (),
    written: str | None = None,
) -> Facts:
    """A debrief's facts: library objections met and the client's own words, with handling."""
    stamp = written or f"{day}T18:00:00+00:00"
    return Facts(
        kind="debrief",
        meeting=f"{day}-{account.lower()}-negotiation",
        account_slug=account.lower(),
        account_name=account,
        meeting_type="negotiation",
        meeting_date=day,
        created=stamp,
        updated=stamp,
        phase=None,
        objections=tuple(ObjectionMet(o, h, True) for o, h in met)
        + tuple(ObjectionMet(o, h, False) for o, h in new),
    )


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, now: dt.datetime = DAY) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class CardScript:
    """Answers and ratings given card by card; an exception in either list is raised there."""

    answers: list[str | BaseException] = field(default_factory=list)
    ratings: list[str | BaseException] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    """Every step's title and text, in order."""
    choices: list[list[tuple[str, str]]] = field(default_factory=list)

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        self.shown.append(f"{title}\n{guidance or ''}")

    def ask(self, ask: Ask) -> Answer:
        assert ask.key == "drill.answer", ask.key
        given = self.answers.pop(0)
        if isinstance(given, BaseException):
            raise given
        return ask.check(given)

    def confirm(self, key: str, message: str, default: bool) -> bool:
        raise AssertionError(f"unexpected confirmation {key}")

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        assert key == "drill.rating", key
        self.choices.append(list(choices))
        given = self.ratings.pop(0)
        if isinstance(given, BaseException):
            raise given
        return given
