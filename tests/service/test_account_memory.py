"""Memory per account: a question that says ``default_from: account.last`` starts from its own
last answer for this account, kept unasked in a quick prep, offered in a standard one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from salescoach.playbook.library import Library, Source, search_path
from salescoach.playbook.model import Depth
from salescoach.playbook.values import Answer
from salescoach.service.meetings import Finished, Meetings
from salescoach.session.examples import ExamplePrompter
from salescoach.session.prompter import Ask
from salescoach.store.repository import Repository

QUALIFY = """\
id: qualify
kind: prep
title: Qualification
language: en
version: 1
steps:
  - title: Qualification
    depth: quick
    questions:
      - id: score
        type: scale
        prompt: How qualified is the deal?
        help: 0 to 3.
        min: 0
        max: 3
        labels: {2: Likely}
        default_from: account.last
        example: 1
"""

FLOW = """\
id: prep-flow
kind: flow
title: Ours
language: en
version: 1
extends: prep-flow
insert:
  - {playbook: qualify, after: meeting}
"""


@dataclass
class Rep(ExamplePrompter):
    """Answers with the examples, and a score of its own; notes the defaults it was offered."""

    score: int = 1
    offered: dict[str, Answer] = field(default_factory=dict)

    def ask(self, ask: Ask) -> Answer:
        self.offered[ask.key] = ask.default
        if ask.key == "qualify.score":
            return self.score
        return super().ask(ask)


@pytest.fixture
def meetings(isolated_home: Path, tmp_path: Path) -> Meetings:
    team = tmp_path / "team"
    team.mkdir()
    (team / "qualify.yaml").write_text(QUALIFY, encoding="utf-8")
    (team / "prep-flow.yaml").write_text(FLOW, encoding="utf-8")
    library = Library.load("en", [*search_path("en"), Source("option", team)])
    assert library.check() == []
    return Meetings(Repository(isolated_home), library, "en")


def prep(meetings: Meetings, rep: Rep, depth: Depth = Depth.STANDARD) -> Finished:
    started = meetings.start_prep("ACME", meeting_type="discovery", depth=depth)
    outcome = meetings.walk(started, rep, review=False)
    assert isinstance(outcome, Finished)
    return outcome


def test_the_last_answer_for_the_account_is_offered_as_the_default(meetings: Meetings) -> None:
    first = Rep(score=2)
    prep(meetings, first)
    assert first.offered["qualify.score"] is None  # nothing known yet
    second = Rep(score=3)
    outcome = prep(meetings, second)
    assert second.offered["qualify.score"] == 2
    assert outcome.saved.record.answers["qualify"]["score"] == 3


def test_a_quick_prep_keeps_it_and_says_where_it_comes_from(meetings: Meetings) -> None:
    earlier = prep(meetings, Rep(score=2)).saved.record
    rep = Rep(score=0)
    record = prep(meetings, rep, Depth.QUICK).saved.record
    assert "qualify.score" not in rep.offered  # known: kept, not asked
    assert record.answers["qualify"]["score"] == 2
    assert record.carried["qualify.score"].meeting == earlier.meeting


def test_another_account_starts_without_it(meetings: Meetings) -> None:
    prep(meetings, Rep(score=2))
    rep = Rep()
    started = meetings.start_prep("Globex", meeting_type="discovery")
    meetings.walk(started, rep, review=False)
    assert rep.offered["qualify.score"] is None


def test_it_is_read_by_default_from_only(tmp_path: Path) -> None:
    from salescoach.playbook.library import check_paths

    team = tmp_path / "team"
    team.mkdir()
    bad = QUALIFY.replace("default_from: account.last", "when: {question: account.last, equals: 2}")
    (team / "qualify.yaml").write_text(bad, encoding="utf-8")
    found = check_paths([team], search_path).problems
    assert [(p.location.line, p.message) for p in found] == [
        (
            17,
            "`account.last` is a question's own last answer: it is read by `default_from` only",
        )
    ]


def test_show_says_where_the_default_comes_from(meetings: Meetings) -> None:
    from salescoach.playbook.outline import outline

    text = outline(meetings.library.get("qualify").playbook, meetings.library)
    assert "pre-filled with its own last answer for the account" in text


def test_the_recap_before_the_first_prompt_shows_it_with_its_label(meetings: Meetings) -> None:
    from salescoach.session.carry import recap
    from salescoach.workflow import account_context

    prep(meetings, Rep(score=2))
    lines = recap(meetings.library, "prep-flow", account_context(meetings.repository, "ACME"))
    assert [(line.answer_id, line.value) for line in lines if line.answer_id.startswith("q")] == [
        ("qualify.score", "2 — Likely")
    ]
