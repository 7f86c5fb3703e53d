"""``agenda``, ``account`` and ``report …`` run without Typer
(:mod:`salescoach.cli.direct_reports`) answer exactly as the app does, and leave every other
command line to Typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from salescoach.cli import direct, direct_reports
from salescoach.cli.app import run
from salescoach.store.repository import Repository
from tests.cli.test_direct import options_of, the_app
from tests.reports.homes import debrief, prep


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    first = prep(repo, "Société Générale", "2026-01-10", phase="phase-2", objectives=["a"])
    debrief(repo, first, phase="phase-3", results=["reached"], levels=["necessary", "useful"])
    prep(repo, "Société Générale", "2026-03-10", phase="phase-3")
    ahead = prep(repo, "Acme", "2026-02-01", "presentation", phase="phase-4")
    debrief(repo, ahead, phase="client", objections=[("price-too-high", 3)])
    broken = isolated_home / "accounts" / "acme" / "2026-04-01-acme-discovery"
    broken.mkdir()
    (broken / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    return isolated_home


def kind_of(option: Any) -> str:
    if option.is_flag:
        return direct.FLAG
    if option.multiple:
        assert option.type.name == "path"
        return direct_reports.PATHS
    if type(option.type).__name__ == "IntRange":
        assert option.type.max is None
        return {0: direct.COUNT, 1: direct_reports.POSITIVE}[option.type.min]
    assert option.type.name == "str"
    return direct.TEXT


def test_its_tables_are_the_options_typer_is_given() -> None:
    group = the_app()
    defaults: dict[str, Any] = {}
    for words, table in direct_reports.COMMANDS.items():
        command = group.commands[words[0]]
        for word in words[1:]:
            command = command.commands[word]
        options = options_of(command.params)
        assert {
            name: (option.name, kind_of(option)) for option in options for name in option.opts
        } == table, words
        assert not any(option.secondary_opts for option in options)
        arguments = [param for param in command.params if param.param_type_name == "argument"]
        assert [(param.nargs, param.required) for param in arguments] == [(1, True)] * (
            direct_reports.ARGUMENTS.get(words, 0)
        )
        defaults |= {
            option.name: option.default
            for option in options
            if option.default not in (None, False) and not option.multiple
        }
    assert defaults == direct_reports.DEFAULTS
    # Every report is there, and only report team takes paths.
    assert {words[1] for words in direct_reports.COMMANDS if words[0] == "report"} == set(
        group.commands["report"].commands
    )


PLAIN = [
    ["agenda", "--today", "2026-01-20"],
    ["agenda", "--today", "2026-01-20", "--days", "30", "--limit", "1"],
    ["agenda", "--json", "--today", "2026-03-01", "--limit", "0"],
    ["agenda", "--rescan", "--days", "0", "--today", "2026-02-02"],
    ["agenda", "--today", "yesterday"],
    ["agenda", "--today", ""],
    ["agenda"],
    ["account", "acme"],
    ["account", "Société Générale", "--json"],
    ["account", "--rescan", "acme"],
    ["account", "nobody"],
    ["report", "objections"],
    ["report", "objections", "--json"],
    ["report", "objectives", "--rescan"],
    ["report", "phases", "--today", "2026-03-01"],
    ["report", "phases", "--today", "2026-06-01", "--stuck-after", "1", "--json"],
    ["report", "phases", "--today", "2026-13-01"],
    ["report", "funnel"],
    ["report", "funnel", "--json"],
    ["report", "team", "--today", "2026-03-01"],
    ["report", "team", "--home", "HOME", "--today", "2026-03-01"],
    ["report", "team", "--home", "HOME", "--home", "HOME/accounts", "--json"],
    ["report", "team", "--home", "nowhere", "--today", "2026-03-01"],
    ["report", "team", "--team", "HOME", "--today", "2026-03-01"],
    ["report", "team", "--team", "."],
    ["--lang", "fr", "agenda", "--today", "2026-01-20"],
    ["--lang", "fr", "report", "phases", "--today", "2026-03-01"],
    ["--lang", "fr", "report", "funnel"],
    ["--lang", "fr", "report", "team", "--home", "HOME", "--today", "2026-03-01"],
    ["--lang", "fr", "agenda", "--today", "hier"],
    ["--debug", "report", "funnel"],
    ["--home", "elsewhere", "agenda"],
    ["--home", "", "report", "funnel"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_report_answers_as_the_app_does(
    argv: list[str],
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # --home "" is the current folder
    argv = [argument.replace("HOME", str(home)) for argument in argv]
    run(argv)  # the index built, so neither run below tells it
    capsys.readouterr()
    code = direct.run_direct(argv)
    answer = capsys.readouterr()
    expected = run(argv)
    typer_answer = capsys.readouterr()
    assert (code, answer.out, answer.err) == (expected, typer_answer.out, typer_answer.err)
    assert code is not None


LEFT_TO_TYPER = [
    ["report"],
    ["report", "nothing"],
    ["report", "--help"],
    ["report", "funnel", "--help"],
    ["agenda", "-h"],
    ["agenda", "--days=3"],
    ["agenda", "--days", "-1"],
    ["agenda", "--days", "three"],
    ["agenda", "--days"],
    ["agenda", "--today", "--json"],
    ["agenda", "--json", "--json"],
    ["agenda", "--limit", "1", "--limit", "2"],
    ["agenda", "extra"],
    ["agenda", "--home", "elsewhere"],
    ["account"],
    ["account", "acme", "beta"],
    ["report", "phases", "--stuck-after", "0"],
    ["report", "funnel", "--today", "2026-01-01"],
    ["report", "team", "--home"],
    ["report", "team", "--json", "--json"],
    ["--lang", "de", "agenda"],
    ["--lang", "agenda"],
    ["--playbooks", "team", "agenda"],
    ["--version", "agenda"],
    ["--debug", "--debug", "agenda"],
    ["export"],
    ["list"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert direct.run_direct(argv) is None
    assert capsys.readouterr() == ("", "")


def test_the_installed_command_runs_reports_without_importing_typer(home: Path) -> None:
    (home / "accounts" / "acme" / "2026-04-01-acme-discovery" / "prep.md").unlink()
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    probe = (
        "import sys\n"
        "from salescoach.cli.direct import run_direct\n"
        "code = run_direct(['report', 'funnel'])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click')]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "0 []"
    main = subprocess.run(
        [sys.executable, "-m", "salescoach", "report", "funnel"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert main.returncode == 0
    assert main.stdout == "\n".join(done.stdout.splitlines()[:-1]) + "\n"
