"""What ``salescoach show MEETING`` does, without Typer: the Typer command
(:func:`salescoach.cli.records.show`) and the plain command line
(:mod:`salescoach.cli.direct_records`) both call :func:`show_meeting`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.store.record import Record

KINDS = ("prep", "debrief")


def show_meeting(
    app_state: AppState,
    meeting: str,
    kind: str | None = None,
    *,
    as_json: bool = False,
    as_markdown: bool = False,
) -> None:
    """A meeting's prep and debrief (or one of them): read as Markdown in the terminal (paged
    when taller), as JSON data, or as the files' Markdown."""
    if as_json and as_markdown:
        from salescoach.errors import UsageError
        from salescoach.messages import message

        raise UsageError(message(app_state.language, "one_output"))
    check_kind(app_state.language, kind)
    if not (as_json or as_markdown):
        _show_view(app_state, meeting, kind)
        return
    repository = app_state.repository
    meeting_id, found = records_of(app_state, meeting, kind)
    if as_json:
        data = {record.kind: record.model_dump(mode="json") for record in found}
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for record in found:
        sys.stdout.write(repository.path_of(meeting_id, record.kind).read_text("utf-8"))


def _show_view(app_state: AppState, meeting: str, kind: str | None) -> None:
    """The meeting's records read as Markdown in the terminal (paged when taller): as shown
    last time when nothing it came from changed (:mod:`salescoach.view_cache`), else from its
    files and playbooks, then kept."""
    import time

    from salescoach.ui import render
    from salescoach.ui.pager import paged
    from salescoach.view_cache import find_meeting, keep_view, kept_view

    began = time.time_ns()
    home = app_state.data_home
    sources_of = app_state.playbook_sources_in
    designated = find_meeting(home, meeting)  # None: the repository says what is wrong
    kept = designated and kept_view(home, designated, kind, app_state.lang, sources_of)
    if kept:
        with paged():
            for document in kept:
                render.markdown(document)
        return
    from salescoach.sheet.records import render_record_body

    meeting_id, found = records_of(app_state, designated[0] if designated else meeting, kind)
    languages: list[str] = []
    documents: list[str] = []
    with paged():
        for record in found:
            language = app_state.language_of(record.language)
            languages.append(language)
            library = app_state.library_in(language)
            documents.append(render_record_body(record, library, language=language))
            render.markdown(documents[-1])
            if record.notes.strip():
                documents.append("## Notes\n\n" + record.notes)
                render.markdown(documents[-1])
    folder = designated[1] if designated else None
    shown = (languages, documents)
    keep_view(home, meeting_id, kind, app_state.lang, shown, sources_of, began, folder)


def records_of(app_state: AppState, meeting: str, kind: str | None) -> tuple[str, list[Record]]:
    """The meeting's id and its records (of one kind, if given); NotFoundError if none."""
    from salescoach.errors import NotFoundError
    from salescoach.messages import message

    repository = app_state.repository
    meeting_id = repository.resolve_meeting(meeting)
    found: list[Record] = []
    for wanted in (kind,) if kind else KINDS:
        try:
            found.append(repository.load(meeting_id, wanted))
        except NotFoundError:
            continue
    if not found:
        what = message(app_state.language, kind or "record")
        raise NotFoundError(
            message(app_state.language, "meeting_has_no", meeting=meeting_id, what=what)
        )
    return meeting_id, found


def check_kind(language: str, kind: str | None) -> None:
    """Refuse a ``--kind`` other than prep or debrief."""
    if kind is not None and kind not in KINDS:
        from salescoach.errors import UsageError
        from salescoach.messages import message

        raise UsageError(message(language, "bad_kind", given=kind))
