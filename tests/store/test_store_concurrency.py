"""Processes racing and dying: ids stay unique, nothing is overwritten or lost, files stay whole."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from salescoach.errors import Broken
from salescoach.store.atomic import clean_stale_temps, is_temp_name
from salescoach.store.drafts import Drafts
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from tests.store import store_workers
from tests.store.store_helpers import BODY, new_record

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4


def test_concurrent_new_meetings_get_distinct_ids_and_nothing_is_overwritten(home: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    queue = context.Queue()
    per_worker = 4
    # Two names with one slug: "Acme" (workers 0, 1) and "ACME!" (workers 2, 3).
    names = ["Acme", "Acme", "ACME!", "ACME!"]
    processes = [
        context.Process(
            target=store_workers.save_meetings,
            args=(str(home), names[worker], worker, per_worker, barrier, queue),
        )
        for worker in range(WORKERS)
    ]
    for process in processes:
        process.start()
    results = [queue.get(timeout=60) for _ in range(WORKERS * per_worker)]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    ids = [meeting for _, _, meeting, _ in results]
    assert len(set(ids)) == len(ids) == WORKERS * per_worker
    slugs = {names[worker]: slug for worker, _, _, slug in results}
    assert sorted(slugs.values()) == ["acme", "acme-2"]
    repo = Repository(home)
    for worker, index, meeting, slug in results:
        record = repo.load(meeting, "prep")
        assert record.answers == {"meeting": {"by": [worker, index]}}
        assert record.account.slug == slug
        assert repo.account(slug).name == names[worker]
    assert sorted(path.name for path in (home / "accounts").iterdir()) == ["acme", "acme-2"]


def test_concurrent_account_updates_lose_nothing(repo: Repository, home: Path) -> None:
    slug = repo.account_slug("Acme")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    per_worker = 15
    processes = [
        context.Process(
            target=store_workers.bump_account, args=(str(home), slug, worker, per_worker, barrier)
        )
        for worker in range(WORKERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    data = repo.account(slug).data
    assert data["total"] == WORKERS * per_worker
    assert all(data[f"worker-{worker}"] == per_worker for worker in range(WORKERS))
    assert repo.account(slug).name == "Acme"


def kill_at_a_random_moment(worker: subprocess.Popen[str]) -> None:
    """SIGKILL after 0 to 2 whole writes and a random part of the next one.

    Counted in writes rather than seconds, so a loaded machine kills as deep into the work.
    """
    assert worker.stdout is not None
    for _ in range(random.randint(0, 2)):
        assert worker.stdout.readline() == "wrote\n"
    try:
        worker.wait(timeout=random.uniform(0.0, 0.03))
    except subprocess.TimeoutExpired:
        worker.send_signal(signal.SIGKILL)
    assert worker.wait(timeout=30) == -signal.SIGKILL


@pytest.mark.timeout(900)  # 20 processes started and killed: slow on a loaded machine
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_any_moment_leaves_every_file_whole(
    repo: Repository, home: Path
) -> None:
    record = new_record(repo, notes="the rep's own notes\n")
    repo.save(record, BODY)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    random.seed(1234)
    writes_seen: set[int] = set()
    for _ in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.store.store_workers", str(home), record.meeting],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        kill_at_a_random_moment(writer)
        writer.stdout.close()

        items = list(repo.scan())
        assert not [item for item in items if isinstance(item, Broken)], items
        [reloaded] = items
        assert isinstance(reloaded, Record)
        number = reloaded.answers.get("meeting", {}).get("n", 0)
        if number:
            assert reloaded.answers == store_workers.payload(number)
        assert reloaded.notes == "the rep's own notes\n"
        assert repo.account(record.account.slug).name == "Acme"
        drafts = Drafts(home)
        kept = drafts.list()
        assert not drafts.problems, drafts.problems
        if kept:
            [draft] = kept
            assert draft.answers == store_workers.draft_of(number or 1).answers or (
                draft.answers == store_workers.payload(number - 1)  # killed between the two
            )
        writes_seen.add(number)
    assert len(writes_seen) > 5, "the writer hardly ever wrote: the kills proved little"
    assert repo.account(record.account.slug).data["writes"] >= max(writes_seen) - 30

    leftovers = [path for path in home.rglob("*") if is_temp_name(path.name)]
    for folder in {path.parent for path in leftovers}:
        clean_stale_temps(folder, older_than=0)
    assert not [path for path in home.rglob("*") if is_temp_name(path.name)]
    assert len(list(repo.scan())) == 1


@pytest.mark.timeout(900)
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_creator_killed_at_any_moment_leaves_no_empty_meeting_folder(home: Path) -> None:
    """Each meeting folder appears with its prep in it, or not at all."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])}
    random.seed(4321)
    repo = Repository(home)
    for _ in range(12):
        creator = subprocess.Popen(
            [sys.executable, "-m", "tests.store.store_workers", str(home), "--create"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert creator.stdout is not None
        assert creator.stdout.readline() == "ready\n"
        kill_at_a_random_moment(creator)
        creator.stdout.close()
        folders = [path for path in (home / "accounts" / "acme").iterdir() if path.is_dir()]
        shown = [path for path in folders if not path.name.startswith(".")]
        assert all((path / "prep.md").is_file() for path in shown), shown
        assert not [item for item in repo.scan() if isinstance(item, Broken)]
    created = list(repo.scan())
    assert len(created) > 3, "the creator hardly ever created: the kills proved little"
    clean_stale_temps(home / "accounts" / "acme", older_than=0)
    assert not [path for path in home.rglob("*") if is_temp_name(path.name)]
    assert len(list(repo.scan())) == len(created)
