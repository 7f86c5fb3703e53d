"""Where an export goes: a named pipe or a device is written into, never replaced by a file; a
link to a file keeps being a link; standard output that fails is told, and a reader that stops
early (``| head``) ends the export quietly."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from salescoach.store.repository import Repository
from tests.cli.helpers import SALESCOACH
from tests.cli.helpers import salescoach as run_installed
from tests.reports.homes import debrief, prep


def small_home(repo: Repository, meetings: int = 2) -> None:
    objective = "Get the budget, the dates and who decides " * 20  # a long row in any format
    for number in range(meetings):
        record = prep(repo, f"Account {number % 7}", "2026-01-10", objectives=[objective])
        debrief(
            repo, record, results=["reached"], next_steps=[("Send the quote", "Me", "2026-02-01")]
        )


def test_an_export_into_a_named_pipe_is_written_into_it(
    repo: Repository, salescoach: Any, tmp_path: Path
) -> None:
    small_home(repo)
    expected = salescoach("export", "-f", "csv").stdout.encode()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    done = salescoach("export", "-f", "csv", "-o", str(pipe))
    reader.join(timeout=30)
    assert done.code == 0, done.stderr
    assert read == [expected]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still the pipe, not a file in its place
    assert [path.name for path in tmp_path.iterdir() if ".tmp-" in path.name] == []


def test_an_export_through_a_link_replaces_the_file_and_keeps_the_link(
    repo: Repository, salescoach: Any, tmp_path: Path
) -> None:
    small_home(repo)
    real = tmp_path / "exports" / "2026-11.ics"
    real.parent.mkdir()
    real.write_text("the old export")
    link = tmp_path / "latest.ics"
    link.symlink_to(real)
    done = salescoach("export", "-f", "ics", "-o", str(link))
    assert done.code == 0, done.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [path.name for path in real.parent.iterdir()] == ["2026-11.ics"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "cannot write the export on standard output: No space left on device"),
        (
            "fr",
            "impossible d'écrire l'export sur la sortie standard\u00a0: "
            "plus de place sur le disque",
        ),
    ],
)
def test_standard_output_that_fails_is_told(repo: Repository, language: str, said: str) -> None:
    small_home(repo)
    with Path("/dev/full").open("wb") as full:  # every write: "No space left on device"
        done = subprocess.run(
            [str(SALESCOACH), "--lang", language, "export"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert said in done.stderr
    assert "-o" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("export_format", ["json", "csv", "ics"])
def test_a_reader_that_stops_early_ends_the_export_quietly(
    repo: Repository, export_format: str
) -> None:
    small_home(repo, meetings=80)  # more than a pipe holds, whatever the format
    whole = run_installed("export", "-f", export_format)
    assert whole.returncode == 0 and len(whole.stdout.encode()) > 2**17
    with subprocess.Popen(
        [str(SALESCOACH), "export", "-f", export_format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.read(100)
        child.stdout.close()  # what `| head -c 100` does
        errors = child.stderr.read().decode()
        child.wait(timeout=60)
    assert errors == ""


@pytest.mark.parametrize("export_format", ["csv", "ics"])
def test_ctrl_c_half_way_through_an_export_leaves_the_last_file_whole(
    repo: Repository,
    salescoach: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    export_format: str,
) -> None:
    """Interrupted after its first records are written, an export leaves the file it was
    replacing as it was, no temporary beside it, and no traceback (the index's rows were
    closed after the index, which printed "Exception ignored ... closed database")."""
    from salescoach.reports import calendar, export

    small_home(repo, meetings=3)
    monkeypatch.setattr(export, "_CHUNK_ROWS", 1)
    monkeypatch.setattr(calendar, "_CHUNK_RECORDS", 1)
    calls = 0
    formatting: Any

    def interrupted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third record is written
        return formatting(*args)

    if export_format == "csv":
        formatting = export._row_cells
        monkeypatch.setattr(export, "_row_cells", interrupted)
    else:
        formatting = calendar._Events.of_row
        monkeypatch.setattr(calendar._Events, "of_row", interrupted)
    target = tmp_path / f"export.{export_format}"
    target.write_text("the last whole export")
    done = salescoach("export", "-f", export_format, "-o", str(target))
    assert done.code == 130
    assert calls == 3
    assert target.read_text() == "the last whole export"
    assert [path.name for path in tmp_path.iterdir() if ".tmp-" in path.name] == []
    assert done.stderr.strip() == ""  # Typer ends a command on Ctrl-C with 130, quietly
