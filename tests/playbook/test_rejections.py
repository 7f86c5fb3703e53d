"""What validate refuses that it once accepted silently: each case at its line and column."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.errors import PlaybookError, Problem
from salescoach.playbook.library import Source, check_paths
from salescoach.playbook.loader import parse_playbook

HEAD = """\
id: me
kind: prep
title: Me
language: en
version: 1
steps:
  - title: First
    questions:
      - id: contacts
        type: group
        prompt: Contacts
        questions:
          - {id: name, type: text, prompt: Name}
      - {id: score, type: scale, prompt: Score?, min: 0, max: 3}
"""
"""Lines 1-14; the case's questions start at line 15, column 7."""

CASES = {
    "three-part path from the playbook's own id": (
        "- {id: q, type: text, prompt: Q?, when: {question: me.misspelt.value, equals: 1}}",
        (15, 48),
        "a condition names `me.misspelt.value`: `misspelt` is no question of `me`",
    ),
    "for_each over a group": (
        "- {id: q, type: text, prompt: Q?, for_each: {answer: contacts}}",
        (15, 52),
        "for_each names `contacts`, a group: its entries have no single label to ask about",
    ),
    "max_length on a scale": (
        "- {id: q, type: scale, prompt: Q?, min: 1, max: 5, max_length: 3}",
        (15, 58),
        "max_length applies to text, paragraph and list, not scale",
    ),
    "max_length on a choice": (
        "- {id: q, type: choice, prompt: Q?, options: [{value: a, label: A}], max_length: 3}",
        (15, 76),
        "max_length applies to text, paragraph and list, not choice",
    ),
    "max_length on a yes/no": (
        "- {id: q, type: yesno, prompt: Q?, max_length: 3}",
        (15, 42),
        "max_length applies to text, paragraph and list, not yesno",
    ),
    "unit on a scale": (
        "- {id: q, type: scale, prompt: Q?, min: 1, max: 5, unit: points}",
        (15, 58),
        "unit applies to a number, not a scale",
    ),
    "min_items greater than max_items": (
        "- {id: q, type: list, prompt: Q?, min_items: 4, max_items: 2}",
        (15, 41),
        "min_items (4) is greater than max_items (2)",
    ),
    "a numeric test on a group's answer": (
        "- {id: q, type: text, prompt: Q?, when: {question: contacts, at_least: 2}}",
        (15, 68),
        "`at_least` compares numbers, but `contacts` is a group question",
    ),
    "a part of a group's answer": (
        "- {id: q, type: text, prompt: Q?, when: {question: contacts.name, equals: Ann}}",
        (15, 48),
        "`contacts.name` reads a part of `contacts`, a question of this playbook",
    ),
    "choices from a group without field": (
        "- {id: q, type: choice, prompt: Q?, choices_from: {answer: contacts}}",
        (15, 58),
        "choices_from names `contacts`, a group: say which sub-answer names each entry",
    ),
    "choices from a group with a field it does not have": (
        "- {id: q, type: choice, prompt: Q?, choices_from: {answer: contacts, field: nam}}",
        (15, 76),
        "`nam` is no sub-question of the group `contacts`",
    ),
    "a computed answer inside a group": (
        "- {id: g, type: group, prompt: G, questions: [{id: t, type: number, prompt: T, "
        "compute: {sum: [score]}}]}",
        (15, 86),
        "a computed answer belongs to the playbook, not to a group's entry",
    ),
    "a computed answer reading a later question": (
        "- {id: t, type: number, prompt: T, compute: {count: [later]}}\n"
        "      - {id: later, type: list, prompt: L?}",
        (15, 60),
        "compute names `later`, a question asked later",
    ),
    "a per-item example that does not fit": (
        "- {id: l, type: list, prompt: L?}\n"
        "      - {id: q, type: scale, prompt: Q?, min: 0, max: 3, for_each: {answer: l}, "
        "examples: [1, 7]}",
        (16, 95),  # the item of `examples` that does not fit
        "examples does not fit a scale question: must be at most 3",
    ),
    "an implied value that does not fit": (
        "- {id: q, type: scale, prompt: Q?, min: 0, max: 3, "
        "implied: {when: {question: score, equals: 3}, value: 9}}",
        (15, 104),
        "implied does not fit a scale question: must be at most 3",
    ),
    "an implied answer inside a group": (
        "- {id: g, type: group, prompt: G, questions: [{id: t, type: text, prompt: T, "
        "implied: {when: {question: score, equals: 3}, value: x}}]}",
        (15, 84),
        "an implied answer belongs to the playbook, not to a group's entry",
    ),
    "an implied answer reading a later question": (
        "- {id: t, type: text, prompt: T, implied: {when: {question: later, equals: 1}, "
        "value: x}}\n"
        "      - {id: later, type: number, prompt: L?}",
        (15, 57),
        "implied.when names `later`, a question asked later",
    ),
    "an example case that does not fit": (
        "- {id: q, type: number, prompt: Q?, max: 10, example: 2, "
        "example_cases: [{when: {question: score, equals: 3}, example: 12}]}",
        (15, 117),
        "example_cases does not fit a number question: must be at most 10",
    ),
    "per-item examples on a question asked once": (
        "- {id: q, type: text, prompt: Q?, examples: [a, b]}",
        (15, 41),
        "`q` is asked once: examples (one per item) apply to a for_each question or to a "
        "sub-question of an iterated group",
    ),
    "per-item examples in a group not iterated": (
        "- {id: g, type: group, prompt: G, questions: [{id: t, type: text, prompt: T, "
        "examples: [a, b]}]}",
        (15, 84),
        "`t` is asked once: examples (one per item) apply to a for_each question or to a "
        "sub-question of an iterated group",
    ),
    "choices from a scale": (
        "- {id: q, type: choice, prompt: Q?, choices_from: {answer: score}}",
        (15, 58),
        "choices_from names `score`, a scale question: it has no items to pick from",
    ),
}


