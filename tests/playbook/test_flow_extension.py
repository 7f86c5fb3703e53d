"""A flow that extends another: resolved in the library, walked by the engine, checked at the
extending file's lines; and a broken file stops a walk instead of being walked around."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from salescoach.errors import PlaybookError
from salescoach.playbook.library import Library, Source, check_paths
from salescoach.session.engine import Session


def book(book_id: str, question: str = "q") -> str:
    return dedent(
        f"""\
        id: {book_id}
        kind: prep
        title: {book_id.title()}
        language: en
        version: 1
        steps:
          - title: Step
            questions:
              - {{id: {question}, type: text, prompt: {book_id} {question}?}}
        """
    )


BASE = """\
id: prep-flow
kind: flow
title: Base
language: en
version: 1
record: prep
flow:
  - playbook: meeting
  - playbook: opa
  - playbook: foca
sheet:
  - {id: glance}
"""

EXTENSION = """\
id: prep-flow
kind: flow
title: Ours
language: en
version: 2
extends: prep-flow
drop: [foca]
insert:
  - playbook: qualify
    after: opa
    when: {question: meeting.q, equals: go}
  - playbook: warmup
    before: meeting
"""


def directories(tmp_path: Path, team_files: dict[str, str]) -> list[Source]:
    base = tmp_path / "base"
    team = tmp_path / "team"
    base.mkdir()
    team.mkdir()
    files = {"meeting": book("meeting"), "opa": book("opa"), "foca": book("foca")}
    for name, text in {**files, "prep-flow": BASE}.items():
        (base / f"{name}.yaml").write_text(text, encoding="utf-8")
    for name, text in team_files.items():
        (team / f"{name}.yaml").write_text(text, encoding="utf-8")
    return [Source("built-in", base), Source("option", team)]


TEAM = {"prep-flow": EXTENSION, "qualify": book("qualify"), "warmup": book("warmup")}


def test_the_extension_is_the_base_with_its_inserts_and_drops(tmp_path: Path) -> None:
    library = Library.load("en", directories(tmp_path, TEAM))
    flow = library.get("prep-flow").playbook
    assert [item.playbook for item in flow.flow or []] == ["warmup", "meeting", "opa", "qualify"]
    assert flow.record == "prep"
    assert [section.id for section in flow.sheet or []] == ["glance"]  # the base's sheet
    assert library.check() == []


def test_the_engine_walks_the_inserted_playbook_under_its_condition(tmp_path: Path) -> None:
    library = Library.load("en", directories(tmp_path, TEAM))
    for said, walked in (("go", ["warmup", "meeting", "opa", "qualify"]), ("no", None)):
        prefill = {
            "warmup": {"q": "w"},
            "meeting": {"q": said},
            "opa": {"q": "o"},
            "qualify": {"q": "yes"},
        }
        session = Session(library, "prep-flow", None, prefill=prefill, no_input=True)
        session.run()
        expected = walked or ["warmup", "meeting", "opa"]
        assert [entry.id for entry in session.used] == expected


def test_an_extension_of_another_flow_keeps_the_base_as_it_is(tmp_path: Path) -> None:
    other = EXTENSION.replace("id: prep-flow", "id: renewal-flow")
    library = Library.load("en", directories(tmp_path, {**TEAM, "prep-flow": "", "r": other}))
    # the empty team file is a load problem; the base flow itself is unchanged
    assert [i.playbook for i in library.get("prep-flow").playbook.flow or []] == [
        "meeting",
        "opa",
        "foca",
    ]
    renewal = library.get("renewal-flow").playbook
    assert [i.playbook for i in renewal.flow or []] == ["warmup", "meeting", "opa", "qualify"]


def test_anchors_and_drops_that_name_no_item_are_located(tmp_path: Path) -> None:
    broken = (
        EXTENSION.replace("drop: [foca]", "drop: [foca, foka]")
        .replace("after: opa", "after: opaa")
        .replace("before: meeting", "before: foca")
    )
    sources = directories(tmp_path, {**TEAM, "prep-flow": broken})
    found = check_paths([tmp_path / "team"], lambda language: sources[:1]).problems
    assert [(p.location.line, p.field_path, p.message, p.hint) for p in found] == [
        (7, "drop.1", "`foka` is not an item of `prep-flow`", "did you mean `foca`?"),
        (10, "insert.0.after", "`opaa` is not an item of `prep-flow`", "did you mean `opa`?"),
        (
            13,
            "insert.1.before",
            "`foca` is not an item of `prep-flow` (dropped above)",
            "its items: meeting, opa, qualify",
        ),
    ]


def test_a_base_that_does_not_exist_is_located(tmp_path: Path) -> None:
    other = EXTENSION.replace("id: prep-flow", "id: renewal-flow").replace(
        "extends: prep-flow", "extends: prep-flo"
    )
    sources = directories(tmp_path, {**TEAM, "prep-flow": BASE, "r": other})
    found = check_paths([tmp_path / "team" / "r.yaml"], lambda language: sources).problems
    assert [(p.location.line, p.location.column, p.message, p.hint) for p in found] == [
        (
            6,
            1,
            "`extends: prep-flo`: this flow names no flow `prep-flo` on the search path",
            "did you mean `prep-flow`?",
        )
    ]


def test_a_walk_stops_on_a_broken_file_instead_of_falling_back(tmp_path: Path) -> None:
    broken_meeting = book("meeting").replace("type: text", "type: txt")
    library = Library.load("en", directories(tmp_path, {"meeting": broken_meeting}))
    assert library.get("meeting").source.origin == "built-in"  # what a silent fallback walked
    with pytest.raises(PlaybookError) as caught:
        library.ready("prep-flow")
    assert [p.location.path for p in caught.value.problems] == [tmp_path / "team/meeting.yaml"]
    assert caught.value.hint is not None and "playbook validate" in caught.value.hint


def test_a_walk_stops_on_an_extension_that_does_not_fit(tmp_path: Path) -> None:
    broken = EXTENSION.replace("after: opa", "after: opaa")
    library = Library.load("en", directories(tmp_path, {**TEAM, "prep-flow": broken}))
    with pytest.raises(PlaybookError) as caught:
        library.ready("prep-flow")
    assert [p.message for p in caught.value.problems] == ["`opaa` is not an item of `prep-flow`"]


def test_lint_reports_a_playbook_in_one_language_of_a_two_language_directory(
    tmp_path: Path,
) -> None:
    from salescoach.playbook.lint import lint_paths

    team = tmp_path / "team"
    (team / "en").mkdir(parents=True)
    (team / "fr").mkdir()
    (team / "en" / "qualify.yaml").write_text(book("qualify"), encoding="utf-8")
    (team / "fr" / "qualify.yaml").write_text(
        book("qualify").replace("language: en", "language: fr"), encoding="utf-8"
    )
    (team / "en" / "renewal.yaml").write_text(book("renewal"), encoding="utf-8")
    empty = tmp_path / "nothing"
    empty.mkdir()
    report = lint_paths([team], lambda language: [Source("option", empty)])
    one_language = [w for w in report.warnings if "has no fr version" in w.message]
    assert [(w.location.line, w.message) for w in one_language] == [
        (4, "`renewal` has no fr version: a rep working in fr gets this en one")
    ]
    declared = book("renewal").replace("version: 1", "version: 1\nfallback: true")
    (team / "en" / "renewal.yaml").write_text(declared, encoding="utf-8")
    report = lint_paths([team], lambda language: [Source("option", empty)])
    assert not [w for w in report.warnings if "has no fr version" in w.message]
