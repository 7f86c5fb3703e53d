"""From a finished session to a saved record, and from the store back to a session's context.

The glue between the engine and the store, callable from Python without a terminal: the CLI
only picks a prompter and prints what these functions return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.errors import NotFoundError, SalescoachError
from salescoach.messages import message
from salescoach.playbook.library import Entry, Library
from salescoach.playbook.model import Depth
from salescoach.session.engine import Answers, Known, Session, answer_id
from salescoach.store.record import (
    AccountRef,
    CalendarEvent,
    CarriedFrom,
    PlaybookUse,
    Record,
    now_iso,
)
from salescoach.store.repository import Repository
from salescoach.store.steps import answered_steps, reconcile, states_of

if TYPE_CHECKING:  # imported where used: starting a walk needs neither the sheet nor drafts
    from salescoach.sheet import Sheet
    from salescoach.store.drafts import Draft, Drafts


@dataclass(frozen=True)
class Saved:
    """A record just written, with its file and readable body."""

    record: Record
    path: Path
    body: str
    sheet: Sheet | None = None


def account_context(
    repository: Repository, account_name: str | None, *, exclude: str | None = None
) -> dict[str, Any]:
    """What a prep knows about an account: its name, last meeting, the open next steps of its
    last debrief, and every answer known from its records
    (:func:`salescoach.session.carry.known_answers`: phase, contacts, research, history,
    unreached objectives, objections met), each a
    :class:`~salescoach.session.engine.Known` saying which record it comes from.

    ``exclude`` leaves one meeting's records out (the meeting being edited).
    """
    if not account_name:
        return {}
    found = repository.existing_account(account_name)
    if found is None:
        return {"name": account_name}
    slug = found.slug
    from salescoach.session.carry import known_answers

    scanned = list(repository.scan(slug))
    records = [
        record for record in scanned if isinstance(record, Record) and record.meeting != exclude
    ]
    context: dict[str, Any] = {"name": account_name, **known_answers(records)}
    unreadable = [str(item) for item in scanned if not isinstance(item, Record)]
    if unreadable:  # never carried forward silently: a conflict or damage is named
        context["unreadable"] = unreadable
    if records:
        context["last_meeting"] = max(records, key=_recency).meeting
    debriefs = [record for record in records if record.kind == "debrief"]
    if debriefs:
        debrief = max(debriefs, key=_recency).answers.get("debrief", {})
        context["open_next_steps"] = list(debrief.get("next_steps", []))
    return context


def _recency(record: Record) -> tuple[str, dt.datetime]:
    return (record.meeting_date or "", record.created_at)


def lazy_account_context(
    repository: Repository, given: str | None, *, exclude: str | None = None
) -> Any:
    """The account context as a function of the answers: the name may be typed at a prompt."""
    cache: dict[str, dict[str, Any]] = {}

    def resolve(answers: Answers) -> dict[str, Any]:
        # The answer wins over the argument: an argument that did not fit was asked again.
        name = answers.get("meeting", {}).get("account") or given
        if not isinstance(name, str):
            return {}
        if name not in cache:
            cache[name] = account_context(repository, name, exclude=exclude)
        return cache[name]

    return resolve


def playbook_uses(entries: list[Entry]) -> list[PlaybookUse]:
    """What a record keeps of the playbooks that asked it: id, version, language, built-in or
    the team's, and the team repository's commit when its directory is a git work tree.

    Nothing of this machine (no path): two reps' records of one playbook say the same."""
    from salescoach.gitcmd import head_commit

    seen: dict[str, PlaybookUse] = {}
    for entry in entries:
        builtin = entry.source.origin == "built-in"
        seen[entry.id] = PlaybookUse(
            id=entry.id,
            version=entry.playbook.version,
            language=entry.playbook.language,
            source="built-in" if builtin else "team",
            commit=None if builtin else head_commit(entry.path.parent),
        )
    return list(seen.values())


