"""After a prep, in a real terminal: the sheet alone on a cleared screen, paged when taller."""

from __future__ import annotations

import os
from pathlib import Path

import pexpect

from tests.cli.helpers import SALESCOACH, salescoach

ENTER = "\r"


def _spawn(home: Path, rows: int, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "SALESCOACH_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "PAGER": "less",
        "LESS": "-R",
    }
    return pexpect.spawn(
        str(SALESCOACH),
        ["--lang", "en", *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(rows, 100),
    )


def _answers(tmp_path: Path) -> Path:
    examples = salescoach("prep", "ACME", "--type", "discovery", "--example-answers")
    path = tmp_path / "answers.yaml"
    path.write_text(examples.stdout, encoding="utf-8")
    return path


def test_a_tall_sheet_opens_in_the_pager_on_a_cleared_screen(
    isolated_home: Path, tmp_path: Path
) -> None:
    child = _spawn(isolated_home, 24, "prep", "--answers", str(_answers(tmp_path)))
    child.expect("Review — save this prep")
    child.send(ENTER)
    child.expect(r"\x1b\[2J")  # the prompts are cleared away: the sheet stands alone
    child.expect("Prep — ACME · Discovery · 2026-12-03")
    child.expect("Objectives")
    # The pager holds the rest of the sheet until the rep has read it.
    assert child.expect(["Saved prep", pexpect.TIMEOUT], timeout=3) == 1
    child.send("q")
    child.expect("Saved prep")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_sheet_that_fits_is_printed_without_a_pager(isolated_home: Path, tmp_path: Path) -> None:
    child = _spawn(isolated_home, 60, "prep", "--answers", str(_answers(tmp_path)))
    child.expect("Review — save this prep")
    child.send(ENTER)
    child.expect("Prep — ACME · Discovery · 2026-12-03")
    child.expect("Before going in")
    child.expect("Saved prep")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
