"""The engine, driven by a scripted prompter over small playbooks written for each test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.errors import AnswersFileError, MissingAnswersError
from salescoach.playbook.library import Library, Source
from salescoach.playbook.values import AnswerValueError
from salescoach.session.engine import Session
from salescoach.session.prompter import ScriptedPrompter, UnexpectedQuestion

TODAY = dt.date(2026, 11, 28)

REFERENCE = """
id: levels
kind: reference
title: Levels
language: en
version: 1
entries:
  - {id: low, label: Low, help: Start small}
  - {id: high, label: High, help: Aim high}
"""

MEETING = """
id: meeting
kind: prep
title: Meeting
language: en
version: 1
steps:
  - title: The meeting
    guidance: Know who you meet.
    questions:
      - {id: account, type: text, prompt: Account?, required: true}
      - id: type
        type: choice
        prompt: Type?
        required: true
        options:
          - {value: discovery, label: Discovery}
          - {value: negotiation, label: Negotiation}
      - {id: phase, type: choice, prompt: Phase?, choices_from: {reference: levels},
         default_from: account.phase}
      - {id: objectives, type: list, prompt: Objectives?, required: true, min_items: 1,
         max_items: 3}
      - {id: when, type: date, prompt: When?, default: 2026-12-01}
"""

DEAL = """
id: deal
kind: prep
title: Deal
language: en
version: 1
steps:
  - title: Walk-away
    questions:
      - {id: walk_away, type: number, prompt: Walk-away price?, unit: EUR, min: 0, required: true}
      - id: moves
        type: group
        prompt: Planned moves
        questions:
          - {id: give, type: text, prompt: Concession, required: true}
          - {id: get, type: text, prompt: Counterpart}
      - id: rating
        type: scale
        prompt: How sure?
        min: 1
        max: 5
        for_each: {answer: meeting.objectives}
"""

FLOW = """
id: prep-flow
kind: flow
record: prep
title: Prep
language: en
version: 1
flow:
  - playbook: meeting
  - playbook: deal
    when: {question: meeting.type, in: [negotiation]}
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    directory = tmp_path / "books"
    directory.mkdir()
    for name, text in {"levels": REFERENCE, "meeting": MEETING, "deal": DEAL, "flow": FLOW}.items():
        (directory / f"{name}.yaml").write_text(dedent(text), encoding="utf-8")
    loaded = Library.load("en", [Source("option", directory)])
    assert not loaded.problems
    assert not loaded.check()
    return loaded


def run(library: Library, answers: dict[str, object], **kwargs: object) -> Session:
    prompter = ScriptedPrompter(answers, kwargs.pop("confirms", {}))  # type: ignore[arg-type]
    session = Session(library, "prep-flow", prompter, today=TODAY, **kwargs)  # type: ignore[arg-type]
    session.run()
    return session


def test_condition_skips_a_playbook_not_for_this_meeting_type(library: Library) -> None:
    session = run(
        library,
        {
            "meeting.account": "ACME",
            "meeting.type": "Discovery",  # a label is accepted and stored as its value
            "meeting.phase": "low",
            "meeting.objectives[0]": "Map the decision cycle",
            "meeting.objectives[1]": "",
            "meeting.when": "+3d",
        },
    )
    assert session.answers == {
        "meeting": {
            "account": "ACME",
            "type": "discovery",
            "phase": "low",
            "objectives": ["Map the decision cycle"],
            "when": "2026-12-01",
        }
    }
    assert [entry.id for entry in session.used] == ["meeting"]


