"""Rehearsing an objection in a real terminal: the library's answer is on screen while the rep
writes their own — the recommended response, the questions to ask back and the proof."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from salescoach.store.repository import Repository
from tests.cli.helpers import salescoach
from tests.e2e.test_terminal import ENTER, _save_at_review, _spawn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

HINT = "Ctrl-C: stop"
FINISH = "\x1b" + ENTER
"""Esc then Enter ends a paragraph (Enter alone is a new line)."""


def test_the_rehearsal_shows_the_library_s_response_questions_back_and_proof(
    tmp_path: Path, isolated_home: Path
) -> None:
    examples = salescoach("prep", "ACME", "--type", "negotiation", "--example-answers")
    answers = yaml.safe_load(examples.stdout)
    assert answers["objection-prep"]["expected"] == ["price-too-high", "not-decision-maker"]
    del answers["objection-prep"]["rehearsal"]  # the only thing left to ask
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")

    child = _spawn(isolated_home, "prep", "--answers", str(answers_file))
    child.expect(re.escape("> It's too expensive."))
    child.expect(re.escape('Recommended: Find out what "too expensive" means'))
    child.expect(re.escape("Ask back: Too expensive compared with what?"))
    child.expect(re.escape("Proof: A success story of a client who did not choose the cheapest"))
    child.expect(re.escape(HINT))
    child.send("Compared with what? Then the cost of the late deliveries." + FINISH)
    child.expect(re.escape("> I'm not the one who decides."))
    child.expect(re.escape("Recommended: "))
    child.expect(re.escape(HINT))
    child.send("Who else will weigh in, and when do they meet?" + FINISH)
    _save_at_review(child, "prep")

    (record,) = list(Repository(isolated_home).scan(kind="prep"))
    rehearsal = record.answers["objection-prep"]["rehearsal"]  # type: ignore[union-attr]
    assert [pair["item"] for pair in rehearsal] == ["price-too-high", "not-decision-maker"]
    assert rehearsal[0]["answer"].startswith("Compared with what?")