def test_a_definition_is_used_and_a_field_of_the_question_wins() -> None:
    text = (
        HEAD.replace(
            "steps:", "define:\n  rating: {min: 1, max: 5, labels: {1: Poor, 5: Great}}\nsteps:"
        )
        + "      - {id: q, type: scale, prompt: Q?, use: rating, max: 3, labels: {1: Low}}\n"
        + "      - {id: r, type: scale, prompt: R?, use: rating}\n"
    )
    book = parse_playbook(text, "me.yaml")
    by_id = {q.id: q for q in book.questions()}
    assert (by_id["q"].min, by_id["q"].max, by_id["q"].labels) == (1, 3, {1: "Low"})
    assert (by_id["r"].min, by_id["r"].max, by_id["r"].labels) == (1, 5, {1: "Poor", 5: "Great"})


def test_a_use_naming_no_definition_is_located_with_a_suggestion() -> None:
    text = HEAD.replace("steps:", "define:\n  rating: {min: 1, max: 5}\nsteps:") + (
        "      - {id: q, type: scale, prompt: Q?, use: ratin}\n"
    )
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, "me.yaml")
    assert [
        (p.location.line, p.location.column, p.message, p.hint) for p in caught.value.problems
    ] == [(17, 42, "`use: ratin` names no definition of this playbook", "did you mean `rating`?")]


def checked(tmp_path: Path, *files: tuple[str, str]) -> list[Problem]:
    team = tmp_path / "team"
    team.mkdir(exist_ok=True)
    for name, text in files:
        (team / name).write_text(text, encoding="utf-8")
    empty = tmp_path / "nothing"
    empty.mkdir(exist_ok=True)
    return check_paths([team], lambda language: [Source("option", empty)]).problems


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rejected_case_is_located(case: str, tmp_path: Path) -> None:
    body, (line, column), message = CASES[case]
    found = checked(tmp_path, ("me.yaml", HEAD + "      " + body + "\n"))
    assert [(p.location.line, p.location.column, p.message) for p in found] == [
        (line, column, message)
    ]


