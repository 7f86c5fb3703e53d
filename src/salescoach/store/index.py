"""The derived index: the facts of every record in one SQLite file outside the data.

``index.sqlite3``, among the home's local files in the user cache directory
(:func:`salescoach.store.local.local_dir`), holds, for each record file, its size and
modification time and the :class:`~salescoach.store.facts.Facts` the reports read — so a
report over 100,000 records reads rows instead of parsing 100,000 YAML front matters. The
files stay the truth: the index is rebuilt from them when it is missing, unreadable, or of
another schema, and may be deleted at any time.

Keeping it current:

- the tool's own writes call :func:`note_saved`, which updates the one row;
- every :meth:`Index.open` compares the account folders' modification times with the ones seen
  last, so meetings added or removed (by the tool or by hand) are noticed;
- in a home of up to :data:`FULL_SCAN_LIMIT` records every open also lists the names in every
  account folder and stats each record file a meeting folder may hold (``prep.md``,
  ``debrief.md``), relative to its account folder (:func:`_record_files`): a file whose size or
  modification time changed (edited in place, even to the same size), a file added to or
  deleted from a meeting folder, a folder renamed — each is noticed whatever the folders' own
  times say (a copy made with ``rsync -a`` keeps them). About 3 ms per thousand files. When
  every file was as indexed, what the scan read (each folder's names, each file's time and
  size) is kept beside the index with the rows' count and largest rowid (``index.scan``): the
  next open that reads exactly that, the index's marks unchanged (a save gives its row a new
  rowid), knows every row is current without reading the rows back to compare;
- above that size, ``rescan=True`` (the commands' ``--rescan``) stats every file, and a failed
  :func:`note_saved` leaves a mark that makes the next open do so.

Only files whose size or modification time changed are parsed again: adding one record does not
reparse the others, and an open that finds nothing changed writes nothing (it takes no write
lock). Rows are written in batches, one transaction each, so an interrupted first build resumes
where it stopped. A first build into an empty index writes its rows without the secondary
indexes and without the triggers that keep the tables beside them (:data:`DEFERRED_TRIGGERS`),
and makes them at the end (one sort per index, one pass per table, not one insertion per row
and index); an open that finds only those missing — a build stopped, or still going in another
process — makes them over the rows there are, and the build goes on.
"""

from __future__ import annotations

import contextlib
import functools
import json
import operator
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import starmap
from pathlib import Path
from struct import pack
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

from salescoach.errors import Broken, StoreError
from salescoach.store.facts import (
    FIELDS,
    PART_FIELDS,
    SCALAR_FIELDS,
    Calendar,
    Facts,
    NextStep,
    ObjectionMet,
    Objective,
    Outcome,
    Part,
    facts_of,
    parse_day,
)
from salescoach.store.layout import (
    ACCOUNTS_DIR,
    KINDS,
    account_entries,
    accounts_dir,
    meeting_names,
    record_name,
    record_parts,
)
from salescoach.store.search import (
    MARK_END,
    MARK_START,
    TOKENIZER,
    Filters,
    Hit,
    Results,
    Term,
    json_line,
    match_expression,
    searchable_text,
    snippet_of,
)

if TYPE_CHECKING:
    from salescoach.store.record import Record

T = TypeVar("T")

INDEX_FILE = "index.sqlite3"
STALE_MARK = "index.stale"
SCAN_FILE = "index.scan"
"""Beside the index: what the last full refresh that found every file as indexed read."""
SCAN_FORMAT = 1
SCHEMA = 11
FULL_SCAN_LIMIT = 20_000
"""Up to this many record files, every open stats them all (about 0.06 s at the limit)."""
BATCH = 500
LISTING_CHUNK = 2_000
"""About how many records' lines ``list --json`` takes from SQLite at a time."""
EXPORT_BATCH = 500
"""Rows an export takes from SQLite at a time."""
_first = operator.itemgetter(0)
DEFER_TEXT_FROM = 2_000
"""From this many files to read (and at least half the index), the words are indexed at the end."""
PARALLEL_FROM = 4_000
"""From this many files to read, the work is shared between processes (up to MAX_WORKERS)."""
MAX_WORKERS = 8
BULK_CACHE_KIB = 65_536
"""The page cache of a big build (SQLite's default is 2 MiB): its index pages stay in memory."""
TEXT_HASH_BYTES = 64 * 2**20
"""The words a rebuild of the text index holds in memory before it writes them (see
:func:`_rebuild_texts`)."""
FTS5_HASH_BYTES = 2**20
"""FTS5's own default for that (``hashsize``)."""
BUSY_TIMEOUT_SECONDS = 30.0
CONNECT_ATTEMPTS = 3