def test_negotiation_walks_groups_and_iterations(library: Library) -> None:
    session = run(
        library,
        {
            "meeting.account": "ACME",
            "meeting.type": "negotiation",
            "meeting.phase": "high",
            "meeting.objectives": ["Sign the pilot", "Agree the price"],
            "meeting.when": "2026-12-02",
            "deal.walk_away": "12 000",
            "deal.moves[0].give": "Free training day",
            "deal.moves[0].get": "Signed before the 15th",
            "deal.rating[0]": "4",
            "deal.rating[1]": 2,
        },
        confirms={"deal.moves.more[0]": True, "deal.moves.more[1]": False},
    )
    assert session.answers["deal"] == {
        "walk_away": 12000,
        "moves": [{"give": "Free training day", "get": "Signed before the 15th"}],
        "rating": [
            {"item": "Sign the pilot", "answer": 4},
            {"item": "Agree the price", "answer": 2},
        ],
    }


def test_default_from_context_is_offered(library: Library) -> None:
    prompter = ScriptedPrompter(
        {
            "meeting.account": "ACME",
            "meeting.type": "discovery",
            "meeting.objectives": ["One"],
        },
        use_defaults=True,
    )
    session = Session(
        library, "meeting", prompter, context={"account": {"phase": "high"}}, today=TODAY
    )
    answers = session.run()
    assert answers["meeting"]["phase"] == "high"
    assert answers["meeting"]["when"] == "2026-12-01"


def test_no_input_lists_every_missing_required_answer(library: Library) -> None:
    session = Session(
        library,
        "prep-flow",
        None,
        prefill={"meeting": {"type": "negotiation"}},
        no_input=True,
        today=TODAY,
    )
    with pytest.raises(MissingAnswersError) as caught:
        session.run()
    assert caught.value.missing == ["meeting.account", "meeting.objectives", "deal.walk_away"]


def test_prefill_is_checked_and_not_asked(library: Library) -> None:
    prefill = {
        "meeting": {
            "account": "ACME",
            "type": "negotiation",
            "objectives": ["Sign"],
        },
        "deal": {
            "walk_away": 500,
            "moves": [{"give": "Discount", "get": "Volume"}],
            "rating": [{"item": "Sign", "answer": 5}],
        },
    }
    session = Session(library, "prep-flow", None, prefill=prefill, no_input=True, today=TODAY)
    answers = session.run()
    assert answers["deal"]["moves"] == [{"give": "Discount", "get": "Volume"}]
    assert answers["deal"]["rating"] == [{"item": "Sign", "answer": 5}]
    assert answers["meeting"]["when"] == "2026-12-01"


def test_invalid_prefill_is_reported_with_its_id(library: Library) -> None:
    prefill = {
        "meeting": {"account": "ACME", "type": "lunch", "objectives": ["Sign"]},
    }
    session = Session(library, "prep-flow", None, prefill=prefill, no_input=True, today=TODAY)
    with pytest.raises(AnswersFileError) as caught:
        session.run()
    assert "meeting.type" in str(caught.value)
    assert "lunch" in str(caught.value)


def test_interrupt_keeps_answers_given_so_far(library: Library) -> None:
    class Interrupting(ScriptedPrompter):
        def ask(self, ask):  # type: ignore[no-untyped-def]
            if ask.key == "meeting.phase":
                raise KeyboardInterrupt
            return super().ask(ask)

    session = Session(
        library,
        "prep-flow",
        Interrupting({"meeting.account": "ACME", "meeting.type": "discovery"}),
        today=TODAY,
    )
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert session.answers == {"meeting": {"account": "ACME", "type": "discovery"}}
    assert session.position == "meeting.phase"


def test_scripted_prompter_fails_loudly_on_an_unexpected_question(library: Library) -> None:
    session = Session(library, "prep-flow", ScriptedPrompter({}), today=TODAY)
    with pytest.raises(UnexpectedQuestion, match="meeting.account"):
        session.run()


