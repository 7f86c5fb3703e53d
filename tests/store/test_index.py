"""The derived index: built from the files, kept current incrementally, safe to delete."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from salescoach.errors import StoreError
from salescoach.store import index as index_module
from salescoach.store.facts import ALL_PARTS, Facts
from salescoach.store.index import Index, index_path, note_saved, stale_mark
from salescoach.store.repository import Repository
from tests.reports.homes import all_facts, debrief, prep


def key(facts: Facts) -> tuple[str, str]:
    return (facts.meeting, facts.kind)


def indexed(home: Path, *, rescan: bool = False) -> list[Facts]:
    with Index.open(home, rescan=rescan) as index:
        return sorted(index.facts(parts=ALL_PARTS), key=key)


def from_files(home: Path) -> list[Facts]:
    return sorted(all_facts(home), key=key)


@pytest.fixture
def repo(home: Path) -> Repository:
    return Repository(home)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every record file the index parses, in order."""
    parsed: list[Path] = []
    original = Repository.read_or_broken

    def counting(self: Repository, path: Path, **options: bool) -> object:
        parsed.append(path)
        return original(self, path, **options)

    monkeypatch.setattr(Repository, "read_or_broken", counting)
    return parsed


def small_home(repo: Repository) -> None:
    first = prep(repo, "Acme", "2026-01-10", phase="phase-2", objectives=["Budget", "Calendar"])
    debrief(
        repo,
        first,
        phase="phase-3",
        results=["reached", "partly"],
        objections=[("price-too-high", 4)],
        new_objections=[("Not before 2027", 2)],
        given=["A demo"],
        received=["Their volumes"],
        next_steps=[("Send the quote", "Me", "2026-01-20")],
        levels=["necessary", "useful"],
    )
    prep(repo, "Beta", "2026-02-01", "negotiation", phase="phase-4")


def test_first_build_holds_the_facts_of_every_record(repo: Repository, home: Path) -> None:
    small_home(repo)
    steps: list[tuple[int, int]] = []
    with Index.open(home, progress=lambda done, total: steps.append((done, total))) as index:
        assert len(index) == 3
        assert sorted(index.facts(parts=ALL_PARTS), key=key) == from_files(home)
    assert steps == [(0, 3), (3, 3)]


