"""Long output on a terminal goes through the pager; short output, or a pipe, does not."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from salescoach.ui import console, render
from salescoach.ui.pager import paged, pager_command


def _terminal(monkeypatch: pytest.MonkeyPatch, *, terminal: bool) -> io.StringIO:
    screen = io.StringIO()
    monkeypatch.setattr(
        console,
        "out",
        Console(file=screen, force_terminal=terminal, height=10, width=80, no_color=True),
    )
    return screen


def _pager_into(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    paged_file = tmp_path / "paged.txt"
    monkeypatch.setenv("SALESCOACH_PAGER", f"sh -c 'cat > {paged_file}'")
    return paged_file


def test_long_output_on_a_terminal_goes_through_the_pager(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    screen = _terminal(monkeypatch, terminal=True)
    paged_file = _pager_into(monkeypatch, tmp_path)
    with paged():
        render.table(("n",), [(f"row [{n}]",) for n in range(30)])
    assert screen.getvalue() == ""
    text = paged_file.read_text(encoding="utf-8")
    assert "row [0]" in text and "row [29]" in text


def test_short_output_is_not_paged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    screen = _terminal(monkeypatch, terminal=True)
    paged_file = _pager_into(monkeypatch, tmp_path)
    with paged():
        render.table(("n",), [("one",), ("two",)])
    assert "two" in screen.getvalue()
    assert not paged_file.exists()


def test_a_pipe_is_never_paged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    screen = _terminal(monkeypatch, terminal=False)
    paged_file = _pager_into(monkeypatch, tmp_path)
    with paged():
        render.table(("n",), [(str(n),) for n in range(30)])
    assert "29" in screen.getvalue()
    assert not paged_file.exists()


def test_paging_is_off_with_an_empty_or_cat_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESCOACH_PAGER", "")
    assert pager_command() is None
    monkeypatch.setenv("SALESCOACH_PAGER", "cat")
    assert pager_command() is None
    monkeypatch.setenv("SALESCOACH_PAGER", "no-such-pager-anywhere")
    assert pager_command() is None
    monkeypatch.delenv("SALESCOACH_PAGER")
    monkeypatch.setenv("PAGER", "sh -c 'cat'")
    assert pager_command() == ["sh", "-c", "cat"]
