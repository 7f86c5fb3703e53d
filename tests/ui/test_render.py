"""The renderer: user text is shown as typed, brackets and all; tables are not cut in a pipe."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from salescoach.errors import SalescoachError
from salescoach.playbook.library import Library, search_path
from salescoach.reports.agenda import AgendaItem
from salescoach.reports.reference import Reference
from salescoach.reports.registry import Agenda, Given
from salescoach.service.meetings import AccountRecap
from salescoach.session.carry import RecapLine
from salescoach.store.drafts import Draft
from salescoach.ui import console, render
from salescoach.ui.reports import render_agenda

MARKUP_LIKE = [
    "Acme [/x] Corp",
    "Send [bold]the quote[/bold] (tag [v2])",
    "[v2]",
    "[/]",
    "[red]",
    "[link=https://example.com]x[/link]",
    ":smile: [b]",
    "\\[escaped]",
    "[[double]]",
]
CHARACTERS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\t"
)
USER_TEXT = st.one_of(
    st.sampled_from(MARKUP_LIKE),
    st.text(alphabet=st.sampled_from("[]/\\=:#abc XYZ"), min_size=1, max_size=30),
    st.text(alphabet=CHARACTERS, min_size=1, max_size=30),
).filter(lambda text: text.strip() != "")


class Screens:
    """Both consoles, recorded; what was shown, with the layout's spaces collapsed."""

    def __init__(self) -> None:
        self.out = Console(file=io.StringIO(), width=120, theme=console.THEME, no_color=True)
        self.err = Console(file=io.StringIO(), width=120, theme=console.THEME, no_color=True)

    def take(self) -> str:
        text = ""
        for screen in (self.out, self.err):
            assert isinstance(screen.file, io.StringIO)
            text += screen.file.getvalue()
            screen.file.seek(0)
            screen.file.truncate()
        return " ".join(text.split())


@pytest.fixture
def screens(monkeypatch: pytest.MonkeyPatch) -> Iterator[Screens]:
    recorded = Screens()
    monkeypatch.setattr(console, "out", recorded.out)
    monkeypatch.setattr(console, "err", recorded.err)
    yield recorded


