"""A trainer's card playbook (``kind: cards``): validated with located errors, linted, drilled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from salescoach.drill.log import read_log
from salescoach.drill.practice import DrillSession, due_cards, open_log
from salescoach.errors import PlaybookError
from salescoach.playbook.library import search_path
from salescoach.playbook.lint import lint_paths
from salescoach.playbook.loader import parse_playbook
from salescoach.playbook.model import CardTopic, Kind
from tests.drill.helpers import DAY, CardScript, Clock, deck

CARDS = """\
id: offer
kind: cards
title: Our offer against the competition
language: en
version: 1
summary: What every rep must have ready about the offer.
cards:
  - id: delivery
    topic: strength
    against: Routex
    prompt: What do we do better than Routex on delivery?
    help: Think of the contract, not the brochure.
    answer: >-
      Same-day delivery slots in every region, guaranteed in the contract with a penalty.
    questions_back:
      - How often do you miss a slot today?
    proof: Ferrand Logistics cut missed slots by 40 % in six months.
  - id: onboarding
    topic: weakness
    against: Routex
    prompt: Routex is live in two weeks; why do you need six?
    answer: >-
      Because we connect to their planning tool first; ask what a failed go-live costs them.
  - id: ferrand
    topic: success-story
    prompt: Tell the Ferrand Logistics story.
    answer: Regional carrier, 40 % fewer missed slots in six months, extended to three sites.
"""


def problems(text: str) -> list[str]:
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, "team/offer.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_a_card_playbook_validates() -> None:
    book = parse_playbook(CARDS, "team/offer.yaml")
    assert book.kind == Kind.CARDS
    assert [card.id for card in book.cards or []] == ["delivery", "onboarding", "ferrand"]
    assert book.cards is not None and book.cards[2].topic == CardTopic.SUCCESS_STORY
    assert book.cards[0].questions_back == ["How often do you miss a slot today?"]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            CARDS.replace("    answer: Regional carrier", "    anwser: Regional carrier"),
            "team/offer.yaml:27:5: cards.2.anwser: unknown field `anwser` (did you mean `answer`?)",
        ),
        (
            CARDS.replace(
                "    answer: Regional carrier, 40 % fewer missed slots in six months, "
                "extended to three sites.\n",
                "",
            ),
            "team/offer.yaml:24:5: cards.2.answer: missing required field `answer`",
        ),
        (
            CARDS.replace("topic: weakness", "topic: weak-point"),
            "team/offer.yaml:19:5: cards.1.topic: `weak-point` is not allowed here; expected "
            "'strength', 'weakness', 'reference', 'success-story' or 'other'",
        ),
        (
            CARDS.replace("id: ferrand", "id: delivery"),
            "team/offer.yaml:24:5: cards.2.id: card id `delivery` is used twice in this playbook "
            "(the first is at line 8)",
        ),
        (
            CARDS.replace("      - How often do you miss a slot today?\n", "").replace(
                "    questions_back:\n", "    questions_back: How often do you miss a slot?\n"
            ),
            "team/offer.yaml:15:5: cards.0.questions_back: expected a list (lines starting "
            "with `- `), found `How often do you miss a slot?`",
        ),
        (
            CARDS.replace("    prompt: Tell the Ferrand Logistics story.", '    prompt: ""'),
            "team/offer.yaml:26:5: cards.2.prompt: must not be empty",
        ),
        (
            CARDS.split("cards:\n")[0] + "cards: []\n",
            "a cards playbook needs a non-empty `cards` list",
        ),
        (
            CARDS.split("cards:\n")[0] + "entries:\n  - id: x\n    label: X\n",
            "a cards playbook needs a non-empty `cards` list",
        ),
    ],
    ids=["misspelt", "missing", "topic", "twice", "not-a-list", "empty-prompt", "none", "entries"],
)
def test_a_broken_card_playbook_is_refused_with_its_location(broken: str, expected: str) -> None:
    found = problems(broken)
    assert any(expected in line for line in found), found


def test_lint_finds_the_broken_file_and_a_translation_missing_a_card(tmp_path: Path) -> None:
    team = tmp_path / "team"
    (team / "en").mkdir(parents=True)
    (team / "fr").mkdir()
    (team / "en" / "offer.yaml").write_text(CARDS, encoding="utf-8")
    french = CARDS.replace("language: en", "language: fr").split("  - id: ferrand")[0]
    (team / "fr" / "offer.yaml").write_text(french, encoding="utf-8")
    (team / "en" / "broken.yaml").write_text(
        CARDS.replace("id: offer", "id: broken").replace("topic: strength", "topic: strong"),
        encoding="utf-8",
    )
    report = lint_paths([team], lambda language: search_path(language, environ={}))
    assert [str(e) for e in report.errors] == [
        f"{team / 'en' / 'broken.yaml'}:9:5: cards.0.topic: `strong` is not allowed here; "
        "expected 'strength', 'weakness', 'reference', 'success-story' or 'other'"
    ]
    drift = [str(w) for w in report.warnings if "differs from" in str(w)]
    assert drift == [
        f"{team / 'fr' / 'offer.yaml'}:7:1: cards: differs from the en version: card `ferrand` "
        f"missing here (the en version is {team / 'en' / 'offer.yaml'})"
    ]


def test_validate_on_the_command_line_prints_file_line_column(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "offer.yaml").write_text(CARDS.replace("topic: weakness", "topic: weak"), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "salescoach", "playbook", "validate", str(team)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert f"{team / 'offer.yaml'}:19:5: cards.1.topic: `weak` is not allowed" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_drill_walks_the_team_cards(isolated_home: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "offer.yaml").write_text(CARDS, encoding="utf-8")
    cards, clock = deck(team=[team]), Clock()
    assert [key for key in cards.cards if key.startswith("offer/")] == [
        "offer/delivery",
        "offer/onboarding",
        "offer/ferrand",
    ]
    open_log(isolated_home, cards, clock(), write=True)
    drill = DrillSession(isolated_home, cards, CardScript(["", ""], ["good", "again"]), "en", clock)
    drill.planned = [
        d
        for d in due_cards(read_log(isolated_home), cards, DAY.date())
        if d.card.playbook == "offer"
    ][:2]
    script = drill.prompter
    assert isinstance(script, CardScript)
    drill.run()
    front, back = script.shown[0], script.shown[1]
    assert front.startswith("Card 1 of 2 — Our offer against the competition · strength")
    assert "What do we do better than Routex on delivery?" in front
    assert "Against Routex." in front and "Think of the contract" in front
    assert back.startswith("What the team expects\nExpected answer:\n  Same-day delivery slots")
    assert "How often do you miss a slot today?" in back
    assert "Ferrand Logistics cut missed slots" in back
    assert [r.key for r in drill.rated] == ["offer/delivery", "offer/onboarding"]
