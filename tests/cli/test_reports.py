"""The report commands as a user runs them: tables and bars on stdout, ``--json``, exit codes.

Run in-process through the CLI's own entry point (``run``), on the hand-built homes of
``tests/reports``; the hand-worked answers live in those tests, these check the wiring.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

import icalendar

from salescoach.paths import builtin_playbooks
from salescoach.store.index import Index, index_path
from salescoach.store.local import local_dir
from salescoach.store.repository import Repository
from tests.reports import test_agenda, test_objections, test_phases, test_team
from tests.reports.homes import prep


def test_agenda_table_and_json(repo: Repository, salescoach: Any) -> None:
    test_agenda.build(repo)
    shown = salescoach("agenda", "--today", "2026-03-10")
    assert shown.code == 0, shown.stderr
    assert "92 d late" in shown.stdout
    assert "in 2 d" in shown.stdout
    assert "Send the quote" in shown.stdout
    assert "5 late · 0 today · 2 coming" in shown.stdout
    data = salescoach("agenda", "--today", "2026-03-10", "--json").json()
    assert data["today"] == "2026-03-10"
    assert [(i["what"], i["account"], i["days_late"]) for i in data["items"]] == [
        (what, account, late) for what, account, _, late, _ in test_agenda.EXPECTED
    ]


def test_agenda_cadence_follows_a_team_playbook(
    repo: Repository, salescoach: Any, tmp_path: Path
) -> None:
    test_agenda.build(repo)
    team = tmp_path / "team"
    team.mkdir()
    phases = (builtin_playbooks() / "en" / "phases.yaml").read_text(encoding="utf-8")
    # Phase 4 every 10 days instead of 2: Acme's contact (last met 03-01) is not due on 03-10.
    assert phases.count("cadence_days: 2\n") == 1
    (team / "phases.yaml").write_text(phases.replace("cadence_days: 2\n", "cadence_days: 10\n"))
    items = salescoach(
        "--playbooks", str(team), "agenda", "--today", "2026-03-10", "--json"
    ).json()["items"]
    assert ("contact", "Acme") not in [(i["what"], i["account"]) for i in items]


def test_a_phases_reference_without_cadence_is_a_precise_error(
    repo: Repository, salescoach: Any, tmp_path: Path
) -> None:
    test_agenda.build(repo)
    team = tmp_path / "team"
    team.mkdir()
    phases = (builtin_playbooks() / "en" / "phases.yaml").read_text(encoding="utf-8")
    (team / "phases.yaml").write_text(phases.replace("      cadence_days: 3\n", ""))
    failed = salescoach("--playbooks", str(team), "agenda")
    assert failed.code == 1
    assert str(team / "phases.yaml") in failed.stderr
    assert "entries[2].details.cadence_days" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_account_timeline(repo: Repository, salescoach: Any) -> None:
    from tests.reports import test_timeline

    test_timeline.build(repo)
    shown = salescoach("account", "acme")
    assert shown.code == 0, shown.stderr
    for text in ("Open next steps", "Send the contract", "balance -1", "1 → 2", "no debrief"):
        assert text in shown.stdout
    data = salescoach("account", "Acme", "--json").json()
    assert data["account_slug"] == "acme"
    assert data["balance"] == -1
    assert [m["date"] for m in data["meetings"]] == ["2026-01-10", "2026-02-01", "2026-03-01"]
    [step] = data["open_next_steps"]
    assert (
        step.items() >= {"action": "Send the contract", "owner": "Me", "due": "2026-02-10"}.items()
    )
    assert step["status"] == "open" and step["id"] in shown.stdout


def test_account_unknown(repo: Repository, salescoach: Any) -> None:
    prep(repo, "Acme", "2026-01-01")
    failed = salescoach("account", "Acmee")
    assert failed.code == 1
    assert "no account named 'Acmee'" in failed.stderr
    assert "did you mean: Acme" in failed.stderr


def test_report_objections_draws_bars(repo: Repository, salescoach: Any) -> None:
    test_objections.build(repo)
    shown = salescoach("report", "objections")
    assert shown.code == 0, shown.stderr
    assert "█" in shown.stdout
    assert "It's too expensive." in shown.stdout
    assert "missing from the library" in shown.stdout
    data = salescoach("report", "objections", "--json").json()
    assert data["debriefs"] == 4
    assert data["rows"][0]["objection"] == "price-too-high"
    assert data["missing_from_library"] == ["We need board approval."]


def test_report_phases_draws_the_funnel(repo: Repository, salescoach: Any) -> None:
    test_phases.build(repo)
    shown = salescoach("report", "phases", "--today", "2026-06-30")
    assert shown.code == 0, shown.stderr
    assert "█" in shown.stdout
    assert "Stuck more than 90 days" in shown.stdout
    data = salescoach("report", "phases", "--today", "2026-06-30", "--json").json()
    assert [row["accounts"] for row in data["rows"]] == [
        0,
        1,
        0,
        1,
        1,
        0,
    ]  # Delta, prepared ahead, in 5
    assert data["stuck"][0]["account"] == "Beta"
    later = salescoach("report", "phases", "--today", "2026-06-30", "--stuck-after", "200")
    assert "Stuck" not in later.stdout


def test_report_objectives_and_funnel(repo: Repository, salescoach: Any) -> None:
    from tests.reports import test_funnel, test_objectives

    test_objectives.build(repo)
    test_funnel.build(repo)
    objectives = salescoach("report", "objectives", "--json").json()
    assert objectives["not_debriefed"] == 2
    shown = salescoach("report", "objectives")
    assert "Negotiation" in shown.stdout and "2026-02" in shown.stdout
    funnel = salescoach("report", "funnel", "--json").json()
    assert [row["level"] for row in funnel["rows"]] == [
        "necessary",
        "essential",
        "useful",
        "superficial",
    ]
    assert "█" in salescoach("report", "funnel").stdout


def test_report_team_on_three_homes(salescoach: Any, tmp_path: Path) -> None:
    homes = test_team.build_team(tmp_path / "team")
    options = [value for home in homes for value in ("--home", str(home))]
    data = salescoach("report", "team", *options, "--today", "2026-06-30", "--json").json()
    assert [line["figures"]["rep"] for line in data["reps"]] == ["ana", "ben", "cleo"]
    assert [line["scores"] for line in data["reps"]] == test_team.EXPECTED_SCORES
    shown = salescoach("report", "team", *options, "--today", "2026-06-30")
    assert "team average" in shown.stdout
    assert "5.0/5" in shown.stdout
    for home in homes:
        assert index_path(home).exists()


def test_report_team_needs_homes(salescoach: Any) -> None:
    failed = salescoach("report", "team")
    assert failed.code == 2
    assert "--home" in failed.stderr


def build_export_home(repo: Repository) -> None:
    from tests.reports.homes import debrief

    acme = prep(repo, "Acme", "2026-01-10", objectives=["Budget"])
    debrief(repo, acme, results=["reached"], next_steps=[("Send the quote", "Me", "2026-01-20")])
    beta = prep(repo, "Beta", "2026-03-01", objectives=["Sign"])
    debrief(repo, beta, results=["partly"], next_steps=[("Call back", "", "2026-03-05")])


def test_export_json_lines(repo: Repository, salescoach: Any) -> None:
    build_export_home(repo)
    lines = salescoach("export").stdout.splitlines()
    assert [(json.loads(line)["meeting"][:10], json.loads(line)["kind"]) for line in lines] == [
        ("2026-01-10", "prep"),
        ("2026-01-10", "debrief"),
        ("2026-03-01", "prep"),
        ("2026-03-01", "debrief"),
    ]
    since = salescoach("export", "--since", "2026-02-01").stdout.splitlines()
    assert {json.loads(line)["account"]["slug"] for line in since} == {"beta"}


def test_export_csv_for_one_account(repo: Repository, salescoach: Any) -> None:
    build_export_home(repo)
    rows = list(csv.DictReader(io.StringIO(salescoach("export", "-f", "csv", "-a", "Beta").stdout)))
    assert [(row["account"], row["kind"]) for row in rows] == [
        ("Beta", "prep"),
        ("Beta", "debrief"),
    ]


def test_export_csv_for_a_french_excel_reads_back_in_its_dialect(
    repo: Repository, salescoach: Any, tmp_path: Path
) -> None:
    from salescoach.reports.export import ExcelSemicolon

    build_export_home(repo)
    prep(repo, "Société Générale", "2026-04-01", objectives=["Budget; calendrier", "Délais"])
    target = tmp_path / "export.csv"
    done = salescoach("--lang", "fr", "export", "-f", "csv", "--excel", "-o", str(target))
    assert done.code == 0, done.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    with target.open(encoding="utf-8-sig", newline="") as opened:
        rows = list(csv.DictReader(opened, dialect=ExcelSemicolon))
    assert raw[3:].split(b"\r\n")[0].count(b";") == len(rows[0]) - 1
    societe = next(row for row in rows if row["account"] == "Société Générale")
    assert societe["objectives"] == "Budget; calendrier; Délais"
    english = salescoach("--lang", "en", "export", "-f", "csv", "--excel").stdout
    assert english.startswith("\ufeffmeeting,kind,")
    refused = salescoach("export", "-f", "json", "--excel")
    assert refused.code == 2 and "--excel" in refused.stderr


def test_export_ics_to_a_file(repo: Repository, salescoach: Any, tmp_path: Path) -> None:
    build_export_home(repo)
    target = tmp_path / "steps.ics"
    done = salescoach("export", "--format", "ics", "--output", str(target))
    assert done.code == 0, done.stderr
    assert done.stdout == ""
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    steps = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("step-")]
    assert [(str(event["summary"]), event.decoded("dtstart")) for event in steps] == [
        ("Send the quote — Acme", dt.date(2026, 1, 20)),
        ("Call back — Beta", dt.date(2026, 3, 5)),
    ]


def test_export_refuses_a_bad_date(repo: Repository, salescoach: Any) -> None:
    build_export_home(repo)
    failed = salescoach("export", "--since", "March")
    assert failed.code == 2
    assert "YYYY-MM-DD" in failed.stderr


def test_reports_on_an_empty_home(salescoach: Any, isolated_home: Path) -> None:
    assert salescoach("agenda").code == 0
    assert salescoach("report", "objections", "--json").json()["rows"] == []
    assert salescoach("report", "funnel").code == 0
    assert not isolated_home.exists()


def test_unreadable_records_are_named_and_the_report_is_not_taken_for_whole(
    repo: Repository, salescoach: Any
) -> None:
    build_export_home(repo)
    broken = repo.path_of("2026-01-10-acme-discovery", "prep")
    broken.write_text("---\nkind: [\n---\n")
    shown = salescoach("report", "objectives", "--json")
    assert shown.code == 1  # the report is shown, but leaves a record out
    assert shown.json()["not_debriefed"] >= 0
    assert f"skipped {broken}" in shown.stderr
    assert "1 record file could not be read" in shown.stderr


def test_a_prep_saved_by_the_tool_updates_the_index(
    repo: Repository, salescoach: Any, tmp_path: Path, isolated_home: Path
) -> None:
    build_export_home(repo)
    assert salescoach("agenda").code == 0  # builds the index
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        salescoach("prep", "Gamma", "--type", "discovery", "--example-answers").stdout
    )
    assert salescoach("prep", "Gamma", "--answers", str(answers), "--no-input").code == 0
    # Read the index as it is, without refreshing it from the files.
    with Index(isolated_home, _open_raw(isolated_home)) as index:
        assert "gamma" in {f.account_slug for f in index.facts()}


def _open_raw(home: Path) -> Any:
    import sqlite3

    return sqlite3.connect(index_path(home))


def test_deleting_the_cache_changes_nothing(repo: Repository, salescoach: Any) -> None:
    test_objections.build(repo)
    before = salescoach("report", "objections", "--json").stdout
    assert index_path(repo.home).is_file()
    shutil.rmtree(local_dir(repo.home))  # the index, its marks and the locks
    assert salescoach("report", "objections", "--json").stdout == before


def _snapshot(folder: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(path.relative_to(folder)), path.lstat().st_mtime_ns, path.lstat().st_size)
        for path in folder.rglob("*")
    )


def test_report_team_over_a_team_folder_reads_every_home_and_writes_none(
    salescoach: Any, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    homes = test_team.build_team(team)
    (team / ".git").mkdir()  # a team repository: its own folder is not a rep
    (team / "README.md").write_text("one folder per rep\n", encoding="utf-8")
    read_only = homes[1]
    folders = [read_only, *(path for path in read_only.rglob("*") if path.is_dir())]
    files = [path for path in read_only.rglob("*") if path.is_file()]
    before = _snapshot(team)
    for path in files:
        path.chmod(0o444)
    for folder in folders:
        folder.chmod(0o555)
    try:
        data = salescoach("report", "team", "--team", str(team), "--today", "2026-06-30", "--json")
        french = salescoach("--lang", "fr", "report", "team", "--team", str(team))
    finally:
        for folder in folders:
            folder.chmod(0o700)
        for path in files:
            path.chmod(0o600)
    assert data.code == 0, data.stderr
    assert [line["figures"]["rep"] for line in data.json()["reps"]] == ["ana", "ben", "cleo"]
    assert [line["scores"] for line in data.json()["reps"]] == test_team.EXPECTED_SCORES
    assert french.code == 0, french.stderr
    assert _snapshot(team) == before  # nothing written into any home
    for home in homes:
        assert index_path(home).is_file()  # each index is in the cache


def test_report_team_over_a_folder_without_homes_says_so(salescoach: Any, tmp_path: Path) -> None:
    (tmp_path / "empty" / "notes").mkdir(parents=True)
    failed = salescoach("report", "team", "--team", str(tmp_path / "empty"))
    assert failed.code == 2
    assert "no rep's home in it" in failed.stderr
