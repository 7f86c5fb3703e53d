"""The app shell: top-level help from summaries, real commands built alone, --debug tracebacks."""

from __future__ import annotations

from pathlib import Path

import typer

from salescoach.cli.app import OWNERS, SUMMARIES, command_in, new_app, register_everything
from tests.cli.helpers import salescoach


def test_summaries_are_the_first_help_line_of_every_real_command() -> None:
    real = new_app()
    register_everything(real)
    group = typer.main.get_command(real)
    assert isinstance(group, typer.core.TyperGroup)
    firsts = {
        name: (command.help or "").strip().split("\n\n")[0].replace("\n", " ")
        for name, command in group.commands.items()
    }
    assert firsts == SUMMARIES
    assert set(OWNERS) == set(SUMMARIES)


def test_the_command_is_found_after_global_options() -> None:
    assert command_in(["--home", "/tmp/x", "--lang", "fr", "list", "--json"]) == "list"
    assert command_in(["--debug", "--help"]) is None


def test_a_known_command_runs_with_only_its_module_built(isolated_home: object) -> None:
    result = salescoach("--lang", "fr", "list", "--json")
    assert result.returncode == 0
    assert result.stdout == "[]\n"


def test_debug_shows_a_traceback_and_the_default_does_not() -> None:
    plain = salescoach("show", "no-such-meeting")
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    debug = salescoach("--debug", "show", "no-such-meeting")
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr


def test_a_playbooks_folder_that_is_not_there_is_refused_not_ignored(
    isolated_home: object,
) -> None:
    result = salescoach("--playbooks", "/no/such/team-playbooks", "list")
    assert result.returncode == 2
    assert "--playbooks /no/such/team-playbooks: no such file or folder" in result.stderr
    assert "No records yet" not in result.stdout + result.stderr  # stopped before the command


def test_help_paragraphs_flow_to_the_terminal_width_examples_keep_their_lines() -> None:
    real = new_app()
    register_everything(real)
    group = typer.main.get_command(real)
    assert isinstance(group, typer.core.TyperGroup)
    prep = group.commands["prep"].help or ""
    paragraphs = prep.split("\n\n")
    assert "\n" not in paragraphs[1]  # prose: one line, wrapped by Rich at the terminal's width
    assert "  salescoach prep ACME --type negotiation" in paragraphs  # an example, as written
    shown = salescoach("agenda", "--help", env={"COLUMNS": "200"}).stdout
    assert "cadence (from the `phases` playbook), debriefs still to write." in shown


def test_help_and_an_empty_list_import_no_pydantic_yaml_or_store(
    isolated_home: Path, tmp_path: Path
) -> None:
    """Start-up is measured (benchmarks/startup.py); this keeps its heaviest imports off it,
    with no config file and with one of the usual shape (the quick reader takes it)."""
    import subprocess
    import sys

    config = tmp_path / "config.yaml"
    usual = (
        "# salescoach settings\n"
        "lang: en   # or fr\n"
        "playbooks: [team, ~/more-playbooks]\n"
        "author: Ana O'Neil\n"
        "sync: manual\n"
    )
    for text in (None, usual, "depth: quick\nplaybooks:\n  - team\n"):
        if text is not None:
            config.write_text(text, encoding="utf-8")
        for argv in (["--help"], ["--lang", "fr", "--help"], ["list"]):
            probe = (
                "import sys\n"
                "from salescoach.cli.app import run\n"
                f"code = run({argv!r})\n"
                "heavy = [m for m in ('pydantic', 'yaml', 'salescoach.store.repository') "
                "if m in sys.modules]\n"
                "print(code, heavy)\n"
            )
            done = subprocess.run(
                [sys.executable, "-c", probe],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert done.stdout.splitlines()[-1] == "0 []", (
                text,
                argv,
                done.stdout[-300:],
                done.stderr,
            )
