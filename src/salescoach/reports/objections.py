"""Which objections really come up, how well they are handled, and how the real top ten
compares with the playbook's: what a trainer needs to update the objection library.

Objections come from debriefs: library ids (``debrief.objections_met``, rated in
``debrief.objection_handling``) and the client's own words (``debrief.new_objections``). The
same words written with other capitals, spacing or final punctuation count as one objection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Part

NEEDS: frozenset[Part] = frozenset({"objections"})
TOP = 10

_TRAILING = re.compile(r"[\s.!?…;:,]+$")


@dataclass(frozen=True)
class ObjectionRow:
    """One objection: how often it was met and how well it was handled."""

    objection: str
    """The library id, or the client's words (as first written)."""
    label: str
    in_library: bool
    met: int
    share: float
    """Share of debriefs in which it came up."""
    handling: float | None
    """Average self-rating of the handling, 1–5 (``None`` if never rated)."""
    rank: int
    """Its place by frequency (1 = most met); ties share the better rank."""
    library_rank: int | None
    """Its place in the playbook's list, or ``None`` if the library lacks it."""


@dataclass(frozen=True)
class ObjectionsReport:
    """Every objection met (most met first), and the comparison with the library's top ten."""

    debriefs: int
    rows: list[ObjectionRow] = field(default_factory=list)
    missing_from_library: list[str] = field(default_factory=list)
    """Objections in the real top ten that the library lacks: candidates to add."""
    outside_top: list[str] = field(default_factory=list)
    """Library entries met, but not among the ten most met."""
    never_met: list[str] = field(default_factory=list)
    """Library entries no debrief mentions."""


def normalise(words: str) -> str:
    """What makes two written objections the same: case, spacing and final punctuation ignored."""
    return _TRAILING.sub("", " ".join(words.casefold().split()))


def objections(facts: Iterable[Facts], reference: Reference) -> ObjectionsReport:
    """The objections report over the debriefs among ``facts`` (needs :data:`NEEDS`)."""
    debriefs = 0
    met: dict[str, int] = {}
    ratings: dict[str, list[int]] = {}
    written: dict[str, tuple[tuple[str, int, str], str]] = {}
    """The earliest wording of each objection, with when it was recorded."""
    in_library: dict[str, bool] = {}
    for record in facts:
        if record.kind != "debrief":
            continue
        debriefs += 1
        seen: set[str] = set()
        for item in record.objections:
            key = item.objection if item.in_library else normalise(item.objection)
            if not key:
                continue
            wording = (record.order, item.objection)
            if key not in written or wording < written[key]:
                written[key] = wording
                in_library[key] = item.in_library and item.objection in reference.objections
            if key not in seen:
                seen.add(key)
                met[key] = met.get(key, 0) + 1
            if item.handling is not None:
                ratings.setdefault(key, []).append(item.handling)
    library_ranks = {objection: rank for rank, objection in enumerate(reference.objections, 1)}
    words = {key: wording for key, (_, wording) in written.items()}
    ordered = sorted(met, key=lambda key: (-met[key], words[key]))
    rows: list[ObjectionRow] = []
    for position, key in enumerate(ordered, start=1):
        rank = rows[-1].rank if rows and rows[-1].met == met[key] else position
        scores = ratings.get(key)
        rows.append(
            ObjectionRow(
                objection=words[key],
                label=reference.objection_label(words[key]) if in_library[key] else words[key],
                in_library=in_library[key],
                met=met[key],
                share=met[key] / debriefs,
                handling=round(sum(scores) / len(scores), 2) if scores else None,
                rank=rank,
                library_rank=library_ranks.get(words[key]) if in_library[key] else None,
            )
        )
    top = [row for row in rows if row.rank <= TOP]
    return ObjectionsReport(
        debriefs=debriefs,
        rows=rows,
        missing_from_library=[row.objection for row in top if not row.in_library],
        outside_top=[row.objection for row in rows if row.in_library and row.rank > TOP],
        never_met=[objection for objection in reference.objections if objection not in met],
    )
