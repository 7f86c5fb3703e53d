"""The library's content reaches the rep while they prepare: the objection library's answer
beside the rehearsal, the behaviours offered as habits to watch with what mastering each brings."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import Depth
from salescoach.playbook.values import Answer
from salescoach.session.engine import Session
from salescoach.session.prompter import Ask, ScriptedPrompter


@dataclass
class Watching(ScriptedPrompter):
    """A scripted rep who also notes what each prompt showed around it."""

    seen: dict[str, Ask] = field(default_factory=dict)

    def ask(self, ask: Ask) -> Answer:
        self.seen[ask.key] = ask
        return super().ask(ask)


def library(language: str) -> Library:
    return Library.load(language, search_path(language, environ={}))


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ("Recommended: ", "Ask back: ", "Proof: ")),
        ("fr", ("Réponse conseillée\u00a0: ", "Questions à retourner\u00a0: ", "Preuve\u00a0: ")),
    ],
)
def test_rehearsing_an_objection_shows_the_library_s_response_questions_back_and_proof(
    language: str, labels: tuple[str, str, str]
) -> None:
    books = library(language)
    entry = books.get("objections").playbook.entry("price-too-high")
    assert entry is not None
    rep = Watching(
        answers={
            "objection-prep.expected": ["price-too-high"],
            "objection-prep.rehearsal[0]": "Compared with what? Then the three-year cost.",
        }
    )
    answers = Session(books, "objection-prep", rep, language=language).run()
    assert answers["objection-prep"]["rehearsal"][0]["item"] == "price-too-high"
    shown = rep.seen["objection-prep.rehearsal[0]"].shown
    response, questions, proof = shown
    assert response == labels[0] + " ".join(str(entry.details["response"]).split())
    back = entry.details["questions_back"]
    assert isinstance(back, list)
    assert questions == labels[1] + " · ".join(back)
    assert proof == labels[2] + " ".join(str(entry.details["proof"]).split())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_behaviours_are_offered_as_habits_with_what_mastering_each_brings(language: str) -> None:
    books = library(language)
    behaviours = {e.id: e for e in books.get("behaviours").playbook.entries or []}
    rep = Watching(answers={"reminders.watch": ["no-small-talk"]})
    answers = Session(books, "reminders", rep, depth=Depth.STANDARD, language=language).run()
    assert answers["reminders"]["watch"] == ["no-small-talk"]
    options = {o.value: o for o in rep.seen["reminders.watch"].options}
    for value, option in options.items():
        assert option.label == behaviours[value].details["habit"]
        assert option.help == behaviours[value].details["benefit"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ": Where are you with the fleet?; What matters most?"),
        ("fr", "\u00a0: Où en êtes-vous ?\u00a0; Qu'est-ce qui compte le plus ?"),
    ],
)
def test_the_prep_answers_shown_with_a_debrief_question_read_in_the_rep_s_language(
    language: str, expected: str
) -> None:
    plans = {
        "en": ["Where are you with the fleet?", "What matters most?"],
        "fr": ["Où en êtes-vous ?", "Qu'est-ce qui compte le plus ?"],
    }

    class Reached(Exception):
        pass

    @dataclass
    class UpTo(Watching):
        def ask(self, ask: Ask) -> Answer:
            if ask.key == "debrief.opa_done":
                self.seen[ask.key] = ask
                raise Reached
            return super().ask(ask)

    rep = UpTo(answers={}, use_defaults=True)
    context = {"prep": {"opa": {"plan": plans[language]}}}
    with pytest.raises(Reached):
        Session(library(language), "debrief", rep, context=context, language=language).run()
    shown = rep.seen["debrief.opa_done"].shown[0]
    label = shown.partition(expected)[0]  # the prep question's words, up to its dash
    assert label and shown == label + expected  # "Votre plan, en trois questions : …"
