"""``agenda``, ``account``, ``report …`` and ``export``: the records put to work between meetings.

Every command reads the derived index (built on first use, with a progress bar), computes a
report with a pure function of :mod:`salescoach.reports`, and prints a Rich table — or, with
``--json``, the same rows for machines.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from salescoach.cli.state import AppState, state
from salescoach.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from salescoach.reports.agenda import AgendaItem
    from salescoach.reports.funnel import FunnelReport
    from salescoach.reports.objections import ObjectionsReport
    from salescoach.reports.objectives import ObjectivesReport
    from salescoach.reports.phases import PhasesReport
    from salescoach.reports.reference import Reference
    from salescoach.reports.team import TeamReport
    from salescoach.reports.timeline import MeetingLine, Timeline
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
PROGRESS_FROM = 200
"""Reading fewer record files than this into the index shows no progress bar."""
BAR_WIDTH = 20
OBJECTIONS_SHOWN = 20
"""The table shows objections up to this rank; ``--json`` has them all."""
BAR = "\0bar"
"""A column name for :func:`_table`: a column of bars, never wrapped."""
_EIGHTHS = " ▏▎▍▌▋▊▉"


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
    from salescoach.reports import agenda as report

    app_state = state(ctx)
    day = _day(today)
    with open_index(app_state.data_home, rescan) as index:
        facts = index.facts(parts=report.NEEDS)
    items = report.agenda(facts, _reference(app_state), day, days)
    if as_json:
        _print_json({"today": day, "days": days, "items": items})
        return
    render_agenda(_out(), items, day + dt.timedelta(days=days), limit)


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
    from salescoach.reports import timeline as report

    app_state = state(ctx)
    slug = app_state.repository.find_account(name).slug
    with open_index(app_state.data_home, rescan) as index:
        facts = index.facts(account=slug, parts=report.NEEDS)
    found = report.timeline(facts)
    if found is None:
        from salescoach.errors import NotFoundError

        raise NotFoundError(f"account {name!r} has no records yet", hint=f"salescoach prep {name}")
    if as_json:
        _print_json({**_plain(found), "balance": found.balance})
        return
    render_timeline(_out(), found, _reference(app_state))


@report_app.command(name="objections")
def report_objections(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """How often each objection came up and how well it was handled, against the playbook's
    top ten: objections the library lacks, entries never met."""
    from salescoach.reports import objections as report

    app_state = state(ctx)
    with open_index(app_state.data_home, rescan) as index:
        facts = index.facts(kind="debrief", parts=report.NEEDS)
    found = report.objections(facts, _reference(app_state))
    if as_json:
        _print_json(found)
        return
    render_objections(_out(), found)


@report_app.command(name="objectives")
def report_objectives(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """Share of objectives reached, partly reached and not reached: by meeting type, by month."""
    from salescoach.reports import objectives as report

    app_state = state(ctx)
    with open_index(app_state.data_home, rescan) as index:
        found = report.objectives(index.facts(parts=report.NEEDS))
    if as_json:
        _print_json(found)
        return
    render_objectives(_out(), found, _reference(app_state))


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
    from salescoach.reports import phases as report

    app_state = state(ctx)
    with open_index(app_state.data_home, rescan) as index:
        facts = index.facts(parts=report.NEEDS)
    found = report.phases(facts, _reference(app_state), _day(today), stuck_after)
    if as_json:
        _print_json(found)
        return
    render_phases(_out(), found)


@report_app.command(name="funnel")
def report_funnel(
    ctx: typer.Context, as_json: JsonOption = False, rescan: RescanOption = False
) -> None:
    """How deep discoveries go: share of debriefs with information at each funnel level."""
    from salescoach.reports import funnel as report

    app_state = state(ctx)
    with open_index(app_state.data_home, rescan) as index:
        found = report.funnel(index.facts(kind="debrief", parts=report.NEEDS))
    if as_json:
        _print_json(found)
        return
    render_funnel(_out(), found)


@report_app.command(name="team")
def report_team(
    ctx: typer.Context,
    homes: Annotated[
        list[Path] | None,
        typer.Option("--home", help="A rep's data home; repeat for each rep.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
    today: TodayOption = None,
    rescan: RescanOption = False,
) -> None:
    """Each rep's figures (meetings, objectives reached, phase advances, days to closing) and a
    score out of 5 on each against the team average (2.5 = the average)."""
    from salescoach.reports import team as report

    if not homes:
        raise UsageError("give each rep's data home: salescoach report team --home DIR --home DIR")
    reference = _reference(state(ctx))
    day = _day(today)
    figures = []
    for name, home in _rep_names(homes):
        with open_index(home, rescan) as index:
            facts = index.facts(parts=report.NEEDS)
        figures.append(report.rep_figures(name, facts, reference, day))
    found = report.team(figures)
    if as_json:
        _print_json(found)
        return
    render_team(_out(), found)


def export(
    ctx: typer.Context,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: every record, one per line; csv: one row per record; "
            "ics: next steps as calendar events.",
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
    rescan: RescanOption = False,
) -> None:
    """Export records as JSON lines or CSV, or their next steps as an iCalendar file."""
    from salescoach.reports import export as report

    app_state = state(ctx)
    if since is not None:
        _day(since, "--since")
    slug = app_state.repository.find_account(account).slug if account else None
    with open_index(app_state.data_home, rescan) as index:
        if export_format == ExportFormat.json:
            text = "".join(f"{line}\n" for line in _json_lines(index, slug, since))
        elif export_format == ExportFormat.csv:
            text = report.csv_text(index.facts(account=slug, since=since, parts=report.NEEDS))
        else:
            facts = index.facts(account=slug, kind="debrief", since=since, parts=report.ICS_NEEDS)
            text = report.ics_text(facts)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    from salescoach.store.atomic import atomic_write

    atomic_write(output.expanduser().absolute(), text)
    _err().print(f"[ok]Exported[/ok] {export_format.value} to {output}")


# --------------------------------------------------------------------------------- helpers


def open_index(home: Path, rescan: bool) -> Index:
    """The home's index, up to date; a progress bar on stderr while many files are read."""
    from salescoach.store.index import Index

    bar = _ProgressBar()
    try:
        index = Index.open(home, rescan=rescan, progress=bar)
    finally:
        bar.stop()
    problems = index.problems()
    if problems:
        console = _err()
        for problem in problems[:3]:
            console.print(
                f"[warning]skipped[/warning] {_escape(str(problem.path))}: "
                f"{_escape(problem.message)}",
                highlight=False,
                soft_wrap=True,
            )
        if len(problems) > 3:
            console.print(f"[warning]skipped {len(problems) - 3} more unreadable records[/warning]")
    return index


