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
        "details": "Details",
        "colon": ":",
        "phase": "Phase",
        "contacts": "Meeting",
        "objectives": "Objectives",
        "opening": "Opening — OPA",
        "plan": "Plan, as three questions",
        "time": "Time",
        "if_short": "If cut short",
        "questions": "Questions to ask",
        "foca": "FOCA chains",
        "mesore": "Negotiation — MESORE",
        "starting_point": "Start at",
        "ideal_outcome": "Ideal",
        "walk_away": "Walk away below",
        "own_mesore": "Our MESORE",
        "client_mesore": "Their MESORE",
        "moves": "Moves",
        "give": "Give",
        "get": "Ask in return",
        "objections": "Objections to expect",
        "reminders": "Before going in",
        "watch": "Watch",
        "qualities": "Their qualities",
        "conviction": "Conviction",
        "includes": "This meeting type's preparation",
        "phase_plan": "Action plan for this phase",
        "cadence": "Keep in touch at least every {days} day(s) in this phase.",
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
        "details": "Détails",
        "colon": "\u00a0:",
        "phase": "Phase",
        "contacts": "Rencontre",
        "objectives": "Objectifs",
        "opening": "Ouverture — OPA",
        "plan": "Plan, en trois questions",
        "time": "Temps",
        "if_short": "Si le temps manque",
        "questions": "Questions à poser",
        "foca": "Chaînes FOCA",
        "mesore": "Négociation — MESORE",
        "starting_point": "Point de départ",
        "ideal_outcome": "Idéal",
        "walk_away": "Point de rupture",
        "own_mesore": "Notre MESORE",
        "client_mesore": "Sa MESORE",
        "moves": "Mouvements",
        "give": "Donner",
        "get": "Obtenir en échange",
        "objections": "Objections attendues",
        "reminders": "Avant d'entrer",
        "watch": "À surveiller",
        "qualities": "Ses qualités",
        "conviction": "Conviction",
        "includes": "La préparation de ce type de rendez-vous",
        "phase_plan": "Plan d'actions de cette phase",
        "cadence": "Gardez le contact au moins tous les {days} jour(s) dans cette phase.",
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
    """The Markdown body of a record.

    A prep starts with its one-page sheet (what the rep reads before going in), then "Details"
    with every other answer; a debrief, and any playbook the sheet does not know, is rendered
    section by section. Nothing answered is left out.
    """
    vocabulary = words(header.language)
    title_bits = [header.account]
    if header.meeting_type:
        title_bits.append(_option_label(library, playbooks, "type", header.meeting_type))
    if header.meeting_date:
        title_bits.append(header.meeting_date)
    lines = [f"# {vocabulary[header.kind]} — {' · '.join(title_bits)}", ""]
    shown: set[tuple[str, str]] = set()
    if header.kind == "prep":
        sheet = PrepSheet(answers, playbooks, library, vocabulary)
        lines += sheet.render()
        shown = sheet.shown
    rest: list[str] = []
    for playbook in playbooks:
        space = {
            k: v for k, v in answers.get(playbook.id, {}).items() if (playbook.id, k) not in shown
        }
        section = _section(playbook, space, library, vocabulary)
        if section:
            rest += [f"### {playbook.title}" if shown else f"## {playbook.title}", "", *section, ""]
    if rest and shown:
        lines += [f"## {vocabulary['details']}", ""]
    lines += rest
    return "\n".join(lines).rstrip() + "\n"


