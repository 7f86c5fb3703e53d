"""The derived index against a hostile or damaged home: links planted where it lives, damaged
rows, a foreign schema, files removed under its feet. It is derived, so the answer is always
the files' truth, and nothing outside the home is touched."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from salescoach.store import index as index_module
from salescoach.store.facts import ALL_PARTS, Facts
from salescoach.store.index import STALE_MARK, Index, index_path, note_saved, stale_mark
from salescoach.store.repository import Repository
from salescoach.store.search import Filters, parse_query
from tests.reports.homes import all_facts, debrief, prep


def key(facts: Facts) -> tuple[str, str]:
    return (facts.meeting, facts.kind)


def indexed(home: Path) -> list[Facts]:
    with Index.open(home) as index:
        return sorted(index.facts(parts=ALL_PARTS), key=key)


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    first = prep(repo, "Acme", "2026-01-10", phase="phase-2", objectives=["Budget"])
    debrief(
        repo,
        first,
        results=["reached"],
        objections=[("price-too-high", 4)],
        next_steps=[("Send the quote", "Me", "2026-01-20")],
    )
    prep(repo, "Beta", "2026-02-01", "negotiation")
    return isolated_home


def expected(home: Path) -> list[Facts]:
    return sorted(all_facts(home), key=key)


def foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE records (precious TEXT); INSERT INTO records VALUES ('keep me');"
        "CREATE TABLE dirs (x); PRAGMA user_version = 4;"
    )
    connection.close()


def foreign_rows(path: Path) -> list[tuple[str]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT precious FROM records").fetchall()
    finally:
        connection.close()


def test_a_linked_index_never_touches_what_it_points_to(home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    foreign = outside / "foreign.sqlite3"
    foreign_database(foreign)
    index_path(home).symlink_to(foreign)
    for suffix in ("-wal", "-shm"):
        Path(f"{index_path(home)}{suffix}").symlink_to(outside / f"planted{suffix}")
    assert indexed(home) == expected(home)
    assert foreign_rows(foreign) == [("keep me",)]
    assert sorted(p.name for p in outside.iterdir()) == ["foreign.sqlite3"]
    assert not index_path(home).is_symlink()
    assert stat.S_IMODE(index_path(home).lstat().st_mode) == 0o600


def test_a_linked_stale_mark_sends_nothing_outside(home: Path, tmp_path: Path) -> None:
    indexed(home)
    target = tmp_path / "mark-outside"
    stale_mark(home).symlink_to(target)
    record = Repository(home).load("2026-02-01-beta-negotiation", "prep")
    index = index_path(home)
    index.unlink()
    index.mkdir()  # the update fails: a mark would be left
    note_saved(home, record, Repository(home).path_of(record.meeting, "prep"))
    assert not target.exists()
    index.rmdir()
    assert indexed(home) == expected(home)


def test_a_folder_where_the_index_goes_reads_in_memory(home: Path) -> None:
    index_path(home).mkdir()
    assert indexed(home) == expected(home)
    assert index_path(home).is_dir()


def test_the_index_stays_private_when_recreated(home: Path) -> None:
    mask = os.umask(0o022)
    try:
        indexed(home)
        os.chmod(index_path(home), 0o644)  # noqa: PTH101
        indexed(home)
        assert stat.S_IMODE(index_path(home).stat().st_mode) == 0o600
        with Index.open(home) as index:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{index_path(home)}{suffix}").unlink(missing_ok=True)
            index.refresh()
        with Index.open(home) as index:
            assert sorted(index.facts(parts=ALL_PARTS), key=key) == expected(home)
        for suffix in ("", "-wal", "-shm"):
            companion = Path(f"{index_path(home)}{suffix}")
            if companion.exists():
                assert stat.S_IMODE(companion.stat().st_mode) == 0o600, suffix
    finally:
        os.umask(mask)


def test_a_stale_mark_that_cannot_be_removed_is_no_crash(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only home (a manager reading a rep's) with a mark left in it."""
    indexed(home)
    stale_mark(home).touch()
    original = Path.unlink

    def refused(self: Path, missing_ok: bool = False) -> None:
        if self.name == STALE_MARK:
            raise PermissionError(13, "Permission denied", str(self))
        original(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", refused)
    with Index.open(home) as index:
        assert index.last_refresh is not None and index.last_refresh.full
        assert sorted(index.facts(parts=ALL_PARTS), key=key) == expected(home)


def test_rows_that_break_the_schema_cannot_be_written(home: Path) -> None:
    indexed(home)
    connection = sqlite3.connect(index_path(home))
    for change in (
        "UPDATE records SET objectives = 'not json'",
        "UPDATE records SET meeting_date = 20260110",
        "UPDATE records SET meeting_date = 'soon'",
        "UPDATE records SET kind = 'memo'",
        "UPDATE records SET meeting = NULL",
    ):
        with pytest.raises(sqlite3.DatabaseError):  # a CHECK, or malformed JSON
            connection.execute(change)
    connection.close()


def test_damaged_rows_are_skipped_or_rebuilt(home: Path) -> None:
    indexed(home)
    connection = sqlite3.connect(index_path(home))
    connection.execute(
        'UPDATE records SET next_steps = \'[[1, 2, 3], "x", ["Call", "Me", null]]\', '
        "objections = '[[\"a\"]]' WHERE kind = 'debrief'"
    )
    connection.commit()
    with Index.open(home) as index:
        (facts,) = index.facts(kind="debrief", parts=ALL_PARTS)
    assert [step.action for step in facts.next_steps] == ["Call"]
    assert list(facts.objections) == []
    connection.execute("UPDATE records SET account_name = CAST(x'c3ff' AS TEXT)")
    connection.commit()
    connection.close()
    assert indexed(home) == expected(home)  # undecodable text: rebuilt from the files


@pytest.mark.parametrize("version", [0, 4, 99])
def test_an_index_of_another_schema_is_rebuilt(home: Path, version: int) -> None:
    foreign_database(index_path(home))
    connection = sqlite3.connect(index_path(home))
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()
    assert indexed(home) == expected(home)
    with Index.open(home) as index:
        assert len(list(index.search(parse_query(["quote"]), Filters(), None).hits)) == 1


def test_an_index_removed_under_an_open_one(home: Path) -> None:
    with Index.open(home) as first:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{index_path(home)}{suffix}").unlink(missing_ok=True)
        assert sorted(first.facts(parts=ALL_PARTS), key=key) == expected(home)
        assert indexed(home) == expected(home)
        prep(Repository(home), "Gamma", "2026-03-01")
        first.refresh()
    assert indexed(home) == expected(home)


def test_a_disk_error_while_opening_reads_in_memory(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(index_module, "_prepare", failing)
    assert indexed(home) == expected(home)


def test_the_latest_waiting_prep_comes_from_the_index_and_the_files_decide(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salescoach.workflow import prep_for_debrief

    repo = Repository(home)
    assert prep_for_debrief(repo, None).meeting == "2026-02-01-beta-negotiation"
    monkeypatch.setattr(index_module, "FULL_SCAN_LIMIT", 1)  # a big home: in-place edits unseen
    older = prep(repo, "Gamma", "2026-01-20")
    beta = repo.path_of("2026-02-01-beta-negotiation", "prep")
    beta.with_name("debrief.md").write_text("written by hand, not even valid\n")
    assert prep_for_debrief(repo, None).meeting == older.meeting
