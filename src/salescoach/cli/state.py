"""What every command shares: the global options, and the library and store they select.

Imports of the core are made where they are first needed: ``salescoach --help`` must not pay
for pydantic models it never uses.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Typer is imported where it is used: ``search`` runs without it
    import typer

    from salescoach.errors import Problem, SalescoachError
    from salescoach.playbook.library import Library
    from salescoach.playbook.model import Depth
    from salescoach.playbook.sources import Source
    from salescoach.service.meetings import Meetings, Outcome
    from salescoach.session.prompter import Prompter
    from salescoach.settings import Settings
    from salescoach.store.repository import Repository


UNREADABLE: list[str] = []
"""The record files a read command could not read during this run (``file: why``): its answer
leaves them out, so the run exits 1 after showing it (see :func:`salescoach.cli.app.run`)."""


def note_unreadable(problems: list[str]) -> None:
    """Remember files a command's answer had to leave out (named on stderr already)."""
    UNREADABLE.extend(problems)


def unless_unreadable(code: int, language: Callable[[], str]) -> int:
    """1 instead of success when the answer left out records it could not read (a conflict, a
    damaged file): they were named on stderr, and a script must not take the answer as whole.
    ``language`` is asked only then."""
    if code != 0 or not UNREADABLE:
        return code
    from salescoach.messages import message
    from salescoach.ui import render

    render.say(message(language(), "unreadable_exit", count=len(UNREADABLE)), "error")
    return 1


class AppState:
    """Global options, resolved lazily: a command that needs no playbooks loads none."""

    def __init__(
        self,
        home: Path | None = None,
        playbook_dirs: list[Path] | None = None,
        lang: str | None = None,
        debug: bool = False,
    ) -> None:
        self.home = home
        self.playbook_dirs = list(playbook_dirs or [])
        self.lang = lang
        self.debug = debug
        self._libraries: dict[str, Library] = {}

    @cached_property
    def settings(self) -> Settings:
        """The user's config file (defaults when there is none)."""
        from salescoach.settings import load_settings

        return load_settings()

    @cached_property
    def language(self) -> str:
        """``--lang``, else config, else locale, else English."""
        if self.lang:
            return self.lang
        from salescoach.paths import config_file

        if not config_file().is_file():  # no settings to read: no pydantic to import
            from salescoach.messages import locale_language

            return locale_language()
        from salescoach.settings import choose_language

        return choose_language(self.lang, self.settings)

    def language_without_config(self) -> str:
        """The language, even when the config file is broken (to speak while it is fixed)."""
        from salescoach.errors import ProblemsError

        try:
            return self.language
        except ProblemsError:  # imported only then: without a config, help needs no pydantic
            from salescoach.settings import Settings, choose_language

            return choose_language(self.lang, Settings())

    @cached_property
    def library(self) -> Library:
        """Every playbook on the search path for the chosen language (validated once, then
        kept in the user cache until a file on the path changes: see
        :mod:`salescoach.library_cache`)."""
        return self.library_in(self.language)

    @property
    def playbook_sources(self) -> list[Source]:
        """The playbook search path for the chosen language (nothing read yet)."""
        from salescoach.playbook.sources import search_path

        return search_path(self.language, self.settings.playbooks, self.playbook_dirs)

    def playbook_sources_in(self, language: str) -> list[Source]:
        """The playbook search path for ``language`` (nothing read yet)."""
        from salescoach.playbook.sources import search_path

        return search_path(language, self.settings.playbooks, self.playbook_dirs)

    def library_in(self, language: str) -> Library:
        """The playbooks in ``language`` (a record's own), on the same search path; loaded once
        per language and run."""
        found = self._libraries.get(language)
        if found is None:
            from salescoach.library_cache import cached_library

            sources = self.playbook_sources_in(language)
            found = self._libraries[language] = cached_library(language, sources)
        return found

    @cached_property
    def data_home(self) -> Path:
        """Where records live."""
        from salescoach.paths import data_home

        return data_home(self.home or self.settings.home)

    @cached_property
    def repository(self) -> Repository:
        """The record store in the data home."""
        from salescoach.store.repository import Repository

        return Repository(self.data_home)

    @cached_property
    def meetings(self) -> Meetings:
        """The meetings service over this store, these playbooks (loaded on use), this language."""
        from salescoach.service.meetings import Meetings

        settings = self.settings
        return Meetings(
            self.repository,
            lambda: self.library,
            self.language,
            library_in=self.library_in,
            forced=self.lang is not None,
            author=settings.author,
            auto_sync=settings.sync == "auto",
        )

    def language_of(self, record_language: str) -> str:
        """The language to show a record in: ``--lang``, else the record's own."""
        return self.lang or record_language

    def depth(self, quick: bool, depth: str | None) -> Depth:
        """The depth to walk: ``--quick``, else ``--depth``, else the config's, else standard."""
        from salescoach.playbook.model import Depth
        from salescoach.settings import choose_depth

        return Depth(choose_depth(quick, depth, self.settings))


