"""The discovery-funnel report: share of debriefs with information at each level."""

from __future__ import annotations

from salescoach.reports.funnel import NEEDS, LevelRow, funnel
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep


def build(repo: Repository) -> None:
    debrief(
        repo,
        prep(repo, "Acme", "2026-01-01"),
        levels=["necessary", "essential", "useful", "superficial"],
    )
    debrief(repo, prep(repo, "Acme", "2026-02-01"), levels=["necessary", "essential"])
    debrief(repo, prep(repo, "Beta", "2026-02-01"), levels=["necessary"])
    debrief(repo, prep(repo, "Beta", "2026-03-01"))
    prep(repo, "Gamma", "2026-03-01")  # preps are not counted


def test_funnel_report(repo: Repository, sources: FactSources) -> None:
    build(repo)
    for facts in sources(NEEDS):
        found = funnel(facts)
        assert found.debriefs == 4
        assert found.rows == [
            LevelRow("necessary", 3, 0.75),
            LevelRow("essential", 2, 0.5),
            LevelRow("useful", 1, 0.25),
            LevelRow("superficial", 1, 0.25),
        ]
        assert found.depth == {0: 1, 1: 1, 2: 1, 3: 0, 4: 1}


def test_no_debriefs() -> None:
    found = funnel([])
    assert found.debriefs == 0
    assert [row.share for row in found.rows] == [0.0] * 4
