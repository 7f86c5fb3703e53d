"""One account's timeline: its meetings in order, the phase over time, objectives reached,
objections met, the open next steps, and the give-and-take ledger of commitments."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from salescoach.reports.agenda import current_phase
from salescoach.store.facts import Facts, NextStep, Part

NEEDS: frozenset[Part] = frozenset({"objections", "next_steps", "commitments"})


@dataclass(frozen=True)
class MeetingLine:
    """One meeting of the account, from its prep and its debrief."""

    meeting: str
    date: str
    meeting_type: str | None
    phase_before: str | None
    """The phase the prep placed the project in."""
    phase_after: str | None
    """The phase the debrief placed it in."""
    debriefed: bool
    objectives: int
    reached: int
    partly: int
    not_reached: int
    objections: tuple[str, ...]
    """Objections met: library ids, then the client's own words."""
    given: tuple[str, ...]
    received: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """An account's history and where it stands."""

    account: str
    account_slug: str
    phase: str | None
    meetings: list[MeetingLine] = field(default_factory=list)
    open_next_steps: list[NextStep] = field(default_factory=list)
    given: int = 0
    received: int = 0

    @property
    def balance(self) -> int:
        """Commitments received minus given: below zero, the rep gives more than they get."""
        return self.received - self.given


def timeline(facts: Iterable[Facts]) -> Timeline | None:
    """The timeline of the account whose records these are (``None`` without records).

    Needs :data:`NEEDS`. Records of other accounts must not be mixed in.
    """
    records = sorted(facts, key=lambda item: item.order)
    if not records:
        return None
    preps = {r.meeting: r for r in records if r.kind == "prep"}
    debriefs = {r.meeting: r for r in records if r.kind == "debrief"}
    order = list(dict.fromkeys(r.meeting for r in records))
    lines = [_line(preps.get(meeting), debriefs.get(meeting)) for meeting in order]
    lines.sort(key=lambda line: (line.date, line.meeting))
    latest_debrief = next((r for r in reversed(records) if r.kind == "debrief"), None)
    last = records[-1]
    return Timeline(
        account=last.account_name,
        account_slug=last.account_slug,
        phase=current_phase(records),
        meetings=lines,
        open_next_steps=[step for step in latest_debrief.next_steps if step.status == "open"]
        if latest_debrief
        else [],
        given=sum(len(line.given) for line in lines),
        received=sum(len(line.received) for line in lines),
    )


def _line(prep: Facts | None, debrief: Facts | None) -> MeetingLine:
    main = prep or debrief
    assert main is not None
    results = debrief.results if debrief else ""
    objectives = len(debrief.results if debrief else prep.results if prep else "")
    return MeetingLine(
        meeting=main.meeting,
        date=main.day,
        meeting_type=main.meeting_type,
        phase_before=prep.phase if prep else None,
        phase_after=debrief.phase if debrief else None,
        debriefed=debrief is not None,
        objectives=objectives,
        reached=results.count("r"),
        partly=results.count("p"),
        not_reached=results.count("n"),
        objections=tuple(o.objection for o in debrief.objections) if debrief else (),
        given=tuple(debrief.commitments_given) if debrief else (),
        received=tuple(debrief.commitments_received) if debrief else (),
    )
