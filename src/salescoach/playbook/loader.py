"""Playbook files to validated models; every error located as ``FILE:LINE:COL: path: message``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from salescoach.errors import Location, PlaybookError, Problem
from salescoach.playbook import model
from salescoach.playbook.model import Playbook, Question, QuestionType
from salescoach.playbook.values import AnswerValueError, coerce
from salescoach.yamlio import Document, YamlProblems, load_file, parse

MAX_PLAYBOOK_BYTES = 1_000_000
MAX_PLAYBOOK_DEPTH = 40
CONTEXT_NAMESPACES = ("prep", "account")
"""Answer references outside the playbooks: a debrief's prep, the account's known state."""
ACCOUNT_CONTEXT = ("name", "phase", "open_next_steps", "last_meeting")


def _field_vocabulary() -> set[str]:
    names: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and issubclass(item, BaseModel):
            for name, info in item.model_fields.items():
                names.add(info.alias or name)
    return names


_FIELDS = _field_vocabulary()
_TYPES = [member.value for member in QuestionType]


def load_playbook(path: Path) -> Playbook:
    """Read, parse and validate one playbook file; raise PlaybookError listing every problem."""
    try:
        document = load_file(path, max_depth=MAX_PLAYBOOK_DEPTH, max_bytes=MAX_PLAYBOOK_BYTES)
    except YamlProblems as error:
        raise PlaybookError(error.problems) from None
    return validate_document(document)


def parse_playbook(text: str, source: Path | str = "<playbook>") -> Playbook:
    """Parse and validate playbook text (for tests and previews of unsaved files)."""
    try:
        document = parse(text, source, max_depth=MAX_PLAYBOOK_DEPTH, max_bytes=MAX_PLAYBOOK_BYTES)
    except YamlProblems as error:
        raise PlaybookError(error.problems) from None
    return validate_document(document)


def validate_document(document: Document) -> Playbook:
    """Validate a parsed document as a playbook, then check what the schema alone cannot."""
    if document.value is None:
        raise PlaybookError(
            [
                Problem(
                    Location(document.source, 1, 1),
                    "the file is empty",
                    hint="a playbook starts with id, kind, title, language and version",
                )
            ]
        )
    if not isinstance(document.value, dict):
        found = type(document.value).__name__.replace("dict", "mapping").replace("list", "list")
        raise PlaybookError(
            [
                Problem(
                    document.locate(()),
                    f"expected a mapping (id: ..., kind: ...) at the top level, found a {found}",
                )
            ]
        )
    try:
        playbook = Playbook.model_validate(document.value)
    except ValidationError as error:
        raise PlaybookError(_schema_problems(error, document)) from None
    problems = list(check_playbook(playbook, document))
    if problems:
        raise PlaybookError(problems)
    return playbook


def _schema_problems(error: ValidationError, document: Document) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for detail in error.errors():
        path = document.real_path(detail["loc"])
        field_path = ".".join(map(str, path))
        message, hint = _describe(detail, path)
        if (field_path, message) in seen:
            continue
        seen.add((field_path, message))
        problems.append(Problem(document.locate(path), message, field_path, hint))
    problems.sort(key=lambda p: (p.location.line or 0, p.location.column or 0))
    return problems


def _describe(detail: Any, path: tuple[str | int, ...]) -> tuple[str, str | None]:
    kind = detail["type"]
    last = path[-1] if path else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), sorted(_FIELDS), n=1)
        return f"unknown field `{last}`", (f"did you mean `{close[0]}`?" if close else None)
    if kind == "missing":
        return f"missing required field `{last}`", None
    if kind == "enum" and last == "type":
        given = str(detail.get("input"))
        close = difflib.get_close_matches(given, _TYPES, n=1)
        hint = f"did you mean `{close[0]}`?" if close else None
        return f"unknown question type `{given}`; expected one of {', '.join(_TYPES)}", hint
    if kind == "string_pattern_mismatch":
        return (
            f"`{detail.get('input')}` is not a valid id",
            "use lower case letters, digits, `_` and `-`, starting with a letter",
        )
    message = str(detail["msg"]).removeprefix("Value error, ")
    return message, None


def check_playbook(playbook: Playbook, document: Document | None = None) -> Iterable[Problem]:
    """Checks inside one playbook: unique ids, earlier-only references, typed defaults/examples."""

    def where(*path: str | int) -> Location:
        return document.locate(path) if document else Location(f"<{playbook.id}>")

    seen: dict[str, tuple[str | int, ...]] = {}
    for step_index, step in enumerate(playbook.steps or []):
        for q_index, question in enumerate(step.questions):
            path: tuple[str | int, ...] = ("steps", step_index, "questions", q_index)
            if question.id in seen:
                yield Problem(
                    where(*path, "id"),
                    f"question id `{question.id}` is used twice in this playbook",
                    ".".join(map(str, (*path, "id"))),
                )
            for ref, ref_path in _local_refs(question, path):
                if "." not in ref and ref not in seen:
                    yield Problem(
                        where(*ref_path),
                        f"`{ref}` names no earlier question of this playbook",
                        ".".join(map(str, ref_path)),
                        hint="a condition or iteration can only use questions asked before it",
                    )
            yield from _check_values(question, path, where)
            seen[question.id] = path


def _local_refs(
    question: Question, path: tuple[str | int, ...]
) -> Iterable[tuple[str, tuple[str | int, ...]]]:
    if question.when is not None:
        for ref in condition_refs(question.when):
            yield ref, (*path, "when")
    if question.for_each is not None and question.for_each.answer is not None:
        yield question.for_each.answer, (*path, "for_each", "answer")
    if question.default_from is not None:
        yield question.default_from, (*path, "default_from")


def condition_refs(condition: model.Condition) -> list[str]:
    """Every answer reference a condition reads."""
    if isinstance(condition, model.Comparison):
        return [condition.question]
    if isinstance(condition, model.AllOf):
        return [ref for inner in condition.all for ref in condition_refs(inner)]
    if isinstance(condition, model.AnyOf):
        return [ref for inner in condition.any for ref in condition_refs(inner)]
    return condition_refs(condition.not_)


def _check_values(question: Question, path: tuple[str | int, ...], where: Any) -> Iterable[Problem]:
    if question.type == QuestionType.SCALE and question.labels:
        low, high = question.min or 0, question.max or 0
        for value in question.labels:
            if not low <= value <= high:
                yield Problem(
                    where(*path, "labels", value),
                    f"label for {value} is outside the scale {low:g}–{high:g}",
                    ".".join(map(str, (*path, "labels", value))),
                )
    options = question.options or []
    if question.choices_from is not None or question.type == QuestionType.GROUP:
        return  # options come from another file / sub-answers are checked one by one
    if question.for_each is not None:
        return
    for name in ("default", "example"):
        value = getattr(question, name)
        if value is None:
            continue
        try:
            coerce(question, value, options)
        except AnswerValueError as error:
            yield Problem(
                where(*path, name),
                f"{name} does not fit a {question.type} question: {error}",
                ".".join(map(str, (*path, name))),
            )
