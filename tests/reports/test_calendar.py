"""The calendar both ways: an export a calendar imports again without duplicates, and
invitations from common mail clients read into a prep."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest

from salescoach.reports.calendar import InvitationError, ics_text, read_invitation
from salescoach.store.facts import facts_of
from salescoach.store.record import CalendarEvent, Record
from salescoach.store.repository import Repository
from salescoach.store.steps import change
from tests.reports.homes import debrief, prep

INVITATIONS = Path(__file__).parent.parent / "fixtures" / "invitations"


def events(text: str) -> dict[str, Any]:
    """What a calendar keeps after importing ``text``: one event per UID."""
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def import_into(calendar: dict[str, Any], text: str) -> None:
    """Import as calendars do (RFC 5546): a known UID is replaced only by a higher SEQUENCE."""
    for uid, event in events(text).items():
        known = calendar.get(uid)
        if known is None or int(event["sequence"]) > int(known["sequence"]):
            calendar[uid] = event


def timed_prep(repo: Repository, time_of_day: str | None = "14:30") -> Record:
    record = prep(repo, "Acme", "2026-03-10", "negotiation", objectives=["Sign for two sites"])
    changed = record.model_copy(
        update={
            "meeting_time": time_of_day,
            "event": CalendarEvent(uid="meeting-x-1234@salescoach"),
        }
    )
    repo.save(changed, "body")
    return changed


def test_a_meeting_is_timed_with_a_reminder_the_day_before(repo: Repository) -> None:
    record = timed_prep(repo)
    [found] = events(
        ics_text([facts_of(record)], lambda _: {"negotiation": "Negotiation"})
    ).values()
    assert str(found["uid"]) == "meeting-x-1234@salescoach"
    assert found.decoded("dtstart") == dt.datetime(2026, 3, 10, 14, 30)  # floating local time
    assert found.decoded("dtend") == dt.datetime(2026, 3, 10, 15, 30)
    assert str(found["summary"]) == "Negotiation — Acme"
    assert "Objective: Sign for two sites" in str(found["description"])
    [alarm] = found.walk("VALARM")
    assert alarm.decoded("trigger") == dt.timedelta(days=-1)
    assert "Prepare tomorrow's meeting with Acme" in str(alarm["description"])


def test_a_meeting_without_a_time_is_all_day_and_labels_follow_the_record(
    repo: Repository,
) -> None:
    record = timed_prep(repo, None).model_copy(update={"language": "fr"})
    [found] = events(ics_text([facts_of(record)], lambda lang: {"negotiation": lang})).values()
    assert found.decoded("dtstart") == dt.date(2026, 3, 10)
    assert found.decoded("dtend") == dt.date(2026, 3, 11)
    assert str(found["summary"]) == "fr — Acme"
    assert "Objectif : Sign for two sites" in str(found["description"])


def test_an_export_imported_twice_updates_instead_of_duplicating(repo: Repository) -> None:
    meeting = timed_prep(repo)
    record = debrief(
        repo,
        meeting,
        results=["reached"],
        next_steps=[("Send the contract", "Me", "2026-03-12"), ("Call", "Claire", "2026-03-14")],
    )
    first = ics_text([facts_of(meeting), facts_of(record)])
    calendar: dict[str, Any] = {}
    import_into(calendar, first)
    import_into(calendar, first)
    assert len(calendar) == 3  # the meeting and two steps, once each

    # The steps are marked and the meeting moved: the same UIDs come back, each SEQUENCE higher.
    step_ids = [step.id for step in facts_of(record).next_steps]
    marked = change(change(record, step_ids[0], "done"), step_ids[1], "move", "2026-03-20")
    moved = meeting.model_copy(
        update={"meeting_time": "16:00", "event": meeting.event.model_copy(update={"sequence": 1})}  # type: ignore[union-attr]
    )
    second = ics_text([facts_of(moved), facts_of(marked)])
    assert set(events(second)) == set(events(first))
    for uid, event in events(second).items():
        assert int(event["sequence"]) > int(events(first)[uid]["sequence"])
    import_into(calendar, second)
    assert len(calendar) == 3
    summaries = {str(e["summary"]): e.decoded("dtstart") for e in calendar.values()}
    assert summaries["Done: Send the contract — Acme"] == dt.date(2026, 3, 12)
    assert summaries["Call — Acme"] == dt.date(2026, 3, 20)
    assert dt.datetime(2026, 3, 10, 16, 0) in summaries.values()


@pytest.fixture
def paris() -> Iterator[None]:
    """The rep's machine in Paris: an invitation's time is read in the rep's local time."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_an_outlook_invitation_from_the_client(paris: None) -> None:
    found = read_invitation(
        INVITATIONS / "outlook-invitation.ics", ["sam.rep@northwind-software.example"]
    )
    assert (found.date, found.time) == ("2026-12-10", "14:30")
    assert found.account == "Acme Logistics"
    assert found.contacts == [
        {"name": "Claire Martin", "email": "claire.martin@acme-logistics.example"},
        {"name": "Paul Girard", "email": "paul.girard@acme-logistics.example"},
        {"name": "Léa Dubois", "email": "lea.dubois@acme-logistics.example"},
    ]


def test_a_google_calendar_invitation_sent_by_the_rep(paris: None) -> None:
    found = read_invitation(
        INVITATIONS / "google-invitation.ics", ["Sam.Rep@northwind-software.example"]
    )
    assert (found.date, found.time) == ("2026-12-10", "14:30")  # 13:30 UTC
    assert found.account == "Acme Logistics"  # the rep organised: from the other attendee
    assert found.contacts == [
        {"name": "claire.martin", "email": "claire.martin@acme-logistics.example"}
    ]


def test_without_the_reps_address_the_subject_names_the_account(paris: None) -> None:
    found = read_invitation(INVITATIONS / "outlook-invitation.ics")
    assert found.account == "Acme Logistics"
    assert len(found.contacts) == 4  # the rep too: the prep lets them remove it


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"not a calendar at all", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no event"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "no start date",
        ),
    ],
)
def test_a_file_that_is_no_invitation_is_a_clear_error(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "invite.ics"
    path.write_bytes(content)
    with pytest.raises(InvitationError) as caught:
        read_invitation(path)
    assert str(path) in caught.value.message and problem in caught.value.message
    assert caught.value.hint and ".ics" in caught.value.hint
