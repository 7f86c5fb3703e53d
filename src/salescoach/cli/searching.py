"""What ``search`` does once its arguments are read: the hits of the derived index, shown as
text or JSON. Imports nothing from Typer, so it runs with or without it
(:mod:`salescoach.cli.search` declares the command; :mod:`salescoach.cli.direct` runs it
directly when its arguments are plain).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from salescoach.cli.plain_options import SEARCH_LIMIT

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.reports.reference import Reference
    from salescoach.store.search import Hit

KINDS = ("prep", "debrief")


def find(
    app_state: AppState,
    words: list[str],
    *,
    account: str | None = None,
    kind: str | None = None,
    meeting_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = SEARCH_LIMIT,
    as_json: bool = False,
    rescan: bool = False,
) -> None:
    """Show the records holding ``words`` that pass the filters, best first (``limit`` 0:
    all of them); UsageError for a query of nothing, an unknown kind or a bad date."""
    from salescoach.errors import UsageError
    from salescoach.store.search import Filters, parse_query

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
    from salescoach.cli.indexed import open_index

    with open_index(app_state.data_home, rescan, app_state.language) as index:
        results = index.search(terms, filters, limit or None, answers=not as_json)
        _show(app_state, words, results.hits, results.total, as_json)


def _show(
    app_state: AppState, words: list[str], hits: Iterator[Hit], total: int, as_json: bool
) -> None:
    """The hits as they come: JSON, or each with its snippet showing ids by their labels."""
    if as_json:
        _write_json(hits, app_state.data_home)
        return
    from salescoach.ui.search import search_results

    first = next(hits, None)
    reference: Reference | None = None
    if first is not None:
        from salescoach.cli.indexed import reference_or_none

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


def _write_json(hits: Iterator[Hit], home: Path) -> None:
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
