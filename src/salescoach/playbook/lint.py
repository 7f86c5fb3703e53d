"""Warnings about playbooks that load and check, but will not work as the trainer expects.

``validate`` says whether a rep can use a playbook at all; ``lint`` says where it will
disappoint: a question with no help, French and English versions that drifted apart, a
reference list nothing uses, an objection library that does not hold ten entries, a question
no condition can ever reach, a question without the example previews are built from.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salescoach.errors import Problem
from salescoach.paths import builtin_playbooks
from salescoach.playbook.conditions import comparisons as _comparisons
from salescoach.playbook.conditions import enclosing_group as _enclosing_group
from salescoach.playbook.conditions import target_question as _target
from salescoach.playbook.library import (
    CheckedFiles,
    Entry,
    Library,
    SearchPath,
    check_paths,
)
from salescoach.playbook.loader import answer_refs, walk_questions
from salescoach.playbook.model import (
    AllOf,
    Comparison,
    Condition,
    Kind,
    NotOf,
    Playbook,
    Question,
    QuestionType,
    Scalar,
)
from salescoach.playbook.refs import parse_ref
from salescoach.playbook.sheet_checks import check_sheet_across
from salescoach.yamlio import Path_

OBJECTION_LIBRARY = "objections"
OBJECTION_COUNT = 10


@dataclass
class LintReport:
    """What ``lint`` found: errors (the file cannot be used) and warnings."""

    errors: list[Problem]
    warnings: list[Problem]
    files: int


def lint_paths(paths: Sequence[Path], search: SearchPath) -> LintReport:
    """Check, then lint, the playbook files under ``paths`` against their search path."""
    checked = check_paths(paths, search)
    linter = _Linter(checked, search)
    warnings = sorted(
        linter.run(),
        key=lambda p: (str(p.location.path), p.location.line or 0, p.location.column or 0),
    )
    return LintReport(checked.problems, _unique(warnings), checked.count)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            kept.append(problem)
    return kept


def _warning(entry: Entry, path: Path_, message: str, hint: str | None = None) -> Problem:
    return Problem(entry.locate(path), message, ".".join(map(str, path)), hint, "warning")


class _Linter:
    def __init__(self, checked: CheckedFiles, search: SearchPath) -> None:
        self.checked = checked
        self.search = search
        self.libraries: dict[str, Library] = dict(checked.libraries)

    def library(self, language: str) -> Library:
        if language not in self.libraries:
            base = Library.load(language, self.search(language))
            self.libraries[language] = base.with_entries(self.checked.entries)
        return self.libraries[language]

    def run(self) -> Iterator[Problem]:
        for entry in self.checked.entries:
            library = self.library(entry.playbook.language)
            chosen = dict(library.chosen())
            chosen[entry.id] = entry
            yield from _file_name(entry)
            yield from _help_and_examples(entry)
            yield from _unreachable(entry, chosen)
            yield from _not_in_flow(entry, chosen)
            yield from (p._replace(severity="warning") for p in check_sheet_across(entry, chosen))
            if entry.playbook.kind == Kind.REFERENCE:
                yield from _unused_reference(entry, chosen)
                yield from _objection_count(entry)
            yield from self._drift(entry)
        yield from _twice_in_one_directory(self.checked.entries)

    def _drift(self, entry: Entry) -> Iterator[Problem]:
        here = entry.playbook.language
        resolved = self.library(here).chosen().get(entry.id)
        if entry.playbook.extends is not None and resolved == entry and resolved is not None:
            entry = resolved  # an extending flow is compared as it is walked
        given = {(e.id, e.playbook.language): e for e in self.checked.entries}
        for language in _languages(self.checked.entries):
            if language == here:
                continue
            other = given.get((entry.id, language))
            if other is not None and _reports_drift(other, entry):
                continue  # both files are linted: say it once, in the translation
            if other is None:
                found = self.library(language).chosen().get(entry.id)
                if found is None or found.playbook.language != language:
                    if language in {e.playbook.language for e in self.checked.entries}:
                        yield from _one_language(entry, language)  # a gap in a two-language set
                    continue
                other = found
            yield from _differences(entry, other)


def _one_language(entry: Entry, missing: str) -> Iterator[Problem]:
    """A playbook with no version in a language: deliberate only when it says ``fallback``."""
    if entry.playbook.fallback:
        return
    here = entry.playbook.language
    yield _warning(
        entry,
        ("language",),
        f"`{entry.id}` has no {missing} version: a rep working in {missing} gets this {here} one",
        f"add a {missing} version, or say it is meant with `fallback: true`",
    )


def _languages(entries: Sequence[Entry]) -> list[str]:
    builtin = builtin_playbooks()
    shipped = [p.name for p in builtin.iterdir() if p.is_dir()] if builtin.is_dir() else []
    return sorted({*shipped, *(e.playbook.language for e in entries)})


def _reports_drift(first: Entry, second: Entry) -> bool:
    """Of two linted versions, the one that reports: English is the reference version."""
    rank = (first.playbook.language != "en", str(first.path))
    return rank > (second.playbook.language != "en", str(second.path))


# --- one file -----------------------------------------------------------------------------------


def _file_name(entry: Entry) -> Iterator[Problem]:
    if entry.path.stem != entry.id:
        yield _warning(
            entry,
            ("id",),
            f"the file is named `{entry.path.name}` but the playbook's id is `{entry.id}`",
            f"name it {entry.id}{entry.path.suffix}: commands and overrides go by id",
        )


def _help_and_examples(entry: Entry) -> Iterator[Problem]:
    groups = {path for path, q in walk_questions(entry.playbook) if q.type == QuestionType.GROUP}
    for path, question in walk_questions(entry.playbook):
        if question.compute is not None:
            continue  # never asked: no help to read, no example to give
        in_group = any(path[: len(g)] == g for g in groups if g != path)
        if not question.help and not in_group:
            yield _warning(
                entry,
                (*path, "id"),
                f"question `{question.id}` has no help",
                "add `help:`, the line of advice shown under the prompt",
            )
        if question.type != QuestionType.GROUP and question.example_for(0) is None:
            yield _warning(
                entry,
                (*path, "id"),
                f"question `{question.id}` has no example",
                "previews and --example-answers use it; without one they leave it "
                + ("empty" if not question.required else "with a made-up value"),
            )


def _objection_count(entry: Entry) -> Iterator[Problem]:
    count = len(entry.playbook.entries or [])
    if entry.id == OBJECTION_LIBRARY and count != OBJECTION_COUNT:
        yield _warning(
            entry,
            ("entries",),
            f"the objection library holds {count} entr{'y' if count == 1 else 'ies'}, "
            f"not the method's top {OBJECTION_COUNT}",
            "keep the ten objections reps meet most; `salescoach report objections` shows them",
        )


def _twice_in_one_directory(entries: Sequence[Entry]) -> Iterator[Problem]:
    seen: dict[tuple[Path, str, str], Entry] = {}
    for entry in entries:
        key = (entry.path.parent, entry.id, entry.playbook.language)
        first = seen.get(key)
        if first is not None:
            yield _warning(
                entry,
                ("id",),
                f"`{entry.id}` ({entry.playbook.language}) is also defined in {first.path}",
                "only one of them is used; rename or remove the other",
            )
        else:
            seen[key] = entry


# --- across files -------------------------------------------------------------------------------


def _users(chosen: dict[str, Entry], reference_id: str) -> list[str]:
    users = []
    for entry in chosen.values():
        for _, question in walk_questions(entry.playbook):
            named = {
                question.choices_from.reference if question.choices_from else None,
                question.for_each.reference if question.for_each else None,
            }
            if reference_id in named:
                users.append(entry.id)
    return users


_READ_BY_COMMANDS = frozenset({"recap", "appropriation", "added-value"})
"""Reference lists a command reads rather than a question (``recap``: the recap's wording;
``appropriation``: the ``onboarding`` checklist; ``added-value``: the stages ``report team``
names its figures by)."""


def _unused_reference(entry: Entry, chosen: dict[str, Entry]) -> Iterator[Problem]:
    if entry.id in _READ_BY_COMMANDS:
        return
    if chosen.get(entry.id) is entry and not _users(chosen, entry.id):
        yield _warning(
            entry,
            ("id",),
            f"nothing uses the reference list `{entry.id}`: no question's choices_from or "
            "for_each names it",
            "offer it with `choices_from: {reference: " + entry.id + "}`, or remove it",
        )


def _not_in_flow(entry: Entry, chosen: dict[str, Entry]) -> Iterator[Problem]:
    """An answer of another playbook read by a playbook whose flow never walks that playbook."""
    flows = [e for e in chosen.values() if e.playbook.kind == Kind.FLOW]
    for path, question in walk_questions(entry.playbook):
        for ref, ref_path, _ in answer_refs(question, path):
            parsed = parse_ref(ref)
            other = parsed.playbook
            if parsed.source != "answers" or len(parsed.path) != 2 or other == entry.id:
                continue
            for flow in flows:
                order = [item.playbook for item in flow.playbook.flow or []]
                if entry.id in order and other not in order:
                    yield _warning(
                        entry,
                        ref_path,
                        f"flow `{flow.id}` walks `{entry.id}` but not `{other}`: "
                        f"`{ref}` is never answered there",
                    )


# --- conditions that can never hold -------------------------------------------------------------


def _unreachable(entry: Entry, chosen: dict[str, Entry]) -> Iterator[Problem]:
    book = entry.playbook
    for index, step in enumerate(book.steps or []):
        if step.when is not None:
            path: Path_ = ("steps", index, "when")
            yield from _dead_values(entry, step.when, path, chosen, None)
            if _never(step.when, entry, chosen, None):
                yield _warning(
                    entry,
                    path,
                    f"this condition can never hold: step `{step.id or step.title}` is never shown",
                )
    for path, question in walk_questions(book):
        if question.when is None:
            continue
        group = _enclosing_group(book, path)
        when_path: Path_ = (*path, "when")
        yield from _dead_values(entry, question.when, when_path, chosen, group)
        if _never(question.when, entry, chosen, group):
            yield _warning(
                entry,
                when_path,
                f"this condition can never hold: question `{question.id}` is never asked",
            )
    for index, item in enumerate(book.flow or []):
        if item.when is not None:
            path = ("flow", index, "when")
            yield from _dead_values(entry, item.when, path, chosen, None)
            if _never(item.when, entry, chosen, None):
                yield _warning(
                    entry,
                    path,
                    f"this condition can never hold: `{item.playbook}` is never walked",
                )


_ANY = object()


def _possible(question: Question, chosen: dict[str, Entry]) -> Any:
    """The values an answer to ``question`` can hold (or contain), or ``_ANY``."""
    if question.for_each is not None or question.type == QuestionType.GROUP:
        return set()  # answers are lists of mappings: no scalar ever equals them
    if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
        if question.options is not None:
            return {o.value for o in question.options}
        reference = chosen.get(
            question.choices_from.reference or "" if question.choices_from else ""
        )
        if reference is None:
            return _ANY  # no such list, or the items of an earlier answer
        return {e.id for e in reference.playbook.entries or []}
    if question.type == QuestionType.YESNO:
        return {True, False}
    if (
        question.type == QuestionType.SCALE
        and question.min is not None
        and question.max is not None
    ):
        return set(range(int(question.min), int(question.max) + 1))
    return _ANY


def _same(first: Any, second: Any) -> bool:
    if isinstance(first, bool) or isinstance(second, bool):
        return first is second
    return bool(first == second)


def _fits(value: Scalar, question: Question, possible: Any) -> bool:
    """Whether an answer to ``question`` can be (or contain) ``value``."""
    if possible is not _ANY:
        return any(_same(value, p) for p in possible)
    if question.type == QuestionType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        low = question.min if question.min is not None else float("-inf")
        high = question.max if question.max is not None else float("inf")
        return low <= value <= high
    if question.type in (QuestionType.TEXT, QuestionType.PARAGRAPH, QuestionType.LIST):
        return isinstance(value, str)
    if question.type in (QuestionType.DATE, QuestionType.TIME):
        return isinstance(value, str)
    return True


def _tested(condition: Comparison) -> list[Scalar]:
    if condition.equals is not None:
        return [condition.equals]
    return list(condition.in_ or condition.not_in or [])


def _dead_values(
    entry: Entry,
    condition: Condition,
    path: Path_,
    chosen: dict[str, Entry],
    group: Question | None,
) -> Iterator[Problem]:
    for comparison, comparison_path in _comparisons(condition, path):
        if comparison.answered is not None or comparison.numeric is not None:
            continue
        question = _target(comparison.question, entry, chosen, group)
        if question is None:
            continue
        possible = _possible(question, chosen)
        field = (
            "equals"
            if comparison.equals is not None
            else ("in" if comparison.in_ is not None else "not_in")
        )
        for value in _tested(comparison):
            if _fits(value, question, possible):
                continue
            yield _warning(
                entry,
                (*comparison_path, field),
                f"`{comparison.question}` can never be {_shown(value)}",
                _why_not(value, question, possible),
            )


def _shown(value: Scalar) -> str:
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def _why_not(value: Scalar, question: Question, possible: Any) -> str:
    if question.for_each is not None or question.type == QuestionType.GROUP:
        return "its answer is a list of entries; test it with `answered: true` instead"
    if question.type == QuestionType.YESNO:
        return "a yesno answer is true or false, unquoted"
    if possible is not _ANY:
        names = sorted(map(str, possible), key=str)
        close = difflib.get_close_matches(str(value), names, n=1)
        listed = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        return (f"did you mean `{close[0]}`? " if close else "") + f"its values: {listed}"
    if question.type == QuestionType.NUMBER:
        return f"its answer is a number between {question.min} and {question.max}"
    return f"a {question.type} answer is text"


def _comparison_never(
    comparison: Comparison, entry: Entry, chosen: dict[str, Entry], group: Question | None
) -> tuple[bool, bool]:
    """(never holds, always holds) for one comparison, as far as options tell."""
    if comparison.answered is not None:
        return False, False
    question = _target(comparison.question, entry, chosen, group)
    if question is None:
        return False, False
    if comparison.numeric is not None:
        return _bound_never(comparison.numeric, question), False
    possible = _possible(question, chosen)
    dead = all(not _fits(v, question, possible) for v in _tested(comparison))
    if comparison.not_in is not None:
        return False, dead
    return dead, False


def _bound_never(test: tuple[str, float], question: Question) -> bool:
    """Whether a numeric test can never hold within the question's own min and max."""
    name, bound = test
    low = question.min if question.min is not None else float("-inf")
    high = question.max if question.max is not None else float("inf")
    return {
        "greater_than": high <= bound,
        "less_than": low >= bound,
        "at_least": high < bound,
        "at_most": low > bound,
    }[name]


