"""Numeric comparisons, per-item conditions and options from earlier answers, walked by the
engine through the scripted prompter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.playbook.library import Library, Source
from salescoach.playbook.values import AnswerValueError
from salescoach.session.engine import Session
from salescoach.session.prompter import ScriptedPrompter

TODAY = dt.date(2026, 11, 28)

QUALIFY = """
id: qualify
kind: prep
title: Qualify
language: en
version: 1
steps:
  - title: Who and what
    questions:
      - id: contacts
        type: group
        prompt: Contacts
        questions:
          - {id: name, type: text, prompt: Name, required: true}
          - {id: role, type: text, prompt: Role}
      - {id: objectives, type: list, prompt: Objectives, min_items: 1}
      - id: decider
        type: choice
        prompt: Who decides?
        choices_from: {answer: contacts, field: name}
      - id: first
        type: choice
        prompt: Which objective first?
        choices_from: {answer: objectives}
      - {id: seats, type: number, prompt: Seats?, min: 0}
      - id: volume_plan
        type: text
        prompt: How will they roll it out?
        when: {question: seats, at_least: 100}
      - id: confidence
        type: scale
        prompt: How sure of this objective?
        min: 0
        max: 3
        for_each: {answer: objectives}
      - id: rescue
        type: text
        prompt: What would make it surer?
        for_each:
          answer: objectives
          when: {question: confidence, less_than: 2}
      - {id: total, type: number, prompt: Total confidence, compute: {sum: [confidence]}}
      - {id: weakest, type: number, prompt: Weakest, compute: {min: [confidence, seats]}}
      - {id: how_many, type: number, prompt: Objectives, compute: {count: [objectives]}}
      - id: plan_b
        type: text
        prompt: What is plan B?
        when: {question: total, less_than: 3}
      - id: named
        type: yesno
        prompt: Is it the pilot?
        for_each:
          answer: objectives
          when: {question: item, equals: Sign the pilot}
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    directory = tmp_path / "books"
    directory.mkdir()
    (directory / "qualify.yaml").write_text(dedent(QUALIFY), encoding="utf-8")
    loaded = Library.load("en", [Source("option", directory)])
    assert not loaded.problems
    assert not loaded.check()
    return loaded


def walk(library: Library, answers: dict[str, object]) -> tuple[Session, ScriptedPrompter]:
    prompter = ScriptedPrompter(
        answers,
        {
            "qualify.contacts.more[0]": True,
            "qualify.contacts.more[1]": True,
            "qualify.contacts.more[2]": False,
        },
    )
    session = Session(library, "qualify", prompter, today=TODAY)
    session.run()
    return session, prompter


ANSWERS: dict[str, object] = {
    "qualify.contacts[0].name": "Claire Martin",
    "qualify.contacts[0].role": "Head of supply chain",
    "qualify.contacts[1].name": "Marc Dubois",
    "qualify.contacts[1].role": "",
    "qualify.objectives": ["Sign the pilot", "Agree the price"],
    "qualify.decider": "Marc Dubois",
    "qualify.first": "agree the price",  # the item's text, in any case
    "qualify.seats": "120",
    "qualify.volume_plan": "Region by region",
    "qualify.confidence[0]": "3",
    "qualify.confidence[1]": "1",
    "qualify.rescue[1]": "A reference call with Nordfret",
    "qualify.named[0]": "yes",
}


def test_options_come_from_earlier_answers_and_store_the_item(library: Library) -> None:
    session, _ = walk(library, ANSWERS)
    answers = session.answers["qualify"]
    assert answers["decider"] == "Marc Dubois"
    assert answers["first"] == "Agree the price"


def test_an_item_condition_asks_only_for_the_items_where_it_holds(library: Library) -> None:
    session, prompter = walk(library, ANSWERS)
    answers = session.answers["qualify"]
    assert answers["rescue"] == [
        {"item": "Agree the price", "answer": "A reference call with Nordfret"}
    ]
    assert answers["named"] == [{"item": "Sign the pilot", "answer": True}]
    assert "qualify.rescue[0]" not in prompter.asked
    assert "qualify.named[1]" not in prompter.asked


def test_at_least_holds_from_the_bound_on(library: Library) -> None:
    session, _ = walk(library, {**ANSWERS, "qualify.seats": "100"})
    assert session.answers["qualify"]["volume_plan"] == "Region by region"


