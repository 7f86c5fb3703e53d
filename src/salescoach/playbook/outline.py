"""A playbook spelled out in words: steps, questions, types, conditions, iterations."""

from __future__ import annotations

from salescoach.errors import NotFoundError
from salescoach.messages import message
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


class _Words:
    """The outline's words in one language (the playbook's own)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        return message(self.language, f"outline_{key}", **values)

    def value(self, value: Scalar) -> str:
        if isinstance(value, bool):
            return self("yes" if value else "no")
        return f"`{value}`"

    def alternatives(self, values: list[Scalar], joiner: str) -> str:
        shown = [self.value(v) for v in values]
        if len(shown) <= 1:
            return "".join(shown)
        return f"{', '.join(shown[:-1])} {self(joiner)} {shown[-1]}"


def describe_condition(condition: Condition, language: str = "en") -> str:
    """A condition as a sentence fragment: ``meeting.type is `negotiation` or `closing```."""
    w = _Words(language)
    if isinstance(condition, AllOf | AnyOf):
        parts = condition.all if isinstance(condition, AllOf) else condition.any
        joiner = f" {w('and' if isinstance(condition, AllOf) else 'or')} "
        return joiner.join(
            f"({describe_condition(c, language)})"
            if isinstance(c, AllOf | AnyOf)
            else describe_condition(c, language)
            for c in parts
        )
    if isinstance(condition, NotOf):
        return w("not", condition=describe_condition(condition.not_, language))
    assert isinstance(condition, Comparison)
    subject = f"`{condition.question}`"
    if condition.answered is not None:
        return w("answered" if condition.answered else "left_empty", subject=subject)
    numeric = condition.numeric
    if numeric is not None:
        return w(numeric[0], subject=subject, bound=f"{numeric[1]:g}")
    if condition.equals is not None:
        return w("is", subject=subject, value=w.value(condition.equals))
    if condition.in_ is not None:
        return w("is", subject=subject, value=w.alternatives(condition.in_, "or"))
    assert condition.not_in is not None
    key = "is_not_one" if len(condition.not_in) == 1 else "is_not"
    return w(key, subject=subject, values=w.alternatives(condition.not_in, "nor"))


def _type_words(question: Question, w: _Words) -> str:
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
        fewest = question.min_items or 0
        if question.max_items is None:
            words += w("items_open", low=fewest)
        else:
            words += w("items", low=fewest, high=question.max_items)
    if question.choices_from is not None and question.choices_from.reference is not None:
        words += w("from_reference", reference=question.choices_from.reference)
    elif question.choices_from is not None:
        field = (
            w("each_field", field=question.choices_from.field)
            if question.choices_from.field
            else ""
        )
        words += w("among_answer", answer=question.choices_from.answer, field=field)
    elif question.options:
        words += ": " + ", ".join(o.value for o in question.options)
    if question.required:
        words += w("required")
    if question.use:
        words += w("as_defined", name=question.use)
    return words


def _iteration_words(question: Question, library: Library, w: _Words) -> str:
    assert question.for_each is not None
    if question.for_each.reference is not None:
        reference_id = question.for_each.reference
        try:
            count = len(library.get(reference_id).playbook.entries or [])
        except NotFoundError:
            return w("each_entry", reference=reference_id)
        return w("each_of", count=count, reference=reference_id)
    return w("each_item", answer=question.for_each.answer)


def _question_lines(
    question: Question, library: Library, w: _Words, indent: str, depth: Depth | None = None
) -> list[str]:
    asked = w("from_depth", depth=depth) if depth is not None else ""
    words = _type_words(question, w)
    lines = [f"{indent}- `{question.id}` — {question.prompt} *({words}{asked})*"]
    more: list[str] = []
    if question.compute is not None:
        refs = ", ".join(f"`{ref}`" for ref in question.compute.refs)
        more.append(w("computed", what=w(str(question.compute.kind)), refs=refs))
    if question.when is not None:
        more.append(w("only_when", condition=describe_condition(question.when, w.language)))
    if question.implied is not None:
        condition = describe_condition(question.implied.when, w.language)
        more.append(w("implied", condition=condition, value=question.implied.value))
    if question.example_cases:
        cases = [describe_condition(case.when, w.language) for case in question.example_cases]
        more.append(w("example_cases", conditions=", ".join(cases)))
    if question.for_each is not None:
        more.append(_iteration_words(question, library, w))
        if question.for_each.when is not None:
            condition = describe_condition(question.for_each.when, w.language)
            more.append(w("only_items", condition=condition))
    if question.default_from == LAST_ANSWER:
        more.append(w("last_answer"))
    elif question.default_from:
        more.append(w("prefilled", source=question.default_from))
    elif question.default is not None:
        more.append(w("default", value=question.default))
    if question.sheet is not None and question.sheet.section is not None:
        more.append(_sheet_words(question, w))
    lines += [f"{indent}  - {line}" for line in more]
    for sub in question.questions or []:
        deeper = sub.depth if sub.depth is not None and sub.depth != depth else None
        lines += _question_lines(sub, library, w, indent + "  ", deeper)
    return lines


def _sheet_words(question: Question, w: _Words) -> str:
    place = question.sheet
    assert place is not None
    where = w("on_sheet", section=place.section)
    if place.group:
        where += w("group", group=place.group)
    how = [str(place.form)]
    if place.label:
        how.append(w("labelled", label=place.label))
    if place.limit:
        how.append(w("at_most_items", count=place.limit))
    if place.detail:
        how.append(w("with_detail", detail=place.detail))
    return f"{where} ({', '.join(how)})"


def _sheet_lines(playbook: Playbook, w: _Words) -> list[str]:
    """The sheet sections a flow or prep playbook declares, in order."""
    if not playbook.sheet:
        return []
    lines = [f"## {w('sheet_heading')}", ""]
    for section in playbook.sheet:
        bits = [f"`{section.id}`"]
        bits.append(f"**{section.heading}**" if section.heading else w("under_title"))
        if section.box:
            bits.append(w("in_box"))
        if section.after:
            bits.append(w("after", section=section.after))
        if section.limit:
            bits.append(w("at_most_lines", count=section.limit))
        lines.append("- " + " · ".join(bits))
        for group in section.groups or []:
            limit = f" · {w('at_most_lines', count=group.limit)}" if group.limit else ""
            lines.append(f"  - `{group.id}` **{group.heading}**{limit}")
    return [*lines, ""]


def _flow_line(library: Library, playbook_id: str, w: _Words) -> str:
    try:
        target = library.get(playbook_id).playbook
        return f"`{playbook_id}` — {target.title} ({target.kind})"
    except NotFoundError:
        return w("missing", id=playbook_id)


def outline(playbook: Playbook, library: Library) -> str:
    """The playbook as Markdown a trainer can read at a glance, in the playbook's language."""
    w = _Words(playbook.language)
    version = w("version", version=playbook.version)
    lines = [
        f"# {playbook.title}",
        "",
        f"`{playbook.id}` · {playbook.kind} · {playbook.language} · {version}",
        "",
    ]
    if playbook.summary:
        lines += [playbook.summary, ""]
    for step in playbook.steps or []:
        lines += [f"## {step.title}", ""]
        if step.when is not None:
            condition = describe_condition(step.when, w.language)
            lines += [w("step_only_when", condition=condition), ""]
        for question in step.questions:
            depth = question.depth or playbook.step_depth(step)
            lines += _question_lines(question, library, w, "", depth)
        lines.append("")
    for entry in playbook.entries or []:
        help_text = f": {entry.help}" if entry.help else ""
        lines.append(f"- `{entry.id}` — **{entry.label}**{help_text}")
    for card in playbook.cards or []:
        against = w("against", against=card.against) if card.against else ""
        lines.append(f"- `{card.id}` ({card.topic}{against}) — **{card.prompt}**")
        lines.append(f"  - {w('answer', text=' '.join(card.answer.split()))}")
        lines += [f"  - {w('ask_back', text=question)}" for question in card.questions_back]
        if card.proof:
            lines.append(f"  - {w('proof', text=' '.join(card.proof.split()))}")
    if playbook.flow:
        lines += [w("produces", record=playbook.record), ""]
    for number, item in enumerate(playbook.flow or [], start=1):
        condition = (
            w("flow_only_when", condition=describe_condition(item.when, w.language))
            if item.when
            else ""
        )
        lines.append(f"{number}. {_flow_line(library, item.playbook, w)}{condition}")
    if playbook.sheet:
        lines += ["", *_sheet_lines(playbook, w)]
    return "\n".join(lines).rstrip() + "\n"
