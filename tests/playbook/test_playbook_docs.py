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


@pytest.fixture
def worked_example(tmp_path: Path) -> Path:
    files = example_files()
    assert set(files) == {
        "team/en/competitors.yaml",
        "team/en/renewal.yaml",
        "team/en/renewal-flow.yaml",
        "answers.yaml",
    }
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path


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
