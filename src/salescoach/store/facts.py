"""What the reports read of a record: a flat, typed extract of its answers (its *facts*).

The answer ids read here are a contract with the built-in playbooks (``meeting.phase``,
``meeting.objectives``, ``debrief.objectives_result``, ``debrief.next_steps``…). A record edited
by hand may hold anything under them: :func:`facts_of` never raises, it skips what does not fit.

Facts are small on purpose: the derived index (:mod:`salescoach.store.index`) stores them, one
column per field (:data:`SCALAR_FIELDS`, then the :data:`PART_FIELDS`), so a report over 100,000
records reads rows from SQLite instead of parsing YAML. Which parts a report needs is declared
next to it (``NEEDS``), so the index decodes only those.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from salescoach.store.record import Record

Part = Literal["objectives", "objections", "next_steps", "commitments", "calendar", "outcome"]
ALL_PARTS: frozenset[Part] = frozenset(
    {"objectives", "objections", "next_steps", "commitments", "calendar", "outcome"}
)

RESULTS = ("reached", "partly", "not")
"""The values of ``debrief.objectives_result[].answer.result``, best first."""
RESULT_CODES = {"reached": "r", "partly": "p", "not": "n", None: "-"}
"""One letter per objective in :attr:`Facts.results`; ``?`` marks an objective of a prep."""
PLANNED = "?"

LEVELS = ("necessary", "essential", "useful", "superficial")
"""The four levels of information of the discovery funnel, from what every competitor gets to
the "naively superficial" questions few of them ask (``debrief.learned_<level>``)."""
LEVEL_CODES = {level: level[0] for level in LEVELS}
"""One letter per level in :attr:`Facts.funnel`: ``n``, ``e``, ``u``, ``s``."""
_LEVEL_OF_CODE = {code: level for level, code in LEVEL_CODES.items()}


class Objective(NamedTuple):
    """An objective of the meeting; ``result`` is ``None`` in a prep, a :data:`RESULTS` value in a
    debrief (or ``None`` when the rep skipped it)."""

    text: str
    result: str | None


class ObjectionMet(NamedTuple):
    """An objection heard in a meeting: a library id (``in_library``) or the client's words."""

    objection: str
    handling: int | None
    in_library: bool


class NextStep(NamedTuple):
    """A next step agreed in a debrief; ``due`` is ``YYYY-MM-DD`` (the new date if it was
    moved) or ``None`` if unreadable; ``status`` is ``open``, ``done`` or ``dropped``."""

    action: str
    owner: str
    due: str | None
    id: str = ""
    status: str = "open"
    uid: str = ""
    sequence: int = 0


OUTCOMES = ("won", "lost", "ongoing")
"""The values of ``debrief.outcome``: where the deal stands after the meeting."""


class Outcome(NamedTuple):
    """Where a debrief says the deal stands (``debrief.outcome``) and, once won, for what: the
    amount (k€), the margin and the margin aimed at (%), the services signed for."""

    result: str
    amount: float | None = None
    margin: float | None = None
    margin_target: float | None = None
    services: tuple[str, ...] = ()


class Calendar(NamedTuple):
    """What a calendar export needs of a record besides its dates: the language of its labels,
    the meeting's time (``HH:MM`` or ``None``), and a prep's event UID and SEQUENCE."""

    language: str
    time: str | None
    uid: str | None
    sequence: int


@dataclass(slots=True)
class Facts:
    """One record as the reports see it. Parts a loader was not asked for are left empty.

    The parts are sequences: the index hands them over still encoded and decodes each on first
    use, so a report that reads the next steps of one debrief per account decodes only those.
    """

    kind: str
    meeting: str
    account_slug: str
    account_name: str
    meeting_type: str | None
    meeting_date: str | None
    created: str
    updated: str
    phase: str | None
    """``meeting.phase`` in a prep (before the meeting), ``debrief.phase`` in a debrief (after)."""
    funnel: str = ""
    """The :data:`LEVELS` a debrief recorded information at, one letter each (see
    :data:`LEVEL_CODES`; :attr:`levels` spells them out): a string, so the index hands rows to
    the constructor as they come."""
    results: str = ""
    """One letter per objective (always loaded, for counting): ``?`` for each objective a prep
    sets; ``r``, ``p``, ``n`` (reached, partly, not) or ``-`` (unrated) in a debrief."""
    objectives: Sequence[Objective] = ()
    objections: Sequence[ObjectionMet] = ()
    next_steps: Sequence[NextStep] = ()
    commitments_given: Sequence[str] = ()
    commitments_received: Sequence[str] = ()
    calendar: Sequence[Calendar] = ()
    """One item: see :class:`Calendar`."""
    outcome: Sequence[Outcome] = ()
    """A debrief's outcome, one item when the rep gave one: see :class:`Outcome`."""

    @property
    def levels(self) -> tuple[str, ...]:
        """The funnel levels with information, by name, in :data:`LEVELS` order."""
        return levels_of(self.funnel)

    @property
    def day(self) -> str:
        """The meeting date, else the day the record was created: what a timeline sorts by."""
        return self.meeting_date or self.created[:10]

    @property
    def order(self) -> tuple[str, int, str]:
        """Chronological sort key: day, prep before debrief, creation time."""
        return (self.day, 0 if self.kind == "prep" else 1, self.created)


PART_FIELDS: dict[Part, tuple[str, ...]] = {
    "objectives": ("objectives",),
    "objections": ("objections",),
    "next_steps": ("next_steps",),
    "commitments": ("commitments_given", "commitments_received"),
    "calendar": ("calendar",),
    "outcome": ("outcome",),
}
"""The fields that hold each part, loaded only when asked for."""
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Facts))
SCALAR_FIELDS: tuple[str, ...] = tuple(
    name for name in FIELDS if all(name not in names for names in PART_FIELDS.values())
)
"""The fields always loaded: the first ones of :class:`Facts`, so a row of them is its
positional arguments."""
assert FIELDS[: len(SCALAR_FIELDS)] == SCALAR_FIELDS, "the parts must be Facts' last fields"


