"""The JSON Schema: generated from the models, committed, and true to every built-in."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from salescoach.playbook.schema import SCHEMA_FILE, playbook_schema, schema_text
from salescoach.yamlio import load_file

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"
BUILTINS = sorted(PLAYBOOKS.glob("*/*.yaml"))


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = (PLAYBOOKS / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "regenerate it: salescoach playbook schema -o playbooks/playbook.schema.json"
    )


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    schema = playbook_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(schema_text()) == schema
    assert schema["title"] == "salescoach playbook"
    assert {"id", "kind", "title", "language", "version"} <= set(schema["required"])


def test_there_are_builtins() -> None:
    assert len(BUILTINS) >= 20


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_builtin_validates_against_the_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(playbook_schema())
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator.iter_errors(load_file(path).value)
    ]
    assert errors == []
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../{SCHEMA_FILE}"


@pytest.mark.parametrize(
    "broken",
    [
        {"id": "x", "kind": "prep", "title": "X", "language": "en", "version": 1, "titel": "X"},
        {"id": "x", "kind": "survey", "title": "X", "language": "en", "version": 1},
        {"id": "X Y", "kind": "prep", "title": "X", "language": "en", "version": 1},
        {
            "id": "x",
            "kind": "prep",
            "title": "X",
            "language": "en",
            "version": 1,
            "steps": [{"title": "S", "questions": [{"id": "q", "type": "text"}]}],
        },
    ],
)
def test_the_schema_catches_what_an_editor_should_flag(broken: dict[str, object]) -> None:
    validator = jsonschema.Draft202012Validator(playbook_schema())
    assert list(validator.iter_errors(broken))
