"""A record's readable body: Markdown built from the answers and the playbooks that asked them.

A prep's body starts with its one-page sheet (:mod:`salescoach.sheet.model`), then "Details"
with every answer the sheet does not show whole, playbook by playbook and step by step. A
debrief is rendered section by section. Nothing answered is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from salescoach.errors import NotFoundError
from salescoach.messages import message
from salescoach.playbook.library import Library
from salescoach.playbook.model import Option, Playbook, Question, QuestionType, SheetForm
from salescoach.playbook.refs import parse_ref
from salescoach.playbook.values import is_empty, is_number
from salescoach.sheet.model import Line, Part, Sheet, build_sheet
from salescoach.typography import french_spaces

LEVEL_TAGS = ("level-necessary", "level-essential", "level-useful", "level-superficial")
"""Funnel levels a debrief's questions are tagged with, gathered under one heading."""


@dataclass(frozen=True)
class SheetHeader:
    """What the title line of a record says."""

    kind: str
    account: str
    meeting_type: str | None
    meeting_date: str | None
    language: str


def record_title(header: SheetHeader, playbooks: Sequence[Playbook], library: Library) -> str:
    """``Prep — ACME · Negotiation · 2026-12-03``: kind, account, type label, date."""
    bits = [header.account]  # str(): a team's meeting playbook may ask these with other types
    if header.meeting_type:
        bits.append(_option_label(library, playbooks, "type", str(header.meeting_type)))
    if header.meeting_date:
        bits.append(str(header.meeting_date))
    return f"{message(header.language, 'sheet_' + header.kind)} — {' · '.join(bits)}"


def prep_sheet(
    header: SheetHeader,
    answers: Mapping[str, Mapping[str, Any]],
    playbooks: Sequence[Playbook],
    library: Library,
    flow: str | None = None,
) -> Sheet:
    """The one-page sheet of a prep's answers."""
    title = record_title(header, playbooks, library)
    return build_sheet(title, header.language, answers, playbooks, library, flow)


def render_body(
    header: SheetHeader,
    answers: Mapping[str, Mapping[str, Any]],
    playbooks: Sequence[Playbook],
    library: Library,
    flow: str | None = None,
) -> str:
    """The Markdown body of a record: a prep's sheet then its Details, or a debrief's sections."""
    language = header.language
    lines = [f"# {record_title(header, playbooks, library)}", ""]
    shown: frozenset[tuple[str, str]] = frozenset()
    if header.kind == "prep":
        sheet = build_sheet("", language, answers, playbooks, library, flow)
        lines += sheet_markdown(sheet)
        shown = sheet.shown
    rest: list[str] = []
    for playbook in playbooks:
        space = {
            k: v for k, v in answers.get(playbook.id, {}).items() if (playbook.id, k) not in shown
        }
        section = _section(
            playbook, space, library, language, steps=bool(shown), learned=header.kind == "debrief"
        )
        if section:
            rest += [f"### {playbook.title}" if shown else f"## {playbook.title}", "", *section, ""]
    if rest and shown:
        lines += [f"## {message(language, 'sheet_details')}", ""]
    lines += rest
    body = "\n".join(lines).rstrip() + "\n"
    return french_spaces(body) if language == "fr" else body


def sheet_only(body: str, language: str) -> str:
    """The sheet part of a prep body: everything before its "Details" heading."""
    heading = f"\n## {message(language, 'sheet_details')}\n"
    return body.split(heading, 1)[0].rstrip() + "\n"


# --- the sheet in Markdown ------------------------------------------------------------------------


def sheet_markdown(sheet: Sheet) -> list[str]:
    """The sheet's sections as Markdown lines (the title is the record's own heading)."""
    colon = message(sheet.language, "sheet_colon")
    lines: list[str] = []
    for section in sheet.sections:
        if section.heading:
            lines += [f"## {section.heading}", ""]
        if section.facts:
            lines += [" · ".join(_part(part, colon) for part in section.facts), ""]
        for block in section.blocks:
            if block.heading:
                lines += [f"**{block.heading}**", ""]
            lines += _block_lines(block.lines, colon)
    return lines


