"""A playbook spelled out in words: steps, questions, types, conditions, iterations."""

from __future__ import annotations

from salescoach.playbook.library import Library
from salescoach.playbook.model import (
    AllOf,
    AnyOf,
    Comparison,
    Condition,
    NotOf,
    Playbook,
    Question,
    QuestionType,
)


def describe_condition(condition: Condition) -> str:
    """A condition as a sentence fragment: ``meeting.type is negotiation or closing``."""
    if isinstance(condition, AllOf):
        return " and ".join(f"({describe_condition(c)})" for c in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(f"({describe_condition(c)})" for c in condition.any)
    if isinstance(condition, NotOf):
        return f"not ({describe_condition(condition.not_)})"
    assert isinstance(condition, Comparison)
    if condition.answered is not None:
        return f"{condition.question} is {'answered' if condition.answered else 'left empty'}"
    if condition.equals is not None:
        return f"{condition.question} is {condition.equals}"
    if condition.in_ is not None:
        return f"{condition.question} is {' or '.join(map(str, condition.in_))}"
    assert condition.not_in is not None
    return f"{condition.question} is none of {', '.join(map(str, condition.not_in))}"


def _type_words(question: Question, library: Library) -> str:
    words = str(question.type)
    if question.type in (QuestionType.NUMBER, QuestionType.SCALE) and (
        question.min is not None or question.max is not None
    ):
        low = "" if question.min is None else f"{question.min:g}"
        high = "" if question.max is None else f"{question.max:g}"
        words += f" {low}–{high}"
    if question.unit:
        words += f" {question.unit}"
    if question.min_items is not None or question.max_items is not None:
        words += f", {question.min_items or 0} to {question.max_items or 'any'} items"
    if question.choices_from is not None:
        words += f" from `{question.choices_from.reference}`"
    elif question.options:
        words += ": " + ", ".join(o.value for o in question.options)
    if question.required:
        words += ", required"
    return words


def _question_lines(question: Question, library: Library, indent: str) -> list[str]:
    lines = [f"{indent}- `{question.id}` — {question.prompt} *({_type_words(question, library)})*"]
    if question.when is not None:
        lines.append(f"{indent}  - only when {describe_condition(question.when)}")
    if question.for_each is not None:
        source = question.for_each.answer or f"the entries of `{question.for_each.reference}`"
        lines.append(f"{indent}  - asked once for each item of {source}")
    if question.default_from:
        lines.append(f"{indent}  - pre-filled from {question.default_from}")
    for sub in question.questions or []:
        lines += _question_lines(sub, library, indent + "  ")
    return lines


def outline(playbook: Playbook, library: Library) -> str:
    """The playbook as Markdown a trainer can read at a glance."""
    lines = [
        f"# {playbook.title}",
        "",
        f"`{playbook.id}` · {playbook.kind} · {playbook.language} · version {playbook.version}",
        "",
    ]
    if playbook.summary:
        lines += [playbook.summary, ""]
    for step in playbook.steps or []:
        lines += [f"## {step.title}", ""]
        if step.when is not None:
            lines += [f"*Only when {describe_condition(step.when)}.*", ""]
        for question in step.questions:
            lines += _question_lines(question, library, "")
        lines.append("")
    for entry in playbook.entries or []:
        help_text = f": {entry.help}" if entry.help else ""
        lines.append(f"- `{entry.id}` — **{entry.label}**{help_text}")
    for item in playbook.flow or []:
        condition = f" — only when {describe_condition(item.when)}" if item.when else ""
        lines.append(f"1. `{item.playbook}`{condition}")
    return "\n".join(lines).rstrip() + "\n"
