"""``list`` and ``show``: read the records back.

No ``from __future__ import annotations`` here or in ``app``: Typer would ``eval`` every string
annotation of the commands on each run, which ``list``'s start-up budget notices.
"""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.listing import TABLE_LIMIT
from salescoach.cli.state import state


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
    from salescoach.cli.listing import list_records as listed

    listed(state(ctx), account, kind, as_json, limit)


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
