"""``resume``: an interrupted prep or debrief goes on where it stopped; Ctrl-C keeps a draft."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from salescoach.cli.state import AppState, state
from salescoach.errors import NotFoundError
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.session.engine import Session
    from salescoach.store.drafts import Drafts
    from salescoach.store.record import Record
    from salescoach.store.repository import Repository

INTERRUPTED_EXIT = 130


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command(name="resume")(resume)


def walk(
    app_state: AppState,
    session: Session,
    *,
    kind: str,
    account: str | None,
    meeting: str | None = None,
    draft_id: str | None = None,
) -> Session:
    """Run the session, then the review screen when interactive; return the session to save.

    On Ctrl-C or closed input keep a draft, say how to resume, exit 130. On discard, exit 0
    without writing anything.
    """
    from salescoach.store.drafts import Drafts
    from salescoach.workflow import answered_count, keep_draft

    try:
        session.run()
        if session.prompter is None or session.no_input:
            return session
        from salescoach.session.review import review

        reviewed = review(session, session.prompter, kind)
        if reviewed is None:
            from salescoach.ui.console import err

            say = app_state.language
            err.print(message(say, "discarded", kind=message(say, kind)))
            if draft_id is not None:
                Drafts(app_state.data_home).delete(draft_id, missing_ok=True)
            raise typer.Exit(0)
        return reviewed
    except (KeyboardInterrupt, EOFError) as stop:
        from salescoach.ui.console import err

        draft = keep_draft(
            Drafts(app_state.data_home),
            session,
            kind=kind,
            account_name=account,
            meeting=meeting,
            language=app_state.language,
            draft_id=draft_id,
        )
        language = app_state.language
        why = message(language, "input_closed" if isinstance(stop, EOFError) else "interrupted")
        if draft is None:
            err.print("\n" + message(language, "nothing_kept", why=why))
        else:
            text = message(
                language,
                "kept_draft",
                why=why,
                count=answered_count(draft.answers),
                draft=draft.id,
                command=f"salescoach resume {draft.id}",
            )
            err.print("\n" + text, highlight=False)
        raise typer.Exit(INTERRUPTED_EXIT) from None


def resume(
    ctx: typer.Context,
    draft_id: Annotated[
        str | None,
        typer.Argument(
            metavar="DRAFT", help="The draft to go on with; without it, list the drafts."
        ),
    ] = None,
) -> None:
    """Go on with an interrupted prep or debrief, at the first unanswered question.

    Ctrl-C (or closed input) during a prep or debrief keeps the answers given so far as a draft.
    Without DRAFT, list the drafts: account, meeting, flow, how far, when.
    """
    from salescoach.session.engine import Session
    from salescoach.store.drafts import Drafts
    from salescoach.workflow import (
        answered_count,
        lazy_account_context,
        save_debrief,
        save_prep,
        update_record,
    )

    app_state = state(ctx)
    drafts = Drafts(app_state.data_home)
    if draft_id is None:
        _list_drafts(drafts)
        return
    draft = drafts.load(draft_id)
    from salescoach.cli.prep import prompter_for
    from salescoach.ui.console import err

    repository = app_state.repository
    prep_record = None
    context: dict[str, object] = {"account": lazy_account_context(repository, draft.account)}
    if draft.kind == "debrief":
        if draft.meeting is None:
            raise NotFoundError(f"draft {draft.id} names no meeting")
        prep_record = repository.load(draft.meeting, "prep")
        context["prep"] = prep_record.answers
    session = Session(
        app_state.library,
        draft.flow or ("debrief-flow" if draft.kind == "debrief" else "prep-flow"),
        prompter_for(False, app_state.language),
        prefill=draft.answers,
        context=context,
        lenient=True,
        prefill_source=f"draft {draft.id}",
        language=app_state.language,
    )
    count = answered_count(draft.answers)
    language = app_state.language
    kind = message(language, draft.kind)
    err.print(message(language, "resuming", kind=kind, account=draft.account, count=count))
    session = walk(
        app_state,
        session,
        kind=draft.kind,
        account=draft.account,
        meeting=draft.meeting,
        draft_id=draft.id,
    )
    for problem in session.dropped:
        err.print(f"[warning]dropped[/warning] {problem.field_path}: {problem.message}")
    for answer_id in session.unused_prefill():
        err.print(f"[warning]dropped[/warning] {answer_id}: no longer asked by the playbook")
    existing = _existing(repository, draft.meeting, draft.kind)
    if existing is not None:  # a draft of `edit`: the record is rewritten, not duplicated
        saved = update_record(repository, app_state.library, session, existing)
    elif prep_record is not None:
        saved = save_debrief(
            repository, app_state.library, session, prep_record, language=app_state.language
        )
    else:
        saved = save_prep(
            repository,
            app_state.library,
            session,
            account_name=draft.account,
            language=app_state.language,
            today=session.today,
        )
    drafts.delete(draft.id, missing_ok=True)
    from salescoach.cli.prep import show_saved

    show_saved(saved)


def _existing(repository: Repository, meeting: str | None, kind: str) -> Record | None:
    if meeting is None:
        return None
    try:
        return repository.load(meeting, kind)
    except NotFoundError:
        return None


def _list_drafts(drafts: Drafts) -> None:
    from rich.table import Table

    from salescoach.ui.console import err, out
    from salescoach.workflow import answered_count

    found = drafts.list()
    for broken in drafts.problems:
        err.print(f"[warning]skipped[/warning] {broken.path}: {broken.message}", highlight=False)
    if not found:
        err.print("No drafts. An interrupted prep or debrief leaves one here.", style="hint")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("draft", "kind", "account", "meeting", "flow", "answers", "stopped at", "when"):
        table.add_column(column)
    for draft in found:
        table.add_row(
            draft.id,
            draft.kind,
            draft.account,
            draft.meeting or draft.meeting_type or "",
            draft.flow or "",
            str(answered_count(draft.answers)),
            draft.position or "",
            draft.updated[:16].replace("T", " "),
        )
    out.print(table)
    err.print("Go on with: salescoach resume DRAFT", style="hint")
    sys.stderr.flush()
