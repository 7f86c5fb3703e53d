"""The record model: the data of one prep or debrief, as stored in its file's front matter.

A record read from disk goes through :func:`validate_record`, which first brings an older
``schema_version`` up to :data:`CURRENT_SCHEMA` through :data:`MIGRATIONS` (one function per
version step), and refuses a newer one: the file was written by a newer salescoach.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from salescoach.errors import RecordError

CURRENT_SCHEMA = 3
Kind = Literal["prep", "debrief"]
KINDS: tuple[Kind, ...] = ("prep", "debrief")
StepStatus = Literal["open", "done", "dropped"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    # 2 adds meeting_time, event and steps, all optional: a version-1 file reads as it is.
    1: lambda data: {**data, "schema_version": 2},
    # 3 makes records portable: a playbook used says built-in or team (and the team's commit)
    # instead of how this machine found it and its absolute path (see PlaybookUse), and a
    # record may name its author. Old entries are read as they are and written the new way.
    2: lambda data: {**data, "schema_version": 3},
}
"""``MIGRATIONS[n]`` turns the front matter of schema version ``n`` into version ``n + 1``.

Each function receives a plain dict (already checked to be a mapping) and returns the new one,
``schema_version`` included. Add an entry whenever :data:`CURRENT_SCHEMA` is raised.
"""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _checked_timestamp(value: str) -> str:
    parse_timestamp(value)
    return value


def _checked_plain(value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    if not (info.context and info.context.get(PLAIN)):
        check_plain(value)
    return value


PLAIN = "plain"
"""The validation context key by which a caller vouches that the data holds only plain values
(:func:`check_plain` would find nothing): the fast front-matter reader builds nothing else."""


Timestamp = Annotated[str, AfterValidator(_checked_timestamp)]
"""An ISO datetime with its offset, as records and drafts store ``created`` and ``updated``."""
PlainAnswers = Annotated[dict[str, dict[str, Any]], AfterValidator(_checked_plain)]
"""Namespaced answers holding only plain YAML-safe data: each namespace (a playbook id) maps
question ids to answers, so a hand-edited ``meeting: some text`` is a located problem rather
than a crash wherever ``answers["meeting"]`` is read."""


PlaybookSource = Literal["built-in", "team"]


class PlaybookUse(BaseModel):
    """A playbook a record was made with: which one, which version, built-in or the team's.

    Nothing in it depends on the machine: no path, and not how this machine found the team
    directory. ``commit`` is the team repository's commit when the team directory is a git
    work tree, so a record says exactly which playbook asked it.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str
    version: int | str
    language: str
    source: PlaybookSource
    commit: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_machine_local(cls, data: Any) -> Any:
        """Records and drafts written before schema 3 say ``origin`` (``builtin``, ``config``,
        ``env``, ``option``) and the file's absolute ``path``: read, never written again."""
        if isinstance(data, dict) and "origin" in data and "source" not in data:
            origin = data["origin"]
            data = {key: value for key, value in data.items() if key not in ("origin", "path")}
            data["source"] = "built-in" if origin in ("builtin", "built-in") else "team"
        return data


DepthName = Literal["quick", "standard", "full"]


class CarriedFrom(BaseModel):
    """Where an answer carried forward from an earlier record of the account comes from."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    meeting: str
    kind: Kind
    date: str | None = None


class AccountRef(BaseModel):
    """The account a record belongs to: its folder's slug and its real name."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    slug: str
    name: str


class CalendarEvent(BaseModel):
    """How a calendar knows an event exported from a record: a UID kept for good, and a
    SEQUENCE raised each time the event changes (so a re-import updates, never duplicates)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    uid: str = Field(min_length=1)
    sequence: int = Field(default=0, ge=0)


class StepState(BaseModel):
    """Where one next step of a debrief stands: kept beside the answers, never inside them.

    ``action`` is the step's action when the state was made, so an edited debrief finds its
    steps again; ``due`` is set only when the step was moved (the answer keeps the agreed date).
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    id: str = Field(pattern=r"^[a-z0-9]{4,12}$")
    action: str
    status: StepStatus = "open"
    due: str | None = None
    changed: Timestamp | None = None
    event: CalendarEvent

    @field_validator("due")
    @classmethod
    def _iso_due(cls, value: str | None) -> str | None:
        if value is not None:
            check_date(value)
        return value


