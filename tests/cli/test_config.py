"""``config show|path|edit``: the settings in use, located errors with "did you mean", an editor."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from salescoach.cli.app import run


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config.yaml"  # where conftest points SALESCOACH_CONFIG


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_path_is_where_the_settings_are_read_from(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "config", "path") == (0, f"{config}\n", "")


def test_show_tells_the_settings_and_what_they_lead_to(
    config: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.write_text("lang: fr\nplaybooks: [team]\n", encoding="utf-8")
    code, out, err = _run(capsys, "config", "show", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["lang"] == "fr"
    assert shown["playbooks"] == [str((config.parent / "team").resolve())]
    assert shown["in_use"] == {"language": "fr", "data_home": str(isolated_home)}
    code, out, err = _run(capsys, "config", "show")
    assert code == 0
    assert "langue utilisée" in out and str(config) in err


def test_a_misspelt_key_or_value_is_located_with_a_suggestion(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.write_text("lang: fre\nplaybook: [team]\n", encoding="utf-8")
    code, out, err = _run(capsys, "config", "show")
    assert code == 1 and out == ""
    assert f"{config}:1:1: lang: `fre` is not one of en, fr (did you mean `fr`?)" in err
    assert f"{config}:2:1: playbook: `playbook` is not a setting (did you mean `playbooks`?)" in err
    assert "Traceback" not in err


def _editor(tmp_path: Path, *contents: str) -> str:
    """An editor that writes each content in turn, one per opening."""
    script = tmp_path / "editor.py"
    turns = tmp_path / "turns"
    turns.write_text("0", encoding="utf-8")
    script.write_text(
        "import sys, pathlib\n"
        f"turns = pathlib.Path({str(turns)!r})\n"
        "turn = int(turns.read_text())\n"
        f"contents = {list(contents)!r}\n"
        "pathlib.Path(sys.argv[1]).write_text(contents[min(turn, len(contents) - 1)])\n"
        "turns.write_text(str(turn + 1))\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_edit_creates_a_private_commented_file_and_checks_it_on_close(
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "lang: fr\n"))
    code, _, err = _run(capsys, "config", "edit")
    assert code == 0, err
    assert config.read_text(encoding="utf-8") == "lang: fr\n"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert "is valid" in err


def test_edit_offers_to_reopen_until_the_file_is_fixed(
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "lang: de\n", "lang: en\n"))
    monkeypatch.setattr("typer.confirm", lambda *args, **kwargs: True)
    code, _, err = _run(capsys, "config", "edit")
    assert code == 0, err
    assert "`de` is not one of en, fr" in err
    assert config.read_text(encoding="utf-8") == "lang: en\n"


def test_edit_left_broken_says_so_and_exits_1(
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config.write_text("lang: fr\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "langue: fr\n"))
    monkeypatch.setattr("typer.confirm", lambda *args, **kwargs: False)
    code, _, err = _run(capsys, "config", "edit")
    assert code == 1
    # Told in the language the config said before the edit broke it, every line of it.
    assert "`langue` n'est pas un réglage (vouliez-vous dire `lang`\u00a0?)" in err
    assert "config edit" in err
    assert "error" not in err and "erreur" in err


def test_the_playbook_schema_is_written_as_a_shareable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "playbook.schema.json"
    code, out, err = _run(capsys, "playbook", "schema", "-o", str(target))
    assert (code, out) == (0, ""), err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # committed and read by a whole team
    assert json.loads(target.read_text(encoding="utf-8"))["title"]
