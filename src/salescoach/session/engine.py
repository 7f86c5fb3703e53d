"""The questionnaire engine: playbooks in, namespaced answers out.

It walks a flow (or one playbook) step by step, evaluates conditions against the answers so far
and the context (a debrief's prep, the account's state), expands iterations, coerces and checks
every value, and asks only what is not already answered — by an answers file, a draft, or a
previous version of the record. It asks through a :class:`~salescoach.session.prompter.Prompter`
and knows nothing of terminals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from salescoach.errors import (
    AnswersFileError,
    Location,
    MissingAnswersError,
    Problem,
    SalescoachError,
)
from salescoach.messages import message
from salescoach.playbook.library import Entry, Library
from salescoach.playbook.loader import ITEM, condition_refs
from salescoach.playbook.model import (
    AllOf,
    AnyOf,
    Comparison,
    Condition,
    Depth,
    Kind,
    NotOf,
    Option,
    Playbook,
    Question,
    QuestionType,
    ReferenceEntry,
    Step,
)
from salescoach.playbook.refs import default_source, parse_ref
from salescoach.playbook.values import Answer, AnswerValueError, coerce, coerce_item, is_empty
from salescoach.session.prompter import Ask, BackRequested, Progress, Prompter

Answers = dict[str, dict[str, Any]]
"""Answers by playbook id, then question id: ``{"meeting": {"type": "negotiation"}}``."""

MAX_RETRIES = 5


def answer_id(key: str) -> str:
    """The top-level answer id a prompt key belongs to: ``deal.moves[1].give`` → ``deal.moves``."""
    namespace, _, rest = key.partition(".")
    for mark in ("[", "."):
        rest = rest.partition(mark)[0]
    return f"{namespace}.{rest}"


class _Rewind(Exception):
    """Internal: the rep asked to go back; the walk starts over and replays up to ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


@dataclass(frozen=True)
class Known:
    """An answer known from an earlier record of the account, and where it was found.

    The account context holds these (``account.contacts``); a question whose ``default_from``
    names one takes it without asking in a quick session, or when the question is deeper than
    the session; otherwise it is asked with the known value as its default. Either way, when
    the answer kept is the known one, :attr:`Session.carried` says where it came from.
    """

    value: Any
    meeting: str
    kind: Literal["prep", "debrief"]
    date: str | None = None


@dataclass(frozen=True)
class Subject:
    """One item a ``for_each`` question is asked about."""

    value: Any
    label: str
    help: str | None = None
    details: tuple[str, ...] = ()
    """The reference entry's details ``for_each.show_details`` asks for, one line each."""


def plan(library: Library, target: str) -> list[Entry]:
    """The playbooks a target names, in order: a flow's items (conditions unevaluated) or itself."""
    entry = library.get(target)
    if entry.playbook.kind != Kind.FLOW:
        return [entry]
    return [library.get(item.playbook) for item in entry.playbook.flow or []]


