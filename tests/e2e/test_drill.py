"""``salescoach drill`` in a real terminal: three cards, Ctrl-C, then a session that resumes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from salescoach.drill.log import read_log

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

SALESCOACH = Path(sys.executable).with_name("salescoach")
CTRL_C = "\x03"
DOWN = "\x1b[B"
ANSWER = "Your answer, in your own words"
RATE = "How did your answer hold up?"


def spawn(home: Path, *args: str, language: str = "en") -> pexpect.spawn:
    env = {**os.environ, "SALESCOACH_HOME": str(home), "PROMPT_TOOLKIT_NO_CPR": "1"}
    return pexpect.spawn(
        str(SALESCOACH),
        ["--lang", language, "drill", *args],
        env={**env, "TERM": "xterm"},
        encoding="utf-8",
        timeout=45,
        dimensions=(40, 80),
    )


def answer(child: pexpect.spawn, card: str, text: str, downs: int) -> None:
    """Answer the card showing ``card`` with ``text``, then pick the rating ``downs`` below
    the first (0 again, 1 hard, 2 good, 3 easy)."""
    child.expect(re.escape(card))
    child.expect(re.escape(ANSWER))
    child.send(text + "\r")
    child.expect(re.escape(RATE))
    child.expect("Easy")
    child.send(DOWN * downs + "\r")


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SALESCOACH), "drill", *args],
        env={**os.environ, "SALESCOACH_HOME": str(home)},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def test_ctrl_c_keeps_the_ratings_and_the_next_drill_resumes(isolated_home: Path) -> None:
    child = spawn(isolated_home, "--cards", "3")
    child.expect(re.escape("Card 1 of 3"))
    answer(child, "It's too expensive.", "Ask: too expensive compared with what?", 2)
    child.expect(re.escape("Card 2 of 3"))
    answer(child, "We have no budget for this right now.", "", 0)
    child.expect(re.escape("Card 3 of 3"))
    child.expect(re.escape("We're happy with our current supplier."))
    child.expect(re.escape(ANSWER))
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    said = " ".join((child.before or "").split())
    assert "Interrupted: 2 ratings kept; 1 card left for next time." in said
    assert "Traceback" not in said
    log = read_log(isolated_home)
    assert [(r.rating, r.answer) for r in log.cards["objections/price-too-high"].reviews] == [
        ("good", "Ask: too expensive compared with what?")
    ]
    assert [r.rating for r in log.cards["objections/no-budget"].reviews] == ["again"]

    # the second session starts where the first stopped: rated cards wait for their day
    child = spawn(isolated_home, "--cards", "3")
    child.expect(re.escape("Card 1 of 3 — Objection · competition"))
    answer(child, "We're happy with our current supplier.", "What do you value in them?", 3)
    answer(child, "Card 2 of 3", "", 2)
    answer(child, "Card 3 of 3", "", 1)
    child.expect(re.escape("3 cards rated and scheduled."))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    rated = {key: c.rated for key, c in read_log(isolated_home).cards.items() if c.rated}
    assert len(rated) == 5
    assert rated["objections/happy-with-supplier"][0].rating == "easy"

    due = json.loads(run(isolated_home, "--due", "--json").stdout)
    assert (due["due"], due["reasons"]["new"]) == (5, 5)
    assert sum(day["cards"] for day in due["next"]) == 5
    stats = {s["key"]: s for s in json.loads(run(isolated_home, "--stats", "--json").stdout)}
    assert stats["objections/price-too-high"]["last_rating"] == "good"
    assert stats["objections/no-budget"]["last_rating"] == "again"
    assert stats["objections/no-budget"]["due"] < stats["objections/price-too-high"]["due"]
    shown = run(isolated_home, "--stats")
    assert shown.returncode == 0 and "It's too expensive." in shown.stdout


def test_a_drill_in_french_and_without_a_terminal(isolated_home: Path) -> None:
    child = spawn(isolated_home, "--cards", "1", language="fr")
    child.expect(re.escape("Carte 1 sur 1 — Objection · prix"))
    child.expect(re.escape("« C'est trop cher. »"))
    child.expect(re.escape("Votre réponse, avec vos mots"))
    child.send("Trop cher par rapport à quoi ?\r")
    child.expect(re.escape("Réponse recommandée :"))
    child.expect(re.escape("Votre réponse a-t-elle tenu ?"))
    child.expect("Facile")
    child.send(DOWN * 2 + "\r")
    child.expect(re.escape("1\u00a0carte notée et replanifiée."))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = run(isolated_home)
    assert piped.returncode == 2
    assert "not a terminal" in piped.stderr and "Traceback" not in piped.stderr
