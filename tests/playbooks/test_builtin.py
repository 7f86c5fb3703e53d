"""The built-in playbooks: they load, cross-check, match across languages, carry examples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.loader import load_playbook
from salescoach.playbook.model import Kind, Playbook, Question, QuestionType
from salescoach.playbook.values import coerce
from salescoach.yamlio import load_file

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"
LANGUAGES = ("en", "fr")
SCHEMA_LINE = "# yaml-language-server: $schema=../playbook.schema.json"
LEVEL_TAGS = {"level-necessary", "level-essential", "level-useful", "level-superficial"}
FUNNEL_TAGS = {"funnel-market", "funnel-service", "funnel-projects", "funnel-project"}
OBJECTION_CATEGORIES = {"price", "timing", "trust", "need", "authority", "competition"}
# Details whose values are data, not prose: equal in every language.
NEUTRAL_DETAILS = {"category", "number", "cadence_days", "after_sale"}
MEETING_TYPES = [
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
]

EXPECTED_IDS = {
    "meeting": Kind.PREP,
    "reminders": Kind.PREP,
    "opa": Kind.PREP,
    "discovery-funnel": Kind.PREP,
    "foca": Kind.PREP,
    "mesore": Kind.PREP,
    "objection-prep": Kind.PREP,
    "presentation": Kind.PREP,
    "defence": Kind.PREP,
    "closing": Kind.PREP,
    "dispute": Kind.PREP,
    "account-review": Kind.PREP,
    "debrief": Kind.DEBRIEF,
    "objections": Kind.REFERENCE,
    "phases": Kind.REFERENCE,
    "meeting-types": Kind.REFERENCE,
    "buying-levers": Kind.REFERENCE,
    "behaviours": Kind.REFERENCE,
    "appropriation": Kind.REFERENCE,
    "added-value": Kind.REFERENCE,
    "recap": Kind.REFERENCE,
    "prep-flow": Kind.FLOW,
    "debrief-flow": Kind.FLOW,
}


def files(language: str) -> list[Path]:
    return sorted((PLAYBOOKS / language).glob("*.yaml"))


def load_all(language: str) -> dict[str, Playbook]:
    return {path.stem: load_playbook(path) for path in files(language)}


@pytest.fixture(scope="module", params=LANGUAGES)
def library(request: pytest.FixtureRequest) -> Library:
    language = request.param
    return Library.load(language, search_path(language, environ={}))


def walk(questions: list[Question]) -> Iterator[Question]:
    for question in questions:
        yield question
        yield from walk(question.questions or [])


# --- loading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_loads_with_its_id_language_and_schema_line(language: str) -> None:
    for path in files(language):
        playbook = load_playbook(path)
        assert playbook.id == path.stem, path
        assert playbook.language == language, path
        assert playbook.version == 1, path
        assert playbook.summary and playbook.source, path
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_expected_playbooks_are_there(language: str) -> None:
    books = load_all(language)
    assert {key: book.kind for key, book in books.items()} == EXPECTED_IDS


def test_library_loads_and_cross_checks(library: Library) -> None:
    assert library.problems == []
    assert library.check() == []
    chosen = library.chosen()
    assert set(EXPECTED_IDS) <= set(chosen)
    for playbook_id in EXPECTED_IDS:
        assert chosen[playbook_id].playbook.language == library.language


# --- the editor schema ---------------------------------------------------------------------------


def test_the_schema_file_is_current() -> None:
    """The `$schema` the built-ins point to is the one the models generate."""
    from salescoach.playbook.schema import playbook_schema

    written = json.loads((PLAYBOOKS / "playbook.schema.json").read_text(encoding="utf-8"))
    assert written == playbook_schema(), (
        "regenerate it: salescoach playbook schema -o playbooks/playbook.schema.json"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_file_passes_the_editor_schema(language: str) -> None:
    import jsonschema

    schema = json.loads((PLAYBOOKS / "playbook.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in files(language):
        errors = [
            f"{'.'.join(map(str, e.path))}: {e.message}"
            for e in validator.iter_errors(load_file(path).value)
        ]
        assert errors == [], path


# --- parity between languages -------------------------------------------------------------------


def _condition(condition: Any) -> Any:
    return None if condition is None else condition.model_dump(by_alias=True, exclude_none=True)


def _question_shape(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type,
        "required": question.required,
        "default_from": question.default_from,
        "when": _condition(question.when),
        # show_details' labels are words of the language; the details shown are the same.
        "for_each": (
            {
                **question.for_each.model_dump(exclude={"show_details"}),
                "show_details": list(question.for_each.show_details or {}),
            }
            if question.for_each
            else None
        ),
        "options": [o.value for o in question.options] if question.options else None,
        "choices_from": question.choices_from.reference if question.choices_from else None,
        "min": question.min,
        "max": question.max,
        "labels": sorted(question.labels) if question.labels else None,
        "min_items": question.min_items,
        "max_items": question.max_items,
        "max_length": question.max_length,
        "tags": question.tags,
        "has_example": question.example is not None,
        "examples": len(question.examples or []),
        "example_cases": [_condition(case.when) for case in question.example_cases or []],
        "implied": question.implied.model_dump(by_alias=True, exclude_none=True)
        if question.implied
        else None,
        "has_default": question.default is not None,
        "questions": [_question_shape(q) for q in question.questions or []],
    }


def _shape(playbook: Playbook) -> dict[str, Any]:
    entries = []
    for entry in playbook.entries or []:
        details = {
            key: (value if key in NEUTRAL_DETAILS else type(value).__name__)
            for key, value in entry.details.items()
        }
        entries.append({"id": entry.id, "details": details})
    return {
        "id": playbook.id,
        "kind": playbook.kind,
        "version": playbook.version,
        "record": playbook.record,
        "steps": [
            {
                "id": step.id,
                "when": _condition(step.when),
                "has_guidance": step.guidance is not None,
                "questions": [_question_shape(q) for q in step.questions],
            }
            for step in playbook.steps or []
        ],
        "entries": entries,
        "flow": [
            {"playbook": item.playbook, "when": _condition(item.when)}
            for item in playbook.flow or []
        ],
    }


def test_same_files_in_both_languages() -> None:
    assert [p.name for p in files("en")] == [p.name for p in files("fr")]


@pytest.mark.parametrize("name", [p.stem for p in files("en")])
def test_structure_is_the_same_in_both_languages(name: str) -> None:
    english = load_playbook(PLAYBOOKS / "en" / f"{name}.yaml")
    french = load_playbook(PLAYBOOKS / "fr" / f"{name}.yaml")
    assert _shape(english) == _shape(french)


# --- examples -----------------------------------------------------------------------------------


def _example_of(library: Library, question: Question) -> Any:
    """The example --example-answers would use for one asking of ``question``, coerced."""
    single = question.model_copy(update={"for_each": None})
    if single.type == QuestionType.GROUP:
        entry = {}
        for sub in single.questions or []:
            if sub.example is not None or sub.examples:
                entry[sub.id] = _example_of(library, sub)
            else:
                assert not sub.required, f"required sub-question `{sub.id}` has no example"
        if question.for_each is not None:
            return entry
        return coerce(single, [entry] * max(1, single.min_items or 0))
    examples = [question.example] if question.example is not None else question.examples or []
    assert examples, f"`{question.id}` has no example"
    values = [coerce(single, example, library.options(single)) for example in examples]
    assert None not in values, f"`{question.id}`: example is empty"
    return values[0]


def test_every_question_has_an_example_that_validates(library: Library) -> None:
    for entry in library.chosen().values():
        for question in entry.playbook.questions():
            for each in walk([question]):
                if each.type != QuestionType.GROUP:
                    assert each.example is not None or each.examples, f"{entry.id}.{each.id}"
            _example_of(library, question)


def test_every_default_validates(library: Library) -> None:
    for entry in library.chosen().values():
        for question in walk(entry.playbook.questions()):
            if question.default is not None:
                single = question.model_copy(update={"for_each": None})
                coerce(single, question.default, library.options(single))


# --- the method's content -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_objections_are_ten_and_complete(language: str) -> None:
    objections = load_playbook(PLAYBOOKS / language / "objections.yaml")
    entries = objections.entries or []
    assert len(entries) == 10
    assert len({e.id for e in entries}) == 10
    categories = set()
    for entry in entries:
        assert entry.label.strip() and entry.help and entry.help.strip(), entry.id
        details = entry.details
        assert set(details) == {"category", "reply", "response", "questions_back", "proof"}, (
            entry.id
        )
        assert details["category"] in OBJECTION_CATEGORIES, entry.id
        categories.add(details["category"])
        assert isinstance(details["response"], str) and details["response"].strip(), entry.id
        assert isinstance(details["proof"], str) and details["proof"].strip(), entry.id
        questions_back = details["questions_back"]
        assert isinstance(questions_back, list) and questions_back, entry.id
        assert all(q.strip() for q in questions_back), entry.id
    assert categories == OBJECTION_CATEGORIES


@pytest.mark.parametrize("language", LANGUAGES)
def test_phases_are_five_with_a_rising_contact_cadence(language: str) -> None:
    phases = load_playbook(PLAYBOOKS / language / "phases.yaml")
    entries = phases.entries or []
    assert [e.id for e in entries] == [*(f"phase-{n}" for n in range(1, 6)), "client"]
    cadences = []
    for number, entry in enumerate(entries, start=1):
        assert entry.help, entry.id
        assert entry.details["number"] == number
        assert entry.details["signals"] and entry.details["action_plan"], entry.id
        cadence = entry.details["cadence_days"]
        assert isinstance(cadence, int) and cadence >= 1
        cadences.append(cadence)
    maturation, after_sale = cadences[:5], cadences[5]
    assert all(a >= b for a, b in zip(maturation, maturation[1:], strict=False))
    assert maturation[0] == 7 and maturation[-1] == 1  # weekly in phase 1, daily in phase 5
    # A signed client is followed after the sale, no longer every day.
    assert after_sale > maturation[-1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_meeting_types(language: str) -> None:
    types = load_playbook(PLAYBOOKS / language / "meeting-types.yaml")
    entries = types.entries or []
    assert [e.id for e in entries] == MEETING_TYPES
    for entry in entries:
        includes = entry.details["includes"]
        assert isinstance(includes, list) and len(includes) >= 3, entry.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_discovery_questions_carry_one_level_and_one_funnel_tag(language: str) -> None:
    funnel = load_playbook(PLAYBOOKS / language / "discovery-funnel.yaml")
    levels_seen, stages_seen = set(), set()
    for question in funnel.questions():
        levels = LEVEL_TAGS & set(question.tags)
        stages = FUNNEL_TAGS & set(question.tags)
        assert len(levels) == 1, question.id
        assert len(stages) == 1, question.id
        levels_seen |= levels
        stages_seen |= stages
    assert levels_seen == LEVEL_TAGS
    assert stages_seen == FUNNEL_TAGS


@pytest.mark.parametrize("language", LANGUAGES)
def test_debrief_records_each_funnel_level(language: str) -> None:
    debrief = load_playbook(PLAYBOOKS / language / "debrief.yaml")
    by_id = {q.id: q for q in debrief.questions()}
    for level in ("necessary", "essential", "useful", "superficial"):
        question = by_id[f"learned_{level}"]
        assert question.type == QuestionType.PARAGRAPH
        assert f"level-{level}" in question.tags


AIMS = {"en": "What it is for:", "fr": "À quoi il sert :"}
"""How a funnel step names the aim of discovery its level serves."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_level_of_the_funnel_says_which_aim_of_discovery_it_serves(language: str) -> None:
    """The four aims appear where the rep walks the levels: the market step (stakes of the
    company and its trade), the person (accepted by the people met), THE project (solves the
    problem, fits the technical need)."""
    funnel = load_playbook(PLAYBOOKS / language / "discovery-funnel.yaml")
    with_aim = [s.id for s in funnel.steps or [] if AIMS[language] in (s.guidance or "")]
    assert with_aim == ["market", "service", "project"]
    levels_by_step = {
        step.id: {tag for q in step.questions for tag in q.tags if tag in LEVEL_TAGS}
        for step in funnel.steps or []
        if step.id in with_aim
    }
    assert set().union(*levels_by_step.values()) == LEVEL_TAGS  # every level has its aim


