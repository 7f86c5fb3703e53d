"""Answers files: YAML with the same nesting as the namespaced ids (``meeting: {type: ...}``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.errors import AnswersFileError, Location, Problem
from salescoach.yamlio import Document, YamlProblems, dump, load_file

if TYPE_CHECKING:
    from salescoach.playbook.library import Entry

MERGE_KEY = "<<"


class AnswersFile(dict[str, dict[str, Any]]):
    """The answers of a file, which also knows where each one is written (for its errors)."""

    def __init__(self, answers: Mapping[str, dict[str, Any]], document: Document) -> None:
        super().__init__(answers)
        self.document = document


def load_answers(path: Path) -> dict[str, dict[str, Any]]:
    """Read an answers file strictly; every namespace must be a mapping of answers.

    The result is an :class:`AnswersFile`, so :func:`unknown_answers` can locate its problems.
    """
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
    return AnswersFile(document.value, document)


def unknown_answers(
    answers: Mapping[str, Any], entries: Iterable[Entry], source: str
) -> list[Problem]:
    """Answers no question of ``entries`` would read: a misspelt id, a playbook not in the flow,
    a YAML merge key. Each is a problem with a "did you mean" where one is close; without this
    they were dropped without a word."""
    entries = list(entries)
    known = {
        entry.id: [question.id for question in entry.playbook.questions()] for entry in entries
    }
    computed = {
        entry.id: {q.id for q in entry.playbook.questions() if q.compute is not None}
        for entry in entries
    }
    document = answers.document if isinstance(answers, AnswersFile) else None

    def where(*path: str) -> Location:
        return document.locate(path) if document is not None else Location(source)

    problems: list[Problem] = []
    for namespace, values in answers.items():
        if namespace == MERGE_KEY:
            problems.append(_merge_key(where(namespace), namespace))
            continue
        if namespace not in known:
            hint = _did_you_mean(str(namespace), known) or (
                "the playbooks here: " + ", ".join(known)
            )
            message = f"no playbook `{namespace}` is walked here"
            problems.append(Problem(where(namespace), message, str(namespace), hint=hint))
            continue
        for key in values if isinstance(values, Mapping) else ():
            field = f"{namespace}.{key}"
            if key == MERGE_KEY:
                problems.append(_merge_key(where(namespace, key), field))
            elif key in computed.get(namespace, set()):
                message = f"`{field}` is computed from other answers, never given"
                hint = "leave it out: salescoach computes it when the walk reaches it"
                problems.append(Problem(where(namespace, key), message, field, hint=hint))
            elif key not in known[namespace]:
                close = _did_you_mean(str(key), known[namespace])
                message = f"playbook `{namespace}` has no question `{key}`"
                problems.append(Problem(where(namespace, key), message, field, hint=close))
    return problems


def _merge_key(location: Location, field: str) -> Problem:
    return Problem(
        location,
        "YAML merge keys (<<) are not read",
        field,
        hint="write the answers out in full",
    )


def _did_you_mean(name: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return "did you mean " + ", ".join(f"`{option}`" for option in close) if close else None


def dump_answers(answers: dict[str, dict[str, Any]], comment: str = "") -> str:
    """An answers file's text, with an optional comment header."""
    header = "".join(f"# {line}\n" for line in comment.splitlines())
    return header + dump(answers)
