"""How deep discoveries go: the share of debriefs with information at each funnel level.

The four levels of the discovery funnel (``debrief.learned_necessary`` … ``learned_superficial``):
every competitor gathers what is *necessary* for an offer; few dig up to the *useful* and the
"naively *superficial*" questions about the client's market and person, which is where a rep
differentiates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from salescoach.store.facts import LEVELS, Facts, Part, levels_of

NEEDS: frozenset[Part] = frozenset()


@dataclass(frozen=True)
class LevelRow:
    """One level of the funnel: how many debriefs recorded something at it."""

    level: str
    debriefs: int
    share: float


@dataclass(frozen=True)
class FunnelReport:
    """The levels in the method's order, and how many levels debriefs reach."""

    debriefs: int
    rows: list[LevelRow] = field(default_factory=list)
    depth: dict[int, int] = field(default_factory=dict)
    """Number of levels recorded (0–4) → debriefs."""


def funnel(facts: Iterable[Facts]) -> FunnelReport:
    """The funnel report over the debriefs among ``facts`` (needs :data:`NEEDS`: no parts)."""
    return funnel_of(Counter(record.funnel for record in facts if record.kind == "debrief"))


def funnel_of(debriefs: Mapping[str, int]) -> FunnelReport:
    """The funnel report from how many debriefs recorded each :attr:`Facts.funnel` (what the
    index counts in one query)."""
    total = 0
    counts = dict.fromkeys(LEVELS, 0)
    depth = dict.fromkeys(range(len(LEVELS) + 1), 0)
    for codes, count in debriefs.items():
        total += count
        levels = levels_of(codes)
        depth[len(levels)] += count
        for level in levels:
            counts[level] += count
    rows = [
        LevelRow(level, counts[level], counts[level] / total if total else 0.0) for level in LEVELS
    ]
    return FunnelReport(debriefs=total, rows=rows, depth=depth)
