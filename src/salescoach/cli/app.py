"""The command line: one Typer app, global options, and the single place errors are printed.

Commands are registered lazily: ``salescoach list`` builds and imports only the module that owns
``list``, since Typer otherwise inspects every command's signature on every run. Without a known
command (``--help``, a typo) every command is registered, so help and "no such command" see them
all.
"""

from __future__ import annotations

import importlib
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salescoach import __version__
from salescoach.cli.state import AppState
from salescoach.errors import ProblemsError, SalescoachError

OWNERS: dict[str, str] = {
    "prep": "prep",
    "debrief": "prep",
    "edit": "prep",
    "resume": "drafts",
    "list": "records",
    "show": "records",
    "agenda": "reports",
    "account": "reports",
    "export": "reports",
    "report": "reports",
    "playbook": "playbooks",
}
"""Each command's module under ``salescoach.cli``; each module has ``register(app)``."""
GLOBAL_OPTIONS_WITH_VALUE = ("--home", "--playbooks", "--lang")

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


def command_in(argv: list[str]) -> str | None:
    """The command an argument list names, skipping global options; None if there is none."""
    skip = False
    for argument in argv:
        if skip:
            skip = False
        elif argument in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not argument.startswith("-"):
            return argument
    return None


def register_commands(argv: list[str]) -> None:
    """Register the command ``argv`` names, or every command when it names none we know."""
    wanted = OWNERS.get(command_in(argv) or "")
    modules = [wanted] if wanted else list(dict.fromkeys(OWNERS.values()))
    registered = {info.name for info in app.registered_commands} | {
        group.name for group in app.registered_groups
    }
    for module in modules:
        names = {name for name, owner in OWNERS.items() if owner == module}
        if not names <= registered:
            importlib.import_module(f"salescoach.cli.{module}").register(app)


def run(argv: list[str]) -> int:
    """Run the app on ``argv`` and return the exit code; the one place errors are printed."""
    debug = "--debug" in argv or bool(os.environ.get("SALESCOACH_DEBUG"))
    register_commands(argv)
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