@dataclass
class Session:
    """One run of a flow or a playbook: keeps the answers so far, so an interruption loses nothing.

    ``context`` maps ``prep`` and ``account`` to their data, or to a function of the answers so
    far when the data depends on them (the account's state once its name is answered).
    ``prefill`` holds answers already known (answers file, draft, previous record); they are
    checked and not asked again. With ``lenient`` (a draft resumed against a changed playbook) a
    prefilled answer that no longer fits is dropped, noted in ``dropped``, and asked again.
    With ``edit`` every question is asked again, the prefilled answers offered as defaults;
    ``again`` names top-level answer ids asked again that way (the review screen's change, the
    question a draft stopped in) and ``edit_from`` starts edit mode at one answer id (the resume
    of an interrupted edit). ``skip`` names answer ids an earlier walk already asked: left
    unanswered there, they are not asked again.
    With ``no_input`` nothing is asked: a required answer that is neither prefilled nor
    defaulted is collected, and :meth:`run` raises one :class:`MissingAnswersError` listing
    them all. In a terminal, a prefilled answer that does not fit is asked again, its error
    shown: the answer the rep types wins.

    ``depth`` says how much of the method is walked: a question deeper than it is not asked
    (a prefilled or known answer to it is still kept). ``walked`` is the depth an earlier walk
    of the same record already covered: only what lies deeper is asked (going deeper later).
    ``force`` names answers asked whatever the depth (one answer changed on the review screen).
    ``carried`` collects, by answer id, the known answers kept from earlier records.

    When the prompter raises :class:`~salescoach.session.prompter.BackRequested`, the walk
    starts over and replays every answer given but the last, which is asked again with its
    answer as the default: the walk's path (conditions, iterations, entries) stays exact.
    ``visited`` holds every top-level answer id the walk has been through, asked or prefilled.
    ``on_answer`` maps an answer id to a hook called with its answer once given (the account
    typed at its prompt: the command shows what its records already know); a replay of the same
    answer (going back) does not call it again.
    """

    library: Library
    target: str
    prompter: Prompter | None
    prefill: Mapping[str, Any] = field(default_factory=dict)
    context: Mapping[str, Any] = field(default_factory=dict)
    no_input: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    prefill_source: str = "answers"
    answers: Answers = field(default_factory=dict)
    used: list[Entry] = field(default_factory=list)
    position: str | None = None
    lenient: bool = False
    edit: bool = False
    language: str = "en"
    depth: Depth = Depth.FULL
    walked: Depth | None = None
    force: frozenset[str] = frozenset()
    carried: dict[str, Known] = field(default_factory=dict)
    dropped: list[Problem] = field(default_factory=list)
    _silent: bool = False
    _offering: bool = False
    again: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    edit_from: str | None = None
    visited: set[str] = field(default_factory=set)
    on_answer: dict[str, Callable[[Any], None]] = field(default_factory=dict)
    _missing: list[str] = field(default_factory=list)
    _invalid: list[Problem] = field(default_factory=list)
    _entry_heading: str | None = None
    _journal: list[tuple[str, Any]] = field(default_factory=list, init=False, repr=False)
    _replay: list[tuple[str, Any]] = field(default_factory=list, init=False, repr=False)
    _back_to: tuple[str, Any] | None = field(default=None, init=False, repr=False)
    _held_step: tuple[str, str | None, Progress | None] | None = field(
        default=None, init=False, repr=False
    )
    _progress: Progress | None = field(default=None, init=False, repr=False)
    _edit_reached: bool = field(default=False, init=False, repr=False)
    _given_errors: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _given_text: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _keeps: dict[str, Callable[[Any], None]] = field(default_factory=dict, init=False, repr=False)
    _told: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def run(self) -> Answers:
        """Ask the whole target; return the answers or raise for missing or invalid ones."""
        while True:
            try:
                self._walk()
                break
            except _Rewind as rewind:
                self._start_over(rewind.index)
        if self._invalid:
            raise AnswersFileError(self._invalid)
        if self._missing:
            raise MissingAnswersError(self._missing)
        return self.answers

    def _walk(self) -> None:
        root = self.library.get(self.target)
        if root.playbook.kind != Kind.FLOW:
            self._run_playbook(root)
            return
        for item in root.playbook.flow or []:
            # Evaluated when reached: an earlier playbook's answers decide (meeting.type).
            if item.when is None or self._holds(item.when, item.playbook, {}):
                self._run_playbook(self.library.get(item.playbook))

    def _entries(self) -> list[Entry]:
        """The playbooks the walk goes through, flow conditions evaluated on the answers so far."""
        root = self.library.get(self.target)
        if root.playbook.kind != Kind.FLOW:
            return [root]
        return [
            self.library.get(item.playbook)
            for item in root.playbook.flow or []
            if item.when is None or self._holds(item.when, item.playbook, {})
        ]

    def _start_over(self, index: int) -> None:
        """Go back: a fresh walk replays the first ``index`` prompts, then asks the next again."""
        journal = self._journal
        self._replay = journal[:index]
        self._back_to = journal[index]
        self._journal = []
        self.answers = {}
        self.used = []
        self.dropped = []
        self.visited = set()
        self._missing = []
        self._invalid = []
        self._entry_heading = None
        self._edit_reached = False
        self._given_errors = {}
        self._given_text = {}
        self._keeps = {}
        self.carried = {}

    def unused_prefill(self) -> list[str]:
        """Prefilled answer ids the walk did not keep: removed questions, conditions now false."""
        return [
            f"{namespace}.{question_id}"
            for namespace, answers in self.prefill.items()
            if isinstance(answers, Mapping)
            for question_id in answers
            if question_id not in self.answers.get(namespace, {})
        ]

    # --- playbooks and steps -------------------------------------------------------------------

    def _run_playbook(self, entry: Entry) -> None:
        playbook = entry.playbook
        if playbook.kind not in (Kind.PREP, Kind.DEBRIEF):
            raise AnswersFileError(
                [Problem(Location(entry.path), f"`{playbook.id}` is a {playbook.kind}, not asked")]
            )
        if not self._reaches(playbook):
            return  # nothing of it at this depth: not walked, not named in the record
        self.used.append(entry)
        namespace = self.answers.setdefault(playbook.id, {})

        def keep(question_id: str) -> Callable[[Any], None]:
            # What a list or a group holds so far is in the answers: an interrupt keeps it.
            def store(value: Any) -> None:
                if is_empty(value):
                    namespace.pop(question_id, None)
                else:
                    namespace[question_id] = value

            return store

        for step in playbook.steps or []:
            possible = self._possible(playbook, step)
            if not possible:
                continue
            depth = playbook.step_depth(step)
            if self._interactive and self._needs_prompt(playbook, possible, depth):
                self._step(step.title, step.guidance, self._step_progress(playbook, step))
            for question in possible:
                key = f"{playbook.id}.{question.id}"
                if not self._applies(question, playbook.id, {}):
                    namespace.pop(question.id, None)
                    continue
                if key == self.edit_from:
                    self._edit_reached = True
                if key in self.skip and self._prefilled(key) is _ABSENT:
                    self.visited.add(key)
                    continue  # asked in an earlier walk and left unanswered
                self._keeps[key] = keep(question.id)
                value = self._top_answer(playbook, question, key, question.depth or depth)
                self.visited.add(key)  # once answered: an interrupt before keeps the prefill
                self._tell(key, value)
                if value is not None:
                    namespace[question.id] = value
                else:
                    namespace.pop(question.id, None)
        if not namespace:
            self.answers.pop(playbook.id, None)

    def _reaches(self, playbook: Playbook) -> bool:
        """Whether a walk at this depth has anything of the playbook to ask or to keep."""
        if isinstance(self.prefill.get(playbook.id), Mapping) and self.prefill[playbook.id]:
            return True
        return any(
            self._asks(question.depth or playbook.step_depth(step), f"{playbook.id}.{question.id}")
            or self._known(question, playbook.id) is not None
            for step in playbook.steps or []
            for question in step.questions
        )

    def _possible(self, playbook: Playbook, step: Step) -> list[Question]:
        """The questions of a step that apply, or may once an earlier one of it is answered."""
        if step.when is not None and not self._holds(step.when, playbook.id, {}):
            return []
        in_step = {q.id for q in step.questions}
        # A question whose condition reads an earlier answer of this same step may apply
        # once that answer is given: count it as possible; re-check just before asking.
        return [
            q for q in step.questions if self._applies(q, playbook.id, {}) or _reads_any(q, in_step)
        ]

    def _step_progress(self, playbook: Playbook, current: Step) -> Progress:
        """Which of the steps still to show this one is, counted on the answers so far."""
        # Editing from a question of this step on: the steps after it are asked again too.
        # Conditions read what is known: the answers so far, else what was given up front.
        reached, answers = self._edit_reached, self.answers
        self._edit_reached = reached or any(
            f"{playbook.id}.{q.id}" == self.edit_from for q in current.questions
        )
        known: Answers = {}
        for namespace, space in [*self.prefill.items(), *answers.items()]:
            if isinstance(space, Mapping):
                known.setdefault(namespace, {}).update(space)
        self.answers = known
        try:
            return self._count_steps(playbook, current)
        finally:
            self._edit_reached, self.answers = reached, answers

    def _count_steps(self, playbook: Playbook, current: Step) -> Progress:
        shown: list[tuple[str, int]] = []
        for entry in self._entries():
            book = entry.playbook
            if book.kind not in (Kind.PREP, Kind.DEBRIEF):
                continue
            for index, step in enumerate(book.steps or []):
                if step is current:
                    shown.append((book.id, index))
                    continue
                possible = self._possible(book, step)
                if possible and self._needs_prompt(book, possible, book.step_depth(step)):
                    shown.append((book.id, index))
        here = (playbook.id, (playbook.steps or []).index(current))
        number = shown.index(here) + 1 if here in shown else len(shown)
        return (number, None if self._flow_undecided() else len(shown))

    def _flow_undecided(self) -> bool:
        """Whether a condition of the flow reads an answer not given yet: which playbooks the
        walk goes through, and so how many steps it has, is not known."""
        root = self.library.get(self.target).playbook
        if root.kind != Kind.FLOW:
            return False
        return any(
            self.lookup(ref, item.playbook, {}) is _ABSENT
            for item in root.flow or []
            if item.when is not None
            for ref in condition_refs(item.when)
        )

    def _step(self, title: str, guidance: str | None, progress: Progress | None) -> None:
        """Show a step, unless the walk is replaying (then it is shown with the prompt it holds)."""
        assert self.prompter is not None
        if progress is not None:
            self._progress = progress
        if self._replay:
            self._held_step = (title, guidance, progress)
            return
        self._held_step = None
        self.prompter.step(title, guidance, progress)

    def _tell(self, key: str, value: Any) -> None:
        """Call the ``on_answer`` hook of ``key`` with a new answer (not a replay of the same)."""
        hook = self.on_answer.get(key)
        if hook is None or value is None or self._told.get(key, _ABSENT) == value:
            return
        self._told[key] = value
        hook(value)

    def _needs_prompt(self, playbook: Playbook, questions: list[Question], depth: Depth) -> bool:
        """Whether a step has something to ask (so its title and guidance are shown)."""
        for question in questions:
            key = f"{playbook.id}.{question.id}"
            if question.compute is not None or not self._asks(question.depth or depth, key):
                continue
            if self._implies(question, playbook.id):
                continue
            absent = self._prefilled(key) is _ABSENT
            if absent and key in self.skip:
                continue
            if self._editing or self._reasks(key) or key == self.edit_from:
                return True
            if absent and not (
                self.depth == Depth.QUICK and self._known(question, playbook.id) is not None
            ):
                return True
        return False

    def _asks(self, depth: Depth, key: str | None = None) -> bool:
        """Whether a question from this depth on is asked in this session."""
        if key is not None and key in self.force:
            return True
        if self.walked is not None and depth.rank <= self.walked.rank:
            return False
        return depth.rank <= self.depth.rank

    @property
    def _interactive(self) -> bool:
        return self.prompter is not None and not self.no_input and not self._silent

    def _top_answer(self, playbook: Playbook, question: Question, key: str, depth: Depth) -> Answer:
        """A playbook's own question: asked at this depth, or kept from what is already known."""
        if question.compute is not None:
            return self._computed(question, playbook.id)
        if self._implies(question, playbook.id):
            return self._implied(question, playbook.id)
        given = self._prefilled(key)
        asks = self._asks(depth, key)
        if given is not _ABSENT:
            return self._quietly(not asks, playbook, question, key, given, depth)
        known = self._known(question, playbook.id)
        if known is not None:
            options = self._options(question, playbook.id, {})
            try:
                known_value = coerce(question, known.value, options, today=self.today)
            except AnswerValueError:
                known = None  # a stale earlier answer (an option since removed): ask afresh
            else:
                value = self._offer(playbook, question, key, depth, known_value, asks)
                if value == known_value and not is_empty(value):
                    self.carried[key] = replace(known, value=value)
                return value
        if not asks:
            return None
        return self._answer(playbook, question, key, {}, _ABSENT, depth=depth)

    def _quietly(
        self,
        quiet: bool,
        playbook: Playbook,
        question: Question,
        key: str,
        given: Any,
        depth: Depth,
    ) -> Answer:
        """Answer a question, asking nothing when ``quiet`` (kept as given or as known)."""
        if not quiet:
            return self._answer(playbook, question, key, {}, given, depth=depth)
        was, self._silent = self._silent, True
        try:
            return self._answer(playbook, question, key, {}, given, depth=depth)
        finally:
            self._silent = was

    def _offer(
        self,
        playbook: Playbook,
        question: Question,
        key: str,
        depth: Depth,
        known: Answer,
        asks: bool,
    ) -> Answer:
        """A known answer: kept unasked (quick, or deeper than the session), else offered."""
        if not asks or (self.depth == Depth.QUICK and key not in self.force):
            return self._quietly(True, playbook, question, key, known, depth)
        if not self._interactive:
            return self._quietly(True, playbook, question, key, known, depth)
        if not question.repeated:  # asked, the known value as its default (default_from)
            return self._answer(playbook, question, key, {}, _ABSENT, depth=depth)
        # A known list or group: one question keeps it whole; else each item is offered again.
        if self._keep_known(question, key, known):
            return known
        was, self._offering = self._offering, True
        try:
            return self._answer(playbook, question, key, {}, known, depth=depth)
        finally:
            self._offering = was

    def _shown(
        self,
        question: Question,
        playbook_id: str,
        scope: Mapping[str, Any],
        subject: Subject | None = None,
    ) -> tuple[str, ...]:
        """The lines ``show:`` puts with a prompt: each earlier answer named, with its label."""
        lines: list[str] = []
        for ref in question.show:
            value = self.lookup(ref, playbook_id, scope)
            if subject is not None and _is_iterated(value):
                value = next((p.get("answer") for p in value if p["item"] == subject.value), None)
            if value is _ABSENT or is_empty(value):
                continue
            source = self.question_for(ref, playbook_id)
            label = source.prompt.split(" — ")[0].rstrip(" ?:") if source else ref
            items = value if isinstance(value, list) else [value]
            joined = message(self.language, "shown_separator").join(_brief(i) for i in items)
            lines.append(message(self.language, "shown_line", what=label, value=joined))
        return tuple(lines)

    def _keep_known(self, question: Question, key: str, known: Answer) -> bool:
        assert self.prompter is not None
        items = known if isinstance(known, list) else []
        shown = "; ".join(_brief(item) for item in items)
        if len(shown) > 160:
            shown = shown[:159] + "…"
        text = message(self.language, "keep_known", what=question.prompt.rstrip(" ?:"), items=shown)
        self.position = key
        return self.prompter.confirm(f"{key}.keep", text, True)

    def _known(self, question: Question, playbook_id: str) -> Known | None:
        """The earlier record's answer a question's ``default_from`` names, if any."""
        if question.default_from is None:
            return None
        source = default_source(question.default_from, playbook_id, question.id)
        found = self.lookup(source, playbook_id, {}, unwrap=False)
        return found if isinstance(found, Known) else None

    def _applies(self, question: Question, playbook_id: str, scope: Mapping[str, Any]) -> bool:
        return question.when is None or self._holds(question.when, playbook_id, scope)

    def _implies(self, question: Question, playbook_id: str) -> bool:
        """Whether the answer follows from earlier ones (``implied``): then it is not asked."""
        implied = question.implied
        return implied is not None and self._holds(implied.when, playbook_id, {})

    def _implied(self, question: Question, playbook_id: str) -> Answer:
        """The ``implied`` value, at any depth; never asked, never taken from a file (a draft
        whose deal is now won places the project in the client phase)."""
        assert question.implied is not None
        options = self._options(question, playbook_id, {})
        return coerce(question, question.implied.value, options, today=self.today)

    def _fitting_example(
        self, question: Question, playbook_id: str, scope: Mapping[str, Any]
    ) -> Question:
        """The question with the example of its first ``example_cases`` entry that holds (a
        negotiation's objectives), for previews and ``--example-answers``."""
        cases = question.example_cases or []
        case = next((c for c in cases if self._holds(c.when, playbook_id, scope)), None)
        update: dict[str, Any] = {"example_cases": None}
        if case is not None:
            update.update(example=case.example, examples=case.examples)
        return question.model_copy(update=update)

    def _group_examples_for(self, group: Question, playbook_id: str, index: int) -> Question:
        """An iterated group as asked for the item at ``index``: each sub-question with
        examples per item takes this item's (an objective's own note in the debrief)."""
        subs: list[Question] = []
        for sub in group.questions or []:
            if sub.example_cases:
                sub = self._fitting_example(sub, playbook_id, {})
            if sub.examples:
                sub = sub.model_copy(update={"example": sub.example_for(index), "examples": None})
            subs.append(sub)
        return group.model_copy(update={"for_each": None, "questions": subs})

    # --- answers -------------------------------------------------------------------------------

    @property
    def _editing(self) -> bool:
        """Prefilled answers are offered as defaults and asked again (``edit``, or a known
        list or group the rep chose to go over again)."""
        return (self.edit or self._offering) and self._interactive

    def _reasks(self, key: str) -> bool:
        """Whether a prefilled answer is offered as the default and asked again."""
        if not self._interactive:
            return False
        if self.edit or self._offering or self._edit_reached:
            return True
        return answer_id(key) in self.again

    def _reject(self, problem: Problem) -> None:
        """A prefilled answer that does not fit: an error, or with ``lenient`` dropped and asked."""
        (self.dropped if self.lenient else self._invalid).append(problem)

    def _prefilled(self, key: str) -> Any:
        namespace, _, question_id = key.partition(".")
        space = self.prefill.get(namespace)
        if isinstance(space, Mapping) and question_id in space:
            return space[question_id]
        return _ABSENT

    def _answer(
        self,
        playbook: Playbook,
        question: Question,
        key: str,
        scope: Mapping[str, Any],
        given: Any,
        subject: Subject | None = None,
        depth: Depth = Depth.QUICK,
        keep: Callable[[Any], None] | None = None,
    ) -> Answer:
        """The answer to one question: prefilled, defaulted (with --no-input) or asked.

        ``subject`` is the item an iterated question is asked about, shown with the prompt.
        ``depth`` is the question's own, which its sub-questions inherit.
        ``keep`` receives what a list, a group or an iteration holds so far, after each part.
        """
        keep = keep or self._keeps.get(key, _ignore)
        if question.example_cases:
            question = self._fitting_example(question, playbook.id, scope)
        if question.for_each is not None:
            return self._iterate(playbook, question, key, scope, given, depth, keep)
        if question.type == QuestionType.GROUP:
            return self._group(playbook, question, key, given, depth, keep)
        options = self._options(question, playbook.id, scope)
        if not options and question.choices_from is not None and given is _ABSENT:
            return None  # picked among earlier answers left empty: nothing to pick from
        default = self._default(question, playbook.id, scope, options)
        if given is not _ABSENT:
            checked = self._check_given(question, key, given, options)
            if checked is not _ABSENT and not self._reasks(key):
                return checked
            if checked is not _ABSENT:
                default = checked
            default = self._given_text.pop(key, default)
        if not self._interactive:
            if default is None and question.required and not self._silent:
                self._missing.append(key)
            return default
        if question.type == QuestionType.LIST:
            shown = self._shown(question, playbook.id, scope)
            return self._list(question, key, default, keep, shown)
        return self._ask(
            Ask(
                key=key,
                question=question,
                check=self._checker(question, options),
                options=options,
                default=default,
                subject=subject.label if subject else None,
                subject_help=subject.help if subject else None,
                shown=self._shown(question, playbook.id, scope, subject)
                + (subject.details if subject else ()),
                error=self._given_errors.pop(key, None),
            )
        )

    def _check_given(
        self, question: Question, key: str, given: Any, options: tuple[Option, ...]
    ) -> Any:
        try:
            value = coerce(question, given, options, today=self.today, language=self.language)
        except AnswerValueError as error:
            if self._interactive:
                # In a terminal the rep answers it again, the error shown on the prompt.
                shown = error.in_language(self.language)
                self._given_errors[key] = f"{self.prefill_source}: {shown}"
                if isinstance(given, str) and not options:
                    self._given_text[key] = given  # offered to correct, not retyped
                if self.lenient:
                    self.dropped.append(Problem(Location(self.prefill_source), shown, key))
                return _ABSENT
            shown = error.in_language(self.language)
            self._reject(Problem(Location(self.prefill_source), shown, key))
            return _ABSENT
        if value is None and question.required:
            return _ABSENT
        return value

    def _checker(self, question: Question, options: tuple[Option, ...]) -> Callable[[Any], Answer]:
        def check(value: Any) -> Answer:
            answer = coerce(question, value, options, today=self.today, language=self.language)
            if answer is None and question.required:
                raise AnswerValueError("required")
            return answer

        return check

    def _ask(self, ask: Ask) -> Answer:
        assert self.prompter is not None
        self.position = ask.key
        if self._entry_heading is not None and ask.subject is None:
            # The first prompt of a group entry says which entry it is ("Contacts (2)").
            ask = replace(ask, subject=self._entry_heading)
            self._entry_heading = None
        replayed = self._replayed(ask.key)
        if replayed is not _ABSENT:
            return ask.check(replayed)
        ask = replace(
            ask, default=self._back_default(ask.key, ask.default), progress=self._progress
        )
        self._show_held_step()
        for _ in range(MAX_RETRIES):
            try:
                raw = self.prompter.ask(ask)
            except BackRequested:
                self._go_back(ask.key)
                continue
            try:
                value = ask.check(raw)
            except AnswerValueError as error:
                ask = replace(ask, error=error.in_language(self.language))
                continue
            self._journal.append((ask.key, value))
            return value
        raise SalescoachError(f"{ask.key}: no valid answer after {MAX_RETRIES} tries: {ask.error}")

    def _confirm(self, key: str, text: str, default: bool) -> bool:
        """A yes/no about the questionnaire itself, journaled like an answer (so Back works)."""
        assert self.prompter is not None
        self.position = key
        replayed = self._replayed(key)
        if replayed is not _ABSENT:
            return bool(replayed)
        default = bool(self._back_default(key, default))
        self._show_held_step()
        while True:
            try:
                answer = self.prompter.confirm(key, text, default)
            except BackRequested:
                self._go_back(key)
                continue
            self._journal.append((key, answer))
            return answer

    # --- going back ----------------------------------------------------------------------------

    def _replayed(self, key: str) -> Any:
        """The answer this prompt got before the rep went back, or ``_ABSENT`` to ask it."""
        if not self._replay:
            return _ABSENT
        logged_key, value = self._replay.pop(0)
        if logged_key != key:  # cannot happen with a deterministic walk; ask from here on
            self._replay.clear()
            return _ABSENT
        self._journal.append((key, value))
        return value

    def _back_default(self, key: str, default: Any) -> Any:
        """The answer given before going back is the default of the prompt asked again."""
        if self._back_to is None:
            return default
        target, value = self._back_to
        self._back_to = None
        return value if target == key else default

    def _show_held_step(self) -> None:
        if self._held_step is not None and self.prompter is not None:
            title, guidance, progress = self._held_step
            self._held_step = None
            self.prompter.step(title, guidance, progress)

    def _go_back(self, key: str) -> None:
        """Back one prompt: start over up to the previous one; at the first, ask it again."""
        if self._journal:
            raise _Rewind(len(self._journal) - 1)

    def _default(
        self,
        question: Question,
        playbook_id: str,
        scope: Mapping[str, Any],
        options: tuple[Option, ...],
    ) -> Answer:
        raw = question.default
        if question.default_from is not None:
            source = default_source(question.default_from, playbook_id, question.id)
            found = self.lookup(source, playbook_id, scope)
            raw = None if found is _ABSENT else found
        if raw is None:
            return None
        try:
            return coerce(question, raw, options, today=self.today, language=self.language)
        except AnswerValueError:
            return None  # a stale context value (a phase that no longer exists) is no default

    def _list(
        self,
        question: Question,
        key: str,
        default: Answer,
        keep: Callable[[Any], None],
        shown: tuple[str, ...] = (),
    ) -> list[str] | None:
        defaults = default if isinstance(default, list) else []
        items: list[str] = []
        low = question.min_items or (1 if question.required else 0)
        while question.max_items is None or len(items) < question.max_items:
            number = len(items) + 1
            item_default = defaults[len(items)] if len(items) < len(defaults) else None
            value = self._ask(
                Ask(
                    key=f"{key}[{len(items)}]",
                    question=question,
                    check=_item_check(question, len(items)),
                    default=item_default,
                    mode="item",
                    item_number=number,
                    can_finish=len(items) >= low,
                    shown=shown if not items else (),
                )
            )
            if value is None:
                if len(items) >= low:
                    break
                continue
            # Several lines pasted at once are several items.
            items.extend(value if isinstance(value, list) else [value])
            keep(list(items))
        return items or None

    def _group(
        self,
        playbook: Playbook,
        question: Question,
        key: str,
        given: Any,
        depth: Depth,
        keep_so_far: Callable[[Any], None],
    ) -> list[dict[str, Any]] | None:
        entries_given: list[Any] = given if isinstance(given, list) else []
        if given is not _ABSENT and not isinstance(given, list) and given is not None:
            self._reject(Problem(Location(self.prefill_source), "expected a list of entries", key))
        interactive = self._interactive
        supplied = given is not _ABSENT and given is not None
        low = question.min_items or (1 if question.required else 0)
        high = question.max_items
        entries: list[dict[str, Any]] = []

        def changed() -> None:
            keep_so_far([e for e in entries if e])

        while high is None or len(entries) < high:
            index = len(entries)
            if self._reasks(key):
                # Editing: every entry is offered again, its sub-answers as defaults.
                keep = index < len(entries_given)
                if index >= low and not self._more(question, key, index, keep):
                    break
                raw_entry = entries_given[index] if keep else {}
            elif index < len(entries_given):
                raw_entry = entries_given[index]
            elif supplied or (not interactive and index >= low):
                break
            elif interactive and index >= low and not self._more(question, key, index):
                break
            else:
                raw_entry = {}
            self._entry_heading = f"{question.prompt.rstrip(' ?:')} ({index + 1})"
            entry: dict[str, Any] = {}
            entries.append(entry)
            self._group_entry(
                playbook, question, f"{key}[{index}]", raw_entry, depth, entry, changed
            )
            self._entry_heading = None
        if supplied and not low <= len(entries_given) <= (high or len(entries_given)):
            self._reject(
                Problem(
                    Location(self.prefill_source),
                    f"{len(entries_given)} entries given; expected {low} to {high or 'any'}",
                    key,
                )
            )
        return [e for e in entries if e] or None

    def _more(self, question: Question, key: str, index: int, default: bool | None = None) -> bool:
        assert self.prompter is not None
        label = question.prompt.rstrip(" ?:")
        text = message(self.language, "add_one" if index == 0 else "add_another", what=label)
        return self._confirm(
            f"{key}.more[{index}]", text, index == 0 if default is None else default
        )

    def _group_entry(
        self,
        playbook: Playbook,
        question: Question,
        key: str,
        raw_entry: Any,
        depth: Depth,
        entry: dict[str, Any] | None = None,
        changed: Callable[[], None] = lambda: None,
    ) -> dict[str, Any]:
        if not isinstance(raw_entry, Mapping):
            self._reject(
                Problem(Location(self.prefill_source), "expected a mapping of sub-answers", key)
            )
            raw_entry = {}
        known = {sub.id for sub in question.questions or []}
        for unknown in sorted(set(raw_entry) - known):
            self._reject(
                Problem(
                    Location(self.prefill_source),
                    f"unknown sub-answer `{unknown}`; expected {', '.join(sorted(known))}",
                    key,
                )
            )
        entry = {} if entry is None else entry

        def keep(sub_id: str) -> Callable[[Any], None]:
            def store(value: Any) -> None:
                if is_empty(value):
                    entry.pop(sub_id, None)
                else:
                    entry[sub_id] = value
                changed()

            return store

        for sub in question.questions or []:
            if not self._applies(sub, playbook.id, entry):
                continue
            given = raw_entry.get(sub.id, _ABSENT)
            sub_depth = sub.depth or depth
            sub_key = f"{key}.{sub.id}"
            # A sub-question follows its group unless it says it is deeper.
            if sub.depth is not None and not self._silent and not self._asks(sub_depth):
                if given is _ABSENT:
                    continue
                value = self._quietly(True, playbook, sub, sub_key, given, sub_depth)
            else:
                value = self._answer(
                    playbook, sub, sub_key, entry, given, depth=sub_depth, keep=keep(sub.id)
                )
            keep(sub.id)(value)
        return entry

    def _iterate(
        self,
        playbook: Playbook,
        question: Question,
        key: str,
        scope: Mapping[str, Any],
        given: Any,
        depth: Depth,
        keep: Callable[[Any], None],
    ) -> list[dict[str, Any]] | None:
        subjects = self.subjects(question, playbook.id, scope)
        given_by_item: dict[str, Any] = {}
        if isinstance(given, list):
            for pair in given:
                if isinstance(pair, Mapping) and "item" in pair:
                    given_by_item[str(pair["item"])] = pair.get("answer")
        elif given is not _ABSENT and given is not None:
            self._reject(
                Problem(Location(self.prefill_source), "expected a list of {item, answer}", key)
            )
        # The question itself, without its iteration, is what is asked for each subject.
        single = question.model_copy(update={"for_each": None})
        results: list[dict[str, Any]] = []
        for index, subject in enumerate(subjects):
            item_key = f"{key}[{index}]"
            item_given = given_by_item.get(str(subject.value), _ABSENT)
            if not self._item_applies(question, playbook.id, scope, subject):
                continue
            if question.examples:  # this item's own example (previews, --example-answers)
                single = single.model_copy(update={"example": question.example_for(index)})
            if single.type == QuestionType.GROUP:  # and its sub-questions' own, for this item
                single = self._group_examples_for(question, playbook.id, index)
            if single.type == QuestionType.GROUP:
                if (item_given is _ABSENT or self._reasks(item_key)) and self._interactive:
                    self._step(subject.label, subject.help, None)  # within the current step
                raw_entry = {} if item_given is _ABSENT else item_given
                value: Any = self._group_entry(playbook, single, item_key, raw_entry, depth)
            else:
                value = self._answer(
                    playbook, single, item_key, scope, item_given, subject, depth=depth
                )
            if not is_empty(value):
                results.append({"item": subject.value, "answer": value})
                keep(list(results))
        asked_for = {str(subject.value) for subject in subjects}
        for item in given_by_item:
            if item not in asked_for:
                listed = ", ".join(sorted(asked_for)) or "none here"
                self._reject(
                    Problem(
                        Location(self.prefill_source),
                        f"`{item}` is not one of the items this question is asked for ({listed})",
                        key,
                    )
                )
        return results or None

    def _computed(self, question: Question, playbook_id: str) -> Answer:
        """A ``compute`` answer from the answers so far, at any depth; never asked, never
        taken from a file (a stale total in a draft is recomputed)."""
        assert question.compute is not None
        numbers: list[float] = []
        count = 0
        for ref in question.compute.refs:
            found = self.lookup(ref, playbook_id, {})
            for value in _values(found):
                count += 1
                if isinstance(value, int | float) and not isinstance(value, bool):
                    numbers.append(value)
        kind = question.compute.kind
        if kind == "count":
            return count
        if not numbers:
            return None
        result = {"sum": sum(numbers), "min": min(numbers), "max": max(numbers)}[kind]
        return int(result) if float(result).is_integer() else result

    def _item_applies(
        self, question: Question, playbook_id: str, scope: Mapping[str, Any], subject: Subject
    ) -> bool:
        """``for_each.when`` for one item: ``item`` is the item, an earlier iterated answer of
        the playbook its answer for this same item."""
        assert question.for_each is not None
        if question.for_each.when is None:
            return True
        same_item: dict[str, Any] = {}
        for question_id, answer in self.answers.get(playbook_id, {}).items():
            if _is_iterated(answer):
                pair = next((p for p in answer if p["item"] == subject.value), None)
                same_item[question_id] = _ABSENT if pair is None else pair.get("answer")
        item_scope = {**scope, **same_item, ITEM: subject.value}
        return self._holds(question.for_each.when, playbook_id, item_scope)

    def subjects(
        self, question: Question, playbook_id: str, scope: Mapping[str, Any]
    ) -> list[Subject]:
        """The items a ``for_each`` question is asked about, with labels and help."""
        assert question.for_each is not None
        shown = question.for_each.show_details or {}
        colon = message(self.language, "sheet_colon")
        if question.for_each.reference is not None:
            reference = self.library.get(question.for_each.reference, Kind.REFERENCE).playbook
            return [
                Subject(e.id, e.label, e.help, _detail_lines(e, shown, colon))
                for e in reference.entries or []
            ]
        ref = question.for_each.answer or ""
        found = self.lookup(ref, playbook_id, scope)
        if found is _ABSENT or is_empty(found):
            return []
        values = found if isinstance(found, list) else [found]
        source = self.question_for(ref, playbook_id)
        options = {o.value: o for o in self.library.options(source)} if source else {}
        entries = self._entries_behind(source) if shown else {}
        subjects = []
        for value in values:
            option = options.get(value) if isinstance(value, str) else None
            if option is not None:
                entry = entries.get(option.value)
                lines = _detail_lines(entry, shown, colon) if entry else ()
                subjects.append(Subject(value, option.label, option.help, lines))
            else:
                subjects.append(Subject(value, str(value)))
        return subjects

    def _entries_behind(self, source: Question | None) -> dict[str, ReferenceEntry]:
        """The reference entries a ``choices_from: {reference}`` question offers, by id."""
        if source is None or source.choices_from is None or source.choices_from.reference is None:
            return {}
        reference = self.library.get(source.choices_from.reference, Kind.REFERENCE).playbook
        return {entry.id: entry for entry in reference.entries or []}

    def _options(
        self, question: Question, playbook_id: str, scope: Mapping[str, Any]
    ) -> tuple[Option, ...]:
        """A question's choices: its own, a reference list's, or the items of an earlier answer
        (``choices_from: {answer: ...}``), each item both the value stored and its label."""
        source = question.choices_from
        if source is None or source.answer is None:
            return tuple(self.library.options(question))
        found = self.lookup(source.answer, playbook_id, scope)
        items = found if isinstance(found, list) else [] if found is _ABSENT else [found]
        texts: list[str] = []
        for item in items:
            if isinstance(item, Mapping):
                item = item.get(source.field or "", None)
            text = " ".join(str(item).split()) if not is_empty(item) else ""
            if text and text not in texts:
                texts.append(text)
        return tuple(Option.model_construct(value=text, label=text, help=None) for text in texts)

    def question_for(self, ref: str, playbook_id: str) -> Question | None:
        """The question an answer reference points to, when it is a playbook's question."""
        parsed = parse_ref(ref)
        if parsed.source == "account":
            return None
        try:
            book = self.library.get(parsed.playbook_or(playbook_id)).playbook
        except Exception:  # noqa: BLE001 - a missing playbook just means "no labels"
            return None
        return next((q for q in book.questions() if q.id == parsed.question), None)

    # --- references and conditions -------------------------------------------------------------

    def lookup(
        self, ref: str, playbook_id: str, scope: Mapping[str, Any], *, unwrap: bool = True
    ) -> Any:
        """The value an answer reference names, or ``_ABSENT``; a :class:`Known` is unwrapped
        to its value unless ``unwrap`` is false."""
        parsed = parse_ref(ref)
        if parsed.local:
            if parsed.question in scope:
                return scope[parsed.question]
            return self.answers.get(playbook_id, {}).get(parsed.question, _ABSENT)
        if parsed.source != "answers":
            node: Any = self.context.get(parsed.source, _ABSENT)
            if callable(node):  # context that depends on answers (the account typed at a prompt)
                node = node(self.answers)
            for part in parsed.path:
                if not isinstance(node, Mapping) or part not in node:
                    return _ABSENT
                node = node[part]
            return node.value if unwrap and isinstance(node, Known) else node
        return self.answers.get(parsed.path[0], {}).get(parsed.path[1], _ABSENT)

    def _holds(self, condition: Condition, playbook_id: str, scope: Mapping[str, Any]) -> bool:
        if isinstance(condition, AllOf):
            return all(self._holds(c, playbook_id, scope) for c in condition.all)
        if isinstance(condition, AnyOf):
            return any(self._holds(c, playbook_id, scope) for c in condition.any)
        if isinstance(condition, NotOf):
            return not self._holds(condition.not_, playbook_id, scope)
        return self._compare(condition, self.lookup(condition.question, playbook_id, scope))

    @staticmethod
    def _compare(condition: Comparison, value: Any) -> bool:
        present = value is not _ABSENT and not is_empty(value)
        if condition.answered is not None:
            return present == condition.answered
        numeric = condition.numeric
        if numeric is not None:
            return present and _numeric_holds(numeric, value)
        values = value if isinstance(value, list) else [value]
        if condition.equals is not None:
            return present and condition.equals in values
        if condition.in_ is not None:
            return present and any(v in condition.in_ for v in values)
        assert condition.not_in is not None
        return not present or not any(v in condition.not_in for v in values)


