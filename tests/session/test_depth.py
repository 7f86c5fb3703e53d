"""Depth (quick, standard, full) and known answers, through the engine and the loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest

from salescoach.errors import MissingAnswersError, PlaybookError
from salescoach.playbook.library import Library, Source
from salescoach.playbook.loader import parse_playbook
from salescoach.playbook.model import Depth
from salescoach.session.engine import Known, Session
from salescoach.session.prompter import ScriptedPrompter, UnexpectedQuestion

TODAY = dt.date(2026, 11, 28)

BOOK = """
id: call
kind: prep
title: Call
language: en
version: 1
steps:
  - title: Essentials
    questions:
      - {id: account, type: text, prompt: Account?, required: true, depth: quick}
      - {id: goal, type: text, prompt: Goal?, required: true, depth: quick,
         default_from: account.history}
      - {id: rivals, type: list, prompt: Rivals?, depth: quick, default_from: account.competitors}
      - {id: phase, type: text, prompt: Phase?, default_from: account.phase}
  - title: Everyday
    questions:
      - {id: contact, type: text, prompt: Contact?, required: true}
      - id: steps
        type: group
        prompt: Steps
        required: true
        min_items: 1
        max_items: 1
        questions:
          - {id: action, type: text, prompt: Action?, required: true}
          - {id: owner, type: text, prompt: Owner?, depth: full}
  - title: Deep
    depth: full
    questions:
      - {id: history, type: paragraph, prompt: History?, required: true}
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    directory = tmp_path / "books"
    directory.mkdir()
    (directory / "call.yaml").write_text(dedent(BOOK), encoding="utf-8")
    loaded = Library.load("en", [Source("option", directory)])
    assert not loaded.problems
    assert not loaded.check()
    return loaded


ALL = {
    "call.account": "ACME",
    "call.goal": "Get the budget",
    "call.rivals[0]": "Routex",
    "call.rivals[1]": "",
    "call.phase": "3",
    "call.contact": "Claire",
    "call.steps[0].action": "Send the quote",
    "call.steps[0].owner": "Me",
    "call.history": "Lost a tender in 2023",
}


def walk(library: Library, depth: Depth, answers: dict[str, Any], **kwargs: Any) -> Session:
    prompter = ScriptedPrompter(answers, kwargs.pop("confirms", {}))
    session = Session(library, "call", prompter, today=TODAY, depth=depth, **kwargs)
    session.run()
    return session


def asked(session: Session) -> list[str]:
    assert isinstance(session.prompter, ScriptedPrompter)
    return session.prompter.asked


def test_quick_asks_only_the_questions_marked_quick(library: Library) -> None:
    session = walk(library, Depth.QUICK, ALL)
    assert asked(session) == ["call.account", "call.goal", "call.rivals[0]", "call.rivals[1]"]
    assert session.answers == {
        "call": {"account": "ACME", "goal": "Get the budget", "rivals": ["Routex"]}
    }
    assert session.prompter.steps == ["Essentials"]  # type: ignore[union-attr]


def test_standard_adds_unmarked_questions_and_a_group_without_its_deeper_sub_question(
    library: Library,
) -> None:
    session = walk(library, Depth.STANDARD, ALL)
    assert "call.history" not in asked(session)
    assert "call.steps[0].owner" not in asked(session)
    assert session.answers["call"]["contact"] == "Claire"
    assert session.answers["call"]["steps"] == [{"action": "Send the quote"}]


def test_full_asks_everything(library: Library) -> None:
    session = walk(library, Depth.FULL, ALL)
    assert session.answers["call"]["history"] == "Lost a tender in 2023"
    assert session.answers["call"]["steps"] == [{"action": "Send the quote", "owner": "Me"}]


def test_a_required_question_deeper_than_the_session_is_not_missing(library: Library) -> None:
    session = Session(
        library,
        "call",
        None,
        prefill={"call": {"account": "ACME", "goal": "Budget"}},
        no_input=True,
        depth=Depth.QUICK,
    )
    assert session.run() == {"call": {"account": "ACME", "goal": "Budget"}}
    with pytest.raises(MissingAnswersError) as missing:
        Session(
            library,
            "call",
            None,
            prefill={"call": {"account": "ACME", "goal": "Budget"}},
            no_input=True,
            depth=Depth.FULL,
        ).run()
    assert "call.history" in str(missing.value) and "call.contact" in str(missing.value)


def test_answers_given_to_deeper_questions_are_kept_unasked(library: Library) -> None:
    prefill = {
        "call": {"history": "Met at a trade fair", "steps": [{"action": "Call", "owner": "Ana"}]}
    }
    session = walk(library, Depth.QUICK, ALL, prefill=prefill)
    assert session.answers["call"]["history"] == "Met at a trade fair"
    assert session.answers["call"]["steps"] == [{"action": "Call", "owner": "Ana"}]
    assert "call.history" not in asked(session)


def test_going_deeper_asks_only_what_the_deeper_depth_adds(library: Library) -> None:
    quick = walk(library, Depth.QUICK, ALL).answers
    deeper = walk(
        library,
        Depth.STANDARD,
        {"call.phase": "2", "call.contact": "Claire", "call.steps[0].action": "Send the quote"},
        prefill=quick,
        walked=Depth.QUICK,
    )
    assert asked(deeper) == ["call.phase", "call.contact", "call.steps[0].action"]
    assert deeper.answers["call"] == {
        **quick["call"],
        "phase": "2",
        "contact": "Claire",
        "steps": [{"action": "Send the quote"}],
    }


