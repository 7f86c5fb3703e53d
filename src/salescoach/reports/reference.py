"""The reference data reports measure against, read from the playbooks a trainer can override.

``phases`` gives each maturation phase its number and contact cadence (``details.number``,
``details.cadence_days``); ``objections`` is the library's top ten, in the playbook's order;
``meeting-types`` names the meeting types. Nothing here is hard-coded: a team playbook that
changes a cadence changes the agenda.

Reading them means loading the whole playbook library (the model, pydantic, every file): most of
what ``agenda`` or a report took on a big home. :func:`cached_reference` keeps what was read in
the user cache, keyed by the stat of every playbook file on the search path (and of the code
that reads them): a playbook added, removed or edited is read again, validated as before.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.digest import sha256_hex
from salescoach.errors import Location, NotFoundError, PlaybookError, Problem, SalescoachError

if TYPE_CHECKING:
    from salescoach.playbook.library import Library
    from salescoach.playbook.sources import Source

PHASES = "phases"
OBJECTIONS = "objections"
MEETING_TYPES = "meeting-types"
ADDED_VALUE = "added-value"


@dataclass(frozen=True)
class Phase:
    """A maturation phase: its id (``phase-3``), number (3), label and contact cadence.

    ``after_sale`` marks the state of a signed client (``details.after_sale: true``): no longer a
    phase of the project's maturation, so it is never "stuck" and its slower cadence is not the
    one an account of unknown phase gets.
    """

    id: str
    number: int
    label: str
    cadence_days: int
    after_sale: bool = False


@dataclass(frozen=True)
class Reference:
    """Phases (by number), the objection library (in its order) and meeting-type labels."""

    phases: tuple[Phase, ...]
    objections: dict[str, str] = field(default_factory=dict)
    """Objection id → label, in the library's order (its rank is the playbook's top ten)."""
    meeting_types: dict[str, str] = field(default_factory=dict)
    added_value: dict[str, str] = field(default_factory=dict)
    """The stages of the ``added-value`` list (id → label): what the team report measures."""
    choices: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each question's choices (question id → stored value → label), and each reference
    playbook's entries under its own id: what a search snippet shows instead of the ids."""

    def labels_in(self, answers: Any) -> dict[str, str]:
        """Each stored id among one record's answers → its label, by the question that holds
        it (``partly`` is an objective's "partly reached" but needs "partly confirmed"); an id
        no question claims (an iterated item), by the one label the playbooks give it."""
        found: dict[str, str] = {}
        pending: list[tuple[str | None, Any]] = [(None, answers)]
        while pending:
            question, value = pending.pop()
            if isinstance(value, str):
                label = self.choices.get(question or "", {}).get(value) or self._sole.get(value)
                if label is not None:
                    found.setdefault(value, label)
            elif isinstance(value, list):
                pending += [(question, item) for item in value]
            elif isinstance(value, dict):
                for key, sub in value.items():
                    # an iterated answer is {item: the item, answer: this question's answer}
                    pending.append(
                        (question if key == "answer" else None if key == "item" else key, sub)
                    )
        return found

    @functools.cached_property
    def _sole(self) -> dict[str, str]:
        """The ids that have one label, whichever question or list holds them."""
        labels: dict[str, set[str]] = {}
        for choices in self.choices.values():
            for value, label in choices.items():
                labels.setdefault(value, set()).add(label)
        return {value: next(iter(known)) for value, known in labels.items() if len(known) == 1}

    def phase(self, value: str | None) -> Phase | None:
        """The phase a record's answer names: its id (``phase-3``) or its number (``3``)."""
        return None if value is None else self._phase_named.get(value)

    @cached_property
    def _phase_named(self) -> dict[str, Phase]:
        """Each phase by its id and by its number (the first phase that has it: a report asks
        this for each of thousands of records)."""
        named: dict[str, Phase] = {}
        for phase in self.phases:
            for value in (phase.id, str(phase.number)):
                named.setdefault(value, phase)
        return named

    def objection_label(self, objection: str) -> str:
        """The library's label of an objection id; the text itself for the client's own words."""
        return self.objections.get(objection, objection)

    @property
    def slowest_cadence(self) -> int:
        """The longest cadence of the maturation phases: used for an account whose phase is
        unknown."""
        return max((phase.cadence_days for phase in self.phases if not phase.after_sale), default=7)

    @classmethod
    def from_library(cls, library: Library) -> Reference:
        """Read the reference playbooks; PlaybookError (file, field) when ``phases`` lacks a number
        or a cadence, NotFoundError when a reference playbook is missing."""
        from salescoach.playbook.model import Kind

        phases_entry = library.get(PHASES, Kind.REFERENCE)
        phases: list[Phase] = []
        problems: list[Problem] = []
        for index, entry in enumerate(phases_entry.playbook.entries or []):
            number = _whole(entry.details.get("number"))
            cadence = _whole(entry.details.get("cadence_days"))
            for name, value in (("number", number), ("cadence_days", cadence)):
                if value is None or value < 1:
                    problems.append(
                        Problem(
                            Location(phases_entry.path),
                            "must be a whole number of at least 1",
                            field_path=f"entries[{index}].details.{name}",
                            hint=f"phase {entry.id!r}: reports read its {name} from here",
                        )
                    )
            if number is not None and cadence is not None and not problems:
                after_sale = entry.details.get("after_sale") is True
                phases.append(Phase(entry.id, number, entry.label, cadence, after_sale))
        if problems:
            raise PlaybookError(problems)
        objections = library.get(OBJECTIONS, Kind.REFERENCE).playbook.entries or []
        try:
            types = library.get(MEETING_TYPES, Kind.REFERENCE).playbook.entries or []
        except NotFoundError:  # labels only: the ids are shown instead
            types = []
        try:
            stages = library.get(ADDED_VALUE, Kind.REFERENCE).playbook.entries or []
        except NotFoundError:  # labels only: the ids are shown instead
            stages = []
        return cls(
            phases=tuple(sorted(phases, key=lambda phase: phase.number)),
            objections={entry.id: entry.label for entry in objections},
            meeting_types={entry.id: entry.label for entry in types},
            added_value={entry.id: entry.label for entry in stages},
            choices=_choice_labels(library),
        )


