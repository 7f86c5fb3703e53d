"""``agenda``, ``account``, ``report …`` and ``export``: the records put to work between meetings.

Every report command has one shape: it reads from the derived index (built on first use, with
a progress bar) what its report needs, computes it (:mod:`salescoach.reports.registry`), and
shows it (:mod:`salescoach.ui.reports`) — or, with ``--json``, prints it as one JSON document.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable, Generator, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salescoach.cli.indexed import open_index as open_index
from salescoach.cli.indexed import reference as _reference
from salescoach.cli.indexed import reference_or_none as reference_or_none
from salescoach.cli.state import AppState, state
from salescoach.errors import SalescoachError, StoreError, UsageError
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.reports.registry import Given
    from salescoach.reports.team import Practice
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
    ] = 7,
    limit: Annotated[
        int,
        typer.Option("--limit", min=0, help="Show the most urgent N items (0: all; --json: all)."),
    ] = 30,
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
    ] = 90,
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
    from salescoach.reports import team as report
    from salescoach.reports.registry import Given

    app_state = state(ctx)
    homes = [*(homes or []), *_team_homes(teams or [], app_state.language)]
    if not homes:
        raise UsageError(message(app_state.language, "team_needs_homes"))
    given = Given(_reference(app_state), _day(today, app_state.language))
    figures = []
    for name, home in _rep_names(homes):
        with open_index(home, rescan, app_state.language) as index:
            found = report.indexed_activity(index, given.reference, given.today)
        practice = _practice(home, given.today, app_state.language)
        onboarding = _onboarding(home, app_state)
        figures.append(report.rep_figures_of(name, found, given.reference, practice, onboarding))
    _show("team", report.team(figures, given.reference), given, as_json, app_state.language)


def _onboarding(home: Path, app_state: AppState) -> tuple[int, int] | None:
    """A rep's integration checklist (done, total); a warning and none when it is unreadable.
    A rep who never opened it has none, found without loading the playbooks."""
    from salescoach.store.layout import ONBOARDING_FILE

    if not (home / ONBOARDING_FILE).exists():
        return None
    from salescoach.errors import RecordError
    from salescoach.onboarding import progress

    try:
        return progress(home, app_state.library)
    except RecordError as error:
        from salescoach.ui import render

        render.skipped(app_state.language, [str(error)])
        return None


def _team_homes(teams: list[Path], language: str) -> list[Path]:
    """The reps' homes in each ``--team`` folder; a folder holding none is a usage error."""
    from salescoach.paths import expand
    from salescoach.store.layout import homes_under

    found: list[Path] = []
    for team in teams:
        homes = homes_under(expand(team).absolute())
        if not homes:
            raise UsageError(
                message(language, "team_no_homes", team=team),
                hint=message(language, "team_no_homes_hint"),
            )
        found += homes
    return found


def _practice(home: Path, day: dt.date, language: str) -> Practice | None:
    """A rep's drill practice; a warning and no figure when their drill file is unreadable.
    A rep who never practised has no drill file: no practice, found without reading one."""
    import os

    from salescoach.reports.team import Practice
    from salescoach.store.layout import DRILL_FILE

    if not os.path.lexists(home / DRILL_FILE):
        return Practice(0, None)
    from salescoach.drill.figures import practice
    from salescoach.drill.log import read_log
    from salescoach.errors import RecordError

    try:
        return practice(read_log(home), day)
    except RecordError as error:
        from salescoach.ui import render

        render.skipped(language, [str(error)])
        return None


def run_report(
    ctx: typer.Context,
    name: str,
    as_json: bool,
    rescan: bool,
    today: str | None = None,
    account: str | None = None,
    **options: Any,
) -> None:
    """Every report over one home: read what it needs from the index, compute, show."""
    from salescoach.reports.registry import REPORTS, Given

    report = REPORTS[name]
    app_state = state(ctx)
    slug = account_slug(app_state, account) if account is not None else None
    if account is not None:
        options["account"] = account
    given = Given(lambda: _reference(app_state), _day(today, app_state.language), options)
    if report.reads_reference:  # read now: a broken playbook is told before the index opens
        given.reference  # noqa: B018
    with open_index(app_state.data_home, rescan, app_state.language) as index:
        found = report.result(index, given, slug)
    if as_json:
        from salescoach.ui.reports import json_report

        json_report(report.unwalked(found))
        return
    _show(name, found, given, False, app_state.language)


def _show(name: str, found: Any, given: Given, as_json: bool, language: str) -> None:
    if as_json:
        from salescoach.ui.reports import json_report

        json_report(found)
        return
    from salescoach.ui.pager import paged
    from salescoach.ui.reports import RENDERERS

    with paged():
        RENDERERS[name](found, given, language)


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
        _day(since, app_state.language, "--since")
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


def account_slug(app_state: AppState, name: str) -> str:
    """The folder of the existing account ``name`` (slug or name); NotFoundError otherwise. Found
    without loading the store's models when its ``account.yaml`` reads plainly (see
    :mod:`salescoach.store.lookup`)."""
    from salescoach.store.lookup import existing_slug

    return existing_slug(app_state.data_home, name) or app_state.repository.find_account(name).slug


def _rep_names(homes: list[Path]) -> list[tuple[str, Path]]:
    """Each home with a rep name: its folder's name, or more of its path if two share it."""
    from salescoach.paths import expand

    resolved = [expand(home).absolute() for home in homes]
    for given, home in zip(homes, resolved, strict=True):
        # A rep who has only practised, or not started, is still a rep; a typo is not.
        if not home.is_dir():
            what = "does not exist" if not home.exists() else "is not a folder"
            raise UsageError(
                f"--home {given}: {what}; it is not a rep's salescoach home",
                hint="give each rep's data home, the folder that holds accounts/",
            )
    names = [home.name for home in resolved]
    return [
        (name if names.count(name) == 1 else str(home), home)
        for name, home in zip(names, resolved, strict=True)
    ]


def _day(value: str | None, language: str, option: str = "--today") -> dt.date:
    if value is None:
        return dt.date.today()
    from salescoach.store.facts import parse_day

    day = parse_day(value)
    if day is None:
        raise UsageError(message(language, "bad_date", option=option, given=value))
    return day
