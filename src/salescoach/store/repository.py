"""Records on disk, grouped by account then by meeting, under one data home.

The layout (folders and which entries count) is :mod:`salescoach.store.layout`'s.

Every file is written through :func:`~salescoach.store.atomic.atomic_write` (0600), every directory
is created 0700, and every path is checked, symlinks followed, to stay inside the home. Names that
must be unique (account folders, meeting ids) are claimed by exclusive creation, so two processes
never get the same one; read-modify-write of shared files happens under a ``filelock.FileLock``.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from salescoach.closest import close_matches
from salescoach.errors import (
    Broken,
    NotFoundError,
    RecordError,
    SalescoachError,
    StoreError,
    UsageError,
)
from salescoach.paths import expand
from salescoach.store.atomic import (
    FILE_MODE,
    STALE_AFTER_SECONDS,
    atomic_write,
    clean_stale_temps,
    contained,
    fsync_dir,
    private_dir,
    refuse_link,
    remove_tree,
    store_errors,
    temp_path,
)
from salescoach.store.layout import (
    ACCOUNT_FILE,
    ACCOUNT_SCHEMA,
    ACCOUNTS_DIR,
    account_entries,
    meeting_entries,
    record_name,
)
from salescoach.store.local import locks_dir, write_gitignore
from salescoach.store.markdown import (
    check_no_conflict,
    data_version,
    decode_record,
    extract_notes,
    parse_record_file,
    read_record_bytes,
    read_record_file,
    render_record_file,
)
from salescoach.store.record import (
    KINDS,
    AccountRef,
    Record,
    check_date,
    describe_validation,
    now_iso,
    parse_timestamp,
)
from salescoach.store.serialize import TooLarge, UnfaithfulYaml, dump_exact
from salescoach.store.slug import (
    MAX_BYTES,
    account_name_key,
    clean_name,
    is_slug,
    slugify,
    with_suffix,
)
from salescoach.yamlio import YamlProblems, decode, parse, read_bytes

LOCK_TIMEOUT_SECONDS = 30.0
MAX_ACCOUNT_BYTES = 1_000_000
_MEETING_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


class RecordChanged(StoreError):
    """A record was changed by someone else between the start of an edit and its save."""


class Account(BaseModel):
    """The content of ``account.yaml``: who the folder is for, and facts kept about the account."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    schema_version: int = ACCOUNT_SCHEMA
    slug: str
    name: str
    created: str | None = None
    """Only in files written before homes were shared: two reps' clones creating the same
    account write the same file, so git merges it; nothing in it differs by machine."""
    data: dict[str, Any] = Field(default_factory=dict)
    """Facts about the account kept between meetings (e.g. ``{"phase": 3}``); change them with
    :meth:`Repository.update_account` so concurrent updates are not lost."""

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > ACCOUNT_SCHEMA:
            raise ValueError(f"written by a newer salescoach (account schema {value})")
        return value

    @property
    def ref(self) -> AccountRef:
        """The reference records carry."""
        return AccountRef(slug=self.slug, name=self.name)


