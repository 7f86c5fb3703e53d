"""Hand-built homes for the report tests: records written through ``Repository.save``.

Answers follow the built-in playbooks' ids (``meeting.phase``, ``debrief.objectives_result``…),
so what the reports read is what a real session would have saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from salescoach.playbook.library import Library, search_path
from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, facts_of
from salescoach.store.record import Record
from salescoach.store.repository import Repository

STAMP = "2026-01-01T09:00:00+01:00"
LEVEL_IDS = ("necessary", "essential", "useful", "superficial")


def builtin_reference() -> Reference:
    """The reference data of the built-in English playbooks."""
    return Reference.from_library(Library.load("en", search_path("en")))


def prep(
    repo: Repository,
    account: str,
    date: str,
    meeting_type: str = "discovery",
    *,
    phase: str | None = None,
    objectives: Sequence[str] = (),
) -> Record:
    """Reserve a meeting and save its prep."""
    account_ref, meeting = repo.new_meeting(account, date, meeting_type)
    meeting_answers: dict[str, Any] = {"account": account, "type": meeting_type, "date": date}
    if phase is not None:
        meeting_answers["phase"] = phase
    if objectives:
        meeting_answers["objectives"] = list(objectives)
    record = Record(
        kind="prep",
        meeting=meeting,
        account=account_ref,
        meeting_type=meeting_type,
        meeting_date=date,
        created=STAMP,
        updated=STAMP,
        language="en",
        flow="prep-flow",
        answers={"meeting": meeting_answers},
    )
    repo.save(record, f"# Prep {meeting}\n")
    return record


def debrief(
    repo: Repository,
    prep_record: Record,
    *,
    phase: str | None = None,
    results: Sequence[str | None] = (),
    objections: Sequence[tuple[str, int | None]] = (),
    new_objections: Sequence[tuple[str, int]] = (),
    given: Sequence[str] = (),
    received: Sequence[str] = (),
    next_steps: Sequence[tuple[str, str, str]] = (),
    levels: Sequence[str] = (),
    more: Mapping[str, Any] | None = None,
) -> Record:
    """Save the debrief of ``prep_record``'s meeting (``more``: other debrief answers, e.g. the
    outcome).

    ``results`` rate the prep's objectives in order; ``objections`` are (library id, handling
    or None); ``next_steps`` are (action, owner, due); ``levels`` are funnel levels with notes.
    """
    objectives = prep_record.answers["meeting"].get("objectives", [])
    answers: dict[str, Any] = {
        "objectives_result": [
            {"item": text, "answer": {"result": result} if result else {}}
            for text, result in zip(objectives, results, strict=True)
        ],
        "objections_met": [objection for objection, _ in objections],
        "objection_handling": [
            {"item": objection, "answer": handling}
            for objection, handling in objections
            if handling is not None
        ],
        "new_objections": [
            {"objection": words, "handling": handling} for words, handling in new_objections
        ],
        "commitments_given": list(given),
        "commitments_received": list(received),
        "next_steps": [
            {"action": action, "owner": owner, "due": due} for action, owner, due in next_steps
        ],
    }
    for level in LEVEL_IDS:
        answers[f"learned_{level}"] = f"What we learned ({level})" if level in levels else ""
    if phase is not None:
        answers["phase"] = phase
    answers.update(more or {})
    record = Record(
        kind="debrief",
        meeting=prep_record.meeting,
        account=prep_record.account,
        meeting_type=prep_record.meeting_type,
        meeting_date=prep_record.meeting_date,
        created=STAMP,
        updated=STAMP,
        language="en",
        flow="debrief-flow",
        answers={"debrief": answers},
    )
    repo.save(record, f"# Debrief {prep_record.meeting}\n")
    return record


def all_facts(home: Path) -> list[Facts]:
    """The facts of every record in ``home``, read straight from the files (no index)."""
    return [facts_of(item) for item in Repository(home).scan() if isinstance(item, Record)]
