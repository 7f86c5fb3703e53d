"""``prep --invite``: an invitation saved from Outlook pre-fills the prep, end to end."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salescoach.store.repository import Repository

OUTLOOK = Path(__file__).parent.parent / "fixtures" / "invitations" / "outlook-invitation.ics"


@pytest.fixture(autouse=True)
def paris_rep(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A rep in Paris whose address is known ($EMAIL)."""
    monkeypatch.setenv("EMAIL", "sam.rep@northwind-software.example")
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_invitation_pre_fills_a_prep(
    isolated_home: Path, tmp_path: Path, salescoach: Any
) -> None:
    examples = salescoach(
        "prep", "--invite", str(OUTLOOK), "--type", "discovery", "--example-answers"
    )
    assert examples.code == 0, examples.stderr
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples.stdout, encoding="utf-8")
    done = salescoach("prep", "--invite", str(OUTLOOK), "--answers", str(answers), "--no-input")
    assert done.code == 0, done.stderr
    assert "From the invitation: 2026-12-10 14:30, Acme Logistics, 3 contacts." in done.stderr
    [record] = Repository(isolated_home).scan(kind="prep")
    assert not isinstance(record, Exception)
    assert record.account.name == "Acme Logistics"  # type: ignore[union-attr]
    assert (record.meeting_date, record.meeting_time) == ("2026-12-10", "14:30")  # type: ignore[union-attr]
    contacts = record.answers["meeting"]["contacts"]  # type: ignore[union-attr]
    assert [(c["name"], c["email"]) for c in contacts] == [
        ("Claire Martin", "claire.martin@acme-logistics.example"),
        ("Paul Girard", "paul.girard@acme-logistics.example"),
        ("Léa Dubois", "lea.dubois@acme-logistics.example"),
    ]
    assert record.event is not None and record.event.uid.endswith("@salescoach")  # type: ignore[union-attr]


def test_a_file_that_is_no_invitation_is_exit_1_without_traceback(
    tmp_path: Path, salescoach: Any
) -> None:
    broken = tmp_path / "invite.ics"
    broken.write_text("this is a mail, not a calendar\n", encoding="utf-8")
    failed = salescoach("prep", "--invite", str(broken), "--no-input")
    assert failed.code == 1
    assert f"{broken}: not an iCalendar file" in failed.stderr
    assert "save the invitation from your mail client" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert os.environ["TZ"] == "Europe/Paris"
