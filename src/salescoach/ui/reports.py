"""How each report is shown: tables and bars on standard output, user text always literal.

One renderer per report of :data:`salescoach.reports.registry.REPORTS`, under the same name,
plus ``team``. Each takes the report's result, the :class:`~salescoach.reports.registry.Given`
it was computed with, and the language of the words around the data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from salescoach.messages import message
from salescoach.ui.render import (
    BAR_COLUMN,
    BAR_WIDTH,
    Cell,
    Spare,
    Whole,
    add_row,
    fits,
    joined,
    new_table,
    say,
    show,
    styled,
)

if TYPE_CHECKING:
    from salescoach.reports.agenda import AgendaItem
    from salescoach.reports.funnel import FunnelReport
    from salescoach.reports.objections import ObjectionsReport
    from salescoach.reports.objectives import ObjectivesReport
    from salescoach.reports.phases import PhasesReport
    from salescoach.reports.reference import Reference
    from salescoach.reports.registry import Agenda, Given
    from salescoach.reports.team import RepLine, TeamReport
    from salescoach.reports.timeline import MeetingLine, Timeline

OBJECTIONS_SHOWN = 20
"""The table shows objections up to this rank; ``--json`` has them all."""
STUCK_SHOWN = 20
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``value`` out of ``maximum``, ``width`` cells long, to 1/8 cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def json_report(found: Any) -> None:
    """A report's result (or :meth:`~salescoach.reports.registry.Report.unwalked` document) as
    one JSON document on standard output, as ``render.json_document`` writes it."""
    import sys

    from salescoach.ui.json_text import indented

    sys.stdout.write(indented(found) + "\n")


def _words(language: str) -> Callable[..., str]:
    def say_in(key: str, **values: Any) -> str:
        return message(language, f"report_{key}", **values)

    return say_in


def render_agenda(found: Agenda, given: Given, language: str) -> None:
    """The agenda as one table, most late first: the first ``limit`` items (0: all)."""
    w = _words(language)
    items = found.items
    if not items:
        say(w("nothing_due", horizon=found.horizon.isoformat()), "hint")
        return
    limit = int(given.options.get("limit", 0))
    table = new_table(
        w("when"), w("what"), w("account"), w("to_do"), Spare(w("phase")), w("owner"),
        Whole(w("step_id")),
    )  # fmt: skip
    reference = given.reference
    for item in items[: limit or None]:
        known = reference.phase(item.phase)
        add_row(
            table,
            _when(item.days_late, w),
            w(f"agenda_{item.what}"),
            item.account,
            _to_do(item, reference, w),
            known.label if known else item.phase,
            item.owner,
            item.step,
        )
    late = sum(1 for item in items if item.days_late > 0)
    due = sum(1 for item in items if item.days_late == 0)
    table.caption = w("agenda_caption", late=late, due=due, coming=len(items) - late - due)
    if limit and len(items) > limit:
        table.caption += w("agenda_limited", limit=limit)
    show(table)


def render_account(found: Timeline, given: Given, language: str) -> None:
    """An account's meetings, open next steps and commitments ledger."""
    w = _words(language)
    reference = given.reference
    phase = reference.phase(found.phase)
    label = phase.label if phase else found.phase or w("phase_unknown")
    show(joined(styled(found.account, "heading"), " · ", label))
    meetings = new_table(
        Spare(w("date")), Spare(w("type")), w("phase"), w("objectives"), w("objections"),
        Whole(w("meeting")),
    )  # fmt: skip
    for line in found.meetings:
        add_row(
            meetings,
            line.date,
            reference.meeting_types.get(line.meeting_type or "", line.meeting_type or ""),
            _phase_move(line.phase_before, line.phase_after, reference),
            _results(line, w),
            " · ".join(reference.objection_label(o) for o in line.objections),
            line.meeting,
        )
    show(meetings)
    if found.open_next_steps:
        steps = new_table(
            w("due"), w("next_step"), w("owner"), Whole(w("step_id")), title=w("open_next_steps")
        )
        for step in found.open_next_steps:
            add_row(steps, step.due, step.action, step.owner, step.id)
        show(steps)
    ledger = new_table(w("date"), w("given"), w("received"), title=w("commitments"))
    for line in found.meetings:
        if line.given or line.received:
            add_row(ledger, line.date, "\n".join(line.given), "\n".join(line.received))
    sign = "+" if found.balance > 0 else ""
    ledger.caption = w(
        "ledger_caption",
        given=found.given,
        received=found.received,
        balance=f"{sign}{found.balance}",
    ) + (w("gives_more") if found.balance < 0 else "")
    show(ledger)


