"""A save that fails at the end keeps what was typed: a draft, or the answers themselves."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from salescoach.paths import builtin_playbooks
from salescoach.playbook.library import Library, search_path
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.store.drafts import Drafts
from salescoach.store.repository import Repository
from salescoach.workflow import SaveFailed, save_or_keep, save_prep
from salescoach.yamlio import parse


@pytest.fixture
def finished(isolated_home: Path) -> tuple[Library, Session]:
    assert builtin_playbooks().is_dir()
    library = Library.load("en", search_path("en", [], []))
    session = Session(
        library,
        "prep-flow",
        ExamplePrompter(),
        prefill={"meeting": {"account": "Acme", "type": "discovery"}},
    )
    session.run()
    return library, session


def _disk_full(path: Path, data: str | bytes, *, exclusive: bool = False) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def _save(library: Library, session: Session, home: Path) -> object:
    repository = Repository(home)
    return save_or_keep(
        lambda: save_prep(
            repository,
            library,
            session,
            account_name="Acme",
            language="en",
            today=dt.date(2026, 12, 1),
        ),
        Drafts(home),
        session,
        kind="prep",
        account_name="Acme",
        meeting=None,
        language="en",
    )


def test_a_full_disk_at_the_save_keeps_a_draft_and_names_the_file(
    finished: tuple[Library, Session], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, session = finished
    Repository(isolated_home).account_slug("Acme")
    monkeypatch.setattr("salescoach.store.repository.atomic_write", _disk_full)
    with pytest.raises(SaveFailed) as raised:
        _save(library, session, isolated_home)
    error = raised.value
    assert "prep.md" in error.message and "No space left on device" in error.message
    assert error.hint is not None and "salescoach resume 2" in error.hint
    [draft] = Drafts(isolated_home).list()
    assert draft.answers == session.answers
    assert [path.name for path in (isolated_home / "accounts" / "acme").iterdir()] == [
        "account.yaml"
    ]


def test_when_not_even_a_draft_can_be_written_the_answers_are_in_the_error(
    finished: tuple[Library, Session], isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, session = finished
    Repository(isolated_home).account_slug("Acme")
    monkeypatch.setattr("salescoach.store.repository.atomic_write", _disk_full)
    monkeypatch.setattr("salescoach.store.drafts.atomic_write", _disk_full)
    with pytest.raises(SaveFailed) as raised:
        _save(library, session, isolated_home)
    hint = raised.value.hint or ""
    assert "No draft could be kept either" in hint
    answers_file = hint.split("--answers:\n", 1)[1]
    assert parse(answers_file, "hint").value == session.answers
