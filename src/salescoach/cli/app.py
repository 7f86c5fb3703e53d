"""The command line: one Typer app, global options, and the single place errors are printed."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salescoach import __version__
from salescoach.cli import drafts, playbooks, prep, records, reports
from salescoach.cli.state import AppState
from salescoach.errors import ProblemsError, SalescoachError

app = typer.Typer(
    name="salescoach",
    help=(
        "Prepare B2B sales meetings and record their debriefs, guided by playbooks.\n\n"
        "Start with [bold]salescoach prep ACME[/bold]; after the meeting, "
        "[bold]salescoach debrief --last[/bold]."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Language(StrEnum):
    """The languages the built-in playbooks and messages exist in."""

    en = "en"
    fr = "fr"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salescoach {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            envvar="SALESCOACH_HOME",
            help="Data directory for records and drafts (default: the platform's user data dir).",
            show_default=False,
        ),
    ] = None,
    playbook_dirs: Annotated[
        list[Path] | None,
        typer.Option(
            "--playbooks",
            help="A team playbook directory, searched last (wins over built-ins). Repeatable.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of playbooks and messages (default: config, then locale).",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something fails.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options apply to every command."""
    ctx.obj = AppState(
        home=home,
        playbook_dirs=list(playbook_dirs or []),
        lang=lang.value if lang else None,
        debug=debug,
    )


prep.register(app)
drafts.register(app)
records.register(app)
reports.register(app)
app.add_typer(playbooks.app, name="playbook")


def run(argv: list[str]) -> int:
    """Run the app on ``argv`` and return the exit code; the one place errors are printed."""
    debug = "--debug" in argv or bool(os.environ.get("SALESCOACH_DEBUG"))
    try:
        app(args=argv, prog_name="salescoach", standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except SalescoachError as failure:
        if debug:
            raise
        _report(failure)
        return failure.exit_code
    except KeyboardInterrupt:
        if debug:
            raise
        _error("interrupted")
        return 130
    return 0


def _report(failure: SalescoachError) -> None:
    from salescoach.ui.console import err

    if isinstance(failure, ProblemsError):
        for problem in failure.problems:
            err.print(f"[error]error:[/error] {_escape(str(problem))}")
        count = len(failure.problems)
        err.print(f"{count} problem{'s' if count != 1 else ''} found.", style="hint")
        return
    err.print(f"[error]error:[/error] {_escape(failure.message)}")
    if failure.hint:
        err.print(_escape(failure.hint), style="hint")


def _error(message: str) -> None:
    from salescoach.ui.console import err

    err.print(f"[error]{message}[/error]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
