"""Search: ``salescoach search`` against ``jrnl -contains`` and ``grep -rli``, on the same entries.

Generates a home of ``--records`` records if needed (``generate.py``; 10,000 by default), builds
its index, then writes a jrnl journal holding the same entries — one per record, titled with the
meeting id and account, its body the record's answers and notes as search reads them — and times,
for each query, the three whole commands side by side, in turns (after a warm-up):

- ``salescoach search WORDS`` (the best 20, as a rep runs it) and ``--limit 0`` (every hit);
- ``jrnl -contains WORD`` (jrnl 4.6, installed into its own environment on first use);
- ``grep -rli WORD`` over the home's ``accounts`` folder (no ranking, no snippet).

It prints the medians and the ratios; the goal is at least 30× faster than jrnl and no slower
than grep.

Usage::

    python benchmarks/search.py [--records 10000] [--runs 7] [--home DIR]
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


def wall_time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


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
    jrnl = str(jrnl_command())
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["SALESCOACH_CACHE"] = str(Path(scratch) / "cache")  # the index goes there
        env = {
            **os.environ,
            "SALESCOACH_HOME": str(home),
            "SALESCOACH_CONFIG": str(Path(scratch) / "no-config.yaml"),
            "NO_COLOR": "1",
            "COLUMNS": "100",
        }
        subprocess.run([salescoach, "list"], env=env, check=True, capture_output=True)
        journal = Path(scratch) / "journal.txt"
        entries = write_journal(home, journal)
        env.update(jrnl_config(Path(scratch), journal))
        size = journal.stat().st_size / 2**20
        print(f"home {home}: {entries:,} records; jrnl journal {size:.1f} MiB, same entries")
        print(
            f"{options.runs} turns of each command per word, medians (wall time, whole process)\n"
        )
        print(
            f"{'word':<12} {'hits':>6} {'search':>8} {'--limit 0':>10} {'jrnl':>8} {'grep':>8}"
            f" {'jrnl/search':>12} {'grep/search':>12}"
        )
        failed = 0
        for word in QUERIES:
            commands = {
                "search": [salescoach, "search", word],
                "all": [salescoach, "search", word, "--limit", "0"],
                "jrnl": [jrnl, "-contains", word],
                "grep": ["grep", "-rli", word, str(home / "accounts")],
            }
            hits = subprocess.run(
                commands["grep"], env=env, capture_output=True, text=True, check=False
            ).stdout.count("\n")
            for command in commands.values():
                wall_time(command, env)
            times: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(options.runs):
                for name, command in commands.items():
                    times[name].append(wall_time(command, env))
            median = {name: statistics.median(values) for name, values in times.items()}
            over_jrnl = median["jrnl"] / median["search"]
            over_grep = median["grep"] / median["search"]
            failed += over_jrnl < GOAL_JRNL or over_grep < 1
            print(
                f"{word:<12} {hits:>6} {median['search']:>7.3f}s {median['all']:>9.3f}s"
                f" {median['jrnl']:>7.2f}s {median['grep']:>7.3f}s"
                f" {over_jrnl:>11.1f}× {over_grep:>11.2f}×"
            )
        print(f"\ngoal: jrnl/search >= {GOAL_JRNL:.0f}×, grep/search >= 1×")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
