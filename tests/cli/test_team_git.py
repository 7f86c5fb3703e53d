"""A sales team on git: two reps' clones of one home, through a bare repository.

Everything runs the command in this process (the ``salescoach`` fixture) against real git
repositories in ``tmp_path``; git's user config is empty (conftest), each clone names its rep.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from salescoach.paths import builtin_playbooks
from salescoach.store.index import Index
from salescoach.store.local import local_dir
from tests.cli.helpers import SALESCOACH

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is needed",
)


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def team(tmp_path: Path, salescoach: Any) -> dict[str, Path]:
    """A bare team repository and two reps' clones of it, made by ``init --git REMOTE``."""
    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    clones = {}
    for rep, name in (("ana", "Ana Lopez"), ("ben", "Ben Okafor")):
        home = tmp_path / rep
        done = salescoach("--home", str(home), "init", "--git", str(remote))
        assert done.code == 0, done.stderr
        assert "Cloned" in done.stderr
        git(home, "config", "user.name", name)
        git(home, "config", "user.email", f"{rep}@example.com")
        clones[rep] = home
    return {"remote": remote, **clones}


@pytest.fixture
def answers(tmp_path: Path, salescoach: Any) -> dict[str, Path]:
    """A complete prep (negotiation) and debrief answers file, from the playbooks' examples."""
    scratch = tmp_path / "scratch-home"
    prep = salescoach(
        "--home", str(scratch), "prep", "ACME", "--type", "negotiation", "--example-answers"
    )
    assert prep.code == 0, prep.stderr
    prep_file = tmp_path / "prep.yaml"
    prep_file.write_text(prep.stdout, encoding="utf-8")
    made = salescoach(
        "--home", str(scratch), "prep", "ACME", "--answers", str(prep_file), "--no-input"
    )
    assert made.code == 0, made.stderr
    debrief = salescoach("--home", str(scratch), "debrief", "--last", "--example-answers")
    assert debrief.code == 0, debrief.stderr
    debrief_file = tmp_path / "debrief.yaml"
    debrief_file.write_text(debrief.stdout, encoding="utf-8")
    return {"prep": prep_file, "debrief": debrief_file}


def prep_and_debrief(salescoach: Any, home: Path, answers: dict[str, Path]) -> str:
    """The rep prepares ACME for the day of the answers file, then debriefs it; the meeting."""
    made = salescoach(
        "--home", str(home), "prep", "ACME", "--answers", str(answers["prep"]), "--no-input"
    )
    assert made.code == 0, made.stderr
    meeting: str = made.stderr.split("Saved prep ", 1)[1].split(":", 1)[0]
    done = salescoach(
        "--home", str(home), "debrief", meeting, "--answers", str(answers["debrief"]), "--no-input"
    )
    assert done.code == 0, done.stderr
    return meeting


def records(home: Path) -> list[str]:
    return sorted(str(path.relative_to(home)) for path in home.glob("accounts/*/*/*.md"))


def test_two_reps_same_account_same_day_both_sync_and_both_clones_agree(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any
) -> None:
    ana, ben = team["ana"], team["ben"]
    ana_meeting = prep_and_debrief(salescoach, ana, answers)
    ben_meeting = prep_and_debrief(salescoach, ben, answers)
    # Same account, same day, same type: the ids differ by their author.
    assert ana_meeting.endswith("-ana-lopez") and ben_meeting.endswith("-ben-okafor")
    assert ana_meeting.rsplit("-ana-lopez", 1)[0] == ben_meeting.rsplit("-ben-okafor", 1)[0]
    for home in (ana, ben, ana):  # ana last: she receives ben's records
        synced = salescoach("--home", str(home), "sync")
        assert synced.code == 0, synced.stderr
    for home in (ana, ben):
        assert len(records(home)) == 4
        assert records(home) == records(ana)
        assert git(home, "status", "--porcelain") == ""  # nothing left over: no index, no lock
        assert git(home, "ls-files", "--unmerged") == ""
        with Index.open(home) as index:
            indexed = sorted((facts.meeting, facts.kind) for facts in index.facts())
            assert index.problems() == []
        assert indexed == sorted(
            (meeting, kind)
            for meeting in (ana_meeting, ben_meeting)
            for kind in ("prep", "debrief")
        )
        listed = salescoach("--home", str(home), "list", "--json")
        assert listed.code == 0 and len(listed.json()) == 4
    # The commits say whose meetings they carry.
    log = git(ana, "log", "--format=%s")
    assert f"prep {ana_meeting}" in log and f"debrief {ben_meeting}" in log
    # Each record names its rep; the account file is the same in both clones.
    ana_prep = (ana / "accounts" / "acme" / ana_meeting / "prep.md").read_text(encoding="utf-8")
    assert "\nauthor: Ana Lopez\n" in ana_prep
    ben_debrief = (ana / "accounts" / "acme" / ben_meeting / "debrief.md").read_text(
        encoding="utf-8"
    )
    assert "\nauthor: Ben Okafor\n" in ben_debrief
    assert "created" not in (ana / "accounts" / "acme" / "account.yaml").read_text(encoding="utf-8")


