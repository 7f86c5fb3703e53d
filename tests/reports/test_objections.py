"""The objections report: frequencies, handling, and the real top ten against the library's."""

from __future__ import annotations

from salescoach.reports.objections import NEEDS, normalise, objections
from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, ObjectionMet
from salescoach.store.repository import Repository
from tests.reports.conftest import FactSources
from tests.reports.homes import debrief, prep


def build(repo: Repository) -> None:
    one = prep(repo, "Acme", "2026-01-10")
    debrief(
        repo,
        one,
        objections=[("price-too-high", 2), ("no-budget", 4)],
        new_objections=[("We need board approval.", 3)],
    )
    two = prep(repo, "Beta", "2026-01-11")
    debrief(
        repo,
        two,
        objections=[("price-too-high", 4)],
        new_objections=[("we need  BOARD approval", 1)],  # the same words, written otherwise
    )
    three = prep(repo, "Gamma", "2026-01-12")
    debrief(repo, three, objections=[("price-too-high", None), ("not-decision-maker", 5)])
    four = prep(repo, "Delta", "2026-01-13")
    debrief(repo, four)
    prep(repo, "Delta", "2026-02-01")  # a prep alone says nothing about objections


def test_objections_report(repo: Repository, reference: Reference, sources: FactSources) -> None:
    build(repo)
    for facts in sources(NEEDS):
        found = objections(facts, reference)
        assert found.debriefs == 4
        assert [
            (r.objection, r.in_library, r.met, r.share, r.handling, r.rank, r.library_rank)
            for r in found.rows
        ] == [
            # met in 3 of 4 debriefs; rated 2 and 4 (once not rated): 3.0
            ("price-too-high", True, 3, 0.75, 3.0, 1, 1),
            # the earliest wording is kept; rated 3 and 1: 2.0
            ("We need board approval.", False, 2, 0.5, 2.0, 2, None),
            # ties share the rank, ordered by id
            ("no-budget", True, 1, 0.25, 4.0, 3, 2),
            ("not-decision-maker", True, 1, 0.25, 5.0, 3, 9),
        ]
        assert found.rows[0].label == "It's too expensive."
        assert found.missing_from_library == ["We need board approval."]
        assert found.outside_top == []
        assert found.never_met == [
            "happy-with-supplier",
            "not-a-priority",
            "need-to-think",
            "send-documentation",
            "too-risky",
            "competitor-cheaper",
            "locked-in-contract",
        ]


def _debrief(*met: ObjectionMet) -> Facts:
    return Facts("debrief", "m", "acme", "Acme", None, "2026-01-01", "", "", None, objections=met)


def test_library_entries_outside_the_real_top_ten() -> None:
    library = Reference(phases=(), objections={"a": "Objection A", "b": "Objection B"})
    # Eleven objections the library lacks, each met in two debriefs; "a" in one; "b" never.
    said = [ObjectionMet(f"new {n:02}", 3, False) for n in range(11)]
    facts = [_debrief(*said), _debrief(*said, ObjectionMet("a", None, True))]
    found = objections(facts, library)
    assert [row.rank for row in found.rows] == [1] * 11 + [12]
    assert found.missing_from_library == [f"new {n:02}" for n in range(11)]
    assert found.outside_top == ["a"]
    assert found.never_met == ["b"]
    assert found.rows[-1].handling is None


def test_an_id_the_library_no_longer_has_counts_as_missing() -> None:
    library = Reference(phases=(), objections={"a": "Objection A"})
    found = objections([_debrief(ObjectionMet("retired", 2, True))], library)
    assert found.missing_from_library == ["retired"]
    assert found.rows[0].library_rank is None


def test_normalise() -> None:
    assert normalise("  We need BOARD   approval!! ") == "we need board approval"
