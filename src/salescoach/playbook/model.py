"""The playbook language: what a trainer may write in a playbook YAML file.

Every model forbids unknown fields, so a typo (``promt:``) is an error with its location rather
than a silently ignored key. Conditions are data (``when: {question: meeting.type, in: [...]}``),
never code: nothing here evaluates a string.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    field_validator,
    model_validator,
)

IDENTIFIER = r"^[a-z][a-z0-9_-]*$"
"""Playbook, step, question and option ids: lower case, digits, ``_`` and ``-``; no dots."""

ANSWER_REF = r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$"
"""A reference to an answer: ``type`` (same playbook), ``meeting.type``, ``prep.opa.objectives``."""

Identifier = Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]
AnswerRef = Annotated[str, Field(pattern=ANSWER_REF, max_length=200)]
Scalar = str | int | float | bool


class Strict(BaseModel):
    """Base of every playbook model: unknown fields are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Kind(StrEnum):
    """What a playbook is: a questionnaire for a prep or a debrief, data, an ordered flow, or
    practice cards (``salescoach drill``)."""

    PREP = "prep"
    DEBRIEF = "debrief"
    REFERENCE = "reference"
    FLOW = "flow"
    CARDS = "cards"


class Depth(StrEnum):
    """How much of the method a session walks: ``quick`` ⊂ ``standard`` ⊂ ``full``.

    A step or a question says from which depth on it is asked (``depth: full``: asked in full
    sessions only; ``depth: quick``: in every session). Without ``depth`` a question takes its
    step's, the step its playbook's, and a playbook that says nothing is ``standard``: asked in
    everyday (standard) and full sessions. ``quick`` is the trainer's chosen essentials.
    """

    QUICK = "quick"
    STANDARD = "standard"
    FULL = "full"

    @property
    def rank(self) -> int:
        """0 for quick, 1 for standard, 2 for full: deeper is greater."""
        return list(Depth).index(self)


DEPTH_HELP = (
    "From which depth on this is asked: quick (every session), standard (standard and full) "
    "or full (full only). Without it: the enclosing step's, then the playbook's, else standard."
)


MAX_SCALE_STEPS = 100
"""A scale is a row of points to pick from (1 to 5, 0 to 10): more than this is a number."""


class QuestionType(StrEnum):
    """The answer types a question can ask for."""

    TEXT = "text"
    PARAGRAPH = "paragraph"
    CHOICE = "choice"
    CHOICES = "choices"
    YESNO = "yesno"
    NUMBER = "number"
    SCALE = "scale"
    DATE = "date"
    TIME = "time"
    LIST = "list"
    GROUP = "group"


# --- conditions -------------------------------------------------------------------------------


Number = StrictInt | StrictFloat
"""A number written in a condition: ``3``, ``2.5`` (``true`` is no number)."""

NUMERIC_TESTS = ("greater_than", "less_than", "at_least", "at_most")
"""The tests that compare a number or a scale answer with a bound."""


