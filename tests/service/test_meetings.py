"""The meetings service, driven from Python: no terminal, no subprocess, a scripted prompter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from salescoach.errors import NotFoundError, SalescoachError, UsageError
from salescoach.playbook.library import Library, search_path
from salescoach.playbook.values import Answer
from salescoach.service.meetings import Discarded, Finished, Interrupted, Meetings
from salescoach.service.previews import preview_body
from salescoach.session.examples import ExamplePrompter
from salescoach.session.prompter import Ask
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from salescoach.yamlio import parse


@dataclass
class Rep(ExamplePrompter):
    """Answers with the examples, like a rep in a hurry; can stop at a question or discard."""

    stop_at: str | None = None
    stop_with: type[BaseException] = KeyboardInterrupt
    review: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def ask(self, ask: Ask) -> Answer:
        if ask.key == self.stop_at:
            raise self.stop_with
        self.asked.append(ask.key)
        return super().ask(ask)

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        if key == "review" and self.review:
            return self.review.pop(0)
        return super().choose(key, message, choices)

    def confirm(self, key: str, message: str, default: bool) -> bool:
        return True if key == "review.discard" else super().confirm(key, message, default)


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load("en", search_path("en"))


@pytest.fixture
def meetings(isolated_home: Path, library: Library) -> Meetings:
    return Meetings(Repository(isolated_home), library, "en")


def _records(meetings: Meetings, kind: str) -> list[Record]:
    return [r for r in meetings.repository.scan(kind=kind) if isinstance(r, Record)]


def _prep(meetings: Meetings, account: str = "ACME", kind: str = "negotiation") -> Finished:
    outcome = meetings.walk(meetings.start_prep(account, meeting_type=kind), Rep())
    assert isinstance(outcome, Finished)
    return outcome


def test_a_prep_walked_and_saved_is_the_one_record_of_a_new_meeting(meetings: Meetings) -> None:
    outcome = _prep(meetings)
    record = outcome.saved.record
    assert record.account.name == "ACME"
    assert record.meeting_type == "negotiation"
    assert "mesore" in record.answers  # the flow's condition held for a negotiation
    assert [r.meeting for r in _records(meetings, "prep")] == [record.meeting]
    assert outcome.saved.path.is_file()


def test_example_answers_fed_back_without_input_give_the_same_answers(
    meetings: Meetings,
) -> None:
    started = meetings.start_prep("ACME", meeting_type="discovery")
    examples = parse(meetings.example_answers(started), "examples").value
    again = meetings.start_prep(answers=examples, no_input=True)
    outcome = meetings.walk(again, None)
    assert isinstance(outcome, Finished)
    assert outcome.saved.record.answers == examples


def test_a_debrief_reads_its_prep_and_belongs_to_its_meeting(meetings: Meetings) -> None:
    prep = _prep(meetings).saved.record
    started = meetings.start_debrief()  # the latest prep still waiting for its debrief
    assert started.meeting == prep.meeting
    assert started.session.context["prep"] == prep.answers
    outcome = meetings.walk(started, Rep())
    assert isinstance(outcome, Finished)
    assert outcome.saved.record.meeting == prep.meeting
    with pytest.raises(NotFoundError):
        meetings.start_debrief()  # none left waiting


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError])
def test_an_interrupted_prep_keeps_a_draft_that_resume_finishes(
    meetings: Meetings, stop: type[BaseException]
) -> None:
    uninterrupted = _prep(meetings, "Globex").saved.record.answers
    rep = Rep(stop_at="opa.announce", stop_with=stop)
    outcome = meetings.walk(meetings.start_prep("Initech", meeting_type="negotiation"), rep)
    assert isinstance(outcome, Interrupted)
    assert outcome.input_closed == (stop is EOFError)
    assert outcome.draft is not None
    assert outcome.draft.answers["meeting"]["account"] == "Initech"
    assert "reminders" in outcome.draft.answers and not outcome.draft.answers.get("opa")
    assert len(_records(meetings, "prep")) == 1  # nothing written but the draft

    started = meetings.start_resume(outcome.draft.id)
    assert started.answered == outcome.answered
    resumed = Rep()
    finished = meetings.walk(started, resumed)
    assert isinstance(finished, Finished)
    assert resumed.asked[0] == "opa.announce"  # kept answers are not asked again
    assert {**finished.saved.record.answers, "meeting": {}} == {**uninterrupted, "meeting": {}}
    assert finished.saved.record.account.name == "Initech"
    assert meetings.drafts.list() == []


@dataclass
class Skipper(Rep):
    """Leaves one optional question empty, as a rep pressing Enter on it."""

    empty: str = ""

    def ask(self, ask: Ask) -> Answer:
        if ask.key == self.empty:
            self.asked.append(ask.key)
            return None
        return super().ask(ask)


def test_a_question_left_empty_before_the_stop_is_not_asked_again_on_resume(
    meetings: Meetings,
) -> None:
    rep = Skipper(stop_at="meeting.objectives[0]", empty="meeting.time")
    outcome = meetings.walk(meetings.start_prep("Initech", meeting_type="discovery"), rep)
    assert isinstance(outcome, Interrupted) and outcome.draft is not None
    assert "meeting.time" in rep.asked
    assert outcome.draft.skipped == ["meeting.time"]

    resumed = Rep()
    meetings.walk(meetings.start_resume(outcome.draft.id), resumed)
    assert resumed.asked[0] == "meeting.objectives[0]"  # where it stopped, not the time again
    assert "meeting.time" not in resumed.asked


def test_nothing_answered_keeps_no_draft(meetings: Meetings) -> None:
    outcome = meetings.walk(meetings.start_prep(), Rep(stop_at="meeting.account"))
    assert outcome == Interrupted("prep", None, False)
    assert meetings.drafts.list() == []


def test_discarding_at_review_writes_nothing_and_drops_the_resumed_draft(
    meetings: Meetings,
) -> None:
    interrupted = meetings.walk(meetings.start_prep("ACME"), Rep(stop_at="opa.announce"))
    assert isinstance(interrupted, Interrupted) and interrupted.draft is not None
    outcome = meetings.walk(meetings.start_resume(interrupted.draft.id), Rep(review=["discard"]))
    assert outcome == Discarded("prep")
    assert _records(meetings, "prep") == []
    assert meetings.drafts.list() == []


def test_an_edit_rewrites_the_record_in_place(meetings: Meetings) -> None:
    record = _prep(meetings).saved.record
    started = meetings.start_edit(record.meeting[:12], "prep")
    assert started.existing is not None and started.session.edit
    outcome = meetings.walk(started, Rep())
    assert isinstance(outcome, Finished)
    assert outcome.saved.record.meeting == record.meeting
    assert outcome.saved.record.created == record.created
    assert len(_records(meetings, "prep")) == 1


def test_an_interrupted_edit_resumes_into_the_same_record(meetings: Meetings) -> None:
    record = _prep(meetings).saved.record
    stopped = meetings.walk(meetings.start_edit(record.meeting), Rep(stop_at="opa.plan[0]"))
    assert isinstance(stopped, Interrupted) and stopped.draft is not None
    assert stopped.draft.meeting == record.meeting
    finished = meetings.walk(meetings.start_resume(stopped.draft.id), Rep())
    assert isinstance(finished, Finished)
    assert [r.meeting for r in _records(meetings, "prep")] == [record.meeting]


def test_edit_refuses_an_unknown_kind_before_asking_anything(meetings: Meetings) -> None:
    record = _prep(meetings).saved.record
    with pytest.raises(UsageError, match="prep or debrief"):
        meetings.start_edit(record.meeting, "notes")


def test_account_recap_tells_what_the_last_debrief_left_open(meetings: Meetings) -> None:
    _prep(meetings)
    meetings.walk(meetings.start_debrief(), Rep())
    known = meetings.account_recap(meetings.start_prep("ACME"))
    assert known.last_meeting
    assert known.open_next_steps
    assert meetings.account_recap(meetings.start_prep("Nobody")).last_meeting is None


def test_the_library_is_not_loaded_to_list_drafts(isolated_home: Path) -> None:
    def never() -> Library:
        raise AssertionError("the playbooks were loaded")

    meetings = Meetings(Repository(isolated_home), never, "en")
    assert meetings.drafts.list() == []


def test_preview_walks_a_debrief_against_an_example_prep_and_refuses_a_reference(
    library: Library,
) -> None:
    body = preview_body(library, library.get("debrief-flow"), ExamplePrompter(), language="en")
    assert body.startswith("# ")
    with pytest.raises(SalescoachError, match="nothing to walk"):
        preview_body(library, library.get("phases"), ExamplePrompter())


MEETING_TYPES = (
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_example_answers_round_trip_through_prep_and_debrief(
    isolated_home: Path, lang: str, meeting_type: str
) -> None:
    """--example-answers, then --answers --no-input, saves exactly those answers, both records."""
    meetings = Meetings(Repository(isolated_home), Library.load(lang, search_path(lang)), lang)
    examples = parse(
        meetings.example_answers(meetings.start_prep("ACME", meeting_type=meeting_type)), "x"
    ).value
    saved = meetings.walk(meetings.start_prep(answers=examples, no_input=True), None)
    assert isinstance(saved, Finished)
    assert meetings.repository.load(saved.saved.record.meeting, "prep").answers == examples
    assert ("mesore" in examples) == (meeting_type in ("negotiation", "closing"))
    assert ("discovery-funnel" in examples) == (meeting_type in ("discovery", "presentation"))

    debrief_examples = parse(meetings.example_answers(meetings.start_debrief()), "d").value
    started = meetings.start_debrief(answers=debrief_examples, no_input=True)
    debriefed = meetings.walk(started, None)
    assert isinstance(debriefed, Finished)
    assert debriefed.saved.record.meeting == saved.saved.record.meeting
    stored = meetings.repository.load(saved.saved.record.meeting, "debrief")
    assert stored.answers == debrief_examples


@pytest.mark.parametrize("failure", [SalescoachError("disk on fire"), RuntimeError("a bug")])
def test_a_failure_during_a_walk_keeps_a_draft(meetings: Meetings, failure: Exception) -> None:
    class Fails(Rep):
        def ask(self, ask: Ask) -> Answer:
            if ask.key == "meeting.phase":
                raise failure
            return super().ask(ask)

    started = meetings.start_prep("ACME", meeting_type="negotiation")
    with pytest.raises(type(failure)) as raised:
        meetings.walk(started, Fails())
    (draft,) = meetings.drafts.list()
    assert draft.answers["meeting"]["type"] == "negotiation"
    if isinstance(failure, SalescoachError):
        assert f"salescoach resume {draft.id}" in str(raised.value)


def test_a_signal_is_an_interruption_with_its_exit_code(meetings: Meetings) -> None:
    import os
    import signal

    class Hangs(Rep):
        def ask(self, ask: Ask) -> Answer:
            if ask.key == "meeting.phase":
                os.kill(os.getpid(), signal.SIGHUP)  # the terminal went away
            return super().ask(ask)

    before = signal.getsignal(signal.SIGHUP)
    try:
        outcome = meetings.walk(meetings.start_prep("ACME"), Hangs())
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN  # a second cannot cut the save
    finally:
        signal.signal(signal.SIGHUP, before)
    assert isinstance(outcome, Interrupted)
    assert (outcome.signal, outcome.exit_code) == ("SIGHUP", 129)
    assert outcome.draft is not None and outcome.draft.answers["meeting"]["account"] == "ACME"


@dataclass
class Signs(Rep):
    """A rep whose deal is signed: answers ``won``; notes the defaults it is offered."""

    offered: dict[str, Answer] = field(default_factory=dict)

    def ask(self, ask: Ask) -> Answer:
        self.offered[ask.key] = ask.default
        if ask.key == "debrief.outcome":
            self.asked.append(ask.key)
            return "won"
        return super().ask(ask)


def test_a_won_deal_puts_the_account_in_the_client_phase(meetings: Meetings) -> None:
    _prep(meetings, kind="closing")
    rep = Signs()
    outcome = meetings.walk(meetings.start_debrief(), rep)
    assert isinstance(outcome, Finished)
    answers = outcome.saved.record.answers["debrief"]
    assert answers["outcome"] == "won"
    assert answers["phase"] == "client"  # implied by the outcome, not asked
    assert "debrief.phase" not in rep.asked and "debrief.phase_signals" not in rep.asked
    assert "phase_signals" not in answers
    # The account's memory: the next prep starts from the client phase.
    nxt = Signs()
    meetings.walk(meetings.start_prep("ACME", meeting_type="account-review"), nxt)
    assert nxt.offered["meeting.phase"] == "client"


def test_a_deal_going_on_still_asks_its_phase(meetings: Meetings) -> None:
    _prep(meetings)
    rep = Rep()
    outcome = meetings.walk(meetings.start_debrief(), rep)
    assert isinstance(outcome, Finished)
    assert outcome.saved.record.answers["debrief"]["outcome"] == "ongoing"
    assert {"debrief.phase", "debrief.phase_signals"} <= set(rep.asked)
