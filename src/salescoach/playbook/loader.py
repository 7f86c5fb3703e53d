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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from salescoach.errors import Location, PlaybookError, Problem
from salescoach.playbook import model
from salescoach.playbook.definitions import resolve_definitions
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
    "last",
)
"""What is known about an account from its records (see ``workflow.account_context``)."""

ITEM = "item"
"""In ``for_each.when``: the item the question is being asked about."""

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
    if _looks_like_answers(document.value):
        raise PlaybookError(
            [
                Problem(
                    document.locate(()),
                    "this looks like an answers file (answers under playbook ids), not a playbook",
                    hint="keep answers files out of playbook directories: every .yaml there "
                    "is read as a playbook; use it with --answers FILE",
                )
            ]
        )
    resolved, unknown = resolve_definitions(document)
    if unknown:
        raise PlaybookError(unknown)
    document = replace(document, value=resolved)  # positions stay those of the file
    try:
        playbook = Playbook.model_validate(document.value)
    except ValidationError as error:
        raise PlaybookError(_schema_problems(error, document)) from None
    problems = list(check_playbook(playbook, document))
    if problems:
        raise PlaybookError(sorted(problems, key=_position))
    return playbook


def _looks_like_answers(value: dict[str, Any]) -> bool:
    """No playbook field at the top, and mappings under id-like keys: ``meeting: {type: ...}``."""
    top_fields = set(Playbook.model_fields) | {"in"}
    return (
        bool(value)
        and not set(value) & top_fields
        and all(isinstance(v, dict) for v in value.values())
        and all(isinstance(k, str) and re.fullmatch(model.IDENTIFIER, k) for k in value)
    )


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
    described = [
        _unknown_field(path, document) if d["type"] == "extra_forbidden" else _describe(d, path)
        for d in others
    ]
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


def _unknown_field(path: Path_, document: Document) -> tuple[str, str | None]:
    """An unknown key: a misspelling, a field of another place, or a label cut at a comma."""
    last = str(path[-1]) if path else ""
    message = f"unknown field `{last}`"
    parent = _value_at(document.value, path[:-1])
    if (
        isinstance(parent, dict)
        and parent.get(path[-1]) is None
        and not re.fullmatch(model.IDENTIFIER, last)
    ):
        keys = list(parent)
        before = keys[: keys.index(path[-1])]
        cut = next((k for k in reversed(before) if isinstance(parent[k], str)), None)
        return message, (
            f"a comma inside {{...}} starts a new field: quote the whole text, e.g. "
            f'`{cut}: "{parent[cut]}, {last}"`'
            if cut
            else "a comma inside {...} starts a new field: quote text that holds a comma"
        )
    close = [name for name in difflib.get_close_matches(last, sorted(_FIELDS), n=3) if name != last]
    if close:
        return message, f"did you mean `{close[0]}`?"
    if last in _FIELDS:
        return message, f"`{last}` is a field of another part of a playbook, not of this one"
    return message, None


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
    if question.for_each is not None and question.for_each.when is not None:
        at = (*path, "for_each", "when")
        for ref, ref_path in condition_ref_paths(question.for_each.when, at):
            if ref != ITEM:
                found.append((ref, ref_path, "item condition"))
    if question.choices_from is not None and question.choices_from.answer is not None:
        found.append((question.choices_from.answer, (*path, "choices_from", "answer"), "choices"))
    if question.compute is not None:
        at = (*path, "compute", question.compute.kind)
        for index, ref in enumerate(question.compute.refs):
            found.append((ref, (*at, index), "computed"))
    if question.default_from is not None:
        found.append((question.default_from, (*path, "default_from"), "default_from"))
    for index, case in enumerate(question.example_cases or []):
        at = (*path, "example_cases", index, "when")
        for ref, ref_path in condition_ref_paths(case.when, at):
            found.append((ref, ref_path, "example"))
    if question.implied is not None:
        for ref, ref_path in condition_ref_paths(question.implied.when, (*path, "implied", "when")):
            found.append((ref, ref_path, "implied"))
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
            if _per_item(question) and question.for_each is None:
                yield _per_item_problem(question, path, where)
            yield from _check_group(question, path, asked, playbook, where)
            yield from _check_values(question, path, where)
            yield from _local_choices_source(question, path, playbook, where)
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
                if reader in ("default_from", "show", "computed", "implied", "example"):
                    continue  # an absent default is no default; absent answers count for nothing
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
    field_path = ".".join(map(str, ref_path))
    what = {
        "condition": "a condition",
        "iteration": "for_each",
        "item condition": "for_each.when",
        "choices": "choices_from",
        "computed": "compute",
        "implied": "implied.when",
        "example": "example_cases.when",
        "default_from": "default_from",
        "show": "show",
    }
    if parsed.local or (parsed.source == "answers" and parsed.path[:1] == (playbook.id,)):
        name = parsed.question
        if len(parsed.path) > 2:
            yield from _part_of_answer(ref, ref_path, what[reader], playbook, all_ids, where)
            return
    else:
        return  # another playbook or the context: checked across files
    if name in earlier:
        if reader == "iteration":
            yield from _iterates_group(ref, ref_path, playbook, where)
        return
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