class _ProgressBar:
    """Shows a Rich progress bar on stderr once the index has many files to read."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            if total < PROGRESS_FROM:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=_err(),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("Indexing records", total=total)
        self._progress.update(self._task, completed=done, total=total)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _json_lines(index: Index, account: str | None, since: str | None) -> list[str]:
    from salescoach.errors import RecordError
    from salescoach.reports.export import json_line
    from salescoach.store.markdown import read_record_file

    lines = []
    for path in index.paths(account=account, since=since):
        try:
            lines.append(json_line(read_record_file(path)))
        except (RecordError, OSError) as error:
            _err().print(
                f"[warning]skipped[/warning] {_escape(str(path))}: {_escape(str(error))}",
                highlight=False,
                soft_wrap=True,
            )
    return lines


def _reference(app_state: AppState) -> Reference:
    from salescoach.reports.reference import Reference

    return Reference.from_library(app_state.library)


def _rep_names(homes: list[Path]) -> list[tuple[str, Path]]:
    """Each home with a rep name: its folder's name, or more of its path if two share it."""
    resolved = [home.expanduser().absolute() for home in homes]
    names = [home.name for home in resolved]
    return [
        (name if names.count(name) == 1 else str(home), home)
        for name, home in zip(names, resolved, strict=True)
    ]


def _day(value: str | None, option: str = "--today") -> dt.date:
    if value is None:
        return dt.date.today()
    from salescoach.reports.facts import parse_day

    day = parse_day(value)
    if day is None:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, not {value!r}")
    return day


def _plain(value: Any) -> Any:
    from salescoach.reports.jsonable import jsonable

    return jsonable(value)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(_plain(value), ensure_ascii=False, indent=2) + "\n")


def _out() -> Console:
    from salescoach.ui.console import out

    return out


def _err() -> Console:
    from salescoach.ui.console import err

    return err


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``value`` out of ``maximum``, ``width`` cells long, to 1/8 cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


# --------------------------------------------------------------------------------- rendering