class PrepSheet:
    """The one-page prep sheet of the method's built-in playbooks, by playbook and question id.

    Each part renders only when its answers exist, and notes what it showed in ``shown`` so the
    record's "Details" holds the rest. A team's own playbooks fall through to "Details".
    """

    def __init__(
        self,
        answers: Mapping[str, Mapping[str, Any]],
        playbooks: Sequence[Playbook],
        library: Library,
        vocabulary: Mapping[str, str],
    ) -> None:
        self.answers = answers
        self.books = {playbook.id: playbook for playbook in playbooks}
        self.library = library
        self.words = vocabulary
        self.shown: set[tuple[str, str]] = set()
        self.colon = vocabulary["colon"]

    def get(self, playbook_id: str, question_id: str) -> Any:
        """An answer, noted as shown; None when absent or its playbook was not used."""
        if playbook_id not in self.books:
            return None
        value = self.answers.get(playbook_id, {}).get(question_id)
        if not is_empty(value):
            self.shown.add((playbook_id, question_id))
            return value
        return None

    def label(self, playbook_id: str, question_id: str, value: Any) -> str:
        """A choice's label (or labels) instead of its stored value."""
        book = self.books.get(playbook_id)
        question = (
            next((q for q in book.questions() if q.id == question_id), None) if book else None
        )
        if question is None:
            return _escape(str(value))
        return _inline(question, value, self.library, self.words)

    def render(self) -> list[str]:
        """The sheet's sections, in the order a rep uses them."""
        lines: list[str] = []
        for part in (
            self._meeting,
            self._opening,
            self._questions,
            self._foca,
            self._mesore,
            self._objections,
            self._reminders,
            self._method,
        ):
            section = part()
            if section:
                lines += [*section, ""]
        return lines

    def _meeting(self) -> list[str]:
        lines: list[str] = []
        self.get("meeting", "account")
        self.get("meeting", "type")
        self.get("meeting", "date")
        facts = []
        phase = self.get("meeting", "phase")
        if phase:
            facts.append(
                f"**{self.words['phase']}**{self.colon} {self.label('meeting', 'phase', phase)}"
            )
        contacts = self.get("meeting", "contacts") or []
        people = [
            _escape(" — ".join(str(c[k]) for k in ("name", "role") if c.get(k)))
            for c in contacts
            if isinstance(c, Mapping)
        ]
        if people:
            facts.append(f"**{self.words['contacts']}**{self.colon} {'; '.join(people)}")
        if facts:
            lines += [" · ".join(facts), ""]
        objectives = self.get("meeting", "objectives") or []
        if objectives:
            lines += [f"## {self.words['objectives']}", ""]
            lines += [f"{i}. {_escape(str(o))}" for i, o in enumerate(objectives, 1)]
        return lines

    def _method(self) -> list[str]:
        """What the method asks for this meeting type and this phase (from reference lists)."""
        lines: list[str] = []
        meeting_type = self.answers.get("meeting", {}).get("type")
        includes = _detail_list(self.library, "meeting-types", meeting_type, "includes")
        if includes:
            lines += [f"**{self.words['includes']}**", ""]
            lines += [f"- [ ] {_escape(item)}" for item in includes]
            lines.append("")
        phase = self.answers.get("meeting", {}).get("phase")
        plan = _detail_list(self.library, "phases", phase, "action_plan")
        cadence = _detail(self.library, "phases", phase, "cadence_days")
        if plan:
            lines += [f"**{self.words['phase_plan']}**", ""]
            lines += [f"- {_escape(item)}" for item in plan]
        if isinstance(cadence, int) and not isinstance(cadence, bool):
            lines += ["", f"*{self.words['cadence'].format(days=cadence)}*"]
        return lines

    def _opening(self) -> list[str]:
        announce = self.get("opa", "announce")
        plan = self.get("opa", "plan") or []
        agreement = self.get("opa", "agreement")
        minutes = self.get("opa", "time_available")
        if_short = self.get("opa", "if_short")
        if not (announce or plan or agreement):
            return []
        lines = [f"## {self.words['opening']}", ""]
        if announce:
            lines += [_quote(announce), ""]
        if plan:
            lines += [f"**{self.words['plan']}**", ""]
            lines += [f"{i}. {_escape(str(step))}" for i, step in enumerate(plan, 1)]
            lines.append("")
        if agreement:
            lines += [_quote(agreement), ""]
        timing = []
        if minutes is not None:
            shown_time = self.label("opa", "time_available", minutes)
            timing.append(f"**{self.words['time']}**{self.colon} {shown_time}")
        if if_short:
            timing.append(f"**{self.words['if_short']}**{self.colon} {_escape(str(if_short))}")
        if timing:
            lines.append(" · ".join(timing))
        return lines

    def _questions(self) -> list[str]:
        book = self.books.get("discovery-funnel")
        if book is None:
            return []
        by_level: dict[str, list[str]] = {tag: [] for tag in LEVEL_TAGS}
        for question in book.questions():
            level = next((t for t in question.tags if t in LEVEL_TAGS), None)
            if level is None or question.for_each is not None:
                continue  # iterated answers (arguments per lever) stay in Details
            value = self.get(book.id, question.id)
            if value is None:
                continue
            if question.type in (QuestionType.CHOICE, QuestionType.CHOICES):
                prompt = _escape(question.prompt.rstrip(" ?:"))
                labels = self.label(book.id, question.id, value)
                by_level[level].append(f"*{prompt}*{self.colon} {labels}")
            else:
                items = value if isinstance(value, list) else [value]
                by_level[level] += [_escape(" ".join(str(item).split())) for item in items]
        if not any(by_level.values()):
            return []
        lines = [f"## {self.words['questions']}", ""]
        for tag in reversed(LEVEL_TAGS):  # from the top of the funnel down
            if by_level[tag]:
                lines += [f"**{self.words[tag]}**", "", *(f"- {q}" for q in by_level[tag]), ""]
        return lines

    def _foca(self) -> list[str]:
        chains = self.get("foca", "chains") or []
        if not chains:
            return []
        lines = [f"## {self.words['foca']}", ""]
        for number, chain in enumerate(chains, 1):
            if not isinstance(chain, Mapping):
                continue
            lines.append(f"{number}. **F** {_escape(str(chain.get('fact', '')))}")
            for key, letter in (("opinion", "O"), ("change", "C"), ("action", "A")):
                if chain.get(key):
                    lines.append(f"   - **{letter}** {_escape(str(chain[key]))}")
        return lines

    def _mesore(self) -> list[str]:
        if "mesore" not in self.books:
            return []
        rows = [
            (self.words[key], self.get("mesore", key))
            for key in (
                "starting_point",
                "ideal_outcome",
                "walk_away",
                "own_mesore",
                "client_mesore",
            )
        ]
        moves = self.get("mesore", "moves") or []
        if not any(value for _, value in rows) and not moves:
            return []
        lines = [f"## {self.words['mesore']}", ""]
        lines += [
            f"- **{name}**{self.colon} {_cell(value)}" for name, value in rows if value is not None
        ]
        if moves:
            lines += ["", f"**{self.words['moves']}**", ""]
            for move in moves:
                if isinstance(move, Mapping):
                    give = _escape(str(move.get("concession", "")))
                    get = _escape(str(move.get("counterpart", "")))
                    give_label = f"**{self.words['give']}**{self.colon}"
                    get_label = f"**{self.words['get']}**{self.colon}"
                    lines.append(f"- {give_label} {give} ⇄ {get_label} {get}")
        return lines

    def _objections(self) -> list[str]:
        self.get("objection-prep", "expected")
        rehearsed = self.get("objection-prep", "rehearsal") or []
        if not rehearsed:
            return []
        labels = _reference_labels(self.library, "objections")
        lines = [f"## {self.words['objections']}", ""]
        for pair in rehearsed:
            if isinstance(pair, Mapping):
                label = labels.get(str(pair.get("item")), str(pair.get("item")))
                answer = " ".join(str(pair.get("answer", "")).split())
                lines.append(f"- **{_escape(label)}** {_escape(answer)}")
        return lines

    def _reminders(self) -> list[str]:
        watch = self.get("reminders", "watch")
        qualities = self.get("reminders", "qualities") or []
        conviction = self.get("reminders", "conviction")
        if not (watch or qualities or conviction):
            return []
        lines = [f"## {self.words['reminders']}", ""]
        if watch:
            lines.append(
                f"- **{self.words['watch']}**{self.colon} {self.label('reminders', 'watch', watch)}"
            )
        if qualities:
            joined = "; ".join(_escape(str(q)) for q in qualities)
            lines.append(f"- **{self.words['qualities']}**{self.colon} {joined}")
        if conviction:
            lines.append(f"- **{self.words['conviction']}**{self.colon} {_escape(str(conviction))}")
        return lines


