"""Playbook files to validated models; every error located as ``FILE:LINE:COL: path: message``.

Three layers, each reporting everything it finds before giving up: the strict YAML reader
(syntax, aliases, duplicate keys, depth, size, encoding), the pydantic models (unknown fields,
wrong types, missing fields), then the checks inside one file that the models cannot express
(question ids used twice, a condition naming a later question, an example that does not fit its
question). Checks across files live in :mod:`salescoach.playbook.library`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from salescoach.errors import Location, PlaybookError, Problem
from salescoach.playbook import model
from salescoach.playbook.model import Depth, Option, Playbook, Question, QuestionType
from salescoach.playbook.refs import parse_ref
from salescoach.playbook.sheet_checks import check_sheet
from salescoach.playbook.values import AnswerValueError, coerce
from salescoach.yamlio import Document, Path_, YamlProblems, load_file, parse

MAX_PLAYBOOK_BYTES = 1_000_000
MAX_PLAYBOOK_DEPTH = 40
CONTEXT_NAMESPACES = ("prep", "account")
"""Answer references outside the playbooks: a debrief's prep, the account's known state."""
ACCOUNT_CONTEXT = (
    "name",
    "phase",
    "open_next_steps",
    "last_meeting",
    "contacts",
    "market",
    "competitors",
    "stakes",
    "news",
    "knows_company",
    "history",
    "open_objectives",
    "objections_met",
)
"""What is known about an account from its records (see ``workflow.account_context``)."""

# pydantic names the member of a union it tried (``int``, ``list[...]``, ``function-after[...]``)
# inside an error's location; those steps are not in the data and are dropped.
_UNION_MEMBER = re.compile(r"^[a-z_-]+(\[.*\])?$")
_CONDITION_TAGS = {"compare", "all", "any", "not"}

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "model_attributes_type": "a mapping (`key: value` lines)",
    "none_required": "nothing (null)",
    "literal_error": "",
    "enum": "",
}


def _field_vocabulary() -> set[str]:
    names: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and issubclass(item, BaseModel):
            for name, info in item.model_fields.items():
                names.add(info.alias or name)
    return names


_FIELDS = _field_vocabulary()
_TYPES = [member.value for member in QuestionType]


@dataclass(frozen=True)
class LoadedPlaybook:
    """A valid playbook and the parsed document it came from (for locating later problems)."""

    playbook: Playbook
    document: Document


def load_playbook(path: Path) -> Playbook:
    """Read, parse and validate one playbook file; raise PlaybookError listing every problem."""
    return read_playbook(path).playbook


def read_playbook(path: Path) -> LoadedPlaybook:
    """Like :func:`load_playbook`, keeping the document so cross-file problems can be located."""
    try:
        document = load_file(path, max_depth=MAX_PLAYBOOK_DEPTH, max_bytes=MAX_PLAYBOOK_BYTES)
    except YamlProblems as error:
        raise PlaybookError(error.problems) from None
    return LoadedPlaybook(validate_document(document), document)


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
        found = "list" if isinstance(document.value, list) else "single value"
        raise PlaybookError(
            [
                Problem(
                    document.locate(()),
                    f"expected a mapping (id: ..., kind: ...) at the top level, found a {found}",
                    hint="a playbook's first lines are `id: ...`, `kind: ...`, not `- ...`",
                )
            ]
        )
    try:
        playbook = Playbook.model_validate(document.value)
    except ValidationError as error:
        raise PlaybookError(_schema_problems(error, document)) from None
    problems = list(check_playbook(playbook, document))
    if problems:
        raise PlaybookError(sorted(problems, key=_position))
    return playbook


def _position(problem: Problem) -> tuple[int, int, str]:
    return (problem.location.line or 0, problem.location.column or 0, problem.field_path)


# --- model errors -------------------------------------------------------------------------------


def _data_path(value: Any, loc: Sequence[Any]) -> Path_:
    """The steps of a pydantic ``loc`` that exist in the data, plus a missing or unknown key."""
    node = value
    kept: list[str | int] = []
    for step in loc:
        if isinstance(node, dict) and step in node:
            kept.append(step)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            kept.append(step)
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and step in _FIELDS:
            kept.append(step)  # a missing field: name it, locate its parent
            node = None
        elif isinstance(step, str) and (step in _CONDITION_TAGS or _UNION_MEMBER.match(step)):
            continue  # a union member pydantic tried, not a place in the file
        else:
            kept.append(step)
            node = None
    return tuple(kept)


def _value_at(value: Any, path: Path_) -> Any:
    node = value
    for step in path:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def _schema_problems(error: ValidationError, document: Document) -> list[Problem]:
    details_by_path: dict[Path_, list[Any]] = {}
    for detail in error.errors():
        path = _data_path(document.value, detail["loc"])
        details_by_path.setdefault(path, []).append(detail)
    unknown = {
        path: str(path[-1])
        for path, details in details_by_path.items()
        if path and any(d["type"] == "extra_forbidden" for d in details)
    }
    problems: list[Problem] = []
    for path, details in details_by_path.items():
        field_path = ".".join(map(str, path))
        if _misspelt_elsewhere(path, details, unknown):
            continue  # the unknown key beside it carries the "did you mean" already
        for message, hint in _describe_all(details, path, document):
            problems.append(Problem(document.locate(path), message, field_path, hint))
    problems.sort(key=_position)
    return problems


def _misspelt_elsewhere(path: Path_, details: list[Any], unknown: dict[Path_, str]) -> bool:
    """A missing field whose misspelling sits beside it (``promt`` for ``prompt``)."""
    if not path or any(d["type"] != "missing" for d in details):
        return False
    wanted = str(path[-1])
    for other, name in unknown.items():
        if other[:-1] == path[:-1] and difflib.get_close_matches(name, [wanted], n=1):
            return True
    return False


def _describe_all(
    details: list[Any], path: Path_, document: Document
) -> list[tuple[str, str | None]]:
    """One message per problem at a path; a union's failed members become one message."""
    type_errors = [d for d in details if d["type"] in _TYPE_WORDS]
    others = [d for d in details if d["type"] not in _TYPE_WORDS]
    described = [_describe(d, path) for d in others]
    if type_errors and not others:
        described.append(_expected(type_errors, path, document))
    elif type_errors and not described:
        described.append(_describe(type_errors[0], path))
    unique: list[tuple[str, str | None]] = []
    for item in described:
        if item not in unique:
            unique.append(item)
    return unique