def _values(found: Any) -> list[Any]:
    """The items an answer holds, for ``compute``: a list's items, each iterated answer, one
    entry per group entry; nothing when absent or empty."""
    if found is _ABSENT or is_empty(found):
        return []
    if _is_iterated(found):
        return [pair.get("answer") for pair in found if not is_empty(pair.get("answer"))]
    return list(found) if isinstance(found, list) else [found]


def _numeric_holds(test: tuple[str, float], value: Any) -> bool:
    """A numeric test on an answer: only a number (not true/false) is above or below a bound."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    name, bound = test
    return {
        "greater_than": value > bound,
        "less_than": value < bound,
        "at_least": value >= bound,
        "at_most": value <= bound,
    }[name]


def _detail_lines(
    entry: ReferenceEntry, shown: Mapping[str, str], colon: str = ":"
) -> tuple[str, ...]:
    """``label: detail`` for each detail of ``entry`` that ``show_details`` names (in its
    order); a list detail (the questions to ask back) is joined with ``" · "``. ``colon`` is
    the language's (a non-breaking space before it in French)."""
    lines = []
    for name, label in shown.items():
        value = entry.details.get(name)
        if isinstance(value, list):
            value = " · ".join(str(item) for item in value if item)
        if isinstance(value, str) and value.strip():
            lines.append(f"{label}{colon} {' '.join(value.split())}")
    return tuple(lines)


