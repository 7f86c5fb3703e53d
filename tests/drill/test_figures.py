"""``drill --due`` and ``--stats`` figures, and the practice columns of ``report team``."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from salescoach.drill.figures import card_stats, due_summary, practice
from salescoach.drill.log import drill_path, read_log
from salescoach.drill.practice import DrillSession, open_log
from tests.drill.helpers import DAY, CardScript, Clock, debrief, deck


def drill(home: Path, ratings: list[str], clock: Clock) -> None:
    cards = deck()
    open_log(home, cards, clock(), write=True)
    DrillSession(home, cards, CardScript([""] * len(ratings), list(ratings)), "en", clock).run(
        len(ratings)
    )


def test_due_counts_cards_by_reason_and_names_the_next_days(isolated_home: Path) -> None:
    clock = Clock()
    drill(isolated_home, ["good", "again", "easy"], clock)
    met = debrief(
        "ACME", "2026-11-30", met=[("not-a-priority", 2)], new=[("We build it in-house", 3)]
    )
    cards = deck(met)
    summary = due_summary(read_log(isolated_home), cards, DAY.date())
    assert (summary.due, summary.cards) == (8, 11)  # 10 objections + the client's words met
    assert summary.reasons == {"debrief": 1, "met": 1, "review": 0, "new": 6}
    assert [(n.day.isoformat(), n.cards) for n in summary.next] == [
        ("2026-12-02", 1),
        ("2026-12-03", 1),
        ("2026-12-09", 1),
    ]
    tomorrow = due_summary(read_log(isolated_home), cards, dt.date(2026, 12, 2))
    assert tomorrow.reasons["review"] == 1


def test_stats_give_reviews_last_rating_due_day_and_retention(isolated_home: Path) -> None:
    clock = Clock()
    drill(isolated_home, ["good"], clock)
    clock.advance(days=2)
    drill(isolated_home, ["hard"], clock)
    stats = {s.key: s for s in card_stats(read_log(isolated_home), deck(), clock())}
    price = stats["objections/price-too-high"]
    assert (price.reviews, price.last_rating) == (2, "hard")
    assert price.last_review == "2026-12-03T09:00:00+00:00"
    assert price.due is not None and price.due > "2026-12-03"
    assert price.retention == 1.0  # rated just now
    untouched = stats["objections/too-risky"]
    assert (untouched.reviews, untouched.last_rating, untouched.retention) == (0, None, None)


def test_practice_counts_the_last_30_days(isolated_home: Path) -> None:
    drill(isolated_home, ["good"], Clock(DAY - dt.timedelta(days=40)))
    drill(isolated_home, ["good", "again", "easy"], Clock())
    log = read_log(isolated_home)
    assert practice(log, DAY.date()) == practice(log, DAY.date(), 30)
    found = practice(log, DAY.date())
    assert found.reviewed == 3 and found.good_or_easy == 2 / 3
    assert practice(log, DAY.date(), 60).reviewed == 4
    assert practice(read_log(isolated_home / "nobody"), DAY.date()).good_or_easy is None


def test_report_team_shows_each_reps_practice(tmp_path: Path) -> None:
    ana, ben, cleo = (tmp_path / name for name in ("ana", "ben", "cleo"))
    drill(ana, ["good", "again", "easy"], Clock())
    ben.mkdir()
    cleo.mkdir()
    drill_path(cleo).write_text("cards: [\n", encoding="utf-8")

    def team(*extra: str) -> subprocess.CompletedProcess[str]:
        homes = [arg for home in (ana, ben, cleo) for arg in ("--home", str(home))]
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "salescoach",
                "report",
                "team",
                *homes,
                "--today",
                "2026-12-01",
                *extra,
            ],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
            env={**__import__("os").environ, "COLUMNS": "200"},
        )

    data = json.loads(team("--json").stdout)
    figures = {line["figures"]["rep"]: line["figures"] for line in data["reps"]}
    assert (figures["ana"]["cards_reviewed"], figures["ana"]["practice_good"]) == (3, 2 / 3)
    assert (figures["ben"]["cards_reviewed"], figures["ben"]["practice_good"]) == (0, None)
    shown = team()
    assert shown.returncode == 0, shown.stderr
    assert "practice (30 d)" in shown.stdout and "3 · 67% good" in shown.stdout
    assert f"skipped {drill_path(cleo)}" in " ".join(shown.stderr.split())


def test_fsrs_is_imported_by_the_drill_only(isolated_home: Path) -> None:
    probe = (
        "import sys\n"
        "from salescoach.cli.app import run\n"
        "code = run(sys.argv[1:])\n"
        "print('fsrs' in sys.modules, file=sys.stderr)\n"
    )

    def imports_fsrs(*args: str) -> bool:
        result = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        return result.stderr.strip().splitlines()[-1] == "True"

    drill(isolated_home, ["good"], Clock())
    assert not imports_fsrs("--help")
    assert not imports_fsrs("list", "--json")
    assert imports_fsrs("drill", "--stats")  # the retention of the card rated


def test_the_cli_default_length_is_the_cores() -> None:
    from salescoach.cli import drill as command
    from salescoach.drill import practice as core

    assert command.DEFAULT_CARDS == core.DEFAULT_CARDS == 5


def test_due_for_one_playbook_and_the_options_misused(isolated_home: Path, tmp_path: Path) -> None:
    from tests.drill.test_cards_playbook import CARDS

    team = tmp_path / "team"
    team.mkdir()
    (team / "offer.yaml").write_text(CARDS, encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "salescoach", "--playbooks", str(team), "drill", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )

    offer = json.loads(run("--due", "--json", "--playbook", "offer").stdout)
    assert (offer["due"], offer["cards"]) == (3, 3)
    assert json.loads(run("--due", "--json").stdout)["cards"] == 13
    unknown = run("--due", "--playbook", "ofer")
    assert unknown.returncode == 1
    assert "no cards from playbook `ofer`" in unknown.stderr
    assert "objections, offer" in unknown.stderr
    assert run("--json").returncode == 2
    assert run("--due", "--stats").returncode == 2
    assert "Traceback" not in unknown.stderr
