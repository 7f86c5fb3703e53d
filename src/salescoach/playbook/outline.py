"""A playbook spelled out in words: steps, questions, types, conditions, iterations."""

from __future__ import annotations

from salescoach.errors import NotFoundError
from salescoach.playbook.library import Library
from salescoach.playbook.model import (
    AllOf,
    AnyOf,
    Comparison,
    Condition,
    Depth,
    NotOf,
    Playbook,
    Question,
    QuestionType,
    Scalar,
)
from salescoach.playbook.refs import LAST_ANSWER


def _value(value: Scalar) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"`{value}`"


def _alternatives(values: list[Scalar], joiner: str) -> str:
    shown = [_value(v) for v in values]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {joiner} {shown[-1]}"


_COMPUTE_WORDS = {
    "sum": "the total of",
    "min": "the lowest of",
    "max": "the highest of",
    "count": "how many items in",
}

_NUMERIC_WORDS = {
    "greater_than": "greater than",
    "less_than": "less than",
    "at_least": "at least",
    "at_most": "at most",
}


def describe_condition(condition: Condition) -> str:
    """A condition as a sentence fragment: ``meeting.type is `negotiation` or `closing```."""
    if isinstance(condition, AllOf | AnyOf):
        parts = condition.all if isinstance(condition, AllOf) else condition.any
        joiner = " and " if isinstance(condition, AllOf) else " or "
        return joiner.join(
            f"({describe_condition(c)})" if isinstance(c, AllOf | AnyOf) else describe_condition(c)
            for c in parts
        )
    if isinstance(condition, NotOf):
        return f"not ({describe_condition(condition.not_)})"
    assert isinstance(condition, Comparison)
    subject = f"`{condition.question}`"
    if condition.answered is not None:
        return f"{subject} is {'answered' if condition.answered else 'left empty'}"
    numeric = condition.numeric
    if numeric is not None:
        return f"{subject} is {_NUMERIC_WORDS[numeric[0]]} {numeric[1]:g}"
    if condition.equals is not None:
        return f"{subject} is {_value(condition.equals)}"
    if condition.in_ is not None:
        return f"{subject} is {_alternatives(condition.in_, 'or')}"
    assert condition.not_in is not None
    return f"{subject} is not {_alternatives(condition.not_in, 'nor')} (or is unanswered)"


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
        words += f", {question.min_items or 0} to {question.max_items or 'any number of'} items"
    if question.choices_from is not None and question.choices_from.reference is not None:
        words += f" from the reference list `{question.choices_from.reference}`"
    elif question.choices_from is not None:
        field = (
            f" (each entry's `{question.choices_from.field}`)"
            if question.choices_from.field
            else ""
        )
        words += f" among the items answered to `{question.choices_from.answer}`{field}"
    elif question.options:
        words += ": " + ", ".join(o.value for o in question.options)
    if question.required:
        words += ", required"
    if question.use:
        words += f", as defined in `{question.use}`"
    return words


def _iteration_words(question: Question, library: Library) -> str:
    assert question.for_each is not None
    if question.for_each.reference is not None:
        reference_id = question.for_each.reference
        try:
            count = len(library.get(reference_id).playbook.entries or [])
        except NotFoundError:
            return f"asked once for each entry of the reference list `{reference_id}`"
        return f"asked once for each of the {count} entries of the reference list `{reference_id}`"
    return f"asked once for each item answered to `{question.for_each.answer}`"


def _item_condition_words(question: Question) -> str | None:
    if question.for_each is None or question.for_each.when is None:
        return None
    return f"only for the items where {describe_condition(question.for_each.when)}"


