"""Records out of salescoach: JSON lines (every field) and CSV (one row per record, for a
spreadsheet). The calendar export is :mod:`salescoach.reports.calendar`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from salescoach.store.facts import ALL_PARTS, LEVEL_CODES, LEVELS, Facts, Part
from salescoach.store.search import json_line as json_line  # what export writes, kept here

NEEDS: frozenset[Part] = ALL_PARTS
"""What :func:`csv_text` reads."""
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


def csv_row_chunks(
    rows: Iterator[tuple[Any, ...]], dialect: type[csv.Dialect] = csv.excel, *, bom: bool = False
) -> Iterator[str]:
    """:func:`csv_chunks` of rows whose cells the index computed (``Index.ordered_rows`` of
    :data:`CSV_SQL`): the same text, 500 rows at a time, written by the csv module's C code."""
    if bom:
        yield BOM
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect=dialect, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    while batch := list(islice(rows, 500)):
        writer.writerows(map(_guarded_lists, batch))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _guarded_lists(row: tuple[Any, ...]) -> tuple[Any, ...] | list[Any]:
    """A row of :data:`CSV_SQL` with :func:`_cell` applied to its joined lists (guarding them in
    SQL would compute each list twice)."""
    starts = _FORMULA_CHARACTERS
    if not (
        row[7][:1] in starts
        or row[11][:1] in starts
        or row[12][:1] in starts
        or row[13][:1] in starts
        or row[14][:1] in starts
        or row[15][:1] in starts
    ):  # written out: this runs for every row of an export
        return row
    cells = list(row)
    for position in _JOINED_CELLS:
        cells[position] = _cell(cells[position])
    return cells


def _guarded(sql: str) -> str:
    """A text cell in SQL, with :func:`_cell`'s apostrophe before what would run as a formula."""
    starts = ", ".join(
        f"char({ord(start)})" if start in "\t\r" else f"'{start}'" for start in _FORMULA_STARTS
    )
    quote = "''''"  # one apostrophe, as an SQL string
    return f"(CASE WHEN substr({sql}, 1, 1) IN ({starts}) THEN {quote} || {sql} ELSE {sql} END)"


def _joined(column: str, item: str, kind: str = "array") -> str:
    """The items of a part's JSON column, ``"; "`` between them, in SQL (an item of another
    JSON type than ``kind``, in a damaged index, is left out)."""
    return (
        f"coalesce((SELECT group_concat({item}, '{_SEPARATOR}') FROM json_each({column}) "
        f"WHERE type = '{kind}'), '')"
    )


def _count(code: str) -> str:
    return f"(length(results) - length(replace(results, '{code}', '')))"


_STEP = (
    "substr(iif(value ->> 0 != '', ' ' || (value ->> 0), '') "
    "|| iif(value ->> 1 != '', ' (' || (value ->> 1) || ')', '') "
    "|| iif(coalesce(value ->> 2, '') != '', ' by ' || (value ->> 2), '') "
    "|| iif(coalesce(value ->> 4, 'open') != 'open', ' [' || (value ->> 4) || ']', ''), 2)"
)
"""A next step as :func:`_csv_row` writes it: action, (owner), by due, [status] if not open."""
_LEVELS_SQL = (
    "substr("
    + " || ".join(
        f"iif(instr(funnel, '{LEVEL_CODES[level]}'), '{_SEPARATOR}{level}', '')" for level in LEVELS
    )
    + f", {len(_SEPARATOR) + 1})"
)
CSV_SQL = (
    _guarded("meeting"),
    _guarded("kind"),
    _guarded("account_name"),
    _guarded("account_slug"),
    _guarded("coalesce(meeting_type, '')"),
    _guarded("coalesce(meeting_date, '')"),
    _guarded("coalesce(phase, '')"),
    _joined("objectives", "value ->> 0"),
    _count("r"),
    _count("p"),
    _count("n"),
    _joined("objections", "value ->> 0"),
    _joined("commitments_given", "value", "text"),
    _joined("commitments_received", "value", "text"),
    _joined("next_steps", _STEP),
    _LEVELS_SQL,
    _guarded("created"),
    _guarded("updated"),
)
"""The cells of :data:`CSV_COLUMNS` as SQL over the index's ``records`` columns: what
:func:`_csv_row` makes of a record's facts (the tests compare both); the joined lists get
:func:`_cell`'s guard in :func:`csv_row_chunks`."""
_JOINED_CELLS = (7, 11, 12, 13, 14, 15)
_FORMULA_CHARACTERS = frozenset(_FORMULA_STARTS)


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
