"""An account's timeline on a hand-built home: three meetings, the last one only prepared."""

from __future__ import annotations

from salescoach.reports.timeline import NEEDS, timeline
from salescoach.store.facts import NextStep
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep


def build(repo: Repository) -> None:
    first = prep(
        repo, "Acme", "2026-01-10", "discovery", phase="phase-1", objectives=["Budget", "Calendar"]
    )
    debrief(
        repo,
        first,
        phase="phase-2",
        results=["reached", "not"],
        objections=[("price-too-high", 2)],
        given=["Send a case study"],
        received=["Share volumes", "Introduce the CFO"],
        next_steps=[("Send the case study", "Me", "2026-01-20")],
    )
    second = prep(repo, "Acme", "2026-02-01", "negotiation", phase="phase-2", objectives=["Sign"])
    debrief(
        repo,
        second,
        phase="phase-3",
        results=["partly"],
        new_objections=[("Our IT will not allow it", 2)],
        given=["5 % off", "Free training"],
        next_steps=[("Send the contract", "Me", "2026-02-10")],
    )
    prep(repo, "Acme", "2026-03-01", "presentation", phase="phase-3", objectives=["Demo"])
    prep(repo, "Other", "2026-01-01")  # another account: not in Acme's timeline


def test_timeline_of_one_account(repo: Repository, sources: FactSources) -> None:
    build(repo)
    for facts in sources(NEEDS):
        found = timeline(f for f in facts if f.account_slug == "acme")
        assert found is not None
        assert (found.account, found.account_slug, found.phase) == ("Acme", "acme", "phase-3")
        assert [
            (m.date, m.meeting_type, m.phase_before, m.phase_after, m.debriefed)
            for m in found.meetings
        ] == [
            ("2026-01-10", "discovery", "phase-1", "phase-2", True),
            ("2026-02-01", "negotiation", "phase-2", "phase-3", True),
            ("2026-03-01", "presentation", "phase-3", None, False),
        ]
        assert [(m.objectives, m.reached, m.partly, m.not_reached) for m in found.meetings] == [
            (2, 1, 0, 1),
            (1, 0, 1, 0),
            (1, 0, 0, 0),
        ]
        assert found.meetings[0].objections == ("price-too-high",)
        assert found.meetings[1].objections == ("Our IT will not allow it",)
        # Only the latest debrief's next steps are open.
        assert [step[:3] for step in found.open_next_steps] == [
            NextStep("Send the contract", "Me", "2026-02-10")[:3]
        ]
        # Ledger: given 1 + 2 = 3, received 2 + 0 = 2: the rep gives more than they get.
        assert (found.given, found.received, found.balance) == (3, 2, -1)
        assert found.meetings[1].given == ("5 % off", "Free training")


def test_no_records_no_timeline() -> None:
    assert timeline([]) is None
