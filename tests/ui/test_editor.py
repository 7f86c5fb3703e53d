"""The editor setting is split as each platform writes it; a Windows path survives whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from salescoach.errors import SalescoachError
from salescoach.ui.editor import editor_command, run_editor, split_command


@pytest.mark.parametrize(
    ("value", "windows", "expected"),
    [
        ("nano", False, ["nano"]),
        ("code --wait", False, ["code", "--wait"]),
        ("vim -u 'my vimrc'", False, ["vim", "-u", "my vimrc"]),
        (r"C:\Windows\notepad.exe", True, [r"C:\Windows\notepad.exe"]),
        (r"C:\Windows\notepad.exe", False, [r"C:\Windows\notepad.exe"]),
        (
            r'"C:\Program Files\Notepad++\notepad++.exe" -multiInst',
            True,
            [r"C:\Program Files\Notepad++\notepad++.exe", "-multiInst"],
        ),
        (
            r"C:\Program Files\Notepad++\notepad++.exe",
            True,
            [r"C:\Program Files\Notepad++\notepad++.exe"],
        ),
        ("notepad", True, ["notepad"]),
    ],
)
def test_editor_settings_are_split_as_their_platform_writes_them(
    value: str, windows: bool, expected: list[str]
) -> None:
    assert split_command(value, windows=windows) == expected


def test_a_path_with_spaces_that_exists_is_one_program(tmp_path: Path) -> None:
    program = tmp_path / "My Editor" / "edit"
    program.parent.mkdir()
    program.write_text("", encoding="utf-8")
    assert split_command(str(program), windows=False) == [str(program)]


def test_visual_wins_over_editor_and_none_is_a_clear_error() -> None:
    assert editor_command("en", {"VISUAL": "code --wait", "EDITOR": "nano"}) == ["code", "--wait"]
    assert editor_command("en", {"EDITOR": "nano"}) == ["nano"]
    with pytest.raises(SalescoachError, match=r"\$VISUAL and \$EDITOR"):
        editor_command("en", {})
    with pytest.raises(SalescoachError, match="aucun éditeur"):
        editor_command("fr", {"EDITOR": "  "})


def test_the_editor_runs_on_the_file_and_its_status_is_returned(tmp_path: Path) -> None:
    target = tmp_path / "file.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    script = "import sys; open(sys.argv[1], 'a').write('b: 2\\n'); sys.exit(3)"
    assert run_editor("en", [sys.executable, "-c", script], target) == 3
    assert target.read_text(encoding="utf-8") == "a: 1\nb: 2\n"
    with pytest.raises(SalescoachError, match="cannot start the editor"):
        run_editor("en", [str(tmp_path / "no-such-editor")], target)
