"""How often meeting objectives are reached: overall, by meeting type, and month by month.

Results come from debriefs (``debrief.objectives_result``: reached, partly, not). Objectives a
prep set for a meeting that has no debrief are counted apart, as *not debriefed*: a result nobody
recorded is not a missed objective.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from salescoach.store.facts import Facts, Part

_RESULT_OF_CODE = {"r": "reached", "p": "partly", "n": "not", "-": "unrated"}

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


def objectives(facts: Iterable[Facts]) -> ObjectivesReport:
    """The objectives report (needs :data:`NEEDS`: no parts, it counts :attr:`Facts.results`)."""
    overall: dict[str, int] = {}
    by_type: dict[str, dict[str, int]] = {}
    by_month: dict[str, dict[str, int]] = {}
    planned: dict[str, int] = {}
    debriefed: set[str] = set()
    for record in facts:
        if record.kind == "prep":
            planned[record.meeting] = len(record.results)
            continue
        debriefed.add(record.meeting)
        type_counts = by_type.setdefault(record.meeting_type or "(no type)", {})
        month_counts = by_month.setdefault(record.day[:7], {})
        for code in record.results:
            result = _RESULT_OF_CODE.get(code, "unrated")
            for counts in (overall, type_counts, month_counts):
                counts[result] = counts.get(result, 0) + 1
    types = sorted(
        ((group, counts) for group, counts in by_type.items() if counts),
        key=lambda item: (-sum(item[1].values()), item[0]),
    )
    return ObjectivesReport(
        overall=_shares("all", overall),
        by_type=[_shares(group, counts) for group, counts in types],
        by_month=[_shares(group, counts) for group, counts in sorted(by_month.items()) if counts],
        not_debriefed=sum(n for meeting, n in planned.items() if meeting not in debriefed),
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