def test_a_numeric_test_does_not_hold_below_the_bound_or_when_empty(library: Library) -> None:
    for seats in ("99", ""):
        given = {k: v for k, v in ANSWERS.items() if k != "qualify.volume_plan"}
        session, prompter = walk(library, {**given, "qualify.seats": seats})
        assert "qualify.volume_plan" not in prompter.asked
        assert "volume_plan" not in session.answers["qualify"]


def test_a_pick_outside_the_earlier_answer_is_refused(library: Library) -> None:
    with pytest.raises(AnswerValueError, match="Claire Martin, Marc Dubois"):
        walk(library, {**ANSWERS, "qualify.decider": "Somebody else"})


def test_an_answers_file_names_the_item_text(library: Library) -> None:
    prefill = {
        "qualify": {
            "contacts": [{"name": "Claire Martin"}],
            "objectives": ["Sign the pilot"],
            "decider": "Claire Martin",
            "first": "Sign the pilot",
            "seats": 10,
            "confidence": [{"item": "Sign the pilot", "answer": 1}],
            "rescue": [{"item": "Sign the pilot", "answer": "Meet the CFO"}],
        }
    }
    session = Session(library, "qualify", None, prefill=prefill, no_input=True, today=TODAY)
    answers = session.run()["qualify"]
    assert answers["decider"] == "Claire Martin"
    assert answers["rescue"] == [{"item": "Sign the pilot", "answer": "Meet the CFO"}]


def test_computed_answers_are_never_asked_and_conditions_read_them(library: Library) -> None:
    session, prompter = walk(library, ANSWERS)
    answers = session.answers["qualify"]
    assert (answers["total"], answers["weakest"], answers["how_many"]) == (4, 1, 2)
    assert not {"qualify.total", "qualify.weakest", "qualify.plan_b"} & set(prompter.asked)
    low = {
        **ANSWERS,
        "qualify.confidence[0]": "1",
        "qualify.rescue[0]": "Ask for the pilot budget",
        "qualify.plan_b": "Meet the CFO",
    }
    session, prompter = walk(library, low)
    assert session.answers["qualify"]["total"] == 2
    assert session.answers["qualify"]["plan_b"] == "Meet the CFO"


def test_a_computed_answer_is_recomputed_over_a_stale_one(library: Library) -> None:
    prefill = {
        "qualify": {
            "contacts": [{"name": "Claire Martin"}],
            "objectives": ["Sign the pilot"],
            "confidence": [{"item": "Sign the pilot", "answer": 3}],
            "total": 99,  # a draft written before an answer changed
        }
    }
    session = Session(library, "qualify", None, prefill=prefill, no_input=True, today=TODAY)
    answers = session.run()["qualify"]
    assert (answers["total"], answers["how_many"]) == (3, 1)
    assert "weakest" in answers and answers["weakest"] == 3


def test_a_pick_among_an_empty_earlier_answer_is_not_asked(library: Library) -> None:
    given = {k: v for k, v in ANSWERS.items() if not k.startswith("qualify.contacts")}
    prompter = ScriptedPrompter(given, {"qualify.contacts.more[0]": False})
    session = Session(library, "qualify", prompter, today=TODAY)
    session.run()
    assert "qualify.decider" not in prompter.asked
    assert "decider" not in session.answers["qualify"]


def test_examples_give_each_item_its_own_answer(tmp_path: Path) -> None:
    from salescoach.session.examples import ExamplePrompter

    text = dedent(QUALIFY).replace(
        "        for_each: {answer: objectives}\n      - id: rescue",
        "        for_each: {answer: objectives}\n        examples: [3, 1]\n      - id: rescue",
    )
    text = text.replace(
        "{id: objectives, type: list, prompt: Objectives, min_items: 1}",
        "{id: objectives, type: list, prompt: Objectives, min_items: 1, example: [A, B, C]}",
    )
    text = text.replace(
        "prompt: What would make it surer?\n",
        "prompt: What would make it surer?\n        example: Call them\n",
    )
    directory = tmp_path / "examples"
    directory.mkdir()
    (directory / "qualify.yaml").write_text(text, encoding="utf-8")
    library = Library.load("en", [Source("option", directory)])
    assert not library.problems
    answers = Session(library, "qualify", ExamplePrompter(), today=TODAY).run()["qualify"]
    assert [pair["answer"] for pair in answers["confidence"]] == [3, 1, 1]  # the last serves C
    assert [pair["item"] for pair in answers["rescue"]] == ["B", "C"]


