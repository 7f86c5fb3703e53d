"""Fixtures of the command tests: the CLI run in this process, and the isolated home's store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from salescoach.cli.app import run
from salescoach.store.repository import Repository


class Result:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def salescoach(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``salescoach ARGS`` in this process; Rich as wide as a big terminal, so no line of
    the expected output is wrapped."""
    from rich.console import Console

    from salescoach.ui import console

    monkeypatch.setattr(console, "out", Console(theme=console.THEME, highlight=False, width=1000))
    monkeypatch.setattr(
        console, "err", Console(theme=console.THEME, highlight=False, stderr=True, width=1000)
    )

    def invoke(*args: str) -> Result:
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def repo(isolated_home: Path) -> Repository:
    return Repository(isolated_home)
