"""``playbook preview``: walk a playbook with example (or given) answers; nothing is saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from salescoach.errors import SalescoachError
from salescoach.flows import PREP_FLOW
from salescoach.playbook.library import Entry, Library
from salescoach.playbook.model import Depth, Kind
from salescoach.session.engine import Session
from salescoach.session.prompter import Prompter


def preview_body(
    library: Library,
    entry: Entry,
    prompter: Prompter | None,
    *,
    answers: Mapping[str, Any] | None = None,
    answers_source: str = "answers",
    no_input: bool = False,
    language: str | None = None,
    depth: Depth = Depth.FULL,
) -> str:
    """Walk ``entry`` and render the sheet the rep would get; a debrief reads an example prep.

    ``prompter`` is the examples prompter or a terminal one; with ``no_input`` only ``answers``
    and defaults are used. ``depth`` is the depth walked (the debrief's example prep too).
    """
    from salescoach.playbook.values import AnswerValueError
    from salescoach.sheet import SheetHeader, render_body

    book = entry.playbook
    record = book.record if book.kind == Kind.FLOW else str(book.kind)
    if record not in ("prep", "debrief"):
        raise SalescoachError(
            f"`{book.id}` is "
            + ("a reference list" if book.kind == Kind.REFERENCE else f"a {book.kind} playbook")
            + ": there is nothing to walk",
            hint=f"see it with: salescoach playbook show {book.id}"
            + ("; practise its cards with: salescoach drill" if book.kind == Kind.CARDS else ""),
        )
    prefill: dict[str, Any] = dict(answers or {})
    context: dict[str, Any] = {}
    if record == "debrief":
        context["prep"] = prefill.pop("prep", None) or example_prep(library, depth)
    session = Session(
        library,
        entry.id,
        None if no_input else prompter,
        prefill=prefill,
        context=context,
        no_input=no_input,
        prefill_source=answers_source,
        language=language or book.language,
        depth=depth,
    )
    try:
        answered = session.run()
    except AnswerValueError as error:
        raise SalescoachError(
            f"an example does not fit its question: {error}",
            hint="fix the question's `example:` in the playbook (playbook validate checks most)",
        ) from None
    meeting = {**(context.get("prep") or {}).get("meeting", {}), **answered.get("meeting", {})}
    header = SheetHeader(
        kind=str(record),
        account=str(meeting.get("account") or "Preview"),
        meeting_type=meeting.get("type"),
        meeting_date=meeting.get("date"),
        language=book.language,
    )
    return render_body(header, answered, [used.playbook for used in session.used], library)


def example_prep(library: Library, depth: Depth = Depth.FULL) -> dict[str, Any]:
    """The answers of the prep flow walked with its examples: what a debrief preview reads."""
    from salescoach.session.examples import ExamplePrompter

    if PREP_FLOW not in library.chosen():
        return {}
    try:
        return Session(library, PREP_FLOW, ExamplePrompter(), depth=depth).run()
    except (SalescoachError, ValueError):
        return {}
