"""The command line: one Typer app, global options, and the single place errors are printed.

Commands are registered lazily: ``salescoach list`` builds and imports only the module that owns
``list``, since Typer otherwise inspects every command's signature on every run. Without a known
command (``--help``, a typo) every command is registered, so help and "no such command" see them
all.
"""

import importlib
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salescoach import __version__
from salescoach.cli.state import UNREADABLE, AppState, unless_unreadable

OWNERS: dict[str, str] = {
    "prep": "prep",
    "debrief": "prep",
    "edit": "prep",
    "resume": "drafts",
    "list": "records",
    "show": "records",
    "search": "search",
    "agenda": "reports",
    "account": "reports",
    "export": "reports",
    "next": "nextsteps",
    "recap": "recap",
    "report": "reports",
    "playbook": "playbooks",
    "completion": "completion",
    "config": "config",
    "drill": "drill",
    "init": "team",
    "sync": "team",
    "onboarding": "onboarding",
}
"""Each command's module under ``salescoach.cli``; each module has ``register(app)``."""
SUMMARIES: dict[str, str] = {
    "prep": "Prepare a meeting: objectives, OPA, discovery questions, MESORE, objections.",
    "debrief": "Record the debrief of a prepared meeting, while memory is fresh.",
    "edit": "Walk an existing prep or debrief again, its answers as defaults, and rewrite it.",
    "resume": "Go on with an interrupted prep or debrief, at the first unanswered question.",
    "list": "List meetings and their records, newest first.",
    "show": "Show a meeting's prep and debrief.",
    "search": "Find records by the words of their answers and notes, best match first.",
    "agenda": "What needs doing now, most late first.",
    "account": "An account's timeline, and what is still open with it.",
    "export": "Export records as JSON lines or CSV, or meetings and next steps as iCalendar.",
    "next": "Next steps and their state: list the open ones, mark one done, move it, drop it.",
    "recap": "Draft the follow-up message to send the client, from the meeting's debrief.",
    "report": "Reports over the records: objections, objectives, phases, funnel, team.",
    "playbook": "Write, check and preview playbooks (the YAML files that carry the method).",
    "completion": "Install shell completion (bash, zsh, fish), or print its script.",
    "config": "Show, locate or edit your settings (language, team playbooks, data home).",
    "drill": "Practise objections and the team's cards between meetings (spaced repetition, FSRS).",
    "init": "Set up the data home; with --git, share it through a git repository.",
    "sync": "Share the home through git: commit what changed, pull (rebase), push.",
    "onboarding": "Your integration checklist as a new rep: what is done, and what is left.",
}
"""What ``salescoach --help`` lists: each command's first help line (a test keeps them equal)."""
GLOBAL_OPTIONS_WITH_VALUE = ("--home", "--playbooks", "--lang")
COMPLETE_VAR = "_SALESCOACH_COMPLETE"
"""Set by the completion scripts (``salescoach completion``) when the shell asks."""


class Language(StrEnum):
    """The languages the built-in playbooks and messages exist in."""

    en = "en"
    fr = "fr"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salescoach {__version__}")
        raise typer.Exit()


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
    _check_playbook_dirs(ctx.obj)


def _check_playbook_dirs(app_state: AppState) -> None:
    """A ``--playbooks`` folder that is not there is a typo: refused, not silently ignored."""
    from salescoach.paths import expand

    for given in app_state.playbook_dirs:
        if not expand(given).exists():
            from salescoach.errors import UsageError
            from salescoach.messages import message

            raise UsageError(message(app_state.language, "no_playbook_dir", path=given))


