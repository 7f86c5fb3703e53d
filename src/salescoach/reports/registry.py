"""Every report behind one shape: what it reads of the index, how it computes, its JSON.

A command names a report, the CLI reads the facts it :attr:`~Report.needs` (filtered by its
:attr:`~Report.kind` and the command's account), calls :attr:`~Report.compute`, and hands the
result to the renderer registered under the same name (``salescoach.ui.reports``) or, with
``--json``, prints :meth:`Report.document` — one JSON document per run.

A command runs one report: :data:`REPORTS` imports a report's module when the report is first
asked for, not the modules of the five others.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from salescoach.store.facts import Facts, Part, add_days

if TYPE_CHECKING:
    from salescoach.reports import funnel, objections, objectives, phases, timeline
    from salescoach.reports.agenda import AgendaItem
    from salescoach.reports.reference import Reference
    from salescoach.store.index import Index


@dataclass(frozen=True)
class Given:
    """What a report is computed with besides the facts: the playbooks' reference, the day it is
    computed as of, and the command's own options (``days``, ``stuck_after``, ``account``)."""

    loaded: Reference | Callable[[], Reference]
    """The reference, or what reads it when a report first asks for it (``report funnel``
    never does: it is not read)."""
    today: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def reference(self) -> Reference:
        """The playbooks' reference (phases, objections, meeting types…)."""
        return self.loaded() if callable(self.loaded) else self.loaded


@dataclass(frozen=True)
class Agenda:
    """The agenda as of ``today``, looking ``days`` ahead."""

    today: dt.date
    days: int
    items: list[AgendaItem]

    @property
    def horizon(self) -> dt.date:
        """The last day looked at."""
        return add_days(self.today, self.days)  # stops at 9999-12-31


@dataclass(frozen=True)
class Report:
    """One report: what it reads, how it computes, how its JSON document is made."""

    name: str
    needs: frozenset[Part]
    compute: Callable[[Sequence[Facts], Given], Any]
    kind: str | None = None
    """Only records of this kind are read (``debrief`` for the objection report)."""
    extra_json: Callable[[Any], Mapping[str, Any]] | None = None
    """Computed properties the JSON document adds to the result's own fields."""
    narrowed: Callable[[Index, Given], list[Facts]] | None = None
    """Reads only the records the result depends on (the same result, fewer rows); else every
    record of the kind and account, with the parts the report needs."""
    summarised: Callable[[Index, Given], Any] | None = None
    """Computes the result over the whole home from what the index counts (the same result as
    :attr:`compute` over every record's facts, in a few queries)."""
    reads_reference: bool = True
    """Whether computing or showing the result reads the playbooks' reference."""

    def facts(self, index: Index, given: Given, account: str | None) -> list[Facts]:
        """The facts to compute the report from (``account``: a slug)."""
        if self.narrowed is not None and account is None:
            return self.narrowed(index, given)
        return index.facts(account=account, kind=self.kind, parts=self.needs)

    def result(self, index: Index, given: Given, account: str | None = None) -> Any:
        """The report over the home (``account``: a slug, for one account only)."""
        if self.summarised is not None and account is None:
            return self.summarised(index, given)
        return self.compute(self.facts(index, given, account), given)

    def document(self, found: Any) -> Any:
        """The result as one JSON document."""
        from salescoach.reports.jsonable import jsonable

        plain = jsonable(found)
        return {**plain, **self.extra_json(found)} if self.extra_json else plain

    def unwalked(self, found: Any) -> Any:
        """:meth:`document` before its values are made plain (by a writer that makes them plain
        as it writes them: :func:`salescoach.ui.json_text.indented`)."""
        if self.extra_json is None:
            return found
        from dataclasses import fields

        own = {item.name: getattr(found, item.name) for item in fields(found)}
        return {**own, **self.extra_json(found)}


def _agenda(facts: Sequence[Facts], given: Given) -> Agenda:
    from salescoach.reports import agenda

    days = int(given.options.get("days", 7))
    return Agenda(given.today, days, agenda.agenda(facts, given.reference, given.today, days))


