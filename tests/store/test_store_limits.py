"""One size limit for writing and reading; no write follows a link out of the home; a failed or
killed creation leaves no empty meeting folder behind (issue 10)."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from salescoach.errors import StoreError
from salescoach.store import atomic
from salescoach.store.drafts import MAX_DRAFT_BYTES, Draft, Drafts
from salescoach.store.local import locks_dir
from salescoach.store.markdown import MAX_RECORD_BYTES
from salescoach.store.record import AccountRef, Record
from salescoach.store.repository import MAX_ACCOUNT_BYTES, Repository
from tests.store.store_helpers import BODY, CREATED, make_record


def _create(repo: Repository, answers: dict[str, object]) -> tuple[Record, Path]:
    def build(account: AccountRef, meeting: str) -> tuple[Record, str]:
        return make_record(account, meeting, answers=answers), BODY

    return repo.create_meeting("Acme", "2026-11-28", "negotiation", build)


def _meeting_folders(home: Path) -> list[Path]:
    return sorted(path for path in (home / "accounts").glob("*/*") if path.is_dir())


def test_a_record_just_under_the_limit_is_saved_and_reads_back(repo: Repository) -> None:
    # Four bytes a character: a limit counted in characters would let this through at 4x.
    answer = "🎉" * ((MAX_RECORD_BYTES - 20_000) // 4)
    record, path = _create(repo, {"meeting": {"blob": answer}})
    assert path.stat().st_size <= MAX_RECORD_BYTES
    assert repo.load(record.meeting, "prep").answers == {"meeting": {"blob": answer}}


def test_a_record_over_the_limit_is_refused_before_anything_is_written(
    repo: Repository, home: Path
) -> None:
    """A 7 MB prep used to be saved with exit 0, then refused by every reader (5 MB)."""
    answer = "🎉" * (MAX_RECORD_BYTES // 4 + 1_000)
    with pytest.raises(StoreError) as raised:
        _create(repo, {"meeting": {"blob": answer}})
    assert f"more than the {MAX_RECORD_BYTES:,} bytes a record may hold" in str(raised.value)
    assert _meeting_folders(home) == []
    assert not [path for path in home.rglob("*") if atomic.is_temp_name(path.name)]


def test_drafts_and_accounts_have_one_limit_too(repo: Repository, home: Path) -> None:
    slug = repo.account_slug("Acme")
    with pytest.raises(StoreError, match=f"more than the {MAX_ACCOUNT_BYTES:,} bytes"):
        repo.update_account(
            slug,
            lambda account: account.model_copy(update={"data": {"x": "🎉" * MAX_ACCOUNT_BYTES}}),
        )
    assert repo.account(slug).data == {}
    drafts = Drafts(home)
    big = Draft(
        id="d-1",
        kind="prep",
        account="Acme",
        language="en",
        answers={"meeting": {"blob": "é" * (MAX_DRAFT_BYTES // 2 - 10_000)}},
        created=CREATED,
        updated=CREATED,
    )
    drafts.save(big)
    assert drafts.load("d-1").answers == big.answers
    too_big = big.model_copy(update={"answers": {"meeting": {"blob": "é" * MAX_DRAFT_BYTES}}})
    with pytest.raises(StoreError, match="bytes a draft may hold"):
        drafts.save(too_big)
    assert drafts.load("d-1").answers == big.answers


def test_a_full_disk_leaves_no_meeting_folder_and_names_the_file(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: str | bytes, *, exclusive: bool = False) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    repo.account_slug("Acme")
    monkeypatch.setattr("salescoach.store.repository.atomic_write", full)
    with pytest.raises(StoreError) as raised:
        _create(repo, {"meeting": {"type": "negotiation"}})
    assert "prep.md" in str(raised.value) and "No space left on device" in str(raised.value)
    assert _meeting_folders(home) == []
    assert [path.name for path in (home / "accounts" / "acme").iterdir()] == ["account.yaml"]


def test_an_empty_folder_left_by_an_older_salescoach_is_reused(
    repo: Repository, home: Path
) -> None:
    repo.account_slug("Acme")
    left = home / "accounts" / "acme" / "2026-11-28-acme-negotiation"
    left.mkdir()
    fresh, _ = _create(repo, {"meeting": {"type": "negotiation"}})
    assert fresh.meeting == f"{left.name}-2"  # it may be another process's reservation
    an_hour_ago = time.time() - 3_700
    os.utime(left, (an_hour_ago, an_hour_ago))
    record, path = _create(repo, {"meeting": {"type": "negotiation"}})
    assert record.meeting == left.name and path.parent == left


def _outside(tmp_path: Path) -> Path:
    target = tmp_path / "outside"
    target.mkdir()
    return target


@pytest.mark.parametrize("folder", ["drafts", "accounts", "accounts/acme"])
def test_a_symlinked_folder_of_the_home_is_never_written_through(
    tmp_path: Path, home: Path, folder: str
) -> None:
    outside = _outside(tmp_path)
    link = home / folder
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside, target_is_directory=True)
    repo = Repository(home)
    draft = Draft(
        id="d-1", kind="prep", account="Acme", language="en", created=CREATED, updated=CREATED
    )
    with pytest.raises(StoreError, match="outside the data home"):
        if folder == "drafts":
            Drafts(home).save(draft)
        else:
            _create(repo, {"meeting": {"type": "negotiation"}})
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("lock", ["accounts.lock", "meetings.lock"])
def test_a_symlinked_lock_file_is_refused_and_its_target_left_alone(
    tmp_path: Path, home: Path, lock: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    locks_dir(home).mkdir(parents=True)
    (locks_dir(home) / lock).symlink_to(victim)
    repo = Repository(home)
    if lock == "meetings.lock":
        repo.account_slug("Acme")
    with pytest.raises(StoreError, match="symbolic link"):
        _create(repo, {"meeting": {"type": "negotiation"}})
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_symlinked_draft_file_is_not_written_through(tmp_path: Path, home: Path) -> None:
    victim = tmp_path / "victim.yaml"
    victim.write_text("precious\n", encoding="utf-8")
    (home / "drafts").mkdir(parents=True)
    (home / "drafts" / "d-1.yaml").symlink_to(victim)
    draft = Draft(
        id="d-1", kind="prep", account="Acme", language="en", created=CREATED, updated=CREATED
    )
    Drafts(home).save(draft)  # the link itself is replaced by the draft, never followed
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (home / "drafts" / "d-1.yaml").is_symlink()
    assert Drafts(home).load("d-1") == draft


def test_an_id_taken_in_another_account_folder_is_not_given_again(
    repo: Repository, home: Path
) -> None:
    # A meeting folder of that name in another account (a hand move, a slug like acme-2):
    # ids stay unique in the whole home, found without listing every meeting.
    repo.account_ref("Beta", create=True)
    (home / "accounts" / "beta" / "2026-11-28-acme-negotiation").mkdir()
    first, _ = _create(repo, {})
    second, _ = _create(repo, {})
    assert (first.meeting, second.meeting) == (
        "2026-11-28-acme-negotiation-2",
        "2026-11-28-acme-negotiation-3",
    )
