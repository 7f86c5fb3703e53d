"""The installed command in a real pseudo-terminal: a whole prep, then its debrief, with real keys.

The key strokes are derived from the playbooks, not hand-written: the engine is first run in
process with the example prompter, which records every prompt in order with the answer it gave.
The test then types those answers into the real terminal — arrows and Enter for a choice, Space
for a checkbox, Esc-Enter to end a paragraph, an empty line to end a list — and finally checks
that the records on disk hold exactly the recorded answers.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pexpect
import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import QuestionType
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.session.prompter import Ask
from salescoach.store.repository import Repository
from tests.cli.helpers import SALESCOACH

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

DOWN, ENTER, SPACE, CLEAR_LINE = "\x1b[B", "\r", " ", "\x15"
TODAY = dt.date.today()


@dataclass
class Prompt:
    """One prompt the terminal will show, and the keys that answer it as the example did."""

    text: str
    keys: str
    marker: str | None = None
    """Text shown just before this prompt only (an iteration subject, a step title): prompts
    with the same text in a row are told apart by it, so no key is typed into the wrong one."""


@dataclass
class Recorder(ExamplePrompter):
    """The example prompter, noting every prompt and the keys that would give the same answer."""

    prompts: list[Prompt] | None = None
    pending_marker: str | None = None

    def step(self, title: str, guidance: str | None, progress: object = None) -> None:
        self.pending_marker = title

    def ask(self, ask: Ask) -> Any:
        value = super().ask(ask)
        assert self.prompts is not None
        marker = ask.subject or self.pending_marker
        self.pending_marker = None
        self.prompts.append(Prompt(_message(ask), _keys(ask, value), marker))
        return value

    def confirm(self, key: str, message: str, default: bool) -> bool:
        answer = super().confirm(key, message, default)
        assert self.prompts is not None
        self.prompts.append(Prompt(message, "y" if answer else "n"))
        return answer


def _message(ask: Ask) -> str:
    if ask.mode == "item":
        return f"{ask.question.prompt} — item {ask.item_number}"
    return ask.question.prompt


def _keys(ask: Ask, value: Any) -> str:
    kind = ask.question.type
    if ask.mode == "item":
        return (CLEAR_LINE + str(value) if value is not None else CLEAR_LINE) + ENTER
    if kind in (QuestionType.CHOICE, QuestionType.SCALE):
        values = (
            [o.value for o in ask.options]
            if kind == QuestionType.CHOICE
            else list(range(int(ask.question.min or 0), int(ask.question.max or 0) + 1))
        )
        start = values.index(ask.default) if ask.default in values else 0
        target = values.index(value) if value in values else len(values)  # "(no answer)"
        return DOWN * (target - start) + ENTER
    if kind == QuestionType.CHOICES:
        ticked = set(ask.default or [])
        keys = ""
        for option in ask.options:
            if (option.value in value) != (option.value in ticked):
                keys += SPACE
            keys += DOWN
        return keys + ENTER
    if kind == QuestionType.YESNO:
        return "y" if value else "n"
    if kind == QuestionType.PARAGRAPH:
        return (
            CLEAR_LINE + ("" if value is None else str(value).replace("\n", ENTER)) + "\x1b" + ENTER
        )
    return CLEAR_LINE + ("" if value is None else str(value)) + ENTER


def _script(
    target: str, prefill: Mapping[str, Any], context: Mapping[str, Any]
) -> tuple[list[Prompt], dict[str, Any]]:
    library = Library.load("en", search_path("en"))
    recorder = Recorder(prompts=[])
    session = Session(library, target, recorder, prefill=prefill, context=context, today=TODAY)
    answers = session.run()
    assert recorder.prompts
    return recorder.prompts, answers


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "SALESCOACH_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
    }
    child = pexpect.spawn(
        str(SALESCOACH),
        ["--lang", "en", *args],
        env=env,
        encoding="utf-8",
        timeout=45,
        dimensions=(60, 400),
    )
    return child


def _walk(child: pexpect.spawn, prompts: list[Prompt]) -> Iterator[str]:
    for prompt in prompts:
        if prompt.marker:
            child.expect(re.escape(prompt.marker[:40]))
        child.expect(re.escape(prompt.text[:40]))
        yield prompt.text
        child.send(prompt.keys)


def _save_at_review(child: pexpect.spawn, kind: str) -> None:
    """Take "Save" on the review screen, wait for the record to be written, expect exit 0."""
    child.expect(f"Review — save this {kind}")
    child.send(ENTER)
    child.expect(f"Saved {kind}")
    if kind == "debrief":
        child.expect("Draft the recap now")
        child.send("y")
        child.expect("Subject: Our meeting of")
        child.expect("salescoach recap .* --format eml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_a_whole_prep_then_its_debrief_with_real_keys(isolated_home: Path) -> None:
    prep_prompts, prep_answers = _script(
        "prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}}
    )
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")
    asked = list(_walk(child, prep_prompts))
    _save_at_review(child, "prep")
    assert len(asked) > 30  # the whole flow, not a shortcut

    repository = Repository(isolated_home)
    (prep,) = [r for r in repository.scan(kind="prep")]
    assert not isinstance(prep, Exception)
    assert prep.answers == prep_answers  # type: ignore[union-attr]

    debrief_prompts, debrief_answers = _script(
        "debrief-flow",
        {},
        {"prep": prep.answers, "account": {}},  # type: ignore[union-attr]
    )
    child = _spawn(isolated_home, "debrief", "--last", "--depth", "full")
    list(_walk(child, debrief_prompts))
    _save_at_review(child, "debrief")
    debrief = repository.load(prep.meeting, "debrief")  # type: ignore[union-attr]
    assert debrief.answers == debrief_answers
    assert repository.path_of(prep.meeting, "prep").stat().st_mode & 0o777 == 0o600  # type: ignore[union-attr]


def test_the_review_screen_changes_one_answer_and_keeps_the_rest(isolated_home: Path) -> None:
    prompts, answers = _script("prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}})
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")
    list(_walk(child, prompts))
    child.expect("Review — save this prep")
    child.send(DOWN + ENTER)  # Change an answer
    child.expect("Which answer")
    child.send(ENTER)  # the first: the account
    # Its value offered (drawn in its own colour, after the question).
    child.expect(r"Which account is this meeting with\?(?:\x1b\[[0-9;?]*[A-Za-z]|\s)*ACME")
    child.send(CLEAR_LINE + "ACME Corporation" + ENTER)
    _save_at_review(child, "prep")
    (record,) = list(Repository(isolated_home).scan(kind="prep"))
    answers["meeting"]["account"] = "ACME Corporation"
    assert record.answers == answers  # type: ignore[union-attr]
    assert record.account.name == "ACME Corporation"  # type: ignore[union-attr]


def test_discard_on_the_review_screen_writes_nothing(isolated_home: Path) -> None:
    prompts, _ = _script("prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}})
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")
    list(_walk(child, prompts))
    child.expect("Review — save this prep")
    child.send(DOWN + DOWN + ENTER)
    child.expect("Discard this prep for good")
    child.send("y")
    child.expect("Discarded")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(Repository(isolated_home).scan()) == []
