"""Startup: ``salescoach --help`` and ``salescoach list`` against a minimal Typer app and jrnl.

The minimal app is a few lines of Typer with the same dependencies installed (it runs in the same
virtual environment) and the same shape: a callback with a global option, a ``list`` command
that does nothing, Rich help. Both are run side by side in one run, alternating, after a warm-up;
the script prints the median wall time of each and the ratio (goal: at most 1.15). Then
``salescoach --help`` against ``jrnl --help`` (jrnl 4.6, a terminal journal of similar size, in an
environment of its own installed on first use), paired the same way (goal: at most 1.0).

``list`` runs on an empty data home: the cost measured is the program's own, not the records'.

Usage::

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jrnl_env import jrnl_command, jrnl_config  # noqa: E402  (a sibling script, not a package)

GOAL = 1.15
JRNL_GOAL = 1.0
MINIMAL_APP = '''
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="minimal",
    help="A minimal Typer app.",
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main(
    home: Annotated[Optional[Path], typer.Option("--home", help="A data directory.")] = None,
) -> None:
    """Global options."""


@app.command(name="list")
def list_records(
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
) -> None:
    """List nothing."""


@app.command()
def show(meeting: str) -> None:
    """Show nothing."""


if __name__ == "__main__":
    app()
'''


def wall_time(command: list[str], env: dict[str, str]) -> float:
    """Seconds one run of ``command`` takes, output discarded; fails loudly on an error."""
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def compare(
    pairs: dict[str, tuple[list[str], list[str]]],
    runs: int,
    env: dict[str, str],
    goal: float = GOAL,
    other: str = "minimal",
) -> int:
    """Time each (salescoach, other) pair alternately; print medians and ratios."""
    failed = 0
    print(f"{'command':<22} {'salescoach':>11} {other:>9} {'ratio':>7}  goal <= {goal}")
    for name, (ours, theirs) in pairs.items():
        for _ in range(3):  # warm the file cache and the bytecode
            wall_time(ours, env)
            wall_time(theirs, env)
        ours_times: list[float] = []
        theirs_times: list[float] = []
        for _ in range(runs):
            ours_times.append(wall_time(ours, env))
            theirs_times.append(wall_time(theirs, env))
        mine, base = statistics.median(ours_times), statistics.median(theirs_times)
        ratio = mine / base
        failed += ratio > goal
        verdict = "ok" if ratio <= goal else "SLOWER"
        print(f"{name:<22} {mine * 1000:>9.0f}ms {base * 1000:>7.0f}ms {ratio:>7.2f}  {verdict}")
    return failed


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args(argv)
    salescoach = str(Path(sys.executable).with_name("salescoach"))
    with tempfile.TemporaryDirectory() as scratch:
        minimal = Path(scratch) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        env = {
            **os.environ,
            "SALESCOACH_HOME": str(Path(scratch) / "home"),
            "SALESCOACH_CONFIG": str(Path(scratch) / "config.yaml"),
            "NO_COLOR": "1",
        }
        pairs = {
            "--help": ([salescoach, "--help"], [sys.executable, str(minimal), "--help"]),
            "list (empty home)": ([salescoach, "list"], [sys.executable, str(minimal), "list"]),
        }
        print(f"python {sys.version.split()[0]}, {options.runs} alternating runs each, medians")
        failed = compare(pairs, options.runs, env)
        jrnl = str(jrnl_command())
        env.update(jrnl_config(Path(scratch), Path(scratch) / "journal.txt"))
        print()
        failed += compare(
            {"--help": ([salescoach, "--help"], [jrnl, "--help"])},
            options.runs,
            env,
            goal=JRNL_GOAL,
            other="jrnl",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
