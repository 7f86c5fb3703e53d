"""The team report on three reps' homes, on 2026-06-30, worked out by hand.

What is scored is what the added-value list measures; meetings held are shown, not scored.

- ana: North met 01-01 (phase 1), won at the closing debrief of 01-31 (outcome won, 98 k€,
  margin 31 % for an objective of 33 %, two services); South: three presentations, not won.
  Objectives 3 of 4 = 0.75; advances 2 (1 → 2 → 3); conversion 1 of 2 prospects = 0.5;
  30 days to signature; 98 k€ signed; 2 services per client won; margin −2 points.
- ben: Solo met twice, not won (a closing planned for August is not held yet). Objectives 1 of
  2 = 0.5; advances 0; conversion 0 of 1 = 0.0; nothing signed.
- cleo: Big met 01-01 (phase 3), signed at the debrief of 02-01 that places it after the sale
  (the `client` state, no outcome given): 31 days, no service named; Other: four meetings, not
  won; Old was a client when first met (an account review): left out of the conversion rate.
  Objectives 0 of 2; advances 1 (3 → 2 a setback, 2 → client an advance); conversion 1 of 2.

Team averages: objectives 1.25 / 3; advances 1; conversion 1 / 3; days 30.5; revenue 98;
services 1. A score is 2.5 × figure / average, capped at 5 (average / figure for days):

- ana: 4.5 / 5.0 / 3.75 → 3.8 / 2.5 × 30.5 / 30 = 2.54 → 2.5 / 2.5 / 5.0
- ben: 3.0 / 0.0 / 0.0 / none / none / none
- cleo: 0.0 / 2.5 / 3.8 / 2.5 × 30.5 / 31 = 2.46 → 2.5 / none / 0.0
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salescoach.reports.reference import Reference
from salescoach.reports.team import (
    METRICS,
    NEEDS,
    RepFigures,
    indexed_activity,
    rep_figures,
    rep_figures_of,
    score,
    team,
)
from salescoach.store.index import Index
from salescoach.store.repository import Repository
from tests.reports.homes import all_facts, debrief, prep

TODAY = dt.date(2026, 6, 30)
WON = {
    "outcome": "won",
    "amount": 98,
    "margin": 31,
    "margin_target": 33,
    "services": ["Slot planning", "On-site support"],
}


def build_team(root: Path) -> list[Path]:
    """Three reps' homes under ``root``: ana, ben, cleo."""
    ana = Repository(root / "ana")
    one = prep(ana, "North", "2026-01-01", phase="phase-1", objectives=["A", "B"])
    debrief(ana, one, phase="phase-2", results=["reached", "reached"], more={"outcome": "ongoing"})
    two = prep(ana, "North", "2026-01-15", "negotiation", phase="phase-2", objectives=["C", "D"])
    debrief(ana, two, phase="phase-3", results=["reached", "not"])
    closing = prep(ana, "North", "2026-01-31", "closing", phase="phase-3")
    debrief(ana, closing, phase="phase-3", more=WON)
    for date in ("2026-02-01", "2026-02-10", "2026-02-20"):
        prep(ana, "South", date, "presentation")

    ben = Repository(root / "ben")
    solo = prep(ben, "Solo", "2026-01-05", phase="phase-2", objectives=["E", "F"])
    debrief(ben, solo, phase="phase-2", results=["reached", "partly"], more={"outcome": "lost"})
    prep(ben, "Solo", "2026-01-20", "presentation")
    prep(ben, "Solo", "2026-08-01", "closing")  # not held yet: not counted

    cleo = Repository(root / "cleo")
    big = prep(cleo, "Big", "2026-01-01", phase="phase-3", objectives=["G", "H"])
    debrief(cleo, big, phase="phase-2", results=["not", "partly"])
    debrief(cleo, prep(cleo, "Big", "2026-02-01", "presentation"), phase="client")
    prep(cleo, "Big", "2026-04-01", "account-review")
    for date in ("2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05"):
        prep(cleo, "Other", date)
    prep(cleo, "Old", "2026-03-01", "account-review", phase="client")
    return [root / "ana", root / "ben", root / "cleo"]


EXPECTED_FIGURES = [
    RepFigures("ana", 2, 6, 4, 0.75, 2, 2, 1, 0.5, 30.0, 98.0, 2.0, -2.0),
    RepFigures("ben", 1, 2, 2, 0.5, 0, 1, 0, 0.0, None, None, None, None),
    RepFigures("cleo", 3, 8, 2, 0.0, 1, 2, 1, 0.5, 31.0, None, 0.0, None),
]
EXPECTED_SCORES = [
    {
        "objectives_reached": 4.5,
        "phase_advances": 5.0,
        "conversion_rate": 3.8,
        "days_to_signature": 2.5,
        "revenue": 2.5,
        "services_per_client": 5.0,
    },
    {
        "objectives_reached": 3.0,
        "phase_advances": 0.0,
        "conversion_rate": 0.0,
        "days_to_signature": None,
        "revenue": None,
        "services_per_client": None,
    },
    {
        "objectives_reached": 0.0,
        "phase_advances": 2.5,
        "conversion_rate": 3.8,
        "days_to_signature": 2.5,
        "revenue": None,
        "services_per_client": 0.0,
    },
]


@pytest.mark.parametrize("source", ["files", "index facts", "index counts"])
def test_team_report_on_three_homes(tmp_path: Path, reference: Reference, source: str) -> None:
    figures = []
    for home in build_team(tmp_path):
        if source == "index counts":  # what `report team` does
            with Index.open(home) as index:
                counted = indexed_activity(index, reference, TODAY)
            figures.append(rep_figures_of(home.name, counted, reference))
            continue
        if source == "index facts":
            with Index.open(home) as index:
                facts = index.facts(parts=NEEDS)
        else:
            facts = all_facts(home)
        figures.append(rep_figures(home.name, facts, reference, TODAY))
    assert figures == EXPECTED_FIGURES
    found = team(figures)
    assert found.averages == {
        "objectives_reached": pytest.approx(1.25 / 3),
        "phase_advances": 1.0,
        "conversion_rate": pytest.approx(1 / 3),
        "days_to_signature": 30.5,
        "revenue": 98.0,
        "services_per_client": 1.0,
        "meetings": pytest.approx(16 / 3),
        "margin_gap": -2.0,
    }
    assert [line.scores for line in found.reps] == EXPECTED_SCORES
    # Each figure is named by the stage of the added-value list it measures.
    stages = team(figures, reference).stages
    assert stages["conversion_rate"] == reference.added_value["solution"]
    assert stages["services_per_client"] == reference.added_value["loyalty"]


def test_scores_at_the_edges() -> None:
    assert score(None, 3.0, "revenue") is None
    assert score(3.0, None, "revenue") is None
    assert score(0.0, 0.0, "phase_advances") == 2.5  # nobody advanced: everyone is average
    assert score(2.0, 0.0, "phase_advances") == 5.0
    assert score(0.0, 30.0, "days_to_signature") == 5.0  # signed at the first meeting
    assert score(100.0, 1.0, "revenue") == 5.0  # capped


def test_one_rep_is_the_average(reference: Reference) -> None:
    alone = team([RepFigures("solo", 1, 4, 2, 0.5, 1, 2, 1, 0.5, 10.0, 50.0, 2.0, 1.0)])
    assert alone.reps[0].scores == dict.fromkeys(METRICS, 2.5)
