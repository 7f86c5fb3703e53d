"""Scale: ``list``, ``agenda`` and every report on a big synthetic home, once the index exists.

Generates the home if needed (``generate.py``), then measures, each as the wall time of the
installed ``salescoach`` command (median of ``--runs``; a command more than ten times over budget
runs once):

- the first index build (index deleted first; the progress bar is drawn on a terminal);
- ``list``, ``agenda``, ``account``, every report, and the exports, against the 1 s budget;
- adding one record: through ``salescoach prep`` (the index is updated by the save) and by hand
  (a new meeting folder: noticed from the account folder's time stamp), and how many files the
  next command parses (1 at most: adding a record does not reparse the rest);
- ``--rescan`` (every file stat-ed, for edits made by hand inside existing files).

Usage::

    python benchmarks/scale.py [--records 100000] [--accounts 1000] [--runs 5] [--home DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from salescoach.store.index import INDEX_FILE, Index
from salescoach.store.markdown import read_record_file, render_record_file
from salescoach.store.repository import Repository

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402  (a sibling script, not a package)

BUDGET = 1.0
TODAY = "2026-11-28"


class Runner:
    """Runs the installed command on the benchmark home and times it."""

    def __init__(self, home: Path, runs: int) -> None:
        self.home = home
        self.runs = runs
        self.command = str(Path(sys.executable).with_name("salescoach"))
        self.env = {
            **os.environ,
            "SALESCOACH_HOME": str(home),
            "SALESCOACH_CONFIG": str(home.parent / "no-config.yaml"),
            "NO_COLOR": "1",
            "COLUMNS": "120",
        }

    def once(self, *args: str) -> float:
        start = time.perf_counter()
        subprocess.run(
            [self.command, *args],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - start

    def median(self, *args: str) -> tuple[float, int]:
        first = self.once(*args)
        if first > 10 * BUDGET:
            return first, 1
        times = [self.once(*args) for _ in range(self.runs)]
        return statistics.median(times), self.runs


def row(name: str, seconds: float, runs: int | None = None, budget: float | None = BUDGET) -> None:
    ratio = f"{seconds / budget:>6.2f}" if budget else "      "
    verdict = ("ok" if seconds <= budget else "OVER") if budget else ""
    note = f"  ({runs} run{'s' if runs != 1 else ''})" if runs else ""
    print(f"{name:<34} {seconds:>8.2f} s  {ratio}  {verdict}{note}")


def add_by_hand(home: Path) -> Path:
    """A new meeting written the way a text editor would: a copied prep in a new folder."""
    repository = Repository(home)
    source = next(home.joinpath("accounts").glob("*/*/prep.md"))
    record = read_record_file(source)
    number = 1
    while (source.parent.parent / f"2026-11-30-{record.account.slug}-by-hand-{number}").exists():
        number += 1
    meeting = f"2026-11-30-{record.account.slug}-by-hand-{number}"
    folder = source.parent.parent / meeting
    folder.mkdir(mode=0o700)
    moved = record.model_copy(update={"meeting": meeting, "meeting_date": "2026-11-30"})
    target = folder / "prep.md"
    target.write_text(render_record_file(moved, "# Written by hand\n"), encoding="utf-8")
    assert repository.read_or_broken(target) is not None
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--accounts", type=int, default=None, help="default: records / 100")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", type=Path, default=None)
    options = parser.parse_args(argv)
    accounts = options.accounts or max(1, options.records // 100)
    home = options.home or Path(tempfile.gettempdir()) / "salescoach-bench" / (
        f"home-{options.records}"
    )
    if not (home / "accounts").is_dir():
        start = time.perf_counter()
        written = generate(
            home,
            options.records,
            accounts,
            today=dt.date.fromisoformat(TODAY),
            jobs=os.cpu_count() or 1,
            say=print,
        )
        print(f"generated {written} records in {time.perf_counter() - start:.0f} s")
    files = sum(1 for _ in home.joinpath("accounts").glob("*/*/*.md"))
    folders = sum(1 for _ in home.joinpath("accounts").iterdir())
    print(f"home {home}: {files:,} records over {folders:,} accounts")
    runner = Runner(home, options.runs)
    a_name = Repository(home).account(next(home.joinpath("accounts").iterdir()).name).name

    print(f"\n{'':<34} {'time':>10}  {'ratio':>6}  (budget {BUDGET:.0f} s)")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{home / INDEX_FILE}{suffix}").unlink(missing_ok=True)
    row("first index build (report funnel)", runner.once("report", "funnel"), 1, budget=None)
    size = (home / INDEX_FILE).stat().st_size
    print(f"{'  index file':<34} {size / 2**20:>8.1f} MiB")

    commands = {
        "list": ["list"],
        "agenda": ["agenda", "--today", TODAY],
        "account ACCOUNT": ["account", a_name],
        "report objections": ["report", "objections"],
        "report objectives": ["report", "objectives"],
        "report phases": ["report", "phases", "--today", TODAY],
        "report funnel": ["report", "funnel"],
        "report team (this home)": ["report", "team", "--home", str(home), "--today", TODAY],
        "agenda --json": ["agenda", "--json", "--today", TODAY],
    }
    for name, args in commands.items():
        seconds, runs = runner.median(*args)
        row(name, seconds, runs)
    for name, args in {
        "export --format csv": ["export", "--format", "csv"],
        "export --format ics": ["export", "--format", "ics"],
        "agenda --rescan (stat every file)": ["agenda", "--rescan", "--today", TODAY],
    }.items():
        seconds, runs = runner.median(*args)
        row(name, seconds, runs, budget=None)

    print("\nadding one record")
    with tempfile.TemporaryDirectory() as scratch:
        answers = Path(scratch) / "answers.yaml"
        examples = subprocess.run(
            [runner.command, "prep", "Bench New", "--type", "discovery", "--example-answers"],
            env=runner.env,
            check=True,
            capture_output=True,
            text=True,
        )
        answers.write_text(examples.stdout, encoding="utf-8")
        row(
            "salescoach prep --no-input",
            runner.once("prep", "Bench New", "--answers", str(answers), "--no-input"),
            1,
            budget=None,
        )
    with Index.open(home) as index:
        noted = index.last_refresh
    print(f"{'  files parsed by the next open':<34} {noted.read if noted else 0:>8}")
    row("  agenda after it", runner.median("agenda", "--today", TODAY)[0], options.runs)
    add_by_hand(home)
    start = time.perf_counter()
    with Index.open(home) as index:
        by_hand = index.last_refresh
    row("a record added by hand: next open", time.perf_counter() - start, 1, budget=None)
    print(f"{'  files parsed':<34} {by_hand.read if by_hand else 0:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
