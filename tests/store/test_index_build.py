"""A big first build: rows written without the secondary indexes and the triggers that keep
the tables beside them, those made once at the end. Whatever the route (row by row, in bulk,
stopped and resumed, opened by another process meanwhile), the index holds the same."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.errors import StoreError
from salescoach.store import index as index_module
from salescoach.store.index import DEFERRED_TRIGGERS, Index, index_path, note_saved
from salescoach.store.repository import Repository
from tests.reports.homes import debrief, prep

TABLES = {
    "records": "SELECT * FROM records ORDER BY rowid",
    "documents": "SELECT * FROM documents ORDER BY id",
    "objections_met": "SELECT rowid, * FROM objections_met ORDER BY rowid",
    "results_by_month": "SELECT * FROM results_by_month ORDER BY 1, 2",
    "meeting_objectives": "SELECT * FROM meeting_objectives ORDER BY 1",
    "phase_changes": "SELECT * FROM phase_changes ORDER BY 1, 2, 3, 4, 5",
    "unsettled": "SELECT * FROM unsettled",
    "funnel_counts": "SELECT * FROM funnel_counts ORDER BY 1",
    "meetings_held": "SELECT * FROM meetings_held ORDER BY 1, 2",
    "words": "SELECT rowid, rank FROM texts WHERE texts MATCH 'quote OR budget' ORDER BY rank",
}


def tables(home: Path) -> dict[str, list[Any]]:
    connection = sqlite3.connect(index_path(home))
    try:
        return {name: connection.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        connection.close()


def triggers(home: Path) -> set[str]:
    connection = sqlite3.connect(index_path(home))
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in rows}
    finally:
        connection.close()


def varied_home(repo: Repository) -> None:
    """Preps and debriefs over two accounts and months, objections from the library and in
    the client's words, a prep without its debrief, a copied file in the wrong folder and a
    file whose YAML is broken."""
    acme = prep(repo, "Acme", "2026-01-10", phase="phase-2", objectives=["Budget", "Calendar"])
    debrief(
        repo,
        acme,
        phase="phase-3",
        results=["reached", None],
        objections=[("price-too-high", 4), ("no-budget", None)],
        new_objections=[("Not before 2027", 2)],
        next_steps=[("Send the quote", "Me", "2026-01-20")],
        levels=["necessary"],
    )
    beta = prep(repo, "Beta", "2026-02-01", "negotiation", phase="phase-4", objectives=["Go"])
    debrief(repo, beta, results=["not"], objections=[("price-too-high", 2)])
    prep(repo, "Beta", "2026-02-20", "negotiation", phase="phase-4", objectives=["A", "B"])
    again = repo.path_of(beta.meeting, "prep")
    copy = again.parent.parent / "2026-02-21-beta-negotiation"
    copy.mkdir()
    (copy / "prep.md").write_text(again.read_text())
    (copy / "debrief.md").write_text("---\nnot: [valid\n---\n")


def built(home: Path, monkeypatch: pytest.MonkeyPatch, *, bulk: bool) -> dict[str, list[Any]]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path(home)}{suffix}").unlink(missing_ok=True)
    monkeypatch.setattr(index_module, "DEFER_TEXT_FROM", 1 if bulk else 10**9)
    Index.open(home).close()
    return tables(home)


def test_a_bulk_first_build_holds_what_a_build_row_by_row_holds(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    varied_home(repo)
    by_row = built(home, monkeypatch, bulk=False)
    assert by_row["objections_met"] and by_row["meeting_objectives"]
    assert by_row["phase_changes"] and by_row["words"]
    assert built(home, monkeypatch, bulk=True) == by_row
    assert triggers(home).issuperset(DEFERRED_TRIGGERS)


def test_a_first_build_stopped_before_its_end_is_completed_by_the_next_open(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after its rows, before its triggers and tables: the next open makes them from
    the rows, and the triggers keep them current on the next saves."""
    varied_home(repo)
    by_row = built(home, monkeypatch, bulk=False)
    complete = index_module._complete

    def stopped(connection: sqlite3.Connection) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "_complete", stopped)
    with pytest.raises(KeyboardInterrupt):
        built(home, monkeypatch, bulk=True)
    assert not triggers(home) & set(DEFERRED_TRIGGERS)
    monkeypatch.setattr(index_module, "_complete", complete)
    Index.open(home).close()
    assert tables(home) == by_row

    gamma = prep(repo, "Gamma", "2026-03-01", phase="phase-1", objectives=["Meet"])
    note_saved(home, gamma, repo.path_of(gamma.meeting, "prep"))
    saved = tables(home)
    assert built(home, monkeypatch, bulk=False) == saved
    assert len(saved["meeting_objectives"]) == len(by_row["meeting_objectives"]) + 1