def render_agenda(
    console: Console, items: list[AgendaItem], horizon: dt.date, limit: int = 0
) -> None:
    """The agenda as one table, most late first: the first ``limit`` items (0: all)."""
    if not items:
        _err().print(f"Nothing due up to {horizon.isoformat()}.", style="hint")
        return
    table = _table("when", "what", "account", "to do", "phase", "owner")
    for item in items[: limit or None]:
        table.add_row(
            _when(item.days_late),
            item.what,
            item.account,
            item.detail,
            item.phase or "",
            item.owner or "",
        )
    late = sum(1 for item in items if item.days_late > 0)
    due = sum(1 for item in items if item.days_late == 0)
    table.caption = f"{late} late · {due} today · {len(items) - late - due} coming"
    if limit and len(items) > limit:
        table.caption += f" · the {limit} most urgent shown (--limit 0: all)"
    console.print(table)


def render_timeline(console: Console, found: Timeline, reference: Reference) -> None:
    """An account's meetings, open next steps and commitments ledger."""
    phase = reference.phase(found.phase)
    console.print(
        f"[heading]{_escape(found.account)}[/heading] · "
        f"{_escape(phase.label if phase else found.phase or 'phase unknown')}"
    )
    meetings = _table("date", "type", "phase", "objectives", "objections", "meeting")
    for line in found.meetings:
        meetings.add_row(
            line.date,
            reference.meeting_types.get(line.meeting_type or "", line.meeting_type or ""),
            _phase_move(line.phase_before, line.phase_after, reference),
            _results(line),
            ", ".join(reference.objection_label(o) for o in line.objections),
            line.meeting,
        )
    console.print(meetings)
    if found.open_next_steps:
        steps = _table("due", "next step", "owner", title="Open next steps")
        for step in found.open_next_steps:
            steps.add_row(step.due or "", step.action, step.owner)
        console.print(steps)
    ledger = _table("date", "given", "received", title="Commitments (give and take)")
    for line in found.meetings:
        if line.given or line.received:
            ledger.add_row(line.date, "\n".join(line.given), "\n".join(line.received))
    sign = "+" if found.balance > 0 else ""
    ledger.caption = (
        f"given {found.given} · received {found.received} · balance {sign}{found.balance}"
        + (" — you give more than you get" if found.balance < 0 else "")
    )
    console.print(ledger)


def render_objections(console: Console, found: ObjectionsReport) -> None:
    """Objections by frequency, with bars, then what the library should learn from them."""
    if not found.rows:
        _err().print(f"No objections recorded in {found.debriefs} debriefs.", style="hint")
        return
    table = _table("#", "objection", "library", "met", "share", "handling", BAR)
    top = max(row.met for row in found.rows)
    shown = [row for row in found.rows if row.rank <= OBJECTIONS_SHOWN]
    for row in shown:
        table.add_row(
            str(row.rank),
            row.label,
            f"#{row.library_rank}" if row.library_rank else "[warning]new[/warning]",
            str(row.met),
            f"{row.share:.0%}",
            f"{row.handling:.1f}/5" if row.handling is not None else "",
            bar(row.met, top),
        )
    table.caption = f"over {found.debriefs} debriefs; handling is the rep's own rating"
    if len(shown) < len(found.rows):
        table.caption += f"; {len(found.rows) - len(shown)} rarer objections in --json"
    console.print(table)
    for title, names in (
        ("In the real top ten, missing from the library", found.missing_from_library),
        ("In the library, met but outside the top ten", found.outside_top),
        ("In the library, never met", found.never_met),
    ):
        if names:
            console.print(f"[heading]{title}:[/heading] {_escape(', '.join(names))}")


def render_objectives(console: Console, found: ObjectivesReport, reference: Reference) -> None:
    """Objective results overall, by meeting type and by month."""
    overall = found.overall
    console.print(
        f"[heading]Objectives[/heading]: {overall.objectives} rated in debriefs · "
        f"{_percent(overall.share(overall.reached))} reached · "
        f"{_percent(overall.share(overall.partly))} partly · "
        f"{_percent(overall.share(overall.not_reached))} not · "
        f"{found.not_debriefed} set in preps not debriefed"
    )
    for title, groups in (("meeting type", found.by_type), ("month", found.by_month)):
        table = _table(title, "objectives", "reached", "partly", "not", BAR)
        for group in groups:
            label = reference.meeting_types.get(group.group, group.group)
            table.add_row(
                label,
                str(group.objectives),
                _percent(group.share(group.reached)),
                _percent(group.share(group.partly)),
                _percent(group.share(group.not_reached)),
                bar(group.share(group.reached) or 0.0, 1.0),
            )
        console.print(table)


