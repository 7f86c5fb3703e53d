"""``show MEETING --sheet | --html | --pdf``: the prep sheet again, on screen and printable."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from tests.cli.helpers import salescoach


@pytest.fixture
def meeting(tmp_path: Path) -> str:
    examples = salescoach(
        "--lang", "fr", "prep", "ACME", "--type", "negotiation", "--example-answers"
    )
    answers = tmp_path / "answers.yaml"
    answers.write_text(examples.stdout, encoding="utf-8")
    prep = salescoach("--lang", "fr", "prep", "--answers", str(answers), "--no-input")
    assert prep.returncode == 0, prep.stderr
    # After a prep, the sheet alone: no Details, no transcript.
    assert prep.stdout.startswith("Préparation — ACME · Négociation · 2026-12-03\n")
    assert "Détails" not in prep.stdout
    meeting_id: str = json.loads(salescoach("list", "--json").stdout)[0]["meeting"]
    return meeting_id


def test_sheet_shows_only_the_sheet_again(meeting: str) -> None:
    shown = salescoach("show", meeting, "--sheet", env={"COLUMNS": "100"})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Préparation — ACME · Négociation · 2026-12-03"
    assert "Arrivée idéale\u00a0: 105 k€, trois ans" in shown.stdout
    assert "Détails" not in shown.stdout and len(lines) <= 50
    everything = salescoach("show", meeting)
    assert "Détails" in everything.stdout


def test_html_goes_to_stdout_or_to_a_file(meeting: str, tmp_path: Path) -> None:
    page = salescoach("show", meeting, "--html")
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("<!doctype html>") and "Arrivée idéale" in page.stdout
    target = tmp_path / "sheet.html"
    written = salescoach("show", meeting, "--html", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_text(encoding="utf-8") == page.stdout
    assert str(target) in written.stderr and written.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_html_into_a_named_pipe_is_written_into_it(meeting: str, tmp_path: Path) -> None:
    """``-o /dev/stdout`` or a pipe is no file to replace: the page goes through it."""
    page = salescoach("show", meeting, "--html").stdout.encode()
    pipe = tmp_path / "sheet.html"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    written = salescoach("show", meeting, "--html", "-o", str(pipe))
    reader.join(timeout=30)
    assert written.returncode == 0, written.stderr
    assert read == [page]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still the pipe, not a file in its place


def test_sheet_options_misused_say_what_to_do(meeting: str, tmp_path: Path) -> None:
    both = salescoach("show", meeting, "--json", "--sheet")
    assert both.returncode == 2 and "--json" in both.stderr
    lonely = salescoach("show", meeting, "-o", str(tmp_path / "x.html"))
    assert lonely.returncode == 2 and "--html" in lonely.stderr
    nowhere = salescoach("show", meeting, "--html", "-o", str(tmp_path / "missing" / "x.html"))
    assert nowhere.returncode == 1 and "cannot write" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr


def test_pdf_without_a_browser_points_to_the_html_page(meeting: str, tmp_path: Path) -> None:
    found = salescoach(
        "show",
        meeting,
        "--pdf",
        str(tmp_path / "sheet.pdf"),
        env={"PATH": str(tmp_path), "SALESCOACH_BROWSER": "no-such-browser"},
    )
    assert found.returncode == 1
    assert "no browser to print a PDF" in found.stderr and "--html" in found.stderr
    assert not (tmp_path / "sheet.pdf").exists()
