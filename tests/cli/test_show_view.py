"""``show MEETING`` keeps the Markdown it printed (:mod:`salescoach.view_cache`) and prints it
again while nothing it came from changed — without reading a record or importing pydantic —
and shows the meeting from its files as soon as anything did: a record edited (by hand too), a
debrief added, a playbook changed, another ``--lang``; errors are still the files' own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from salescoach import library_cache
from salescoach.cli import showing
from salescoach.cli.app import run
from salescoach.paths import builtin_playbooks
from salescoach.view_cache import view_file


@pytest.fixture
def trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files the test has just written are trusted to show their next change in their stat
    (see test_a_record_changed_just_now_is_shown_but_not_kept)."""
    monkeypatch.setattr(library_cache, "RACY_SECONDS", 0.0)


def _answers(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Path:
    assert run([*argv, "--example-answers"]) == 0
    answers = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.yaml"
    answers.write_text(capsys.readouterr().out, encoding="utf-8")
    return answers


@pytest.fixture
def meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    answers = _answers(tmp_path, capsys, "prep", "ACME", "--type", "negotiation")
    assert run(["prep", "--answers", str(answers), "--no-input"]) == 0
    assert run(["list", "--json"]) == 0
    capsys.readouterr()
    return "2026-12-03-acme-negotiation"


def _show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["show", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _from_files(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """What show says with no copy kept (the truth a copy must match)."""
    views = view_file(Path(os.environ["SALESCOACH_HOME"]), "x", None, None).parent
    shutil.rmtree(views, ignore_errors=True)
    shown = _show(capsys, *argv)
    shutil.rmtree(views, ignore_errors=True)
    return shown


def _unread(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object) -> None:
        raise AssertionError("the records were read")

    monkeypatch.setattr(showing, "records_of", refused)


@pytest.mark.usefixtures("trusted")
def test_a_meeting_shown_again_is_printed_from_its_copy(
    meeting: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _show(capsys, meeting)
    assert first[0] == 0 and "Prep — ACME · Negotiation · 2026-12-03" in first[1]
    path = view_file(Path(os.environ["SALESCOACH_HOME"]).absolute(), meeting, None, None)
    assert path.is_file() and path.stat().st_mode & 0o077 == 0
    with monkeypatch.context() as patched:
        _unread(patched)
        assert _show(capsys, meeting) == first
        assert _show(capsys, meeting.upper()) == first  # as the id is looked up: any case
    assert _show(capsys, meeting, "--kind", "prep") == first  # a copy of its own


def test_the_second_show_imports_no_pydantic(meeting: str) -> None:
    probe = (
        "import sys\n"
        "from salescoach import library_cache\n"
        "library_cache.RACY_SECONDS = 0.0  # the records were just written\n"
        "from salescoach.cli.direct import run_direct\n"
        f"code = run_direct(['show', {meeting!r}])\n"
        "print(code, sorted(set(sys.modules) & {'pydantic', 'yaml'}))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
        )
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] == "0 ['pydantic', 'yaml']", runs[0].stderr
    assert runs[1].stdout.splitlines()[-1] == "0 []", runs[1].stderr
    assert runs[0].stdout == runs[1].stdout.replace("0 []", "0 ['pydantic', 'yaml']")


def _notes_by_hand(home: Path, meeting: str) -> None:
    path = home / "accounts" / "acme" / meeting / "prep.md"
    path.write_text(path.read_text("utf-8") + "\nCalled **Claire** back.\n", encoding="utf-8")


def _same_size_edit(home: Path, meeting: str) -> None:
    path = home / "accounts" / "acme" / meeting / "prep.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("ACME", "ACMF", 1), encoding="utf-8")


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("change", [_notes_by_hand, _same_size_edit], ids=lambda f: f.__name__)
def test_a_record_changed_by_hand_is_shown_anew(
    meeting: str, capsys: pytest.CaptureFixture[str], change: object
) -> None:
    before = _show(capsys, meeting)
    assert callable(change)
    change(Path(os.environ["SALESCOACH_HOME"]), meeting)
    after = _show(capsys, meeting)
    assert after != before
    assert after == _from_files(capsys, meeting)


@pytest.mark.usefixtures("trusted")
def test_a_debrief_added_is_shown_with_the_prep(
    meeting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prep_only = _show(capsys, meeting)
    answers = _answers(tmp_path, capsys, "debrief", meeting)
    assert run(["debrief", meeting, "--answers", str(answers), "--no-input"]) == 0
    capsys.readouterr()
    both = _show(capsys, meeting)
    assert "Debrief — ACME" in both[1] and both[1].startswith(prep_only[1])
    assert both == _from_files(capsys, meeting)
    assert _show(capsys, meeting, "--kind", "debrief")[1] == both[1][len(prep_only[1]) :]


@pytest.mark.usefixtures("trusted")
def test_a_playbook_changed_or_another_language_is_shown_anew(
    meeting: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _show(capsys, meeting)
    assert run(["--lang", "fr", "show", meeting]) == 0
    assert "ACME · Négociation · 2026-12-03" in capsys.readouterr().out
    assert _show(capsys, meeting) == before  # each language its own copy
    reads = _counted(monkeypatch)
    team = tmp_path / "team"
    team.mkdir()
    opa = (builtin_playbooks() / "en" / "opa.yaml").read_text("utf-8")
    (team / "opa.yaml").write_text(opa, "utf-8")  # a copy of the built-in: the same text
    monkeypatch.setenv("SALESCOACH_PLAYBOOKS", str(team))
    assert _show(capsys, meeting) == before
    assert reads == ["read"]  # a playbook added on the search path: shown from the files
    (team / "opa.yaml").write_text(opa.replace("OPA —", "Opening —"), "utf-8")
    edited = _show(capsys, meeting)
    assert reads == ["read"] * 2  # a playbook edited: shown from the files
    assert edited == _from_files(capsys, meeting) == _show(capsys, meeting)
    assert reads == ["read"] * 4  # (the truth, then kept again)
    assert _show(capsys, meeting) == edited
    assert reads == ["read"] * 4


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time show reads the meeting's records from the files."""
    reads: list[str] = []
    real = showing.records_of

    def counted(*args: Any, **options: Any) -> Any:
        reads.append("read")
        return real(*args, **options)

    monkeypatch.setattr(showing, "records_of", counted)
    return reads


def test_a_record_changed_just_now_is_shown_but_not_kept(
    meeting: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _show(capsys, meeting)
    assert shown[0] == 0
    home = Path(os.environ["SALESCOACH_HOME"]).absolute()
    assert not view_file(home, meeting, None, None).exists()


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize("damage", [b"", b"{", b'{"stamp": 1}', b"[]", "é".encode("latin-1")])
def test_a_damaged_copy_is_read_past_and_replaced(
    meeting: str, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    first = _show(capsys, meeting)
    path = view_file(Path(os.environ["SALESCOACH_HOME"]).absolute(), meeting, None, None)
    path.write_bytes(damage)
    assert _show(capsys, meeting) == first
    assert path.read_bytes() != damage


@pytest.mark.usefixtures("trusted")
def test_a_copy_others_may_write_is_never_read(
    meeting: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _show(capsys, meeting)
    path = view_file(Path(os.environ["SALESCOACH_HOME"]).absolute(), meeting, None, None)
    path.chmod(0o666)
    reads = _counted(monkeypatch)
    assert _show(capsys, meeting) == first
    assert reads == ["read"]


@pytest.mark.usefixtures("trusted")
def test_a_broken_record_or_a_link_out_of_the_home_is_an_error_as_before(
    meeting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _show(capsys, meeting)[0] == 0
    home = Path(os.environ["SALESCOACH_HOME"])
    folder = home / "accounts" / "acme" / meeting
    outside = tmp_path / "outside"
    shutil.copytree(folder, outside)
    shutil.rmtree(folder)
    folder.symlink_to(outside)
    code, out, err = _show(capsys, meeting)
    assert (code, out) == (1, "") and "leads outside the data home" in err
    folder.unlink()
    shutil.copytree(outside, folder)
    assert _show(capsys, meeting)[0] == 0
    (folder / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    code, out, err = _show(capsys, meeting)
    assert (code, out) == (1, "") and "prep.md" in err
    assert (code, out, err) == _from_files(capsys, meeting)


@pytest.mark.usefixtures("trusted")
def test_a_unique_part_of_an_id_is_printed_from_its_copy(
    meeting: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _show(capsys, meeting)
    reads = _counted(monkeypatch)
    assert _show(capsys, "12-03-ACME-nego") == first  # the one id containing it
    assert _show(capsys, "2026-12-03-acme") == first  # the one id starting with it
    assert reads == []
    answers = _answers(tmp_path, capsys, "prep", "Acme Logistics", "--type", "negotiation")
    assert run(["prep", "--answers", str(answers), "--no-input"]) == 0
    capsys.readouterr()
    several = _show(capsys, "12-03-acme")  # now two ids: the repository says which
    assert several[:2] == (1, "") and "matches 2 meetings" in several[2]
    assert several == _from_files(capsys, "12-03-acme")
    assert reads == ["read", "read"]


@pytest.mark.usefixtures("trusted")
def test_an_id_in_two_folders_or_none_is_looked_up_in_the_files(
    meeting: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _show(capsys, meeting)[0] == 0
    missing = _show(capsys, meeting.replace("negotiation", "negociation"))
    assert missing[:2] == (1, "") and f"did you mean: {meeting}" in missing[2]
    home = Path(os.environ["SALESCOACH_HOME"])
    other = home / "accounts" / "other"
    other.mkdir()
    shutil.copytree(home / "accounts" / "acme" / meeting, other / meeting)
    for query in (meeting, "acme-negotiation"):
        code, out, err = _show(capsys, query)
        assert (code, out) == (1, ""), query
        assert "is in several folders" in err or "matches 2 meetings" in err, err
