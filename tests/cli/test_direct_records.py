"""``show`` and ``debrief`` run without Typer (:mod:`salescoach.cli.direct_records`) answer
exactly as the app does, and leave every other command line to Typer (a debrief that prompts
is walked in a real terminal by tests/e2e)."""

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
    debrief(repo, first, phase="phase-3", results=["reached"], levels=["necessary"])
    prep(repo, "Société Générale", "2026-03-10", "negotiation", phase="phase-3")
    noted = prep(repo, "Acme", "2026-02-01", "presentation", phase="phase-4")
    path = repo.path_of(noted.meeting, "prep")
    text = path.read_text(encoding="utf-8")
    notes = "\nCalled **Claire** back: *confirmed*.\n\n- send the deck\n\nSee [the deck](x.pdf).\n"
    path.write_text(text + notes, encoding="utf-8")  # notes typed by hand, a link among them
    broken = isolated_home / "accounts" / "acme" / "2026-04-01-acme-discovery"
    broken.mkdir()
    (broken / "prep.md").write_text("no front matter: unreadable\n", encoding="utf-8")
    return isolated_home


PLAIN = [
    ["show", "2026-01-10-societe-generale-discovery"],
    ["show", "2026-01-10-societe"],
    ["show", "acme-presentation"],
    ["show", "societe"],
    ["show", "nothing-like-it"],
    ["show", "2026-04-01-acme-discovery"],
    ["show", "2026-01-10-societe-generale-discovery", "--kind", "debrief"],
    ["show", "-k", "prep", "2026-01-10-societe-generale-discovery"],
    ["show", "2026-01-10-societe-generale-discovery", "--kind=debrief"],
    ["show", "2026-03-10-societe-generale-negotiation", "--kind", "debrief"],
    ["show", "2026-01-10-societe-generale-discovery", "--kind", "bogus"],
    ["show", "2026-01-10-societe-generale-discovery", "--json"],
    ["show", "acme-presentation", "--markdown"],
    ["show", "acme-presentation", "--json", "--markdown"],
    ["show", ""],
    ["--lang", "fr", "show", "2026-01-10-societe-generale-discovery"],
    ["--lang", "fr", "show", "nothing-like-it"],
    ["--debug", "show", "acme-presentation"],
    ["--home", "elsewhere", "show", "acme"],
    ["debrief", "--last", "--example-answers"],
    ["debrief", "--example-answers"],
    ["debrief", "2026-03-10-societe-generale-negotiation", "--example-answers"],
    ["debrief", "acme", "--example-answers", "--quick"],
    ["debrief", "--last", "--example-answers", "--depth=full", "--flow=no-such-flow"],
    ["debrief", "--last", "--example-answers", "--depth", "full"],
    ["debrief", "--last", "--example-answers", "--depth", "deep"],
    ["debrief", "--last", "--example-answers", "--flow", "no-such-flow"],
    ["debrief", "acme", "--last", "--example-answers"],
    ["debrief", "nothing-like-it", "--example-answers"],
    ["--lang", "fr", "debrief", "--last", "--example-answers"],
    # A debrief that prompts: without a terminal, refused the same way
    ["debrief"],
    ["debrief", "--last"],
    ["debrief", "acme", "--quick"],
    ["--lang", "fr", "debrief", "--last", "--depth", "full"],
    ["debrief", "nothing-like-it"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_show_or_debrief_answers_as_the_app_does(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["list"])  # the index built, so neither run below tells it
    capsys.readouterr()
    answers_as_the_app_does(argv, capsys)


LEFT_TO_TYPER = [
    ["show"],
    ["show", "a", "b"],
    ["show", "acme", "--help"],
    ["show", "acme", "--sheet"],
    ["show", "acme", "--html", "-o", "page.html"],
    ["show", "acme", "--kind"],
    ["show", "acme", "--json=yes"],
    ["show", "--", "acme"],
    ["debrief", "--last", "--example-answers=1"],
    ["show", "acme", "--json", "--json"],
    ["show", "acme", "--verbose"],
    ["debrief", "--last", "--example-answers", "--no-input"],
    ["debrief", "--example-answers", "--answers", "answers.yaml"],
    ["debrief", "a", "b", "--example-answers"],
    ["debrief", "--last", "--example-answers", "--depth"],
    ["--playbooks", "team", "show", "acme"],
    ["--lang", "de", "show", "acme"],
    ["edit", "acme"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(
    argv: list[str], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert direct.run_direct(argv) is None
    assert capsys.readouterr() == ("", "")
