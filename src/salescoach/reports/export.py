"""Records out of salescoach: JSON lines (every field), CSV (one row per record, for a
spreadsheet) and iCalendar (next steps as all-day events a calendar imports).

The iCalendar text is written here, per RFC 5545 (CRLF lines folded at 75 octets, TEXT values
escaped), so exporting needs no extra dependency; the tests read it back with ``icalendar``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Iterator

from salescoach.store.facts import ALL_PARTS, Facts, Part, add_days, parse_day
from salescoach.store.search import json_line as json_line  # what export writes, kept here

NEEDS: frozenset[Part] = ALL_PARTS
"""What :func:`csv_text` reads."""
ICS_NEEDS: frozenset[Part] = frozenset({"next_steps"})
"""What :func:`ics_text` reads."""
PRODID = "-//salescoach//next steps//EN"
CSV_COLUMNS = (
    "meeting",
    "kind",
    "account",
    "account_slug",
    "meeting_type",
    "meeting_date",
    "phase",
    "objectives",
    "reached",
    "partly",
    "not_reached",
    "objections",
    "commitments_given",
    "commitments_received",
    "next_steps",
    "funnel_levels",
    "created",
    "updated",
)
_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExcelSemicolon(csv.excel):
    """Excel where the decimal separator is a comma (French, and most of Europe): a ``;`` between
    fields, as Excel writes and expects there."""

    delimiter = ";"


BOM = "\ufeff"
"""Without it, Excel reads a CSV file in the system's legacy code page (é becomes Ã©)."""


def excel_dialect(language: str) -> type[csv.Dialect]:
    """The CSV dialect the Excel of a user of ``language`` opens by double-click."""
    return ExcelSemicolon if language == "fr" else csv.excel


def csv_text(
    facts: Iterable[Facts], dialect: type[csv.Dialect] = csv.excel, *, bom: bool = False
) -> str:
    """Every record as a CSV row (:data:`CSV_COLUMNS`); lists are joined with ``"; "``.

    A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
    gets a leading apostrophe, so opening an export never runs what a client said. For Excel,
    give :func:`excel_dialect` and ``bom=True``.
    """
    ordered = sorted(facts, key=lambda item: (item.account_slug, item.order))
    return "".join(csv_chunks(ordered, dialect, bom=bom))


def csv_chunks(
    facts: Iterable[Facts], dialect: type[csv.Dialect] = csv.excel, *, bom: bool = False
) -> Iterator[str]:
    """:func:`csv_text` of facts already in order (by account, then :attr:`Facts.order`), a
    piece at a time: an export of 100,000 records never holds them all."""
    if bom:
        yield BOM
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=dialect, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for number, record in enumerate(facts, start=1):
        writer.writerow([_cell(value) for value in _csv_row(record)])
        if number % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def ics_text(facts: Iterable[Facts]) -> str:
    """The next steps of the debriefs among ``facts`` as an iCalendar file (all-day events).

    Each event's UID is derived from the meeting, the step's place and its action, so importing
    a later export again updates the events instead of duplicating them. Steps without a valid
    due date are left out.
    """
    debriefs = sorted(
        (record for record in facts if record.kind == "debrief"),
        key=lambda item: (item.account_slug, item.order),
    )
    return "".join(ics_chunks(debriefs))


def ics_chunks(facts: Iterable[Facts]) -> Iterator[str]:
    """:func:`ics_text` of facts already in order (by account, then :attr:`Facts.order`), one
    record's events at a time."""
    yield from _folded(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
    )
    for record in facts:
        if record.kind != "debrief":
            continue
        lines: list[str] = []
        stamp = _utc_stamp(record.updated)
        for position, step in enumerate(record.next_steps, start=1):
            due = parse_day(step.due)
            if due is None:
                continue
            uid = hashlib.sha256(
                f"{record.meeting}\n{position}\n{step.action}".encode()
            ).hexdigest()
            description = [f"Account: {record.account_name}", f"Meeting: {record.meeting}"]
            if step.owner:
                description.insert(0, f"Owner: {step.owner}")
            lines += [
                "BEGIN:VEVENT",
                f"UID:{uid[:32]}@salescoach",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{due.strftime('%Y%m%d')}",
                f"DTEND;VALUE=DATE:{add_days(due, 1).strftime('%Y%m%d')}",
                f"SUMMARY:{_text(f'{step.action} — {record.account_name}')}",
                f"DESCRIPTION:{_text(chr(10).join(description))}",
                "CATEGORIES:salescoach",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        yield from _folded(lines)
    yield from _folded(["END:VCALENDAR"])


def _folded(lines: list[str]) -> Iterator[str]:
    if lines:
        yield "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def _csv_row(record: Facts) -> list[str | int]:
    return [
        record.meeting,
        record.kind,
        record.account_name,
        record.account_slug,
        record.meeting_type or "",
        record.meeting_date or "",
        record.phase or "",
        _SEPARATOR.join(objective.text for objective in record.objectives),
        record.results.count("r"),
        record.results.count("p"),
        record.results.count("n"),
        _SEPARATOR.join(objection.objection for objection in record.objections),
        _SEPARATOR.join(record.commitments_given),
        _SEPARATOR.join(record.commitments_received),
        _SEPARATOR.join(
            " ".join(
                filter(
                    None,
                    (
                        step.action,
                        f"({step.owner})" if step.owner else "",
                        f"by {step.due}" if step.due else "",
                        f"[{step.status}]" if step.status != "open" else "",
                    ),
                )
            )
            for step in record.next_steps
        ),
        _SEPARATOR.join(record.levels),
        record.created,
        record.updated,
    ]


def _cell(value: str | int) -> str | int:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _utc_stamp(timestamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> Iterator[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character;
    the pieces after the first start with a space."""
    if len(line) <= 18 or len(line.encode("utf-8")) <= 75:  # 18 characters fit in any case
        yield line
        return
    piece, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            yield piece
            piece, size = " ", 1
        piece += char
        size += width
    yield piece