def _shown(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference.from_library(Library.load("en", search_path("en")))


def _draft(account: str) -> Draft:
    stamp = "2026-11-28T10:00:00+00:00"
    return Draft(
        id="prep-acme-1",
        kind="prep",
        account=account,
        language="en",
        answers={"meeting": {"account": account}},
        created=stamp,
        updated=stamp,
        flow="prep-flow",
    )


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(text=USER_TEXT)
def test_said_warned_and_errors_show_user_text_literally(screens: Screens, text: str) -> None:
    render.say(text)
    assert _shown(text) in screens.take()
    render.warn("skipped", text)
    assert _shown(text) in screens.take()
    render.error("en", SalescoachError(text, hint=text))
    shown = screens.take()
    assert shown.count(_shown(text)) >= 2


@SETTINGS
@given(text=USER_TEXT)
def test_table_cells_are_literal(screens: Screens, text: str) -> None:
    render.table(("account", "next step"), [(text, text)])
    assert screens.take().count(_shown(text)) >= 2


@SETTINGS
@given(account=USER_TEXT, step=USER_TEXT)
def test_the_recap_before_a_prep_is_literal(screens: Screens, account: str, step: str) -> None:
    known = AccountRecap(
        last_meeting="2026-11-01-x",
        known=[RecapLine("meeting.market", "Their market", step, "2026-11-01", "2026-11-01-x")],
        open_next_steps=[{"action": step}],
        quick=True,
    )
    render.account_recap("en", account, known)
    shown = screens.take()
    assert _shown(account) in shown and _shown(step) in shown
    assert "Their market" in shown and "2026-11-01)" in shown


@SETTINGS
@given(account=USER_TEXT)
def test_the_drafts_table_is_literal(screens: Screens, account: str) -> None:
    render.drafts("en", [_draft(account)], [])
    assert _shown(account) in screens.take()


@SETTINGS
@given(account=USER_TEXT, detail=USER_TEXT)
def test_the_agenda_is_literal(
    screens: Screens, reference: Reference, account: str, detail: str
) -> None:
    today = dt.date(2026, 11, 28)
    item = AgendaItem("next-step", account, "acme", "2026-11-20", 8, detail, owner=detail)
    render_agenda(Agenda(today, 7, [item]), Given(reference, today), "en")
    shown = screens.take()
    assert _shown(account) in shown and _shown(detail) in shown
    assert "8 d late" in shown


def test_a_table_in_a_pipe_keeps_whole_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = Console(file=io.StringIO(), width=80, theme=console.THEME)
    assert not pipe.is_terminal
    monkeypatch.setattr(console, "out", pipe)
    meeting = "2026-12-03-acme-corporation-international-holdings-negotiation-2"
    render.table(("date", "meeting", "account"), [("2026-12-03", meeting, "Acme " * 8)])
    assert isinstance(pipe.file, io.StringIO)
    lines = pipe.file.getvalue().splitlines()
    assert meeting in lines[1] and "…" not in lines[1]
    assert pipe.width == 80  # the console is left as it was


def test_a_saved_record_is_announced_literally(
    screens: Screens, tmp_path: Path, reference: Reference
) -> None:
    from salescoach.store.record import AccountRef, Record
    from salescoach.workflow import Saved

    stamp = "2026-11-28T10:00:00+00:00"
    record = Record(
        kind="debrief",
        meeting="2026-11-28-acme-x",
        account=AccountRef(slug="acme-x", name="Acme [/x] Corp"),
        created=stamp,
        updated=stamp,
        language="en",
    )
    render.saved(Saved(record, tmp_path / "[v2].md", "# Acme [/x] Corp\n"))
    shown = screens.take()
    assert "[v2].md" in shown and "Acme [/x] Corp" in shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_team_report_turns_to_a_figure_per_row_in_an_80_column_terminal(
    monkeypatch: pytest.MonkeyPatch, reference: Reference, language: str
) -> None:
    from salescoach.reports.team import RepFigures, team
    from salescoach.ui.reports import render_team

    screen = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    monkeypatch.setattr(console, "out", screen)
    reps = [
        RepFigures("claire.martin", 3, 24, 20, 0.55, 4, prospects=6, won=2, revenue=84.0),
        RepFigures("paul.durand", 2, 17, 12, 0.42, 2, prospects=5, won=1, revenue=31.5),
    ]
    render_team(team(reps), Given(reference, dt.date(2026, 12, 1)), language)
    assert isinstance(screen.file, io.StringIO)
    lines = screen.file.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "claire.martin" in lines[0] and "paul.durand" in lines[0]  # a column per rep
    words = {"en": ("meetings", "objectives reached"), "fr": ("rendez-vous", "objectifs atteints")}
    for word in words[language]:
        assert any(line.startswith(word) for line in lines)  # a row per figure, its name whole


def _terminal(monkeypatch: pytest.MonkeyPatch, width: int = 80) -> Console:
    screen = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    monkeypatch.setattr(console, "out", screen)
    return screen


def _lines(screen: Console) -> list[str]:
    assert isinstance(screen.file, io.StringIO)
    return screen.file.getvalue().splitlines()


MEETING = "2026-12-01-transports-giraud-negotiation"


def test_a_narrow_terminal_leaves_out_spare_then_keeps_ids_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _terminal(monkeypatch, 64)
    shown = render.new_table(
        render.Spare("date"), render.Whole("meeting"), "account", render.Spare("type"), "phase"
    )
    render.add_row(shown, "2026-12-01", MEETING, "Transports Giraud", "Negotiation", "4 · Deal")
    render.show(shown)
    lines = _lines(screen)
    assert lines[0].split() == ["meeting", "account", "phase"]  # date and type are in the id
    assert MEETING in lines[1]  # never folded: it is copied into the next command
    assert all(len(line) <= 64 for line in lines)


def test_a_wide_terminal_keeps_every_column_and_drops_only_empty_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _terminal(monkeypatch, 160)
    shown = render.new_table(render.Spare("date"), render.Whole("meeting"), "owner", "type")
    render.add_row(shown, "2026-12-01", MEETING, "", "Negotiation")
    render.show(shown)
    assert _lines(screen)[0].split() == ["date", "meeting", "type"]  # nobody owns anything


def test_a_pipe_keeps_every_column(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = Console(file=io.StringIO(), width=80, theme=console.THEME)
    monkeypatch.setattr(console, "out", pipe)
    shown = render.new_table(render.Spare("date"), render.Whole("meeting"), "owner", "type")
    render.add_row(shown, "2026-12-01", MEETING + "-and-more-words-than-fit", "", "Negotiation")
    render.show(shown)
    assert _lines(pipe)[0].split() == ["date", "meeting", "owner", "type"]


@pytest.mark.parametrize("width", [30, 41, 52, 64, 80])
def test_a_french_colon_never_starts_a_line_of_a_table(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """The catalogue writes a non-breaking space before « : »: Rich would wrap there."""
    counts = ", ".join(f"{n} niveaux\u00a0: {n * 40}" for n in range(5))
    for terminal in (True, False):
        screen = Console(file=io.StringIO(), width=width, force_terminal=terminal)
        monkeypatch.setattr(console, "out", screen)
        shown = render.new_table("niveau", "débriefs", "cause\u00a0: détail")
        shown.title = f"Entonnoir\u00a0: {counts}"
        shown.caption = f"sur 490 débriefs · {counts}"
        render.add_row(shown, "Informations utiles", "203", "budget\u00a0: inconnu " * 3)
        render.show(shown)
        lines = _lines(screen)
        assert lines and not [line for line in lines if line.strip().startswith(":")]
        written = "\n".join(lines)
        assert "niveaux\u00a0: 160" in written and "\ue000" not in written  # spaces put back


def test_a_phase_too_long_for_the_terminal_keeps_its_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 80 columns a French phase label folded over three lines; the number is kept."""
    rows = [
        ("2026-12-01", MEETING, "Messagerie Rhône", "3 · Intérêt pour une solution"),
        ("2026-12-02", MEETING, "Fret Rhône", "Client · Après la vente"),
    ]
    for width, phases in ((80, ["3", "Client"]), (160, [row[3] for row in rows])):
        screen = _terminal(monkeypatch, width)
        shown = render.new_table(
            render.Spare("date"), render.Whole("meeting"), "compte", render.Brief("phase")
        )
        for row in rows:
            render.add_row(shown, *row)
        render.show(shown)
        lines = _lines(screen)
        assert len(lines) == 3  # the heading and one line a row
        assert [line.rstrip().split("  ")[-1].strip() for line in lines[1:]] == phases
