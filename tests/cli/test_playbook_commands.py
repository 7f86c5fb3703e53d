"""The trainer's commands, run as a user runs them: ``python -m salescoach playbook ...``."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from salescoach.playbook.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "playbooks"

# Rich wraps stderr at 80 columns when it is not a terminal; a wide COLUMNS keeps each
# FILE:LINE:COL problem on one line (see test_problem_lines_are_not_wrapped_by_default).
WIDE = {"COLUMNS": "1000"}


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed package's command line with the test's (isolated) environment."""
    result = subprocess.run(
        [sys.executable, "-m", "salescoach", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **WIDE, **(env or {})},
        input=input_text,
        stdin=None if input_text is not None else subprocess.DEVNULL,
        timeout=60,
        check=False,
        cwd=cwd,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


# --- broken playbooks ----------------------------------------------------------------------------

HEAD = """\
id: demo
kind: prep
title: Demo
language: en
version: 1
steps:
  - title: First
    questions:
"""
BUDGET = """\
      - id: budget
        type: number
        prompt: Budget?
"""
FLOW_HEAD = "id: demo\nkind: flow\ntitle: Demo\nlanguage: en\nversion: 1\nrecord: prep\nflow:\n"


@dataclass(frozen=True)
class Broken:
    """A broken playbook, where its (first) error must be reported, and what it must say."""

    content: bytes
    line: int
    column: int
    says: str


def _text(text: str) -> bytes:
    return text.encode("utf-8")


BROKEN: dict[str, Broken] = {
    "syntax": Broken(_text(HEAD + BUDGET + "        help: [unclosed\n"), 13, 1, "YAML syntax"),
    "syntax-colon": Broken(
        _text(HEAD + BUDGET + "        help: Note: this breaks\n"),
        12,
        19,
        "a value containing ': ' must be quoted",
    ),
    "unknown-field": Broken(
        _text(HEAD + BUDGET + "        promt: Budget?\n"),
        12,
        9,
        "steps.0.questions.0.promt: unknown field `promt` (did you mean `prompt`?)",
    ),
    "wrong-type": Broken(
        _text(HEAD + BUDGET + "        required: maybe\n"),
        12,
        9,
        "steps.0.questions.0.required: expected true or false, found `maybe`",
    ),
    "wrong-type-list": Broken(
        _text(HEAD.replace("version: 1", "version: [1]")),
        5,
        1,
        "version: expected a whole number or text, found a list",
    ),
    "unknown-question-type": Broken(
        _text(HEAD + BUDGET.replace("number", "numbr")),
        10,
        9,
        "unknown question type `numbr`",
    ),
    "duplicate-key": Broken(
        _text(HEAD + BUDGET + "        prompt: Again?\n"),
        12,
        9,
        "duplicate key `prompt` (first at line 11)",
    ),
    "alias": Broken(
        _text(
            HEAD + "      - &q\n        id: a\n        type: text\n        prompt: A?\n      - *q\n"
        ),
        13,
        9,
        "alias *q is not allowed",
    ),
    "tab-indentation": Broken(
        _text(HEAD + BUDGET + "\thelp: Tabbed\n"), 12, 1, "indent with spaces, not tabs"
    ),
    "missing-required-field": Broken(
        _text(HEAD + "      - id: budget\n        prompt: Budget?\n"),
        9,
        9,
        "steps.0.questions.0.type: missing required field `type`",
    ),
    "missing-body": Broken(
        _text("id: demo\nkind: reference\ntitle: Demo\nlanguage: en\nversion: 1\n"),
        1,
        1,
        "a reference playbook needs a non-empty `entries` list",
    ),
    "dangling-reference-list": Broken(
        _text(
            HEAD + "      - id: rival\n        type: choice\n        prompt: Rival?\n"
            "        choices_from: {reference: competitors}\n"
        ),
        12,
        24,
        "question `rival` names a missing reference list `competitors`",
    ),
    "dangling-iteration-list": Broken(
        _text(
            HEAD + "      - id: rehearse\n        type: text\n        prompt: Rehearse\n"
            "        for_each:\n          reference: objectionz\n"
        ),
        13,
        11,
        "missing reference list `objectionz` (did you mean `objections`?)",
    ),
    "flow-missing-playbook": Broken(
        _text(FLOW_HEAD + "  - playbook: meeting\n  - playbook: mesorre\n"),
        9,
        5,
        "flow.1.playbook: the flow names a missing playbook `mesorre` (did you mean `mesore`?)",
    ),
    "condition-later-question": Broken(
        _text(
            HEAD + "      - id: a\n        type: text\n        prompt: A?\n"
            "        when: {question: b, equals: x}\n"
            "      - id: b\n        type: text\n        prompt: B?\n"
        ),
        12,
        16,
        "a condition names `b`, a question asked later",
    ),
    "condition-unknown-question": Broken(
        _text(
            HEAD + "      - id: a\n        type: text\n        prompt: A?\n"
            "        when:\n          any:\n"
            "            - {question: meeting.typ, equals: closing}\n"
        ),
        14,
        16,
        "`meeting.typ`: playbook `meeting` has no question `typ` (did you mean `type`?)",
    ),
    "condition-later-in-flow": Broken(
        _text(
            FLOW_HEAD + "  - playbook: opa\n    when: {question: meeting.type, in: [closing]}\n"
            "  - playbook: meeting\n"
        ),
        9,
        12,
        "`meeting.type` is not answered before this point of the flow",
    ),
    "condition-two-tests": Broken(
        _text(
            HEAD + "      - id: a\n        type: text\n        prompt: A?\n"
            "        when: {question: a, equals: x, in: [y]}\n"
        ),
        12,
        9,
        "a condition needs exactly one of equals, in, not_in, answered, greater_than, less_than, "
        "at_least, at_most (found equals, in)",
    ),
    "non-utf8": Broken("id: demo\nkind: prep\ntitle: Démo\n".encode("latin-1"), 3, 9, "UTF-8"),
    "bom": Broken(b"\xef\xbb\xbf" + _text(HEAD + BUDGET), 1, 1, "byte-order mark"),
    "empty": Broken(b"# nothing here yet\n", 1, 1, "the file is empty"),
    "list-at-top-level": Broken(
        b"# a list\n- id: demo\n- kind: prep\n", 2, 1, "expected a mapping"
    ),
    "deep-nesting": Broken(
        _text("id: demo\nsummary: " + "[" * 60 + "]" * 60 + "\n"), 2, 49, "nested more than"
    ),
    "huge-file": Broken(
        _text("id: demo\n# " + "x" * 1_100_000 + "\n"), 1, 1, "more than the 1,000,000 allowed"
    ),
    "two-documents": Broken(
        _text(HEAD.replace("version: 1\n", "version: 1\n---\n")), 6, 1, "more than one YAML"
    ),
    "invalid-id": Broken(
        _text(HEAD.replace("id: demo", "id: Demo Review") + BUDGET), 1, 1, "is not a valid id"
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_playbook_is_reported_with_its_line_and_column(tmp_path: Path, name: str) -> None:
    case = BROKEN[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(case.content)
    result = run("playbook", "validate", path)
    assert result.returncode == 1, result.stderr
    assert f"{path}:{case.line}:{case.column}: " in result.stderr, result.stderr
    assert case.says in result.stderr
    assert result.stdout == ""


def test_at_least_fifteen_broken_playbooks() -> None:
    assert len(BROKEN) >= 15


def test_every_error_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        HEAD
        + "      - id: a\n        type: txt\n        prompt: A?\n"
        + "      - id: b\n        type: text\n        promt: B?\n"
        + "      - id: c\n        type: choice\n        prompt: C?\n"
        + "        choices_from: {reference: competitors}\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.yaml"
    other.write_text("- not a playbook\n", encoding="utf-8")
    result = run("playbook", "validate", tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[1] for line in lines] == [
        f"{path}:10:9",
        f"{path}:14:9",
        f"{other}:1:1",
    ], result.stderr
    assert "3 problems found." in result.stderr


def test_cross_file_problems_are_found_even_with_schema_errors_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    flow = tmp_path / "flow.yaml"
    flow.write_text(FLOW_HEAD + "  - playbook: meeting\n  - playbook: nowhere\n", encoding="utf-8")
    result = run("playbook", "validate", tmp_path)
    assert result.returncode == 1
    assert f"{flow}:9:5: flow.1.playbook: the flow names a missing playbook" in result.stderr


def test_missing_path_is_an_error() -> None:
    result = run("playbook", "validate", "no/such/dir")
    assert result.returncode == 1
    assert "no/such/dir: no such file or directory" in result.stderr


def test_builtins_validate_in_both_languages() -> None:
    for lang in ("en", "fr"):
        result = run("--lang", lang, "playbook", "validate")
        assert result.returncode == 0, result.stderr
        assert "valid" in result.stderr
    assert run("playbook", "validate", BUILTIN).returncode == 0


def test_problem_lines_are_not_wrapped_by_default(tmp_path: Path) -> None:
    directory = tmp_path / ("a-rather-long-directory-name-" * 3)
    directory.mkdir()
    path = directory / "unknown-field.yaml"
    path.write_bytes(BROKEN["unknown-field"].content)
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    result = subprocess.run(
        [sys.executable, "-m", "salescoach", "playbook", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert f"{path}:12:9: steps.0.questions.0.promt: unknown field" in result.stderr


# --- the search path and overrides ---------------------------------------------------------------

TEAM_MEETING = (
    (BUILTIN / "en" / "meeting.yaml")
    .read_text(encoding="utf-8")
    .replace("title: The meeting", "title: Team meeting", 1)
    .replace("version: 1", "version: 7", 1)
)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    directory = tmp_path / "team"
    (directory / "en").mkdir(parents=True)
    (directory / "en" / "meeting.yaml").write_text(TEAM_MEETING, encoding="utf-8")
    return directory


def _listed(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    assert result.returncode == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_builtins_are_listed_with_their_origin() -> None:
    rows = _listed(run("playbook", "list", "--json"))
    assert rows["meeting"]["origin"] == "built-in"
    assert rows["meeting"]["overrides"] == []
    assert {"prep-flow", "debrief-flow", "objections", "phases"} <= set(rows)
    table = run("playbook", "list")
    assert "meeting" in table.stdout and "built-in" in table.stdout


@pytest.mark.parametrize("how", ["option", "env", "config"])
def test_a_team_directory_overrides_a_builtin(team: Path, tmp_path: Path, how: str) -> None:
    args: list[str | Path] = []
    env: dict[str, str] = {}
    if how == "option":
        args = ["--playbooks", team]
    elif how == "env":
        env = {"SALESCOACH_PLAYBOOKS": os.pathsep.join([str(tmp_path / "missing"), str(team)])}
    else:
        (tmp_path / "config.yaml").write_text(f"playbooks: [{team}]\n", encoding="utf-8")
    rows = _listed(run(*args, "playbook", "list", "--json", env=env))
    meeting = rows["meeting"]
    assert meeting["origin"] == how
    assert meeting["title"] == "Team meeting" and meeting["version"] == 7
    assert meeting["path"] == str(team / "en" / "meeting.yaml")
    assert meeting["overrides"] == [
        {"origin": "built-in", "path": str(BUILTIN / "en" / "meeting.yaml")}
    ]
    assert rows["opa"]["origin"] == "built-in"
    table = run(*args, "playbook", "list", env=env)
    assert "overrides built-in" in table.stdout
    shown = run(*args, "playbook", "show", "meeting", "--markdown", env=env)
    assert "# Team meeting" in shown.stdout


def test_later_sources_win(team: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "meeting.yaml").write_text(
        TEAM_MEETING.replace("Team meeting", "Option meeting"), encoding="utf-8"
    )
    rows = _listed(
        run(
            "--playbooks",
            other,
            "playbook",
            "list",
            "--json",
            env={"SALESCOACH_PLAYBOOKS": str(team)},
        )
    )
    assert rows["meeting"]["title"] == "Option meeting"
    assert rows["meeting"]["origin"] == "option"
    assert [o["origin"] for o in rows["meeting"]["overrides"]] == ["built-in", "env"]


def test_a_french_override_does_not_hide_the_english_builtin(team: Path) -> None:
    (team / "fr").mkdir()
    (team / "fr" / "meeting.yaml").write_text(
        TEAM_MEETING.replace("language: en", "language: fr").replace("Team", "Équipe"),
        encoding="utf-8",
    )
    (team / "en" / "meeting.yaml").unlink()
    english = _listed(run("--playbooks", team, "playbook", "list", "--json"))
    french = _listed(run("--lang", "fr", "--playbooks", team, "playbook", "list", "--json"))
    assert english["meeting"]["origin"] == "built-in"
    assert french["meeting"]["title"] == "Équipe meeting"


def test_validate_checks_the_search_path_with_the_team_directory(team: Path) -> None:
    assert run("--playbooks", team, "playbook", "validate").returncode == 0
    (team / "en" / "meeting.yaml").write_text(
        TEAM_MEETING.replace("meeting-types", "meeting-typez"), encoding="utf-8"
    )
    result = run("playbook", "validate", env={"SALESCOACH_PLAYBOOKS": str(team)})
    assert result.returncode == 1
    line = TEAM_MEETING.splitlines().index("          reference: meeting-types") + 1
    assert f"{team / 'en' / 'meeting.yaml'}:{line}:11: " in result.stderr
    assert "did you mean `meeting-types`?" in result.stderr


def test_an_override_that_breaks_a_builtin_is_reported(team: Path) -> None:
    lines = TEAM_MEETING.splitlines(keepends=True)
    phase_step = lines.index("  - id: phase\n")
    objectives_step = lines.index("  - id: objectives\n")
    (team / "en" / "meeting.yaml").write_text(
        "".join(lines[:phase_step] + lines[objectives_step:]), encoding="utf-8"
    )
    result = run("playbook", "validate", team)
    assert result.returncode == 1
    debrief = BUILTIN / "en" / "debrief.yaml"
    assert f"{debrief}:" in result.stderr
    assert "`prep.meeting.phase`: playbook `meeting` has no question `phase`" in result.stderr
    assert f"caused by {team / 'en' / 'meeting.yaml'}" in result.stderr


def test_a_broken_team_file_is_reported_and_the_builtin_used(team: Path) -> None:
    (team / "en" / "meeting.yaml").write_text(
        TEAM_MEETING.replace("kind: prep", "kind: prepp"), encoding="utf-8"
    )
    result = run("--playbooks", team, "playbook", "list", "--json")
    assert _listed(result)["meeting"]["origin"] == "built-in"
    assert f"{team / 'en' / 'meeting.yaml'}:3:1: kind:" in result.stderr


# --- show, schema --------------------------------------------------------------------------------


def test_show_spells_out_conditions_and_iterations() -> None:
    flow = run("playbook", "show", "prep-flow", "--markdown")
    assert flow.returncode == 0, flow.stderr
    assert "only when `meeting.type` is `negotiation` or `closing`" in flow.stdout
    debrief = run("playbook", "show", "debrief", "--markdown")
    assert "asked once for each item answered to `prep.meeting.objectives`" in debrief.stdout
    assert "not asked when `outcome` is `won`: the answer is then `client`" in debrief.stdout
    assert "examples of its own when `prep.meeting.type` is `closing`" in debrief.stdout
    rendered = run("playbook", "show", "objection-prep")
    assert rendered.returncode == 0 and "Objections to expect" in rendered.stdout


def test_show_a_file_and_an_unknown_id(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(HEAD.replace("id: demo", "id: deal") + BUDGET, encoding="utf-8")
    shown = run("playbook", "show", path, "--markdown")
    assert shown.returncode == 0, shown.stderr
    assert "`budget` — Budget? *(number · from standard)*" in shown.stdout
    unknown = run("playbook", "show", "meting")
    assert unknown.returncode == 1
    assert "did you mean `meeting`?" in unknown.stderr


def test_schema_command_prints_the_committed_schema() -> None:
    result = run("playbook", "schema")
    assert result.returncode == 0
    assert result.stdout == schema_text()
    assert result.stdout == (BUILTIN / "playbook.schema.json").read_text(encoding="utf-8")


# --- lint ----------------------------------------------------------------------------------------

LINTED = """\
id: deal
kind: prep
title: Deal
language: en
version: 1
steps:
  - title: Deal
    questions:
      - id: stage
        type: choice
        prompt: Stage?
        example: early
        options:
          - {value: early, label: Early}
          - {value: late, label: Late}
      - id: big
        type: yesno
        prompt: Big?
        help: Over 100 k€.
        example: true
        when: {question: stage, in: [erly]}
"""


def test_lint_warns_and_exits_zero_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(LINTED, encoding="utf-8")
    result = run("playbook", "lint", path)
    assert result.returncode == 0, result.stderr
    assert f"warning: {path}:9:9: steps.0.questions.0.id: question `stage` has no help" in (
        result.stdout
    )
    assert f"warning: {path}:21:33: steps.0.questions.1.when.in: `stage` can never be `erly`" in (
        result.stdout
    )
    assert "this condition can never hold: question `big` is never asked" in result.stdout
    assert "3 warnings in 1 playbook file." in result.stderr
    strict = run("playbook", "lint", "--strict", path)
    assert strict.returncode == 1
    assert "--strict" in strict.stderr


def test_lint_of_a_broken_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(LINTED.replace("kind: prep", "kind: prepp"), encoding="utf-8")
    result = run("playbook", "lint", path)
    assert result.returncode == 1
    assert f"{path}:2:1: kind:" in result.stderr


# --- new -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", ["prep", "debrief", "reference", "flow"])
def test_new_writes_a_commented_file_that_validates(tmp_path: Path, kind: str, lang: str) -> None:
    team = tmp_path / "team"
    result = run("--lang", lang, "playbook", "new", f"my-{kind}", "--kind", kind, "--dir", team)
    assert result.returncode == 0, result.stderr
    path = team / f"my-{kind}.yaml"
    assert result.stdout.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=playbook.schema.json"
    assert f"language: {lang}" in text and text.count("\n# ") >= 3
    assert (team / "playbook.schema.json").read_text(encoding="utf-8") == schema_text()
    assert run("--lang", lang, "playbook", "validate", path).returncode == 0
    linted = run("--lang", lang, "--playbooks", team, "playbook", "lint", path)
    assert linted.returncode == 0, linted.stderr
    if kind != "reference":
        preview = run("--lang", lang, "--playbooks", team, "playbook", "preview", f"my-{kind}")
        assert preview.returncode == 0, preview.stderr


def test_new_goes_to_the_trainer_directory_and_never_overwrites(team: Path) -> None:
    first = run("--playbooks", team, "playbook", "new", "deal-review", "--kind", "prep")
    assert first.returncode == 0, first.stderr
    # the team directory is laid out by language, like the built-ins
    path = team / "en" / "deal-review.yaml"
    assert path.is_file()
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../playbook.schema.json\n"
    )
    again = run("--playbooks", team, "playbook", "new", "deal-review", "--kind", "flow")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert "kind: prep" in path.read_text(encoding="utf-8")


def test_new_refuses_a_bad_id_and_a_bad_kind(tmp_path: Path) -> None:
    bad_id = run("playbook", "new", "Deal Review", "--kind", "prep", "--dir", tmp_path)
    assert bad_id.returncode == 1
    assert "is not a valid playbook id" in bad_id.stderr
    bad_kind = run("playbook", "new", "deal", "--kind", "survey", "--dir", tmp_path)
    assert bad_kind.returncode == 2


# --- edit ----------------------------------------------------------------------------------------

EDITOR = """\
import sys
from pathlib import Path
from typing import Any

count_file = Path(sys.argv[0]).with_suffix(".count")
count = int(count_file.read_text()) + 1 if count_file.exists() else 1
count_file.write_text(str(count))
target = Path(sys.argv[-1])
text = target.read_text(encoding="utf-8")
edits = {edits!r}
old, new = edits[min(count, len(edits)) - 1]
target.write_text(text.replace(old, new, 1), encoding="utf-8")
"""


def editor(tmp_path: Path, *edits: tuple[str, str]) -> dict[str, str]:
    """An EDITOR that applies one (old, new) replacement per opening, and counts openings."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(edits=list(edits)), encoding="utf-8")
    return {"EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}", "VISUAL": ""}


def openings(tmp_path: Path) -> int:
    count = tmp_path / "editor.count"
    return int(count.read_text()) if count.exists() else 0


def test_edit_copies_a_builtin_into_the_team_directory(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    env = editor(tmp_path, ("title: The meeting", "title: Our meeting"))
    result = run("--playbooks", team, "playbook", "edit", "meeting", env=env)
    assert result.returncode == 0, result.stderr
    copy = team / "meeting.yaml"
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=playbook.schema.json\n")
    assert "title: Our meeting" in text
    assert (team / "playbook.schema.json").is_file()
    assert "Copied the built-in `meeting`" in result.stderr
    assert "overrides the built-in" in result.stderr
    rows = _listed(run("--playbooks", team, "playbook", "list", "--json"))
    assert rows["meeting"]["title"] == "Our meeting"
    assert rows["meeting"]["overrides"][0]["origin"] == "built-in"
    # editing again opens the team's copy in place
    again = run(
        "--playbooks",
        team,
        "playbook",
        "edit",
        "meeting",
        env=editor(tmp_path, ("Our meeting", "Our meeting, v2")),
    )
    assert again.returncode == 0, again.stderr
    assert "Copied" not in again.stderr
    assert "Our meeting, v2" in copy.read_text(encoding="utf-8")


def test_edit_reopens_on_errors_until_fixed(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    env = editor(tmp_path, ("version: 1", "version: [1]"), ("version: [1]", "version: 2"))
    result = run("--playbooks", team, "playbook", "edit", "opa", env=env, input_text="y\n")
    assert result.returncode == 0, result.stderr
    assert openings(tmp_path) == 2
    assert f"{team / 'opa.yaml'}:6:1: version: expected" in result.stderr
    assert "version: 2" in (team / "opa.yaml").read_text(encoding="utf-8")
    assert "Reopen the editor" in result.stderr
    assert "is valid" in result.stderr


def test_edit_never_leaves_a_broken_file_without_saying_so(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    env = editor(tmp_path, ("kind: prep", "kind: prepp"))
    declined = run("--playbooks", team, "playbook", "edit", "opa", env=env, input_text="n\n")
    assert declined.returncode == 1
    assert openings(tmp_path) == 1
    assert f"{team / 'opa.yaml'} is left with 1 problem," in declined.stderr
    assert "kind: prepp" in (team / "opa.yaml").read_text(encoding="utf-8")
    # no terminal to answer: not reopened, and said so
    no_answer = run("--playbooks", team, "playbook", "edit", team / "opa.yaml", env=env)
    assert no_answer.returncode == 1
    assert "is left with 1 problem," in no_answer.stderr


def test_edit_without_change_removes_the_copy(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    env = editor(tmp_path, ("no such text", "nothing"))
    result = run("--playbooks", team, "playbook", "edit", "opa", env=env)
    assert result.returncode == 0, result.stderr
    assert not (team / "opa.yaml").exists()
    assert "No change" in result.stderr


def test_edit_needs_an_editor_and_a_directory(tmp_path: Path) -> None:
    no_editor = run(
        "--playbooks", tmp_path, "playbook", "edit", "opa", env={"EDITOR": "", "VISUAL": ""}
    )
    assert no_editor.returncode == 1
    assert "$VISUAL and $EDITOR are not set" in no_editor.stderr
    no_dir = run("playbook", "edit", "opa", env=editor(tmp_path, ("a", "b")))
    assert no_dir.returncode == 1
    assert "--dir DIR" in no_dir.stderr
    with_dir = run(
        "playbook",
        "edit",
        "opa",
        "--dir",
        tmp_path / "mine",
        env=editor(tmp_path, ("version: 1", "version: 2")),
    )
    assert with_dir.returncode == 0, with_dir.stderr
    assert (tmp_path / "mine" / "opa.yaml").is_file()
    assert "is not on the search path" in with_dir.stderr


# --- preview -------------------------------------------------------------------------------------


def test_preview_renders_the_sheet_and_writes_nothing(isolated_home: Path) -> None:
    result = run("playbook", "preview", "prep-flow", "--markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Prep — Acme Logistics")
    assert "## OPA" in result.stdout
    assert "nothing was saved" in result.stderr
    assert not isolated_home.exists() or not any(isolated_home.rglob("*.md"))
    rendered = run("playbook", "preview", "opa")
    assert rendered.returncode == 0 and "OPA" in rendered.stdout


def test_preview_of_a_debrief_reads_an_example_prep() -> None:
    result = run("playbook", "preview", "debrief-flow", "--markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Debrief — ")
    assert "Get the project's origin" in result.stdout  # an objective of the example prep


def test_preview_a_file_with_an_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(LINTED.replace("[erly]", "[early]"), encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("deal:\n  stage: late\n", encoding="utf-8")
    result = run("playbook", "preview", path, "--answers", answers, "--markdown")
    assert result.returncode == 0, result.stderr
    assert "**Stage:** Late" in result.stdout
    assert "Big" not in result.stdout  # asked only for early deals
    examples = run("playbook", "preview", path, "--markdown")
    assert "**Stage:** Early" in examples.stdout and "**Big:** yes" in examples.stdout


def test_preview_with_no_input_lists_missing_answers(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("meeting:\n  account: ACME\n", encoding="utf-8")
    result = run("playbook", "preview", "meeting", "--answers", answers, "--no-input")
    assert result.returncode == 1
    assert "meeting.type" in result.stderr and "meeting.objectives" in result.stderr


def test_interactive_preview_needs_a_terminal() -> None:
    result = run("playbook", "preview", "opa", "--interactive")
    assert result.returncode == 2
    assert "--interactive needs a terminal" in result.stderr


def test_preview_refuses_a_reference_list_and_a_broken_file(tmp_path: Path) -> None:
    reference = run("playbook", "preview", "objections")
    assert reference.returncode == 1
    assert "reference list" in reference.stderr
    path = tmp_path / "broken.yaml"
    path.write_bytes(BROKEN["unknown-field"].content)
    broken = run("playbook", "preview", path)
    assert broken.returncode == 1
    assert f"{path}:12:9:" in broken.stderr
