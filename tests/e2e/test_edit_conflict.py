"""Two ``edit``s of one record at once: the second save is refused, not a silent overwrite of the
first; notes typed into the file while an edit is open are kept (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.session.engine import Session
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from tests.cli.helpers import salescoach
from tests.e2e.test_edit import CHANGED, Keeper
from tests.e2e.test_terminal import ENTER, _spawn, _walk

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]


def _saved_prep(tmp_path: Path, home: Path) -> tuple[Record, Path]:
    examples = salescoach(
        "prep", "ACME", "--type", "discovery", "--depth", "full", "--example-answers"
    )
    answers_file = tmp_path / "a.yaml"
    answers_file.write_text(examples.stdout, encoding="utf-8")
    saved = salescoach("prep", "--answers", str(answers_file), "--no-input", "--depth", "full")
    assert saved.returncode == 0, saved.stderr
    repository = Repository(home)
    (record,) = list(repository.scan(kind="prep"))
    assert isinstance(record, Record)
    return record, repository.path_of(record.meeting, "prep")


def _save(child: pexpect.spawn) -> None:
    """Take "Save" on the review screen already shown; expect the record written, exit 0."""
    child.send(ENTER)
    child.expect("Saved prep")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def _edit_to_review(home: Path, record: Record) -> pexpect.spawn:
    """An ``edit`` walked to its review screen (one answer changed), not saved yet."""
    keeper = Keeper([])
    library = Library.load("en", search_path("en"))
    session = Session(
        library, "prep-flow", keeper, prefill=record.answers, context={"account": {}}, edit=True
    )
    session.run()
    child = _spawn(home, "edit", record.meeting)
    list(_walk(child, keeper.prompts))
    child.expect("Review — save this prep")
    return child


def test_the_second_of_two_edits_is_refused_and_kept_as_a_draft(
    tmp_path: Path, isolated_home: Path
) -> None:
    record, path = _saved_prep(tmp_path, isolated_home)
    first = _edit_to_review(isolated_home, record)
    second = _edit_to_review(isolated_home, record)
    _save(second)
    saved_by_second = path.read_text(encoding="utf-8")

    first.send(ENTER)  # Save
    first.expect("changed since this edit began")
    first.expect("kept in draft")
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 1
    assert path.read_text(encoding="utf-8") == saved_by_second
    assert "ACME" in salescoach("resume").stdout


def test_notes_typed_into_the_file_while_an_edit_is_open_are_kept(
    tmp_path: Path, isolated_home: Path
) -> None:
    record, path = _saved_prep(tmp_path, isolated_home)
    with path.open("a", encoding="utf-8") as notes:
        notes.write("Call the assistant first.\n")
    child = _edit_to_review(isolated_home, record)  # its record holds the first note only
    with path.open("a", encoding="utf-8") as notes:
        notes.write("Claire prefers mornings.\n")
    _save(child)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("Call the assistant first.\nClaire prefers mornings.\n")
    shown = json.loads(salescoach("show", record.meeting, "--json").stdout)
    assert shown["prep"]["answers"]["opa"]["if_short"] == CHANGED[1]
