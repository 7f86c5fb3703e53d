"""Records out of salescoach: JSON lines (every field) and CSV (one row per record, for a
spreadsheet). The calendar export is :mod:`salescoach.reports.calendar`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from salescoach.store.facts import ALL_PARTS, Facts, Part
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