def _local_choices_source(
    question: Question, path: Path_, playbook: Playbook, where: Callable[..., Location]
) -> Iterable[Problem]:
    source = question.choices_from
    name = _own_question(source.answer, playbook.id) if source and source.answer else None
    target = next((q for q in playbook.questions() if q.id == name), None) if name else None
    if target is not None and target is not question:
        yield from choices_source_problems(question, path, target, where)
        yield from choices_example_problems(question, path, target, where)


def _part_of_answer(
    ref: str,
    ref_path: Path_,
    reader: str,
    playbook: Playbook,
    all_ids: set[str],
    where: Callable[..., Location],
) -> Iterable[Problem]:
    """``me.question.part``: a reference reads a whole answer, never a part of one."""
    name = ref.split(".")[1]
    field_path = ".".join(map(str, ref_path))
    if name not in all_ids:
        close = [c for c in difflib.get_close_matches(name, sorted(all_ids), n=2) if c != name]
        yield Problem(
            where(*ref_path),
            f"{reader} names `{ref}`: `{name}` is no question of `{playbook.id}`",
            field_path,
            hint=f"did you mean `{playbook.id}.{close[0]}`?"
            if close
            else "name a question as `question` or `playbook.question`",
        )
        return
    yield Problem(
        where(*ref_path),
        f"{reader} names `{ref}`, a part of the answer `{name}`",
        field_path,
        hint=f"a reference reads a whole answer: write `{name}`; to test one entry's "
        "sub-answer, put the condition on a sub-question of the group",
    )


def _iterates_group(
    ref: str, ref_path: Path_, playbook: Playbook, where: Callable[..., Location]
) -> Iterable[Problem]:
    """``for_each`` over a group: its entries are mappings, with no label to show the rep."""
    name = ref.split(".")[-1]
    target = next((q for q in playbook.questions() if q.id == name), None)
    if target is not None and target.type == QuestionType.GROUP and target.for_each is None:
        yield group_iteration_problem(ref, where(*ref_path), ".".join(map(str, ref_path)))


def choices_source_problems(
    question: Question, path: Path_, source: Question, where: Callable[..., Location]
) -> Iterable[Problem]:
    """``choices_from: {answer: ...}`` offers the items of a list or choices answer, or one
    sub-answer (``field``) of each entry of a group; nothing else has items to pick from."""
    assert question.choices_from is not None
    ref = question.choices_from.answer
    field = question.choices_from.field
    at = (*path, "choices_from")
    if source.for_each is not None or source.type not in (
        QuestionType.LIST,
        QuestionType.CHOICES,
        QuestionType.GROUP,
    ):
        what = "an iterated question" if source.for_each else f"a {source.type} question"
        yield Problem(
            where(*at, "answer"),
            f"choices_from names `{ref}`, {what}: it has no items to pick from",
            ".".join(map(str, (*at, "answer"))),
            hint="name a list, a choices or a group answer",
        )
        return
    if source.type != QuestionType.GROUP:
        if field is not None:
            yield Problem(
                where(*at, "field"),
                f"choices_from.field applies to a group's entries; `{ref}` is a {source.type}",
                ".".join(map(str, (*at, "field"))),
                hint="remove `field`: each item is offered as it is",
            )
        return
    subs = [sub.id for sub in source.questions or []]
    if field is None:
        yield Problem(
            where(*at, "answer"),
            f"choices_from names `{ref}`, a group: say which sub-answer names each entry",
            ".".join(map(str, (*at, "answer"))),
            hint=f"add `field:` with one of {', '.join(subs)}",
        )
    elif field not in subs:
        close = [c for c in difflib.get_close_matches(field, subs, n=2) if c != field]
        yield Problem(
            where(*at, "field"),
            f"`{field}` is no sub-question of the group `{ref}`",
            ".".join(map(str, (*at, "field"))),
            hint=f"did you mean `{close[0]}`?"
            if close
            else f"its sub-questions: {', '.join(subs)}",
        )


def choices_example_problems(
    question: Question, path: Path_, source: Question, where: Callable[..., Location]
) -> Iterable[Problem]:
    """A ``choices_from: {answer: ...}`` example must be among the source's example items, or
    previews and ``--example-answers`` pick something the rep could never be offered."""
    assert question.choices_from is not None
    field = question.choices_from.field
    items = source.example if isinstance(source.example, list) else []
    offered = [
        " ".join(str(item.get(field or "") if isinstance(item, dict) else item).split())
        for item in items
    ]
    if not offered or question.example is None:
        return
    picked = question.example if isinstance(question.example, list) else [question.example]
    known = {text.casefold() for text in offered}
    for value in picked:
        if " ".join(str(value).split()).casefold() not in known:
            yield Problem(
                where(*path, "example"),
                f"example `{value}` is not among the examples of `{question.choices_from.answer}`",
                ".".join(map(str, (*path, "example"))),
                "previews offer those: " + "; ".join(offered),
            )