def render_objections(found: ObjectionsReport, given: Given, language: str) -> None:
    """Objections by frequency, with bars, then what the library should learn from them."""
    w = _words(language)
    if not found.rows:
        say(w("no_objections", debriefs=found.debriefs), "hint")
        return
    table = new_table(
        "#", w("objection"), w("library"), w("met"), w("share"), w("handling"), BAR_COLUMN
    )
    top = max(row.met for row in found.rows)
    shown = [row for row in found.rows if row.rank <= OBJECTIONS_SHOWN]
    for row in shown:
        add_row(
            table,
            str(row.rank),
            row.label,
            f"#{row.library_rank}" if row.library_rank else styled(w("new"), "warning"),
            str(row.met),
            _percent(row.share, language),
            f"{_decimal(row.handling, language)}/5" if row.handling is not None else "",
            bar(row.met, top),
        )
    table.caption = w("objections_caption", debriefs=found.debriefs)
    if len(shown) < len(found.rows):
        table.caption += w("objections_rarer", count=len(found.rows) - len(shown))
    show(table)
    for key, names in (
        ("missing_from_library", found.missing_from_library),
        ("outside_top", found.outside_top),
        ("never_met", found.never_met),
    ):
        if names:
            labels = (given.reference.objection_label(name) for name in names)
            heading = w(key) + message(language, "sheet_colon")
            show(joined(styled(heading, "heading"), " ", " · ".join(labels)))


def render_objectives(found: ObjectivesReport, given: Given, language: str) -> None:
    """Objective results overall, by meeting type and by month."""
    w = _words(language)
    overall = found.overall
    summary = w(
        "objectives_summary",
        rated=overall.objectives,
        reached=_percent(overall.share(overall.reached), language),
        partly=_percent(overall.share(overall.partly), language),
        not_reached=_percent(overall.share(overall.not_reached), language),
        undebriefed=found.not_debriefed,
    )
    show(joined(styled(w("objectives_title"), "heading"), summary))
    for title, groups in ((w("meeting_type"), found.by_type), (w("month"), found.by_month)):
        table = new_table(title, w("objectives"), w("reached"), w("partly"), w("not"), BAR_COLUMN)
        for group in groups:
            add_row(
                table,
                given.reference.meeting_types.get(group.group, group.group),
                str(group.objectives),
                _percent(group.share(group.reached), language),
                _percent(group.share(group.partly), language),
                _percent(group.share(group.not_reached), language),
                bar(group.share(group.reached) or 0.0, 1.0),
            )
        show(table)


def render_phases(found: PhasesReport, given: Given, language: str) -> None:
    """The pipeline as a funnel of bars, time in each phase, and the accounts stuck."""
    w = _words(language)
    table = new_table(
        w("phase"), w("accounts"), w("share"), BAR_COLUMN, w("avg_days"), w("stays"), w("stuck")
    )
    top = max((row.accounts for row in found.rows), default=0)
    for row in found.rows:
        add_row(
            table,
            row.label,
            str(row.accounts),
            _percent(row.share, language),
            bar(row.accounts, top),
            f"{row.average_days:.0f}" if row.average_days is not None else "",
            str(row.stays),
            str(row.stuck) if row.stuck else "",
        )
    table.caption = w(
        "phases_caption",
        accounts=found.accounts,
        unknown=found.unknown,
        advances=found.advances,
        setbacks=found.setbacks,
    )
    show(table)
    if found.stuck:
        stuck = new_table(
            w("account"),
            w("phase"),
            w("since"),
            w("days"),
            title=w("stuck_title", days=found.stuck_after),
        )
        for account in found.stuck[:STUCK_SHOWN]:
            known = given.reference.phase(account.phase)
            label = known.label if known else account.phase
            add_row(stuck, account.account, label, account.since, str(account.days))
        if len(found.stuck) > STUCK_SHOWN:
            stuck.caption = w("stuck_more", count=len(found.stuck) - STUCK_SHOWN)
        show(stuck)


