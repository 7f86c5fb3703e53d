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


def test_changing_an_answer_offers_its_value_and_enter_keeps_it(
    library: Library,  # noqa: F811
) -> None:
    prompter = ScriptedPrompter(
        ANSWERS,
        choices={"review": ["change", "save"], "review.change": ["meeting.account"]},
    )
    session = _session(library, prompter)
    prompter.answers = {}
    prompter.use_defaults = True  # the rep presses Enter
    prompter.asked.clear()
    reviewed = review(session, prompter, "prep")
    assert reviewed is not None
    assert prompter.defaults["meeting.account"] == "ACME"
    assert reviewed.answers == session.answers
    assert [key for key in prompter.asked if not key.startswith("review")] == ["meeting.account"]


def test_changing_a_list_offers_each_item_as_its_default(library: Library) -> None:  # noqa: F811
    prompter = ScriptedPrompter(
        ANSWERS,
        choices={"review": ["change", "save"], "review.change": ["meeting.objectives"]},
    )
    session = _session(library, prompter)
    prompter.answers = {"meeting.objectives[1]": "Meet the CFO", "meeting.objectives[2]": ""}
    prompter.use_defaults = True
    reviewed = review(session, prompter, "prep")
    assert reviewed is not None
    assert prompter.defaults["meeting.objectives[0]"] == "Map the decision cycle"
    assert reviewed.answers["meeting"]["objectives"] == ["Map the decision cycle", "Meet the CFO"]


def test_changing_an_answer_does_not_ask_the_optional_ones_skipped(
    library: Library,  # noqa: F811
) -> None:
    skipped_phase: dict[str, object] = {k: v for k, v in ANSWERS.items() if k != "meeting.phase"}
    skipped_phase["meeting.phase"] = None  # left unanswered
    prompter = ScriptedPrompter(
        skipped_phase,
        choices={"review": ["change", "save"], "review.change": ["meeting.when"]},
    )
    session = _session(library, prompter)
    assert "phase" not in session.answers["meeting"]
    prompter.answers = {"meeting.when": "2026-12-09"}
    prompter.asked.clear()
    reviewed = review(session, prompter, "prep")
    assert reviewed is not None
    assert reviewed.answers["meeting"]["when"] == "2026-12-09"
    assert "meeting.phase" not in prompter.asked


def test_the_change_menu_shows_choices_by_label_and_counts_items(
    library: Library,  # noqa: F811
) -> None:
    session = _session(library, ScriptedPrompter(ANSWERS))
    labels = dict(answered_questions(session))
    assert labels["meeting.type"] == "Type — Discovery"
    assert labels["meeting.phase"] == "Phase — Low"
    assert labels["meeting.objectives"] == "Objectives — 1 item"