def _flow(language: str, name: str) -> list[tuple[str, Any]]:
    flow = load_playbook(PLAYBOOKS / language / f"{name}.yaml")
    return [(item.playbook, _condition(item.when)) for item in flow.flow or []]


@pytest.mark.parametrize("language", LANGUAGES)
def test_flows(language: str) -> None:
    assert _flow(language, "prep-flow") == [
        ("meeting", None),
        ("reminders", None),
        ("opa", None),
        ("discovery-funnel", {"question": "meeting.type", "in": ["discovery", "presentation"]}),
        ("presentation", {"question": "meeting.type", "equals": "presentation"}),
        ("defence", {"question": "meeting.type", "equals": "proposal-defence"}),
        ("dispute", {"question": "meeting.type", "equals": "dispute"}),
        ("account-review", {"question": "meeting.type", "equals": "account-review"}),
        ("foca", {"question": "meeting.type", "in": ["discovery", "dispute", "account-review"]}),
        ("mesore", {"question": "meeting.type", "in": ["negotiation", "closing"]}),
        ("closing", {"question": "meeting.type", "equals": "closing"}),
        ("objection-prep", {"question": "meeting.type", "not_in": ["dispute"]}),
    ]
    assert _flow(language, "debrief-flow") == [("debrief", None)]


