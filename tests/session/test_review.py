"""The review screen, driven by a scripted prompter."""

from __future__ import annotations

import datetime as dt

from salescoach.playbook.library import Library
from salescoach.session.engine import Session
from salescoach.session.prompter import ScriptedPrompter
from salescoach.session.review import answered_questions, review
from tests.session.test_engine import library  # noqa: F401 - the fixture

ANSWERS = {
    "meeting.account": "ACME",
    "meeting.type": "discovery",
    "meeting.phase": "low",
    "meeting.objectives": ["Map the decision cycle"],
    "meeting.when": "2026-12-01",
}


def _session(library: Library, prompter: ScriptedPrompter) -> Session:  # noqa: F811
    session = Session(library, "prep-flow", prompter, today=dt.date(2026, 11, 28))
    session.run()
    return session


def test_changing_an_answer_asks_only_that_question(library: Library) -> None:  # noqa: F811
    prompter = ScriptedPrompter(
        ANSWERS,
        choices={"review": ["change", "save"], "review.change": ["meeting.type"]},
    )
    session = _session(library, prompter)
    prompter.answers = {"meeting.type": "negotiation", "deal.walk_away": 900}
    prompter.confirms = {"deal.moves.more[0]": False}
    prompter.answers["deal.rating[0]"] = 3
    prompter.asked.clear()
    reviewed = review(session, prompter, "prep")
    assert reviewed is not None
    assert reviewed.answers["meeting"]["type"] == "negotiation"
    assert reviewed.answers["meeting"]["account"] == "ACME"
    # The new type brings the negotiation playbook into play: its questions are asked too.
    assert reviewed.answers["deal"]["walk_away"] == 900
    assert "meeting.account" not in prompter.asked


def test_discard_needs_a_confirmation(library: Library) -> None:  # noqa: F811
    prompter = ScriptedPrompter(
        ANSWERS,
        confirms={"review.discard": True},
        choices={"review": ["discard"]},
    )
    assert review(_session(library, prompter), prompter, "prep") is None


def test_the_change_menu_lists_answers_in_order(library: Library) -> None:  # noqa: F811
    session = _session(library, ScriptedPrompter(ANSWERS))
    ids = [answer_id for answer_id, _ in answered_questions(session)]
    assert ids == [
        "meeting.account",
        "meeting.type",
        "meeting.phase",
        "meeting.objectives",
        "meeting.when",
    ]