def save_prep(
    repository: Repository,
    library: Library,
    session: Session,
    *,
    account_name: str | None,
    language: str,
    today: dt.date,
    author: str | None = None,
) -> Saved:
    """Create the meeting and write its prep record from a finished session.

    In a home that is a git work tree, the meeting id ends with the author's name
    (``2026-11-28-acme-negotiation-ana-lopez``): two reps preparing the same account the same
    day in two clones never make the same id, so their records merge without a conflict."""
    meeting = session.answers.get("meeting", {})
    name = meeting.get("account") or account_name
    if not name:
        raise SalescoachError.told("no_account", "no_account_hint")
    meeting_type = meeting.get("type")
    date = meeting.get("date") or today.isoformat()
    stamp = now_iso()
    bodies: list[str] = []

    def build(account: AccountRef, meeting_id: str) -> tuple[Record, str]:
        record = Record(
            kind="prep",
            meeting=meeting_id,
            account=account,
            meeting_type=meeting_type,
            meeting_date=date,
            meeting_time=meeting.get("time"),
            event=CalendarEvent(uid=meeting_uid(meeting_id, unique=True)),
            created=stamp,
            updated=stamp,
            author=author,
            language=language,
            flow=session.target,
            playbooks=playbook_uses(session.used),
            answers=session.answers,
            **walk_facts(session),
        )
        bodies.append(_body(library, record, session))
        return record, bodies[-1]

    from salescoach.gitcmd import in_work_tree

    shared = in_work_tree(repository.home)
    # The meeting and its prep are created at once: a failed save leaves no empty meeting.
    record, path = repository.create_meeting(
        name, date, meeting_type, build, author=author if shared else None
    )
    _noted(repository, record, path)
    return _saved(library, record, path, bodies[-1], session)


def walk_facts(session: Session) -> dict[str, Any]:
    """What a record or draft keeps of how it was walked: the depth and the carried answers."""
    carried = {}
    for key, known in session.carried.items():
        namespace, _, question = key.partition(".")
        if session.answers.get(namespace, {}).get(question) == known.value:  # changed: the rep's
            carried[key] = CarriedFrom(meeting=known.meeting, kind=known.kind, date=known.date)
    return {"depth": str(session.depth), "carried": carried}


def carried_back(
    answers: Mapping[str, Any], carried: Mapping[str, CarriedFrom]
) -> dict[str, Known]:
    """A record's or draft's carried answers as the engine holds them, to walk it again."""
    found: dict[str, Known] = {}
    for key, origin in carried.items():
        namespace, _, question = key.partition(".")
        space = answers.get(namespace)
        if isinstance(space, Mapping) and question in space:
            found[key] = Known(space[question], origin.meeting, origin.kind, origin.date)
    return found


def save_debrief(
    repository: Repository,
    library: Library,
    session: Session,
    prep: Record,
    *,
    language: str,
    author: str | None = None,
) -> Saved:
    """Write the debrief record of the prep's meeting (replacing an earlier debrief's data)."""
    stamp = now_iso()
    try:
        earlier: Record | None = repository.load(prep.meeting, "debrief")
    except NotFoundError:
        earlier = None
    created = earlier.created if earlier else stamp
    steps = reconcile(
        prep.meeting,
        answered_steps(session.answers),
        states_of(earlier) if earlier else (),
        answered_steps(earlier.answers) if earlier else (),
    )
    record = Record(
        kind="debrief",
        meeting=prep.meeting,
        account=prep.account,
        meeting_type=prep.meeting_type,
        meeting_date=prep.meeting_date,
        created=created,
        updated=stamp,
        author=(earlier.author if earlier else None) or author,
        language=language,
        flow=session.target,
        playbooks=playbook_uses(session.used),
        answers=session.answers,
        steps=steps,
        tags=earlier.tags if earlier else [],
        extra=earlier.extra if earlier else {},
        **walk_facts(session),
    )
    saved = _write(repository, library, record, session)
    if earlier is None:
        _link_prep(repository, library, prep)
    return saved


def meeting_uid(meeting_id: str, *, unique: bool) -> str:
    """The calendar UID of a meeting: with a random part for a new prep (two reps' homes may
    hold the same meeting id), without one for a prep written before UIDs were stored."""
    import secrets

    suffix = f"-{secrets.token_hex(4)}" if unique else ""
    return f"meeting-{meeting_id}{suffix}@salescoach"


def rewrite(repository: Repository, library: Library, record: Record) -> Saved:
    """Save a record changed outside a session (a next step's state), its body rendered again
    by the playbooks it was made with; the index is updated."""
    from salescoach.sheet.records import render_record_body

    body = render_record_body(record, library, linked=_has_debrief(repository, record))
    path = repository.save(record, body)
    _noted(repository, record, path)
    return Saved(record, path, body)


def _write(
    repository: Repository,
    library: Library,
    record: Record,
    session: Session,
    *,
    expected: str | None = None,
) -> Saved:
    linked = _has_debrief(repository, record)
    body = _body(library, record, session, linked=linked)
    path = repository.save(record, body, expected=expected)
    _noted(repository, record, path)
    return _saved(library, record, path, body, session)


