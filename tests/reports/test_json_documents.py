"""What ``--json`` prints of each report — its result written in one walk
(:func:`salescoach.ui.json_text.indented` of :meth:`Report.unwalked`) — is the report's JSON
document as ``json.dumps`` writes it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from salescoach.reports import team
from salescoach.reports.jsonable import jsonable
from salescoach.reports.reference import Reference
from salescoach.reports.registry import REPORTS, Given
from salescoach.store.index import Index
from salescoach.store.repository import Repository
from salescoach.ui.json_text import indented
from tests.reports.test_summarised import edge_cases


def test_every_report_writes_its_document(
    repo: Repository, isolated_home: Path, reference: Reference
) -> None:
    edge_cases(repo)
    with Index.open(isolated_home) as index:
        for today in (dt.date(2026, 1, 12), dt.date(2026, 3, 1)):
            for name, report in REPORTS.items():
                options = {"account": "Gamma", "days": 40, "stuck_after": 30}
                found = report.result(
                    index, Given(reference, today, options), "gamma" if name == "account" else None
                )
                written = json.dumps(report.document(found), ensure_ascii=False, indent=2)
                assert indented(report.unwalked(found)) == written, name
            activity = team.indexed_activity(index, reference, today)
            figures = team.rep_figures_of("rep", activity, reference, team.Practice(3, 0.5))
            found_team = team.team([figures, figures], reference)
            written = json.dumps(jsonable(found_team), ensure_ascii=False, indent=2)
            assert indented(found_team) == written