def _never(
    condition: Condition, entry: Entry, chosen: dict[str, Entry], group: Question | None
) -> bool:
    return _verdict(condition, entry, chosen, group)[0]


def _verdict(
    condition: Condition, entry: Entry, chosen: dict[str, Entry], group: Question | None
) -> tuple[bool, bool]:
    if isinstance(condition, Comparison):
        return _comparison_never(condition, entry, chosen, group)
    if isinstance(condition, NotOf):
        never, always = _verdict(condition.not_, entry, chosen, group)
        return always, never
    parts = [
        _verdict(c, entry, chosen, group)
        for c in (condition.all if isinstance(condition, AllOf) else condition.any)
    ]
    if isinstance(condition, AllOf):
        return any(n for n, _ in parts), all(a for _, a in parts)
    return all(n for n, _ in parts), any(a for _, a in parts)


# --- French and English versions ----------------------------------------------------------------


def _condition_shape(condition: Condition | None) -> Any:
    return None if condition is None else condition.model_dump(by_alias=True, exclude_none=True)


def _for_each_shape(question: Question) -> dict[str, Any] | None:
    """A ``for_each`` as compared across languages: the details shown, not their labels."""
    if question.for_each is None:
        return None
    shape = question.for_each.model_dump(exclude_none=True, exclude={"show_details"})
    if question.for_each.show_details:
        shape["show_details"] = list(question.for_each.show_details)
    return shape


