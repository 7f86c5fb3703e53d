"""The integration checklist of a new rep: ticked with a day, what is left, read back by the
manager's team report; a broken file is named, never overwritten."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from salescoach.errors import RecordError, SalescoachError
from salescoach.onboarding import checklist, onboarding_path, progress, read_ticks, tick, untick
from salescoach.playbook.library import Library, search_path
from tests.cli.helpers import salescoach

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def library() -> Library:
    return Library.load("en", search_path("en", environ={}))


def test_the_checklist_is_the_eleven_points_of_the_appropriation_list(
    tmp_path: Path, library: Library
) -> None:
    found = checklist(library, read_ticks(tmp_path))
    assert len(found.points) == 11
    assert found.done == [] and len(found.left) == 11
    assert progress(tmp_path, library) is None  # never opened: the report shows nothing


def test_a_tick_keeps_its_day_and_the_rest_is_left(tmp_path: Path, library: Library) -> None:
    tick(tmp_path, library, "references", DAY)
    found = tick(tmp_path, library, "objections", DAY + dt.timedelta(days=3))
    assert [(p.id, p.done) for p in found.done] == [
        ("references", DAY),
        ("objections", dt.date(2026, 11, 23)),
    ]
    assert "references" not in [p.id for p in found.left]
    assert progress(tmp_path, library) == (2, 11)
    assert stat.S_IMODE(onboarding_path(tmp_path).stat().st_mode) == 0o600
    assert untick(tmp_path, library, "references").done[0].id == "objections"
    assert progress(tmp_path, library) == (1, 11)


def test_an_unknown_point_says_which_ones_exist(tmp_path: Path, library: Library) -> None:
    with pytest.raises(SalescoachError) as caught:
        tick(tmp_path, library, "refrences", DAY)
    assert "did you mean `references`?" in str(caught.value.hint)
    assert not onboarding_path(tmp_path).exists()


def test_a_broken_file_is_named_and_left_alone(tmp_path: Path, library: Library) -> None:
    onboarding_path(tmp_path).write_text("done:\n  references: soon\n", encoding="utf-8")
    with pytest.raises(RecordError, match="expected a date"):
        tick(tmp_path, library, "offer", DAY)
    assert onboarding_path(tmp_path).read_text(encoding="utf-8").endswith("soon\n")


def test_the_command_ticks_lists_and_reports(isolated_home: Path) -> None:
    ticked = salescoach("onboarding", "done", "success-stories", "--on", "2026-11-20", "--json")
    assert ticked.returncode == 0, ticked.stderr
    shown = json.loads(ticked.stdout)
    assert (shown["done"], shown["total"]) == (1, 11)
    assert {"id": "success-stories", "label": "Learn the company's success stories",
            "done": "2026-11-20"} in shown["points"]  # fmt: skip
    listed = salescoach("--lang", "fr", "onboarding")
    assert listed.returncode == 0, listed.stderr
    assert "1 sur 11 faits" in listed.stdout
    assert "Reste\u00a0:" in listed.stderr or "Reste :" in listed.stderr
    wrong = salescoach("onboarding", "done", "nope")
    assert wrong.returncode == 1 and "not a point of the checklist" in wrong.stderr
    team = salescoach("report", "team", "--home", str(isolated_home), "--json")
    assert team.returncode == 0, team.stderr
    figures = json.loads(team.stdout)["reps"][0]["figures"]
    assert (figures["onboarding_done"], figures["onboarding_total"]) == (1, 11)
