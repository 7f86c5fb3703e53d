"""The one-page prep sheet as data, built from the answers and the playbooks' ``sheet:`` data.

The flow lays the sheet out (its ``sheet:`` sections, in order); each question says under
``sheet:`` which section its answer goes in and how it reads there. Nothing here knows a
built-in playbook or question id: a team playbook places its answers the same way. Text is kept
plain (a rep's words, never markup); each medium — the record's Markdown, the terminal, the
printed page — escapes it its own way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from salescoach.errors import SalescoachError
from salescoach.messages import message
from salescoach.playbook.library import Library
from salescoach.playbook.model import (
    Kind,
    Option,
    Playbook,
    Question,
    QuestionType,
    SheetForm,
    SheetPlace,
    SheetSection,
)
from salescoach.playbook.refs import parse_ref
from salescoach.playbook.values import is_empty, is_number
from salescoach.typography import french_spaces

ShownKey = tuple[str, str]
"""``(playbook id, question id)`` of an answer the sheet shows whole."""


@dataclass(frozen=True)
class Part:
    """A piece of a line: an optional short label (``Start at``) and its text."""

    text: str
    label: str | None = None


@dataclass(frozen=True)
class Line:
    """One line of the sheet (it may wrap): a bold ``lead``, then parts joined by a dash."""

    form: SheetForm
    parts: tuple[Part, ...]
    lead: str | None = None
    number: int | None = None


@dataclass
class Block:
    """Lines under an optional group heading (a level of information)."""

    heading: str | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Section:
    """A section of the sheet: a heading, inline facts, then blocks of lines."""

    id: str
    heading: str | None
    box: bool
    facts: list[Part] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Whether nothing was answered for this section."""
        return not self.facts and not any(block.lines for block in self.blocks)


@dataclass(frozen=True)
class Sheet:
    """The sheet of one prep: its title, its non-empty sections, and the answers it shows."""

    title: str
    language: str
    sections: list[Section]
    shown: frozenset[ShownKey]


@dataclass
class _Candidate:
    """An answer's lines waiting for their block.

    ``items`` names the picked item each line stands for (``(playbook, question, item)``), so
    an iterated answer (``replaces``) can take the place of its source's line for that item.
    ``cut`` is set when the question's own limit dropped items.
    """

    key: ShownKey
    lines: list[Line]
    items: list[tuple[str, str, str] | None]
    replaces: bool = False
    cut: bool = False


def layout(playbooks: Sequence[Playbook], flows: Sequence[Playbook]) -> list[SheetSection]:
    """The sheet's sections in order: the flow's, then each playbook's own (``after`` one)."""
    sections: list[SheetSection] = []
    for flow in flows:
        for section in flow.sheet or []:
            if all(s.id != section.id for s in sections):
                sections.append(section)
    for book in playbooks:
        for section in book.sheet or []:
            if any(s.id == section.id for s in sections):
                continue
            index = next((i for i, s in enumerate(sections) if s.id == section.after), None)
            if index is None:
                sections.append(section)
            else:
                sections.insert(index + 1, section)
    return sections


def build_sheet(
    title: str,
    language: str,
    answers: Mapping[str, Mapping[str, Any]],
    playbooks: Sequence[Playbook],
    library: Library,
    flow: str | None = None,
) -> Sheet:
    """The sheet of a prep: each placed answer in its section, a few lines per group.

    ``flow`` is the flow the prep walked (its ``sheet:`` lays the sheet out); without it, the
    flows of the library that walk these playbooks.
    """
    flows = _flows(library, playbooks, flow)
    sections = layout(playbooks, flows)
    built = {s.id: Section(s.id, s.heading, s.box) for s in sections}
    pending: dict[str, dict[str | None, list[_Candidate]]] = {s.id: {} for s in sections}
    groups_of = {s.id: {g.id for g in s.groups or []} for s in sections}
    facts_keys: set[ShownKey] = set()
    for book in playbooks:
        space = answers.get(book.id, {})
        for question in book.questions():
            place = question.sheet
            value = space.get(question.id)
            if place is None or place.section not in built or is_empty(value):
                continue
            key = (book.id, question.id)
            if place.form == SheetForm.INLINE:
                text = _plain(question, value, library, book.id)
                built[place.section].facts.append(Part(text, place.label))
                facts_keys.add(key)
                continue
            candidate = _candidate(key, question, place, value, library, book)
            group = place.group if place.group in groups_of[place.section] else None
            pending[place.section].setdefault(group, []).append(candidate)
    shown = set(facts_keys)
    for spec in sections:
        section = built[spec.id]
        groups = {g.id: g for g in spec.groups or []}
        order = [None, *groups]
        for group_id in order:
            candidates = pending[spec.id].get(group_id, [])
            if not candidates:
                continue
            limit = groups[group_id].limit if group_id in groups else spec.limit
            lines, whole = _fill(candidates, limit)
            shown |= whole
            heading = groups[group_id].heading if group_id in groups else None
            section.blocks.append(Block(heading, lines))
    kept = [built[s.id] for s in sections if not built[s.id].is_empty()]
    if language == "fr":
        kept = [_retyped(section, french_spaces) for section in kept]
    return Sheet(title=title, language=language, sections=kept, shown=frozenset(shown))