def test_iterating_an_answer_no_flow_walks_before_is_refused(tmp_path: Path) -> None:
    other = HEAD.replace("id: me", "id: other")
    reader = HEAD + "      - {id: q, type: text, prompt: Q?, for_each: {answer: other.score}}\n"
    found = checked(tmp_path, ("other.yaml", other), ("me.yaml", reader))
    assert [(p.location.line, p.location.column, p.message) for p in found] == [
        (15, 52, "for_each names `other.score`, but no flow walks `other` before `me`")
    ]
    flow = dedent(
        """\
        id: flow
        kind: flow
        record: prep
        title: Flow
        language: en
        version: 1
        flow:
          - playbook: other
          - playbook: me
        """
    )
    assert checked(tmp_path, ("flow.yaml", flow)) == []  # walked first by a flow: fine


def test_a_comma_inside_a_flow_mapping_says_to_quote_the_text() -> None:
    text = HEAD + (
        "      - id: q\n        type: choice\n        prompt: Q?\n        options:\n"
        "          - {value: ops, label: Operations, how the work gets done}\n"
    )
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, "me.yaml")
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.message) == (
        19,
        "unknown field `how the work gets done`",
    )
    assert problem.hint == (
        "a comma inside {...} starts a new field: quote the whole text, e.g. "
        '`label: "Operations, how the work gets done"`'
    )


def test_did_you_mean_never_suggests_the_word_itself() -> None:
    text = HEAD + "      - {id: q, type: text, prompt: Q?, when: {question: score, answer: true}}\n"
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, "me.yaml")
    hints = [p.hint for p in caught.value.problems if "unknown field" in p.message]
    assert hints == ["did you mean `answered`?"]


def test_the_schema_states_the_yaml_it_assumes() -> None:
    from salescoach.playbook.schema import playbook_schema

    description = playbook_schema()["description"]
    assert "only unquoted `true` and `false` are booleans" in description
    assert "salescoach playbook validate" in description


def test_an_answers_file_in_a_playbook_directory_is_recognised(tmp_path: Path) -> None:
    answers = "meeting:\n  account: ACME\n  type: negotiation\nrenewal:\n  satisfaction: 4\n"
    found = checked(tmp_path, ("answers.yaml", answers))
    assert [(p.location.line, p.message) for p in found] == [
        (1, "this looks like an answers file (answers under playbook ids), not a playbook")
    ]
    assert found[0].hint is not None and "--answers FILE" in found[0].hint


def test_one_file_of_a_directory_checked_alone_says_to_check_the_directory(
    tmp_path: Path,
) -> None:
    other = HEAD.replace("id: me", "id: other")
    reader = (
        HEAD
        + "      - {id: q, type: text, prompt: Q?, when: {question: other.score, at_least: 1}}\n"
    )
    checked(tmp_path, ("other.yaml", other), ("me.yaml", reader))
    empty = tmp_path / "nothing"
    found = check_paths([tmp_path / "team" / "me.yaml"], lambda language: [Source("option", empty)])
    (problem,) = found.problems
    assert problem.hint is not None
    assert problem.hint.endswith(
        f"validate the whole directory: salescoach playbook validate {tmp_path / 'team'}"
    )
    assert (
        check_paths([tmp_path / "team"], lambda language: [Source("option", empty)]).problems == []
    )


def test_a_computed_answer_is_never_given_in_an_answers_file(tmp_path: Path) -> None:
    from salescoach.playbook.library import Library
    from salescoach.session.answers_file import unknown_answers

    text = HEAD + "      - {id: t, type: number, prompt: T, compute: {sum: [score]}}\n"
    checked(tmp_path, ("me.yaml", text))
    library = Library.load("en", [Source("option", tmp_path / "team")])
    (problem,) = unknown_answers({"me": {"score": 2, "t": 9}}, [library.get("me")], "answers")
    assert (problem.field_path, problem.message) == (
        "me.t",
        "`me.t` is computed from other answers, never given",
    )