def facts_of(record: Record) -> Facts:
    """The facts of a record, every part included."""
    common: dict[str, Any] = {
        "kind": record.kind,
        "meeting": record.meeting,
        "account_slug": record.account.slug,
        "account_name": record.account.name,
        "meeting_type": record.meeting_type,
        "meeting_date": record.meeting_date,
        "created": record.created,
        "updated": record.updated,
        "calendar": (
            Calendar(
                record.language,
                record.meeting_time,
                record.event.uid if record.event else None,
                record.event.sequence if record.event else 0,
            ),
        ),
    }
    if record.kind == "debrief":
        space = _mapping(record.answers.get("debrief"))
        rated = tuple(_results(space.get("objectives_result")))
        return Facts(
            **common,
            phase=_phase(space.get("phase")),
            funnel="".join(
                LEVEL_CODES[level] for level in LEVELS if _filled(space.get(f"learned_{level}"))
            ),
            results="".join(RESULT_CODES[objective.result] for objective in rated),
            objectives=rated,
            objections=tuple(_objections(space)),
            next_steps=tuple(_next_steps(record)),
            commitments_given=tuple(_texts(space.get("commitments_given"))),
            commitments_received=tuple(_texts(space.get("commitments_received"))),
            outcome=_outcome(space),
        )
    space = _mapping(record.answers.get("meeting"))
    objectives = _texts(space.get("objectives"))
    return Facts(
        **common,
        phase=_phase(space.get("phase")),
        results=PLANNED * len(objectives),
        objectives=tuple(Objective(text, None) for text in objectives),
    )


def levels_of(funnel: str) -> tuple[str, ...]:
    """The levels a :attr:`Facts.funnel` names, by name, in :data:`LEVELS` order."""
    return tuple(_LEVEL_OF_CODE[code] for code in funnel if code in _LEVEL_OF_CODE)


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, stopping at the calendar's edges (9999-12-31, 0001-01-01) rather
    than raising OverflowError: a next step due on 9999-12-31 or ``agenda --days 3000000``."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def parse_day(value: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` string as a date; ``None`` for anything else."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def by_account(facts: Iterable[Facts]) -> dict[str, list[Facts]]:
    """Facts grouped by account slug, each group in chronological order (:attr:`Facts.order`;
    two records of one kind written at the same time by meeting id, as the index's
    ``records_chronological`` orders them)."""
    groups: dict[str, list[Facts]] = {}
    for item in facts:
        groups.setdefault(item.account_slug, []).append(item)
    for group in groups.values():
        group.sort(key=lambda item: (*item.order, item.meeting))
    return groups


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return value is not None and value is not False


def _phase(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        text = str(value).strip()
        return text or None
    return None


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    texts = (str(item).strip() for item in value if isinstance(item, str | int))
    return [text for text in texts if text]


def _results(value: Any) -> list[Objective]:
    found: list[Objective] = []
    for item in _list(value):
        item = _mapping(item)
        text = item.get("item")
        if not isinstance(text, str) or not text.strip():
            continue
        result = _mapping(item.get("answer")).get("result")
        found.append(Objective(text.strip(), result if result in RESULTS else None))
    return found


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _outcome(space: Mapping[str, Any]) -> tuple[Outcome, ...]:
    result = space.get("outcome")
    if result not in OUTCOMES:
        return ()
    if result != "won":
        return (Outcome(result),)
    return (
        Outcome(
            result,
            _number(space.get("amount")),
            _number(space.get("margin")),
            _number(space.get("margin_target")),
            tuple(dict.fromkeys(_texts(space.get("services")))),
        ),
    )


def _score(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if 1 <= value <= 5 else None


def _objections(space: Mapping[str, Any]) -> list[ObjectionMet]:
    handling: dict[str, int | None] = {}
    for item in _list(space.get("objection_handling")):
        item = _mapping(item)
        if isinstance(item.get("item"), str):
            handling[item["item"]] = _score(item.get("answer"))
    found = [
        ObjectionMet(objection, handling.get(objection), True)
        for objection in dict.fromkeys(_texts(space.get("objections_met")))
    ]
    for item in _list(space.get("new_objections")):
        item = _mapping(item)
        words = item.get("objection")
        if isinstance(words, str) and words.strip():
            found.append(ObjectionMet(words.strip(), _score(item.get("handling")), False))
    return found


def _next_steps(record: Record) -> list[NextStep]:
    from salescoach.store.steps import answered_steps, fresh_ids, states_of, step_uid

    answered = answered_steps(record.answers)
    if not answered:
        return []
    if record.steps:
        states = [
            (state.id, state.status, state.due, state.event.uid, state.event.sequence)
            for state in states_of(record)
        ]
    else:  # no state stored yet: the ids and calendar UIDs states_of would give them, open
        states = [
            (identifier, "open", None, step_uid(record.meeting, identifier), 0)
            for identifier in fresh_ids(record.meeting, answered)
        ]
    found: list[NextStep] = []
    for item, (identifier, status, moved, uid, sequence) in zip(answered, states, strict=True):
        owner = item.get("owner")
        due = moved or item.get("due")
        due_text = due.isoformat() if isinstance(due, dt.date) else due
        found.append(
            NextStep(
                item["action"].strip(),
                owner.strip() if isinstance(owner, str) else "",
                due_text if isinstance(due_text, str) and parse_day(due_text) else None,
                identifier,
                status,
                uid,
                sequence,
            )
        )
    return found