def _retyped(section: Section, fix: Callable[[str], str]) -> Section:
    """The section with ``fix`` applied to every text a rep or a playbook wrote."""

    def part(p: Part) -> Part:
        return Part(fix(p.text), p.label)

    blocks = [
        Block(
            block.heading,
            [
                Line(
                    line.form,
                    tuple(part(p) for p in line.parts),
                    line.lead and fix(line.lead),
                    line.number,
                )
                for line in block.lines
            ],
        )
        for block in section.blocks
    ]
    return Section(
        section.id, section.heading, section.box, [part(p) for p in section.facts], blocks
    )


def _flows(library: Library, playbooks: Sequence[Playbook], flow: str | None) -> list[Playbook]:
    chosen = library.chosen()
    if flow is not None and flow in chosen and chosen[flow].playbook.kind == Kind.FLOW:
        return [chosen[flow].playbook]
    ids = {book.id for book in playbooks}
    return [
        entry.playbook
        for entry in chosen.values()
        if entry.playbook.kind == Kind.FLOW
        and entry.playbook.record == "prep"
        and ids & {item.playbook for item in entry.playbook.flow or []}
    ]


def _fill(candidates: list[_Candidate], limit: int | None) -> tuple[list[Line], set[ShownKey]]:
    """A block's lines, and the answers shown whole in it.

    An iterated answer's line replaces its source's line for the same item (the rehearsed
    answer takes the place of the library's reply). With a limit, answers take turns (the first
    item of each, then the second…), so a level of information shows a few questions on each
    subject rather than all of the first one.
    """
    kept = [c for c in candidates if not c.replaces]
    where = {
        item: (c_index, l_index)
        for c_index, c in enumerate(kept)
        for l_index, item in enumerate(c.items)
        if item is not None
    }
    owners: dict[ShownKey, set[int]] = {c.key: {i} for i, c in enumerate(kept)}
    for candidate in (c for c in candidates if c.replaces):
        rest = []
        for line, item in zip(candidate.lines, candidate.items, strict=True):
            if item in where:
                c_index, l_index = where[item]
                kept[c_index].lines[l_index] = line
                owners.setdefault(candidate.key, set()).add(c_index)
            else:
                rest.append(line)
        if rest:
            kept.append(_Candidate(candidate.key, rest, [None] * len(rest), cut=candidate.cut))
            owners.setdefault(candidate.key, set()).add(len(kept) - 1)
    taken: list[list[Line]] = [[] for _ in kept]
    count, depth = 0, 0
    total = sum(len(c.lines) for c in kept)
    budget = total if limit is None else min(limit, total)
    while count < budget:
        for index, candidate in enumerate(kept):
            if depth < len(candidate.lines) and count < budget:
                taken[index].append(candidate.lines[depth])
                count += 1
        depth += 1
    whole = {
        index
        for index, (c, lines) in enumerate(zip(kept, taken, strict=True))
        if len(lines) == len(c.lines) and not c.cut
    }
    shown = {key for key, indexes in owners.items() if indexes <= whole}
    return [line for lines in taken for line in lines], shown


def _candidate(
    key: ShownKey,
    question: Question,
    place: SheetPlace,
    value: Any,
    library: Library,
    book: Playbook,
) -> _Candidate:
    """An answer's lines: one per item for ``items``/``numbered``, else one line."""
    form = place.form
    listed = form in (SheetForm.ITEMS, SheetForm.NUMBERED)
    item_form = SheetForm.ITEMS if listed else form
    lines: list[Line] = []
    items: list[tuple[str, str, str] | None] = []
    iterated = question.for_each is not None and isinstance(value, list)
    if iterated:
        source = _iterated(question, book.id)
        labels = _item_labels(question, library, book.id)  # once: 20,000 items were quadratic
        for pair in value:
            if not isinstance(pair, Mapping) or is_empty(pair.get("answer")):
                continue
            item = pair.get("item")
            lead: str | None = labels.get(item, item) if isinstance(item, str) else str(item)
            answer = _plain(question, pair.get("answer"), library, book.id)
            lines.append(Line(item_form, (Part(answer, place.label),), lead=lead))
            items.append((*source, str(pair.get("item"))) if source else None)
    elif listed and isinstance(value, list):
        for item in value:
            lead, parts = _item_parts(question, place, item, library, book.id)
            lines.append(Line(item_form, parts, lead=lead))
            items.append((*key, str(item)) if question.type == QuestionType.CHOICES else None)
    elif place.detail is not None:
        lead, parts = _item_parts(question, place, value, library, book.id)
        labelled = tuple(Part(part.text, place.label) for part in parts)
        lines.append(Line(item_form, parts if lead else labelled, lead=lead))
        items.append((*key, str(value)))
    else:
        text = _plain(question, value, library, book.id)
        lines.append(Line(item_form, (Part(text, place.label),)))
        items.append(None)
    cut = place.limit is not None and len(lines) > place.limit
    if cut:
        lines, items = lines[: place.limit], items[: place.limit]
    if form == SheetForm.NUMBERED:
        lines = [
            Line(SheetForm.NUMBERED, line.parts, line.lead, number)
            for number, line in enumerate(lines, 1)
        ]
    return _Candidate(key, lines, items, replaces=iterated, cut=cut)


