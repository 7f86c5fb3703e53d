"""Every ``--json`` shape that docs/cli.md promises is the one the installed command prints.

The table in the guide is read as the specification: for each row the command runs on a home
with a prep and its debrief, and every key the row names is in the document it prints (at the
top level, and inside the first item of a list the row spells out). A key renamed in the code
or in the guide fails here, so scripts written against the guide keep working.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import salescoach

GUIDE = Path(__file__).parents[2] / "docs" / "cli.md"


def _rows() -> dict[str, str]:
    """The guide's table: command (as written, MEETING and ACCOUNT placeholders) → shape."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("## `--json`") :]
    table = table[: table.index("\n## ", 1)]
    rows = {}
    for line in table.splitlines():
        found = re.fullmatch(r"\| `([^`]+)` \| (.+) \|", line.strip())
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


class Shape:
    """Keys named by a shape, parsed from the guide's ``{"a", "b": [{"c"}]}`` notation."""

    def __init__(self, notation: str) -> None:
        self.keys: list[str] = []
        self.nested: dict[str, list[str]] = {}
        opened: list[str] = []
        last: str | None = None
        for token in re.finditer(r'"(\w+)"|[\[\]{}]', notation):
            name, mark = token.group(1), token.group(0)
            if mark in "[{":
                opened.append(mark)
            elif mark in "]}":
                opened.pop()
            elif opened == ["{"]:
                self.keys.append(name)
                last = name
            elif last is not None and opened in (["{", "{"], ["{", "[", "{"]):
                self.nested.setdefault(last, []).append(name)  # "items": [{"what", …}]


def _keys_of_array(shape: str) -> list[str]:
    """``an array …: `a`, `b`, `c``` → the keys of each object."""
    return re.findall(r"`(\w+)`", shape.partition(":")[2])


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A home with a negotiation prep and its debrief, both from the playbooks' examples."""
    base = tmp_path_factory.mktemp("json-shapes")
    env = {
        "SALESCOACH_HOME": str(base / "home"),
        "SALESCOACH_CONFIG": str(base / "config.yaml"),
        "SALESCOACH_CACHE": str(base / "cache"),
        "LANG": "en_US.UTF-8",
        "NO_COLOR": "1",
    }
    answers = base / "answers.yaml"
    for kind, start in (("prep", ["ACME", "--type", "negotiation"]), ("debrief", ["--last"])):
        examples = salescoach(kind, *start, "--example-answers", env=env)
        assert examples.returncode == 0, examples.stderr
        answers.write_text(examples.stdout, encoding="utf-8")
        saved = salescoach(kind, *start, "--answers", str(answers), "--no-input", env=env)
        assert saved.returncode == 0, saved.stderr
    (listed, *_) = json.loads(salescoach("list", "--json", env=env).stdout)
    return {**env, "MEETING": listed["meeting"], "ACCOUNT": "ACME"}


def _run(command: str, home: dict[str, str]) -> str:
    words = [home.get(word, word) for word in command.split()]
    if words[:2] == ["report", "team"]:
        words += ["--home", home["SALESCOACH_HOME"]]
    if words[0] == "agenda":
        words += ["--days", "400"]  # the examples' next steps are weeks ahead
    if "--json" not in words and "json" not in words:
        words.append("--json")
    env = {key: value for key, value in home.items() if key.isupper() and "_" in key}
    result = salescoach(*words, env=env)
    assert result.returncode == 0, (command, result.stderr)
    return result.stdout


ROWS = _rows()


def test_the_guide_lists_every_json_command() -> None:
    assert len(ROWS) >= 12, ROWS


@pytest.mark.parametrize("command", sorted(ROWS))
def test_the_command_prints_the_shape_the_guide_gives(command: str, home: dict[str, str]) -> None:
    shape = ROWS[command]
    printed = _run(command, home)
    if command.startswith("export"):
        lines = [json.loads(line) for line in printed.splitlines()]
        assert lines and all(set(line) <= {"prep", "debrief"} or "kind" in line for line in lines)
        return
    document: Any = json.loads(printed)
    if shape.startswith("an array"):
        assert isinstance(document, list) and document
        missing = set(_keys_of_array(shape)) - set(document[0])
        assert not missing, f"{command}: {sorted(missing)} not printed"
        return
    if command.startswith("show"):
        assert set(document) == {"prep", "debrief"}
        assert "answers" in document["prep"]
        return
    expected = Shape(shape)
    assert expected.keys, shape
    missing = set(expected.keys) - set(document)
    assert not missing, f"{command}: {sorted(missing)} not printed"
    for key, inner in expected.nested.items():
        items = document[key]
        if isinstance(items, dict):  # "in_use": {"language", …}
            assert set(inner) <= set(items), (command, key)
        else:
            assert items, f"{command}: no {key} to check the keys of"
            assert set(inner) <= set(items[0]), (command, key, sorted(items[0]))
