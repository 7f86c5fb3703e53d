"""Next steps that get done: stable ids, state kept beside the answers, seen by every report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from salescoach.nextsteps import open_steps
from salescoach.reports.agenda import agenda
from salescoach.store.index import Index
from salescoach.store.markdown import read_record_file
from salescoach.store.repository import Repository
from salescoach.store.steps import fresh_ids, reconcile, step_id
from tests.reports.homes import builtin_reference, debrief, prep

DAY = dt.date(2026, 2, 20)


def step(action: str, owner: str = "Me", due: str = "2026-02-10") -> dict[str, Any]:
    return {"action": action, "owner": owner, "due": due}


def test_ids_are_short_stable_and_kept_across_an_edit() -> None:
    first = [step("Send the contract"), step("Book the demo", "Claire")]
    states = reconcile("m", first)
    assert [s.id for s in states] == [
        step_id("m", 0, "Send the contract"),
        step_id("m", 1, "Book the demo"),
    ]
    assert all(len(s.id) == 6 and s.id.isalnum() and s.id.islower() for s in states)
    assert reconcile("m", first) == states  # the same on every run

    # Reordered, one reworded, one added: each step keeps its id, found by action or by place.
    edited = [step("Book the demo", "Claire"), step("Send the signed contract"), step("Call")]
    again = reconcile("m", edited, states, first)
    assert again[0].id == states[1].id and again[0].event.sequence == 0
    assert again[1].id == states[0].id and again[1].action == "Send the signed contract"
    assert again[1].event.sequence == 1  # changed: the calendar event is updated
    assert again[2].id not in {s.id for s in states}
    assert again[1].event.uid == states[0].event.uid


def test_the_same_action_twice_gets_two_ids() -> None:
    states = reconcile("m", [step("Call"), step("Call")])
    assert len({s.id for s in states}) == 2


def test_steps_without_states_get_the_ids_reconcile_gives_them() -> None:
    """What the index computes for a debrief written before states (fresh_ids, no state
    built) is what reconcile gives it, collisions included."""
    steps = [step("Call"), step(" Call "), step("Send the quote"), step("Call")]
    assert fresh_ids("m", steps) == [state.id for state in reconcile("m", steps)]
    assert fresh_ids("m", []) == []


def build(repo: Repository) -> None:
    acme = prep(repo, "Acme", "2026-02-01", "negotiation", phase="phase-4")
    debrief(
        repo,
        acme,
        phase="phase-4",
        next_steps=[
            ("Send the contract", "Me", "2026-02-10"),
            ("Share the delivery data", "Claire", "2026-02-12"),
            ("Book the reference visit", "Me", "2026-03-15"),
        ],
    )


def test_states_round_trip_through_the_file_and_the_index(
    repo: Repository, salescoach: Any
) -> None:
    build(repo)
    listed = salescoach("next", "--json", "--today", DAY.isoformat()).json()["steps"]
    assert [(s["action"], s["days_late"]) for s in listed] == [
        ("Send the contract", 10),
        ("Share the delivery data", 8),
        ("Book the reference visit", -23),
    ]
    contract, data, visit = (s["id"] for s in listed)
    path = repo.path_of("2026-02-01-acme-negotiation", "debrief")
    answers_before = read_record_file(path).answers

    assert salescoach("next", "done", contract).code == 0
    assert salescoach("next", "move", data[:4], "2026-02-25").code == 0
    assert salescoach("next", "drop", visit).code == 0

    saved = read_record_file(path)
    assert saved.answers == answers_before  # the answers are never touched
    assert [(s.id, s.status, s.due) for s in saved.steps] == [
        (contract, "done", None),
        (data, "open", "2026-02-25"),
        (visit, "dropped", None),
    ]
    assert all(s.event.sequence == 1 for s in saved.steps)
    with Index.open(repo.home) as index:
        assert index.last_refresh is not None and index.last_refresh.read == 0  # noted on save
        facts = index.facts(parts={"next_steps"})
    [line] = open_steps(facts, DAY)
    assert (line.id, line.due, line.days_late) == (data, "2026-02-25", -5)
    items = agenda(facts, builtin_reference(), DAY, days=7)
    assert [(i.detail, i.date) for i in items if i.what == "next-step"] == [
        ("Share the delivery data", "2026-02-25")
    ]
    every = salescoach("next", "--all", "--today", DAY.isoformat())
    assert every.code == 0
    for text in ("done", "dropped", "Send the contract", contract):
        assert text in every.stdout
    account = salescoach("account", "Acme")
    assert data in account.stdout and "Send the contract" not in account.stdout.split("Open")[1]


def test_a_later_debrief_still_closes_what_it_replaces(repo: Repository, salescoach: Any) -> None:
    build(repo)
    later = prep(repo, "Acme", "2026-02-15", "closing", phase="phase-5")
    debrief(repo, later, phase="phase-5", next_steps=[("Sign", "Claire", "2026-02-18")])
    listed = salescoach("next", "--json", "--today", DAY.isoformat()).json()["steps"]
    assert [s["action"] for s in listed] == ["Sign"]


def test_unknown_and_ambiguous_ids_are_clear_errors(repo: Repository, salescoach: Any) -> None:
    build(repo)
    missing = salescoach("next", "done", "zzzzzz")
    assert missing.code == 1 and "no next step 'zzzzzz'" in missing.stderr
    assert "salescoach next" in missing.stderr
    bad_date = salescoach("next", "move", "zzzzzz", "13/02/2026")
    assert bad_date.code == 2 and "not a date" in bad_date.stderr
    assert "Traceback" not in missing.stderr + bad_date.stderr


def test_a_record_written_before_states_keeps_its_ids(repo: Repository, tmp_path: Path) -> None:
    """A debrief without stored states gets computed ids, the same ones it stores when marked."""
    build(repo)
    record = repo.load("2026-02-01-acme-negotiation", "debrief")
    assert record.steps == []
    with Index.open(repo.home) as index:
        before = [s.id for s in index.facts(kind="debrief", parts={"next_steps"})[0].next_steps]
    assert before[0] == step_id("2026-02-01-acme-negotiation", 0, "Send the contract")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_next_speaks_the_language(repo: Repository, salescoach: Any, language: str) -> None:
    build(repo)
    shown = salescoach("--lang", language, "next", "--today", DAY.isoformat())
    assert shown.code == 0
    assert ("10 d late" if language == "en" else "10 j de retard") in shown.stdout


def test_a_reworded_done_step_is_open_again_rather_than_lost() -> None:
    """Rewording and "removed one, added another" look the same: the step shows up again."""
    first = [step("Send the contract"), step("Call")]
    states = reconcile("m", first)
    done = [states[0].model_copy(update={"status": "done"}), states[1]]
    again = reconcile("m", [step("Send the draft contract"), step("Call")], done, first)
    assert again[0].id == states[0].id and again[0].status == "open"
    kept = reconcile("m", [step("Call"), step("Send the contract")], done, first)
    assert kept[1].status == "done"  # found by its action: the state stays
