"""The record model and its schema versions: strict fields, migrations, newer files refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from salescoach.errors import RecordError
from salescoach.store import record as record_module
from salescoach.store.record import (
    CURRENT_SCHEMA,
    AccountRef,
    Record,
    check_plain,
    migrate,
    now_iso,
    parse_timestamp,
    validate_record,
)
from tests.store.store_helpers import make_record

ACME = AccountRef(slug="acme", name="Acme")
PATH = Path("accounts/acme/m/prep.md")


def front_matter(**changes: Any) -> dict[str, Any]:
    data = make_record(ACME, "2026-11-28-acme-negotiation").front_matter()
    data.update(changes)
    return data


def test_front_matter_leaves_notes_out_and_validates_back() -> None:
    record = make_record(ACME, "m", notes="mine")
    data = record.front_matter()
    assert "notes" not in data
    assert data["schema_version"] == CURRENT_SCHEMA
    assert validate_record(data, PATH, "mine") == record


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"kind": "review"}, "kind"),
        ({"meeting_date": "28/11/2026"}, "meeting_date"),
        ({"meeting_date": "2026-02-30"}, "meeting_date"),
        ({"created": "2026-11-28T09:30:00"}, "no time zone"),
        ({"updated": "yesterday"}, "updated"),
        ({"account": {"slug": "acme"}}, "account.name"),
        ({"playbooks": [{"id": "x", "version": 1.5, "language": "en", "origin": "b"}]}, "version"),
        ({"meeting": 12}, "meeting"),
    ],
)
def test_invalid_front_matter_is_a_record_error_naming_the_field(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(RecordError, match=problem) as caught:
        validate_record(front_matter(**changes), PATH)
    assert str(PATH) in str(caught.value)


@pytest.mark.parametrize("value", [None, [], "text", 3])
def test_front_matter_must_be_a_mapping(value: Any) -> None:
    with pytest.raises(RecordError, match="must be a mapping"):
        validate_record(value, PATH)


def test_answers_must_be_plain_data() -> None:
    check_plain({"a": [1, 2.5, True, None, "x", {"b": []}]})
    for bad in ({"a": float("nan")}, {"a": {1: "x"}}, {"a": (1, 2)}, {"a": "\ud800"}, {"a": b"x"}):
        with pytest.raises(ValueError):
            check_plain(bad)
    with pytest.raises(ValidationError):
        make_record(ACME, "m", answers={"meeting": {"when": float("inf")}})


def test_timestamps_carry_their_offset() -> None:
    stamp = now_iso()
    assert parse_timestamp(stamp).utcoffset() is not None
    assert make_record(ACME, "m", created="2026-11-28T08:00:00Z").created_at.hour == 8


def test_a_newer_schema_asks_for_an_upgrade() -> None:
    with pytest.raises(RecordError, match=f"schema {CURRENT_SCHEMA + 1}") as caught:
        validate_record(front_matter(schema_version=CURRENT_SCHEMA + 1), PATH)
    assert caught.value.hint is not None and "upgrade salescoach" in caught.value.hint
    assert "upgrade salescoach" in str(caught.value)


@pytest.mark.parametrize("version", [None, "1", True, 1.0])
def test_the_schema_version_must_be_a_whole_number(version: Any) -> None:
    data = front_matter(schema_version=version)
    if version is None:
        del data["schema_version"]
    with pytest.raises(RecordError, match="schema_version"):
        validate_record(data, PATH)


def test_an_older_schema_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake v0 stored ``customer`` (a bare name) and ``date``; v1 has account and meeting_date."""

    def v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
        customer = data.pop("customer")
        data["account"] = {"slug": customer.lower(), "name": customer}
        data["meeting_date"] = data.pop("date")
        data["schema_version"] = 1
        return data

    monkeypatch.setattr(record_module, "MIGRATIONS", {**record_module.MIGRATIONS, 0: v0_to_v1})
    old = front_matter(schema_version=0, customer="Acme", date="2026-11-28")
    del old["account"], old["meeting_date"]
    record = validate_record(old, PATH)
    assert record.account == ACME
    assert record.meeting_date == "2026-11-28"
    assert record.schema_version == CURRENT_SCHEMA


def test_a_version_without_migration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_module, "MIGRATIONS", {})
    with pytest.raises(RecordError, match="too old"):
        migrate({"schema_version": 0}, PATH)


def test_a_migration_must_advance_one_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_module, "MIGRATIONS", {0: lambda data: data})
    with pytest.raises(RecordError, match="did not produce schema 1"):
        migrate({"schema_version": 0}, PATH)


def test_a_record_built_in_code_is_current() -> None:
    with pytest.raises(ValidationError):
        Record.model_validate({**front_matter(schema_version=0), "notes": ""})


def test_a_version_1_record_reads_as_it_is() -> None:
    """Version 2 only added optional fields (meeting time, calendar event, next-step states)."""
    record = validate_record(front_matter(schema_version=1), PATH)
    assert record.schema_version == CURRENT_SCHEMA
    assert (record.meeting_time, record.event, record.steps) == (None, None, [])


def test_empty_calendar_and_step_fields_stay_out_of_the_front_matter() -> None:
    data = make_record(ACME, "m").front_matter()
    assert not {"meeting_time", "event", "steps"} & set(data)


@pytest.mark.parametrize("time", ["9:30", "24:00", "12:60", "noon"])
def test_a_meeting_time_is_hh_mm(time: str) -> None:
    with pytest.raises(RecordError, match="meeting_time"):
        validate_record(front_matter(meeting_time=time), PATH)
