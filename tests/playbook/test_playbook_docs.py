"""The trainer's guide: its worked example validates and runs; it names every field and type."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from salescoach.playbook import model
from salescoach.playbook.model import QuestionType

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "playbooks.md"
EXAMPLE = re.compile(r"<!-- worked-example: (?P<path>\S+) -->\n```yaml\n(?P<body>.*?)```", re.S)


def example_files() -> dict[str, str]:
    return {m["path"]: m["body"] for m in EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8"))}


def salescoach(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "salescoach", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "1000"},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


FIRST = {
    "team/en/competitors.yaml",
    "team/en/renewal.yaml",
    "team/en/renewal-flow.yaml",
    "answers.yaml",
}
SECOND = {
    "qualify-team/en/qualification.yaml",
    "qualify-team/en/qualified-prep.yaml",
    "qualify-answers.yaml",
}


def test_the_guide_holds_two_worked_examples() -> None:
    assert set(example_files()) == FIRST | SECOND


def write_example(tmp_path: Path, names: set[str]) -> Path:
    for name, body in example_files().items():
        if name not in names:
            continue
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path


@pytest.fixture
def worked_example(tmp_path: Path) -> Path:
    return write_example(tmp_path, FIRST)


@pytest.fixture
def qualify_example(tmp_path: Path) -> Path:
    return write_example(tmp_path, SECOND)


def test_the_second_example_validates_lints_clean_shows_and_previews(
    qualify_example: Path,
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return salescoach("--playbooks", "qualify-team", *args, cwd=qualify_example)

    schema = ("playbook", "schema", "-o", "qualify-team/playbook.schema.json")
    assert salescoach(*schema, cwd=qualify_example).returncode == 0
    validated = run("playbook", "validate", "qualify-team")
    assert validated.returncode == 0, validated.stderr
    linted = run("playbook", "lint", "--strict", "qualify-team")
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert linted.stdout == ""
    shown = run("playbook", "show", "qualified-prep", "--markdown")
    assert shown.returncode == 0, shown.stderr
    walked = [line.split("`")[1] for line in shown.stdout.splitlines() if line[:1].isdigit()]
    assert walked[:2] == ["meeting", "qualification"] and "foca" not in walked
    book = run("playbook", "show", "qualification", "--markdown").stdout
    assert "computed, never asked: the total of `budget`, `authority`, `need`, `timing`" in book
    assert "only for the items where `confidence` is at most 1" in book
    assert "pre-filled with its own last answer for the account" in book
    preview = run("playbook", "preview", "qualified-prep", "--markdown")
    assert preview.returncode == 0, preview.stderr
    assert "## Qualification" in preview.stdout
    assert "**Total**: 8\u00a0/ 12" in preview.stdout  # the unit kept beside its number
    # one example per objective: only the second (rated 1) gets a "to secure" line
    assert preview.stdout.count("**To secure**") == 1


def test_the_second_example_runs_with_no_input_and_remembers(qualify_example: Path) -> None:
    walked: list[list[str]] = []

    def prep(answers: str) -> dict[str, object]:
        done = salescoach(
            "--playbooks",
            "qualify-team",
            "prep",
            "--flow",
            "qualified-prep",
            "--answers",
            answers,
            "--no-input",
            cwd=qualify_example,
        )
        assert done.returncode == 0, done.stderr
        listed = json.loads(salescoach("list", "--json", cwd=qualify_example).stdout)
        latest = max(listed, key=lambda row: row["meeting_date"])
        shown = salescoach("show", latest["meeting"], "--json", cwd=qualify_example)
        record = json.loads(shown.stdout)["prep"]
        walked.append([use["id"] for use in record["playbooks"]])
        answers_saved: dict[str, object] = record["answers"]
        return answers_saved

    answers = prep("qualify-answers.yaml")
    qualification = answers["qualification"]
    assert isinstance(qualification, dict)
    # what the guide says about this run
    assert (qualification["total"], qualification["weakest"]) == (5, 0)
    assert qualification["signer"] == "Marc Dubois" and "reach_signer" not in qualification
    assert qualification["secure"] == [
        {"item": "Get the pilot budget approved", "answer": "Bring the Nordfret pilot figures."}
    ]
    assert qualification["go_no_go"] is True
    assert walked[0] == [
        "meeting",
        "qualification",
        "reminders",
        "opa",
        "discovery-funnel",
        "objection-prep",
    ]
    # the next meeting: scores not given are the account's last ones, the total follows
    text = (qualify_example / "qualify-answers.yaml").read_text(encoding="utf-8")
    later = text.replace('"2027-02-10"', '"2027-03-02"').replace("  budget: 1\n", "  budget: 3\n")
    kept = "\n".join(
        line
        for line in later.splitlines()
        if not line.startswith(("  authority:", "  need:", "  timing:"))
    )
    (qualify_example / "next.yaml").write_text(kept + "\n", encoding="utf-8")
    again = prep("next.yaml")["qualification"]
    assert isinstance(again, dict)
    assert (again["budget"], again["authority"], again["need"], again["timing"]) == (3, 2, 2, 0)
    assert again["total"] == 7


def test_the_worked_example_validates_lints_clean_and_previews(worked_example: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return salescoach("--playbooks", "team", *args, cwd=worked_example)

    assert salescoach("playbook", "schema", "-o", "team/playbook.schema.json", cwd=worked_example)
    validated = run("playbook", "validate", "team")
    assert validated.returncode == 0, validated.stderr
    assert "3 playbook files valid" in validated.stderr
    linted = run("playbook", "lint", "--strict", "team")
    assert linted.returncode == 0, linted.stdout + linted.stderr
    assert linted.stdout == ""
    everything = run("playbook", "validate")
    assert everything.returncode == 0, everything.stderr
    shown = run("playbook", "show", "renewal", "--markdown")
    assert shown.returncode == 0, shown.stderr
    assert "only when `satisfaction` is `1`, `2` or `3`" in shown.stdout
    assert "asked once for each item answered to `competitors`" in shown.stdout
    preview = run("playbook", "preview", "renewal-flow", "--markdown")
    assert preview.returncode == 0, preview.stderr
    assert "## Contract renewal" in preview.stdout or "### Contract renewal" in preview.stdout
    assert "Routex" in preview.stdout


def test_the_worked_example_runs_with_no_input(worked_example: Path) -> None:
    prep = salescoach(
        "--playbooks",
        "team",
        "prep",
        "--flow",
        "renewal-flow",
        "--answers",
        "answers.yaml",
        "--no-input",
        cwd=worked_example,
    )
    assert prep.returncode == 0, prep.stderr
    listed = json.loads(salescoach("list", "--json", cwd=worked_example).stdout)
    assert len(listed) == 1
    shown = salescoach("show", listed[0]["meeting"], "--json", cwd=worked_example)
    answers = json.loads(shown.stdout)["prep"]["answers"]
    renewal = answers["renewal"]
    # what the guide says about this run
    assert "complaints" not in renewal and "champion_quote" not in renewal
    assert renewal["walk_away"] == "hold"
    assert renewal["proposal_date"] == "2027-02-10"
    assert renewal["concessions"] == [
        {"give": "5 % off the yearly fee", "in_exchange": "They sign for three years"}
    ]
    assert "objection-prep" not in answers


def _fields(item: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in item.model_fields.items()}


def test_the_guide_names_every_field_and_every_question_type() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    models = [
        item
        for item in vars(model).values()
        if isinstance(item, type) and issubclass(item, BaseModel) and item is not model.Strict
    ]
    missing = sorted(
        f"{item.__name__}.{name}"
        for item in models
        for name in _fields(item)
        if f"`{name}" not in text
    )
    assert missing == []
    assert [t.value for t in QuestionType if f"| `{t.value}` |" not in text] == []


def test_the_guide_lists_every_playbook_command() -> None:
    from salescoach.cli.playbooks import app

    names = {
        command.name or getattr(command.callback, "__name__", "")
        for command in app.registered_commands
    }
    assert len(names) == 8
    text = GUIDE.read_text(encoding="utf-8")
    assert {name for name in names if f"| `playbook {name}" not in text} == set()
