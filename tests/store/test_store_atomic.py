"""atomic_write: whole files or nothing, private whatever the umask, never overwriting when told."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from salescoach.store.atomic import (
    atomic_write,
    clean_stale_temps,
    is_temp_name,
    private_dir,
    temp_path,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_zero")
def test_files_are_0600_and_new_directories_0700_with_umask_zero(tmp_path: Path) -> None:
    directory = private_dir(tmp_path / "a" / "b" / "c")
    for created in (tmp_path / "a", tmp_path / "a" / "b", directory):
        assert mode(created) == 0o700
    target = directory / "file.md"
    atomic_write(target, "é\n")
    assert mode(target) == 0o600
    assert target.read_text(encoding="utf-8") == "é\n"
    atomic_write(target, b"bytes")
    assert mode(target) == 0o600
    assert target.read_bytes() == b"bytes"


def test_a_restrictive_umask_still_gives_a_readable_file(tmp_path: Path) -> None:
    previous = os.umask(0o277)
    try:
        atomic_write(tmp_path / "f", "x")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "f") == 0o600


def test_existing_directories_keep_their_mode(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir(mode=0o755)
    (tmp_path / "shared").chmod(0o755)
    private_dir(tmp_path / "shared" / "mine")
    assert mode(tmp_path / "shared") == 0o755
    assert mode(tmp_path / "shared" / "mine") == 0o700


def test_private_dir_can_claim_a_name_exclusively(tmp_path: Path) -> None:
    private_dir(tmp_path / "meeting", exist_ok=False)
    with pytest.raises(FileExistsError):
        private_dir(tmp_path / "meeting", exist_ok=False)
    private_dir(tmp_path / "meeting")  # exist_ok by default


def test_replace_overwrites_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text() == "two"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["record.md"]


def test_exclusive_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    atomic_write(target, "first", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic_write(target, "second", exclusive=True)
    assert target.read_text() == "first"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["record.md"]


def test_exclusive_without_hard_links_falls_back_to_o_excl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "record.md"
    atomic_write(target, "first", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic_write(target, "second", exclusive=True)
    assert target.read_text() == "first"
    assert mode(target) == 0o600
    assert sorted(path.name for path in tmp_path.iterdir()) == ["record.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "record.md"
    atomic_write(target, "old")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["record.md"]


def test_temporary_names_are_recognisable(tmp_path: Path) -> None:
    name = temp_path(tmp_path / "prep.md").name
    assert name.startswith(".prep.md.tmp-")
    assert is_temp_name(name)
    assert not is_temp_name("prep.md")
    assert not is_temp_name(".prep.md")
    assert not is_temp_name("notes.tmp-1234")


def test_clean_stale_temps_removes_only_old_temporaries(tmp_path: Path) -> None:
    old = temp_path(tmp_path / "prep.md")
    fresh = temp_path(tmp_path / "debrief.md")
    keep = tmp_path / "prep.md"
    for path in (old, fresh, keep):
        path.write_text("x")
    an_hour_ago = time.time() - 7200
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(keep, (an_hour_ago, an_hour_ago))
    assert clean_stale_temps(tmp_path) == [old]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([fresh.name, keep.name])
    assert clean_stale_temps(tmp_path / "missing") == []


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_output_that_fails_half_way_leaves_the_old_file_whole(
    tmp_path: Path, failure: BaseException
) -> None:
    """An export interrupted (Ctrl-C) or failing after its first pieces leaves the file the
    user named as it was, and no temporary beside it: never a truncated export."""
    from salescoach.errors import StoreError
    from salescoach.store.atomic import write_output

    target = tmp_path / "export.csv"
    target.write_text("the last whole export")

    def pieces() -> Iterator[str | bytes]:
        yield "meeting,kind\r\n"
        yield b"a,prep\r\n"
        raise failure

    expected = StoreError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_output(target, pieces())
    assert target.read_text() == "the last whole export"
    assert [path.name for path in tmp_path.iterdir()] == ["export.csv"]
    pieces_of_both: list[str | bytes] = ["a,", b"b\r\n"]
    write_output(target, iter(pieces_of_both))
    assert target.read_bytes() == b"a,b\r\n"