def _block_lines(block: list[Line], colon: str) -> list[str]:
    """Consecutive lines of one kind form one Markdown block: a list, or a quote."""
    lines: list[str] = []
    previous: str | None = None
    for line in block:
        kind = _markdown_kind(line.form)
        if previous is not None and (kind != previous or kind == "quote"):
            lines.append("")
        text = _line_text(line, colon)
        if kind == "quote":
            lines.append(f"> {text}")
        elif kind == "numbered":
            lines.append(f"{line.number or 1}. {text}")
        else:
            lines.append(f"- {text}")
        previous = kind
    return [*lines, ""] if lines else []


def _markdown_kind(form: SheetForm) -> str:
    if form == SheetForm.SAY:
        return "quote"
    if form == SheetForm.NUMBERED:
        return "numbered"
    return "bullet"


def _line_text(line: Line, colon: str) -> str:
    body = " — ".join(_part(part, colon) for part in line.parts)
    if line.lead:
        return f"**{_inline_escape(line.lead)}** {body}".rstrip()
    return body


def _part(part: Part, colon: str) -> str:
    text = _inline_escape(part.text)
    return f"**{_inline_escape(part.label)}**{colon} {text}" if part.label else text


def _inline_escape(text: str) -> str:
    """A rep's words inside a Markdown line: emphasis and link marks are kept literal."""
    for mark in ("\\", "*", "`", "[", "<"):
        text = text.replace(mark, "\\" + mark)
    return text


# --- Details and debriefs -------------------------------------------------------------------------


def _option_label(library: Library, playbooks: Sequence[Playbook], qid: str, value: str) -> str:
    for playbook in playbooks:
        for question in playbook.questions():
            if question.id == qid and question.type == QuestionType.CHOICE:
                for option in library.options(question):
                    if option.value == value:
                        return option.label
    if qid == "type":  # a debrief asks no type: the reference list names it
        try:
            entries = library.get("meeting-types").playbook.entries or []
        except NotFoundError:
            return value
        return next((entry.label for entry in entries if entry.id == value), value)
    return value


def _section(
    playbook: Playbook,
    space: Mapping[str, Any],
    library: Library,
    language: str,
    *,
    steps: bool,
    learned: bool = False,
) -> list[str]:
    """A playbook's answers; under Details (``steps``), each step's title heads its answers.

    Answers tagged with a level of information are gathered by level; in a debrief
    (``learned``) they are what was learned, from the top of the funnel down.
    """
    lines: list[str] = []
    by_level: dict[str, list[tuple[Question, Any]]] = {tag: [] for tag in LEVEL_TAGS}
    for step in playbook.steps or []:
        step_lines: list[str] = []
        for question in step.questions:
            value = space.get(question.id)
            if is_empty(value):
                continue
            level = next((t for t in question.tags if t in LEVEL_TAGS), None)
            if level is not None and not steps:
                by_level[level].append((question, value))
                continue
            step_lines += _answer_lines(question, value, library, language, playbook.id)
        if step_lines and steps and len(playbook.steps or []) > 1:
            lines += [f"#### {step.title}", ""]
        lines += step_lines
    if any(by_level.values()):
        heading = message(language, "sheet_learned" if learned else "sheet_levels")
        lines += [f"**{heading}**", ""]
        order = reversed(LEVEL_TAGS) if learned else LEVEL_TAGS
        for tag, items in ((tag, by_level[tag]) for tag in order):
            if items:
                lines += [f"*{message(language, 'sheet_' + tag)}*", ""]
                for question, value in items:
                    lines += _answer_lines(question, value, library, language, playbook.id)
    return lines