def render_funnel(found: FunnelReport, given: Given, language: str) -> None:
    """The four levels of information, with bars."""
    w = _words(language)
    table = new_table(w("level"), w("debriefs"), w("share"), BAR_COLUMN)
    for row in found.rows:
        level = message(language, f"sheet_level-{row.level}")
        add_row(table, level, str(row.debriefs), _percent(row.share, language), bar(row.share, 1.0))
    depth = ", ".join(w("levels_count", levels=k, count=v) for k, v in found.depth.items())
    table.caption = w("funnel_caption", debriefs=found.debriefs, depth=depth)
    show(table)


def render_team(found: TeamReport, given: Given, language: str) -> None:
    """Each rep's figures with their score out of 5, the team average, and drill practice;
    the caption says which stage of the added-value list each figure measures.

    One row per rep when that fits the terminal; else one row per figure and a column per rep
    (eleven headers side by side would be folded letter by letter at 80 columns).
    """
    w = _words(language)
    headers = [
        w("meetings"),
        w("objectives_reached"),
        w("phase_advances"),
        w("conversion"),
        w("days_to_signature"),
        w("revenue"),
        w("services_per_client"),
        w("margin_gap"),
        w("practice"),
        w("onboarding"),
    ]
    names: list[Cell] = [line.figures.rep for line in found.reps]
    rows = [_team_row(line, language) for line in found.reps]
    averages = found.averages
    names.append(styled(w("team_average"), "muted"))
    rows.append(
        [
            _number(averages["meetings"], language),
            _percent(averages["objectives_reached"], language),
            _number(averages["phase_advances"], language),
            _percent(averages["conversion_rate"], language),
            _number(averages["days_to_signature"], language),
            _number(averages["revenue"], language),
            _number(averages["services_per_client"], language),
            _signed(averages["margin_gap"], language),
            "",
            "",
        ]
    )
    stages: dict[str, list[str]] = {}
    for metric, stage in found.stages.items():
        stages.setdefault(stage, []).append(w(_METRIC_WORDS[metric]))
    measured = " · ".join(f"{stage} ({', '.join(names)})" for stage, names in stages.items())
    caption = w("team_caption") + "\n" + w("team_stages", stages=measured)

    wide = new_table(w("rep"), *headers)
    for name, cells in zip(names, rows, strict=True):
        add_row(wide, name, *cells)
    wide.caption = caption
    if fits(wide):
        show(wide)
        return
    tall = new_table("", *(str(name) for name in names))
    for index, header in enumerate(headers):
        add_row(tall, styled(header, "bold"), *(cells[index] for cells in rows))
    tall.caption = caption
    show(tall)


def _team_row(line: RepLine, language: str) -> list[Cell]:
    w = _words(language)
    figures, scores = line.figures, line.scores
    practice = (
        w(
            "practice_cell",
            count=figures.cards_reviewed,
            share=_percent(figures.practice_good, language),
        )
        if figures.cards_reviewed
        else "0"
    )
    return [
        str(figures.meetings),
        _scored(
            _percent(figures.objectives_reached, language), scores["objectives_reached"], language
        ),
        _scored(str(figures.phase_advances), scores["phase_advances"], language),
        _scored(
            _conversion(figures.won, figures.prospects, language),
            scores["conversion_rate"],
            language,
        ),
        _scored(
            _number(figures.days_to_signature, language), scores["days_to_signature"], language
        ),
        _scored(_number(figures.revenue, language), scores["revenue"], language),
        _scored(
            _number(figures.services_per_client, language), scores["services_per_client"], language
        ),
        _signed(figures.margin_gap, language),
        practice,
        _onboarding(figures.onboarding_done, figures.onboarding_total),
    ]