def _item_parts(
    question: Question, place: SheetPlace, item: Any, library: Library, playbook_id: str
) -> tuple[str | None, tuple[Part, ...]]:
    """An item of a list, choices or group answer as a line's lead and parts."""
    if question.type == QuestionType.GROUP and isinstance(item, Mapping):
        parts = []
        for sub in question.questions or []:
            if not is_empty(item.get(sub.id)):
                label = sub.sheet.label if sub.sheet is not None else None
                parts.append(Part(_plain(sub, item[sub.id], library, playbook_id), label))
        return None, tuple(parts)
    if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
        label = _labels(library, question).get(str(item), str(item))
        detail = _entry_detail(library, question, item, place.detail)
        if detail:
            return label, (Part(detail),)
        return None, (Part(label),)
    return None, (Part(_condense(item)),)


def _entry_detail(library: Library, question: Question, item: Any, key: str | None) -> str:
    if key is None or question.choices_from is None:
        return ""
    reference = question.choices_from.reference
    if reference is None or reference not in library.chosen():
        return ""
    entry = library.get(reference).playbook.entry(str(item))
    detail = entry.details.get(key) if entry is not None else None
    if isinstance(detail, list):
        return _separator(library).join(_condense(d) for d in detail)
    return _condense(detail) if detail is not None else ""


def _labels(library: Library, question: Question) -> dict[str, str]:
    try:
        return {option.value: option.label for option in library.options(question)}
    except SalescoachError:  # a reference list gone from the search path: stored values
        return {}


def _iterated(question: Question, playbook_id: str) -> tuple[str, str] | None:
    """``(playbook, question)`` of the answer a ``for_each`` question iterates, if any."""
    for_each = question.for_each
    if for_each is None or for_each.answer is None:
        return None
    parsed = parse_ref(for_each.answer)
    if parsed.source == "account":
        return None
    return (parsed.playbook_or(playbook_id), parsed.question)


def _item_labels(question: Question, library: Library, playbook_id: str) -> dict[str, str]:
    """The labels of the items a question iterates: a reference's entries' or the source
    question's options."""
    for_each = question.for_each
    options: list[Option] = []
    if for_each is not None and for_each.reference is not None:
        if for_each.reference in library.chosen():
            entries = library.get(for_each.reference).playbook.entries or []
            options = [Option(value=e.id, label=e.label) for e in entries]
    else:
        source = _iterated(question, playbook_id)
        found = _question(library, *source) if source else None
        if found is not None and found.type in (QuestionType.CHOICE, QuestionType.CHOICES):
            options = library.options(found)
    return {option.value: option.label for option in options}


def _question(library: Library, book_id: str, question_id: str) -> Question | None:
    if book_id not in library.chosen():
        return None
    return next((q for q in library.get(book_id).playbook.questions() if q.id == question_id), None)


def _plain(question: Question, value: Any, library: Library, playbook_id: str) -> str:
    """One answer as one line of plain text: labels instead of stored values."""
    if question.type == QuestionType.GROUP:
        entries = value if isinstance(value, list) else [value]
        texts = []
        for entry in entries:
            _, parts = _item_parts(question, SheetPlace(), entry, library, playbook_id)
            texts.append(" — ".join(p.text for p in parts))
        return _separator(library).join(texts)
    if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
        labels = _labels(library, question)
        values = value if isinstance(value, list) else [value]
        return _separator(library).join(labels.get(str(v), str(v)) for v in values)
    if question.type == QuestionType.YESNO and isinstance(value, bool):
        return message(library.language, "yes" if value else "no")
    if question.type == QuestionType.SCALE and is_number(value) and value == int(value):
        label = (question.labels or {}).get(int(value))
        top = f"/{question.max:g}" if question.max is not None else ""
        return f"{value}{top}" + (f" ({label})" if label else "")
    if question.type == QuestionType.NUMBER and is_number(value):
        return f"{value:g}\u00a0{question.unit}" if question.unit else f"{value:g}"
    if isinstance(value, list):
        return _separator(library).join(_condense(v) for v in _flatten(value))
    return _condense(value)


def _separator(library: Library) -> str:
    """Between the items of a list on one line: ``; `` (`` ; `` in French)."""
    return message(library.language, "sheet_separator")


def _flatten(values: Iterable[Any]) -> Iterable[Any]:
    for value in values:
        if isinstance(value, Mapping):
            yield " — ".join(str(v) for v in value.values() if not is_empty(v))
        else:
            yield value


def _condense(value: Any) -> str:
    """A text on one line: runs of spaces and line breaks become one space."""
    return " ".join(str(value).split())
