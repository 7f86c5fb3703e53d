"""A manager's view of several reps' homes: each rep's figures and a score out of 5 on each.

What is scored is what the method measures a rep's added value on (the ``added-value``
reference list, :data:`STAGES`): objectives reached and phase advances (following the project's
maturation); the conversion rate, the days from an account's first meeting to its signature and
the revenue signed (building the solution); the services deployed per client won (loyalty).
A score compares a figure with the team average: the average scores 2.5, twice the average (or
half, for days to signature, where less is better) scores 5, and scores are capped at 5. With one
rep, everyone is the average.

An account is *won* at its first debrief whose outcome is ``won`` or that places it in the
after-sale state (``client``); an account whose records start in that state was already a
client and is left out of the conversion rate. The meetings held, the margin signed against its
objective, drill practice (cards rated in the last 30 days) and the integration checklist
(``salescoach onboarding``) are shown beside the scores, not scored: a raw count of meetings says
how busy a rep is, not what they bring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from salescoach.reports.phases import indexed_tally, moves, stays
from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Outcome, Part, by_account, parse_day

if TYPE_CHECKING:
    from salescoach.store.index import Index

NEEDS: frozenset[Part] = frozenset({"outcome"})
METRICS = (
    "objectives_reached",
    "phase_advances",
    "conversion_rate",
    "days_to_signature",
    "revenue",
    "services_per_client",
)
LOWER_IS_BETTER = frozenset({"days_to_signature"})
STAGES = {
    "objectives_reached": "maturation",
    "phase_advances": "maturation",
    "conversion_rate": "solution",
    "days_to_signature": "solution",
    "revenue": "solution",
    "services_per_client": "loyalty",
    "margin_gap": "negotiation",
}
"""The stage of the ``added-value`` list (entry id) each figure measures."""


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
    """Meetings held (shown, not scored)."""
    objectives_rated: int
    objectives_reached: float | None
    """Share of rated objectives reached."""
    phase_advances: int
    prospects: int = 0
    """Accounts met that were not clients yet: the sample behind ``conversion_rate``."""
    won: int = 0
    """Of those, the accounts won."""
    conversion_rate: float | None = None
    days_to_signature: float | None = None
    """Average days from an account's first meeting to the debrief that won it."""
    revenue: float | None = None
    """Sum of the amounts signed (k€), when any debrief gave one."""
    services_per_client: float | None = None
    """Average number of distinct services signed per account won."""
    margin_gap: float | None = None
    """Average margin signed minus the margin aimed at (points), over the wins that gave both."""
    cards_reviewed: int = 0
    """Drill ratings given in the last 30 days (``salescoach drill``)."""
    practice_good: float | None = None
    """Share of those ratings that were good or easy."""
    onboarding_done: int | None = None
    """Points of the integration checklist ticked (``salescoach onboarding``); ``None`` when
    the rep never opened it."""
    onboarding_total: int | None = None

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
    """Every rep's line, the team averages the scores are measured against, and the stage of
    the ``added-value`` list each figure measures (metric → the stage's label)."""

    reps: list[RepLine] = field(default_factory=list)
    averages: dict[str, float | None] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)


@dataclass
class _Deals:
    """What one rep's accounts tell about signatures."""

    prospects: int = 0
    won: int = 0
    days: list[int] = field(default_factory=list)
    amounts: list[float] = field(default_factory=list)
    services: list[int] = field(default_factory=list)
    margin_gaps: list[float] = field(default_factory=list)


class Held(NamedTuple):
    """A record held by today (its day valid and not after today), as a deal reads it."""

    day: str
    phase: str | None
    outcome: Outcome | None
    """A debrief's outcome when it is a win."""


@dataclass(frozen=True)
class Activity:
    """What a rep's records add up to, before the deals are scored (computed from every
    record's facts, or by the index in a few queries)."""

    accounts: int
    meetings: int
    """Meetings held by today (one per meeting id and account)."""
    objectives_rated: int
    objectives_reached: int
    phase_advances: int
    first_held: list[Held]
    """Each account's first record held by today (accounts with none are left out)."""
    deals: dict[int, list[Held]] = field(default_factory=dict)
    """By position in :attr:`first_held`: the account's debriefs held by today that won or
    placed it in an after-sale state, in chronological order."""


def rep_figures(
    rep: str,
    facts: Iterable[Facts],
    reference: Reference,
    today: dt.date,
    practice: Practice | None = None,
    onboarding: tuple[int, int] | None = None,
) -> RepFigures:
    """One rep's figures from their records (needs :data:`NEEDS`), drill practice and
    integration checklist (points done, points in all)."""
    return rep_figures_of(rep, activity(facts, reference, today), reference, practice, onboarding)


def activity(facts: Iterable[Facts], reference: Reference, today: dt.date) -> Activity:
    """What a rep's records add up to on ``today`` (needs :data:`NEEDS`)."""
    accounts = by_account(facts)
    meetings = reached = rated = advances = 0
    first_held: list[Held] = []
    deals: dict[int, list[Held]] = {}
    for slug in sorted(accounts):  # by slug, as the index gives them: the sums are the same
        records = accounts[slug]
        held = [r for r in records if (day := parse_day(r.day)) and day <= today]
        meetings += len({r.meeting for r in held})
        for record in records:
            if record.kind == "debrief":
                rated += len(record.results) - record.results.count("-")
                reached += record.results.count("r")
        advances += moves(stays(records, reference, today), reference)[0]
        if held:
            deals[len(first_held)] = [
                Held(r.day, r.phase, r.outcome[0] if _won(r) else None)
                for r in held
                if r.kind == "debrief" and (_won(r) or _after_sale(r.phase, reference))
            ]
            first_held.append(Held(held[0].day, held[0].phase, None))
    return Activity(len(accounts), meetings, rated, reached, advances, first_held, deals)