def _body(library: Library, record: Record, session: Session, *, linked: bool = False) -> str:
    from salescoach.sheet.records import render_record_body

    playbooks = [entry.playbook for entry in session.used]
    return render_record_body(record, library, playbooks, linked=linked)


def _saved(library: Library, record: Record, path: Path, body: str, session: Session) -> Saved:
    from salescoach.sheet.records import record_sheet

    playbooks = [entry.playbook for entry in session.used]
    sheet = record_sheet(record, library, playbooks) if record.kind == "prep" else None
    return Saved(record, path, body, sheet)


def _noted(repository: Repository, record: Record, path: Path) -> None:
    from salescoach.store.index import note_saved

    note_saved(repository.home, record, path)


def _has_debrief(repository: Repository, record: Record) -> bool:
    if record.kind != "prep":
        return True
    try:
        return repository.path_of(record.meeting, "debrief").is_file()
    except SalescoachError:
        return False


def _link_prep(repository: Repository, library: Library, prep: Record) -> None:
    """A new debrief's prep gets its link to it (its body rendered again, its data unchanged)."""
    try:
        current = repository.load(prep.meeting, "prep")
        rewrite(repository, library, current)
    except (SalescoachError, OSError):
        return  # the link is a convenience: the debrief is saved all the same


def prep_for_debrief(repository: Repository, query: str | None) -> Record:
    """The prep a debrief belongs to: the named meeting, else the latest prep still undebriefed."""
    if query:
        return repository.load(repository.resolve_meeting(query), "prep")
    from salescoach.store.index import Index

    # The index orders the candidates; the files have the last word (a debrief written by hand
    # that a big home's index has not seen yet, a prep changed since).
    with Index.open(repository.home) as index:
        for path in index.waiting_preps():
            if path.with_name("debrief.md").exists():
                continue
            item = repository.read_or_broken(path)
            if isinstance(item, Record):
                return item
    raise NotFoundError.told("no_prep_waiting", "no_prep_waiting_hint")