def _expected(details: list[Any], path: Path_, document: Document) -> tuple[str, str | None]:
    if details[0]["type"] in ("enum", "literal_error"):
        return _describe(details[0], path)
    wanted: list[str] = []
    for detail in details:
        word = _TYPE_WORDS[detail["type"]]
        if word and word not in wanted:
            wanted.append(word)
    found = _value_at(document.value, path)
    shown = _show(found)
    return f"expected {' or '.join(wanted)}, found {shown}", _type_hint(found, wanted)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    text = str(value)
    return f"`{text if len(text) <= 40 else text[:37] + '...'}`"


def _type_hint(found: Any, wanted: list[str]) -> str | None:
    if isinstance(found, str) and found.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return "write true or false; yes/no/on/off stay text in playbooks"
    if isinstance(found, str) and "text" in wanted:
        return None
    if any(w.startswith("a list") for w in wanted) and not isinstance(found, list):
        return "put each item on its own line starting with `- `, or write [a, b]"
    return None


def _describe(detail: Any, path: Path_) -> tuple[str, str | None]:
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
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"`{detail.get('input')}` is not allowed here; expected {expected}", None
    if kind == "string_pattern_mismatch":
        if last == "language":
            return f"`{detail.get('input')}` is not a language code", "use two letters: en, fr"
        return (
            f"`{detail.get('input')}` is not a valid id",
            "use lower case letters, digits, `_` and `-`, starting with a letter",
        )
    if kind in ("too_short", "string_too_short"):
        return "must not be empty", None
    message = str(detail["msg"]).removeprefix("Value error, ")
    return message, None


# --- checks inside one playbook -----------------------------------------------------------------


def walk_questions(playbook: Playbook) -> Iterator[tuple[Path_, Question]]:
    """Every question with its path in the file, sub-questions of groups included, in order."""
    for step_index, step in enumerate(playbook.steps or []):
        for q_index, question in enumerate(step.questions):
            yield from _walk(question, ("steps", step_index, "questions", q_index))


def _walk(question: Question, path: Path_) -> Iterator[tuple[Path_, Question]]:
    yield path, question
    for index, sub in enumerate(question.questions or []):
        yield from _walk(sub, (*path, "questions", index))


def condition_ref_paths(condition: model.Condition, path: Path_ = ()) -> list[tuple[str, Path_]]:
    """Every answer reference a condition reads, with the path of its ``question`` field."""
    if isinstance(condition, model.Comparison):
        return [(condition.question, (*path, "question"))]
    if isinstance(condition, model.AllOf):
        inner = [(c, (*path, "all", i)) for i, c in enumerate(condition.all)]
    elif isinstance(condition, model.AnyOf):
        inner = [(c, (*path, "any", i)) for i, c in enumerate(condition.any)]
    else:
        inner = [(condition.not_, (*path, "not"))]
    return [found for c, p in inner for found in condition_ref_paths(c, p)]


