"""``show`` and ``debrief --example-answers`` run without Typer
(:mod:`salescoach.cli.direct_records`) answer exactly as the app does, and leave every other
command line to Typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from salescoach.cli import direct, direct_records
from salescoach.cli.app import run
from salescoach.store.repository import Repository
from tests.cli.test_direct import kind_of, options_of, the_app
from tests.reports.homes import debrief, prep

LEFT_OUT = {
    "show": {"--sheet", "--html", "--pdf", "--output", "-o"},
    "debrief": {"--answers", "--no-input"},
}
"""The options of each command that only Typer reads."""


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    first = prep(repo, "Société Générale", "2026-01-10", phase="phase-2", objectives=["a"])
    debrief(repo, first, phase="phase-3", results=["reached"], levels=["necessary"])
    prep(repo, "Société Générale", "2026-03-10", "negotiation", phase="phase-3")
    noted = prep(repo, "Acme", "2026-02-01", "presentation", phase="phase-4")
    path = repo.path_of(noted.meeting, "prep")
    text = path.read_text(encoding="utf-8")
    notes = "\nCalled **Claire** back: *confirmed*.\n\n- send the deck\n\nSee [the deck](x.pdf).\n"
    path.write_text(text + notes, encoding="utf-8")  # notes typed by hand, a link among them
    broken = isolated_home / "accounts" / "acme" / "2026-04-01-acme-discovery"
    broken.mkdir()
    (broken / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    return isolated_home


def test_its_tables_are_the_options_typer_is_given() -> None:
    group = the_app()
    for name, table in direct_records.COMMANDS.items():
        options = options_of(group.commands[name].params)
        declared = {flag: option for option in options for flag in option.opts}
        assert set(declared) == set(table) | LEFT_OUT[name], name
        taken = {flag: (declared[flag].name, kind_of(declared[flag])) for flag in table}
        assert taken == table, name
        assert not any(declared[flag].secondary_opts for flag in table)
        arguments = [p for p in group.commands[name].params if p.param_type_name == "argument"]
        fewest, most = direct_records.WORDS[name]
        assert [(p.nargs, p.required) for p in arguments] == [(1, fewest == 1)], name
        assert most == 1


PLAIN = [
    ["show", "2026-01-10-societe-generale-discovery"],
    ["show", "2026-01-10-societe"],
    ["show", "acme-presentation"],
    ["show", "societe"],
    ["show", "nothing-like-it"],
    ["show", "2026-04-01-acme-discovery"],
    ["show", "2026-01-10-societe-generale-discovery", "--kind", "debrief"],
    ["show", "-k", "prep", "2026-01-10-societe-generale-discovery"],
    ["show", "2026-03-10-societe-generale-negotiation", "--kind", "debrief"],
    ["show", "2026-01-10-societe-generale-discovery", "--kind", "bogus"],
    ["show", "2026-01-10-societe-generale-discovery", "--json"],
    ["show", "acme-presentation", "--markdown"],
    ["show", "acme-presentation", "--json", "--markdown"],
    ["show", ""],
    ["--lang", "fr", "show", "2026-01-10-societe-generale-discovery"],
    ["--lang", "fr", "show", "nothing-like-it"],
    ["--debug", "show", "acme-presentation"],
    ["--home", "elsewhere", "show", "acme"],
    ["debrief", "--last", "--example-answers"],
    ["debrief", "--example-answers"],
    ["debrief", "2026-03-10-societe-generale-negotiation", "--example-answers"],
    ["debrief", "acme", "--example-answers", "--quick"],
    ["debrief", "--last", "--example-answers", "--depth", "full"],
    ["debrief", "--last", "--example-answers", "--depth", "deep"],
    ["debrief", "--last", "--example-answers", "--flow", "no-such-flow"],
    ["debrief", "acme", "--last", "--example-answers"],
    ["debrief", "nothing-like-it", "--example-answers"],
    ["--lang", "fr", "debrief", "--last", "--example-answers"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_show_or_debrief_answers_as_the_app_does(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["list"])  # the index built, so neither run below tells it
    capsys.readouterr()
    code = direct.run_direct(argv)
    answer = capsys.readouterr()
    expected = run(argv)
    typer_answer = capsys.readouterr()
    assert (code, answer.out, answer.err) == (expected, typer_answer.out, typer_answer.err)
    assert code is not None


LEFT_TO_TYPER = [
    ["show"],
    ["show", "a", "b"],
    ["show", "acme", "--help"],
    ["show", "acme", "--sheet"],
    ["show", "acme", "--html", "-o", "page.html"],
    ["show", "acme", "--kind"],
    ["show", "acme", "--kind=prep"],
    ["show", "acme", "--json", "--json"],
    ["show", "acme", "--verbose"],
    ["debrief"],
    ["debrief", "--last"],
    ["debrief", "acme"],
    ["debrief", "--last", "--example-answers", "--no-input"],
    ["debrief", "--example-answers", "--answers", "answers.yaml"],
    ["debrief", "a", "b", "--example-answers"],
    ["debrief", "--last", "--example-answers", "--depth"],
    ["--playbooks", "team", "show", "acme"],
    ["--lang", "de", "show", "acme"],
    ["edit", "acme"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert direct.run_direct(argv) is None
    assert capsys.readouterr() == ("", "")


def test_the_installed_command_shows_and_debriefs_without_importing_typer(home: Path) -> None:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    for argv in (["show", "2026-03-10-societe"], ["debrief", "--last", "--example-answers"]):
        probe = (
            "import sys\n"
            "from salescoach.cli.direct import run_direct\n"
            f"code = run_direct({argv!r})\n"
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click')]\n"
            "print(code, loaded)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
        )
        assert done.stdout.splitlines()[-1] == "0 []", done.stderr
        main = subprocess.run(
            [sys.executable, "-m", "salescoach", *argv],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
        )
        assert main.returncode == 0
        assert main.stdout == "\n".join(done.stdout.splitlines()[:-1]) + "\n"