class Repository:
    """The records under one data home (see the module docstring for the layout)."""

    def __init__(self, home: Path) -> None:
        self.home = expand(Path(home)).absolute()
        self.accounts_dir = self.home / ACCOUNTS_DIR
        self._meeting_dirs: dict[str, Path] = {}
        self._real_home: Path | None = None
        """The home with its links followed, once :meth:`read_or_broken` needed it."""

    # ----------------------------------------------------------------------------- accounts

    def account_slug(self, name: str, create: bool = True) -> str:
        """The folder slug of the account called ``name``, creating the account if ``create``.

        Names are compared by :func:`account_name_key`. A different name with the same slug gets
        the next free ``-2``, ``-3`` folder. Without ``create``, an unknown name raises
        :class:`NotFoundError`; an unreadable ``account.yaml`` on the way raises RecordError.
        """
        return self.account_ref(name, create=create).slug

    @store_errors
    def account_ref(self, name: str, create: bool = True) -> AccountRef:
        """Like :meth:`account_slug`, returning the slug with the account's stored real name."""
        key = account_name_key(name)
        if not key:
            raise UsageError.told("account_blank", "account_blank_hint", given=repr(name))
        found, _ = self._find_account(name, key)
        if found is not None:
            return found.ref
        if not create:
            close = self._close_accounts(name)
            raise NotFoundError.told(
                "no_account_named",
                "did_you_mean" if close else None,
                name=name.strip(),
                close=close,
            )
        self._ensure_home()
        with self._lock("accounts"):
            found, free = self._find_account(name, key)
            if found is not None:
                return found.ref
            real_name = clean_name(name)
            account = Account(slug=free, name=real_name)
            folder = self._inside(self.accounts_dir / free)
            private_dir(folder)
            self._write_account(account, exclusive=True)
            return account.ref

    def find_account(self, query: str) -> AccountRef:
        """An existing account by slug (``acme-2``) or name (``Acme``); NotFoundError otherwise."""
        found = self.existing_account(query)
        return self.account_ref(query, create=False) if found is None else found

    @store_errors
    def existing_account(self, query: str) -> AccountRef | None:
        """:meth:`find_account`, or ``None`` for an account that does not exist yet: no
        "did you mean" is worked out (a prep for a new account reads no other account)."""
        folder = self.accounts_dir / query
        if is_slug(query) and (folder / ACCOUNT_FILE).is_file():
            return self.account(query).ref
        key = account_name_key(query)
        if not key:
            return self.account_ref(query, create=False)  # the error for a blank name
        found, _ = self._find_account(query, key)
        return None if found is None else found.ref

    def account(self, slug: str) -> Account:
        """The content of an account's ``account.yaml``; NotFoundError or RecordError."""
        return self._read_account(self._account_dir(slug) / ACCOUNT_FILE)

    def accounts(self) -> Iterator[Account | Broken]:
        """Every account, sorted by slug; unreadable ones as :class:`Broken`."""
        for folder in self._account_dirs():
            path = folder / ACCOUNT_FILE
            try:
                yield self._read_account(self._inside(path))
            except NotFoundError:
                yield Broken(path, "missing: this folder has no account.yaml")
            except (RecordError, StoreError) as error:
                yield _broken(path, error)

    @store_errors
    def update_account(self, slug: str, change: Callable[[Account], Account]) -> Account:
        """Read-modify-write ``account.yaml`` under a lock, so concurrent updates are not lost.

        ``change`` receives the current account and returns the new one (e.g. via
        ``account.model_copy(update={"data": {...}})``); its slug cannot change. Returns it.
        """
        folder = self._account_dir(slug)
        with self._lock(f"account-{slug}"):
            current = self._read_account(folder / ACCOUNT_FILE)
            updated = Account.model_validate(change(current).model_dump())
            if updated.slug != current.slug:
                raise ValueError("update_account cannot change an account's slug")
            self._write_account(updated, exclusive=False)
        clean_stale_temps(folder)
        return updated

    # ----------------------------------------------------------------------------- meetings

    @store_errors
    def new_meeting(
        self, account_name: str, date: str, meeting_type: str | None
    ) -> tuple[AccountRef, str]:
        """Reserve a new meeting: the account (created if new) and a unique meeting id.

        The id reads ``<date>-<account-slug>-<meeting-type>``, with ``-2``, ``-3``… when taken;
        its folder is created exclusively, so concurrent callers always get distinct ids.
        ``date`` must be ``YYYY-MM-DD`` (ValueError otherwise).
        """
        check_date(date)
        account = self.account_ref(account_name, create=True)
        base = _meeting_base(date, account.slug, meeting_type)
        folder = self._inside(self.accounts_dir / account.slug)
        with self._lock("meetings"):
            # Ids are unique across accounts: look for each candidate in every account folder
            # (a stat each) rather than list every meeting of the home; in the account's own
            # folder first (see create_meeting).
            others = [e.path for e in account_entries(self.home) if e.name != account.slug]
            for number in count(1):
                candidate = base if number == 1 else f"{base}-{number}"
                if os.path.lexists(folder / candidate):
                    continue
                if any(os.path.lexists(f"{other}{os.sep}{candidate}") for other in others):
                    continue
                try:
                    private_dir(folder / candidate, exist_ok=False)
                except FileExistsError:
                    continue
                self._meeting_dirs[candidate] = folder / candidate
                return account, candidate
        raise AssertionError("unreachable")  # pragma: no cover

    @store_errors
    def create_meeting(
        self,
        account_name: str,
        date: str,
        meeting_type: str | None,
        build: Callable[[AccountRef, str], tuple[Record, str]],
        *,
        author: str | None = None,
    ) -> tuple[Record, Path]:
        """Create a meeting and its first record at once; return the record and its path.

        The id is chosen as :meth:`new_meeting` chooses it, the ``author``'s name (slugged)
        after the meeting type when given, and ``build(account, meeting_id)``
        returns the record and its body. The file is written in a temporary folder then renamed
        to the meeting's, so a full disk, an oversize record or a kill never leaves an empty
        meeting folder: at most a temporary one, which readers ignore and
        :func:`~salescoach.store.atomic.clean_stale_temps` removes. An empty meeting folder left
        by an older salescoach, untouched for an hour, is taken over.
        """
        check_date(date)
        account = self.account_ref(account_name, create=True)
        base = _meeting_base(date, account.slug, meeting_type, author)
        folder = self._inside(self.accounts_dir / account.slug)
        with self._lock("meetings"):
            # Ids are unique in the whole home: a candidate is looked for in every account
            # folder (one stat each), never by listing every meeting of the home. The account's
            # own folder first: the ids it already holds (``-2``, ``-3``…) cost one stat each,
            # not one per account folder. Paths as text: a thousand Path objects cost more
            # than the stats.
            others = [e.path for e in account_entries(self.home) if e.name != account.slug]
            for number in count(1):
                candidate = base if number == 1 else f"{base}-{number}"
                final = folder / candidate
                if os.path.lexists(final) and not _abandoned(final):
                    continue
                if any(os.path.lexists(f"{other}{os.sep}{candidate}") for other in others):
                    continue
                record, body = build(account, candidate)
                text = _render(record, body, final / f"{record.kind}.md")
                if self._move_in(text, final, f"{record.kind}.md"):
                    self._meeting_dirs[candidate] = final
                    clean_stale_temps(folder)
                    return record, final / f"{record.kind}.md"
        raise AssertionError("unreachable")  # pragma: no cover

    def _move_in(self, text: str, final: Path, name: str) -> bool:
        """Write ``name`` in a temporary folder renamed ``final``; False if ``final`` is taken."""
        staging = temp_path(final)
        private_dir(staging, exist_ok=False)
        try:
            atomic_write(staging / name, text, exclusive=True)
            try:
                staging.rename(final)  # replaces an empty folder, never a full one
            except OSError as error:
                if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                    return False
                raise
        finally:
            if os.path.lexists(staging):
                remove_tree(staging)
        fsync_dir(final.parent)
        return True

    def meeting_ids(self, account: str | None = None) -> list[str]:
        """Every meeting id (of one account slug, if given), sorted."""
        if account:
            folders = [str(self._account_dir(account))]
        else:  # names, not Path objects: 50,000 of them at 100,000 records
            folders = [entry.path for entry in account_entries(self.home)]
        return sorted(meeting.name for folder in folders for meeting in meeting_entries(folder))

    def resolve_meeting(self, query: str) -> str:
        """The meeting id ``query`` designates: exact id, else the one id starting with it, else
        the one containing it (case-insensitive); NotFoundError listing candidates otherwise."""
        wanted = query.strip().lower()
        if not wanted:  # '' is in every id: it would pick the only meeting
            raise UsageError.told("meeting_blank", "meeting_blank_hint", given=repr(query))
        with contextlib.suppress(NotFoundError):
            self._meeting_dir(wanted)  # an exact id: one stat per account, no listing
            return wanted
        ids = self.meeting_ids()
        for matches in (
            [meeting for meeting in ids if meeting.startswith(wanted)],
            [meeting for meeting in ids if wanted in meeting],
        ):
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                listed = "\n".join(f"  {meeting}" for meeting in matches[:20])
                raise NotFoundError.told(
                    "meeting_matches_several",
                    "meeting_more_of_the_id",
                    query=query,
                    count=len(matches),
                    listed=listed,
                )
        close = ", ".join(close_matches(wanted, ids, n=5, cutoff=0.5))
        raise NotFoundError.told(
            "no_meeting_matches",
            "did_you_mean" if close else "list_shows_them",
            query=query,
            close=close,
        )

    def path_of(self, meeting_id: str, kind: str) -> Path:
        """Where the ``kind`` record of a meeting is (whether or not it exists yet).

        NotFoundError if the meeting does not exist, StoreError if its path leaves the home.
        """
        _check_kind(kind)
        return self._inside(self._meeting_dir(meeting_id) / record_name(kind))

    @store_errors
    def forget_meeting(self, meeting_id: str) -> None:
        """Give back a meeting id reserved by :meth:`new_meeting` that holds no record yet.

        For a session that fails or is abandoned after reserving; StoreError if the meeting
        folder is not empty (records are never deleted here).
        """
        folder = self._meeting_dir(meeting_id)
        try:
            folder.rmdir()
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
                raise StoreError(
                    f"meeting {meeting_id} has records; it was not removed", hint=str(folder)
                ) from None
            raise
        self._meeting_dirs.pop(meeting_id, None)

    # ----------------------------------------------------------------------------- records

    @store_errors
    def save(self, record: Record, body: str, *, expected: str | None = None) -> Path:
        """Write a record into its meeting's folder (see :meth:`new_meeting`); return its path.

        A new file is created exclusively (StoreError if another process created it meanwhile).
        An existing one is replaced whole; its free notes are kept unless ``record.notes`` is
        non-empty. If the existing file has lost its notes marker (or is not UTF-8), it is first
        copied to ``<kind>.md.<timestamp>.bak`` beside it, so no hand edit is ever lost.
        Timestamps are the caller's: set ``record.updated`` before saving.

        ``expected`` is the version :meth:`load_versioned` gave when an edit began: if the file's
        data changed since, :class:`RecordChanged` is raised and nothing is written. With it, the
        notes are always the file's current ones (typed in by hand while the edit was open).
        """
        path = self.path_of(record.meeting, record.kind)
        if path.parent.parent.name != record.account.slug:
            raise StoreError(
                f"meeting {record.meeting} belongs to account folder {path.parent.parent.name}, "
                f"not {record.account.slug}"
            )
        try:
            with self._lock(f"meeting-{record.meeting}"):
                if not os.path.lexists(path):
                    self._create_record_file(path, render_record_file(record, body))
                    return path
                if expected is not None:
                    self._check_unchanged(path, record, expected)
                if expected is not None:
                    notes = self._kept_notes(path)
                else:
                    notes = record.notes or self._kept_notes(path)
                text = render_record_file(record.model_copy(update={"notes": notes}), body)
                atomic_write(path, text)
        except UnfaithfulYaml as error:
            raise _unsavable(path, error) from None
        clean_stale_temps(path.parent)
        return path

    def load(self, meeting_id: str, kind: str) -> Record:
        """The ``kind`` record of a meeting; NotFoundError if absent, RecordError if unreadable."""
        return self.load_versioned(meeting_id, kind)[0]

    def load_versioned(self, meeting_id: str, kind: str) -> tuple[Record, str]:
        """Like :meth:`load`, with the version of its data to give back to :meth:`save` as
        ``expected``, so that a change made meanwhile is detected rather than overwritten."""
        path = self.path_of(meeting_id, kind)
        try:
            text = decode_record(read_record_bytes(path), path)
        except FileNotFoundError:
            raise NotFoundError.told(f"meeting_has_no_{kind}_yet", meeting=meeting_id) from None
        record = parse_record_file(text, path)
        _check_placement(record, path)
        return record, data_version(text)

    def scan(
        self, account: str | None = None, kind: str | None = None
    ) -> Iterator[Record | Broken]:
        """Every record (of one account — slug or name — and one kind, if given), by account then
        meeting id, prep before debrief. Unreadable files come as :class:`Broken`, never raise."""
        kinds = KINDS if kind is None else (_check_kind(kind),)
        folders = [self._account_dir(self.find_account(account).slug)] if account else None
        for folder in folders if folders is not None else self._account_dirs():
            try:
                self._inside(folder)
                meetings = _meeting_dirs(folder)
            except (StoreError, OSError) as error:
                yield _broken(folder, error)
                continue
            for meeting in meetings:
                self._meeting_dirs.setdefault(meeting.name, meeting)
                for wanted in kinds:
                    path = meeting / record_name(wanted)
                    if os.path.lexists(path):
                        yield self.read_or_broken(path)

    def latest(self, account_slug: str, kind: str) -> Record | None:
        """The account's most recent record of ``kind`` (by meeting date, then creation time)."""
        records = [item for item in self.scan(account_slug, kind) if isinstance(item, Record)]
        if not records:
            return None
        return max(records, key=lambda record: (record.meeting_date or "", record.created_at))

    # ----------------------------------------------------------------------------- internals

    def _ensure_home(self) -> None:
        if self.accounts_dir.is_dir():
            return
        private_dir(self.home)
        private_dir(self._inside(self.accounts_dir))
        write_gitignore(self.home)  # a new home: what is local stays out of git

    def _lock(self, name: str) -> _Lock:
        self._ensure_home()
        folder = private_dir(locks_dir(self.home))
        return _Lock(refuse_link(folder / f"{name}.lock"))

    def _inside(self, path: Path) -> Path:
        """``path`` itself if, symlinks followed, it stays inside the home; StoreError otherwise."""
        return contained(self.home, path)

    def _account_dir(self, slug: str) -> Path:
        if not is_slug(slug):
            raise NotFoundError(f"no account folder {slug!r}")
        folder = self._inside(self.accounts_dir / slug)
        if not folder.is_dir():
            raise NotFoundError(f"no account folder {slug!r}", hint=self._accounts_hint(slug))
        return folder

    def _account_dirs(self) -> list[Path]:
        return [Path(entry.path) for entry in account_entries(self.home)]

    def _meeting_dir(self, meeting_id: str) -> Path:
        if not _MEETING_ID.fullmatch(meeting_id) or len(meeting_id.encode()) > 4 * MAX_BYTES:
            raise NotFoundError(f"no meeting {meeting_id!r}")
        known = self._meeting_dirs.get(meeting_id)
        if known is not None and known.is_dir():
            return self._inside(known)
        found = [
            folder / meeting_id for folder in self._account_dirs() if (folder / meeting_id).is_dir()
        ]
        if not found:
            raise NotFoundError.told("no_meeting", "list_shows_them", meeting=meeting_id)
        if len(found) > 1:
            listed = ", ".join(str(path) for path in found)
            raise StoreError(f"meeting id {meeting_id} is in several folders: {listed}")
        self._meeting_dirs[meeting_id] = found[0]
        return self._inside(found[0])

    def _find_account(self, name: str, key: str) -> tuple[Account | None, str]:
        """The account called ``name`` if it exists, else the first free slug for it."""
        base = slugify(clean_name(name))  # the name as stored: no invisible characters
        try:
            entries = {entry.name for entry in os.scandir(self.accounts_dir)}
        except FileNotFoundError:
            entries = set()
        free: str | None = None
        for number in range(1, len(entries) + 2):
            slug = with_suffix(base, number)
            if slug not in entries:
                free = free or slug
                continue
            folder = self._inside(self.accounts_dir / slug)
            try:
                account = self._read_account(folder / ACCOUNT_FILE)
            except NotFoundError:
                if not folder.is_dir():
                    continue
                if not any(folder.iterdir()):
                    free = free or slug  # an empty folder left by an interrupted creation
                    continue
                # Meetings without account.yaml (deleted, or lost in a merge): rebuild it from
                # the records rather than start a second account "-2" beside this one.
                account = self._rebuild_account(folder)
            if account_name_key(account.name) == key:
                return account, slug
        assert free is not None  # more candidates than entries: one is free
        return None, free

    def _rebuild_account(self, folder: Path) -> Account:
        """``account.yaml`` written again from the records in ``folder``; RecordError if none
        can be read (the folder is then not taken for another account either)."""
        path = folder / ACCOUNT_FILE
        for meeting in _meeting_dirs(folder):
            for kind in KINDS:
                found = self.read_or_broken(meeting / f"{kind}.md")
                if isinstance(found, Record) and found.account.slug == folder.name:
                    account = Account(slug=folder.name, name=found.account.name)
                    try:
                        self._write_account(account, exclusive=True)
                    except FileExistsError:  # rebuilt meanwhile by another salescoach
                        return self._read_account(path)
                    except OSError:  # a read-only home: use it, rebuild it another time
                        return account
                    return account
        raise RecordError(
            path,
            "missing, and no record in the folder to rebuild it from",
            hint="restore account.yaml (e.g. from git), or move the folder out of accounts/",
        )

    def _read_account(self, path: Path) -> Account:
        self._inside(path)
        try:
            text = decode(read_bytes(path, max_bytes=MAX_ACCOUNT_BYTES), path)
            check_no_conflict(text, path)
            document = parse(text, path)
        except (FileNotFoundError, NotADirectoryError):
            raise NotFoundError(f"no account file {path}") from None
        except YamlProblems as error:
            raise RecordError(path, "; ".join(str(p) for p in error.problems)) from None
        if not isinstance(document.value, dict):
            raise RecordError(path, "account.yaml must hold a mapping (slug: ..., name: ...)")
        try:
            account = Account.model_validate(document.value)
        except ValidationError as error:
            raise RecordError(path, "invalid account file: " + describe_validation(error)) from None
        if account.slug != path.parent.name:
            raise RecordError(
                path, f"says slug {account.slug!r} but sits in folder {path.parent.name!r}"
            )
        return account

    def _write_account(self, account: Account, *, exclusive: bool) -> None:
        path = self._inside(self.accounts_dir / account.slug / ACCOUNT_FILE)
        try:
            data = account.model_dump(exclude={"created"} if account.created is None else None)
            text = dump_exact(data, max_bytes=MAX_ACCOUNT_BYTES, what="an account file")
        except UnfaithfulYaml as error:
            raise StoreError(f"cannot save {path}: {error}") from None
        atomic_write(path, text, exclusive=exclusive)

    def _create_record_file(self, path: Path, text: str) -> None:
        try:
            atomic_write(path, text, exclusive=True)
        except FileExistsError:
            raise StoreError(
                f"{path} was created meanwhile by another salescoach",
                hint="load it and try again",
            ) from None

    def _check_unchanged(self, path: Path, record: Record, expected: str) -> None:
        current = data_version(decode_record(read_record_bytes(path), path))
        if current != expected:
            raise RecordChanged(
                f"the {record.kind} of {record.meeting} changed since this edit began "
                "(another edit, or its data edited by hand); nothing was overwritten",
                hint=f"`salescoach show {record.meeting}` shows the version saved meanwhile",
            )

    def _kept_notes(self, path: Path) -> str:
        """The free notes of the record file being replaced; backs the file up if it has none."""
        data = read_record_bytes(path)
        try:
            notes = extract_notes(decode_record(data, path))
        except RecordError:
            notes = None
        if notes is None:
            stamp = parse_timestamp(now_iso()).strftime("%Y%m%dT%H%M%S")
            for number in count(1):
                suffix = "" if number == 1 else f"-{number}"
                backup = path.with_name(f"{path.name}.{stamp}{suffix}.bak")
                with contextlib.suppress(FileExistsError):
                    atomic_write(backup, data, exclusive=True)
                    break
            return ""
        return notes

    def read_or_broken(self, path: Path, *, known_inside: bool = False) -> Record | Broken:
        """One record file inside the home, checked like :meth:`scan` checks it; never raises
        for a bad file (a derived index re-reads changed files through this).

        ``known_inside``: the caller has checked that no link leads the path out of the home.
        """
        try:
            if not known_inside:
                if self._real_home is None:
                    self._real_home = self.home.resolve()
                contained(self.home, path, real_root=self._real_home)
            record = read_record_file(path)
            _check_placement(record, path)
        except (SalescoachError, OSError) as error:
            return _broken(path, error)
        return record

    _read_or_broken = read_or_broken  # the first index code used the private name

    def _accounts_hint(self, name: str) -> str | None:
        close = self._close_accounts(name)
        return "did you mean: " + close if close else None

    def _close_accounts(self, name: str) -> str:
        """The accounts whose name is close to ``name``, comma-separated ('' if none)."""
        names = self._account_names()
        return ", ".join(difflib.get_close_matches(name, names, n=5, cutoff=0.5))

    def _account_names(self) -> list[str]:
        """Every account's name: from the index for the accounts that have records (one query
        where a home of a thousand accounts had a thousand ``account.yaml`` to read), from
        ``account.yaml`` for the others."""
        from salescoach.store.index import Index

        try:
            with Index.open(self.home) as index:
                indexed = index.account_names()
        except StoreError:  # a busy index: the files say the same
            indexed = {}
        names = []
        for folder in self._account_dirs():
            if folder.name in indexed:
                names.append(indexed[folder.name])
                continue
            try:
                names.append(self._read_account(self._inside(folder / ACCOUNT_FILE)).name)
            except (NotFoundError, RecordError, StoreError):
                continue
        return names