def _question_traits(question: Question) -> dict[str, Any]:
    return {
        "type": str(question.type),
        "required": question.required,
        "options": [o.value for o in question.options] if question.options else None,
        "choices_from": question.choices_from.model_dump(exclude_none=True)
        if question.choices_from
        else None,
        "for_each": _for_each_shape(question),
        "when": _condition_shape(question.when),
        "default_from": question.default_from,
        "min": question.min,
        "max": question.max,
        "labels": sorted(question.labels) if question.labels else None,
        "min_items": question.min_items,
        "max_items": question.max_items,
        "tags": sorted(question.tags),
        "sub-questions": [q.id for q in question.questions or []],
    }


def _questions_by_key(book: Playbook) -> dict[str, tuple[Path_, Question]]:
    found: dict[str, tuple[Path_, Question]] = {}
    names: dict[Path_, str] = {}
    for path, question in walk_questions(book):
        parent = names.get(path[:-2])
        key = f"{parent}.{question.id}" if parent else question.id
        names[path] = key
        found.setdefault(key, (path, question))
    return found


def _differences(entry: Entry, other: Entry) -> Iterator[Problem]:
    here, there = entry.playbook, other.playbook
    lang = there.language
    hint = f"the {lang} version is {other.path}"

    def drift(path: Path_, message: str) -> Problem:
        return _warning(entry, path, f"differs from the {lang} version: {message}", hint)

    for name in ("kind", "version", "record"):
        mine, theirs = getattr(here, name), getattr(there, name)
        if mine != theirs:
            yield drift((name,), f"{name} is {mine} here, {theirs} there")
    yield from _step_drift(here, there, drift)
    mine_q, theirs_q = _questions_by_key(here), _questions_by_key(there)
    for key, (path, question) in mine_q.items():
        if key not in theirs_q:
            yield drift((*path, "id"), f"question `{key}` is not there")
            continue
        ours, others = _question_traits(question), _question_traits(theirs_q[key][1])
        for trait, value in ours.items():
            if value != others[trait]:
                field = trait if trait != "sub-questions" else "questions"
                yield drift(
                    (*path, field),
                    f"`{key}`: {trait} {_brief(value)} here, {_brief(others[trait])} there",
                )
    missing = [f"`{key}`" for key in theirs_q if key not in mine_q]
    if missing:
        yield drift(("steps",), f"question(s) {', '.join(missing)} missing here")
    if [k for k in mine_q if k in theirs_q] != [k for k in theirs_q if k in mine_q]:
        yield drift(("steps",), "the questions are not in the same order")
    yield from _entry_drift(here, there, drift)
    yield from _card_drift(here, there, drift)
    mine_flow = [(i.playbook, _condition_shape(i.when)) for i in here.flow or []]
    theirs_flow = [(i.playbook, _condition_shape(i.when)) for i in there.flow or []]
    if mine_flow != theirs_flow:
        yield drift(("flow",), "the flow's playbooks or their conditions differ")


