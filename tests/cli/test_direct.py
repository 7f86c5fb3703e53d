"""``search`` run without Typer (:mod:`salescoach.cli.direct`) answers exactly as the app does,
and leaves every other command line to Typer."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from salescoach.cli import direct, direct_records, direct_reports, plain_options
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


@functools.cache
def the_app() -> Any:
    """The click group Typer makes of the app, every command registered."""
    app = new_app()
    register_everything(app)
    return typer.main.get_command(app)


def options_of(params: list[Any]) -> list[Any]:
    return [param for param in params if param.param_type_name == "option"]


def kind_of(option: Any) -> str:
    """The kind of :mod:`salescoach.cli.plain_options` a Typer option is read as."""
    if option.is_flag:
        return plain_options.FLAG
    if option.multiple:
        assert option.type.name == "path"
        return plain_options.PATHS
    if type(option.type).__name__ == "IntRange":
        assert option.type.max is None
        return {0: plain_options.COUNT, 1: plain_options.POSITIVE}[option.type.min]
    assert option.type.name in ("str", "path", "choice")
    return plain_options.TEXT


def default_of(option: Any) -> Any:
    """What the command is given for ``option`` when it is not on the command line."""
    return [] if option.multiple else option.default  # the commands read None as no path


LEFT_OUT: dict[tuple[str, ...], set[str]] = {
    ("show",): {"--sheet", "--html", "--pdf", "--output", "-o"},
    ("debrief",): {"--answers", "--no-input"},
}
"""The options of a command that only Typer reads."""
TABLES: list[tuple[tuple[str, ...], plain_options.Table, list[tuple[int, bool]]]] = [
    (("search",), direct.SEARCH, [(-1, True)]),
    *(
        (words, table, [(1, True)] * direct_reports.ARGUMENTS.get(words, 0))
        for words, table in direct_reports.COMMANDS.items()
    ),
    *(
        ((name,), table, [(1, direct_records.WORDS[name][0] == 1)])
        for name, table in direct_records.COMMANDS.items()
    ),
]
"""Each command run without Typer: its words, its table, its arguments (nargs, required)."""


@pytest.mark.parametrize(
    ("words", "table", "arguments"), TABLES, ids=[" ".join(words) for words, _, _ in TABLES]
)
def test_its_tables_are_the_options_typer_is_given(
    words: tuple[str, ...], table: plain_options.Table, arguments: list[tuple[int, bool]]
) -> None:
    command = the_app()
    for word in words:
        command = command.commands[word]
    declared = {flag: option for option in options_of(command.params) for flag in option.opts}
    assert set(declared) == set(table) | LEFT_OUT.get(words, set())
    taken = {
        flag: (declared[flag].name, kind_of(declared[flag]), declared[flag].default)
        for flag in table
    }
    assert taken == {
        flag: (option.parameter, option.kind, option.default if option.kind != "flag" else False)
        for flag, option in table.items()
    }
    assert plain_options.defaults(table) == {
        declared[flag].name: default_of(declared[flag]) for flag in table
    }
    assert not any(declared[flag].secondary_opts for flag in table)
    declared_arguments = [p for p in command.params if p.param_type_name == "argument"]
    assert [(p.nargs, p.required) for p in declared_arguments] == arguments


def test_the_global_options_are_those_typer_is_given() -> None:
    group = the_app()
    taken = {
        name: (option.name, kind_of(option))
        for option in options_of(group.params)
        if option.name in ("home", "lang", "debug")
        for name in option.opts
    }
    assert taken == {
        flag: (option.parameter, option.kind) for flag, option in plain_options.GLOBAL.items()
    }
    (home,) = [param for param in group.params if param.name == "home"]
    (lang,) = [param for param in group.params if param.name == "lang"]
    assert home.envvar == direct.HOME_ENV
    assert tuple(lang.type.choices) == plain_options.LANGUAGES == tuple(Language.__members__)
    assert direct.COMPLETE_ENV == COMPLETE_VAR


SAMPLES = {"text": "x y", "count": "3", "positive": "3", "paths": "some/where"}
"""A value Typer takes for each kind of option."""
EVERY_OPTION = [
    (flag, option, table) for _, table, _ in TABLES for flag, option in table.items()
] + [(flag, option, plain_options.GLOBAL) for flag, option in plain_options.GLOBAL.items()]


def read(arguments: list[str], table: plain_options.Table) -> Any:
    if table is plain_options.GLOBAL:
        found = plain_options.read_global(arguments)
        return None if found is None else (found[0], arguments[found[1] :])
    return plain_options.read_options(arguments, table)


@pytest.mark.parametrize(
    ("flag", "option", "table"), EVERY_OPTION, ids=[flag for flag, _, _ in EVERY_OPTION]
)
def test_every_option_is_read_by_the_same_rules(
    flag: str, option: plain_options.Option, table: plain_options.Table
) -> None:
    """``--name value`` and ``--name=value`` alike, at most once (paths: as often as given), and
    anything else — an unknown option, ``--``, a missing value, a flag given one — left to Typer."""
    if option.kind == plain_options.FLAG:
        found = read([flag], table)
        assert found is not None and found[0][option.parameter] is True
        assert read([f"{flag}=yes"], table) is None
        assert read([flag, flag], table) is None
    else:
        value = "fr" if option.parameter == "lang" else SAMPLES[option.kind]
        found = read([flag, value], table)
        expected = {"count": 3, "positive": 3, "paths": [Path(value)]}.get(option.kind, value)
        assert found is not None and found[0][option.parameter] == expected
        if flag.startswith("--"):
            assert read([f"{flag}={value}"], table) == found
        else:
            assert read([f"{flag}={value}"], table) is None  # click reads "=x y" as the value
        assert read([flag], table) is None
        assert read([flag, "-x"], table) is None
        twice = read([flag, value, flag, value], table)
        if option.kind == plain_options.PATHS:
            assert twice is not None and twice[0][option.parameter] == [Path(value)] * 2
        else:
            assert twice is None
    for other in ("--", "-", "--nope", "-h", "--help"):
        assert read([other], table) is None


def test_a_language_typer_would_refuse_is_left_to_it() -> None:
    assert plain_options.read_global(["--lang", "de", "search"]) is None
    assert plain_options.read_global(["--lang=fr", "search"]) == ({"lang": "fr"}, 1)


def test_the_options_not_given_stand_for_their_defaults() -> None:
    found = plain_options.read_options(["unions", "--json"], direct.SEARCH)
    assert found == (
        {
            "account": None,
            "kind": None,
            "meeting_type": None,
            "since": None,
            "until": None,
            "limit": plain_options.SEARCH_LIMIT,
            "as_json": True,
            "rescan": False,
        },
        ["unions"],
    )
    team = plain_options.read_options([], direct_reports.COMMANDS[("report", "team")])
    assert team is not None and team[0]["homes"] == [] and team[0]["homes"] is not team[0]["teams"]


PLAIN = [
    ["search", "unions"],
    ["search", "unions", "--limit", "2"],
    ["search", "unions", "--limit=2"],
    ["search", "unions", "--account=Société Générale", "--since=2026-02-01"],
    ["search", "unions", "--account=", "--kind=-prep"],
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
    ["--home=elsewhere", "--lang=fr", "search", "unions"],
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
    answers_as_the_app_does(argv, capsys)


def answers_as_the_app_does(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``argv`` run without Typer is run, and answers as the app does: code, stdout, stderr."""
    code = direct.run_direct(argv)
    answer = capsys.readouterr()
    expected = run(argv)
    typer_answer = capsys.readouterr()
    assert (code, answer.out, answer.err) == (expected, typer_answer.out, typer_answer.err)
    assert code is not None


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
    ["list", "search"],
    ["--version"],
    ["--help"],
    ["--help", "search"],
    ["search"],
    ["search", "--help"],
    ["search", "-h", "unions"],
    ["search", "unions", "--limit", "-1"],
    ["search", "unions", "--limit=-1"],
    ["search", "unions", "--limit="],
    ["search", "unions", "-n=1"],
    ["search", "unions", "--json=yes"],
    ["search", "unions", "--limit", "two"],
    ["search", "unions", "--limit"],
    ["search", "unions", "--account"],
    ["search", "unions", "--account", "-x"],
    ["search", "unions", "--json", "--json"],
    ["search", "unions", "-n", "1", "--limit", "2"],
    ["search", "unions", "--nope"],
    ["search", "unions", "-"],
    ["search", "--", "-unions"],
    ["search", "unions", "--", "--json"],
    ["search", "unions", "--home", "elsewhere"],
    ["--lang", "de", "search", "unions"],
    ["--lang", "search", "unions"],
    ["--lang=de", "search", "unions"],
    ["--debug=1", "search", "unions"],
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


