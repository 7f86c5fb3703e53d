"""A manager's view of several reps' homes: each rep's figures and a score out of 5 on each.

Figures: meetings held, share of rated objectives reached, phase advances, the average days
from an account's first meeting to its first closing meeting. A score compares a figure with the
team average: the average scores 2.5, twice the average (or half, for days to closing, where
less is better) scores 5, and scores are capped at 5. With one rep, everyone is the average.
Practice (``salescoach drill``: cards rated in the last 30 days, share good or easy) is shown
beside the figures, not scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from salescoach.reports.phases import moves, stays
from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Part, by_account, parse_day

NEEDS: frozenset[Part] = frozenset()
CLOSING = "closing"
"""The meeting type (``meeting-types`` reference id) that closes a deal."""
METRICS = ("meetings", "objectives_reached", "phase_advances", "days_to_closing")
LOWER_IS_BETTER = frozenset({"days_to_closing"})


@dataclass(frozen=True)
class Practice:
    """A rep's drill practice over the last 30 days (computed by :mod:`salescoach.drill`)."""

    reviewed: int
    """Ratings given (one card rated twice counts twice)."""
    good_or_easy: float | None
    """Share of those ratings that were good or easy."""


@dataclass(frozen=True)
class RepFigures:
    """One rep's figures."""

    rep: str
    accounts: int
    meetings: int
    objectives_rated: int
    objectives_reached: float | None
    """Share of rated objectives reached."""
    phase_advances: int
    closings: int
    """Accounts that had a closing meeting: the sample behind ``days_to_closing``."""
    days_to_closing: float | None
    cards_reviewed: int = 0
    """Drill ratings given in the last 30 days (``salescoach drill``)."""
    practice_good: float | None = None
    """Share of those ratings that were good or easy."""

    def value(self, metric: str) -> float | None:
        """The figure a score is computed on."""
        value: float | int | None = getattr(self, metric)
        return None if value is None else float(value)


@dataclass(frozen=True)
class RepLine:
    """A rep's figures and their scores (metric → 0–5, ``None`` without a figure)."""

    figures: RepFigures
    scores: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class TeamReport:
    """Every rep's line and the team averages the scores are measured against."""

    reps: list[RepLine] = field(default_factory=list)
    averages: dict[str, float | None] = field(default_factory=dict)


def rep_figures(
    rep: str,
    facts: Iterable[Facts],
    reference: Reference,
    today: dt.date,
    practice: Practice | None = None,
) -> RepFigures:
    """One rep's figures from their records (needs :data:`NEEDS`) and drill practice."""
    accounts = by_account(facts)
    meetings = reached = rated = advances = 0
    to_closing: list[int] = []
    for records in accounts.values():
        held = {r.meeting for r in records if (day := parse_day(r.day)) and day <= today}
        meetings += len(held)
        for record in records:
            if record.kind == "debrief":
                rated += len(record.results) - record.results.count("-")
                reached += record.results.count("r")
        advances += moves(stays(records, reference, today), reference)[0]
        days = _days_to_closing(records, today)
        if days is not None:
            to_closing.append(days)
    return RepFigures(
        rep=rep,
        accounts=len(accounts),
        meetings=meetings,
        objectives_rated=rated,
        objectives_reached=reached / rated if rated else None,
        phase_advances=advances,
        closings=len(to_closing),
        days_to_closing=sum(to_closing) / len(to_closing) if to_closing else None,
        cards_reviewed=practice.reviewed if practice else 0,
        practice_good=practice.good_or_easy if practice else None,
    )


def team(reps: Sequence[RepFigures]) -> TeamReport:
    """Score each rep's figures against the team average."""
    averages: dict[str, float | None] = {}
    for metric in METRICS:
        values = [v for rep in reps if (v := rep.value(metric)) is not None]
        averages[metric] = sum(values) / len(values) if values else None
    lines = [
        RepLine(
            rep, {metric: score(rep.value(metric), averages[metric], metric) for metric in METRICS}
        )
        for rep in reps
    ]
    return TeamReport(reps=lines, averages=averages)


def score(value: float | None, average: float | None, metric: str) -> float | None:
    """A figure's score out of 5 against the team average (see the module docstring)."""
    if value is None or average is None:
        return None
    if metric in LOWER_IS_BETTER:
        value, average = average, value
    if average == 0:
        return 2.5 if value == 0 else 5.0
    return round(min(5.0, max(0.0, 2.5 * value / average)), 1)


def _days_to_closing(records: list[Facts], today: dt.date) -> int | None:
    days = [d for r in records if (d := parse_day(r.day)) is not None and d <= today]
    closings = [
        d
        for r in records
        if r.meeting_type == CLOSING and (d := parse_day(r.day)) is not None and d <= today
    ]
    if not days or not closings:
        return None
    return (min(closings) - min(days)).days