def group_iteration_problem(ref: str, location: Location, field_path: str) -> Problem:
    """The one message for ``for_each`` over a group's answer (this file or another)."""
    return Problem(
        location,
        f"for_each names `{ref}`, a group: its entries have no single label to ask about",
        field_path,
        hint="iterate a list or a choices answer, or pick entries with "
        "`choices_from: {answer: ...}` first",
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
        if sub.compute is not None:
            yield Problem(
                where(*sub_path, "compute"),
                "a computed answer belongs to the playbook, not to a group's entry",
                ".".join(map(str, (*sub_path, "compute"))),
                hint="move it out of the group: it can sum or count the group's sub-answers",
            )
        if _per_item(sub) and question.for_each is None and sub.for_each is None:
            yield _per_item_problem(sub, sub_path, where)
        if sub.implied is not None:
            yield Problem(
                where(*sub_path, "implied"),
                "an implied answer belongs to the playbook, not to a group's entry",
                ".".join(map(str, (*sub_path, "implied"))),
                hint="move it out of the group, or ask the sub-question",
            )
        for ref, ref_path, reader in answer_refs(sub, sub_path):
            yield from _local_ref(ref, ref_path, reader, visible, all_ids, playbook, where, sub.id)
        yield from _check_group(sub, sub_path, earlier, playbook, where)
        yield from _check_values(sub, sub_path, where)
        siblings.setdefault(sub.id, sub_path)


def _per_item(question: Question) -> bool:
    """Whether a question gives examples one per item (its own, or one of its cases')."""
    cases = question.example_cases or []
    return question.examples is not None or any(case.examples for case in cases)


def _per_item_problem(question: Question, path: Path_, where: Callable[..., Location]) -> Problem:
    """``examples`` on a question asked once: there are no items to give examples for."""
    return Problem(
        where(*path, "examples"),
        f"`{question.id}` is asked once: examples (one per item) apply to a for_each question "
        "or to a sub-question of an iterated group",
        ".".join(map(str, (*path, "examples"))),
        hint="use example",
    )


_LENGTH_TYPES = (QuestionType.TEXT, QuestionType.PARAGRAPH, QuestionType.LIST)


def _check_fields(question: Question, path: Path_, where: Any) -> Iterable[Problem]:
    """Fields that fit the model but not the question, each located on the field itself."""

    def at(name: str, message: str, hint: str | None = None) -> Problem:
        return Problem(where(*path, name), message, ".".join(map(str, (*path, name))), hint)

    if question.max_length is not None and question.type not in _LENGTH_TYPES:
        yield at(
            "max_length",
            f"max_length applies to text, paragraph and list, not {question.type}",
            "a picked or numeric answer has no length; remove it",
        )
    if question.unit is not None and question.type == QuestionType.SCALE:
        yield at(
            "unit",
            "unit applies to a number, not a scale",
            "a scale's points are named with labels; use a number question for an amount",
        )
    low, high = question.min_items, question.max_items
    if low is not None and high is not None and low > high:
        yield at(
            "min_items",
            f"min_items ({low}) is greater than max_items ({high})",
            "no answer could have that many items and that few",
        )


def _check_values(question: Question, path: Path_, where: Any) -> Iterable[Problem]:
    yield from _check_fields(question, path, where)
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
    for field, message in misfit_values(question, options):
        yield Problem(where(*path, *field), message, ".".join(map(str, (*path, *field))))


def misfit_values(question: Question, options: list[Option]) -> Iterable[tuple[Path_, str]]:
    """``(field path, message)`` for a ``default``, ``example`` or one of ``examples`` that does
    not fit its question."""
    single = question.model_copy(update={"for_each": None})
    given: list[tuple[Path_, Any]] = [(("default",), question.default)]
    given.append((("example",), question.example))
    given += [(("examples", i), value) for i, value in enumerate(question.examples or [])]
    for i, case in enumerate(question.example_cases or []):
        given.append((("example_cases", i, "example"), case.example))
        given += [
            (("example_cases", i, "examples", j), v) for j, v in enumerate(case.examples or [])
        ]
    if question.implied is not None:
        given.append((("implied", "value"), question.implied.value))
    for field, value in given:
        if value is None:
            continue
        try:
            coerce(single, value, options)
        except AnswerValueError as error:
            yield field, f"{field[0]} does not fit a {question.type} question: {error}"