class Record(BaseModel):
    """A prep or a debrief; ``notes`` (the rep's free text) lives in the body, not the data."""

    model_config = ConfigDict(extra="forbid", strict=True)

    schema_version: int = CURRENT_SCHEMA
    kind: Kind
    meeting: str
    account: AccountRef
    meeting_type: str | None = None
    meeting_date: str | None = None
    meeting_time: str | None = None
    """``HH:MM``, local time, when the prep gave one (the calendar then has a timed event)."""
    created: Timestamp
    updated: Timestamp
    author: str | None = None
    """The rep who wrote it: the config's ``author``, else git's ``user.name``."""
    language: str
    flow: str | None = None
    playbooks: list[PlaybookUse] = Field(default_factory=list)
    answers: PlainAnswers = Field(default_factory=dict)
    depth: DepthName | None = None
    """How much of the method was walked; records written before depths existed say nothing
    (they are full walks)."""
    carried: dict[str, CarriedFrom] = Field(default_factory=dict)
    """Answer ids kept from earlier records of the account (``meeting.contacts``) and whence."""
    event: CalendarEvent | None = None
    """A prep's meeting as a calendar event."""
    steps: list[StepState] = Field(default_factory=list)
    """A debrief's next steps and their state (done, moved, dropped), by stable id."""
    tags: list[str] = Field(default_factory=list)
    """The tags added by hand, kept. The file also holds salescoach's own (:func:`own_tags`),
    written from the data on every save and left out here when read."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Front-matter keys salescoach does not know (``aliases``, another tool's fields), kept as
    they were written, after salescoach's own keys."""
    notes: str = ""

    @field_validator("tags", mode="before")
    @classmethod
    def _tags_as_list(cls, value: Any) -> Any:
        # Obsidian also reads `tags: a, b` and `tags: a b`; keep them, as a list.
        if isinstance(value, str):
            value = [tag for tag in re.split(r"[,\s]+", value) if tag]
        if value is None:
            return []
        if isinstance(value, list):
            return [tag for tag in value if not (isinstance(tag, str) and _is_own(tag))]
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != CURRENT_SCHEMA:
            raise ValueError(f"schema_version must be {CURRENT_SCHEMA} once migrated")
        return value

    @field_validator("meeting_date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            check_date(value)
        return value

    @field_validator("meeting_time")
    @classmethod
    def _clock_time(cls, value: str | None) -> str | None:
        if value is not None and not _TIME.fullmatch(value):
            raise ValueError(f"expected a time as HH:MM, got {value!r}")
        return value

    def front_matter(self) -> dict[str, Any]:
        """The data written as YAML front matter: everything but ``notes``; the calendar,
        next-step and author fields only when they hold something; salescoach's tags then the
        hand-added ones; unknown keys last, as they were."""
        data = self.model_dump(mode="python", exclude={"notes", "extra"})
        for name in ("meeting_time", "event", "steps", "author"):
            if not data[name]:
                del data[name]
        for use in data["playbooks"]:
            if use["commit"] is None:
                del use["commit"]
        data["tags"] = own_tags(self) + [tag for tag in self.tags if not _is_own(tag)]
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data

    @property
    def created_at(self) -> dt.datetime:
        """``created`` as an aware datetime, for sorting records written in different time zones."""
        return parse_timestamp(self.created)

    @property
    def updated_at(self) -> dt.datetime:
        """``updated`` as an aware datetime."""
        return parse_timestamp(self.updated)


OWN_TAG_PREFIXES = ("salescoach/", "account/", "type/")
"""Tags under these are salescoach's: rewritten from the data on every save."""


def own_tags(record: Record) -> list[str]:
    """The tags salescoach gives a record: its kind, its account, its meeting type
    (``salescoach/prep``, ``account/acme``, ``type/negotiation``), as Obsidian writes tags."""
    tags = [f"salescoach/{record.kind}", f"account/{record.account.slug}"]
    if record.meeting_type:
        tags.append(f"type/{_tag_word(record.meeting_type)}")
    return tags


def _is_own(tag: str) -> bool:
    return tag.startswith(OWN_TAG_PREFIXES)


def _tag_word(text: str) -> str:
    # Obsidian tags hold letters, digits, `_`, `-` and `/`: anything else becomes `-`.
    return re.sub(r"[^\w/-]+", "-", text.strip()).strip("-") or "other"


def now_iso() -> str:
    """The current local time as an ISO 8601 string with its UTC offset, to the second."""
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def check_date(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date; ``ValueError`` for any other shape or an impossible day."""
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a valid date: {error}") from None


def parse_timestamp(value: str) -> dt.datetime:
    """Parse an ISO 8601 date and time that carries a UTC offset; ``ValueError`` otherwise."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO date and time, got {value!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{value!r} has no time zone (add an offset such as +01:00 or Z)")
    return moment


def check_plain(value: Any) -> None:
    """Refuse anything YAML could not store faithfully: only dicts with string keys, lists,
    strings, ints, finite floats, booleans and None are answers."""
    if not _is_plain(value):
        _refuse_not_plain(value)


def _is_plain(value: Any) -> bool:
    """:func:`check_plain` without naming where: no path is built for data that is fine."""
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and _SURROGATE.search(item):
                return False
        elif kind is dict:
            for key in item:
                if type(key) is not str:
                    return False
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
        elif kind is float:
            if not math.isfinite(item):
                return False
        elif item is not None and kind is not bool and kind is not int:
            return False  # a subclass, a tuple, a date…: the full check names it
    return True


def _refuse_not_plain(value: Any) -> None:
    pending: list[tuple[str, Any]] = [("", value)]
    while pending:
        where, item = pending.pop()
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str):
                    raise ValueError(f"{where or 'answers'}: key {key!r} is not a string")
                pending.append((f"{where}.{key}" if where else key, inner))
        elif isinstance(item, list):
            pending.extend((f"{where}[{index}]", inner) for index, inner in enumerate(item))
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise ValueError(f"{where}: {item} is not a finite number")
        elif isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                raise ValueError(f"{where}: text contains a lone surrogate, not valid Unicode")
        elif item is not None and not isinstance(item, bool | int):
            raise ValueError(f"{where}: {type(item).__name__} is not plain data")


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring front-matter data to :data:`CURRENT_SCHEMA` through :data:`MIGRATIONS`.

    A missing or non-integer version, a version newer than this salescoach knows ("upgrade
    salescoach") or one no migration chain reaches raise :class:`RecordError`.
    """
    version = data.get("schema_version")
    if version is None:
        raise RecordError(path, "front matter has no schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise RecordError(path, f"schema_version must be a whole number, found {version!r}")
    if version > CURRENT_SCHEMA:
        raise RecordError(
            path,
            f"written with record schema {version}; this salescoach reads up to {CURRENT_SCHEMA}",
            hint="upgrade salescoach to read it",
        )
    while version < CURRENT_SCHEMA:
        step = MIGRATIONS.get(version)
        if step is None:
            raise RecordError(path, f"record schema {version} is too old to be read (no migration)")
        data = step(dict(data))
        next_version = data.get("schema_version")
        if next_version != version + 1:
            raise RecordError(
                path, f"migration from schema {version} did not produce schema {version + 1}"
            )
        version = next_version
    return data


def validate_record(data: Any, path: Path, notes: str = "", *, plain: bool = False) -> Record:
    """Migrate and validate front-matter data read from ``path``; RecordError names each problem.

    ``plain``: the data is known to hold only plain values (dicts with string keys, lists,
    strings, whole numbers, finite floats, booleans, None; no lone surrogate), as the fast
    front-matter reader returns them: the answers are not walked again to check it.
    """
    if not isinstance(data, dict):
        raise RecordError(path, f"front matter must be a mapping, found {_kind_of(data)}")
    data = migrate(data, path)
    known = {key: value for key, value in data.items() if key in _KNOWN_KEYS}
    unknown = {key: value for key, value in data.items() if key not in _KNOWN_KEYS}
    try:
        return Record.model_validate(
            {**known, "extra": unknown, "notes": notes}, context=_PLAIN_DATA if plain else None
        )
    except ValidationError as error:
        raise RecordError(path, "invalid record: " + describe_validation(error)) from None


_PLAIN_DATA = {PLAIN: True}
_KNOWN_KEYS = frozenset(Record.model_fields) - {"extra", "notes"}
"""The front-matter keys that are salescoach's; any other is kept in :attr:`Record.extra`."""


def describe_validation(error: ValidationError) -> str:
    """One line per problem of a pydantic error: ``field.path: message``."""
    lines = []
    for problem in error.errors(include_url=False):
        where = ".".join(str(step) for step in problem["loc"]) or "(top level)"
        lines.append(f"{where}: {problem['msg']}")
    return "; ".join(lines)


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (empty)"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