def test_the_index_is_private_and_beside_the_data(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    assert stat.S_IMODE(index_path(home).stat().st_mode) == 0o600


def test_parts_not_asked_for_are_left_empty(repo: Repository, home: Path) -> None:
    small_home(repo)
    with Index.open(home) as index:
        facts = {f.kind: f for f in index.facts(account="acme")}
    assert facts["debrief"].phase == "phase-3"
    assert facts["debrief"].funnel == "nu"
    assert facts["debrief"].levels == ("necessary", "useful")
    assert facts["debrief"].objectives == ()
    assert facts["debrief"].next_steps == ()


def test_filters(repo: Repository, home: Path) -> None:
    small_home(repo)
    with Index.open(home) as index:
        assert {f.account_slug for f in index.facts(account="beta")} == {"beta"}
        assert {f.kind for f in index.facts(kind="debrief")} == {"debrief"}
        assert [f.meeting for f in index.facts(since="2026-01-11")] == [
            "2026-02-01-beta-negotiation"
        ]
        assert [p.name for p in index.paths(account="acme")] == ["prep.md", "debrief.md"]


def test_adding_one_record_parses_only_that_one(
    repo: Repository, home: Path, reads: list[Path]
) -> None:
    small_home(repo)
    indexed(home)
    assert len(reads) == 3
    reads.clear()
    new = prep(repo, "Gamma", "2026-03-01")
    indexed(home)
    assert reads == [repo.path_of(new.meeting, "prep")]
    reads.clear()
    indexed(home)
    assert reads == []


def test_a_saved_record_noted_by_the_tool_is_not_parsed_again(
    repo: Repository, home: Path, reads: list[Path]
) -> None:
    small_home(repo)
    indexed(home)
    reads.clear()
    record = prep(repo, "Gamma", "2026-03-01", phase="phase-1")
    note_saved(home, record, repo.path_of(record.meeting, "prep"))
    found = indexed(home)
    assert reads == []
    assert found == from_files(home)


def test_note_saved_without_an_index_creates_none(repo: Repository, home: Path) -> None:
    record = prep(repo, "Acme", "2026-01-01")
    note_saved(home, record, repo.path_of(record.meeting, "prep"))
    assert not index_path(home).exists()


def test_hand_edits_deletions_and_broken_files(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    beta.write_text(beta.read_text().replace("phase-4", "phase-5"))
    acme_debrief = repo.path_of("2026-01-10-acme-discovery", "debrief")
    acme_debrief.unlink()
    acme_prep = repo.path_of("2026-01-10-acme-discovery", "prep")
    acme_prep.write_text("no front matter here\n")
    with Index.open(home) as index:
        facts = index.facts()
        problems = index.problems()
    assert [(f.meeting, f.phase) for f in facts] == [("2026-02-01-beta-negotiation", "phase-5")]
    assert [p.path for p in problems] == [acme_prep]
    assert "no front matter" in problems[0].message


def keeping_folder_times(home: Path) -> dict[Path, tuple[int, int]]:
    """The access and modification times of every folder under ``accounts`` (to put back:
    a copy made with ``rsync -a`` or ``cp -p`` keeps the times of the folders it writes)."""
    folders = [home / "accounts", *(p for p in (home / "accounts").rglob("*") if p.is_dir())]
    return {f: (f.stat().st_atime_ns, f.stat().st_mtime_ns) for f in folders}


def edit_in_place_same_size(path: Path) -> None:
    """Edit a record in place, its size kept (an editor writing into the file, not replacing
    it): phase-4 becomes phase-5, one second later."""
    before = path.stat()
    with path.open("r+", encoding="utf-8") as file:
        edited = file.read().replace("phase-4", "phase-5")
        file.seek(0)
        file.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before.st_size


def put_back(times: dict[Path, tuple[int, int]]) -> None:
    for folder, (atime, mtime) in times.items():
        if folder.exists():
            os.utime(folder, ns=(atime, mtime))


def test_every_hand_edit_is_found_whatever_the_folders_times_say(
    repo: Repository, home: Path
) -> None:
    small_home(repo)
    indexed(home)
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    acme_debrief = repo.path_of("2026-01-10-acme-discovery", "debrief")
    text = acme_debrief.read_text()
    times = keeping_folder_times(home)
    edit_in_place_same_size(beta)
    acme_debrief.unlink()  # deleted from a meeting folder that stays
    put_back(times)
    assert indexed(home) == from_files(home)
    assert ("2026-02-01-beta-negotiation", "phase-5") in {
        (f.meeting, f.phase) for f in indexed(home)
    }
    acme_debrief.write_text(text)  # a new file in a meeting folder the index knows
    put_back(times)
    assert indexed(home) == from_files(home)
    assert ("2026-01-10-acme-discovery", "debrief") in {key(f) for f in indexed(home)}


def test_renamed_folders_and_entries_that_are_not_meetings(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    acme = home / "accounts" / "acme"
    (acme / "2026-01-10-acme-discovery").rename(acme / "2026-01-10-acme-first-call")
    (home / "accounts" / "beta").rename(home / "accounts" / "beta-corp")
    (acme / "notes.txt").write_text("not a meeting\n")
    (acme / "gone").symlink_to(home / "nowhere")  # a dangling link: not a meeting folder
    (acme / "loop").symlink_to(acme / "loop")
    (acme / ".hidden").mkdir()
    (acme / ".hidden" / "prep.md").write_text("hidden: never read\n")
    assert indexed(home) == from_files(home)
    with Index.open(home) as index:
        problems = sorted(str(problem.path.relative_to(home)) for problem in index.problems())
    # Moved away from the folders their front matter names: found there, and listed as
    # unreadable (until moved back); the entries that are not meeting folders are not read.
    assert problems == [
        "accounts/acme/2026-01-10-acme-first-call/debrief.md",
        "accounts/acme/2026-01-10-acme-first-call/prep.md",
        "accounts/beta-corp/2026-02-01-beta-negotiation/prep.md",
    ]


def test_a_dangling_record_link_is_listed_as_unreadable(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    beta.unlink()
    beta.symlink_to(home / "nowhere.md")
    with Index.open(home) as index:
        assert [problem.path for problem in index.problems()] == [beta]


def test_an_open_that_finds_nothing_changed_writes_nothing(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    with Index.open(home) as index:
        assert index._db.total_changes == 0
        assert index.last_refresh is not None and index.last_refresh.read == 0
    prep(repo, "Gamma", "2026-03-01")
    with Index.open(home) as index:
        assert index._db.total_changes > 0


def test_a_deleted_account_folder_leaves_the_index(repo: Repository, home: Path) -> None:
    small_home(repo)
    indexed(home)
    for path in sorted((home / "accounts" / "acme").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (home / "accounts" / "acme").rmdir()
    assert {f.account_slug for f in indexed(home)} == {"beta"}


def test_big_homes_look_only_into_changed_account_folders(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "FULL_SCAN_LIMIT", 1)
    small_home(repo)
    indexed(home)
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    beta.write_text(beta.read_text().replace("phase-4", "phase-5"))
    prep(repo, "Acme", "2026-03-01")  # a new meeting folder changes acme's folder
    phases = {(f.meeting, f.phase) for f in indexed(home)}
    assert ("2026-03-01-acme-discovery", None) in phases
    assert ("2026-02-01-beta-negotiation", "phase-4") in phases  # an in-place edit: not yet
    phases = {(f.meeting, f.phase) for f in indexed(home, rescan=True)}
    assert ("2026-02-01-beta-negotiation", "phase-5") in phases


def test_a_failed_note_makes_the_next_open_check_every_file(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "FULL_SCAN_LIMIT", 1)
    small_home(repo)
    indexed(home)
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    beta.write_text(beta.read_text().replace("phase-4", "phase-5"))
    record = repo.load("2026-02-01-beta-negotiation", "prep")

    def failing(self: Index, record: object, path: Path) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Index, "note", failing)
    note_saved(home, record, beta)
    assert stale_mark(home).exists()
    assert ("2026-02-01-beta-negotiation", "phase-5") in {
        (f.meeting, f.phase) for f in indexed(home)
    }
    assert not stale_mark(home).exists()


def test_deleted_or_corrupt_index_is_rebuilt(repo: Repository, home: Path) -> None:
    small_home(repo)
    expected = indexed(home)
    index_path(home).unlink()
    assert indexed(home) == expected
    for suffix in ("-wal", "-shm"):
        Path(f"{index_path(home)}{suffix}").unlink(missing_ok=True)
    index_path(home).write_bytes(b"this is not a database at all" * 100)
    assert indexed(home) == expected


def test_an_index_of_another_schema_is_rebuilt(repo: Repository, home: Path) -> None:
    small_home(repo)
    expected = indexed(home)
    connection = sqlite3.connect(index_path(home))
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert indexed(home) == expected


def test_a_first_build_stopped_before_its_indexes_resumes_without_reading_again(
    repo: Repository, home: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big first build makes its secondary indexes after its rows: stopped just before, the
    next open makes them over the rows written and reads no file again."""
    small_home(repo)
    expected = from_files(home)
    monkeypatch.setattr(index_module, "DEFER_TEXT_FROM", 1)
    make_indexes = index_module._make_indexes

    def stopped(connection: sqlite3.Connection) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "_make_indexes", stopped)
    reads.clear()
    with pytest.raises(KeyboardInterrupt):
        Index.open(home)
    assert len(reads) == 3
    connection = sqlite3.connect(index_path(home))
    names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "records_newest" not in names
    monkeypatch.setattr(index_module, "_make_indexes", make_indexes)
    assert indexed(home) == expected
    assert len(reads) == 3
    connection = sqlite3.connect(index_path(home))
    names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "records_newest" in names


def test_a_home_without_records_gets_no_index_file(home: Path) -> None:
    assert indexed(home) == []
    assert not home.exists()


def test_a_home_the_index_cannot_be_written_in_is_indexed_in_memory(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A manager reading a rep's read-only home still gets the reports."""
    small_home(repo)
    expected = from_files(home)

    def refused(home: Path) -> sqlite3.Connection:
        raise StoreError("cannot create the index: Permission denied")

    monkeypatch.setattr(index_module, "_connect", refused)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert indexed(home) == expected
    assert not index_path(home).exists()


def test_a_big_first_build_is_shared_between_processes(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_home(repo)
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(index_module, "BATCH", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    steps: list[tuple[int, int]] = []
    with Index.open(home, progress=lambda done, total: steps.append((done, total))) as index:
        found = sorted(index.facts(parts=ALL_PARTS), key=key)
    assert found == from_files(home)
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_parts_are_decoded_on_first_use(repo: Repository, home: Path) -> None:
    small_home(repo)
    with Index.open(home) as index:
        (debrief_facts,) = index.facts(kind="debrief", parts={"next_steps"})
    steps = debrief_facts.next_steps
    assert isinstance(steps, index_module.Lazy)
    assert steps[0].action == "Send the quote"
    assert list(steps) == [steps[0]] and len(steps) == 1
    assert steps == (steps[0],)
    assert "Send the quote" in repr(steps)


def test_the_listing_comes_in_pieces_of_whole_days_in_the_newest_order(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``list --json``'s lines, joined by SQLite a few days at a time: the pieces together are
    every line in :meth:`Index.newest`'s order (undated records last), whatever the limit."""
    import json

    from salescoach.store.record import Record

    for day in ("2026-01-10", "2026-01-10", "2026-01-10", "2026-02-01", "2025-12-24"):
        debrief(repo, prep(repo, "Acme", day), phase="phase-2")
    prep(repo, "Beta", "2026-02-01", "negotiation")
    account, meeting = repo.new_meeting("Gamma", "2026-01-01", "discovery")  # left undated
    undated = Record(
        kind="prep",
        meeting=meeting,
        account=account,
        meeting_type="discovery",
        created="2026-01-01T09:00:00+01:00",
        updated="2026-01-01T09:00:00+01:00",
        language="en",
        flow="prep-flow",
        answers={"meeting": {"account": "Gamma", "type": "discovery"}},
    )
    repo.save(undated, f"# Prep {meeting}\n")
    monkeypatch.setattr(index_module, "LISTING_CHUNK", 2)
    with Index.open(home) as index:
        for account_slug, kind in ((None, None), ("acme", None), (None, "prep")):
            newest, total = index.newest(account=account_slug, kind=kind)
            expected = [(facts.meeting, facts.kind) for facts in newest]
            assert expected[-1:] == [(meeting, "prep")] or account_slug is not None
            for limit in (None, 1, 2, 3, 5, total, total + 1):
                pieces = list(index.listing(account=account_slug, kind=kind, limit=limit))
                lines = [json.loads(line) for line in b",\n".join(pieces).split(b",\n")]
                assert [(line["meeting"], line["kind"]) for line in lines] == expected[:limit]
            assert len(pieces) > 1 or account_slug is not None
