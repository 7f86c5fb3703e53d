"""Moved to :mod:`salescoach.store.facts`: the index's row model belongs to the store.

Only re-exports, for branches written against the old place; import from the store instead.
"""

from salescoach.store.facts import (
    ALL_PARTS,
    LEVEL_CODES,
    LEVELS,
    PLANNED,
    RESULT_CODES,
    RESULTS,
    Calendar,
    Facts,
    NextStep,
    ObjectionMet,
    Objective,
    Part,
    by_account,
    facts_of,
    parse_day,
)

__all__ = [
    "ALL_PARTS",
    "Calendar",
    "LEVELS",
    "LEVEL_CODES",
    "PLANNED",
    "RESULTS",
    "RESULT_CODES",
    "Facts",
    "NextStep",
    "ObjectionMet",
    "Objective",
    "Part",
    "by_account",
    "facts_of",
    "parse_day",
]
