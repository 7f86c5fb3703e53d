"""Drafts: interrupted sessions saved atomically and found again, broken ones skipped."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path
from typing import Any

import pytest

from salescoach.errors import NotFoundError, RecordError
from salescoach.store.drafts import Draft, Drafts
from salescoach.store.record import PlaybookUse


def make_draft(draft_id: str, updated: str = "2026-11-28T10:00:00+01:00", **changes: Any) -> Draft:
    fields: dict[str, Any] = {
        "id": draft_id,
        "kind": "prep",
        "account": "Société Générale",
        "meeting": None,
        "meeting_type": "negotiation",
        "flow": "prep-flow",
        "language": "fr",
        "answers": {"meeting": {"type": "negotiation", "note": "NO\n---\n\x85 🎉"}},
        "playbooks": [PlaybookUse(id="meeting", version=1, language="fr", source="built-in")],
        "created": "2026-11-28T09:00:00+01:00",
        "updated": updated,
        "position": "meeting.type",
    }
    fields.update(changes)
    return Draft(**fields)


@pytest.fixture
def drafts(home: Path) -> Drafts:
    return Drafts(home)


@pytest.mark.usefixtures("umask_zero")
def test_save_load_delete(drafts: Drafts, home: Path) -> None:
    draft = make_draft("20261128-090000-prep-societe-generale")
    path = drafts.save(draft)
    assert path == home / "drafts" / "20261128-090000-prep-societe-generale.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert drafts.load(draft.id) == draft
    drafts.save(draft.model_copy(update={"position": "opa.objectives"}))
    assert drafts.load(draft.id).position == "opa.objectives"
    drafts.delete(draft.id)
    with pytest.raises(NotFoundError):
        drafts.load(draft.id)
    with pytest.raises(NotFoundError):
        drafts.delete(draft.id)
    drafts.delete(draft.id, missing_ok=True)


def test_list_is_most_recent_first_and_skips_broken_drafts(drafts: Drafts, home: Path) -> None:
    older = make_draft("a-older", updated="2026-11-28T10:00:00+01:00")
    newer = make_draft("b-newer", updated="2026-11-28T09:30:00Z")  # 10:30 in Paris
    drafts.save(older)
    drafts.save(newer)
    folder = home / "drafts"
    (folder / "c-broken.yaml").write_text("id: [c\n")
    (folder / "d-not-a-mapping.yaml").write_text("- d\n")
    (folder / "e-wrong-id.yaml").write_text((folder / "a-older.yaml").read_text())
    (folder / "f-latin1.yaml").write_bytes(b"id: caf\xe9\n")
    (folder / ".a-older.yaml.tmp-0123abcd").write_text("half")
    (folder / "README.txt").write_text("not a draft")
    assert [draft.id for draft in drafts.list()] == ["b-newer", "a-older"]
    assert sorted(problem.path.name for problem in drafts.problems) == [
        "c-broken.yaml",
        "d-not-a-mapping.yaml",
        "e-wrong-id.yaml",
        "f-latin1.yaml",
    ]
    with pytest.raises(RecordError, match="holds draft"):
        drafts.load("e-wrong-id")


def test_list_without_drafts(drafts: Drafts) -> None:
    assert drafts.list() == []
    assert drafts.problems == []


def test_new_ids_are_readable_and_unused(drafts: Drafts) -> None:
    moment = dt.datetime(2026, 11, 28, 14, 30, 12)
    first = drafts.new_id("prep", "Société Générale", now=moment)
    assert first == "20261128-143012-prep-societe-generale"
    drafts.save(make_draft(first))
    assert drafts.new_id("prep", "Société Générale", now=moment) == f"{first}-2"


@pytest.mark.parametrize("bad", ["../escape", "a/b", ".hidden", "", "UPPER"])
def test_ids_cannot_leave_the_drafts_folder(drafts: Drafts, bad: str) -> None:
    with pytest.raises(ValueError):
        make_draft(bad)
    with pytest.raises(NotFoundError):
        drafts.load(bad)


def test_a_draft_may_carry_the_meeting_of_a_debrief(drafts: Drafts) -> None:
    draft = make_draft("x", kind="debrief", meeting="2026-11-28-acme-negotiation")
    drafts.save(draft)
    assert drafts.load("x").meeting == "2026-11-28-acme-negotiation"
