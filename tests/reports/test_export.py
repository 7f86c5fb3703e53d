"""Export: JSON lines give the records back, CSV is a spreadsheet's, and the iCalendar file is
read back by a real parser (icalendar)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar
from hypothesis import given
from hypothesis import strategies as st

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


def hostile_home(repo: Repository) -> None:
    """Records whose words need every escape of CSV and iCalendar, a timed meeting, and next
    steps done, dropped, far ahead and in the year 5, as the index holds them."""
    from salescoach.store.index import Index
    from salescoach.store.record import CalendarEvent

    build(repo)
    long_words = "Négocier l'accès aux entrepôts — ça, c'est ✓ ; " * 3
    start = prep(
        repo,
        "Café, Thé; et \\ Cie",
        "2026-04-01",
        "discovery",
        objectives=["=1+1", "Line one\r\nline two", long_words],
    )
    timed = start.model_copy(
        update={"meeting_time": "23:30", "event": CalendarEvent(uid="meeting-ü@salescoach")}
    )
    repo.save(timed, "body")
    debrief(repo, timed, results=["partly", None, "reached"], given=["@them; a trial"])
    with Index.open(repo.home) as index:
        index._db.execute(
            "UPDATE records SET next_steps = json_array("
            "json_array('Send the offer, signed', 'Me', '0005-03-01', 's1', 'done', 'u1', 1), "
            "json_array('Visit', '', '9999-12-31', 's2', 'dropped', 'u2', 7), "
            "json_array(?, 'Claire', '2026-04-02', 's3')) "
            "WHERE kind = 'debrief' AND account_slug = 'cafe-the-et-cie'",
            (long_words,),
        )


def test_the_calendar_the_index_computes_is_the_one_of_the_facts(repo: Repository) -> None:
    """``export --format ics`` formats the index's rows without making Facts: the text is the
    one :func:`ics_text` writes from the same records' facts, and a real parser reads it."""
    from salescoach.reports.calendar import ICS_NEEDS, ICS_ROWS, ICS_SQL, ics_row_chunks
    from salescoach.store.index import Index

    hostile_home(repo)

    def labels(language: str) -> dict[str, str]:
        return {"discovery": "Découverte, 1er"}

    with Index.open(repo.home) as index:
        from_rows = "".join(ics_row_chunks(index.ordered_rows(ICS_SQL, having=ICS_ROWS), labels))
        from_facts = ics_text(index.facts(parts=ICS_NEEDS), labels)
    assert from_rows == from_facts
    lines = from_rows.split("\r\n")
    assert lines[-1] == "" and all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in from_rows.replace("\r\n", "") and "\r" not in from_rows.replace("\r\n", "")
    events = icalendar.Calendar.from_ical(from_rows).walk("VEVENT")
    found = {str(event["uid"]): event for event in events}
    meeting = found["meeting-ü@salescoach"]
    assert meeting.decoded("dtstart") == dt.datetime(2026, 4, 1, 23, 30)
    assert meeting.decoded("dtend") == dt.datetime(2026, 4, 2, 0, 30)
    assert str(meeting["summary"]) == "Découverte, 1er — Café, Thé; et \\ Cie"
    assert str(meeting["description"]).splitlines()[:3] == [
        "Objective: =1+1",
        "Objective: Line one",
        "line two",
    ]
    words = ("Négocier l'accès aux entrepôts — ça, c'est ✓ ; " * 3).strip()  # kept stripped
    assert f"Objective: {words}\nMeeting: " in str(meeting["description"])
    assert found["u1"].decoded("dtstart") == dt.date(5, 3, 1)  # four digits of year: 00050301
    assert str(found["u1"]["summary"]).startswith("Done: Send the offer, signed — Café")
    assert (str(found["u2"]["status"]), found["u2"].decoded("dtend")) == (
        "CANCELLED",
        dt.date(9999, 12, 31),
    )
    assert str(found["u2"]["sequence"]) == "7"
    step = next(uid for uid in found if uid.startswith("step-s3-"))
    assert str(found[step]["description"]).startswith("Owner: Claire\nAccount: Café, Thé; et \\")


def test_the_csv_of_hostile_records_is_the_one_of_the_facts(repo: Repository) -> None:
    from salescoach.reports.export import CSV_SQL, NEEDS, ExcelSemicolon, csv_row_chunks
    from salescoach.store.index import Index

    hostile_home(repo)
    with Index.open(repo.home) as index:
        for dialect in (csv.excel, ExcelSemicolon):
            from_rows = "".join(csv_row_chunks(index.ordered_rows(CSV_SQL), dialect))
            assert from_rows == csv_text(index.facts(parts=NEEDS), dialect)
            rows = list(csv.DictReader(io.StringIO(from_rows, newline=""), dialect=dialect))
            assert rows[0]["account"] == "Café, Thé; et \\ Cie"
            assert rows[0]["objectives"].startswith("'=1+1; Line one\r\nline two; Négocier")
            assert rows[1]["commitments_given"] == "'@them; a trial"
            assert rows[1]["next_steps"].startswith(
                "Send the offer, signed (Me) by 0005-03-01 [done]; Visit by 9999-12-31 [dropped]"
            )


def test_lists_a_damaged_index_holds_are_read_as_the_facts_read_them(repo: Repository) -> None:
    """Items of another shape than the index writes (an index edited by hand) are left out of
    an export, as :class:`Facts` leaves them out: no traceback, the rest exported."""
    from salescoach.reports.calendar import ICS_NEEDS, ICS_SQL, ics_row_chunks
    from salescoach.reports.export import CSV_SQL, NEEDS, csv_row_chunks
    from salescoach.store.index import Index

    build(repo)
    with Index.open(repo.home) as index:
        index._db.execute(
            "UPDATE records SET next_steps = "
            '\'[[1, 2, "2026-03-05"], "x", ["Call", "Me", "2026-03-06"]]\', '
            'objections = \'[["a"]]\', objectives = \'[["Sign", null], ["b"], 3]\', '
            "commitments_given = '[\"kept\", 5]', calendar = '[[\"en\"]]' WHERE kind = 'debrief'"
        )
        csv_rows = "".join(csv_row_chunks(index.ordered_rows(CSV_SQL)))
        assert csv_rows == csv_text(index.facts(parts=NEEDS))
        calendar = "".join(ics_row_chunks(index.ordered_rows(ICS_SQL)))
        assert calendar == ics_text(index.facts(parts=ICS_NEEDS))
    debrief_row = list(csv.DictReader(io.StringIO(csv_rows)))[1]
    assert (debrief_row["objectives"], debrief_row["objections"]) == ("Sign", "")
    assert (debrief_row["next_steps"], debrief_row["commitments_given"]) == (
        "Call (Me) by 2026-03-06",
        "kept",
    )
    events = icalendar.Calendar.from_ical(calendar).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [
        "negotiation — Société Générale",  # the prep's meeting
        "Call — Société Générale",
    ]


def greedy_fold(line: str) -> str:
    """Folding one character at a time, as the export did before: the reference."""
    pieces, piece, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            pieces.append(piece)
            piece, size = " ", 1
        piece += char
        size += width
    pieces.append(piece)
    return "\r\n".join(pieces) + "\r\n"


@given(st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=400))
def test_a_folded_line_fits_in_75_octets_and_unfolds_to_itself(text: str) -> None:
    from salescoach.reports.calendar import _folded

    line = f"DESCRIPTION:{text}"
    folded = _folded(line)
    assert folded == greedy_fold(line)
    pieces = folded.removesuffix("\r\n").split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert pieces[0] + "".join(piece.removeprefix(" ") for piece in pieces[1:]) == line
