"""The pipeline by maturation phase, the time projects spend in each phase, accounts stuck.

An account's phase is observed at each record: the prep's ``meeting.phase`` (where the project
stood going in) and the debrief's ``debrief.phase`` (where it stands after). A *stay* runs from
the first observation of a phase to the first observation of another; the current stay runs to
today. Records dated after today are not observations yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from salescoach.reports.reference import Reference
from salescoach.store.facts import Facts, Part, by_account, parse_day

NEEDS: frozenset[Part] = frozenset()
STUCK_AFTER_DAYS = 90


class Stay(NamedTuple):
    """A time an account spent in one phase; ``left`` is ``None`` for the current one (a named
    tuple: the phases report makes one per phase change of the home)."""

    phase: str
    entered: dt.date
    left: dt.date | None
    days: int


@dataclass(frozen=True)
class PhaseRow:
    """One phase of the pipeline."""

    phase: str
    number: int | None
    label: str
    accounts: int
    """Accounts in this phase now."""
    share: float
    """Their share of the accounts whose phase is known."""
    average_days: float | None
    """Average length of the stays that ended (``None`` if none has)."""
    stays: int
    """How many stays ended, the sample behind ``average_days``."""
    stuck: int


@dataclass(frozen=True)
class StuckAccount:
    """An account in the same phase for longer than the threshold."""

    account: str
    account_slug: str
    phase: str
    since: str
    days: int


@dataclass(frozen=True)
class PhasesReport:
    """The pipeline (reference phases in order, then unknown values), and stuck accounts."""

    accounts: int
    unknown: int
    """Accounts without any phase recorded."""
    stuck_after: int
    rows: list[PhaseRow] = field(default_factory=list)
    stuck: list[StuckAccount] = field(default_factory=list)
    advances: int = 0
    setbacks: int = 0


class Observed(Protocol):
    """What a stay is computed from: a record's phase, its day and its creation time (the
    record's :class:`Facts`; the index's observations go through :func:`indexed_stays`)."""

    @property
    def phase(self) -> str | None: ...

    @property
    def day(self) -> str: ...

    @property
    def created(self) -> str: ...


def stays(
    records: Iterable[Observed],
    reference: Reference,
    today: dt.date,
    seen: Seen | None = None,
) -> list[Stay]:
    """One account's stays in each phase, from its records in chronological order (``seen``:
    the days and phases already worked out, shared by the accounts of one report)."""
    seen = seen or Seen(reference, today)
    found: list[Stay] = []
    current: str | None = None
    entered = today
    for record in records:
        value = record.phase
        if value is None:
            continue
        day = seen.as_of(record)
        if day is None:
            continue
        phase = seen.phase_id(value)
        if phase == current:
            continue
        if current is not None:
            found.append(Stay(current, entered, day, (day - entered).days))
        current, entered = phase, day
    if current is not None:
        found.append(Stay(current, entered, None, (today - entered).days))
    return found


def indexed_stays(
    rows: Iterable[tuple[str, str, str, str | None]], reference: Reference, today: dt.date
) -> dict[str, list[Stay]]:
    """Each account's :func:`stays`, from the rows :meth:`Index.phase_observations` gives
    (slug, day, created, phase; by account, each in chronological order), in one pass over
    them: the same stays as :func:`stays` of each account's observations, without an object
    per observation (the phases and team reports read tens of thousands)."""
    seen = Seen(reference, today)
    found: dict[str, list[Stay]] = {}
    account: str | None = None
    account_stays: list[Stay] = []
    current: str | None = None
    entered = today
    for slug, day_text, created, value in rows:
        if slug != account:
            if current is not None:
                account_stays.append(Stay(current, entered, None, (today - entered).days))
            account, current, entered = slug, None, today
            account_stays = found[slug] = []
        if value is None:
            continue
        day = seen.day_of(day_text, created)
        if day is None:
            continue
        phase = seen.phase_id(value)
        if phase == current:
            continue
        if current is not None:
            account_stays.append(Stay(current, entered, day, (day - entered).days))
        current, entered = phase, day
    if current is not None:
        account_stays.append(Stay(current, entered, None, (today - entered).days))
    return found


class Seen:
    """What :func:`stays` works out for each record, kept for the next record that has the
    same: the day a record's day (and creation day) place it on, a phase's id. The phases
    report asks it of every observation of the home (tens of thousands, over a few thousand
    days)."""

    def __init__(self, reference: Reference, today: dt.date) -> None:
        self.reference = reference
        self.today = today
        self._days: dict[str, dt.date | None] = {}
        self._ids: dict[str, str] = {}

    def as_of(self, record: Observed) -> dt.date | None:
        """:func:`_as_of` of ``record``."""
        return self.day_of(record.day, record.created)

    def day_of(self, day_text: str, created: str) -> dt.date | None:
        """:func:`_as_of` of a record of this day and creation time."""
        day = self._day(day_text)
        if day is None or day <= self.today:
            return day
        written = self._day(created[:10])
        return self.today if written is not None and written <= self.today else None

    def _day(self, text: str) -> dt.date | None:
        try:
            return self._days[text]
        except KeyError:
            day = self._days[text] = parse_day(text)
            return day

    def phase_id(self, value: str) -> str:
        """The reference id of the phase ``value`` names (its id or number), else ``value``."""
        try:
            return self._ids[value]
        except KeyError:
            known = self.reference.phase(value)
            found = self._ids[value] = known.id if known else value
            return found


def _as_of(record: Observed, today: dt.date) -> dt.date | None:
    """The day a record places its account in a phase: its meeting's date, or, for a meeting
    still to come (a prep written ahead), today if it was written by then: the phase is the
    rep's reading when preparing it."""
    day = parse_day(record.day)
    if day is None or day <= today:
        return day
    written = parse_day(record.created[:10])
    return today if written is not None and written <= today else None


