"""The reference read from the playbooks is kept in the user cache, and read again as soon as a
playbook file on the search path changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from salescoach.errors import PlaybookError
from salescoach.paths import builtin_playbooks
from salescoach.playbook.library import Library, search_path
from salescoach.playbook.sources import Source
from salescoach.reports.reference import CACHE_DIR, Reference, cached_reference


class Loads:
    """The library loader, counting how often the playbooks are really read."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.count = 0

    def __call__(self) -> Library:
        self.count += 1
        return Library.load("en", self.sources)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copy(builtin_playbooks() / "en" / "phases.yaml", folder / "phases.yaml")
    return folder


def test_the_second_read_comes_from_the_cache_and_is_the_same(team: Path) -> None:
    sources = search_path("en", option_dirs=[team])
    load = Loads(sources)
    first = cached_reference("en", sources, load)
    second = cached_reference("en", sources, load)
    assert load.count == 1
    assert second == first == Reference.from_library(Library.load("en", sources))


def test_an_edited_added_or_removed_playbook_is_read_again(team: Path) -> None:
    sources = search_path("en", option_dirs=[team])
    load = Loads(sources)
    before = cached_reference("en", sources, load)
    phases = team / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    first_cadence = before.phases[0].cadence_days
    phases.write_text(
        text.replace(f"cadence_days: {first_cadence}", "cadence_days: 99", 1), encoding="utf-8"
    )
    os.utime(phases, ns=(1, 1))  # even with an old modification time, the size differs
    after = cached_reference("en", sources, load)
    assert after.phases[0].cadence_days == 99
    (team / "phases.yaml").unlink()
    assert cached_reference("en", sources, load).phases[0].cadence_days == first_cadence
    assert load.count == 3


def test_a_broken_phases_playbook_is_reported_every_time(team: Path) -> None:
    phases = team / "phases.yaml"
    phases.write_text(
        phases.read_text(encoding="utf-8").replace("cadence_days:", "cadence_dayz:"),
        encoding="utf-8",
    )
    sources = search_path("en", option_dirs=[team])
    load = Loads(sources)
    for _ in range(2):
        with pytest.raises(PlaybookError):
            cached_reference("en", sources, load)
    assert load.count == 2


def test_a_damaged_cache_file_is_read_past(team: Path, tmp_path: Path) -> None:
    sources = search_path("en", option_dirs=[team])
    load = Loads(sources)
    expected = cached_reference("en", sources, load)
    for kept in (tmp_path / "cache" / CACHE_DIR).iterdir():
        kept.write_text('{"stamp": 1, "phases": [[1]]}', encoding="utf-8")
    assert cached_reference("en", sources, load) == expected
    assert load.count == 2
