"""Interrupted sessions, kept as drafts so ``salescoach resume`` goes on where they stopped.

One YAML file per draft, ``<home>/drafts/<id>.yaml``, written atomically (0600) each time the
session saves it, deleted once the record is saved.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from salescoach.errors import Broken, NotFoundError, RecordError, StoreError
from salescoach.paths import expand
from salescoach.store.atomic import (
    atomic_write,
    clean_stale_temps,
    contained,
    is_temp_name,
    private_dir,
    store_errors,
)
from salescoach.store.layout import DRAFTS_DIR
from salescoach.store.record import (
    CarriedFrom,
    DepthName,
    PlainAnswers,
    PlaybookUse,
    Timestamp,
    describe_validation,
    parse_timestamp,
)
from salescoach.store.serialize import UnfaithfulYaml, dump_exact
from salescoach.store.slug import slugify
from salescoach.yamlio import YamlProblems, decode, parse, read_bytes

DRAFT_SCHEMA = 1
MAX_DRAFT_BYTES = 5_000_000
_DRAFT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,150}")


class Draft(BaseModel):
    """An unfinished prep or debrief: what was answered so far, and where the session stopped."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    schema_version: int = DRAFT_SCHEMA
    id: str
    kind: Literal["prep", "debrief"]
    account: str
    """The account's real name, as the rep typed it (the account may not exist yet)."""
    meeting: str | None = None
    meeting_type: str | None = None
    flow: str | None = None
    language: str
    answers: PlainAnswers = Field(default_factory=dict)
    playbooks: list[PlaybookUse] = Field(default_factory=list)
    created: Timestamp
    updated: Timestamp
    position: str | None = None
    """The key of the last answer given; the session resumes after it."""
    depth: DepthName | None = None
    carried: dict[str, CarriedFrom] = Field(default_factory=dict)
    skipped: list[str] = Field(default_factory=list)
    """Answer ids (``meeting.time``) asked and left empty: a resume does not ask them again."""

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > DRAFT_SCHEMA:
            raise ValueError(f"written by a newer salescoach (draft schema {value}); upgrade")
        return value

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        if not is_draft_id(value):
            raise ValueError(f"{value!r} is not a draft id (lower-case letters, digits, hyphens)")
        return value


def is_draft_id(text: str) -> bool:
    """Whether ``text`` can name a draft file (no separators, no leading dot, bounded length)."""
    return _DRAFT_ID.fullmatch(text) is not None


class Drafts:
    """The drafts under one data home."""

    def __init__(self, home: Path) -> None:
        self.home = expand(Path(home)).absolute()
        self.directory = self.home / DRAFTS_DIR
        self.problems: list[Broken] = []
        """Drafts the last :meth:`list` had to skip, with why."""

    def new_id(self, kind: str, account_name: str, now: dt.datetime | None = None) -> str:
        """A readable id not used by any draft yet: ``20261128-143012-prep-acme``."""
        moment = now or dt.datetime.now().astimezone()
        base = f"{moment:%Y%m%d-%H%M%S}-{kind}-{slugify(account_name)}"[:140].rstrip("-")
        number = 1
        candidate = base
        while os.path.lexists(self._path(candidate)):
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    @store_errors
    def save(self, draft: Draft) -> Path:
        """Write (or rewrite) a draft atomically; return its path."""
        private_dir(contained(self.home, self.directory))
        path = self._path(draft.id)
        try:
            text = dump_exact(draft.model_dump(), max_bytes=MAX_DRAFT_BYTES, what="a draft")
        except UnfaithfulYaml as error:
            raise StoreError(f"cannot save draft {draft.id}: {error}") from None
        # A link in the draft's place is replaced, never followed: os.replace renames over it.
        atomic_write(path, text)
        clean_stale_temps(self.directory)
        return path

    def list(self) -> list[Draft]:
        """Every readable draft, most recently updated first; the others go to :attr:`problems`."""
        self.problems = []
        drafts: list[Draft] = []
        try:
            entries = sorted(
                os.scandir(contained(self.home, self.directory)), key=lambda entry: entry.name
            )
        except FileNotFoundError:
            return drafts
        for entry in entries:
            if not entry.name.endswith(".yaml") or is_temp_name(entry.name):
                continue
            path = Path(entry.path)
            try:
                drafts.append(self._read(path, entry.name.removesuffix(".yaml")))
            except RecordError as error:
                message = error.message.removeprefix(f"{error.path}: ")
                self.problems.append(Broken(path, message))
        drafts.sort(key=lambda draft: parse_timestamp(draft.updated), reverse=True)
        return drafts

    def load(self, draft_id: str) -> Draft:
        """One draft by id; NotFoundError if there is none, RecordError if it is unreadable."""
        return self._read(self._path(draft_id), draft_id)

    @store_errors
    def delete(self, draft_id: str, *, missing_ok: bool = False) -> None:
        """Remove a draft; NotFoundError if there is none (unless ``missing_ok``)."""
        try:
            self._path(draft_id).unlink()
        except FileNotFoundError:
            if not missing_ok:
                raise NotFoundError.told(
                    "no_draft", "resume_lists_drafts", draft=draft_id
                ) from None

    def _path(self, draft_id: str) -> Path:
        if not is_draft_id(draft_id):
            raise NotFoundError.told("no_draft", "resume_lists_drafts", draft=draft_id)
        return contained(self.home, self.directory) / f"{draft_id}.yaml"

    def _read(self, path: Path, draft_id: str) -> Draft:
        if path.is_symlink():
            raise RecordError(path, "is a symbolic link; drafts are plain files")
        try:
            data = read_bytes(path, max_bytes=MAX_DRAFT_BYTES)
            document = parse(decode(data, path), path, max_bytes=MAX_DRAFT_BYTES)
        except FileNotFoundError:
            raise NotFoundError.told("no_draft", "resume_lists_drafts", draft=draft_id) from None
        except YamlProblems as error:
            raise RecordError(path, "; ".join(str(p) for p in error.problems)) from None
        if not isinstance(document.value, dict):
            raise RecordError(path, "a draft must hold a mapping (id: ..., kind: ...)")
        try:
            draft = Draft.model_validate(document.value)
        except ValidationError as error:
            raise RecordError(path, "invalid draft: " + describe_validation(error)) from None
        if draft.id != draft_id:
            raise RecordError(path, f"holds draft {draft.id!r}, not {draft_id!r}")
        return draft
