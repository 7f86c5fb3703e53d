"""The prep sheet on its way out: the terminal (paged when tall), an HTML page, a PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from salescoach.errors import UsageError
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.sheet.model import Sheet


def show_sheet(
    app_state: AppState,
    meeting: str,
    *,
    html: bool,
    pdf: Path | None,
    output: Path | None,
) -> None:
    """``show MEETING --sheet | --html [-o FILE] | --pdf FILE``: the prep's sheet, again."""
    if output is not None and not html:
        raise UsageError.told("output_needs_html")
    from salescoach.errors import NotFoundError
    from salescoach.sheet.records import record_sheet

    repository = app_state.repository
    meeting_id = repository.resolve_meeting(meeting)
    try:
        record = repository.load(meeting_id, "prep")
    except NotFoundError:
        raise NotFoundError(
            message(app_state.language, "sheet_no_prep", meeting=meeting_id)
        ) from None
    language = app_state.language_of(record.language)
    sheet = record_sheet(record, app_state.library_in(language), language=language)
    if html:
        write_html(sheet, output)
    if pdf is not None:
        write_pdf(sheet, pdf)
    if not html and pdf is None:
        show_in_terminal(sheet)


def show_in_terminal(sheet: Sheet) -> None:
    """The sheet on stdout; on a terminal, paged when taller than it."""
    from salescoach.ui.console import out
    from salescoach.ui.sheet import print_sheet

    print_sheet(sheet, out, pager=True)


def write_html(sheet: Sheet, output: Path | None) -> None:
    """The printable page on stdout, or into ``output``."""
    from salescoach.sheet.html import sheet_html

    page = sheet_html(sheet)
    if output is None:
        sys.stdout.write(page)
        return
    _write(output, page.encode("utf-8"))
    _say(sheet, "sheet_html_written", output)


def write_pdf(sheet: Sheet, pdf: Path) -> None:
    """Print the page to ``pdf`` with a headless browser."""
    from salescoach.sheet.html import sheet_html
    from salescoach.sheet.pdf import print_pdf

    print_pdf(sheet_html(sheet), pdf)
    _say(sheet, "sheet_pdf_written", pdf)


def _write(path: Path, data: bytes) -> None:
    from salescoach.store.atomic import write_output

    write_output(path, data)  # a device such as /dev/stdout is written into, not replaced


def _say(sheet: Sheet, key: str, path: Path) -> None:
    from salescoach.ui.console import err

    err.print(message(sheet.language, key, path=path), style="ok", highlight=False, markup=False)
