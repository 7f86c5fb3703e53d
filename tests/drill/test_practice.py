"""A drill session through the Prompter protocol: order, saving each rating, interruptions,
and a log that follows a changing library."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from salescoach.drill.deck import Deck
from salescoach.drill.log import drill_path, read_log
from salescoach.drill.practice import DrillSession, due_cards, open_log, upcoming
from salescoach.errors import RecordError
from salescoach.yamlio import parse
from tests.drill.helpers import DAY, CardScript, Clock, debrief, deck

LIBRARY_ORDER = ["price-too-high", "no-budget", "happy-with-supplier"]


def session(home: Path, cards: Deck, script: CardScript, clock: Clock) -> DrillSession:
    open_log(home, cards, clock(), write=True)
    return DrillSession(home, cards, script, "en", clock)


def test_a_drill_walks_due_cards_and_saves_each_rating(isolated_home: Path) -> None:
    cards, clock = deck(), Clock()
    script = CardScript(
        answers=["Ask: compared with what?", "", "Ask what they value, offer a pilot."],
        ratings=["good", "again", "easy"],
    )
    rated = session(isolated_home, cards, script, clock).run(3)
    assert [r.key for r in rated] == [f"objections/{o}" for o in LIBRARY_ORDER]
    assert [r.rating for r in rated] == ["good", "again", "easy"]
    # what the rep saw: the objection, then the library's answer, questions back and proof
    assert "It's too expensive." in script.shown[0]
    assert "Too expensive compared with what?" in script.shown[1]
    assert "Proof to bring:" in script.shown[1]
    assert [value for value, _ in script.choices[0]] == ["again", "hard", "good", "easy"]
    assert "(next in 2 days)" in dict(script.choices[0])["good"]
    log = read_log(isolated_home)
    price = log.cards["objections/price-too-high"]
    assert [(r.rating, r.answer) for r in price.reviews] == [("good", "Ask: compared with what?")]
    assert price.due == "2026-12-03T09:00:00+00:00"
    assert log.cards["objections/no-budget"].reviews[0].answer == ""  # practised aloud
    # the same day, the rated cards are not due again; the next new one is first
    due = due_cards(log, cards, DAY.date())
    assert [d.card.key for d in due][:1] == ["objections/not-a-priority"]
    assert all(d.reason == "new" for d in due)
    assert [(n.day.isoformat(), n.cards) for n in upcoming(log, cards, DAY.date())] == [
        ("2026-12-02", 1),
        ("2026-12-03", 1),
        ("2026-12-09", 1),
    ]


def test_ctrl_c_keeps_every_rating_given_and_the_answer_being_rated(isolated_home: Path) -> None:
    cards, clock = deck(), Clock()
    script = CardScript(
        answers=["Compared with what?", "Budget aside, does it make sense?"],
        ratings=["good", KeyboardInterrupt()],
    )
    drill = session(isolated_home, cards, script, clock)
    with pytest.raises(KeyboardInterrupt):
        drill.run(3)
    assert [r.key for r in drill.rated] == ["objections/price-too-high"]
    log = read_log(isolated_home)
    assert len(log.cards["objections/price-too-high"].rated) == 1
    unrated = log.cards["objections/no-budget"]
    assert [(r.rating, r.answer) for r in unrated.reviews] == [
        (None, "Budget aside, does it make sense?")
    ]
    assert unrated.due is None  # still a new card: the next drill starts with it
    # the next session resumes: the card left unrated comes first, the rated one waits
    nxt = CardScript(answers=["When are budgets decided?"], ratings=["hard"])
    resumed = session(isolated_home, cards, nxt, clock)
    assert [d.card.key for d in resumed.plan(2)] == [
        "objections/no-budget",
        "objections/happy-with-supplier",
    ]
    resumed.planned = resumed.planned[:1]
    resumed.run()
    # the answer typed before the interruption is shown beside the library's
    assert (
        "Your answer last time (2026-12-01):\n  Budget aside, does it make sense?" in nxt.shown[1]
    )
    assert [r.rating for r in read_log(isolated_home).cards["objections/no-budget"].reviews] == [
        None,
        "hard",
    ]


def test_what_the_rep_met_comes_first(isolated_home: Path) -> None:
    clock = Clock()
    history = [
        debrief("ACME", "2026-11-20", met=[("no-budget", 4), ("not-decision-maker", 3)]),
        debrief("Globex", "2026-11-25", met=[("no-budget", 5)], new=[("Our IT says no", 4)]),
        debrief("Initech", "2026-11-27", met=[("happy-with-supplier", 1)]),
        debrief("Umbrella", "2026-11-28", met=[("price-too-high", 2)]),
    ]
    cards = deck(*history)
    open_log(isolated_home, cards, clock(), write=True)
    due = due_cards(read_log(isolated_home), cards, DAY.date())
    assert [(d.card.key, d.reason) for d in due[:6]] == [
        ("objections/price-too-high", "debrief"),  # handled 2/5, the latest debrief first
        ("objections/happy-with-supplier", "debrief"),  # handled 1/5
        ("objections/no-budget", "met"),  # met twice, never practised
        ("objections/not-decision-maker", "met"),
        ("met/our-it-says-no", "met"),  # the client's own words, not in the library
        ("objections/not-a-priority", "new"),  # then the library's order
    ]
    script = CardScript(answers=["", ""], ratings=["good", "good"])
    DrillSession(isolated_home, cards, script, "en", clock).run(2)
    assert (
        "Met once in your debriefs, last with Umbrella on 2026-11-28, handled 2/5."
        in (script.shown[0])
    )
    after = due_cards(read_log(isolated_home), cards, DAY.date())
    assert after[0].card.key == "objections/no-budget"


def test_a_debrief_written_after_practice_brings_the_card_back(isolated_home: Path) -> None:
    clock = Clock()
    cards = deck()
    DrillSession(isolated_home, cards, CardScript([""], ["easy"]), "en", clock).run(1)
    log = read_log(isolated_home)
    assert "objections/price-too-high" not in [
        d.card.key for d in due_cards(log, cards, DAY.date())
    ]
    later = deck(
        debrief(
            "ACME", "2026-12-01", met=[("price-too-high", 1)], written="2026-12-01T17:00:00+00:00"
        )
    )
    (first, *_) = due_cards(log, later, DAY.date())
    assert (first.card.key, first.reason) == ("objections/price-too-high", "debrief")
    earlier = deck(debrief("ACME", "2026-11-30", met=[("price-too-high", 1)]))
    assert due_cards(log, earlier, DAY.date())[0].card.key != "objections/price-too-high"


def test_an_objection_met_outside_the_library_becomes_a_card(isolated_home: Path) -> None:
    clock = Clock()
    words = "Our IT department won't let us add another tool before 2027."
    cards = deck(debrief("ACME", "2026-11-28", new=[(words, 2)]))
    synced = open_log(isolated_home, cards, clock(), write=True)
    assert [c.prompt for c in synced.added_from_debriefs] == [words]
    assert open_log(isolated_home, cards, clock(), write=True).added_from_debriefs == []
    script = CardScript(answers=["Ask what the IT policy protects."], ratings=["hard"])
    DrillSession(isolated_home, cards, script, "en", clock).run(1)
    front, back = script.shown
    assert "An objection you met, not in the library" in front and words in front
    assert "no recommended response" in back and "The method's way:" in back
    # next time, the rep's own earlier answer stands in for the library's
    clock.advance(days=3)
    again = CardScript(answers=[""], ratings=["good"])
    DrillSession(isolated_home, cards, again, "en", clock).run(1)
    assert "Your answer last time (2026-12-01):" in again.shown[1]
    assert "Ask what the IT policy protects." in again.shown[1]


def test_a_card_the_library_lost_is_dropped_named_and_revived(
    isolated_home: Path, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "offer.yaml").write_text(OFFER, encoding="utf-8")
    clock = Clock()
    with_team = deck(team=[team])
    assert "offer/delivery" in with_team.cards
    script = CardScript(answers=["Same-day slots."], ratings=["good"])
    drill = session(isolated_home, with_team, script, clock)
    drill.planned = [
        d
        for d in due_cards(read_log(isolated_home), with_team, DAY.date())
        if d.card.key == "offer/delivery"
    ]
    drill.run()
    (team / "offer.yaml").unlink()
    synced = open_log(isolated_home, deck(), clock(), write=True)
    assert [(key, state.title) for key, state in synced.dropped] == [
        ("offer/delivery", "What do we do better than Routex on delivery?")
    ]
    kept = read_log(isolated_home).cards["offer/delivery"]
    assert kept.dropped is not None and len(kept.rated) == 1
    assert open_log(isolated_home, deck(), clock(), write=True).dropped == []  # named once
    (team / "offer.yaml").write_text(OFFER, encoding="utf-8")
    open_log(isolated_home, deck(team=[team]), clock(), write=True)
    revived = read_log(isolated_home).cards["offer/delivery"]
    assert revived.dropped is None and revived.due == kept.due


def test_a_broken_playbook_drops_nothing(isolated_home: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "offer.yaml").write_text(OFFER, encoding="utf-8")
    clock = Clock()
    open_log(isolated_home, deck(team=[team]), clock(), write=True)
    (team / "offer.yaml").write_text(OFFER.replace("answer:", "anwser:"), encoding="utf-8")
    broken = deck(team=[team])
    assert not broken.complete and "offer/delivery" not in broken.cards
    synced = open_log(isolated_home, broken, clock(), write=True)
    assert synced.dropped == []
    assert read_log(isolated_home).cards["offer/delivery"].dropped is None


def test_the_drill_file_is_private_readable_yaml(isolated_home: Path) -> None:
    clock = Clock()
    DrillSession(
        isolated_home, deck(), CardScript(["Compared with what?"], ["good"]), "en", clock
    ).run(1)
    path = drill_path(isolated_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Your objection drill")
    data = parse(text, path).value
    price = data["cards"]["objections/price-too-high"]
    assert price["reviews"] == [
        {"at": "2026-12-01T09:00:00+00:00", "rating": "good", "answer": "Compared with what?"}
    ]
    assert not [p.name for p in isolated_home.iterdir() if ".tmp-" in p.name]


def test_a_broken_drill_file_is_an_error_and_is_never_overwritten(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    path = drill_path(isolated_home)
    path.write_text("cards:\n  objections/price-too-high: [oops\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        open_log(isolated_home, deck(), DAY, write=True)
    assert str(path) in caught.value.message and "move it aside" in (caught.value.hint or "")
    assert path.read_text(encoding="utf-8") == "cards:\n  objections/price-too-high: [oops\n"


OFFER = """\
id: offer
kind: cards
title: Our offer against the competition
language: en
version: 1
cards:
  - id: delivery
    topic: strength
    against: Routex
    prompt: What do we do better than Routex on delivery?
    answer: Same-day delivery slots in every region, guaranteed in the contract.
    proof: Ferrand Logistics cut missed slots by 40 % in six months.
"""
