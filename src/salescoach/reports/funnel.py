"""How deep discoveries go: the share of debriefs with information at each funnel level.

The four levels of the discovery funnel (``debrief.learned_necessary`` … ``learned_superficial``):
every competitor gathers what is *necessary* for an offer; few dig up to the *useful* and the
"naively *superficial*" questions about the client's market and person, which is where a rep
differentiates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from salescoach.store.facts import LEVELS, Facts, Part

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
    total = 0
    counts = dict.fromkeys(LEVELS, 0)
    depth = dict.fromkeys(range(len(LEVELS) + 1), 0)
    for record in facts:
        if record.kind != "debrief":
            continue
        total += 1
        levels = record.levels
        depth[len(levels)] += 1
        for level in levels:
            counts[level] += 1
    rows = [
        LevelRow(level, counts[level], counts[level] / total if total else 0.0) for level in LEVELS
    ]
    return FunnelReport(debriefs=total, rows=rows, depth=depth)
