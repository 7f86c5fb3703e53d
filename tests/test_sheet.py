"""The prep sheet a rep reads before going in: snapshots where the exact text is the product.

Regenerate after an intended change with ``SALESCOACH_UPDATE_SNAPSHOTS=1``, then read the
diff as a rep would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from salescoach.playbook.library import Library, search_path
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.sheet import SheetHeader, render_body, sheet_only

SNAPSHOTS = Path(__file__).with_name("snapshots")


def _prep_body(language: str, meeting_type: str) -> str:
    library = Library.load(language, search_path(language))
    session = Session(
        library,
        "prep-flow",
        ExamplePrompter(),
        prefill={"meeting": {"account": "ACME", "type": meeting_type}},
    )
    answers = session.run()
    header = SheetHeader("prep", "ACME", meeting_type, answers["meeting"]["date"], language)
    return render_body(header, answers, [e.playbook for e in session.used], library)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("meeting_type", ["negotiation", "discovery"])
def test_prep_sheet_snapshot(language: str, meeting_type: str) -> None:
    sheet = sheet_only(_prep_body(language, meeting_type), language)
    snapshot = SNAPSHOTS / f"prep-sheet-{meeting_type}-{language}.md"
    if os.environ.get("SALESCOACH_UPDATE_SNAPSHOTS"):
        snapshot.write_text(sheet, encoding="utf-8")
    assert sheet == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sheet_fits_one_page_and_details_keep_everything(language: str) -> None:
    body = _prep_body(language, "negotiation")
    sheet = sheet_only(body, language)
    assert len(sheet.splitlines()) < 110
    # Every example answer that the sheet does not show is kept under Details.
    assert "Rapid'Fret" in body
    assert body.startswith(sheet.rstrip())


def test_negotiation_sheet_has_mesore_and_discovery_has_the_funnel() -> None:
    negotiation = sheet_only(_prep_body("en", "negotiation"), "en")
    discovery = sheet_only(_prep_body("en", "discovery"), "en")
    assert "MESORE" in negotiation and "Questions to ask" not in negotiation
    assert "Questions to ask" in discovery and "MESORE" not in discovery