def test_an_open_during_a_first_build_completes_it_and_the_build_goes_on(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another salescoach opening the index while a first build writes its batches makes
    the indexes and triggers over the rows there are; the build's later rows then go through
    the triggers, and its end counts nothing twice."""
    varied_home(repo)
    by_row = built(home, monkeypatch, bulk=False)
    monkeypatch.setattr(index_module, "BATCH", 2)
    store = Index._store
    batches: list[int] = []

    def store_then_open(self: Index, rows: list[Any]) -> None:
        store(self, rows)
        batches.append(len(rows))
        if len(batches) == 1:
            self._db.execute("COMMIT")  # as the batch's own transaction would end
            assert not triggers(home) & set(DEFERRED_TRIGGERS)
            other = index_module._connect(home)  # what another process's open does first
            other.close()
            assert triggers(home).issuperset(DEFERRED_TRIGGERS)
            self._db.execute("BEGIN IMMEDIATE")

    monkeypatch.setattr(Index, "_store", store_then_open)
    assert built(home, monkeypatch, bulk=True) == by_row
    assert len(batches) > 1


def test_every_trigger_filling_a_table_on_insert_is_left_for_the_end_of_a_first_build() -> None:
    """A new table kept by an AFTER INSERT trigger on records gets its statement in
    _AGGREGATES_SQL (and its query in TABLES above, so the routes are compared)."""
    connection = sqlite3.connect(":memory:")
    connection.executescript(index_module._SCHEMA_SQL)
    rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    on_insert = {name for name, sql in rows if "AFTER INSERT ON records" in sql}
    connection.close()
    assert on_insert == set(DEFERRED_TRIGGERS)


_plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.tuples(inner, inner) | st.lists(inner, max_size=3).map(tuple),
    max_leaves=12,
)


@given(st.lists(_plain, max_size=4).map(tuple), st.dictionaries(st.text(), _plain, max_size=5))
def test_a_row_s_parts_and_listing_are_written_as_json_dumps_would(
    part: tuple[Any, ...], listing: dict[str, Any]
) -> None:
    compact = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
    assert index_module._encode_part(part) == compact
    assert index_module._encode_listing(listing) == json.dumps(listing, ensure_ascii=False)


def test_a_bulk_first_build_in_memory_holds_what_one_in_the_file_holds(
    repo: Repository, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home whose index cannot be written is indexed in memory, by the same route."""
    varied_home(repo)
    in_file = built(home, monkeypatch, bulk=True)
    monkeypatch.setattr(index_module, "_connect", _refused)
    with Index.open(home) as index:
        connection = index._db
        in_memory = {name: connection.execute(sql).fetchall() for name, sql in TABLES.items()}
        made = {name for (name,) in connection.execute(index_module._TRIGGER_NAMES)}
    assert in_memory == in_file
    assert made.issuperset(DEFERRED_TRIGGERS)


def _refused(home: Path) -> sqlite3.Connection:
    raise StoreError("cannot create the index: Permission denied")


RECOUNTED = (
    "SELECT objection, in_library, count(DISTINCT record), count(handling), "
    "coalesce(sum(handling), 0), min(place) FROM objections_met "
    "GROUP BY objection, in_library ORDER BY 1, 2"
)


def test_each_wording_s_figures_follow_saves_replacements_and_removals(
    repo: Repository, home: Path
) -> None:
    """``objection_wordings`` (kept by triggers) holds what counting ``objections_met`` again
    gives: a new earliest debrief, the same debrief saved again with other objections, the
    earliest one removed (its first debrief found again), the last debrief of a wording gone."""

    def kept() -> None:
        with Index.open(home) as index:
            connection = index._db
            held = connection.execute("SELECT * FROM objection_wordings ORDER BY 1, 2").fetchall()
            assert held == connection.execute(RECOUNTED).fetchall()

    varied_home(repo)
    kept()
    early = prep(repo, "Acme", "2025-12-01")
    debrief(repo, early, objections=[("price-too-high", 5)], new_objections=[("Later", 1)])
    kept()
    debrief(repo, early, objections=[("no-budget", 3)], new_objections=[("later", 2)])  # again
    kept()
    repo.path_of(early.meeting, "debrief").unlink()
    kept()
    only = next(home.glob("accounts/acme/2026-01-10-*/debrief.md"))
    only.unlink()  # the one debrief of "Not before 2027"
    kept()
    with Index.open(home) as index:
        words = [row[0] for row in index.objection_wordings()]
    assert "Not before 2027" not in words and "price-too-high" in words
