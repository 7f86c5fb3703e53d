"""The meetings service: start a prep, a debrief, an edit or a resume; walk it; save the record.

Between the commands and the core. A command calls one ``start_*`` method, then
:meth:`Meetings.walk` with a prompter (or none), and renders the :data:`Outcome`. Everything
here runs from Python without a terminal: a test gives a scripted prompter, reads the outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from salescoach.errors import NotFoundError, Problem, SalescoachError, UsageError
from salescoach.flows import DEBRIEF_FLOW, PREP_FLOW
from salescoach.messages import CATALOGUE, message
from salescoach.playbook.library import Library
from salescoach.playbook.model import Depth
from salescoach.session.carry import RecapLine, recap
from salescoach.session.engine import Session, answer_id
from salescoach.session.prompter import Prompter
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from salescoach.workflow import (
    Saved,
    account_context,
    answered_count,
    carried_back,
    keep_draft,
    lazy_account_context,
    merge_prefill,
    plan_edit,
    prep_for_debrief,
    save_debrief,
    save_or_keep,
    save_prep,
    update_record,
)

if TYPE_CHECKING:  # imported when a walk stops or a draft is resumed
    from salescoach.store.drafts import Draft, Drafts

RecordKind = Literal["prep", "debrief"]


@dataclass
class Started:
    """A session ready to walk, and what finishing it writes.

    ``prep`` is the prep a debrief belongs to; ``existing`` the record an edit (or the resume of
    an edit's draft) rewrites; ``draft`` the draft being resumed, deleted once the record is saved.
    """

    session: Session
    kind: RecordKind
    account: str | None
    meeting: str | None = None
    prep: Record | None = None
    existing: Record | None = None
    draft: Draft | None = None
    version: str | None = None
    """The version of ``existing`` when the session began: a change made meanwhile (another
    edit, a hand edit of its data) makes the save fail rather than overwrite it."""

    @property
    def language(self) -> str:
        """The language the session asks in."""
        return self.session.language

    @property
    def answered(self) -> int:
        """How many answers are already known (a resumed draft's progress)."""
        return answered_count(self.session.prefill)


@dataclass(frozen=True)
class Finished:
    """The record was saved; ``dropped`` and ``unused`` are resumed answers that did not fit.

    With ``sync: auto`` in a git home, ``synced`` is the remote it was shared with, or
    ``sync_failed`` why not (the record is saved all the same)."""

    saved: Saved
    dropped: list[Problem] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    synced: str | None = None
    sync_failed: SalescoachError | None = None


@dataclass(frozen=True)
class Interrupted:
    """Ctrl-C, closed input, a closed terminal or a ``kill``: the answers so far are in ``draft``
    (None if nothing was given). ``signal`` names the signal that stopped the walk, if one did."""

    kind: RecordKind
    draft: Draft | None
    input_closed: bool
    signal: str | None = None
    exit_code: int = 130

    @property
    def answered(self) -> int:
        """How many answers the draft keeps."""
        return answered_count(self.draft.answers) if self.draft else 0


@dataclass(frozen=True)
class Discarded:
    """The rep discarded the session at the review screen: nothing was written."""

    kind: RecordKind


Outcome = Finished | Interrupted | Discarded


@dataclass(frozen=True)
class AccountRecap:
    """What a prep shows before its first prompt: the account's last meeting, what its records
    already answer (kept unasked when ``quick``, else offered), and its open next steps."""

    last_meeting: str | None
    known: list[RecapLine]
    open_next_steps: list[Any]
    quick: bool
    unreadable: list[str] = field(default_factory=list)
    """The account's record files that could not be read (``file: why``): nothing of them is
    carried forward, and the rep is told."""


class Meetings:
    """Preps, debriefs, edits and resumes over one store, one library and one language.

    ``library`` may be a function returning it: listing drafts should not load every playbook.
    A debrief, an edit or a resume follows the language of the record (or draft) it continues,
    through ``library_in``, unless ``forced`` (``--lang`` was given): a French prep is debriefed
    in French by a rep whose terminal is in English.
    """

    def __init__(
        self,
        repository: Repository,
        library: Library | Callable[[], Library],
        language: str,
        *,
        library_in: Callable[[str], Library] | None = None,
        forced: bool = False,
        author: str | None = None,
        auto_sync: bool = False,
    ) -> None:
        self.repository = repository
        self.language = language
        self._library = library
        self._library_in = library_in
        self.forced = forced
        self._author = author
        self.auto_sync = auto_sync

    @cached_property
    def drafts(self) -> Drafts:
        """The home's drafts (imported when a walk stops or a draft is resumed)."""
        from salescoach.store.drafts import Drafts

        return Drafts(self.repository.home)

    @cached_property
    def author(self) -> str | None:
        """Who the records saved here name: the one given (the config's ``author``), else
        git's ``user.name`` as the home's repository sees it, else nobody."""
        if self._author:
            return self._author
        from salescoach.gitcmd import config_value

        return config_value(self.repository.home, "user.name")

    @cached_property
    def library(self) -> Library:
        """The playbooks, loaded on first use."""
        return self._library if isinstance(self._library, Library) else self._library()

    def language_of(self, record_language: str) -> str:
        """The language to continue a record in: its own, unless ``--lang`` said otherwise."""
        if self.forced or self._library_in is None or record_language not in CATALOGUE:
            return self.language
        return record_language

    def library_for(self, language: str) -> Library:
        """The playbooks in ``language`` (this service's own when it is the same)."""
        if language == self.language or self._library_in is None:
            return self.library
        return self._library_in(language)

    # --- starting -------------------------------------------------------------------------------

    def start_prep(
        self,
        account: str | None = None,
        *,
        meeting_type: str | None = None,
        target: str = PREP_FLOW,
        answers: Mapping[str, Any] | None = None,
        answers_source: str = "arguments",
        no_input: bool = False,
        today: dt.date | None = None,
        depth: Depth = Depth.STANDARD,
    ) -> Started:
        """A new prep of ``account`` (or of the account answered at the first prompt), walked
        at ``depth``; what the account's records already answer is carried forward."""
        given: dict[str, Any] = {}
        if account:
            given.setdefault("meeting", {})["account"] = account
        if meeting_type:
            given.setdefault("meeting", {})["type"] = meeting_type
        self.library.ready(target)  # fail early, before any prompt: unknown or broken
        self._check_answers(answers, target, answers_source)
        session = self._session(
            target,
            prefill=merge_prefill(answers or {}, given),
            context={"account": lazy_account_context(self.repository, account)},
            no_input=no_input,
            prefill_source=answers_source,
            today=today or dt.date.today(),
            depth=depth,
        )
        return Started(session, "prep", account)

    def start_debrief(
        self,
        meeting: str | None = None,
        *,
        target: str = DEBRIEF_FLOW,
        answers: Mapping[str, Any] | None = None,
        answers_source: str = "arguments",
        no_input: bool = False,
        depth: Depth = Depth.STANDARD,
    ) -> Started:
        """The debrief of ``meeting`` (a unique part of its id), else of the latest open prep."""
        prep = prep_for_debrief(self.repository, meeting)
        language = self.language_of(prep.language)
        self.library_for(language).ready(target)
        self._check_answers(answers, target, answers_source, language)
        session = self._session(
            target,
            language=language,
            prefill=merge_prefill(answers or {}),
            context=self._context(prep.account.name, prep),
            no_input=no_input,
            prefill_source=answers_source,
            depth=depth,
        )
        return Started(session, "debrief", prep.account.name, prep.meeting, prep=prep)

    def start_edit(self, meeting: str, kind: str = "prep", depth: Depth | None = None) -> Started:
        """Walk an existing record again, its answers offered as defaults.

        With a ``depth`` deeper than the record's, only what the deeper depth adds is asked and
        every answer given is kept.
        """
        if kind not in ("prep", "debrief"):
            raise UsageError(message(self.language, "bad_kind", given=kind))
        record_kind: RecordKind = "prep" if kind == "prep" else "debrief"
        repository = self.repository
        record, version = repository.load_versioned(
            repository.resolve_meeting(meeting), record_kind
        )
        prep = repository.load(record.meeting, "prep") if record_kind == "debrief" else None
        how = plan_edit(record, depth)
        session = self._session(
            record.flow or _default_flow(record_kind),
            language=self.language_of(record.language),
            prefill=record.answers,
            context=self._context(record.account.name, prep, exclude=record.meeting),
            edit=how.edit,
            lenient=True,
            prefill_source=f"{kind} {record.meeting}",
            depth=how.depth,
            walked=how.walked,
            carried=carried_back(record.answers, record.carried),
        )
        return Started(
            session,
            record_kind,
            record.account.name,
            record.meeting,
            prep=prep,
            existing=record,
            version=version,
        )

    def start_resume(self, draft_id: str) -> Started:
        """Go on with a draft at its first unanswered question."""
        draft = self.drafts.load(draft_id)
        prep = None
        if draft.kind == "debrief":
            if draft.meeting is None:
                raise NotFoundError(message(self.language, "draft_no_meeting", draft=draft.id))
            prep = self.repository.load(draft.meeting, "prep")
        existing, version = self._existing(draft.meeting, draft.kind)
        # The question it stopped in is asked again, what it held as the default (a list, a
        # group); a draft of `edit` goes on editing from there, the record's answers as defaults.
        stopped_in = answer_id(draft.position) if draft.position else None
        session = self._session(
            draft.flow or _default_flow(draft.kind),
            language=self.language_of(draft.language),
            prefill=draft.answers,
            context=self._context(draft.account, prep),
            lenient=True,
            prefill_source=f"draft {draft.id}",
            depth=Depth(draft.depth or Depth.FULL),
            carried=carried_back(draft.answers, draft.carried),
            again=frozenset({stopped_in} if stopped_in else ()),
            skip=frozenset(draft.skipped),
            edit_from=stopped_in if existing is not None else None,
        )
        return Started(
            session,
            draft.kind,
            draft.account,
            draft.meeting,
            prep=prep,
            existing=existing,
            draft=draft,
            version=version,
        )

    # --- walking and finishing -----------------------------------------------------------------

    def walk(self, started: Started, prompter: Prompter | None, *, review: bool = True) -> Outcome:
        """Ask every question through ``prompter``, then the review screen; save the record.

        Without a prompter nothing is asked (answers and defaults only, as with ``--no-input``).
        Ctrl-C (``KeyboardInterrupt``), closed input (``EOFError``), SIGHUP (the terminal went
        away) or SIGTERM keep a draft instead. An error during a walk with a prompter keeps one
        too, and its hint says how to go on.
        """
        from salescoach.signals import Hangup, hangups_as_interrupts

        session = started.session
        session.prompter = prompter
        try:
            with hangups_as_interrupts():
                session.run()
                if review and session.prompter is not None and not session.no_input:
                    from salescoach.session.review import review as review_screen

                    reviewed = review_screen(session, session.prompter, started.kind)
                    if reviewed is None:
                        self.discard(started)
                        return Discarded(started.kind)
                    session = reviewed
        except (KeyboardInterrupt, EOFError) as stop:
            draft = self.keep_draft(started)
            if isinstance(stop, Hangup):
                return Interrupted(started.kind, draft, False, stop.name, stop.exit_code)
            return Interrupted(started.kind, draft, isinstance(stop, EOFError))
        except SalescoachError as error:
            if session.prompter is None or session.no_input:
                raise
            kept = self.keep_draft(started)
            if kept is not None:
                command = f"salescoach resume {kept.id}"
                said = message(session.language, "draft_kept", command=command)
                error.hint = f"{error.hint} {said}" if error.hint else said
            raise
        except Exception:
            # Even a bug keeps what was typed; the error edge reports it.
            if session.prompter is not None and not session.no_input:
                with suppress(Exception):
                    self.keep_draft(started)
            raise
        saved = self.finish(started, session)
        synced, failed = self._sync_after_save()
        return Finished(saved, list(session.dropped), session.unused_prefill(), synced, failed)

    def _sync_after_save(self) -> tuple[str | None, SalescoachError | None]:
        """``sync: auto``: share the home once a record is saved, when it is a git work tree."""
        if not self.auto_sync:
            return None, None
        from salescoach.service.sync import sync_if_auto

        return sync_if_auto(self.repository.home, True, self.language)

    def finish(self, started: Started, session: Session | None = None) -> Saved:
        """Write the record a finished session makes; delete the draft it was resumed from.

        If the save fails (permission denied, disk full, a record over the size limit, a record
        changed meanwhile), the session is kept as a draft and :class:`SaveFailed` says how to
        resume once the cause is fixed.
        """
        walked = session or started.session
        library, language = walked.library, walked.language

        def save() -> Saved:
            if started.existing is not None:  # an edit, or its draft: rewrite, never duplicate
                return update_record(
                    self.repository,
                    library,
                    walked,
                    started.existing,
                    expected=started.version,
                    author=self.author,
                )
            if started.prep is not None:
                return save_debrief(
                    self.repository,
                    library,
                    walked,
                    started.prep,
                    language=language,
                    author=self.author,
                )
            return save_prep(
                self.repository,
                library,
                walked,
                account_name=started.account,
                language=language,
                today=walked.today,
                author=self.author,
            )

        saved = save_or_keep(
            save,
            self.drafts,
            walked,
            kind=started.kind,
            account_name=started.account,
            meeting=started.meeting,
            language=language,
            draft_id=started.draft.id if started.draft else None,
        )
        if started.draft is not None:
            self.drafts.delete(started.draft.id, missing_ok=True)
        return saved

    def keep_draft(self, started: Started) -> Draft | None:
        """Keep the answers so far as a draft (the same draft when resuming one)."""
        return keep_draft(
            self.drafts,
            started.session,
            kind=started.kind,
            account_name=started.account,
            meeting=started.meeting,
            language=started.session.language,
            draft_id=started.draft.id if started.draft else None,
        )

    def discard(self, started: Started) -> None:
        """Drop a session: nothing is written, and the draft it came from is deleted."""
        if started.draft is not None:
            self.drafts.delete(started.draft.id, missing_ok=True)

    # --- what a command shows around a session --------------------------------------------------

    def example_answers(self, started: Started) -> str:
        """A complete answers file for ``started``, from the playbooks' examples."""
        from salescoach.session.answers_file import dump_answers
        from salescoach.session.examples import ExamplePrompter

        language = started.session.language
        walked = self._session(
            started.session.target,
            language=language,
            prefill=started.session.prefill,
            context=started.session.context,
            depth=started.session.depth,
        )
        walked.prompter = ExamplePrompter()
        answers = walked.run()
        for entry in walked.used:  # computed answers are computed again, never given
            for question in entry.playbook.questions():
                if question.compute is not None:
                    answers.get(entry.id, {}).pop(question.id, None)
        used = ", ".join(entry.id for entry in walked.used)
        comment = message(
            language,
            f"answers_comment_{started.kind}",
            target=walked.target,
            lang=f"{language}, {walked.depth}",
            used=used,
        )
        return dump_answers(answers, comment)

    def account_recap(self, started: Started, account: str | None = None) -> AccountRecap:
        """What is known of the prep's account (``account`` when typed at its prompt) before
        the questions about it: nothing when the account is new."""
        known = account_context(self.repository, account or started.account)
        return AccountRecap(
            last_meeting=known.get("last_meeting"),
            known=recap(self.library, started.session.target, known),
            open_next_steps=list(known.get("open_next_steps") or []),
            quick=started.session.depth == Depth.QUICK,
            unreadable=list(known.get("unreadable") or []),
        )

    # --- helpers -------------------------------------------------------------------------------

    def _session(self, target: str, *, language: str | None = None, **options: Any) -> Session:
        language = language or self.language
        library = self.library_for(language)
        library.ready(target)  # a broken playbook file is an error, never walked around
        return Session(library, target, None, language=language, **options)

    def _check_answers(
        self,
        answers: Mapping[str, Any] | None,
        target: str,
        source: str,
        language: str | None = None,
    ) -> None:
        """Refuse answers no question of the target would read: they would be dropped silently."""
        if not answers:
            return
        from salescoach.errors import AnswersFileError
        from salescoach.session.answers_file import unknown_answers
        from salescoach.session.engine import plan

        library = self.library_for(language or self.language)
        problems = unknown_answers(answers, plan(library, target), source)
        if problems:
            raise AnswersFileError(problems)

    def _context(
        self, account: str | None, prep: Record | None, exclude: str | None = None
    ) -> dict[str, Any]:
        context: dict[str, Any] = {
            "account": lazy_account_context(self.repository, account, exclude=exclude)
        }
        if prep is not None:
            context["prep"] = prep.answers
        return context

    def _existing(self, meeting: str | None, kind: str) -> tuple[Record | None, str | None]:
        if meeting is None:
            return None, None
        try:
            return self.repository.load_versioned(meeting, kind)
        except NotFoundError:
            return None, None


def _default_flow(kind: str) -> str:
    return DEBRIEF_FLOW if kind == "debrief" else PREP_FLOW


def load_answers_file(path: Path | None) -> dict[str, dict[str, Any]]:
    """The answers of a ``--answers`` file, or none."""
    from salescoach.session.answers_file import load_answers

    return load_answers(path) if path else {}