def _answer_lines(
    question: Question,
    value: Any,
    library: Library,
    language: str,
    playbook_id: str,
) -> list[str]:
    prompt = question.prompt.rstrip(" ?:")
    if question.for_each is not None and isinstance(value, list):
        labels = _item_labels(question, library, playbook_id)  # once: 20,000 items were quadratic
        body = [
            f"- **{_item_label(labels, pair.get('item'))}** — "
            f"{_inline(question, pair.get('answer'), library, language)}"
            for pair in value
            if isinstance(pair, Mapping)
        ]
        return [f"**{prompt}**", "", *body, ""]
    if question.type == QuestionType.LIST and isinstance(value, list):
        return [f"**{prompt}**", "", *(f"{i}. {_escape(v)}" for i, v in enumerate(value, 1)), ""]
    if question.type == QuestionType.GROUP and isinstance(value, list):
        body = [f"- {_inline(question, entry, library, language)}" for entry in value]
        return [f"**{prompt}**", "", *body, ""]
    if question.type == QuestionType.PARAGRAPH:
        quoted = [f"> {line}" if line else ">" for line in str(value).splitlines()]
        return [f"**{prompt}**", "", *quoted, ""]
    colon = message(language, "sheet_colon")
    return [f"**{prompt}{colon}** {_inline(question, value, library, language)}", ""]


def _item_label(labels: Mapping[str, str], item: Any) -> str:
    """The label of an iterated item (from :func:`_item_labels`), else the item itself."""
    return _escape(labels.get(item, item) if isinstance(item, str) else str(item))


def _item_labels(question: Question, library: Library, playbook_id: str) -> dict[str, str]:
    """The labels of the items a question iterates: a reference's entries' or the source
    question's options."""
    for_each = question.for_each
    options: list[Option] = []
    if for_each is not None and for_each.reference is not None:
        options = [
            Option(value=e.id, label=e.label)
            for e in library.get(for_each.reference).playbook.entries or []
        ]
    elif for_each is not None and for_each.answer is not None:
        source = _source_question(for_each.answer, playbook_id, library)
        if source is not None and source.type in (QuestionType.CHOICE, QuestionType.CHOICES):
            options = library.options(source)
    return {option.value: option.label for option in options}


def _source_question(ref: str, playbook_id: str, library: Library) -> Question | None:
    parsed = parse_ref(ref)
    book_id = parsed.playbook_or(playbook_id)
    if parsed.source == "account" or book_id not in library.chosen():
        return None
    questions = library.get(book_id).playbook.questions()
    return next((q for q in questions if q.id == parsed.question), None)


def _inline(question: Question, value: Any, library: Library, language: str) -> str:
    """One answer on one line, labels instead of stored values."""
    if value is None:
        return "—"
    if question.type == QuestionType.GROUP and isinstance(value, Mapping):
        parts = []
        for sub in question.questions or []:
            if not is_empty(value.get(sub.id)):
                answer = _inline(sub, value[sub.id], library, language)
                parts.append(
                    f"{sub.prompt.rstrip(' ?:')}{message(language, 'sheet_colon')} {answer}"
                )
        return " · ".join(parts)
    if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
        labels = {o.value: o.label for o in library.options(question)}
        values = value if isinstance(value, list) else [value]
        # Labels are often sentences ("It's too expensive."): a comma after one reads badly.
        return " · ".join(_escape(labels.get(str(v), str(v))) for v in values)
    # An answer that does not fit its question (a team's override with other types, a hand
    # edit) falls through to being shown as it is: never a crash.
    if question.type == QuestionType.YESNO and isinstance(value, bool):
        return message(language, "yes" if value else "no")
    if question.type == QuestionType.SCALE and is_number(value) and value == int(value):
        label = (question.labels or {}).get(int(value))
        top = f"/{question.max:g}" if question.max is not None else ""
        return f"{value}{top}" + (f" ({_escape(label)})" if label else "")
    if question.type == QuestionType.NUMBER and is_number(value):
        return f"{value:g} {question.unit}".strip() if question.unit else f"{value:g}"
    if isinstance(value, list):
        return message(language, "sheet_separator").join(_escape(str(v)) for v in value)
    return _escape(str(value)).replace("\n", " ")


def _escape(text: str) -> str:
    """Keep a rep's text from being read as Markdown structure (a leading ``#``, ``---``)."""
    if text[:1] in ("#", ">", "-", "+", "*", "=") or text.startswith(("---", "<!--")):
        return "\\" + text
    return text
