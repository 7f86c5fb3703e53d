"""How often meeting objectives are reached: overall, by meeting type, and month by month.

Results come from debriefs (``debrief.objectives_result``: reached, partly, not). Objectives a
prep set for a meeting that has no debrief are counted apart, as *not debriefed*: a result nobody
recorded is not a missed objective.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from salescoach.store.facts import Facts, Part

_COUNTED = ("reached", "partly", "not", "unrated")
"""The results counted, in the order of :class:`Results`' counts (any letter but ``r``, ``p``
and ``n`` is an objective left unrated)."""

NEEDS: frozenset[Part] = frozenset()


@dataclass(frozen=True)
class Shares:
    """Objective results of one group of meetings (a type, a month, or all of them)."""

    group: str
    objectives: int
    reached: int
    partly: int
    not_reached: int
    unrated: int
    """Debriefed objectives whose result was left empty."""

    @property
    def rated(self) -> int:
        """Objectives with a result."""
        return self.reached + self.partly + self.not_reached

    def share(self, count: int) -> float | None:
        """``count`` as a share of the rated objectives (``None`` when none is rated)."""
        return count / self.rated if self.rated else None


@dataclass(frozen=True)
class ObjectivesReport:
    """Objective results overall, by meeting type (most objectives first), and by month."""

    overall: Shares
    by_type: list[Shares] = field(default_factory=list)
    by_month: list[Shares] = field(default_factory=list)
    not_debriefed: int = 0
    """Objectives set in preps whose meeting has no debrief."""


class Results(NamedTuple):
    """The objective results of some debriefs of one meeting type in one month."""

    meeting_type: str | None
    month: str
    """``YYYY-MM`` (the first seven characters of :attr:`Facts.day`)."""
    reached: int
    partly: int
    not_reached: int
    unrated: int


def objectives(facts: Iterable[Facts]) -> ObjectivesReport:
    """The objectives report (needs :data:`NEEDS`: no parts, it counts :attr:`Facts.results`)."""
    planned: dict[str, int] = {}
    debriefed: set[str] = set()
    results: list[Results] = []
    for record in facts:
        if record.kind == "prep":
            planned[record.meeting] = len(record.results)
            continue
        debriefed.add(record.meeting)
        codes = record.results
        reached, partly, not_reached = (codes.count(code) for code in "rpn")
        unrated = len(codes) - reached - partly - not_reached
        results.append(
            Results(record.meeting_type, record.day[:7], reached, partly, not_reached, unrated)
        )
    not_debriefed = sum(n for meeting, n in planned.items() if meeting not in debriefed)
    return objectives_of(results, not_debriefed)


def objectives_of(results: Iterable[Results], not_debriefed: int) -> ObjectivesReport:
    """The objectives report from the debriefs' results (one item per debrief, or per meeting
    type and month as the index sums them) and the objectives of preps never debriefed."""
    overall: dict[str, int] = {}
    by_type: dict[str, dict[str, int]] = {}
    by_month: dict[str, dict[str, int]] = {}
    for found in results:
        type_counts = by_type.setdefault(found.meeting_type or "(no type)", {})
        month_counts = by_month.setdefault(found.month, {})
        for result, count in zip(_COUNTED, found[2:], strict=True):
            if not count:
                continue
            for counts in (overall, type_counts, month_counts):
                counts[result] = counts.get(result, 0) + count
    types = sorted(
        ((group, counts) for group, counts in by_type.items() if counts),
        key=lambda item: (-sum(item[1].values()), item[0]),
    )
    return ObjectivesReport(
        overall=_shares("all", overall),
        by_type=[_shares(group, counts) for group, counts in types],
        by_month=[_shares(group, counts) for group, counts in sorted(by_month.items()) if counts],
        not_debriefed=not_debriefed,
    )


def _shares(group: str, counts: dict[str, int]) -> Shares:
    return Shares(
        group=group,
        objectives=sum(counts.values()),
        reached=counts.get("reached", 0),
        partly=counts.get("partly", 0),
        not_reached=counts.get("not", 0),
        unrated=counts.get("unrated", 0),
    )
