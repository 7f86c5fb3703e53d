"""Which objections really come up, how well they are handled, and how the real top ten
compares with the playbook's: what a trainer needs to update the objection library.

Objections come from debriefs: library ids (``debrief.objections_met``, rated in
``debrief.objection_handling``) and the client's own words (``debrief.new_objections``). The
same words written with other capitals, spacing or final punctuation count as one objection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

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


class Wording(NamedTuple):
    """One wording of an objection as debriefs recorded it: a library id (``in_library``) or
    the client's words, exactly as written; the index groups them in one query."""

    objection: str
    in_library: bool
    met: int
    """Debriefs in which it came up."""
    rated: int
    """How many times its handling was rated, and the sum of those ratings."""
    rating_total: int
    first: tuple[str, str]
    """The day and creation time of the earliest debrief that recorded it."""


MetTogether = Callable[[Sequence[tuple[str, bool]]], int]
"""How many debriefs recorded at least one of some wordings (objection, in_library)."""


def objections(facts: Iterable[Facts], reference: Reference) -> ObjectionsReport:
    """The objections report over the debriefs among ``facts`` (needs :data:`NEEDS`)."""
    debriefs = 0
    records: dict[tuple[str, bool], set[int]] = {}
    ratings: dict[tuple[str, bool], list[int]] = {}
    first: dict[tuple[str, bool], tuple[str, str]] = {}
    for number, record in enumerate(facts):
        if record.kind != "debrief":
            continue
        debriefs += 1
        for item in record.objections:
            variant = (item.objection, item.in_library)
            records.setdefault(variant, set()).add(number)
            if variant not in first or (record.day, record.created) < first[variant]:
                first[variant] = (record.day, record.created)
            ratings.setdefault(variant, [])
            if item.handling is not None:
                ratings[variant].append(item.handling)
    wordings = [
        Wording(words, in_library, len(records[variant]), len(scores), sum(scores), first[variant])
        for variant, scores in ratings.items()
        for words, in_library in [variant]
    ]

    def met_together(variants: Sequence[tuple[str, bool]]) -> int:
        return len(set().union(*(records[variant] for variant in variants)))

    return objections_of(debriefs, wordings, met_together, reference)


def objections_of(
    debriefs: int, wordings: Iterable[Wording], met_together: MetTogether, reference: Reference
) -> ObjectionsReport:
    """The objections report from how many debriefs there are and every wording they recorded.

    The same words written with other capitals, spacing or final punctuation are one objection;
    ``met_together`` counts the debriefs such an objection came up in (once per debrief).
    """
    variants: dict[str, list[Wording]] = {}
    for wording in wordings:
        key = wording.objection if wording.in_library else normalise(wording.objection)
        if key:
            variants.setdefault(key, []).append(wording)
    met: dict[str, int] = {}
    words: dict[str, str] = {}
    in_library: dict[str, bool] = {}
    handling: dict[str, float | None] = {}
    for key, found in variants.items():
        # The earliest wording names it (the library's at the same time: a debrief lists the
        # library's objections before the client's words).
        earliest = min(found, key=lambda w: (w.first, w.objection, not w.in_library))
        words[key] = earliest.objection
        in_library[key] = earliest.in_library and earliest.objection in reference.objections
        if len(found) == 1:
            met[key] = earliest.met
        else:
            met[key] = met_together([(w.objection, w.in_library) for w in found])
        rated = sum(w.rated for w in found)
        total = sum(w.rating_total for w in found)
        handling[key] = round(total / rated, 2) if rated else None
    library_ranks = {objection: rank for rank, objection in enumerate(reference.objections, 1)}
    ordered = sorted(met, key=lambda key: (-met[key], words[key]))
    rows: list[ObjectionRow] = []
    for position, key in enumerate(ordered, start=1):
        rank = rows[-1].rank if rows and rows[-1].met == met[key] else position
        rows.append(
            ObjectionRow(
                objection=words[key],
                label=reference.objection_label(words[key]) if in_library[key] else words[key],
                in_library=in_library[key],
                met=met[key],
                share=met[key] / debriefs,
                handling=handling[key],
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
