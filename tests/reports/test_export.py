"""Export: JSON lines give the records back, CSV is a spreadsheet's, and the iCalendar file is
read back by a real parser (icalendar)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar

from salescoach.reports.calendar import ics_text
from salescoach.reports.export import CSV_COLUMNS, csv_text, json_line
from salescoach.store.facts import NextStep, facts_of
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from tests.reports.homes import debrief, prep


def build(repo: Repository) -> tuple[Record, Record]:
    first = prep(repo, "Société Générale", "2026-03-01", "negotiation", objectives=["Sign"])
    second = debrief(
        repo,
        first,
        phase="phase-4",
        results=["reached"],
        objections=[("price-too-high", 3)],
        given=["=SUM(A1:A9) is what they typed"],
        next_steps=[
            ("Send the contract, signed; then call", "Me", "2026-03-05"),
            (
                "A very long next step that goes well past seventy-five octets: "
                "rédiger l'offre détaillée, chiffrée, avec les références ✓",
                "",
                "2026-03-20",
            ),
        ],
    )
    return first, second


def test_json_lines_give_every_record_back(repo: Repository) -> None:
    for record in build(repo):
        data = json.loads(json_line(record))
        assert data.pop("notes") == ""
        assert Record.model_validate(data) == record


def test_csv_one_row_per_record(repo: Repository) -> None:
    first, second = build(repo)
    rows = list(csv.DictReader(io.StringIO(csv_text([facts_of(second), facts_of(first)]))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["kind"] for row in rows] == ["prep", "debrief"]
    assert rows[0]["account"] == "Société Générale"
    assert rows[1]["objectives"] == "Sign"
    assert (rows[1]["reached"], rows[1]["partly"], rows[1]["not_reached"]) == ("1", "0", "0")
    assert rows[1]["objections"] == "price-too-high"
    assert rows[1]["phase"] == "phase-4"
    # A cell a spreadsheet would run as a formula is defused.
    assert rows[1]["commitments_given"] == "'=SUM(A1:A9) is what they typed"
    assert rows[1]["next_steps"].startswith(
        "Send the contract, signed; then call (Me) by 2026-03-05; "
    )


def test_ics_read_back_by_icalendar(repo: Repository) -> None:
    _, second = build(repo)
    text = ics_text([facts_of(second)])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [
        dt.date(2026, 3, 5),
        dt.date(2026, 3, 20),
    ]
    assert [event.decoded("dtend") for event in events] == [
        dt.date(2026, 3, 6),
        dt.date(2026, 3, 21),
    ]
    assert str(events[0]["summary"]) == "Send the contract, signed; then call — Société Générale"
    assert str(events[1]["summary"]).endswith("avec les références ✓ — Société Générale")
    step_id = facts_of(second).next_steps[0].id
    assert str(events[0]["description"]) == (
        f"Owner: Me\nAccount: Société Générale\nMeeting: {second.meeting}\n"
        f"Next step {step_id}: salescoach next done {step_id}"
    )
    assert events[0].decoded("dtstamp") == dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    uids = [str(event["uid"]) for event in events]
    assert len(set(uids)) == 2
    # The same export again gives the same UIDs: a calendar updates instead of duplicating.
    assert uids == [str(e["uid"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]


def test_ics_leaves_out_steps_without_a_date(repo: Repository) -> None:
    _, second = build(repo)
    undated = facts_of(second)
    undated.next_steps = (NextStep("Someday", "Me", None),)
    calendar = icalendar.Calendar.from_ical(ics_text([undated]))
    assert calendar.walk("VEVENT") == []


def test_the_csv_the_index_computes_is_the_one_of_the_facts(repo: Repository) -> None:
    """``export --format csv`` computes its cells in SQL (fast at 100,000 records): the text is
    the one :func:`csv_text` writes from the same records' facts, defused formulas included."""
    from salescoach.reports.export import CSV_SQL, NEEDS, csv_row_chunks
    from salescoach.store.index import Index

    build(repo)
    start = prep(repo, "-Minus Corp", "2026-04-01", "discovery", objectives=["=1+1", "Fix a date"])
    debrief(
        repo,
        start,
        results=["partly", None],
        objections=[("+42 is too much", None)],
        received=["@them: a trial"],
        next_steps=[("", "Claire", "2026-04-10"), ("-call back", "", "")],
        levels=["necessary", "useful", "superficial"],
    )
    with Index.open(repo.home) as index:
        # A next step done and one dropped, as the index holds them after `nextsteps done`.
        index._db.execute(
            "UPDATE records SET next_steps = json_array("
            "json_array('Send the offer', 'Me', '2026-04-02', 's1', 'done', 'u1', 1), "
            "json_array('Visit', '', NULL, 's2', 'dropped', 'u2', 0)) "
            "WHERE kind = 'debrief' AND account_slug = 'minus-corp'"
        )
        from_sql = "".join(csv_row_chunks(index.ordered_rows(CSV_SQL)))
        from_facts = csv_text(index.facts(parts=NEEDS))
    assert from_sql == from_facts
    assert "'=1+1; Fix a date" in from_sql and "[done]" in from_sql and "[dropped]" in from_sql


def test_the_calendar_export_streams_the_same_text(repo: Repository) -> None:
    from salescoach.reports.calendar import ICS_NEEDS, ics_chunks
    from salescoach.store.index import Index

    build(repo)
    with Index.open(repo.home) as index:
        streamed = "".join(ics_chunks(index.ordered_facts(parts=ICS_NEEDS)))
        whole = ics_text(index.facts(parts=ICS_NEEDS))
    assert streamed == whole
