"""The scan a full refresh keeps beside the index (``index.scan``): an open that finds every
file, folder and index mark as then skips comparing rows, and every change the rows would have
shown is still found."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from salescoach.store.index import SCAN_FILE, Index, index_path, note_saved
from salescoach.store.repository import Repository
from tests.reports.homes import prep
from tests.store.test_index import (
    edit_in_place_same_size,
    from_files,
    indexed,
    keeping_folder_times,
    key,
    put_back,
    small_home,
)


@pytest.fixture
def repo(home: Path) -> Repository:
    return Repository(home)


def scan_file(home: Path) -> Path:
    return index_path(home).with_name(SCAN_FILE)


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item for each refresh that read the rows to compare them with the files."""
    reads: list[int] = []
    original = Index._known

    def counting(self: Index, folders: object) -> list[tuple[str, int, int]]:
        reads.append(1)
        return original(self, folders)  # type: ignore[arg-type]

    monkeypatch.setattr(Index, "_known", counting)
    return reads


@pytest.fixture
def kept(repo: Repository, home: Path, compared: list[int]) -> Path:
    """A small home whose index matched every file at the last open, which kept its scan."""
    small_home(repo)
    indexed(home)  # built: rows written, so no scan kept yet
    assert not scan_file(home).exists()
    indexed(home)  # nothing changed: the scan is kept
    assert scan_file(home).is_file()
    compared.clear()
    return home


def test_an_open_that_finds_what_the_kept_scan_says_compares_no_rows(
    kept: Path, compared: list[int]
) -> None:
    with Index.open(kept) as index:
        assert index._db.total_changes == 0
        assert index.last_refresh is not None and index.last_refresh.read == 0
    assert indexed(kept) == from_files(kept)
    assert compared == []
    assert scan_file(kept).stat().st_mode & 0o777 == 0o600


def same_size_in_place(home: Path) -> None:
    edit_in_place_same_size(Repository(home).path_of("2026-02-01-beta-negotiation", "prep"))


def deleted(home: Path) -> None:
    Repository(home).path_of("2026-01-10-acme-discovery", "debrief").unlink()


def added(home: Path) -> None:
    meeting = home / "accounts" / "beta" / "2026-02-01-beta-negotiation"
    text = (home / "accounts" / "acme" / "2026-01-10-acme-discovery" / "debrief.md").read_text()
    (meeting / "debrief.md").write_text(text)


def meeting_renamed(home: Path) -> None:
    acme = home / "accounts" / "acme"
    (acme / "2026-01-10-acme-discovery").rename(acme / "2026-01-10-acme-first-call")


def account_renamed(home: Path) -> None:
    (home / "accounts" / "beta").rename(home / "accounts" / "beta-corp")


def dangling(home: Path) -> None:
    beta = Repository(home).path_of("2026-02-01-beta-negotiation", "prep")
    beta.unlink()
    beta.symlink_to(home / "nowhere.md")


def not_a_meeting(home: Path) -> None:
    (home / "accounts" / "acme" / "notes.txt").write_text("not a meeting\n")


HAND_CHANGES: list[Callable[[Path], None]] = [
    same_size_in_place,
    deleted,
    added,
    meeting_renamed,
    account_renamed,
    dangling,
    not_a_meeting,
]


@pytest.mark.parametrize("change", HAND_CHANGES, ids=[c.__name__ for c in HAND_CHANGES])
def test_a_hand_change_after_a_kept_scan_is_found_whatever_the_folders_times_say(
    change: Callable[[Path], None], kept: Path, compared: list[int]
) -> None:
    times = keeping_folder_times(kept)
    change(kept)
    put_back(times)  # as rsync -a or cp -p leave them
    with Index.open(kept) as index:
        problems = sorted(str(p.path.relative_to(kept)) for p in index.problems())
    assert compared == [1]
    assert indexed(kept) == from_files(kept)
    if change is dangling:
        assert problems == ["accounts/beta/2026-02-01-beta-negotiation/prep.md"]
    if change is same_size_in_place:
        assert ("2026-02-01-beta-negotiation", "phase-5") in {
            (f.meeting, f.phase) for f in indexed(kept)
        }


def test_a_file_put_back_as_it_was_after_a_save_is_read_again(
    repo: Repository, kept: Path, compared: list[int]
) -> None:
    """A save updates its row without a scan; the file then put back from a copy that kept its
    time and size (``cp -p``) is what the kept scan saw, but not what the index holds."""
    meeting = "2026-02-01-beta-negotiation"
    path = repo.path_of(meeting, "prep")
    old_text, old = path.read_text(), path.stat()
    record = repo.load(meeting, "prep")
    answers = {"meeting": {**record.answers["meeting"], "phase": "phase-5"}}
    saved = record.model_copy(update={"answers": answers})
    repo.save(saved, f"# Prep {meeting}\n")
    note_saved(kept, saved, path)  # as the tool does after each save
    path.unlink()
    path.write_text(old_text)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (old.st_mtime_ns, old.st_size)
    assert (meeting, "phase-4") in {(f.meeting, f.phase) for f in indexed(kept)}
    assert indexed(kept) == from_files(kept)
    assert compared == [1, 1]  # compared, found nothing to do, kept the scan, then trusted it


def test_a_record_saved_by_the_tool_is_in_the_next_answer(
    repo: Repository, kept: Path, compared: list[int]
) -> None:
    prep(repo, "Gamma", "2026-03-01")
    assert ("2026-03-01-gamma-discovery", "prep") in {key(f) for f in indexed(kept)}
    assert compared == [1]  # the files changed: the rows compared again, the new one read
    indexed(kept)
    assert compared == [1, 1]  # compared again: nothing to do, so the scan is kept
    indexed(kept)
    assert compared == [1, 1]


@pytest.mark.parametrize("kept_text", [b"", b"not a scan\n", None])
def test_a_kept_scan_that_is_not_this_one_is_not_trusted(
    kept_text: bytes | None, kept: Path, compared: list[int]
) -> None:
    if kept_text is None:  # a link planted there, to what the scan says: not followed
        (kept / "elsewhere").write_bytes(scan_file(kept).read_bytes())
        scan_file(kept).unlink()
        scan_file(kept).symlink_to(kept / "elsewhere")
    else:
        scan_file(kept).write_bytes(kept_text)
    assert indexed(kept) == from_files(kept)
    assert compared == [1]


def test_rescan_compares_the_rows_whatever_was_kept(kept: Path, compared: list[int]) -> None:
    indexed(kept, rescan=True)
    assert compared == [1]