# --- the engine walks them ----------------------------------------------------------------------


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_example_answers_walk_the_whole_prep_and_debrief(
    library: Library, meeting_type: str
) -> None:
    """The examples answer every flow; the answers feed back with --no-input unchanged."""
    from salescoach.session.engine import Session
    from salescoach.session.examples import ExamplePrompter

    prefill = {"meeting": {"type": meeting_type}}
    prep = Session(library, "prep-flow", ExamplePrompter(), prefill=prefill).run()
    assert Session(library, "prep-flow", None, prefill=prep, no_input=True).run() == prep
    assert ("discovery-funnel" in prep) == (meeting_type in ("discovery", "presentation"))
    assert ("mesore" in prep) == (meeting_type in ("negotiation", "closing"))
    # a condition on an earlier answer of the same playbook is honoured: a prospect that has
    # heard of us gets the history and the short presentation, a known client the history only
    new = meeting_type in ("discovery", "presentation")
    assert prep["opa"]["knows_company"] == ("partly" if new else "yes")
    assert "history" in prep["opa"] and ("pitch" in prep["opa"]) == new
    if meeting_type != "dispute":
        assert len(prep["objection-prep"]["rehearsal"]) == len(prep["objection-prep"]["expected"])
        # Each objection is rehearsed with an answer of its own (per-item examples).
        rehearsed = [pair["answer"] for pair in prep["objection-prep"]["rehearsal"]]
        assert len(set(rehearsed)) == len(rehearsed)

    context = {"prep": prep, "account": {"phase": prep["meeting"]["phase"]}}
    debrief = Session(library, "debrief-flow", ExamplePrompter(), context=context).run()
    again = Session(library, "debrief-flow", None, prefill=debrief, no_input=True, context=context)
    assert again.run() == debrief
    answers = debrief["debrief"]
    assert [r["item"] for r in answers["objectives_result"]] == prep["meeting"]["objectives"]
    notes = [r["answer"]["note"] for r in answers["objectives_result"]]
    assert len(set(notes)) == len(notes)  # each objective has a note of its own
    if "discovery-funnel" in prep and "lever_arguments" in prep["discovery-funnel"]:
        argued = [pair["answer"] for pair in prep["discovery-funnel"]["lever_arguments"]]
        assert len(set(argued)) == len(argued)  # each buying lever its own argument
    handled = [r["answer"] for r in answers["objection_handling"]]
    assert len(handled) < 2 or len(set(handled)) > 1  # each objection rated on its own
    assert [r["item"] for r in answers["self_assessment"]] == prep["reminders"]["watch"]
    assert [r["item"] for r in answers["objection_handling"]] == answers["objections_met"]
    negotiated = meeting_type in ("negotiation", "closing")
    assert ("negotiation_outcome" in answers) == negotiated
    assert ("negotiation_position" in answers) == negotiated