def sheet_only(body: str, language: str) -> str:
    """The one-page part of a prep body: everything before its "Details" heading."""
    heading = f"\n## {words(language)['details']}\n"
    return body.split(heading, 1)[0].rstrip() + "\n"


def _detail(library: Library, reference_id: str, entry_id: Any, key: str) -> Any:
    """A detail of a reference entry (``phases`` → ``phase-3`` → ``cadence_days``), or None."""
    if not isinstance(entry_id, str) or reference_id not in library.chosen():
        return None
    entry = library.get(reference_id).playbook.entry(entry_id)
    return entry.details.get(key) if entry is not None else None


def _detail_list(library: Library, reference_id: str, entry_id: Any, key: str) -> list[str]:
    value = _detail(library, reference_id, entry_id, key)
    return [str(item) for item in value] if isinstance(value, list) else []


def _reference_labels(library: Library, reference_id: str) -> dict[str, str]:
    if reference_id not in library.chosen():
        return {}
    return {e.id: e.label for e in library.get(reference_id).playbook.entries or []}


def _quote(text: Any) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in str(text).splitlines())


def _cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


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
    return next((q for q in library.get(book_id).playbook.questions() if q.id == question_id), None)


def _inline(question: Question, value: Any, library: Library, vocabulary: Mapping[str, str]) -> str:
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
