"""The loader: every problem of a file, located, in words a trainer understands."""

from __future__ import annotations

from textwrap import dedent, indent

import pytest

from salescoach.errors import PlaybookError, Problem
from salescoach.playbook.loader import parse_playbook

HEAD = """\
id: demo
kind: prep
title: Demo
language: en
version: 1
steps:
  - title: First
    questions:
"""


def problems(body: str, head: str = HEAD) -> list[Problem]:
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(head + indent(dedent(body), "      "), "demo.yaml")
    return caught.value.problems


def where(problem: Problem) -> tuple[int | None, int | None, str]:
    return problem.location.line, problem.location.column, problem.field_path


def test_a_misspelt_field_is_one_problem_with_a_suggestion() -> None:
    found = problems(
        """\
              - id: a
                type: text
                promt: A?
        """
    )
    assert [(where(p), p.message, p.hint) for p in found] == [
        ((11, 9, "steps.0.questions.0.promt"), "unknown field `promt`", "did you mean `prompt`?")
    ]


def test_a_union_mismatch_is_one_message_saying_what_was_expected() -> None:
    found = problems("", HEAD.replace("version: 1", "version: {major: 1}") + "      - {}\n")
    version = [p for p in found if p.field_path == "version"]
    assert [p.message for p in version] == ["expected a whole number or text, found a mapping"]


def test_yes_and_no_in_a_boolean_field_get_a_hint() -> None:
    found = problems(
        """\
              - id: a
                type: text
                prompt: A?
                required: maybe
        """
    )
    assert found[0].message == "expected true or false, found `maybe`"


def test_problems_are_all_reported_and_sorted_by_position() -> None:
    found = problems(
        """\
              - id: a
                type: txt
                prompt: A?
              - id: B
                type: text
                prompt: B?
              - id: c
                type: choice
                prompt: C?
        """
    )
    assert [where(p)[:2] for p in found] == [(10, 9), (12, 9), (15, 9)]
    assert found[0].hint == "did you mean `text`?"
    assert found[1].message == "`B` is not a valid id"
    assert "exactly one of options, choices_from" in found[2].message


def test_a_condition_on_a_later_question_points_at_the_reference() -> None:
    found = problems(
        """\
              - id: a
                type: text
                prompt: A?
                when:
                  all:
                    - {question: a, answered: true}
                    - not: {question: b, equals: x}
              - id: b
                type: text
                prompt: B?
        """
    )
    assert [where(p) for p in found] == [
        (14, 16, "steps.0.questions.0.when.all.0.question"),
        (15, 21, "steps.0.questions.0.when.all.1.not.question"),
    ]
    assert found[0].message == "a condition names `a`, the question itself"
    assert found[1].message == "a condition names `b`, a question asked later"


def test_own_playbook_prefix_is_checked_like_a_local_reference() -> None:
    found = problems(
        """\
              - id: a
                type: text
                prompt: A?
                for_each: {answer: demo.b}
              - id: b
                type: list
                prompt: B?
        """
    )
    assert [where(p)[2] for p in found] == ["steps.0.questions.0.for_each.answer"]
    assert "asked later" in found[0].message


def test_group_sub_questions_see_earlier_siblings_only() -> None:
    body = """\
          - id: before
            type: yesno
            prompt: Before?
          - id: steps
            type: group
            prompt: Steps
            questions:
              - id: action
                type: text
                prompt: Action
                when: {question: before, equals: true}
              - id: owner
                type: text
                prompt: Owner
                when: {question: action, answered: true}
              - id: due
                type: date
                prompt: Due
                when: {question: later, answered: true}
              - id: later
                type: text
                prompt: Later
    """
    found = problems(body)
    assert [(where(p), p.message) for p in found] == [
        (
            (27, 20, "steps.0.questions.1.questions.2.when.question"),
            "a condition names `later`, a question asked later",
        )
    ]


def test_examples_and_defaults_must_fit_their_question() -> None:
    found = problems(
        """\
              - id: size
                type: number
                prompt: Size?
                min: 0
                max: 10
                example: 12
              - id: pick
                type: choice
                prompt: Pick
                default: c
                options:
                  - {value: a, label: A}
                  - {value: a, label: Again}
              - id: each
                type: scale
                prompt: Each
                for_each: {answer: pick}
                min: 1
                max: 5
                example: 9
        """
    )
    assert [where(p)[2] for p in found] == [
        "steps.0.questions.0.example",
        "steps.0.questions.1.default",
        "steps.0.questions.1.options.1.value",
        "steps.0.questions.2.example",
    ]


def test_duplicate_question_ids_name_the_first() -> None:
    found = problems(
        """\
              - id: a
                type: text
                prompt: A?
              - id: a
                type: text
                prompt: A again?
        """
    )
    assert found[0].message == "question id `a` is used twice in this playbook"
    assert found[0].hint == "the first is at line 9"


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ("", "the file is empty"),
        ("- a\n", "expected a mapping"),
        ("just text\n", "found a single value"),
    ],
)
def test_not_a_mapping(head: str, message: str) -> None:
    found = problems("", head)
    assert message in found[0].message
    assert where(found[0])[:2] == (1, 1)