OUTCOME = """
id: close
kind: prep
title: Close
language: en
version: 1
steps:
  - title: The deal
    questions:
      - id: kind
        type: choice
        prompt: Which meeting?
        options: [{value: discovery, label: Discovery}, {value: closing, label: Closing}]
        example: discovery
      - id: outcome
        type: choice
        prompt: Where does it stand?
        options: [{value: ongoing, label: Going on}, {value: won, label: Won}]
        example: ongoing
        example_cases:
          - when: {question: kind, equals: closing}
            example: won
      - id: stage
        type: choice
        prompt: Which stage now?
        options:
          - {value: early, label: Early}
          - {value: late, label: Late}
          - {value: client, label: Client}
        implied: {when: {question: outcome, equals: won}, value: client}
        example: late
"""


@pytest.fixture
def outcome_library(tmp_path: Path) -> Library:
    directory = tmp_path / "close"
    directory.mkdir()
    (directory / "close.yaml").write_text(dedent(OUTCOME), encoding="utf-8")
    loaded = Library.load("en", [Source("option", directory)])
    assert not loaded.problems
    assert not loaded.check()
    return loaded


def test_an_implied_answer_is_not_asked_while_its_condition_holds(
    outcome_library: Library,
) -> None:
    won = ScriptedPrompter({"close.kind": "closing", "close.outcome": "won"})
    answers = Session(outcome_library, "close", won, today=TODAY).run()["close"]
    assert answers["stage"] == "client"
    assert "close.stage" not in won.asked
    going = ScriptedPrompter(
        {"close.kind": "closing", "close.outcome": "ongoing", "close.stage": "late"}
    )
    answers = Session(outcome_library, "close", going, today=TODAY).run()["close"]
    assert answers["stage"] == "late" and "close.stage" in going.asked


def test_an_implied_answer_wins_over_a_stale_one(outcome_library: Library) -> None:
    prefill = {"close": {"kind": "closing", "outcome": "won", "stage": "late"}}
    session = Session(outcome_library, "close", None, prefill=prefill, no_input=True)
    assert session.run()["close"]["stage"] == "client"


def test_the_first_example_case_that_holds_gives_the_example(outcome_library: Library) -> None:
    from salescoach.session.examples import ExamplePrompter

    def examples(kind: str) -> dict[str, object]:
        prefill = {"close": {"kind": kind}}
        session = Session(outcome_library, "close", ExamplePrompter(), prefill=prefill)
        return dict(session.run()["close"])

    assert examples("discovery") == {"kind": "discovery", "outcome": "ongoing", "stage": "late"}
    assert examples("closing") == {"kind": "closing", "outcome": "won", "stage": "client"}


RATED = """
id: rate
kind: prep
title: Rate
language: en
version: 1
steps:
  - title: Objectives
    questions:
      - id: kind
        type: choice
        prompt: Which meeting?
        options: [{value: discovery, label: Discovery}, {value: closing, label: Closing}]
        example: discovery
      - {id: objectives, type: list, prompt: Objectives, example: [Budget, Date, Owner]}
      - id: result
        type: group
        prompt: How far did you get?
        for_each: {answer: objectives}
        questions:
          - id: done
            type: choice
            prompt: Result
            options: [{value: reached, label: Reached}, {value: partly, label: Partly}]
            examples: [partly, reached]
          - id: note
            type: text
            prompt: What happened?
            examples: [Range only, Set for May]
            example_cases:
              - when: {question: kind, equals: closing}
                examples: [Signed, Paid]
"""


def test_each_item_of_an_iterated_group_gets_its_sub_questions_own_examples(
    tmp_path: Path,
) -> None:
    from salescoach.session.examples import ExamplePrompter

    directory = tmp_path / "rate"
    directory.mkdir()
    (directory / "rate.yaml").write_text(dedent(RATED), encoding="utf-8")
    library = Library.load("en", [Source("option", directory)])
    assert not library.problems and not library.check()

    def entries(kind: str) -> list[dict[str, str]]:
        prefill = {"rate": {"kind": kind}}
        answers = Session(library, "rate", ExamplePrompter(), prefill=prefill).run()["rate"]
        return [dict(pair["answer"]) for pair in answers["result"]]

    assert entries("discovery") == [
        {"done": "partly", "note": "Range only"},
        {"done": "reached", "note": "Set for May"},
        {"done": "reached", "note": "Set for May"},  # the last serves the items beyond
    ]
    assert [entry["note"] for entry in entries("closing")] == ["Signed", "Paid", "Paid"]
