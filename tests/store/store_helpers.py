"""Shared builders for the store tests (also imported by subprocess and multiprocessing workers)."""

from __future__ import annotations

from typing import Any

from salescoach.store.record import AccountRef, Record
from salescoach.store.repository import Repository

CREATED = "2026-11-28T09:30:00+01:00"
BODY = "# Prep — Acme\n\nObjectives:\n\n- sign the pilot\n"


def make_record(
    account: AccountRef,
    meeting: str,
    *,
    kind: str = "prep",
    answers: dict[str, Any] | None = None,
    notes: str = "",
    meeting_date: str | None = "2026-11-28",
    created: str = CREATED,
) -> Record:
    """A valid record with typical fields; ``answers`` defaults to a small namespaced set."""
    return Record.model_validate(
        {
            "kind": kind,
            "meeting": meeting,
            "account": account.model_dump(),
            "meeting_type": "negotiation",
            "meeting_date": meeting_date,
            "created": created,
            "updated": created,
            "language": "en",
            "flow": "prep-default",
            "playbooks": [
                {"id": "meeting", "version": 3, "language": "en", "origin": "builtin"},
                {
                    "id": "opa",
                    "version": "2026.1",
                    "language": "en",
                    "origin": "option",
                    "path": "/team/opa.yaml",
                },
            ],
            "answers": answers
            if answers is not None
            else {"meeting": {"type": "negotiation", "phase": 3}, "opa": {"objectives": ["a"]}},
            "notes": notes,
        }
    )


def new_record(
    repo: Repository,
    account_name: str = "Acme",
    date: str = "2026-11-28",
    meeting_type: str | None = "negotiation",
    **fields: Any,
) -> Record:
    """Reserve a meeting in ``repo`` and build a record for it (not saved)."""
    account, meeting = repo.new_meeting(account_name, date, meeting_type)
    return make_record(account, meeting, meeting_date=date, **fields)
