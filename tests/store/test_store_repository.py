"""The repository: accounts, meeting ids, saving and loading records, scanning, containment."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from salescoach.errors import Broken, NotFoundError, RecordError, StoreError
from salescoach.store.markdown import NOTES_MARKER, render_record_file
from salescoach.store.record import Record
from salescoach.store.repository import Account, Repository
from salescoach.yamlio import load_file
from tests.store.store_helpers import BODY, make_record, new_record


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------------- accounts


def test_an_account_gets_a_folder_and_account_yaml(repo: Repository, home: Path) -> None:
    assert repo.account_slug("Société Générale") == "societe-generale"
    data = load_file(home / "accounts" / "societe-generale" / "account.yaml").value
    assert data["name"] == "Société Générale"
    assert data["slug"] == "societe-generale"
    assert repo.account("societe-generale").name == "Société Générale"


def test_same_name_same_folder_case_and_spacing_ignored(repo: Repository) -> None:
    assert repo.account_slug("Acme") == "acme"
    assert repo.account_slug("  ACME ") == "acme"
    assert repo.account_ref("acme").name == "Acme"


def test_different_names_with_one_slug_get_distinct_folders(repo: Repository) -> None:
    assert repo.account_slug("Acme") == "acme"
    assert repo.account_slug("ACME!") == "acme-2"
    assert repo.account_slug("Acme?") == "acme-3"
    assert repo.account_slug("ACME!") == "acme-2"
    assert repo.account("acme-2").name == "ACME!"
    assert repo.account_slug("Acme 2") == "acme-2-2"  # its natural slug is taken by ACME!


def test_unknown_accounts_are_not_created_without_create(repo: Repository, home: Path) -> None:
    repo.account_slug("Acme")
    with pytest.raises(NotFoundError, match="Globex"):
        repo.account_slug("Globex", create=False)
    with pytest.raises(NotFoundError, match="did you mean: Acme"):
        repo.account_slug("Acmee", create=False)
    assert not (home / "accounts" / "globex").exists()


def test_find_account_takes_a_slug_or_a_name(repo: Repository) -> None:
    repo.account_slug("Acme")
    repo.account_slug("ACME!")
    assert repo.find_account("acme-2").name == "ACME!"
    assert repo.find_account("acme!").slug == "acme-2"
    with pytest.raises(NotFoundError):
        repo.find_account("globex")


def test_an_empty_folder_left_by_a_crash_is_reused(repo: Repository, home: Path) -> None:
    (home / "accounts" / "acme").mkdir(parents=True)
    assert repo.account_slug("Acme") == "acme"
    assert repo.account("acme").name == "Acme"


def test_a_folder_without_account_yaml_but_with_meetings_is_not_taken(
    repo: Repository, home: Path
) -> None:
    """Nor is a second account started beside it: that split Beta into beta and beta-2."""
    (home / "accounts" / "acme" / "2026-01-01-acme").mkdir(parents=True)
    with pytest.raises(RecordError, match="no record in the folder to rebuild it from"):
        repo.account_slug("Acme")
    assert sorted(path.name for path in (home / "accounts").iterdir()) == ["acme"]


def test_a_lost_account_yaml_is_rebuilt_from_the_records(repo: Repository, home: Path) -> None:
    record = new_record(repo, "Beta")
    repo.save(record, BODY)
    (home / "accounts" / "beta" / "account.yaml").unlink()
    assert repo.account_slug("BETA") == "beta"
    assert repo.account("beta").name == "Beta"
    assert sorted(path.name for path in (home / "accounts").iterdir()) == ["beta"]


def test_a_broken_account_yaml_is_a_record_error(repo: Repository, home: Path) -> None:
    repo.account_slug("Acme")
    (home / "accounts" / "acme" / "account.yaml").write_text("name: [broken\n")
    with pytest.raises(RecordError, match="account.yaml"):
        repo.account_slug("Acme")
    assert [type(item) for item in repo.accounts()] == [Broken]


def test_update_account_keeps_what_it_does_not_change(repo: Repository) -> None:
    slug = repo.account_slug("Acme")
    updated = repo.update_account(
        slug, lambda account: account.model_copy(update={"data": {"phase": 3}})
    )
    assert updated.data == {"phase": 3}
    assert repo.account(slug).data == {"phase": 3}
    assert repo.account(slug).name == "Acme"
    with pytest.raises(ValueError, match="slug"):
        repo.update_account(slug, lambda account: account.model_copy(update={"slug": "other"}))


def test_accounts_lists_every_account(repo: Repository) -> None:
    for name in ("Globex", "Acme", "Initech"):
        repo.account_slug(name)
    listed = [item for item in repo.accounts() if isinstance(item, Account)]
    assert [account.name for account in listed] == ["Acme", "Globex", "Initech"]


# --------------------------------------------------------------------------------- meetings


def test_meeting_ids_are_readable_and_unique(repo: Repository) -> None:
    first = repo.new_meeting("Acme", "2026-11-28", "negotiation")
    second = repo.new_meeting("ACME", "2026-11-28", "negotiation")
    third = repo.new_meeting("Acme", "2026-11-28", "Négociation finale")
    untyped = repo.new_meeting("Acme", "2026-11-28", None)
    assert first[1] == "2026-11-28-acme-negotiation"
    assert second[1] == "2026-11-28-acme-negotiation-2"
    assert third[1] == "2026-11-28-acme-negociation-finale"
    assert untyped[1] == "2026-11-28-acme"
    assert first[0].slug == second[0].slug == "acme"


def test_meeting_ids_are_unique_across_accounts(repo: Repository) -> None:
    _, first = repo.new_meeting("Acme", "2026-11-28", "negotiation")
    _, second = repo.new_meeting("Acme Negotiation", "2026-11-28", None)
    assert first == "2026-11-28-acme-negotiation"
    assert second == "2026-11-28-acme-negotiation-2"


def test_a_bad_date_is_refused(repo: Repository) -> None:
    for date in ("28/11/2026", "2026-02-30", "tomorrow"):
        with pytest.raises(ValueError, match="date"):
            repo.new_meeting("Acme", date, None)


def test_resolve_meeting(repo: Repository) -> None:
    for date, kind in (("2026-11-28", "negotiation"), ("2026-12-02", "closing")):
        repo.new_meeting("Acme", date, kind)
    repo.new_meeting("Globex", "2026-11-28", "discovery")
    assert repo.resolve_meeting("2026-11-28-acme-negotiation") == "2026-11-28-acme-negotiation"
    assert repo.resolve_meeting("2026-12") == "2026-12-02-acme-closing"
    assert repo.resolve_meeting("Globex") == "2026-11-28-globex-discovery"
    with pytest.raises(NotFoundError, match="matches 2 meetings") as caught:
        repo.resolve_meeting("2026-11-28")
    assert "2026-11-28-globex-discovery" in str(caught.value)
    with pytest.raises(NotFoundError, match="no meeting matches"):
        repo.resolve_meeting("initech")


def test_path_of(repo: Repository, home: Path) -> None:
    _, meeting = repo.new_meeting("Acme", "2026-11-28", "negotiation")
    assert repo.path_of(meeting, "debrief") == home / "accounts" / "acme" / meeting / "debrief.md"
    for bad in ("nope", "../acme", "", ".locks"):
        with pytest.raises(NotFoundError):
            repo.path_of(bad, "prep")
    with pytest.raises(ValueError, match="kind"):
        repo.path_of(meeting, "memo")


def test_forget_meeting_gives_back_an_unused_id(repo: Repository) -> None:
    _, meeting = repo.new_meeting("Acme", "2026-11-28", "negotiation")
    repo.forget_meeting(meeting)
    with pytest.raises(NotFoundError):
        repo.path_of(meeting, "prep")
    assert repo.new_meeting("Acme", "2026-11-28", "negotiation")[1] == meeting
    repo.save(make_record(repo.account_ref("Acme"), meeting), BODY)
    with pytest.raises(StoreError, match="has records"):
        repo.forget_meeting(meeting)
    assert repo.load(meeting, "prep").meeting == meeting


# --------------------------------------------------------------------------------- records


def test_save_and_load(repo: Repository) -> None:
    record = new_record(repo, notes="first notes\n")
    path = repo.save(record, BODY)
    assert path.name == "prep.md"
    assert repo.load(record.meeting, "prep") == record
    with pytest.raises(NotFoundError, match="no debrief"):
        repo.load(record.meeting, "debrief")


def test_notes_survive_regeneration(repo: Repository) -> None:
    record = new_record(repo)
    path = repo.save(record, BODY)
    with path.open("a", encoding="utf-8") as file:
        file.write("The CFO decides.\n\n- call back Tuesday\n")
    changed = record.model_copy(update={"answers": {"meeting": {"type": "closing"}}})
    repo.save(changed, "# a new body\n")
    reloaded = repo.load(record.meeting, "prep")
    assert reloaded.notes == "The CFO decides.\n\n- call back Tuesday\n"
    assert reloaded.answers == {"meeting": {"type": "closing"}}
    assert "# a new body" in path.read_text()
    assert "The CFO decides." not in path.read_text().split(NOTES_MARKER)[0]


def test_notes_given_in_the_record_replace_the_old_ones(repo: Repository) -> None:
    record = new_record(repo, notes="old\n")
    repo.save(record, BODY)
    repo.save(record.model_copy(update={"notes": "new\n"}), BODY)
    assert repo.load(record.meeting, "prep").notes == "new\n"


def test_a_file_that_lost_its_marker_is_backed_up_before_regeneration(repo: Repository) -> None:
    record = new_record(repo)
    path = repo.save(record, BODY)
    edited = path.read_text().replace(NOTES_MARKER, "") + "hand-written notes\n"
    path.write_text(edited)
    repo.save(record, BODY)
    backups = list(path.parent.glob("prep.md.*.bak"))
    assert len(backups) == 1
    assert backups[0].read_text() == edited
    assert mode(backups[0]) == 0o600
    assert [item.path for item in repo.scan() if isinstance(item, Broken)] == []


def test_a_broken_existing_file_keeps_its_notes_when_regenerated(repo: Repository) -> None:
    record = new_record(repo, notes="keep me\n")
    path = repo.save(record, BODY)
    path.write_text(path.read_text().replace("kind: prep", "kind: [broken"))
    with pytest.raises(RecordError):
        repo.load(record.meeting, "prep")
    repo.save(record.model_copy(update={"notes": ""}), BODY)
    assert repo.load(record.meeting, "prep").notes == "keep me\n"


def test_save_needs_a_reserved_meeting_of_the_same_account(repo: Repository) -> None:
    record = new_record(repo)
    with pytest.raises(NotFoundError):
        repo.save(record.model_copy(update={"meeting": "2026-01-01-nowhere"}), BODY)
    globex = repo.account_ref("Globex")
    with pytest.raises(StoreError, match="belongs to account folder acme"):
        repo.save(record.model_copy(update={"account": globex}), BODY)


def test_save_refuses_a_file_created_meanwhile(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = new_record(repo)
    path = repo.path_of(record.meeting, "prep")
    real_lexists = os.path.lexists

    def racing_lexists(candidate: str | os.PathLike[str]) -> bool:
        if Path(candidate) == path and not real_lexists(path):
            path.write_text("another process won\n")  # created between the check and the write
            return False
        return real_lexists(candidate)

    monkeypatch.setattr("salescoach.store.repository.os.path.lexists", racing_lexists)
    with pytest.raises(StoreError, match="created meanwhile"):
        repo.save(record, BODY)
    assert path.read_text() == "another process won\n"


def test_a_file_in_the_wrong_folder_is_refused(repo: Repository) -> None:
    record = new_record(repo)
    path = repo.save(record, BODY)
    debrief = path.with_name("debrief.md")
    debrief.write_text(path.read_text())  # says kind: prep
    with pytest.raises(RecordError, match="its data says"):
        repo.load(record.meeting, "debrief")


def test_write_failures_are_store_errors_and_leave_the_old_file(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = new_record(repo, notes="kept\n")
    path = repo.save(record, BODY)
    before = path.read_bytes()

    def disk_full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("salescoach.store.atomic.os.write", disk_full)
    with pytest.raises(StoreError, match="No space left on device"):
        repo.save(record, "# new body\n")
    with pytest.raises(StoreError, match="No space left"):
        repo.update_account("acme", lambda account: account)
    with pytest.raises(StoreError, match="No space left"):
        repo.new_meeting("Globex", "2026-11-28", None)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert list(repo.scan()) == [record]


def test_a_record_too_large_to_read_back_is_not_written(repo: Repository) -> None:
    record = new_record(repo, answers={"meeting": {"essay": "word " * 1_100_000}})
    with pytest.raises(StoreError, match="more than the 5,000,000 bytes a record may hold"):
        repo.save(record, BODY)
    assert not repo.path_of(record.meeting, "prep").exists()


@pytest.mark.usefixtures("umask_zero")
def test_everything_is_private_with_umask_zero(repo: Repository, home: Path) -> None:
    record = new_record(repo)
    repo.save(record, BODY)
    repo.save(record, BODY)
    repo.update_account("acme", lambda account: account)
    for root, directories, files in os.walk(home):
        for name in directories:
            assert mode(Path(root) / name) == 0o700, Path(root) / name
        for name in files:
            assert mode(Path(root) / name) == 0o600, Path(root) / name
    assert mode(home) == 0o700


# --------------------------------------------------------------------------------- scanning


def write_raw(repo: Repository, account: str, date: str, data: bytes) -> Path:
    ref, meeting = repo.new_meeting(account, date, None)
    path = repo.path_of(meeting, "prep")
    path.write_bytes(data)
    return path


def test_scan_yields_records_and_broken_files_without_raising(repo: Repository) -> None:
    good = new_record(repo, "Acme", "2026-11-01")
    repo.save(good, BODY)
    debrief = good.model_copy(update={"kind": "debrief"})
    repo.save(debrief, BODY)
    valid = render_record_file(new_record(repo, "Acme", "2026-11-02"), BODY)
    broken = {
        write_raw(repo, "Broken", "2026-01-01", valid.split("\n---\n")[0].encode()): "not closed",
        write_raw(repo, "Broken", "2026-01-02", b"---\n- a list\n---\n"): "mapping",
        write_raw(repo, "Broken", "2026-01-03", b"---\nkind: caf\xe9\n---\n"): "UTF-8",
        write_raw(repo, "Broken", "2026-01-04", b"\xef\xbb\xbf" + valid.encode()): "byte-order",
        write_raw(repo, "Broken", "2026-01-05", b"---\nkind: prep\n---\n"): "schema_version",
    }
    items = list(repo.scan())
    records = [item for item in items if isinstance(item, Record)]
    problems = {item.path: item.message for item in items if isinstance(item, Broken)}
    assert records == [good, debrief]
    assert problems.keys() == broken.keys()
    for path, expected in broken.items():
        assert expected in problems[path]
        assert str(path) not in problems[path]  # the path is given once, by Broken itself


def test_scan_filters_by_account_and_kind(repo: Repository) -> None:
    acme = new_record(repo, "Acme")
    globex = new_record(repo, "Globex")
    repo.save(acme, BODY)
    repo.save(globex, BODY)
    repo.save(acme.model_copy(update={"kind": "debrief"}), BODY)
    assert [r.meeting for r in repo.scan(account="Globex") if isinstance(r, Record)] == [
        globex.meeting
    ]
    assert [r.kind for r in repo.scan(account="acme") if isinstance(r, Record)] == [
        "prep",
        "debrief",
    ]
    assert len(list(repo.scan(kind="prep"))) == 2
    with pytest.raises(NotFoundError):
        list(repo.scan(account="Initech"))


def test_scan_ignores_temporaries_and_hidden_entries(repo: Repository) -> None:
    record = new_record(repo)
    path = repo.save(record, BODY)
    (path.parent / ".prep.md.tmp-0123abcd").write_text("half a fi")
    (path.parent.parent / ".git").mkdir()
    assert list(repo.scan()) == [record]


def test_scan_of_an_empty_home(tmp_path: Path) -> None:
    assert list(Repository(tmp_path / "nothing").scan()) == []


def test_latest(repo: Repository) -> None:
    repo.account_slug("Acme")
    assert repo.latest("acme", "prep") is None
    older = new_record(repo, "Acme", "2026-10-01")
    newer = new_record(repo, "Acme", "2026-11-01", created="2026-09-01T10:00:00+00:00")
    same_day_early = new_record(repo, "Acme", "2026-11-01", created="2026-09-01T11:30:00+02:00")
    for record in (older, newer, same_day_early):
        repo.save(record, BODY)
    latest = repo.latest("acme", "prep")
    assert latest is not None and latest.meeting == newer.meeting  # 10:00Z is after 09:30Z
    assert repo.latest("acme", "debrief") is None


# --------------------------------------------------------------------------------- containment


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def test_an_account_folder_linking_outside_is_refused(
    repo: Repository, home: Path, outside: Path
) -> None:
    record = new_record(repo)
    repo.save(record, BODY)
    (outside / "2026-11-28-evil").mkdir()
    (outside / "2026-11-28-evil" / "prep.md").write_text(
        render_record_file(make_record(record.account, "2026-11-28-evil"), BODY)
    )
    (home / "accounts" / "evil").symlink_to(outside)
    with pytest.raises(StoreError, match="outside the data home"):
        repo.load("2026-11-28-evil", "prep")
    items = list(repo.scan())
    assert record in items
    assert [item.path.name for item in items if isinstance(item, Broken)] == ["evil"]


def test_a_record_file_linking_outside_is_neither_read_nor_written(
    repo: Repository, outside: Path
) -> None:
    record = new_record(repo)
    target = outside / "secret.md"
    target.write_text("do not touch\n")
    repo.path_of(record.meeting, "prep").symlink_to(target)
    with pytest.raises(StoreError, match="outside the data home"):
        repo.save(record, BODY)
    with pytest.raises(StoreError):
        repo.load(record.meeting, "prep")
    assert target.read_text() == "do not touch\n"
    assert [type(item) for item in repo.scan()] == [Broken]


def test_account_yaml_linking_outside_is_refused(
    repo: Repository, home: Path, outside: Path
) -> None:
    (outside / "account.yaml").write_text("slug: acme\nname: Acme\ncreated: x\n")
    (home / "accounts" / "acme").mkdir(parents=True)
    (home / "accounts" / "acme" / "account.yaml").symlink_to(outside / "account.yaml")
    with pytest.raises(StoreError, match="outside"):
        repo.account("acme")


def test_links_inside_the_home_are_followed(repo: Repository, home: Path) -> None:
    record = new_record(repo)
    repo.save(record, BODY)
    (home / "accounts" / "acme-alias").symlink_to(home / "accounts" / "acme")
    assert list(repo.scan()) == [record]  # an alias of an account folder is not a second account
    assert repo.load(record.meeting, "prep") == record
    (home / "elsewhere").mkdir()
    (home / "elsewhere" / "globex").mkdir()
    (home / "accounts" / "globex").symlink_to(home / "elsewhere" / "globex")
    assert repo.account_slug("Globex") == "globex"
    globex = new_record(repo, "Globex")
    repo.save(globex, BODY)
    assert list(repo.scan()) == [record, globex]


def test_a_home_behind_a_symlink_works(tmp_path: Path) -> None:
    real = tmp_path / "real-home"
    real.mkdir()
    (tmp_path / "link-home").symlink_to(real)
    repo = Repository(tmp_path / "link-home")
    record = new_record(repo)
    repo.save(record, BODY)
    assert repo.load(record.meeting, "prep") == record


def test_read_or_broken_never_raises(repo: Repository, outside: Path) -> None:
    record = new_record(repo)
    path = repo.save(record, BODY)
    assert repo.read_or_broken(path) == record
    copy = outside / "prep.md"
    copy.write_bytes(path.read_bytes())
    assert isinstance(repo.read_or_broken(copy), Broken)
    assert isinstance(repo.read_or_broken(path.with_name("debrief.md")), Broken)
