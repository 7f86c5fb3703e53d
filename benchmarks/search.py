"""Search: ``salescoach search`` against ``jrnl -contains`` and ``grep -rli``, on the same entries.

Generates a home of ``--records`` records if needed (``generate.py``; 10,000 by default), builds
its index, then writes a jrnl journal holding the same entries — one per record, titled with the
meeting id and account, its body the record's answers and notes as search reads them — and times,
for each query, the three whole commands side by side, in turns (after a warm-up):

- ``salescoach search WORDS`` (the best 20, as a rep runs it) and ``--limit 0`` (every hit);
- ``jrnl -contains WORD`` (jrnl 4.6, installed into its own environment on first use);
- ``grep -rli WORD`` over the home's ``accounts`` folder (no ranking, no snippet).

It prints the medians (wall time, and the CPU time of the process) and the ratios; the goal is
at least 30× faster than jrnl and no slower than grep. Then ``search WORD --limit 0`` once per
word, streamed: when its first hit reaches the pipe, when the last does, and its peak memory.

``--no-jrnl`` leaves jrnl out (a home of 100,000 records: jrnl takes minutes per word), so
``--home`` a big home times the streaming of every hit and grep only.

Usage::

    python benchmarks/search.py [--records 10000] [--runs 7] [--home DIR] [--no-jrnl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402  (sibling scripts, not a package)
from jrnl_env import jrnl_command, jrnl_config  # noqa: E402

GOAL_JRNL = 30.0
QUERIES = ("unions", "budget", "procurement", "reference")
"""Words jrnl and grep can look for too (one word each: ``-contains`` takes one string)."""
TODAY = "2026-11-28"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall time and the CPU time (user and system) of one run, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def streamed(command: list[str], env: dict[str, str]) -> tuple[float, float, int, float]:
    """One run read from a pipe: seconds to its first line and to its end, how many lines,
    and its peak memory in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    first = None
    lines = 0
    for _ in process.stdout:
        first = first if first is not None else time.perf_counter() - start
        lines += 1
    _, _, usage = os.wait4(process.pid, 0)
    end = time.perf_counter() - start
    return (first if first is not None else end), end, lines, usage.ru_maxrss / 1024


def write_journal(home: Path, journal: Path) -> int:
    """One jrnl entry per indexed record, from the index's own text (what search reads)."""
    from salescoach.store.index import index_path

    connection = sqlite3.connect(index_path(home))
    rows = connection.execute(
        "SELECT records.meeting, records.kind, records.account_name, records.created, "
        "texts.answers, texts.notes FROM texts JOIN records ON records.rowid = texts.rowid "
        "ORDER BY records.created, records.path"
    )
    count = 0
    with journal.open("w", encoding="utf-8") as out:
        for meeting, kind, account, created, answers, notes in rows:
            moment = dt.datetime.fromisoformat(created)
            stamp = moment.strftime("%Y-%m-%d %I:%M:%S %p")
            body = "\n".join(line for line in (answers + "\n" + notes).splitlines() if line)
            out.write(f"[{stamp}] {meeting} {kind} ({account}).\n{body}\n\n")
            count += 1
    connection.close()
    return count


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--no-jrnl", action="store_true", help="time salescoach and grep only")
    options = parser.parse_args(argv)
    home = options.home or Path(tempfile.gettempdir()) / "salescoach-bench" / (
        f"home-{options.records}"
    )
    if not (home / "accounts").is_dir():
        generate(
            home,
            options.records,
            max(1, options.records // 100),
            today=dt.date.fromisoformat(TODAY),
            jobs=os.cpu_count() or 1,
            say=print,
        )
    salescoach = str(Path(sys.executable).with_name("salescoach"))
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("SALESCOACH_CACHE", str(Path(scratch) / "cache"))
        env = {
            **os.environ,
            "SALESCOACH_HOME": str(home),
            "SALESCOACH_CONFIG": str(Path(scratch) / "no-config.yaml"),
            "NO_COLOR": "1",
            "COLUMNS": "100",
        }
        subprocess.run([salescoach, "list"], env=env, check=True, capture_output=True)
        failed = 0
        if options.no_jrnl:
            print(f"home {home} (jrnl left out)")
            failed += compare(home, salescoach, None, env, options.runs)
        else:
            journal = Path(scratch) / "journal.txt"
            entries = write_journal(home, journal)
            env.update(jrnl_config(Path(scratch), journal))
            size = journal.stat().st_size / 2**20
            print(f"home {home}: {entries:,} records; jrnl journal {size:.1f} MiB, same entries")
            failed += compare(home, salescoach, str(jrnl_command()), env, options.runs)
        print("\nsearch WORD --limit 0, read from a pipe (once per word)")
        print(f"{'word':<12} {'lines':>8} {'first hit':>10} {'all':>8} {'peak':>9}")
        for word in QUERIES:
            first, end, lines, peak = streamed([salescoach, "search", word, "--limit", "0"], env)
            print(f"{word:<12} {lines:>8} {first:>9.2f}s {end:>7.2f}s {peak:>5.0f} MiB")
    return 1 if failed else 0


def compare(home: Path, salescoach: str, jrnl: str | None, env: dict[str, str], runs: int) -> int:
    """Time the commands of each word in turns; print medians and ratios; how many missed."""
    print(f"{runs} turns of each command per word, medians (whole process: wall, and CPU)\n")
    print(
        f"{'word':<12} {'hits':>6} {'search':>14} {'--limit 0':>10} {'jrnl':>8} {'grep':>14}"
        f" {'jrnl/search':>12} {'grep/search':>12}"
    )
    failed = 0
    for word in QUERIES:
        commands = {
            "search": [salescoach, "search", word],
            "all": [salescoach, "search", word, "--limit", "0"],
            "grep": ["grep", "-rli", word, str(home / "accounts")],
        }
        if jrnl is not None:
            commands["jrnl"] = [jrnl, "-contains", word]
        hits = subprocess.run(
            commands["grep"], env=env, capture_output=True, text=True, check=False
        ).stdout.count("\n")
        for command in commands.values():
            timed(command, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
        wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
        cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
        over_grep = wall["grep"] / wall["search"]
        failed += over_grep < 1
        if jrnl is not None:
            over_jrnl = wall["jrnl"] / wall["search"]
            failed += over_jrnl < GOAL_JRNL
            jrnl_figures = f" {wall['jrnl']:>7.2f}s", f" {over_jrnl:>11.1f}×"
        else:
            jrnl_figures = f" {'-':>8}", f" {'-':>12}"
        print(
            f"{word:<12} {hits:>6} {wall['search']:>6.3f}s/{cpu['search']:.3f}s"
            f" {wall['all']:>9.3f}s{jrnl_figures[0]} {wall['grep']:>6.3f}s/{cpu['grep']:.3f}s"
            f"{jrnl_figures[1]} {over_grep:>11.2f}×"
        )
    goal = f"jrnl/search >= {GOAL_JRNL:.0f}×, " if jrnl is not None else ""
    print(f"\ngoal: {goal}grep/search >= 1× (wall times)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