TYPE_SPECIFIC = {
    "presentation": {
        "presentation": {"references", "story_problem", "story_consequences", "story_solution"},
        "discovery-funnel": {"origin_questions"},
    },
    "proposal-defence": {"defence": {"arguments", "decision_cycle", "commitment_ask"}},
    "discovery": {"discovery-funnel": {"market_questions", "origin_questions"}},
    "negotiation": {"mesore": {"price_position", "client_mesore", "moves"}},
    "closing": {
        "mesore": {"starting_point", "walk_away", "moves"},
        "closing": {"signature_ask", "still_open", "commitments_balance"},
    },
    "dispute": {"dispute": {"facts", "client_view", "offer", "counterpart", "limit", "approver"}},
    "account-review": {
        "account-review": {"services_deployed", "our_improvements", "their_improvements"}
    },
}
"""What each meeting type's preparation asks that the others do not (the meeting-types list)."""
TYPE_PLAYBOOKS = {"discovery-funnel", "presentation", "defence", "closing", "dispute"} | {
    "account-review",
    "mesore",
}


PHASE_GOING_IN = {
    "presentation": "phase-3",
    "discovery": "phase-3",
    "proposal-defence": "phase-4",
    "negotiation": "phase-5",
    "closing": "phase-5",
    "dispute": "client",
    "account-review": "client",
}
"""Where each meeting type's example finds the project: a dispute or a review is with a client."""


