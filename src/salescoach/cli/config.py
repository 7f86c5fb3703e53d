"""``config show|path|edit``: the user's settings file (language, team playbooks, data home)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from salescoach.cli.state import offer_reopen, state

app = typer.Typer(
    help="Show, locate or edit your settings (language, team playbooks, data home).",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

TEMPLATE = """\
# salescoach settings. `salescoach config show` prints what is in use.
# lang: fr                          # en or fr (default: the locale)
# playbooks: [~/team-playbooks]     # team playbook directories, searched after the built-ins
# home: ~/salescoach                # where records live (default: the platform's data dir)
# author: Ana Lopez                 # your name on your records (default: git's user.name)
# sync: auto                        # share the home through git after every save
"""


def register(parent: typer.Typer) -> None:
    """Add the ``config`` group to the app."""
    parent.add_typer(app, name="config")


def effective(settings: Any, language: str, data_home: Path, config: Path) -> dict[str, Any]:
    """What is in use, and where the settings come from: the ``config show --json`` document."""
    return {
        "config_file": str(config),
        "config_file_exists": config.is_file(),
        "lang": settings.lang,
        "playbooks": [str(path) for path in settings.playbooks],
        "home": str(settings.home) if settings.home else None,
        "in_use": {"language": language, "data_home": str(data_home)},
    }


@app.command(name="show")
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
) -> None:
    """Print the settings in use: the config file's, then the language and home they lead to.

    A setting that is not valid is reported with its file, line and column.
    """
    from salescoach.paths import config_file
    from salescoach.ui import render

    app_state = state(ctx)
    shown = effective(app_state.settings, app_state.language, app_state.data_home, config_file())
    if as_json:
        render.json_document(shown)
        return
    render.settings(app_state.language, shown)


@app.command(name="path")
def path() -> None:
    """Print where the config file is (or would be): $SALESCOACH_CONFIG, else the config dir."""
    from salescoach.paths import config_file

    sys.stdout.write(f"{config_file()}\n")


@app.command(name="edit")
def edit(ctx: typer.Context) -> None:
    """Open the config file in $VISUAL or $EDITOR (created with every setting commented out),
    and check it when the editor closes; on errors you are offered to reopen it."""
    from salescoach.errors import ProblemsError, SalescoachError
    from salescoach.messages import message
    from salescoach.paths import config_file
    from salescoach.playbook.scaffold import edit_until_valid
    from salescoach.settings import load_settings
    from salescoach.ui import render
    from salescoach.ui.editor import editor_command, run_editor

    app_state = state(ctx)
    language = app_state.language_without_config()
    command = editor_command(language)
    target = config_file()
    _create(target)

    def check(file: Path) -> list[Any]:
        try:
            load_settings(file)
        except ProblemsError as error:
            return error.problems
        return []

    def open_editor(file: Path) -> None:
        status = run_editor(language, command, file)
        if status != 0:
            render.say(message(language, "editor_status", status=status), "warning")

    problems = edit_until_valid(
        target,
        open_editor,
        check,
        lambda found: offer_reopen(language, found),
    )
    if problems:
        raise SalescoachError(
            message(language, "config_left_broken", path=target, count=len(problems)),
            hint=message(language, "config_left_broken_hint"),
            language=language,
        )
    render.say(message(language, "config_valid", path=target), "ok")


def _create(target: Path) -> None:
    """A new config file, every setting commented out, private like the rest of the user's data."""
    if target.exists():
        return
    from salescoach.store.atomic import atomic_write

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, TEMPLATE)
