"""What ``list`` does once its options are read, without Typer: the Typer command
(:mod:`salescoach.cli.records`) calls :func:`list_records`, and so does
:mod:`salescoach.cli.direct_reports` when it reads a plain command line itself (importing
Typer cost about what ``list`` over 100,000 records costs)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salescoach.cli.state import AppState

TABLE_LIMIT = 50
"""The records a table shows when ``--limit`` is not given (``--json``: all)."""


def list_records(
    app_state: AppState, account: str | None, kind: str | None, as_json: bool, limit: int | None
) -> None:
    """The records of the home (of one account, of one kind), newest first: a table of the
    first ``limit`` (``None``: :data:`TABLE_LIMIT`; 0: all), or a JSON array of them all."""
    from salescoach.cli.showing import check_kind

    check_kind(app_state.language, kind)
    if not (app_state.data_home / "accounts").is_dir():
        # A new home: nothing to index, and no need to pay for importing the index.
        if as_json:
            sys.stdout.write("[]\n")
        else:
            sys.stderr.write(_no_records(app_state.language))
        return
    from salescoach.cli.indexed import open_index
    from salescoach.cli.reporting import account_slug

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
    from salescoach.cli.indexed import reference_or_none
    from salescoach.ui import render
    from salescoach.ui.pager import paged

    with paged():
        render.records(app_state.language, found, reference_or_none(app_state))
    render.records_shown(app_state.language, len(found), total)  # after the table, not above it


def _no_records(language: str) -> str:
    from salescoach.messages import message

    return message(language, "no_records") + "\n"


def _write_listing(chunks: Iterable[bytes]) -> None:
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
