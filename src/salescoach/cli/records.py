"""``list`` and ``show``: read the records back.

No ``from __future__ import annotations`` here or in ``app``: Typer would ``eval`` every string
annotation of the commands on each run, which ``list``'s start-up budget notices.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import state

if TYPE_CHECKING:
    from collections.abc import Iterable

TABLE_LIMIT = 50


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command(name="list")(list_records)
    app.command(name="show")(show)


def list_records(
    ctx: typer.Context,
    account: Annotated[
        str | None, typer.Option("--account", "-a", help="Only this account (name or slug).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only preps or only debriefs: prep | debrief."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=0,
            help=f"Show at most N records, 0 for all (default: {TABLE_LIMIT} in the terminal, "
            "all with --json).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List meetings and their records, newest first.

    Read from the index beside the data (rebuilt on first use, kept current on every save), so
    it stays fast with years of records.
    """
    app_state = state(ctx)
    from salescoach.cli.showing import check_kind

    check_kind(app_state.language, kind)
    if not (app_state.data_home / "accounts").is_dir():
        # A new home: nothing to index, and no need to pay for importing the index.
        if as_json:
            sys.stdout.write("[]\n")
        else:
            sys.stderr.write(_no_records(app_state.language))
        return
    from salescoach.cli.reports import account_slug, open_index

    slug = account_slug(app_state, account) if account is not None else None
    shown = limit if limit is not None else (0 if as_json else TABLE_LIMIT)
    with open_index(app_state.data_home, rescan=False, language=app_state.language) as index:
        if as_json:
            _write_listing(index.listing(account=slug, kind=kind, limit=shown or None))
            return
        found, total = index.newest(account=slug, kind=kind, limit=shown or None)
    if not found:
        from salescoach.cli.state import UNREADABLE

        if not UNREADABLE:  # records that cannot be read are not "no records"
            # Plain text: an empty home should not pay for importing Rich.
            sys.stderr.write(_no_records(app_state.language))
        return
    from salescoach.cli.reports import reference_or_none
    from salescoach.ui import render
    from salescoach.ui.pager import paged

    with paged():
        render.records(app_state.language, found, reference_or_none(app_state))
    render.records_shown(app_state.language, len(found), total)  # after the table, not above it


def _no_records(language: str) -> str:
    from salescoach.messages import message

    return message(language, "no_records") + "\n"


def _write_listing(chunks: "Iterable[bytes]") -> None:
    """One JSON array, one record per line (readable, and what the index keeps ready: see
    :meth:`~salescoach.store.index.Index.listing`), written as the lines come."""
    out = sys.stdout.buffer
    sys.stdout.flush()
    separator = b"[\n"
    for chunk in chunks:
        out.write(separator + chunk)
        separator = b",\n"
    out.write(b"[]\n" if separator == b"[\n" else b"\n]\n")
    out.flush()


def show(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Argument(
            metavar="MEETING", help="Meeting id, or a unique part of it (see `salescoach list`)."
        ),
    ],
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="Only the prep or only the debrief.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="The records' data (answers included) as JSON.")
    ] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="The records' Markdown, as stored.")
    ] = False,
    sheet: Annotated[
        bool, typer.Option("--sheet", help="Only the one-page prep sheet (paged when taller).")
    ] = False,
    html: Annotated[
        bool,
        typer.Option("--html", help="The prep sheet as a printable A4 HTML page (stdout or -o)."),
    ] = False,
    pdf: Annotated[
        Path | None,
        typer.Option(
            "--pdf", help="Print the prep sheet to this PDF (needs Chromium).", dir_okay=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="With --html: write the page here.", dir_okay=False),
    ] = None,
) -> None:
    """Show a meeting's prep and debrief.

    --sheet shows only the one-page prep sheet; --html writes it as a printable A4 page (on
    stdout, or into -o FILE); --pdf FILE prints it with Chromium when installed.
    """
    from salescoach.errors import UsageError
    from salescoach.messages import message

    app_state = state(ctx)
    if sum((as_json, as_markdown, sheet or html or pdf is not None)) > 1:
        raise UsageError(message(app_state.language, "one_output"))
    if sheet or html or pdf is not None or output is not None:
        from salescoach.cli.sheet_output import show_sheet

        show_sheet(app_state, meeting, html=html, pdf=pdf, output=output)
        return
    from salescoach.cli.showing import show_meeting

    show_meeting(app_state, meeting, kind, as_json=as_json, as_markdown=as_markdown)
