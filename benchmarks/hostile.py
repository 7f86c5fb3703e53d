"""Hostile playbooks: how long and how much memory refusing each one takes (goal: < 1 s, < 50 MB).

Usage::

    python benchmarks/hostile.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from salescoach.errors import PlaybookError  # noqa: E402
from salescoach.playbook.loader import load_playbook  # noqa: E402
from tests.playbook.test_hostile_playbooks import HOSTILE  # noqa: E402


def main() -> int:
    """Print one line per hostile file: time, peak memory, and where it was refused."""
    print(f"{'file':<16} {'time':>9} {'peak':>9}  refused at")
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for name, text in sorted(HOSTILE.items()):
            path = Path(scratch) / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            tracemalloc.start()
            started = time.perf_counter()
            try:
                load_playbook(path)
                where = "ACCEPTED"
            except PlaybookError as error:
                where = str(error.problems[0].location).rsplit("/", 1)[-1]
            elapsed = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            worst = max(worst, elapsed)
            print(f"{name:<16} {elapsed * 1000:>7.1f}ms {peak / 1e6:>7.1f}MB  {where}")
    print(f"slowest: {worst * 1000:.1f} ms (goal: under 1000 ms and 50 MB each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
