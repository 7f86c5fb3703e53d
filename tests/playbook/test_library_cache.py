"""The validated playbook library is kept in the user cache and read again from the files as soon
as anything it was made from changes: a file edited, added or removed, another version of the
code; never kept while a file is broken or was changed too recently to trust its stat."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import salescoach
from salescoach import library_cache
from salescoach.library_cache import cache_file, cached_library
from salescoach.paths import builtin_playbooks
from salescoach.playbook import library as library_module
from salescoach.playbook.library import Library, search_path
from salescoach.playbook.loader import LoadedPlaybook, read_playbook


class Reads:
    """Counts the playbook files really read and validated."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = read_playbook

        def counted(path: Path) -> LoadedPlaybook:
            self.count += 1
            return real(path)

        monkeypatch.setattr(library_module, "read_playbook", counted)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    return Reads(monkeypatch)


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test are kept at once (see test_a_file_changed_just_now_...)."""
    monkeypatch.setattr(library_cache, "RACY_SECONDS", 0.0)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copy(builtin_playbooks() / "en" / "opa.yaml", folder / "opa.yaml")
    return folder


def _summary(library: Library) -> dict[str, tuple[str, str, str]]:
    return {
        name: (entry.playbook.title, str(entry.path), entry.source.origin)
        for name, entry in library.chosen().items()
    }


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [f"title: {title}" if line.startswith("title:") else line for line in text.split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.usefixtures("trusted")
def test_the_second_load_reads_no_file_and_is_the_same(team: Path, reads: Reads) -> None:
    sources = search_path("en", option_dirs=[team])
    first = cached_library("en", sources)
    files = reads.count
    second = cached_library("en", sources)
    assert files > 1 and reads.count == files  # nothing read the second time
    assert _summary(second) == _summary(first) == _summary(Library.load("en", sources))
    assert second.chosen()["opa"].source.origin == "option"  # the team's file wins, as before
    assert second.problems == []
    # fields are located as before (the file read again when asked), for problems found later
    for where in (("title",), ("steps", 1, "questions", 0, "prompt")):
        found = second.chosen()["opa"].locate(where)
        assert (found.line, found.column) == (
            first.chosen()["opa"].locate(where).line,
            first.chosen()["opa"].locate(where).column,
        )
        assert (found.line or 0) > 1


@pytest.mark.usefixtures("trusted")
def test_the_copy_is_private(team: Path) -> None:
    sources = search_path("en", option_dirs=[team])
    cached_library("en", sources)
    kept = cache_file("en", sources)
    assert kept.is_file()
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.parent.stat().st_mode & 0o777 == 0o700


@pytest.mark.usefixtures("trusted")
def test_an_edited_added_or_removed_team_playbook_is_read_again(team: Path, reads: Reads) -> None:
    sources = search_path("en", option_dirs=[team])
    builtin_title = Library.load("en", search_path("en")).get("opa").playbook.title
    cached_library("en", sources)
    _retitle(team / "opa.yaml", "Our opening")
    assert cached_library("en", sources).get("opa").playbook.title == "Our opening"
    # the same size and an old modification time: the change time and inode still tell
    _retitle(team / "opa.yaml", "Our openinG")
    os.utime(team / "opa.yaml", ns=(1, 1))
    assert cached_library("en", sources).get("opa").playbook.title == "Our openinG"
    shutil.copy(team / "opa.yaml", team / "opa2.yaml")  # a new file, later in order: it wins
    _retitle(team / "opa2.yaml", "The copy")
    assert cached_library("en", sources).get("opa").playbook.title == "The copy"
    (team / "opa2.yaml").unlink()
    (team / "opa.yaml").unlink()
    assert cached_library("en", sources).get("opa").playbook.title == builtin_title
    before = reads.count
    cached_library("en", sources)
    assert reads.count == before  # and that state is kept in turn


@pytest.mark.usefixtures("trusted")
def test_another_search_path_or_language_has_its_own_copy(team: Path) -> None:
    with_team = search_path("en", option_dirs=[team])
    _retitle(team / "opa.yaml", "Our opening")
    assert cached_library("en", with_team).get("opa").playbook.title == "Our opening"
    alone = cached_library("en", search_path("en"))
    assert alone.get("opa").source.origin == "built-in"
    french = cached_library("fr", search_path("fr", option_dirs=[team]))
    assert french.get("opa").playbook.language == "fr"  # the French built-in, not the team's
    assert cache_file("en", with_team) != cache_file("en", search_path("en"))


@pytest.mark.usefixtures("trusted")
def test_a_broken_file_is_reported_every_time_and_never_kept(team: Path, reads: Reads) -> None:
    (team / "broken.yaml").write_text("id: broken\nkind: prep\ntitle: [\n", encoding="utf-8")
    sources = search_path("en", option_dirs=[team])
    for _ in range(2):
        loaded = cached_library("en", sources)
        assert [p.location.path for p in loaded.problems] == [team / "broken.yaml"]
    assert not cache_file("en", sources).exists()
    (team / "broken.yaml").unlink()
    assert cached_library("en", sources).problems == []
    assert cache_file("en", sources).exists()


def test_a_file_changed_just_now_is_not_trusted_to_be_kept(team: Path, reads: Reads) -> None:
    sources = search_path("en", option_dirs=[team])
    cached_library("en", sources)  # opa.yaml was copied a moment ago
    assert not cache_file("en", sources).exists()
    cached_library("en", search_path("en"))  # the built-ins have not changed for a while
    assert cache_file("en", search_path("en")).exists()


@pytest.mark.usefixtures("trusted")
def test_another_version_of_salescoach_reads_the_files_again(
    team: Path, reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = search_path("en", option_dirs=[team])
    cached_library("en", sources)
    before = reads.count
    monkeypatch.setattr(salescoach, "__version__", salescoach.__version__ + ".1")
    cached_library("en", sources)
    assert reads.count == 2 * before


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_copy_is_read_past_and_replaced(team: Path, reads: Reads, damage: bytes) -> None:
    sources = search_path("en", option_dirs=[team])
    first = _summary(cached_library("en", sources))
    kept = cache_file("en", sources)
    good = kept.read_bytes()
    kept.write_bytes(damage if damage else good[: len(good) // 2])
    assert _summary(cached_library("en", sources)) == first
    assert kept.read_bytes() != damage  # written again whole
    before = reads.count
    cached_library("en", sources)
    assert reads.count == before


@pytest.mark.usefixtures("trusted")
def test_a_copy_others_may_write_is_never_loaded(team: Path, reads: Reads) -> None:
    sources = search_path("en", option_dirs=[team])
    cached_library("en", sources)
    kept = cache_file("en", sources)
    kept.chmod(0o666)
    before = reads.count
    cached_library("en", sources)
    assert reads.count == 2 * before
