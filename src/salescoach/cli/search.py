"""``search``: full-text search over every record's answers and notes, from the derived index.

No ``from __future__ import annotations`` (see ``cli/records.py``).
"""

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import state

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.reports.reference import Reference
    from salescoach.store.search import Hit

KINDS = ("prep", "debrief")


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
    ] = 20,
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
    from salescoach.errors import UsageError
    from salescoach.store.search import Filters, parse_query

    app_state = state(ctx)
    terms = parse_query(words)
    if not terms:
        raise UsageError.told("search_nothing")
    if kind is not None and kind not in KINDS:
        raise UsageError.told("bad_kind", given=kind)
    filters = Filters(
        account=app_state.repository.find_account(account).slug if account else None,
        kind=kind,
        meeting_type=meeting_type,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
    )
    if not (app_state.data_home / "accounts").is_dir():
        _show(app_state, words, iter(()), 0, as_json)
        return
    from salescoach.cli.reports import open_index

    with open_index(app_state.data_home, rescan, app_state.language) as index:
        results = index.search(terms, filters, limit or None, answers=not as_json)
        _show(app_state, words, results.hits, results.total, as_json)


def _show(
    app_state: "AppState", words: list[str], hits: Iterator["Hit"], total: int, as_json: bool
) -> None:
    """The hits as they come: JSON, or each with its snippet showing ids by their labels."""
    if as_json:
        _write_json(hits, app_state.data_home)
        return
    from salescoach.ui.search import search_results

    first = next(hits, None)
    reference: Reference | None = None
    if first is not None:
        from salescoach.cli.reports import reference_or_none

        reference = reference_or_none(app_state)
        hits = itertools.chain([first], hits)
    if reference is not None:  # the ids in each snippet read by their labels
        hits = (hit.labelled(reference.labels_in(hit.answers)) for hit in hits)
    search_results(app_state.language, words, hits, total, reference)


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from salescoach.errors import UsageError
    from salescoach.store.facts import parse_day

    if parse_day(value) is None:
        raise UsageError.told("bad_date", option=option, given=value)
    return value


def _write_json(hits: Iterator["Hit"], home: Path) -> None:
    """The hits as one JSON array, written a hit at a time (``[]`` when there is none)."""
    import json

    write = sys.stdout.write
    opening = "[\n"
    for hit in hits:
        write(opening)
        opening = ",\n"
        write(
            json.dumps(
                {
                    "meeting": hit.meeting,
                    "kind": hit.kind,
                    "account": hit.account_name,
                    "account_slug": hit.account_slug,
                    "meeting_type": hit.meeting_type,
                    "date": hit.day,
                    "snippet": hit.plain_snippet(),
                    "highlights": hit.highlights(),
                    "path": str(home / hit.path),
                },
                ensure_ascii=False,
            )
        )
    write("[]\n" if opening == "[\n" else "\n]\n")
