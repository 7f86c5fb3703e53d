"""Synthetic data homes for the benchmarks: N records over M accounts, like a rep's or a team's.

Each account lives through meetings a few weeks apart; its project climbs the five maturation
phases (with setbacks), meeting types follow the phase (discovery early, negotiation and closing
late; after a closing a new project starts), most meetings are debriefed, a few lie ahead.
Answers start from the built-in playbooks' examples (the same complete answers
``--example-answers`` prints, so records have a real prep's size and shape) with the ids the
reports read varied per meeting: phase, objectives and their results, objections met and their
handling, funnel levels, commitments, next steps. Everything derives from ``--seed``.

Two ways to write, both through the store's own code:

- ``--via repository`` (the default up to 5,000 records): every meeting is reserved with
  ``Repository.new_meeting`` and every record written with ``Repository.save``;
- ``--via files`` (the default above): accounts are created with ``Repository.account_ref``, then
  each record file is rendered by ``render_record_file`` and written by ``atomic_write`` into a
  folder made by ``private_dir`` — what ``save`` does — with ids made as ``new_meeting`` makes
  them. ``new_meeting`` lists every meeting of the home to pick a free id, so reserving 50,000
  meetings one by one would take hours; this way takes minutes, in parallel (``--jobs``).
  ``--check`` generates a small home both ways and compares the files byte for byte.

Usage::

    python benchmarks/generate.py HOME --records 100000 --accounts 1000
    python benchmarks/generate.py --check
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salescoach.playbook.library import Library, search_path
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.sheet.records import render_record_body
from salescoach.store.atomic import atomic_write, private_dir
from salescoach.store.markdown import render_record_file
from salescoach.store.record import AccountRef, PlaybookUse, Record
from salescoach.store.repository import Repository
from salescoach.store.slug import slugify
from salescoach.workflow import playbook_uses

REPOSITORY_UP_TO = 5_000
SPAN_DAYS = 3 * 365
"""Meetings spread over the three years before ``--today``."""
CREATED_HOUR = "T18:30:00+01:00"

TYPES_BY_PHASE = {
    1: ["discovery", "discovery", "presentation"],
    2: ["discovery", "presentation", "presentation"],
    3: ["presentation", "proposal-defence", "discovery"],
    4: ["proposal-defence", "negotiation", "negotiation"],
    5: ["negotiation", "closing", "closing"],
}
OBJECTIVES = [
    "Get the project's origin, budget range and decision calendar",
    "Meet the budget owner or get a date to meet them",
    "Agree on the scope of a pilot",
    "Get the list of people in the decision cycle",
    "Have them confirm the three main needs in their own words",
    "Obtain the delivery data for a diagnostic",
    "Agree on the next meeting with the operations director",
    "Defend the proposal's price against the cheaper offer",
    "Get a verbal agreement on the three-year commitment",
    "Fix the kick-off date",
    "Understand why the last supplier was dropped",
    "Present two success stories from their sector",
]
RESULT_WEIGHTS = (("reached", 45), ("partly", 35), ("not", 20))
OBJECTION_WEIGHTS = {
    "price-too-high": 30,
    "no-budget": 14,
    "not-decision-maker": 12,
    "need-to-think": 10,
    "happy-with-supplier": 9,
    "competitor-cheaper": 8,
    "send-documentation": 6,
    "not-a-priority": 5,
    "too-risky": 3,
    # "locked-in-contract" never comes up: the report should say so.
}
NEW_OBJECTIONS = [
    "Our IT department won't let us add another tool before 2027.",
    "We tried something like this in 2019 and it failed.",
    "The unions will never accept it.",
    "Head office decides everything this year.",
    "We are being bought; nothing moves until the merger closes.",
    "Your company is too small for us.",
]
LEVEL_CHANCES = {"necessary": 0.92, "essential": 0.7, "useful": 0.42, "superficial": 0.2}
GIVEN = [
    "Send a diagnostic of their site",
    "Organise a reference visit",
    "Send the detailed proposal",
    "Free training for two planners",
    "Answer the security questionnaire",
]
RECEIVED = [
    "Share three months of delivery data",
    "Set a meeting with the operations director",
    "Send the specifications",
    "Confirm the budget range",
    "Introduce the purchasing manager",
]
STEPS = [
    "Send the delivery-slot diagnostic",
    "Call back the sponsor",
    "Send the revised quote",
    "Prepare the reference visit",
    "Book the workshop",
    "Send the contract",
]
NAMES = [
    "Transports",
    "Logistique",
    "Froid",
    "Fret",
    "Express",
    "Distribution",
    "Messagerie",
    "Industries",
    "Services",
    "Group",
    "Rail",
    "Maritime",
    "Air",
    "Santé",
    "Agro",
]
PLACES = [
    "Rhône",
    "Alpes",
    "Nord",
    "Atlantique",
    "Provence",
    "Lorraine",
    "Bretagne",
    "Loire",
    "Normandie",
    "Savoie",
    "Gascogne",
    "Picardie",
    "Vosges",
    "Jura",
    "Berry",
    "Anjou",
]


@dataclass
class Meeting:
    """One planned meeting of an account and the answers of its prep and debrief."""

    date: str
    meeting_type: str
    prep: dict[str, Any]
    debrief: dict[str, Any] | None


@dataclass
class AccountPlan:
    """An account's name and its meetings, in order."""

    name: str
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class Templates:
    """The example answers of the built-in flows: a prep per meeting type, one debrief."""

    library: Library
    preps: dict[str, dict[str, Any]]
    prep_uses: dict[str, list[PlaybookUse]]
    debrief: dict[str, Any]
    debrief_uses: list[PlaybookUse]


