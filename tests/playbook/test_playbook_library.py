"""The search path and the checks across files, each problem at the offending field."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.errors import Problem
from salescoach.playbook.library import (
    Library,
    Source,
    check_paths,
    search_directories,
    search_path,
    trainer_directory,
)

BUILTIN = Path(__file__).resolve().parents[2] / "playbooks"


def search(language: str) -> list[Source]:
    return search_path(language, environ={})


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


def located(problems: list[Problem]) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (Path(p.location.path).name, p.location.line, p.location.column, p.field_path)
        for p in problems
    ]


PREP = """\
    id: {id}
    kind: prep
    title: T
    language: {language}
    version: 1
    steps:
      - title: S
        questions:
          - id: first
            type: text
            prompt: First?
"""


def test_search_path_order_and_trainer_directory(tmp_path: Path) -> None:
    sources = search_path(
        "fr",
        [tmp_path / "config"],
        [tmp_path / "option"],
        environ={"SALESCOACH_PLAYBOOKS": f"{tmp_path / 'a'}:{tmp_path / 'b'}"},
    )
    assert [(s.origin, s.directory) for s in sources] == [
        ("built-in", BUILTIN / "en"),
        ("built-in", BUILTIN / "fr"),
        ("config", tmp_path / "config"),
        ("env", tmp_path / "a"),
        ("env", tmp_path / "b"),
        ("option", tmp_path / "option"),
    ]
    assert trainer_directory(sources) == tmp_path / "config"
    assert trainer_directory(search_path("en", environ={})) is None
    directories, problems = search_directories(sources)
    assert directories == [BUILTIN / "en", BUILTIN / "fr"]
    assert [p.message for p in problems][1] == (
        "playbook directory from the $SALESCOACH_PLAYBOOKS does not exist"
    )


def test_cross_file_problems_carry_the_field_position(tmp_path: Path) -> None:
    write(
        tmp_path,
        "later.yaml",
        """\
        id: later
        kind: prep
        title: Later
        language: en
        version: 1
        steps:
          - title: S
            when: {question: meeting.typo, equals: closing}
            questions:
              - id: pick
                type: choices
                prompt: Pick
                choices_from: {reference: objection}
              - id: each
                type: text
                prompt: Each
                for_each: {reference: opa}
              - id: from_account
                type: text
                prompt: Phase
                default_from: account.stage
              - id: from_prep
                type: text
                prompt: Prep
                when: {question: prep.meeting.type, equals: closing}
        """,
    )
    checked = check_paths([tmp_path], search)
    assert located(checked.problems) == [
        ("later.yaml", 8, 12, "steps.0.when.question"),
        ("later.yaml", 13, 24, "steps.0.questions.0.choices_from.reference"),
        ("later.yaml", 17, 20, "steps.0.questions.1.for_each.reference"),
        ("later.yaml", 21, 9, "steps.0.questions.2.default_from"),
        ("later.yaml", 25, 16, "steps.0.questions.3.when.question"),
    ]
    messages = {p.field_path: (p.message, p.hint) for p in checked.problems}
    assert messages["steps.0.questions.0.choices_from.reference"] == (
        "question `pick` names a missing reference list `objection`",
        "did you mean `objections`?",
    )
    assert messages["steps.0.questions.1.for_each.reference"][0] == (
        "`opa` is a prep playbook, not a reference list"
    )
    assert "not something known about an account" in messages["steps.0.questions.2.default_from"][0]
    assert messages["steps.0.questions.3.when.question"][0] == (
        "`prep.meeting.type`: prep answers are known only in a debrief"
    )


def test_a_question_of_a_playbook_walked_later_in_a_flow(tmp_path: Path) -> None:
    write(tmp_path, "early.yaml", PREP.format(id="early", language="en"))
    write(
        tmp_path,
        "late.yaml",
        PREP.format(id="late", language="en")
        + "            when: {question: early.first, answered: true}\n",
    )
    write(
        tmp_path,
        "early-uses-late.yaml",
        PREP.format(id="early-uses-late", language="en")
        + "            when: {question: late.first, answered: true}\n",
    )
    write(
        tmp_path,
        "flow.yaml",
        """\
        id: flow
        kind: flow
        title: F
        language: en
        version: 1
        record: prep
        flow:
          - playbook: early
          - playbook: early-uses-late
          - playbook: late
          - playbook: debrief
        """,
    )
    checked = check_paths([tmp_path], search)
    assert [(located([p])[0], p.message) for p in checked.problems] == [
        (
            ("early-uses-late.yaml", 12, 16, "steps.0.questions.0.when.question"),
            "`late.first` is asked later: flow `flow` walks `late` after `early-uses-late`",
        ),
        (
            ("flow.yaml", 11, 5, "flow.3.playbook"),
            "`debrief` is a debrief playbook in a flow that records a prep",
        ),
    ]


def test_each_file_is_checked_in_its_own_language(tmp_path: Path) -> None:
    text = PREP + "            choices_from: {{reference: meeting-types}}\n"
    text = text.replace("type: text", "type: choice")
    write(tmp_path, "fr/mine.yaml", text.format(id="mine", language="fr"))
    write(tmp_path, "en/mine.yaml", text.format(id="mine", language="en"))
    write(
        tmp_path,
        "fr/meeting-types.yaml",
        """\
        id: meeting-types
        kind: reference
        title: Types
        language: fr
        version: 1
        entries:
          - {id: presentation, label: Présentation}
          - {id: proposal-defence, label: Soutenance}
          - {id: discovery, label: Découverte}
          - {id: negotiation, label: Négociation}
          - {id: closing, label: Conclusion}
          - {id: dispute, label: Litige}
        """,
    )
    checked = check_paths([tmp_path], search)
    assert checked.problems == []
    assert sorted(checked.libraries) == ["en", "fr"]
    french = checked.libraries["fr"].chosen()["meeting-types"]
    assert french.path == tmp_path / "fr" / "meeting-types.yaml"
    assert checked.libraries["en"].chosen()["meeting-types"].source.origin == "built-in"


def test_overrides_hide_only_the_same_language(tmp_path: Path) -> None:
    write(tmp_path, "meeting.yaml", PREP.format(id="meeting", language="fr"))
    library = Library.load("fr", search_path("fr", option_dirs=[tmp_path], environ={}))
    mine = library.chosen()["meeting"]
    assert mine.source.origin == "option"
    assert [e.path for e in library.hidden_by(mine)] == [BUILTIN / "fr" / "meeting.yaml"]
    english = Library.load("en", search_path("en", option_dirs=[tmp_path], environ={}))
    assert english.chosen()["meeting"].source.origin == "built-in"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_builtins_check_clean(language: str) -> None:
    library = Library.load(language, search(language))
    assert library.problems == []
    assert library.check() == []
    assert check_paths([BUILTIN / language], search).problems == []


def test_examples_of_choices_from_questions_are_checked_against_the_list(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pick.yaml",
        """\
        id: pick
        kind: prep
        title: Pick
        language: en
        version: 1
        steps:
          - title: S
            questions:
              - id: expected
                type: choices
                prompt: Expected?
                choices_from: {reference: objections}
                default: [price-too-high]
                example: [price-too-high, too-cheap]
        """,
    )
    checked = check_paths([tmp_path], search)
    assert [(located([p])[0][1:], p.message) for p in checked.problems] == [
        (
            (14, 9, "steps.0.questions.0.example"),
            "example does not fit a choices question: `too-cheap` is not one of the choices: "
            + ", ".join(
                e.id
                for e in Library.load("en", search("en")).get("objections").playbook.entries or []
            ),
        )
    ]