class _Lock:
    """A cross-process lock whose timeout becomes a StoreError the user can act on."""

    def __init__(self, path: Path) -> None:
        # Imported here: filelock imports asyncio and logging (~15 ms), which a command that
        # only reads (show, list, debrief --example-answers) never needs.
        from filelock import FileLock

        self.path = path
        self._lock = FileLock(path, timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"another salescoach has held {self.path} for {LOCK_TIMEOUT_SECONDS:.0f} s",
                hint="wait for it to finish, or delete the lock file if no salescoach is running",
            ) from None

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()


def _meeting_dirs(folder: Path) -> list[Path]:
    return [Path(entry.path) for entry in meeting_entries(folder)]


def _meeting_base(
    date: str, account_slug: str, meeting_type: str | None, author: str | None = None
) -> str:
    parts = [date, account_slug]
    if meeting_type:
        parts.append(slugify(meeting_type, fallback="meeting"))
    if author:
        parts.append(slugify(author, fallback="rep")[:40].strip("-"))
    return "-".join(parts)


def _abandoned(folder: Path) -> bool:
    """An empty meeting folder nobody has touched for an hour (a reservation that died)."""
    try:
        stale = folder.stat().st_mtime < time.time() - STALE_AFTER_SECONDS
        return folder.is_dir() and not folder.is_symlink() and stale and not any(folder.iterdir())
    except OSError:
        return False


