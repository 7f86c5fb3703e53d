"""The prep sheet a rep takes into the room: snapshots where the exact text is the product.

Regenerate after an intended change with ``SALESCOACH_UPDATE_SNAPSHOTS=1``, then read the
diff as a rep would.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from salescoach.messages import message
from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import Depth, SheetForm
from salescoach.session.engine import Session
from salescoach.session.examples import ExamplePrompter
from salescoach.sheet import Sheet, SheetHeader, prep_sheet, render_body, sheet_only
from salescoach.sheet.html import sheet_html
from salescoach.ui.sheet import sheet_renderable

SNAPSHOTS = Path(__file__).with_name("snapshots")
MEETING_TYPES = (
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
)
LANGUAGES = ("en", "fr")
MAX_LINES = 50


def example_prep(
    language: str,
    meeting_type: str,
    library: Library | None = None,
    depth: Depth = Depth.FULL,
) -> tuple[dict[str, Any], Session, Library]:
    """The prep flow walked with its examples, as ``--example-answers`` gives it."""
    library = library or Library.load(language, search_path(language))
    session = Session(
        library,
        "prep-flow",
        ExamplePrompter(),
        prefill={"meeting": {"account": "ACME", "type": meeting_type}},
        depth=depth,
    )
    return session.run(), session, library


def example_sheet(
    language: str,
    meeting_type: str,
    library: Library | None = None,
    depth: Depth = Depth.FULL,
) -> Sheet:
    """The sheet of an example prep (the whole method unless ``depth`` says less)."""
    answers, session, library = example_prep(language, meeting_type, library, depth)
    date = answers["meeting"].get("date")
    header = SheetHeader("prep", "ACME", meeting_type, date, language)
    return prep_sheet(header, answers, [e.playbook for e in session.used], library, "prep-flow")


def example_body(language: str, meeting_type: str) -> str:
    answers, session, library = example_prep(language, meeting_type)
    header = SheetHeader("prep", "ACME", meeting_type, answers["meeting"]["date"], language)
    return render_body(header, answers, [e.playbook for e in session.used], library, "prep-flow")


def on_screen(sheet: Sheet, width: int) -> list[str]:
    """The sheet as a terminal of ``width`` columns shows it, line by line."""
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    console.print(sheet_renderable(sheet))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return [line.rstrip() for line in str(text).splitlines()]


def _check_snapshot(name: str, text: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("SALESCOACH_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_prep_sheet_snapshot(language: str, meeting_type: str) -> None:
    body = example_body(language, meeting_type)
    _check_snapshot(f"prep-sheet-{meeting_type}-{language}.md", sheet_only(body, language))
    screen = "\n".join(on_screen(example_sheet(language, meeting_type), 100)) + "\n"
    _check_snapshot(f"prep-sheet-{meeting_type}-{language}.txt", screen)


@pytest.mark.parametrize("depth", [Depth.STANDARD, Depth.FULL])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_each_example_sheet_fits_fifty_lines_at_100_columns(
    language: str, meeting_type: str, depth: Depth
) -> None:
    lines = on_screen(example_sheet(language, meeting_type, depth=depth), 100)
    assert len(lines) <= MAX_LINES, "\n".join(lines)
    assert all(len(line) <= 100 for line in lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sheet_leads_with_who_when_then_follows_the_method_s_priorities(
    language: str,
) -> None:
    sheet = example_sheet(language, "negotiation")
    assert [s.id for s in sheet.sections] == [
        "glance",
        "objectives",
        "opening",
        "mesore",
        "objections",
        "known",
        "watch",
    ]
    glance = sheet.sections[0]
    assert [part.text for part in glance.facts][2] == "60\u00a0minutes"
    assert "2026-12-03" in sheet.title and "ACME" in sheet.title
    mesore = next(s for s in sheet.sections if s.id == "mesore")
    assert mesore.box


def test_each_expected_objection_has_the_library_s_one_line_reply() -> None:
    sheet = example_sheet("en", "negotiation")
    objections = next(s for s in sheet.sections if s.id == "objections")
    lines = objections.blocks[0].lines
    assert [line.lead for line in lines] == ["It's too expensive.", "I'm not the one who decides."]
    assert lines[0].parts[0].text.startswith('Ask "compared with what?"')
    screen = on_screen(sheet, 100)
    start = next(i for i, line in enumerate(screen) if line.startswith("Objections to expect"))
    assert screen[start + 1].startswith("• It's too expensive. Ask")
    assert screen[start + 3].startswith("• I'm not the one who decides. Ask")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_objection_of_the_library_has_a_short_reply_for_the_sheet(language: str) -> None:
    library = Library.load(language, search_path(language))
    for entry in library.get("objections").playbook.entries or []:
        reply = entry.details.get("reply")
        assert isinstance(reply, str) and 40 <= len(reply) <= 100, entry.id
        assert len(entry.label) + len(reply) <= 2 * 96, entry.id  # two lines at most


def test_french_sheet_uses_the_method_s_terms() -> None:
    questions = next(s for s in example_sheet("fr", "discovery").sections if s.id == "questions")
    assert [block.heading for block in questions.blocks][:4] == [
        "Informations naïvement superficielles",
        "Informations utiles",
        "Informations essentielles",
        "Informations nécessaires",
    ]
    screen = "\n".join(on_screen(example_sheet("fr", "negotiation"), 100))
    assert "Arrivée idéale\u00a0: 105 k€" in screen


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_no_unticked_checklist_and_details_keep_every_other_answer(meeting_type: str) -> None:
    body = example_body("en", meeting_type)
    sheet = sheet_only(body, "en")
    assert "[ ]" not in sheet
    details = body[len(sheet.rstrip()) :]
    assert body.startswith(sheet.rstrip())
    # Cut by "a few per level" or not placed on the sheet: kept under Details.
    if meeting_type in ("discovery", "presentation"):
        assert "What do your retail customers ask for" in details
        assert "What do your retail customers ask for" not in sheet
    if meeting_type in ("discovery", "presentation"):  # a prospect who has only heard of us
        assert "Your short company presentation" in details
    if meeting_type != "dispute":  # a dispute prepares no sales objections
        assert "Your answer, in your own words" in details


def test_questions_are_asked_top_down_a_few_per_level_each_subject_in_turn() -> None:
    sheet = example_sheet("en", "discovery")
    questions = next(s for s in sheet.sections if s.id == "questions")
    headings = [block.heading for block in questions.blocks]
    assert headings == [
        "Naively superficial information",
        "Useful information",
        "Essential information",
        "Necessary information",
        "FOCA chains",
    ]
    top = [line.parts[0].text for line in questions.blocks[0].lines]
    # One question on each subject (market, competition, stakes) before a second on any.
    assert top == [
        "How is your market changing for you these days?",
        "Who do you come up against most often?",
        "What will the low-emission zones change for your fleet?",
    ]


def test_user_text_is_literal_in_every_medium(tmp_path: Path) -> None:
    answers, session, library = example_prep("en", "negotiation")
    answers["meeting"]["objectives"] = ["Close [bold]it[/bold] <script>alert(1)</script> *now*"]
    header = SheetHeader("prep", "ACME", "negotiation", "2026-12-03", "en")
    playbooks = [e.playbook for e in session.used]
    sheet = prep_sheet(header, answers, playbooks, library, "prep-flow")
    screen = "\n".join(on_screen(sheet, 100))
    assert "Close [bold]it[/bold] <script>alert(1)</script> *now*" in screen
    page = sheet_html(sheet)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    body = render_body(header, answers, playbooks, library, "prep-flow")
    assert "\\*now\\*" in body and "\\[bold]" in body


def test_the_printable_page_is_self_contained() -> None:
    page = sheet_html(example_sheet("fr", "negotiation"))
    assert page.startswith("<!doctype html>") and '<html lang="fr">' in page
    assert "size: A4" in page
    for outside in ("http:", "https:", "@import", "url(", "<link", "<script", "src="):
        assert outside not in page
    assert "Arrivée idéale" in page


TEAM_PLAYBOOK = """\
id: qualification
kind: prep
title: Team qualification
language: en
version: 1
sheet:
  - id: qualification
    heading: Qualification (team)
    after: objectives
