"""The drill's file: each card's schedule and every review, ``<home>/drill.yaml``.

One YAML file a person can read (what they answered, how they rated it, when each card is due
next), private (0600) and rewritten atomically after every rating, so an interrupted drill keeps
every rating given. Each read-modify-write holds a lock (``drill.lock``, among the home's local
files: :mod:`salescoach.store.local`): two drills at once lose no review. A file that cannot
be read is an error naming it; it is never overwritten.

A card the library no longer has is marked ``dropped`` (its reviews are kept, and its schedule
resumes if it comes back); a card new to the deck is added with the time it was first seen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from salescoach.errors import RecordError, StoreError
from salescoach.store.atomic import FILE_MODE, atomic_write, private_dir, store_errors
from salescoach.store.layout import DRILL_FILE
from salescoach.store.record import Timestamp, describe_validation, parse_timestamp
from salescoach.store.serialize import dump_exact
from salescoach.yamlio import YamlProblems, decode, parse

LOCK_FILE = "drill.lock"
LOCK_TIMEOUT_SECONDS = 10.0
DRILL_SCHEMA = 1
MAX_DRILL_BYTES = 20_000_000
"""A rep drilling daily for years writes a few megabytes; past this the file is refused."""
HEADER = (
    "# Your objection drill: each card's schedule (FSRS) and every review, written by\n"
    "# `salescoach drill`. Readable, and yours; edit it only if you know what you change.\n"
)

Rating = Literal["again", "hard", "good", "easy"]
RATINGS: tuple[Rating, ...] = ("again", "hard", "good", "easy")
Phase = Literal["learning", "review", "relearning"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Review(_Model):
    """One go at a card: when, how the rep rated their answer, and the answer itself."""

    at: Timestamp
    rating: Rating | None = None
    """``None``: the rep answered, then stopped before rating (the answer is kept all the same)."""
    answer: str = ""


class CardState(_Model):
    """A card's schedule (FSRS's card state) and history."""

    title: str
    """The card's prompt when last seen: names it when it is dropped."""
    source: Literal["library", "team", "debrief"]
    added: Timestamp
    dropped: Timestamp | None = None
    """Set when the library no longer has the card; cleared if it comes back."""
    due: Timestamp | None = None
    """``None`` until the first rating: a new card."""
    phase: Phase | None = None
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: Timestamp | None = None
    reviews: list[Review] = Field(default_factory=list)

    @property
    def rated(self) -> list[Review]:
        """The reviews with a rating, oldest first."""
        return [review for review in self.reviews if review.rating is not None]

    def due_at(self) -> dt.datetime | None:
        """When the card is due, or ``None`` for a card never rated."""
        return None if self.due is None else parse_timestamp(self.due)

    def last_reviewed(self) -> dt.datetime | None:
        """When the card was last rated, or ``None``."""
        return None if self.last_review is None else parse_timestamp(self.last_review)


class DrillLog(_Model):
    """The whole file: the cards by key, in the order they joined the deck."""

    schema_version: int = DRILL_SCHEMA
    cards: dict[str, CardState] = Field(default_factory=dict)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > DRILL_SCHEMA:
            raise ValueError(f"written by a newer salescoach (drill schema {value}); upgrade")
        return value

    def active(self) -> dict[str, CardState]:
        """The cards not dropped."""
        return {key: card for key, card in self.cards.items() if card.dropped is None}


def drill_path(home: Path) -> Path:
    """Where a home keeps its drill file."""
    return Path(home) / DRILL_FILE


def read_log(home: Path) -> DrillLog:
    """The home's drill log (empty when there is none); RecordError when it cannot be read."""
    path = drill_path(home)
    if path.is_symlink():
        raise RecordError(path, "is a symbolic link; the drill file is a plain file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return DrillLog()
    except OSError as error:
        raise RecordError(path, f"cannot read: {error.strerror or error}") from None
    hint = "fix it by hand, or move it aside to start a new schedule; it is never overwritten"
    if len(data) > MAX_DRILL_BYTES:
        raise RecordError(path, f"file is larger than {MAX_DRILL_BYTES:,} bytes", hint=hint)
    try:
        document = parse(decode(data, path), path, max_bytes=MAX_DRILL_BYTES)
    except YamlProblems as error:
        raise RecordError(path, "; ".join(str(p) for p in error.problems), hint=hint) from None
    if document.value is None:
        return DrillLog()
    if not isinstance(document.value, dict):
        raise RecordError(path, "expected a mapping (schema_version: ..., cards: ...)", hint=hint)
    try:
        return DrillLog.model_validate(document.value)
    except ValidationError as error:
        raise RecordError(
            path, "invalid drill file: " + describe_validation(error), hint=hint
        ) from None


@store_errors
def write_log(home: Path, log: DrillLog) -> Path:
    """Write the drill log atomically (0600); return its path. Hold :func:`locked` around a
    read-modify-write."""
    path = drill_path(home)
    private_dir(path.parent)
    text = HEADER + dump_exact(log.model_dump(exclude_none=True), max_bytes=MAX_DRILL_BYTES)
    atomic_write(path, text)
    return path


@contextlib.contextmanager
def locked(home: Path) -> Iterator[None]:
    """Hold the home's drill lock (a StoreError after :data:`LOCK_TIMEOUT_SECONDS`)."""
    from filelock import FileLock, Timeout

    from salescoach.store.atomic import refuse_link
    from salescoach.store.local import locks_dir

    lock_path = refuse_link(private_dir(locks_dir(home)) / LOCK_FILE)
    lock = FileLock(lock_path, timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"another salescoach drill has held {lock_path} for {LOCK_TIMEOUT_SECONDS:.0f} s",
            hint="wait for it to finish, or delete the lock file if no salescoach is running",
        ) from None
    try:
        yield
    finally:
        lock.release()