def state(ctx: typer.Context) -> AppState:
    """The AppState the app callback stored (a fresh one when a command is invoked directly)."""
    found = ctx.find_object(AppState)
    return found if found is not None else AppState()


def require_terminal(stdin_is_tty: bool, language: str = "en") -> None:
    """Refuse to prompt without a terminal: questionary would read piped newlines as answers."""
    from salescoach.errors import UsageError
    from salescoach.messages import message

    if not stdin_is_tty:
        raise UsageError(
            message(language, "no_terminal"), hint=message(language, "no_terminal_hint")
        )


INTERRUPTED_EXIT = 130


def prompter_for(no_input: bool, language: str) -> Prompter | None:
    """The terminal prompter, or none with --no-input; refuses to prompt without a terminal."""
    if no_input:
        return None
    import sys

    require_terminal(sys.stdin is not None and sys.stdin.isatty(), language)  # None: closed
    from salescoach.ui.prompts import QuestionaryPrompter

    return QuestionaryPrompter(language=language)


def conclude(language: str, outcome: Outcome) -> None:
    """Show how a walk ended; exit 130 after an interruption, 0 after a discard (SystemExit:
    Typer lets it through, and the command line run without Typer exits with it)."""
    from salescoach.service.meetings import Discarded, Finished
    from salescoach.ui import render

    if isinstance(outcome, Finished):
        render.dropped(language, outcome.dropped, outcome.unused)
        render.saved(outcome.saved)
        auto_synced(language, outcome.synced, outcome.sync_failed)
        return
    if isinstance(outcome, Discarded):
        render.discarded(language, outcome.kind)
        raise SystemExit(0)
    render.interrupted(language, outcome)
    raise SystemExit(outcome.exit_code)  # 130, or 128 + the signal that stopped the walk


def auto_synced(language: str, remote: str | None, failure: SalescoachError | None) -> None:
    """After a save with ``sync: auto``: where it was shared, or why it was not (a warning)."""
    if remote is None and failure is None:
        return
    from salescoach.messages import message
    from salescoach.ui import render

    if remote is not None:
        render.say(message(language, "auto_synced", remote=remote), "ok")
    if failure is not None:
        why = f"{failure.message} ({failure.hint})" if failure.hint else failure.message
        render.say(message(language, "auto_sync_failed", why=why), "warning")


def offer_reopen(language: str, problems: list[Problem]) -> bool:
    """After an edit left problems: show them, ask whether to reopen the editor."""
    import typer

    from salescoach.errors import ProblemsError
    from salescoach.messages import message
    from salescoach.ui import render

    render.error(language, ProblemsError(problems), summary=False)
    try:
        return typer.confirm(
            message(language, "reopen_editor", count=len(problems)), default=True, err=True
        )
    except (typer.Abort, KeyboardInterrupt, EOFError):
        render.say("")
        return False
