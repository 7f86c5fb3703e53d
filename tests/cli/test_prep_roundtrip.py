"""--example-answers → prep --answers --no-input → show --json gives the answers back exactly.

Every meeting type in both languages goes through the meetings service
(``tests/service/test_meetings.py``); here the installed command is run once per language, for
the wiring: options, files, standard output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salescoach.yamlio import parse
from tests.cli.helpers import salescoach


@pytest.mark.parametrize(("lang", "meeting_type"), [("en", "negotiation"), ("fr", "discovery")])
def test_example_answers_round_trip(tmp_path: Path, lang: str, meeting_type: str) -> None:
    examples = salescoach(
        "--lang", lang, "prep", "ACME", "--type", meeting_type, "--example-answers"
    )
    assert examples.returncode == 0, examples.stderr
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(examples.stdout, encoding="utf-8")
    expected = parse(examples.stdout, "examples").value

    prep = salescoach("--lang", lang, "prep", "--answers", str(answers_file), "--no-input")
    assert prep.returncode == 0, prep.stderr

    listed = json.loads(salescoach("list", "--json").stdout)
    assert len(listed) == 1
    shown = json.loads(salescoach("show", listed[0]["meeting"], "--json").stdout)
    assert shown["prep"]["answers"] == expected
    assert ("mesore" in expected) == (meeting_type in ("negotiation", "closing"))
    assert ("discovery-funnel" in expected) == (meeting_type in ("discovery", "presentation"))

    debrief_examples = salescoach("--lang", lang, "debrief", "--last", "--example-answers")
    assert debrief_examples.returncode == 0, debrief_examples.stderr
    debrief_file = tmp_path / "debrief.yaml"
    debrief_file.write_text(debrief_examples.stdout, encoding="utf-8")
    debrief = salescoach(
        "--lang", lang, "debrief", "--last", "--answers", str(debrief_file), "--no-input"
    )
    assert debrief.returncode == 0, debrief.stderr
    shown = json.loads(salescoach("show", listed[0]["meeting"], "--json").stdout)
    assert shown["debrief"]["answers"] == parse(debrief_examples.stdout, "d").value


def test_no_input_lists_every_missing_answer() -> None:
    result = salescoach("prep", "ACME", "--no-input")
    assert result.returncode == 1
    assert "meeting.type" in result.stderr
    assert "meeting.objectives" in result.stderr
    assert "Traceback" not in result.stderr


def test_prompting_without_a_terminal_exits_2_and_writes_nothing(isolated_home: Path) -> None:
    result = salescoach("prep", "ACME", input_text="\n\n\n")
    assert result.returncode == 2
    assert "--answers" in result.stderr and "--no-input" in result.stderr
    assert not (isolated_home / "accounts").exists()
