"""The error edge: a known error is a paragraph and exit 1; a bug is one line and a log file."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.cli.app import run
from salescoach.cli.edge import LOGS_KEPT, UNEXPECTED_EXIT, write_log
from salescoach.store.repository import Repository


def _boom(self: Repository, query: str) -> str:
    raise RuntimeError("the disk said no")


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Repository, "resolve_meeting", _boom)
    code = run(["show", "acme"])
    captured = capsys.readouterr()
    assert code == UNEXPECTED_EXIT
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert "RuntimeError: the disk said no" in line
    assert "test_edge.py" in line or "repository" in line or "showing.py" in line
    (log,) = (tmp_path / "cache" / "logs").glob("error-*.log")
    assert str(log) in line
    text = log.read_text(encoding="utf-8")
    assert "command: salescoach show acme" in text
    assert "Traceback (most recent call last)" in text and "the disk said no" in text
    assert log.stat().st_mode & 0o777 == 0o600


def test_debug_prints_the_traceback_of_an_unexpected_error_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Repository, "resolve_meeting", _boom)
    assert run(["--debug", "show", "acme"]) == UNEXPECTED_EXIT
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().splitlines()[-1].startswith("salescoach failed unexpectedly")


def test_the_one_line_is_in_french_with_lang_fr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Repository, "resolve_meeting", _boom)
    assert run(["--lang", "fr", "show", "acme"]) == UNEXPECTED_EXIT
    assert "a échoué de façon inattendue" in capsys.readouterr().err


def test_a_known_error_is_one_paragraph_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "no-such-meeting"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "\n\n" not in err.strip() and "Traceback" not in err


def test_without_a_writable_cache_the_line_still_says_how_to_see_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_CACHE", str(blocked))
    monkeypatch.setattr(Repository, "resolve_meeting", _boom)
    assert run(["show", "acme"]) == UNEXPECTED_EXIT
    assert "--debug" in capsys.readouterr().err


def test_old_logs_are_pruned(tmp_path: Path) -> None:
    logs = tmp_path / "cache" / "logs"
    logs.mkdir(parents=True)
    for number in range(LOGS_KEPT + 5):
        (logs / f"error-2020{number:04d}-1.log").write_text("old", encoding="utf-8")
    assert write_log(["list"], "Traceback") is not None
    assert len(list(logs.glob("error-*.log"))) == LOGS_KEPT
