"""Starting files for a trainer: new playbooks that validate, copies of built-ins to edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.errors import Location, Problem, SalescoachError
from salescoach.playbook.library import Library, Source, check_paths, search_path
from salescoach.playbook.lint import lint_paths
from salescoach.playbook.model import Kind
from salescoach.playbook.scaffold import (
    check_id,
    copy_text,
    edit_target,
    edit_until_valid,
    new_playbook_text,
    schema_reference,
    target_file,
    title_from_id,
    with_schema_line,
)


def search(language: str) -> list[Source]:
    return search_path(language, environ={})


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", list(Kind))
def test_every_template_validates_and_lints_clean(
    tmp_path: Path, kind: Kind, language: str
) -> None:
    path = tmp_path / f"my-{kind}.yaml"
    path.write_text(
        new_playbook_text(f"my-{kind}", kind, language, "playbook.schema.json"), encoding="utf-8"
    )
    checked = check_paths([path], search)
    assert checked.problems == []
    assert checked.entries[0].playbook.kind == kind
    assert checked.entries[0].playbook.language == language
    warnings = lint_paths([path], search).warnings
    expected = ["nothing uses the reference list"] if kind == Kind.REFERENCE else []
    assert [w.message[:31] for w in warnings] == expected


def test_ids_titles_and_schema_lines(tmp_path: Path) -> None:
    assert check_id("deal-review") == "deal-review"
    with pytest.raises(SalescoachError, match="not a valid playbook id"):
        check_id("Deal Review")
    assert title_from_id("deal_review-2") == "Deal review 2"
    assert (
        with_schema_line("id: x\n", "s.json") == "# yaml-language-server: $schema=s.json\nid: x\n"
    )
    assert (
        with_schema_line("# yaml-language-server: $schema=../old.json\nid: x\n", "new.json")
        == "# yaml-language-server: $schema=new.json\nid: x\n"
    )
    assert schema_reference(tmp_path, tmp_path / "en" / "a.yaml") == "../playbook.schema.json"
    assert schema_reference(tmp_path, tmp_path / "a.yaml") == "playbook.schema.json"


def test_target_file_follows_the_directory_layout(tmp_path: Path) -> None:
    assert target_file(tmp_path, "deal", "en") == tmp_path / "deal.yaml"
    (tmp_path / "deal.yaml").write_text("id: deal\nlanguage: en\n", encoding="utf-8")
    assert target_file(tmp_path, "deal", "en") == tmp_path / "deal.yaml"
    assert target_file(tmp_path, "deal", "fr") == tmp_path / "fr" / "deal.yaml"
    (tmp_path / "en").mkdir()
    assert target_file(tmp_path, "deal", "en") == tmp_path / "en" / "deal.yaml"


def test_edit_target_copies_builtins_only(tmp_path: Path) -> None:
    library = Library.load("en", search_path("en", option_dirs=[tmp_path], environ={}))
    builtin = library.get("opa")
    with pytest.raises(SalescoachError, match="no playbook directory of your own"):
        edit_target(builtin, None, explicit_dir=False)
    plan = edit_target(builtin, tmp_path, explicit_dir=False)
    assert plan.path == tmp_path / "opa.yaml"
    assert plan.copy_from == builtin
    text = copy_text(builtin, tmp_path, plan.path)
    assert text.startswith("# yaml-language-server: $schema=playbook.schema.json\nid: opa\n")
    plan.path.write_text(text, encoding="utf-8")
    mine = Library.load("en", search_path("en", option_dirs=[tmp_path], environ={})).get("opa")
    assert mine.source.origin == "option"
    assert edit_target(mine, tmp_path, explicit_dir=False).copy_from is None
    assert edit_target(mine, None, explicit_dir=False).path == plan.path


def test_edit_until_valid_reopens_while_asked() -> None:
    opened: list[int] = []
    results = [[Problem(Location("x.yaml", 1, 1), "broken")], [Problem(Location("x"), "b")], []]

    def check(path: Path) -> list[Problem]:
        return results[len(opened) - 1]

    left = edit_until_valid(Path("x.yaml"), lambda p: opened.append(1), check, lambda ps: True)
    assert left == [] and len(opened) == 3
    opened.clear()
    left = edit_until_valid(Path("x.yaml"), lambda p: opened.append(1), check, lambda ps: False)
    assert len(left) == 1 and len(opened) == 1
