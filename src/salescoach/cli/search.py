"""``search``: full-text search over every record's answers and notes, from the derived index.

The command as Typer sees it (its options and help); what it does is
:func:`salescoach.cli.searching.find`, which :mod:`salescoach.cli.direct` also runs without
Typer when the arguments are plain. No ``from __future__ import annotations`` (see
``cli/records.py``).
"""

from typing import Annotated

import typer

from salescoach.cli.plain_options import SEARCH_LIMIT
from salescoach.cli.state import state


def register(app: typer.Typer) -> None:
    """Add ``search`` to the app."""
    app.command(name="search")(search)


def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...",
            help='Every word must appear; "a phrase" in quotes; negot* for a prefix.',
            show_default=False,
        ),
    ],
    account: Annotated[
        str | None, typer.Option("--account", "-a", help="Only this account (name or slug).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only preps or only debriefs: prep | debrief."),
    ] = None,
    meeting_type: Annotated[
        str | None,
        typer.Option("--type", "-t", help="Only this meeting type (discovery, negotiation…)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only meetings on or after this date, YYYY-MM-DD."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Only meetings on or before this date, YYYY-MM-DD."),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, help="Show the best N records (0: all)."),
    ] = SEARCH_LIMIT,
    as_json: Annotated[
        bool, typer.Option("--json", help="The hits as a JSON array on stdout.")
    ] = False,
    rescan: Annotated[
        bool,
        typer.Option(
            "--rescan",
            help="Check every record file for edits made by hand (homes of more than 20,000 "
            "records otherwise notice only meetings added or removed).",
        ),
    ] = False,
) -> None:
    """Find records by the words of their answers and notes, best match first.

    Case and accents are ignored: `societe` finds `Société`.
    """
    from salescoach.cli.searching import find

    find(
        state(ctx),
        words,
        account=account,
        kind=kind,
        meeting_type=meeting_type,
        since=since,
        until=until,
        limit=limit,
        as_json=as_json,
        rescan=rescan,
    )
