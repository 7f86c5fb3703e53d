"""The phases report on 2026-06-30: pipeline, days spent in each phase, accounts stuck (> 90 d)."""

from __future__ import annotations

import datetime as dt

from salescoach.reports.phases import NEEDS, PhaseRow, StuckAccount, phases
from salescoach.reports.reference import Reference
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep

TODAY = dt.date(2026, 6, 30)


def build(repo: Repository) -> None:
    # Acme: 1 (01-10, 0 d) → 2 (01-10 to 03-01, 50 d) → 3 (03-01 to 05-01, 61 d) → 4 since 05-01.
    for date, before, after in (
        ("2026-01-10", "phase-1", "phase-2"),
        ("2026-03-01", "phase-2", "phase-3"),
        ("2026-05-01", "phase-3", "phase-4"),
    ):
        debrief(repo, prep(repo, "Acme", date, phase=before), phase=after)
    # Beta: 3 (0 d) then back to 2 since 02-01: 149 d, stuck. The number "2" names phase-2.
    debrief(repo, prep(repo, "Beta", "2026-02-01", phase="phase-3"), phase="2")
    # Gamma: no phase ever; Delta: a meeting to come, prepared ahead: its phase is the rep's
    # reading when preparing it, so Delta is in phase 5 as of today.
    prep(repo, "Gamma", "2026-06-01")
    prep(repo, "Delta", "2026-07-15", phase="phase-5")


def test_phases_report(repo: Repository, reference: Reference, sources: FactSources) -> None:
    build(repo)
    for facts in sources(NEEDS):
        found = phases(facts, reference, TODAY, stuck_after=90)
        assert (found.accounts, found.unknown, found.advances, found.setbacks) == (4, 1, 3, 1)
        labels = {phase.id: phase.label for phase in reference.phases}
        assert found.rows == [
            PhaseRow("phase-1", 1, labels["phase-1"], 0, 0.0, 0.0, 1, 0),
            PhaseRow("phase-2", 2, labels["phase-2"], 1, 1 / 3, 50.0, 1, 1),
            # Acme's 61 days and Beta's 0: 30.5
            PhaseRow("phase-3", 3, labels["phase-3"], 0, 0.0, 30.5, 2, 0),
            PhaseRow("phase-4", 4, labels["phase-4"], 1, 1 / 3, None, 0, 0),
            PhaseRow("phase-5", 5, labels["phase-5"], 1, 1 / 3, None, 0, 0),
            PhaseRow("client", 6, labels["client"], 0, 0.0, None, 0, 0),
        ]
        assert found.stuck == [StuckAccount("Beta", "beta", "phase-2", "2026-02-01", 149)]


def test_a_signed_client_is_followed_after_the_sale_never_stuck(
    repo: Repository, reference: Reference, sources: FactSources
) -> None:
    debrief(repo, prep(repo, "Omega", "2026-01-10", "closing", phase="phase-5"), phase="client")
    found = phases(sources(NEEDS)[0], reference, TODAY, stuck_after=90)
    client = next(row for row in found.rows if row.phase == "client")
    assert (client.accounts, client.stuck) == (1, 0)
    assert found.stuck == []
    # Unknown phases keep the slowest cadence of the project's phases, not the client's.
    assert reference.slowest_cadence == 7


def test_a_longer_threshold_leaves_nobody_stuck(
    repo: Repository, reference: Reference, sources: FactSources
) -> None:
    build(repo)
    found = phases(sources(NEEDS)[0], reference, TODAY, stuck_after=150)
    assert found.stuck == []
    assert all(row.stuck == 0 for row in found.rows)


def test_a_phase_the_reference_does_not_know_gets_its_own_row(reference: Reference) -> None:
    from salescoach.store.facts import Facts

    odd = Facts("prep", "m", "x", "X", None, "2026-01-01", "", "", "lost")
    found = phases([odd], reference, TODAY)
    assert found.rows[-1].phase == "lost"
    assert found.rows[-1].number is None
    assert found.rows[-1].accounts == 1
