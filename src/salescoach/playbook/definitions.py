"""Reusable definitions: a scale with its labels, a set of options, written once per playbook.

A playbook's ``define:`` names them; a question says ``use: NAME`` and takes the definition's
fields (``min``, ``max``, ``labels``, ``options``...), any field written in the question
winning. They are resolved on the data before the models see it, so every check applies to the
question as the rep gets it, and a name that is not defined is an error at its ``use``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from salescoach.errors import Problem
from salescoach.yamlio import Document, Path_

DEFINITION_FIELDS = (
    "options",
    "min",
    "max",
    "unit",
    "labels",
    "max_length",
    "min_items",
    "max_items",
)
"""What a definition may hold: the fields that shape an answer, never its prompt or its id."""


def resolve_definitions(document: Document) -> tuple[Any, list[Problem]]:
    """The document's value with every ``use`` filled in, and the problems of unknown names."""
    value = document.value
    if not isinstance(value, dict) or not isinstance(value.get("define"), dict):
        return value, [
            _unknown(document, path, name, {}) for path, name in _uses(value) if name is not None
        ]
    definitions = {name: body for name, body in value["define"].items() if isinstance(body, dict)}
    problems: list[Problem] = []
    resolved = dict(value)
    resolved["steps"] = _resolve_steps(value.get("steps"), definitions, document, problems)
    return resolved, problems


def _resolve_steps(
    steps: Any, definitions: dict[str, Any], document: Document, problems: list[Problem]
) -> Any:
    if not isinstance(steps, list):
        return steps
    out = []
    for index, step in enumerate(steps):
        if isinstance(step, dict) and isinstance(step.get("questions"), list):
            step = dict(step)
            step["questions"] = _resolve_questions(
                step["questions"], ("steps", index, "questions"), definitions, document, problems
            )
        out.append(step)
    return out


def _resolve_questions(
    questions: list[Any],
    path: Path_,
    definitions: dict[str, Any],
    document: Document,
    problems: list[Problem],
) -> list[Any]:
    out = []
    for index, question in enumerate(questions):
        here = (*path, index)
        if isinstance(question, dict):
            question = dict(question)
            name = question.get("use")
            if isinstance(name, str):
                if name in definitions:
                    body = {k: v for k, v in definitions[name].items() if k in DEFINITION_FIELDS}
                    question = {**body, **question}
                else:
                    problems.append(_unknown(document, here, name, definitions))
            if isinstance(question.get("questions"), list):
                question["questions"] = _resolve_questions(
                    question["questions"], (*here, "questions"), definitions, document, problems
                )
        out.append(question)
    return out


def _uses(value: Any) -> Iterator[tuple[Path_, str | None]]:
    """Every question's ``use`` in a document without definitions (each one then unknown)."""
    steps = value.get("steps") if isinstance(value, dict) else None
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        questions = step.get("questions") if isinstance(step, dict) else None
        yield from _uses_in(questions, ("steps", index, "questions"))


def _uses_in(questions: Any, path: Path_) -> Iterator[tuple[Path_, str | None]]:
    for index, question in enumerate(questions if isinstance(questions, list) else []):
        if isinstance(question, dict):
            name = question.get("use")
            yield (*path, index), name if isinstance(name, str) else None
            yield from _uses_in(question.get("questions"), (*path, index, "questions"))


def _unknown(document: Document, path: Path_, name: str, definitions: dict[str, Any]) -> Problem:
    close = [c for c in difflib.get_close_matches(name, sorted(definitions), n=2) if c != name]
    if close:
        hint = f"did you mean `{close[0]}`?"
    elif definitions:
        hint = f"defined here: {', '.join(sorted(definitions))}"
    else:
        hint = "define it under `define:` at the top of the playbook"
    field = (*path, "use")
    return Problem(
        document.locate(field),
        f"`use: {name}` names no definition of this playbook",
        ".".join(map(str, field)),
        hint,
    )
