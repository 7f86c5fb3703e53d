"""The built-in playbooks paraphrase the method's source: no string repeats eight of its words.

The source is not shipped; ``tests/fixtures/method-shingles.txt`` holds the hashes of its
eight-word runs, written by ``tools/method_shingles.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tests.playbooks.shingles import digest, shingle_hashes, shingles

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "method-shingles.txt"
SOURCE = ROOT.parent / "shared" / "method"


def _source_hashes() -> set[str]:
    return set(FIXTURE.read_text(encoding="utf-8").split())


def _strings(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]")


def copied_runs(text: str, source: set[str]) -> list[str]:
    """The eight-word runs of ``text`` that stand in the source, as text."""
    return [" ".join(run) for run in shingles(text) if digest(run) in source]


def test_no_playbook_string_repeats_eight_words_of_the_source() -> None:
    source = _source_hashes()
    copied = [
        f"{file.relative_to(ROOT)}: {where}: «{runs[0]}»"
        for file in sorted((ROOT / "playbooks").glob("*/*.yaml"))
        for where, text in _strings(yaml.safe_load(file.read_text(encoding="utf-8")), "")
        if (runs := copied_runs(text, source))
    ]
    assert not copied, "rewrite in the playbooks' own words:\n" + "\n".join(copied)


def test_the_check_finds_a_copied_sentence() -> None:
    # Eight words taken from the source, with its case and punctuation changed.
    phrase = "Les principales étapes qui caractérisent la relation d'affaires"
    assert copied_runs(f"Rappel : {phrase.upper()} !", _source_hashes())
    assert not copied_runs("Les étapes principales de la relation avec le client", _source_hashes())


def test_the_fixture_matches_the_source_when_it_is_here() -> None:
    texts = sorted(SOURCE.glob("*.txt")) if SOURCE.is_dir() else []
    if not texts:
        return  # a fresh clone without ../shared: the fixture stands in for the source
    expected: set[str] = set()
    for text in texts:
        expected |= shingle_hashes(text.read_text(encoding="utf-8"))
    assert _source_hashes() == expected, "run tools/method_shingles.py to refresh the fixture"