def _brief(value: Any) -> str:
    text = str(value)
    return f"`{text if len(text) <= 60 else text[:57] + '...'}`"


def _step_drift(here: Playbook, there: Playbook, drift: Any) -> Iterable[Problem]:
    mine, theirs = here.steps or [], there.steps or []
    if len(mine) != len(theirs):
        yield drift(("steps",), f"{len(mine)} steps here, {len(theirs)} there")
    for index, (ours, others) in enumerate(zip(mine, theirs, strict=False)):
        if ours.id != others.id:
            yield drift(
                ("steps", index), f"step {index + 1} is `{ours.id}` here, `{others.id}` there"
            )
        if _condition_shape(ours.when) != _condition_shape(others.when):
            yield drift(("steps", index, "when"), f"step {index + 1}'s condition differs")


def _entry_drift(here: Playbook, there: Playbook, drift: Any) -> Iterable[Problem]:
    theirs = {e.id: e for e in there.entries or []}
    mine_ids = [e.id for e in here.entries or []]
    for index, entry in enumerate(here.entries or []):
        other = theirs.get(entry.id)
        if other is None:
            yield drift(("entries", index, "id"), f"entry `{entry.id}` is not there")
        elif sorted(entry.details) != sorted(other.details):
            yield drift(
                ("entries", index, "details"),
                f"entry `{entry.id}`: details {_brief(sorted(entry.details))} here, "
                f"{_brief(sorted(other.details))} there",
            )
    missing = [f"`{entry_id}`" for entry_id in theirs if entry_id not in mine_ids]
    if missing:
        yield drift(
            ("entries",),
            f"entr{'y' if len(missing) == 1 else 'ies'} {', '.join(missing)} missing here",
        )


def _card_drift(here: Playbook, there: Playbook, drift: Any) -> Iterable[Problem]:
    """Cards of one language missing from the other: those reps never practise them."""
    theirs = {card.id: card for card in there.cards or []}
    mine_ids = [card.id for card in here.cards or []]
    for index, card in enumerate(here.cards or []):
        other = theirs.get(card.id)
        if other is None:
            yield drift(("cards", index, "id"), f"card `{card.id}` is not there")
        elif card.topic != other.topic:
            yield drift(
                ("cards", index, "topic"),
                f"card `{card.id}`: topic {card.topic} here, {other.topic} there",
            )
    missing = [f"`{card_id}`" for card_id in theirs if card_id not in mine_ids]
    if missing:
        yield drift(
            ("cards",), f"card{'' if len(missing) == 1 else 's'} {', '.join(missing)} missing here"
        )
