"""What the read commands share around the derived index: opening it with a progress bar and
the unreadable files named, and the labels the playbooks give the ids it holds.

Imports nothing from Typer: ``search`` runs without it (:mod:`salescoach.cli.direct`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.messages import message

if TYPE_CHECKING:
    from rich.progress import Progress

    from salescoach.cli.state import AppState
    from salescoach.reports.reference import Reference
    from salescoach.store.index import Index

PROGRESS_FROM = 200
"""Reading fewer record files than this into the index shows no progress bar."""


def open_index(home: Path, rescan: bool, language: str = "en") -> Index:
    """The home's index, up to date; a progress bar on stderr while many files are read."""
    from salescoach.store.index import Index

    bar = _ProgressBar(language)
    try:
        index = Index.open(home, rescan=rescan, progress=bar)
    finally:
        bar.stop()
    problems = index.problems()
    if problems:
        from salescoach.cli.state import note_unreadable
        from salescoach.ui import render

        named = [f"{problem.path}: {problem.message}" for problem in problems]
        render.skipped(language, named)
        note_unreadable(named)
    return index


class _ProgressBar:
    """Shows a Rich progress bar on stderr once the index has many files to read."""

    def __init__(self, language: str) -> None:
        self._language = language
        self._progress: Progress | None = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            if total < PROGRESS_FROM:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            from salescoach.ui import console

            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console.err,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(message(self._language, "indexing"), total=total)
        self._progress.update(self._task, completed=done, total=total)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def reference(app_state: AppState) -> Reference:
    """The labels, phases and objections of the playbooks on the search path (kept in the
    user cache while no playbook file changes)."""
    from salescoach.reports.reference import cached_reference

    return cached_reference(
        app_state.language, app_state.playbook_sources, lambda: app_state.library
    )


def reference_or_none(app_state: AppState) -> Reference | None:
    """The labels of meeting types and phases, or None when the playbooks cannot give them
    (a listing shows ids then, rather than failing)."""
    from salescoach.errors import SalescoachError

    try:
        return reference(app_state)
    except SalescoachError:
        return None