def _is_iterated(value: Any) -> bool:
    """Whether an answer is a ``for_each`` result: ``[{item: …, answer: …}, …]``."""
    return isinstance(value, list) and all(isinstance(p, Mapping) and "item" in p for p in value)


def _brief(item: Any) -> str:
    """An item of a known list or group in a few words: a group entry's values joined."""
    if isinstance(item, Mapping):
        return ", ".join(str(value) for value in item.values() if not is_empty(value))
    return " ".join(str(item).split())


def _item_check(question: Question, already: int) -> Callable[[Any], Answer]:
    """One list item, or several when lines were pasted at once (a list of items then)."""

    def check(raw: Any) -> Answer:
        if is_empty(raw):
            return None
        lines = (
            raw
            if isinstance(raw, list)
            else str(raw).splitlines()
            if isinstance(raw, str)
            else [raw]
        )
        items = [coerce_item(question, line) for line in lines if not is_empty(str(line).strip())]
        if not items:
            return None
        most = question.max_items
        if most is not None and already + len(items) > most:
            raise AnswerValueError("value_too_many", most=most, given=already + len(items))
        return items[0] if len(items) == 1 else items

    return check


def _ignore(value: Any) -> None:
    """A ``keep`` that keeps nothing (a question asked outside a playbook's walk)."""


def _reads_any(question: Question, ids: set[str]) -> bool:
    """Whether the question's condition reads one of these same-playbook answers (bare ids)."""
    return question.when is not None and any(ref in ids for ref in condition_refs(question.when))


class _Absent:
    """Marks "no value at all", distinct from an explicit ``None``."""

    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()
