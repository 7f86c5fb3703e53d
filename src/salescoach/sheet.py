"""A record's readable body: Markdown built from the answers and the playbooks that asked them.

The same Markdown is the body of the record file and, rendered by Rich, the prep sheet shown in
the terminal: one rendering, two media. Works for any playbook a trainer writes; questions tagged
with a funnel level (``level-necessary`` …) are also gathered by level, the way a rep asks them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from salescoach.playbook.library import Library
from salescoach.playbook.model import Option, Playbook, Question, QuestionType
from salescoach.playbook.values import is_empty

LEVEL_TAGS = ("level-necessary", "level-essential", "level-useful", "level-superficial")

_WORDS = {
    "en": {
        "prep": "Prep",
        "debrief": "Debrief",
        "yes": "yes",
        "no": "no",
        "levels": "Discovery questions by level of information",
        "level-necessary": "Necessary",
        "level-essential": "Essential",
        "level-useful": "Useful",
        "level-superficial": "Naively superficial",
    },
    "fr": {
        "prep": "Préparation",
        "debrief": "Débrief",
        "yes": "oui",
        "no": "non",
        "levels": "Questions de découverte par niveau d'information",
        "level-necessary": "Nécessaire",
        "level-essential": "Essentiel",
        "level-useful": "Utile",
        "level-superficial": "Naïvement superficiel",
    },
}


@dataclass(frozen=True)
class SheetHeader:
    """What the title line of a sheet says."""

    kind: str
    account: str
    meeting_type: str | None
    meeting_date: str | None
    language: str


def words(language: str) -> Mapping[str, str]:
    """The sheet's own words in a language (English when unknown)."""
    return _WORDS.get(language, _WORDS["en"])


def render_body(
    header: SheetHeader,
    answers: Mapping[str, Mapping[str, Any]],
    playbooks: Sequence[Playbook],
    library: Library,
) -> str:
    """The Markdown body of a record: a title line, then one section per playbook answered."""
    vocabulary = words(header.language)
    title_bits = [header.account]
    if header.meeting_type:
        title_bits.append(_option_label(library, playbooks, "type", header.meeting_type))
    if header.meeting_date:
        title_bits.append(header.meeting_date)
    lines = [f"# {vocabulary[header.kind]} — {' · '.join(title_bits)}", ""]
    for playbook in playbooks:
        space = answers.get(playbook.id, {})
        section = _section(playbook, space, library, vocabulary)
        if section:
            lines += [f"## {playbook.title}", "", *section, ""]
    return "\n".join(lines).rstrip() + "\n"


def _option_label(library: Library, playbooks: Sequence[Playbook], qid: str, value: str) -> str:
    for playbook in playbooks:
        for question in playbook.questions():
            if question.id == qid and question.type == QuestionType.CHOICE:
                for option in library.options(question):
                    if option.value == value:
                        return option.label
    return value


def _section(
    playbook: Playbook,
    space: Mapping[str, Any],
    library: Library,
    vocabulary: Mapping[str, str],
) -> list[str]:
    lines: list[str] = []
    by_level: dict[str, list[tuple[Question, Any]]] = {tag: [] for tag in LEVEL_TAGS}
    for step in playbook.steps or []:
        for question in step.questions:
            value = space.get(question.id)
            if is_empty(value):
                continue
            level = next((t for t in question.tags if t in LEVEL_TAGS), None)
            if level is not None:
                by_level[level].append((question, value))
                continue
            lines += _answer_lines(question, value, library, vocabulary, playbook.id)
    if any(by_level.values()):
        lines += [f"**{vocabulary['levels']}**", ""]
        for tag, items in by_level.items():
            if items:
                lines.append(f"*{vocabulary[tag]}*")
                lines.append("")
                for question, value in items:
                    lines += _answer_lines(question, value, library, vocabulary, playbook.id)
    return lines


def _answer_lines(
    question: Question,
    value: Any,
    library: Library,
    vocabulary: Mapping[str, str],
    playbook_id: str,
) -> list[str]:
    prompt = question.prompt.rstrip(" ?:")
    if question.for_each is not None and isinstance(value, list):
        body = [
            f"- **{_item_label(question, pair.get('item'), library, playbook_id)}** — "
            f"{_inline(question, pair.get('answer'), library, vocabulary)}"
            for pair in value
            if isinstance(pair, Mapping)
        ]
        return [f"**{prompt}**", "", *body, ""]
    if question.type == QuestionType.LIST and isinstance(value, list):
        return [f"**{prompt}**", "", *(f"{i}. {_escape(v)}" for i, v in enumerate(value, 1)), ""]
    if question.type == QuestionType.GROUP and isinstance(value, list):
        body = [f"- {_inline(question, entry, library, vocabulary)}" for entry in value]
        return [f"**{prompt}**", "", *body, ""]
    if question.type == QuestionType.PARAGRAPH:
        quoted = [f"> {line}" if line else ">" for line in str(value).splitlines()]
        return [f"**{prompt}**", "", *quoted, ""]
    return [f"**{prompt}:** {_inline(question, value, library, vocabulary)}", ""]


def _item_label(question: Question, item: Any, library: Library, playbook_id: str) -> str:
    """The label of an iterated item: a reference entry's, or the source question's option."""
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
    labels = {option.value: option.label for option in options}
    return _escape(labels.get(item, str(item)) if isinstance(item, str) else str(item))


def _source_question(ref: str, playbook_id: str, library: Library) -> Question | None:
    parts = ref.split(".")
    if parts[0] == "prep":
        parts = parts[1:]
    book_id, question_id = (playbook_id, parts[0]) if len(parts) == 1 else (parts[0], parts[1])
    if book_id not in library.chosen():
        return None
    return next(
        (q for q in library.get(book_id).playbook.questions() if q.id == question_id), None
    )


def _inline(
    question: Question, value: Any, library: Library, vocabulary: Mapping[str, str]
) -> str:
    """One answer on one line, labels instead of stored values."""
    if value is None:
        return "—"
    if question.type == QuestionType.GROUP and isinstance(value, Mapping):
        parts = []
        for sub in question.questions or []:
            if not is_empty(value.get(sub.id)):
                answer = _inline(sub, value[sub.id], library, vocabulary)
                parts.append(f"{sub.prompt.rstrip(' ?:')}: {answer}")
        return " · ".join(parts)
    if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
        labels = {o.value: o.label for o in library.options(question)}
        values = value if isinstance(value, list) else [value]
        return ", ".join(_escape(labels.get(v, str(v))) for v in values)
    if question.type == QuestionType.YESNO:
        return vocabulary["yes"] if value else vocabulary["no"]
    if question.type == QuestionType.SCALE:
        label = (question.labels or {}).get(int(value))
        top = f"/{question.max:g}" if question.max is not None else ""
        return f"{value}{top}" + (f" ({_escape(label)})" if label else "")
    if question.type == QuestionType.NUMBER:
        return f"{value:g} {question.unit}".strip() if question.unit else f"{value:g}"
    if isinstance(value, list):
        return "; ".join(_escape(str(v)) for v in value)
    return _escape(str(value)).replace("\n", " ")


def _escape(text: str) -> str:
    """Keep a rep's text from being read as Markdown structure (a leading ``#``, ``---``)."""
    if text[:1] in ("#", ">", "-", "+", "*", "=") or text.startswith(("---", "<!--")):
        return "\\" + text
    return text
