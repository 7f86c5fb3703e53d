"""``init`` and ``sync``: a data home shared through git (:mod:`salescoach.service.sync`)."""

from __future__ import annotations

from typing import Annotated

import typer

from salescoach.cli.state import state


def register(app: typer.Typer) -> None:
    """Add ``init`` and ``sync`` to the app."""
    app.command(name="init")(init)
    app.command(name="sync")(sync)


def init(
    ctx: typer.Context,
    remote: Annotated[
        str | None,
        typer.Argument(
            metavar="[REMOTE]",
            help="The team's repository (URL or path): cloned into a new home, else added as "
            "the home's remote.",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        bool, typer.Option("--git", help="Make the home a git repository (or clone REMOTE).")
    ] = False,
) -> None:
    """Set up the data home; with --git, share it through a git repository.

    `salescoach init --git` makes the home a repository (its .gitignore keeps drafts and
    machine-local files out); `salescoach init --git URL` clones the team's repository when the
    home does not exist yet, or adds URL as the remote of an existing home.
    """
    from salescoach.messages import message
    from salescoach.ui import render

    app_state = state(ctx)
    language = app_state.language
    home = app_state.data_home
    if not git:
        from salescoach.errors import UsageError

        raise UsageError(message(language, "init_needs_git"))
    from salescoach.service.sync import init_git

    done = init_git(home, remote, language)
    if done.cloned:
        render.say(message(language, "cloned", remote=done.remote, home=done.home), "ok")
    elif done.remote:
        render.say(message(language, "inited_remote", remote=done.remote, home=done.home), "ok")
    else:
        render.say(message(language, "inited", home=done.home), "ok")


def sync(ctx: typer.Context) -> None:
    """Share the home through git: commit what changed, pull (rebase), push.

    The commit's message names the meetings. A file holding conflict markers is never
    committed; no remote, no network or a conflict is an error saying what to do.
    """
    from salescoach.messages import message
    from salescoach.service.sync import sync as run_sync
    from salescoach.ui import render

    app_state = state(ctx)
    language = app_state.language
    done = run_sync(app_state.data_home, language)
    for meeting in done.committed:
        render.say(f"  {meeting}")
    key = "synced" if done.commit else "synced_nothing"
    render.say(
        message(
            language,
            key,
            remote=done.remote,
            committed=len(done.committed),
            received=len(done.received),
        ),
        "ok",
    )
