"""The agenda on a hand-built home; today is 2026-03-10, looking 7 days ahead (to 03-17).

Built-in cadences: phase-1 7 d, phase-2 5 d, phase-3 3 d, phase-4 2 d, phase-5 1 d; the slowest
(7 d) for an account without a phase.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from salescoach.reports.agenda import NEEDS, agenda
from salescoach.reports.reference import Phase, Reference
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep

TODAY = dt.date(2026, 3, 10)


def build(repo: Repository) -> None:
    # Acme: met 03-01, now phase-4 (every 2 d): contact due 03-03, 7 d late.
    acme = prep(repo, "Acme", "2026-03-01", "negotiation", phase="phase-3")
    debrief(
        repo,
        acme,
        phase="phase-4",
        next_steps=[
            ("Send the quote", "Me", "2026-03-05"),  # 5 d late
            ("Call the CFO", "Claire", "2026-03-12"),  # in 2 d
            ("Run the workshop", "Me", "2026-04-01"),  # beyond the horizon: not shown
        ],
    )
    # Beta: met 03-08 (phase-2, every 5 d: contact due 03-13, not yet); no debrief: 2 d late.
    prep(repo, "Beta", "2026-03-08", phase="phase-2")
    # Gamma: the latest debrief (02-01) takes over from the older one; a meeting is planned on
    # 03-15 (in 5 d), so no contact is due.
    first = prep(repo, "Gamma", "2026-01-10", phase="phase-1")
    debrief(repo, first, phase="phase-1", next_steps=[("Old step", "Me", "2026-01-15")])
    second = prep(repo, "Gamma", "2026-02-01", phase="phase-1")
    debrief(repo, second, phase="phase-1", next_steps=[("New step", "Me", "2026-02-20")])
    prep(repo, "Gamma", "2026-03-15", "presentation", phase="phase-1")
    # Delta: a prep of 2025-12-01 never debriefed (past the 30-day look-back), phase unknown:
    # slowest cadence 7 d, contact due 2025-12-08, 92 d late.
    prep(repo, "Delta", "2025-12-01")


EXPECTED = [
    ("contact", "Delta", "2025-12-08", 92, None),
    ("next-step", "Gamma", "2026-02-20", 18, "New step"),
    ("contact", "Acme", "2026-03-03", 7, None),
    ("next-step", "Acme", "2026-03-05", 5, "Send the quote"),
    ("debrief", "Beta", "2026-03-08", 2, None),
    ("next-step", "Acme", "2026-03-12", -2, "Call the CFO"),
    ("meeting", "Gamma", "2026-03-15", -5, None),
]


def test_agenda_items_most_late_first(
    repo: Repository, reference: Reference, sources: FactSources
) -> None:
    build(repo)
    for facts in sources(NEEDS):
        items = agenda(facts, reference, TODAY, days=7)
        assert [
            (i.what, i.account, i.date, i.days_late, i.detail if i.what == "next-step" else None)
            for i in items
        ] == EXPECTED
        by_what = {(i.what, i.account): i for i in items}
        assert by_what[("next-step", "Acme")].phase == "phase-4"
        assert by_what[("contact", "Acme")].detail.startswith("last contact 2026-03-01; every 2 d")
        assert by_what[("contact", "Delta")].phase is None
        assert by_what[("debrief", "Beta")].meeting == "2026-03-08-beta-discovery"


def test_a_longer_horizon_brings_later_steps(
    repo: Repository, reference: Reference, sources: FactSources
) -> None:
    build(repo)
    facts = sources(NEEDS)[0]
    items = agenda(facts, reference, TODAY, days=30)
    assert ("next-step", "Run the workshop", -22) in [
        (i.what, i.detail, i.days_late) for i in items
    ]
    assert len(items) == len(EXPECTED) + 1


def test_cadence_comes_from_the_reference(
    repo: Repository, reference: Reference, sources: FactSources
) -> None:
    build(repo)
    slower = Reference(
        phases=tuple(
            Phase(p.id, p.number, p.label, 10 if p.id == "phase-4" else p.cadence_days)
            for p in reference.phases
        )
    )
    items = agenda(sources(NEEDS)[0], slower, TODAY)
    # Phase 4 every 10 days: Acme's contact is due 03-11, not yet.
    assert ("contact", "Acme") not in [(i.what, i.account) for i in items]


def test_an_empty_home_has_an_empty_agenda(reference: Reference) -> None:
    assert agenda([], reference, TODAY) == []


def test_the_records_read_for_an_agenda_give_the_agenda_of_every_record(
    repo: Repository, reference: Reference, isolated_home: Path
) -> None:
    from salescoach.reports.agenda import DEBRIEF_LOOKBACK_DAYS
    from salescoach.store.facts import add_days
    from salescoach.store.index import Index

    build(repo)
    # Ties and edges: two records of one day, a prep debriefed later, a phase only on an old one.
    tied = prep(repo, "Epsilon", "2026-03-09", phase="phase-2")
    prep(repo, "Epsilon", "2026-03-09", "presentation")
    debrief(repo, tied, phase="phase-3", next_steps=[("Same day step", "Me", "2026-03-11")])
    prep(repo, "Zeta", "2026-02-08", phase="phase-5")
    prep(repo, "Zeta", "2026-03-20")
    fewer = 0
    with Index.open(isolated_home) as index:
        every = index.facts(parts=NEEDS)
        for offset in range(-120, 40, 3):
            today = add_days(TODAY, offset)
            for days in (0, 7, 45):
                narrowed = index.agenda_facts(
                    today.isoformat(),
                    add_days(today, -DEBRIEF_LOOKBACK_DAYS).isoformat(),
                    add_days(today, days).isoformat(),
                )
                fewer += len(narrowed) < len(every)
                expected = agenda(every, reference, today, days)
                assert agenda(narrowed, reference, today, days) == expected, (today, days)
    assert fewer > 0  # the narrowing does leave records out