def new_app() -> typer.Typer:
    """The app with its global options and no command yet (see :func:`register_commands`)."""
    built = typer.Typer(
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
    built.callback()(main)
    return built


app = new_app()


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


def register_commands(argv: list[str], target: typer.Typer | None = None) -> None:
    """Register what a run needs: the command ``argv`` names, else every command's summary.

    Without a known command (``--help``, no arguments, a typo) the app only shows names and
    summaries, so each command stands in as its name and :data:`SUMMARIES` line; a typo still
    gets "did you mean". A known command is imported and built for real, alone.
    """
    target = target or app
    name = command_in(argv) or ""
    wanted = OWNERS.get(name)
    if wanted is None:
        present = {c.name for c in target.registered_commands}
        present |= {g.name for g in target.registered_groups}
        for stub_name, summary in SUMMARIES.items():
            if stub_name not in present:
                target.command(name=stub_name, help=summary)(_summary_only)
        return
    real = {c.name for c in target.registered_commands if c.callback is not _summary_only}
    if name in real | {g.name for g in target.registered_groups}:
        return
    target.registered_commands[:] = [c for c in target.registered_commands if c.name != name]
    # The module registers all its commands; only the one being run is kept, so Typer inspects
    # one signature rather than all of the module's.
    scratch = typer.Typer()
    importlib.import_module(f"salescoach.cli.{wanted}").register(scratch)
    reflow_help(scratch)
    target.registered_commands += [c for c in scratch.registered_commands if c.name == name]
    target.registered_groups += [g for g in scratch.registered_groups if g.name == name]


def register_everything(target: typer.Typer) -> None:
    """Register every command for real (tests compare them with :data:`SUMMARIES`)."""
    for module in dict.fromkeys(OWNERS.values()):
        importlib.import_module(f"salescoach.cli.{module}").register(target)
    reflow_help(target)


def reflow_help(target: typer.Typer) -> None:
    """Each command's help with the line breaks of its source joined, as in plain click.

    Typer's Rich help keeps every line break of a docstring's later paragraphs, so text
    wrapped at the source's width came out ragged at the terminal's. A paragraph whose lines
    are indented (the examples) keeps its lines.
    """
    import inspect

    commands = list(target.registered_commands)
    for group in target.registered_groups:
        if group.typer_instance is not None:
            reflow_help(group.typer_instance)
    for command in commands:
        text = command.help or inspect.getdoc(command.callback) or ""
        paragraphs = inspect.cleandoc(text).split("\n\n")
        command.help = "\n\n".join(
            part if part.startswith(" ") else " ".join(part.split("\n")) for part in paragraphs
        )


def _summary_only() -> None:
    """Never run: a command is registered for real before it is invoked."""


def help_language(argv: list[str]) -> str:
    """The language help is shown in: ``--lang``, else the config, else the locale."""
    lang = next(
        (value for option, value in zip(argv, argv[1:], strict=False) if option == "--lang"),
        None,
    )
    return AppState(lang=lang if lang in Language.__members__ else None).language_without_config()


def run(argv: list[str]) -> int:
    """Run the app on ``argv`` and return the exit code; the one place errors are told.

    A known error is one paragraph and its exit code; anything else one line, its traceback
    in a log file, and exit 70 (see :mod:`salescoach.cli.edge`).
    """
    debug = "--debug" in argv or bool(os.environ.get("SALESCOACH_DEBUG"))
    UNREADABLE.clear()
    try:
        if os.environ.get(COMPLETE_VAR):  # the shell asks what to complete: every command, real
            from salescoach.cli.completion import prepare_completion

            prepare_completion()
            register_everything(app)
        else:
            register_commands(argv)
        # Not standalone: Typer's own errors (an unknown command, a missing argument) reach the
        # edge below, to be told in the rep's language like every other error.
        if shows_help(argv):
            from salescoach.cli.lean_help import import_help_renderer

            import_help_renderer()
            language = help_language(argv)
            if language != "en":
                from salescoach.cli.help_language import translate

                command = typer.main.get_command(app)  # what app() runs, made first
                translate(command, language)
                return _exit_code(command(args=argv, prog_name="salescoach", standalone_mode=False))
        returned = app(args=argv, prog_name="salescoach", standalone_mode=False)
    except SystemExit as done:
        code = done.code
        return _unless_unreadable(
            code if isinstance(code, int) else (0 if code is None else 1), argv
        )
    except (Exception, KeyboardInterrupt) as failure:
        # Imported here: the edge is needed only when something went wrong.
        from salescoach.cli.edge import handle

        return handle(failure, argv=argv, debug=debug)
    return _unless_unreadable(_exit_code(returned), argv)


def shows_help(argv: list[str]) -> bool:
    """Whether the run shows help: ``--help``, no arguments, or a group without its command."""
    if not argv or "--help" in argv or "-h" in argv:
        return True
    name = command_in(argv)
    helped = {
        group.name
        for group in app.registered_groups
        if group.typer_instance is not None and group.typer_instance.info.no_args_is_help is True
    }
    if name is None or name not in helped:
        return False
    after = argv[argv.index(name) + 1 :]
    return not any(not argument.startswith("-") for argument in after)


def _exit_code(returned: object) -> int:
    """What Typer returns when not standalone: an exit code (``typer.Exit``), else the
    command's own return value (none of them returns one), which is success."""
    return returned if isinstance(returned, int) and not isinstance(returned, bool) else 0


def _unless_unreadable(code: int, argv: list[str]) -> int:
    """The exit code, 1 instead of success when records could not be read (see
    :func:`~salescoach.cli.state.unless_unreadable`)."""

    def language() -> str:  # the edge is imported only when something went wrong
        from salescoach.cli.edge import language_of

        return language_of(argv)

    return unless_unreadable(code, language)
