"""Shell completion: scripts for bash, zsh and fish; one command installs them; bash completes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from salescoach.cli.completion import Shell, install, script
from tests.cli.helpers import SALESCOACH, salescoach


@pytest.mark.parametrize("shell", list(Shell))
def test_each_shell_gets_a_script_that_asks_salescoach(shell: Shell) -> None:
    shown = salescoach("completion", "show", shell.value)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == script(shell)
    assert "_SALESCOACH_COMPLETE=complete_" + shell.value in shown.stdout
    assert "salescoach" in shown.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_commands_options_and_choices(tmp_path: Path) -> None:
    script_file = tmp_path / "salescoach.bash"
    script_file.write_text(script(Shell.bash), encoding="utf-8")

    def complete(*words: str) -> list[str]:
        line = " ".join(f"'{word}'" for word in words)
        program = (
            f"source '{script_file}'; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
            '_salescoach_completion salescoach; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        done = subprocess.run(
            ["bash", "--norc", "-c", program],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            env={**os.environ, "PATH": f"{SALESCOACH.parent}{os.pathsep}{os.environ['PATH']}"},
        )
        return done.stdout.split()

    assert complete("salescoach", "rep") == ["report"]
    assert "--type" in complete("salescoach", "prep", "--ty")
    assert complete("salescoach", "report", "ph") == ["phases"]
    assert complete("salescoach", "--lang", "") == ["en", "fr"]


def test_install_writes_where_each_shell_looks_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    fish, no_rc = install(Shell.fish)
    assert fish == tmp_path / ".config/fish/completions/salescoach.fish" and no_rc is None
    zsh, zshrc = install(Shell.zsh)
    assert zsh == tmp_path / ".zfunc/_salescoach" and zshrc == tmp_path / ".zshrc"
    bash, bashrc = install(Shell.bash)
    assert bash == tmp_path / ".local/share/bash-completion/completions/salescoach"
    install(Shell.bash)  # again: the start-up line is not added twice
    assert bashrc is not None
    assert bashrc.read_text(encoding="utf-8").count(str(bash)) == 2  # [ -f X ] && . X, once
    for path, shell in ((fish, Shell.fish), (zsh, Shell.zsh), (bash, Shell.bash)):
        assert path.read_text(encoding="utf-8") == script(shell)
        assert path.stat().st_mode & 0o777 == 0o644


def test_the_command_installs_for_the_shell_in_SHELL(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/usr/bin/fish", "XDG_CONFIG_HOME": ""}
    done = salescoach("completion", "install", env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".config/fish/completions/salescoach.fish").is_file()
    unknown = salescoach("completion", "install", env={"HOME": str(tmp_path), "SHELL": "/bin/tcsh"})
    assert unknown.returncode == 2
    assert "completion install bash" in unknown.stderr