class Comparison(Strict):
    """A test on one answer. Exactly one of ``equals``, ``in``, ``not_in``, ``answered``,
    ``greater_than``, ``less_than``, ``at_least``, ``at_most``.

    For a ``choices`` or ``list`` answer, ``equals`` and ``in`` hold when any selected value
    matches, ``not_in`` when none does. The numeric tests hold only for an answered number or
    scale: an empty answer is neither above nor below anything.
    """

    question: AnswerRef = Field(description="The answer tested: `type`, `meeting.type`, `prep.x.y`")
    equals: Scalar | None = Field(default=None, description="Holds when the answer equals this.")
    in_: list[Scalar] | None = Field(
        default=None, alias="in", description="Holds when the answer is one of these."
    )
    not_in: list[Scalar] | None = Field(
        default=None, description="Holds when the answer is none of these (or unanswered)."
    )
    answered: StrictBool | None = Field(
        default=None, description="true: holds when answered; false: when left empty."
    )
    greater_than: Number | None = Field(
        default=None, description="Holds when the number or scale answer is above this."
    )
    less_than: Number | None = Field(
        default=None, description="Holds when the number or scale answer is below this."
    )
    at_least: Number | None = Field(
        default=None, description="Holds when the number or scale answer is this or more."
    )
    at_most: Number | None = Field(
        default=None, description="Holds when the number or scale answer is this or less."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _exactly_one_test(self) -> Comparison:
        given = [name for name, _ in self.tests()]
        if len(given) != 1:
            raise ValueError(
                "a condition needs exactly one of equals, in, not_in, answered, "
                + ", ".join(NUMERIC_TESTS)
                + (f" (found {', '.join(given)})" if given else "")
            )
        return self

    def tests(self) -> list[tuple[str, Any]]:
        """The tests given, as ``(field name in the file, value)``."""
        return [
            (name, value)
            for name, value in (
                ("equals", self.equals),
                ("in", self.in_),
                ("not_in", self.not_in),
                ("answered", self.answered),
                *((name, getattr(self, name)) for name in NUMERIC_TESTS),
            )
            if value is not None
        ]

    @property
    def numeric(self) -> tuple[str, float] | None:
        """The numeric test and its bound, when the comparison is one."""
        for name in NUMERIC_TESTS:
            bound = getattr(self, name)
            if bound is not None:
                return name, float(bound)
        return None


class AllOf(Strict):
    """Holds when every condition in the list holds."""

    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    """Holds when at least one condition in the list holds."""

    any: list[Condition] = Field(min_length=1)


class NotOf(Strict):
    """Holds when the inner condition does not."""

    not_: Condition = Field(alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


def _condition_kind(value: Any) -> str:
    """Pick the condition model by its key, so errors name one model, not all four."""
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "compare"
    for key in ("all", "any", "not"):
        if hasattr(value, key if key != "not" else "not_"):
            return key
    return "compare"


Condition = Annotated[
    Annotated[Comparison, Tag("compare")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")],
    Discriminator(_condition_kind),
]


# --- questions --------------------------------------------------------------------------------


class Option(Strict):
    """One choice a rep can pick: a stable ``value`` stored in answers, a ``label`` shown."""

    value: Identifier
    label: str = Field(min_length=1)
    help: str | None = None


class ChoicesFrom(Strict):
    """Take a question's options from a reference playbook's entries (their id and label), or
    from an earlier answer: the items of a list or choices answer, or one sub-answer of each
    entry of a group (``field``: the contacts met, by ``name``)."""

    reference: Identifier | None = Field(default=None, description="Id of a `reference` playbook.")
    answer: AnswerRef | None = Field(
        default=None,
        description="An earlier answer whose items are offered, e.g. `meeting.objectives`.",
    )
    field: Identifier | None = Field(
        default=None,
        description="With `answer` naming a group: the sub-answer that names each entry.",
    )
    label_from: Identifier | None = Field(
        default=None,
        description="With `reference`: the entry detail shown as each option's label instead "
        "of the entry's label (a behaviour's `habit`, to pick the habits to watch).",
    )
    help_from: Identifier | None = Field(
        default=None,
        description="With `reference`: the entry detail shown as each option's help (what "
        "mastering a behaviour brings: its `benefit`).",
    )

    @model_validator(mode="after")
    def _exactly_one_source(self) -> ChoicesFrom:
        if (self.answer is None) == (self.reference is None):
            raise ValueError("choices_from needs exactly one of reference, answer")
        if self.field is not None and self.answer is None:
            raise ValueError("choices_from.field applies with `answer` (a group's entries)")
        if (self.label_from or self.help_from) and self.reference is None:
            raise ValueError("choices_from.label_from and help_from apply with `reference`")
        return self


class ForEach(Strict):
    """Ask a question once per item: of an earlier answer (a list or choices) or a reference list.

    The answer becomes a list of ``{item: <item>, answer: <the answer for that item>}``.
    """

    answer: AnswerRef | None = Field(
        default=None, description="An earlier answer whose items are iterated."
    )
    reference: Identifier | None = Field(
        default=None, description="A reference playbook whose entries are iterated."
    )
    when: Condition | None = Field(
        default=None,
        description="Ask only for the items where this holds: `item` is the item itself, an "
        "earlier iterated question's id its answer for the same item.",
    )
    show_details: dict[Identifier, Annotated[str, Field(min_length=1, max_length=40)]] | None = (
        Field(
            default=None,
            description="For items that are entries of a reference list: the entry details "
            "shown with each item's prompt, detail id → the label before it (the library's "
            "`response` of an objection while the rep rehearses it).",
        )
    )

    @model_validator(mode="after")
    def _exactly_one_source(self) -> ForEach:
        if (self.answer is None) == (self.reference is None):
            raise ValueError("for_each needs exactly one of answer, reference")
        return self


# --- the prep sheet ---------------------------------------------------------------------------


class SheetForm(StrEnum):
    """How an answer is written on the sheet."""

    LINE = "line"
    INLINE = "inline"
    SAY = "say"
    ITEMS = "items"
    NUMBERED = "numbered"


class SheetPlace(Strict):
    """Where a question's answer goes on the one-page prep sheet, and how it reads there.

    A question without ``sheet`` stays in the record under "Details". On a group's sub-question
    only ``label`` applies: the short name its part carries inside the group's line.
    """

    section: Identifier | None = Field(
        default=None, description="The id of the sheet section the answer goes in."
    )
    group: Identifier | None = Field(
        default=None, description="A group of that section, e.g. a level of information."
    )
    label: str | None = Field(
        default=None, min_length=1, max_length=40, description="Short label before the answer."
    )
    form: SheetForm = Field(
        default=SheetForm.LINE,
        description="line: one line; inline: shares one line with the section's other inline "
        "answers; say: a sentence to say, quoted; items: one line per item; numbered: the same, "
        "numbered.",
    )
    limit: int | None = Field(
        default=None, ge=1, description="Show at most this many items of the answer."
    )
    detail: Identifier | None = Field(
        default=None,
        description="For answers picked from a reference list: the entry detail shown beside "
        "each pick (e.g. `reply` of an objection).",
    )


class SheetGroup(Strict):
    """A titled part of a sheet section (a level of information under "Questions to ask")."""

    id: Identifier
    heading: str = Field(min_length=1, max_length=80)
    limit: int | None = Field(
        default=None, ge=1, description="At most this many lines in the group (a few per level)."
    )


class SheetSection(Strict):
    """A section of the prep sheet, declared by a flow (the layout) or by a prep playbook.

    Sections appear in the order declared: a flow's first, then those of its playbooks, each
    placed ``after`` the section it names, else at the end.
    """

    id: Identifier
    heading: str | None = Field(
        default=None,
        max_length=80,
        description="The section's heading; none for the lines under the sheet's title.",
    )
    box: StrictBool = Field(default=False, description="Draw the section in a frame.")
    after: Identifier | None = Field(
        default=None, description="In a prep playbook: the section this one follows."
    )
    limit: int | None = Field(
        default=None, ge=1, description="At most this many lines in the section."
    )
    groups: list[SheetGroup] | None = None


COMPUTE_KINDS = ("sum", "min", "max", "count")
"""What a computed answer can be, over earlier answers: their total, lowest, highest, number."""


class Compute(Strict):
    """A value computed from earlier answers, never asked: exactly one of ``sum``, ``min``,
    ``max`` (over numbers and scales, each item of an iterated answer counted) or ``count``
    (how many items the answers hold). Data, not an expression: nothing is evaluated."""

    sum: list[AnswerRef] | None = Field(default=None, min_length=1, description="The total.")
    min: list[AnswerRef] | None = Field(default=None, min_length=1, description="The lowest.")
    max: list[AnswerRef] | None = Field(default=None, min_length=1, description="The highest.")
    count: list[AnswerRef] | None = Field(
        default=None, min_length=1, description="How many items (list entries, picks) in all."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Compute:
        if len([kind for kind in COMPUTE_KINDS if getattr(self, kind) is not None]) != 1:
            raise ValueError("compute needs exactly one of " + ", ".join(COMPUTE_KINDS))
        return self

    @property
    def kind(self) -> str:
        """``sum``, ``min``, ``max`` or ``count``."""
        return next(kind for kind in COMPUTE_KINDS if getattr(self, kind) is not None)

    @property
    def refs(self) -> list[str]:
        """The answers it is computed from."""
        refs: list[str] = getattr(self, self.kind)
        return refs


class Implied(Strict):
    """An answer that follows from an earlier one: while ``when`` holds the question is not
    asked and its answer is ``value`` (a deal marked won puts the project in the client phase)."""

    when: Condition = Field(description="The earlier answers from which the value follows.")
    value: Any = Field(description="The answer, of the question's type.")


class ExampleCase(Strict):
    """An example that fits some sessions better than the question's own: the first case whose
    condition holds gives the example (a negotiation's objectives, not a discovery's)."""

    when: Condition = Field(description="When this example fits, e.g. a `meeting.type`.")
    example: Any = Field(default=None, description="The example answer, of the question's type.")
    examples: list[Any] | None = Field(
        default=None,
        min_length=1,
        description="For a question asked per item: one example per item, instead of `example`.",
    )

    @model_validator(mode="after")
    def _one_example(self) -> ExampleCase:
        if (self.example is None) == (self.examples is None):
            raise ValueError("an example case needs exactly one of example, examples")
        return self


class Definition(Strict):
    """A reusable shape of answer, named under ``define:`` and taken by ``use:``: a scale with
    its labels, a set of options. A question's own fields win over its definition's."""

    options: list[Option] | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    labels: dict[int, str] | None = Field(
        default=None, description="Scale labels by value, e.g. {1: poor, 5: excellent}."
    )
    min_items: int | None = Field(default=None, ge=0)
    max_items: int | None = Field(default=None, ge=1)
    max_length: int | None = Field(default=None, ge=1)


class Question(Strict):
    """One thing asked of the rep. ``type`` says which fields apply; the loader checks the rest."""

    id: Identifier
    type: QuestionType
    use: Identifier | None = Field(
        default=None,
        description="A definition of this playbook (`define:`) whose fields the question takes.",
    )
    prompt: str = Field(min_length=1, description="What the rep is asked, as a short question.")
    help: str | None = Field(default=None, description="Shown under the prompt: the advice.")
    required: StrictBool = False
    default: Any = Field(default=None, description="Pre-filled answer, of the question's type.")
    default_from: AnswerRef | None = Field(
        default=None,
        description="Pre-fill from context or an earlier answer, e.g. `account.phase`.",
    )
    example: Any = Field(
        default=None, description="A realistic answer, used by --example-answers and previews."
    )
    examples: list[Any] | None = Field(
        default=None,
        min_length=1,
        description="For a `for_each` question, or a sub-question of an iterated group: one "
        "realistic answer per item, in order (the last serves the items beyond); instead of "
        "`example`.",
    )
    example_cases: list[ExampleCase] | None = Field(
        default=None,
        min_length=1,
        max_length=12,
        description="Examples that fit some sessions better, each with its condition, e.g. "
        "by `meeting.type`; the first that holds wins over `example`.",
    )
    implied: Implied | None = Field(
        default=None,
        description="Not asked while its condition holds: the answer is its value instead.",
    )
    when: Condition | None = Field(default=None, description="Ask only when this holds.")
    depth: Depth | None = Field(default=None, description=DEPTH_HELP)
    show: list[AnswerRef] = Field(
        default_factory=list,
        max_length=12,
        description="Earlier answers (or the prep's) shown with the prompt, e.g. "
        "`prep.mesore.walk_away`; for an iterated question, the answer for the same item.",
    )
    for_each: ForEach | None = None
    # choice / choices
    options: list[Option] | None = None
    choices_from: ChoicesFrom | None = None
    # number / scale
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    labels: dict[int, str] | None = Field(
        default=None, description="Scale labels by value, e.g. {1: poor, 5: excellent}."
    )
    # list / group / choices
    min_items: int | None = Field(default=None, ge=0)
    max_items: int | None = Field(default=None, ge=1)
    # text / paragraph / list items
    max_length: int | None = Field(default=None, ge=1)
    # group
    questions: list[Question] | None = None
    # tags for rendering and reports, e.g. a funnel level
    tags: list[Identifier] = Field(default_factory=list)
    sheet: SheetPlace | None = Field(
        default=None, description="Show the answer on the one-page prep sheet, and how."
    )
    compute: Compute | None = Field(
        default=None,
        description="Never asked: the answer is computed from earlier answers (a number "
        "question), e.g. {sum: [budget, authority, need, timing]}.",
    )

    @model_validator(mode="after")
    def _fields_fit_type(self) -> Question:
        kind = self.type
        if self.compute is not None:
            self._fits_compute()
        choice_kinds = {QuestionType.CHOICE, QuestionType.CHOICES}
        if kind in choice_kinds:
            if (self.options is None) == (self.choices_from is None):
                raise ValueError(f"a {kind} question needs exactly one of options, choices_from")
        elif self.options is not None or self.choices_from is not None:
            raise ValueError(f"options and choices_from apply to choice and choices, not {kind}")
        if kind == QuestionType.GROUP:
            if not self.questions:
                raise ValueError("a group question needs a non-empty questions list")
        elif self.questions is not None:
            raise ValueError(f"questions (sub-questions) apply to group, not {kind}")
        if self.labels is not None and kind != QuestionType.SCALE:
            raise ValueError(f"labels apply to scale, not {kind}")
        if kind == QuestionType.SCALE and (self.min is None or self.max is None):
            raise ValueError("a scale question needs min and max")
        numeric = {QuestionType.NUMBER, QuestionType.SCALE}
        if (self.min is not None or self.max is not None or self.unit) and kind not in numeric:
            raise ValueError(f"min, max and unit apply to number and scale, not {kind}")
        for bound in (self.min, self.max):
            if bound is not None and not math.isfinite(bound):
                raise ValueError(f"min and max must be finite numbers, not {bound}")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        if (
            kind == QuestionType.SCALE
            and self.min is not None
            and self.max is not None
            and self.max - self.min > MAX_SCALE_STEPS
        ):
            raise ValueError(
                f"a scale spans at most {MAX_SCALE_STEPS} steps (here {self.min:g} to "
                f"{self.max:g}); use a number question for a wider range"
            )
        counted = {QuestionType.LIST, QuestionType.GROUP, QuestionType.CHOICES}
        if (self.min_items is not None or self.max_items is not None) and kind not in counted:
            raise ValueError(f"min_items/max_items apply to list, group and choices, not {kind}")
        if self.default is not None and self.default_from is not None:
            raise ValueError("give default or default_from, not both")
        if self.examples is not None and self.example is not None:
            raise ValueError("give example or examples (one per item), not both")
        if self.implied is not None and (self.for_each is not None or kind == QuestionType.GROUP):
            raise ValueError("implied applies to a single answer, not to a group or an iteration")
        if self.sheet is not None:
            self._sheet_fits_type(self.sheet)
        return self

    def _fits_compute(self) -> None:
        if self.type != QuestionType.NUMBER:
            raise ValueError(f"a computed answer is a number question, not {self.type}")
        asked = [
            name
            for name, value in (
                ("required", self.required or None),
                ("default", self.default),
                ("default_from", self.default_from),
                ("example", self.example),
                ("examples", self.examples),
                ("example_cases", self.example_cases),
                ("implied", self.implied),
                ("for_each", self.for_each),
            )
            if value is not None
        ]
        if asked:
            raise ValueError(f"a computed answer is never asked: remove {', '.join(asked)}")

    def example_for(self, index: int) -> Any:
        """The example answer for the item at ``index`` of an iteration (or the one example)."""
        if self.examples:
            return self.examples[min(index, len(self.examples) - 1)]
        return self.example

    def _sheet_fits_type(self, place: SheetPlace) -> None:
        if place.limit is not None and not (self.repeated or self.type == QuestionType.CHOICES):
            raise ValueError(f"sheet.limit applies to answers with items, not to a {self.type}")
        picks = {QuestionType.CHOICE, QuestionType.CHOICES}
        if place.detail is not None and (
            self.type not in picks
            or self.choices_from is None
            or self.choices_from.reference is None
        ):
            raise ValueError(
                "sheet.detail applies to a choice or choices question picked from a reference list"
            )

    @property
    def repeated(self) -> bool:
        """Whether the answer is a list built item by item (list, group, or any ``for_each``)."""
        return self.for_each is not None or self.type in (QuestionType.LIST, QuestionType.GROUP)


class Step(Strict):
    """A titled part of a playbook: guidance read by the rep, then its questions."""

    id: Identifier | None = None
    title: str = Field(min_length=1)
    guidance: str | None = Field(default=None, description="Shown before the questions.")
    when: Condition | None = Field(default=None, description="Show the step only when this holds.")
    depth: Depth | None = Field(default=None, description=DEPTH_HELP)
    questions: list[Question] = Field(default_factory=list)


class ReferenceEntry(Strict):
    """One entry of a reference list: an objection, a maturation phase, a meeting type.

    ``details`` holds the entry's own data (a response, signals, a cadence in days), free-form
    so a trainer can add reference lists the tool does not know about.
    """

    id: Identifier
    label: str = Field(min_length=1)
    help: str | None = Field(default=None, description="Shown when offered or iterated.")
    details: dict[str, Scalar | list[str] | None] = Field(default_factory=dict)


class CardTopic(StrEnum):
    """What a practice card is about: the company knowledge a rep must have ready."""

    STRENGTH = "strength"
    WEAKNESS = "weakness"
    REFERENCE = "reference"
    SUCCESS_STORY = "success-story"
    OTHER = "other"


class Card(Strict):
    """One practice card a trainer writes: a question, the answer the team expects, its proof.

    ``salescoach drill`` asks the prompt, lets the rep answer in their own words, then shows the
    answer, the questions to ask back and the proof, and schedules the card again.
    """

    id: Identifier = Field(description="Stable: the rep's practice schedule is kept under it.")
    topic: CardTopic = Field(description="strength, weakness, reference, success-story or other.")
    prompt: str = Field(min_length=1, description="What the rep is asked, as a client would.")
    help: str | None = Field(default=None, description="A hint shown with the prompt.")
    against: str | None = Field(
        default=None, description="The competitor the card compares the offer with."
    )
    answer: str = Field(min_length=1, description="The answer the team expects, in substance.")
    questions_back: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list, description="Questions to ask the client back."
    )
    proof: str | None = Field(default=None, description="The proof to bring: a story, a figure.")


class FlowItem(Strict):
    """One playbook in a flow, included only when its condition holds."""

    playbook: Identifier
    when: Condition | None = None


class FlowInsert(FlowItem):
    """A playbook an extending flow adds to its base flow, before or after one of its items."""

    after: Identifier | None = Field(
        default=None, description="The playbook of the base flow this one comes after."
    )
    before: Identifier | None = Field(
        default=None, description="The playbook of the base flow this one comes before."
    )

    @model_validator(mode="after")
    def _exactly_one_place(self) -> FlowInsert:
        if (self.after is None) == (self.before is None):
            raise ValueError("an inserted playbook needs exactly one of after, before")
        return self


class Playbook(Strict):
    """One playbook file: metadata, then steps (prep/debrief), entries (reference), a flow, or
    cards."""

    id: Identifier
    kind: Kind
    title: str = Field(min_length=1)
    language: str = Field(pattern=r"^[a-z]{2}$", description="Two-letter code: en, fr.")
    version: int | str = Field(description="Bump it when questions change; records keep it.")
    summary: str | None = None
    source: str | None = Field(default=None, description="Where the method comes from.")
    record: Literal["prep", "debrief"] | None = Field(
        default=None, description="For a flow: which record it produces."
    )
    fallback: StrictBool = Field(
        default=False,
        description="true: this version also serves reps of the languages it has no version "
        "in, on purpose (lint warns about a playbook in one language only unless it says so).",
    )
    depth: Depth | None = Field(
        default=None,
        description="For a prep or a debrief: the depth of steps and questions that say none "
        "(default standard).",
    )
    define: dict[Identifier, Definition] | None = Field(
        default=None,
        description="For a prep or a debrief: scales and option sets named once, taken by "
        "questions with `use: NAME`.",
    )
    steps: list[Step] | None = None
    entries: list[ReferenceEntry] | None = None
    flow: list[FlowItem] | None = None
    extends: Identifier | None = Field(
        default=None,
        description="For a flow: the flow it starts from (e.g. `prep-flow`); `insert` and "
        "`drop` then change it instead of copying it.",
    )
    insert: list[FlowInsert] | None = Field(
        default=None, description="With `extends`: playbooks added before or after an item."
    )
    drop: list[Identifier] | None = Field(
        default=None, description="With `extends`: playbooks of the base flow left out."
    )
    sheet: list[SheetSection] | None = Field(
        default=None,
        description="For a flow or a prep playbook: the prep sheet's sections, in order.",
    )
    cards: list[Card] | None = None

    @field_validator("version")
    @classmethod
    def _version_not_empty(cls, value: int | str) -> int | str:
        if isinstance(value, str) and not value.strip():
            raise ValueError("version must not be empty")
        return value

    @model_validator(mode="after")
    def _body_fits_kind(self) -> Playbook:
        bodies = {
            "steps": self.steps,
            "entries": self.entries,
            "flow": self.flow,
            "cards": self.cards,
        }
        wanted = {
            Kind.PREP: "steps",
            Kind.DEBRIEF: "steps",
            Kind.REFERENCE: "entries",
            Kind.FLOW: "flow",
            Kind.CARDS: "cards",
        }[self.kind]
        extension = {"extends": self.extends, "insert": self.insert, "drop": self.drop}
        if self.kind != Kind.FLOW and any(v is not None for v in extension.values()):
            raise ValueError("`extends`, `insert` and `drop` apply to flows only")
        if self.extends is None and (self.insert is not None or self.drop is not None):
            raise ValueError("`insert` and `drop` change a base flow: name it with `extends`")
        if self.extends is not None:
            if self.flow is not None:
                raise ValueError(
                    "a flow that `extends` another changes it with `insert` and `drop`; "
                    "it has no `flow` list of its own"
                )
            bodies.pop("flow")
        elif not bodies[wanted]:
            raise ValueError(f"a {self.kind} playbook needs a non-empty `{wanted}` list")
        extra = [name for name, body in bodies.items() if body is not None and name != wanted]
        if extra:
            raise ValueError(f"a {self.kind} playbook has `{wanted}`, not {', '.join(extra)}")
        if self.kind == Kind.FLOW and self.record is None and self.extends is None:
            raise ValueError("a flow needs `record: prep` or `record: debrief`")
        if self.kind != Kind.FLOW and self.record is not None:
            raise ValueError("`record` applies to flows only")
        if self.sheet is not None:
            self._sheet_fits_kind(self.sheet)
        if self.kind not in (Kind.PREP, Kind.DEBRIEF) and self.depth is not None:
            raise ValueError("`depth` applies to prep and debrief playbooks only")
        if self.kind not in (Kind.PREP, Kind.DEBRIEF) and self.define is not None:
            raise ValueError("`define` applies to prep and debrief playbooks only")
        return self

    def _sheet_fits_kind(self, sections: list[SheetSection]) -> None:
        if self.kind == Kind.PREP:
            return
        if self.kind != Kind.FLOW or self.record != "prep":
            raise ValueError("`sheet` sections belong to a prep playbook or a prep flow")
        placed = [section.id for section in sections if section.after is not None]
        if placed:
            raise ValueError(
                f"a flow lays the sheet out in order: `after` applies to a prep playbook's "
                f"sections (found on {', '.join(placed)})"
            )

    def questions(self) -> list[Question]:
        """Every top-level question of the playbook, in order, across steps."""
        return [question for step in self.steps or [] for question in step.questions]

    def step_depth(self, step: Step) -> Depth:
        """The depth a step's questions take when they say none."""
        return step.depth or self.depth or Depth.STANDARD

    def entry(self, entry_id: str) -> ReferenceEntry | None:
        """The reference entry with this id, if any."""
        return next((e for e in self.entries or [] if e.id == entry_id), None)
