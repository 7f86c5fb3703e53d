"""The ten-minute prep and the quick debrief, typed into the installed command in a terminal.

The account has two earlier records (a discovery prep and its debrief). The prompts a quick
negotiation prep asks are derived as in ``test_terminal``: the engine is run in process at quick
depth against the same store, recording each prompt and the keys that answer it; the terminal
walk then types exactly those and must reach the review screen, so any prompt the real command
asked beyond them would derail it. The count is checked against the budget.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import Depth, QuestionType
from salescoach.service.meetings import Finished, Meetings
from salescoach.session.budget import budget, count_prompts
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.session.prompter import Ask
from salescoach.store.repository import Repository
from salescoach.workflow import account_context
from tests.e2e.test_terminal import ENTER, Prompt, Recorder, _save_at_review, _spawn, _walk

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

EARLIER = "2026-11-10"


def _earlier_records(home: Path) -> Meetings:
    """A full discovery prep of ACME dated 10 November, and its debrief."""
    library = Library.load("en", search_path("en"))
    meetings = Meetings(Repository(home), library, "en")
    prep = meetings.start_prep(
        "ACME",
        meeting_type="discovery",
        answers={"meeting": {"date": EARLIER}},
        depth=Depth.FULL,
    )
    assert isinstance(meetings.walk(prep, ExamplePrompter(), review=False), Finished)
    debrief = meetings.start_debrief(None, depth=Depth.FULL)
    assert isinstance(meetings.walk(debrief, ExamplePrompter(), review=False), Finished)
    return meetings


@dataclass
class KeepsPremarked(Recorder):
    """The example rep, who keeps a pick-list as it comes pre-marked (Enter)."""

    def ask(self, ask: Ask) -> Any:
        if ask.question.type == QuestionType.CHOICES and ask.default:
            assert self.prompts is not None
            self.prompts.append(Prompt(ask.question.prompt, ENTER, self.pending_marker))
            self.pending_marker = None
            return ask.default
        return super().ask(ask)


def _script(
    target: str, depth: Depth, prefill: dict[str, Any], context: dict[str, Any]
) -> tuple[list[Prompt], dict[str, Any]]:
    library = Library.load("en", search_path("en"))
    recorder = KeepsPremarked(prompts=[])
    session = Session(library, target, recorder, prefill=prefill, context=context, depth=depth)
    answers = session.run()
    return recorder.prompts or [], answers


def test_a_quick_negotiation_prep_of_a_known_account_keeps_its_budget(
    isolated_home: Path,
) -> None:
    _earlier_records(isolated_home)
    repository = Repository(isolated_home)
    known = account_context(repository, "ACME")
    prompts, answers = _script(
        "prep-flow",
        Depth.QUICK,
        {"meeting": {"account": "ACME", "type": "negotiation"}},
        {"account": known},
    )
    most = budget("prep", "negotiation", Depth.QUICK)
    assert most is not None and len(prompts) <= most
    # What the records know is not asked: the objectives left open, the objections met.
    assert not any(p.text.startswith("What must this meeting achieve") for p in prompts)
    assert not any(p.text.startswith("Which objections do you expect") for p in prompts)

    child = _spawn(isolated_home, "prep", "ACME", "--type", "negotiation", "--quick")
    child.expect("Last time with ACME")
    child.expect("kept, not asked")
    child.expect(r"What must this meeting achieve: Get the project's origin.*\(2026-11-10\)")
    asked = list(_walk(child, prompts))
    _save_at_review(child, "prep")
    assert len(asked) == len(prompts)

    (prep,) = [
        r
        for r in repository.scan(kind="prep")
        if r.meeting != known["last_meeting"]  # type: ignore[union-attr]
    ]
    assert prep.answers == answers  # type: ignore[union-attr]
    assert prep.depth == "quick"  # type: ignore[union-attr]
    carried = prep.carried  # type: ignore[union-attr]
    assert carried["meeting.objectives"].kind == "debrief"
    assert carried["meeting.contacts"].date == EARLIER
    assert carried["objection-prep.expected"].meeting == known["last_meeting"]
    assert "mesore.walk_away" not in carried


def test_a_quick_debrief_shows_the_mesore_box_and_keeps_its_budget(isolated_home: Path) -> None:
    library = Library.load("en", search_path("en"))
    meetings = Meetings(Repository(isolated_home), library, "en")
    prep = meetings.start_prep("ACME", meeting_type="negotiation", no_input=True, depth=Depth.QUICK)
    # One objective and one objection expected: the budget's convention (lists of one item).
    examples = count_prompts(
        library,
        "prep-flow",
        Depth.QUICK,
        prefill={"meeting": {"account": "ACME", "type": "negotiation"}},
    ).answers
    prep.session.prefill = examples
    finished = meetings.walk(prep, None)
    assert isinstance(finished, Finished)
    record = finished.saved.record

    prompts, answers = _script(
        "debrief-flow", Depth.QUICK, {}, {"prep": record.answers, "account": {}}
    )
    most = budget("debrief", "negotiation", Depth.QUICK)
    counted = count_prompts(library, "debrief-flow", Depth.QUICK, context={"prep": record.answers})
    assert most is not None and len(counted.asked) <= most  # lists of one item, as budgeted
    assert len(prompts) == len(counted.asked) + 1  # the examples name two client commitments

    child = _spawn(isolated_home, "debrief", "--last", "--quick")
    shown = ""
    for prompt in prompts:
        if prompt.marker:
            child.expect(re.escape(prompt.marker[:40]))
        child.expect(re.escape(prompt.text[:40]))
        shown += child.before or ""
        child.send(prompt.keys)
    _save_at_review(child, "debrief")
    # The MESORE box above "where did you land", the expected objections pre-marked.
    walk_away = examples["mesore"]["walk_away"]
    assert re.search(r"Walk-away point.*" + re.escape(walk_away[:20]), shown, re.S)
    debrief = Repository(isolated_home).load(record.meeting, "debrief")
    assert debrief.answers == answers
    assert debrief.answers["debrief"]["objections_met"] == examples["objection-prep"]["expected"]
    assert debrief.depth == "quick"
    assert dt.date.fromisoformat(record.meeting_date or "")