_METRIC_WORDS = {
    "objectives_reached": "objectives_reached",
    "phase_advances": "phase_advances",
    "conversion_rate": "conversion",
    "days_to_signature": "days_to_signature",
    "revenue": "revenue",
    "services_per_client": "services_per_client",
    "margin_gap": "margin_gap",
}


def _conversion(won: int, prospects: int, language: str) -> str:
    return f"{_percent(won / prospects, language)} ({won}/{prospects})" if prospects else ""


def _onboarding(done: int | None, total: int | None) -> str:
    return "" if done is None or total is None else f"{done}/{total}"


def _signed(points: float | None, language: str) -> str:
    if points is None:
        return ""
    sign = "+" if points >= 0 else "\u2212" if language == "fr" else "-"
    return sign + _number(abs(points), language)


RENDERERS: dict[str, Callable[[Any, Given, str], None]] = {
    "agenda": render_agenda,
    "account": render_account,
    "objections": render_objections,
    "objectives": render_objectives,
    "phases": render_phases,
    "funnel": render_funnel,
    "team": render_team,
}


def _to_do(item: AgendaItem, reference: Reference, w: Callable[..., str]) -> str:
    """What an agenda item asks, in words: a next step is the rep's own text."""
    kind = reference.meeting_types.get(item.meeting_type or "", item.meeting_type or "")
    if item.what == "debrief":
        return w("agenda_debrief_detail", type=kind or w("meeting"), day=item.date)
    if item.what == "meeting":
        return w("agenda_meeting_detail", type=kind or w("meeting"))
    if item.what == "contact" and item.cadence_days is not None:
        known = reference.phase(item.phase)
        where = known.label if known else w("phase_unknown")
        return w(
            "agenda_contact_detail",
            day=item.last_contact,
            cadence=item.cadence_days,
            phase=where,
        )
    return item.detail


def _when(days_late: int, w: Callable[..., str]) -> Cell:
    if days_late > 0:
        return styled(w("days_late", days=days_late), "error")
    if days_late == 0:
        return styled(w("today"), "warning")
    return styled(w("in_days", days=-days_late), "ok")


def _phase_move(before: str | None, after: str | None, reference: Reference) -> str:
    def short(value: str | None) -> str:
        known = reference.phase(value)
        return str(known.number) if known else value or "?"

    if after is None:
        return short(before) if before else ""
    if before is None or short(before) == short(after):
        return short(after)
    return f"{short(before)} → {short(after)}"


def _results(line: MeetingLine, w: Callable[..., str]) -> str:
    if not line.debriefed:
        return w("set_no_debrief", count=line.objectives) if line.objectives else w("no_debrief")
    text = w("reached_of", reached=line.reached, objectives=line.objectives)
    return text + (w("and_partly", partly=line.partly) if line.partly else "")


def _scored(value: str, score: float | None, language: str) -> Cell:
    if score is None:
        return value
    style = "ok" if score >= 3 else "warning" if score >= 2 else "error"
    return joined(value, " ", styled(f"{_decimal(score, language)}/5", style))


def _percent(share: float | None, language: str) -> str:
    """``42%``, or in French ``42 %`` (a no-break space before the sign)."""
    if share is None:
        return ""
    return f"{share * 100:.0f}\u00a0%" if language == "fr" else f"{share:.0%}"


def _decimal(value: float, language: str) -> str:
    """One decimal, with the language's separator (``2.5``, ``2,5``)."""
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if language == "fr" else shown


def _number(value: float | None, language: str) -> str:
    return "" if value is None else _decimal(value, language).removesuffix(".0").removesuffix(",0")
