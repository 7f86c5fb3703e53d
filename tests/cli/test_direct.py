"""``search`` run without Typer (:mod:`salescoach.cli.direct`) answers exactly as the app does,
and leaves every other command line to Typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from salescoach.cli import direct
from salescoach.cli.app import COMPLETE_VAR, Language, new_app, register_everything, run
from salescoach.store.repository import Repository
from tests.store.test_search import save


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    for day in ("2026-01-10", "2026-02-10", "2026-03-10"):
        save(repo, "Société Générale", day, {"context": f"The unions met on {day}."})
    save(repo, "Acme", "2026-01-05", {"context": "Pricing only."}, notes="Unions? Not here.")
    broken = isolated_home / "accounts" / "acme" / "2026-04-01-acme-discovery"
    broken.mkdir()
    (broken / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    return isolated_home


def the_app() -> Any:
    """The click group Typer makes of the app, every command registered."""
    app = new_app()
    register_everything(app)
    return typer.main.get_command(app)


def options_of(params: list[Any]) -> list[Any]:
    return [param for param in params if param.param_type_name == "option"]


def kind_of(option: Any) -> str:
    if option.is_flag:
        return direct.FLAG
    if type(option.type).__name__ == "IntRange" and option.type.min == 0:
        return direct.COUNT
    assert option.type.name in ("str", "path", "choice")
    return direct.TEXT


def test_its_tables_are_the_options_typer_is_given() -> None:
    group = the_app()
    search = group.commands["search"]
    assert {
        name: (option.name, kind_of(option))
        for option in options_of(search.params)
        for name in option.opts
    } == direct.SEARCH
    (words,) = [param for param in search.params if param.param_type_name == "argument"]
    assert (words.name, words.nargs, words.required) == ("words", -1, True)
    taken = {
        name: (option.name, kind_of(option))
        for option in options_of(group.params)
        if option.name in ("home", "lang", "debug")
        for name in option.opts
    }
    assert taken == direct.GLOBAL
    (home,) = [param for param in group.params if param.name == "home"]
    (lang,) = [param for param in group.params if param.name == "lang"]
    assert home.envvar == direct.HOME_ENV
    assert tuple(lang.type.choices) == direct.LANGUAGES == tuple(Language.__members__)
    assert direct.COMPLETE_ENV == COMPLETE_VAR


PLAIN = [
    ["search", "unions"],
    ["search", "unions", "--limit", "2"],
    ["search", "-n", "1", "unions"],
    ["search", "unions", "--limit", "0"],
    ["search", "unions", "--json"],
    ["search", "societe", "--kind", "prep", "--since", "2026-02-01"],
    ["search", "unions", "-a", "Société Générale", "-t", "discovery", "--until", "2026-02-28"],
    ["search", "-k", "debrief", "unions"],
    ["search", "--rescan", "unions", "met"],
    ["search", '"unions met"', "--json"],
    ["search", "unions met"],
    ["search", "uni*"],
    ["search", "nothing-here"],
    ["search", "unions", "--kind", "memo"],
    ["search", "unions", "--since", "yesterday"],
    ["search", "unions", "--account", "Nobody"],
    ["search", ""],
    ["search", "*"],
    ["--lang", "fr", "search", "unions"],
    ["--lang", "fr", "search", "unions", "--kind", "memo"],
    ["--debug", "search", "unions", "--limit", "1"],
    ["--home", "elsewhere", "search", "unions"],
    ["--home", "", "search", "unions"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_search_answers_as_the_app_does(
    argv: list[str],
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # --home "" is the current folder
    code = direct.run_direct(argv)
    answer = capsys.readouterr()
    expected = run(argv)
    typer_answer = capsys.readouterr()
    assert (code, answer.out, answer.err) == (expected, typer_answer.out, typer_answer.err)


def test_the_home_comes_from_the_environment_as_typer_reads_it(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for value in ("", str(home / "nowhere")):
        monkeypatch.setenv("SALESCOACH_HOME", value)
        code = direct.run_direct(["search", "unions"])
        answer = capsys.readouterr()
        assert (code, answer.out, answer.err) == (run(["search", "unions"]), *capsys.readouterr())


@pytest.mark.parametrize(
    "config", ["lang: fr\nplaybooks: [team]\n", "lang: [not, a, language\n", "depth: deep\n"]
)
def test_a_config_file_is_read_as_the_app_reads_it(
    config: str, home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "team").mkdir(exist_ok=True)
    code = direct.run_direct(["search", "unions"])
    answer = capsys.readouterr()
    expected = run(["search", "unions"])
    assert (code, answer.out, answer.err) == (expected, *capsys.readouterr())


LEFT_TO_TYPER = [
    [],
    ["list"],
    ["list", "search"],
    ["--version"],
    ["--help"],
    ["--help", "search"],
    ["search"],
    ["search", "--help"],
    ["search", "-h", "unions"],
    ["search", "unions", "--limit=2"],
    ["search", "unions", "--limit", "-1"],
    ["search", "unions", "--limit", "two"],
    ["search", "unions", "--limit"],
    ["search", "unions", "--account"],
    ["search", "unions", "--account", "-x"],
    ["search", "unions", "--json", "--json"],
    ["search", "unions", "-n", "1", "--limit", "2"],
    ["search", "unions", "--nope"],
    ["search", "unions", "-"],
    ["search", "--", "-unions"],
    ["search", "unions", "--home", "elsewhere"],
    ["--lang", "de", "search", "unions"],
    ["--lang", "search", "unions"],
    ["--playbooks", "team", "search", "unions"],
    ["--home", "search"],
    ["-h", "search", "unions"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert direct.run_direct(argv) is None
    assert capsys.readouterr() == ("", "")


def test_shell_completion_is_left_to_typer(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(COMPLETE_VAR, "complete_bash")
    assert direct.run_direct(["search", "unions"]) is None
    assert capsys.readouterr() == ("", "")


def test_the_installed_command_searches_without_importing_typer_or_rich(home: Path) -> None:
    (home / "accounts" / "acme" / "2026-04-01-acme-discovery" / "prep.md").unlink()
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    probe = (
        "import sys\n"
        "from salescoach.cli.direct import run_direct\n"
        "code = run_direct(['search', 'unions', '--limit', '1'])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich')]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "0 []"
    main = subprocess.run(
        [sys.executable, "-m", "salescoach", "search", "unions", "--limit", "1"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert main.returncode == 0
    assert main.stdout == "\n".join(done.stdout.splitlines()[:-1]) + "\n"
    assert main.stderr == "1 of 4 records shown; --limit 0 shows them all.\n"


@pytest.mark.parametrize("direct_run", [True, False], ids=["direct", "typer"])
def test_a_reader_that_goes_away_ends_the_search_quietly(
    isolated_home: Path, direct_run: bool
) -> None:
    """``salescoach search … | head -1``: exit 1 without a word, as click does."""
    repo = Repository(isolated_home)
    for day in range(1, 29):
        save(repo, "Acme", f"2026-02-{day:02d}", {"context": "The unions met again. " * 20})
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    runner = (
        "from salescoach.__main__ import main; main()"
        if direct_run
        else "import sys; from salescoach.cli.app import run; sys.exit(run(sys.argv[1:]))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", runner, "search", "unions", "--limit", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # gone before the first line
    with process.stderr:
        errors = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert errors == b""
