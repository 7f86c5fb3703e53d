"""How many prompts a walk asks: the depth budgets, counted by walking the real engine.

The count follows one convention, the budget's: every list is answered with one item (at least
its ``min_items``) and then ended, every group gets one entry, every choice list gets one pick
(at least its ``min_items``), and every optional question is answered. Each ask and each yes/no
the engine puts to the rep is one prompt, the empty line that ends a list and the "add another?"
of a group included. The review screen after the walk is not counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from salescoach.playbook.library import Library
from salescoach.playbook.model import Depth, QuestionType
from salescoach.playbook.values import Answer
from salescoach.session.engine import Session
from salescoach.session.examples import example_value
from salescoach.session.prompter import Ask, Progress

BUDGETS: dict[Depth, int] = {Depth.QUICK: 10, Depth.STANDARD: 25}
"""The most prompts a prep may ask at each depth (``full`` is the whole method, unbounded)."""
NEGOTIATION_BUDGETS: dict[Depth, int] = {Depth.QUICK: 12, Depth.STANDARD: 25}
"""Negotiations and closings carry the MESORE box: a little more room."""
NEGOTIATION_TYPES = ("negotiation", "closing")
DEBRIEF_BUDGETS: dict[Depth, int] = {Depth.QUICK: 10, Depth.STANDARD: 25}


def budget(kind: str, meeting_type: str | None, depth: Depth) -> int | None:
    """The budget of a prep or debrief of this meeting type at this depth (None: unbounded)."""
    if kind == "debrief":
        return DEBRIEF_BUDGETS.get(depth)
    table = NEGOTIATION_BUDGETS if meeting_type in NEGOTIATION_TYPES else BUDGETS
    return table.get(depth)


OUTCOME = ("debrief", "outcome")
"""The debrief's outcome (going on, won, lost): each path it opens is walked and budgeted."""


@dataclass
class CountingPrompter:
    """Answers by the budget's convention and counts every prompt, by answer key; ``chosen``
    answers some prompts otherwise (the outcome path being walked)."""

    asked: list[str] = field(default_factory=list)
    chosen: Mapping[str, Answer] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many prompts were put to the rep."""
        return len(self.asked)

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        """Steps are read, not answered: not counted."""

    def ask(self, ask: Ask) -> Answer:
        """One item per list, the fewest picks a choice list allows, examples elsewhere."""
        self.asked.append(ask.key)
        question = ask.question
        if ask.key in self.chosen:
            return ask.check(self.chosen[ask.key])
        value = example_value(question, ask)
        if ask.mode == "item":
            wanted = max(question.min_items or 0, 1)
            index = (ask.item_number or 1) - 1
            if index >= wanted:
                return None
            items = value if isinstance(value, list) else [value]
            item = items[index] if index < len(items) else f"Item {index + 1}"
            return ask.check(item)
        if question.type == QuestionType.CHOICES:
            wanted = max(question.min_items or 0, 1)
            picked = list(value) if isinstance(value, list) else []
            picked += [o.value for o in ask.options if o.value not in picked]
            return ask.check(picked[:wanted])
        if value is None:  # an optional question with no example: answered anyway
            value = ask.options[0].value if ask.options else "Answer"
        return ask.check(value)

    def confirm(self, key: str, message: str, default: bool) -> bool:
        """One entry per group; a known answer is kept."""
        self.asked.append(key)
        if key.endswith(".keep"):
            return True
        return key.endswith(".more[0]")

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        """The first choice."""
        self.asked.append(key)
        return choices[0][0]


@dataclass(frozen=True)
class Walked:
    """A counted walk: the prompt keys in the order asked, and the answers it gave."""

    asked: list[str]
    answers: dict[str, dict[str, Any]]

    @property
    def count(self) -> int:
        """How many prompts the walk asked."""
        return len(self.asked)


def count_prompts(
    library: Library,
    target: str,
    depth: Depth,
    *,
    prefill: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
    chosen: Mapping[str, Answer] | None = None,
) -> Walked:
    """Walk ``target`` at ``depth`` through the engine, answering by the budget's convention
    (``chosen``: these prompts, by key, answered so instead)."""
    prompter = CountingPrompter(chosen=dict(chosen or {}))
    answers = Session(
        library,
        target,
        prompter,
        prefill=dict(prefill or {}),
        context=dict(context or {}),
        depth=depth,
    ).run()
    return Walked(prompter.asked, answers)


def outcome_paths(library: Library) -> tuple[str, ...]:
    """The outcomes a debrief can record (``debrief.outcome``'s options), each a path of its
    own to budget; none when the debrief has no such question."""
    playbook_id, question_id = OUTCOME
    entry = library.chosen().get(playbook_id)
    if entry is None:
        return ()
    question = next((q for q in entry.playbook.questions() if q.id == question_id), None)
    return tuple(option.value for option in (question.options or [])) if question else ()


def prompt_table(library: Library, meeting_types: Sequence[str]) -> dict[str, dict[str, int]]:
    """Prompts of a prep and of its debrief for each meeting type at each depth.

    The account and the meeting type are given (``prep ACCOUNT --type TYPE``); the debrief is
    walked against the prep of the same depth, answered the same way, once per outcome (going
    on, won, lost): ``debrief standard won`` is one path, ``debrief standard`` the longest.
    """
    paths = outcome_paths(library)
    outcome_key = ".".join(OUTCOME)
    table: dict[str, dict[str, int]] = {}
    for meeting_type in meeting_types:
        row: dict[str, int] = {}
        for depth in Depth:
            given = {"meeting": {"account": "Acme Logistics", "type": meeting_type}}
            prep = count_prompts(library, "prep-flow", depth, prefill=given)
            row[f"prep {depth}"] = prep.count
            context = {"prep": prep.answers}
            counts: list[int] = []
            for outcome in paths or (None,):
                chosen = {} if outcome is None else {outcome_key: outcome}
                debrief = count_prompts(
                    library, "debrief-flow", depth, context=context, chosen=chosen
                )
                if outcome is not None:
                    row[f"debrief {depth} {outcome}"] = debrief.count
                counts.append(debrief.count)
            row[f"debrief {depth}"] = max(counts)
        table[meeting_type] = row
    return table
