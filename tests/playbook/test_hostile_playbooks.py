"""Hostile playbook files are refused in little memory, with a location — never a hang.

Memory is counted by tracemalloc, which does not depend on the machine's load; time is measured
by ``benchmarks/hostile.py`` instead (timed assertions flake on shared machines). The pytest
timeout still turns a hang into a failure.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from salescoach.errors import PlaybookError
from salescoach.playbook.loader import load_playbook

LAUGHS = "id: laughs\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
)
HOSTILE = {
    "billion-laughs": LAUGHS,
    "deep-flow": "id: deep\nsteps: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "deep-block": "id: deep\nsteps:\n"
    + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(300)),
    "huge": "id: huge\nsummary: |\n" + "  lorem ipsum dolor sit amet\n" * 200_000,
    "invalid-date": "id: dates\nversion: 2024-13-45\nkind: prep\n",
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_playbook_is_refused_fast_and_small(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(PlaybookError) as caught:
            load_playbook(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    first = caught.value.problems[0]
    assert first.location.line is not None and first.location.column is not None
