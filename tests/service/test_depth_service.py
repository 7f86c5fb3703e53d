"""Depth and carry-forward through the meetings service: quick preps, going deeper, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import Depth
from salescoach.playbook.values import Answer
from salescoach.service.meetings import Finished, Meetings
from salescoach.session.prompter import Ask
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from tests.service.test_meetings import Rep


class EnterKeeps(Rep):
    """A rep who presses Enter on every default (and keeps what is known), else the example."""

    def ask(self, ask: Ask) -> Answer:
        if ask.default is not None:
            self.asked.append(ask.key)
            return ask.default
        return super().ask(ask)

    def confirm(self, key: str, message: str, default: bool) -> bool:
        return default if key.endswith(".keep") else super().confirm(key, message, default)


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load("en", search_path("en"))


@pytest.fixture
def meetings(isolated_home: Path, library: Library) -> Meetings:
    return Meetings(Repository(isolated_home), library, "en")


def _finish(meetings: Meetings, started: object, rep: Rep) -> Record:
    outcome = meetings.walk(started, rep, review=False)  # type: ignore[arg-type]
    assert isinstance(outcome, Finished)
    return outcome.saved.record


def _discovery_and_debrief(meetings: Meetings) -> tuple[Record, Record]:
    prep = meetings.start_prep(
        "ACME",
        meeting_type="discovery",
        answers={"meeting": {"date": "2026-11-10"}},
        depth=Depth.FULL,
    )
    prep_record = _finish(meetings, prep, Rep())
    debrief = _finish(meetings, meetings.start_debrief(None, depth=Depth.FULL), Rep())
    return prep_record, debrief


def test_a_quick_prep_of_a_new_account_asks_only_the_essentials(meetings: Meetings) -> None:
    rep = Rep()
    record = _finish(
        meetings, meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.QUICK), rep
    )
    assert record.depth == "quick"
    assert record.carried == {}
    assert {key.split("[")[0] for key in rep.asked} == {
        "meeting.objectives",
        "opa.plan",
        "opa.time_available",
        "mesore.starting_point",
        "mesore.ideal_outcome",
        "mesore.own_mesore",
        "mesore.client_mesore",
        "mesore.walk_away",
        "objection-prep.expected",
    }


def test_a_quick_prep_starts_from_the_accounts_records(meetings: Meetings) -> None:
    earlier_prep, earlier_debrief = _discovery_and_debrief(meetings)
    rep = Rep()
    started = meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.QUICK)
    recap = meetings.account_recap(started)
    assert recap.quick and recap.last_meeting == earlier_debrief.meeting
    recalled = {line.answer_id: line for line in recap.known}
    assert recalled["meeting.phase"].value == "4 · External initiatives"  # by its label
    assert recalled["meeting.contacts"].date == "2026-11-10"
    record = _finish(meetings, started, rep)

    assert "meeting.objectives[0]" not in rep.asked
    assert "objection-prep.expected" not in rep.asked
    unreached = [
        pair["item"]
        for pair in earlier_debrief.answers["debrief"]["objectives_result"]
        if pair["answer"]["result"] in ("partly", "not")
    ]
    assert record.answers["meeting"]["objectives"] == unreached
    assert record.answers["meeting"]["contacts"] == earlier_prep.answers["meeting"]["contacts"]
    assert record.answers["meeting"]["phase"] == earlier_debrief.answers["debrief"]["phase"]
    assert record.carried["meeting.objectives"].meeting == earlier_debrief.meeting
    assert record.carried["meeting.objectives"].kind == "debrief"
    assert record.carried["meeting.market"].kind == "prep"
    assert record.carried["opa.history"].date == "2026-11-10"


def test_a_standard_prep_offers_what_is_known_and_enter_keeps_it(meetings: Meetings) -> None:
    earlier_prep, earlier_debrief = _discovery_and_debrief(meetings)
    rep = EnterKeeps()
    record = _finish(
        meetings,
        meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.STANDARD),
        rep,
    )
    # Asked, with the known answers as defaults: Enter keeps them, and the record says whence.
    assert "meeting.phase" in rep.asked  # a choice, the known phase its default
    assert "meeting.objectives[0]" not in rep.asked  # a known list: one "keep it?" instead
    assert record.carried["meeting.objectives"].meeting == earlier_debrief.meeting
    assert record.carried["meeting.phase"].meeting == earlier_debrief.meeting
    assert record.carried["meeting.contacts"].meeting == earlier_prep.meeting
    assert record.answers["meeting"]["contacts"] == earlier_prep.answers["meeting"]["contacts"]
    assert "meeting.market" in record.carried  # a full question: kept unasked


def test_going_deeper_asks_only_what_standard_adds_and_keeps_every_answer(
    meetings: Meetings,
) -> None:
    quick = _finish(
        meetings, meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.QUICK), Rep()
    )
    rep = Rep()
    deeper = _finish(meetings, meetings.start_edit(quick.meeting, "prep", Depth.STANDARD), rep)
    assert deeper.meeting == quick.meeting and deeper.depth == "standard"
    for namespace, answers in quick.answers.items():
        for question, value in answers.items():
            assert deeper.answers[namespace][question] == value
    asked = {key.split("[")[0].split(".more")[0] for key in rep.asked}
    assert asked == {
        "meeting.contacts",
        "meeting.date",
        "meeting.time",
        "meeting.phase",
        "reminders.watch",
        "opa.announce",
        "mesore.price_position",
        "mesore.moves",
        "objection-prep.rehearsal",
    }


def test_example_answers_follow_the_depth(meetings: Meetings) -> None:
    quick = meetings.example_answers(
        meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.QUICK)
    )
    full = meetings.example_answers(
        meetings.start_prep("ACME", meeting_type="negotiation", depth=Depth.FULL)
    )
    assert "(en, quick)" in quick and "starting_point" in quick and "foca" not in quick
    assert "moves" in full and "moves" not in quick
