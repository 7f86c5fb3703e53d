"""``list`` in a pipe: whole ids, user text as typed (no Rich markup, no ellipsis)."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.cli.app import run
from salescoach.store.repository import Repository


def test_list_in_a_pipe_keeps_whole_ids(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.reports.homes import prep

    record = prep(
        Repository(isolated_home), "Acme [/x] Corporation International Holdings", "2026-12-03"
    )
    assert len(record.meeting) > 60
    assert run(["list"]) == 0
    out = capsys.readouterr().out
    assert record.meeting in out and "…" not in out
    assert "Acme [/x] Corporation International Holdings" in out
