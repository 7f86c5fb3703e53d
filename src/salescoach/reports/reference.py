"""The reference data reports measure against, read from the playbooks a trainer can override.

``phases`` gives each maturation phase its number and contact cadence (``details.number``,
``details.cadence_days``); ``objections`` is the library's top ten, in the playbook's order;
``meeting-types`` names the meeting types. Nothing here is hard-coded: a team playbook that
changes a cadence changes the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from salescoach.errors import Location, NotFoundError, PlaybookError, Problem

if TYPE_CHECKING:
    from salescoach.playbook.library import Library

PHASES = "phases"
OBJECTIONS = "objections"
MEETING_TYPES = "meeting-types"


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

    def phase(self, value: str | None) -> Phase | None:
        """The phase a record's answer names: its id (``phase-3``) or its number (``3``)."""
        if value is None:
            return None
        for phase in self.phases:
            if value in (phase.id, str(phase.number)):
                return phase
        return None

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
        return cls(
            phases=tuple(sorted(phases, key=lambda phase: phase.number)),
            objections={entry.id: entry.label for entry in objections},
            meeting_types={entry.id: entry.label for entry in types},
        )


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None
