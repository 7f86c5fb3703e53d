"""A prompter that answers every question with the playbook's ``example`` value.

Driving the real engine with it gives ``--example-answers``: a complete answers file that follows
the same flow, conditions and iterations as a rep's session, so feeding it back with
``--no-input`` always succeeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from salescoach.errors import SalescoachError
from salescoach.playbook.model import Question, QuestionType
from salescoach.playbook.values import Answer, AnswerValueError
from salescoach.session.prompter import Ask, Progress


def example_value(question: Question, ask: Ask) -> Answer:
    """The example for a question, or a plausible value of its type when the trainer gave none."""
    if question.example is not None:
        return question.example
    if not question.required:
        return None
    if ask.options:
        first = ask.options[0].value
        return [first] if question.type == QuestionType.CHOICES else first
    synthesized: dict[QuestionType, Answer] = {
        QuestionType.YESNO: True,
        QuestionType.NUMBER: question.min if question.min is not None else 1,
        QuestionType.SCALE: question.max,
        QuestionType.DATE: "2026-12-01",
        QuestionType.TIME: "14:30",
    }
    return synthesized.get(question.type, f"Example {question.id.replace('_', ' ')}")


@dataclass
class ExamplePrompter:
    """Answers from examples; groups get as many entries as they need (at least one)."""

    def step(self, title: str, guidance: str | None, progress: Progress | None = None) -> None:
        """Steps need no display here."""

    def ask(self, ask: Ask) -> Answer:
        """The example for this prompt (one item at a time for lists)."""
        value = example_value(ask.question, ask)
        try:
            if ask.mode == "item":
                items = value if isinstance(value, list) else [value] if value is not None else []
                index = (ask.item_number or 1) - 1
                return ask.check(items[index]) if index < len(items) else None
            return ask.check(value)
        except AnswerValueError as error:
            raise SalescoachError(
                f"{ask.key}: the playbook's example does not fit its question: {error}",
                hint="fix the example (salescoach playbook validate checks them all)",
            ) from None

    def confirm(self, key: str, message: str, default: bool) -> bool:
        """One entry per group: enough to show the shape, and to satisfy min_items of 1."""
        return key.endswith(".more[0]")

    def choose(self, key: str, message: str, choices: Sequence[tuple[str, str]]) -> str:
        """The first choice (on the review screen: save)."""
        return choices[0][0]
