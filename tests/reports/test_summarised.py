"""The reports the index computes in a few queries (``Report.summarised``), or from the few
records they depend on (``Report.narrowed``), give what the same report computes from every
record's facts, on every home the report tests build and on a generated one, on several days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from salescoach.reports import team
from salescoach.reports.reference import Reference
from salescoach.reports.registry import REPORTS, Given
from salescoach.store.index import Index
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from tests.reports import (
    test_agenda,
    test_funnel,
    test_objections,
    test_objectives,
    test_phases,
)
from tests.reports.homes import all_facts, debrief, prep
from tests.reports.test_benchmark_homes import load_generator

SUMMARISED = sorted(
    name
    for name, report in REPORTS.items()
    if report.summarised is not None or report.narrowed is not None
)
DAYS = (
    dt.date(2025, 6, 1),
    dt.date(2026, 1, 12),
    dt.date(2026, 3, 1),
    dt.date(2026, 3, 10),
    dt.date(2026, 7, 1),
    dt.date(2026, 11, 28),
)


def edge_cases(repo: Repository) -> None:
    """What a summary could get wrong: two wordings of one objection in one debrief, client
    words that are a library id, a repeated objection, a phase repeated and given as a number,
    meetings ahead, a prep never debriefed, two preps of one account on one day."""
    one = prep(repo, "Acme", "2026-01-05", phase="phase-2", objectives=["a", "b"])
    debrief(
        repo,
        one,
        phase="phase-2",
        results=["reached", None],
        objections=[("price-too-high", 3)],
        new_objections=[("Board approval!", 2), ("board   approval", 4), ("price-too-high", 1)],
        levels=["necessary", "useful"],
    )
    two = prep(repo, "Acme", "2026-01-05", "presentation", phase="3", objectives=["c"])
    debrief(repo, two, phase="phase-3", results=["not"], new_objections=[("Board approval", 5)])
    prep(repo, "Acme", "2026-02-20", phase="phase-3", objectives=["d", "e", "f"])
    ahead = prep(repo, "Beta", "2026-12-01", phase="phase-4")
    debrief(repo, ahead, phase="phase-5", results=[], levels=["essential"])
    prep(repo, "Gamma", "2025-12-01")
    three = prep(repo, "Gamma", "2026-02-01", "closing", phase="phase-1", objectives=["x"])
    debrief(repo, three, phase="phase-1", results=["partly"], objections=[("no-budget", None)])
    won = {"outcome": "won", "amount": 12.5, "margin": 30, "margin_target": 35}
    debrief(repo, prep(repo, "Gamma", "2026-02-10"), phase="phase-4", more=won)
    client = prep(repo, "Gamma", "2026-02-15", phase="client")
    debrief(repo, client, phase="client", more={**won, "services": ["Audit", "audit", "Run"]})
    debrief(repo, prep(repo, "Delta", "2026-01-20", phase="client"), phase="client")
    # Two meetings on one day ahead, one prepared long before the other: each placed by its
    # own creation day.
    prep(repo, "Epsilon", "2026-01-03", phase="phase-1")
    prep(repo, "Epsilon", "2026-12-15", phase="phase-2")
    prepared_later(repo, "Epsilon", "2026-12-15", "2026-06-01T10:00:00+02:00", "phase-3")


def prepared_later(repo: Repository, account: str, date: str, created: str, phase: str) -> None:
    """A prep written at ``created`` (the others were all written on 2026-01-01)."""
    account_ref, meeting = repo.new_meeting(account, date, "discovery")
    answers = {"account": account, "type": "discovery", "date": date, "phase": phase}
    record = Record(
        kind="prep",
        meeting=meeting,
        account=account_ref,
        meeting_type="discovery",
        meeting_date=date,
        created=created,
        updated=created,
        language="en",
        flow="prep-flow",
        answers={"meeting": answers},
    )
    repo.save(record, f"# Prep {meeting}\n")


BUILDS: dict[str, Callable[[Repository], None]] = {
    "agenda": test_agenda.build,
    "funnel": test_funnel.build,
    "objections": test_objections.build,
    "objectives": test_objectives.build,
    "phases": test_phases.build,
    "edge cases": edge_cases,
}


def same_either_way(home: Path, reference: Reference, days: tuple[dt.date, ...]) -> None:
    files = all_facts(home)
    with Index.open(home) as index:
        for name in SUMMARISED:
            report = REPORTS[name]
            indexed = index.facts(kind=report.kind, parts=report.needs)
            for today in days:
                for stuck_after, days_ahead in ((30, 7), (90, 40)):
                    options = {"stuck_after": stuck_after, "days": days_ahead}
                    given = Given(reference, today, options)
                    summarised = report.result(index, given)
                    from_index = report.compute(indexed, given)
                    from_files = report.compute(files, given)
                    assert summarised == from_index == from_files, (name, today)
        for today in days:  # report team: one rep's figures
            counted = team.indexed_activity(index, reference, today)
            assert counted == team.activity(files, reference, today), today


@pytest.mark.parametrize("build", BUILDS.values(), ids=BUILDS.keys())
def test_summaries_match_the_facts(
    build: Callable[[Repository], None],
    repo: Repository,
    isolated_home: Path,
    reference: Reference,
) -> None:
    build(repo)
    same_either_way(isolated_home, reference, DAYS)


def test_summaries_match_on_a_generated_home(tmp_path: Path, reference: Reference) -> None:
    home = tmp_path / "home"
    load_generator().generate(home, 400, 6, today=dt.date(2026, 11, 28))
    same_either_way(home, reference, (dt.date(2025, 3, 1), dt.date(2026, 11, 28)))


def test_an_empty_home(isolated_home: Path, reference: Reference) -> None:
    same_either_way(isolated_home, reference, DAYS[:1])


def test_summaries_follow_saves_and_removals(
    repo: Repository, isolated_home: Path, reference: Reference
) -> None:
    """The phase changes are worked out again for the accounts a save or a removal touches."""
    edge_cases(repo)
    same_either_way(isolated_home, reference, DAYS[-1:])  # the index is built
    later = prep(repo, "Acme", "2026-03-01", phase="phase-2")  # saved: the index notes it
    debrief(repo, later, phase="phase-2")
    same_either_way(isolated_home, reference, DAYS)
    next(isolated_home.glob("accounts/acme/2026-01-05-*/debrief.md")).unlink()  # by hand
    same_either_way(isolated_home, reference, DAYS)
    # A prep whose debrief stays (the meeting is still held), and a prep never debriefed.
    next(isolated_home.glob("accounts/gamma/2026-02-01-*/prep.md")).unlink()
    next(isolated_home.glob("accounts/gamma/2025-12-01-*/prep.md")).unlink()
    same_either_way(isolated_home, reference, DAYS)
