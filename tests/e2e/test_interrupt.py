"""Ctrl-C and closed input keep a draft; ``resume`` finishes it as an uninterrupted run would.

Answers are kept question by question: items typed into a list still being answered are asked
again on resume, so these tests stop at the start of a question.
"""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from salescoach.store.drafts import Drafts
from salescoach.store.repository import Repository
from tests.e2e.test_terminal import _save_at_review, _script, _spawn, _walk

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

CTRL_C, CTRL_D = "\x03", "\x04"


@pytest.mark.parametrize(
    "stop_at",
    ["Name", "What kind of meeting", "How will you announce", "Which objections do you expect"],
)
def test_ctrl_c_keeps_a_draft_that_resume_finishes(isolated_home: Path, stop_at: str) -> None:
    prompts, answers = _script("prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}})
    stop_after = next(i for i, p in enumerate(prompts) if p.text.startswith(stop_at))
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")
    list(_walk(child, prompts[:stop_after]))
    child.expect(re.escape(prompts[stop_after].text[:40]))
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (isolated_home / "accounts").exists() or not list(
        Repository(isolated_home).scan(kind="prep")
    )
    drafts = Drafts(isolated_home).list()
    # Even with nothing typed, the account given on the command line is an answer worth keeping.
    assert len(drafts) == 1
    draft = drafts[0]
    assert "resume" in (child.before or "") and draft.id in (child.before or "")

    listing = _spawn(isolated_home, "resume")
    listing.expect(pexpect.EOF)
    assert draft.id in (listing.before or "")

    child = _spawn(isolated_home, "resume", draft.id)
    list(_walk(child, prompts[stop_after:]))
    _save_at_review(child, "prep")
    (record,) = list(Repository(isolated_home).scan(kind="prep"))
    assert record.answers == answers  # type: ignore[union-attr]
    assert Drafts(isolated_home).list() == []


def test_closed_input_keeps_a_draft_with_its_own_message(isolated_home: Path) -> None:
    prompts, _ = _script("prep-flow", {"meeting": {"account": "ACME"}}, {"account": {}})
    child = _spawn(isolated_home, "prep", "ACME", "--depth", "full")
    list(_walk(child, prompts[:1]))
    child.expect(re.escape(prompts[1].text[:40]))
    child.send(CTRL_D)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Input closed" in (child.before or "")
    assert len(Drafts(isolated_home).list()) == 1