def moves(account_stays: list[Stay], reference: Reference) -> tuple[int, int]:
    """Phase advances and setbacks between consecutive stays (unknown phases are skipped)."""
    numbers = [known.number for stay in account_stays if (known := reference.phase(stay.phase))]
    advances = sum(1 for before, after in zip(numbers, numbers[1:], strict=False) if after > before)
    setbacks = sum(1 for before, after in zip(numbers, numbers[1:], strict=False) if after < before)
    return advances, setbacks


def phases(
    facts: Iterable[Facts],
    reference: Reference,
    today: dt.date,
    stuck_after: int = STUCK_AFTER_DAYS,
) -> PhasesReport:
    """The phases report on ``today`` (needs :data:`NEEDS`: no parts)."""
    accounts = (
        (records[-1].account_slug, records[-1].account_name, records)
        for records in by_account(facts).values()
    )
    return phases_of(accounts, reference, today, stuck_after)


def phases_of(
    accounts: Iterable[tuple[str, str, Sequence[Observed]]],
    reference: Reference,
    today: dt.date,
    stuck_after: int = STUCK_AFTER_DAYS,
) -> PhasesReport:
    """The phases report on ``today`` from each account's slug, name (its latest record's) and
    records in chronological order (all of them, or the observations the index keeps)."""
    seen = Seen(reference, today)
    return phases_of_stays(
        ((slug, name, stays(records, reference, today, seen)) for slug, name, records in accounts),
        reference,
        today,
        stuck_after,
    )


def phases_of_stays(
    accounts: Iterable[tuple[str, str, list[Stay]]],
    reference: Reference,
    today: dt.date,
    stuck_after: int = STUCK_AFTER_DAYS,
) -> PhasesReport:
    """The phases report on ``today`` from each account's slug, name (its latest record's) and
    :func:`stays`."""
    current: dict[str, int] = {}
    durations: dict[str, list[int]] = {}
    stuck: list[StuckAccount] = []
    unknown = advances = setbacks = count = 0
    for slug, name, account_stays in accounts:
        count += 1
        if not account_stays:
            unknown += 1
            continue
        for stay in account_stays[:-1]:
            durations.setdefault(stay.phase, []).append(stay.days)
        now = account_stays[-1]
        current[now.phase] = current.get(now.phase, 0) + 1
        known = reference.phase(now.phase)
        signed = known is not None and known.after_sale
        if now.days > stuck_after and not signed:
            stuck.append(StuckAccount(name, slug, now.phase, now.entered.isoformat(), now.days))
        up, down = moves(account_stays, reference)
        advances += up
        setbacks += down
    known_total = sum(current.values())
    names: list[tuple[str, int | None, str]] = [
        (phase.id, phase.number, phase.label) for phase in reference.phases
    ]
    known_ids = {phase.id for phase in reference.phases}
    extra = sorted((set(current) | set(durations)) - known_ids)
    names += [(phase, None, phase) for phase in extra]
    stuck_by_phase: dict[str, int] = {}
    for account in stuck:
        stuck_by_phase[account.phase] = stuck_by_phase.get(account.phase, 0) + 1
    rows = []
    for phase, number, label in names:
        ended = durations.get(phase, [])
        rows.append(
            PhaseRow(
                phase=phase,
                number=number,
                label=label,
                accounts=current.get(phase, 0),
                share=current.get(phase, 0) / known_total if known_total else 0.0,
                average_days=round(sum(ended) / len(ended), 1) if ended else None,
                stays=len(ended),
                stuck=stuck_by_phase.get(phase, 0),
            )
        )
    stuck.sort(key=lambda account: (-account.days, account.account, account.account_slug))
    return PhasesReport(
        accounts=count,
        unknown=unknown,
        stuck_after=stuck_after,
        rows=rows,
        stuck=stuck,
        advances=advances,
        setbacks=setbacks,
    )