def test_no_record_holds_the_home_or_the_install_path(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any, tmp_path: Path
) -> None:
    ana = team["ana"]
    team_playbooks = tmp_path / "team-playbooks"
    team_playbooks.mkdir()
    opa = (builtin_playbooks() / "en" / "opa.yaml").read_text(encoding="utf-8")
    (team_playbooks / "opa.yaml").write_text(opa, encoding="utf-8")
    subprocess.run(["git", "init", "--quiet", str(team_playbooks)], check=True)
    git(team_playbooks, "-c", "user.name=T", "-c", "user.email=t@x", "add", ".")
    git(team_playbooks, "-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "opa")
    commit = git(team_playbooks, "rev-parse", "HEAD").strip()
    made = salescoach(
        "--home",
        str(ana),
        "--playbooks",
        str(team_playbooks),
        "prep",
        "ACME",
        "--answers",
        str(answers["prep"]),
        "--no-input",
    )
    assert made.code == 0, made.stderr
    prep_and_debrief(salescoach, ana, answers)
    files = [*ana.glob("accounts/**/*.md"), *ana.glob("accounts/*/account.yaml")]
    assert len(files) >= 4
    forbidden = [str(ana), str(tmp_path), str(builtin_playbooks().parent), str(Path.home())]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for where in forbidden:
            assert where not in text, (path, where)
    team_prep = next(
        path
        for path in files
        if "team-playbooks" not in str(path)
        and path.name == "prep.md"
        and "source: team" in path.read_text(encoding="utf-8")
    )
    text = team_prep.read_text(encoding="utf-8")
    assert f"- id: opa\n  version: 1\n  language: en\n  source: team\n  commit: {commit}\n" in text
    assert "- id: meeting\n  version: 1\n  language: en\n  source: built-in\n" in text


def test_a_conflict_is_named_by_list_and_refused_by_sync(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any
) -> None:
    ana, ben = team["ana"], team["ben"]
    meeting = prep_and_debrief(salescoach, ana, answers)
    assert salescoach("--home", str(ana), "sync").code == 0
    assert salescoach("--home", str(ben), "sync").code == 0
    prep = Path("accounts") / "acme" / meeting / "prep.md"
    for home, note in (
        (ana, "Ana: the budget owner is Claire"),
        (ben, "Ben: the budget owner is Marc"),
    ):
        with (home / prep).open("a", encoding="utf-8") as out:
            out.write(note + "\n")
    assert salescoach("--home", str(ana), "sync").code == 0
    stopped = salescoach("--home", str(ben), "sync")
    assert stopped.code == 1
    assert "conflict" in stopped.stderr and str(prep) in stopped.stderr
    assert "Traceback" not in stopped.stderr
    # Reading commands name the file and why, and do not pass for complete.
    listed = salescoach("--home", str(ben), "list")
    assert listed.code == 1
    assert str(ben / prep) in listed.stderr and "conflict markers" in listed.stderr
    assert "No records yet" not in listed.stderr
    as_json = salescoach("--home", str(ben), "list", "--json")
    assert as_json.code == 1 and str(ben / prep) in as_json.stderr
    report = salescoach("--home", str(ben), "report", "objections")
    assert report.code == 1 and "conflict markers" in report.stderr
    shown = salescoach("--home", str(ben), "show", meeting)
    assert shown.code == 1 and "conflict markers" in shown.stderr
    # sync refuses while the markers are there...
    refused = salescoach("--home", str(ben), "sync")
    assert refused.code == 1 and str(prep) in refused.stderr
    assert "<<<<<<<" in (ben / prep).read_text(encoding="utf-8")
    # ... and finishes once the rep kept both notes.
    text = (ben / prep).read_text(encoding="utf-8")
    kept = "\n".join(
        line for line in text.split("\n") if not line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
    )
    (ben / prep).write_text(kept, encoding="utf-8")
    finished = salescoach("--home", str(ben), "sync")
    assert finished.code == 0, finished.stderr
    assert salescoach("--home", str(ana), "sync").code == 0
    notes = (ana / prep).read_text(encoding="utf-8")
    assert "Ana: the budget owner is Claire" in notes and "Ben: the budget owner is Marc" in notes
    assert git(ben, "status", "--porcelain") == ""


def test_sync_refuses_to_commit_conflict_markers_written_by_hand(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any
) -> None:
    ana = team["ana"]
    meeting = prep_and_debrief(salescoach, ana, answers)
    prep = ana / "accounts" / "acme" / meeting / "prep.md"
    with prep.open("a", encoding="utf-8") as out:
        out.write("<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n")
    refused = salescoach("--home", str(ana), "sync")
    assert refused.code == 1
    assert "conflict markers" in refused.stderr and meeting in refused.stderr
    assert git(ana, "log", "--oneline", "--all").strip() == ""  # nothing committed


def test_sync_without_a_remote_commits_here_and_says_how_to_share(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    home = tmp_path / "solo"
    prep_and_debrief(salescoach, home, answers)
    assert (home / ".gitignore").is_file()
    assert salescoach("--home", str(home), "sync").code == 1  # not a repository yet
    made = salescoach("--home", str(home), "init", "--git")
    assert made.code == 0, made.stderr
    nobody = salescoach("--home", str(home), "sync")
    assert nobody.code == 1 and "git config --global user.name" in nobody.stderr
    git(home, "config", "user.name", "Solo")
    git(home, "config", "user.email", "solo@example.com")
    alone = salescoach("--home", str(home), "sync")
    assert alone.code == 1
    assert "no remote" in alone.stderr and "git remote add origin" in alone.stderr
    assert "committed here" in alone.stderr
    assert git(home, "status", "--porcelain") == ""


def test_sync_with_an_unreachable_remote_keeps_the_commit(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any, tmp_path: Path
) -> None:
    ana = team["ana"]
    prep_and_debrief(salescoach, ana, answers)
    git(ana, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    failed = salescoach("--home", str(ana), "sync")
    assert failed.code == 1
    assert "cannot reach the remote origin" in failed.stderr and "Traceback" not in failed.stderr
    assert git(ana, "status", "--porcelain") == ""  # committed here, nothing lost
    french = salescoach("--lang", "fr", "--home", str(ana), "sync")
    assert french.code == 1 and "impossible de joindre le dépôt distant origin" in french.stderr


def test_init_git_twice_is_refused_and_the_gitignore_keeps_local_files_out(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    home = tmp_path / "home-git"
    assert salescoach("--home", str(home), "init", "--git").code == 0
    again = salescoach("--home", str(home), "init", "--git")
    assert again.code == 1 and "already a git repository" in again.stderr
    git(home, "config", "user.name", "Rep")
    git(home, "config", "user.email", "rep@example.com")
    prep_and_debrief(salescoach, home, answers)
    (home / "drafts").mkdir(exist_ok=True)
    (home / "drafts" / "d.yaml").write_text("x: 1\n", encoding="utf-8")
    (home / ".index.sqlite3").write_bytes(b"an older version's index")
    status = git(home, "status", "--porcelain", "--untracked-files=all")
    assert "drafts" not in status and ".index" not in status
    assert "prep.md" in status and "debrief.md" in status
    assert not (home / ".locks").exists()
    assert (local_dir(home) / "locks").is_dir()


def edit_without_prompts(home: Path, meeting: str, kind: str = "prep") -> Path:
    """``edit`` through the meetings service, every answer kept (no prompter): the rewrite."""
    from salescoach.playbook.library import Library, search_path
    from salescoach.service.meetings import Finished, Meetings
    from salescoach.store.repository import Repository

    meetings = Meetings(Repository(home), Library.load("en", search_path("en")), "en")
    outcome = meetings.walk(meetings.start_edit(meeting, kind), None)
    assert isinstance(outcome, Finished)
    return outcome.saved.path


def test_a_record_written_before_records_were_portable_is_read_and_migrated_on_rewrite(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    home = tmp_path / "old"
    meeting = prep_and_debrief(salescoach, home, answers)
    prep = home / "accounts" / "acme" / meeting / "prep.md"
    text = prep.read_text(encoding="utf-8")
    old = text.replace("schema_version: 3", "schema_version: 2").replace(
        "  source: built-in\n", "  origin: built-in\n  path: /home/someone/playbooks/x.yaml\n"
    )
    assert old.count("/home/someone") == 5
    prep.write_text(old, encoding="utf-8")
    shown = salescoach("--home", str(home), "show", meeting, "--json")
    assert shown.code == 0, shown.stderr
    assert {use["source"] for use in json.loads(shown.stdout)["prep"]["playbooks"]} == {"built-in"}
    assert salescoach("--home", str(home), "list").code == 0
    edit_without_prompts(home, meeting)
    rewritten = prep.read_text(encoding="utf-8")
    assert "/home/someone" not in rewritten and "origin:" not in rewritten
    assert "schema_version: 3" in rewritten


def test_hand_added_tags_and_unknown_keys_survive_an_edit(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    home = tmp_path / "vault"
    meeting = prep_and_debrief(salescoach, home, answers)
    prep = home / "accounts" / "acme" / meeting / "prep.md"
    text = prep.read_text(encoding="utf-8")
    assert "tags:\n- salescoach/prep\n- account/acme\n- type/negotiation\n" in text
    # Obsidian's way: a tag and an alias added by hand, and a key of another plug-in.
    text = text.replace("- type/negotiation\n", "- type/negotiation\n- key-account\n", 1).replace(
        "\n---\n", "\naliases:\n- ACME Q4 deal\ncssclasses: wide\n---\n", 1
    )
    prep.write_text(text, encoding="utf-8")
    for command in (["show", meeting], ["agenda"], ["list"], ["report", "objections"]):
        done = salescoach("--home", str(home), *command)
        assert done.code == 0, (command, done.stderr)
        assert "skipped" not in done.stderr
    edit_without_prompts(home, meeting)
    edited = prep.read_text(encoding="utf-8")
    assert "- type/negotiation\n- key-account\n" in edited
    assert "aliases:\n- ACME Q4 deal\n" in edited and "cssclasses: wide\n" in edited
    assert edited.count("key-account") == 1
    # The prep and its debrief link to each other, relatively.
    assert "[debrief](debrief.md)" in edited
    debrief = (prep.parent / "debrief.md").read_text(encoding="utf-8")
    assert "[prep](prep.md)" in debrief


def test_sync_auto_shares_each_save_and_a_failed_sync_loses_nothing(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any, tmp_path: Path
) -> None:
    (tmp_path / "config.yaml").write_text("sync: auto\nauthor: Ana L.\n", encoding="utf-8")
    ana = team["ana"]
    made = salescoach(
        "--home", str(ana), "prep", "ACME", "--answers", str(answers["prep"]), "--no-input"
    )
    assert made.code == 0, made.stderr
    assert "Synced with origin." in made.stderr
    subjects = git(team["remote"], "log", "--format=%s", "--all")
    assert "-ana-l" in subjects  # the config's author names the meeting, and it was pushed
    git(ana, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    offline = salescoach(
        "--home", str(ana), "prep", "Beta", "--answers", str(answers["prep"]), "--no-input"
    )
    assert offline.code == 0, offline.stderr  # saved: the sync is the next step, not the save
    assert "not synced" in offline.stderr and "cannot reach the remote" in offline.stderr
    assert any(ana.glob("accounts/beta/*/prep.md"))
    # A next step marked done is shared too.
    git(ana, "remote", "set-url", "origin", str(team["remote"]))
    done_debrief = salescoach(
        "--home", str(ana), "debrief", "--last", "--answers", str(answers["debrief"]), "--no-input"
    )
    assert done_debrief.code == 0, done_debrief.stderr
    step = salescoach("--home", str(ana), "next", "--json").json()["steps"][0]["id"]
    marked = salescoach("--home", str(ana), "next", "done", step)
    assert marked.code == 0, marked.stderr
    assert "Synced with origin." in marked.stderr
    assert git(ana, "status", "--porcelain") == ""


def test_a_prep_says_which_earlier_records_it_could_not_carry_from(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    home = tmp_path / "carry"
    meeting = prep_and_debrief(salescoach, home, answers)
    debrief = home / "accounts" / "acme" / meeting / "debrief.md"
    with debrief.open("a", encoding="utf-8") as out:
        out.write("<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n")
    made = salescoach(
        "--home", str(home), "prep", "ACME", "--answers", str(answers["prep"]), "--no-input"
    )
    assert made.code == 0, made.stderr
    assert f"skipped {debrief}" in made.stderr and "conflict markers" in made.stderr


def test_sync_from_a_rep_folder_inside_a_team_repository(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    clones = []
    for rep in ("ana", "ben"):
        clone = tmp_path / f"{rep}-clone"
        subprocess.run(["git", "clone", "--quiet", str(remote), str(clone)], check=True)
        git(clone, "config", "user.name", rep.title())
        git(clone, "config", "user.email", f"{rep}@example.com")
        clones.append(clone)
    ana_clone, ben_clone = clones
    (ana_clone / "README.md").write_text("our records, one folder per rep\n", encoding="utf-8")
    prep_and_debrief(salescoach, ana_clone / "ana", answers)
    # ana's sync commits her folder only: the README stays hers to commit
    assert salescoach("--home", str(ana_clone / "ana"), "sync").code == 0
    assert git(ana_clone, "status", "--porcelain") == "?? README.md\n"
    prep_and_debrief(salescoach, ben_clone / "ben", answers)
    assert salescoach("--home", str(ben_clone / "ben"), "sync").code == 0
    assert len(records(ben_clone / "ana")) == 2 and len(records(ben_clone / "ben")) == 2
    manager = salescoach("report", "team", "--team", str(ben_clone), "--json")
    assert manager.code == 0, manager.stderr
    assert [line["figures"]["rep"] for line in manager.json()["reps"]] == ["ana", "ben"]


def test_changing_one_answer_is_a_small_diff(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    import copy
    import difflib

    from salescoach.playbook.library import Library, search_path
    from salescoach.service.meetings import Finished, Meetings
    from salescoach.store.repository import Repository

    home = tmp_path / "diff"
    made = salescoach(
        "--home", str(home), "prep", "ACME", "--answers", str(answers["prep"]), "--no-input"
    )
    assert made.code == 0, made.stderr
    prep = next(home.glob("accounts/acme/*/prep.md"))
    before = prep.read_text(encoding="utf-8").splitlines()
    meetings = Meetings(Repository(home), Library.load("en", search_path("en")), "en")
    started = meetings.start_edit(prep.parent.name)
    answered = copy.deepcopy(started.session.prefill)
    old = answered["meeting"]["objectives"][0]
    answered["meeting"]["objectives"][0] = "Get the budget range and the decision calendar"
    started.session.prefill = answered
    assert isinstance(meetings.walk(started, None), Finished)
    after = prep.read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    removed = sorted(line[1:].strip() for line in changed if line.startswith("-"))
    added = sorted(line[1:].strip() for line in changed if line.startswith("+"))
    assert len(removed) == len(added) <= 4, changed  # updated, the sequence, the answer, the body
    assert any(old in line for line in removed)
    assert sum("Get the budget range and the decision calendar" in line for line in added) == 2


def test_an_existing_home_joins_the_team_branch_whatever_git_calls_its_own(
    tmp_path: Path, answers: dict[str, Path], salescoach: Any
) -> None:
    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "trunk", str(remote)], check=True)
    ana = tmp_path / "ana"
    assert salescoach("--home", str(ana), "init", "--git", str(remote)).code == 0
    git(ana, "config", "user.name", "Ana")
    git(ana, "config", "user.email", "ana@example.com")
    prep_and_debrief(salescoach, ana, answers)
    assert salescoach("--home", str(ana), "sync").code == 0
    ben = tmp_path / "ben"
    prep_and_debrief(salescoach, ben, answers)  # a home of its own first, then shared
    joined = salescoach("--home", str(ben), "init", "--git", str(remote))
    assert joined.code == 0, joined.stderr
    git(ben, "config", "user.name", "Ben")
    git(ben, "config", "user.email", "ben@example.com")
    synced = salescoach("--home", str(ben), "sync")
    assert synced.code == 0, synced.stderr
    assert git(remote, "branch", "--format=%(refname:short)").split() == ["trunk"]
    assert len(records(ben)) == 4 and git(ben, "status", "--porcelain") == ""


def test_a_push_refused_because_another_rep_pushed_meanwhile_is_tried_again(
    team: dict[str, Path], answers: dict[str, Path], salescoach: Any, tmp_path: Path
) -> None:
    ana, ben = team["ana"], team["ben"]
    ana_meeting = prep_and_debrief(salescoach, ana, answers)
    ben_meeting = prep_and_debrief(salescoach, ben, answers)
    # Ben's first push meets a remote Ana has just pushed to, between his pull and his push.
    hook = ben / ".git" / "hooks" / "pre-push"
    flag = tmp_path / "ana-pushed"
    hook.write_text(
        "#!/bin/sh\n"
        f'[ -e "{flag}" ] && exit 0\n'
        f'touch "{flag}"\n'
        f'SALESCOACH_HOME="{ana}" "{SALESCOACH}" sync >/dev/null 2>&1\n'
        "exit 0\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    synced = salescoach("--home", str(ben), "sync")
    assert synced.code == 0, synced.stderr
    assert flag.exists()
    assert salescoach("--home", str(ana), "sync").code == 0
    for home in (ana, ben):
        assert {path.split("/")[2] for path in records(home)} == {ana_meeting, ben_meeting}
        assert git(home, "status", "--porcelain") == ""
