"""``list`` and ``show``: read the records back."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from salescoach.cli.state import state
from salescoach.errors import NotFoundError, UsageError
from salescoach.store.record import Record
from salescoach.workflow import render_record_body

KINDS = ("prep", "debrief")


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
) -> None:
    """List meetings and their records, newest first."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be prep or debrief, not {kind!r}")
    from salescoach.ui.console import err, out

    repository = state(ctx).repository
    records: list[Record] = []
    for item in repository.scan(account=account, kind=kind):
        if isinstance(item, Record):
            records.append(item)
        else:
            err.print(f"[warning]skipped[/warning] {item.path}: {item.message}", highlight=False)
    records.sort(key=lambda r: (r.meeting_date or "", r.created), reverse=True)
    if as_json:
        rows = [_summary(record) for record in records]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not records:
        err.print("No records yet. Start with: salescoach prep ACCOUNT", style="hint")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("date", "meeting", "account", "type", "kind", "phase"):
        table.add_column(column)
    for record in records:
        table.add_row(
            record.meeting_date or "",
            record.meeting,
            record.account.name,
            record.meeting_type or "",
            record.kind,
            _phase(record) or "",
        )
    out.print(table)


def _phase(record: Record) -> str | None:
    space = "debrief" if record.kind == "debrief" else "meeting"
    phase = record.answers.get(space, {}).get("phase")
    return str(phase) if phase else None


def _summary(record: Record) -> dict[str, Any]:
    return {
        "meeting": record.meeting,
        "kind": record.kind,
        "account": record.account.name,
        "account_slug": record.account.slug,
        "meeting_type": record.meeting_type,
        "meeting_date": record.meeting_date,
        "phase": _phase(record),
        "created": record.created,
        "updated": record.updated,
    }


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
) -> None:
    """Show a meeting's prep and debrief."""
    if as_json and as_markdown:
        raise UsageError("give --json or --markdown, not both")
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be prep or debrief, not {kind!r}")
    app_state = state(ctx)
    repository = app_state.repository
    meeting_id = repository.resolve_meeting(meeting)
    found: list[Record] = []
    for wanted in (kind,) if kind else KINDS:
        try:
            found.append(repository.load(meeting_id, wanted))
        except NotFoundError:
            continue
    if not found:
        raise NotFoundError(f"meeting {meeting_id} has no {kind or 'record'}")
    if as_json:
        data = {record.kind: record.model_dump(mode="json") for record in found}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from salescoach.ui.console import out

    for record in found:
        if as_markdown:
            path = repository.path_of(meeting_id, record.kind)
            sys.stdout.write(path.read_text(encoding="utf-8"))
            continue
        body = render_record_body(record, app_state.library)
        from rich.markdown import Markdown

        out.print(Markdown(body))
        if record.notes.strip():
            out.print(Markdown("## Notes\n\n" + record.notes))
