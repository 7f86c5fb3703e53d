"""The agenda: what needs doing now, most urgent first.

Four kinds of item, each with how many days late it is (0 = today, negative = still ahead):

- ``next-step``: an open next step of the account's latest debrief (not done or dropped with
  ``salescoach next``; a later debrief takes over from earlier ones), overdue or due within the
  horizon, at its new date if it was moved;
- ``contact``: an account whose last meeting is older than its phase's cadence (from the
  ``phases`` reference), unless a meeting is already planned; an account whose phase is unknown
  gets the slowest cadence;
- ``debrief``: a prep whose meeting has passed (within :data:`DEBRIEF_LOOKBACK_DAYS`) without a
  debrief;
- ``meeting``: a prepared meeting within the horizon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Part, add_days, by_account, parse_day

NEEDS: frozenset[Part] = frozenset({"next_steps"})
DEBRIEF_LOOKBACK_DAYS = 30
"""A prep older than this without a debrief is no longer on the agenda (``list`` still shows it)."""

What = Literal["next-step", "contact", "debrief", "meeting"]
_WHAT_ORDER: dict[str, int] = {"next-step": 0, "debrief": 1, "contact": 2, "meeting": 3}


@dataclass
class AgendaItem:
    """One thing to do: what, for which account, by when, and how late it is. (Not frozen: a
    frozen dataclass sets each field through ``object.__setattr__``, four times the cost of
    making one, and a big home's agenda makes thousands.)"""

    what: What
    account: str
    account_slug: str
    date: str
    """When it is (or was) due: the step's due date, the day contact is due, the meeting day."""
    days_late: int
    detail: str
    phase: str | None = None
    meeting: str | None = None
    owner: str | None = None
    step: str | None = None
    """A next step's id, for ``salescoach next done|move|drop``."""
    meeting_type: str | None = None
    """The meeting's type id, for a debrief or a meeting to come."""
    last_contact: str | None = None
    cadence_days: int | None = None
    """For a contact: the last one, and the phase's cadence (the renderer words them)."""


def agenda(
    facts: Iterable[Facts], reference: Reference, today: dt.date, days: int = 7
) -> list[AgendaItem]:
    """The agenda on ``today``, looking ``days`` ahead, most late first (needs :data:`NEEDS`)."""
    items: list[AgendaItem] = []
    horizon = add_days(today, days)
    for records in by_account(facts).values():
        items.extend(_account_items(records, reference, today, horizon))
    items.sort(key=lambda item: (-item.days_late, _WHAT_ORDER[item.what], item.account, item.date))
    return items


def current_phase(records: list[Facts]) -> str | None:
    """The latest phase recorded for an account (records in chronological order)."""
    for record in reversed(records):
        if record.phase:
            return record.phase
    return None


def _account_items(
    records: list[Facts], reference: Reference, today: dt.date, horizon: dt.date
) -> list[AgendaItem]:
    last = records[-1]
    name, slug = last.account_name, last.account_slug
    phase = current_phase(records)
    items: list[AgendaItem] = []
    debriefed = {record.meeting for record in records if record.kind == "debrief"}
    last_contact: dt.date | None = None
    planned = False
    for record in records:
        day = parse_day(record.day)
        if day is None:
            continue
        late = (today - day).days
        if late < 0:
            planned = True
        elif last_contact is None or day > last_contact:
            last_contact = day
        if record.kind != "prep" or record.meeting in debriefed:
            continue
        what = record.meeting_type or "meeting"
        if 0 <= late <= DEBRIEF_LOOKBACK_DAYS:
            detail = f"debrief the {what} of {record.day}"
            kind: What = "debrief"
        elif late < 0 and day <= horizon:
            detail = f"{what} (prepared)"
            kind = "meeting"
        else:
            continue
        items.append(
            AgendaItem(
                kind,
                name,
                slug,
                record.day,
                late,
                detail,
                phase=phase,
                meeting=record.meeting,
                meeting_type=record.meeting_type,
            )
        )
    latest_debrief = next((r for r in reversed(records) if r.kind == "debrief"), None)
    for step in latest_debrief.next_steps if latest_debrief else ():
        due = parse_day(step.due)
        if step.status == "open" and due is not None and due <= horizon:
            items.append(
                AgendaItem(
                    "next-step",
                    name,
                    slug,
                    due.isoformat(),
                    (today - due).days,
                    step.action,
                    phase=phase,
                    meeting=latest_debrief.meeting if latest_debrief else None,
                    owner=step.owner or None,
                    step=step.id or None,
                )
            )
    if last_contact is not None and not planned:
        known = reference.phase(phase)
        cadence = known.cadence_days if known else reference.slowest_cadence
        due_day = add_days(last_contact, cadence)
        if due_day <= today:
            where = known.label if known else "an unknown phase"
            detail = f"last contact {last_contact.isoformat()}; every {cadence} d in {where}"
            items.append(
                AgendaItem(
                    "contact",
                    name,
                    slug,
                    due_day.isoformat(),
                    (today - due_day).days,
                    detail,
                    phase=phase,
                    last_contact=last_contact.isoformat(),
                    cadence_days=cadence,
                )
            )
    return items
