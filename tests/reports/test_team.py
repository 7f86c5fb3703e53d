"""The team report on three reps' homes, on 2026-06-30.

Hand-worked figures (meetings / share of rated objectives reached / phase advances / days from
an account's first meeting to its first closing):

- ana: 6 / 3 of 4 = 0.75 / 2 (1 → 2 → 3) / 30 (01-01 → 01-31)
- ben: 2 / 1 of 2 = 0.5 / 0 / none
- cleo: 7 / 0 of 2 = 0.0 / 1 (3 → 2 is a setback, 2 → 3 an advance) / 90 (01-01 → 04-01)

Team averages: 5 / 0.41666… / 1 / 60. A score is 2.5 × figure / average, capped at 5
(average / figure for days to closing):

- ana: 3.0 / 4.5 / 5.0 / 5.0
- ben: 1.0 / 3.0 / 0.0 / none
- cleo: 3.5 / 0.0 / 2.5 / 1.7 (2.5 × 60 / 90 = 1.67)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salescoach.reports.reference import Reference
from salescoach.reports.team import NEEDS, RepFigures, rep_figures, score, team
from salescoach.store.index import Index
from salescoach.store.repository import Repository
from tests.reports.homes import all_facts, debrief, prep

TODAY = dt.date(2026, 6, 30)


def build_team(root: Path) -> list[Path]:
    """Three reps' homes under ``root``: ana, ben, cleo."""
    ana = Repository(root / "ana")
    one = prep(ana, "North", "2026-01-01", phase="phase-1", objectives=["A", "B"])
    debrief(ana, one, phase="phase-2", results=["reached", "reached"])
    two = prep(ana, "North", "2026-01-15", "negotiation", phase="phase-2", objectives=["C", "D"])
    debrief(ana, two, phase="phase-3", results=["reached", "not"])
    debrief(ana, prep(ana, "North", "2026-01-31", "closing", phase="phase-3"), phase="phase-3")
    for date in ("2026-02-01", "2026-02-10", "2026-02-20"):
        prep(ana, "South", date, "presentation")

    ben = Repository(root / "ben")
    solo = prep(ben, "Solo", "2026-01-05", phase="phase-2", objectives=["E", "F"])
    debrief(ben, solo, phase="phase-2", results=["reached", "partly"])
    prep(ben, "Solo", "2026-01-20", "presentation")
    prep(ben, "Solo", "2026-08-01", "closing")  # not held yet: not counted

    cleo = Repository(root / "cleo")
    big = prep(cleo, "Big", "2026-01-01", phase="phase-3", objectives=["G", "H"])
    debrief(cleo, big, phase="phase-2", results=["not", "partly"])
    debrief(cleo, prep(cleo, "Big", "2026-02-01", "presentation"), phase="phase-3")
    prep(cleo, "Big", "2026-04-01", "closing")
    for date in ("2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"):
        prep(cleo, "Other", date)
    return [root / "ana", root / "ben", root / "cleo"]


EXPECTED_FIGURES = [
    RepFigures("ana", 2, 6, 4, 0.75, 2, 1, 30.0),
    RepFigures("ben", 1, 2, 2, 0.5, 0, 0, None),
    RepFigures("cleo", 2, 7, 2, 0.0, 1, 1, 90.0),
]
EXPECTED_SCORES = [
    {"meetings": 3.0, "objectives_reached": 4.5, "phase_advances": 5.0, "days_to_closing": 5.0},
    {"meetings": 1.0, "objectives_reached": 3.0, "phase_advances": 0.0, "days_to_closing": None},
    {"meetings": 3.5, "objectives_reached": 0.0, "phase_advances": 2.5, "days_to_closing": 1.7},
]


@pytest.mark.parametrize("through_index", [False, True])
def test_team_report_on_three_homes(
    tmp_path: Path, reference: Reference, through_index: bool
) -> None:
    figures = []
    for home in build_team(tmp_path):
        if through_index:
            with Index.open(home) as index:
                facts = index.facts(parts=NEEDS)
        else:
            facts = all_facts(home)
        figures.append(rep_figures(home.name, facts, reference, TODAY))
    assert figures == EXPECTED_FIGURES
    found = team(figures)
    assert found.averages == {
        "meetings": 5.0,
        "objectives_reached": pytest.approx(1.25 / 3),
        "phase_advances": 1.0,
        "days_to_closing": 60.0,
    }
    assert [line.scores for line in found.reps] == EXPECTED_SCORES


def test_scores_at_the_edges() -> None:
    assert score(None, 3.0, "meetings") is None
    assert score(3.0, None, "meetings") is None
    assert score(0.0, 0.0, "phase_advances") == 2.5  # nobody advanced: everyone is average
    assert score(2.0, 0.0, "phase_advances") == 5.0
    assert score(0.0, 30.0, "days_to_closing") == 5.0  # closed at the first meeting
    assert score(100.0, 1.0, "meetings") == 5.0  # capped


def test_one_rep_is_the_average(reference: Reference) -> None:
    alone = team([RepFigures("solo", 1, 4, 2, 0.5, 1, 1, 10.0)])
    assert alone.reps[0].scores == dict.fromkeys(alone.averages, 2.5)
