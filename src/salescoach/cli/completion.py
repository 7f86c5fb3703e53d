"""``completion``: Tab completion of commands, options and choices in bash, zsh and fish.

``salescoach completion install`` writes the script where the shell loads it; ``completion show
SHELL`` prints it, for those who keep their own dotfiles. The scripts ask ``salescoach`` itself
what to complete (``_SALESCOACH_COMPLETE=complete_SHELL``), so they never go stale.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.app import COMPLETE_VAR
from salescoach.cli.state import state
from salescoach.messages import message

PROG = "salescoach"
RC_MARK = "# salescoach completion"

app = typer.Typer(
    help="Install shell completion (bash, zsh, fish), or print its script.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


class Shell(StrEnum):
    """The shells completion is written for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def register(parent: typer.Typer) -> None:
    """Add the ``completion`` group to the app."""
    parent.add_typer(app, name="completion")


def script(shell: Shell) -> str:
    """The completion script of ``shell``, ending with a newline."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell) + "\n"


def script_path(shell: Shell, home: Path) -> Path:
    """Where ``shell`` loads a completion script from without being told."""
    if shell == Shell.fish:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        return config / "fish" / "completions" / f"{PROG}.fish"
    if shell == Shell.zsh:
        return home / ".zfunc" / f"_{PROG}"
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data / "bash-completion" / "completions" / PROG


def rc_line(shell: Shell, path: Path) -> tuple[Path, str] | None:
    """The start-up file line that makes ``shell`` load the script, if it needs one."""
    home = Path.home()
    if shell == Shell.zsh:
        return home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    if shell == Shell.bash:  # bash-completion loads it lazily; without it, .bashrc does
        return home / ".bashrc", f"[ -f '{path}' ] && . '{path}'"
    return None


def install(shell: Shell) -> tuple[Path, Path | None]:
    """Write the script (and the start-up line the shell needs); where each went."""
    from salescoach.store.atomic import SHARED_MODE, atomic_write

    path = script_path(shell, Path.home())
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, script(shell), mode=SHARED_MODE)
    needed = rc_line(shell, path)
    if needed is None:
        return path, None
    rc_file, line = needed
    current = rc_file.read_text(encoding="utf-8") if rc_file.is_file() else ""
    if line not in current:
        with rc_file.open("a", encoding="utf-8") as appended:
            appended.write(f"{'' if current.endswith(chr(10)) or not current else chr(10)}")
            appended.write(f"{RC_MARK}\n{line}\n")
    return path, rc_file


def detected_shell() -> Shell | None:
    """The user's shell, from ``$SHELL``; None if it is not one completion is written for."""
    name = Path(os.environ.get("SHELL", "")).name
    return Shell(name) if name in Shell.__members__ else None


@app.command(name="install")
def install_command(
    ctx: typer.Context,
    shell: Annotated[
        Shell | None,
        typer.Argument(
            help="bash, zsh or fish (default: the shell in $SHELL).", show_default=False
        ),
    ] = None,
) -> None:
    """Install Tab completion for your shell; it takes effect in a new shell."""
    from salescoach.errors import UsageError
    from salescoach.ui import render

    language = state(ctx).language
    chosen = shell or detected_shell()
    if chosen is None:
        raise UsageError(message(language, "completion_no_shell"))
    path, rc_file = install(chosen)
    render.say(message(language, "completion_installed", shell=chosen.value, path=path), "ok")
    if rc_file is not None:
        render.say(message(language, "completion_rc", path=rc_file), "hint")
    render.say(message(language, "completion_restart"), "hint")


@app.command(name="show")
def show_command(
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.")],
) -> None:
    """Print the completion script of a shell, to keep it in your own dotfiles."""
    sys.stdout.write(script(shell))


def prepare_completion() -> None:
    """Before the app answers a completion request: Typer's completion classes, registered."""
    from typer._completion_classes import completion_init

    completion_init()