def test_an_unanswered_quick_question_is_not_asked_again_when_going_deeper(
    library: Library,
) -> None:
    quick = walk(library, Depth.QUICK, {**ALL, "call.rivals[0]": ""}).answers
    assert "rivals" not in quick["call"]
    deeper = walk(library, Depth.STANDARD, ALL, prefill=quick, walked=Depth.QUICK)
    assert "call.rivals[0]" not in asked(deeper)


KNOWN = {
    "history": Known("Meet the budget owner", "2026-11-20-acme-discovery", "debrief", "2026-11-20"),
    "competitors": Known(["Routex", "Planify"], "2026-11-20-acme-discovery", "prep", "2026-11-20"),
    "phase": Known("2", "2026-11-20-acme-discovery", "debrief", "2026-11-20"),
}


def test_quick_keeps_known_answers_unasked_and_says_where_they_come_from(
    library: Library,
) -> None:
    session = walk(library, Depth.QUICK, {"call.account": "ACME"}, context={"account": KNOWN})
    assert asked(session) == ["call.account"]
    assert session.answers["call"] == {
        "account": "ACME",
        "goal": "Meet the budget owner",
        "rivals": ["Routex", "Planify"],
        "phase": "2",  # a standard question, known: kept too
    }
    assert set(session.carried) == {"call.goal", "call.rivals", "call.phase"}
    assert session.carried["call.goal"].meeting == "2026-11-20-acme-discovery"


def test_standard_offers_known_answers_as_defaults(library: Library) -> None:
    prompter = ScriptedPrompter(
        {"call.account": "ACME", "call.contact": "Claire", "call.steps[0].action": "Call"},
        {"call.rivals.keep": True},
        use_defaults=True,
    )
    session = Session(
        library,
        "call",
        prompter,
        context={"account": KNOWN},
        depth=Depth.STANDARD,
        today=TODAY,
    )
    session.run()
    assert "call.goal" in prompter.asked and "call.rivals.keep" in prompter.asked
    assert session.answers["call"]["goal"] == "Meet the budget owner"
    assert session.answers["call"]["rivals"] == ["Routex", "Planify"]
    assert set(session.carried) == {"call.goal", "call.rivals", "call.phase"}


def test_a_known_answer_changed_by_the_rep_is_theirs(library: Library) -> None:
    session = walk(
        library,
        Depth.STANDARD,
        {
            "call.account": "ACME",
            "call.goal": "Sign the pilot",
            "call.rivals[0]": "Routex",
            "call.rivals[1]": "",
            "call.phase": "2",
            "call.contact": "Claire",
            "call.steps[0].action": "Call",
        },
        confirms={"call.rivals.keep": False},
        context={"account": KNOWN},
    )
    assert session.answers["call"]["goal"] == "Sign the pilot"
    assert session.answers["call"]["rivals"] == ["Routex"]
    assert set(session.carried) == {"call.phase"}


def test_a_forced_answer_is_asked_whatever_the_depth(library: Library) -> None:
    session = walk(
        library,
        Depth.QUICK,
        {"call.account": "ACME", "call.history": "Old friends"},
        context={"account": KNOWN},
        force=frozenset({"call.history"}),
    )
    assert "call.history" in asked(session)
    assert session.answers["call"]["history"] == "Old friends"


def test_no_unexpected_prompt_at_quick(library: Library) -> None:
    with pytest.raises(UnexpectedQuestion):
        walk(library, Depth.QUICK, {"call.account": "ACME"})


# --- the loader ---------------------------------------------------------------------------------


def _problems(text: str) -> str:
    with pytest.raises(PlaybookError) as error:
        parse_playbook(dedent(text), "team/call.yaml")
    return str(error.value)


def test_an_unknown_depth_is_a_located_error() -> None:
    text = _problems(
        """
        id: call
        kind: prep
        title: Call
        language: en
        version: 1
        steps:
          - title: One
            questions:
              - {id: goal, type: text, prompt: Goal?, depth: fast}
        """
    )
    assert "team/call.yaml:10:" in text
    assert "depth" in text and "quick" in text


def test_a_quick_question_cannot_read_a_full_answer() -> None:
    text = _problems(
        """
        id: call
        kind: prep
        title: Call
        language: en
        version: 1
        steps:
          - title: One
            depth: full
            questions:
              - {id: knows, type: yesno, prompt: Do they know us?}
              - id: history
                type: text
                prompt: History?
                depth: quick
                when: {question: knows, equals: true}
        """
    )
    assert "team/call.yaml:16:" in text
    assert "`history` is asked from quick depth but reads `knows`, asked only from full" in text


def test_a_sub_question_cannot_be_shallower_than_its_group() -> None:
    text = _problems(
        """
        id: call
        kind: prep
        title: Call
        language: en
        version: 1
        steps:
          - title: One
            questions:
              - id: steps
                type: group
                prompt: Steps
                depth: full
                questions:
                  - {id: action, type: text, prompt: Action?, depth: quick}
        """
    )
    assert "team/call.yaml:15:" in text
    assert "sub-question `action` says quick" in text


def test_depth_is_refused_on_a_reference_list() -> None:
    text = _problems(
        """
        id: levels
        kind: reference
        title: Levels
        language: en
        version: 1
        depth: quick
        entries:
          - {id: low, label: Low}
        """
    )
    assert "`depth` applies to prep and debrief playbooks only" in text
