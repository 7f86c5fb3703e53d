"""--quick, --depth and the config's depth on the command line, without a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import salescoach


@pytest.mark.parametrize(
    ("options", "depth"),
    [(["--quick"], "quick"), (["--depth", "standard"], "standard"), (["--depth", "full"], "full")],
)
def test_example_answers_feed_back_with_no_input_at_every_depth(
    tmp_path: Path, options: list[str], depth: str
) -> None:
    examples = salescoach("prep", "ACME", "--type", "discovery", *options, "--example-answers")
    assert examples.returncode == 0, examples.stderr
    assert f"(en, {depth})" in examples.stdout
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples.stdout, encoding="utf-8")
    made = salescoach("prep", *options, "--answers", str(answers), "--no-input")
    assert made.returncode == 0, made.stderr
    (listed,) = json.loads(salescoach("list", "--json").stdout)
    shown = json.loads(salescoach("show", listed["meeting"], "--json").stdout)["prep"]
    assert shown["depth"] == depth
    assert ("foca" in shown["answers"]) == (depth == "full")  # FOCA chains: full depth only

    debrief_examples = salescoach("debrief", "--last", *options, "--example-answers")
    assert debrief_examples.returncode == 0, debrief_examples.stderr
    answers.write_text(debrief_examples.stdout, encoding="utf-8")
    debriefed = salescoach("debrief", "--last", *options, "--answers", str(answers), "--no-input")
    assert debriefed.returncode == 0, debriefed.stderr
    debrief = json.loads(salescoach("show", listed["meeting"], "--json").stdout)["debrief"]
    assert debrief["depth"] == depth


def test_no_input_at_quick_lists_only_the_quick_questions_missing() -> None:
    missing = salescoach("prep", "ACME", "--type", "negotiation", "--quick", "--no-input")
    assert missing.returncode == 1
    assert "mesore.walk_away" in missing.stderr and "opa.plan" in missing.stderr
    assert "meeting.contacts" not in missing.stderr and "foca.chains" not in missing.stderr


def test_the_config_file_sets_the_default_depth(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("depth: quick\n", encoding="utf-8")
    examples = salescoach("prep", "ACME", "--type", "discovery", "--example-answers")
    assert "(en, quick)" in examples.stdout
    overridden = salescoach(
        "prep", "ACME", "--type", "discovery", "--depth", "full", "--example-answers"
    )
    assert "(en, full)" in overridden.stdout


def test_quick_and_another_depth_together_are_a_usage_error() -> None:
    both = salescoach("prep", "ACME", "--quick", "--depth", "full")
    assert both.returncode == 2
    assert "--quick or --depth full, not both" in both.stderr
    wrong = salescoach("prep", "ACME", "--depth", "deep", "--no-input")
    assert wrong.returncode == 2
    assert "quick, standard or full" in wrong.stderr
