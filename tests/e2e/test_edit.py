"""``edit`` walks a saved prep again with its answers as defaults; Enter keeps, notes survive."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import QuestionType
from salescoach.session.engine import Session
from salescoach.session.prompter import Ask
from salescoach.store.repository import Repository
from tests.cli.helpers import salescoach
from tests.e2e.test_terminal import (
    CLEAR_LINE,
    ENTER,
    Prompt,
    _keys,
    _save_at_review,
    _spawn,
    _walk,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

CHANGED = ("opa.if_short", "Only the decision calendar")


@dataclass
class Keeper:
    """Keeps every default, except one answer it changes; notes the keys for each prompt."""

    prompts: list[Prompt]
    pending_marker: str | None = None

    def step(self, title: str, guidance: str | None, progress: object = None) -> None:
        """Steps need no keys; their title tells the next prompt apart from a same-text one."""
        self.pending_marker = title

    def ask(self, ask: Ask) -> Any:
        marker = ask.subject or self.pending_marker
        self.pending_marker = None
        if ask.key == CHANGED[0]:
            keys = CLEAR_LINE + CHANGED[1] + ENTER
            self.prompts.append(Prompt(ask.question.prompt, keys, marker))
            return CHANGED[1]
        value = ask.default
        text_like = (QuestionType.TEXT, QuestionType.NUMBER, QuestionType.DATE)
        if value is not None and (ask.mode == "item" or ask.question.type in text_like):
            keys = ENTER
        elif value is not None and ask.question.type == QuestionType.PARAGRAPH:
            keys = ENTER  # Enter on an offered paragraph keeps it exactly
        else:
            keys = _keys(ask, value)
        message = (
            f"{ask.question.prompt} — item {ask.item_number}"
            if ask.mode == "item"
            else ask.question.prompt
        )
        self.prompts.append(Prompt(message, keys, marker))
        return None if value is None else ask.check(value)

    def confirm(self, key: str, message: str, default: bool) -> bool:
        self.prompts.append(Prompt(message, ENTER))
        return default

    def choose(self, key: str, message: str, choices: Any) -> str:
        return str(choices[0][0])


def test_edit_keeps_answers_with_enter_changes_one_and_keeps_notes(
    tmp_path: Path, isolated_home: Path
) -> None:
    examples = salescoach(
        "prep", "ACME", "--type", "negotiation", "--depth", "full", "--example-answers"
    )
    answers_file = tmp_path / "a.yaml"
    answers_file.write_text(examples.stdout, encoding="utf-8")
    assert (
        salescoach(
            "prep", "--answers", str(answers_file), "--no-input", "--depth", "full"
        ).returncode
        == 0
    )
    repository = Repository(isolated_home)
    (record,) = list(repository.scan(kind="prep"))
    path = repository.path_of(record.meeting, "prep")  # type: ignore[union-attr]
    path.write_text(path.read_text(encoding="utf-8") + "Call Claire's assistant first.\n")

    library = Library.load("en", search_path("en"))
    keeper = Keeper([])
    session = Session(
        library,
        "prep-flow",
        keeper,
        prefill=record.answers,  # type: ignore[union-attr]
        context={"account": {}},
        edit=True,
    )
    expected = session.run()
    assert expected["opa"]["if_short"] == CHANGED[1]

    child = _spawn(isolated_home, "edit", record.meeting)  # type: ignore[union-attr]
    list(_walk(child, keeper.prompts))
    _save_at_review(child, "prep")

    shown = json.loads(salescoach("show", record.meeting, "--json").stdout)  # type: ignore[union-attr]
    assert shown["prep"]["answers"] == expected
    assert shown["prep"]["created"] == record.created  # type: ignore[union-attr]
    assert "Call Claire's assistant first." in path.read_text(encoding="utf-8")
