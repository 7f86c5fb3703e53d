"""The derived index: the facts of every record in one SQLite file beside the data.

``<home>/.index.sqlite3`` holds, for each record file, its size and modification time and the
:class:`~salescoach.store.facts.Facts` the reports read — so a report over 100,000 records reads
rows instead of parsing 100,000 YAML front matters. The files stay the truth: the index is
rebuilt from them when it is missing, unreadable, or of another schema, and may be deleted at
any time.

Keeping it current:

- the tool's own writes call :func:`note_saved`, which updates the one row;
- every :meth:`Index.open` compares the account folders' modification times with the ones seen
  last, so meetings added or removed (by the tool or by hand) are noticed; a homes of up to
  :data:`FULL_SCAN_LIMIT` records also has every record file stat-ed (a few milliseconds per
  thousand files), so edits made by hand inside existing files are noticed too;
- above that size, ``rescan=True`` (the commands' ``--rescan``) stats every file, and a failed
  :func:`note_saved` leaves a mark that makes the next open do so.

Only files whose size or modification time changed are parsed again: adding one record does not
reparse the others. Rows are written in batches, one transaction each, so an interrupted first
build resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import starmap
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from salescoach.errors import Broken, StoreError
from salescoach.store.facts import (
    FIELDS,
    PART_FIELDS,
    SCALAR_FIELDS,
    Facts,
    NextStep,
    ObjectionMet,
    Objective,
    Part,
    facts_of,
)
from salescoach.store.layout import (
    KINDS,
    account_entries,
    accounts_dir,
    meeting_entries,
    record_parts,
    record_relative,
)

if TYPE_CHECKING:
    from salescoach.store.record import Record

T = TypeVar("T")

INDEX_FILE = ".index.sqlite3"
STALE_MARK = ".index.stale"
SCHEMA = 3
FULL_SCAN_LIMIT = 20_000
"""Up to this many record files, every open stats them all (about 0.1 s at the limit)."""
BATCH = 500
PARALLEL_FROM = 4_000
"""From this many files to read, the work is shared between processes (up to MAX_WORKERS)."""
MAX_WORKERS = 8
BUSY_TIMEOUT_SECONDS = 30.0

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while record files are read into the index."""

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS dirs (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    path TEXT PRIMARY KEY,
    account_dir TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    problem TEXT,
    {fact_columns}
);
CREATE INDEX IF NOT EXISTS records_by_account ON records (account_slug);
CREATE INDEX IF NOT EXISTS records_by_folder ON records (account_dir);
""".format(fact_columns=",\n    ".join(f"{name} TEXT" for name in FIELDS))
FILE_COLUMNS = ("path", "account_dir", "mtime_ns", "size", "problem")
"""The columns about the file itself; then one column per field of :class:`Facts`."""
_COLUMNS = ", ".join((*FILE_COLUMNS, *FIELDS))
_COLUMN_COUNT = len(FILE_COLUMNS) + len(FIELDS)
_FACT_COLUMNS = ", ".join(SCALAR_FIELDS)
_SCALARS = len(SCALAR_FIELDS)
_PART_COLUMNS = PART_FIELDS


@dataclass(frozen=True)
class Refreshed:
    """What a refresh did: files parsed, rows removed, whether every file was stat-ed."""

    read: int
    removed: int
    full: bool


@dataclass(frozen=True)
class _Seen:
    """A record file found on disk: its path relative to the home, folder, stat."""

    path: str
    account_dir: str
    mtime_ns: int
    size: int


def index_path(home: Path) -> Path:
    """Where the index of the data home ``home`` lives."""
    return Path(home) / INDEX_FILE


class Index:
    """The facts of every record under one data home (see the module docstring)."""

    def __init__(self, home: Path, connection: sqlite3.Connection) -> None:
        self.home = Path(home)
        self._db = connection
        self.last_refresh: Refreshed | None = None
        """What the latest :meth:`refresh` did (``None`` before any)."""

    # ----------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, home: Path, *, rescan: bool = False, progress: Progress | None = None) -> Index:
        """The home's index, brought up to date (built on first use; see the module docstring).

        A home without records gets an empty in-memory index and no file is created.
        """
        home = Path(home).expanduser().absolute()
        if not accounts_dir(home).is_dir():
            connection = sqlite3.connect(":memory:")
            connection.executescript(_SCHEMA_SQL)
            return cls(home, connection)
        try:
            connection = _connect(home)
        except StoreError:
            if os.access(home, os.W_OK):
                raise
            # Someone else's read-only home (a manager reading a rep's): index it in memory.
            connection = sqlite3.connect(":memory:")
            connection.executescript(_SCHEMA_SQL)
            rescan = True
        index = cls(home, connection)
        try:
            stale = _take_stale_mark(home)
            known = index._count()
            index.refresh(full=rescan or stale or known <= FULL_SCAN_LIMIT, progress=progress)
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
        seen_dirs = dict(self._db.execute("SELECT name, mtime_ns FROM dirs"))
        if full:
            to_walk = list(folders)
        else:
            to_walk = [name for name, mtime in folders.items() if seen_dirs.get(name) != mtime]
        gone_folders = [name for name in seen_dirs if name not in folders]
        known = self._known(None if full else to_walk)
        found: dict[str, _Seen] = {}
        for name in to_walk:
            for seen in _record_files(self.home, name):
                found[seen.path] = seen
        removed = [path for path in known if path not in found]
        changed = [
            seen for path, seen in found.items() if known.get(path) != (seen.mtime_ns, seen.size)
        ]
        with self._write():
            for name in gone_folders:
                self._db.execute("DELETE FROM records WHERE account_dir = ?", (name,))
                self._db.execute("DELETE FROM dirs WHERE name = ?", (name,))
            self._db.executemany("DELETE FROM records WHERE path = ?", ((p,) for p in removed))
        self._read(changed, progress)
        with self._write():
            self._db.executemany(
                "INSERT OR REPLACE INTO dirs (name, mtime_ns) VALUES (?, ?)",
                ((name, folders[name]) for name in to_walk),
            )
        self.last_refresh = Refreshed(read=len(changed), removed=len(removed), full=full)
        return self.last_refresh

    def note(self, record: Record, path: Path) -> None:
        """Store the facts of ``record``, just written to ``path``, without parsing the file."""
        seen = _stat(self.home, path)
        if seen is None:
            return
        with self._write():
            self._db.execute(
                f"INSERT OR REPLACE INTO records ({_COLUMNS}) VALUES ({_marks(_COLUMN_COUNT)})",
                _row(seen, facts_of(record)),
            )

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
        rows = self._db.execute(f"SELECT {select} FROM records WHERE {where}", values)
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

    def paths(
        self, *, account: str | None = None, kind: str | None = None, since: str | None = None
    ) -> list[Path]:
        """The files of the records :meth:`facts` would return, by account, meeting, kind."""
        where, values = _filters(account, kind, since)
        rows = self._db.execute(
            f"SELECT path FROM records WHERE {where} "
            "ORDER BY account_dir, meeting, kind = 'debrief'",
            values,
        )
        return [self.home / path for (path,) in rows]

    def problems(self) -> list[Broken]:
        """The record files that could not be read, and why."""
        rows = self._db.execute(
            "SELECT path, problem FROM records WHERE problem IS NOT NULL ORDER BY path"
        )
        return [Broken(self.home / path, message) for path, message in rows]

    def __len__(self) -> int:
        return self._count()

    # ----------------------------------------------------------------------------- internals

    def _count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM records").fetchone()[0])

    def _known(self, folders: Sequence[str] | None) -> dict[str, tuple[int, int]]:
        if folders is None:
            rows = self._db.execute("SELECT path, mtime_ns, size FROM records")
            return {path: (mtime, size) for path, mtime, size in rows}
        known: dict[str, tuple[int, int]] = {}
        for name in folders:
            rows = self._db.execute(
                "SELECT path, mtime_ns, size FROM records WHERE account_dir = ?", (name,)
            )
            known.update((path, (mtime, size)) for path, mtime, size in rows)
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
        done = 0
        for rows in _parsed(str(self.home), batches):
            with self._write():
                self._db.executemany(
                    f"INSERT OR REPLACE INTO records ({_COLUMNS}) VALUES ({_marks(_COLUMN_COUNT)})",
                    rows,
                )
            done += len(rows)
            if progress is not None:
                progress(done, total)

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _busy(self.home, error) from None
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _parsed(home: str, batches: list[list[_Seen]]) -> Iterator[list[tuple[Any, ...]]]:
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


def _parse_batch(home: str, batch: list[_Seen]) -> list[tuple[Any, ...]]:
    """Read a batch of record files into rows (in a worker process, or this one)."""
    from salescoach.store.record import Record
    from salescoach.store.repository import Repository

    repository = Repository(Path(home))
    rows = []
    for seen in batch:
        item = repository.read_or_broken(repository.home / seen.path)
        if isinstance(item, Record):
            rows.append(_row(seen, facts_of(item)))
        else:
            rows.append(_broken_row(seen, item.message))
    return rows


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


def _connect(home: Path) -> sqlite3.Connection:
    """Open the index (creating it 0600, or recreating it if it is not a readable index of
    this schema); StoreError if it is busy or cannot be written."""
    path = index_path(home)
    for attempt in (1, 2):
        try:
            _create_private(path)
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            try:
                _prepare(connection)
            except BaseException:
                connection.close()
                raise
            return connection
        except sqlite3.OperationalError as error:  # busy, read-only, no space: not corruption
            if "locked" in str(error) or "busy" in str(error):
                raise _busy(home, error) from None
            raise StoreError(f"cannot use the index {path}: {error}") from None
        except sqlite3.DatabaseError as error:  # not a database, malformed
            if attempt == 2:
                raise StoreError(f"cannot use the index {path}: {error}") from None
        except OSError as error:
            raise StoreError(f"cannot create the index {path}: {error.strerror}") from None
        _delete_index(path)  # unreadable: it is derived, so start again
    raise AssertionError("unreachable")  # pragma: no cover


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA):
        connection.executescript("DROP TABLE IF EXISTS records; DROP TABLE IF EXISTS dirs;")
    connection.executescript(_SCHEMA_SQL)
    connection.execute(f"PRAGMA user_version = {SCHEMA}")


def _create_private(path: Path) -> None:
    if path.exists():
        return
    with contextlib.suppress(FileExistsError):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(descriptor, 0o600)
        finally:
            os.close(descriptor)


def _delete_index(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def _busy(home: Path, error: sqlite3.OperationalError) -> StoreError:
    return StoreError(
        f"the index {index_path(home)} is busy ({error})",
        hint="another salescoach is updating it; try again, or delete the file (it is rebuilt)",
    )


def _mark_stale(home: Path) -> None:
    descriptor = os.open(home / STALE_MARK, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(descriptor)


def _take_stale_mark(home: Path) -> bool:
    try:
        (home / STALE_MARK).unlink()
    except FileNotFoundError:
        return False
    return True


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _filters(account: str | None, kind: str | None, since: str | None) -> tuple[str, list[str]]:
    clauses = ["problem IS NULL"]
    values: list[str] = []
    if account is not None:
        clauses.append("account_slug = ?")
        values.append(account)
    if kind is not None:
        clauses.append("kind = ?")
        values.append(kind)
    if since is not None:
        clauses.append("coalesce(meeting_date, substr(created, 1, 10)) >= ?")
        values.append(since)
    return " AND ".join(clauses), values


# --------------------------------------------------------------------------------- the files


def _account_folders(home: Path) -> dict[str, int]:
    """Account folder name → modification time (ns), as the repository lists them."""
    folders: dict[str, int] = {}
    for entry in account_entries(home):
        with contextlib.suppress(OSError):
            folders[entry.name] = entry.stat().st_mtime_ns
    return folders


def _record_files(home: Path, folder: str) -> Iterator[_Seen]:
    """The record files of one account folder, as :meth:`Repository.scan` finds them."""
    meetings = [entry.name for entry in meeting_entries(accounts_dir(home) / folder)]
    for meeting in meetings:
        for kind in KINDS:
            relative = record_relative(folder, meeting, kind)
            full = f"{home}{os.sep}{relative}"
            try:
                # os.stat on a str: at 100,000 files, building Path objects costs more than stat.
                status = os.stat(full)  # noqa: PTH116
            except FileNotFoundError:
                if os.path.lexists(full):  # a dangling link: listed as broken
                    yield _Seen(relative, folder, -1, -1)
                continue
            except OSError:
                yield _Seen(relative, folder, -1, -1)
                continue
            yield _Seen(relative, folder, status.st_mtime_ns, status.st_size)


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


_PART_NAMES = frozenset(name for names in PART_FIELDS.values() for name in names)


def _row(seen: _Seen, facts: Facts) -> tuple[Any, ...]:
    """The index row of a record: its file's columns, then each field of its facts in order."""
    values = [getattr(facts, name) for name in FIELDS]
    return (
        seen.path,
        seen.account_dir,
        seen.mtime_ns,
        seen.size,
        None,
        *(
            _json(list(map(_plain, value))) if name in _PART_NAMES else value
            for name, value in zip(FIELDS, values, strict=True)
        ),
    )


def _plain(item: Any) -> Any:
    return list(item) if isinstance(item, tuple) else item


def _broken_row(seen: _Seen, message: str) -> tuple[Any, ...]:
    return (seen.path, seen.account_dir, seen.mtime_ns, seen.size, message) + (None,) * (
        _COLUMN_COUNT - 5
    )


def _json(value: list[Any]) -> str | None:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else None


_MAKERS: dict[str, Callable[[Any], Any]] = {
    "objectives": Objective._make,
    "objections": ObjectionMet._make,
    "next_steps": NextStep._make,
    "commitments_given": str,
    "commitments_received": str,
}


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
            self._items = tuple(map(self._make, json.loads(self._text)))
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