def _agenda_facts(index: Index, given: Given) -> list[Facts]:
    from salescoach.reports import agenda

    today = given.today
    horizon = add_days(today, int(given.options.get("days", 7)))
    earliest = add_days(today, -agenda.DEBRIEF_LOOKBACK_DAYS)
    return index.agenda_facts(today.isoformat(), earliest.isoformat(), horizon.isoformat())


def _timeline(facts: Sequence[Facts], given: Given) -> timeline.Timeline:
    from salescoach.errors import NotFoundError
    from salescoach.reports import timeline

    found = timeline.timeline(facts)
    if found is None:
        name = given.options.get("account", "")
        raise NotFoundError.told("account_no_records", "account_prep_it", name=name)
    return found


def _funnel_summary(index: Index, given: Given) -> funnel.FunnelReport:
    from salescoach.reports import funnel

    return funnel.funnel_of(index.debriefs_by_funnel())


def _objectives_summary(index: Index, given: Given) -> objectives.ObjectivesReport:
    from salescoach.reports import objectives

    results = [objectives.Results(*row) for row in index.results_by_type_and_month()]
    return objectives.objectives_of(results, index.objectives_not_debriefed())


def _objections_summary(index: Index, given: Given) -> objections.ObjectionsReport:
    from salescoach.reports import objections

    wordings = [
        objections.Wording(words, library, met, rated, total, (day, created))
        for words, library, met, rated, total, day, created in index.objection_wordings()
    ]
    return objections.objections_of(
        index.count(kind="debrief"), wordings, index.debriefs_with, given.reference
    )


def _phases_summary(index: Index, given: Given) -> phases.PhasesReport:
    from salescoach.reports import phases

    tally = phases.indexed_tally(
        index.phase_observations(given.today.isoformat()), given.reference, given.today
    )
    stuck_after = int(given.options.get("stuck_after", phases.STUCK_AFTER_DAYS))
    return phases.phases_of_tally(index.accounts(), tally, given.reference, stuck_after)


def _balance(found: timeline.Timeline) -> Mapping[str, Any]:
    return {"balance": found.balance}


def _agenda_report() -> Report:
    from salescoach.reports import agenda

    return Report("agenda", agenda.NEEDS, _agenda, narrowed=_agenda_facts)


def _account_report() -> Report:
    from salescoach.reports import timeline

    return Report("account", timeline.NEEDS, _timeline, extra_json=_balance)


def _objections_report() -> Report:
    from salescoach.reports import objections

    return Report(
        "objections",
        objections.NEEDS,
        lambda facts, given: objections.objections(facts, given.reference),
        kind="debrief",
        summarised=_objections_summary,
    )


def _objectives_report() -> Report:
    from salescoach.reports import objectives

    return Report(
        "objectives",
        objectives.NEEDS,
        lambda facts, given: objectives.objectives(facts),
        summarised=_objectives_summary,
    )


def _phases_report() -> Report:
    from salescoach.reports import phases

    return Report(
        "phases",
        phases.NEEDS,
        lambda facts, given: phases.phases(
            facts, given.reference, given.today, int(given.options.get("stuck_after", 90))
        ),
        summarised=_phases_summary,
    )


def _funnel_report() -> Report:
    from salescoach.reports import funnel

    return Report(
        "funnel",
        funnel.NEEDS,
        lambda facts, given: funnel.funnel(facts),
        kind="debrief",
        summarised=_funnel_summary,
        reads_reference=False,
    )


class _Registry(Mapping[str, Report]):
    """Each report by name, made (its module imported) when first asked for."""

    def __init__(self, makers: Mapping[str, Callable[[], Report]]) -> None:
        self._makers = makers
        self._made: dict[str, Report] = {}

    def __getitem__(self, name: str) -> Report:
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


REPORTS: Mapping[str, Report] = _Registry(
    {
        "agenda": _agenda_report,
        "account": _account_report,
        "objections": _objections_report,
        "objectives": _objectives_report,
        "phases": _phases_report,
        "funnel": _funnel_report,
    }
)
"""Every report over one home, by name (``team`` compares several homes: see the CLI)."""
