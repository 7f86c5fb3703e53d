"""The built-in playbooks at each depth: budgets hold, quick keeps the method, en = fr."""

from __future__ import annotations

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.loader import question_depths
from salescoach.playbook.model import Depth, Kind
from salescoach.playbook.values import Answer
from salescoach.session.budget import budget, count_prompts, prompt_table
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.session.prompter import Ask

LANGUAGES = ("en", "fr")
MEETING_TYPES = [
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
]


@pytest.fixture(scope="module", params=LANGUAGES)
def library(request: pytest.FixtureRequest) -> Library:
    language = str(request.param)
    return Library.load(language, search_path(language, environ={}))


def given(meeting_type: str) -> dict[str, dict[str, str]]:
    return {"meeting": {"account": "Acme Logistics", "type": meeting_type}}


def test_every_walk_keeps_its_budget(library: Library) -> None:
    table = prompt_table(library, MEETING_TYPES)
    over = [
        f"{meeting_type} {column}: {count}"
        for meeting_type, row in table.items()
        for column, count in row.items()
        if (most := budget(column.split()[0], meeting_type, Depth(column.split()[1]))) is not None
        and count > most
    ]
    assert over == []
    # The depths are really different walks, and full is today's whole method.
    for row in table.values():
        assert row["prep quick"] < row["prep standard"] < row["prep full"]
        assert row["debrief quick"] < row["debrief standard"] < row["debrief full"]
    assert table["negotiation"]["prep full"] > 40


def test_every_outcome_of_a_debrief_is_a_path_within_its_budget(library: Library) -> None:
    """Won asks the amount and the services but not the phase (the client phase follows)."""
    table = prompt_table(library, ["negotiation", "discovery"])
    for row in table.values():
        for depth in Depth:
            paths = [row[f"debrief {depth} {outcome}"] for outcome in ("ongoing", "won", "lost")]
            assert row[f"debrief {depth}"] == max(paths)
            most = budget("debrief", None, depth)
            assert most is None or max(paths) <= most
    chosen = {"debrief.outcome": "won"}
    prep = count_prompts(library, "prep-flow", Depth.STANDARD, prefill=given("negotiation"))
    won = count_prompts(
        library, "debrief-flow", Depth.STANDARD, context={"prep": prep.answers}, chosen=chosen
    )
    assert {"debrief.amount", "debrief.services[0]"} <= set(won.asked)
    assert not {"debrief.phase", "debrief.phase_signals"} & set(won.asked)
    assert won.answers["debrief"]["phase"] == "client"


@pytest.mark.parametrize("meeting_type", ["negotiation", "closing"])
def test_a_quick_negotiation_keeps_what_a_trainer_looks_for(
    library: Library, meeting_type: str
) -> None:
    walked = count_prompts(library, "prep-flow", Depth.QUICK, prefill=given(meeting_type))
    answers = walked.answers
    assert 1 <= len(answers["meeting"]["objectives"]) <= 3
    assert len(answers["opa"]["plan"]) == 3
    assert answers["opa"]["time_available"]
    figures = {"starting_point", "ideal_outcome", "walk_away", "own_mesore"}
    if meeting_type == "closing":  # the client's MESORE was weighed in the negotiation
        assert set(answers["mesore"]) == figures
        assert answers["closing"]["signature_ask"]
    else:
        assert set(answers["mesore"]) == figures | {"client_mesore"}
    assert answers["objection-prep"]["expected"]
    assert "rehearsal" not in answers["objection-prep"]  # the library's answer is shown instead


def test_a_quick_discovery_has_no_mesore_but_a_question_on_the_project(library: Library) -> None:
    answers = count_prompts(library, "prep-flow", Depth.QUICK, prefill=given("discovery")).answers
    assert "mesore" not in answers
    assert answers["discovery-funnel"]["origin_questions"]


def test_a_quick_debrief_asks_results_objections_commitments_next_steps_and_phase(
    library: Library,
) -> None:
    prep = count_prompts(library, "prep-flow", Depth.QUICK, prefill=given("negotiation")).answers
    walked = count_prompts(library, "debrief-flow", Depth.QUICK, context={"prep": prep})
    keys = {key.split("[")[0].split(".more")[0] for key in walked.asked}
    assert keys == {
        "debrief.objectives_result",
        "debrief.objections_met",
        "debrief.objection_handling",
        "debrief.commitments_received",  # the client's side; the rep's are the next steps
        "debrief.next_steps",
        "debrief.phase",
        "debrief.negotiation_position",
    }
    # The objections expected in the prep come pre-marked.
    assert walked.answers["debrief"]["objections_met"] == prep["objection-prep"]["expected"]


@pytest.mark.parametrize("depth", list(Depth))
def test_example_answers_feed_back_without_input_at_every_depth(
    library: Library, depth: Depth
) -> None:
    examples = Session(
        library, "prep-flow", ExamplePrompter(), prefill=given("negotiation"), depth=depth
    ).run()
    again = Session(library, "prep-flow", None, prefill=examples, no_input=True, depth=depth)
    assert again.run() == examples


def test_english_and_french_ask_the_same_questions_at_each_depth() -> None:
    books = {
        language: Library.load(language, search_path(language, environ={}))
        for language in LANGUAGES
    }
    english, french = (books[language].chosen() for language in LANGUAGES)
    for playbook_id, entry in english.items():
        if entry.playbook.kind not in (Kind.PREP, Kind.DEBRIEF):
            continue
        assert question_depths(entry.playbook) == question_depths(french[playbook_id].playbook), (
            playbook_id
        )


class ShownRecorder(ExamplePrompter):
    """The example prompter, keeping what each prompt showed under ``show:``."""

    def __init__(self) -> None:
        self.shown: dict[str, tuple[str, ...]] = {}

    def ask(self, ask: Ask) -> Answer:
        self.shown[ask.key] = ask.shown
        return super().ask(ask)


def test_the_debrief_shows_the_mesore_box_and_each_rehearsed_answer(library: Library) -> None:
    prep = Session(
        library, "prep-flow", ExamplePrompter(), prefill=given("negotiation"), depth=Depth.FULL
    ).run()
    recorder = ShownRecorder()
    Session(library, "debrief-flow", recorder, context={"prep": prep}, depth=Depth.QUICK).run()
    box = recorder.shown["debrief.negotiation_position"]
    mesore = prep["mesore"]
    assert [line.split(": ", 1)[1] for line in box] == [
        " ".join(mesore[key].split())
        for key in ("starting_point", "ideal_outcome", "walk_away", "own_mesore")
    ]
    rehearsed = {pair["item"]: pair["answer"] for pair in prep["objection-prep"]["rehearsal"]}
    for index, objection in enumerate(prep["objection-prep"]["expected"]):
        (line,) = recorder.shown[f"debrief.objection_handling[{index}]"]
        assert line.endswith(" ".join(rehearsed[objection].split()))


def test_a_quick_prep_leaves_nothing_to_show_but_the_library_reply(library: Library) -> None:
    prep = count_prompts(library, "prep-flow", Depth.QUICK, prefill=given("negotiation")).answers
    recorder = ShownRecorder()
    Session(library, "debrief-flow", recorder, context={"prep": prep}, depth=Depth.QUICK).run()
    assert recorder.shown["debrief.objection_handling[0]"] == ()
    assert len(recorder.shown["debrief.negotiation_position"]) == 4
