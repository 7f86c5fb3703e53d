"""``agenda``, ``account``, ``report …`` and ``export``: the records put to work between meetings.

Every report command has one shape: it reads from the derived index (built on first use, with
a progress bar) what its report needs, computes it (:mod:`salescoach.reports.registry`), and
shows it (:mod:`salescoach.ui.reports`) — or, with ``--json``, prints it as one JSON document.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Generator, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salescoach.cli.indexed import open_index as open_index
from salescoach.cli.indexed import reference_or_none as reference_or_none
from salescoach.cli.plain_options import AGENDA_DAYS, AGENDA_LIMIT, STUCK_AFTER
from salescoach.cli.reporting import account_slug as account_slug
from salescoach.cli.reporting import day, report, team
from salescoach.cli.state import AppState, state
from salescoach.errors import SalescoachError, StoreError, UsageError
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.store.index import Index

report_app = typer.Typer(
    help="Reports over the records: objections, objectives, phases, funnel, team.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

JsonOption = Annotated[bool, typer.Option("--json", help="The report as JSON on stdout.")]
RescanOption = Annotated[
    bool,
    typer.Option(
        "--rescan",
        help="Check every record file for edits made by hand (homes of more than 20,000 "
        "records otherwise notice only meetings added or removed).",
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today", help="Compute as on this date, YYYY-MM-DD (default: today).", show_default=False
    ),
]


class ExportFormat(StrEnum):
    """What ``export`` writes."""

    json = "json"
    csv = "csv"
    ics = "ics"


def register(app: typer.Typer) -> None:
    """Add ``agenda``, ``account``, ``export`` and the ``report`` group to the app."""
    app.command(name="agenda")(agenda)
    app.command(name="account")(account)
    app.command(name="export")(export)
    app.add_typer(report_app, name="report")


# --------------------------------------------------------------------------------- commands


def agenda(
    ctx: typer.Context,
    days: Annotated[
        int, typer.Option("--days", min=0, help="Look this many days ahead for what is coming.")
    ] = AGENDA_DAYS,
    limit: Annotated[
        int,
        typer.Option("--limit", min=0, help="Show the most urgent N items (0: all; --json: all)."),
    ] = AGENDA_LIMIT,
    as_json: JsonOption = False,
    today: TodayOption = None,
    rescan: RescanOption = False,
) -> None:
    """What needs doing now, most late first.

    Overdue and coming next steps, accounts to contact by their phase's cadence (from the
    `phases` playbook), debriefs still to write.
    """
    run_report(ctx, "agenda", as_json, rescan, today, days=days, limit=limit)


def account(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="ACCOUNT", help="The account's name or folder slug.")
    ],
    as_json: JsonOption = False,
    rescan: RescanOption = False,
) -> None:
    """An account's timeline, and what is still open with it.

    Meetings, phase over time, objectives reached, objections met, open next steps, and the
    commitments given and received.
    """
    run_report(ctx, "account", as_json, rescan, account=name)


@report_app.command(name="objections")
def report_objections(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """How often each objection came up and how well it was handled, against the playbook's
    top ten: objections the library lacks, entries never met."""
    run_report(ctx, "objections", as_json, rescan)


@report_app.command(name="objectives")
def report_objectives(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """Share of objectives reached, partly reached and not reached: by meeting type, by month."""
    run_report(ctx, "objectives", as_json, rescan)


@report_app.command(name="phases")
def report_phases(
    ctx: typer.Context,
    stuck_after: Annotated[
        int, typer.Option("--stuck-after", min=1, help="Days in one phase that count as stuck.")
    ] = STUCK_AFTER,
    as_json: JsonOption = False,
    today: TodayOption = None,
    rescan: RescanOption = False,
) -> None:
    """The pipeline by maturation phase, the time spent in each phase, and accounts stuck."""
    run_report(ctx, "phases", as_json, rescan, today, stuck_after=stuck_after)


@report_app.command(name="funnel")
def report_funnel(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """How deep discoveries go: share of debriefs with information at each funnel level."""
    run_report(ctx, "funnel", as_json, rescan)


@report_app.command(name="team")
def report_team(
    ctx: typer.Context,
    homes: Annotated[
        list[Path] | None,
        typer.Option("--home", help="A rep's data home; repeat for each rep.", show_default=False),
    ] = None,
    teams: Annotated[
        list[Path] | None,
        typer.Option(
            "--team",
            help="A folder of reps' homes (a team repository, or clones side by side): every "
            "home in it, read without writing into it. Repeatable.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    today: TodayOption = None,
    rescan: RescanOption = False,
) -> None:
    """Each rep's figures (objectives reached, phase advances, conversion rate, days to
    signature, revenue signed, services per client) and a score out of 5 on each against the
    team average (2.5 = the average); meetings held and margin against objective beside them."""
    team(state(ctx), homes or [], teams or [], as_json, today, rescan)


def run_report(
    ctx: typer.Context,
    name: str,
    as_json: bool,
    rescan: bool,
    today: str | None = None,
    account: str | None = None,
    **options: Any,
) -> None:
    """Every report over one home (see :func:`salescoach.cli.reporting.report`)."""
    report(state(ctx), name, as_json, rescan, today, account, **options)


def export(
    ctx: typer.Context,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: every record, one per line; csv: one row per record; "
            "ics: meetings (with a reminder the day before) and next steps as calendar events.",
        ),
    ] = ExportFormat.json,
    account: Annotated[
        str | None, typer.Option("--account", "-a", help="Only this account (name or slug).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only meetings on or after YYYY-MM-DD.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="CSV that Excel opens by double-click: UTF-8 with a BOM, and `;` between fields "
            "in French (--lang fr), where the comma is the decimal separator.",
        ),
    ] = False,
    rescan: RescanOption = False,
) -> None:
    """Export records as JSON lines or CSV, or meetings and next steps as iCalendar."""
    app_state = state(ctx)
    if excel and export_format != ExportFormat.csv:
        raise UsageError(message(app_state.language, "excel_needs_csv"))
    if since is not None:
        day(since, app_state.language, "--since")
    slug = app_state.repository.find_account(account).slug if account is not None else None
    with open_index(app_state.data_home, rescan, app_state.language) as index:
        chunks = _export_chunks(app_state, index, export_format, slug, since, excel=excel)
        try:
            if output is None:
                _to_stdout(chunks, app_state.language)
                return
            from salescoach.store.atomic import write_output

            write_output(output, chunks)
        finally:
            chunks.close()  # the rows let go while the index is open, whatever happened
    from salescoach.ui import render

    render.say(
        message(app_state.language, "exported", format=export_format.value, path=output), "ok"
    )


# --------------------------------------------------------------------------------- helpers


def _export_chunks(
    app_state: AppState,
    index: Index,
    export_format: ExportFormat,
    slug: str | None,
    since: str | None,
    *,
    excel: bool,
) -> Generator[bytes, None, None]:
    """The export as UTF-8, a piece at a time (a thousand records or so), read from the index
    in order: never all of it at once."""
    if export_format == ExportFormat.json:
        yield from index.json_lines(account=slug, since=since)
        return
    if export_format == ExportFormat.csv:
        from salescoach.reports import export as report

        dialect = report.excel_dialect(app_state.language) if excel else csv.excel
        rows = index.ordered_rows(report.CSV_SQL, account=slug, since=since)
        text = report.csv_row_chunks(rows, dialect, bom=excel)
    else:
        from salescoach.reports import calendar

        rows = index.ordered_rows(
            calendar.ICS_SQL, account=slug, since=since, having=calendar.ICS_ROWS
        )
        text = calendar.ics_row_chunks(rows, _meeting_types(app_state))
    for chunk in text:
        yield chunk.encode("utf-8")


def _to_stdout(chunks: Iterable[bytes], language: str) -> None:
    """Write the export on standard output. A reader that stops early (``| head``) ends it
    quietly (Click's own handling of a closed pipe); any other failure to write is told:
    what was written is not the whole export."""
    sys.stdout.flush()
    try:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        from salescoach.messages import REWORDED_WORDS

        why = error.strerror or str(error)
        why = REWORDED_WORDS.get(language, {}).get(why, why)
        raise StoreError(
            message(language, "export_stdout_failed", why=why),
            hint=message(language, "export_stdout_failed_hint"),
            language=language,
        ) from None


def _meeting_types(app_state: AppState) -> Callable[[str], Mapping[str, str]]:
    """The meeting-type labels of a language, from the reference kept in the user cache (the
    playbooks are loaded only when one of their files changed: loading them took a tenth of
    a calendar export of 100,000 records), once per language."""
    from salescoach.playbook.sources import search_path
    from salescoach.reports.reference import cached_reference

    labels: dict[str, Mapping[str, str]] = {}

    def of(language: str) -> Mapping[str, str]:
        if language not in labels:
            sources = search_path(language, app_state.settings.playbooks, app_state.playbook_dirs)
            try:
                reference = cached_reference(
                    language, sources, lambda: app_state.library_in(language)
                )
            except SalescoachError:
                labels[language] = {}
            else:
                labels[language] = reference.meeting_types
        return labels[language]

    return of