WITHOUT_TYPER = [
    (["search", "unions", "--limit", "1"], ("typer", "click", "rich")),
    (["--lang=fr", "search", "unions", "--json"], ("typer", "click", "rich")),
    (["report", "funnel"], ("typer", "click")),
    (["agenda", "--today=2026-01-01", "--days", "90"], ("typer", "click")),
    (["show", "2026-03-10-societe"], ("typer", "click")),
    (["debrief", "--last", "--example-answers"], ("typer", "click")),
]


@pytest.mark.parametrize(
    ("argv", "unloaded"), WITHOUT_TYPER, ids=[" ".join(a) for a, _ in WITHOUT_TYPER]
)
def test_the_installed_command_runs_without_importing_typer(
    argv: list[str], unloaded: tuple[str, ...], home: Path
) -> None:
    (home / "accounts" / "acme" / "2026-04-01-acme-discovery" / "prep.md").unlink()
    environment = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")
    }
    probe = (
        "import sys\n"
        "from salescoach.cli.direct import run_direct\n"
        f"code = run_direct({argv!r})\n"
        f"loaded = [m for m in sys.modules if m.split('.')[0] in {unloaded!r}]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, timeout=60
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
    assert main.stderr == done.stderr


def test_a_search_says_how_many_records_it_left_out(home: Path) -> None:
    (home / "accounts" / "acme" / "2026-04-01-acme-discovery" / "prep.md").unlink()
    main = subprocess.run(
        [sys.executable, "-m", "salescoach", "search", "unions", "--limit", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
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
