"""Answers files: YAML with the same nesting as the namespaced ids (``meeting: {type: ...}``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from salescoach.errors import AnswersFileError, Problem
from salescoach.yamlio import YamlProblems, dump, load_file


def load_answers(path: Path) -> dict[str, dict[str, Any]]:
    """Read an answers file strictly; every namespace must be a mapping of answers."""
    try:
        document = load_file(path, max_bytes=5_000_000)
    except YamlProblems as error:
        raise AnswersFileError(error.problems) from None
    if document.value is None:
        return {}
    if not isinstance(document.value, dict):
        raise AnswersFileError(
            [Problem(document.locate(()), "expected a mapping of playbook ids to answers")]
        )
    problems = [
        Problem(
            document.locate((namespace,)),
            "expected a mapping of question ids to answers",
            str(namespace),
            hint="answers are nested by playbook: `meeting:` then `  type: negotiation`",
        )
        for namespace, answers in document.value.items()
        if not isinstance(answers, dict)
    ]
    if problems:
        raise AnswersFileError(problems)
    return document.value


def dump_answers(answers: dict[str, dict[str, Any]], comment: str = "") -> str:
    """An answers file's text, with an optional comment header."""
    header = "".join(f"# {line}\n" for line in comment.splitlines())
    return header + dump(answers)
