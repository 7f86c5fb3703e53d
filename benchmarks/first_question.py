"""The wait before a real ``salescoach debrief --last`` asks its first question, in a terminal.

The installed command runs in a pseudo-terminal (pexpect, ``PROMPT_TOOLKIT_NO_CPR=1`` so the
prompt does not wait for a cursor-position reply), with Typer and questionary as a rep gets
them; the time is taken from the spawn until the first prompt has drawn its hint line (the
terminal is then ready for keys), then Ctrl-C ends the walk (nothing answered: nothing kept, the
home is left as it was). It prints the median wall time and the CPU time of the process.

With ``--old`` too, two installs are run in turns on the same home (or each on its own copy,
``cp -al`` of the ``accounts`` folder), after a warm-up each, and ``new/old`` is printed: what a
change gained, on a machine whose load moves.

Usage::

    python benchmarks/first_question.py --home DIR [--new CMD] [--old CMD[:HOME]] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

HINT = "Ctrl-C: stop"
"""The end of the hint line under each prompt: drawn once the prompt is on the screen."""


def first_question(
    command: str, home: str, environment: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall and CPU seconds from the start of ``COMMAND debrief --last`` on ``home`` until its
    first prompt (in ``environment``, default this one's)."""
    import pexpect

    env = {
        **(os.environ if environment is None else environment),
        "SALESCOACH_HOME": home,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
    }
    env.setdefault("SALESCOACH_CONFIG", os.devnull + ".absent.yaml")
    env.pop("NO_COLOR", None)  # as in a rep's terminal: in colour
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = pexpect.spawn(
        command, ["debrief", "--last"], env=env, encoding="utf-8", timeout=120, dimensions=(40, 80)
    )
    try:
        child.expect_exact(HINT)
        seconds = time.perf_counter() - start
        child.send("\x03")  # Ctrl-C: nothing answered, nothing kept
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", required=True, help="a home with a prep waiting for a debrief")
    default = str(Path(sys.executable).with_name("salescoach"))
    parser.add_argument("--new", default=default, help="COMMAND (default: this install's)")
    parser.add_argument("--old", default=None, help="COMMAND[:HOME] to compare with")
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    sides = {"new": (options.new, options.home)}
    if options.old:
        command, _, home = options.old.partition(":")
        sides["old"] = (command, home or options.home)
    figures: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
    for run in range(options.runs + 1):  # the first round warms up (the caches, the index)
        for side, (command, home) in sides.items():
            measured = first_question(command, home)
            if run:
                figures[side].append(measured)
    medians = {
        side: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for side, runs in figures.items()
    }
    print(f"{'debrief --last: first question':<34} {'wall':>8}  {'CPU':>8}")
    for side, (wall, cpu) in medians.items():
        print(f"{side:<34} {wall:>7.3f}s  {cpu:>7.3f}s")
    if "old" in medians:
        (new_wall, new_cpu), (old_wall, old_cpu) = medians["new"], medians["old"]
        print(f"{'new/old':<34} {new_wall / old_wall:>8.2f}  {new_cpu / old_cpu:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
