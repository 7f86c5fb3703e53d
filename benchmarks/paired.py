"""Two installs of salescoach timed in turns on the same commands: what a change gained.

On a shared or throttled machine absolute times drift from one hour to the next; two versions
run alternately, each on its own copy of a home (an index is kept per home and per schema), give
ratios that hold. Each command runs once to warm up, then ``--runs`` times per side, alternating;
it prints the medians (wall time and CPU time of the process) and new/old.

Usage::

    python benchmarks/paired.py --old OLD/.venv/bin/salescoach:HOME_A \\
        --new .venv/bin/salescoach:HOME_B [--runs 5] [--meeting ID] [--today 2026-11-28]

``HOME_A`` and ``HOME_B`` hold the same records (``cp -al`` of one home's ``accounts`` folder
makes a second at no cost: salescoach never writes a record file in place).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time


def once(command: str, home: str, args: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time and exit status of one run, output discarded."""
    env = dict(os.environ, SALESCOACH_HOME=home, SALESCOACH_PAGER="", NO_COLOR="1")
    env.setdefault("SALESCOACH_CONFIG", os.devnull + ".absent.yaml")
    start = time.perf_counter()
    process = subprocess.Popen(
        [command, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, status


def main() -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", required=True, help="COMMAND:HOME")
    parser.add_argument("--new", required=True, help="COMMAND:HOME")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--meeting", default=None, help="for show (default: none)")
    parser.add_argument("--today", default="2026-11-28")
    options = parser.parse_args()
    sides = {"old": options.old.split(":", 1), "new": options.new.split(":", 1)}
    today = ["--today", options.today]
    commands = [
        ["list"],
        ["list", "--json"],
        *([["show", options.meeting]] if options.meeting else []),
        ["debrief", "--last", "--example-answers"],
        ["agenda", *today],
        ["agenda", "--json", *today],
        ["report", "phases", *today],
        ["report", "funnel"],
        ["report", "objections"],
        ["search", "unions"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
    ]
    print(f"{options.runs} runs per side, alternating; medians, wall/CPU seconds")
    for args in commands:
        times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
        for turn in range(options.runs + 1):
            for name, (command, home) in sides.items():
                wall, cpu, status = once(command, home, args)
                if status:
                    print(f"  {name} failed: {' '.join(args)} (status {status})")
                if turn:  # the first turn warms the caches up
                    times[name].append((wall, cpu))
        old, new = ([statistics.median(t[k] for t in times[s]) for k in (0, 1)] for s in sides)
        print(
            f"{' '.join(args)[:40]:<40} old {old[0]:.3f}/{old[1]:.3f}"
            f"  new {new[0]:.3f}/{new[1]:.3f}  ratio {new[0] / old[0]:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