def test_a_condition_on_an_earlier_answer_of_the_same_step_is_checked_when_asked(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "same-step"
    directory.mkdir()
    (directory / "opa.yaml").write_text(
        dedent(
            """
            id: opa
            kind: prep
            title: OPA
            language: en
            version: 1
            steps:
              - title: Company
                questions:
                  - {id: knows, type: yesno, prompt: Do they know us?}
                  - {id: pitch, type: text, prompt: Pitch?, when: {question: knows, equals: false}}
            """
        ),
        encoding="utf-8",
    )
    library = Library.load("en", [Source("option", directory)])
    asked = Session(library, "opa", ScriptedPrompter({"opa.knows": "no", "opa.pitch": "We help"}))
    assert asked.run() == {"opa": {"knows": False, "pitch": "We help"}}
    skipped = Session(library, "opa", ScriptedPrompter({"opa.knows": "yes"}))
    assert skipped.run() == {"opa": {"knows": True}}


def test_a_draft_resumed_against_a_changed_playbook_drops_what_no_longer_fits(
    library: Library,
) -> None:
    draft_answers = {
        "meeting": {
            "account": "ACME",
            "type": "lunch",  # an option that no longer exists
            "budget": 1000,  # a question that was removed
            "objectives": ["Sign"],
        }
    }
    session = Session(
        library,
        "prep-flow",
        ScriptedPrompter({"meeting.type": "discovery"}, use_defaults=True, accept_errors=True),
        prefill=draft_answers,
        lenient=True,
        today=TODAY,
    )
    answers = session.run()
    assert answers["meeting"]["type"] == "discovery"  # asked again
    assert answers["meeting"]["objectives"] == ["Sign"]  # kept
    assert [p.field_path for p in session.dropped] == ["meeting.type"]
    assert "meeting.budget" in session.unused_prefill()


# --- going back, progress, what an interrupt keeps --------------------------------------------

DISCOVERY = {
    "meeting.account": "ACME",
    "meeting.type": "discovery",
    "meeting.phase": "low",
    "meeting.objectives[0]": "Map the decision cycle",
    "meeting.objectives[1]": "",
    "meeting.when": "+3d",
}


def test_back_asks_the_previous_question_again_with_its_answer_as_default(
    library: Library,
) -> None:
    prompter = ScriptedPrompter(DISCOVERY, backs=frozenset({"meeting.phase"}))
    session = Session(library, "prep-flow", prompter, today=TODAY)
    session.run()
    # Back at the phase: the type is asked again, the answer given as its default; then on.
    assert prompter.asked == [
        "meeting.account",
        "meeting.type",
        "meeting.phase",
        "meeting.type",
        "meeting.phase",
        "meeting.objectives[0]",
        "meeting.objectives[1]",
        "meeting.when",
    ]
    assert prompter.defaults["meeting.type"] == "discovery"
    assert session.answers["meeting"]["type"] == "discovery"
    assert session.answers["meeting"]["objectives"] == ["Map the decision cycle"]


def test_an_answer_hook_hears_the_account_once_though_the_walk_goes_back_over_it(
    library: Library,
) -> None:
    heard: list[object] = []
    prompter = ScriptedPrompter(DISCOVERY, backs=frozenset({"meeting.phase", "meeting.type"}))
    session = Session(library, "prep-flow", prompter, today=TODAY)
    session.on_answer["meeting.account"] = heard.append
    session.run()
    assert prompter.asked.count("meeting.account") == 2  # asked again after going back to it
    assert heard == ["ACME"]  # the same name: its recap is not shown twice


def test_back_from_a_list_item_returns_to_the_item_before(library: Library) -> None:
    answers = {**DISCOVERY, "meeting.objectives[1]": "Meet the CFO", "meeting.objectives[2]": ""}
    prompter = ScriptedPrompter(answers, backs=frozenset({"meeting.objectives[2]"}))
    session = Session(library, "prep-flow", prompter, today=TODAY)
    session.run()
    assert prompter.defaults["meeting.objectives[1]"] == "Meet the CFO"
    assert session.answers["meeting"]["objectives"] == ["Map the decision cycle", "Meet the CFO"]


def test_back_into_a_group_and_across_a_flow_condition(library: Library) -> None:
    answers = {
        **DISCOVERY,
        "meeting.type": "negotiation",
        "meeting.objectives": ["Sign"],
        "deal.walk_away": 900,
        "deal.moves[0].give": "Free day",
        "deal.moves[0].get": "Volume",
        "deal.rating[0]": 4,
    }
    confirms = {"deal.moves.more[0]": True, "deal.moves.more[1]": False}
    prompter = ScriptedPrompter(answers, confirms, backs=frozenset({"deal.rating[0]"}))
    session = Session(library, "prep-flow", prompter, today=TODAY)
    session.run()
    # Before the rating came the confirm "add another move?": asked again, its answer the default.
    assert prompter.asked[-4:] == [
        "deal.moves.more[1]",
        "deal.rating[0]",
        "deal.moves.more[1]",
        "deal.rating[0]",
    ]
    assert prompter.defaults["deal.moves.more[1]"] is False
    assert session.answers["deal"]["moves"] == [{"give": "Free day", "get": "Volume"}]
    assert prompter.steps.count("Walk-away") == 2  # shown again with the question it holds


def test_back_at_the_first_question_asks_it_again(library: Library) -> None:
    prompter = ScriptedPrompter(DISCOVERY, backs=frozenset({"meeting.account"}))
    session = Session(library, "prep-flow", prompter, today=TODAY)
    session.run()
    assert prompter.asked[:2] == ["meeting.account", "meeting.account"]
    assert session.answers["meeting"]["account"] == "ACME"


def test_each_step_says_where_it_is_in_the_walk(library: Library) -> None:
    answers = {
        **DISCOVERY,
        "meeting.type": "negotiation",
        "meeting.objectives": ["Sign"],
        "deal.walk_away": 900,
        "deal.rating[0]": 4,
    }
    prompter = ScriptedPrompter(answers, {"deal.moves.more[0]": False})
    Session(library, "prep-flow", prompter, today=TODAY).run()
    # Before the type is known how many steps follow is not either: "step 1", no total that
    # would jump; once it is, the deal step makes it "2 of 2".
    assert prompter.progress == [(1, None), (2, 2)]


def test_an_interrupt_inside_a_list_keeps_the_items_typed(library: Library) -> None:
    class StopsAtThirdItem(ScriptedPrompter):
        def ask(self, ask):  # type: ignore[no-untyped-def]
            if ask.key == "meeting.objectives[2]":
                raise KeyboardInterrupt
            return super().ask(ask)

    answers = {**DISCOVERY, "meeting.objectives[1]": "Meet the CFO"}
    session = Session(library, "prep-flow", StopsAtThirdItem(answers), today=TODAY)
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert session.answers["meeting"]["objectives"] == ["Map the decision cycle", "Meet the CFO"]


def test_an_interrupt_inside_a_group_keeps_the_entries_typed(library: Library) -> None:
    class StopsAtSecondMove(ScriptedPrompter):
        def ask(self, ask):  # type: ignore[no-untyped-def]
            if ask.key == "deal.moves[1].get":
                raise EOFError
            return super().ask(ask)

    answers = {
        **DISCOVERY,
        "meeting.type": "negotiation",
        "meeting.objectives": ["Sign"],
        "deal.walk_away": 900,
        "deal.moves[0].give": "Free day",
        "deal.moves[0].get": "Volume",
        "deal.moves[1].give": "Longer terms",
    }
    prompter = StopsAtSecondMove(answers, {"deal.moves.more[0]": True, "deal.moves.more[1]": True})
    session = Session(library, "prep-flow", prompter, today=TODAY)
    with pytest.raises(EOFError):
        session.run()
    assert session.answers["deal"]["moves"] == [
        {"give": "Free day", "get": "Volume"},
        {"give": "Longer terms"},
    ]
    assert session.position == "deal.moves[1].get"


def test_resuming_in_a_list_offers_its_items_and_goes_on(library: Library) -> None:
    prefill = {"meeting": {"account": "ACME", "type": "discovery", "phase": "low",
                           "objectives": ["Map the decision cycle"]}}  # fmt: skip
    prompter = ScriptedPrompter(
        {"meeting.objectives[1]": "Meet the CFO", "meeting.objectives[2]": ""},
        use_defaults=True,
    )
    session = Session(
        library,
        "prep-flow",
        prompter,
        prefill=prefill,
        lenient=True,
        again=frozenset({"meeting.objectives"}),
        today=TODAY,
    )
    session.run()
    assert prompter.defaults["meeting.objectives[0]"] == "Map the decision cycle"
    assert session.answers["meeting"]["objectives"] == ["Map the decision cycle", "Meet the CFO"]
    assert "meeting.account" not in prompter.asked


def test_edit_from_asks_again_from_there_on(library: Library) -> None:
    prefill = {"meeting": {"account": "ACME", "type": "discovery", "phase": "low",
                           "objectives": ["Sign"], "when": "2026-12-02"}}  # fmt: skip
    prompter = ScriptedPrompter({}, use_defaults=True)
    Session(
        library, "prep-flow", prompter, prefill=prefill, edit_from="meeting.phase", today=TODAY
    ).run()
    assert prompter.asked == ["meeting.phase", "meeting.objectives[0]", "meeting.objectives[1]",
                              "meeting.when"]  # fmt: skip
    assert prompter.defaults["meeting.when"] == "2026-12-02"


def test_editing_from_a_question_counts_the_steps_after_it(library: Library) -> None:
    prefill = {
        "meeting": {"account": "ACME", "type": "negotiation", "objectives": ["Sign"]},
        "deal": {"walk_away": 900, "rating": [{"item": "Sign", "answer": 4}]},
    }
    prompter = ScriptedPrompter({}, use_defaults=True)
    Session(
        library, "prep-flow", prompter, prefill=prefill, edit_from="meeting.phase", today=TODAY
    ).run()
    assert prompter.progress == [(1, 2), (2, 2)]


def test_pasted_lines_are_one_item_each(library: Library) -> None:
    answers = {**DISCOVERY, "meeting.objectives[0]": "Map the cycle\nMeet the CFO\n\nSign"}
    del answers["meeting.objectives[1]"]
    session = Session(library, "prep-flow", ScriptedPrompter(answers), today=TODAY)
    session.run()
    assert session.answers["meeting"]["objectives"] == ["Map the cycle", "Meet the CFO", "Sign"]


def test_pasting_more_lines_than_a_list_holds_is_refused(library: Library) -> None:
    q = next(q for q in library.get("meeting").playbook.questions() if q.id == "objectives")
    from salescoach.session.engine import _item_check

    with pytest.raises(AnswerValueError, match="at most 3"):
        _item_check(q, 1)("one\ntwo\nthree")


def test_a_bad_value_given_up_front_is_asked_again_in_a_terminal(library: Library) -> None:
    prompter = ScriptedPrompter(
        {k: v for k, v in DISCOVERY.items() if k != "meeting.account"}, accept_errors=True
    )
    prompter.answers = {**prompter.answers, "meeting.type": "negotiation"}
    prompter.confirms = {"deal.moves.more[0]": False}
    prompter.answers["deal.walk_away"] = 1
    prompter.answers["deal.rating[0]"] = 3
    session = Session(
        library,
        "prep-flow",
        prompter,
        prefill={"meeting": {"account": "ACME", "type": "bogus"}},
        today=TODAY,
    )
    answers = session.run()
    assert answers["meeting"]["type"] == "negotiation"  # the answer typed wins
    assert "meeting.account" not in prompter.asked


def test_a_text_given_up_front_that_does_not_fit_is_offered_to_correct(
    library: Library,
) -> None:
    prompter = ScriptedPrompter({"meeting.account": "ACME"}, use_defaults=True, accept_errors=True)
    prefill = {"meeting": {"account": "line one\nline two", "type": "discovery",
                           "objectives": ["Sign"]}}  # fmt: skip
    answers = Session(library, "meeting", prompter, prefill=prefill, today=TODAY).run()
    assert answers["meeting"]["account"] == "ACME"  # what the rep typed wins
    assert prompter.defaults["meeting.account"] == "line one\nline two"