steps:
  - title: Qualification
    questions:
      - id: budget_known
        type: yesno
        prompt: Is the budget known?
        sheet: {section: qualification, label: Budget known}
        example: true
      - id: champion
        type: text
        prompt: Who champions us inside?
        sheet: {section: known, form: inline, label: Champion}
        example: Claire Martin
      - id: notes
        type: paragraph
        prompt: Anything else?
        example: Nothing for now.
"""

TEAM_FLOW = """\
id: prep-flow
kind: flow
title: Team preparation
language: en
version: 1
record: prep
flow:
  - playbook: meeting
  - playbook: qualification
  - playbook: opa
sheet:
  - id: glance
  - id: objectives
    heading: Objectives
  - id: opening
    heading: Opening
  - id: known
    heading: What we know
"""


def test_a_team_playbook_puts_its_answers_on_the_sheet_under_its_own_heading(
    tmp_path: Path,
) -> None:
    (tmp_path / "qualification.yaml").write_text(TEAM_PLAYBOOK, encoding="utf-8")
    (tmp_path / "prep-flow.yaml").write_text(TEAM_FLOW, encoding="utf-8")
    library = Library.load("en", search_path("en", [], [tmp_path]))
    assert library.check() == []
    sheet = example_sheet("en", "discovery", library)
    assert [s.id for s in sheet.sections] == [
        "glance",
        "objectives",
        "qualification",
        "opening",
        "known",
    ]
    screen = "\n".join(on_screen(sheet, 100))
    assert "Qualification (team)\nBudget known: yes" in screen
    assert "Champion: Claire Martin" in screen
    body = example_body_with(library)
    assert "Anything else" in body.split("## Details", 1)[1]


def example_body_with(library: Library) -> str:
    answers, session, _ = example_prep("en", "discovery", library)
    header = SheetHeader("prep", "ACME", "discovery", answers["meeting"]["date"], "en")
    return render_body(header, answers, [e.playbook for e in session.used], library, "prep-flow")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_debrief_lists_what_was_learned_from_the_top_of_the_funnel_down(language: str) -> None:
    answers, session, library = example_prep(language, "discovery")
    context = {"prep": answers, "account": {"phase": answers["meeting"]["phase"]}}
    debrief = Session(library, "debrief-flow", ExamplePrompter(), context=context, depth=Depth.FULL)
    found = debrief.run()
    header = SheetHeader("debrief", "ACME", "discovery", "2026-12-03", language)
    body = render_body(header, found, [e.playbook for e in debrief.used], library, "debrief-flow")
    heading = {
        "en": "**What you learned, from the top of the funnel down**",
        "fr": "**Ce que vous avez appris, du haut de l'entonnoir vers le bas**",
    }[language]
    assert heading in body
    learned = body[body.index(heading) :]
    levels = ["superficial", "useful", "essential", "necessary"]
    labels = [message(language, f"sheet_level-{level}") for level in levels]
    positions = [learned.index(f"*{label}*") for label in labels]
    assert positions == sorted(positions)


_STARTS_WITH_ITS_PUNCTUATION = re.compile(r"^[\s│•»0-9.]*[;:?!](\s|$)")
"""A line that begins (after the margin, a bullet, a number) with a mark French writes after a
non-breaking space: the terminal broke the line where it must not."""


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_a_french_sheet_at_80_columns_never_starts_a_line_with_a_colon_or_semicolon(
    meeting_type: str,
) -> None:
    lines = on_screen(example_sheet("fr", meeting_type), 80)
    assert [line for line in lines if _STARTS_WITH_ITS_PUNCTUATION.match(line)] == []
    assert all(len(line) <= 80 for line in lines)


def test_the_terminal_never_breaks_a_line_at_a_non_breaking_space() -> None:
    from salescoach.sheet.model import Block, Line, Part, Section

    text = "Demandez comment et par qui la décision se prend\u00a0; proposez de voir le décideur"
    lead = Part("Ce n'est pas moi qui décide.", label="Objection")
    line = Line(SheetForm.ITEMS, (lead, Part(text)))
    section = Section("objections", "Objections", False, blocks=[Block(None, [line])])
    sheet = Sheet("Préparation\u00a0: ACME", "fr", [section], frozenset())
    for width in range(24, 120):
        lines = on_screen(sheet, width)
        assert [row for row in lines if _STARTS_WITH_ITS_PUNCTUATION.match(row)] == [], width
        assert "prend\u00a0;" in "\n".join(lines), width  # kept together, the space kept as is


def test_a_record_s_markdown_never_breaks_a_line_at_a_non_breaking_space(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``show`` and a saved debrief print the record's Markdown: a French quote of the rep's
    words keeps its ';' on the line of the word before it, and its spaces as they were."""
    from salescoach.ui import console, render

    said = (
        "Deux sites, 40 postes de planification. Budget voté par le conseil le 14 janvier. "
        "Décision par le directeur des opérations avec Claire\u00a0; les achats mènent la "
        "consultation\u00a0: trois offres."
    )
    for width in range(30, 101):
        screen = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
        monkeypatch.setattr(console, "out", screen)
        render.markdown(f"# Débrief\n\n> {said}\n\n{said}\n")
        lines = screen.file.getvalue().splitlines()  # type: ignore[attr-defined]
        assert [row for row in lines if _STARTS_WITH_ITS_PUNCTUATION.match(row.lstrip("▌ "))] == []
        assert "Claire\u00a0;" in "\n".join(lines) or "Claire\u00a0; " in "\n".join(lines)