def condition_refs(condition: model.Condition) -> list[str]:
    """Every answer reference a condition reads."""
    return [ref for ref, _ in condition_ref_paths(condition)]


def answer_refs(question: Question, path: Path_) -> list[tuple[str, Path_, str]]:
    """The answers a question reads: ``(reference, path of the field, what reads it)``."""
    found: list[tuple[str, Path_, str]] = []
    if question.when is not None:
        for ref, ref_path in condition_ref_paths(question.when, (*path, "when")):
            found.append((ref, ref_path, "condition"))
    if question.for_each is not None and question.for_each.answer is not None:
        found.append((question.for_each.answer, (*path, "for_each", "answer"), "iteration"))
    if question.default_from is not None:
        found.append((question.default_from, (*path, "default_from"), "default_from"))
    for index, ref in enumerate(question.show):
        found.append((ref, (*path, "show", index), "show"))
    return found


def check_playbook(playbook: Playbook, document: Document | None = None) -> Iterable[Problem]:
    """Checks inside one playbook: unique ids, earlier-only references, typed defaults/examples."""

    def where(*path: str | int) -> Location:
        return document.locate(path) if document else Location(f"<{playbook.id}>")

    def dotted(path: Path_) -> str:
        return ".".join(map(str, path))

    asked: dict[str, Path_] = {}
    all_ids = {q.id for q in playbook.questions()}
    for step_index, step in enumerate(playbook.steps or []):
        step_path: Path_ = ("steps", step_index)
        if step.when is not None:
            for ref, ref_path in condition_ref_paths(step.when, (*step_path, "when")):
                yield from _local_ref(ref, ref_path, "condition", asked, all_ids, playbook, where)
        for q_index, question in enumerate(step.questions):
            path: Path_ = (*step_path, "questions", q_index)
            if question.id in asked:
                yield Problem(
                    where(*path, "id"),
                    f"question id `{question.id}` is used twice in this playbook",
                    dotted((*path, "id")),
                    hint=f"the first is at line {where(*asked[question.id]).line}",
                )
            for ref, ref_path, reader in answer_refs(question, path):
                yield from _local_ref(
                    ref, ref_path, reader, asked, all_ids, playbook, where, question.id
                )
            yield from _check_group(question, path, asked, playbook, where)
            yield from _check_values(question, path, where)
            asked.setdefault(question.id, path)
    yield from check_sheet(playbook, where)
    yield from _check_depths(playbook, where)
    yield from _check_cards(playbook, where)


def question_depths(playbook: Playbook) -> dict[str, Depth]:
    """The depth from which each top-level question of a playbook is asked."""
    return {
        question.id: question.depth or playbook.step_depth(step)
        for step in playbook.steps or []
        for question in step.questions
    }


def _check_depths(playbook: Playbook, where: Callable[..., Location]) -> Iterable[Problem]:
    """A question cannot read an answer asked only deeper, nor a sub-question be shallower
    than its group: at the shallower depth that answer never exists."""
    depths = question_depths(playbook)
    for step_index, step in enumerate(playbook.steps or []):
        for q_index, question in enumerate(step.questions):
            path: Path_ = ("steps", step_index, "questions", q_index)
            depth = depths[question.id]
            for ref, ref_path, reader in answer_refs(question, path):
                if reader in ("default_from", "show"):
                    continue  # an absent default is no default; an absent answer is not shown
                name = _own_question(ref, playbook.id)
                read = depths.get(name) if name else None
                if read is not None and read.rank > depth.rank:
                    yield Problem(
                        where(*ref_path),
                        f"`{question.id}` is asked from {depth} depth but reads `{ref}`, "
                        f"asked only from {read}",
                        ".".join(map(str, ref_path)),
                        hint=f"give `{question.id}` depth: {read}, or `{name}` depth: {depth}",
                    )
            for sub_index, sub in enumerate(question.questions or []):
                if sub.depth is not None and sub.depth.rank < depth.rank:
                    sub_path = (*path, "questions", sub_index, "depth")
                    yield Problem(
                        where(*sub_path),
                        f"sub-question `{sub.id}` says {sub.depth}, but its group "
                        f"`{question.id}` is asked only from {depth}",
                        ".".join(map(str, sub_path)),
                        hint="a sub-question can be deeper than its group, not shallower",
                    )


def _own_question(ref: str, playbook_id: str) -> str | None:
    parts = ref.split(".")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and parts[0] == playbook_id:
        return parts[1]
    return None


