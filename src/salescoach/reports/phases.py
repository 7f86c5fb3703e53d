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


@dataclass
class Tally:
    """What the phases report adds up over every account's stays: the days of the stays that
    ended, by phase; each account's current stay, by slug; phase advances and setbacks
    (between consecutive stays in known phases, as :func:`moves` counts them)."""

    ended: dict[str, list[int]] = field(default_factory=dict)
    now: dict[str, Stay] = field(default_factory=dict)
    advances: int = 0
    setbacks: int = 0

    def add(self, slug: str, account_stays: list[Stay], reference: Reference) -> None:
        """Add one account's :func:`stays`."""
        for stay in account_stays[:-1]:
            self.ended.setdefault(stay.phase, []).append(stay.days)
        if account_stays:
            self.now[slug] = account_stays[-1]
        up, down = moves(account_stays, reference)
        self.advances += up
        self.setbacks += down


def indexed_tally(
    rows: Iterable[tuple[str, str, str | None, str | None]], reference: Reference, today: dt.date
) -> Tally:
    """The :class:`Tally` of every account's :func:`stays`, from the rows
    :meth:`Index.phase_observations` gives (slug, day, created, phase; the creation time at
    least of the records dated after ``today``; by account, each in
    chronological order), in one pass over them without an object per observation or stay:
    the phases and team reports read tens of thousands."""
    seen = Seen(reference, today)
    numbers: dict[str, int | None] = {}  # a phase id's number, as moves() reads it
    ids: dict[str, str] = {}  # a phase as recorded → its id
    settled: dict[str, dt.date | None] = {}  # a day's text → its date, for days not ahead
    tally = Tally()
    ended, now = tally.ended, tally.now
    advances = setbacks = 0
    account: str | None = None
    current: str | None = None
    entered = today
    last_number: int | None = None
    for slug, day_text, created, value in rows:
        if slug != account:
            if current is not None and account is not None:
                now[account] = Stay(current, entered, None, (today - entered).days)
            account, current, last_number = slug, None, None
        if value is None:
            continue
        try:
            day = settled[day_text]
        except KeyError:
            day = parse_day(day_text)
            if day is not None and day > today:  # ahead: placed by its creation day
                day = seen.day_of(day_text, created or "")
            else:
                settled[day_text] = day
        if day is None:
            continue
        phase = ids.get(value) or ids.setdefault(value, seen.phase_id(value))
        if phase == current:
            continue
        if current is not None:
            ended.setdefault(current, []).append((day - entered).days)
        current, entered = phase, day
        try:
            number = numbers[phase]
        except KeyError:
            known = reference.phase(phase)
            number = numbers[phase] = known.number if known else None
        if number is not None:
            if last_number is not None:
                advances += number > last_number
                setbacks += number < last_number
            last_number = number
    if current is not None and account is not None:
        now[account] = Stay(current, entered, None, (today - entered).days)
    tally.advances, tally.setbacks = advances, setbacks
    return tally


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
    records in chronological order."""
    seen = Seen(reference, today)
    tally = Tally()
    names: list[tuple[str, str]] = []
    for slug, name, records in accounts:
        tally.add(slug, stays(records, reference, today, seen), reference)
        names.append((slug, name))
    return phases_of_tally(names, tally, reference, stuck_after)


def phases_of_tally(
    accounts: Iterable[tuple[str, str]], tally: Tally, reference: Reference, stuck_after: int
) -> PhasesReport:
    """The phases report from each account's slug and name (its latest record's) and the
    :class:`Tally` of their stays."""
    current: dict[str, int] = {}
    durations = tally.ended
    stuck: list[StuckAccount] = []
    unknown = count = 0
    for slug, name in accounts:
        count += 1
        now = tally.now.get(slug)
        if now is None:
            unknown += 1
            continue
        current[now.phase] = current.get(now.phase, 0) + 1
        known = reference.phase(now.phase)
        signed = known is not None and known.after_sale
        if now.days > stuck_after and not signed:
            stuck.append(StuckAccount(name, slug, now.phase, now.entered.isoformat(), now.days))
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
        advances=tally.advances,
        setbacks=tally.setbacks,
    )
