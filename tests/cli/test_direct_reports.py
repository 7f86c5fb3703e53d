"""``agenda``, ``account``, ``report …`` and ``list`` run without Typer
(:mod:`salescoach.cli.direct_reports`) answer exactly as the app does, and leave every other
command line to Typer."""

from __future__ import annotations

from pathlib import Path

import pytest

from salescoach.cli import direct
from salescoach.cli.app import run
from salescoach.store.repository import Repository
from tests.cli.test_direct import answers_as_the_app_does
from tests.reports.homes import debrief, prep


@pytest.fixture
def home(isolated_home: Path) -> Path:
    repo = Repository(isolated_home)
    first = prep(repo, "Société Générale", "2026-01-10", phase="phase-2", objectives=["a"])
    debrief(repo, first, phase="phase-3", results=["reached"], levels=["necessary", "useful"])
    prep(repo, "Société Générale", "2026-03-10", phase="phase-3")
    ahead = prep(repo, "Acme", "2026-02-01", "presentation", phase="phase-4")
    debrief(repo, ahead, phase="client", objections=[("price-too-high", 3)])
    broken = isolated_home / "accounts" / "acme" / "2026-04-01-acme-discovery"
    broken.mkdir()
    (broken / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    return isolated_home


PLAIN = [
    ["agenda", "--today", "2026-01-20"],
    ["agenda", "--today", "2026-01-20", "--days", "30", "--limit", "1"],
    ["agenda", "--today=2026-01-20", "--days=3", "--limit=1"],
    ["agenda", "--json", "--today", "2026-03-01", "--limit", "0"],
    ["agenda", "--rescan", "--days", "0", "--today", "2026-02-02"],
    ["agenda", "--today", "yesterday"],
    ["agenda", "--today", ""],
    ["agenda"],
    ["account", "acme"],
    ["account", "Société Générale", "--json"],
    ["account", "--rescan", "acme"],
    ["account", "nobody"],
    ["report", "objections"],
    ["report", "objections", "--json"],
    ["report", "objectives", "--rescan"],
    ["report", "phases", "--today", "2026-03-01"],
    ["report", "phases", "--today", "2026-06-01", "--stuck-after", "1", "--json"],
    ["report", "phases", "--today=2026-06-01", "--stuck-after=1"],
    ["report", "phases", "--today", "2026-13-01"],
    ["report", "funnel"],
    ["report", "funnel", "--json"],
    ["report", "team", "--today", "2026-03-01"],
    ["report", "team", "--home", "HOME", "--today", "2026-03-01"],
    ["report", "team", "--home", "HOME", "--home", "HOME/accounts", "--json"],
    ["report", "team", "--home", "nowhere", "--today", "2026-03-01"],
    ["report", "team", "--team", "HOME", "--today", "2026-03-01"],
    ["report", "team", "--team", "."],
    ["report", "team", "--home=HOME", "--home", "HOME", "--today=2026-03-01"],
    ["--lang", "fr", "agenda", "--today", "2026-01-20"],
    ["--lang", "fr", "report", "phases", "--today", "2026-03-01"],
    ["--lang", "fr", "report", "funnel"],
    ["--lang", "fr", "report", "team", "--home", "HOME", "--today", "2026-03-01"],
    ["--lang", "fr", "agenda", "--today", "hier"],
    ["--debug", "report", "funnel"],
    ["--home", "elsewhere", "agenda"],
    ["--home", "", "report", "funnel"],
    ["list"],
    ["list", "--json"],
    ["list", "-n", "1"],
    ["list", "--limit", "0", "--kind", "debrief"],
    ["list", "--json", "--limit=2", "-k", "prep"],
    ["list", "--account", "acme"],
    ["list", "-a", "Société Générale", "--json"],
    ["list", "--account", "nobody"],
    ["list", "--kind", "draft"],
    ["--lang", "fr", "list"],
    ["--lang", "fr", "list", "--kind", "draft"],
    ["--home", "elsewhere", "list"],
    ["--home", "elsewhere", "list", "--json"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_report_answers_as_the_app_does(
    argv: list[str],
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)  # --home "" is the current folder
    argv = [argument.replace("HOME", str(home)) for argument in argv]
    run(argv)  # the index built, so neither run below tells it
    capsys.readouterr()
    answers_as_the_app_does(argv, capsys)


LEFT_TO_TYPER = [
    ["report"],
    ["report", "nothing"],
    ["report", "--help"],
    ["report", "funnel", "--help"],
    ["agenda", "-h"],
    ["agenda", "--days=-3"],
    ["agenda", "--json=1"],
    ["agenda", "--", "--json"],
    ["report", "--", "funnel"],
    ["agenda", "--days", "-1"],
    ["agenda", "--days", "three"],
    ["agenda", "--days"],
    ["agenda", "--today", "--json"],
    ["agenda", "--json", "--json"],
    ["agenda", "--limit", "1", "--limit", "2"],
    ["agenda", "extra"],
    ["agenda", "--home", "elsewhere"],
    ["account"],
    ["account", "acme", "beta"],
    ["report", "phases", "--stuck-after", "0"],
    ["report", "phases", "--stuck-after=0"],
    ["report", "funnel", "--today", "2026-01-01"],
    ["report", "team", "--home"],
    ["report", "team", "--json", "--json"],
    ["--lang", "de", "agenda"],
    ["--lang", "agenda"],
    ["--playbooks", "team", "agenda"],
    ["--version", "agenda"],
    ["--debug", "--debug", "agenda"],
    ["export"],
    ["list", "acme"],
    ["list", "--limit", "-1"],
    ["list", "--rescan"],
    ["list", "--json", "--json"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert direct.run_direct(argv) is None
    assert capsys.readouterr() == ("", "")
