"""Code run in other processes by the concurrency tests (importable by spawned children)."""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path
from typing import Any

from salescoach.store.drafts import Draft, Drafts
from salescoach.store.record import AccountRef, Record, now_iso
from salescoach.store.repository import Account, Repository
from tests.store.store_helpers import BODY, make_record, new_record

BLOB_LINE = "é🎉 x\n"


def blob(number: int) -> str:
    """A largish answer (15–45 KiB) whose content says which write it came from."""
    return f"write {number}\n" + BLOB_LINE * (2_000 + 7_919 * number % 4_000)


def payload(number: int) -> dict[str, Any]:
    """The answers of the ``number``-th write."""
    return {"meeting": {"n": number, "blob": blob(number)}}


def save_meetings(
    home: str, account_name: str, worker: int, count: int, barrier: Any, queue: Any
) -> None:
    """Reserve and save ``count`` meetings of one account, date and type, racing the others."""
    repo = Repository(Path(home))
    barrier.wait()
    for index in range(count):
        record = new_record(repo, account_name, answers={"meeting": {"by": [worker, index]}})
        repo.save(record, BODY)
        queue.put((worker, index, record.meeting, record.account.slug))


def count_up(account: Account, key: str) -> Account:
    """One more in ``account.data[key]`` and in the shared total."""
    data = dict(account.data)
    data[key] = data.get(key, 0) + 1
    data["total"] = data.get("total", 0) + 1
    return account.model_copy(update={"data": data})


def bump_account(home: str, slug: str, worker: int, count: int, barrier: Any) -> None:
    """Increment counters in account.yaml ``count`` times, concurrently with other workers."""
    repo = Repository(Path(home))
    barrier.wait()
    for _ in range(count):
        repo.update_account(slug, lambda account: count_up(account, f"worker-{worker}"))


def rewrite_forever(home: str, meeting: str) -> None:
    """Regenerate one record and update its account, in a loop, until killed.

    Write numbers go on from the one found in the record, so each write is told from the others.
    """
    repo = Repository(Path(home))
    record: Record = repo.load(meeting, "prep")
    number = int(record.answers.get("meeting", {}).get("n", 0))
    print("ready", flush=True)
    drafts = Drafts(Path(home))
    while True:
        number += 1
        changed = record.model_copy(update={"answers": payload(number), "updated": now_iso()})
        repo.save(changed, BODY)
        repo.update_account(record.account.slug, lambda account: count_up(account, "writes"))
        drafts.save(draft_of(number))
        print("wrote", flush=True)


def draft_of(number: int) -> Draft:
    """The draft the ``number``-th write keeps, beside the record."""
    stamp = "2026-11-28T09:30:00+01:00"
    return Draft(
        id="killed-writer",
        kind="prep",
        account="Acme",
        language="en",
        answers=payload(number),
        created=stamp,
        updated=stamp,
    )


def create_forever(home: str) -> None:
    """Create new meetings of one account, each with its prep, until killed."""
    repo = Repository(Path(home))
    print("ready", flush=True)
    for number in count(1):

        def build(account: AccountRef, meeting: str, number: int = number) -> tuple[Record, str]:
            return make_record(account, meeting, answers=payload(number)), BODY

        repo.create_meeting("Acme", "2026-11-28", "negotiation", build)
        print("wrote", flush=True)


if __name__ == "__main__":
    if sys.argv[2] == "--create":
        create_forever(sys.argv[1])
    else:
        rewrite_forever(sys.argv[1], sys.argv[2])