def _render(record: Record, body: str, path: Path) -> str:
    try:
        return render_record_file(record, body)
    except UnfaithfulYaml as error:
        raise _unsavable(path, error) from None


def _unsavable(path: Path, error: UnfaithfulYaml) -> StoreError:
    hint = "shorten the longest answers" if isinstance(error, TooLarge) else None
    return StoreError(f"cannot save {path}: {error}", hint=hint)


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def _check_placement(record: Record, path: Path) -> None:
    """A record must sit where its data says: ``<account>/<meeting>/<kind>.md``."""
    meeting_dir = path.parent
    expected = (record.account.slug, record.meeting, record_name(record.kind))
    actual = (meeting_dir.parent.name, meeting_dir.name, path.name)
    if expected != actual:
        raise RecordError(
            path,
            f"its data says {'/'.join(expected)} but the file is {'/'.join(actual)}",
            hint="move the file back, or fix account.slug, meeting and kind in its front matter",
        )


def _broken(path: Path, error: Exception) -> Broken:
    if isinstance(error, RecordError):
        message = error.message.removeprefix(f"{error.path}: ")
        if error.hint:
            message += f" ({error.hint})"
        return Broken(path, message)
    if isinstance(error, SalescoachError):
        return Broken(path, str(error).replace("\n", " "))
    if isinstance(error, OSError):
        return Broken(path, f"cannot read: {error.strerror or error}")
    return Broken(path, str(error))
