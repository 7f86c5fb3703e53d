"""Records out of salescoach: JSON lines (every field) and CSV (one row per record, for a
spreadsheet). The calendar export is :mod:`salescoach.reports.calendar`.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from salescoach.store.facts import ALL_PARTS, Facts, Part, levels_of
from salescoach.store.index import checked_lists
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
    return _csv_pieces((_cells(*_facts_values(record)) for record in facts), dialect, bom)


def csv_row_chunks(
    rows: Iterable[tuple[Any, ...]], dialect: type[csv.Dialect] = csv.excel, *, bom: bool = False
) -> Iterator[str]:
    """:func:`csv_chunks` of the index's rows of :data:`CSV_SQL` (``Index.ordered_rows``): the
    same text, without making 100,000 :class:`Facts` first."""
    return _csv_pieces(map(_row_cells, rows), dialect, bom)


_CSV_PARTS = ("objectives", "objections", "commitments_given", "commitments_received", "next_steps")
_FORMULA_CHARACTERS = frozenset(_FORMULA_STARTS)


def _guard(text: str) -> str:
    """``text`` with an apostrophe before it if a spreadsheet would run it as a formula."""
    return "'" + text if text[:1] in _FORMULA_CHARACTERS else text


CSV_SQL = (
    "meeting",
    "kind",
    "account_name",
    "account_slug",
    "coalesce(meeting_type, '')",
    "coalesce(meeting_date, '')",
    "coalesce(phase, '')",
    "CAST(reached AS TEXT)",
    "CAST(partly AS TEXT)",
    "CAST(not_reached AS TEXT)",
    "funnel",
    "created",
    "updated",
    "'[' || " + " || ',' || ".join(f"coalesce({part}, '[]')" for part in _CSV_PARTS) + " || ']'",
)
"""What :func:`csv_row_chunks` reads of each record in the index: its text cells, the counts
of objectives reached, partly and not (kept by the index), its funnel letters, and its lists
as one JSON array, decoded by one call of the JSON module's C code. (Joining the lists in
SQL took three times longer: SQLite parses a JSON text again for each value taken out of it;
even the apostrophe before a formula costs more there than in Python.)"""
_ROW_LISTS = len(CSV_SQL) - 1
_LINE = "\r\n"
_CHUNK_ROWS = 1000


def _csv_pieces(rows: Iterable[list[str]], dialect: type[csv.Dialect], bom: bool) -> Iterator[str]:
    """The CSV text of rows of cells, :data:`_CHUNK_ROWS` rows a piece.

    A row without a delimiter, a quote or a line break in any cell is its cells joined by the
    delimiter: what the csv module writes for it (it quotes only such cells), but the csv
    module copies each character one at a time, and took a second for 100,000 records. The
    other rows go through it.
    """
    if bom:
        yield BOM
    pieces = _Pieces()
    writer = csv.writer(pieces, dialect=dialect, lineterminator=_LINE)
    writer.writerow(CSV_COLUMNS)
    delimiter, quote = writer.dialect.delimiter, writer.dialect.quotechar or '"'
    between = len(CSV_COLUMNS) - 1
    for number, cells in enumerate(rows, start=1):
        line = delimiter.join(cells)
        if (
            line.count(delimiter) == between
            and quote not in line
            and "\n" not in line
            and "\r" not in line
        ):
            pieces.append(line)
            pieces.append(_LINE)
        else:
            writer.writerow(cells)
        if number % _CHUNK_ROWS == 0:
            yield "".join(pieces)
            pieces.clear()
    yield "".join(pieces)


class _Pieces(list[str]):
    """Where the csv writer writes: pieces of text, joined a chunk at a time."""

    def write(self, text: str) -> None:
        self.append(text)


Lists = Sequence[Sequence[Any]]
"""A record's lists in the order of :data:`_CSV_PARTS`: each a sequence of items, JSON arrays
from the index or :class:`Facts`' named tuples (the same positions)."""


def _facts_values(record: Facts) -> tuple[tuple[str | None, ...], Lists]:
    """A record's row of :data:`CSV_SQL` (its lists left out) and its lists."""
    results = record.results
    row = (
        record.meeting,
        record.kind,
        record.account_name,
        record.account_slug,
        record.meeting_type or "",
        record.meeting_date or "",
        record.phase or "",
        str(results.count("r")),
        str(results.count("p")),
        str(results.count("n")),
        record.funnel,
        record.created,
        record.updated,
        None,
    )
    lists = (
        record.objectives,
        record.objections,
        record.commitments_given,
        record.commitments_received,
        record.next_steps,
    )
    return row, lists


_decode = json.JSONDecoder().raw_decode
""":func:`json.loads` less its two regular expressions (the text is the index's own)."""


def _row_cells(row: tuple[Any, ...]) -> list[str]:
    """The cells of a row of :data:`CSV_SQL`; lists an index damaged by hand holds in another
    shape are read as :class:`Facts` reads them (an item that is not one is left out)."""
    try:
        return _cells(row, _decode(row[_ROW_LISTS], 0)[0])
    except (TypeError, ValueError, IndexError, KeyError):
        return _cells(row, checked_lists(row[_ROW_LISTS], _CSV_PARTS))


def _cells(row: Sequence[Any], lists: Lists) -> list[str]:
    """The CSV cells of a record, from its row of :data:`CSV_SQL` and its lists, joined; a cell
    that would run as a formula gets :func:`_guard`'s apostrophe."""
    (
        meeting,
        kind,
        account,
        slug,
        meeting_type,
        meeting_date,
        phase,
        reached,
        partly,
        not_reached,
        funnel,
        created,
        updated,
        _,
    ) = row
    objectives, objections, given, received, steps = lists
    # Unpacked whole: an item of another shape (a damaged index) raises, and is read again.
    objectives_cell = _SEPARATOR.join([text for text, _ in objectives])
    objections_cell = _SEPARATOR.join([objection for objection, _, _ in objections])
    given_cell = _SEPARATOR.join(given)
    received_cell = _SEPARATOR.join(received)
    steps_cell = _SEPARATOR.join(map(_step_text, steps))
    cells = [
        meeting,
        kind,
        account,
        slug,
        meeting_type,
        meeting_date,
        phase,
        objectives_cell,
        reached,
        partly,
        not_reached,
        objections_cell,
        given_cell,
        received_cell,
        steps_cell,
        _levels(funnel),
        created,
        updated,
    ]
    starts = _FORMULA_CHARACTERS
    if (
        meeting[:1] in starts
        or kind[:1] in starts
        or account[:1] in starts
        or slug[:1] in starts
        or meeting_type[:1] in starts
        or meeting_date[:1] in starts
        or phase[:1] in starts
        or objectives_cell[:1] in starts
        or objections_cell[:1] in starts
        or given_cell[:1] in starts
        or received_cell[:1] in starts
        or steps_cell[:1] in starts
        or created[:1] in starts
        or updated[:1] in starts
    ):  # written out: this runs for every record of an export
        return [_guard(cell) for cell in cells]
    return cells


def _step_text(step: Sequence[Any]) -> str:
    """A next step in a cell: action, (owner), by due, [status] unless open."""
    status = step[4] if len(step) > 4 else "open"
    return " ".join(
        filter(
            None,
            (
                step[0],
                f"({step[1]})" if step[1] else "",
                f"by {step[2]}" if step[2] else "",
                f"[{status}]" if status != "open" else "",
            ),
        )
    )


@functools.lru_cache(maxsize=64)
def _levels(funnel: str) -> str:
    """The funnel levels of :attr:`Facts.funnel`'s letters, spelled out."""
    return _SEPARATOR.join(levels_of(funnel))