def templates() -> Templates:
    """Run the real engine once per meeting type with the examples' prompter."""
    library = Library.load("en", search_path("en"))
    preps: dict[str, dict[str, Any]] = {}
    uses: dict[str, list[PlaybookUse]] = {}
    for meeting_type in sorted({t for types in TYPES_BY_PHASE.values() for t in types}):
        session = Session(
            library,
            "prep-flow",
            ExamplePrompter(),
            prefill={"meeting": {"account": "Example", "type": meeting_type}},
        )
        preps[meeting_type] = session.run()
        uses[meeting_type] = playbook_uses(session.used)
    debrief = Session(
        library,
        "debrief-flow",
        ExamplePrompter(),
        context={"prep": preps["negotiation"], "account": {}},
    )
    answers = debrief.run()
    return Templates(library, preps, uses, answers, playbook_uses(debrief.used))


def account_name(index: int) -> str:
    """A readable, unique account name."""
    name = f"{NAMES[index % len(NAMES)]} {PLACES[(index // len(NAMES)) % len(PLACES)]}"
    cycle = index // (len(NAMES) * len(PLACES))
    return f"{name} {cycle + 1}" if cycle else name


def plan_account(
    index: int, meetings: int, seed: int, today: dt.date, base: Templates
) -> AccountPlan:
    """The meetings of account ``index``: dates, types, phases and answers (deterministic)."""
    rng = random.Random(f"{seed}-{index}")
    name = account_name(index)
    plan = AccountPlan(name)
    gap = max(2, SPAN_DAYS // max(meetings, 1))
    day = today - dt.timedelta(days=SPAN_DAYS - rng.randint(0, gap))
    future = rng.random() < 0.15  # this account's last meeting is still ahead
    phase = rng.choice((1, 1, 2))
    for number in range(meetings):
        if number == meetings - 1 and future:
            day = today + dt.timedelta(days=rng.randint(1, 10))
        meeting_type = rng.choice(TYPES_BY_PHASE[phase])
        objectives = rng.sample(OBJECTIVES, rng.choice((1, 2, 2, 3)))
        prep = copy.deepcopy(base.preps[meeting_type])
        prep["meeting"].update(
            account=name,
            type=meeting_type,
            date=day.isoformat(),
            phase=f"phase-{phase}",
            objectives=objectives,
        )
        after = _next_phase(rng, phase, meeting_type)
        held = day <= today
        debriefed = held and rng.random() < (0.6 if (today - day).days < 20 else 0.93)
        debrief = _debrief(rng, base, objectives, day, after) if debriefed else None
        plan.meetings.append(Meeting(day.isoformat(), meeting_type, prep, debrief))
        if debriefed:
            phase = 2 if meeting_type == "closing" and rng.random() < 0.7 else after
        day += dt.timedelta(days=max(1, int(rng.gauss(gap, gap / 3))))
    return plan


def _next_phase(rng: random.Random, phase: int, meeting_type: str) -> int:
    roll = rng.random()
    if roll < 0.28 and phase < 5:
        return phase + 1
    if roll > 0.95 and phase > 1:
        return phase - 1
    return phase


def _debrief(
    rng: random.Random, base: Templates, objectives: list[str], day: dt.date, phase: int
) -> dict[str, Any]:
    answers = copy.deepcopy(base.debrief)
    space = answers["debrief"]
    results = [r for r, _ in RESULT_WEIGHTS]
    weights = [w for _, w in RESULT_WEIGHTS]
    space["objectives_result"] = [
        {
            "item": text,
            "answer": {"result": rng.choices(results, weights)[0], "note": "As planned."},
        }
        for text in objectives
    ]
    for level, chance in LEVEL_CHANCES.items():
        if rng.random() >= chance:
            space.pop(f"learned_{level}", None)
    met = _weighted_sample(rng, OBJECTION_WEIGHTS, rng.choice((0, 1, 1, 2, 2, 3)))
    space["objections_met"] = met
    space["objection_handling"] = [{"item": o, "answer": rng.randint(1, 5)} for o in met]
    space["new_objections"] = (
        [{"objection": rng.choice(NEW_OBJECTIONS), "handling": rng.randint(1, 5)}]
        if rng.random() < 0.12
        else []
    )
    space["commitments_given"] = rng.sample(GIVEN, rng.randint(0, 2))
    space["commitments_received"] = rng.sample(RECEIVED, rng.randint(0, 3))
    space["next_steps"] = [
        {
            "action": action,
            "owner": rng.choice(("Me", "Claire", "The client")),
            "due": (day + dt.timedelta(days=rng.randint(2, 30))).isoformat(),
        }
        for action in rng.sample(STEPS, rng.randint(0, 3))
    ]
    space["phase"] = f"phase-{phase}"
    return answers


def _weighted_sample(rng: random.Random, weights: dict[str, int], count: int) -> list[str]:
    pool = dict(weights)
    chosen: list[str] = []
    for _ in range(min(count, len(pool))):
        pick = rng.choices(list(pool), list(pool.values()))[0]
        chosen.append(pick)
        del pool[pick]
    return chosen


def split(records: int, accounts: int) -> list[int]:
    """Meetings per account so that preps plus debriefs come to about ``records``."""
    meetings = max(1, round(records / 1.85))  # most meetings have both records
    return [meetings // accounts + (1 if i < meetings % accounts else 0) for i in range(accounts)]


def records_of(
    account: AccountRef, meeting_id: str, meeting: Meeting, base: Templates
) -> Iterator[tuple[Record, str]]:
    """The prep and (if any) debrief records of one meeting, with their bodies."""
    created = f"{meeting.date}{CREATED_HOUR}"
    common: dict[str, Any] = {
        "meeting": meeting_id,
        "account": account,
        "meeting_type": meeting.meeting_type,
        "meeting_date": meeting.date,
        "created": created,
        "updated": created,
        "language": "en",
    }
    prep = Record(
        kind="prep",
        flow="prep-flow",
        playbooks=base.prep_uses[meeting.meeting_type],
        answers=meeting.prep,
        **common,
    )
    yield prep, render_record_body(prep, base.library)
    if meeting.debrief is not None:
        debrief = Record(
            kind="debrief",
            flow="debrief-flow",
            playbooks=base.debrief_uses,
            answers=meeting.debrief,
            **common,
        )
        yield debrief, render_record_body(debrief, base.library)


def write_via_repository(home: Path, plans: list[AccountPlan], base: Templates) -> int:
    """Reserve every meeting with ``new_meeting`` and write every record with ``save``."""
    repository = Repository(home)
    written = 0
    for plan in plans:
        for meeting in plan.meetings:
            account, meeting_id = repository.new_meeting(
                plan.name, meeting.date, meeting.meeting_type
            )
            for record, body in records_of(account, meeting_id, meeting, base):
                repository.save(record, body)
                written += 1
    return written


def write_files(home: Path, plan: AccountPlan, account: AccountRef, base: Templates) -> int:
    """Write one account's records as ``save`` writes a new record (see the module docstring)."""
    folder = home / "accounts" / account.slug
    taken: set[str] = set()
    written = 0
    for meeting in plan.meetings:
        meeting_id = _free_id(taken, meeting.date, account.slug, meeting.meeting_type)
        private_dir(folder / meeting_id, exist_ok=False)
        for record, body in records_of(account, meeting_id, meeting, base):
            atomic_write(
                folder / meeting_id / f"{record.kind}.md",
                render_record_file(record, body),
                exclusive=True,
            )
            written += 1
    return written


def _free_id(taken: set[str], date: str, slug: str, meeting_type: str) -> str:
    base = f"{date}-{slug}-{slugify(meeting_type, fallback='meeting')}"
    number = 1
    candidate = base
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


@dataclass(frozen=True)
class Job:
    """What one worker process writes: a slice of the accounts."""

    home: Path
    indexes: list[int]
    meetings: list[int]
    refs: list[AccountRef]
    seed: int
    today: dt.date


def _run_job(job: Job) -> int:
    base = templates()
    written = 0
    for index, meetings, ref in zip(job.indexes, job.meetings, job.refs, strict=True):
        plan = plan_account(index, meetings, job.seed, job.today, base)
        written += write_files(job.home, plan, ref, base)
    return written


def generate(
    home: Path,
    records: int,
    accounts: int,
    *,
    seed: int = 1,
    today: dt.date | None = None,
    via: str | None = None,
    jobs: int = 1,
    say: Callable[[str], None] = lambda text: None,
) -> int:
    """Fill ``home`` (which must hold no accounts yet) and return the number of records written."""
    today = today or dt.date.today()
    via = via or ("repository" if records <= REPOSITORY_UP_TO else "files")
    repository = Repository(home)
    if repository.accounts_dir.exists() and any(repository.accounts_dir.iterdir()):
        raise SystemExit(f"{home} already holds accounts: give an empty or new directory")
    per_account = split(records, accounts)
    if via == "repository":
        base = templates()
        plans = [plan_account(i, n, seed, today, base) for i, n in enumerate(per_account)]
        return write_via_repository(home, plans, base)
    refs = [repository.account_ref(account_name(i)) for i in range(accounts)]
    say(f"{accounts} accounts created; writing records with {jobs} process(es)")
    slices = [list(range(start, accounts, jobs)) for start in range(jobs)]
    work = [
        Job(home, s, [per_account[i] for i in s], [refs[i] for i in s], seed, today)
        for s in slices
        if s
    ]
    if jobs == 1:
        return sum(_run_job(job) for job in work)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return sum(pool.map(_run_job, work))


def check(records: int = 60, accounts: int = 4) -> list[str]:
    """Generate a small home both ways; the differences between their record files (none)."""
    today = dt.date(2026, 11, 28)
    with tempfile.TemporaryDirectory() as scratch:
        by_api, by_files = Path(scratch) / "api", Path(scratch) / "files"
        generate(by_api, records, accounts, today=today, via="repository")
        generate(by_files, records, accounts, today=today, via="files")
        left = {p.relative_to(by_api): p.read_bytes() for p in by_api.rglob("*.md")}
        right = {p.relative_to(by_files): p.read_bytes() for p in by_files.rglob("*.md")}
        differences = [
            str(path)
            for path in sorted(set(left) | set(right))
            if left.get(path) != right.get(path)
        ]
        if not left:
            differences.append("no records were written")
        return differences


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path, nargs="?", help="an empty or new directory")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--accounts", type=int, default=None, help="default: records / 100")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--via", choices=("repository", "files"), default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--check", action="store_true", help="compare both ways on a small home")
    options = parser.parse_args(argv)
    if options.check:
        differences = check()
        print("identical" if not differences else "DIFFERENT: " + ", ".join(differences))
        return 1 if differences else 0
    if options.home is None:
        parser.error("give HOME (or --check)")
    accounts = options.accounts or max(1, options.records // 100)
    start = time.perf_counter()
    written = generate(
        options.home,
        options.records,
        accounts,
        seed=options.seed,
        today=options.today,
        via=options.via,
        jobs=options.jobs,
        say=lambda text: print(text, file=sys.stderr),
    )
    seconds = time.perf_counter() - start
    print(f"{written} records over {accounts} accounts in {options.home} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
