"""Carry-forward: what an account's earlier records already answer, and the recap that shows it.

A prep of an account with records starts from them. :func:`known_answers` reads the account's
preps and debriefs, newest first, and returns each known answer as a
:class:`~salescoach.session.engine.Known` (its value, the meeting and the date it comes from).
The playbooks say which question a known answer serves (``default_from: account.contacts``);
the engine takes it unasked in a quick prep and offers it as the default otherwise.
:func:`recap` lists, for the questions of a flow, what is known, so the rep sees it before the
first prompt. Nothing here needs a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from salescoach.playbook.library import Library
from salescoach.playbook.refs import default_source
from salescoach.playbook.values import is_empty
from salescoach.session.engine import Known, plan
from salescoach.store.record import Record

PREP_FACTS: dict[str, tuple[str, str]] = {
    "contacts": ("meeting", "contacts"),
    "market": ("meeting", "market"),
    "competitors": ("meeting", "competitors"),
    "stakes": ("meeting", "stakes"),
    "news": ("meeting", "news"),
    "knows_company": ("opa", "knows_company"),
    "history": ("opa", "history"),
}
"""Known facts about the account, by context name: the prep answer they are read from."""
UNREACHED = ("partly", "not")
RECAP_WIDTH = 100


def known_answers(records: Iterable[Record]) -> dict[str, Any]:
    """What the account's records tell a new prep, each fact from the newest record holding it.

    ``phase`` is the latest phase placed (a debrief's over its own prep's); ``open_objectives``
    the objectives the latest debrief did not reach; ``objections_met`` the library objections
    that came up in it. ``last`` holds every answer by playbook and question, each from the
    newest record that answered it (``default_from: account.last``).
    """
    newest_first = sorted(
        records, key=lambda r: (r.meeting_date or "", r.kind == "debrief", r.created_at)
    )[::-1]
    known: dict[str, Any] = {"last": _last_answers(newest_first)}
    for record in newest_first:
        if record.kind == "prep":
            for name, (namespace, question) in PREP_FACTS.items():
                value = record.answers.get(namespace, {}).get(question)
                if name not in known and not is_empty(value):
                    known[name] = _known(value, record)
        phase = _phase(record)
        if "phase" not in known and phase:
            known["phase"] = _known(phase, record)
    latest_debrief = next((r for r in newest_first if r.kind == "debrief"), None)
    if latest_debrief is not None:
        debrief = latest_debrief.answers.get("debrief", {})
        unreached = [
            str(pair.get("item"))
            for pair in debrief.get("objectives_result") or []
            if isinstance(pair, Mapping)
            and isinstance(pair.get("answer"), Mapping)
            and pair["answer"].get("result") in UNREACHED
        ]
        if unreached:
            known["open_objectives"] = _known(unreached, latest_debrief)
        met = debrief.get("objections_met")
        if not is_empty(met):
            known["objections_met"] = _known(met, latest_debrief)
    return known


def _last_answers(newest_first: list[Record]) -> dict[str, dict[str, Known]]:
    """Every answer of the account's records, the newest for each playbook's question."""
    last: dict[str, dict[str, Known]] = {}
    for record in newest_first:
        for playbook_id, answers in record.answers.items():
            if not isinstance(answers, Mapping):
                continue
            space = last.setdefault(playbook_id, {})
            for question_id, value in answers.items():
                if question_id not in space and not is_empty(value):
                    space[question_id] = _known(value, record)
    return last


def _phase(record: Record) -> Any:
    if record.kind == "debrief":
        return record.answers.get("debrief", {}).get("phase")
    return record.answers.get("meeting", {}).get("phase")


def _known(value: Any, record: Record) -> Known:
    return Known(value=value, meeting=record.meeting, kind=record.kind, date=record.meeting_date)


@dataclass(frozen=True)
class RecapLine:
    """One known answer as the recap shows it: the question, the answer, where it is from."""

    answer_id: str
    prompt: str
    value: str
    date: str | None
    meeting: str


def recap(library: Library, target: str, account: Mapping[str, Any]) -> list[RecapLine]:
    """The known answers the questions of ``target`` will use, in the order they come."""
    lines: list[RecapLine] = []
    for entry in plan(library, target):
        for question in entry.playbook.questions():
            ref = default_source(question.default_from or "", entry.id, question.id)
            if not ref.startswith("account."):
                continue
            found: Any = account
            for part in ref.split(".")[1:]:
                found = found.get(part) if isinstance(found, Mapping) else None
            if not isinstance(found, Known):
                continue
            labels: dict[Any, str] = {o.value: o.label for o in library.options(question)}
            labels |= {n: f"{n} — {label}" for n, label in (question.labels or {}).items()}
            lines.append(
                RecapLine(
                    answer_id=f"{entry.id}.{question.id}",
                    prompt=question.prompt.rstrip(" ?:"),
                    value=_brief(found.value, labels),
                    date=found.date,
                    meeting=found.meeting,
                )
            )
    return lines


def _brief(value: Any, labels: Mapping[Any, str]) -> str:
    """A known answer on one line: labels for option values, entries and items joined."""
    items = value if isinstance(value, list) else [value]
    shown: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            shown.append(", ".join(" ".join(str(v).split()) for v in item.values() if v))
        else:
            text = labels.get(item, item) if isinstance(item, str | int) else item
            shown.append(" ".join(str(text).split()))
    line = "; ".join(shown)
    return line if len(line) <= RECAP_WIDTH else line[: RECAP_WIDTH - 1] + "…"