def indexed_activity(index: Index, reference: Reference, today: dt.date) -> Activity:
    """:func:`activity` of every record in ``index``, from what it counts in a few queries."""
    day = today.isoformat()
    advances = indexed_tally(index.phase_observations(day), reference, today).advances
    deals: dict[str, list[Held]] = {}
    for slug, held_day, held_phase, outcome in index.deals_held(day, after_sale_values(reference)):
        deals.setdefault(slug, []).append(Held(held_day, held_phase, outcome))
    first_held = index.first_held(day)
    rated, reached = index.objectives_rated()
    return Activity(
        index.account_count(),
        index.meetings_held(day),
        rated,
        reached,
        advances,
        [Held(first_day, first_phase, None) for _, first_day, first_phase in first_held],
        {position: deals.get(slug, []) for position, (slug, _, _) in enumerate(first_held)},
    )


def rep_figures_of(
    rep: str,
    found: Activity,
    reference: Reference,
    practice: Practice | None = None,
    onboarding: tuple[int, int] | None = None,
) -> RepFigures:
    """One rep's figures from what their records add up to, drill practice and integration
    checklist (points done, points in all)."""
    deals = _Deals()
    for position, first in enumerate(found.first_held):
        _count_deal(first, found.deals.get(position, []), reference, deals)
    rated, reached = found.objectives_rated, found.objectives_reached
    return RepFigures(
        rep=rep,
        accounts=found.accounts,
        meetings=found.meetings,
        objectives_rated=rated,
        objectives_reached=reached / rated if rated else None,
        phase_advances=found.phase_advances,
        prospects=deals.prospects,
        won=deals.won,
        conversion_rate=deals.won / deals.prospects if deals.prospects else None,
        days_to_signature=_mean(deals.days),
        revenue=sum(deals.amounts) if deals.amounts else None,
        services_per_client=_mean(deals.services),
        margin_gap=_mean(deals.margin_gaps),
        cards_reviewed=practice.reviewed if practice else 0,
        practice_good=practice.good_or_easy if practice else None,
        onboarding_done=onboarding[0] if onboarding else None,
        onboarding_total=onboarding[1] if onboarding else None,
    )


def team(reps: Sequence[RepFigures], reference: Reference | None = None) -> TeamReport:
    """Score each rep's figures against the team average; ``reference`` names the stages."""
    averages: dict[str, float | None] = {}
    for metric in (*METRICS, "meetings", "margin_gap"):
        values = [v for rep in reps if (v := rep.value(metric)) is not None]
        averages[metric] = sum(values) / len(values) if values else None
    lines = [
        RepLine(
            rep, {metric: score(rep.value(metric), averages[metric], metric) for metric in METRICS}
        )
        for rep in reps
    ]
    labels = reference.added_value if reference else {}
    stages = {metric: labels.get(stage, stage) for metric, stage in STAGES.items()}
    return TeamReport(reps=lines, averages=averages, stages=stages)


def score(value: float | None, average: float | None, metric: str) -> float | None:
    """A figure's score out of 5 against the team average (see the module docstring)."""
    if value is None or average is None:
        return None
    if metric in LOWER_IS_BETTER:
        value, average = average, value
    if average == 0:
        return 2.5 if value == 0 else 5.0
    return round(min(5.0, max(0.0, 2.5 * value / average)), 1)


def _count_deal(first: Held, deals_held: list[Held], reference: Reference, deals: _Deals) -> None:
    """Add one account to the rep's deals: its first record held, and its debriefs held that
    won or placed it in an after-sale state."""
    if _after_sale(first.phase, reference):
        return  # already a client when first met: not a prospect converted
    deals.prospects += 1
    if not deals_held:
        return
    deals.won += 1
    first_day, signed = parse_day(first.day), parse_day(deals_held[0].day)
    if first_day and signed:
        deals.days.append((signed - first_day).days)
    wins = [held.outcome for held in deals_held if held.outcome is not None]
    amounts = [o.amount for o in wins if o.amount is not None]
    deals.amounts.extend(amounts)
    deals.services.append(len({s.casefold() for o in wins for s in o.services}))
    deals.margin_gaps.extend(
        o.margin - o.margin_target
        for o in wins
        if o.margin is not None and o.margin_target is not None
    )


def _won(record: Facts) -> bool:
    return bool(record.outcome) and record.outcome[0].result == "won"


def _after_sale(phase: str | None, reference: Reference) -> bool:
    known = reference.phase(phase)
    return known is not None and known.after_sale


def after_sale_values(reference: Reference) -> list[str]:
    """Every answer that places an account in an after-sale state (a phase's id or number)."""
    values = {value for phase in reference.phases for value in (phase.id, str(phase.number))}
    return sorted(value for value in values if _after_sale(value, reference))


def _mean(values: Sequence[float | int]) -> float | None:
    return sum(values) / len(values) if values else None