def _question_lines(
    question: Question, library: Library, indent: str, depth: Depth | None = None
) -> list[str]:
    asked = f" · from {depth}" if depth is not None else ""
    words = _type_words(question, library)
    lines = [f"{indent}- `{question.id}` — {question.prompt} *({words}{asked})*"]
    if question.compute is not None:
        refs = ", ".join(f"`{ref}`" for ref in question.compute.refs)
        lines.append(
            f"{indent}  - computed, never asked: {_COMPUTE_WORDS[question.compute.kind]} {refs}"
        )
    if question.when is not None:
        lines.append(f"{indent}  - only when {describe_condition(question.when)}")
    if question.for_each is not None:
        lines.append(f"{indent}  - {_iteration_words(question, library)}")
        item_words = _item_condition_words(question)
        if item_words:
            lines.append(f"{indent}  - {item_words}")
    if question.default_from == LAST_ANSWER:
        lines.append(f"{indent}  - pre-filled with its own last answer for the account")
    elif question.default_from:
        lines.append(f"{indent}  - pre-filled from `{question.default_from}`")
    elif question.default is not None:
        lines.append(f"{indent}  - default: {question.default}")
    if question.sheet is not None and question.sheet.section is not None:
        lines.append(f"{indent}  - {_sheet_words(question)}")
    for sub in question.questions or []:
        deeper = sub.depth if sub.depth is not None and sub.depth != depth else None
        lines += _question_lines(sub, library, indent + "  ", deeper)
    return lines


def _sheet_words(question: Question) -> str:
    place = question.sheet
    assert place is not None
    where = f"on the prep sheet, section `{place.section}`"
    if place.group:
        where += f", group `{place.group}`"
    how = [str(place.form)]
    if place.label:
        how.append(f"labelled “{place.label}”")
    if place.limit:
        how.append(f"at most {place.limit} items")
    if place.detail:
        how.append(f"with each pick's `{place.detail}`")
    return f"{where} ({', '.join(how)})"


def _sheet_lines(playbook: Playbook) -> list[str]:
    """The sheet sections a flow or prep playbook declares, in order."""
    if not playbook.sheet:
        return []
    lines = ["## Prep sheet", ""]
    for section in playbook.sheet:
        bits = [f"`{section.id}`"]
        bits.append(f"**{section.heading}**" if section.heading else "(under the title)")
        if section.box:
            bits.append("in a box")
        if section.after:
            bits.append(f"after `{section.after}`")
        if section.limit:
            bits.append(f"at most {section.limit} lines")
        lines.append("- " + " · ".join(bits))
        for group in section.groups or []:
            limit = f" · at most {group.limit} lines" if group.limit else ""
            lines.append(f"  - `{group.id}` **{group.heading}**{limit}")
    return [*lines, ""]


def _flow_line(library: Library, playbook_id: str) -> str:
    try:
        target = library.get(playbook_id).playbook
        return f"`{playbook_id}` — {target.title} ({target.kind})"
    except NotFoundError:
        return f"`{playbook_id}` — missing from the search path"


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
            depth = question.depth or playbook.step_depth(step)
            lines += _question_lines(question, library, "", depth)
        lines.append("")
    for entry in playbook.entries or []:
        help_text = f": {entry.help}" if entry.help else ""
        lines.append(f"- `{entry.id}` — **{entry.label}**{help_text}")
    for card in playbook.cards or []:
        against = f", against {card.against}" if card.against else ""
        lines.append(f"- `{card.id}` ({card.topic}{against}) — **{card.prompt}**")
        lines.append(f"  - answer: {' '.join(card.answer.split())}")
        lines += [f"  - ask back: {question}" for question in card.questions_back]
        if card.proof:
            lines.append(f"  - proof: {' '.join(card.proof.split())}")
    if playbook.flow:
        lines += [f"Produces a {playbook.record} record, walking in order:", ""]
    for number, item in enumerate(playbook.flow or [], start=1):
        condition = f" — only when {describe_condition(item.when)}" if item.when else ""
        lines.append(f"{number}. {_flow_line(library, item.playbook)}{condition}")
    if playbook.sheet:
        lines += ["", *_sheet_lines(playbook)]
    return "\n".join(lines).rstrip() + "\n"