def render_phases(console: Console, found: PhasesReport) -> None:
    """The pipeline as a funnel of bars, time in each phase, and the accounts stuck."""
    table = _table("phase", "accounts", "share", BAR, "avg days", "stays", "stuck")
    top = max((row.accounts for row in found.rows), default=0)
    for row in found.rows:
        table.add_row(
            row.label,
            str(row.accounts),
            f"{row.share:.0%}",
            bar(row.accounts, top),
            f"{row.average_days:.0f}" if row.average_days is not None else "",
            str(row.stays),
            str(row.stuck) if row.stuck else "",
        )
    table.caption = (
        f"{found.accounts} accounts ({found.unknown} without a phase) · "
        f"{found.advances} phase advances, {found.setbacks} setbacks"
    )
    console.print(table)
    if found.stuck:
        stuck = _table(
            "account", "phase", "since", "days", title=f"Stuck more than {found.stuck_after} days"
        )
        for account in found.stuck[:20]:
            stuck.add_row(account.account, account.phase, account.since, str(account.days))
        if len(found.stuck) > 20:
            stuck.caption = f"and {len(found.stuck) - 20} more (--json lists them all)"
        console.print(stuck)


def render_funnel(console: Console, found: FunnelReport) -> None:
    """The four levels of information, with bars."""
    table = _table("level", "debriefs", "share", BAR)
    for row in found.rows:
        table.add_row(row.level, str(row.debriefs), f"{row.share:.0%}", bar(row.share, 1.0))
    depth = ", ".join(f"{levels} levels: {count}" for levels, count in found.depth.items())
    table.caption = f"over {found.debriefs} debriefs · {depth}"
    console.print(table)


def render_team(console: Console, found: TeamReport) -> None:
    """Each rep's figures with their score out of 5, and the team average."""
    table = _table("rep", "meetings", "objectives reached", "phase advances", "days to closing")
    for line in found.reps:
        figures = line.figures
        table.add_row(
            figures.rep,
            _scored(str(figures.meetings), line.scores["meetings"]),
            _scored(_percent(figures.objectives_reached), line.scores["objectives_reached"]),
            _scored(str(figures.phase_advances), line.scores["phase_advances"]),
            _scored(_number(figures.days_to_closing), line.scores["days_to_closing"]),
        )
    averages = found.averages
    table.add_row(
        "[muted]team average[/muted]",
        _number(averages["meetings"]),
        _percent(averages["objectives_reached"]),
        _number(averages["phase_advances"]),
        _number(averages["days_to_closing"]),
    )
    table.caption = "score out of 5: 2.5 is the team average, 5 twice as good"
    console.print(table)


def _table(*columns: str, title: str | None = None) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold", title=title, title_justify="left")
    for column in columns:
        if column == BAR:
            table.add_column("", no_wrap=True, min_width=BAR_WIDTH, overflow="crop")
        else:
            table.add_column(column)
    return table


def _when(days_late: int) -> str:
    if days_late > 0:
        return f"[error]{days_late} d late[/error]"
    if days_late == 0:
        return "[warning]today[/warning]"
    return f"[ok]in {-days_late} d[/ok]"


def _phase_move(before: str | None, after: str | None, reference: Reference) -> str:
    def short(value: str | None) -> str:
        known = reference.phase(value)
        return str(known.number) if known else value or "?"

    if after is None:
        return short(before) if before else ""
    if before is None or short(before) == short(after):
        return short(after)
    return f"{short(before)} → {short(after)}"


def _results(line: MeetingLine) -> str:
    if not line.debriefed:
        return f"{line.objectives} set, no debrief" if line.objectives else "no debrief"
    return f"{line.reached}/{line.objectives} reached" + (
        f", {line.partly} partly" if line.partly else ""
    )


def _scored(value: str, score: float | None) -> str:
    if score is None:
        return value
    style = "ok" if score >= 3 else "warning" if score >= 2 else "error"
    return f"{value} [{style}]{score:.1f}/5[/{style}]"


def _percent(share: float | None) -> str:
    return "" if share is None else f"{share:.0%}"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".removesuffix(".0")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