Row = tuple[tuple[Any, ...], tuple[str, str, str] | None]
"""A record file's row of facts, and its document: its searchable text (answers, notes) and its
data as a JSON line (``None`` for a broken file)."""
Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while record files are read into the index."""

_DAY = "coalesce(meeting_date, substr(created, 1, 10))"
"""A record's day in SQL (its meeting date, else its creation day), as :attr:`Facts.day`."""
_NEWEST = "coalesce(meeting_date, '') DESC, created DESC, account_slug, meeting, kind DESC"
"""The order of :meth:`Index.newest`: by meeting date (undated last), then creation time; at
the same time, by account and meeting, a prep before its debrief (the order of the
``records_newest`` index, so a listing reads it without sorting)."""
_RANKED = f"texts.rank, {_DAY} DESC, created DESC, texts.rowid"
"""The order of search's hits: best match first (FTS5's bm25), the latest meeting first among
equals (and the first indexed among records of the same time)."""
TIE_WINDOW = 32
"""How many matches past a search's limit are read to find those that tie with its last."""
_CHRONOLOGICAL = "day, kind DESC, created, meeting"
"""An account's records in the order of :func:`~salescoach.store.facts.by_account` (a prep
before its debrief; ``kind`` is ``prep`` or ``debrief``), as ``records_chronological`` holds
them."""
_CHRONOLOGICAL_DESC = "day DESC, kind, created DESC, meeting DESC"
_LISTED_DAY = "coalesce(meeting_date, '')"
"""The first key of :data:`_NEWEST` (and of ``records_newest``): a listing's pieces are days."""
_DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_SLUGS = (
    "slugs(slug) AS (SELECT min(account_slug) FROM records WHERE problem IS NULL UNION ALL "
    "SELECT (SELECT min(account_slug) FROM records WHERE problem IS NULL "
    "AND account_slug > slugs.slug) FROM slugs WHERE slugs.slug IS NOT NULL)"
)
"""A recursive common table (``WITH RECURSIVE {_SLUGS}``): the slug of each account with a
readable record, one seek along ``records_chronological`` per account instead of a scan of
every record (``SELECT DISTINCT``); its last row is ``NULL``, so it is read through
:data:`_EACH_SLUG`."""
_EACH_SLUG = "(SELECT slug FROM slugs WHERE slug IS NOT NULL)"
_JSON_FIELDS = {name for names in PART_FIELDS.values() for name in names}
_FACT_COLUMN_SQL = ",\n    ".join(
    f"{name} TEXT CHECK ({name} IS NULL OR json_type({name}) = 'array')"
    if name in _JSON_FIELDS
    else f"{name} TEXT"
    for name in FIELDS
)
"""One column per field of :class:`Facts`; a part is stored as a JSON array."""
LISTING: tuple[tuple[str, str], ...] = (
    ("meeting", "meeting"),
    ("kind", "kind"),
    ("account", "account_name"),
    ("account_slug", "account_slug"),
    ("meeting_type", "meeting_type"),
    ("meeting_date", "meeting_date"),
    ("phase", "phase"),
    ("created", "created"),
    ("updated", "updated"),
)
"""The keys of a record's line in ``list --json``, and the fields they hold, in order."""
_LISTING_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""``json.dumps(..., ensure_ascii=False)``, once."""


def _valid(day: str) -> str | None:
    return day if parse_day(day) else None


def _won(facts: Facts) -> int:
    return int(bool(facts.outcome) and facts.outcome[0].result == "won")


DERIVED: tuple[tuple[str, str, Callable[[Facts], Any]], ...] = (
    ("day", "TEXT", lambda facts: facts.day),
    ("valid_day", "TEXT", lambda facts: _valid(facts.day)),
    ("written", "TEXT", lambda facts: _valid(facts.created[:10])),
    (
        "listing",
        "TEXT",
        lambda facts: _encode_listing({key: getattr(facts, name) for key, name in LISTING}),
    ),
    ("reached", "INTEGER", lambda facts: facts.results.count("r")),
    ("partly", "INTEGER", lambda facts: facts.results.count("p")),
    ("not_reached", "INTEGER", lambda facts: facts.results.count("n")),
    ("won", "INTEGER", _won),
)
"""Columns worked out from a record's facts as its row is written, for the read commands:
:attr:`Facts.day`; the same when it is a valid date (:func:`parse_day`), and the day the
record was written when valid; its ``list --json`` line; how many objectives were reached,
partly reached, not reached (letters of :attr:`Facts.results`); whether its outcome is a win.
Plain columns, not generated ones: SQLite 3.40 reads a generated column from the table even
when an index holds it, and these are what the covering indexes below are for."""
_DERIVED_COLUMN_SQL = ",\n    ".join(f"{name} {kind}" for name, kind, _ in DERIVED)
_SCHEMA_SQL = f"""
CREATE TABLE IF NOT EXISTS dirs (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS records (
    path TEXT PRIMARY KEY,
    account_dir TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    problem TEXT,
    {_FACT_COLUMN_SQL},
    {_DERIVED_COLUMN_SQL},
    CHECK (problem IS NOT NULL OR (
        kind IN ('prep', 'debrief') AND meeting IS NOT NULL AND account_slug IS NOT NULL
        AND account_name IS NOT NULL AND created IS NOT NULL AND updated IS NOT NULL
        AND funnel IS NOT NULL AND results IS NOT NULL
        AND (meeting_date IS NULL OR meeting_date GLOB '{_DATE_GLOB}')))
) STRICT;
CREATE INDEX IF NOT EXISTS records_by_folder ON records (account_dir);
CREATE INDEX IF NOT EXISTS records_by_meeting ON records (meeting);
CREATE INDEX IF NOT EXISTS records_by_day ON records (day, created);
CREATE INDEX IF NOT EXISTS records_unreadable ON records (path) WHERE problem IS NOT NULL;
CREATE INDEX IF NOT EXISTS records_newest ON records (
    coalesce(meeting_date, '') DESC, created DESC, account_slug, meeting, kind DESC, listing,
    meeting_date, problem
) WHERE problem IS NULL;
CREATE INDEX IF NOT EXISTS records_chronological ON records (
    account_slug, day, kind DESC, created, meeting, phase, valid_day, written, won, results,
    reached, partly, not_reached, meeting_type, account_name, problem
) WHERE problem IS NULL;
CREATE INDEX IF NOT EXISTS records_results ON records (
    kind, meeting, meeting_type, day, funnel, results, reached, partly, not_reached, problem
) WHERE problem IS NULL;
CREATE TABLE IF NOT EXISTS objections_met (
    record INTEGER NOT NULL,
    objection TEXT NOT NULL,
    handling INTEGER,
    in_library INTEGER NOT NULL,
    place TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS objections_met_by_record ON objections_met (record);
CREATE INDEX IF NOT EXISTS objections_met_grouped ON objections_met (
    objection, in_library, record, handling, place
);
CREATE TRIGGER IF NOT EXISTS records_objections_met AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'debrief' AND new.objections IS NOT NULL BEGIN
    INSERT INTO objections_met (record, objection, handling, in_library, place)
        SELECT new.rowid, value ->> 0, value ->> 1, value ->> 2,
            new.day || char(1) || new.created
        FROM json_each(new.objections)
        WHERE json_type(value, '$[0]') = 'text'
            AND json_type(value, '$[1]') IN ('integer', 'null')
            AND json_type(value, '$[2]') IN ('true', 'false');
END;
CREATE TRIGGER IF NOT EXISTS records_objections_gone AFTER DELETE ON records BEGIN
    DELETE FROM objections_met WHERE record = old.rowid;
END;
CREATE TABLE IF NOT EXISTS objection_wordings (
    objection TEXT NOT NULL,
    in_library INTEGER NOT NULL,
    met INTEGER NOT NULL,
    rated INTEGER NOT NULL,
    total INTEGER NOT NULL,
    first TEXT NOT NULL,
    PRIMARY KEY (objection, in_library)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS records_wordings_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'debrief' AND new.objections IS NOT NULL BEGIN
    INSERT INTO objection_wordings (objection, in_library, met, rated, total, first)
        SELECT value ->> 0, value ->> 2, 1, count(value ->> 1), coalesce(sum(value ->> 1), 0),
            new.day || char(1) || new.created
        FROM json_each(new.objections)
        WHERE json_type(value, '$[0]') = 'text'
            AND json_type(value, '$[1]') IN ('integer', 'null')
            AND json_type(value, '$[2]') IN ('true', 'false')
        GROUP BY 1, 2
    ON CONFLICT DO UPDATE SET met = met + 1, rated = rated + excluded.rated,
        total = total + excluded.total, first = min(first, excluded.first);
END;
CREATE TRIGGER IF NOT EXISTS records_wordings_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.kind = 'debrief' AND old.objections IS NOT NULL BEGIN
    UPDATE objection_wordings SET met = met - 1, rated = rated - gone.ratings,
        total = total - gone.ratings_total,
        first = CASE WHEN first < gone.place THEN first ELSE coalesce((
            SELECT min(place) FROM objections_met AS others
            WHERE others.objection = gone.objection AND others.in_library = gone.in_library
            AND others.record <> old.rowid
        ), first) END
    FROM (
        SELECT value ->> 0 AS objection, value ->> 2 AS in_library,
            count(value ->> 1) AS ratings, coalesce(sum(value ->> 1), 0) AS ratings_total,
            old.day || char(1) || old.created AS place
        FROM json_each(old.objections)
        WHERE json_type(value, '$[0]') = 'text'
            AND json_type(value, '$[1]') IN ('integer', 'null')
            AND json_type(value, '$[2]') IN ('true', 'false')
        GROUP BY 1, 2
    ) AS gone
    WHERE objection_wordings.objection = gone.objection
        AND objection_wordings.in_library = gone.in_library;
    DELETE FROM objection_wordings WHERE met <= 0 AND (objection, in_library) IN (
        SELECT value ->> 0, value ->> 2 FROM json_each(old.objections)
    );
END;
CREATE TABLE IF NOT EXISTS results_by_month (
    meeting_type TEXT NOT NULL,
    month TEXT NOT NULL,
    reached INTEGER NOT NULL,
    partly INTEGER NOT NULL,
    not_reached INTEGER NOT NULL,
    unrated INTEGER NOT NULL,
    PRIMARY KEY (meeting_type, month)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS records_results_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'debrief' BEGIN
    INSERT INTO results_by_month VALUES (
        coalesce(new.meeting_type, ''), substr(new.day, 1, 7), new.reached, new.partly,
        new.not_reached, length(new.results) - new.reached - new.partly - new.not_reached
    ) ON CONFLICT DO UPDATE SET
        reached = reached + excluded.reached, partly = partly + excluded.partly,
        not_reached = not_reached + excluded.not_reached, unrated = unrated + excluded.unrated;
END;
CREATE TRIGGER IF NOT EXISTS records_results_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.kind = 'debrief' BEGIN
    UPDATE results_by_month SET
        reached = reached - old.reached, partly = partly - old.partly,
        not_reached = not_reached - old.not_reached,
        unrated = unrated - (length(old.results) - old.reached - old.partly - old.not_reached)
    WHERE meeting_type = coalesce(old.meeting_type, '') AND month = substr(old.day, 1, 7);
END;
CREATE TABLE IF NOT EXISTS meeting_objectives (
    meeting TEXT PRIMARY KEY,
    planned INTEGER,
    debriefs INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meeting_objectives_undebriefed ON meeting_objectives (planned)
WHERE debriefs = 0;
CREATE TRIGGER IF NOT EXISTS records_planned_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'prep' BEGIN
    INSERT INTO meeting_objectives VALUES (new.meeting, length(new.results), 0)
    ON CONFLICT DO UPDATE SET planned = excluded.planned;
END;
CREATE TRIGGER IF NOT EXISTS records_planned_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.kind = 'prep' BEGIN
    UPDATE meeting_objectives SET planned = (
        SELECT length(results) FROM records WHERE problem IS NULL AND kind = 'prep'
        AND meeting = old.meeting ORDER BY rowid DESC LIMIT 1
    ) WHERE meeting = old.meeting;
END;
CREATE TRIGGER IF NOT EXISTS records_debriefed_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'debrief' BEGIN
    INSERT INTO meeting_objectives VALUES (new.meeting, NULL, 1)
    ON CONFLICT DO UPDATE SET debriefs = debriefs + 1;
END;
CREATE TRIGGER IF NOT EXISTS records_debriefed_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.kind = 'debrief' BEGIN
    UPDATE meeting_objectives SET debriefs = debriefs - 1 WHERE meeting = old.meeting;
END;
CREATE TABLE IF NOT EXISTS funnel_counts (
    funnel TEXT PRIMARY KEY,
    debriefs INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS records_funnel_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.kind = 'debrief' BEGIN
    INSERT INTO funnel_counts VALUES (new.funnel, 1)
    ON CONFLICT DO UPDATE SET debriefs = debriefs + 1;
END;
CREATE TRIGGER IF NOT EXISTS records_funnel_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.kind = 'debrief' BEGIN
    UPDATE funnel_counts SET debriefs = debriefs - 1 WHERE funnel = old.funnel;
END;
CREATE TABLE IF NOT EXISTS meetings_held (
    account_slug TEXT NOT NULL,
    meeting TEXT NOT NULL,
    first_day TEXT,
    PRIMARY KEY (account_slug, meeting)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS meetings_held_by_day ON meetings_held (first_day);
CREATE TRIGGER IF NOT EXISTS records_held_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.valid_day IS NOT NULL BEGIN
    INSERT INTO meetings_held VALUES (new.account_slug, new.meeting, new.valid_day)
    ON CONFLICT DO UPDATE SET first_day = min(first_day, excluded.first_day);
END;
CREATE TRIGGER IF NOT EXISTS records_held_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.valid_day IS NOT NULL BEGIN
    UPDATE meetings_held SET first_day = (
        SELECT min(valid_day) FROM records WHERE meeting = old.meeting
        AND account_slug = old.account_slug AND problem IS NULL
    ) WHERE account_slug = old.account_slug AND meeting = old.meeting;
    DELETE FROM meetings_held WHERE account_slug = old.account_slug AND meeting = old.meeting
        AND first_day IS NULL;
END;
CREATE TABLE IF NOT EXISTS phase_changes (
    account_slug TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    meeting TEXT NOT NULL,
    phase TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS phase_changes_in_order ON phase_changes (
    account_slug, day, kind DESC, created, meeting, phase
);
CREATE TABLE IF NOT EXISTS unsettled (account_slug TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS records_unsettle_new AFTER INSERT ON records
WHEN new.problem IS NULL AND new.phase IS NOT NULL BEGIN
    INSERT OR IGNORE INTO unsettled VALUES (new.account_slug);
END;
CREATE TRIGGER IF NOT EXISTS records_unsettle_old AFTER DELETE ON records
WHEN old.problem IS NULL AND old.phase IS NOT NULL BEGIN
    INSERT OR IGNORE INTO unsettled VALUES (old.account_slug);
END;
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    answers TEXT NOT NULL,
    notes TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_type(data) = 'object')
) STRICT;
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5 (
    answers, notes, content = 'documents', content_rowid = 'id', tokenize = '{TOKENIZER}'
);
CREATE TRIGGER IF NOT EXISTS records_document_gone AFTER DELETE ON records BEGIN
    DELETE FROM documents WHERE id = old.rowid;
END;
CREATE TABLE IF NOT EXISTS texts_pending (since_build INTEGER NOT NULL) STRICT;
CREATE TRIGGER IF NOT EXISTS documents_searchable AFTER INSERT ON documents
WHEN NOT EXISTS (SELECT 1 FROM texts_pending) BEGIN
    INSERT INTO texts (rowid, answers, notes) VALUES (new.id, new.answers, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS documents_gone AFTER DELETE ON documents
WHEN NOT EXISTS (SELECT 1 FROM texts_pending) BEGIN
    INSERT INTO texts (texts, rowid, answers, notes)
        VALUES ('delete', old.id, old.answers, old.notes);
END;
"""
"""While ``texts_pending`` holds a row (a big build under way), documents are stored without
their words: the text index is then rebuilt from them in one pass, three times faster than
word by word. An interrupted build leaves the row, and the next open finishes the job.

What the read commands ask of every record is kept ready at write time: the derived columns
(:data:`DERIVED`), narrow covering indexes in the orders the commands read
(newest first; by account, chronologically; by kind and meeting type), one row per objection
met (``objections_met``, filled by a trigger) and each wording's figures
(``objection_wordings``: the debriefs it came up in, its ratings, its first debrief), objective
results summed by meeting type and month and per meeting (``results_by_month``,
``meeting_objectives``), debriefs counted by their funnel levels (``funnel_counts``), each
meeting's first day (``meetings_held``: all kept by triggers), and each account's phase changes
(``phase_changes``, worked out again for the accounts a write touched: :meth:`Index._settle`).
A report is then one or a few queries over an index, not a pass over 100,000 rows in Python."""
DEFERRED_TRIGGERS = (
    "records_objections_met",
    "records_wordings_new",
    "records_results_new",
    "records_planned_new",
    "records_debriefed_new",
    "records_funnel_new",
    "records_held_new",
    "records_unsettle_new",
)
"""The triggers that fill the tables kept beside ``records`` as each row is inserted: a first
build drops them while it writes its rows and fills those tables once at the end
(:data:`_AGGREGATES_SQL`), at half the cost of a row's insert."""
_AGGREGATES_SQL = (
    "DELETE FROM objections_met",
    "INSERT INTO objections_met (record, objection, handling, in_library, place) "
    "SELECT records.rowid, value ->> 0, value ->> 1, value ->> 2, day || char(1) || created "
    "FROM records, json_each(records.objections) "
    "WHERE problem IS NULL AND kind = 'debrief' AND objections IS NOT NULL "
    "AND json_type(value, '$[0]') = 'text' AND json_type(value, '$[1]') IN ('integer', 'null') "
    "AND json_type(value, '$[2]') IN ('true', 'false') "
    "ORDER BY records.rowid, json_each.key",
    "DELETE FROM objection_wordings",
    "INSERT INTO objection_wordings SELECT objection, in_library, count(DISTINCT record), "
    "count(handling), coalesce(sum(handling), 0), min(place) FROM objections_met "
    "GROUP BY objection, in_library",
    "DELETE FROM results_by_month",
    "INSERT INTO results_by_month "
    "SELECT coalesce(meeting_type, ''), substr(day, 1, 7), sum(reached), sum(partly), "
    "sum(not_reached), sum(length(results) - reached - partly - not_reached) "
    "FROM records WHERE problem IS NULL AND kind = 'debrief' GROUP BY 1, 2",
    "DELETE FROM meeting_objectives",
    # A meeting's planned objectives are those of its prep written last (the largest rowid,
    # as the trigger's upsert keeps the last one), NULL without a prep.
    "INSERT INTO meeting_objectives (meeting, planned, debriefs) "
    "SELECT meetings.meeting, length(last.results), debriefs FROM ("
    "SELECT meeting, sum(kind = 'debrief') AS debriefs, "
    "max(CASE WHEN kind = 'prep' THEN rowid END) AS last_prep "
    "FROM records WHERE problem IS NULL GROUP BY meeting"
    ") AS meetings LEFT JOIN records AS last ON last.rowid = last_prep",
    "DELETE FROM funnel_counts",
    "INSERT INTO funnel_counts SELECT funnel, count(*) FROM records "
    "WHERE problem IS NULL AND kind = 'debrief' GROUP BY funnel",
    "DELETE FROM meetings_held",
    "INSERT INTO meetings_held SELECT account_slug, meeting, min(valid_day) FROM records "
    "WHERE problem IS NULL AND valid_day IS NOT NULL GROUP BY account_slug, meeting",
    "INSERT OR IGNORE INTO unsettled "
    "SELECT account_slug FROM records WHERE problem IS NULL AND phase IS NOT NULL",
)
"""What :data:`DEFERRED_TRIGGERS` would have written, from every row at once."""
FILE_COLUMNS = ("path", "account_dir", "mtime_ns", "size", "problem")
"""The columns about the file itself; then one column per field of :class:`Facts`."""
_COLUMNS = ", ".join((*FILE_COLUMNS, *FIELDS, *(name for name, _, _ in DERIVED)))
_COLUMN_COUNT = len(FILE_COLUMNS) + len(FIELDS) + len(DERIVED)
_FACT_COLUMNS = ", ".join(SCALAR_FIELDS)
_SCALARS = len(SCALAR_FIELDS)
_PART_COLUMNS = PART_FIELDS


# Named tuples rather than frozen dataclasses, as the values of store.search: every command
# that opens the index imports this module, and a frozen dataclass costs ~1 ms to make.
class Refreshed(NamedTuple):
    """What a refresh did: files parsed, rows removed, whether every file was stat-ed."""

    read: int
    removed: int
    full: bool


class _Seen(NamedTuple):
    """A record file found on disk: its path relative to the home, folder, stat."""

    path: str
    account_dir: str
    mtime_ns: int
    size: int


def index_path(home: Path) -> Path:
    """Where the index of the data home ``home`` lives: with the home's local files in the
    user cache directory, so a home shared through git holds no derived file."""
    from salescoach.store.local import local_dir

    return local_dir(home) / INDEX_FILE


def stale_mark(home: Path) -> Path:
    """The mark a failed index update leaves beside the index (the next open checks all)."""
    return index_path(home).with_name(STALE_MARK)


class Index:
    """The facts of every record under one data home (see the module docstring)."""

    def __init__(self, home: Path, connection: sqlite3.Connection) -> None:
        self.home = Path(home)
        self._db = connection
        self.last_refresh: Refreshed | None = None
        """What the latest :meth:`refresh` did (``None`` before any)."""
        self._scan_file: Path | None = None
        """Where a full refresh keeps what it found when the index matched every file
        (:func:`_keep_scan`), so the next one that finds the same need not compare rows; set
        by :meth:`open` for an index file opened without ``rescan`` or a stale mark."""

    # ----------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, home: Path, *, rescan: bool = False, progress: Progress | None = None) -> Index:
        """The home's index, brought up to date (built on first use; see the module docstring).

        A home without records gets an empty in-memory index and no file is created.
        """
        home = Path(home).expanduser().absolute()
        if not accounts_dir(home).is_dir():
            return cls(home, _in_memory())
        connection, in_memory = _connect_or_memory(home)
        index = cls(home, connection)
        try:
            stale = _take_stale_mark(home)
            if not (in_memory or rescan or stale):
                index._scan_file = index_path(home).with_name(SCAN_FILE)
            try:
                full = in_memory or rescan or stale or index._count() <= FULL_SCAN_LIMIT
                index.refresh(full=full, progress=progress)
            except sqlite3.DatabaseError as error:  # damaged, or deleted under our feet
                _raise_if_busy(home, error)
                index._rebuild(progress)
        except BaseException:
            index.close()
            raise
        return index

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----------------------------------------------------------------------------- refreshing

    def refresh(self, *, full: bool = True, progress: Progress | None = None) -> Refreshed:
        """Bring the rows in line with the files.

        ``full``: stat every record file. Otherwise only the account folders whose modification
        time changed (meetings added or removed) are looked into.
        """
        folders = _account_folders(self.home)
        # Read before the files and the rows: a save that lands while they are read makes
        # the scan kept below disagree with the index's next marks, never agree wrongly.
        scan_file = self._scan_file if full else None
        marks = None if scan_file is None else self._marks()
        scans = {name: _folder_scan(self.home, name) for name in folders} if full else {}
        scanned = b"" if marks is None else _scan_record(marks, _scan_text(folders, scans))
        if scan_file is not None and _kept_scan(scan_file) == scanned and self._settled():
            self.last_refresh = Refreshed(read=0, removed=0, full=True)
            return self.last_refresh  # every file as when the index last matched them all
        seen_dirs = dict(self._db.execute("SELECT name, mtime_ns FROM dirs"))
        if full:
            to_walk = list(folders)
        else:
            to_walk = [name for name, mtime in folders.items() if seen_dirs.get(name) != mtime]
        gone_folders = [name for name in seen_dirs if name not in folders]
        # (path, mtime, size) rows and stats compared as tuples, in sets: at 10,000 records
        # every open does this, and a dict or an object per file was most of its cost.
        known = self._known(None if full else to_walk)
        found = [
            seen
            for name in to_walk
            for seen in (_files_of(name, *scans[name]) if full else _record_files(self.home, name))
        ]
        new = set(found).difference(known)
        if new or len(found) != len(known):  # else every file is as indexed (paths are unique)
            paths = {path for path, _, _ in found}
            removed = [path for path, _, _ in known if path not in paths]
        else:
            removed = []
        changed = [
            _Seen(path, path.split("/", 2)[1], mtime, size)  # accounts/<folder>/…
            for path, mtime, size in (found if new else ())
            if (path, mtime, size) in new
        ]
        wrote = bool(gone_folders or removed or changed)
        # Nothing is written when nothing changed: an open that only reads takes no write lock
        # (two read commands do not wait for each other) and leaves no journal to fold back
        # into the file when it closes.
        if gone_folders or removed:
            with self._write():
                for name in gone_folders:
                    self._db.execute("DELETE FROM records WHERE account_dir = ?", (name,))
                    self._db.execute("DELETE FROM dirs WHERE name = ?", (name,))
                self._db.executemany("DELETE FROM records WHERE path = ?", ((p,) for p in removed))
        self._read(changed, progress)
        if self._db.execute("SELECT 1 FROM texts_pending").fetchone():
            wrote = True
            with self._write():
                _rebuild_texts(self._db)
                self._db.execute("DELETE FROM texts_pending")
        moved = [(name, folders[name]) for name in to_walk if seen_dirs.get(name) != folders[name]]
        if moved or self._db.execute("SELECT 1 FROM unsettled LIMIT 1").fetchone():
            wrote = True
            with self._write():
                self._db.executemany(
                    "INSERT OR REPLACE INTO dirs (name, mtime_ns) VALUES (?, ?)", moved
                )
                self._settle()
        if scan_file is not None and not wrote:
            _keep_scan(scan_file, scanned)
        self.last_refresh = Refreshed(read=len(changed), removed=len(removed), full=full)
        return self.last_refresh

    def note(self, record: Record, path: Path) -> None:
        """Store the facts of ``record``, just written to ``path``, without parsing the file."""
        seen = _stat(self.home, path)
        if seen is None:
            return
        with self._write():
            self._store([(_row(seen, facts_of(record)), _document(record))])
            self._settle()

    # ----------------------------------------------------------------------------- reading

    def facts(
        self,
        *,
        account: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        parts: Iterable[Part] = (),
    ) -> list[Facts]:
        """The facts of every readable record (of one account slug, one kind, with a meeting on
        or after ``since``), with the ``parts`` asked for; other parts are left empty."""
        columns = [
            column for part in _PART_COLUMNS if part in set(parts) for column in _PART_COLUMNS[part]
        ]
        select = ", ".join([_FACT_COLUMNS, *columns])
        where, values = _filters(account, kind, since)
        # In the order the rows were written, whichever index SQLite picks: reports keep the
        # first of equals (the earliest wording of an objection, the last prep of a meeting).
        rows = self._rows(f"SELECT {select} FROM records WHERE {where} ORDER BY rowid", values)
        if not columns:  # every row straight into the constructor, at C speed
            return list(starmap(Facts, rows))
        found: list[Facts] = []
        for row in rows:
            facts = Facts(*row[:_SCALARS])
            for position, column in enumerate(columns, start=_SCALARS):
                text = row[position]
                if text is not None:
                    setattr(facts, column, Lazy(text, _MAKERS[column]))
            found.append(facts)
        return found

    def ordered_facts(
        self,
        *,
        account: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        parts: Iterable[Part] = (),
    ) -> Iterator[Facts]:
        """:meth:`facts` one at a time, by account then :attr:`Facts.order` (for exports that
        must not hold 100,000 records at once)."""
        columns = [
            column for part in _PART_COLUMNS if part in set(parts) for column in _PART_COLUMNS[part]
        ]
        select = ", ".join([_FACT_COLUMNS, *columns])
        where, values = _filters(account, kind, since)
        rows = self._db.execute(
            f"SELECT {select} FROM records WHERE {where} "
            f"ORDER BY account_slug, {_DAY}, kind = 'debrief', created",
            values,
        )
        for row in rows:
            facts = Facts(*row[:11])
            for position, column in enumerate(columns, start=11):
                text = row[position]
                if text is not None:
                    setattr(facts, column, Lazy(text, _MAKERS[column]))
            yield facts

    def ordered_rows(
        self,
        columns: Sequence[str],
        *,
        account: str | None = None,
        since: str | None = None,
        having: str | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """The SQL expressions ``columns`` (over the ``records`` table's columns) for each
        readable record (for which the SQL condition ``having`` holds, if given), in
        :meth:`ordered_facts`' order, one row at a time: an export formats the rows, where
        building 100,000 Facts took seconds."""
        where, values = _filters(account, None, since)
        if having is not None:
            where = f"{where} AND ({having})"
        rows = self._db.execute(
            f"SELECT {', '.join(columns)} FROM records WHERE {where} "
            f"ORDER BY account_slug, {_DAY}, kind = 'debrief', created",
            values,
        )
        # Not ``yield from``: closing this generator would close the cursor, an error once the
        # index is closed (a Ctrl-C's traceback keeps the generator until after).
        for row in rows:  # noqa: UP028
            yield row

    def agenda_facts(self, today: str, earliest: str, horizon: str) -> list[Facts]:
        """The records an agenda on ``today`` depends on (``YYYY-MM-DD`` days), with their next
        steps, in the order :meth:`facts` gives them: per account, its latest record, its latest
        with a phase, its latest debrief, one of its latest records dated on or before ``today``
        and one of its first after, and its preps from ``earliest`` to ``horizon`` with the
        debriefs of their meetings. An agenda computed from these is the one computed from every
        record."""
        # Per account, a few steps along records_chronological from its end (or from today).
        # Then the preps (with their debriefs) between ``earliest`` and ``horizon``.
        account = "FROM records WHERE problem IS NULL AND account_slug = slug"
        latest = (
            "SELECT slug, "
            f"(SELECT rowid {account} ORDER BY {_CHRONOLOGICAL_DESC} LIMIT 1) AS last_any, "
            f"(SELECT rowid {account} AND phase IS NOT NULL "
            f"ORDER BY {_CHRONOLOGICAL_DESC} LIMIT 1) AS last_phase, "
            f"(SELECT rowid {account} AND +kind = 'debrief' "
            f"ORDER BY {_CHRONOLOGICAL_DESC} LIMIT 1) AS last_debrief, "
            f"(SELECT rowid {account} AND day <= :today AND valid_day IS NOT NULL "
            "ORDER BY day DESC LIMIT 1) AS last_past, "
            f"(SELECT rowid {account} AND day > :today AND valid_day IS NOT NULL "
            "ORDER BY day LIMIT 1) AS first_ahead "
            f"FROM {_EACH_SLUG}"
        )
        wanted = " UNION ".join(
            [
                *(
                    f"SELECT {name} FROM accounts_seen WHERE {name} IS NOT NULL"
                    for name in (
                        "last_any",
                        "last_phase",
                        "last_debrief",
                        "last_past",
                        "first_ahead",
                    )
                ),
                # By day, then each prep's debrief by meeting (+kind: not along the kind's
                # index, which holds half the home).
                "SELECT rowid FROM records WHERE problem IS NULL AND +kind = 'prep' "
                "AND day BETWEEN :earliest AND :horizon",
                "SELECT d.rowid FROM records AS p CROSS JOIN records AS d "
                "INDEXED BY records_by_meeting "
                "ON d.meeting = p.meeting AND d.account_slug = p.account_slug "
                "WHERE +p.kind = 'prep' AND p.problem IS NULL "
                "AND p.day BETWEEN :earliest AND :horizon "
                "AND +d.kind = 'debrief' AND d.problem IS NULL",
            ]
        )
        wanted = (
            f"WITH RECURSIVE {_SLUGS}, accounts_seen AS MATERIALIZED ({latest}) "
            f"SELECT * FROM ({wanted})"
        )
        rows = self._rows(
            f"SELECT {_FACT_COLUMNS}, next_steps FROM records WHERE rowid IN ({wanted}) "
            "ORDER BY rowid",
            {"today": today, "earliest": earliest, "horizon": horizon},
        )
        found: list[Facts] = []
        for row in rows:
            facts = Facts(*row[:_SCALARS])
            if row[_SCALARS] is not None:
                facts.next_steps = Lazy(row[_SCALARS], _MAKERS["next_steps"])
            found.append(facts)
        return found

    def json_lines(
        self, *, account: str | None = None, since: str | None = None
    ) -> Iterator[bytes]:
        """Each readable record's data and notes as a line of JSON (see
        :func:`~salescoach.reports.export.json_line`), by account folder, meeting, prep first:
        UTF-8, :data:`EXPORT_BATCH` lines a piece, each line ending in a newline. The lines are
        taken from SQLite as bytes, never decoded into text and encoded again (that took
        half of what the export itself spent)."""
        where, values = _filters(account, None, since)
        rows = self._db.execute(
            "SELECT CAST(documents.data || char(10) AS BLOB) "
            "FROM records JOIN documents ON documents.id = records.rowid "
            f"WHERE {where} ORDER BY account_dir, meeting, kind = 'debrief'",
            values,
        )
        while batch := rows.fetchmany(EXPORT_BATCH):
            yield b"".join(map(_first, batch))

    def newest(
        self, *, account: str | None = None, kind: str | None = None, limit: int | None = None
    ) -> tuple[list[Facts], int]:
        """The facts (no parts) of the newest records — by meeting date, then creation time —
        at most ``limit`` of them (``None``: all), and how many records there are in all."""
        where, values = _filters(account, kind, None)
        ((total,),) = self._rows(f"SELECT count(*) FROM records WHERE {where}", values)
        where, values = _newest_filters(account, kind)
        rows = self._rows(
            f"SELECT {_FACT_COLUMNS} FROM records WHERE {where} ORDER BY {_NEWEST}"
            + ("" if limit is None else " LIMIT ?"),
            [*values, *([] if limit is None else [limit])],
        )
        return list(starmap(Facts, rows)), int(total)

    def listing(
        self, *, account: str | None = None, kind: str | None = None, limit: int | None = None
    ) -> Iterator[bytes]:
        """The ``list --json`` lines of the records :meth:`newest` returns (see :data:`LISTING`),
        in its order, as UTF-8: pieces of the meetings of whole days, at least
        :data:`LISTING_CHUNK` records each but the last, each piece its lines joined by
        ``",\\n"`` (a home of 100,000 records is never held at once; the lines were made when
        the rows were written). SQLite joins them (``group_concat``): a row per record taken
        into Python cost more than reading the index."""
        where, values = _newest_filters(account, kind)
        before: list[str] = []  # the day the pieces so far reached (the next ones are older)
        left = limit
        while left is None or left > 0:
            bounded = where + (f" AND {_LISTED_DAY} < ?" if before else "")
            # The day of the record LISTING_CHUNK records on: this piece ends with its day.
            edge = self._rows(
                f"SELECT {_LISTED_DAY} FROM records WHERE {bounded} "
                f"ORDER BY {_NEWEST} LIMIT 1 OFFSET ?",
                [*values, *before, LISTING_CHUNK],
            )
            lower = [edge[0][0]] if edge else []
            ((text, count),) = self._rows(
                # The separator written out: as a parameter or an expression, SQLite reads it
                # again for every row (a quarter more for the whole listing).
                "SELECT CAST(group_concat(listing, ',\n') AS BLOB), count(*) FROM ("
                f"SELECT listing FROM records WHERE {bounded}"
                + (f" AND {_LISTED_DAY} >= ?" if lower else "")
                + f" ORDER BY {_NEWEST}"
                + ("" if left is None else " LIMIT ?")
                + ")",
                [*values, *before, *lower, *([] if left is None else [left])],
            )
            if count:
                yield text
            if left is not None:
                left -= count
            if not lower or lower == [""]:  # the last piece (undated records come last)
                return
            before = lower

    # ----------------------------------------------------------------------------- aggregates
    # What the reports count, counted by SQLite over the narrow indexes (see _SCHEMA_SQL): the
    # same figures as a report computes from :meth:`facts`, without a row per record in Python.

    def count(self, *, kind: str | None = None) -> int:
        """How many readable records there are (of one kind)."""
        where, values = _filters(None, kind, None)
        ((total,),) = self._rows(f"SELECT count(*) FROM records WHERE {where}", values)
        return int(total)

    def debriefs_by_funnel(self) -> dict[str, int]:
        """How many debriefs recorded each :attr:`Facts.funnel` (each set of levels). Kept
        counted as rows are written (``funnel_counts``)."""
        rows = self._rows(
            "SELECT funnel, debriefs FROM funnel_counts WHERE debriefs > 0 ORDER BY funnel"
        )
        return {funnel: int(count) for funnel, count in rows}

    def results_by_type_and_month(self) -> list[tuple[str | None, str, int, int, int, int]]:
        """The debriefs' objective results summed by meeting type (``''`` for none) and month
        (``YYYY-MM``): reached, partly reached, not reached, unrated (see
        :attr:`Facts.results`). Kept summed as rows are written (``results_by_month``)."""
        rows = self._rows(
            "SELECT meeting_type, month, reached, partly, not_reached, unrated "
            "FROM results_by_month ORDER BY meeting_type, month"
        )
        return [(kind, month, *map(int, counts)) for kind, month, *counts in rows]

    def objectives_not_debriefed(self) -> int:
        """The objectives set by preps whose meeting (id) no debrief has; of two preps of one
        meeting id, the one written last counts, as when a report reads :meth:`facts`. Kept
        per meeting as rows are written (``meeting_objectives``)."""
        ((total,),) = self._rows(
            "SELECT coalesce(sum(planned), 0) FROM meeting_objectives WHERE debriefs = 0"
        )
        return int(total)

    def objection_wordings(self) -> list[tuple[str, bool, int, int, int, str, str]]:
        """Every wording of an objection the debriefs recorded (a library id or the client's
        words, as written), with the debriefs it came up in, how many times its handling was
        rated and the sum of the ratings, and the day and creation time of its first debrief.
        Kept counted as rows are written (``objection_wordings``): a ``count(DISTINCT …)`` over
        every objection met was most of what the objections report cost."""
        rows = self._rows(
            "SELECT objection, in_library, met, rated, total, first FROM objection_wordings "
            "ORDER BY objection, in_library"
        )
        return [
            (words, bool(library), int(met), int(rated), int(total), *place.split("\x01", 1))
            for words, library, met, rated, total, place in rows
        ]

    def debriefs_with(self, wordings: Sequence[tuple[str, bool]]) -> int:
        """How many debriefs recorded at least one of ``wordings`` (objection, in_library)."""
        if not wordings:
            return 0
        ((total,),) = self._rows(
            "SELECT count(DISTINCT record) FROM objections_met WHERE (objection, in_library) "
            f"IN (VALUES {', '.join(['(?, ?)'] * len(wordings))})",
            [value for words, library in wordings for value in (words, int(library))],
        )
        return int(total)

    def accounts(self) -> list[tuple[str, str]]:
        """Each account with a readable record, by slug: its slug, and its name as its latest
        record (in :func:`~salescoach.store.facts.by_account` order) gives it."""
        return self._rows(
            f"WITH RECURSIVE {_SLUGS} "
            "SELECT slug, (SELECT account_name FROM records WHERE problem IS NULL "
            f"AND account_slug = slug ORDER BY {_CHRONOLOGICAL_DESC} LIMIT 1) FROM {_EACH_SLUG} "
            "ORDER BY slug"
        )

    def account_count(self) -> int:
        """How many accounts have a readable record (:meth:`accounts` without their names)."""
        ((total,),) = self._rows(f"WITH RECURSIVE {_SLUGS} SELECT count(*) FROM {_EACH_SLUG}")
        return int(total)

    def phase_observations(self, today: str) -> list[tuple[str, str, str | None, str]]:
        """The records with a phase, by account in chronological order (slug, day, created,
        phase), less those that cannot change an account's stays on any day: a record that
        repeats the phase of the account's previous one, both with a valid day, written on or
        after it (then whenever it counts as an observation, the previous one counted and
        set the same phase). Kept in ``phase_changes`` as rows are written (:meth:`_settle`). The
        creation time only of a record dated after ``today`` (the one a stay reads it of): the
        phases and team reports read tens of thousands of rows."""
        return self._rows(
            "SELECT account_slug, day, CASE WHEN day > ? THEN created END, phase "
            f"FROM phase_changes ORDER BY account_slug, {_CHRONOLOGICAL}",
            [today],
        )

    def meetings_held(self, today: str) -> int:
        """How many meetings (per account, by id) have a record dated on or before ``today``:
        those whose first day (kept as rows are written: ``meetings_held``) is."""
        ((total,),) = self._rows("SELECT count(*) FROM meetings_held WHERE first_day <= ?", [today])
        return int(total)

    def objectives_rated(self) -> tuple[int, int]:
        """Over every debrief: the objectives given a result, and those reached (summed from
        ``results_by_month``, a few hundred rows, not one per debrief)."""
        ((rated, reached),) = self._rows(
            "SELECT coalesce(sum(reached + partly + not_reached), 0), coalesce(sum(reached), 0) "
            "FROM results_by_month"
        )
        return int(rated), int(reached)

    def first_held(self, today: str) -> list[tuple[str, str, str | None]]:
        """Per account with one, by slug: its first record dated on or before ``today``
        (slug, day, phase)."""
        return self._rows(
            f"WITH RECURSIVE {_SLUGS} "
            "SELECT account_slug, day, phase FROM records WHERE rowid IN ("
            "SELECT (SELECT rowid FROM records WHERE problem IS NULL AND account_slug = slug "
            f"AND valid_day <= :today ORDER BY {_CHRONOLOGICAL} LIMIT 1) "
            f"FROM {_EACH_SLUG}) ORDER BY account_slug",
            {"today": today},
        )

    def deals_held(
        self, today: str, after_sale: Sequence[str]
    ) -> list[tuple[str, str, str | None, Outcome | None]]:
        """The debriefs dated on or before ``today`` whose outcome is a win or whose phase is
        one of ``after_sale``, by account in chronological order: slug, day, phase, and the
        outcome when it is a win."""
        rows = self._rows(
            "SELECT account_slug, day, phase, CASE WHEN won THEN outcome END FROM records "
            "WHERE problem IS NULL AND +kind = 'debrief' AND valid_day <= ? "
            f"AND (won OR phase IN ({_marks(len(after_sale))})) "
            f"ORDER BY account_slug, {_CHRONOLOGICAL}",
            [today, *after_sale],
        )
        found = []
        for slug, day, phase, outcome in rows:
            won = next(_decoded_items(outcome, _MAKERS["outcome"]), None) if outcome else None
            found.append((slug, day, phase, won))
        return found

    def waiting_preps(self) -> Iterator[Path]:
        """The files of the preps whose meeting has no debrief file in the index, newest first
        (in :meth:`newest` order), one at a time: the newest is usually the one wanted, found
        without reading the others."""
        rows = self._db.execute(
            "SELECT path FROM records WHERE +kind = 'prep' AND problem IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM records AS d WHERE d.path = "
            "substr(records.path, 1, length(records.path) - length('prep.md')) || 'debrief.md') "
            f"ORDER BY {_NEWEST}"
        )
        for (path,) in rows:
            yield self.home / path

    def paths(
        self, *, account: str | None = None, kind: str | None = None, since: str | None = None
    ) -> list[Path]:
        """The files of the records :meth:`facts` would return, by account, meeting, kind."""
        where, values = _filters(account, kind, since)
        rows = self._rows(
            f"SELECT path FROM records WHERE {where} "
            "ORDER BY account_dir, meeting, kind = 'debrief'",
            values,
        )
        return [self.home / path for (path,) in rows]

    def account_names(self) -> dict[str, str]:
        """Account folder → the account's name, as its latest readable record gives it (for
        the folders that have one)."""
        rows = self._rows(
            "SELECT account_dir, account_name, max(updated) FROM records "
            "WHERE problem IS NULL GROUP BY account_dir"
        )
        return {folder: name for folder, name, _ in rows}

    def problems(self) -> list[Broken]:
        """The record files that could not be read, and why."""
        rows = self._rows(
            "SELECT path, problem FROM records WHERE problem IS NOT NULL ORDER BY path"
        )
        return [Broken(self.home / path, message) for path, message in rows]

    def search(
        self, terms: Sequence[Term], filters: Filters, limit: int | None, *, answers: bool = False
    ) -> Results:
        """The records whose answers or notes hold every term, best match first (FTS5's bm25;
        the latest meeting first among equals), at most ``limit`` of them (``None``: all).

        The hits are read as they are iterated, a batch at a time, while the index is open:
        ``--limit 0`` on a common word shows its first hits at once and never holds them all.
        ``answers``: each hit carries its record's stored answers (to show ids by label).
        """
        if not terms:
            return Results(iter(()), 0)
        match = match_expression(terms)
        where, values = _filters(
            filters.account,
            filters.kind,
            filters.since,
            until=filters.until,
            meeting_type=filters.meeting_type,
        )
        found = (
            "FROM texts JOIN records ON records.rowid = texts.rowid "
            f"WHERE texts MATCH ? AND {where}"
        )
        # Only a readable record has a document, and so words: without filters, the best
        # matches and their count need no record but the few shown (a common word: thousands
        # of joins saved).
        unfiltered = filters == Filters()
        ranked = self._best(match, limit) if unfiltered and limit else None
        if ranked is None:
            ranked = self._rows(
                f"SELECT texts.rowid, texts.rank {found} ORDER BY {_RANKED}"
                + ("" if limit is None else " LIMIT ?"),
                [match, *values, *([] if limit is None else [limit])],
            )
        if limit is None or len(ranked) < limit:
            total = len(ranked)
        elif unfiltered:
            ((total,),) = self._rows("SELECT count(*) FROM texts WHERE texts MATCH ?", [match])
        else:
            ((total,),) = self._rows(f"SELECT count(*) {found}", [match, *values])
        return Results(self._hits(ranked, match, answers), int(total))

    def _best(self, match: str, limit: int) -> list[Any] | None:
        """The ``limit`` best matches of ``match`` among all records, as the ranked query of
        :meth:`search` orders them, from the full-text index alone: its best scores, then,
        among those that tie with the last one kept, the latest meeting first. ``None`` when
        more than :data:`TIE_WINDOW` tie (or a match has no record): the caller then joins."""
        scored = self._rows(
            "SELECT rowid, bm25(texts) AS score FROM texts WHERE texts MATCH ? "
            "ORDER BY score, rowid LIMIT ?",
            [match, limit + TIE_WINDOW],
        )
        if len(scored) > limit:
            edge = scored[limit - 1][1]
            if len(scored) == limit + TIE_WINDOW and scored[-1][1] == edge:
                return None  # the ties may run past the window
            scored = [row for row in scored if row[1] <= edge]
        when = {
            rowid: (day, created, rowid)
            for rowid, day, created in self._rows(
                f"SELECT rowid, {_DAY}, created FROM records WHERE problem IS NULL "
                f"AND rowid IN ({_marks(len(scored))})",
                [rowid for rowid, _ in scored],
            )
        }
        if len(when) < len(scored):
            return None
        # As ORDER BY score, day DESC, created DESC, rowid: stable sorts, the last key first.
        scored.sort(key=lambda row: row[0])
        scored.sort(key=lambda row: when[row[0]][:2], reverse=True)
        scored.sort(key=lambda row: row[1])
        return scored[:limit]

    def _hits(self, ranked: list[Any], match: str, answers: bool) -> Iterator[Hit]:
        """The hits of ``ranked`` (rowid, rank) in its order: their texts highlighted and their
        records' facts, one MATCH per batch of a few hundred (not one per hit)."""
        data = "documents.data" if answers else "NULL"
        for start in range(0, len(ranked), BATCH):
            batch = ranked[start : start + BATCH]
            shown = {
                row[0]: row[1:]
                for row in self._rows(
                    "SELECT texts.rowid, highlight(texts, 0, ?, ?), highlight(texts, 1, ?, ?), "
                    "meeting, kind, account_name, account_slug, meeting_type, "
                    f"{_DAY}, path, {data} "
                    "FROM texts JOIN records ON records.rowid = texts.rowid "
                    + ("JOIN documents ON documents.id = texts.rowid " if answers else "")
                    + f"WHERE texts MATCH ? AND texts.rowid IN ({_marks(len(batch))})",
                    (MARK_START, MARK_END, MARK_START, MARK_END, match, *(r for r, _ in batch)),
                )
            }
            for rowid, rank in batch:
                row = shown.get(rowid)
                if row is None:  # gone since it was ranked (the index was rebuilt meanwhile)
                    continue
                texts, notes, meeting, kind, name, slug, meeting_type, day, path, stored = row
                yield Hit(
                    meeting,
                    kind,
                    name,
                    slug,
                    meeting_type,
                    day,
                    snippet_of((texts, notes)),
                    rank,
                    path,
                    json.loads(stored).get("answers") if stored is not None else None,
                )

    def __len__(self) -> int:
        return self._count()

    # ----------------------------------------------------------------------------- internals

    def _rows(self, sql: str, values: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        """All rows of a query; a damaged index (a row SQLite cannot decode, a file removed
        under our feet) is rebuilt from the files, and the query run again."""
        try:
            return self._db.execute(sql, values).fetchall()
        except sqlite3.DatabaseError as error:
            _raise_if_busy(self.home, error)
        self._rebuild(None)
        return self._db.execute(sql, values).fetchall()

    def _rebuild(self, progress: Progress | None) -> None:
        """Start again from the files: the index is derived."""
        self._db.close()
        _delete_index(index_path(self.home))
        self._db, in_memory = _connect_or_memory(self.home)
        try:
            self.refresh(full=True, progress=progress)
        except sqlite3.DatabaseError as error:  # still failing (removed again, disk full…)
            _raise_if_busy(self.home, error)
            if in_memory:
                raise
            self._db.close()
            self._db = _in_memory()
            self.refresh(full=True, progress=progress)

    def _count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM records").fetchone()[0])

    def _settled(self) -> bool:
        """Whether no work is left over from a write that stopped: words to index after a big
        build, accounts whose phase changes are to work out again."""
        left = "SELECT 1 FROM texts_pending UNION ALL SELECT 1 FROM unsettled LIMIT 1"
        return self._db.execute(left).fetchone() is None

    def _marks(self) -> tuple[int, int]:
        """The rows' count and largest rowid: every write of a row gives it a rowid past the
        largest (:meth:`_store`), and a removal lowers the count, so a save or a removal since
        a scan was kept changes them."""
        count, largest = self._db.execute("SELECT count(*), max(rowid) FROM records").fetchone()
        return int(count), int(largest or 0)

    def _known(self, folders: Sequence[str] | None) -> list[tuple[str, int, int]]:
        """The (path, mtime, size) of every indexed record file, or of those in ``folders``."""
        if folders is None:
            return self._db.execute("SELECT path, mtime_ns, size FROM records").fetchall()
        known: list[tuple[str, int, int]] = []
        for name in folders:
            rows = self._db.execute(
                "SELECT path, mtime_ns, size FROM records WHERE account_dir = ?", (name,)
            )
            known += rows
        return known

    def _read(self, changed: list[_Seen], progress: Progress | None) -> None:
        """Parse the changed files, in parallel processes when there are many, and store their
        rows one batch (one transaction) at a time, so an interruption keeps what was done."""
        if not changed:
            return
        total = len(changed)
        if progress is not None:
            progress(0, total)
        batches = [changed[start : start + BATCH] for start in range(0, total, BATCH)]
        indexed = self._count()
        big = total >= DEFER_TEXT_FROM and 2 * total >= indexed
        first = big and indexed == 0
        if big:
            with self._write():
                self._db.execute("INSERT INTO texts_pending VALUES (1)")
                if first:  # made again once the rows are in: sorting them once costs less
                    for name, _ in _secondary_indexes():
                        self._db.execute(f"DROP INDEX IF EXISTS {name}")
                    for name in DEFERRED_TRIGGERS:
                        self._db.execute(f"DROP TRIGGER IF EXISTS {name}")
        done = 0
        with _bulk(self._db) if big else contextlib.nullcontext():
            for rows in _parsed(str(self.home), batches):
                with self._write():
                    self._store(rows)
                done += len(rows)
                if progress is not None:
                    progress(done, total)
            if first:
                with self._write():
                    _complete(self._db)

    def _store(self, rows: list[Row]) -> None:
        """Write rows of facts and their text (replacing a file's old row and text).

        Each row is given the rowid SQLite would give it (one past the largest), so its
        document is written under that id without looking the row up by path again."""
        ((first,),) = self._db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM records")
        self._db.executemany(
            f"INSERT OR REPLACE INTO records (rowid, {_COLUMNS}) "
            f"VALUES (?, {_marks(_COLUMN_COUNT)})",
            ((rowid, *facts) for rowid, (facts, _) in enumerate(rows, start=first)),
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO documents (id, answers, notes, data) VALUES (?, ?, ?, ?)",
            (
                (rowid, *document)
                for rowid, (_, document) in enumerate(rows, start=first)
                if document is not None
            ),
        )

    def _settle(self) -> None:
        """Work out again the phase changes of the accounts whose records with a phase were
        written or removed (``unsettled``, filled by triggers): one account's rows after a save,
        every account's once after a first build."""
        if self._db.execute("SELECT 1 FROM unsettled LIMIT 1").fetchone() is None:
            return
        self._db.execute(
            "DELETE FROM phase_changes WHERE account_slug IN (SELECT account_slug FROM unsettled)"
        )
        self._db.execute(
            "INSERT INTO phase_changes (account_slug, day, kind, created, meeting, phase) "
            "SELECT account_slug, day, kind, created, meeting, phase FROM ("
            "SELECT account_slug, day, kind, created, meeting, phase, "
            "phase IS lag(phase) OVER account AND valid_day IS NOT NULL "
            "AND lag(valid_day) OVER account IS NOT NULL "
            "AND coalesce(lag(written) OVER account <= written, 0) AS repeated "
            "FROM records WHERE problem IS NULL AND phase IS NOT NULL "
            "AND account_slug IN (SELECT account_slug FROM unsettled) "
            f"WINDOW account AS (PARTITION BY account_slug ORDER BY {_CHRONOLOGICAL})"
            ") WHERE NOT repeated"
        )
        self._db.execute("DELETE FROM unsettled")

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            _raise_if_busy(self.home, error)
            raise
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


@contextlib.contextmanager
def _bulk(connection: sqlite3.Connection) -> Iterator[None]:
    """A big build's writes: no wait for the disk at each commit (the index is derived: a crash
    leaves a damaged file, rebuilt at the next open) and a bigger page cache for its indexes."""
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA cache_size = -2000")  # SQLite's default, 2 MiB


def _rebuild_texts(connection: sqlite3.Connection) -> None:
    """Index the words of every document in one pass (in the caller's transaction), with
    room for :data:`TEXT_HASH_BYTES` of words in memory before writing them out: twice as fast
    as with SQLite's 1 MiB, which writes many small segments and then merges them. The next
    writes (a save: a few words) go back to the default."""
    set_hash = "INSERT INTO texts (texts, rank) VALUES ('hashsize', ?)"
    connection.execute(set_hash, (TEXT_HASH_BYTES,))
    connection.execute("INSERT INTO texts (texts) VALUES ('rebuild')")
    connection.execute(set_hash, (FTS5_HASH_BYTES,))


def _parsed(home: str, batches: list[list[_Seen]]) -> Iterator[list[Row]]:
    """The rows of each batch of files, in order; several processes share a big first build."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers > 1 and sum(map(len, batches)) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        try:
            pool = ProcessPoolExecutor(max_workers=workers)
        except (OSError, NotImplementedError):  # no process support here: read in this one
            pass
        else:
            from concurrent.futures.process import BrokenProcessPool

            with pool:
                results = pool.map(_parse_batch, [home] * len(batches), batches)
                for position in range(len(batches)):
                    try:
                        rows = next(results)
                    except BrokenProcessPool:  # a worker died: read the rest in this process
                        batches = batches[position:]
                        break
                    yield rows
                else:
                    return
    for batch in batches:
        yield _parse_batch(home, batch)


def _parse_batch(home: str, batch: list[_Seen]) -> list[Row]:
    """Read a batch of record files into rows (in a worker process, or this one)."""
    from salescoach.store.record import Record
    from salescoach.store.repository import Repository

    repository = Repository(Path(home))
    inside = _Inside(home)
    rows: list[Row] = []
    for seen in batch:
        path = f"{home}{os.sep}{seen.path}"
        item = repository.read_or_broken(Path(path), known_inside=inside(path))
        if isinstance(item, Record):
            rows.append((_row(seen, facts_of(item)), _document(item)))
        else:
            rows.append((_broken_row(seen, item.message), None))
    return rows


class _Inside:
    """Whether a record file found by :func:`_record_files` is surely inside the home: neither
    it nor its meeting folder is a link, and its account folder resolves into the home's. Two
    ``lstat`` calls a file where resolving its path took ten; any doubt is left to
    :func:`~salescoach.store.atomic.contained`, which names the problem."""

    def __init__(self, home: str) -> None:
        real_home = os.path.realpath(home)
        real_accounts = os.path.realpath(f"{home}{os.sep}{ACCOUNTS_DIR}")
        self._accounts_inside = real_accounts.startswith(real_home + os.sep)
        self._real_accounts = real_accounts
        self._accounts: dict[str, bool] = {}
        self._meetings: dict[str, bool] = {}

    def __call__(self, path: str) -> bool:
        # os.path on str: at 100,000 files, building Path objects costs more than the checks.
        meeting, _ = os.path.split(path)
        meeting_inside = self._meetings.get(meeting)
        if meeting_inside is None:
            account, _ = os.path.split(meeting)
            account_inside = self._accounts.get(account)
            if account_inside is None:
                real, _ = os.path.split(os.path.realpath(account))
                account_inside = self._accounts_inside and real == self._real_accounts
                self._accounts[account] = account_inside
            meeting_inside = account_inside and not os.path.islink(meeting)  # noqa: PTH114
            self._meetings[meeting] = meeting_inside
        return meeting_inside and not os.path.islink(path)  # noqa: PTH114


def note_saved(home: Path, record: Record, path: Path) -> None:
    """Keep the home's index current after the tool wrote ``record`` to ``path``.

    Call it after every :meth:`Repository.save`. A home without an index is left without one
    (the first report builds it). Never raises: if the index cannot be updated, a mark is left
    so the next open stats every file.
    """
    home = Path(home).expanduser().absolute()
    if not index_path(home).is_file():
        return
    try:
        index = Index(home, _connect(home))
        try:
            index.note(record, path)
        finally:
            index.close()
    except (sqlite3.Error, OSError, StoreError):
        with contextlib.suppress(OSError):
            _mark_stale(home)


# --------------------------------------------------------------------------------- the database


def _in_memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("PRAGMA recursive_triggers = ON")
    connection.executescript(_SCHEMA_SQL)
    return connection


def _connect_or_memory(home: Path) -> tuple[sqlite3.Connection, bool]:
    """The index file, or an index in memory when the file cannot be used (a manager reading a
    rep's read-only home, a full disk, a folder in its place): the connection, and whether it
    is in memory. Reading never fails for want of an index; only a busy one is an error."""
    try:
        return _connect(home), False
    except _Busy:
        raise
    except StoreError:
        return _in_memory(), True


def _raise_if_busy(home: Path, error: sqlite3.Error) -> None:
    if "locked" in str(error) or "busy" in str(error):
        raise _busy(home, error) from None


def _connect(home: Path) -> sqlite3.Connection:
    """Open the index (creating it 0600, or recreating it if it is not a readable index of
    this schema); StoreError if it is busy or cannot be written.

    A symbolic link or a special file planted where the index or its companion files go is
    removed, never followed: nothing is written outside the home.
    """
    path = index_path(home)
    try:
        _private_folder(path.parent)
    except OSError as error:
        raise StoreError(f"cannot create the index {path}: {error.strerror}") from None
    for attempt in range(1, CONNECT_ATTEMPTS + 1):
        last = attempt == CONNECT_ATTEMPTS
        try:
            _remove_planted(path)
            _create_private(path)
            mask = os.umask(0o077)  # whatever SQLite creates (the WAL, a recreated file) is 0600
            try:
                connection = sqlite3.connect(
                    _nofollow_uri(path),
                    uri=True,
                    timeout=BUSY_TIMEOUT_SECONDS,
                    isolation_level=None,
                )
                try:
                    _prepare(connection)
                    _make_private(path)
                except BaseException:
                    connection.close()
                    raise
            finally:
                os.umask(mask)
            return connection
        except _OtherSchema:
            if last:
                raise StoreError(f"cannot use the index {path}: it keeps another schema") from None
        except sqlite3.OperationalError as error:
            _raise_if_busy(home, error)
            # Read-only, no space, or "disk I/O error" when another process removed the file
            # while this one opened it: try again, then give up (the caller reads in memory).
            if last:
                raise StoreError(f"cannot use the index {path}: {error}") from None
            continue
        except sqlite3.DatabaseError as error:  # not a database, malformed
            if last:
                raise StoreError(f"cannot use the index {path}: {error}") from None
        except OSError as error:
            raise StoreError(f"cannot create the index {path}: {error.strerror}") from None
        _delete_index(path)  # unreadable or not ours: it is derived, so start again
    raise AssertionError("unreachable")  # pragma: no cover


class _OtherSchema(Exception):
    """The index file holds tables this version did not create: it is rebuilt."""


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA recursive_triggers = ON")  # a replaced row's text goes too
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    objects = _objects(connection)
    if not objects:
        connection.executescript(
            f"BEGIN IMMEDIATE; {_SCHEMA_SQL}; PRAGMA user_version = {SCHEMA}; COMMIT;"
        )
        objects = _objects(connection)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA and objects < _expected_objects() and _only_deferred_missing(objects):
        # A first build makes its indexes and triggers once its rows are in: one stopped
        # before that left rows without them (and another salescoach may be building right
        # now). Made here, over the rows there are; the build goes on (or resumes) with them.
        connection.execute("BEGIN IMMEDIATE")
        try:
            _complete(connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        objects = _objects(connection)
    if version != SCHEMA or objects != _expected_objects():
        raise _OtherSchema


def _objects(connection: sqlite3.Connection) -> frozenset[tuple[str, str, str | None]]:
    return frozenset(connection.execute("SELECT type, name, sql FROM sqlite_master"))


@functools.cache
def _secondary_indexes() -> tuple[tuple[str, str], ...]:
    """The indexes of the schema besides the tables' own (name, SQL): what a first build drops
    while it writes its rows, and makes again after."""
    return tuple(
        sorted((name, sql) for kind, name, sql in _expected_objects() if kind == "index" and sql)
    )


@functools.cache
def _deferred_triggers() -> tuple[tuple[str, str], ...]:
    """The :data:`DEFERRED_TRIGGERS` (name, SQL), as the schema makes them."""
    made = {name: sql for kind, name, sql in _expected_objects() if kind == "trigger" and sql}
    return tuple((name, made[name]) for name in DEFERRED_TRIGGERS)


def _only_deferred_missing(objects: frozenset[tuple[str, str, str | None]]) -> bool:
    """Whether all that is missing are what a first build makes at its end."""
    return all(
        (kind == "index" and sql) or (kind == "trigger" and name in DEFERRED_TRIGGERS)
        for kind, name, sql in _expected_objects() - objects
    )


def _complete(connection: sqlite3.Connection) -> None:
    """Make what a first build leaves for its end (in the caller's transaction): the tables
    the deferred triggers keep, filled from every row, and the triggers, if they are missing
    (another process may have made them meanwhile, and kept the tables since); then the
    secondary indexes that are missing."""
    present = {name for (name,) in connection.execute(_TRIGGER_NAMES)}
    if not present.issuperset(DEFERRED_TRIGGERS):
        for sql in _AGGREGATES_SQL:
            connection.execute(sql)
        for name, sql in _deferred_triggers():
            if name not in present:
                connection.execute(sql)
    _make_indexes(connection)


_TRIGGER_NAMES = "SELECT name FROM sqlite_master WHERE type = 'trigger'"


def _make_indexes(connection: sqlite3.Connection) -> None:
    """Make the secondary indexes that are missing (in the caller's transaction)."""
    for _, sql in _secondary_indexes():
        connection.execute(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))


@functools.cache
def _expected_objects() -> frozenset[tuple[str, str, str | None]]:
    """The tables, indexes and trigger of an index of this schema, as SQLite lists them."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(_SCHEMA_SQL)
        return _objects(connection)
    finally:
        connection.close()


def _nofollow_uri(path: Path) -> str:
    from urllib.parse import quote

    return f"file:{quote(str(path))}?nofollow=1"


_COMPANIONS = ("", "-wal", "-shm", "-journal")
"""The suffixes of the files SQLite keeps beside the index."""


def _remove_planted(path: Path) -> None:
    """Remove a link or a special file where the index or a companion file goes (a folder
    there is an error: it is not ours to delete)."""
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            status = os.lstat(companion)
        except FileNotFoundError:
            continue
        if stat.S_ISREG(status.st_mode):
            continue
        if stat.S_ISDIR(status.st_mode):
            raise StoreError(
                f"cannot use the index {companion}: it is a folder",
                hint="move it away; the index is rebuilt from the records",
            )
        companion.unlink()


def _private_folder(folder: Path) -> None:
    from salescoach.store.atomic import private_dir

    if folder.is_symlink():  # planted: the index never goes where a link leads
        folder.unlink()
    private_dir(folder)


def _make_private(path: Path) -> None:
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            status = os.lstat(companion)
            if stat.S_ISREG(status.st_mode) and stat.S_IMODE(status.st_mode) != 0o600:
                os.chmod(companion, 0o600)  # noqa: PTH101


def _create_private(path: Path) -> None:
    with contextlib.suppress(FileExistsError):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(descriptor, 0o600)
        finally:
            os.close(descriptor)


def _delete_index(path: Path) -> None:
    for suffix in _COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


class _Busy(StoreError):
    """Another salescoach holds the index longer than BUSY_TIMEOUT_SECONDS."""


def _busy(home: Path, error: sqlite3.Error) -> StoreError:
    return _Busy(
        f"the index {index_path(home)} is busy ({error})",
        hint="another salescoach is updating it; try again, or delete the file (it is rebuilt)",
    )


def _mark_stale(home: Path) -> None:
    # O_NOFOLLOW: a link planted at the mark's name is never followed.
    descriptor = os.open(stale_mark(home), os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    os.close(descriptor)


def _take_stale_mark(home: Path) -> bool:
    """Whether a failed update left the mark (removed now, when the home can be written)."""
    mark = stale_mark(home)
    try:
        mark.unlink()
    except FileNotFoundError:
        return False
    except OSError:  # a read-only home: the mark stays, and every open checks every file
        return os.path.lexists(mark)
    return True


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _filters(
    account: str | None,
    kind: str | None,
    since: str | None,
    *,
    until: str | None = None,
    meeting_type: str | None = None,
) -> tuple[str, list[str]]:
    clauses = ["problem IS NULL"]
    values: list[str] = []
    if account is not None:
        clauses.append("account_slug = ?")
        values.append(account)
    if kind is not None:
        clauses.append("kind = ?")
        values.append(kind)
    if meeting_type is not None:
        clauses.append("meeting_type = ?")
        values.append(meeting_type)
    if since is not None:
        clauses.append(f"{_DAY} >= ?")
        values.append(since)
    if until is not None:
        clauses.append(f"{_DAY} <= ?")
        values.append(until)
    return " AND ".join(clauses), values


def _newest_filters(account: str | None, kind: str | None) -> tuple[str, list[str]]:
    """:func:`_filters` for a listing newest first: one account's records are found by account
    and sorted, the others read along ``records_newest``; never by the kind's index (``+kind``),
    which would sort half the home."""
    where, values = _filters(account, kind, None)
    return where.replace("kind = ?", "+kind = ?"), values


# --------------------------------------------------------------------------------- the files


def _account_folders(home: Path) -> dict[str, int]:
    """Account folder name → modification time (ns), as the repository lists them."""
    folders: dict[str, int] = {}
    for entry in account_entries(home):
        with contextlib.suppress(OSError):
            folders[entry.name] = entry.stat().st_mtime_ns
    return folders


_BY_DESCRIPTOR = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
"""Whether record files are stat-ed relative to their account folder's descriptor (POSIX):
the system then resolves two names per file, not the whole path from the root."""


def _record_files(home: Path, folder: str) -> list[tuple[str, int, int]]:
    """The record files of one account folder, as :meth:`Repository.scan` finds them: each
    one's path relative to the home, modification time and size (-1 and -1 when it cannot be
    read: a dangling link, a file it may not stat)."""
    return _files_of(folder, *_folder_scan(home, folder))


_MISSING, _NOT_A_MEETING = -2, -3
"""What :func:`_folder_scan` writes in a size's place: no such record file in a meeting
folder; a name that is not a meeting folder (``account.yaml``), whose other records are not
looked for. A file's size is never negative, and -1 is an unreadable file's."""
_NOT_THERE, _NO_MEETING, _UNREADABLE = (0, _MISSING), (0, _NOT_A_MEETING), (-1, -1)


def _folder_scan(home: Path, folder: str) -> tuple[list[str], list[int]]:
    """What one account folder holds: the names in it (meeting folders and the rest, sorted)
    and, for each name, one (modification time, size) pair per record file a meeting folder
    may hold, in :data:`KINDS` order — ``(0, -2)`` for a file it has not, ``(-1, -1)`` for one
    that cannot be read (a dangling link, a file it may not stat) — or one ``(0, -3)`` pair for
    a name that is not a meeting folder.

    Every open of a home of up to :data:`FULL_SCAN_LIMIT` records calls this for every
    account folder, so it does as little per file as it can: the folder's names listed as
    plain strings (:func:`~salescoach.store.layout.meeting_names`, not one
    :class:`os.DirEntry` each), then one ``stat`` per record file a meeting folder may hold,
    relative to the folder's descriptor, whose error tells an entry that is not a folder
    ("not a directory") from a meeting without that record; the numbers kept in one list, no
    path or tuple made per file (:func:`_files_of` makes them when they are needed).
    """
    numbers: list[int] = []
    names = [f"/{record_name(kind)}" for kind in KINDS]
    base = f"{home}{os.sep}{ACCOUNTS_DIR}{os.sep}{folder}"
    descriptor: int | None = None
    prefix = ""
    try:
        if _BY_DESCRIPTOR:
            descriptor = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
        else:
            prefix = base + os.sep
    except OSError:
        return [], []
    status_of = os.stat  # looked up once, not once per file
    try:
        meetings = meeting_names(base if descriptor is None else descriptor)
        for meeting in meetings:
            for name in names:
                inside = meeting + name
                try:
                    status = status_of(prefix + inside, dir_fd=descriptor)
                except FileNotFoundError:
                    if _exists(prefix + inside, descriptor, follow=False):  # a dangling link
                        numbers += _UNREADABLE
                    else:
                        numbers += _NOT_THERE
                    continue
                except NotADirectoryError:
                    numbers += _NO_MEETING
                    break  # a file beside the meeting folders, not one of them
                except OSError:
                    if not _exists(prefix + meeting, descriptor, folder=True):
                        numbers += _NO_MEETING
                        break  # not a folder it can look into (a loop of links): no meeting
                    numbers += _UNREADABLE  # a file it may not stat
                    continue
                numbers.append(status.st_mtime_ns)  # (a list's append, in this form, is
                numbers.append(status.st_size)  # the quickest way to collect numbers)
    finally:
        if descriptor is not None:
            os.close(descriptor)
    return meetings, numbers


def _files_of(folder: str, meetings: list[str], stats: list[int]) -> list[tuple[str, int, int]]:
    """The record files :func:`_folder_scan` found in ``folder``: (path relative to the home,
    modification time, size) each, as rows of the index keep them (tuples of strings and
    numbers: at 100,000 files, ``Path`` objects cost more than the stats)."""
    found: list[tuple[str, int, int]] = []
    relative_base = f"{ACCOUNTS_DIR}/{folder}/"
    names = [f"/{record_name(kind)}" for kind in KINDS]
    at = 0
    for meeting in meetings:
        for name in names:
            mtime, size = stats[at], stats[at + 1]
            at += 2
            if size == _NOT_A_MEETING:
                break
            if size != _MISSING:
                found.append((relative_base + meeting + name, mtime, size))
    return found


def _scan_text(
    folders: Mapping[str, int], scans: Mapping[str, tuple[list[str], list[int]]]
) -> bytes:
    """Everything a full refresh compares, as bytes that differ whenever any of it differs:
    each account folder's name and modification time, the names in it and the numbers
    :func:`_folder_scan` read (each part preceded by its length, so no two homes give the
    same bytes)."""
    parts: list[bytes] = []
    for name, mtime in folders.items():
        meetings, stats = scans[name]
        text = "\0".join([name, str(mtime), *meetings]).encode("utf-8", "surrogateescape")
        numbers = pack(f"<{len(stats)}q", *stats)  # (the array module costs more to load)
        parts += (
            len(text).to_bytes(8, "little"),
            text,
            len(numbers).to_bytes(8, "little"),
            numbers,
        )
    return b"".join(parts)


def _scan_record(marks: tuple[int, int], text: bytes) -> bytes:
    """What :func:`_keep_scan` keeps: the format, the schema, the index's marks, the scan."""
    count, largest = marks
    return f"salescoach scan {SCAN_FORMAT} {SCHEMA} {count} {largest}\n".encode() + text


def _kept_scan(path: Path) -> bytes | None:
    """The scan kept beside the index (``None`` when there is none, or it is not the file this
    user wrote: a link, another's, writable by others)."""
    from salescoach.store.owned import own_file

    return own_file(path)


def _keep_scan(path: Path, scanned: bytes) -> None:
    """Keep ``scanned`` beside the index: a full refresh that finds the same (files, folders,
    and the index's marks) knows every row is current without reading them. A cache like the
    index: when it cannot be written, the next refresh compares the rows again."""
    from salescoach.store.atomic import atomic_write

    with contextlib.suppress(OSError, StoreError):
        atomic_write(path, scanned)


def _exists(
    path: str, descriptor: int | None, *, follow: bool = True, folder: bool = False
) -> bool:
    """Whether ``path`` (relative to ``descriptor``) is there — the link itself when not
    ``follow`` (:func:`os.path.lexists`); a folder when ``folder`` (:func:`os.path.isdir`)."""
    try:
        status = os.stat(path, dir_fd=descriptor, follow_symlinks=follow)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(status.st_mode) if folder else True


def _stat(home: Path, path: Path) -> _Seen | None:
    try:
        relative = Path(path).absolute().relative_to(home)
    except ValueError:
        return None
    parts = relative.parts
    if record_parts(parts) is None:
        return None
    try:
        status = path.stat()
    except OSError:
        return None
    return _Seen("/".join(parts), parts[1], status.st_mtime_ns, status.st_size)


# --------------------------------------------------------------------------------- rows


_FIELD_VALUES = operator.attrgetter(*FIELDS)
"""Every field of a :class:`Facts`, in order: the scalars, then the parts (see SCALAR_FIELDS)."""
_DERIVERS = tuple(derive for _, _, derive in DERIVED)


def _row(seen: _Seen, facts: Facts) -> tuple[Any, ...]:
    """The index row of a record: its file's columns, each field of its facts in order (a part
    as a JSON array: its items are tuples, which JSON writes as arrays), then the
    :data:`DERIVED` columns."""
    values = _FIELD_VALUES(facts)
    return (
        seen.path,
        seen.account_dir,
        seen.mtime_ns,
        seen.size,
        None,
        *values[:_SCALARS],
        *[_encode_part(value) if value else None for value in values[_SCALARS:]],
        *[derive(facts) for derive in _DERIVERS],
    )


def _document(record: Record) -> tuple[str, str, str]:
    answers, notes = searchable_text(record)
    return answers, notes, json_line(record)


def _broken_row(seen: _Seen, message: str) -> tuple[Any, ...]:
    return (seen.path, seen.account_dir, seen.mtime_ns, seen.size, message) + (None,) * (
        _COLUMN_COUNT - 5
    )


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""One encoder for every row (``json.dumps`` with options makes one a call)."""


def _one_shot(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode``, with the C encoder it makes for each call made once: an index row
    encodes its parts, and most of each call was making it. The same text (tested); where the
    C encoder is missing, ``encoder.encode`` itself."""
    import json.encoder

    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)  # CPython's C encoder
    if c_make_encoder is None or encoder.ensure_ascii or encoder.indent is not None:
        return encoder.encode
    made = c_make_encoder(
        None,  # no check for circular data: the facts are tuples of plain values
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )
    return lambda value: "".join(made(value, 0))


_encode_part: Callable[[Any], str] = _one_shot(_ENCODER)
_encode_listing: Callable[[Any], str] = _one_shot(_LISTING_ENCODER)


def _shaped(
    make: Callable[[Any], T], *types: type | tuple[type, ...], least: int | None = None
) -> Callable[[Any], T]:
    """A maker that refuses (TypeError) an item whose fields are not of ``types``; with
    ``least``, the fields after the first ``least`` may be missing (they have defaults)."""

    # The items come from json.loads, whose values are of exact types: each field is checked
    # against the set of types isinstance() would accept (a bool is an int, except where a
    # field is an int alone), one lookup per field.
    allowed = [
        frozenset({*kind, *((bool,) if int in kind else ())})
        if isinstance(kind, tuple)
        else frozenset({kind})
        for kind in types
    ]
    fewest = len(types) if least is None else least
    most = len(types)

    def checked(item: Any) -> T:
        if type(item) is not list or not fewest <= len(item) <= most:
            raise TypeError(item)
        for value, kinds in zip(item, allowed, strict=False):
            if type(value) not in kinds:
                raise TypeError(item)
        return make(item)

    return checked


def _text(item: Any) -> str:
    if not isinstance(item, str):
        raise TypeError(item)
    return item


_NONE = type(None)
_MAKERS: dict[str, Callable[[Any], Any]] = {
    "objectives": _shaped(Objective._make, str, (str, _NONE)),
    "objections": _shaped(ObjectionMet._make, str, (int, _NONE), bool),
    "next_steps": _shaped(
        lambda item: NextStep(*item), str, str, (str, _NONE), str, str, str, int, least=3
    ),
    "commitments_given": _text,
    "commitments_received": _text,
    "calendar": _shaped(Calendar._make, str, (str, _NONE), (str, _NONE), int),
    "outcome": _shaped(
        lambda item: Outcome(item[0], item[1], item[2], item[3], tuple(map(_text, item[4]))),
        str,
        (int, float, _NONE),
        (int, float, _NONE),
        (int, float, _NONE),
        list,
    ),
}


def checked_part(column: str, items: Any) -> tuple[Any, ...]:
    """The items of a part's ``column`` already decoded from its JSON, as :class:`Lazy` gives
    them (named tuples; an item a damaged row holds in another shape is left out): for an
    export that decodes rows itself and meets one it cannot read."""
    make = _MAKERS[column]
    made: list[Any] = []
    for item in items if isinstance(items, list) else ():
        with contextlib.suppress(TypeError, ValueError):
            made.append(make(item))
    return tuple(made)


def checked_lists(text: str, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """The parts ``columns`` of an export row, from their JSON array (one list a column), each
    read by :func:`checked_part`: what a damaged row holds in another shape is left out."""
    try:
        lists = json.loads(text)
    except ValueError:
        lists = []
    if not isinstance(lists, list):
        lists = []
    return [
        checked_part(column, lists[position] if position < len(lists) else [])
        for position, column in enumerate(columns)
    ]


def _decoded_items(text: str, make: Callable[[Any], T]) -> Iterator[T]:
    """The items of a stored part; an item a damaged row holds in another shape is skipped."""
    try:
        items = json.loads(text)
    except ValueError:
        return
    for item in items if isinstance(items, list) else ():
        try:
            made = make(item)
        except (TypeError, ValueError):
            continue
        yield made


class Lazy(Sequence[T]):
    """A part of a record's facts as the index stores it (JSON), decoded on first use.

    A report that reads the next steps of one debrief per account decodes only those.
    """

    __slots__ = ("_items", "_make", "_text")

    def __init__(self, text: str, make: Callable[[Any], T]) -> None:
        self._text = text
        self._make = make
        self._items: tuple[T, ...] | None = None

    def _decoded(self) -> tuple[T, ...]:
        if self._items is None:
            self._items = tuple(_decoded_items(self._text, self._make))
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._decoded()[index]

    def __len__(self) -> int:
        return len(self._decoded())

    def __iter__(self) -> Iterator[T]:
        return iter(self._decoded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self._decoded() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._decoded())
