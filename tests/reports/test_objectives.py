"""The objectives report: results overall, by meeting type, by month; preps never debriefed."""

from __future__ import annotations

from salescoach.reports.objectives import NEEDS, Shares, objectives
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep


def build(repo: Repository) -> None:
    one = prep(repo, "Acme", "2026-01-10", "discovery", objectives=["Budget", "Calendar"])
    debrief(repo, one, results=["reached", "not"])
    two = prep(repo, "Acme", "2026-02-03", "negotiation", objectives=["Sign", "Price", "Date"])
    debrief(repo, two, results=["partly", "reached", None])  # the third left unrated
    three = prep(repo, "Beta", "2026-02-20", "discovery", objectives=["Meet the CFO"])
    debrief(repo, three, results=["reached"])
    prep(repo, "Beta", "2026-03-01", "closing", objectives=["Sign", "Kick-off date"])


def test_objectives_report(repo: Repository, sources: FactSources) -> None:
    build(repo)
    for facts in sources(NEEDS):
        found = objectives(facts)
        # 6 debriefed objectives: reached 3, partly 1, not 1, unrated 1.
        assert found.overall == Shares("all", 6, 3, 1, 1, 1)
        assert found.overall.rated == 5
        assert found.overall.share(found.overall.reached) == 0.6
        # Both types have 3 objectives: alphabetical.
        assert found.by_type == [
            Shares("discovery", 3, 2, 0, 1, 0),
            Shares("negotiation", 3, 1, 1, 0, 1),
        ]
        assert found.by_month == [
            Shares("2026-01", 2, 1, 0, 1, 0),
            Shares("2026-02", 4, 2, 1, 0, 1),
        ]
        # The closing prep set 2 objectives and has no debrief.
        assert found.not_debriefed == 2


def test_no_rated_objective_has_no_share() -> None:
    assert Shares("x", 1, 0, 0, 0, 1).share(0) is None
