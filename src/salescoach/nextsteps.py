"""``salescoach next``: the open next steps of every account, and finding one by its id.

A later debrief of the account takes over from earlier ones: only the steps of each account's
latest debrief are open (:func:`open_steps`), as the agenda has always counted them. Changing a
step's state is :func:`salescoach.store.steps.change`; :func:`mark` does it to a saved record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from salescoach.errors import NotFoundError, UsageError
from salescoach.playbook.library import Library
from salescoach.store.facts import Facts, NextStep, by_account, facts_of, parse_day
from salescoach.store.repository import Repository
from salescoach.store.steps import Change, change
from salescoach.workflow import Saved, rewrite


@dataclass(frozen=True)
class StepLine:
    """One next step as ``salescoach next`` lists it."""

    id: str
    account: str
    account_slug: str
    meeting: str
    action: str
    owner: str
    due: str | None
    status: str
    days_late: int | None
    """Days past the due date (0 = today, negative = still ahead); None without a date."""


def latest_debriefs(facts: Iterable[Facts]) -> list[Facts]:
    """The latest debrief of each account: the one whose next steps are still open."""
    latest: list[Facts] = []
    for records in by_account(facts).values():
        found = next((r for r in reversed(records) if r.kind == "debrief"), None)
        if found is not None:
            latest.append(found)
    return latest


def open_steps(facts: Iterable[Facts], today: dt.date, *, every: bool = False) -> list[StepLine]:
    """Open next steps, most late first (undated last); ``every``: done and dropped ones too,
    and the steps of earlier debriefs. Needs the ``next_steps`` part."""
    facts = list(facts)
    debriefs = [f for f in facts if f.kind == "debrief"] if every else latest_debriefs(facts)
    lines: list[StepLine] = []
    for debrief in debriefs:
        for step in debrief.next_steps:
            if step.status != "open" and not every:
                continue
            due = parse_day(step.due)
            lines.append(
                StepLine(
                    id=step.id,
                    account=debrief.account_name,
                    account_slug=debrief.account_slug,
                    meeting=debrief.meeting,
                    action=step.action,
                    owner=step.owner,
                    due=step.due,
                    status=step.status,
                    days_late=(today - due).days if due else None,
                )
            )
    lines.sort(
        key=lambda line: (
            line.status != "open",
            line.days_late is None,
            -(line.days_late or 0),
            line.account,
            line.id,
        )
    )
    return lines


def find_step(facts: Iterable[Facts], identifier: str) -> tuple[Facts, NextStep]:
    """The debrief and step an id (or a unique beginning of it) names, in any debrief."""
    wanted = identifier.strip().casefold()
    if not wanted:
        raise UsageError.told("step_id_needed")
    found = [
        (debrief, step)
        for debrief in facts
        if debrief.kind == "debrief"
        for step in debrief.next_steps
        if step.id.startswith(wanted)
    ]
    exact = [(d, s) for d, s in found if s.id == wanted]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if not found:
        raise NotFoundError.told("no_next_step", "next_lists_them", step=identifier)
    listed = "\n".join(f"  {s.id}  {d.meeting}: {s.action}" for d, s in found[:10])
    raise NotFoundError.told(
        "step_names_several", "step_whole_id", step=identifier, count=len(found), listed=listed
    )


@dataclass(frozen=True)
class Marked:
    """A step whose state was changed, and the debrief saved with it."""

    step: NextStep
    saved: Saved


def mark(
    repository: Repository,
    library_in: Callable[[str], Library],
    facts: Iterable[Facts],
    identifier: str,
    what: Change,
    due: str | None = None,
    meeting: str | None = None,
) -> Marked:
    """Mark the step ``identifier`` done, moved to ``due`` or dropped, in its debrief's file.

    ``facts`` are the debriefs to look in (with their ``next_steps``); ``meeting`` narrows them
    when an id is ambiguous. The file is rewritten atomically and the index updated; the body
    is rendered again by the playbooks of the record's language (``library_in``).
    """
    if meeting is not None:
        meeting = repository.resolve_meeting(meeting)
        facts = [f for f in facts if f.meeting == meeting]
    found, step = find_step(facts, identifier)
    record = repository.load(found.meeting, "debrief")
    changed = change(record, step.id, what, due)
    saved = rewrite(repository, library_in(changed.language), changed)
    after = next(s for s in facts_of(changed).next_steps if s.id == step.id)
    return Marked(after, saved)