def _choice_labels(library: Library) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for entry in library.chosen().values():
        book = entry.playbook
        if book.entries:
            labels.setdefault(book.id, {item.id: item.label for item in book.entries})
        pending = [question for step in book.steps or [] for question in step.questions]
        while pending:
            question = pending.pop()
            pending.extend(question.questions or [])
            with contextlib.suppress(SalescoachError):  # a list gone: its ids are shown
                for option in library.options(question):
                    labels.setdefault(question.id, {}).setdefault(option.value, option.label)
    return labels


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


# --------------------------------------------------------------------------------- the cache

CACHE_DIR = "reference"
_CACHE_FORMAT = 3
_READER_MODULES = ("playbook", "reports")
"""The code whose files' stat is part of the key: a new version that reads playbooks otherwise
never trusts what an older one cached."""


def cached_reference(
    language: str, sources: Sequence[Source], load: Callable[[], Library]
) -> Reference:
    """:meth:`Reference.from_library` of the library ``load`` returns, read from the user cache
    when no playbook file on ``sources`` (nor the code reading them) changed since it was kept.

    Errors are not cached: a broken ``phases`` playbook is reported on every run.
    """
    from salescoach.paths import cache_home

    stamp = _stamp(language, sources)
    if stamp is None:  # a file vanished while being listed: read it all
        return Reference.from_library(load())
    digest = sha256_hex(stamp.encode("utf-8", "surrogatepass"))[:32]
    path = cache_home() / CACHE_DIR / f"{language}-{digest}.json"
    found = _cached(path, stamp)
    if found is not None:
        return found
    reference = Reference.from_library(load())
    _keep(path, stamp, reference)
    return reference


def _stamp(language: str, sources: Sequence[Source]) -> str | None:
    from salescoach.playbook.sources import playbook_files

    package = Path(__file__).resolve().parents[1]
    code = sorted(
        str(path) for module in _READER_MODULES for path in (package / module).glob("*.py")
    )
    try:
        files = [
            [
                source.origin,
                str(source.directory),
                [_stat(path) for path in playbook_files(source.directory)],
            ]
            for source in sources
        ]
        return json.dumps([_CACHE_FORMAT, language, [_stat(Path(p)) for p in code], files])
    except OSError:
        return None


def _stat(path: Path) -> list[Any]:
    status = os.stat(path)  # noqa: PTH116
    return [str(path), status.st_mtime_ns, status.st_size]


def _cached(path: Path, stamp: str) -> Reference | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["stamp"] != stamp:
            return None
        phases = tuple(
            Phase(str(id_), int(number), str(label), int(cadence), bool(after_sale))
            for id_, number, label, cadence, after_sale in data["phases"]
        )
        objections = {str(key): str(value) for key, value in data["objections"].items()}
        types = {str(key): str(value) for key, value in data["meeting_types"].items()}
        stages = {str(key): str(value) for key, value in data["added_value"].items()}
        choices = {
            str(question): {str(key): str(label) for key, label in values.items()}
            for question, values in data["choices"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, damaged or of another shape: read the playbooks again
    return Reference(phases, objections, types, stages, choices)


def _keep(path: Path, stamp: str, reference: Reference) -> None:
    from salescoach.store.atomic import atomic_write, private_dir

    data = {
        "stamp": stamp,
        "phases": [list(astuple(phase)) for phase in reference.phases],
        "objections": reference.objections,
        "meeting_types": reference.meeting_types,
        "added_value": reference.added_value,
        "choices": reference.choices,
    }
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        private_dir(path.parent)
        atomic_write(path, json.dumps(data, ensure_ascii=False))
