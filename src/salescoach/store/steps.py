"""The state of a debrief's next steps, kept beside its answers: ids, done, moved, dropped.

A debrief's next steps are answers (``debrief.next_steps``: action, owner, due). Their state is
kept in the record's ``steps`` (:class:`~salescoach.store.record.StepState`), so marking a step
done never rewrites what the rep answered. Each step has a short id, made once from the meeting,
its place and its action, then kept: editing the debrief finds each step again by its action,
else by its place. A record written before states existed gets the same ids, computed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from salescoach.errors import NotFoundError, UsageError
from salescoach.store.record import CalendarEvent, Record, StepState, check_date, now_iso

ID_LENGTH = 6
"""Characters of a step id: base32, about a billion values, so ids rarely collide in a home."""

Change = Literal["done", "move", "drop"]


def step_id(meeting: str, position: int, action: str) -> str:
    """The id a step gets when it is first recorded: short, lower-case, the same on every run."""
    digest = hashlib.sha256(f"{meeting}\n{position}\n{action}".encode()).digest()
    # Base32 writes each 5 bytes as 8 characters: the first 5 bytes give the id's 6 characters
    # (encoding all 32 took most of the time an index build spends on a debrief's steps).
    return base64.b32encode(digest[:5]).decode("ascii").lower()[:ID_LENGTH]


def step_uid(meeting: str, identifier: str) -> str:
    """The calendar UID of a step that has no stored state yet (then stored with it)."""
    return f"step-{identifier}-{meeting}@salescoach"


def answered_steps(answers: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The next steps a debrief's answers hold, each with a non-empty action (others skipped)."""
    steps = answers.get("debrief", {}) if isinstance(answers, Mapping) else {}
    found = steps.get("next_steps") if isinstance(steps, Mapping) else None
    if not isinstance(found, list):
        return []
    return [
        item
        for item in found
        if isinstance(item, Mapping)
        and isinstance(item.get("action"), str)
        and item["action"].strip()
    ]


def reconcile(
    meeting: str,
    steps: Sequence[Mapping[str, Any]],
    states: Sequence[StepState] = (),
    before: Sequence[Mapping[str, Any]] = (),
) -> list[StepState]:
    """The states of ``steps`` (a debrief's next-step answers, in order).

    ``states`` and ``before`` are the record's states and next-step answers before an edit. A
    step keeps the state, id and calendar UID of the earlier step with the same action; the
    other steps take, in order, the ids of the earlier steps left over (reworded steps), open
    again. The SEQUENCE of a step's calendar event grows when its action, owner or date
    changed. A step beyond those gets a new id and an open state.
    """
    by_action: dict[str, list[int]] = {}
    for position, state in enumerate(states):
        by_action.setdefault(state.action, []).append(position)
    used: set[int] = set()
    matched: list[int | None] = []
    for step in steps:
        same = [p for p in by_action.get(str(step["action"]).strip(), []) if p not in used]
        matched.append(same[0] if same else None)
        if same:
            used.add(same[0])
    spare = iter([p for p in range(len(states)) if p not in used])
    by_place: set[int] = set()
    for position, found in enumerate(matched):
        if found is None:
            matched[position] = next(spare, None)
            if matched[position] is not None:
                by_place.add(position)
    result: list[StepState] = []
    taken: set[str] = set()
    for position, (step, found) in enumerate(zip(steps, matched, strict=True)):
        action = str(step["action"]).strip()
        if found is None:
            identifier = _free_id(meeting, position, action, taken)
            state = StepState(
                id=identifier,
                action=action,
                event=CalendarEvent(uid=step_uid(meeting, identifier)),
            )
        else:
            state = states[found]
            earlier = before[found] if found < len(before) else {}
            if _fields(earlier) != _fields(step):
                event = state.event.model_copy(update={"sequence": state.event.sequence + 1})
                state = state.model_copy(update={"action": action, "event": event})
            if position in by_place:
                # Reworded, or removed and another added: it cannot be told, so the step is
                # open again at its agreed date rather than silently kept done.
                state = state.model_copy(update={"status": "open", "due": None})
        taken.add(state.id)
        result.append(state)
    return result


def fresh_ids(meeting: str, steps: Sequence[Mapping[str, Any]]) -> list[str]:
    """The ids :func:`reconcile` gives ``steps`` when none has a state yet (a record written
    before states existed), without building the states: what the index reads of a debrief."""
    taken: set[str] = set()
    found: list[str] = []
    for position, step in enumerate(steps):
        identifier = _free_id(meeting, position, str(step["action"]).strip(), taken)
        taken.add(identifier)
        found.append(identifier)
    return found


def states_of(record: Record) -> list[StepState]:
    """A debrief's step states: the stored ones, or fresh ones for a record that has none."""
    steps = answered_steps(record.answers)
    if record.steps and len(record.steps) == len(steps):
        return list(record.steps)
    return reconcile(record.meeting, steps, record.steps, steps)


def change(record: Record, identifier: str, what: Change, due: str | None = None) -> Record:
    """The debrief with one step marked done, moved to ``due`` (open again), or dropped.

    Only ``steps`` and ``updated`` change; the answers are left exactly as they were. The step's
    calendar SEQUENCE grows, so a calendar that imported it updates the event.
    """
    states = states_of(record)
    position = next((p for p, s in enumerate(states) if s.id == identifier), None)
    if position is None:
        raise NotFoundError(f"the debrief of {record.meeting} has no next step {identifier}")
    state = states[position]
    stamp = now_iso()
    update: dict[str, Any] = {"changed": stamp}
    if what == "move":
        if due is None:
            raise UsageError("moving a step needs a date (YYYY-MM-DD)")
        try:
            check_date(due)
        except ValueError as error:
            raise UsageError(str(error), hint="give the new date as YYYY-MM-DD") from None
        update.update(due=due, status="open")
    else:
        update["status"] = "done" if what == "done" else "dropped"
    update["event"] = state.event.model_copy(update={"sequence": state.event.sequence + 1})
    states[position] = state.model_copy(update=update)
    return record.model_copy(update={"steps": states, "updated": stamp})


def _free_id(meeting: str, position: int, action: str, taken: set[str]) -> str:
    identifier = step_id(meeting, position, action)
    salt = 0
    while identifier in taken:
        salt += 1
        identifier = step_id(meeting, position, f"{action}\n{salt}")
    return identifier


def _fields(step: Mapping[str, Any]) -> tuple[str, str, str]:
    due = step.get("due")
    return (
        str(step.get("action") or "").strip(),
        str(step.get("owner") or "").strip(),
        due.isoformat() if isinstance(due, dt.date) else str(due or ""),
    )