def _check_cards(playbook: Playbook, where: Callable[..., Location]) -> Iterable[Problem]:
    """Card ids are unique: a rep's practice schedule is kept under them."""
    first: dict[str, int] = {}
    for index, card in enumerate(playbook.cards or []):
        if card.id in first:
            yield Problem(
                where("cards", index, "id"),
                f"card id `{card.id}` is used twice in this playbook",
                f"cards.{index}.id",
                hint=f"the first is at line {where('cards', first[card.id], 'id').line}",
            )
        first.setdefault(card.id, index)


def _local_ref(
    ref: str,
    ref_path: Path_,
    reader: str,
    earlier: dict[str, Path_],
    all_ids: set[str],
    playbook: Playbook,
    where: Callable[..., Location],
    current: str | None = None,
) -> Iterable[Problem]:
    """A reference to this playbook's own answers must name a question asked before."""
    parsed = parse_ref(ref)
    if parsed.local or (parsed.source == "answers" and parsed.path[:1] == (playbook.id,)):
        name = parsed.question
        if len(parsed.path) > 2:
            return
    else:
        return  # another playbook or the context: checked across files
    if name in earlier:
        return
    field_path = ".".join(map(str, ref_path))
    what = {
        "condition": "a condition",
        "iteration": "for_each",
        "default_from": "default_from",
        "show": "show",
    }
    if name == current:
        yield Problem(
            where(*ref_path),
            f"{what[reader]} names `{ref}`, the question itself",
            field_path,
            hint="name a question asked before this one",
        )
        return
    if name in all_ids:
        yield Problem(
            where(*ref_path),
            f"{what[reader]} names `{ref}`, a question asked later",
            field_path,
            hint="a condition or iteration can only use questions asked before it; move it up",
        )
        return
    close = difflib.get_close_matches(name, sorted(earlier), n=1)
    yield Problem(
        where(*ref_path),
        f"{what[reader]} names `{ref}`, which is no question of this playbook",
        field_path,
        hint=f"did you mean `{close[0]}`?" if close else "name an earlier question's id",
    )


def _check_group(
    question: Question,
    path: Path_,
    earlier: dict[str, Path_],
    playbook: Playbook,
    where: Callable[..., Location],
) -> Iterable[Problem]:
    """Sub-questions see their earlier siblings and the playbook's questions asked before."""
    siblings: dict[str, Path_] = {}
    all_ids = {q.id for q in question.questions or []} | {q.id for q in playbook.questions()}
    for index, sub in enumerate(question.questions or []):
        sub_path: Path_ = (*path, "questions", index)
        if sub.id in siblings:
            yield Problem(
                where(*sub_path, "id"),
                f"sub-question id `{sub.id}` is used twice in `{question.id}`",
                ".".join(map(str, (*sub_path, "id"))),
            )
        visible = {**earlier, **siblings}
        for ref, ref_path, reader in answer_refs(sub, sub_path):
            yield from _local_ref(ref, ref_path, reader, visible, all_ids, playbook, where, sub.id)
        yield from _check_group(sub, sub_path, earlier, playbook, where)
        yield from _check_values(sub, sub_path, where)
        siblings.setdefault(sub.id, sub_path)


def _check_values(question: Question, path: Path_, where: Any) -> Iterable[Problem]:
    if question.type == QuestionType.SCALE and question.labels:
        low, high = question.min or 0, question.max or 0
        for value in question.labels:
            if not low <= value <= high:
                yield Problem(
                    where(*path, "labels", value),
                    f"label for {value} is outside the scale {low:g}–{high:g}",
                    ".".join(map(str, (*path, "labels", value))),
                )
    if question.options:
        seen: set[str] = set()
        for index, option in enumerate(question.options):
            if option.value in seen:
                yield Problem(
                    where(*path, "options", index, "value"),
                    f"option value `{option.value}` is used twice",
                    ".".join(map(str, (*path, "options", index, "value"))),
                )
            seen.add(option.value)
    options = question.options or []
    if question.choices_from is not None or question.type == QuestionType.GROUP:
        return  # options come from another file / sub-answers are checked one by one
    for name, message in misfit_values(question, options):
        yield Problem(where(*path, name), message, ".".join(map(str, (*path, name))))


def misfit_values(question: Question, options: list[Option]) -> Iterable[tuple[str, str]]:
    """``(field, message)`` for a ``default`` or ``example`` that does not fit its question."""
    single = question.model_copy(update={"for_each": None})
    for name in ("default", "example"):
        value = getattr(question, name)
        if value is None:
            continue
        try:
            coerce(single, value, options)
        except AnswerValueError as error:
            yield name, f"{name} does not fit a {question.type} question: {error}"