def merge_prefill(*layers: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Answers layered by namespace: later layers win question by question."""
    merged: dict[str, dict[str, Any]] = {}
    for layer in layers:
        for namespace, answers in layer.items():
            if isinstance(answers, Mapping):
                merged.setdefault(namespace, {}).update(answers)
    return merged


__all__ = [
    "AccountRef",
    "Saved",
    "account_context",
    "merge_prefill",
    "prep_for_debrief",
    "save_debrief",
    "save_prep",
]


def _left_empty(session: Session, answers: Mapping[str, Any]) -> list[str]:
    """The top-level questions the walk went past without an answer (an optional one skipped)."""
    stopped_in = answer_id(session.position) if session.position else None
    empty = []
    for key in session.visited - {stopped_in}:
        namespace, _, question = key.partition(".")
        if question not in answers.get(namespace, {}):
            empty.append(key)
    return sorted(empty)


def keep_draft(
    drafts: Drafts,
    session: Session,
    *,
    kind: str,
    account_name: str | None,
    meeting: str | None,
    language: str,
    draft_id: str | None = None,
) -> Draft | None:
    """Save an interrupted session's answers as a draft (the same draft when resuming one).

    The draft keeps what was typed and what was given up front but not reached yet (``--type``,
    an answers file, the answers of the record being edited): nothing is lost by stopping.
    Returns None when there is nothing worth keeping (no answer given yet).
    """
    answers = kept_answers(session)
    if not any(answers.values()) and draft_id is None:
        return None
    name = session.answers.get("meeting", {}).get("account") or account_name or "unnamed"
    stamp = now_iso()
    created = stamp
    if draft_id is not None:
        try:
            created = drafts.load(draft_id).created
        except (NotFoundError, SalescoachError):
            created = stamp
    meeting_answers = answers.get("meeting", {})
    from salescoach.store.drafts import Draft

    draft = Draft(
        id=draft_id or drafts.new_id(kind, str(name)),
        kind="debrief" if kind == "debrief" else "prep",
        account=str(name),
        meeting=meeting,
        meeting_type=meeting_answers.get("type"),
        flow=session.target,
        language=language,
        answers=answers,
        playbooks=playbook_uses(session.used),
        created=created,
        updated=stamp,
        position=session.position,
        skipped=_left_empty(session, answers),
        **walk_facts(session),
    )
    drafts.save(draft)
    return draft


def kept_answers(session: Session) -> dict[str, dict[str, Any]]:
    """The session's answers, over what was prefilled for questions the walk has not reached."""
    kept: dict[str, dict[str, Any]] = {}
    for namespace, space in session.prefill.items():
        if not isinstance(space, Mapping):
            continue
        for question_id, value in space.items():
            if f"{namespace}.{question_id}" not in session.visited:
                kept.setdefault(namespace, {})[question_id] = value
    for namespace, space in session.answers.items():
        kept.setdefault(namespace, {}).update(space)
    return {namespace: space for namespace, space in kept.items() if space}


class SaveFailed(SalescoachError):
    """A finished session could not be saved; what was typed is kept (see :func:`save_or_keep`)."""


def save_or_keep(
    save: Callable[[], Saved],
    drafts: Drafts,
    session: Session,
    *,
    kind: str,
    account_name: str | None,
    meeting: str | None,
    language: str,
    draft_id: str | None = None,
) -> Saved:
    """Run ``save``; if it fails (permission denied, disk full, a record over the size limit),
    keep the session as a draft and raise :class:`SaveFailed` saying why and how to resume.

    If even the draft cannot be written, the answers themselves go into the error, as an
    answers file the rep can save elsewhere: what was typed is never lost.
    """
    try:
        return save()
    except (SalescoachError, OSError, ValueError) as failure:
        said = failure.in_language(language) if isinstance(failure, SalescoachError) else None
        why, cause = (str(failure), []) if said is None else (said[0], [said[1]] if said[1] else [])
        try:
            draft = keep_draft(
                drafts,
                session,
                kind=kind,
                account_name=account_name,
                meeting=meeting,
                language=language,
                draft_id=draft_id,
            )
        except (SalescoachError, OSError, ValueError) as lost:
            from salescoach.session.answers_file import dump_answers

            reason = lost.message if isinstance(lost, SalescoachError) else str(lost)
            text = dump_answers(session.answers)
            hint = message(language, "save_failed_no_draft", why=reason, answers=text)
            raise SaveFailed(why, hint="\n".join([*cause, hint])) from failure
        if draft is None:
            raise
        hint = message(
            language,
            "save_failed_draft",
            count=answered_count(draft.answers),
            draft=draft.id,
            command=f"salescoach resume {draft.id}",
        )
        raise SaveFailed(why, hint="\n".join([*cause, hint])) from failure


def answered_count(answers: Mapping[str, Mapping[str, Any]]) -> int:
    """How many questions have an answer (a measure of how far a draft went)."""
    return sum(len(space) for space in answers.values())


@dataclass(frozen=True)
class EditPlan:
    """How ``edit`` walks a record again: at which depth, and whether every answer is re-asked."""

    depth: Depth
    edit: bool
    walked: Depth | None = None


def plan_edit(record: Record, wanted: Depth | None) -> EditPlan:
    """Editing at the record's depth (or shallower) asks every answer again, as defaults;
    going deeper asks only what the deeper depth adds and keeps every answer given."""
    done = Depth(record.depth or Depth.FULL)
    if wanted is None or wanted.rank <= done.rank:
        return EditPlan(depth=wanted or done, edit=True)
    return EditPlan(depth=wanted, edit=False, walked=done)


def update_record(
    repository: Repository,
    library: Library,
    session: Session,
    record: Record,
    *,
    expected: str | None = None,
    author: str | None = None,
) -> Saved:
    """Rewrite an existing prep or debrief with a session's answers; ids, notes, the author,
    hand-added tags and unknown front-matter keys are kept (an author is added if none).

    ``expected`` is the version of the record when the session began (see
    :meth:`Repository.load_versioned`): a record changed meanwhile is not overwritten.
    """
    changes: dict[str, Any] = {
        "answers": session.answers,
        "updated": now_iso(),
        "flow": session.target,
        "playbooks": playbook_uses(session.used),
        "author": record.author or author,
        **walk_facts(session),
    }
    if record.kind == "prep":
        meeting = session.answers.get("meeting", {})
        changes["meeting_type"] = meeting.get("type", record.meeting_type)
        changes["meeting_date"] = meeting.get("date", record.meeting_date)
        changes["meeting_time"] = meeting.get("time")
        event = record.event or CalendarEvent(uid=meeting_uid(record.meeting, unique=False))
        if session.answers != record.answers:
            event = event.model_copy(update={"sequence": event.sequence + 1})
        changes["event"] = event
    else:
        changes["steps"] = reconcile(
            record.meeting,
            answered_steps(session.answers),
            states_of(record),
            answered_steps(record.answers),
        )
    updated = Record.model_validate({**record.model_dump(), **changes})
    return _write(repository, library, updated, session, expected=expected)
