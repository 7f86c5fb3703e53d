"""One folder layout: the repository and the index see the same accounts and records."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from salescoach.errors import Broken
from salescoach.store.index import Index
from salescoach.store.layout import (
    account_entries,
    meeting_entries,
    meeting_names,
    record_parts,
    record_relative,
)
from salescoach.store.repository import Repository
from tests.reports.homes import prep


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_an_account_alias_is_one_account_for_the_repository_and_the_index(
    isolated_home: Path,
) -> None:
    repo = Repository(isolated_home)
    record = prep(repo, "Acme", "2026-01-10")
    (isolated_home / "accounts" / "acme-old-name").symlink_to("acme", target_is_directory=True)
    assert [entry.name for entry in account_entries(isolated_home)] == ["acme"]
    scanned = list(repo.scan())
    assert not [item for item in scanned if isinstance(item, Broken)]
    assert len(scanned) == 1
    with Index.open(isolated_home) as index:
        assert index.problems() == []
        assert [facts.meeting for facts in index.facts()] == [record.meeting]


def test_hidden_and_temporary_entries_are_not_meetings(isolated_home: Path) -> None:
    repo = Repository(isolated_home)
    record = prep(repo, "Acme", "2026-01-10")
    account = isolated_home / "accounts" / "acme"
    (account / ".git").mkdir()
    (account / "notes.txt").write_text("not a meeting", encoding="utf-8")
    assert [entry.name for entry in meeting_entries(account)] == [record.meeting]
    assert repo.meeting_ids() == [record.meeting]
    (account / f".{record.meeting}.tmp-0123abcd").mkdir()  # a folder being written
    # The names only: the files among them are told apart by the index's stats.
    assert meeting_names(account) == [record.meeting, "account.yaml", "notes.txt"]
    with Index.open(isolated_home) as index:
        assert [facts.meeting for facts in index.facts()] == [record.meeting]
        assert index.problems() == []


def test_a_record_path_reads_back_into_its_parts() -> None:
    relative = record_relative("acme", "2026-01-10-acme-discovery", "debrief")
    assert relative == "accounts/acme/2026-01-10-acme-discovery/debrief.md"
    assert record_parts(tuple(relative.split("/"))) == (
        "acme",
        "2026-01-10-acme-discovery",
        "debrief",
    )
    assert record_parts(("accounts", "acme", "x", "notes.md")) is None
    assert record_parts(("drafts", "acme", "x", "prep.md")) is None
