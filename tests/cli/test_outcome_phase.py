"""A debrief marked won moves the account to the client phase: what `account`, `agenda` and
`report phases` read, through the installed command."""

from __future__ import annotations

import json
from pathlib import Path

from salescoach.yamlio import dump, parse
from tests.cli.helpers import salescoach


def _won_closing(tmp_path: Path) -> str:
    examples = salescoach("prep", "ACME", "--type", "closing", "--example-answers")
    prep_file = tmp_path / "prep.yaml"
    prep_file.write_text(examples.stdout, encoding="utf-8")
    assert salescoach("prep", "--answers", str(prep_file), "--no-input").returncode == 0
    debrief = parse(salescoach("debrief", "--last", "--example-answers").stdout, "d").value
    space = debrief["debrief"]
    space.update(outcome="won", amount=98, services=["Slot planning"])
    for implied_or_unasked in ("phase", "phase_signals"):
        space.pop(implied_or_unasked, None)
    debrief_file = tmp_path / "debrief.yaml"
    debrief_file.write_text(dump(debrief), encoding="utf-8")
    saved = salescoach("debrief", "--last", "--answers", str(debrief_file), "--no-input")
    assert saved.returncode == 0, saved.stderr
    listed = json.loads(salescoach("list", "--json").stdout)
    return str(listed[0]["meeting"])


def test_a_won_debrief_puts_the_account_in_the_client_phase(tmp_path: Path) -> None:
    meeting = _won_closing(tmp_path)
    shown = json.loads(salescoach("show", meeting, "--json").stdout)
    assert shown["debrief"]["answers"]["debrief"]["phase"] == "client"
    account = json.loads(salescoach("account", "ACME", "--json").stdout)
    assert account["phase"] == "client"

    # The meeting was on 2026-12-03; a client is contacted fortnightly, not daily (phase 5).
    def contacts(today: str) -> list[dict[str, object]]:
        report = json.loads(salescoach("agenda", "--today", today, "--json").stdout)
        return [item for item in report["items"] if item["what"] == "contact"]

    assert contacts("2026-12-16") == []
    (due,) = contacts("2026-12-18")
    assert (due["date"], due["cadence_days"]) == ("2026-12-17", 14)
    phases = json.loads(salescoach("report", "phases", "--json").stdout)
    client = next(row for row in phases["rows"] if row["phase"] == "client")
    assert client["accounts"] == 1
