"""What a condition reads, and the checks of conditions that need the question they test.

A condition names an answer (``satisfaction``, ``meeting.type``); some tests fit only some
answers: ``at_least`` and the other numeric tests compare a number or a scale. These checks
find the question a reference reads (in the playbook itself, a group entry, or another
playbook on the search path) and report a test that cannot apply at its line and column.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from salescoach.errors import Location, Problem
from salescoach.playbook.loader import ITEM, walk_questions
from salescoach.playbook.model import (
    AllOf,
    AnyOf,
    Comparison,
    Condition,
    Playbook,
    Question,
    QuestionType,
)
from salescoach.playbook.refs import parse_ref
from salescoach.yamlio import Path_


class Located(Protocol):
    """A playbook with its file: what the library's entries are."""

    @property
    def playbook(self) -> Playbook: ...

    @property
    def id(self) -> str: ...

    def locate(self, path: Path_) -> Location: ...


def comparisons(condition: Condition, path: Path_ = ()) -> Iterator[tuple[Comparison, Path_]]:
    """Every single test of a condition, with its path in the file."""
    if isinstance(condition, Comparison):
        yield condition, path
    elif isinstance(condition, AllOf):
        for index, inner in enumerate(condition.all):
            yield from comparisons(inner, (*path, "all", index))
    elif isinstance(condition, AnyOf):
        for index, inner in enumerate(condition.any):
            yield from comparisons(inner, (*path, "any", index))
    else:
        yield from comparisons(condition.not_, (*path, "not"))


def target_question(
    ref: str,
    entry: Located,
    chosen: Mapping[str, Located],
    group: Question | None = None,
) -> Question | None:
    """The question an answer reference reads, when it is a question of a known playbook."""
    parsed = parse_ref(ref)
    if parsed.source == "account":
        return None
    parts = list(parsed.path)
    if len(parts) == 1:
        siblings = (group.questions or []) if group is not None else []
        local = [*siblings, *entry.playbook.questions()]
        return next((q for q in local if q.id == parts[0]), None)
    if len(parts) != 2:
        return None
    book = entry if parts[0] == entry.id else chosen.get(parts[0])
    if book is None:
        return None
    return next((q for q in book.playbook.questions() if q.id == parts[1]), None)


def enclosing_group(book: Playbook, path: Path_) -> Question | None:
    """The group question a sub-question at ``path`` belongs to (``None`` at the top level)."""
    parent = path[:-2]
    for candidate, question in walk_questions(book):
        if candidate == parent:
            return question
    return None


def conditions_of(book: Playbook) -> Iterator[tuple[Condition, Path_, Question | None, bool]]:
    """Every condition of a playbook: steps', questions' (with their group), flow items', and
    the per-item ``for_each.when`` (last: ``True``, iterated answers read one item's answer)."""
    for index, step in enumerate(book.steps or []):
        if step.when is not None:
            yield step.when, ("steps", index, "when"), None, False
    for path, question in walk_questions(book):
        group = enclosing_group(book, path) if len(path) > 4 else None
        if question.when is not None:
            yield question.when, (*path, "when"), group, False
        if question.for_each is not None and question.for_each.when is not None:
            yield question.for_each.when, (*path, "for_each", "when"), group, True
    for index, item in enumerate(book.flow or []):
        if item.when is not None:
            yield item.when, ("flow", index, "when"), None, False


_NUMERIC_TYPES = (QuestionType.NUMBER, QuestionType.SCALE)


def numeric_test_problems(entry: Located, chosen: Mapping[str, Located]) -> Iterator[Problem]:
    """A numeric test (``at_least: 3``) on an answer that is no number: it would never hold."""
    for condition, path, group, per_item in conditions_of(entry.playbook):
        for comparison, test_path in comparisons(condition, path):
            numeric = comparison.numeric
            if numeric is None or (per_item and comparison.question == ITEM):
                continue
            question = target_question(comparison.question, entry, chosen, group)
            if question is None:
                continue
            iterated = question.for_each is not None and not per_item
            if not iterated and question.type in _NUMERIC_TYPES:
                continue
            field = (*test_path, numeric[0])
            what = "an iterated question" if iterated else f"a {question.type} question"
            yield Problem(
                entry.locate(field),
                f"`{numeric[0]}` compares numbers, but `{comparison.question}` is {what}",
                ".".join(map(str, field)),
                "compare a number or scale answer; test other answers with equals, in or not_in"
                if not iterated
                else "test one item's answer with `for_each.when` on the iterated question",
            )
