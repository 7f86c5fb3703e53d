"""Nothing is written outside the home: a symlink planted in place of any file or folder the
program creates inside a home is never written through (issue 10).

The list of what is created comes from a real life of a home (prep, debrief, a failed save that
keeps a draft, list, agenda), so a file the program starts creating later is covered too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from salescoach.store.atomic import is_temp_name
from tests.cli.helpers import salescoach

# A home's life is lived again for every path it creates: a hundred runs of the command.
pytestmark = pytest.mark.timeout(1800)

TEAM_PLAYBOOK = (
    "id: notes\nkind: prep\ntitle: Notes\nlanguage: en\nversion: 1\n"
    "steps:\n  - id: all\n    title: All\n    questions:\n"
    "      - {id: story, type: paragraph, prompt: The story?, help: All of it.}\n"
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The answers files and team playbook a home's life uses (made once)."""
    folder = tmp_path_factory.mktemp("inputs")
    home = folder / "scratch-home"
    env = {"SALESCOACH_HOME": str(home)}
    prep = salescoach("prep", "Acme", "--type", "discovery", "--example-answers", env=env)
    assert prep.returncode == 0, prep.stderr
    (folder / "prep.yaml").write_text(prep.stdout, encoding="utf-8")
    saved = salescoach("prep", "--answers", str(folder / "prep.yaml"), "--no-input", env=env)
    assert saved.returncode == 0, saved.stderr
    debrief = salescoach("debrief", "--last", "--example-answers", env=env)
    assert debrief.returncode == 0, debrief.stderr
    (folder / "debrief.yaml").write_text(debrief.stdout, encoding="utf-8")
    team = folder / "team"
    team.mkdir()
    (team / "notes.yaml").write_text(TEAM_PLAYBOOK, encoding="utf-8")
    (folder / "too-big.yaml").write_text(
        "notes:\n  story: '" + "é" * 2_300_000 + "'\n", encoding="utf-8"
    )
    return {"folder": folder, "team": team}


def live(
    home: Path, inputs: dict[str, Path], *, drafts: bool = True
) -> list[tuple[list[str], int, str]]:
    """A home's life: each command with its exit code and standard error (``drafts``: with a
    save refused at the end, which keeps a draft, then ``resume``)."""
    folder = inputs["folder"]
    env = {"SALESCOACH_HOME": str(home)}
    commands = [
        ["prep", "--answers", str(folder / "prep.yaml"), "--no-input"],
        ["list"],
        ["debrief", "--last", "--answers", str(folder / "debrief.yaml"), "--no-input"],
        ["agenda"],
    ]
    if drafts:
        commands += [
            ["--playbooks", str(inputs["team"]), "prep", "Acme", "--playbook", "notes"]
            + ["--answers", str(folder / "too-big.yaml"), "--no-input"],
            ["resume"],
        ]
    results = []
    for command in commands:
        result = salescoach(*command, env=env)
        results.append((command, result.returncode, result.stderr))
    return results


@pytest.fixture(scope="module")
def created(
    inputs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> list[tuple[str, bool]]:
    """Every file and folder a home's life creates, relative to the home (and whether it is a
    folder), folders first."""
    home = tmp_path_factory.mktemp("life") / "home"
    for command, code, stderr in live(home, inputs):
        assert "Traceback" not in stderr, (command, stderr)
        assert code in (0, 1), (command, stderr)
    paths = [
        path
        for path in home.rglob("*")
        if not is_temp_name(path.name) and path.name != "__pycache__"
    ]
    assert (home / "drafts").is_dir() and not (home / ".locks").exists()
    relative = [(str(path.relative_to(home)), path.is_dir()) for path in paths]
    return sorted(relative, key=lambda item: (item[0].count("/"), item[0]))


def test_the_life_creates_what_the_layout_says(created: list[tuple[str, bool]]) -> None:
    names = [name for name, _ in created]
    for expected in ("accounts", "accounts/acme", "accounts/acme/account.yaml", "drafts"):
        assert expected in names
    assert any(name.endswith("/prep.md") for name in names)
    assert any(name.endswith("/debrief.md") for name in names)
    assert ".gitignore" in names  # what is local to the machine stays out of git


def test_a_symlink_in_place_of_any_created_path_is_never_written_through(
    created: list[tuple[str, bool]], inputs: dict[str, Path], tmp_path: Path
) -> None:
    failures = []
    for number, (name, is_folder) in enumerate(created):
        case = tmp_path / f"case-{number}"
        home = case / "home"
        outside = case / "outside"
        planted = home / name
        planted.parent.mkdir(parents=True, exist_ok=True)
        if is_folder:
            outside.mkdir(parents=True)
            planted.symlink_to(outside, target_is_directory=True)
        else:
            outside.parent.mkdir(parents=True, exist_ok=True)
            outside.write_bytes(b"precious\n")
            planted.symlink_to(outside)
        results = live(home, inputs, drafts=name.startswith("drafts"))
        crashed = [(c, code, err) for c, code, err in results if "Traceback" in err]
        written = (
            sorted(p.name for p in outside.iterdir())
            if is_folder
            else ([] if outside.read_bytes() == b"precious\n" else ["(changed)"])
        )
        if crashed or written:
            failures.append((name, written, crashed[:1]))
        assert os.path.lexists(planted)
    assert not failures, failures
