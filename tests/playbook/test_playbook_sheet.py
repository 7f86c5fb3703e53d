"""The sheet data of the playbook language: what a trainer may write, and each mistake located."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.errors import PlaybookError
from salescoach.playbook.library import Source, search_path
from salescoach.playbook.lint import lint_paths
from salescoach.playbook.loader import parse_playbook

PREP = """\
id: demo
kind: prep
title: Demo
language: en
version: 1
sheet:
  - id: team
    heading: Team
    groups:
      - id: first
        heading: First
steps:
  - title: First
    questions:
      - id: a
        type: list
{place}
"""


def located(text: str) -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, "demo.yaml")
    return [
        (p.location.line, p.location.column, p.field_path, p.message) for p in caught.value.problems
    ]


def test_a_valid_placement_loads() -> None:
    book = parse_playbook(
        PREP.format(
            place="        prompt: A?\n"
            "        sheet: {section: team, group: first, form: items, limit: 2}"
        ),
        "demo.yaml",
    )
    place = book.questions()[0].sheet
    assert place is not None and (place.section, place.group, place.limit) == ("team", "first", 2)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (
            "        prompt: A?\n        sheet: {group: first}",
            (
                18,
                9,
                "steps.0.questions.0.sheet",
                "question `a` goes on the sheet but names no section",
            ),
        ),
        (
            "        prompt: A?\n        sheet: {section: team, group: frist}",
            (
                18,
                32,
                "steps.0.questions.0.sheet.group",
                "sheet section `team` has no group `frist`",
            ),
        ),
        (
            "        prompt: A?\n        sheet: {section: team, form: table}",
            (
                18,
                32,
                "steps.0.questions.0.sheet.form",
                "`table` is not allowed here; "
                "expected 'line', 'inline', 'say', 'items' or 'numbered'",
            ),
        ),
    ],
)
def test_placement_mistakes_are_located(place: str, expected: tuple[int, int, str, str]) -> None:
    found = located(PREP.format(place=place))
    assert found[0][:3] == expected[:3]
    assert expected[3] in found[0][3]


def test_limit_and_detail_must_fit_the_question_type() -> None:
    text = PREP.replace("type: list", "type: text").format(
        place="        prompt: A?\n        sheet: {section: team, limit: 2}"
    )
    assert "sheet.limit applies to answers with items, not to a text" in located(text)[0][3]
    text = PREP.format(place="        prompt: A?\n        sheet: {section: team, detail: reply}")
    assert "sheet.detail applies to a choice or choices question" in located(text)[0][3]


def test_a_sub_question_takes_only_a_label() -> None:
    text = PREP.replace("type: list", "type: group").format(
        place="        prompt: A?\n"
        "        sheet: {section: team}\n"
        "        questions:\n"
        "          - id: b\n"
        "            type: text\n"
        "            prompt: B?\n"
        "            sheet: {label: B, section: team}"
    )
    line, column, path, message = located(text)[0]
    assert (line, path) == (23, "steps.0.questions.0.questions.0.sheet.section")
    assert "takes only `label`" in message


def test_sections_are_declared_once_and_only_where_they_belong() -> None:
    twice = PREP.replace("  - id: team\n", "  - id: team\n    heading: T\n  - id: team\n", 1)
    found = located(twice.format(place="        prompt: A?"))
    assert (found[0][0], found[0][2]) == (9, "sheet.1.id")
    reference = (
        "id: r\nkind: reference\ntitle: R\nlanguage: en\nversion: 1\n"
        "entries: [{id: x, label: X}]\nsheet: [{id: s}]\n"
    )
    assert "`sheet` sections belong to a prep playbook" in located(reference)[0][3]
    flow = (
        "id: f\nkind: flow\ntitle: F\nlanguage: en\nversion: 1\nrecord: prep\n"
        "flow: [{playbook: meeting}]\nsheet: [{id: s, after: t}]\n"
    )
    assert "`after` applies to a prep playbook's sections" in located(flow)[0][3]


def test_lint_warns_of_a_section_no_flow_declares_with_a_suggestion(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "extra.yaml").write_text(
        dedent(
            """\
            id: extra
            kind: prep
            title: Extra
            language: en
            version: 1
            steps:
              - title: Extra
                questions:
                  - id: champion
                    type: text
                    prompt: Who champions us?
                    help: Their name.
                    example: Claire
                    sheet: {section: knwon}
            """
        ),
        encoding="utf-8",
    )
    flow = (Path(__file__).resolve().parents[2] / "playbooks/en/prep-flow.yaml").read_text()
    (team / "prep-flow.yaml").write_text(
        flow.replace(
            "  - playbook: objection-prep\n", "  - playbook: objection-prep\n  - playbook: extra\n"
        ),
        encoding="utf-8",
    )

    def search(language: str) -> list[Source]:
        return search_path(language, [team], environ={})

    report = lint_paths([team], search)
    found = [p for p in report.warnings if "knwon" in p.message]
    assert len(found) == 1
    assert found[0].location.line == 14
    assert found[0].hint == "did you mean `known`?"


def test_playbook_show_says_where_each_answer_goes_on_the_sheet() -> None:
    from salescoach.playbook.library import Library
    from salescoach.playbook.outline import outline

    library = Library.load("fr", search_path("fr", environ={}))
    mesore = outline(library.get("mesore").playbook, library)
    # In the playbook's language: a French trainer reads French around the French prompts.
    where = "sur la fiche de préparation, section `mesore` (line, intitulée « Arrivée idéale »)"
    assert where in mesore
    flow = outline(library.get("prep-flow").playbook, library)
    assert "- `mesore` · **Négociation — MESORE** · dans un cadre" in flow
    assert "  - `necessary` **Informations nécessaires** · au plus 3 lignes" in flow
    english = Library.load("en", search_path("en", environ={}))
    assert "section `mesore` (line, labelled “Ideal outcome”)" in outline(
        english.get("mesore").playbook, english
    )