def test_the_examples_every_prep_shares_fit_each_meeting_type(library: Library) -> None:
    """Objectives, OPA and phase are the meeting type's own, not the discovery's for all; FOCA
    chains differ between a discovery, a dispute and an account review."""
    from salescoach.session.engine import Session
    from salescoach.session.examples import ExamplePrompter

    preps = {
        meeting_type: Session(
            library,
            "prep-flow",
            ExamplePrompter(),
            prefill={"meeting": {"account": "ACME", "type": meeting_type}},
        ).run()
        for meeting_type in MEETING_TYPES
    }
    for shared in (("meeting", "objectives"), ("opa", "announce"), ("opa", "plan")):
        told = {str(prep[shared[0]][shared[1]]) for prep in preps.values()}
        assert len(told) == len(MEETING_TYPES), shared
    assert {t: prep["meeting"]["phase"] for t, prep in preps.items()} == PHASE_GOING_IN
    facts = {t: prep["foca"]["chains"][0]["fact"] for t, prep in preps.items() if "foca" in prep}
    assert set(facts) == {"discovery", "dispute", "account-review"}
    assert len(set(facts.values())) == 3


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_example_answers_differ_by_meeting_type(library: Library, meeting_type: str) -> None:
    """Each type walks its own questions, and only its own: --example-answers shows it."""
    from salescoach.session.engine import Session
    from salescoach.session.examples import ExamplePrompter

    prefill = {"meeting": {"account": "ACME", "type": meeting_type}}
    prep = Session(library, "prep-flow", ExamplePrompter(), prefill=prefill).run()
    wanted = TYPE_SPECIFIC[meeting_type]
    for playbook, questions in wanted.items():
        assert questions <= set(prep[playbook]), (playbook, set(prep[playbook]))
    assert {p for p in prep if p in TYPE_PLAYBOOKS} == set(wanted)
    # FOCA and the objections only where they fit.
    assert ("objection-prep" in prep) == (meeting_type != "dispute")
    assert ("foca" in prep) == (meeting_type in ("discovery", "dispute", "account-review"))
    if meeting_type == "closing":  # the price and the client's MESORE were negotiated before
        assert {"price_position", "client_mesore"}.isdisjoint(prep["mesore"])
